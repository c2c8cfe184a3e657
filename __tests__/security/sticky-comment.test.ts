// Item 9: the sticky comment is only the token's own, starting with the marker: a comment by anyone else that
// carries the marker (a hijack, or a maintainer quoting the report) is never overwritten.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { authorOf } from '../../stand-ins/github-issues.js'
import { runPost, startCommentsStandIn, type GitHubStandIn } from '../support/post-job.js'

const MARKER = '<!-- claude-preflight:post-report -->'
const LOG = 'Failed to authenticate. API Error: 401 invalid x-api-key\n'

let github: GitHubStandIn
beforeAll(async () => {
  github = await startCommentsStandIn({ users: { ghp_maintainer: 'maintainer' } }, [
    'ghp_maintainer'
  ])
})
afterAll(async () => github.close())

function seed(number: number, comments: Array<{ body: string; token: string }>) {
  github.state.comments[`acme/app#${number}`] = comments.map(({ body, token }, i) => ({
    id: number * 100 + i,
    body,
    ...authorOf(github.state, token)
  }))
}

test.each([
  ['the workflow token', 'ghs_installation', 'github-actions[bot]'],
  ['a personal access token', 'ghp_maintainer', 'maintainer']
])(
  'with %s, others\u2019 comments carrying the marker stay as they are',
  async (_, token, login) => {
    const number = token === 'ghp_maintainer' ? 901 : 900
    const hijack = `${MARKER}\nA comment by someone else, starting with the marker.`
    const quote = `> the preflight said:\n> ${MARKER}\nA quote of an earlier report.`
    seed(number, [
      { body: hijack, token: token === 'ghp_maintainer' ? 'ghs_installation' : 'ghp_maintainer' },
      { body: quote, token }
    ])
    const first = await runPost(
      github,
      { 'claude.log': LOG },
      { number, inputs: { 'github-token': token } }
    )
    expect(first.result.stdout).toContain(`PR #${number} comment created`)
    const second = await runPost(
      github,
      { 'claude.log': LOG },
      { number, inputs: { 'github-token': token } }
    )
    expect(second.result.stdout).toMatch(new RegExp(`PR #${number} comment (updated|unchanged)`))
    const comments = second.comments
    expect(comments).toHaveLength(3)
    expect(comments[0]?.body).toBe(hijack)
    expect(comments[1]?.body).toBe(quote)
    expect(comments[2]?.user.login).toBe(login)
    expect(comments[2]?.body.startsWith(MARKER)).toBe(true)
    expect(comments[2]?.body).toContain('anthropic-auth-invalid')
  },
  60_000
)

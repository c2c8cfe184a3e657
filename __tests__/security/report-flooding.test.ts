// Item 7 (the reports): however many distinct failures the files hold, and however long their words, the PR
// comment stays under GitHub's 65,536 characters (or it is refused) and the job summary under the runner's 1 MiB
// (or it is dropped whole); what is not listed is counted.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { runPost, startCommentsStandIn, type GitHubStandIn } from '../support/post-job.js'

let github: GitHubStandIn
beforeAll(async () => {
  github = await startCommentsStandIn()
})
afterAll(async () => github.close())

const failures = (count: number, width: number) =>
  Array.from(
    { length: count },
    (_, i) => `Failed to authenticate. API Error: 401 invalid x-api-key ${i} ${'w'.repeat(width)}`
  ).join('\n')

test.each([
  [130, 400],
  [6000, 400],
  [3, 200_000]
])(
  '%i distinct failures of %i characters: a comment GitHub takes, a summary the runner keeps',
  async (count, width) => {
    const { result, comments } = await runPost(github, { 'claude.log': failures(count, width) })
    expect(result.code).toBe(1)
    expect(comments).toHaveLength(1)
    const body = comments[0]!.body
    expect([...body].length).toBeLessThanOrEqual(65_536)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
    expect(result.summary).toContain(`${count} credential failure`)
    if (count > 20) {
      expect(result.summary).toContain(`And ${count - 20} more failures, not listed.`)
      expect(body).toContain(`And ${count - 20} more failures, not listed.`)
    }
    // The runner shows ten error annotations of a step: nine failures and the count of the rest.
    expect(result.commands.filter(c => c.command === 'error').length).toBeLessThanOrEqual(10)
  },
  120_000
)

// Item 12 (fingerprints): a secret without Anthropic's prefix (a gateway token, maybe weak) is named by a hash
// keyed with a secret of the job, never its plain SHA-256 nor a hash under public values (the run's ids), which
// anyone could test guesses against; and the PR comment shows no fingerprint at all.
import { createHash, createHmac } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { runAction } from '../support/runner.js'
import { runPost, startCommentsStandIn, type GitHubStandIn } from '../support/post-job.js'

const GATEWAY = 'weak-gateway-token-2024'
const plain = createHash('sha256').update(GATEWAY).digest('hex').slice(0, 8)

let api: { url: string; close(): Promise<void> }
let github: GitHubStandIn
beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [GATEWAY]: 'valid' } })
  github = await startCommentsStandIn()
})
afterAll(async () => {
  await api.close()
  await github.close()
})

const JOB_TOKEN = 'ghs_jobtoken0123456789abcdef'
const NEXT_JOB_TOKEN = 'ghs_nextjobtoken0123456789ab'
const RUN = { GITHUB_RUN_ID: '1001', GITHUB_REPOSITORY_ID: '123456' }

async function main(githubToken: string) {
  return runAction('dist/main/index.js', {
    inputs: {
      'anthropic-auth-token': GATEWAY,
      'anthropic-base-url': api.url,
      'min-remaining': '5m',
      'github-token': githubToken
    },
    // The GitHub the post step comments on, as the runner gives it to every step of the job.
    env: {
      ...RUN,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SERVER_URL: 'https://github.com'
    }
  })
}

/** What anyone could compute from public facts: a keyed hash under the run's ids, or no key at all. */
const guessable = [
  plain,
  ...['claude-preflight fingerprint 123456 1001', '', '123456', '1001'].map(key =>
    createHmac('sha256', key).update(GATEWAY).digest('hex').slice(0, 8)
  )
]

test('a gateway token gets a fingerprint keyed by the job’s token: the same within a job, another in the next', async () => {
  const first = await main(JOB_TOKEN)
  const again = await main(JOB_TOKEN)
  const next = await main(NEXT_JOB_TOKEN)
  const printed = (summary: string) => /`secret:([0-9a-f]{8})`/.exec(summary)?.[1]
  expect(first.outputs.status).toBe('valid')
  expect(printed(first.summary)).toBeDefined()
  expect(guessable).not.toContain(printed(first.summary))
  expect(printed(again.summary)).toBe(printed(first.summary))
  expect(printed(next.summary)).not.toBe(printed(first.summary))
  expect(first.summary + first.stdout + first.files.state).not.toContain(plain)

  const { comments, result } = await runPost(
    github,
    { 'claude.log': 'Failed to authenticate. API Error: 401 Invalid bearer token\n' },
    { state: first.state, env: RUN }
  )
  expect(result.summary).toContain(`secret:${printed(first.summary)}`)
  expect(comments).toHaveLength(1)
  expect(comments[0]!.body).not.toMatch(/secret:[0-9a-f]{8}/)
}, 120_000)

// Item 12 (fingerprints): a secret without Anthropic's prefix (a gateway token, maybe weak) is named by a hash
// keyed per run, never its plain SHA-256, which anyone could test guesses against; and the PR comment shows no
// fingerprint at all.
import { createHash } from 'node:crypto'
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

async function main(runId: string) {
  return runAction('dist/main/index.js', {
    inputs: {
      'anthropic-auth-token': GATEWAY,
      'anthropic-base-url': api.url,
      'min-remaining': '5m'
    },
    env: { GITHUB_RUN_ID: runId, GITHUB_REPOSITORY_ID: '123456' }
  })
}

test('a gateway token gets a keyed fingerprint, the same within a run, another in the next', async () => {
  const first = await main('1001')
  const again = await main('1001')
  const next = await main('1002')
  const printed = (summary: string) => /`secret:([0-9a-f]{8})`/.exec(summary)?.[1]
  expect(first.outputs.status).toBe('valid')
  expect(printed(first.summary)).toBeDefined()
  expect(printed(first.summary)).not.toBe(plain)
  expect(printed(again.summary)).toBe(printed(first.summary))
  expect(printed(next.summary)).not.toBe(printed(first.summary))
  expect(first.summary + first.stdout + first.files.state).not.toContain(plain)

  const { comments, result } = await runPost(
    github,
    { 'claude.log': 'Failed to authenticate. API Error: 401 Invalid bearer token\n' },
    { state: first.state, env: { GITHUB_RUN_ID: '1001', GITHUB_REPOSITORY_ID: '123456' } }
  )
  expect(result.summary).toContain(`secret:${printed(first.summary)}`)
  expect(comments).toHaveLength(1)
  expect(comments[0]!.body).not.toMatch(/secret:[0-9a-f]{8}/)
}, 120_000)

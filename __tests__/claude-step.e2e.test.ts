// The bundled main step checks the credential the job's Claude step will receive, read from the job's own workflow:
// the case of an OAuth token given to both actions while the job's env holds a (dead) API key.
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { checkout } from './support/checkout.js'

const OAUTH = 'sk-ant-oat01-STEP-valid-oauth-0123456789'
const DEAD_KEY = 'sk-ant-api03-STEP-dead-key-0123456789'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [OAUTH]: 'valid', [DEAD_KEY]: 'invalid' } })
})
afterAll(async () => api.close())

const workflow = (ref: string) => `on: pull_request
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    env:
      ANTHROPIC_API_KEY: \${{ secrets.OLD_KEY }}
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          claude-code-oauth-token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
      - name: Review
        uses: anthropics/claude-code-action@${ref}
        with:
          claude_code_oauth_token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
`

/** The bundled main step in a job whose checkout (of the running commit) holds `workflowText`. */
async function runInJob(
  workflowText: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  const job = newJob()
  const sha = checkout(job.dir, { '.github/workflows/review.yml': workflowText })
  const result = await runAction('dist/main/index.js', {
    job,
    inputs: {
      'claude-code-oauth-token': OAUTH,
      'anthropic-base-url': api.url,
      'probe-timeout': '30s',
      ...inputs
    },
    env: {
      GITHUB_WORKSPACE: job.dir,
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/review.yml@refs/pull/7/merge',
      GITHUB_WORKFLOW_SHA: sha,
      GITHUB_JOB: 'review',
      GITHUB_EVENT_NAME: 'pull_request',
      // The job may mint OIDC tokens (id-token: write), as claude-code-action needs for its GitHub App token.
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/idtoken?api-version=2.0',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
      ...env
    }
  })
  expectNoLeak(result, env.ANTHROPIC_API_KEY ? [OAUTH, env.ANTHROPIC_API_KEY] : [OAUTH], [
    'oauth-token'
  ])
  return result
}

const runWith = (ref: string) => runInJob(workflow(ref), {}, { ANTHROPIC_API_KEY: DEAD_KEY })

it('an action that shadows the job’s API key: the OAuth token Claude receives is checked, and passes', async () => {
  const before = api.requests.length
  const result = await runWith('v1.0.100')
  expect(result.code).toBe(0)
  expect(result.outputs.credential).toBe('claude-code-oauth-token')
  expect(result.outputs.status).toBe('valid')
  // Only what Claude will send was sent.
  expect(api.requests.slice(before).map(r => r.secret)).toEqual([OAUTH])
  expect(result.summary).toContain(
    // Markdown, with the workflow's own words escaped: it renders as "(#2)" and "anthropics/…@v1.0.100" in code.
    "Claude runs in step 'Review' (\\#2) of job 'review' (` anthropics/claude-code-action@v1.0.100 `): the credential checked is the one that step passes Claude."
  )
  expect(result.summary).toMatch(/timeout-minutes: 30 of job 'review'/)
  expect(
    result.commands.some(
      c =>
        c.command === 'warning' &&
        /API key from env ANTHROPIC_API_KEY does not reach Claude/.test(c.message)
    )
  ).toBe(true)
})

it('an action that falls back to the job’s API key: Claude uses that dead key, and the preflight fails on it', async () => {
  const result = await runWith('v1')
  expect(result.code).toBe(1)
  expect(result.outputs.credential).toBe('anthropic-api-key')
  expect(result.outputs.status).toBe('invalid')
})

it('write-credentials-file under claude-code-action is said to do nothing for Claude', async () => {
  const result = await runInJob(workflow('v1'), { 'write-credentials-file': 'true' })
  expect(result.code).toBe(0)
  expect(
    result.commands.some(
      c =>
        c.command === 'warning' &&
        /'write-credentials-file' is on, but Claude runs in step 'Review' \(#2\) of job 'review' \(claude-code-action\)/.test(
          c.message
        )
    )
  ).toBe(true)
})

it('says so when no Claude step follows, and checks what its own step sees', async () => {
  const result = await runInJob('jobs:\n  review:\n    steps:\n      - run: npm test\n')
  expect(result.outputs.status).toBe('valid')
  expect(result.summary).toContain(
    "No Claude step modelled: no step after this one in job 'review' runs Claude; the credential checked is what this step sees (its inputs, then its environment)."
  )
})

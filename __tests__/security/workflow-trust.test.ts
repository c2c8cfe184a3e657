// Issue 8, item 10: `min-remaining: auto` reads the running workflow, not a pull request's copy in the checkout, reads
// at most 256 KiB, and parses off the probe's clock. The bundled main step, run as the runner runs it, against the
// stand-in API and a stand-in contents API that holds the running workflow at GITHUB_WORKFLOW_SHA.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../../stand-ins/github.js'
import { contentsRoutes } from '../../stand-ins/github-contents.js'
import { newJob, runAction } from '../support/runner.js'
import { expectNoLeak } from '../support/leaks.js'
import { checkout } from '../support/checkout.js'

const MAIN = 'dist/main/index.js'
const OAUTH = 'sk-ant-oat01-TRUST-valid-oauth-0123456789'
const KEY = 'sk-ant-api03-TRUST-valid-key-0123456789'
const GH_TOKEN = 'ghs_TRUSTtoken0123456789'
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const WORKFLOW = '.github/workflows/claude.yml'
const RUNNING =
  'on: pull_request_target\njobs:\n  claude:\n    timeout-minutes: 60\n    steps: []\n'
/** What a pull request's head says, checked out by a pull_request_target job. */
const PULL_REQUESTS = 'jobs:\n  claude:\n    timeout-minutes: 5\n'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [OAUTH]: 'valid', [KEY]: 'valid' } })
  github = await startGitHubStandIn({
    routes: contentsRoutes,
    tokens: [GH_TOKEN],
    state: { files: { [`acme/app@${SHA}:${WORKFLOW}`]: RUNNING } }
  })
})
afterAll(async () => {
  await api.close()
  await github.close()
})

/** A job whose checkout (a git commit, as actions/checkout leaves it) holds `workflow` at the workflow's path. */
function jobWithCheckout(workflow: string) {
  const job = newJob()
  const sha = checkout(job.dir, { [WORKFLOW]: workflow })
  return Object.assign(job, { sha })
}

const runIn = (
  job: ReturnType<typeof newJob>,
  inputs: Record<string, string>,
  env: Record<string, string>
) =>
  runAction(MAIN, {
    job,
    inputs: {
      'anthropic-base-url': api.url,
      'probe-timeout': '5s',
      'min-remaining': 'auto',
      'on-expiring': 'fail',
      ...inputs
    },
    env: {
      GITHUB_WORKFLOW_REF: `acme/app/${WORKFLOW}@refs/heads/main`,
      GITHUB_WORKFLOW_SHA: SHA,
      GITHUB_JOB: 'claude',
      GITHUB_API_URL: github.url,
      GITHUB_WORKSPACE: job.dir,
      ...env
    },
    timeoutMs: 60_000
  })

describe("a pull request's copy of the workflow is not the running one", () => {
  /** A token dying in 25 minutes: long enough for the pull request's 5, not for the running job's 60. */
  const dyingToken = () => ({
    'claude-code-oauth-token': OAUTH,
    'oauth-token-expires-at': new Date(Date.now() + 25 * 60_000).toISOString()
  })

  it.each(['pull_request_target', 'issue_comment'])(
    'on %s the timeout comes from GITHUB_WORKFLOW_SHA through the contents API',
    async event => {
      const result = await runIn(
        jobWithCheckout(PULL_REQUESTS),
        { ...dyingToken(), 'github-token': GH_TOKEN },
        { GITHUB_EVENT_NAME: event }
      )
      expect(result.outputs).toMatchObject({ status: 'expiring', valid: 'false' })
      expect(result.summary).toMatch(
        /must last 1h: timeout-minutes: 60 of job 'claude' in \.github\/workflows\/claude\.yml at a1b2c3d4e5f6/
      )
      expectNoLeak(result, [OAUTH, GH_TOKEN], ['oauth-token'])
    }
  )

  it('falls back to 360 minutes, saying why, when the running workflow cannot be read', async () => {
    const result = await runIn(
      jobWithCheckout(PULL_REQUESTS),
      { ...dyingToken(), 'github-token': 'ghs_not-a-token-it-knows' },
      { GITHUB_EVENT_NAME: 'pull_request_target' }
    )
    expect(result.outputs.status).toBe('expiring')
    expect(result.summary).toMatch(
      /360 minutes, GitHub's default job limit \(could not read \.github\/workflows\/claude\.yml: the contents API answered HTTP 401 \(the checkout's copy is not the one at a1b2c3d4e5f6, and may be a pull request's\)\)/
    )
  })

  it('on a dispatch that checks out a pull request, the checkout is not trusted either', async () => {
    const result = await runIn(
      jobWithCheckout(PULL_REQUESTS),
      { ...dyingToken(), 'github-token': GH_TOKEN },
      { GITHUB_EVENT_NAME: 'workflow_dispatch' }
    )
    expect(result.outputs).toMatchObject({ status: 'expiring', valid: 'false' })
    expect(result.summary).toMatch(
      /must last 1h: timeout-minutes: 60 of job 'claude' in .* at a1b2c3d4e5f6/
    )
  })

  it("reads the checkout's copy when it is the running workflow's own blob, with no API call", async () => {
    const job = jobWithCheckout('jobs:\n  claude:\n    timeout-minutes: 20\n')
    const result = await runIn(job, dyingToken(), {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_WORKFLOW_SHA: job.sha
    })
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toMatch(/must last 20m: timeout-minutes: 20 of job 'claude' in \.github/)
  })
})

describe('the workflow read is bounded and off the probe clock', () => {
  /** A workflow of `keys` environment variables, with the job's timeout first. */
  const bigWorkflow = (keys: number) =>
    `jobs:\n  claude:\n    timeout-minutes: 45\nenv:\n${Array.from({ length: keys }, (_, i) => `  K${i}: 1\n`).join('')}`

  it('a file over 256 KiB is not parsed: the default, said, and a live key stays valid', async () => {
    const workflow = bigWorkflow(40_000)
    expect(Buffer.byteLength(workflow)).toBeGreaterThan(256 * 1024)
    const started = Date.now()
    const job = jobWithCheckout(workflow)
    const result = await runIn(
      job,
      { 'anthropic-api-key': KEY, 'probe-timeout': '3s' },
      { GITHUB_EVENT_NAME: 'push', GITHUB_WORKFLOW_SHA: job.sha }
    )
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toMatch(
      /360 minutes, GitHub's default job limit \(could not read .*\(the checkout's \.github\/workflows\/claude\.yml is larger than 256 KiB\)\)/
    )
    // Generous: the old parse of this file took 24-40 s.
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it("a large file under the cap is read, and its parse does not run out the probe's time", async () => {
    const workflow = bigWorkflow(18_000)
    expect(Buffer.byteLength(workflow)).toBeLessThan(256 * 1024)
    const job = jobWithCheckout(workflow)
    const result = await runIn(
      job,
      { 'anthropic-api-key': KEY, 'probe-timeout': '2s' },
      { GITHUB_EVENT_NAME: 'push', GITHUB_WORKFLOW_SHA: job.sha }
    )
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toMatch(/must last 45m: timeout-minutes: 45 of job 'claude'/)
  })
})

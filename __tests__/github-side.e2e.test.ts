// The GitHub side of the bundled main step, run as the runner runs it: which GitHub token the job's Claude step gets
// (read from the job's own workflow, or given as claude-github-token), the job's OIDC token for the Claude GitHub App,
// the App token exchange (minted, then revoked), and a token's life against the job. Every call goes over loopback to
// stand-ins of the runner's OIDC endpoint, claude-code-action's exchange and the GitHub API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startAppExchangeStandIn } from '../stand-ins/app-exchange.js'
import { seedToken, tokensRoutes } from '../stand-ins/github-tokens.js'
import { secretsRoutes } from '../stand-ins/github-secrets.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { checkout } from './support/checkout.js'

const KEY = 'sk-ant-api03-GHSIDE-valid-key-0123456789'
const WORKFLOW_TOKEN = 'ghs_GHSIDEworkflowToken0123456789abcd'
const PAT = 'github_pat_GHSIDE_expiringSoon0123456789abcdefghij'
const LASTING_PAT = 'github_pat_GHSIDE_lasting0123456789abcdefghijklmn'
const CLASSIC = 'ghp_GHSIDEclassicNoRepoScope0123456789ab'
const DEAD_PAT = 'github_pat_GHSIDE_revoked0123456789abcdefghijklmn'
const APP_TOKEN = 'ghs_GHSIDEappTokenFromStep0123456789ab'
const FRESH_APP_TOKEN = 'ghs_GHSIDEfreshAppTokenWithHeader01234'
const RUN_ID = '4242'
const RUNNER = 'GitHub Actions 7'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>
let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let exchange: Awaited<ReturnType<typeof startAppExchangeStandIn>>
/** The GitHub stand-in's state: the tokens it knows, the run's jobs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const githubState: Record<string, any> = {}
/** When the job "started", as the jobs API says. */
let jobStartedAt: Date

beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' } })
  github = await startGitHubStandIn({
    routes: [...tokensRoutes, ...secretsRoutes],
    state: githubState
  })
  const now = Date.now()
  seedToken(githubState, WORKFLOW_TOKEN, { kind: 'installation' })
  seedToken(githubState, PAT, { kind: 'fine-grained', expiresAt: new Date(now + 20 * 60_000) })
  seedToken(githubState, LASTING_PAT, {
    kind: 'fine-grained',
    expiresAt: new Date(now + 30 * 86_400_000),
    expirationOffset: '-0700'
  })
  seedToken(githubState, CLASSIC, { kind: 'classic', scopes: ['read:org', 'gist'] })
  seedToken(githubState, APP_TOKEN, { kind: 'installation' })
  // Minted seconds ago, its expiry in GitHub's header: under an hour from now.
  seedToken(githubState, FRESH_APP_TOKEN, {
    kind: 'installation',
    expiresAt: new Date(now + 59 * 60_000),
    expirationHeader: true
  })
  jobStartedAt = new Date(Math.floor((now - 10 * 60_000) / 1000) * 1000)
  githubState.jobs = {
    [`${RUN_ID}/1`]: [
      { status: 'in_progress', started_at: jobStartedAt.toISOString(), runner_name: RUNNER }
    ]
  }
  oidc = await startGitHubOidcStandIn()
  exchange = await startAppExchangeStandIn({ oidc, github })
})
afterAll(async () => {
  await Promise.all([api.close(), github.close(), oidc.close(), exchange.close()])
})

/** A job `review` whose preflight is followed by claude-code-action, with the given permissions and inputs. */
function workflow(options: {
  timeout?: number
  permissions?: string
  githubToken?: string
  before?: string
}): string {
  return `on: pull_request
permissions:
${options.permissions ?? '  contents: write\n  pull-requests: write\n  issues: write\n  id-token: write'}
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: ${options.timeout ?? 30}
    steps:
${options.before ?? ''}      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}
      - name: Claude
        uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
${options.githubToken ? `          github_token: ${options.githubToken}\n` : ''}`
}

const APP_STEP = `      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_KEY }}
`

/** The bundled main step in a job whose checkout holds `workflowText`; the job may mint OIDC tokens by default. */
async function runInJob(
  workflowText: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = { ...oidc.env }
) {
  const job = newJob()
  const issuedBefore = exchange.issued.length
  const mintedBefore = oidc.minted.length
  const requestsBefore = oidc.requests.length
  const sha = checkout(job.dir, { '.github/workflows/review.yml': workflowText })
  const result = await runAction('dist/main/index.js', {
    job,
    inputs: {
      'anthropic-api-key': KEY,
      'anthropic-base-url': api.url,
      'probe-timeout': '30s',
      'github-token': WORKFLOW_TOKEN,
      'github-app-exchange-url': exchange.exchangeUrl,
      ...inputs
    },
    env: {
      GITHUB_WORKSPACE: job.dir,
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/review.yml@refs/pull/7/merge',
      GITHUB_WORKFLOW_SHA: sha,
      GITHUB_JOB: 'review',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_NAME: RUNNER,
      GITHUB_API_URL: github.url,
      ...env
    }
  })
  const secrets = [
    KEY,
    WORKFLOW_TOKEN,
    ...exchange.issued.slice(issuedBefore).map(i => i.token),
    ...oidc.minted.slice(mintedBefore).map(m => m.token),
    // The runner's request token, masked by the step that uses it.
    ...(oidc.requests.length > requestsBefore && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ? [env.ACTIONS_ID_TOKEN_REQUEST_TOKEN]
      : [])
  ]
  expectNoLeak(
    result,
    inputs['claude-github-token'] ? [...secrets, inputs['claude-github-token']] : secrets
  )
  return { ...result, dir: job.dir }
}

type Result = Awaited<ReturnType<typeof runInJob>>
const annotation = (result: Result, title: string) =>
  result.commands.find(c => c.properties === `title=${title}`)

describe('the Claude GitHub App (claude-code-action without github_token)', () => {
  it('without id-token: write it fails before Claude could, with the exact fix', async () => {
    const result = await runInJob(workflow({ permissions: '  contents: write' }), {}, {})
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('valid')
    expect(result.outputs['github-token-status']).toBe('missing')
    const error = annotation(result, 'GitHub OIDC token unavailable')
    expect(error?.command).toBe('error')
    expect(error?.message).toMatch(
      /step 'Claude' \(#2\) of job 'review' mints its GitHub token from the job's OIDC token, but this job cannot mint one .*Fix: add `permissions: id-token: write` to job 'review'/
    )
    expect(result.summary).toMatch(/\| GitHub token: Claude GitHub App token \| .* \| missing \|/)
  })

  it('warns instead with on-invalid: warn', async () => {
    const result = await runInJob(workflow({}), { 'on-invalid': 'warn' }, {})
    expect(result.code).toBe(0)
    expect(annotation(result, 'GitHub OIDC token unavailable')?.command).toBe('warning')
  })

  it('on a fork pull request it explains that GitHub gives forks no OIDC token', async () => {
    const job = newJob()
    const event = join(job.dir, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { fork: true } } } }))
    const result = await runInJob(workflow({}), {}, { GITHUB_EVENT_PATH: event })
    expect(result.code).toBe(1)
    expect(annotation(result, 'GitHub OIDC token unavailable')?.message).toMatch(
      /GitHub gives no OIDC token to a run for a pull request from a fork.*This is not a credential problem\. Fix: skip the job for forks/
    )
  })

  it('with the OIDC permission and no check asked, it passes and times the one-hour token', async () => {
    const before = oidc.requests.length
    const result = await runInJob(workflow({ timeout: 45 }))
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('unchecked')
    const expires = Date.parse(result.outputs['github-token-expires-at'] ?? '')
    expect(expires).toBeGreaterThan(Date.now() + 55 * 60_000)
    expect(oidc.requests.length).toBe(before)
    expect(result.stdout).toContain("Set 'check-github-app: true' to prove the exchange")
  })

  it('under a 90-minute job the one-hour App token is expiring: a warning with the fixes', async () => {
    const result = await runInJob(workflow({ timeout: 90 }))
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('expiring')
    const warning = annotation(result, 'GitHub token expires before the job could end')
    expect(warning?.command).toBe('warning')
    expect(warning?.message).toMatch(
      /the Claude GitHub App token lasts one hour from minting \(claude-code-action mints a one-hour App token when its step starts and never renews it\), but the job may run 1h30m \(timeout-minutes: 90 of job 'review'[^)]*\)\. App installation tokens cannot be extended\. Fix: keep the run within the hour \(`timeout-minutes: 60` at most on the Claude step or the job\), or pass a token that lasts the job as `github_token`/
    )
  })

  it('on-expiring: fail fails it', async () => {
    const result = await runInJob(workflow({ timeout: 90 }), { 'on-expiring': 'fail' })
    expect(result.code).toBe(1)
    expect(annotation(result, 'GitHub token expires before the job could end')?.command).toBe(
      'error'
    )
  })

  it('check-github-app proves the chain: mints, exchanges with the audience, revokes', async () => {
    exchange.scenario = 'installed'
    const [oidcBefore, exchangeBefore, githubBefore] = [
      oidc.requests.length,
      exchange.requests.length,
      github.requests.length
    ]
    const result = await runInJob(workflow({}), { 'check-github-app': 'true' })
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('valid')
    const minted = oidc.requests.slice(oidcBefore)
    expect(minted).toHaveLength(1)
    expect(minted[0]?.query.get('audience')).toBe('claude-code-github-action')
    expect(exchange.requests.slice(exchangeBefore)).toHaveLength(1)
    const revokes = github.requests
      .slice(githubBefore)
      .filter(r => r.method === 'DELETE' && r.path === '/installation/token')
    expect(revokes).toHaveLength(1)
    const issued = exchange.issued.at(-1)!.token
    expect(revokes[0]?.token).toBe(issued)
    expect(githubState.githubTokens[issued].revoked).toBe(true)
    expect(result.stdout).toMatch(/the token minted for the check was revoked/)
    // Masked the moment it was read, before anything could print it.
    expect(result.stdout).toContain(`::add-mask::${issued}`)
  })

  it.each([
    [
      'not-installed',
      'forbidden',
      'error',
      'Claude GitHub App not installed',
      /Claude Code is not installed on this repository.*Fix: install the Claude GitHub App on this repository \(https:\/\/github\.com\/apps\/claude\), or pass `github_token` to step 'Claude'/
    ],
    [
      // claude-code-action skips its step (and the job passes) on this answer: a warning, not a failure.
      'workflow-mismatch',
      'forbidden',
      'warning',
      'Workflow not on the default branch',
      /Workflow validation failed.*skips its step \(without failing\).*Fix: merge this workflow to the default branch first, or pass `github_token`/
    ],
    [
      'invalid-oidc',
      'invalid',
      'error',
      'Claude GitHub App exchange refused',
      /Invalid OIDC token.*Fix: pass `github_token` to step 'Claude'/
    ]
  ])(
    'check-github-app: %s is %s (%s), with its own fix',
    async (scenario, status, command, title, message) => {
      exchange.scenario = scenario as typeof exchange.scenario
      const result = await runInJob(workflow({}), { 'check-github-app': 'true' })
      exchange.scenario = 'installed'
      expect(result.code).toBe(command === 'error' ? 1 : 0)
      expect(result.outputs['github-token-status']).toBe(status)
      const annotated = annotation(result, title)
      expect(annotated?.command).toBe(command)
      expect(annotated?.message).toMatch(message)
    }
  )

  it('check-github-app: the runner refusing the OIDC token is unverifiable, not a missing permission', async () => {
    const refusing = await startGitHubOidcStandIn({ faults: [401, 401, 401, 401] })
    try {
      const result = await runInJob(workflow({}), { 'check-github-app': 'true' }, refusing.env)
      expect(result.code).toBe(0)
      expect(result.outputs['github-token-status']).toBe('unverifiable')
      const warning = annotation(result, 'GitHub OIDC token unverifiable')
      expect(warning?.message).toMatch(
        /the job may mint OIDC tokens, but the runner's token service did not give one/
      )
      expect(warning?.message).not.toMatch(/\.\./)
    } finally {
      await refusing.close()
    }
  })

  it('a 60-minute job fits the one-hour App token: checked at the boundary, with the chain proven', async () => {
    const result = await runInJob(workflow({ timeout: 60 }), { 'check-github-app': 'true' })
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('valid')
  })

  it("the Claude step's own timeout-minutes bounds the token it mints, inside a longer job", async () => {
    const text = workflow({ timeout: 90 }).replace(
      '      - name: Claude\n',
      '      - name: Claude\n        timeout-minutes: 45\n'
    )
    const result = await runInJob(text)
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('unchecked')
  })

  it('on pull_request_target the fix is the permission (and github_token), never "skip forks"', async () => {
    const job = newJob()
    const event = join(job.dir, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { fork: true } } } }))
    const result = await runInJob(
      workflow({}),
      {},
      { GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'pull_request_target' }
    )
    expect(result.code).toBe(1)
    const error = annotation(result, 'GitHub OIDC token unavailable')?.message
    expect(error).toMatch(/Fix: add `permissions: id-token: write` to job 'review'/)
    expect(error).toMatch(/On pull_request_target from a fork the exchange has refused such tokens/)
    expect(error).not.toMatch(/skip the job for forks/)
  })

  it('check-github-app with a github_token given: said to do nothing', async () => {
    const result = await runInJob(workflow({ githubToken: '${{ github.token }}' }), {
      'check-github-app': 'true'
    })
    expect(result.stdout).toMatch(/'check-github-app' does nothing here/)
  })

  it('check-github-app: an exchange that is down is unverifiable, a warning, never invalid', async () => {
    exchange.scenario = '500'
    const result = await runInJob(workflow({}), {
      'check-github-app': 'true',
      'probe-timeout': '3s'
    })
    exchange.scenario = 'installed'
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('unverifiable')
    expect(annotation(result, 'Claude GitHub App unverifiable')?.command).toBe('warning')
  })
})

describe('a github_token given to the Claude step', () => {
  it("the job's GITHUB_TOKEN lasts the job: fine, without a request", async () => {
    const before = github.requests.length
    const result = await runInJob(
      workflow({ timeout: 300, githubToken: '${{ secrets.GITHUB_TOKEN }}' })
    )
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('valid')
    expect(result.outputs['github-token-expires-at']).toBe('')
    expect(github.requests.length).toBe(before)
    expect(result.summary).toMatch(
      /\| GitHub token: GITHUB_TOKEN \| .* \| valid \| job end \| the job \| ok \|/
    )
    expect(result.commands.filter(c => c.command === 'warning')).toEqual([])
  })

  it('GITHUB_TOKEN under permissions that cannot push or comment: a warning naming what is missing', async () => {
    const result = await runInJob(
      workflow({ permissions: '  contents: read', githubToken: '${{ github.token }}' })
    )
    expect(result.code).toBe(0)
    const warnings = result.commands.filter(c => c.command === 'warning').map(c => c.message)
    expect(warnings.some(w => /contents: write/.test(w))).toBe(true)
    expect(warnings.some(w => /pull-requests: write/.test(w))).toBe(true)
  })

  it('an App token from actions/create-github-app-token under a 90-minute job: expiring, timed from the job start', async () => {
    const result = await runInJob(
      workflow({ timeout: 90, before: APP_STEP, githubToken: '${{ steps.app.outputs.token }}' })
    )
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('expiring')
    expect(result.outputs['github-token-expires-at']).toBe(
      new Date(jobStartedAt.getTime() + 3_600_000).toISOString()
    )
    expect(annotation(result, 'GitHub token expires before the job could end')?.message).toMatch(
      /the GitHub App installation token lasts one hour from minting \(an App installation token lasts one hour from minting, and this one was minted in this job, which started at .*\), but the job may run 1h30m .*Fix: keep the run within the hour \(`timeout-minutes: 60` at most on the job\)/
    )
  })

  it('the same App token given as claude-github-token is proven live, then timed', async () => {
    const result = await runInJob(
      workflow({ timeout: 90, before: APP_STEP, githubToken: '${{ steps.app.outputs.token }}' }),
      { 'claude-github-token': APP_TOKEN }
    )
    expect(result.outputs['github-token-status']).toBe('expiring')
    expect(result.summary).toMatch(
      /\| GitHub token: GitHub App installation token \| input 'claude-github-token' \| `ghs:[0-9a-f]{8}` \| expiring \|/
    )
  })

  it('a fresh App token whose answers carry its expiry still fits a 60-minute job', async () => {
    const result = await runInJob(
      workflow({ timeout: 60, before: APP_STEP, githubToken: '${{ steps.app.outputs.token }}' }),
      { 'claude-github-token': FRESH_APP_TOKEN }
    )
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('valid')
  })

  it('an App token step in a job without timeout-minutes: warned, with the setting to add', async () => {
    const text = workflow({
      before: APP_STEP,
      githubToken: '${{ steps.app.outputs.token }}'
    }).replace('    timeout-minutes: 30\n', '')
    const result = await runInJob(text)
    expect(result.outputs['github-token-status']).toBe('expiring')
    expect(annotation(result, 'GitHub token expires before the job could end')?.message).toMatch(
      /GitHub's default job limit.*: set `timeout-minutes`/
    )
  })

  it('a PAT that expires before the job ends: expiring, with the expiry GitHub reports', async () => {
    const result = await runInJob(workflow({ timeout: 45, githubToken: '${{ secrets.MY_PAT }}' }), {
      'claude-github-token': PAT
    })
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('expiring')
    const expires = Date.parse(result.outputs['github-token-expires-at'] ?? '')
    expect(Math.abs(expires - (Date.now() + 20 * 60_000))).toBeLessThan(5 * 60_000)
    expect(annotation(result, 'GitHub token expires before the job could end')?.message).toMatch(
      /GitHub-Authentication-Token-Expiration.*Fix: create a token with a later expiry and update the secret/
    )
  })

  it('a PAT that lasts: valid, its expiry read from an offset header', async () => {
    const result = await runInJob(workflow({ githubToken: '${{ secrets.MY_PAT }}' }), {
      'claude-github-token': LASTING_PAT
    })
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('valid')
    const expires = Date.parse(result.outputs['github-token-expires-at'] ?? '')
    expect(Math.abs(expires - (Date.now() + 30 * 86_400_000))).toBeLessThan(5 * 60_000)
  })

  it('a PAT GitHub refuses fails, with the fix', async () => {
    const result = await runInJob(workflow({ githubToken: '${{ secrets.MY_PAT }}' }), {
      'claude-github-token': DEAD_PAT
    })
    expect(result.code).toBe(1)
    expect(result.outputs['github-token-status']).toBe('invalid')
    expect(annotation(result, 'GitHub token invalid')?.message).toMatch(
      /was refused by GitHub: HTTP 401: Bad credentials.*create a new one/
    )
  })

  it('a classic PAT without the repo scope: a warning that Claude cannot push with it', async () => {
    const result = await runInJob(workflow({ githubToken: '${{ secrets.MY_PAT }}' }), {
      'claude-github-token': CLASSIC
    })
    expect(result.outputs['github-token-status']).toBe('valid')
    expect(
      result.commands.some(
        c => c.command === 'warning' && /scopes 'read:org, gist', without 'repo'/.test(c.message)
      )
    ).toBe(true)
  })

  it('a secret the preflight cannot read: unchecked, and says how to prove it', async () => {
    const result = await runInJob(workflow({ githubToken: '${{ secrets.MY_PAT }}' }))
    expect(result.code).toBe(0)
    expect(result.outputs['github-token-status']).toBe('unchecked')
    expect(result.stdout).toMatch(/Pass the same value as 'claude-github-token'/)
  })
})

describe('the post step links a refused GitHub token to what the preflight measured', () => {
  it('the App token expired 62 minutes into a 90-minute job; the preflight warned at the start', async () => {
    const main = await runInJob(workflow({ timeout: 90 }))
    expect(main.outputs['github-token-status']).toBe('expiring')
    const checkedAt = Date.parse(JSON.parse(main.state['github-token'] ?? '{}').checkedAt)
    const at = (minutes: number) => new Date(checkedAt + minutes * 60_000).toISOString()
    const transcript = [
      { type: 'system', subtype: 'init', session_id: 's1', timestamp: at(1) },
      {
        type: 'assistant',
        message: {
          id: 'msg_1',
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_1', name: 'mcp__github__create_pull_request', input: {} }
          ]
        },
        session_id: 's1',
        timestamp: at(62)
      },
      {
        type: 'user',
        message: {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              is_error: true,
              content:
                '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}'
            }
          ]
        },
        session_id: 's1',
        timestamp: at(62)
      },
      {
        type: 'result',
        subtype: 'success',
        is_error: false,
        duration_ms: 3_800_000,
        session_id: 's1'
      }
    ]
    const output = join(main.dir, 'claude.jsonl')
    writeFileSync(output, transcript.map(line => JSON.stringify(line)).join('\n') + '\n')
    const post = await runAction('dist/post/index.js', {
      inputs: { 'claude-output': output, 'github-token': WORKFLOW_TOKEN },
      state: main.state,
      env: { GITHUB_WORKSPACE: main.dir, GITHUB_API_URL: github.url }
    })
    expect(post.code).toBe(1)
    expect(post.summary).toMatch(
      /The Claude GitHub App token was refused 62 minutes after the preflight's check \(.*\), past the expiry it measured \(.*\), in a job of up to 90 minutes; the preflight warned at the start that it would not last\./
    )
  })
})

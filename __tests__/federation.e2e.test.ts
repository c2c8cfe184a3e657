// Anthropic workload identity federation, checked by the bundled main step as the runner runs it: selected at its
// place in Claude Code's precedence, read as the job's Claude step gets it (a bare `claude -p` from the environment,
// claude-code-action from its federation inputs), proven by an exchange of the preflight's own OIDC token and a free
// count_tokens call, and its lifetime weighed against the job. Stand-ins: the runner's OIDC endpoint, the exchange and
// the API on loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn, TOKEN_PATH } from '../stand-ins/anthropic-federation.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { checkout } from './support/checkout.js'

const KEY = 'sk-ant-api03-FEDERATION-outranking-key-0123'

let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let federation: Awaited<ReturnType<typeof startFederationStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  oidc = await startGitHubOidcStandIn()
  federation = await startFederationStandIn({ oidc })
  github = await startGitHubStandIn({ routes: [], state: {} })
})
afterAll(async () => {
  await Promise.all([oidc.close(), federation.close(), github.close()])
})

/** A job `review` whose preflight is followed by `claudeStep`. */
const workflow = (claudeStep: string, timeout = 30) => `on: push
permissions:
  contents: read
  id-token: write
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: ${timeout}
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
${claudeStep}`

const BARE = `      - name: Claude
        run: claude -p "review"
`

const actionStep = (inputs: Record<string, string>) => `      - name: Claude
        uses: anthropics/claude-code-action@v1
        with:
${Object.entries(inputs)
  .map(([name, value]) => `          ${name}: ${value}\n`)
  .join('')}`

const RULE_INPUTS = () => ({
  anthropic_federation_rule_id: federation.rule.id,
  anthropic_organization_id: federation.rule.organizationId,
  anthropic_service_account_id: federation.rule.serviceAccountId
})

/** The bundled main step in a job whose checkout holds `workflowText`, the job allowed to mint OIDC tokens. */
async function runInJob(
  workflowText: string,
  env: Record<string, string>,
  inputs: Record<string, string> = {}
) {
  const job = newJob()
  const minted = oidc.minted.length
  const asked = oidc.requests.length
  const issued = federation.issued.length
  const sha = checkout(job.dir, { '.github/workflows/review.yml': workflowText })
  const result = await runAction('dist/main/index.js', {
    job,
    inputs: { 'probe-timeout': '30s', 'anthropic-base-url': federation.url, ...inputs },
    env: {
      GITHUB_WORKSPACE: job.dir,
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/review.yml@refs/heads/main',
      GITHUB_WORKFLOW_SHA: sha,
      GITHUB_JOB: 'review',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: github.url,
      ...env
    }
  })
  const secrets = [
    ...(env.ANTHROPIC_API_KEY ? [env.ANTHROPIC_API_KEY] : []),
    ...oidc.minted.slice(minted).map(m => m.token),
    ...federation.issued.slice(issued).map(i => i.token),
    // The runner's request token, masked by the step that uses it.
    ...(oidc.requests.length > asked && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ? [env.ACTIONS_ID_TOKEN_REQUEST_TOKEN]
      : [])
  ]
  expectNoLeak(result, secrets)
  return {
    ...result,
    minted: oidc.minted.slice(minted),
    issued: federation.issued.slice(issued)
  }
}

type Result = Awaited<ReturnType<typeof runInJob>>
const titled = (result: Result, title: string) =>
  result.commands.find(c => c.properties === `title=${title}`)?.message ?? ''

/** The job's environment for a bare `claude -p` on federation, with its own identity token file. */
const bareEnv = (extra: Record<string, string> = {}) => ({
  ...oidc.env,
  ...federation.env,
  ANTHROPIC_IDENTITY_TOKEN_FILE: '/home/runner/work/_temp/identity-token',
  ...extra
})

describe('Anthropic workload identity federation, checked end to end', () => {
  it('claude-code-action with federation inputs: exchanged with an OIDC token of its own, probed, renewed by the action', async () => {
    const before = federation.api.requests.length
    const result = await runInJob(workflow(actionStep(RULE_INPUTS()), 120), { ...oidc.env })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    // One OIDC token minted for the preflight itself, with the audience the rule expects, and exchanged once.
    expect(result.minted).toHaveLength(1)
    expect(result.minted[0]!.claims.aud).toBe('https://api.anthropic.com')
    expect(result.issued).toHaveLength(1)
    const probes = federation.api.requests.slice(before).filter(r => r.path !== TOKEN_PATH)
    expect(probes.map(r => r.path)).toEqual(['/v1/messages/count_tokens'])
    expect(result.stdout).toMatch(
      /Claude Code will use Anthropic workload identity federation \(ANTHROPIC_FEDERATION_RULE_ID\): the minted token lasts 10m .*minted again by step 'Claude' \(#2\) of job 'review', which rewrites ANTHROPIC_IDENTITY_TOKEN_FILE every 4 minutes/
    )
    expect(result.summary).toMatch(
      /\| Federated tokens for Anthropic workload identity federation \(used\) \| ANTHROPIC_FEDERATION_RULE_ID \| ` service account svac_01stand1n \(rule fdrl_01stand1n, organization [0-9a-f-]+\) ` \| valid \| [^|]+ \| renewed during the run \|/
    )
  })

  it('claude-code-action with the rule from an expression: unverifiable until this step is given the same value', async () => {
    const step = actionStep({
      ...RULE_INPUTS(),
      anthropic_federation_rule_id: '${{ vars.FEDERATION_RULE }}'
    })
    const unread = await runInJob(workflow(step), { ...oidc.env })
    expect(unread.code).toBe(0)
    expect(unread.outputs.status).toBe('unverifiable')
    expect(unread.minted).toHaveLength(0)
    expect(titled(unread, 'Claude credential unverifiable')).toMatch(
      /could not be checked: .*the Claude step sets ANTHROPIC_FEDERATION_RULE_ID from an expression this step cannot read: give this step the same value in its `env:`/
    )
    const given = await runInJob(workflow(step), {
      ...oidc.env,
      ANTHROPIC_FEDERATION_RULE_ID: federation.rule.id
    })
    expect(given.outputs.status).toBe('valid')
    expect(given.issued).toHaveLength(1)
  })

  it('a bare claude -p whose job outlives the federated token: expiring, with how to keep minting', async () => {
    const result = await runInJob(workflow(BARE, 60), bareEnv(), { 'on-expiring': 'fail' })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('expiring')
    expect(titled(result, 'Claude credential expiring')).toMatch(
      /federated tokens expire .*but the job may need 1h .*Fix: .*ANTHROPIC_IDENTITY_TOKEN_FILE at a file that a background loop rewrites/
    )
    const short = await runInJob(workflow(BARE, 5), bareEnv())
    expect(short.outputs.status).toBe('valid')
  })

  it('a bare claude -p without an identity token: invalid without a request, in Claude Code’s own words', async () => {
    const env: Record<string, string> = bareEnv()
    delete env.ANTHROPIC_IDENTITY_TOKEN_FILE
    const result = await runInJob(workflow(BARE, 5), env)
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(result.minted).toHaveLength(0)
    expect(titled(result, 'Claude credential invalid')).toMatch(
      /not set up as Claude Code needs: neither ANTHROPIC_IDENTITY_TOKEN_FILE nor ANTHROPIC_IDENTITY_TOKEN is set, .*oidc_federation config requires an identity token.*point ANTHROPIC_IDENTITY_TOKEN_FILE at it/
    )
  })

  it('a rule that refuses the job’s OIDC token: invalid, and the step fails with where to look', async () => {
    const result = await runInJob(
      workflow(BARE, 5),
      bareEnv({ ANTHROPIC_ORGANIZATION_ID: '00000000-0000-4000-8000-000000000000' })
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')).toMatch(
      /the federation token exchange refused fdrl_01stand1n for an OIDC token with audience https:\/\/api\.anthropic\.com \(HTTP 401: invalid_grant: Authentication failed\); the reason is in the Claude Console, Workload identity, authentication events \(request id req_\w+\)\. Fix: Check the federation settings/
    )
    expect(federation.authEvents.at(-1)).toEqual({ result: 'organization_mismatch' })
  })

  it('the exchange down: unverifiable after retries, never invalid, and the job goes on', async () => {
    federation.faults.push(503, 503, 503, 503)
    const result = await runInJob(workflow(BARE, 5), bareEnv())
    federation.faults.length = 0
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(titled(result, 'Claude credential unverifiable')).toMatch(
      /could not be verified: .*503.*check the network, HTTPS_PROXY and ANTHROPIC_BASE_URL and the runner's OIDC endpoint/
    )
  })

  it('a minted token the API calls expired: expired, the runner’s clock to check', async () => {
    const expiredFederation = await startFederationStandIn({ oidc, minted: 'expired' })
    try {
      const env = { ...bareEnv(), ...expiredFederation.env }
      const result = await runInJob(workflow(BARE, 5), env, {
        'anthropic-base-url': expiredFederation.url
      })
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('invalid')
      expect(titled(result, 'Claude credential invalid')).toMatch(
        /federated tokens have expired: the API calls the token just minted expired .*check the runner's clock/
      )
    } finally {
      await expiredFederation.close()
    }
  })

  it('a job without id-token: write: forbidden, with the permission fix', async () => {
    const env: Record<string, string> = bareEnv()
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    const result = await runInJob(workflow(BARE, 5), env)
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('forbidden')
    expect(titled(result, 'Claude credential forbidden')).toMatch(/id-token: write/)
  })

  it('precedence: an API key in the job outranks federation; an empty one does not (as the real CLI does)', async () => {
    const keyed = await runInJob(workflow(BARE, 5), bareEnv({ ANTHROPIC_API_KEY: KEY }))
    expect(keyed.issued).toHaveLength(0)
    expect(keyed.outputs.credential).toBe('anthropic-api-key')
    expect(keyed.stdout).toMatch(
      /The workload identity federation settings are ignored: Claude Code uses the API key from env ANTHROPIC_API_KEY first/
    )
    const empty = await runInJob(
      workflow(BARE, 5),
      bareEnv({ ANTHROPIC_API_KEY: '', ANTHROPIC_AUTH_TOKEN: '' })
    )
    expect(empty.outputs.status).toBe('valid')
    expect(empty.issued).toHaveLength(1)
  })
})

// Input `renew` for Claude on Microsoft Foundry behind azure/login, end to end as the runner runs a job: the bundled main
// step checks the az CLI's federated sign-in (the az stand-in, as azure/login leaves it), starts the renewer and points
// Claude Code's Azure credential at the federated token file it keeps fresh (AZURE_FEDERATED_TOKEN_FILE, with the
// client and tenant ids read from the az CLI's sign-in); the real claude CLI signs in to Entra (the Entra stand-in,
// reached as login.microsoftonline.com through the TLS proxy) with that file for each new Entra token, through a
// scripted session on the Foundry stand-in that lasts several tokens' lives; the bundled post step stops the renewer.
// GitHub OIDC tokens live 4 seconds and Entra refuses one past its time (AADSTS700024); Entra tokens live 2 seconds and
// Foundry refuses them once their time is up. Without the renewer the same run fails, and the post step finds why.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFoundryStandIn, writeAzStandIn } from '../stand-ins/azure-foundry.js'
import { AZURE_FEDERATION_AUDIENCE, startEntraStandIn } from '../stand-ins/azure-entra.js'
import { startTlsProxy } from '../stand-ins/tls-proxy.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { newJob, runAction, type Job } from './support/runner.js'
import { checkout } from './support/checkout.js'
import { findLeaks } from './support/leaks.js'
import {
  alive,
  CLAUDE_BINARIES,
  postStopsRenewer,
  renewalRunChannels,
  runClaudeStep,
  SESSION_TURNS
} from './support/claude-step.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const APP_ID = '11111111-2222-4333-8444-555555555555'
/** The az stand-in's tenant. */
const TENANT_ID = '00000000-0000-4000-8000-000000000000'

let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  expect(existsSync('dist/renewer/index.js')).toBe(true) // run `npm run bundle` first
  oidc = await startGitHubOidcStandIn({ lifetimeSeconds: 4 })
  github = await startGitHubStandIn({ routes: [], state: {} })
})
afterAll(async () => Promise.all([oidc.close(), github.close()]))

const WORKFLOW = `on: push
permissions:
  contents: read
  id-token: write
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    env:
      CLAUDE_CODE_USE_FOUNDRY: '1'
    steps:
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          allow-no-subscriptions: true
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          renew: true
      - name: Claude
        run: claude -p "review" --output-format stream-json --verbose > "$RUNNER_TEMP/claude.log"
`

async function stage() {
  const foundry = await startFoundryStandIn({ turns: SESSION_TURNS })
  const entra = await startEntraStandIn({
    oidc,
    foundry,
    clientId: APP_ID,
    tenantId: TENANT_ID,
    lifetimeSeconds: 2
  })
  const proxy = await startTlsProxy('login.microsoftonline.com:443', entra.url)
  return {
    foundry,
    entra,
    proxy,
    close: () => Promise.all([foundry.close(), entra.close(), proxy.close()])
  }
}
type Stage = Awaited<ReturnType<typeof stage>>

/** The job after azure/login with OIDC: the az CLI signed in as the app with a federated token. */
function jobEnv(job: Job, { foundry }: Stage): Record<string, string> {
  const workspace = join(job.dir, 'workspace')
  mkdirSync(workspace, { recursive: true })
  const sha = checkout(workspace, { '.github/workflows/review.yml': WORKFLOW })
  const az = writeAzStandIn(join(job.dir, 'az'), {
    token: foundry.mintEntraToken({ appId: APP_ID, lifetimeSeconds: 3600 }),
    expiresAt: Date.now() + 3_600_000,
    federatedLogin: { appId: APP_ID }
  })
  return {
    ...oidc.env,
    ...az,
    CLAUDE_CODE_USE_FOUNDRY: '1',
    ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl,
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/review.yml@refs/heads/main',
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_JOB: 'review',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: github.url,
    RUNNER_TRACKING_ID: `github_${job.dir.slice(-8)}`
  }
}

/** The Claude step: Foundry, Entra behind the proxy, and the Azure variables main exported (no az on its PATH). */
const claudeEnv = (
  env: Record<string, string>,
  { proxy }: Stage,
  azure: Record<string, string>
) => ({
  CLAUDE_CODE_USE_FOUNDRY: '1',
  ANTHROPIC_FOUNDRY_BASE_URL: env.ANTHROPIC_FOUNDRY_BASE_URL!,
  HTTPS_PROXY: proxy.url,
  NO_PROXY: '127.0.0.1,localhost',
  NODE_EXTRA_CA_CERTS: proxy.certFile,
  ...azure
})

describe.each(CLAUDE_BINARIES)(
  'renew: Claude on Foundry outlives its federated tokens through AZURE_FEDERATED_TOKEN_FILE (%s CLI)',
  (_, binary) => {
    it('with the renewer the run finishes; Claude Code signed in again and again with the fresh token', async () => {
      const stands = await stage()
      try {
        const job = newJob()
        const env = jobEnv(job, stands)
        const minted = oidc.minted.length
        const main = await runAction(MAIN, {
          job,
          inputs: { renew: 'true', 'probe-timeout': '30s' },
          env
        })
        expect(main.outputs.status).toBe('valid')
        expect(main.stdout).toMatch(
          /Foundry accepted an Entra token .* \(count_tokens, free\) \(request id [^)]+\); they last the job: the preflight's renewer \(input 'renew'\), which rewrites AZURE_FEDERATED_TOKEN_FILE/
        )
        const file = main.env.AZURE_FEDERATED_TOKEN_FILE!
        expect(file).toMatch(/claude-preflight-renew-[0-9a-f]{16}\/azure-federated-token$/)
        expect(statSync(file).mode & 0o777).toBe(0o600)
        // The app and tenant come from the az CLI's federated sign-in, which azure/login left.
        expect(main.env.AZURE_CLIENT_ID).toBe(APP_ID)
        expect(main.env.AZURE_TENANT_ID).toBe(TENANT_ID)
        const written = JSON.parse(
          Buffer.from(readFileSync(file, 'utf8').split('.')[1]!, 'base64url').toString('utf8')
        ) as { aud: string }
        expect(written.aud).toBe(AZURE_FEDERATION_AUDIENCE)
        const binding = JSON.parse(main.state.renewer!) as { pid: number; dir: string }
        expect(alive(binding.pid)).toBe(true)
        const secrets = [oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN]
        const proc = {
          cmdline: readFileSync(`/proc/${binding.pid}/cmdline`, 'utf8'),
          environ: readFileSync(`/proc/${binding.pid}/environ`, 'utf8')
        }
        expect(findLeaks(proc, secrets)).toEqual([])

        const exported = {
          AZURE_FEDERATED_TOKEN_FILE: file,
          AZURE_CLIENT_ID: main.env.AZURE_CLIENT_ID!,
          AZURE_TENANT_ID: main.env.AZURE_TENANT_ID!
        }
        const code = await runClaudeStep(
          job,
          env.GITHUB_WORKSPACE!,
          claudeEnv(env, stands, exported),
          binary
        )
        expect(code).toBe(0)
        expect(readFileSync(join(job.dir, 'claude.log'), 'utf8')).toContain('All checks passed.')
        // Each new Entra token came from a federated token the renewer had just written, none past its time.
        const { events } = stands.entra
        expect(events.filter(e => e.result !== 'ok')).toEqual([])
        expect(new Set(events.map(e => e.jti)).size).toBeGreaterThanOrEqual(3)
        expect(stands.proxy.connects).toContain('login.microsoftonline.com:443')

        const post = await postStopsRenewer(job, main, env, binding)
        const notice = post.commands.find(c => c.command === 'notice' && /renewer/.test(c.message))
        expect(notice?.message).toMatch(
          /the renewer renewed the federated token file of the Azure workload identity credential \d+ times; the run lasted \d+s, its first federated token [2-4]s\./
        )
        expect(post.commands.filter(c => c.command === 'error')).toEqual([])
        const tokens = oidc.minted.slice(minted).map(m => m.token)
        expect(findLeaks(renewalRunChannels(main, post), [...tokens, ...secrets])).toEqual([])
      } finally {
        await stands.close()
      }
    }, 120_000)

    it('without the renewer the same run fails once its federated token ends, and the post step finds it', async () => {
      const stands = await stage()
      try {
        const job = newJob()
        const env = jobEnv(job, stands)
        const main = await runAction(MAIN, { job, inputs: { 'probe-timeout': '30s' }, env })
        expect(main.state.renewer).toBe('')
        // Written once before Claude starts, as a step without a renewer does.
        const tokenFile = join(job.dir, 'azure-federated-token')
        const answer = await fetch(
          `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(AZURE_FEDERATION_AUDIENCE)}`,
          { headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
        )
        writeFileSync(tokenFile, ((await answer.json()) as { value: string }).value)
        const azure = {
          AZURE_FEDERATED_TOKEN_FILE: tokenFile,
          AZURE_CLIENT_ID: APP_ID,
          AZURE_TENANT_ID: TENANT_ID
        }
        const code = await runClaudeStep(
          job,
          env.GITHUB_WORKSPACE!,
          claudeEnv(env, stands, azure),
          binary
        )
        expect(code).toBe(1)
        // Entra refused the federated token once its time was up (on a busy machine, already at the first sign-in).
        expect(stands.entra.events.map(e => e.result)).toContain('expired')
        const post = await runAction(POST, {
          job,
          state: main.state,
          inputs: { 'claude-output': join(job.dir, 'claude.log') },
          env
        })
        expect(post.code).toBe(1)
        const error = post.commands.find(c => c.command === 'error')
        expect(error?.properties).toMatch(/\(azure-auth-expired\)/)
        expect(error?.message).toMatch(
          /The Azure credentials expired \d+ seconds? into the run .*Fix: .*set `renew: true` on the preflight/
        )
      } finally {
        await stands.close()
      }
    }, 120_000)
  }
)

// Input `renew`, end to end as the runner runs a job: the bundled main step checks Anthropic workload identity
// federation for a bare `claude -p` step and starts the renewer, the real claude CLI runs through a scripted session
// that lasts several times its federated token's lifetime, and the bundled post step stops the renewer and reports.
// The stand-ins enforce expiry as the real services do: GitHub OIDC tokens live 3 seconds and can be exchanged once,
// a federated token lives at most twice what was left of its OIDC token, and the API refuses it once its time is up.
// Without the renewer the same run fails, and the post step finds the refused exchange.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { newJob, runAction, type Job } from './support/runner.js'
import { findLeaks } from './support/leaks.js'
import {
  alive,
  postStopsRenewer,
  pushJobEnv,
  renewalRunChannels,
  runClaudeStep,
  SESSION_TURNS
} from './support/claude-step.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'

let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  expect(existsSync('dist/renewer/index.js')).toBe(true) // run `npm run bundle` first
  oidc = await startGitHubOidcStandIn({ lifetimeSeconds: 3 })
  github = await startGitHubStandIn({ routes: [], state: {} })
})
afterAll(async () => Promise.all([oidc.close(), github.close()]))

const WORKFLOW = `on: push
permissions:
  contents: read
  id-token: write
jobs:
  claude:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          renew: true
      - name: Claude
        run: claude -p "review" --output-format stream-json --verbose > "$RUNNER_TEMP/claude.log"
`

type Federation = Awaited<ReturnType<typeof startFederationStandIn>>

const jobEnv = (job: Job, federation: Federation): Record<string, string> => ({
  ...oidc.env,
  ...federation.env,
  ...pushJobEnv(job, WORKFLOW, github.url)
})

/** The bare Claude step: the real CLI with the job's environment and what main put in $GITHUB_ENV. */
const claudeStep = (job: Job, env: Record<string, string>) =>
  runClaudeStep(job, env.GITHUB_WORKSPACE!, env)

const FEDERATION_ENV_NAMES = [
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_FEDERATION_RULE_ID',
  'ANTHROPIC_ORGANIZATION_ID',
  'ANTHROPIC_SERVICE_ACCOUNT_ID',
  'ANTHROPIC_IDENTITY_TOKEN_FILE'
]
const claudeEnv = (env: Record<string, string>, exported: Record<string, string>) => ({
  GITHUB_WORKSPACE: env.GITHUB_WORKSPACE!,
  ...Object.fromEntries(
    FEDERATION_ENV_NAMES.flatMap(name => {
      const value = exported[name] ?? env[name]
      return value === undefined ? [] : [[name, value]]
    })
  )
})

describe("renew: a bare claude -p outlives its federated tokens' lifetime", () => {
  it('with the renewer the run finishes; the post step stops it, removes its files and says what it did', async () => {
    const federation = await startFederationStandIn({
      oidc,
      rule: { tokenLifetimeSeconds: 4 },
      turns: SESSION_TURNS
    })
    try {
      const job = newJob()
      const env = jobEnv(job, federation)
      const minted = oidc.minted.length
      const main = await runAction(MAIN, {
        job,
        inputs: { renew: 'true', 'probe-timeout': '30s', 'anthropic-base-url': federation.url },
        env
      })
      // Renewed during the run: not `expiring`, although each federated token lasts seconds.
      expect(main.outputs.status).toBe('valid')
      const file = main.env.ANTHROPIC_IDENTITY_TOKEN_FILE!
      expect(file).toMatch(/claude-preflight-renew-[0-9a-f]{16}\/identity-token$/)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700)
      const binding = JSON.parse(main.state.renewer!) as { pid: number; dir: string }
      expect(alive(binding.pid)).toBe(true)
      // The renewer holds the request token in memory only: neither its arguments nor its environment show it.
      const secrets = [oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN]
      const proc = {
        cmdline: readFileSync(`/proc/${binding.pid}/cmdline`, 'utf8'),
        environ: readFileSync(`/proc/${binding.pid}/environ`, 'utf8')
      }
      expect(proc.cmdline).toContain('dist/renewer/index.js')
      expect(proc.environ).toContain(`RUNNER_TRACKING_ID=${env.RUNNER_TRACKING_ID}`)
      expect(findLeaks(proc, secrets)).toEqual([])

      const code = await claudeStep(job, claudeEnv(env, main.env))
      expect(code).toBe(0)
      const log = readFileSync(join(job.dir, 'claude.log'), 'utf8')
      expect(log).toContain('All checks passed.')
      // Claude Code exchanged again and again, each time with an OIDC token the renewer had just written.
      const exchanges = federation.authEvents.filter(e => e.result === 'ok').length
      expect(exchanges).toBeGreaterThanOrEqual(3)
      expect(federation.authEvents.filter(e => e.result !== 'ok')).toEqual([])

      const post = await postStopsRenewer(job, main, env, binding)
      const notice = post.commands.find(c => c.command === 'notice' && /renewer/.test(c.message))
      expect(notice?.message).toMatch(
        /the renewer renewed the federated token's identity file \d+ times; the run lasted \d+s, its first identity token [23]s\./
      )
      expect(post.summary).toMatch(/### Renewals/)
      expect(post.commands.filter(c => c.command === 'error')).toEqual([])
      // Every identity token the renewer wrote is a secret: none reached a log, the summary or the state.
      const written = oidc.minted.slice(minted).map(m => m.token)
      expect(findLeaks(renewalRunChannels(main, post), [...written, ...secrets])).toEqual([])
    } finally {
      await federation.close()
    }
  }, 120_000)

  it('without the renewer the same run fails, and the post step finds the refused exchange', async () => {
    const federation = await startFederationStandIn({
      oidc,
      rule: { tokenLifetimeSeconds: 4 },
      turns: SESSION_TURNS
    })
    try {
      const job = newJob()
      const env = jobEnv(job, federation)
      const tokenFile = join(job.dir, 'identity-token')
      const own = { ...env, ANTHROPIC_IDENTITY_TOKEN_FILE: tokenFile }
      const main = await runAction(MAIN, {
        job,
        inputs: { 'probe-timeout': '30s', 'anthropic-base-url': federation.url },
        env: own
      })
      expect(main.outputs.status).toBe('expiring')
      expect(main.state.renewer).toBe('')
      // Written once, right before Claude starts, as a bare step does without a loop that rewrites it.
      const answer = await fetch(
        `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=https%3A%2F%2Fapi.anthropic.com`,
        { headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
      )
      writeFileSync(tokenFile, ((await answer.json()) as { value: string }).value)

      const code = await claudeStep(job, claudeEnv(own, main.env))
      expect(code).toBe(1)
      const post = await runAction(POST, {
        job,
        state: main.state,
        inputs: { 'claude-output': join(job.dir, 'claude.log') },
        env: own
      })
      expect(post.code).toBe(1)
      const error = post.commands.find(
        c => c.command === 'error' && /Federated token exchange refused/.test(c.properties)
      )
      expect(error?.message).toMatch(
        /could not be minted again: the token exchange refused the identity token \d+ seconds? into the run .*Token exchange failed with status 401/
      )
      expect(federation.authEvents.map(e => e.result)).toContain('ok')
      expect(error?.message).toMatch(/renew: true/)
    } finally {
      await federation.close()
    }
  }, 120_000)
})

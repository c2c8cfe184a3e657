// Inputs `renew` and `renew-command`, end to end as the runner runs a job: a gateway (the Anthropic stand-in) hands out
// bearer tokens that are JWTs living 4 seconds; the bundled main step checks the first one and starts the renewer, which runs the
// user's token command before each token ends; the real claude CLI reads the token through the `apiKeyHelper` main
// wrote into settings.json, through a scripted session that lasts several tokens' lives; the bundled post step stops
// the renewer and reports. CLAUDE_CODE_API_KEY_HELPER_TTL_MS is 1 second in the Claude step (default 5 minutes), so
// that Claude Code runs its helper again within a token's life, as it does with real lifetimes. Without the renewer the
// same run fails, and the post step finds the expired credential.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
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
const TOKEN_LIFETIME_MS = 4_000

let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  expect(existsSync('dist/renewer/index.js')).toBe(true) // run `npm run bundle` first
  github = await startGitHubStandIn({ routes: [], state: {} })
})
afterAll(async () => github.close())

/** A gateway's JWT: its `exp` (seconds) is what the renewer schedules by; the stand-in does not check its signature. */
function gatewayJwt(expiresAt: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ sub: 'ci', exp: Math.floor(expiresAt / 1000), jti: randomBytes(8).toString('hex') })}.${randomBytes(32).toString('base64url')}`
}

/**
 * The gateway: the API stand-in, with a token route (POST /token) that mints a bearer token living 4 seconds (or
 * `?life=` milliseconds).
 */
async function startGateway() {
  const minted: string[] = []
  const gateway = await startAnthropicStandIn({
    turns: SESSION_TURNS,
    route(req, res, _body, url) {
      if (req.method !== 'POST' || url.pathname !== '/token') return false
      const expiresAt = Date.now() + Number(url.searchParams.get('life') ?? TOKEN_LIFETIME_MS)
      const token = gatewayJwt(expiresAt)
      minted.push(token)
      gateway.set(token, 'valid')
      gateway.expireAt(token, expiresAt)
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(`${token}\n`)
      return true
    }
  })
  const mint = async (lifeMs = TOKEN_LIFETIME_MS) =>
    (await (await fetch(`${gateway.url}/token?life=${lifeMs}`, { method: 'POST' })).text()).trim()
  return { gateway, minted, mint }
}

/**
 * The bare Claude step, no credential variable: CLAUDE_CODE_API_KEY_HELPER_TTL_MS is 1 second, and Claude Code
 * retries a 401 ten times with a doubling backoff (minutes) before it gives up: twice here.
 */
const claudeStep = (job: Job, env: Record<string, string>) =>
  runClaudeStep(job, env.GITHUB_WORKSPACE!, {
    CLAUDE_CODE_API_KEY_HELPER_TTL_MS: '1000',
    CLAUDE_CODE_MAX_RETRIES: '2',
    ANTHROPIC_BASE_URL: env.ANTHROPIC_BASE_URL!
  })

const WORKFLOW = `on: push
permissions:
  contents: read
jobs:
  claude:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          renew: true
          renew-command: gateway-token
      - name: Claude
        run: claude -p "review" --output-format stream-json --verbose > "$RUNNER_TEMP/claude.log"
`

const jobEnv = (job: Job, gatewayUrl: string): Record<string, string> => ({
  ...pushJobEnv(job, WORKFLOW, github.url),
  ANTHROPIC_BASE_URL: gatewayUrl,
  HOME: job.dir
})

/** The user's token command: a script that asks the gateway for a token and prints it, as a cloud CLI would. */
function tokenCommand(job: Job, gatewayUrl: string): string {
  const script = join(job.dir, 'gateway-token.mjs')
  writeFileSync(
    script,
    `const answer = await fetch(${JSON.stringify(`${gatewayUrl}/token`)}, { method: 'POST' })\nif (!answer.ok) process.exit(1)\nprocess.stdout.write(await answer.text())\n`
  )
  return `'${process.execPath}' '${script}'`
}

describe("renew: a gateway's bearer token through apiKeyHelper outlives its lifetime", () => {
  it('with the renewer the run finishes; the post step stops it and says what it did', async () => {
    const { gateway, minted, mint } = await startGateway()
    try {
      const job = newJob()
      const env = jobEnv(job, gateway.url)
      const settingsPath = join(job.dir, '.claude', 'settings.json')
      mkdirSync(join(job.dir, '.claude'))
      writeFileSync(
        settingsPath,
        JSON.stringify({ model: 'claude-sonnet-4-5', permissions: { allow: ['Bash'] } })
      )
      // The preflight's own token: it proves the gateway, and must outlive a busy machine's start of the main step.
      const first = await mint(120_000)
      const command = tokenCommand(job, gateway.url)
      const main = await runAction(MAIN, {
        job,
        inputs: { renew: 'true', 'renew-command': command, 'probe-timeout': '30s' },
        env: { ...env, ANTHROPIC_AUTH_TOKEN: first }
      })
      expect(main.outputs.status).toBe('valid')
      const binding = JSON.parse(main.state.renewer!) as { pid: number; dir: string }
      expect(alive(binding.pid)).toBe(true)
      const file = join(binding.dir, 'gateway-token')
      expect(statSync(file).mode & 0o777).toBe(0o600)
      // apiKeyHelper prints the renewer's file; every other key of the user's settings is kept.
      const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>
      expect(settings).toEqual({
        model: 'claude-sonnet-4-5',
        permissions: { allow: ['Bash'] },
        apiKeyHelper: `cat '${file}'`
      })
      const notice = main.commands.find(c => c.command === 'notice' && /outrank/.test(c.message))
      expect(notice?.message).toMatch(
        /ANTHROPIC_AUTH_TOKEN nor ANTHROPIC_API_KEY is set in the Claude step/
      )
      // Neither the renewer's arguments nor its environment hold a token or the command's environment.
      const proc = {
        cmdline: readFileSync(`/proc/${binding.pid}/cmdline`, 'utf8'),
        environ: readFileSync(`/proc/${binding.pid}/environ`, 'utf8')
      }
      expect(findLeaks(proc, [...minted])).toEqual([])
      expect(proc.environ).not.toContain('GITHUB_WORKFLOW_SHA')

      const code = await claudeStep(job, env)
      expect(code).toBe(0)
      expect(readFileSync(join(job.dir, 'claude.log'), 'utf8')).toContain('All checks passed.')
      // Claude Code sent several tokens, each one the renewer had written, and none past its time.
      const sent = new Set(
        gateway.requests.filter(r => r.path === '/v1/messages').map(r => r.secret)
      )
      expect(sent.size).toBeGreaterThanOrEqual(2)
      expect(sent.has(first)).toBe(false)

      const post = await postStopsRenewer(job, main, env, binding)
      // The helper would print a deleted file in a later job on this runner: post takes it out, keeps the rest.
      expect(JSON.parse(readFileSync(settingsPath, 'utf8'))).toEqual({
        model: 'claude-sonnet-4-5',
        permissions: { allow: ['Bash'] }
      })
      const report = post.commands.find(c => c.command === 'notice' && /renewer/.test(c.message))
      expect(report?.message).toMatch(
        /the renewer renewed the gateway token's file that apiKeyHelper prints \d+ times; the run lasted \d+s, its first gateway token [1-4]s\./
      )
      expect(post.commands.filter(c => c.command === 'error')).toEqual([])
      expect(findLeaks(renewalRunChannels(main, post), minted)).toEqual([])
    } finally {
      await gateway.close()
    }
  }, 120_000)

  it('without the renewer the same run fails, and the post step finds the expired credential', async () => {
    const { gateway, mint } = await startGateway()
    try {
      const job = newJob()
      const env = jobEnv(job, gateway.url)
      // The helper prints a token minted once before Claude starts, as a setup without a renewer does.
      const tokenFile = join(job.dir, 'gateway-token')
      writeFileSync(tokenFile, await mint())
      mkdirSync(join(job.dir, '.claude'))
      writeFileSync(
        join(job.dir, '.claude', 'settings.json'),
        JSON.stringify({ apiKeyHelper: `cat '${tokenFile}'` })
      )
      const main = await runAction(MAIN, {
        job,
        inputs: { 'probe-timeout': '30s' },
        env: { ...env, ANTHROPIC_AUTH_TOKEN: readFileSync(tokenFile, 'utf8') }
      })
      expect(main.state.renewer).toBe('')

      const code = await claudeStep(job, env)
      expect(code).toBe(1)
      const post = await runAction(POST, {
        job,
        state: main.state,
        inputs: { 'claude-output': join(job.dir, 'claude.log') },
        env
      })
      expect(post.code).toBe(1)
      const error = post.commands.find(c => c.command === 'error')
      expect(error?.message).toMatch(/expired/i)
    } finally {
      await gateway.close()
    }
  }, 120_000)

  it("a settings path an earlier step planted with a workflow command in it stays inert in the hand-off's words", async () => {
    const { gateway, mint } = await startGateway()
    try {
      const job = newJob()
      const env = jobEnv(job, gateway.url)
      // $GITHUB_ENV can set CLAUDE_CONFIG_DIR to any text, line breaks included: mkdir takes it.
      const config = join(job.dir, 'x\n::error title=planted::pwned')
      const main = await runAction(MAIN, {
        job,
        inputs: {
          renew: 'true',
          'renew-command': tokenCommand(job, gateway.url),
          'probe-timeout': '30s'
        },
        env: { ...env, CLAUDE_CONFIG_DIR: config, ANTHROPIC_AUTH_TOKEN: await mint(120_000) }
      })
      expect(existsSync(join(config, 'settings.json'))).toBe(true)
      expect(main.stdout).toContain('x\\u000a::error title=planted::pwned')
      expect(main.commands.filter(c => /planted/.test(c.properties))).toEqual([])
      const post = await runAction(POST, {
        job,
        state: main.state,
        env: { ...env, CLAUDE_CONFIG_DIR: config }
      })
      expect(post.commands.filter(c => /planted/.test(c.properties))).toEqual([])
    } finally {
      await gateway.close()
    }
  }, 120_000)
})

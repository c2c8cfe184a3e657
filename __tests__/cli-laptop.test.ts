// `claude-preflight check` on a laptop: it reads the login Claude Code reads, asks for no job's length unless told,
// words its fixes for where each value came from, and says what it cleaned up.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { cli } from '../src/cli/index.js'
import { parsePreflightState } from '../src/state/index.js'

const KEY = 'sk-ant-api03-LAPTOP-valid-key-000'
const BAD_KEY = 'sk-ant-api03-LAPTOP-invalid-key-000'
const OAUTH = 'sk-ant-oat01-LAPTOP-oauth-000'
const REVOKED = 'sk-ant-oat01-LAPTOP-revoked-000'
const REFRESH = 'sk-ant-ort01-LAPTOP-refresh-000'
const NOW = Date.parse('2026-06-01T12:00:00Z')
let api: Awaited<ReturnType<typeof startAnthropicStandIn>>

beforeAll(async () => {
  api = await startAnthropicStandIn({
    credentials: { [KEY]: 'valid', [BAD_KEY]: 'invalid', [OAUTH]: 'valid', [REVOKED]: 'revoked' }
  })
})
afterAll(() => api.close())

/** A Claude Code config folder holding a login whose access token expires `inMs` from NOW. */
function loginFolder(accessToken: string, inMs: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'laptop-'))
  writeFileSync(
    join(dir, '.credentials.json'),
    JSON.stringify({
      claudeAiOauth: { accessToken, refreshToken: REFRESH, expiresAt: NOW + inMs }
    })
  )
  return dir
}

async function check(args: string[], env: NodeJS.ProcessEnv) {
  let stdout = ''
  let stderr = ''
  const code = await cli(['check', ...args], {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    env: { ANTHROPIC_BASE_URL: api.url, ...env },
    now: () => NOW
  })
  for (const secret of [KEY, BAD_KEY, OAUTH, REVOKED, REFRESH])
    expect(stdout + stderr).not.toContain(secret)
  return { code, stdout, stderr }
}

describe("check reads Claude Code's own login", () => {
  it('from $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json', async () => {
    const dir = loginFolder(OAUTH, 3 * 3_600_000)
    const fromConfigDir = await check([], { CLAUDE_CONFIG_DIR: dir, HOME: '/nonexistent' })
    expect(fromConfigDir.code).toBe(0)
    expect(fromConfigDir.stdout).toBe(
      `valid: claude-preflight: the subscription access token from file ${dir}/.credentials.json is live and expires at 2026-06-01T15:00:00.000Z, in 3h (needs min-remaining 0s).\n`
    )
    const home = mkdtempSync(join(tmpdir(), 'home-'))
    mkdirSync(join(home, '.claude'))
    writeFileSync(
      join(home, '.claude', '.credentials.json'),
      JSON.stringify({ claudeAiOauth: { accessToken: REVOKED, expiresAt: NOW + 3_600_000 } })
    )
    const fromHome = await check([], { HOME: home })
    expect(fromHome.code).toBe(1)
    expect(fromHome.stdout).toContain(`from file ${home}/.claude/.credentials.json was revoked`)
    // Claude Code renews its own file: the fix is a new login there, not a secret.
    expect(fromHome.stdout).toContain(
      `Fix: The login was revoked (logged out elsewhere, or the refresh chain was broken): run 'claude' and '/login': it writes the new login to ${home}/.claude/.credentials.json.`
    )
    expect(fromHome.stdout).not.toMatch(/secret|on-expiring/)
  })

  it('at the lowest precedence, as Claude Code', async () => {
    const dir = loginFolder(REVOKED, 3_600_000)
    const run = await check(['--json'], { CLAUDE_CONFIG_DIR: dir, CLAUDE_CODE_OAUTH_TOKEN: OAUTH })
    const report = JSON.parse(run.stdout) as {
      credential: string
      warnings: string[]
      checked: Array<{ from: string }>
    }
    expect(run.code).toBe(0)
    expect(report.credential).toBe('claude-code-oauth-token')
    expect(report.checked.map(c => c.from)).toEqual([
      'env CLAUDE_CODE_OAUTH_TOKEN',
      `file ${dir}/.credentials.json`
    ])
    expect(report.warnings).toContain(
      `subscription access token from file ${dir}/.credentials.json is ignored: Claude Code uses the OAuth token from env CLAUDE_CODE_OAUTH_TOKEN first.`
    )
  })

  it('says so when the file is there but cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'laptop-'))
    mkdirSync(join(dir, '.credentials.json'))
    const run = await check([], { CLAUDE_CONFIG_DIR: dir, ANTHROPIC_API_KEY: KEY })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(
      `warning: ${dir}/.credentials.json (Claude Code's login) cannot be read (not a regular file) and was not checked`
    )
  })
})

describe('check asks for no job length unless told', () => {
  it('passes a login that lasts 20 minutes, and under --min-remaining 1h says Claude Code renews it', async () => {
    const dir = loginFolder(OAUTH, 20 * 60_000)
    const plain = await check([], { CLAUDE_CONFIG_DIR: dir })
    expect(plain.code).toBe(0)
    expect(plain.stdout).not.toContain('360')
    const asked = await check(['--min-remaining', '1h'], { CLAUDE_CONFIG_DIR: dir })
    expect(asked.code).toBe(0)
    expect(asked.stdout).toMatch(/^expiring: .*but the job may need 1h \(min-remaining 1h\)/)
    expect(asked.stdout).toContain(
      'Fix: Claude Code renews it by itself when the file carries a refreshToken'
    )
    expect(asked.stderr).toContain(
      'note: Claude Code renews this login by itself from its file, which carries a refreshToken'
    )
  })

  it('an expired login with a refresh token is not a failure, and is not probed', async () => {
    const dir = loginFolder(REVOKED, -60_000)
    const before = api.requests.length
    const run = await check([], { CLAUDE_CONFIG_DIR: dir })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^expiring: /)
    expect(api.requests.length).toBe(before)
    // Without a refresh token, an expired login is what it is.
    const bare = mkdtempSync(join(tmpdir(), 'laptop-'))
    writeFileSync(
      join(bare, '.credentials.json'),
      JSON.stringify({ claudeAiOauth: { accessToken: REVOKED, expiresAt: NOW - 60_000 } })
    )
    expect((await check([], { CLAUDE_CONFIG_DIR: bare })).code).toBe(1)
  })
})

describe('fixes and misplaced values are worded for where the value came from', () => {
  it('an environment variable is named as one, an input as the secret behind it', async () => {
    const fromEnv = await check([], { ANTHROPIC_API_KEY: BAD_KEY })
    expect(fromEnv.code).toBe(1)
    expect(fromEnv.stdout).toContain(
      'and store it in the environment variable ANTHROPIC_API_KEY (in a workflow, the secret its `env:` entry reads).'
    )
    expect(fromEnv.stdout).not.toContain('secret that feeds')
    const fromFlag = await check(['--anthropic-api-key', BAD_KEY], {})
    expect(fromFlag.stdout).toContain(
      "and store it in the secret that feeds 'anthropic-api-key' (Settings > Secrets and variables > Actions)."
    )
  })

  it('an API key in CLAUDE_CODE_OAUTH_TOKEN is said to be in that variable', async () => {
    const run = await check([], { CLAUDE_CODE_OAUTH_TOKEN: KEY })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'claude-preflight: environment variable CLAUDE_CODE_OAUTH_TOKEN holds an Anthropic API key. Move it to ANTHROPIC_API_KEY\n'
    )
  })

  it("the post step's state keeps where the value came from, and only a place main can name", () => {
    const state = (from: unknown) =>
      parsePreflightState(JSON.stringify({ source: 'anthropic-api-key', from }))
    expect(state('env ANTHROPIC_API_KEY')?.from).toBe('env ANTHROPIC_API_KEY')
    expect(state('input anthropic-api-key')?.from).toBe('input anthropic-api-key')
    for (const hostile of ['env @everyone', 'file /etc/passwd', 'input [x](https://e.x)', 42])
      expect(state(hostile)).toEqual({ source: 'anthropic-api-key' })
  })
})

describe('check reports its clean-ups', () => {
  it('as notes in text and in JSON', async () => {
    const text = await check([], { ANTHROPIC_API_KEY: `${KEY}\n` })
    expect(text.code).toBe(0)
    expect(text.stderr).toBe(
      "note: removed whitespace or a newline around the value of 'ANTHROPIC_API_KEY' (Claude Code ignores it too)\n"
    )
    const json = await check(['--json'], { ANTHROPIC_API_KEY: `${KEY}\n` })
    const report = JSON.parse(json.stdout) as {
      notes: string[]
      checked: Array<{ notes: string[] }>
    }
    expect(report.notes).toEqual([
      "removed whitespace or a newline around the value of 'ANTHROPIC_API_KEY' (Claude Code ignores it too)"
    ])
    expect(report.checked[0]!.notes).toEqual(report.notes)
  })
})

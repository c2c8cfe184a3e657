// `claude-preflight check`, in process and bundled: exit 0 fine, 1 not fine, 2 bad usage.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { cli } from '../src/cli/index.js'
import { VERSION } from '../src/common/version.js'

const KEY = 'sk-ant-api03-CLI-valid-key-000'
const BAD = 'sk-ant-api03-CLI-invalid-key-000'
const OAUTH = 'sk-ant-oat01-CLI-oauth-000'
let api: Awaited<ReturnType<typeof startAnthropicStandIn>>

beforeAll(async () => {
  api = await startAnthropicStandIn({
    credentials: { [KEY]: 'valid', [BAD]: 'invalid', [OAUTH]: 'valid' }
  })
})
afterAll(() => api.close())

async function check(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = await cli(['check', ...args], {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    env: { ANTHROPIC_BASE_URL: api.url, ...env }
  })
  return { code, stdout, stderr }
}

describe('claude-preflight check', () => {
  it('exits 0 for a live key from the environment, 1 for a rejected one', async () => {
    const ok = await check(['--min-remaining', '1h'], { ANTHROPIC_API_KEY: KEY })
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(
      /^valid: claude-preflight: the API key from env ANTHROPIC_API_KEY is live/
    )
    const bad = await check([], { ANTHROPIC_API_KEY: BAD })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/^invalid: .*401 "invalid x-api-key"/)
    for (const run of [ok, bad]) expect(run.stdout + run.stderr).not.toMatch(/CLI-(in)?valid-key/)
  })

  it('prints JSON with --json, with fingerprints and never the secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), '.credentials.json')
    writeFileSync(
      file,
      JSON.stringify({ claudeAiOauth: { accessToken: OAUTH, expiresAt: Date.now() + 10 * 60_000 } })
    )
    const run = await check(['--json', '--claude-credentials-file', file, '--min-remaining', '30m'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({
      credential: 'claude-credentials',
      status: 'expiring',
      valid: false,
      verdict: 'fail'
    })
    expect(report.checked[0].fingerprint).toMatch(/^sk-ant-oat01:[0-9a-f]{8}$/)
    expect(run.stdout).not.toContain(OAUTH)
  })

  it('exits 2 for bad usage and bad input, with one line naming it', async () => {
    const unknown = await check(['--no-such-flag'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^claude-preflight: Unknown option '--no-such-flag'/)
    const wrong = await check(['--claude-code-oauth-token', KEY])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/input 'claude-code-oauth-token' holds an Anthropic API key/)
    expect(wrong.stderr).not.toContain(KEY)
    const missingFile = await check(['--claude-credentials-file', '/nonexistent/creds.json'])
    expect(missingFile.code).toBe(2)
    expect(missingFile.stderr).toMatch(/'--claude-credentials-file' cannot be read \(ENOENT\)/)
    let out = ''
    expect(await cli([], { stdout: t => void (out += t), stderr: () => undefined, env: {} })).toBe(
      2
    )
    expect(
      await cli(['bogus'], { stdout: () => undefined, stderr: () => undefined, env: {} })
    ).toBe(2)
    expect(out).toMatch(/Usage:/)
  })

  it('runs bundled, as `npx claude-preflight` would', async () => {
    const child = spawn(process.execPath, ['dist/cli/index.js', 'check', '--json'], {
      env: { PATH: process.env.PATH, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: api.url }
    })
    let stdout = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ credential: 'anthropic-api-key', status: 'valid' })
    const version = spawn(process.execPath, ['dist/cli/index.js', '--version'])
    let printed = ''
    version.stdout.on('data', chunk => (printed += chunk))
    await new Promise(resolve => version.on('close', resolve))
    expect(printed.trim()).toBe(VERSION)
  })
})

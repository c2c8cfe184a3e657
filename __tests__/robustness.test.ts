// Faults of the action's own making, each once seen in the field: a missing job summary failing a valid key, a bug
// passing as a network error, a closed pipe crashing the CLI, booleans read three ways.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { ACTION_NODE, runAction } from './support/runner.js'
import { closedPort } from './support/ports.js'
import { NetworkError, send } from '../src/http/request.js'
import { probe } from '../src/probe/probe.js'
import { cli } from '../src/cli/index.js'

const MAIN = 'dist/main/index.js'
const KEY = 'sk-ant-api03-ROBUST-valid-key-0123456789'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>

beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' } })
})
afterAll(() => api.close())

describe('main step without a job summary', () => {
  it('passes a valid key when GITHUB_STEP_SUMMARY is unset, and says the summary was not written', async () => {
    const result = await runAction(MAIN, {
      inputs: {
        'anthropic-api-key': KEY,
        'anthropic-base-url': api.url,
        'probe-timeout': '30s',
        'min-remaining': '30m'
      },
      env: { GITHUB_STEP_SUMMARY: undefined }
    })
    expect(result.outputs).toMatchObject({ status: 'valid', valid: 'true' })
    expect(result.code).toBe(0)
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    expect(result.stdout).toMatch(
      /::warning::claude-preflight: could not write the job summary: .*GITHUB_STEP_SUMMARY/
    )
  })
})

describe('send: a bug is not a network error', () => {
  it('rethrows an error of the call itself as an internal error, without its message', async () => {
    // A header value undici refuses: its own message would quote it.
    const headers = { 'x-api-key': `${KEY}\nsecond-line` }
    const error = await send({ url: `${api.url}/v1/models`, method: 'GET', headers }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(NetworkError)
    expect((error as Error).message).toMatch(
      /^a request to 127\.0\.0\.1:\d+ failed inside the action, not on the network \(TypeError\): please report it$/
    )
    expect((error as Error).message).not.toContain(KEY)
  })

  it('so a probe that meets one fails instead of calling the credential unverifiable', async () => {
    const credential = {
      source: 'anthropic-api-key' as const,
      scheme: 'x-api-key' as const,
      secret: `${KEY}\u0000`
    }
    await expect(probe(credential, { baseUrl: api.url, timeoutMs: 30_000, send })).rejects.toThrow(
      /failed inside the action, not on the network/
    )
  })

  it('still calls a refused connection a network error', async () => {
    const port = await closedPort()
    const error = await send({ url: `http://127.0.0.1:${port}/v1/models`, method: 'GET' }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).failure).toBe('refused')
  })
})

describe('the command line in a pipe', () => {
  it('stops quietly when the reader goes away (scan … | head), keeping its exit status', async () => {
    const child = spawn(ACTION_NODE, ['dist/cli/index.js', 'scan', 'fixtures/cli/*.txt'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // The reader has gone before the first line is written: every write meets EPIPE.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(1)
  })

  it('scan --help prints the whole usage', async () => {
    let stdout = ''
    const code = await cli(['scan', '--help'], {
      stdout: text => void (stdout += text),
      stderr: () => undefined,
      env: {}
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: claude-preflight scan PATH\.\.\. /)
    expect(stdout).toMatch(/--json {2,}print/)
    expect(stdout).toMatch(/Exit status: 1 credential failures found/)
  })
})

/** A real CLI transcript (fixtures/cli) with every timestamp moved so that its last one is `endsAt`. */
function transcriptEndingAt(fixture: string, endsAt: number): string {
  const text = readFileSync(`fixtures/cli/${fixture}`, 'utf8')
  const stamps = [...text.matchAll(/"timestamp":"([^"]+)"/g)].map(m => Date.parse(m[1]!))
  const shift = endsAt - Math.max(...stamps)
  return text.replace(
    /"timestamp":"([^"]+)"/g,
    (_, at: string) => `"timestamp":"${new Date(Date.parse(at) + shift).toISOString()}"`
  )
}

describe('post step: failures from before the job', () => {
  const now = Date.now()
  const state = (checkedAt: number) => ({
    preflight: JSON.stringify({
      source: 'claude-code-oauth-token',
      label: 'OAuth token',
      fingerprint: 'sk-ant-oat01:0badc0de',
      checkedAt: new Date(checkedAt).toISOString(),
      status: 'valid'
    })
  })
  const post = (files: Record<string, string>, saved: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'robust-post-'))
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return runAction('dist/post/index.js', {
      inputs: { 'claude-output': join(dir, '*.jsonl'), 'fail-on-auth-error': 'true' },
      env: { RUNNER_TEMP: dir, GITHUB_WORKSPACE: dir },
      state: saved
    })
  }

  it("leaves out a transcript's failure from days before the preflight, and says so in one line", async () => {
    const result = await post(
      {
        'old.jsonl': transcriptEndingAt('invalid-api-key.jsonl', now - 3 * 86_400_000),
        'new.jsonl': transcriptEndingAt('expired-after-3-turns.jsonl', now - 60_000)
      },
      state(now - 5 * 60_000)
    )
    const errors = result.commands.filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.properties).toContain('anthropic-auth-expired')
    expect(result.summary).not.toContain('anthropic-auth-invalid')
    const skipped = result.stdout.split('\n').filter(line => line.includes('from before this job'))
    expect(skipped).toHaveLength(1)
    expect(skipped[0]).toMatch(
      /^claude-preflight: skipped 1 credential failure\(s\) from before this job \(before \d{4}-.*Z, 10m before the preflight checked\)/
    )
    expect(result.code).toBe(1)
  })

  it("passes a job whose only failures are an earlier run's", async () => {
    const result = await post(
      { 'old.jsonl': transcriptEndingAt('expired-after-3-turns.jsonl', now - 86_400_000) },
      state(now - 60_000)
    )
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    expect(result.code).toBe(0)
  })

  it("leaves nothing out without the preflight's state, or with a check time in the future", async () => {
    const files = {
      'old.jsonl': transcriptEndingAt('expired-after-3-turns.jsonl', now - 86_400_000)
    }
    for (const saved of [{}, state(now + 86_400_000)]) {
      const result = await post(files, saved)
      expect(result.commands.filter(c => c.command === 'error')).toHaveLength(1)
      expect(result.stdout).not.toContain('from before this job')
    }
  })
})

describe('scan --since', () => {
  it('leaves out failures before the time given, counts them, and keeps the rest', async () => {
    const now = Date.parse('2026-06-01T12:00:00Z')
    const dir = mkdtempSync(join(tmpdir(), 'robust-scan-'))
    writeFileSync(
      join(dir, 'old.jsonl'),
      transcriptEndingAt('invalid-api-key.jsonl', now - 3 * 86_400_000)
    )
    writeFileSync(
      join(dir, 'new.jsonl'),
      transcriptEndingAt('expired-after-3-turns.jsonl', now - 3_600_000)
    )
    const scan = async (...args: string[]) => {
      let stdout = ''
      let stderr = ''
      const code = await cli(['scan', join(dir, '*.jsonl'), ...args], {
        stdout: text => void (stdout += text),
        stderr: text => void (stderr += text),
        env: {},
        now: () => now
      })
      return { code, stdout, stderr }
    }
    for (const since of ['1d', '2026-05-31T12:00:00Z']) {
      const json = await scan('--json', '--since', since)
      expect(json.code).toBe(1)
      const report = JSON.parse(json.stdout) as { findings: Array<{ kind: string }>; older: number }
      expect(report.findings.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
      expect(report.older).toBe(1)
      expect(json.stderr).toBe(
        'claude-preflight: left out 1 credential failure(s) from before 2026-05-31T12:00:00.000Z (--since).\n'
      )
    }
    const all = await scan('--json')
    expect((JSON.parse(all.stdout) as { findings: unknown[] }).findings).toHaveLength(2)
    const none = await scan('--since', '1m')
    expect(none.code).toBe(0)
  })
})

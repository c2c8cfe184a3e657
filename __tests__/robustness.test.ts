// Faults of the action's own making, each once seen in the field: a missing job summary failing a valid key, a bug
// passing as a network error, a closed pipe crashing the CLI, booleans read three ways.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
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
    const credential = { scheme: 'x-api-key' as const, secret: `${KEY}\u0000` }
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
    expect(stdout).toMatch(/^Usage: claude-preflight scan FILE\.\.\. /)
    expect(stdout).toMatch(/--json {2,}print/)
    expect(stdout).toMatch(/Exit status: 1 credential failures found/)
  })
})

// End to end, as in a job whose Claude step left no execution file (cancelled, timed out, killed): the bundled main
// step checks the credential, the real claude CLI runs with the job's HOME against the stand-in API (its credential
// expiring after two tool turns), then the bundled post step, the way the runner runs them, finds the failure in
// Claude Code's own session transcript. With nothing at all to read it says so in one neutral line and passes; a
// session the execution file already holds is not reported twice; two Claude steps are each reported on their own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newJob, runAction, type Job, type RunResult } from './support/runner.js'
import { claudeBinary, runClaude } from '../scripts/make-fixtures.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const TOKEN = 'sk-ant-oat01-sessions-e2e-0000000000000000000000000000000000000000000000000'
const SECOND = 'sk-ant-oat01-sessions-e2e-second-000000000000000000000000000000000000000000'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  expect(existsSync(POST)).toBe(true) // run `npm run bundle` first
  api = await startAnthropicStandIn({ credentials: { [TOKEN]: 'valid', [SECOND]: 'valid' } })
})
afterAll(async () => api.close())

/** The main step of a new job: the preflight checks the token and saves its state. */
async function mainStep(job: Job): Promise<Record<string, string>> {
  const main = await runAction(MAIN, {
    job,
    inputs: {
      'claude-code-oauth-token': TOKEN,
      'anthropic-base-url': api.url,
      'probe-timeout': '30s',
      'min-remaining': '30m'
    }
  })
  expect(main.code).toBe(0)
  expect(main.state.preflight).toContain('checkedAt')
  return main.state
}

/** A Claude step with the job's HOME, in the job's workspace; returns its stream-json. */
async function claudeStep(job: Job, workspace: string, secret: string): Promise<string> {
  const run = await runClaude({
    apiUrl: api.url,
    credential: 'oauth',
    secret,
    formatArgs: ['--output-format', 'stream-json', '--verbose'],
    cwd: workspace,
    env: { HOME: job.dir },
    binary: claudeBinary()
  })
  return run.stdout
}

function postStep(job: Job, workspace: string, state: Record<string, string>): Promise<RunResult> {
  return runAction(POST, { job, state, env: { GITHUB_WORKSPACE: workspace } })
}

const errors = (result: RunResult) => result.commands.filter(c => c.command === 'error')

describe('post step without an execution file, bundled', () => {
  it("finds a mid-run expiry in Claude Code's session transcript and fails the job", async () => {
    const job = newJob()
    const workspace = mkdtempSync(join(tmpdir(), 'sessions-e2e-work-'))
    const state = await mainStep(job)
    api.script(TOKEN, [{ bash: 'echo one' }, { bash: 'echo two' }, { error: 'expired' }])
    await claudeStep(job, workspace, TOKEN)
    api.set(TOKEN, 'valid')

    const post = await postStep(job, workspace, state)
    expect(post.code).toBe(1)
    expect(errors(post)).toHaveLength(1)
    expect(errors(post)[0]?.properties).toContain('anthropic-auth-expired')
    expect(post.stdout).toMatch(
      /read Claude Code's session transcript \S+\/projects\/[^/]+\/[0-9a-f-]{36}\.jsonl/
    )
    expect(post.summary).toContain('1 credential failure in the Claude step')
    expect(post.summary).toMatch(/\| 2 turns, 2 tool calls \| 2 \|/)
    expect(post.summary).not.toContain('no evidence')
  }, 180_000)

  it('with nothing to read: "no evidence: nothing to read", never "no credential failure", and passes', async () => {
    const job = newJob()
    const workspace = mkdtempSync(join(tmpdir(), 'sessions-e2e-work-'))
    const state = await mainStep(job)
    const post = await postStep(job, workspace, state)
    expect(post.code).toBe(0)
    expect(errors(post)).toEqual([])
    expect(post.stdout).toMatch(/^claude-preflight: no evidence: nothing to read/m)
    expect(post.summary).toContain('### claude-preflight: no evidence: nothing to read')
    expect(post.summary).not.toMatch(/no credential failure/i)
  }, 120_000)

  it('a session the execution file holds is read once, from the execution file', async () => {
    const job = newJob()
    const workspace = mkdtempSync(join(tmpdir(), 'sessions-e2e-work-'))
    const state = await mainStep(job)
    api.script(TOKEN, [{ bash: 'echo one' }, { error: 'expired' }])
    const stdout = await claudeStep(job, workspace, TOKEN)
    api.set(TOKEN, 'valid')
    const messages = stdout
      .split('\n')
      .filter(line => line.startsWith('{'))
      .map(line => JSON.parse(line) as unknown)
    writeFileSync(join(job.dir, 'claude-execution-output.json'), JSON.stringify(messages, null, 2))

    const post = await postStep(job, workspace, state)
    expect(post.code).toBe(1)
    expect(errors(post)).toHaveLength(1)
    expect(post.stdout).toContain('claude-execution-output.json')
    expect(post.stdout).not.toContain("Claude Code's session transcript")
  }, 180_000)

  it('two Claude steps: each session read and reported on its own', async () => {
    const job = newJob()
    const workspace = mkdtempSync(join(tmpdir(), 'sessions-e2e-work-'))
    const state = await mainStep(job)
    api.script(TOKEN, [{ bash: 'echo one' }, { error: 'expired' }])
    await claudeStep(job, workspace, TOKEN)
    api.set(TOKEN, 'valid')
    api.script(SECOND, [{ bash: 'echo one' }, { bash: 'echo two' }, { error: 'revoked' }])
    await claudeStep(job, workspace, SECOND)

    const post = await postStep(job, workspace, state)
    expect(post.code).toBe(1)
    const read = post.stdout.match(/read Claude Code's session transcript/g) ?? []
    expect(read).toHaveLength(2)
    const kinds = errors(post).map(error => /\((anthropic-[a-z-]+)\)/.exec(error.properties)?.[1])
    expect(kinds.sort()).toEqual(['anthropic-auth-expired', 'anthropic-auth-revoked'])
  }, 240_000)
})

// Item: files the post step must not read. A glob in `claude-output` matches what the workspace holds, and the
// workspace is hostile: a symlink to /proc/self/environ (the step's own environment, the job's secrets), to
// /dev/zero, or a FIFO. The bundled post step runs after a main step whose secret write-back failed: it must refuse
// those files with a warning naming each, finish well within its bound, still find the real failure, and still
// save the rotated refresh token.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newJob, runAction } from '../support/runner.js'
import { runnerCommands } from '../support/runner-commands.js'
import {
  GHS,
  PAT,
  SECRET,
  acceptIssuedTokens,
  jobEnv,
  startChain,
  type Chain
} from '../support/refresh-chain.js'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { post } from '../../src/action/post.js'
import type { Core } from '../../src/common/core.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const CANARY = 'canary-secret-of-the-job-5f1d2c'

/* eslint-disable @typescript-eslint/no-explicit-any */
let chain: Chain
let api: any
beforeAll(async () => {
  for (const entry of [MAIN, POST]) expect(existsSync(entry)).toBe(true) // run `npm run bundle` first
  chain = await startChain()
  api = await startAnthropicStandIn({ credentials: { 'sk-ant-oat01-old-access-token': 'valid' } })
  acceptIssuedTokens(chain, api)
})
afterAll(async () => {
  await chain?.close()
  await api?.close()
})

/** A workspace whose `logs/` holds one real log and the three traps. */
function hostileWorkspace(root: string): string {
  const workspace = join(root, 'workspace')
  const logs = join(workspace, 'logs')
  mkdirSync(logs, { recursive: true })
  writeFileSync(
    join(logs, 'claude.log'),
    'Failed to authenticate. API Error: 401 OAuth token has expired.\n'
  )
  symlinkSync('/proc/self/environ', join(logs, 'environ.log'))
  symlinkSync('/dev/zero', join(logs, 'zero.log'))
  // A FIFO inside the workspace, reached through a link the glob matches (a glob never lists a FIFO itself).
  execFileSync('mkfifo', [join(workspace, 'pipe')])
  symlinkSync(join(workspace, 'pipe'), join(logs, 'fifo.log'))
  return workspace
}

/** The post step's core, reading `logs/*.log`, recording what it logs. */
function fakeCore() {
  const infos: string[] = []
  const warnings: string[] = []
  const core = {
    getInput: (name: string) => (name === 'claude-output' ? 'logs/*.log' : ''),
    getState: () => '',
    info: (message: string) => void infos.push(message),
    notice: () => undefined,
    warning: (message: string) => void warnings.push(message),
    error: () => undefined,
    summary: { addRaw: () => ({ write: async () => undefined }) }
  }
  return { core: core as unknown as Core, infos, warnings }
}

test('symlinks to /proc/self/environ and /dev/zero and a FIFO: refused, the step ends, the token is saved', async () => {
  // The main step refreshes, but the secret write fails: the post step must save the newest refresh token.
  chain.githubFault.fn = r =>
    r.method === 'PUT' && r.path.endsWith(`/secrets/${SECRET}`)
      ? { status: 502, body: { message: 'Bad Gateway' } }
      : undefined
  const job = newJob()
  const workspace = hostileWorkspace(job.dir)
  const env = {
    ...jobEnv(chain),
    RUNNER_TEMP: job.dir,
    HOME: job.dir,
    GITHUB_WORKSPACE: workspace,
    // A line of the environment that reads as a failure, followed by a secret of the job.
    CLAUDE_NOTE: '\nFailed to authenticate. API Error: 401 OAuth token has expired.',
    JOB_SECRET: CANARY
  }
  const inputs = {
    'anthropic-base-url': api.url,
    'probe-timeout': '2s',
    'github-token': GHS,
    'min-remaining': '1h',
    'claude-credentials': chain.seeded,
    'oauth-token-url': chain.oauth.url,
    'secrets-token': PAT,
    'secret-name': SECRET,
    'claude-output': 'logs/*.log'
  }
  const main = await runAction(MAIN, { job, inputs, env, timeoutMs: 60_000 })
  expect(main.state['refresh-pending']).toBeTruthy()
  expect(chain.secretValue()).toBe(chain.seeded)
  chain.githubFault.fn = undefined

  const run = await runAction(POST, { job, inputs, env, state: main.state, timeoutMs: 45_000 })
  expect(run.code).not.toBeNull() // not killed at the bound
  expect(run.elapsedMs).toBeLessThan(30_000)
  // The newest refresh token is in the secret.
  expect(chain.secretValue()).toContain(chain.oauth.current)
  const warnings = runnerCommands(run.stdout)
    .filter(c => c.command === 'warning')
    .map(c => c.data)
    .join('\n')
  expect(warnings).toMatch(
    /could not read .*environ\.log: refused: its real path \/proc\/\d+\/environ lies outside/
  )
  expect(warnings).toMatch(
    /could not read .*zero\.log: refused: its real path \/dev\/zero lies outside/
  )
  expect(warnings).toMatch(/could not read .*fifo\.log: refused: it is a FIFO, not a regular file/)
  // The real failure is still found, and nothing of the step's environment is quoted anywhere.
  expect(run.code).toBe(1)
  expect(runnerCommands(run.stdout).filter(c => c.command === 'error')).toHaveLength(1)
  for (const channel of [run.stdout, run.stderr, run.summary, JSON.stringify(run.files)]) {
    expect(channel).not.toContain(CANARY)
  }
}, 120_000)

test('the write-back runs before the scan reads any file', async () => {
  const job = newJob()
  const workspace = hostileWorkspace(job.dir)
  const { core, infos } = fakeCore()
  let readBeforeWriteBack: string[] | undefined
  const outcome = await post({
    core,
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: job.dir },
    fail: () => undefined,
    finishWriteBack: async () => {
      readBeforeWriteBack = infos.filter(line => line.includes(': read '))
    }
  })
  expect(readBeforeWriteBack).toEqual([])
  expect(outcome.files).toEqual([join(workspace, 'logs', 'claude.log')])
})

test('the scan is bounded in bytes and time, and says what it did not read', async () => {
  const job = newJob()
  const logs = join(job.dir, 'logs')
  mkdirSync(logs)
  const expired = 'Failed to authenticate. API Error: 401 OAuth token has expired.\n'
  writeFileSync(join(logs, 'a.log'), expired + 'x'.repeat(8192) + '\n')
  writeFileSync(join(logs, 'b.log'), expired)
  writeFileSync(join(logs, 'c.log'), expired)
  const { core, warnings } = fakeCore()
  // The clock moves 10 s at each look; the budget allows a few looks only.
  let clock = 0
  let failed = 0
  const outcome = await post({
    core,
    env: { GITHUB_WORKSPACE: job.dir, RUNNER_TEMP: job.dir },
    fail: () => failed++,
    scanLimits: { fileBytes: 4096, budgetMs: 55_000, now: () => (clock += 10_000) }
  })
  expect(warnings).toEqual([
    expect.stringMatching(/could not read .*c\.log: not read: the scan's time budget was used up/),
    expect.stringMatching(/a\.log: read only its first 4096 bytes: the scan's byte cap per file/)
  ])
  expect(outcome.files.map(file => file.slice(logs.length + 1))).toEqual(['a.log', 'b.log'])
  expect(failed).toBe(1)
})

// A job that refreshes, run as the runner runs it: the bundled main step, then whatever a later step of the job does
// (it can write RUNNER_TEMP, HOME and $GITHUB_ENV), then the bundled post step. The post step gets STATE_* the way
// the runner gives it: the job's environment first (where a later step's `STATE_x=…` in $GITHUB_ENV lands), then
// every state key the main step saved, over it.
import { afterEach, beforeAll } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { GHS, PAT, SECRET, jobEnv, startChain, type Chain } from './refresh-chain.js'
import { newJob, runAction, type Job, type RunResult } from './runner.js'

export const MAIN = 'dist/main/index.js'
export const POST = 'dist/post/index.js'

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface RefreshJob {
  chain: Chain
  anthropic: any
  job: Job
  env: Record<string, string>
  inputs: Record<string, string>
  main(): Promise<RunResult>
  /** `injected`: the STATE_* variables a later step wrote to $GITHUB_ENV; `laterEnv`: the other variables it wrote. */
  post(
    main: RunResult,
    injected?: Record<string, string>,
    laterEnv?: Record<string, string>
  ): Promise<RunResult>
  close(): Promise<void>
}

export async function startRefreshJob(inputs: Record<string, string> = {}): Promise<RefreshJob> {
  const chain = await startChain()
  const anthropic = await startAnthropicStandIn({
    credentials: { 'sk-ant-oat01-old-access-token': 'valid' }
  })
  const issue = chain.oauth.issued.push.bind(chain.oauth.issued)
  chain.oauth.issued.push = (...pairs) => {
    for (const pair of pairs) anthropic.set(pair.accessToken, 'valid')
    return issue(...pairs)
  }
  const job = newJob()
  const env = { ...jobEnv(chain), RUNNER_TEMP: job.dir, HOME: job.dir }
  const allInputs = {
    'claude-credentials': chain.seeded,
    'anthropic-base-url': anthropic.url,
    'min-remaining': '1h',
    'oauth-token-url': chain.oauth.url,
    'secrets-token': PAT,
    'github-token': GHS,
    'secret-name': SECRET,
    'secret-scope': 'repo',
    'claude-output': `${job.dir}/no-transcript.json`,
    ...inputs
  }
  return {
    chain,
    anthropic,
    job,
    env,
    inputs: allInputs,
    main: () => runAction(MAIN, { job, inputs: allInputs, env, timeoutMs: 60_000 }),
    post: (main, injected = {}, laterEnv = {}) =>
      runAction(POST, {
        job,
        inputs: allInputs,
        env: { ...env, ...laterEnv },
        state: { ...injected, ...main.state },
        timeoutMs: 60_000
      }),
    async close() {
      await Promise.all([chain.close(), anthropic.close()])
    }
  }
}

/** The write-back file the main step left in RUNNER_TEMP, found as a later step would find it. */
export function pendingFileOf(r: RefreshJob): string {
  const name = readdirSync(r.job.dir).find(n => /^claude-preflight-refresh-\d+\.json$/.test(n))
  if (!name) throw new Error('main left no write-back file')
  return join(r.job.dir, name)
}

/**
 * For a test file whose tests each run one refresh job: checks that the bundle is there first, and closes each job
 * after its test. `start` starts the test's job.
 */
export function eachRefreshJob(): { start: typeof startRefreshJob } {
  let running: RefreshJob | undefined
  beforeAll(() => {
    for (const entry of [MAIN, POST])
      if (!existsSync(entry)) throw new Error('run `npm run bundle` first')
  })
  afterEach(async () => {
    await running?.close()
    running = undefined
  })
  return {
    start: async inputs => (running = await startRefreshJob(inputs))
  }
}

/** The GitHub stand-in's requests that wrote a secret: `PUT …/secrets/NAME`. */
export function secretWrites(chain: Chain): string[] {
  return chain.github.requests
    .filter((r: any) => r.method === 'PUT' && /\/secrets\/[A-Za-z0-9_]+$/.test(r.path))
    .map((r: any) => r.path as string)
}

// A bare `claude -p` step of the e2e renewal tests: the real CLI with a scripted session, its stream-json log kept in
// the job's folder; the job it runs in; and what those tests read of the renewer's process and the steps' logs.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { claudeBinary } from '../../scripts/make-fixtures.js'
import { runningWorkflow } from './checkout.js'
import { expect } from '@jest/globals'
import { runAction, type Job, type RunResult } from './runner.js'

/** Where scripts/make-fixtures.js --newest installs the newest CLI on npm. */
const NEWEST_MODULES = '/tmp/claude-code-newest/node_modules'

/** The pinned CLI, and the newest one when it is installed: [name, binary], for describe.each. */
export const CLAUDE_BINARIES: Array<[string, string]> = [
  ['pinned', claudeBinary()],
  ...(existsSync(join(NEWEST_MODULES, '@anthropic-ai/claude-code'))
    ? [['newest', claudeBinary(NEWEST_MODULES)] as [string, string]]
    : [])
]

/**
 * A push job of `workflow` (its job `claude`), its checkout in the job's folder: the runner's variables for its steps,
 * the GitHub API at `githubUrl`, and a RUNNER_TRACKING_ID of its own (the runner ends the job's leftover processes by it).
 */
export function pushJobEnv(job: Job, workflow: string, githubUrl: string): Record<string, string> {
  const workspace = join(job.dir, 'workspace')
  mkdirSync(workspace, { recursive: true })
  return {
    ...runningWorkflow(workspace, workflow),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_API_URL: githubUrl,
    RUNNER_TRACKING_ID: `github_${job.dir.slice(-8)}`
  }
}

/**
 * Runs the real CLI (`binary`, default the pinned one) in `cwd` with `env` over PATH and HOME (the job's folder); its
 * exit code, null when killed.
 */
export async function runClaudeStep(
  job: Job,
  cwd: string,
  env: Record<string, string>,
  binary = claudeBinary()
): Promise<number | null> {
  const child = spawn(
    binary,
    ['-p', 'review', '--output-format', 'stream-json', '--verbose', '--allowedTools', 'Bash'],
    {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: job.dir,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        ...env
      },
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  let log = ''
  child.stdout.on('data', chunk => (log += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  clearTimeout(timer)
  writeFileSync(join(job.dir, 'claude.log'), log)
  return code
}

/** Whether `pid` runs: an ended process that nobody reaped yet (a zombie) has an empty command line. */
export const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`).length > 0
  } catch {
    return false
  }
}

/** A step's log without its `::add-mask::` commands, which name a secret to hide it. */
export const unmasked = (stdout: string) =>
  stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')

/** Five tool turns of 2 seconds each, then the answer: a session of about 12 seconds, several short credentials' lives. */
export const SESSION_TURNS = [
  ...Array.from({ length: 5 }, () => ({ bash: 'sleep 2' })),
  { text: 'All checks passed.' }
]

/** What a renewal run's main and post steps printed or kept: no credential the renewer minted may appear there. */
export const renewalRunChannels = (main: RunResult, post: RunResult) => ({
  mainOut: unmasked(main.stdout),
  mainErr: main.stderr,
  postOut: unmasked(post.stdout),
  postErr: post.stderr,
  summary: post.summary,
  state: main.files.state
})

/**
 * The bundled post step at the end of a job whose main step started the renewer (`binding`, from its state) and whose
 * Claude step logged to claude.log: it succeeds, the renewer has ended and its directory is gone.
 */
export async function postStopsRenewer(
  job: Job,
  main: RunResult,
  env: Record<string, string>,
  binding: { pid: number; dir: string }
): Promise<RunResult> {
  const post = await runAction('dist/post/index.js', {
    job,
    state: main.state,
    inputs: { 'claude-output': join(job.dir, 'claude.log') },
    env
  })
  expect(post.code).toBe(0)
  expect(alive(binding.pid)).toBe(false)
  expect(existsSync(binding.dir)).toBe(false)
  return post
}

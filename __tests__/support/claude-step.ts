// A bare `claude -p` step of the e2e renewal tests: the real CLI with a scripted session, its stream-json log kept in
// the job's folder; the job it runs in; and what those tests read of the renewer's process and the steps' logs.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { claudeBinary } from '../../scripts/make-fixtures.js'
import { runningWorkflow } from './checkout.js'
import type { Job, RunResult } from './runner.js'

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

/** Runs the real CLI in `cwd` with `env` over PATH and HOME (the job's folder); its exit code, null when killed. */
export async function runClaudeStep(
  job: Job,
  cwd: string,
  env: Record<string, string>
): Promise<number | null> {
  const child = spawn(
    claudeBinary(),
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

/** What the main and post steps left where a secret must never be: their logs, the job summary and the state. */
export const stepRecords = (main: RunResult, post: RunResult): Record<string, string> => ({
  mainOut: unmasked(main.stdout),
  mainErr: main.stderr,
  postOut: unmasked(post.stdout),
  postErr: post.stderr,
  summary: post.summary,
  state: main.files.state
})

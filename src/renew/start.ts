// Main's side: starts the renewer as a detached process that outlives the main step, hands it the job description
// on stdin (every planned source's part), and waits until every source's first file is written, so that Claude
// starts with fresh credentials.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reasonOf } from '../common/errors.js'
import { formatDuration } from '../lifetime/duration.js'
import { NETWORK_ENV } from '../secrets/network-env.js'
import type { RenewalJob } from './job.js'
import type { PlannedSource } from './plan.js'
import type { SourceJob } from './source.js'
import { readStatus, type RenewerStatus } from './status.js'

/** How long main waits for every source's first file. */
export const FIRST_FILES_WAIT_MS = 30_000

/**
 * What the renewer's environment keeps of main's: no secret (the job description carries those), but what it needs to
 * reach the network as main does, and RUNNER_TRACKING_ID, by which the runner finds and ends a job's leftover
 * processes at its end ("Cleaning up orphan processes", actions/runner src/Runner.Worker/JobExtension.cs).
 */
const KEPT_ENV = ['PATH', 'HOME', 'RUNNER_TEMP', 'RUNNER_TRACKING_ID', ...NETWORK_ENV]

export interface StartOptions {
  env: NodeJS.ProcessEnv
  /** The Node binary and the renewer's bundle (dist/renewer/index.js). */
  node: string
  entry: string
  deadline: number
  waitMs?: number
}

export interface Started {
  dir: string
  pid: number
  nonce: string
  /** Each source's file, by kind. */
  files: Record<string, string>
  status: RenewerStatus
}

export async function startRenewer(
  planned: readonly PlannedSource[],
  options: StartOptions
): Promise<{ started: Started } | { problem: string }> {
  const { env } = options
  const dir = join(
    env.RUNNER_TEMP || tmpdir(),
    `claude-preflight-renew-${randomBytes(8).toString('hex')}`
  )
  await mkdir(dir, { mode: 0o700 })
  const nonce = randomBytes(16).toString('hex')
  const sources = planned.map(
    ({ source, plan }) => ({ ...plan.job, file: join(dir, source.fileName) }) as SourceJob
  )
  const job: RenewalJob = { nonce, dir, deadline: options.deadline, sources }
  const childEnv: NodeJS.ProcessEnv = {}
  for (const name of KEPT_ENV) if (env[name] !== undefined) childEnv[name] = env[name]
  const child = spawn(options.node, [options.entry], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: childEnv,
    cwd: dir
  })
  let exited = false
  const spawned = new Promise<string | undefined>(resolve => {
    child.once('spawn', () => resolve(undefined))
    child.once('error', error => resolve(reasonOf(error)))
  })
  child.once('exit', () => (exited = true))
  const failed = await spawned
  if (failed || child.pid === undefined) {
    await rm(dir, { recursive: true, force: true })
    return { problem: `the renewer could not start: ${failed ?? 'no process id'}` }
  }
  child.stdin.on('error', () => undefined)
  child.stdin.end(JSON.stringify(job))
  child.unref()
  const pid = child.pid
  const waitMs = options.waitMs ?? FIRST_FILES_WAIT_MS
  const until = Date.now() + waitMs
  let status: RenewerStatus | undefined
  while (Date.now() < until) {
    status = await readStatus(dir)
    const ready =
      status?.nonce === nonce &&
      status.sources.length === job.sources.length &&
      status.sources.every(source => source.writes > 0 || source.failure)
    if (ready || exited) break
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  const failure = status?.sources.find(source => source.failure)?.failure
  if (status?.nonce === nonce && !failure && status.sources.every(source => source.writes > 0)) {
    const files = Object.fromEntries(sources.map(source => [source.kind, source.file]))
    return { started: { dir, pid, nonce, files, status } }
  }
  if (!exited) process.kill(pid, 'SIGTERM')
  await rm(dir, { recursive: true, force: true })
  return {
    problem:
      failure ??
      (exited
        ? 'the renewer ended before it wrote its first file'
        : `the renewer wrote no first file within ${formatDuration(waitMs)}`)
  }
}

// Main's side: starts the renewer as a detached process that outlives the main step, hands it the job description
// on stdin, and waits until every source's first file is written, so that Claude starts with a fresh credential.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reasonOf } from '../common/errors.js'
import { formatDuration } from '../lifetime/duration.js'
import { NETWORK_ENV } from '../secrets/network-env.js'
import type { AzureJob } from './azure.js'
import type { FederationJob } from './federation.js'
import type { GatewayJob } from './gateway.js'
import type { RenewalJob } from './job.js'
import type { RenewalPlan } from './plan.js'
import { sourceOf } from './sources.js'
import { parseStatus, STATUS_FILE, type RenewerStatus } from './status.js'

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

type Plan = Exclude<RenewalPlan, { why: string }>

export async function startRenewer(
  plan: Plan,
  options: StartOptions
): Promise<{ started: Started } | { problem: string }> {
  const { env } = options
  const part = sourceJobOf(plan, env)
  if ('problem' in part) return part
  const dir = join(
    env.RUNNER_TEMP || tmpdir(),
    `claude-preflight-renew-${randomBytes(8).toString('hex')}`
  )
  await mkdir(dir, { mode: 0o700 })
  const nonce = randomBytes(16).toString('hex')
  const source = { ...part.job, file: join(dir, sourceOf(plan.kind)!.fileName) }
  const job: RenewalJob = { nonce, dir, deadline: options.deadline, sources: [source] }
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
    return {
      started: { dir, pid, nonce, files: { [source.kind]: source.file }, status }
    }
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

/**
 * What the environment of the token command leaves out: the credentials Claude Code reads (the command mints its own)
 * and the action's inputs.
 */
const withheldFromCommand = (name: string) =>
  name.startsWith('INPUT_') ||
  ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'].includes(name)

/** The plan's source job, its file still to be placed in the renewer's directory; or why it cannot run. */
function sourceJobOf(
  plan: Plan,
  env: NodeJS.ProcessEnv
):
  | { job: Omit<FederationJob, 'file'> | Omit<GatewayJob, 'file'> | Omit<AzureJob, 'file'> }
  | { problem: string } {
  if (plan.kind === 'gateway') {
    const commandEnv = Object.fromEntries(
      Object.entries(env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && !withheldFromCommand(entry[0])
      )
    )
    return {
      job: {
        kind: 'gateway',
        command: plan.command,
        env: commandEnv,
        ...(env.GITHUB_WORKSPACE && { cwd: env.GITHUB_WORKSPACE })
      }
    }
  }
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  if (!requestUrl || !requestToken)
    return {
      problem:
        'GitHub gave this job no OIDC token request (no `permissions: id-token: write`, or a pull request from a fork)'
    }
  return { job: { kind: plan.kind, audience: plan.audience, requestUrl, requestToken } }
}

async function readStatus(dir: string): Promise<RenewerStatus | undefined> {
  try {
    return parseStatus(await readFile(join(dir, STATUS_FILE), 'utf8'))
  } catch {
    return undefined
  }
}

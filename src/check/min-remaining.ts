import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { NetworkError, type HttpSend } from '../http/request.js'
import { apiBaseUrl, githubHeaders } from '../github/client.js'
import {
  DEFAULT_JOB_TIMEOUT_MINUTES,
  jobTimeoutMinutes,
  MAX_WORKFLOW_BYTES,
  parseWorkflow,
  parseWorkflowRef,
  type WorkflowRef
} from '../workflow/timeout.js'
import { formatDuration } from '../lifetime/duration.js'

export interface MinRemaining {
  ms: number
  /** How it was found, for humans. */
  source: string
  /**
   * Where it came from: the `min-remaining` input, the job's `timeout-minutes`, or GitHub's default job limit (the
   * job sets none, or it could not be read). A token minted in the job is timed against the job's limit itself.
   */
  from: 'input' | 'timeout-minutes' | 'default'
}

/** The running workflow file, read; or why it could not be. */
export type RunningWorkflow = { text: string; where: string; job: string } | { why: string }

/** The running job's workflow, parsed: where it was read and the job's id; or why it could not be. */
export type JobWorkflow = { document: unknown; where: string; job: string } | { why: string }

interface ReadDeps {
  send: HttpSend
  githubToken: string
  timeoutMs: number
}

const KIB = MAX_WORKFLOW_BYTES / 1024

/** The running workflow, read (see readRunningWorkflow) and parsed. */
export async function loadJobWorkflow(
  env: NodeJS.ProcessEnv,
  deps: ReadDeps
): Promise<JobWorkflow> {
  const read = await readRunningWorkflow(env, deps)
  if ('why' in read) return read
  const document = await parseWorkflow(read.text)
  if (document === undefined) return { why: `${read.where} is not valid YAML` }
  return { document, where: read.where, job: read.job }
}

/**
 * Reads the running workflow file, at most MAX_WORKFLOW_BYTES: the checkout's copy when it is byte for byte the file at
 * GITHUB_WORKFLOW_SHA (its git blob id is the one git has for that commit and path), else the file at that commit
 * through the contents API. A job may check out anything, a pull request's head included (pull_request_target,
 * issue_comment, a dispatch that tests a pull request), and its copy is then not the workflow that runs.
 */
export async function readRunningWorkflow(
  env: NodeJS.ProcessEnv,
  deps: ReadDeps
): Promise<RunningWorkflow> {
  const ref = parseWorkflowRef(env.GITHUB_WORKFLOW_REF)
  const job = env.GITHUB_JOB
  if (!ref || !job) return { why: 'not running in a GitHub Actions job' }
  const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(env.GITHUB_WORKFLOW_SHA ?? '')
    ? env.GITHUB_WORKFLOW_SHA
    : undefined
  const local = await readLocal(env.GITHUB_WORKSPACE, ref.path)
  if ('text' in local && sha && (await isBlobAt(env.GITHUB_WORKSPACE!, sha, ref.path, local.bytes)))
    return { text: local.text, where: ref.path, job }
  const remote = await readRemote(ref, sha ?? ref.ref, env, deps)
  if ('text' in remote)
    return { text: remote.text, where: `${ref.path}${sha ? ` at ${sha.slice(0, 12)}` : ''}`, job }
  const why = remote.why || 'no github-token to read it with'
  const checkout =
    'text' in local
      ? ` (the checkout's copy is not the one at ${sha ? sha.slice(0, 12) : 'GITHUB_WORKFLOW_SHA'}, and may be a pull request's)`
      : local.why
        ? ` (${local.why})`
        : ''
  return { why: `could not read ${ref.path}: ${why}${checkout}` }
}

/**
 * Whether `bytes` are the blob git holds at `commit:path` in the checkout. The checkout's own git answers; a
 * shallow checkout of another commit does not have it, and the answer is no.
 */
async function isBlobAt(
  workspace: string,
  commit: string,
  path: string,
  bytes: Buffer
): Promise<boolean> {
  const hash = commit.length === 64 ? 'sha256' : 'sha1'
  const own = createHash(hash).update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
  try {
    const { stdout } = await promisify(execFile)(
      'git',
      ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${commit}:${path}`],
      { timeout: 10_000, env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1' } }
    )
    return stdout.trim() === own
  } catch {
    return false
  }
}

/** The duration a credential must last: `setting`, or for `auto` the job's timeout in the running workflow. */
export function minRemainingOf(
  setting: number | 'auto',
  workflow: JobWorkflow = { why: 'it was not read' }
): MinRemaining {
  if (setting !== 'auto')
    return { ms: setting, source: `min-remaining ${formatDuration(setting)}`, from: 'input' }
  const fallback = (why: string): MinRemaining => ({
    ms: DEFAULT_JOB_TIMEOUT_MINUTES * 60_000,
    source: `${DEFAULT_JOB_TIMEOUT_MINUTES} minutes, GitHub's default job limit (${why})`,
    from: 'default'
  })
  if ('why' in workflow) return fallback(workflow.why)
  const minutes = jobTimeoutMinutes(workflow.document, workflow.job)
  if (minutes === undefined)
    return fallback(`job '${workflow.job}' in ${workflow.where} sets no plain timeout-minutes`)
  return {
    ms: minutes * 60_000,
    source: `timeout-minutes: ${minutes} of job '${workflow.job}' in ${workflow.where}`,
    from: 'timeout-minutes'
  }
}

/**
 * The checkout's copy: a regular file of at most MAX_WORKFLOW_BYTES (opened non-blocking, so a FIFO planted there
 * cannot hang the step). `why` is empty when there is simply no such file.
 */
async function readLocal(
  workspace: string | undefined,
  path: string
): Promise<{ text: string; bytes: Buffer } | { why: string }> {
  if (!workspace) return { why: '' }
  let file
  try {
    file = await open(join(workspace, path), constants.O_RDONLY | constants.O_NONBLOCK)
  } catch {
    return { why: '' }
  }
  try {
    const stats = await file.stat()
    if (!stats.isFile()) return { why: `the checkout's ${path} is not a regular file` }
    if (stats.size > MAX_WORKFLOW_BYTES)
      return { why: `the checkout's ${path} is larger than ${KIB} KiB` }
    const buffer = Buffer.alloc(MAX_WORKFLOW_BYTES + 1)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    if (bytesRead > MAX_WORKFLOW_BYTES)
      return { why: `the checkout's ${path} is larger than ${KIB} KiB` }
    const bytes = buffer.subarray(0, bytesRead)
    return { text: bytes.toString('utf8'), bytes }
  } catch {
    return { why: '' }
  } finally {
    await file.close()
  }
}

/** One GET of the contents API over `send` (proxy-aware, deadline-bound); a redirect is an answer, not followed. */
async function readRemote(
  ref: WorkflowRef,
  at: string,
  env: NodeJS.ProcessEnv,
  deps: ReadDeps
): Promise<{ text: string } | { why: string }> {
  if (!deps.githubToken) return { why: '' }
  const api = apiBaseUrl(env)
  const path = ref.path.split('/').map(encodeURIComponent).join('/')
  const contentsApi = 'the contents API'
  try {
    const answer = await deps.send({
      method: 'GET',
      url: `${api}/repos/${ref.owner}/${ref.repo}/contents/${path}?ref=${encodeURIComponent(at)}`,
      headers: githubHeaders(deps.githubToken),
      signal: AbortSignal.timeout(deps.timeoutMs)
    })
    if (answer.status !== 200) return { why: `${contentsApi} answered HTTP ${answer.status}` }
    let body: { content?: unknown; encoding?: unknown; size?: unknown } | undefined
    try {
      body = JSON.parse(answer.text)
    } catch {
      body = undefined
    }
    if (typeof body?.size === 'number' && body.size > MAX_WORKFLOW_BYTES)
      return { why: `${ref.path} is larger than ${KIB} KiB` }
    if (typeof body?.content !== 'string' || body.encoding !== 'base64')
      return { why: `${contentsApi} answered HTTP 200 without the file's content in JSON` }
    const bytes = Buffer.from(body.content, 'base64')
    if (bytes.length > MAX_WORKFLOW_BYTES) return { why: `${ref.path} is larger than ${KIB} KiB` }
    return { text: bytes.toString('utf8') }
  } catch (error) {
    if (!(error instanceof NetworkError)) return { why: `${contentsApi} failed` }
    return {
      why:
        error.failure === 'timeout'
          ? `no answer from ${contentsApi} within ${formatDuration(deps.timeoutMs)} (${error.host})`
          : `${contentsApi}: ${error.message}`
    }
  }
}

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { NetworkError, type HttpSend } from '../http/request.js'
import { apiBaseUrl } from '../secrets/api.js'
import {
  DEFAULT_JOB_TIMEOUT_MINUTES,
  jobTimeoutMinutes,
  parseWorkflowRef
} from '../lifetime/workflow-timeout.js'
import { formatDuration } from '../lifetime/duration.js'

export interface MinRemaining {
  ms: number
  /** How it was found, for humans. */
  source: string
}

/**
 * `min-remaining: auto`: the running job's `timeout-minutes`, read from the workflow file named by
 * GITHUB_WORKFLOW_REF, from the checkout when it is there, else through the contents API. Falls back to
 * GitHub's own 360-minute job limit, saying why.
 */
export async function resolveMinRemaining(
  setting: number | 'auto',
  env: NodeJS.ProcessEnv,
  deps: { send: HttpSend; githubToken: string; timeoutMs: number }
): Promise<MinRemaining> {
  if (setting !== 'auto') return { ms: setting, source: `min-remaining ${formatDuration(setting)}` }
  const fallback = (why: string): MinRemaining => ({
    ms: DEFAULT_JOB_TIMEOUT_MINUTES * 60_000,
    source: `${DEFAULT_JOB_TIMEOUT_MINUTES} minutes, GitHub's default job limit (${why})`
  })
  const ref = parseWorkflowRef(env.GITHUB_WORKFLOW_REF)
  const job = env.GITHUB_JOB
  if (!ref || !job) return fallback('not running in a GitHub Actions job')
  const local = await readLocal(env.GITHUB_WORKSPACE, ref.path)
  const { text, why } =
    local !== undefined ? { text: local, why: '' } : await readRemote(ref, env, deps)
  if (text === undefined) return fallback(`could not read ${ref.path}${why ? `: ${why}` : ''}`)
  const minutes = await jobTimeoutMinutes(text, job)
  if (minutes === undefined)
    return fallback(`job '${job}' in ${ref.path} sets no plain timeout-minutes`)
  return {
    ms: minutes * 60_000,
    source: `timeout-minutes: ${minutes} of job '${job}' in ${ref.path}`
  }
}

async function readLocal(workspace: string | undefined, path: string): Promise<string | undefined> {
  if (!workspace) return undefined
  try {
    return await readFile(join(workspace, path), 'utf8')
  } catch {
    return undefined
  }
}

/** One GET through our own HTTP client (proxy-aware, deadline-bound); octokit would add start-up cost here. */
async function readRemote(
  ref: { owner: string; repo: string; path: string; ref: string },
  env: NodeJS.ProcessEnv,
  deps: { send: HttpSend; githubToken: string; timeoutMs: number }
): Promise<{ text?: string; why: string }> {
  if (!deps.githubToken) return { why: '' }
  const api = apiBaseUrl(env)
  const path = ref.path.split('/').map(encodeURIComponent).join('/')
  const contentsApi = 'the contents API'
  try {
    const answer = await deps.send({
      method: 'GET',
      url: `${api}/repos/${ref.owner}/${ref.repo}/contents/${path}?ref=${encodeURIComponent(ref.ref)}`,
      headers: {
        authorization: `Bearer ${deps.githubToken}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'claude-preflight'
      },
      signal: AbortSignal.timeout(deps.timeoutMs)
    })
    if (answer.status !== 200) return { why: `${contentsApi} answered HTTP ${answer.status}` }
    let body: { content?: unknown; encoding?: unknown } | undefined
    try {
      body = JSON.parse(answer.text)
    } catch {
      body = undefined
    }
    if (typeof body?.content !== 'string' || body.encoding !== 'base64')
      return { why: `${contentsApi} answered HTTP 200 without the file's content in JSON` }
    return { text: Buffer.from(body.content, 'base64').toString('utf8'), why: '' }
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

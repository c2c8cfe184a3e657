import { classifyNetworkError, NetworkError } from '../http/request.js'

/** One GitHub REST answer. */
export interface ApiAnswer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any
  headers: Record<string, string | undefined>
}

/**
 * One GitHub REST call (`'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}'`, params). Resolves with every
 * HTTP answer, 4xx and 5xx included; throws a NetworkError only when no answer came.
 */
export type GitHubRequest = (route: string, params?: Record<string, unknown>) => Promise<ApiAnswer>

/** The API base URL the runner gives (GHES included). */
export function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
}

/** How long one GitHub API request may take before it counts as no answer (octokitRequest's default). */
export const GITHUB_TIMEOUT_MS = 20_000

/**
 * A GitHubRequest through octokit (`@actions/github`, honouring the runner's proxy settings). Imported on first use
 * so that a main step that never writes a secret starts fast.
 */
export function octokitRequest(
  token: string,
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number } = {}
): GitHubRequest {
  const timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS
  const baseUrl = apiBaseUrl(env)
  type Client = { request: (route: string, params?: Record<string, unknown>) => Promise<ApiAnswer> }
  let octokit: Promise<Client> | undefined
  return async (route, params = {}) => {
    octokit ??= import('@actions/github').then(
      github => github.getOctokit(token, { baseUrl, log: quietLog }) as unknown as Client
    )
    const client = await octokit
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const answer = await client.request(route, { ...params, request: { signal } })
      return { status: answer.status, data: answer.data, headers: answer.headers ?? {} }
    } catch (error) {
      const response = (error as { response?: ApiAnswer }).response
      if (response && typeof response.status === 'number') {
        return { status: response.status, data: response.data, headers: response.headers ?? {} }
      }
      throw networkErrorOf(error, new URL(baseUrl).host, signal)
    }
  }
}

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/** The NetworkError of a call through octokit (fetch) that got no answer; `signal` is the call's deadline. */
export function networkErrorOf(error: unknown, host: string, signal?: AbortSignal): NetworkError {
  if (signal?.aborted) return new NetworkError('timeout', host, '')
  const [failure, detail] = classifyNetworkError(error)
  return new NetworkError(failure, host, detail)
}

/**
 * GitHub's own message of an error answer, on one line; when the body has none, what the body was instead (a proxy's
 * HTML page, say). Never repeats the HTTP status, which callers say themselves.
 */
export function apiMessage(answer: ApiAnswer): string {
  const data: unknown = answer.data
  const message =
    typeof (data as { message?: unknown })?.message === 'string'
      ? (data as { message: string }).message.replace(/\s+/g, ' ').trim()
      : ''
  if (message) return message
  if (typeof data === 'string' && /<html|<!doctype/i.test(data))
    return "(an HTML page, not GitHub's JSON: a proxy or gateway in between?)"
  if (typeof data === 'string' && data.trim()) return "(a body that is not GitHub's JSON)"
  return '(no message)'
}

/** An answer worth another try: no answer, 5xx, 429, or a secondary rate limit. */
export function isTransient(answer: ApiAnswer): boolean {
  if (answer.status >= 500 || answer.status === 429) return true
  return (
    answer.status === 403 &&
    (/rate limit/i.test(apiMessage(answer)) || answer.headers['retry-after'] !== undefined)
  )
}

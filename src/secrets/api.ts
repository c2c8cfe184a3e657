import { NetworkError } from '../http/request.js'

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

/**
 * A GitHubRequest through octokit (`@actions/github`, honouring the runner's proxy settings). Imported on first use
 * so that a main step that never writes a secret starts fast.
 */
export function octokitRequest(token: string, env: NodeJS.ProcessEnv): GitHubRequest {
  const baseUrl = apiBaseUrl(env)
  type Client = { request: (route: string, params?: Record<string, unknown>) => Promise<ApiAnswer> }
  let octokit: Promise<Client> | undefined
  return async (route, params = {}) => {
    octokit ??= import('@actions/github').then(
      github => github.getOctokit(token, { baseUrl, log: quietLog }) as unknown as Client
    )
    const client = await octokit
    try {
      const answer = await client.request(route, {
        ...params,
        request: { signal: AbortSignal.timeout(20_000) }
      })
      return { status: answer.status, data: answer.data, headers: answer.headers ?? {} }
    } catch (error) {
      const response = (error as { response?: ApiAnswer }).response
      if (response && typeof response.status === 'number') {
        return { status: response.status, data: response.data, headers: response.headers ?? {} }
      }
      const host = new URL(baseUrl).host
      const name = (error as Error)?.name
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? ''
      if (
        name === 'AbortError' ||
        name === 'TimeoutError' ||
        /abort|timeout/i.test(String(error))
      ) {
        throw new NetworkError('timeout', host, '')
      }
      if (cause === 'ECONNREFUSED') throw new NetworkError('refused', host, cause)
      if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') throw new NetworkError('dns', host, cause)
      if (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET')
        throw new NetworkError('reset', host, cause)
      throw new NetworkError(
        'other',
        host,
        cause || ((error as Error)?.message ?? '').split('\n')[0] || ''
      )
    }
  }
}

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

/** GitHub's own message of an error answer, on one line. */
export function apiMessage(answer: ApiAnswer): string {
  const message = typeof answer.data?.message === 'string' ? answer.data.message : ''
  return message.replace(/\s+/g, ' ').trim() || `HTTP ${answer.status}`
}

/** An answer worth another try: no answer, 5xx, 429, or a secondary rate limit. */
export function isTransient(answer: ApiAnswer): boolean {
  if (answer.status >= 500 || answer.status === 429) return true
  return (
    answer.status === 403 &&
    (/rate limit/i.test(apiMessage(answer)) || answer.headers['retry-after'] !== undefined)
  )
}

import { clipLine } from '../common/errors.js'
import { redactorFor } from '../common/redact.js'
import { send, type HttpRequest, type HttpResponse, type HttpSend } from '../http/request.js'
import { parseRetryAfter, type Attempt } from '../http/retry.js'

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

/** How long one GitHub API request may take before it counts as no answer (githubRequest's default). */
export const GITHUB_TIMEOUT_MS = 20_000

/** The headers GitHub's REST API asks for (https://docs.github.com/rest/about-the-rest-api/api-versions). */
export function githubHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'claude-preflight'
  }
}

/**
 * A GitHubRequest over `send` (undici, honouring the runner's proxy settings), with octokit's rules for a route: it
 * follows redirects (GitHub answers 301 or 307 for a renamed repository), and an answer whose body breaks off after
 * its status is that status with an empty body (for a write, the status is GitHub's word that it was done).
 */
export function githubRequest(
  token: string,
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number; send?: HttpSend } = {}
): GitHubRequest {
  const timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS
  const baseUrl = apiBaseUrl(env)
  const http = options.send ?? send
  return async (route, params = {}) => {
    const { method, path, body } = routeRequest(route, params)
    const answer = await http({
      method,
      url: `${baseUrl}${path}`,
      headers: {
        ...githubHeaders(token),
        ...(body !== undefined && { 'content-type': 'application/json; charset=utf-8' })
      },
      ...(body !== undefined && { body }),
      signal: AbortSignal.timeout(timeoutMs),
      followRedirects: true,
      statusIsEnough: true
    })
    return answerOf(answer)
  }
}

/** An HTTP answer as a GitHub REST answer: the body parsed as octokit parses it. */
export function answerOf(answer: HttpResponse): ApiAnswer {
  return { status: answer.status, data: dataOf(answer), headers: answer.headers }
}

/**
 * An answer to a request that carried `secrets`, as a GitHub REST answer; unless it is a success, every form of them
 * is cut out of its body and headers first, so that no message quoting the server's words (clipped or not) holds one.
 */
export function answerWithout(secrets: string[], response: HttpResponse): ApiAnswer {
  if (response.status >= 200 && response.status < 300) return answerOf(response)
  const redact = redactorFor(secrets, text => text)
  const headers = Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [name, redact(value)])
  )
  return answerOf({ status: response.status, headers, text: redact(response.text) })
}

/**
 * The request for an octokit route (`'GET /repos/{owner}/{repo}/git/ref/{ref}'`): each `{name}` filled with its
 * parameter, percent-encoded as RFC 6570 simple expansion does (`/` included); the other parameters go in the query
 * of a GET and in a JSON body otherwise, as octokit sends them (https://github.com/octokit/endpoint.js).
 */
export function routeRequest(
  route: string,
  params: Record<string, unknown>
): { method: HttpRequest['method']; path: string; body?: string } {
  const [method, template] = route.split(' ') as [HttpRequest['method'], string]
  const rest = { ...params }
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name]
    delete rest[name]
    return encodeUnreserved(String(value))
  })
  const names = Object.keys(rest)
  if (method === 'GET') {
    const query = names.map(name => `${name}=${encodeURIComponent(String(rest[name]))}`).join('&')
    return { method, path: query ? `${path}?${query}` : path }
  }
  if (names.length > 0) return { method, path, body: JSON.stringify(rest) }
  return method === 'PUT' || method === 'PATCH' ? { method, path, body: '' } : { method, path }
}

const encodeUnreserved = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )

/** The body as octokit gives it: parsed when it says it is JSON and is, else the text. */
function dataOf(answer: HttpResponse): unknown {
  if (!/^application\/json\b/i.test(answer.headers['content-type'] ?? '')) return answer.text
  try {
    return JSON.parse(answer.text) as unknown
  } catch {
    return answer.text
  }
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
  if (isHtmlPage(answer)) return "(an HTML page, not GitHub's JSON: a proxy or gateway in between?)"
  if (typeof data === 'string' && data.trim()) return "(a body that is not GitHub's JSON)"
  return '(no message)'
}

/**
 * What a body that is not the answer expected was instead, for a message: empty, a proxy's HTML page, not JSON, or
 * JSON of another shape.
 */
export function bodyDescription(answer: ApiAnswer): string {
  const data: unknown = answer.data
  if (typeof data !== 'string') return 'JSON of another shape'
  if (!data.trim()) return 'an empty body'
  if (isHtmlPage(answer)) return 'an HTML page: a proxy or gateway in between?'
  return 'a body that is not JSON'
}

/** Whether the body is an HTML page (a proxy's or gateway's), not an API's answer. */
export function isHtmlPage(answer: ApiAnswer): boolean {
  return typeof answer.data === 'string' && /<html|<!doctype/i.test(answer.data)
}

/**
 * The reading of an answer that is not the call's own word: worth another try (`isTransient`), after the server's
 * retry-after when it gives one, or a redirect, which a call carrying a token does not follow. `said` is the server's
 * message; `unverifiable` makes the call's outcome of a line. Undefined for any other answer.
 */
export function transientOrRedirect<T>(
  answer: ApiAnswer,
  said: string,
  unverifiable: (message: string) => T
): Attempt<T> | undefined {
  const { status, headers } = answer
  if (isTransient(answer)) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'])
    return {
      done: false,
      value: unverifiable(`HTTP ${status}: ${clipLine(said)}`),
      ...(retryAfterMs !== undefined && { retryAfterMs })
    }
  }
  if (status >= 300 && status < 400) {
    const to = clipLine(headers.location ?? 'nowhere', 120)
    return { done: true, value: unverifiable(`HTTP ${status}: a redirect to ${to}, not followed`) }
  }
  return undefined
}

/** An answer worth another try: no answer, 5xx, 429, or a secondary rate limit. */
export function isTransient(answer: ApiAnswer): boolean {
  if (answer.status >= 500 || answer.status === 429) return true
  return (
    answer.status === 403 &&
    (/rate limit/i.test(apiMessage(answer)) || answer.headers['retry-after'] !== undefined)
  )
}

import type { Dispatcher } from 'undici'

export interface HttpRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  headers?: Record<string, string>
  body?: string
  /** Aborts the request: the caller's deadline. */
  signal?: AbortSignal
  /**
   * Follow redirects, by fetch's rules (a 301/302 POST goes on as a GET; the authorization header stays behind on
   * another origin). Without it, a redirect is the answer.
   */
  followRedirects?: boolean
  /** An answer whose body breaks off after its status (a reset, the deadline) is that status with an empty body. */
  statusIsEnough?: boolean
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  text: string
}

/** Sends one HTTP request; throws a NetworkError when no answer came. */
export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>

export type NetworkFailure = 'timeout' | 'dns' | 'refused' | 'reset' | 'tls' | 'proxy' | 'other'

/** No HTTP answer: the network, not the credential. */
export class NetworkError extends Error {
  constructor(
    readonly failure: NetworkFailure,
    readonly host: string,
    detail: string
  ) {
    super(`${describeFailure(failure)} (${host}${detail ? `: ${detail}` : ''})`)
    this.name = 'NetworkError'
  }
}

function describeFailure(failure: NetworkFailure): string {
  switch (failure) {
    case 'timeout':
      return 'no answer in time'
    case 'dns':
      return 'host name not found'
    case 'refused':
      return 'connection refused'
    case 'reset':
      return 'connection reset'
    case 'tls':
      return 'TLS handshake failed'
    case 'proxy':
      return 'the proxy would not connect'
    case 'other':
      return 'network error'
  }
}

type ErrorLink = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown }

/** An error and its causes, at most five deep. */
function causeChain(error: unknown): ErrorLink[] {
  const chain: ErrorLink[] = []
  for (let e = error; e && typeof e === 'object' && chain.length < 5; e = (e as ErrorLink).cause)
    chain.push(e as ErrorLink)
  return chain
}

/**
 * What kind of network failure an error is. Looks down the `cause` chain, where fetch (`TypeError: fetch failed`)
 * keeps the system error, and knows aborts by name, since a DOMException from another realm is not `instanceof Error`.
 */
export function classifyNetworkError(error: unknown): [NetworkFailure, string] {
  const chain = causeChain(error)
  const code = chain.map(e => e.code).find((c): c is string => typeof c === 'string') ?? ''
  // undici's refused tunnel: an abort whose message carries the proxy's status (and nothing else).
  const tunnel = chain
    .map(e => /^Proxy response \((\d{3})\) !== 200/.exec(String(e.message ?? ''))?.[1])
    .find(Boolean)
  if (tunnel) return ['proxy', `HTTP ${tunnel}`]
  const names = chain.map(e => e.name)
  if (
    names.includes('AbortError') ||
    names.includes('TimeoutError') ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  )
    return ['timeout', '']
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ['dns', code]
  if (code === 'ECONNREFUSED') return ['refused', code]
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return ['reset', code]
  if (code.startsWith('ERR_TLS') || code.includes('CERT')) return ['tls', code]
  // Never the message: undici quotes a rejected header value, which may be the credential itself.
  const name = chain
    .map(e => e.name)
    .findLast((n): n is string => typeof n === 'string' && n !== '')
  return ['other', code || (name ?? '')]
}

const proxies = new Map<string, Dispatcher>()

/** A module loaded on first use, once: paths with no network start fast, and a request does not ask the loader again. */
function loadedOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => (loaded ??= load())
}
const loadUndici = loadedOnce(() => import('undici'))
const loadHttpClient = loadedOnce(() => import('@actions/http-client'))

/**
 * The proxy for a URL by HTTPS_PROXY / HTTP_PROXY / NO_PROXY, with the same rules as the rest of the toolkit, and how
 * to name it: its host alone, never its credentials.
 */
async function proxyFor(
  url: string
): Promise<{ dispatcher: Dispatcher; name: string } | undefined> {
  const proxy = (await loadHttpClient()).getProxyUrl(url)
  if (!proxy) return undefined
  if (!proxies.has(proxy)) proxies.set(proxy, new (await loadUndici()).ProxyAgent(proxy))
  return { dispatcher: proxies.get(proxy)!, name: `proxy ${new URL(proxy).host}` }
}

/**
 * Whether an error from fetch means that no answer came: undici wraps every failure to connect or to read an answer
 * in `TypeError: fetch failed` (or `terminated`, mid-body), and the deadline aborts by name. Anything else (a bad
 * argument, a bug of ours) is not the network, and must not pass for it.
 */
function isNetworkFailure(error: unknown): boolean {
  const chain = causeChain(error)
  const top = chain[0]
  if (top?.name === 'TypeError' && (top.message === 'fetch failed' || top.message === 'terminated'))
    return true
  return chain.some(
    e =>
      e.name === 'AbortError' ||
      e.name === 'TimeoutError' ||
      (typeof e.code === 'string' && /^(E[A-Z]+$|UND_ERR_(?!INVALID_ARG))/.test(e.code))
  )
}

/**
 * HTTP through undici, honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY as self-hosted runners need.
 * Redirects are not followed unless asked: an API that redirects is misconfigured and is reported as such.
 */
export const send: HttpSend = async request => {
  const undici = await loadUndici()
  const host = new URL(request.url).host
  let proxy: Awaited<ReturnType<typeof proxyFor>>
  try {
    proxy = await proxyFor(request.url)
  } catch (error) {
    throw new NetworkError('proxy', host, `HTTPS_PROXY / HTTP_PROXY unusable: ${errorName(error)}`)
  }
  // Through a proxy, the proxy connects and resolves: a failure is named after it, not blamed on the host.
  const where = proxy ? `${proxy.name}, for ${host}` : host
  try {
    const response = await undici.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: request.followRedirects ? 'follow' : 'manual',
      ...(proxy && { dispatcher: proxy.dispatcher })
    })
    const headers = Object.fromEntries(response.headers)
    const body = response.text()
    const text = request.statusIsEnough ? await body.catch(() => '') : await body
    return { status: response.status, headers, text }
  } catch (error) {
    if (!isNetworkFailure(error)) {
      // Never the message: undici quotes a rejected header value, which may be the credential itself.
      throw new Error(
        `a request to ${host} failed inside the action, not on the network (${errorName(error)}): please report it`,
        { cause: error }
      )
    }
    const [failure, detail] = classifyNetworkError(error)
    throw new NetworkError(failure, where, detail)
  }
}

/** An error's name and code, never its message. */
function errorName(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  return [name, code].filter(part => typeof part === 'string' && part).join(' ') || 'error'
}

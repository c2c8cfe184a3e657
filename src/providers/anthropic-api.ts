// Anthropic's API as the four Anthropic providers use it: the probe's routes and headers (those Claude Code sends), the
// reading of its answers, and the shape of its keys and tokens.
import type {
  Credential,
  ProbeTarget,
  ProbeVerdict,
  ProviderProbe,
  ProviderShape
} from './provider.js'
import { parseRetryAfter } from '../http/retry.js'
import type { HttpResponse } from '../http/request.js'

export const ANTHROPIC_VERSION = '2023-06-01'
/** Claude Code sends exactly this beta with an OAuth access token (the real CLI: __tests__/claude-cli-values.test.ts). */
export const OAUTH_BETA = 'oauth-2025-04-20'
const PROBE_MODEL = 'claude-sonnet-4-5'

/** The public name of an Anthropic key or token: `sk-ant-api03`, `sk-ant-oat01`, … */
export const anthropicName = (secret: string): string | undefined =>
  /^(sk-ant-[a-z]+\d*)-/i.exec(secret)?.[1]?.toLowerCase()

/** A run of text shaped like an Anthropic key or token whose name starts with `kind` (`api`, `oat`, …; any: ``). */
const anthropicRun = (kind: string) => `sk-ant-${kind}[a-z]*\\d*-[A-Za-z0-9_-]{4,}`

/**
 * The shape of an Anthropic key or token named `sk-ant-<kind>…-`: random and long, so its plain SHA-256 is safe to
 * show in a fingerprint.
 */
export function anthropicShape(kind: string, what: string, input?: string): ProviderShape {
  return {
    what,
    begins: new RegExp(`^sk-ant-${kind}`),
    run: anthropicRun(kind),
    publicName: anthropicName,
    random: true,
    ...(input && { input })
  }
}

/** Any Anthropic key or token, also of a kind that has no shape of its own yet. */
export const ANY_ANTHROPIC_SHAPE = {
  what: 'an Anthropic key or token',
  run: 'sk-ant-[a-z]+\\d*-[A-Za-z0-9_-]{4,}',
  publicName: anthropicName,
  random: true
} satisfies ProviderShape

/** The route a probe asks, and what the API answers there once the credential authenticated. */
interface ProbeRoute {
  path: string
  /** The shape of the route's 200 body. */
  isAnswer(body: Record<string, unknown>): boolean
  /** Statuses besides 2xx that the API gives on this route only after authentication. */
  judgedAfterAuth: readonly number[]
}

/**
 * `GET /v1/models` answers a page `{data: [...], has_more, first_id, last_id}` (an OpenAI-style `{object: "list",
 * data}` from a server that asks for no key is not it). `POST /v1/messages/count_tokens` answers `{input_tokens: n}`, and judges
 * the request body (400 invalid_request_error, 413 request_too_large) only once the caller authenticated
 * (https://docs.anthropic.com/en/api/errors).
 */
const ROUTES = {
  models: {
    path: '/v1/models',
    isAnswer: body => Array.isArray(body.data) && typeof body.has_more === 'boolean',
    judgedAfterAuth: []
  },
  countTokens: {
    path: '/v1/messages/count_tokens',
    isAnswer: body => typeof body.input_tokens === 'number',
    judgedAfterAuth: [400, 413]
  }
} satisfies Record<string, ProbeRoute>

interface ApiError {
  type: string
  message: string
  details?: { error_code?: unknown }
}

function readBody(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text)
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** The API's error envelope, `{"type":"error","error":{"type":…,"message":…}}`, or undefined for any other body. */
function apiError(body: Record<string, unknown> | undefined): ApiError | undefined {
  const error = body?.error as Partial<ApiError> | undefined
  return body?.type === 'error' &&
    typeof error?.type === 'string' &&
    typeof error.message === 'string'
    ? (error as ApiError)
    : undefined
}

/** The API puts a `request-id` header, `req_…`, on every answer (https://docs.anthropic.com/en/api/errors). */
const API_REQUEST_ID = /^req_[A-Za-z0-9]+$/

/** An answer to a probe on `route`, with what its classification reads from it. */
interface ProbeAnswer extends HttpResponse {
  route: ProbeRoute
  body: Record<string, unknown> | undefined
  /** The API's error envelope, kept only when the answer also carries the API's `request-id` header. */
  apiError: ApiError | undefined
  /** The request id (from the header, else from the body), which every verdict carries. */
  base: { requestId?: string }
}

/**
 * What an HTTP answer to a probe on `route` says about the credential (https://docs.anthropic.com/en/api/errors).
 * An answer is the API's only with both of its markers, its error envelope and its `request-id` header: a gateway's
 * or proxy's own 401 says nothing about the credential at the API. And only the route's own answers prove
 * authentication: a 404 comes from routing, which happens before the credential is looked at.
 */
function classifyAnswer(route: ProbeRoute, response: HttpResponse): ProbeVerdict {
  const answer = readAnswer(route, response)
  const { status } = answer
  if (status === 429) return rateLimited(answer)
  if (status >= 500 || status === 408) {
    const said = answer.apiError ? answer.apiError.message : describeBody(answer)
    return verdict(answer, 'transient', `HTTP ${status}: ${said}`, retryAfter(answer))
  }
  if (status >= 300 && status < 400) {
    return verdict(
      answer,
      'unverifiable',
      `HTTP ${status} redirect to ${answer.headers.location ?? 'elsewhere'}: 'anthropic-base-url' should be the API's own address`
    )
  }
  if (status === 407) {
    return verdict(
      answer,
      'unverifiable',
      'the HTTP proxy wants credentials (407): check HTTPS_PROXY'
    )
  }
  if (status >= 200 && status < 300) {
    // Only the route's own answer: a captive portal's page, a cut-off body or a gateway's stub proves nothing.
    return answer.body && route.isAnswer(answer.body)
      ? verdict(answer, 'valid', `HTTP ${status}`)
      : notFromApi(answer, `a proxy or gateway in between answered instead of ${route.path}`)
  }
  if (!answer.apiError) {
    return notFromApi(
      answer,
      status === 401 || status === 403
        ? 'the gateway or proxy in between refused the request, which says nothing about the credential at the API'
        : "check 'anthropic-base-url'"
    )
  }
  return judgedByApi(answer, answer.apiError)
}

function readAnswer(route: ProbeRoute, response: HttpResponse): ProbeAnswer {
  const body = readBody(response.text)
  const error = apiError(body)
  const headerId = response.headers['request-id']
  const fromApi = error !== undefined && API_REQUEST_ID.test(headerId ?? '')
  const requestId = headerId ?? (typeof body?.request_id === 'string' ? body.request_id : undefined)
  return {
    ...response,
    route,
    body,
    apiError: fromApi ? error : undefined,
    base: { ...(requestId && { requestId }) }
  }
}

function verdict(
  answer: ProbeAnswer,
  status: ProbeVerdict['status'],
  message: string,
  extra: Partial<ProbeVerdict> = {}
): ProbeVerdict {
  return { status, message, ...answer.base, ...extra }
}

function retryAfter(answer: ProbeAnswer): Partial<ProbeVerdict> {
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'])
  return retryAfterMs === undefined ? {} : { retryAfterMs }
}

/** 429: the organisation's spend limit when the API says so, else a rate limit to wait out. */
function rateLimited(answer: ProbeAnswer): ProbeVerdict {
  const error = answer.apiError
  if (error?.details?.error_code === 'enforced_spend_limit_reached') {
    return verdict(answer, 'billing', error.message)
  }
  return verdict(
    answer,
    'transient',
    `rate limited (429): ${error?.message || 'too many requests'}`,
    retryAfter(answer)
  )
}

function notFromApi(answer: ProbeAnswer, consequence: string): ProbeVerdict {
  return verdict(
    answer,
    'unverifiable',
    `HTTP ${answer.status} that did not come from the API (${describeBody(answer)}): ${consequence}`
  )
}

/** A 4xx in the API's own error format: what it says about the credential, or that the route is not the API's. */
function judgedByApi(answer: ProbeAnswer, error: ApiError): ProbeVerdict {
  const { status, route } = answer
  if (
    error.type === 'billing_error' ||
    status === 402 ||
    /credit balance|billing/i.test(error.message)
  ) {
    return verdict(answer, 'billing', error.message)
  }
  if (status === 401) {
    return verdict(answer, /revoked/i.test(error.message) ? 'revoked' : 'invalid', error.message)
  }
  if (status === 403) return verdict(answer, 'forbidden', error.message)
  if (route.judgedAfterAuth.includes(status)) {
    return verdict(answer, 'valid', `HTTP ${status} after authentication (${error.message})`)
  }
  return verdict(
    answer,
    'unverifiable',
    `HTTP ${status} ${error.type} for ${route.path}, which the API answers before it looks at the credential: check 'anthropic-base-url' (it is the address without /v1, such as https://api.anthropic.com)`
  )
}

function describeBody({ text, headers, body }: ProbeAnswer): string {
  const type = headers['content-type']?.split(';')[0] ?? 'no content type'
  if (text.trim() === '') return `empty body, ${type}`
  if (!body) return `not JSON: ${type}`
  return apiError(body)
    ? `${type}, without the API's request-id`
    : `${type}, not the API's error format`
}

/**
 * The free request that proves a credential: `GET /v1/models` for API keys, `POST /v1/messages/count_tokens`
 * for OAuth and bearer tokens, with the headers Claude Code itself sends; read by classifyAnswer.
 */
export function anthropicProbe(
  credential: Pick<Credential, 'scheme' | 'secret'>,
  { baseUrl }: ProbeTarget
): ProviderProbe {
  const base = baseUrl.replace(/\/+$/, '')
  const headers: Record<string, string> = {
    'anthropic-version': ANTHROPIC_VERSION,
    'user-agent': 'claude-preflight'
  }
  const probeOn = (route: ProbeRoute, request: ProviderProbe['request']): ProviderProbe => ({
    request,
    classify: answer => classifyAnswer(route, answer)
  })
  if (credential.scheme === 'x-api-key') {
    return probeOn(ROUTES.models, {
      method: 'GET',
      url: `${base}${ROUTES.models.path}?limit=1`,
      headers: { ...headers, 'x-api-key': credential.secret }
    })
  }
  headers.authorization = `Bearer ${credential.secret}`
  headers['content-type'] = 'application/json'
  if (credential.scheme === 'oauth') headers['anthropic-beta'] = OAUTH_BETA
  return probeOn(ROUTES.countTokens, {
    method: 'POST',
    url: `${base}${ROUTES.countTokens.path}`,
    headers,
    body: JSON.stringify({ model: PROBE_MODEL, messages: [{ role: 'user', content: 'ping' }] })
  })
}

import type { ProbeStatus } from './types.js'
import { parseRetryAfter } from '../http/retry.js'

export interface Classified {
  /** `transient` answers are worth another try; everything else is final. */
  status: ProbeStatus | 'transient'
  message: string
  requestId?: string
  retryAfterMs?: number
}

interface ApiErrorBody {
  type?: string
  error?: { type?: string; message?: string; details?: { error_code?: string } } | string
  request_id?: string
  message?: string
}

function readBody(text: string): ApiErrorBody | undefined {
  try {
    const body: unknown = JSON.parse(text)
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as ApiErrorBody)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * What an HTTP answer to a probe says about the credential (shared/CONTEXT.md §2).
 * Any answer but 401/403 proves the credential authenticated; 401/403 count only when the body is the API's
 * own JSON error, since a proxy's HTML 401 page says nothing about the credential, and a 2xx counts only with a JSON
 * body, since a proxy's 200 page says nothing either.
 */
export function classifyAnswer(
  httpStatus: number,
  text: string,
  headers: Record<string, string>
): Classified {
  const body = readBody(text)
  const error = typeof body?.error === 'object' ? body.error : undefined
  const apiMessage =
    error?.message ?? (typeof body?.error === 'string' ? body.error : body?.message) ?? ''
  const requestId = headers['request-id'] ?? body?.request_id
  const base = { ...(requestId && { requestId }) }
  const said = (fallback: string) => apiMessage || fallback
  const fromApi = body !== undefined && (body.type === 'error' || body.error !== undefined)

  if (
    (fromApi && /credit balance|billing/i.test(apiMessage)) ||
    error?.type === 'billing_error' ||
    httpStatus === 402
  ) {
    return { status: 'billing', message: said('billing problem'), ...base }
  }
  if (httpStatus === 429) {
    if (error?.details?.error_code === 'enforced_spend_limit_reached') {
      return { status: 'billing', message: said('spend limit reached'), ...base }
    }
    const retryAfterMs = parseRetryAfter(headers['retry-after'])
    return {
      status: 'transient',
      message: `rate limited (429): ${said('too many requests')}`,
      ...base,
      ...(retryAfterMs !== undefined && { retryAfterMs })
    }
  }
  if (httpStatus === 401 || httpStatus === 403) {
    if (!fromApi) {
      return {
        status: 'unverifiable',
        message: `HTTP ${httpStatus} that did not come from the API (${describeBody(text, headers)}): a proxy or gateway in between refused the request`,
        ...base
      }
    }
    if (httpStatus === 403)
      return { status: 'forbidden', message: said('permission denied'), ...base }
    return {
      status: /revoked/i.test(apiMessage) ? 'revoked' : 'invalid',
      message: said('authentication failed'),
      ...base
    }
  }
  if (httpStatus >= 300 && httpStatus < 400) {
    return {
      status: 'unverifiable',
      message: `HTTP ${httpStatus} redirect to ${headers.location ?? 'elsewhere'}: 'anthropic-base-url' should be the API's own address`,
      ...base
    }
  }
  if (httpStatus === 407) {
    return {
      status: 'unverifiable',
      message: 'the HTTP proxy wants credentials (407): check HTTPS_PROXY',
      ...base
    }
  }
  if (httpStatus >= 500 || httpStatus === 408) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'])
    return {
      status: 'transient',
      message: `HTTP ${httpStatus}: ${fromApi ? said('server error') : describeBody(text, headers)}`,
      ...base,
      ...(retryAfterMs !== undefined && { retryAfterMs })
    }
  }
  if (httpStatus >= 200 && httpStatus < 300) {
    // The API answers a JSON object; anything else (a captive portal, a cut-off body) proves nothing.
    if (body === undefined) {
      return {
        status: 'unverifiable',
        message: `HTTP ${httpStatus} that did not come from the API (${describeBody(text, headers)}): a proxy or gateway in between answered instead`,
        ...base
      }
    }
    return { status: 'valid', message: `HTTP ${httpStatus}`, ...base }
  }
  // 400, 404, 413, …: the API judged the request after authentication succeeded. The same status in a body
  // that is not the API's own (a gateway's HTML 404 for a wrong base URL) proves nothing.
  if (!fromApi) {
    return {
      status: 'unverifiable',
      message: `HTTP ${httpStatus} that did not come from the API (${describeBody(text, headers)}): check 'anthropic-base-url'`,
      ...base
    }
  }
  return {
    status: 'valid',
    message: `HTTP ${httpStatus} after authentication (${said('no detail')})`,
    ...base
  }
}

function describeBody(text: string, headers: Record<string, string>): string {
  const type = headers['content-type']?.split(';')[0] ?? 'no content type'
  if (text.trim() === '') return `empty body, ${type}`
  return readBody(text) ? type : `not JSON: ${type}`
}

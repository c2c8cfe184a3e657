// How Google words an answer, and what it says about a credential. Google's APIs answer errors as
// `{"error": {"code", "message", "status", "details": [{"reason", …}]}}` (https://cloud.google.com/apis/design/errors:
// 401 UNAUTHENTICATED, with reason ACCESS_TOKEN_EXPIRED for an expired token; 403 PERMISSION_DENIED); its OAuth
// endpoints (oauth2.googleapis.com/token, the Security Token Service, tokeninfo) as OAuth's
// `{"error", "error_description"}` (RFC 6749 §5.2, RFC 8693 §2.2.2): invalid_grant is a refresh token, a key or a
// subject token refused ("Token has been expired or revoked." for a dead user login).
import { clipLine } from '../../common/errors.js'
import type { Attempt } from '../../http/retry.js'
import {
  bodyDescription,
  isHtmlPage,
  transientOrRedirect,
  type ApiAnswer
} from '../../github/client.js'
import type { CloudCheck } from '../check.js'

/** A result of a line, with what Google's answer says of itself. */
export type Reading = Omit<CloudCheck, 'proves'> & {
  /** Google's own code of the error (`PERMISSION_DENIED`, `invalid_grant`), when the answer was Google's. */
  googleCode?: string
}

/** A Google error: its code (the API's `status`, or OAuth's `error`), its reason when given, and its words. */
export interface GoogleError {
  code: string
  reason?: string
  message: string
}

const word = (value: unknown) => (typeof value === 'string' ? value : '')

/** The Google error an answer carries, in either format; undefined when it carries none (a proxy's page, say). */
export function googleError(answer: ApiAnswer): GoogleError | undefined {
  if (isHtmlPage(answer) || typeof answer.data !== 'object' || answer.data === null)
    return undefined
  const { error, error_description } = answer.data as {
    error?: unknown
    error_description?: unknown
  }
  if (typeof error === 'string' && /^[a-z_]{1,60}$/.test(error))
    return { code: error, message: clipLine(word(error_description)) }
  const api = (error ?? {}) as { status?: unknown; message?: unknown; details?: unknown }
  const code = word(api.status)
  if (!/^[A-Z_]{1,60}$/.test(code)) return undefined
  const details = Array.isArray(api.details) ? (api.details as { reason?: unknown }[]) : []
  const reason = details.map(d => word(d?.reason)).find(Boolean)
  return { code, ...(reason && { reason }), message: clipLine(word(api.message)) }
}

const OAUTH_INVALID = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'invalid_token',
  'invalid_request',
  'invalid_target',
  'invalid_scope'
])

/**
 * What an answer that is not a success says of the credential: expired, invalid or forbidden only in Google's own
 * words; Google's own failures and throttles are worth another try; anything else (a proxy's page, a redirect, an
 * error that says nothing of the credential) is `unverifiable`. `where` names the call for the message.
 */
export function readRefusal(answer: ApiAnswer, where: string): Attempt<Reading> {
  const { status } = answer
  const error = googleError(answer)
  const said = error
    ? `${error.code}${error.reason ? ` (${error.reason})` : ''}${error.message ? `: ${error.message}` : ''}`
    : ''
  const reading = (verdict: Reading['status'], message: string): Reading => ({
    status: verdict,
    message: `${where}: ${message}`,
    httpStatus: status,
    ...(error && { googleCode: error.code })
  })
  const unverifiable = (message: string) => reading('unverifiable', message)
  const other = transientOrRedirect(answer, said || `(${bodyDescription(answer)})`, unverifiable)
  if (other) return other
  if (!error)
    return {
      done: true,
      value: unverifiable(`HTTP ${status}, not Google's answer (${bodyDescription(answer)})`)
    }
  const line = `HTTP ${status} ${said}`
  const expired =
    error.reason === 'ACCESS_TOKEN_EXPIRED' || /\b(expired|revoked)\b/i.test(error.message)
  if (error.code === 'UNAUTHENTICATED' || OAUTH_INVALID.has(error.code))
    return { done: true, value: reading(expired ? 'expired' : 'invalid', line) }
  if (error.code === 'PERMISSION_DENIED' || error.code === 'access_denied')
    return { done: true, value: reading('forbidden', line) }
  return { done: true, value: unverifiable(line) }
}

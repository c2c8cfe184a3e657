// The kinds of credential failure, and how an API error (status, type, Claude's error category, message text)
// maps to one. Anything that says nothing about the credential (529, 5xx, rate and usage limits, timeouts,
// invalid requests) maps to undefined: no finding.

export const KINDS = [
  'anthropic-auth-expired',
  'anthropic-auth-invalid',
  'anthropic-auth-revoked',
  'anthropic-auth-forbidden',
  'anthropic-billing',
  'github-auth'
] as const

export type Kind = (typeof KINDS)[number]

export interface ApiErrorSignal {
  /** HTTP status: `error_status` / `api_error_status`. */
  status?: number
  /** The API's error type: `authentication_error`, `permission_error`, `billing_error`, … */
  type?: string
  /** Claude Code's category: `authentication_failed`, `billing_error`, `oauth_org_not_allowed`, `rate_limit`, … */
  category?: string
  /** What Claude or the API said. */
  message?: string
}

const BILLING =
  /credit balance|billing|spend(?:ing)? limit|specified API usage limits|enforced_spend_limit_reached|purchase credits/i
const REVOKED = /revoked/i
const EXPIRED =
  /expired|time limit|session has expired|login expired|token has expired|no longer valid due to expiry/i
const FORBIDDEN =
  /organization has disabled|disabled organization|only authorized for use with Claude Code|not allowed to|does not have access|permission|scope|account (?:is )?on hold|organization access|workspace access|forbidden/i
const NOT_CREDENTIAL =
  /overloaded|rate limit|temporarily limiting|usage limit|timed? ?out|prompt is too long|connection|ECONNRESET|ETIMEDOUT|internal server error/i

/** The kind of an Anthropic API error, or undefined when it is not a credential failure. */
export function classifyApiError(signal: ApiErrorSignal): Kind | undefined {
  const status = signal.status
  const message = signal.message ?? ''
  const type = signal.type ?? ''
  const category = signal.category ?? ''

  if (type === 'billing_error' || category === 'billing_error' || status === 402) {
    return 'anthropic-billing'
  }
  // Spend caps and an empty credit balance come as 429 / 400 with their own words.
  if ((status === 429 || status === 400 || status === undefined) && BILLING.test(message)) {
    return 'anthropic-billing'
  }
  if (category === 'oauth_org_not_allowed' || category === 'account_on_hold') {
    return 'anthropic-auth-forbidden'
  }
  if (status === 401 || type === 'authentication_error') {
    if (REVOKED.test(message)) return 'anthropic-auth-revoked'
    if (EXPIRED.test(message)) return 'anthropic-auth-expired'
    return 'anthropic-auth-invalid'
  }
  if (status === 403 || type === 'permission_error') {
    if (REVOKED.test(message)) return 'anthropic-auth-revoked'
    if (EXPIRED.test(message)) return 'anthropic-auth-expired'
    return 'anthropic-auth-forbidden'
  }
  if (status === undefined && category === 'authentication_failed') {
    if (REVOKED.test(message)) return 'anthropic-auth-revoked'
    if (EXPIRED.test(message)) return 'anthropic-auth-expired'
    if (FORBIDDEN.test(message)) return 'anthropic-auth-forbidden'
    if (NOT_CREDENTIAL.test(message)) return undefined
    return 'anthropic-auth-invalid'
  }
  return undefined
}

/** True when a status alone could be a credential failure (used before Claude has said why). */
export function isCredentialStatus(status: number | undefined): boolean {
  return status === 401 || status === 403 || status === 402
}

export const KIND_TITLES: Record<Kind, string> = {
  'anthropic-auth-expired': 'Anthropic credential expired',
  'anthropic-auth-invalid': 'Anthropic credential invalid',
  'anthropic-auth-revoked': 'Anthropic credential revoked',
  'anthropic-auth-forbidden': 'Anthropic credential forbidden',
  'anthropic-billing': 'Anthropic billing',
  'github-auth': 'GitHub token rejected'
}

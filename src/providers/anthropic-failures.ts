// What the post step reports about a failure of an Anthropic credential: one record per kind of failure, and how
// an API error (status, type, Claude Code's error category, message text) maps to one. Anything that says nothing
// about the credential (529, 5xx, rate and usage limits, timeouts, invalid requests) maps to undefined: no finding.
// The error types and statuses are the API's (https://docs.anthropic.com/en/api/errors).
import type { FailureKind } from './failure.js'

export const ANTHROPIC_FAILURES = [
  {
    id: 'anthropic-auth-expired',
    credential: 'the Anthropic credential',
    title: 'Anthropic credential expired',
    verb: 'expired',
    since: 'expired since',
    problem: 'expiring',
    expiry: true,
    fix: 'Renew the credential and update the secret: `claude setup-token` for an OAuth token (then set `oauth-token-expires-at` so the preflight fails early next time), a key with a longer expiry for an API key; for login credentials that can refresh, pass `claude-credentials` with `secrets-token`, so the preflight refreshes them and saves the rotated token. Run the preflight before the Claude step so it says which credential it was.'
  },
  {
    id: 'anthropic-auth-invalid',
    credential: 'the Anthropic credential',
    title: 'Anthropic credential invalid',
    verb: 'was refused as invalid',
    since: 'refused since',
    problem: 'invalid',
    fix: 'Check the secret holds the whole credential (no quotes, spaces or newline), that it is passed as the right kind (an `sk-ant-api03-` key as `anthropic-api-key`, an `sk-ant-oat01-` token as `claude-code-oauth-token`), and that it still exists in the Anthropic Console; then store a fresh one.'
  },
  {
    id: 'anthropic-auth-revoked',
    credential: 'the Anthropic credential',
    title: 'Anthropic credential revoked',
    verb: 'was revoked',
    since: 'revoked since',
    problem: 'revoked',
    fix: 'It was revoked (logged out, rotated, or revoked by an admin): create a new one (`claude setup-token`, or a new API key in the Console) and update the secret. If it keeps happening, another job or person is using and rotating the same credential: give this workflow its own.'
  },
  {
    id: 'anthropic-auth-forbidden',
    credential: 'the Anthropic credential',
    title: 'Anthropic credential forbidden',
    verb: 'was refused (not allowed for this use)',
    since: 'refused since',
    problem: 'forbidden',
    fix: 'The organisation does not allow this credential here (Claude subscription access for Claude Code disabled, a missing scope, or a credential only authorised for Claude Code): ask an organisation admin to enable it, or use an API key from an organisation that allows it.'
  },
  {
    id: 'anthropic-billing',
    credential: 'the Anthropic credential',
    title: 'Anthropic billing',
    verb: 'hit a billing limit',
    since: 'out of credit since',
    problem: 'billing',
    fix: 'Add credits or raise the spend limit in the Anthropic Console (Settings → Billing / Limits), or use a key from a funded workspace; re-run once the balance is restored.'
  }
] as const satisfies readonly FailureKind[]

export type AnthropicFailureKind = (typeof ANTHROPIC_FAILURES)[number]
export type AnthropicFailure = AnthropicFailureKind['id']

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
export function classifyApiError(signal: ApiErrorSignal): AnthropicFailure | undefined {
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

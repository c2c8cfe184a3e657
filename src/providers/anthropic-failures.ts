// What the post step reports about a failure of an Anthropic credential: one record per kind of failure, and how
// an API error (status, type, Claude Code's error category, message text) maps to one. Anything that says nothing
// about the credential (529, 5xx, rate and usage limits, timeouts, invalid requests) maps to undefined: no finding.
// The error types and statuses are the API's (https://docs.anthropic.com/en/api/errors).
import type { FailureKind, Phrasing, PhrasingVerdict } from './failure.js'

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

const BUNDLE = 'claude-code 2.1.328 bundle'
const ERRORS_DOCS = 'https://docs.anthropic.com/en/api/errors'

type Verdict = PhrasingVerdict<AnthropicFailure> | undefined

const verdict = (kind: AnthropicFailure | undefined, status?: number): Verdict =>
  kind === undefined ? undefined : status === undefined ? { kind } : { kind, status }

const apiVerdict = (signal: ApiErrorSignal): Verdict =>
  verdict(classifyApiError(signal), signal.status)

const statusOf = (...texts: Array<string | undefined>): number | undefined => {
  const text = texts.find(t => t !== undefined)
  return text === undefined ? undefined : Number(text)
}

/** Claude Code's own words for a refused Anthropic credential, a billing limit, a missing login. */
export const ANTHROPIC_PHRASINGS: readonly Phrasing<AnthropicFailure>[] = [
  {
    // "Failed to authenticate: OAuth token revoked. …", "… OAuth session expired and could not be refreshed".
    anchor: 'Failed to authenticate: ',
    pattern: /Failed to authenticate: (.+)$/,
    kind: match => apiVerdict({ category: 'authentication_failed', message: match[1] }),
    source: BUNDLE
  },
  {
    anchor: 'Invalid API key · ',
    pattern: /Invalid API key · /,
    kind: () => ({ kind: 'anthropic-auth-invalid', status: 401 }),
    source: BUNDLE
  },
  {
    anchor: 'Invalid auth token · ',
    pattern: /Invalid auth token · Fix external auth token/,
    kind: () => ({ kind: 'anthropic-auth-invalid', status: 401 }),
    source: BUNDLE
  },
  {
    anchor: 'Not logged in · ',
    pattern: /Not logged in · Please run \/login/,
    kind: 'anthropic-auth-invalid',
    source: BUNDLE
  },
  {
    anchor: 'apiKeyHelper script is failing',
    pattern: /Your apiKeyHelper script is failing/,
    kind: 'anthropic-auth-invalid',
    source: BUNDLE
  },
  {
    anchor: 'ogin expired · ',
    pattern: /(?:Anthropic profile login|Login) expired · /,
    kind: 'anthropic-auth-expired',
    source: BUNDLE
  },
  {
    anchor: 'Please run /login',
    pattern: /(?:Your session has expired|Session expired)\. Please run \/login/,
    kind: 'anthropic-auth-expired',
    source: BUNDLE
  },
  {
    anchor: 'Credit balance',
    pattern: /Credit balance (?:is )?too low\b/,
    kind: 'anthropic-billing',
    source: BUNDLE
  },
  {
    anchor: 'monthly spend limit',
    pattern: /You[’']ve hit your (?:channel's )?monthly spend limit/,
    kind: 'anthropic-billing',
    source: BUNDLE
  },
  {
    anchor: 'organization',
    pattern:
      /Your organization has disabled (?:API key authentication|Claude subscription access)|Your ANTHROPIC_API_KEY belongs to a disabled organization/,
    kind: () => ({ kind: 'anthropic-auth-forbidden', status: 403 }),
    source: BUNDLE
  }
]

/** The message inside `{"type":"error","error":{"message":"…"}}` when the text starts with it, else the text. */
function envelopeMessage(rest: string): string {
  const text = rest.trim()
  if (text.startsWith('{')) {
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } }
      if (typeof body.error?.message === 'string') return body.error.message
    } catch {
      // not JSON, or cut by a terminal's wrap: the words are still in the text
    }
  }
  return text
}

/**
 * The API's error as other layers print it: Claude Code's `API Error: …`, the SDK's `401 {"type":"error",…}`,
 * a gateway's `HTTP 401: authentication_error: …`. Last in the table: any provider's own words come first.
 */
export const ANTHROPIC_API_ERROR_PHRASINGS: readonly Phrasing<AnthropicFailure>[] = [
  {
    // "Failed to authenticate. API Error: 401 OAuth token has expired. …", "API Error: 403 {…json…}",
    // "API Error: Request rejected (429) · You have reached your specified API usage limits."
    anchor: 'API Error: ',
    pattern: /API Error: (?:(\d{3})\b|Request rejected \((\d{3})\) · )?(.*)$/,
    kind: match =>
      apiVerdict({
        status: statusOf(match[1], match[2]),
        message: envelopeMessage(match[3] ?? '')
      }),
    source: BUNDLE
  },
  {
    // The interactive UI's retry notice: "API Error (401 OAuth token has expired. …) · Retrying in 1 seconds…".
    anchor: 'API Error (',
    pattern: /API Error \((\d{3}) (.*?)\) · Retrying/,
    kind: match => apiVerdict({ status: statusOf(match[1]), message: match[2] }),
    source: 'https://github.com/anthropics/claude-code/issues/5418'
  },
  {
    anchor: '"type":"error"',
    pattern:
      /(?:\b(\d{3}) )?\{"type":"error","error":\{"type":"([a-z_]+)"(?:,"message":"((?:[^"\\]|\\.)*))?/,
    kind: match => apiVerdict({ status: statusOf(match[1]), type: match[2], message: match[3] }),
    source: ERRORS_DOCS
  },
  {
    anchor: '_error',
    pattern: /\bHTTP (\d{3}):? ((?:authentication|permission|billing)_error)\b:?\s*(.*)$/,
    kind: match => apiVerdict({ status: statusOf(match[1]), type: match[2], message: match[3] }),
    source: ERRORS_DOCS
  },
  {
    // Without the envelope around it (a wrapper that printed only the message).
    anchor: 'revoked',
    pattern: /OAuth (?:access )?token (?:has been )?revoked\b/,
    kind: 'anthropic-auth-revoked',
    source: BUNDLE
  }
]

import type { ProbeStatus } from '../providers/provider.js'
import { inputError } from '../common/errors.js'

/** Every value of the `status` output. */
export const STATUSES = [
  'valid',
  'invalid',
  'revoked',
  'forbidden',
  'billing',
  'expiring',
  'unverifiable',
  'missing'
] as const satisfies ReadonlyArray<ProbeStatus | 'expiring' | 'missing'>

export type Status = (typeof STATUSES)[number]

export type OnProblem = 'fail' | 'warn'
export type OnExpiring = 'fail' | 'warn' | 'refresh'

export interface Policy {
  onInvalid: OnProblem
  onExpiring: OnExpiring
  onUnverifiable: OnProblem
  forceRefresh: boolean
  /**
   * `on-expiring: auto` with a refresh token but no `secrets-token`: the credential is not refreshed, because
   * nothing would save the rotated refresh token (messages then say how to let it refresh).
   */
  refreshHeldBack: boolean
}

/** The refresh inputs as given: `on-expiring` still `auto` or not, and whether `secrets-token` is set. */
export interface RefreshChoice {
  onExpiring: OnExpiring | 'auto'
  forceRefresh: boolean
  savesRotatedToken: boolean
}

const SECRETS_TOKEN_FIX =
  'Set \'secrets-token\' (a token with "Secrets: write", see the README) so that the action saves the rotated refresh token'

/**
 * The refresh rule. A refresh uses up the refresh token it sends, so the action refreshes only when the rotated
 * one will be saved (`secrets-token` is set) or when the user asked for it by name (`on-expiring: refresh`, which
 * refreshes anyway and says how to re-seed). `auto` refreshes only with a refresh token and a `secrets-token`,
 * and fails otherwise; `force-refresh` needs a refresh to be allowed. Throws an inputError for a choice that cannot
 * hold.
 */
export function resolveRefresh(
  choice: RefreshChoice,
  hasRefreshToken: boolean
): Pick<Policy, 'onExpiring' | 'forceRefresh' | 'refreshHeldBack'> {
  if (choice.onExpiring === 'refresh' && !hasRefreshToken) {
    throw inputError(
      'on-expiring',
      "is 'refresh' but no refresh token was given",
      "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'; or use 'fail' or 'warn'"
    )
  }
  if (choice.forceRefresh && !hasRefreshToken) {
    throw inputError(
      'force-refresh',
      "is 'true' but no refresh token was given",
      "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'"
    )
  }
  const refreshHeldBack =
    choice.onExpiring === 'auto' && hasRefreshToken && !choice.savesRotatedToken
  const onExpiring =
    choice.onExpiring === 'auto'
      ? hasRefreshToken && choice.savesRotatedToken
        ? 'refresh'
        : 'fail'
      : choice.onExpiring
  if (choice.forceRefresh && refreshHeldBack) {
    throw inputError(
      'force-refresh',
      "is 'true' but 'secrets-token' is not set: the refresh would use up the refresh token in your secret and lose its successor",
      `${SECRETS_TOKEN_FIX}; or set 'on-expiring: refresh' as well to refresh anyway and re-seed the secret after the run`
    )
  }
  if (choice.forceRefresh && onExpiring !== 'refresh') {
    throw inputError(
      'force-refresh',
      `is 'true' but 'on-expiring' is '${onExpiring}', which never refreshes`,
      "Set 'on-expiring' to 'auto' or 'refresh', or 'force-refresh' to 'false'"
    )
  }
  return { onExpiring, forceRefresh: choice.forceRefresh, refreshHeldBack }
}

/** The fix for a credential that `auto` did not refresh because nothing would save the rotated refresh token. */
export const REFRESH_HELD_BACK_FIX = `${SECRETS_TOKEN_FIX}; 'on-expiring: auto' does not refresh without it, since a refresh uses up the refresh token in your secret and the next run would fail with invalid_grant. To refresh anyway, set 'on-expiring: refresh' and re-seed the secret after each run.`

export interface Facts {
  /** Undefined when no credential was found. */
  probe?: ProbeStatus
  /** Whether there is an access token to probe at all (a lone refresh token has none). */
  hasAccessToken: boolean
  hasRefreshToken: boolean
  expiresAt?: Date
  now: Date
  minRemainingMs: number
}

export type Action = 'pass' | 'warn' | 'fail' | 'refresh'

export interface Verdict {
  status: Status
  action: Action
  /** Milliseconds of validity left, when the expiry is known. */
  remainingMs?: number
  /**
   * Set after a refresh that did not save the rotated refresh token (`on-expiring: refresh` without `secrets-token`):
   * the secret whose refresh token it used up, and how to re-seed it.
   */
  unsavedRefresh?: { secret: string; reseed: string }
}

/**
 * The status of a credential and what to do about it. Statuses from the API win over the expiry, except that a
 * credential the API could not judge but whose own expiry is too near is `expiring`: that much is certain.
 */
export function decide(facts: Facts, policy: Policy): Verdict {
  const remainingMs = facts.expiresAt ? facts.expiresAt.getTime() - facts.now.getTime() : undefined
  const timing = remainingMs === undefined ? {} : { remainingMs }
  const tooShort = remainingMs !== undefined && remainingMs < facts.minRemainingMs
  const canRefresh = facts.hasRefreshToken && policy.onExpiring === 'refresh'

  if (facts.probe === undefined && !facts.hasRefreshToken)
    return { status: 'missing', action: 'fail' }
  if (canRefresh && (policy.forceRefresh || !facts.hasAccessToken)) {
    return {
      status: facts.hasAccessToken ? statusOf(facts.probe, tooShort) : 'expiring',
      action: 'refresh',
      ...timing
    }
  }
  const status = statusOf(facts.probe, tooShort)
  switch (status) {
    case 'valid':
      return { status, action: 'pass', ...timing }
    case 'expiring':
      return { status, action: policy.onExpiring, ...timing }
    case 'invalid':
    case 'revoked':
      // A rejected access token with a refresh token behind it is what a refresh is for.
      return { status, action: canRefresh ? 'refresh' : policy.onInvalid, ...timing }
    case 'forbidden':
    case 'billing':
      return { status, action: policy.onInvalid, ...timing }
    case 'missing':
      return { status, action: 'fail' }
    default:
      return { status, action: policy.onUnverifiable, ...timing }
  }
}

function statusOf(probe: ProbeStatus | undefined, tooShort: boolean): Status {
  if (probe === undefined) return 'missing'
  if (tooShort && (probe === 'valid' || probe === 'unverifiable')) return 'expiring'
  return probe
}

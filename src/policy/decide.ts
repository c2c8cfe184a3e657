import type { ProbeStatus } from '../probe/types.js'

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
}

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

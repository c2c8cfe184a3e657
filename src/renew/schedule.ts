// When the renewer mints again: pure, every time an epoch-ms number from the clock the caller injects.

/** Never sooner than this after a mint or a failure: a credential born dead must not make the renewer spin. */
export const MIN_INTERVAL_MS = 1_000
/** The first retry's wait after a failure; each next one doubles, up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 1_000
export const MAX_BACKOFF_MS = 60_000

/**
 * When to mint the successor of a credential minted at `mintedAt` that expires at `expiresAt`: at half its life, and
 * never later than `marginMs` before its expiry (a consumer that stops trusting it that long before, as Claude Code
 * does AWS credentials 5 minutes before their `Expiration`, still finds a fresh one).
 */
export function renewalAt(mintedAt: number, expiresAt: number, marginMs: number): number {
  const life = expiresAt - mintedAt
  return mintedAt + Math.max(MIN_INTERVAL_MS, Math.min(life / 2, life - marginMs))
}

/**
 * When to try again after `failures` failed mints in a row (1 for the first), at `now`, while the current credential
 * lives until `expiresAt`: with a doubling backoff, and once more right at its expiry. Undefined once it has expired
 * (nothing is left to keep alive: the renewer gives up and says why).
 */
export function retryAt(now: number, failures: number, expiresAt: number): number | undefined {
  if (now >= expiresAt) return undefined
  const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1))
  return Math.min(now + backoff, Math.max(expiresAt, now + MIN_INTERVAL_MS))
}

/**
 * The renewer's own end when the job gives none: the job's `timeout-minutes` counted from `startedAt`, else 6 hours,
 * the limit of a job on a GitHub-hosted runner
 * (https://docs.github.com/en/actions/reference/limits#existing-system-limits).
 */
export const DEFAULT_JOB_LIMIT_MS = 6 * 3_600_000

export function deadlineOf(startedAt: number, jobLimitMs: number | undefined): number {
  return startedAt + (jobLimitMs ?? DEFAULT_JOB_LIMIT_MS)
}

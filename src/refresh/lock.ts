// The refresh lock: one run at a time refreshes and writes back a given secret. How long the lock lives (from the
// budgets of the work under it), and taking it.
import { PREFIX, UserError } from '../common/errors.js'
import { acquireLock, lockRef, LockError, type HeldLock } from '../github/lock.js'
import { GITHUB_TIMEOUT_MS, type GitHubRequest } from '../github/client.js'
import type { SecretTarget } from '../secrets/target.js'
import { RETRY_BUDGET_MS, type RetryOptions } from '../secrets/write.js'
import { OAUTH_BUDGET_MS, OAUTH_TIMEOUT_MS } from './oauth.js'

/** Knobs for tests and the bench; the defaults are what a run uses. */
export interface RefreshTuning {
  /** Builds the GitHub client for a token (default: githubRequest against GITHUB_API_URL). */
  github?: (token: string) => GitHubRequest
  /** How long one GitHub request may take (default 20 s); with `retry.budgetMs`, sizes the lock. */
  githubTimeoutMs?: number
  /** Default: long enough for every budget of the work done under the lock (see lockBudget). */
  lockTtlMs?: number
  /** Default: a minute longer than the lock lives, so that a lock left by a crashed run is taken over. */
  lockWaitMs?: number
  lockPollMs?: number
  /** Retries of each GitHub call. */
  retry?: RetryOptions
  /** Retries of the token endpoint. */
  oauth?: {
    attempts?: number
    baseDelayMs?: number
    budgetMs?: number
    timeoutMs?: number
    sleep?: (ms: number) => Promise<void>
  }
  /** When this process started (the fallback for when the job's secrets were read). */
  processStart?: Date
}

/**
 * A minute of slack: the lock lives this much longer than the work under it (so a lock commit made while waiting is
 * used this long before it is made again), and a run waits this much longer than a lock lives (so it takes over the
 * lock of a run that died rather than give up).
 */
const LOCK_SLACK_MS = 60_000

/**
 * The longest the work under the lock may take, from the budgets in use: each GitHub call retries within its budget,
 * plus one request's timeout; so does the refresh. `refreshAndWrite` runs from the refresh until the rotated token is in
 * the secret: the lock must hold that long once the refresh starts, or another run could take it over, find the
 * secret unchanged and use the same refresh token.
 */
export function lockBudget(
  target: SecretTarget,
  tuning: RefreshTuning | undefined
): { beforeRefresh: number; refreshAndWrite: number } {
  const request = tuning?.githubTimeoutMs ?? GITHUB_TIMEOUT_MS
  const call = (tuning?.retry?.budgetMs ?? RETRY_BUDGET_MS) + request
  const refresh =
    (tuning?.oauth?.budgetMs ?? OAUTH_BUDGET_MS) + (tuning?.oauth?.timeoutMs ?? OAUTH_TIMEOUT_MS)
  // The secret's metadata (retried), then the jobs of the run through up to two tokens (once each).
  const beforeRefresh = call + 2 * request
  // The public key and the PUT; an org secret first reads its visibility and selected repositories.
  const refreshAndWrite = refresh + (target.scope.kind === 'org' ? 4 : 2) * call
  return { beforeRefresh, refreshAndWrite }
}

/** How long a lock lives: the work under it, plus slack. */
function lockTtl(target: SecretTarget, tuning: RefreshTuning | undefined): number {
  const budget = lockBudget(target, tuning)
  return budget.beforeRefresh + budget.refreshAndWrite + LOCK_SLACK_MS
}

/**
 * The longest lock this action takes with its default budgets (an organisation secret's): a held lock that claims to
 * last longer than this, plus slack, is not believed.
 */
export const LONGEST_LOCK_MS = lockTtl(
  { scope: { kind: 'org' }, name: '', owner: '', repo: '' },
  undefined
)

/**
 * The longest the post step's write-back may take with the default budgets: waiting for a lock held by another run
 * (at most the longest lock, plus slack), then its own work under the lock (which fits in another). Past it, the post
 * step stops waiting and scans without it.
 */
export const JOB_END_BUDGET_MS = 2 * LONGEST_LOCK_MS + LOCK_SLACK_MS

/** Takes the lock of `target`'s secret, waiting for a run that holds it (or taking it over once it expired). */
export function takeLock(
  target: SecretTarget,
  api: GitHubRequest,
  deps: { env: NodeJS.ProcessEnv; now: () => Date; tuning?: RefreshTuning | undefined }
): Promise<HeldLock> {
  const { env, now, tuning } = deps
  const baseSha = env.GITHUB_SHA ?? ''
  if (!/^[0-9a-f]{40}$/.test(baseSha)) {
    throw new UserError(
      `${PREFIX}: GITHUB_SHA is not set, so the refresh lock cannot be taken. Run this inside GitHub Actions.`
    )
  }
  const scope =
    target.scope.kind === 'environment'
      ? `env-${target.scope.environment}`
      : target.scope.kind === 'org'
        ? `org-${target.owner}`
        : 'repo'
  const ttlMs = tuning?.lockTtlMs ?? lockTtl(target, tuning)
  const holdMs = lockTtl(target, tuning) - LOCK_SLACK_MS
  return acquireLock({
    api,
    owner: target.owner,
    repo: target.repo,
    ref: lockRef(scope, target.name),
    holder: `run ${env.GITHUB_RUN_ID ?? '?'} attempt ${env.GITHUB_RUN_ATTEMPT ?? '1'}, job ${env.GITHUB_JOB ?? '?'}`,
    baseSha,
    ttlMs,
    holdMs: Math.min(holdMs, ttlMs),
    maxExpiryMs: Math.max(ttlMs, LONGEST_LOCK_MS) + LOCK_SLACK_MS,
    waitMs: tuning?.lockWaitMs ?? ttlMs + LOCK_SLACK_MS,
    now: () => now().getTime(),
    ...(tuning?.lockPollMs ? { pollMs: tuning.lockPollMs } : {})
  })
}

/** Says so when the lock was taken over from another run. */
export function warnTakeover(lock: HeldLock, warn: (message: string) => void): void {
  if (!lock.tookOverFrom) return
  warn(
    lock.implausibleExpiry
      ? `${PREFIX}: took over the refresh lock ${lock.ref} held by ${lock.tookOverFrom}: it claimed to hold until ${lock.implausibleExpiry.toISOString()}, longer than any lock this action takes, so it was planted or broken, not a run's.`
      : `${PREFIX}: took over the refresh lock ${lock.ref}, left expired by ${lock.tookOverFrom} (a run that stopped mid-refresh).`
  )
}

/**
 * Throws when `lock` expires before a refresh and its write-back are sure to end: another run could then take it over,
 * find the secret unchanged and use the same refresh token.
 */
export function checkLockOutlastsRefresh(
  lock: HeldLock,
  target: SecretTarget,
  deps: { now: () => Date; tuning?: RefreshTuning | undefined }
): void {
  const left = lock.expiresAt.getTime() - deps.now().getTime()
  const needed = lockBudget(target, deps.tuning).refreshAndWrite
  if (left <= needed) {
    throw new LockError(
      `${PREFIX}: the refresh lock ${lock.ref} expires in ${seconds(left)}, before a refresh and its write-back are sure to end (up to ${seconds(needed)}; the GitHub API was slow), and another run could then use the same refresh token. Nothing was refreshed. Re-run this job.`,
      'busy'
    )
  }
}

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`
}

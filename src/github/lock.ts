// A lock that lives in GitHub: a ref under refs/claude-preflight/locks/, created atomically (a second create answers
// 422 "Reference already exists"). The ref points to a commit made for the purpose (no branch, no workflow trigger)
// whose message carries `expires-at`, so a lock left by a crashed run can be taken over once it expires. The
// take-over moves the ref fast-forward only to a commit whose parent is the expired one: of two runs taking over the
// same expired lock, only one can win.
import { NetworkError } from '../http/request.js'
import { PREFIX, UserError } from '../common/errors.js'
import { apiMessage, type ApiAnswer, type GitHubRequest } from './client.js'

export interface LockOptions {
  api: GitHubRequest
  owner: string
  repo: string
  /** The ref, `refs/claude-preflight/locks/…`. */
  ref: string
  /** Who holds it, for humans (`run 123 attempt 1, job build`). No secret. */
  holder: string
  /** A commit of the repository whose tree the lock commits reuse (the run's GITHUB_SHA). */
  baseSha: string
  /** How long the lock holds before another run may take it over (default 3 minutes). */
  ttlMs?: number
  /**
   * How long the lock must still hold when it is taken (default two thirds of `ttlMs`): a lock commit made while
   * waiting is made again once it would leave less than this, so that the holder's work fits before the expiry.
   */
  holdMs?: number
  /**
   * The furthest ahead a held lock's `expires-at` may lie and still be believed (default `ttlMs` plus a minute): one
   * that claims more was not taken by a run of this action (it never takes a longer lock), so it is taken over as if
   * expired. Anyone who can push to the repository can create the ref; without this cap a lock planted with a far
   * `expires-at` would block every refresh for good.
   */
  maxExpiryMs?: number
  /** How long to wait for another run's lock (default 4 minutes: longer than a lock lives). */
  waitMs?: number
  /** Between two looks at a held lock (default 1 s, jittered). */
  pollMs?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export interface HeldLock {
  ref: string
  sha: string
  expiresAt: Date
  /** Set when this run took over an expired lock: who had held it. */
  tookOverFrom?: string
  /** Set when the lock taken over claimed an expiry past `maxExpiryMs`: that claimed expiry. */
  implausibleExpiry?: Date
  /** Deletes the ref if this run still holds it. Never throws. */
  release(): Promise<void>
}

/** The lock could not be taken: another run holds it, or the API refused. */
export class LockError extends UserError {
  constructor(
    message: string,
    readonly reason: 'busy' | 'denied' | 'unreachable'
  ) {
    super(message)
    this.name = 'LockError'
  }
}

/** A ref name made of safe characters only. */
export function lockRef(...parts: string[]): string {
  return `refs/claude-preflight/locks/${parts.map(p => p.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^\.+/, '_')).join('/')}`
}

const LOCK_DOC = 'https://docs.github.com/rest/git/refs'

/** One attempt to take the lock: its settings, with the defaults filled in. */
interface LockRun {
  options: LockOptions
  /** The ref without `refs/`, as the routes that read, move and delete it name it. */
  short: string
  /** `owner/repo`, for messages. */
  where: string
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  ttlMs: number
  holdMs: number
  maxExpiryMs: number
  deadline: number
  pollMs: number
}

/** A lock commit: the commit the ref points to while this run holds the lock. */
interface LockCommit {
  sha: string
  expiresAt: Date
}

/** The lock as another run holds it, read from its ref and its commit. */
interface CurrentLock {
  sha: string
  holder: string
  expiresAt: Date
  /** Its `expires-at` lies further ahead than this action ever takes a lock for. */
  implausible: boolean
  /** Its commit was read, and it expired (or is implausible): it may be taken over. */
  takeable: boolean
}

/**
 * Takes the lock: creates the ref on a fresh lock commit; while another run holds it, takes it over once it expired
 * (or claims an implausible expiry), else looks again after a pause until `waitMs` runs out.
 */
export async function acquireLock(options: LockOptions): Promise<HeldLock> {
  const run = startLock(options)
  const tree = await readBaseTree(run)
  let commit = await makeLockCommit(run, tree, [])
  // The last holder seen, for the message when the wait runs out.
  let seen: CurrentLock | undefined
  for (;;) {
    if (commit.expiresAt.getTime() - run.now() < run.holdMs)
      commit = await makeLockCommit(run, tree, [])
    if (await createRef(run, commit)) return heldLock(run, commit)
    const current = await readCurrentLock(run)
    if (current) {
      seen = current
      if (current.takeable) {
        const taken = await takeOver(run, tree, current)
        if (taken) return taken
        continue
      }
    }
    if (run.now() >= run.deadline) throw busyError(run, seen)
    await run.sleep(
      Math.max(0, Math.min(run.pollMs * (0.5 + run.random()), run.deadline - run.now()))
    )
  }
}

function startLock(options: LockOptions): LockRun {
  const now = options.now ?? Date.now
  const ttlMs = options.ttlMs ?? 180_000
  return {
    options,
    short: options.ref.replace(/^refs\//, ''),
    where: `${options.owner}/${options.repo}`,
    now,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    ttlMs,
    holdMs: Math.min(options.holdMs ?? (ttlMs * 2) / 3, ttlMs),
    maxExpiryMs: options.maxExpiryMs ?? ttlMs + 60_000,
    deadline: now() + (options.waitMs ?? 240_000),
    pollMs: options.pollMs ?? 1000
  }
}

/** Calls the API on the lock's repository; a network failure becomes an `unreachable` LockError. */
async function callApi(
  run: LockRun,
  route: string,
  params: Record<string, unknown>
): Promise<ApiAnswer> {
  const { api, owner, repo, ref } = run.options
  try {
    return await api(route, { owner, repo, ...params })
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new LockError(
        `${PREFIX}: could not reach the GitHub API to take the lock ${ref} in ${run.where} (${error.message}). Re-run the job; on a self-hosted runner check its access to GITHUB_API_URL.`,
        'unreachable'
      )
    }
    throw error
  }
}

/** The LockError for an answer that is not the one expected: a refusal (`denied`), or a failure of the API. */
function deniedError(run: LockRun, what: string, answer: ApiAnswer): LockError {
  const { ref } = run.options
  const { where } = run
  return answer.status >= 500 || answer.status === 429 || answer.status < 300
    ? // Not a refusal: the API failed, or its answer was cut off. Nothing to fix but to try again.
      new LockError(
        `${PREFIX}: could not ${what} for the lock ${ref} in ${where}: the GitHub API answered HTTP ${answer.status} ${answer.status < 300 ? "without the expected JSON (cut off, or not GitHub's)" : apiMessage(answer)}. Re-run the job; on a self-hosted runner check its access to GITHUB_API_URL.`,
        'unreachable'
      )
    : new LockError(
        `${PREFIX}: could not ${what} for the lock ${ref} in ${where}: HTTP ${answer.status} ${apiMessage(answer)}. ` +
          `The lock serialises refreshes between runs and needs 'secrets-token' to have "Contents: write" on ${where} (fine-grained PAT or App), besides "Secrets: write" (${LOCK_DOC}).`,
        'denied'
      )
}

/** The tree of the run's commit, which every lock commit reuses. */
async function readBaseTree(run: LockRun): Promise<string> {
  const { baseSha } = run.options
  const base = await callApi(run, 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
    commit_sha: baseSha
  })
  if (base.status !== 200 || typeof base.data?.tree?.sha !== 'string')
    throw deniedError(run, `read commit ${baseSha}`, base)
  return base.data.tree.sha
}

/** A lock commit on `parents`, whose message says until when the lock holds and who holds it. */
async function makeLockCommit(run: LockRun, tree: string, parents: string[]): Promise<LockCommit> {
  const expiresAt = new Date(run.now() + run.ttlMs)
  const message = `claude-preflight lock\n\nexpires-at: ${expiresAt.toISOString()}\nholder: ${run.options.holder}\n`
  const answer = await callApi(run, 'POST /repos/{owner}/{repo}/git/commits', {
    message,
    tree,
    parents
  })
  if (answer.status !== 201 || typeof answer.data?.sha !== 'string')
    throw deniedError(run, 'create a lock commit', answer)
  return { sha: answer.data.sha as string, expiresAt }
}

/** Creates the ref on `commit`: true when created, false when it already exists (another run holds the lock). */
async function createRef(run: LockRun, commit: LockCommit): Promise<boolean> {
  const created = await callApi(run, 'POST /repos/{owner}/{repo}/git/refs', {
    ref: run.options.ref,
    sha: commit.sha
  })
  if (created.status === 201) return true
  if (created.status !== 422 || !/already exists/i.test(apiMessage(created)))
    throw deniedError(run, 'create the ref', created)
  return false
}

/**
 * The lock another run holds, or undefined when the ref is gone (404: released between the two calls). Then the
 * caller tries again, after the same pause and within the same deadline as a busy lock, so that a lock taken and
 * released over and over cannot keep it spinning.
 */
async function readCurrentLock(run: LockRun): Promise<CurrentLock | undefined> {
  const current = await callApi(run, 'GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: run.short })
  if (current.status === 404) return undefined
  const sha = current.data?.object?.sha
  if (current.status !== 200 || typeof sha !== 'string')
    throw deniedError(run, 'read the ref', current)
  const info = await callApi(run, 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
    commit_sha: sha
  })
  const message = String(info.data?.message ?? '')
  const expiresAt = new Date(/^expires-at: (\S+)$/m.exec(message)?.[1] ?? 0)
  const holder = /^holder: (.+)$/m.exec(message)?.[1] ?? 'an unknown holder'
  const implausible = expiresAt.getTime() - run.now() > run.maxExpiryMs
  const expired =
    Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= run.now() || implausible
  return { sha, holder, expiresAt, implausible, takeable: info.status === 200 && expired }
}

/** Takes over the expired lock, as the header says; undefined when another run moved the ref first. */
async function takeOver(
  run: LockRun,
  tree: string,
  current: CurrentLock
): Promise<HeldLock | undefined> {
  const takeover = await makeLockCommit(run, tree, [current.sha])
  const moved = await callApi(run, 'PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
    ref: run.short,
    sha: takeover.sha,
    force: false
  })
  if (moved.status !== 200) return undefined
  return heldLock(run, takeover, {
    holder: current.holder,
    ...(current.implausible ? { implausibleExpiry: current.expiresAt } : {})
  })
}

function heldLock(
  run: LockRun,
  commit: LockCommit,
  tookOver?: { holder: string; implausibleExpiry?: Date }
): HeldLock {
  return {
    ref: run.options.ref,
    sha: commit.sha,
    expiresAt: commit.expiresAt,
    ...(tookOver ? { tookOverFrom: tookOver.holder } : {}),
    ...(tookOver?.implausibleExpiry ? { implausibleExpiry: tookOver.implausibleExpiry } : {}),
    release: () => releaseLock(run, commit)
  }
}

/** Deletes the ref if it still points to `commit`. Never throws. */
async function releaseLock(run: LockRun, commit: LockCommit): Promise<void> {
  const { api, owner, repo } = run.options
  try {
    const current = await api('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      owner,
      repo,
      ref: run.short
    })
    if (current.status === 200 && current.data?.object?.sha === commit.sha) {
      await api('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: run.short })
    }
  } catch {
    // It expires by itself.
  }
}

/** The wait ran out while another run held the lock. */
function busyError(run: LockRun, seen: CurrentLock | undefined): LockError {
  const until = seen && !Number.isNaN(seen.expiresAt.getTime())
  return new LockError(
    `${PREFIX}: another run (${seen?.holder ?? 'an unknown holder'}) holds the refresh lock ${run.options.ref} in ${run.where}${until ? ` until ${seen.expiresAt.toISOString()}` : ''}, and it was not released in time. ` +
      'Re-run this job; to keep runs from refreshing at once, give the workflow a `concurrency:` group for the credential (see the README).',
    'busy'
  )
}

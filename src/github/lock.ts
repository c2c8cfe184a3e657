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

export async function acquireLock(options: LockOptions): Promise<HeldLock> {
  const { api, owner, repo, ref } = options
  const now = options.now ?? Date.now
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  const random = options.random ?? Math.random
  const ttlMs = options.ttlMs ?? 180_000
  const holdMs = Math.min(options.holdMs ?? (ttlMs * 2) / 3, ttlMs)
  const maxExpiryMs = options.maxExpiryMs ?? ttlMs + 60_000
  const deadline = now() + (options.waitMs ?? 240_000)
  const short = ref.replace(/^refs\//, '')
  const where = `${owner}/${repo}`

  const call = async (route: string, params: Record<string, unknown>): Promise<ApiAnswer> => {
    try {
      return await api(route, { owner, repo, ...params })
    } catch (error) {
      if (error instanceof NetworkError) {
        throw new LockError(
          `${PREFIX}: could not reach the GitHub API to take the lock ${ref} in ${where} (${error.message}). Re-run the job; on a self-hosted runner check its access to GITHUB_API_URL.`,
          'unreachable'
        )
      }
      throw error
    }
  }
  const denied = (what: string, answer: ApiAnswer) =>
    answer.status >= 500 || answer.status === 429 || answer.status < 300
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

  const base = await call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
    commit_sha: options.baseSha
  })
  if (base.status !== 200 || typeof base.data?.tree?.sha !== 'string')
    throw denied(`read commit ${options.baseSha}`, base)
  const tree: string = base.data.tree.sha

  const makeCommit = async (parents: string[]) => {
    const expiresAt = new Date(now() + ttlMs)
    const message = `claude-preflight lock\n\nexpires-at: ${expiresAt.toISOString()}\nholder: ${options.holder}\n`
    const answer = await call('POST /repos/{owner}/{repo}/git/commits', { message, tree, parents })
    if (answer.status !== 201 || typeof answer.data?.sha !== 'string')
      throw denied('create a lock commit', answer)
    return { sha: answer.data.sha as string, expiresAt }
  }

  const held = (
    commit: { sha: string; expiresAt: Date },
    tookOver?: { holder: string; implausibleExpiry?: Date }
  ): HeldLock => ({
    ref,
    sha: commit.sha,
    expiresAt: commit.expiresAt,
    ...(tookOver ? { tookOverFrom: tookOver.holder } : {}),
    ...(tookOver?.implausibleExpiry ? { implausibleExpiry: tookOver.implausibleExpiry } : {}),
    async release() {
      try {
        const current = await api('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          owner,
          repo,
          ref: short
        })
        if (current.status === 200 && current.data?.object?.sha === commit.sha) {
          await api('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: short })
        }
      } catch {
        // It expires by itself.
      }
    }
  })

  let commit = await makeCommit([])
  // The last holder seen, for the message when the wait runs out.
  let seen: { holder: string; expiresAt: Date } | undefined
  for (;;) {
    if (commit.expiresAt.getTime() - now() < holdMs) commit = await makeCommit([])
    const created = await call('POST /repos/{owner}/{repo}/git/refs', { ref, sha: commit.sha })
    if (created.status === 201) return held(commit)
    if (created.status !== 422 || !/already exists/i.test(apiMessage(created)))
      throw denied('create the ref', created)

    const current = await call('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: short })
    // 404: released between the two calls. Try again, after the same pause and within the same deadline as a busy
    // lock, so that a lock taken and released over and over cannot keep this loop spinning.
    if (current.status !== 404) {
      const sha = current.data?.object?.sha
      if (current.status !== 200 || typeof sha !== 'string') throw denied('read the ref', current)
      const info = await call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        commit_sha: sha
      })
      const message = String(info.data?.message ?? '')
      const expiresAt = new Date(/^expires-at: (\S+)$/m.exec(message)?.[1] ?? 0)
      const holder = /^holder: (.+)$/m.exec(message)?.[1] ?? 'an unknown holder'
      const implausible = expiresAt.getTime() - now() > maxExpiryMs
      const expired =
        Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now() || implausible
      seen = { holder, expiresAt }

      if (info.status === 200 && expired) {
        const takeover = await makeCommit([sha])
        const moved = await call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ref: short,
          sha: takeover.sha,
          force: false
        })
        if (moved.status === 200)
          return held(takeover, {
            holder,
            ...(implausible ? { implausibleExpiry: expiresAt } : {})
          })
        continue
      }
    }
    if (now() >= deadline) {
      const until = seen && !Number.isNaN(seen.expiresAt.getTime())
      throw new LockError(
        `${PREFIX}: another run (${seen?.holder ?? 'an unknown holder'}) holds the refresh lock ${ref} in ${where}${until ? ` until ${seen!.expiresAt.toISOString()}` : ''}, and it was not released in time. ` +
          'Re-run this job; to keep runs from refreshing at once, give the workflow a `concurrency:` group for the credential (see the README).',
        'busy'
      )
    }
    const pollMs = options.pollMs ?? 1000
    await sleep(Math.max(0, Math.min(pollMs * (0.5 + random()), deadline - now())))
  }
}

import { afterEach, describe, expect, it } from '@jest/globals'
import { acquireLock, lockRef, LockError } from '../src/github/lock.js'
import { githubRequest } from '../src/github/client.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { refsRoutes, seedCommit } from '../stand-ins/github-refs.js'

const TOKEN = 'github_pat_lock_tests'
const REF = lockRef('repo', 'CLAUDE_CREDENTIALS')
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let github: any
afterEach(async () => github?.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function setUp(fault?: (request: { method: string; path: string }) => any) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const state: any = {}
  const head = seedCommit(state, { message: 'head' })
  github = await startGitHubStandIn({ routes: refsRoutes, state, tokens: [TOKEN], fault })
  const api = githubRequest(TOKEN, { GITHUB_API_URL: github.url })
  const options = (holder: string, extra = {}) => ({
    api,
    owner: 'acme',
    repo: 'app',
    ref: REF,
    holder,
    baseSha: head,
    pollMs: 10,
    ...extra
  })
  return { state, head, api, options }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function seedExpiredLock(state: any, head: string) {
  const sha = seedCommit(state, {
    message: `claude-preflight lock\n\nexpires-at: ${new Date(Date.now() - 1000).toISOString()}\nholder: run 1 attempt 1, job crashed\n`,
    parents: [head]
  })
  state.git.refs['acme/app'] = { [REF]: sha }
}

describe('the GitHub lock', () => {
  it('lets one holder in at a time among concurrent runs, and is gone after the last release', async () => {
    const { state, options } = await setUp()
    let inside = 0
    let most = 0
    const order: string[] = []
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const lock = await acquireLock(options(`run ${i}`))
        inside++
        most = Math.max(most, inside)
        order.push(`run ${i}`)
        await new Promise(resolve => setTimeout(resolve, 15))
        inside--
        await lock.release()
      })
    )
    expect(most).toBe(1)
    expect(new Set(order).size).toBe(6)
    expect(state.git.refs['acme/app']).toEqual({})
    expect(REF).toBe('refs/claude-preflight/locks/repo/CLAUDE_CREDENTIALS')
  })

  it('takes over a lock a crashed run left expired, and only one of two racers wins it', async () => {
    const { state, head, options } = await setUp()
    seedExpiredLock(state, head)
    const results = await Promise.allSettled([
      acquireLock(options('run A', { waitMs: 150 })),
      acquireLock(options('run B', { waitMs: 150 }))
    ])
    const won = results.filter(r => r.status === 'fulfilled')
    const lost = results.filter(r => r.status === 'rejected') as PromiseRejectedResult[]
    expect(won).toHaveLength(1)
    expect((won[0] as PromiseFulfilledResult<{ tookOverFrom?: string }>).value.tookOverFrom).toBe(
      'run 1 attempt 1, job crashed'
    )
    expect(lost).toHaveLength(1)
    expect(lost[0]?.reason).toBeInstanceOf(LockError)
    expect(lost[0]?.reason.message).toMatch(
      /^claude-preflight: another run \(run [AB]\) holds the refresh lock refs\/claude-preflight\/locks\/repo\/CLAUDE_CREDENTIALS in acme\/app until .*`concurrency:` group/
    )
  })

  it('waits for a live lock and gets it once released', async () => {
    const { options } = await setUp()
    const first = await acquireLock(options('run A'))
    const second = acquireLock(options('run B', { waitMs: 5000 }))
    await new Promise(resolve => setTimeout(resolve, 60))
    await first.release()
    const lock = await second
    expect(lock.tookOverFrom).toBeUndefined()
    await lock.release()
  })

  it('says which permission is missing when the API refuses', async () => {
    const { options } = await setUp()
    const api = githubRequest('github_pat_without_access', { GITHUB_API_URL: github.url })
    const error = await acquireLock({ ...options('run A'), api }).catch(e => e)
    expect(error).toBeInstanceOf(LockError)
    expect(error.reason).toBe('denied')
    expect(error.message).toMatch(/HTTP 401 Bad credentials\. .*"Contents: write" on acme\/app/)
  })

  it('pauses and keeps its deadline while the lock is taken and released between two looks', async () => {
    // Every create answers "already exists" and every read "not found": a lock taken and released over and over.
    let creates = 0
    const { options } = await setUp(request => {
      if (request.method === 'POST' && request.path.endsWith('/git/refs')) {
        // A bound for the test only: without a pause and a deadline the loop would spin here forever.
        if (++creates > 200) return { status: 500, body: { message: 'test bound reached' } }
        return { status: 422, body: { message: 'Reference already exists' } }
      }
      if (request.method === 'GET' && request.path.includes('/git/ref/'))
        return { status: 404, body: { message: 'Not Found' } }
      return undefined
    })
    let clock = Date.now()
    const slept: number[] = []
    const error = await acquireLock({
      ...options('run A', { waitMs: 1000, pollMs: 100 }),
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms)
        clock += ms
      },
      random: () => 0.5
    }).catch(e => e)
    expect(error).toBeInstanceOf(LockError)
    expect(error.reason).toBe('busy')
    expect(error.message).toMatch(
      /^claude-preflight: another run \(an unknown holder\) holds the refresh lock .* not released in time/
    )
    expect(slept.length).toBeGreaterThanOrEqual(9)
    expect(creates).toBeLessThanOrEqual(11)
  })

  it('makes its lock commit again while waiting, so the lock it takes holds at least holdMs', async () => {
    const { options } = await setUp()
    const first = await acquireLock(options('run A', { ttlMs: 60_000 }))
    let clock = Date.now()
    let sleeps = 0
    const lock = await acquireLock({
      ...options('run B', { ttlMs: 1000, holdMs: 900, pollMs: 50, waitMs: 60_000 }),
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms
        if (++sleeps === 5) await first.release()
      },
      random: () => 0.5
    })
    expect(sleeps).toBeGreaterThanOrEqual(5)
    expect(lock.expiresAt.getTime() - clock).toBeGreaterThanOrEqual(900)
    await lock.release()
  })

  it('believes a held lock only up to maxExpiryMs ahead: past it, the lock is taken over as planted', async () => {
    const { state, head, options } = await setUp()
    const start = Date.now()
    const plant = (expiresAt: Date) => {
      const sha = seedCommit(state, {
        message: `claude-preflight lock\n\nexpires-at: ${expiresAt.toISOString()}\nholder: run 1 attempt 1, job planted\n`,
        parents: [head]
      })
      state.git.refs['acme/app'] = { [REF]: sha }
    }
    // A clock that moves only while the lock waits.
    let clock = start
    const limits = {
      ttlMs: 60_000,
      maxExpiryMs: 120_000,
      waitMs: 100,
      now: () => clock,
      sleep: async (ms: number) => void (clock += ms)
    }
    plant(new Date(start + 120_000))
    await expect(acquireLock(options('run 2', limits))).rejects.toThrow(LockError)
    clock = start
    const far = new Date(start + 120_001)
    plant(far)
    const lock = await acquireLock(options('run 2', limits))
    expect(lock.tookOverFrom).toBe('run 1 attempt 1, job planted')
    expect(lock.implausibleExpiry).toEqual(far)
    expect(lock.expiresAt.getTime()).toBe(start + 60_000)
  })
})

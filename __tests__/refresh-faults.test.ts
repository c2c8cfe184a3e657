// Fault injection at every step of a refresh. Each case runs the main step's refresh and then the post step, as the
// runner would, and asserts the safety property: the newest refresh token of the chain ends up in the secret, or the
// user is told, in one precise line, that it did not and how to re-seed. Never silently lost; the chain never replayed.
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { send } from '../src/http/request.js'
import { refreshAndHandOff } from '../src/refresh/index.js'
import { finishWriteBack } from '../src/refresh/job-end.js'
import type { RefreshTuning } from '../src/refresh/lock.js'
import { githubRequest } from '../src/github/client.js'
import {
  credentialOf,
  jobEnv,
  recordingCore,
  refreshInputs,
  startChain,
  type Chain
} from './support/refresh-chain.js'

type Case = {
  name: string
  /** Where the newest refresh token must end: in the secret, or with the user through a message. */
  expect: 'secret' | 'told'
  setUp?: (chain: Chain) => void
  inputs?: Record<string, string>
  /** The token endpoint's port has nothing listening. */
  deadTokenEndpoint?: boolean
  /** Faults while the main step runs; `post` while the post step runs. */
  main?: (request: { method: string; path: string }, chain: Chain) => unknown
  post?: (request: { method: string; path: string }) => unknown
  oauthFaults?: unknown[]
  killDuringWrite?: boolean
  mainError?: RegExp
  postError?: RegExp
}

const failingPut =
  (status: number, message = 'Server Error') =>
  (request: { method: string }) =>
    request.method === 'PUT' ? { status, body: { message } } : undefined

let putsSeen = 0
const CASES: Case[] = [
  { name: 'no fault', expect: 'secret' },
  {
    name: 'token endpoint down',
    expect: 'secret',
    deadTokenEndpoint: true,
    mainError:
      /could not reach the OAuth token endpoint 127\.0\.0\.1:\d+ \(4 attempts\): connection refused .*not used up/
  },
  {
    name: 'token endpoint 5xx on every attempt',
    expect: 'secret',
    oauthFaults: Array(4).fill({ status: 503 }),
    mainError: /failed \(503 server_error\) \(4 attempts\)/
  },
  {
    name: 'secret PUT fails once',
    expect: 'secret',
    main: request =>
      request.method === 'PUT' && putsSeen++ === 0
        ? { status: 500, body: { message: 'Server Error' } }
        : undefined
  },
  {
    name: 'secret PUT fails always in main, works at job end',
    expect: 'secret',
    main: failingPut(502),
    mainError:
      /refreshed the OAuth token, but could not save .* after 4 attempts: HTTP 502 .*post step tries the write again/
  },
  {
    name: 'secret PUT fails always, at job end too',
    expect: 'told',
    main: failingPut(503),
    post: failingPut(503),
    mainError: /could not save the rotated refresh token/,
    postError:
      /could not save the newest refresh token to repository secret CLAUDE_CREDENTIALS .* at job end .*re-seed: .*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/
  },
  {
    name: 'secrets-token may not write secrets',
    expect: 'told',
    main: failingPut(403, 'Resource not accessible by personal access token'),
    post: failingPut(403, 'Resource not accessible by personal access token'),
    mainError: /HTTP 403 .*Fix: give 'secrets-token' "Secrets: write" on acme\/app/,
    postError: /"Secrets: write" on acme\/app, then re-seed/
  },
  {
    name: 'runner killed between refresh and write-back (lock left to expire)',
    expect: 'secret',
    killDuringWrite: true
  },
  {
    name: 'expired lock left by a crashed run',
    expect: 'secret',
    setUp: chain => {
      const state = chain.github.state
      const sha = 'e'.repeat(40)
      state.git.commits[sha] = {
        message: `claude-preflight lock\n\nexpires-at: ${new Date(Date.now() - 5000).toISOString()}\nholder: run 1 attempt 1, job gone\n`,
        tree: 'a'.repeat(40),
        parents: []
      }
      state.git.refs['acme/app'] = { 'refs/claude-preflight/locks/repo/CLAUDE_CREDENTIALS': sha }
    }
  },
  {
    name: 'another run holds the lock past the wait',
    expect: 'secret',
    setUp: chain => {
      const state = chain.github.state
      const sha = 'f'.repeat(40)
      state.git.commits[sha] = {
        message: `claude-preflight lock\n\nexpires-at: ${new Date(Date.now() + 600_000).toISOString()}\nholder: run 2 attempt 1, job alive\n`,
        tree: 'a'.repeat(40),
        parents: []
      }
      state.git.refs['acme/app'] = { 'refs/claude-preflight/locks/repo/CLAUDE_CREDENTIALS': sha }
    },
    mainError: /another run \(run 2 attempt 1, job alive\) holds the refresh lock/
  },
  {
    name: 'another run rotated the secret first',
    expect: 'secret',
    setUp: chain => {
      // The other run wrote its successor; this job still holds the seeded (now stale) JSON.
      chain.github.state.secrets['repo:acme/app'].CLAUDE_CREDENTIALS.updated_at = new Date(
        Date.now() + 1000
      )
        .toISOString()
        .replace(/\.\d+Z/, 'Z')
    },
    mainError:
      /was rewritten at .*Nothing was refreshed, to keep the chain intact\. Re-run this job/
  }
]

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

let chain: Chain | undefined
afterEach(async () => {
  await chain?.close()
  chain = undefined
})

describe('the newest refresh token is never silently lost', () => {
  it.each(CASES.map(c => [c.name, c] as const))('%s', async (_name, c) => {
    putsSeen = 0
    chain = await startChain({ oauthFaults: c.oauthFaults ?? [] })
    const ch = chain
    c.setUp?.(ch)
    const env = jobEnv(ch)
    const dead: Record<string, string> = c.deadTokenEndpoint
      ? { 'oauth-token-url': `http://127.0.0.1:${await closedPort()}/v1/oauth/token` }
      : {}
    const inputs = refreshInputs(ch, { ...c.inputs, ...dead })
    const fast: RefreshTuning = {
      retry: { baseDelayMs: 5 },
      oauth: { baseDelayMs: 5 },
      lockPollMs: 20,
      lockWaitMs: 300
    }

    // The main step.
    let phase: 'main' | 'post' = 'main'
    ch.githubFault.fn = request => (phase === 'main' ? c.main?.(request, ch) : c.post?.(request))
    const main = recordingCore()
    let killed = false
    const github = (token: string) => {
      const api = githubRequest(token, env)
      if (!c.killDuringWrite) return api
      return (route: string, params?: Record<string, unknown>) => {
        if (route.startsWith('PUT ')) {
          killed = true
          return new Promise<never>(() => {}) // the process dies here: no answer, no release, nothing after
        }
        return api(route, params)
      }
    }
    const run = refreshAndHandOff({
      core: main.core,
      send,
      env,
      now: () => new Date(),
      inputs,
      credential: credentialOf(ch.seeded),
      probe: async () => ({ status: 'valid', message: '', attempts: 1, elapsedMs: 1 }),
      tuning: {
        ...fast,
        github,
        processStart: new Date(),
        // A lock that expires soon after the kill, and budgets small enough for it: the refresh starts only while
        // the lock outlasts the refresh and the write-back.
        ...(c.killDuringWrite
          ? {
              lockTtlMs: 1500,
              githubTimeoutMs: 200,
              retry: { baseDelayMs: 5, budgetMs: 100 },
              oauth: { baseDelayMs: 5, budgetMs: 100, timeoutMs: 400 }
            }
          : {})
      }
    })
    let mainError: Error | undefined
    if (c.killDuringWrite) {
      let settled = false
      run.then(
        () => (settled = true),
        () => (settled = true)
      )
      while (!killed && !settled) await new Promise(resolve => setTimeout(resolve, 5))
      expect(killed).toBe(true)
    } else {
      mainError = await run.then(
        () => undefined,
        (e: Error) => e
      )
    }

    // The post step, at job end (post-if: always()), with the state the main step saved.
    phase = 'post'
    const post = recordingCore(main.saved)
    const postError = await finishWriteBack({
      core: post.core,
      env,
      now: () => new Date(),
      inputs,
      tuning: { ...fast, lockWaitMs: 5000 }
    }).then(
      () => undefined,
      (e: Error) => e
    )

    const newest = ch.oauth.current
    const inSecret = ch.secretValue()?.includes(newest) ?? false
    const messages = [mainError, postError]
      .filter((e): e is Error => e !== undefined)
      .map(e => e.message)
    const told = messages.some(m => m.includes('re-seed') && m.includes('CLAUDE_CREDENTIALS'))

    // The property, then the exact way this case satisfies it.
    expect(inSecret || told).toBe(true)
    expect(c.expect).toBe(inSecret ? 'secret' : 'told')
    expect(ch.oauth.replays).toBe(0)
    for (const m of messages) expect(m).toMatch(/^claude-preflight: [^\n]+$/)
    if (c.mainError) expect(mainError?.message).toMatch(c.mainError)
    else if (!c.killDuringWrite) expect(mainError).toBeUndefined()
    if (c.postError) expect(postError?.message).toMatch(c.postError)
    else expect(postError).toBeUndefined()
    // Whenever the chain moved, this run still got the newest credentials (unless it was killed).
    const latest = ch.oauth.issued.at(-1)
    if (latest && !c.killDuringWrite) expect(main.outputs['oauth-token']).toBe(latest.accessToken)
    // No token in a log line or in state; the write-back file is gone at the end.
    const tokens = ch.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken])
    expect([...main.leaks(tokens), ...post.leaks(tokens)]).toEqual([])
    const binding = main.saved['refresh-pending']
    if (binding) expect(existsSync(JSON.parse(binding).path)).toBe(false)
    // The lock is never left behind by a run that finished.
    if (!c.name.includes('another run holds'))
      expect(ch.github.state.git.refs['acme/app'] ?? {}).toEqual({})
  })
})

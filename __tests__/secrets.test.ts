import { afterEach, describe, expect, it } from '@jest/globals'
import { githubRequest } from '../src/github/client.js'
import { changedSince } from '../src/secrets/stale.js'
import { secretTarget, type SecretTarget } from '../src/secrets/target.js'
import { UserError } from '../src/common/errors.js'
import { SecretApiError, getSecretMetadata, writeSecret } from '../src/secrets/write.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { secretsRoutes, seedSecret, readSecret } from '../stand-ins/github-secrets.js'

const TOKEN = 'github_pat_secret_tests'
/* eslint-disable @typescript-eslint/no-explicit-any */
let github: any
afterEach(async () => github?.close())

async function setUp(fault?: (request: { method: string; path: string }) => any) {
  const state: any = {}
  github = await startGitHubStandIn({ routes: secretsRoutes, state, tokens: [TOKEN], fault })
  const masked: string[] = []
  const core = { setSecret: (v: string) => void masked.push(v), debug: () => {} }
  const api = githubRequest(TOKEN, { GITHUB_API_URL: github.url })
  return { state, api, core, masked }
}

const target = (scope: SecretTarget['scope']): SecretTarget => ({
  scope,
  name: 'CLAUDE_CREDENTIALS',
  owner: 'acme',
  repo: 'app'
})
const fast = { baseDelayMs: 5 }

describe('writing a secret', () => {
  it.each([
    ['repo', { kind: 'repo' }, { owner: 'acme', repo: 'app' }],
    [
      'environment',
      { kind: 'environment', environment: 'prod env' },
      { owner: 'acme', repo: 'app', environment: 'prod env' }
    ]
  ] as const)(
    'seals a %s secret so that only the private key opens it',
    async (_name, scope, where) => {
      const { state, api, core, masked } = await setUp()
      const first = await writeSecret({
        api,
        core,
        target: target(scope),
        value: '{"claudeAiOauth":{"refreshToken":"one"}}',
        retry: fast
      })
      expect(readSecret(state, where, 'CLAUDE_CREDENTIALS')).toBe(
        '{"claudeAiOauth":{"refreshToken":"one"}}'
      )
      // Long enough that a sealed box's random base64 never holds it by chance (three letters did, once).
      const second = 'sk-ant-ort01-second-value-0123456789'
      await writeSecret({ api, core, target: target(scope), value: second, retry: fast })
      expect(readSecret(state, where, 'CLAUDE_CREDENTIALS')).toBe(second)
      const puts = github.requests.filter((r: any) => r.method === 'PUT')
      expect(puts).toHaveLength(2)
      // What travels is a sealed box, not the value, and it is masked.
      expect(puts[1].text).not.toContain(second)
      expect(masked).toContain(JSON.parse(puts[1].text).encrypted_value)
      expect(first.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    }
  )

  it.each([
    ['selected', [11, 42]],
    ['all', undefined]
  ] as const)('keeps an org secret %s, with its repositories', async (visibility, selected) => {
    const { state, api, core } = await setUp()
    seedSecret(state, { org: 'acme' }, 'CLAUDE_CREDENTIALS', 'old', {
      meta: { visibility, ...(selected ? { selected } : {}) }
    })
    await writeSecret({ api, core, target: target({ kind: 'org' }), value: 'new', retry: fast })
    const stored = state.secrets['org:acme'].CLAUDE_CREDENTIALS
    expect(stored).toMatchObject({ value: 'new', visibility })
    if (selected) expect(stored.selected).toEqual(selected)
    expect((await getSecretMetadata(api, target({ kind: 'org' })))?.visibility).toBe(visibility)
  })

  it('retries a PUT that failed once, and does not retry a refusal', async () => {
    let puts = 0
    const { state, api, core } = await setUp(request => {
      if (request.method !== 'PUT') return undefined
      puts++
      return puts === 1 ? { status: 502, body: { message: 'Server Error' } } : undefined
    })
    const written = await writeSecret({
      api,
      core,
      target: target({ kind: 'repo' }),
      value: 'v1',
      retry: fast
    })
    expect(written.attempts).toBe(2)
    expect(readSecret(state, { owner: 'acme', repo: 'app' }, 'CLAUDE_CREDENTIALS')).toBe('v1')

    state.secretWriters = ['someone-else']
    const error = await writeSecret({
      api,
      core,
      target: target({ kind: 'repo' }),
      value: 'v2',
      retry: fast
    }).catch(e => e)
    expect(error).toBeInstanceOf(SecretApiError)
    expect(error).toMatchObject({ status: 403, transient: false, attempts: 1 })
    expect(error.message).toBe(
      'Writing repository secret CLAUDE_CREDENTIALS of acme/app failed: HTTP 403 Resource not accessible by integration'
    )
    expect(readSecret(state, { owner: 'acme', repo: 'app' }, 'CLAUDE_CREDENTIALS')).toBe('v1')
  })
})

describe('changedSince', () => {
  const readAt = new Date('2026-03-01T12:00:10.400Z')
  it.each([
    ['a day before', '2026-02-28T12:00:10Z', false],
    ['the second before', '2026-03-01T12:00:09Z', false],
    ['the same second (may be after)', '2026-03-01T12:00:10Z', true],
    ['after', '2026-03-01T12:00:11Z', true]
  ])('%s', (_name, updatedAt, changed) => {
    expect(changedSince(updatedAt, readAt)).toBe(changed)
  })
  it('widens by the clock skew allowed', () => {
    expect(changedSince('2026-03-01T12:00:08Z', readAt, 2000)).toBe(true)
  })
})

describe('secretTarget', () => {
  const env = { GITHUB_REPOSITORY: 'acme/app' }
  it('is the running repository, and refuses with a UserError what it cannot be', () => {
    expect(secretTarget({ kind: 'repo' }, 'CLAUDE_CREDENTIALS', env)).toEqual(
      target({ kind: 'repo' })
    )
    const refused = (name: string, from: Record<string, string>) => {
      try {
        secretTarget({ kind: 'repo' }, name, from)
      } catch (error) {
        return error
      }
      return undefined
    }
    const badName = refused('not-a-name', env)
    expect(badName).toBeInstanceOf(UserError)
    expect((badName as Error).message).toMatch(
      /^claude-preflight: input 'secret-name' is 'not-a-name', not a valid secret name\./
    )
    const outside = refused('CLAUDE_CREDENTIALS', {})
    expect(outside).toBeInstanceOf(UserError)
    expect((outside as Error).message).toMatch(/^claude-preflight: GITHUB_REPOSITORY is not set/)
  })
})

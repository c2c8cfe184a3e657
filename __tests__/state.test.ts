// The state module (src/state/index.ts): every key main saves for post, each written and read back through its own
// writer and defensive reader. The preflight key's parser is tested with the scanner's parsers (scan-parsers.test.ts).
import { describe, expect, test } from '@jest/globals'
import * as state from '../src/state/index.js'
import {
  networkDigest,
  parseNetworkRecord,
  parsePendingBinding,
  savePendingBinding,
  serializeNetworkRecord,
  startState,
  type PendingBinding
} from '../src/state/index.js'

/** A saveState that keeps every call, in order, as the runner's state file does. */
function recorder() {
  const calls: [string, string][] = []
  return { calls, saveState: (name: string, value: unknown) => calls.push([name, String(value)]) }
}

const binding: PendingBinding = {
  path: '/runner/temp/claude-preflight-refresh-1.json',
  nonce: 'a'.repeat(32),
  sha256: 'b'.repeat(64),
  credentialsFile: '/home/runner/.claude/.credentials.json'
}

describe('startState', () => {
  test('saves the network record first, then every other key the module defines, empty', () => {
    const core = recorder()
    startState(core, '{"GITHUB_API_URL":"x"}')
    const keys = Object.entries(state)
      .filter(([name]) => name.endsWith('_STATE'))
      .map(([, key]) => key)
    expect(keys.sort()).toEqual([
      'github-token',
      'network-env',
      'platform',
      'preflight',
      'refresh-pending',
      'renewer'
    ])
    expect(core.calls[0]).toEqual([state.NETWORK_STATE, '{"GITHUB_API_URL":"x"}'])
    expect(core.calls.map(([key]) => key).sort()).toEqual(keys)
    for (const [key, value] of core.calls.slice(1)) expect([key, value]).toEqual([key, ''])
  })
})

describe('the pending binding', () => {
  test('what main saves is what post reads; cleared, it reads as nothing', () => {
    const core = recorder()
    savePendingBinding(core, binding)
    savePendingBinding(core, { ...binding, credentialsFile: undefined })
    savePendingBinding(core, undefined)
    expect(core.calls.map(([key]) => key)).toEqual(Array(3).fill(state.PENDING_STATE))
    const [written, withoutFile, cleared] = core.calls.map(([, value]) => value)
    expect(parsePendingBinding(written!)).toEqual(binding)
    expect(parsePendingBinding(withoutFile!)).toEqual({ ...binding, credentialsFile: undefined })
    expect(cleared).toBe('')
    expect(parsePendingBinding(cleared!)).toBeUndefined()
  })

  test.each([
    ['not JSON', 'x'],
    ['no path', JSON.stringify({ ...binding, path: '' })],
    ['a short nonce', JSON.stringify({ ...binding, nonce: 'abc' })],
    ['a digest that is not SHA-256 hex', JSON.stringify({ ...binding, sha256: 'Z'.repeat(64) })],
    ['a relative credentials file', JSON.stringify({ ...binding, credentialsFile: 'creds.json' })],
    ['a credentials file that is no string', JSON.stringify({ ...binding, credentialsFile: 1 })]
  ])('a binding with %s is refused', (_, raw) => {
    expect(parsePendingBinding(raw)).toBeUndefined()
  })
})

describe('the network record', () => {
  test('keeps a digest of each set variable it is given, and nothing else', () => {
    const env = { HTTPS_PROXY: 'http://user:hunter2@proxy:3128', PATH: '/usr/bin' }
    const raw = serializeNetworkRecord(env, ['HTTPS_PROXY', 'NO_PROXY'])
    expect(raw).not.toContain('hunter2')
    expect(parseNetworkRecord(raw)).toEqual({ HTTPS_PROXY: networkDigest(env.HTTPS_PROXY) })
    expect(networkDigest(env.HTTPS_PROXY)).toMatch(/^[0-9a-f]{64}$/)
    expect(networkDigest(undefined)).toBeUndefined()
  })

  test('none saved reads as none; one main cannot have written reads as unreadable', () => {
    expect(parseNetworkRecord('')).toBeUndefined()
    for (const raw of ['x', '["x"]', 'null', '1'])
      expect(parseNetworkRecord(raw)).toBe('unreadable')
  })
})

describe('the GitHub token state', () => {
  test('what main saves is what post reads: no token, no fingerprint', () => {
    const core = recorder()
    const checkedAt = new Date('2026-12-06T01:00:00Z')
    state.saveGitHubState(core, {
      label: 'Claude GitHub App token',
      status: 'expiring',
      expiresAt: new Date('2026-12-06T02:00:00Z'),
      checkedAt,
      jobLimitMs: 5_400_000,
      warned: true
    })
    const [[key, saved]] = core.calls as [[string, string]]
    expect(key).toBe(state.GITHUB_STATE)
    expect(Object.keys(JSON.parse(saved)).sort()).toEqual(
      ['checkedAt', 'expiresAt', 'jobLimitMs', 'label', 'status', 'warned'].sort()
    )
    expect(state.parseGitHubState(saved)).toEqual({
      label: 'Claude GitHub App token',
      status: 'expiring',
      expiresAt: Date.parse('2026-12-06T02:00:00Z'),
      checkedAt: checkedAt.getTime(),
      jobLimitMs: 5_400_000,
      warned: true
    })
  })

  test('only values main can save survive: a label or status from elsewhere, a garbled number, is dropped', () => {
    const read = state.parseGitHubState(
      JSON.stringify({
        label: '[click](https://evil.example) token',
        status: 'pwned',
        jobLimitMs: -5,
        warned: 'yes',
        checkedAt: '2026-12-06T01:00:00Z'
      })
    )
    expect(read).toEqual({ checkedAt: Date.parse('2026-12-06T01:00:00Z') })
    for (const raw of ['', 'null', '[]', '{', '"x"', undefined])
      expect(state.parseGitHubState(raw)).toBeUndefined()
  })
})

describe('the platform state', () => {
  test('what main saves is what post reads; the platform is the table’s own, never the state’s text', () => {
    const core = recorder()
    const checkedAt = new Date('2026-12-06T10:00:00Z')
    const expiresAt = new Date('2026-12-06T11:00:00Z')
    state.savePlatformState(core, {
      id: 'bedrock',
      status: 'expiring',
      expiresAt,
      checkedAt,
      jobLimitMs: 5_400_000,
      warned: true
    })
    const [[key, saved]] = core.calls as [[string, string]]
    expect(key).toBe('platform')
    expect(saved).not.toMatch(/Amazon|AWS/)
    const read = state.parsePlatformState(saved)
    expect(read).toEqual({
      platform: expect.objectContaining({ id: 'bedrock', label: 'Amazon Bedrock' }),
      status: 'expiring',
      expiresAt: expiresAt.getTime(),
      checkedAt: checkedAt.getTime(),
      jobLimitMs: 5_400_000,
      warned: true
    })
    for (const garbled of ['', 'null', '[]', '{"id":"__proto__"}', '{"status":"pwned"}', '{'])
      expect(state.parsePlatformState(garbled)?.platform).toBeUndefined()
    expect(state.parsePlatformState('{"id":"federation","warned":"yes"}')).toEqual({
      platform: expect.objectContaining({ id: 'federation' })
    })
  })
})

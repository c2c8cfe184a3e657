import { describe, expect, it } from '@jest/globals'
import {
  decide,
  resolveRefresh,
  type Facts,
  type Policy,
  type RefreshChoice
} from '../src/policy/decide.js'

const now = new Date('2026-11-21T12:00:00Z')
const hour = 3_600_000
const policy: Policy = {
  onInvalid: 'fail',
  onExpiring: 'fail',
  onUnverifiable: 'warn',
  forceRefresh: false,
  refreshHeldBack: false
}
const facts = (over: Partial<Facts>): Facts => ({
  probe: 'valid',
  hasAccessToken: true,
  hasRefreshToken: false,
  now,
  minRemainingMs: hour,
  ...over
})

describe('decide', () => {
  it.each([
    ['valid, no expiry', {}, policy, 'valid', 'pass'],
    ['valid, lasts', { expiresAt: new Date(now.getTime() + 2 * hour) }, policy, 'valid', 'pass'],
    [
      'valid, too short',
      { expiresAt: new Date(now.getTime() + hour / 2) },
      policy,
      'expiring',
      'fail'
    ],
    [
      'too short, warn',
      { expiresAt: new Date(now.getTime() + hour / 2) },
      { ...policy, onExpiring: 'warn' },
      'expiring',
      'warn'
    ],
    [
      'too short, refresh',
      { expiresAt: new Date(now.getTime() + 1), hasRefreshToken: true },
      { ...policy, onExpiring: 'refresh' },
      'expiring',
      'refresh'
    ],
    [
      'unverifiable but known too short',
      { probe: 'unverifiable', expiresAt: new Date(now.getTime() - 1) },
      policy,
      'expiring',
      'fail'
    ],
    ['unverifiable', { probe: 'unverifiable' }, policy, 'unverifiable', 'warn'],
    [
      'unverifiable, fail',
      { probe: 'unverifiable' },
      { ...policy, onUnverifiable: 'fail' },
      'unverifiable',
      'fail'
    ],
    ['invalid', { probe: 'invalid' }, policy, 'invalid', 'fail'],
    ['invalid, warn', { probe: 'invalid' }, { ...policy, onInvalid: 'warn' }, 'invalid', 'warn'],
    [
      'invalid with refresh token',
      { probe: 'invalid', hasRefreshToken: true },
      { ...policy, onExpiring: 'refresh' },
      'invalid',
      'refresh'
    ],
    ['revoked', { probe: 'revoked' }, policy, 'revoked', 'fail'],
    [
      'forbidden is not refreshed',
      { probe: 'forbidden', hasRefreshToken: true },
      { ...policy, onExpiring: 'refresh' },
      'forbidden',
      'fail'
    ],
    ['billing', { probe: 'billing' }, policy, 'billing', 'fail'],
    ['missing', { probe: undefined, hasAccessToken: false }, policy, 'missing', 'fail'],
    [
      'lone refresh token',
      { probe: undefined, hasAccessToken: false, hasRefreshToken: true },
      { ...policy, onExpiring: 'refresh' },
      'expiring',
      'refresh'
    ],
    [
      'forced refresh',
      { hasRefreshToken: true },
      { ...policy, onExpiring: 'refresh', forceRefresh: true },
      'valid',
      'refresh'
    ]
  ] as const)('%s', (_name, over, pol, status, action) => {
    expect(decide(facts(over as Partial<Facts>), pol as Policy)).toMatchObject({ status, action })
  })

  it('reports the time left', () => {
    expect(
      decide(facts({ expiresAt: new Date(now.getTime() + 2 * hour) }), policy).remainingMs
    ).toBe(2 * hour)
  })
})

describe('resolveRefresh: a refresh only when its rotated token is saved, or when asked for by name', () => {
  const choice = (over: Partial<RefreshChoice>): RefreshChoice => ({
    onExpiring: 'auto',
    forceRefresh: false,
    savesRotatedToken: false,
    ...over
  })
  it.each([
    [
      'auto, refresh token, secrets-token',
      choice({ savesRotatedToken: true }),
      true,
      'refresh',
      false
    ],
    ['auto, refresh token, no secrets-token', choice({}), true, 'fail', true],
    ['auto, no refresh token', choice({ savesRotatedToken: true }), false, 'fail', false],
    [
      'refresh by name, no secrets-token',
      choice({ onExpiring: 'refresh' }),
      true,
      'refresh',
      false
    ],
    ['warn, no secrets-token', choice({ onExpiring: 'warn' }), true, 'warn', false],
    [
      'force with auto and secrets-token',
      choice({ forceRefresh: true, savesRotatedToken: true }),
      true,
      'refresh',
      false
    ],
    [
      'force with refresh by name',
      choice({ forceRefresh: true, onExpiring: 'refresh' }),
      true,
      'refresh',
      false
    ]
  ] as const)('%s', (_name, given, hasRefreshToken, onExpiring, refreshHeldBack) => {
    expect(resolveRefresh(given, hasRefreshToken)).toEqual({
      onExpiring,
      forceRefresh: given.forceRefresh,
      refreshHeldBack
    })
  })

  it.each([
    [
      'force without secrets-token under auto',
      choice({ forceRefresh: true }),
      /input 'force-refresh' is 'true' but 'secrets-token' is not set.*or set 'on-expiring: refresh' as well/
    ],
    [
      'force with on-expiring warn',
      choice({ forceRefresh: true, onExpiring: 'warn', savesRotatedToken: true }),
      /input 'force-refresh' is 'true' but 'on-expiring' is 'warn', which never refreshes\. Set 'on-expiring' to 'auto' or 'refresh'/
    ]
  ] as const)('refuses %s', (_name, given, error) => {
    expect(() => resolveRefresh(given, true)).toThrow(error)
  })
})

import { describe, expect, it } from '@jest/globals'
import { decide, type Facts, type Policy } from '../src/policy/decide.js'

const now = new Date('2026-11-21T12:00:00Z')
const hour = 3_600_000
const policy: Policy = {
  onInvalid: 'fail',
  onExpiring: 'fail',
  onUnverifiable: 'warn',
  forceRefresh: false
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

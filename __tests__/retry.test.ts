import { describe, expect, it } from '@jest/globals'
import { retry, parseRetryAfter } from '../src/http/retry.js'

describe('retry', () => {
  it('waits retry-after when the server gives one, a jittered back-off otherwise, and stops at the deadline', async () => {
    let clock = 0
    const waits: number[] = []
    const policy = {
      attempts: 5,
      baseDelayMs: 100,
      deadline: 1_000,
      now: () => clock,
      sleep: async (ms: number) => {
        waits.push(ms)
        clock += ms
      },
      random: () => 1
    }
    const outcomes = [{ retryAfterMs: 300 }, {}, {}, {}, {}]
    const result = await retry(async n => ({ done: false, value: n, ...outcomes[n - 1] }), policy)
    expect(waits).toEqual([300, 200, 400])
    expect(result).toEqual({ value: 4, attempts: 4 })
  })

  it('returns at once when an attempt is done, and caps attempts', async () => {
    expect(
      await retry(async () => ({ done: true, value: 'ok' }), {
        attempts: 3,
        baseDelayMs: 1,
        deadline: Infinity
      })
    ).toEqual({
      value: 'ok',
      attempts: 1
    })
    const result = await retry(async n => ({ done: false, value: n }), {
      attempts: 3,
      baseDelayMs: 1,
      deadline: Date.now() + 10_000
    })
    expect(result.attempts).toBe(3)
  })

  it('reads retry-after as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(
      parseRetryAfter('Sat, 21 Nov 2026 12:00:10 GMT', Date.parse('Sat, 21 Nov 2026 12:00:00 GMT'))
    ).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})

import { describe, expect, it } from '@jest/globals'
import { retry, parseRetryAfter, sendWithRetries } from '../src/http/retry.js'
import { NetworkError, type HttpRequest } from '../src/http/request.js'

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

describe('sendWithRetries', () => {
  const request = { method: 'GET', url: 'https://api.example.com/x' } as const
  const read = (answer: { status: number }) =>
    answer.status >= 500
      ? { done: false, value: answer.status }
      : { done: true, value: answer.status }

  it('tries again after no answer or a transient one, each try under the deadline signal', async () => {
    const signals: AbortSignal[] = []
    const answers = [new NetworkError('refused', 'api.example.com', 'ECONNREFUSED'), 503, 200]
    const result = await sendWithRetries(request, read, () => -1, {
      send: async (sent: HttpRequest) => {
        signals.push(sent.signal!)
        const next = answers.shift()
        if (next instanceof Error) throw next
        return { status: next ?? 0, headers: {}, text: '' }
      },
      timeoutMs: 10_000,
      baseDelayMs: 1
    })
    expect(result).toEqual({ value: 200, attempts: 3 })
    expect(signals).toHaveLength(3)
    expect(signals.every(signal => signal instanceof AbortSignal && !signal.aborted)).toBe(true)
  })

  it('stops at the time running out, with the line for it, and lets a bug of ours go up', async () => {
    const timeout = new NetworkError('timeout', 'api.example.com', '')
    const policy = (error: Error) => ({
      send: async () => {
        throw error
      },
      timeoutMs: 1500,
      baseDelayMs: 1
    })
    const said = (answer: { status: number }) => ({ done: true, value: `HTTP ${answer.status}` })
    expect(await sendWithRetries(request, said, line => line, policy(timeout))).toEqual({
      value: 'no answer within 1.5s (api.example.com)',
      attempts: 1
    })
    await expect(
      sendWithRetries(request, said, line => line, policy(new TypeError('x is not a function')))
    ).rejects.toThrow('x is not a function')
  })
})

import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from './request.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** Base of the exponential back-off. */
  baseDelayMs: number
  /** No attempt starts, and no wait runs, past this instant (epoch ms). */
  deadline: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** What one attempt produced: a final outcome, or a transient one worth another try after `retryAfterMs`. */
export type Attempt<T> = { done: true; value: T } | { done: false; value: T; retryAfterMs?: number }

const defaultSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it is done, the attempts run out or the deadline would pass, waiting a jittered
 * exponential back-off between tries (or the server's retry-after, when it gives one).
 * Returns the last outcome and how many attempts were made.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  policy: RetryPolicy
): Promise<{ value: T; attempts: number }> {
  const now = policy.now ?? Date.now
  const sleep = policy.sleep ?? defaultSleep
  const random = policy.random ?? Math.random
  for (let n = 1; ; n++) {
    const outcome = await attempt(n)
    if (outcome.done || n >= policy.attempts) return { value: outcome.value, attempts: n }
    const backoff = policy.baseDelayMs * 2 ** (n - 1) * (0.5 + random() / 2)
    const wait = outcome.retryAfterMs ?? backoff
    if (now() + wait >= policy.deadline) return { value: outcome.value, attempts: n }
    await sleep(wait)
  }
}

/** `retry-after` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** How a call that retries is bounded. */
export interface SendPolicy {
  send: HttpSend
  /** Bounds the whole call, retries included. */
  timeoutMs: number
  /** Attempts in all (default 4). */
  attempts?: number
  /** Base of the back-off (default 400 ms). */
  baseDelayMs?: number
}

/**
 * Sends `request` until `read` calls an answer done, the attempts run out or `timeoutMs` would pass; each try gets
 * what is left of the time. No answer (a NetworkError) is read by `noAnswer` and tried again, unless it was the time
 * running out. Anything else thrown is a bug of ours, not the network, and goes up.
 */
export async function sendWithRetries<T>(
  request: HttpRequest,
  read: (answer: HttpResponse) => Attempt<T>,
  noAnswer: (message: string) => T,
  policy: SendPolicy
): Promise<{ value: T; attempts: number }> {
  const deadline = Date.now() + policy.timeoutMs
  return retry<T>(
    async () => {
      try {
        const answer = await policy.send({
          ...request,
          signal: AbortSignal.timeout(Math.max(1, deadline - Date.now()))
        })
        return read(answer)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        const timedOut = error.failure === 'timeout'
        const message = timedOut
          ? `no answer within ${Number((policy.timeoutMs / 1000).toFixed(1))}s (${error.host})`
          : error.message
        return { done: timedOut, value: noAnswer(message) }
      }
    },
    { attempts: policy.attempts ?? 4, baseDelayMs: policy.baseDelayMs ?? 400, deadline }
  )
}

/** ` after 3 attempts`, said of a transient outcome that was tried more than once; else nothing. */
export const attemptsNote = (attempts: number): string =>
  attempts > 1 ? ` after ${attempts} attempts` : ''

// The generic probe: sends the request a credential's provider builds, retries what it calls transient until the
// deadline, and turns network errors into `unverifiable`. What the request is and what an answer means belong to
// the provider (src/providers/).
import type { Credential, ProbeVerdict } from '../providers/provider.js'
import type { ProbeResult } from './types.js'
import type { HttpSend } from '../http/request.js'
import { NetworkError } from '../http/request.js'
import { retry } from '../http/retry.js'
import { providerOf } from '../providers/index.js'

export interface ProbeOptions {
  /** Where the provider's service is (ProbeTarget). */
  baseUrl: string
  /** Bounds the whole probe, retries included. */
  timeoutMs: number
  send: HttpSend
  attempts?: number
  baseDelayMs?: number
}

/**
 * Probes the credential with its provider's probe, retrying transient answers with jittered back-off until
 * `timeoutMs` runs out.
 */
export async function probe(
  credential: Pick<Credential, 'source' | 'scheme' | 'secret'>,
  options: ProbeOptions
): Promise<ProbeResult> {
  const started = Date.now()
  const deadline = started + options.timeoutMs
  const { request, classify } = providerOf(credential.source).probe(credential, {
    baseUrl: options.baseUrl
  })
  const { value, attempts } = await retry<ProbeVerdict & { httpStatus?: number }>(
    async () => {
      const remaining = deadline - Date.now()
      try {
        const answer = await options.send({
          ...request,
          signal: AbortSignal.timeout(Math.max(1, remaining))
        })
        const classified = classify(answer)
        const value = { ...classified, httpStatus: answer.status }
        return classified.status === 'transient'
          ? {
              done: false,
              value,
              ...(classified.retryAfterMs !== undefined && {
                retryAfterMs: classified.retryAfterMs
              })
            }
          : { done: true, value }
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        const message =
          error.failure === 'timeout'
            ? `no answer within ${Number((options.timeoutMs / 1000).toFixed(1))}s (${error.host})`
            : error.message
        return { done: error.failure === 'timeout', value: { status: 'transient', message } }
      }
    },
    { attempts: options.attempts ?? 4, baseDelayMs: options.baseDelayMs ?? 400, deadline }
  )
  const { status, retryAfterMs: _, ...rest } = value
  const attemptsNote = attempts > 1 ? ` after ${attempts} attempts` : ''
  return {
    ...rest,
    status: status === 'transient' ? 'unverifiable' : status,
    message: status === 'transient' ? `${value.message}${attemptsNote}` : value.message,
    attempts,
    elapsedMs: Date.now() - started
  }
}

// The generic probe: sends the request a credential's provider builds, retries what it calls transient until the
// deadline, and turns network errors into `unverifiable`. What the request is and what an answer means belong to
// the provider (src/providers/).
import type { Credential, ProbeVerdict } from '../providers/provider.js'
import type { ProbeResult } from './types.js'
import type { HttpSend } from '../http/request.js'
import { attemptsNote, sendWithRetries } from '../http/retry.js'
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
  const { request, classify } = providerOf(credential.source).probe(credential, {
    baseUrl: options.baseUrl
  })
  const { value, attempts } = await sendWithRetries<ProbeVerdict & { httpStatus?: number }>(
    request,
    answer => {
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
    },
    message => ({ status: 'transient', message }),
    options
  )
  const { status, retryAfterMs: _, ...rest } = value
  return {
    ...rest,
    status: status === 'transient' ? 'unverifiable' : status,
    message: status === 'transient' ? `${value.message}${attemptsNote(attempts)}` : value.message,
    attempts,
    elapsedMs: Date.now() - started
  }
}

// One call of a cloud provider's check over `send` with retries: a request is refused before it leaves when its
// transport is unsafe, every answer is read with the call's secrets cut out, a refusal is read in the provider's own
// words, and what is still `unverifiable` after the retries says how many tries it took.
import { attemptsNote, sendWithRetries, type Attempt } from '../http/retry.js'
import type { HttpRequest } from '../http/request.js'
import { unsafeTransport } from '../http/url.js'
import { answerWithout, bodyDescription, type ApiAnswer } from '../github/client.js'
import type { TokenCallDeps } from '../github/oidc.js'
import type { Reading } from './check.js'

/** A call's data, or a reading of why there is none. */
export type CallResult<T, R extends Reading = Reading> =
  { data: T; httpStatus: number; requestId?: string } | { failed: R }

export interface CloudCall<T, R extends Reading = Reading> {
  /** Names the call in every message: `STS GetCallerIdentity`. */
  where: string
  /** The service's name in "not <service>'s answer". */
  service: string
  /** Cut out of every answer before it is read. */
  secrets: string[]
  /** The data of a 2xx answer; undefined when the answer is not the service's. */
  read(answer: ApiAnswer): T | undefined
  /** What an answer that is not a success says, in the service's words; may ask for another try. */
  refusal(answer: ApiAnswer, where: string): Attempt<R>
  /** The data of an answer that is not a success yet proves the credential (judged after authentication). */
  judged?(answer: ApiAnswer, where: string): T | undefined
  /** The service's request id on an answer, when it gives one. */
  requestIdOf?(answer: ApiAnswer): string | undefined
}

/** Readings of `answer` to the call named `where`, each with the answer's status and request id. */
export function readingsOf(
  answer: ApiAnswer,
  where: string,
  requestId: string | undefined
): (verdict: Reading['status'], message: string) => Reading {
  return (verdict, message) => ({
    status: verdict,
    message: `${where}: ${message}`,
    httpStatus: answer.status,
    ...(requestId && { requestId })
  })
}

/** Sends `request`, retrying what `call.refusal` calls transient until the deadline of `deps`. */
export async function cloudCall<T, R extends Reading = Reading>(
  request: HttpRequest,
  call: CloudCall<T, R>,
  deps: TokenCallDeps
): Promise<CallResult<T, R | Reading>> {
  const { where } = call
  const unsafe = unsafeTransport(request.url)
  if (unsafe)
    return {
      failed: {
        status: 'unverifiable',
        message: `${where}: ${new URL(request.url).origin} ${unsafe}`
      }
    }
  const { value, attempts } = await sendWithRetries<CallResult<T, R | Reading>>(
    request,
    response => {
      const answer = answerWithout(call.secrets, response)
      const requestId = call.requestIdOf?.(answer)
      const judged = answer.status >= 400 ? call.judged?.(answer, where) : undefined
      if (judged !== undefined)
        return {
          done: true,
          value: { data: judged, httpStatus: answer.status, ...(requestId && { requestId }) }
        }
      if (answer.status < 200 || answer.status >= 300) {
        const refusal = call.refusal(answer, where)
        return { ...refusal, value: { failed: refusal.value } }
      }
      const data = call.read(answer)
      if (data !== undefined)
        return {
          done: true,
          value: { data, httpStatus: answer.status, ...(requestId && { requestId }) }
        }
      return {
        done: true,
        value: {
          failed: {
            status: 'unverifiable',
            message: `${where}: HTTP ${answer.status}, not ${call.service}'s answer (${bodyDescription(answer)})`,
            httpStatus: answer.status,
            ...(requestId && { requestId })
          }
        }
      }
    },
    message => ({ failed: { status: 'unverifiable', message: `${where}: ${message}` } }),
    deps
  )
  if ('failed' in value && value.failed.status === 'unverifiable')
    return {
      failed: { ...value.failed, message: `${value.failed.message}${attemptsNote(attempts)}` }
    }
  return value
}

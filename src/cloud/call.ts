// One call of a cloud provider's check, over `send` with retries: its URL refused unsent when it would carry a
// credential in clear, a success read by the call, anything else read as the provider's refusal, and a transient
// outcome that stayed so said with its attempts.
import { attemptsNote, sendWithRetries, type Attempt } from '../http/retry.js'
import type { HttpRequest } from '../http/request.js'
import { unsafeTransport } from '../http/url.js'
import { answerWithout, bodyDescription, type ApiAnswer } from '../github/client.js'
import type { TokenCallDeps } from '../github/oidc.js'
import type { CloudCheck } from './check.js'

/** A result of a line, before what it proves is known. */
export type CloudReading = Omit<CloudCheck, 'proves'>

/** A call's data, or a reading of why there is none. */
export type CallResult<T, R extends CloudReading = CloudReading> =
  { data: T; httpStatus: number; requestId?: string } | { failed: R }

export interface CloudCallSpec<T, R extends CloudReading> {
  where: string
  /** Whose answer a 200 should be, for a message: `AWS's`, `Google's`. */
  whose: string
  /** What the request carries that no message may quote. */
  secrets: string[]
  /** The call's data from a 200; undefined when the answer is not the one expected. */
  read: (answer: ApiAnswer) => T | undefined
  /** What any other answer says of the credential, in the provider's own words. */
  refusal: (answer: ApiAnswer, where: string) => Attempt<R>
  requestIdOf?: (answer: ApiAnswer) => string | undefined
}

/** Sends a provider's request, reading a success with `spec.read` and anything else as the provider's refusal. */
export async function cloudCall<T, R extends CloudReading>(
  request: HttpRequest,
  spec: CloudCallSpec<T, R>,
  deps: TokenCallDeps
): Promise<CallResult<T, R | CloudReading>> {
  const { where } = spec
  const unsafe = unsafeTransport(request.url)
  if (unsafe) {
    const origin = URL.canParse(request.url) ? new URL(request.url).origin : 'the URL'
    return { failed: { status: 'unverifiable', message: `${where}: ${origin} ${unsafe}` } }
  }
  const { value, attempts } = await sendWithRetries<CallResult<T, R | CloudReading>>(
    request,
    response => {
      const answer = answerWithout(spec.secrets, response)
      if (answer.status !== 200) {
        const refusal = spec.refusal(answer, where)
        return { ...refusal, value: { failed: refusal.value } }
      }
      const data = spec.read(answer)
      const requestId = spec.requestIdOf?.(answer)
      const ids = requestId ? { requestId } : {}
      if (data !== undefined) return { done: true, value: { data, httpStatus: 200, ...ids } }
      const message = `${where}: HTTP 200, not ${spec.whose} answer (${bodyDescription(answer)})`
      return {
        done: true,
        value: { failed: { status: 'unverifiable', message, httpStatus: 200, ...ids } }
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

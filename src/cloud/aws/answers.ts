// How AWS words an answer, and what it says about a credential. STS speaks the query protocol: XML answers, and errors
// as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html). Bedrock speaks REST-JSON: the error's name
// in the `x-amzn-ErrorType` header (`AccessDeniedException:http://internal.amazon.com/coral/…`), its text in
// `{"message": …}` (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html,
// https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html#operation-error-serialization). The code decides,
// not the status: Bedrock reports an expired session as 403, Claude Platform on AWS and Mantle as 401.
import { clipLine } from '../../common/errors.js'
import type { Attempt } from '../../http/retry.js'
import {
  bodyDescription,
  isHtmlPage,
  transientOrRedirect,
  type ApiAnswer
} from '../../github/client.js'
import type { Reading } from '../check.js'
import { readingsOf } from '../call.js'

/** An AWS error: its code and its words, one line each. */
export interface AwsError {
  code: string
  message: string
}

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException'])
const INVALID = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidIdentityToken',
  'InvalidAccessKeyId',
  'AuthFailure'
])
const FORBIDDEN = new Set(['AccessDenied', 'AccessDeniedException'])
/** Worth another try: AWS's throttling (STS sends it as 400) and its own failures, whatever the status. */
const TRANSIENT = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerException',
  'IDPCommunicationError'
])

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of the first `<tag>` of an XML document, entities decoded; undefined when there is none. */
export function xmlText(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]{0,2000})</${tag}>`).exec(xml)
  if (!match) return undefined
  return (match[1] ?? '').replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => XML_ENTITIES[name] ?? ''
  )
}

/** The AWS error an answer carries, in either protocol; undefined when it carries none (a proxy's page, say). */
export function awsError(answer: ApiAnswer): AwsError | undefined {
  const text = typeof answer.data === 'string' ? answer.data : ''
  if (/<ErrorResponse\b/.test(text)) {
    const code = xmlText(text, 'Code')
    if (code) return { code, message: clipLine(xmlText(text, 'Message') ?? '') }
  }
  const data = (typeof answer.data === 'object' && answer.data !== null ? answer.data : {}) as {
    message?: unknown
    Message?: unknown
    __type?: unknown
  }
  // `__type` may be a shape id (`com.amazon.coral.service#ExpiredTokenException`); the header may carry a namespace URL.
  const named =
    answer.headers['x-amzn-errortype'] ?? (typeof data.__type === 'string' ? data.__type : '')
  const code = named.split(':')[0]?.split('#').pop()?.trim() ?? ''
  if (!/^[A-Za-z][\w.]{0,99}$/.test(code)) return undefined
  const words = [data.message, data.Message].find(w => typeof w === 'string') as string | undefined
  return { code, message: clipLine(words ?? '') }
}

/** The request id AWS gave: `x-amzn-RequestId` (both protocols), or STS's `<RequestId>`. */
export function requestIdOf(answer: ApiAnswer): string | undefined {
  const text = typeof answer.data === 'string' ? answer.data : ''
  const id = answer.headers['x-amzn-requestid'] ?? xmlText(text, 'RequestId')
  return id ? clipLine(id, 80) : undefined
}

/**
 * What an answer that is not a success says of the credential: expired, invalid or forbidden only in AWS's own
 * words; a throttle or AWS's own failure is worth another try; anything else (a proxy's page, a redirect, an error
 * that says nothing of the credential) is `unverifiable`. `where` names the call for the message.
 */
export function readRefusal(answer: ApiAnswer, where: string): Attempt<Reading> {
  const { status } = answer
  const reading = readingsOf(answer, where, requestIdOf(answer))
  const unverifiable = (message: string) => reading('unverifiable', message)
  const error = isHtmlPage(answer) ? undefined : awsError(answer)
  const said = error ? `${error.code}${error.message ? `: ${error.message}` : ''}` : ''
  if (error && TRANSIENT.has(error.code))
    return { done: false, value: unverifiable(`HTTP ${status} ${said}`) }
  const other = transientOrRedirect(answer, said || `(${bodyDescription(answer)})`, unverifiable)
  if (other) return other
  if (!error) {
    return {
      done: true,
      value: unverifiable(`HTTP ${status}, not AWS's answer (${bodyDescription(answer)})`)
    }
  }
  const line = `HTTP ${status} ${said}`
  // A signature that expired before it arrived is the runner's clock, not the credential.
  if (error.code === 'RequestExpired' || /signature expired/i.test(error.message))
    return { done: true, value: unverifiable(`${line} (is the runner's clock right?)`) }
  if (EXPIRED.has(error.code)) return { done: true, value: reading('expired', line) }
  if (INVALID.has(error.code)) return { done: true, value: reading('invalid', line) }
  if (FORBIDDEN.has(error.code)) return { done: true, value: reading('forbidden', line) }
  return { done: true, value: unverifiable(line) }
}

// How Foundry words an answer, and what it says about a credential. Azure's gateway refuses a credential in its own
// format, `{"error":{"code","message"}}` (https://learn.microsoft.com/azure/ai-services/authentication; 401 "Access
// denied due to invalid subscription key or wrong API endpoint" for a key, "Access token is missing, invalid, audience
// is incorrect (https://cognitiveservices.azure.com), or have expired" for a token, 403 `PermissionDenied` "The
// principal … lacks the required data action" for a role missing:
// https://learn.microsoft.com/azure/ai-foundry/concepts/rbac-azure-ai-foundry); past it, the Anthropic service answers
// in the Messages API's format, `{"type":"error","error":{"type","message"}}` (https://docs.anthropic.com/en/api/errors).
// A 401 or 403 in neither format is a proxy's, and says nothing about the credential.
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

/** A refusal in either format: Azure's code or the API's error type, and its words. */
interface FoundryError {
  code: string
  message: string
}

const objectOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined

/** The error an answer carries in Azure's or the Anthropic API's format; undefined for any other body. */
export function foundryError(answer: ApiAnswer): FoundryError | undefined {
  const body = objectOf(answer.data)
  const error = objectOf(body?.error)
  if (!error || typeof error.message !== 'string') return undefined
  const code =
    body?.type === 'error' && typeof error.type === 'string'
      ? error.type
      : typeof error.code === 'string' || typeof error.code === 'number'
        ? String(error.code)
        : undefined
  if (code === undefined || !/^[\w.-]{1,100}$/.test(code)) return undefined
  return { code, message: clipLine(error.message) }
}

/** Azure's request id (`apim-request-id`, `x-ms-request-id`) or the Anthropic API's (`request-id`). */
export function requestIdOf(answer: ApiAnswer): string | undefined {
  const id =
    answer.headers['apim-request-id'] ??
    answer.headers['x-ms-request-id'] ??
    answer.headers['request-id']
  return id ? clipLine(id, 80) : undefined
}

/** Azure's words for a token past its `exp`; "… or have expired" alone also covers a wrong audience, so it is not one. */
const EXPIRED =
  /ExpiredAuthenticationToken|token is expired|token has expired|expiry .* is earlier than/i

/**
 * A refusal that comes after authentication and so proves the credential, in the line that says so: a deployment the
 * resource lacks (`DeploymentNotFound`, 404) or a request the API judged (400, 413); undefined for any other answer.
 */
export function judgedAfterAuthentication(
  answer: ApiAnswer,
  where: string,
  model: string
): string | undefined {
  const { status } = answer
  const error = isHtmlPage(answer) ? undefined : foundryError(answer)
  if (!error) return undefined
  const line = `${where}: HTTP ${status} ${error.code}: ${error.message}`
  if (status === 404 && error.code === 'DeploymentNotFound')
    return `${line} (the credential was accepted; the resource has no deployment named ${model}: name your deployments in ANTHROPIC_DEFAULT_SONNET_MODEL, ANTHROPIC_DEFAULT_HAIKU_MODEL and ANTHROPIC_DEFAULT_OPUS_MODEL)`
  if (status === 400 || status === 413) return `${line} (judged after authentication)`
  return undefined
}

/**
 * What a count_tokens answer that is not a success, nor judged after authentication, says of the credential: expired,
 * invalid or forbidden only in Azure's or the API's own words on a 401 or 403; a throttle or a 5xx is worth another
 * try; anything else is `unverifiable`.
 */
export function readRefusal(answer: ApiAnswer, where: string): Attempt<Reading> {
  const { status } = answer
  const reading = readingsOf(answer, where, requestIdOf(answer))
  const error = isHtmlPage(answer) ? undefined : foundryError(answer)
  const said = error ? `${error.code}: ${error.message}` : ''
  const other = transientOrRedirect(answer, said || `(${bodyDescription(answer)})`, message =>
    reading('unverifiable', message)
  )
  if (other) return other
  const line = `HTTP ${status} ${said}`
  if (!error)
    return {
      done: true,
      value: reading(
        'unverifiable',
        `HTTP ${status}, not Foundry's answer (${bodyDescription(answer)})${status === 401 || status === 403 ? ': a proxy in between refused the request, which says nothing about the credential' : ''}`
      )
    }
  if (status === 401)
    return { done: true, value: reading(EXPIRED.test(said) ? 'expired' : 'invalid', line) }
  if (status === 403) return { done: true, value: reading('forbidden', line) }
  return {
    done: true,
    value: reading(
      'unverifiable',
      `${line}: check ANTHROPIC_FOUNDRY_RESOURCE / ANTHROPIC_FOUNDRY_BASE_URL (the base URL ends in /anthropic)`
    )
  }
}

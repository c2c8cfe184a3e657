// Minting the job's OIDC token as @actions/core getIDToken does
// (https://github.com/actions/toolkit/blob/main/packages/core/src/oidc-utils.ts): `GET
// ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`
// answers `{"value": "<jwt>"}`. GitHub sets both variables only for a job with `permissions: id-token: write`
// (https://docs.github.com/en/actions/reference/security/oidc), which a pull request from a fork does not get: its
// write permissions are read-only (JuliaCloud/AWS.jl#634).
import { clipLine } from '../common/errors.js'
import { attemptsNote, sendWithRetries, type Attempt, type SendPolicy } from '../http/retry.js'
import { unsafeTransport } from '../http/url.js'
import {
  answerWithout,
  apiMessage,
  bodyDescription,
  isHtmlPage,
  transientOrRedirect,
  type ApiAnswer
} from './client.js'

export type OidcProblem = 'no-permission' | 'refused' | 'unverifiable'

export type OidcResult =
  { token: string } | { problem: OidcProblem; message: string; httpStatus?: number }

/** A call that reads a token from an answer: `mask` is called on it before anything else sees it. */
export interface TokenCallDeps extends SendPolicy {
  mask(value: string): void
}

/**
 * An OIDC token for `audience`, or why none: `no-permission` (GitHub gave the job no token request: no request is
 * sent), `refused` (the token service's own 401 or 403), `unverifiable` (no answer, 5xx or 429 after retries, a
 * proxy's page, an answer without a token). The request token and the token minted are masked at once.
 */
export async function mintOidcToken(
  env: NodeJS.ProcessEnv,
  audience: string,
  deps: TokenCallDeps
): Promise<OidcResult> {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  const missing = [
    !requestUrl && 'ACTIONS_ID_TOKEN_REQUEST_URL',
    !requestToken && 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
  ].filter(Boolean)
  if (missing.length > 0) {
    return {
      problem: 'no-permission',
      message: `${missing.join(' and ')} not set: GitHub gave this job no OIDC token request (no permissions: id-token: write, or a pull request from a fork)`
    }
  }
  deps.mask(requestToken)
  const unsafe = unsafeTransport(requestUrl)
  if (unsafe) return { problem: 'unverifiable', message: `ACTIONS_ID_TOKEN_REQUEST_URL ${unsafe}` }
  const { value, attempts } = await sendWithRetries<OidcResult>(
    {
      method: 'GET',
      url: `${requestUrl}&audience=${encodeURIComponent(audience)}`,
      headers: {
        authorization: `Bearer ${requestToken}`,
        accept: 'application/json',
        'user-agent': 'claude-preflight'
      }
    },
    response => readAnswer(answerWithout([requestToken], response), deps.mask),
    message => ({ problem: 'unverifiable', message }),
    deps
  )
  if ('token' in value || value.problem !== 'unverifiable') return value
  return { ...value, message: `${value.message}${attemptsNote(attempts)}` }
}

function readAnswer(answer: ApiAnswer, mask: (value: string) => void): Attempt<OidcResult> {
  const { status } = answer
  const unverifiable = (message: string) => ({
    problem: 'unverifiable' as const,
    message,
    httpStatus: status
  })
  if (status >= 200 && status < 300) {
    const token: unknown = (answer.data as { value?: unknown } | null)?.value
    if (typeof token === 'string' && token) {
      mask(token)
      return { done: true, value: { token } }
    }
    return {
      done: true,
      value: unverifiable(`HTTP ${status} without an ID token (${bodyDescription(answer)})`)
    }
  }
  const said = apiMessage(answer)
  const other = transientOrRedirect(answer, said, unverifiable)
  if (other) return other
  // A proxy's page is not the token service's refusal.
  if ((status === 401 || status === 403) && !isHtmlPage(answer))
    return {
      done: true,
      value: {
        problem: 'refused',
        message: `HTTP ${status}: ${clipLine(said)}`,
        httpStatus: status
      }
    }
  return { done: true, value: unverifiable(`HTTP ${status}: ${clipLine(said)}`) }
}

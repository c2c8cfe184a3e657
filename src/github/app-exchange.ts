// The Claude GitHub App's token, as anthropics/claude-code-action gets it without `github_token` (src/github/token.ts):
// an OIDC token of audience `claude-code-github-action` POSTed to Anthropic's exchange answers `{"token": "ghs_…"}`
// (or `app_token`), an installation token of one hour; the action revokes it at job end with `DELETE
// {GITHUB_API_URL}/installation/token` (its action.yml). Refusals come as `{"error": {"message", "details":
// {"error_code"}}}` or `{"message"}`.
import { clipLine } from '../common/errors.js'
import { attemptsNote, sendWithRetries, type Attempt, type SendPolicy } from '../http/retry.js'
import {
  answerOf,
  answerWithout,
  apiBaseUrl,
  bodyDescription,
  githubHeaders,
  transientOrRedirect,
  type ApiAnswer
} from './client.js'
import { type TokenCallDeps } from './oidc.js'
import { unsafeTransport } from '../http/url.js'

export const CLAUDE_APP_AUDIENCE = 'claude-code-github-action'
export const CLAUDE_APP_EXCHANGE_URL =
  'https://api.anthropic.com/api/github/github-app-token-exchange'

export type ExchangeProblem =
  'not-installed' | 'workflow-not-on-default-branch' | 'invalid-oidc' | 'refused' | 'unverifiable'

export type ExchangeResult =
  | { token: string }
  | { problem: ExchangeProblem; message: string; httpStatus?: number; requestId?: string }

/**
 * The error codes of a workflow that is not on the default branch, or differs from it: claude-code-action skips the
 * run on them (workflow_content_mismatch since anthropics/claude-code-action#460, workflow_not_found_on_default_branch
 * since #463; src/github/token.ts WORKFLOW_VALIDATION_ERROR_CODES).
 */
const WORKFLOW_VALIDATION_CODES = new Set([
  'workflow_not_found_on_default_branch',
  'workflow_content_mismatch'
])

/**
 * The App token the exchange at `url` gives for `oidcToken`, masked at once, or why none: the App not installed, the
 * workflow not on the default branch (or not the same there), the OIDC token refused, another refusal, or
 * `unverifiable` (no answer, 5xx or 429 after retries, a proxy's page, an answer that is not the exchange's). Asks for
 * `permissions` when given, as claude-code-action does with `additional_permissions`.
 */
export async function exchangeForAppToken(
  oidcToken: string,
  url: string,
  deps: TokenCallDeps,
  permissions?: Record<string, string>
): Promise<ExchangeResult> {
  const unsafe = unsafeTransport(url)
  if (unsafe) return { problem: 'unverifiable', message: `the App token exchange URL ${unsafe}` }
  const { value, attempts } = await sendWithRetries<ExchangeResult>(
    {
      method: 'POST',
      url,
      headers: {
        authorization: `Bearer ${oidcToken}`,
        'user-agent': 'claude-preflight',
        ...(permissions && { 'content-type': 'application/json' })
      },
      ...(permissions && { body: JSON.stringify({ permissions }) })
    },
    response => readAnswer(answerWithout([oidcToken], response), deps.mask),
    message => ({ problem: 'unverifiable', message }),
    deps
  )
  if ('token' in value || value.problem !== 'unverifiable') return value
  return { ...value, message: `${value.message}${attemptsNote(attempts)}` }
}

/** The exchange's error, `{"error": {"message", "details": {"error_code"}}}` or `{"message"}`; else undefined. */
function exchangeError(answer: ApiAnswer): { message: string; code?: string } | undefined {
  const data = answer.data as {
    message?: unknown
    error?: { message?: unknown; details?: { error_code?: unknown } }
  } | null
  if (typeof data !== 'object' || data === null) return undefined
  const message = data.error?.message ?? data.message
  if (typeof message !== 'string' || !message.trim()) return undefined
  const code = data.error?.details?.error_code
  return { message: clipLine(message), ...(typeof code === 'string' && { code }) }
}

function readAnswer(answer: ApiAnswer, mask: (value: string) => void): Attempt<ExchangeResult> {
  const { status } = answer
  const requestId = answer.headers['request-id']
  const outcome = (problem: ExchangeProblem, message: string): ExchangeResult => ({
    problem,
    message,
    httpStatus: status,
    ...(requestId && { requestId: clipLine(requestId, 80) })
  })
  const unverifiable = (message: string) => outcome('unverifiable', message)
  if (status >= 200 && status < 300) {
    const data = answer.data as { token?: unknown; app_token?: unknown } | null
    const token: unknown = data?.token || data?.app_token
    if (typeof token === 'string' && token) {
      mask(token)
      return { done: true, value: { token } }
    }
    return {
      done: true,
      value: unverifiable(`HTTP ${status} without a token (${bodyDescription(answer)})`)
    }
  }
  const error = exchangeError(answer)
  const other = transientOrRedirect(
    answer,
    error?.message ?? `(${bodyDescription(answer)})`,
    unverifiable
  )
  if (other) return other
  if (status < 400 || status >= 500 || !error) {
    return {
      done: true,
      value: unverifiable(`HTTP ${status}, not the exchange's answer (${bodyDescription(answer)})`)
    }
  }
  const said = `HTTP ${status}: ${error.message}`
  const workflow =
    (error.code !== undefined && WORKFLOW_VALIDATION_CODES.has(error.code)) ||
    (status === 401 && /workflow validation failed/i.test(error.message))
  if (workflow) return { done: true, value: outcome('workflow-not-on-default-branch', said) }
  if (status === 401 && /not installed/i.test(error.message))
    return { done: true, value: outcome('not-installed', said) }
  if (/invalid oidc token/i.test(error.message))
    return { done: true, value: outcome('invalid-oidc', said) }
  // Only a 401 or 403 is the exchange judging the token; another 4xx (a moved or mistyped URL) says nothing of it.
  return {
    done: true,
    value: status === 401 || status === 403 ? outcome('refused', said) : unverifiable(said)
  }
}

/**
 * Revokes an installation token (`DELETE {GITHUB_API_URL}/installation/token`,
 * https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token): true when GitHub said 204.
 */
export async function revokeInstallationToken(
  token: string,
  env: NodeJS.ProcessEnv,
  deps: SendPolicy
): Promise<boolean> {
  const url = `${apiBaseUrl(env)}/installation/token`
  if (unsafeTransport(url)) return false
  const { value } = await sendWithRetries<boolean>(
    { method: 'DELETE', url, headers: githubHeaders(token), statusIsEnough: true },
    response =>
      transientOrRedirect(answerOf(response), '', () => false) ?? {
        done: true,
        value: response.status === 204
      },
    () => false,
    deps
  )
  return value
}

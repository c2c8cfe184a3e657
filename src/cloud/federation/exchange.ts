// The token exchange of Anthropic workload identity federation (https://platform.claude.com/docs/en/manage-claude/wif-reference),
// as the SDK inside @anthropic-ai/claude-code 2.1.328 sends it: `POST {base}/v1/oauth/token` with a JSON body
// `{grant_type: urn:ietf:params:oauth:grant-type:jwt-bearer, assertion, federation_rule_id, organization_id,
// service_account_id?, workspace_id?}` and `anthropic-beta: oauth-2025-04-20,oidc-federation-2026-04-01`; it answers
// `{access_token: "sk-ant-oat01-…", expires_in, token_type}` with a `request-id` header. Every denial is one opaque 401
// ("Authentication failed"); the reason (issuer, subject, audience, a reused `jti`, …) shows only in the Claude
// Console's authentication history. Errors come as OAuth's `{error, error_description}` (the SDK reads no other field).
import { clipLine } from '../../common/errors.js'
import { retry, sendWithRetries, attemptsNote, type Attempt } from '../../http/retry.js'
import { unsafeTransport } from '../../http/url.js'
import { jwtExpiry } from '../../lifetime/jwt.js'
import {
  answerWithout,
  bodyDescription,
  isHtmlPage,
  transientOrRedirect,
  type ApiAnswer
} from '../../github/client.js'
import { mintOidcToken, type TokenCallDeps } from '../../github/oidc.js'
import { OAUTH_BETA } from '../../providers/anthropic-api.js'
import type { FederationSettings } from './settings.js'

export const FEDERATION_TOKEN_PATH = '/v1/oauth/token'
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
/** The beta Claude Code's SDK adds to the OAuth one on the exchange. */
export const FEDERATION_BETA = 'oidc-federation-2026-04-01'

export type ExchangeProblem =
  /** GitHub gave the job no OIDC token request (no `id-token: write`, a fork's pull request). */
  | 'no-oidc'
  /** The exchange's own refusal: a 400 or 401 (every rule mismatch), or a 403. */
  | 'denied'
  | 'forbidden'
  | 'unverifiable'

export type FederationExchange =
  | {
      token: string
      expiresIn: number
      /** When the OIDC token it was minted from expires: the exchange caps the lifetime at twice what is left. */
      oidcExpiresAt?: Date
      requestId?: string
    }
  | { problem: ExchangeProblem; message: string; httpStatus?: number; requestId?: string }

/**
 * A federated access token for `settings`, minted from an OIDC token of the preflight's own (never the Claude step's:
 * each can be exchanged once), masked at once; or why none. A transient answer (no answer, 5xx, 429) is tried again
 * with a fresh OIDC token, since the failed try may have used the first one up and a second exchange of it is refused
 * like any mismatch. `deps.timeoutMs` bounds it all, minting included.
 */
export async function exchangeFederationToken(
  settings: FederationSettings,
  env: NodeJS.ProcessEnv,
  deps: TokenCallDeps
): Promise<FederationExchange> {
  const url = `${settings.baseUrl}${FEDERATION_TOKEN_PATH}`
  const unsafe = unsafeTransport(url)
  if (unsafe) return { problem: 'unverifiable', message: `ANTHROPIC_BASE_URL ${unsafe}` }
  const deadline = Date.now() + deps.timeoutMs
  const left = () => Math.max(1, deadline - Date.now())
  const { value, attempts } = await retry<FederationExchange>(
    async () => {
      const oidc = await mintOidcToken(env, settings.audience, { ...deps, timeoutMs: left() })
      if (!('token' in oidc)) {
        const problem = oidc.problem === 'no-permission' ? 'no-oidc' : 'unverifiable'
        return {
          done: true,
          value: { problem, message: `GitHub OIDC token: ${oidc.message}` }
        }
      }
      // One exchange per OIDC token: the outcome of that one try, transient or not, decides.
      let outcome: Attempt<FederationExchange> | undefined
      await sendWithRetries<FederationExchange>(
        exchangeRequest(url, settings, oidc.token),
        response =>
          (outcome = readExchange(answerWithout([oidc.token], response), oidc.token, deps.mask)),
        message => (outcome = { done: false, value: { problem: 'unverifiable', message } }).value,
        { ...deps, timeoutMs: left(), attempts: 1 }
      )
      return outcome!
    },
    { attempts: deps.attempts ?? 4, baseDelayMs: deps.baseDelayMs ?? 400, deadline }
  )
  if ('token' in value || value.problem !== 'unverifiable') return value
  return { ...value, message: `${value.message}${attemptsNote(attempts)}` }
}

function exchangeRequest(url: string, settings: FederationSettings, assertion: string) {
  return {
    method: 'POST' as const,
    url,
    headers: {
      'content-type': 'application/json',
      'anthropic-beta': `${OAUTH_BETA},${FEDERATION_BETA}`,
      'user-agent': 'claude-preflight'
    },
    body: JSON.stringify({
      grant_type: JWT_BEARER_GRANT,
      assertion,
      federation_rule_id: settings.ruleId,
      organization_id: settings.organizationId,
      ...(settings.serviceAccountId && { service_account_id: settings.serviceAccountId }),
      ...(settings.workspaceId && { workspace_id: settings.workspaceId })
    })
  }
}

/**
 * The exchange's error: OAuth's `{error, error_description}`, or the API's envelope `{type: "error", error: {type,
 * message}}`; undefined for any other body.
 */
function exchangeError(answer: ApiAnswer): string | undefined {
  const data = answer.data as {
    error?: unknown
    error_description?: unknown
    type?: unknown
  } | null
  if (typeof data !== 'object' || data === null) return undefined
  if (typeof data.error === 'string' && data.error) {
    const description = typeof data.error_description === 'string' ? data.error_description : ''
    return clipLine(description ? `${data.error}: ${description}` : data.error)
  }
  const envelope = data.error as { type?: unknown; message?: unknown } | undefined
  if (data.type === 'error' && typeof envelope?.message === 'string')
    return clipLine(`${String(envelope.type)}: ${envelope.message}`)
  return undefined
}

/** Anthropic puts a `request-id` header, `req_…`, on every answer; a gateway's own refusal has none. */
const REQUEST_ID = /^req_[A-Za-z0-9]+$/

function readExchange(
  answer: ApiAnswer,
  oidcToken: string,
  mask: (value: string) => void
): Attempt<FederationExchange> {
  const { status } = answer
  const header = answer.headers['request-id']
  const requestId = header && REQUEST_ID.test(header) ? header : undefined
  const outcome = (problem: ExchangeProblem, message: string): FederationExchange => ({
    problem,
    message,
    httpStatus: status,
    ...(requestId && { requestId })
  })
  const unverifiable = (message: string) => outcome('unverifiable', message)
  if (status >= 200 && status < 300) {
    const data = answer.data as { access_token?: unknown; expires_in?: unknown } | null
    const token = data?.access_token
    if (typeof token === 'string' && token) mask(token)
    const expiresIn = Number(data?.expires_in)
    if (typeof token !== 'string' || !token || !Number.isFinite(expiresIn)) {
      return {
        done: true,
        value: unverifiable(
          `HTTP ${status} without an access_token and expires_in (${bodyDescription(answer)})`
        )
      }
    }
    const oidcExpiresAt = jwtExpiry(oidcToken)
    return {
      done: true,
      value: {
        token,
        expiresIn,
        ...(oidcExpiresAt && { oidcExpiresAt }),
        ...(requestId && { requestId })
      }
    }
  }
  const said = exchangeError(answer)
  const other = transientOrRedirect(answer, said ?? `(${bodyDescription(answer)})`, unverifiable)
  if (other) return other
  // Only the exchange's own word, in its error format and with its request id, refuses the settings.
  if (!said || !requestId || isHtmlPage(answer) || ![400, 401, 403].includes(status)) {
    return {
      done: true,
      value: unverifiable(
        `HTTP ${status} that did not come from Anthropic's token exchange (${said ?? bodyDescription(answer)}${requestId ? '' : ', no request-id'})`
      )
    }
  }
  return {
    done: true,
    value: outcome(status === 403 ? 'forbidden' : 'denied', `HTTP ${status}: ${said}`)
  }
}

import type { Core } from '../common/core.js'
import { NetworkError, type HttpResponse, type HttpSend } from '../http/request.js'
import { retry, parseRetryAfter } from '../http/retry.js'
import { PREFIX, UserError } from '../common/errors.js'

/** What a refresh gave: both tokens are already masked. */
export interface TokenSet {
  accessToken: string
  refreshToken: string
  expiresAt: Date
  scopes?: string[]
}

/** How long a refresh may go on retrying, and how long one attempt may take: together, the longest a refresh takes. */
export const OAUTH_BUDGET_MS = 60_000
export const OAUTH_TIMEOUT_MS = 20_000

export type TokenEndpointErrorKind =
  | 'invalid_grant'
  | 'lost_answer'
  | 'unauthorized'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'not_found'
  | 'bad_response'

/** The token endpoint gave no new tokens, so nothing was refreshed; the message says why and what to do. */
export class TokenEndpointError extends UserError {
  constructor(
    message: string,
    readonly kind: TokenEndpointErrorKind
  ) {
    super(message)
    this.name = 'TokenEndpointError'
  }
}

export interface RefreshRequest {
  send: HttpSend
  core: Pick<Core, 'setSecret' | 'debug'>
  url: string
  clientId: string
  refreshToken: string
  now: () => Date
  /** Where the refresh token came from and how to re-seed it, for messages. */
  reseed: string
  attempts?: number
  baseDelayMs?: number
  budgetMs?: number
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
}

type Outcome = { response?: HttpResponse; error?: NetworkError }

const oauthError = (response: HttpResponse): { error: string; description: string } => {
  try {
    const body = JSON.parse(response.text)
    const error = typeof body?.error === 'string' ? body.error : (body?.error?.type ?? '')
    const description = String(body?.error_description ?? body?.error?.message ?? '')
    return { error, description: description.replace(/\s+/g, ' ').slice(0, 200) }
  } catch {
    return { error: '', description: '' }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * POSTs the refresh grant (RFC 6749 §6) and returns the new tokens, masked before anything else sees them.
 * 429, 5xx and network failures are retried with back-off. Every failure is a TokenEndpointError with the fix.
 */
export async function requestRefresh(request: RefreshRequest): Promise<TokenSet> {
  const host = new URL(request.url).host
  const sent = await postWithRetry(request)
  if (sent.value.error) throw unreachable(request, host, sent, sent.value.error)
  const response = sent.value.response as HttpResponse
  if (response.status === 200) return parseTokens(response, request, host)
  throw refused(request, host, sent, response)
}

/** The last answer (or network failure) of the attempts, and whether one may have reached the endpoint unanswered. */
interface Sent {
  value: Outcome
  attempts: number
  sawLostAnswer: boolean
}

async function postWithRetry(request: RefreshRequest): Promise<Sent> {
  const { send, core, url } = request
  const start = Date.now()
  const body = JSON.stringify({
    grant_type: 'refresh_token',
    refresh_token: request.refreshToken,
    client_id: request.clientId
  })
  let sawLostAnswer = false

  const { value, attempts } = await retry<Outcome>(
    async n => {
      if (n > 1) core.debug(`${PREFIX}: refresh attempt ${n}`)
      try {
        const response = await send({
          url,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body,
          signal: AbortSignal.timeout(request.timeoutMs ?? OAUTH_TIMEOUT_MS)
        })
        const transient = response.status === 429 || response.status >= 500
        if (transient && response.status !== 429) sawLostAnswer = true
        if (!transient) return { done: true, value: { response } }
        return {
          done: false,
          value: { response },
          retryAfterMs: parseRetryAfter(response.headers['retry-after'])
        }
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        // Refused / DNS: the request never arrived. Otherwise it may have, and its answer was lost.
        if (error.failure !== 'refused' && error.failure !== 'dns') sawLostAnswer = true
        return { done: false, value: { error } }
      }
    },
    {
      attempts: request.attempts ?? 4,
      baseDelayMs: request.baseDelayMs ?? 1000,
      deadline: start + (request.budgetMs ?? OAUTH_BUDGET_MS),
      ...(request.sleep ? { sleep: request.sleep } : {})
    }
  )
  return { value, attempts, sawLostAnswer }
}

const triesOf = ({ attempts }: Sent) => (attempts > 1 ? ` (${attempts} attempts)` : '')
const UNUSED = `The refresh token was not used up; re-run the job later.`

function unreachable(
  request: RefreshRequest,
  host: string,
  sent: Sent,
  error: NetworkError
): TokenEndpointError {
  const lost = sent.sawLostAnswer
    ? ` An attempt may have reached the endpoint: if the next run fails with invalid_grant, re-seed: ${request.reseed}.`
    : ''
  return new TokenEndpointError(
    `${PREFIX}: could not reach the OAuth token endpoint ${host}${triesOf(sent)}: ${error.message}. ${lost ? '' : UNUSED}${lost} On a self-hosted runner check HTTPS_PROXY/NO_PROXY; check the input 'oauth-token-url'.`.replace(
      /\s+/g,
      ' '
    ),
    'network'
  )
}

/** Why an answer other than 200 gave no tokens, and what to do. */
function refused(
  request: RefreshRequest,
  host: string,
  sent: Sent,
  response: HttpResponse
): TokenEndpointError {
  const { error, description } = oauthError(response)
  const said = `${response.status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}`
  const tries = triesOf(sent)
  if (
    error === 'invalid_grant' ||
    (response.status === 400 && /refresh.?token/i.test(description))
  ) {
    if (sent.attempts > 1 && sent.sawLostAnswer) {
      return new TokenEndpointError(
        `${PREFIX}: the OAuth token endpoint ${host} refused the refresh token (${said}) after an earlier attempt whose answer was lost: that attempt rotated the token and its successor never arrived, so the chain is broken. Re-seed the credentials: ${request.reseed}.`,
        'lost_answer'
      )
    }
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} refused the refresh token (${said}). Nothing was refreshed. A refresh token works once, so it was most likely already used: by an earlier run that refreshed without saving the rotated one (no 'secrets-token', or a write-back that failed), by another workflow or job that reads the same secret, or by Claude Code where you log in with the same credentials (a login or refresh on your machine rotates it too). Otherwise it was revoked (a logout or a password change) or expired unused. Re-seed the credentials: ${request.reseed}; then set 'secrets-token' so each rotated token is saved, give every workflow that uses the secret one \`concurrency:\` group, and do not keep using the copied login on your machine (Claude Code there refreshes it too).`,
      'invalid_grant'
    )
  }
  const json = isJson(response.text)
  if ((response.status === 401 || response.status === 403) && !json) {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} answered ${response.status} with a page that is not the endpoint's JSON: a proxy or gateway in between refused the request. On a self-hosted runner check HTTPS_PROXY/NO_PROXY; check the input 'oauth-token-url'. ${UNUSED}`,
      'unauthorized'
    )
  }
  if (response.status === 401 || response.status === 403 || error === 'invalid_client') {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} refused the client (${said}). Check the input 'oauth-client-id' (leave it empty for Claude Code's) and 'oauth-token-url'. ${UNUSED}`,
      'unauthorized'
    )
  }
  if (response.status === 404 || response.status === 405) {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${request.url} answered ${response.status}: it is not a token endpoint. Set 'oauth-token-url' to https://platform.claude.com/v1/oauth/token (the old console.anthropic.com endpoint is gone). ${UNUSED}`,
      'not_found'
    )
  }
  if (response.status === 429) {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} kept answering 429 (rate limited)${tries}. ${UNUSED}`,
      'rate_limited'
    )
  }
  if (response.status >= 500) {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} failed (${said})${tries}. It may have rotated the token without saying so: if the next run fails with invalid_grant, re-seed: ${request.reseed}. Otherwise re-run later.`,
      'server'
    )
  }
  if (response.status >= 300 && response.status < 400) {
    return new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} answered ${response.status}, a redirect to ${response.headers.location ?? 'elsewhere'}, which is not followed with a refresh token. Set 'oauth-token-url' to the token endpoint itself. ${UNUSED}`,
      'bad_response'
    )
  }
  return new TokenEndpointError(
    `${PREFIX}: the OAuth token endpoint ${host} answered ${said}, not new tokens. Check 'oauth-token-url' and 'oauth-client-id'.`,
    'bad_response'
  )
}

function parseTokens(response: HttpResponse, request: RefreshRequest, host: string): TokenSet {
  let body: Record<string, unknown> = {}
  let json = true
  try {
    body = JSON.parse(response.text) ?? {}
  } catch {
    json = false
  }
  const access = typeof body.access_token === 'string' ? body.access_token : ''
  const refresh = typeof body.refresh_token === 'string' ? body.refresh_token : ''
  // Mask first: nothing below may print them unmasked.
  if (access) request.core.setSecret(access)
  if (refresh) request.core.setSecret(refresh)
  const expiresIn = Number(body.expires_in)
  if (!access || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new TokenEndpointError(
      `${PREFIX}: the OAuth token endpoint ${host} answered 200 without access_token/expires_in. ${
        refresh
          ? `It did send a new refresh token, which this run cannot trust; re-seed the credentials: ${request.reseed}.`
          : json
            ? "Check 'oauth-token-url'."
            : `Its body was cut off or not JSON: if the endpoint rotated the refresh token, the new one is lost, and the next run fails with invalid_grant; then re-seed: ${request.reseed}. Check 'oauth-token-url'.`
      }`,
      'bad_response'
    )
  }
  const scopes =
    typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean) : undefined
  return {
    accessToken: access,
    refreshToken: refresh || request.refreshToken,
    expiresAt: new Date(request.now().getTime() + expiresIn * 1000),
    ...(scopes ? { scopes } : {})
  }
}

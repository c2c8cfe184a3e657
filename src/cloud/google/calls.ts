// The Google calls of the check, over `send` with retries, each one HTTP request as google-auth-library sends it
// (googleapis/google-auth-library-nodejs src/auth/: stscredentials.ts, impersonated and baseexternalclient.ts,
// jwtclient.ts with gtoken, refreshclient.ts, oauth2client.ts getTokenInfo) and as Claude Code's Vertex SDK counts
// tokens: the token exchange of workload identity federation (RFC 8693 at `token_url`), the service account's
// generateAccessToken (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken),
// OAuth's token endpoint (`token_uri`: a service account key's signed JWT, a user's refresh token), tokeninfo, and
// count-tokens of Anthropic's models on Vertex AI (free: https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/count-tokens).
import type { HttpRequest } from '../../http/request.js'
import type { ApiAnswer } from '../../github/client.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import { cloudCall, type CallResult as CloudCallResult, type CloudCall } from '../call.js'
import { readRefusal, type Reading } from './answers.js'

/** A call's data, or a reading of why there is none. */
export type CallResult<T> = CloudCallResult<T, Reading>

/** An access token and when Google said it ends. */
export interface AccessToken {
  token: string
  expiresAt?: Date
}

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform'
const FORM = 'application/x-www-form-urlencoded;charset=UTF-8'

/** Sends a Google request, reading a success with `read` and anything else as Google's refusal. */
const googleCall = <T>(
  request: HttpRequest,
  spec: Pick<CloudCall<T, Reading>, 'where' | 'secrets'>,
  deps: TokenCallDeps,
  read: CloudCall<T, Reading>['read']
): Promise<CallResult<T>> =>
  cloudCall(
    { ...request, headers: { ...request.headers, 'user-agent': 'claude-preflight' } },
    { ...spec, read, service: 'Google', refusal: readRefusal },
    deps
  )

const form = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1])
  ).toString()

const fields = (answer: ApiAnswer) =>
  (typeof answer.data === 'object' && answer.data !== null ? answer.data : {}) as Record<
    string,
    unknown
  >

/** OAuth's `{access_token, expires_in}`, the token masked before anything else sees it. */
function oauthAccessToken(
  answer: ApiAnswer,
  mask: (value: string) => void
): AccessToken | undefined {
  const { access_token: token, expires_in: expiresIn } = fields(answer)
  if (typeof token !== 'string' || !token) return undefined
  mask(token)
  const seconds = Number(expiresIn)
  return {
    token,
    ...(Number.isFinite(seconds) &&
      seconds > 0 && { expiresAt: new Date(Date.now() + seconds * 1000) })
  }
}

/** The subject token a credentials file's `credential_source.url` serves (the job's OIDC endpoint, for GitHub). */
export async function fetchSubjectToken(
  source: { url: string; headers: Record<string, string>; field?: string },
  deps: TokenCallDeps
): Promise<CallResult<string>> {
  // A header is `Bearer <request token>`: the token alone is the secret too.
  const secrets = Object.values(source.headers).flatMap(value => [
    value,
    value.replace(/^Bearer /i, '')
  ])
  for (const value of secrets) deps.mask(value)
  const request: HttpRequest = { method: 'GET', url: source.url, headers: source.headers }
  return googleCall(request, { where: 'credential_source.url', secrets }, deps, answer => {
    const token = source.field ? fields(answer)[source.field] : answer.data
    if (typeof token !== 'string' || !token.trim()) return undefined
    deps.mask(token.trim())
    return token.trim()
  })
}

/** A federated access token for a subject token (Security Token Service, RFC 8693 token exchange). */
export const exchangeToken = (
  tokenUrl: string,
  params: { audience: string; subjectTokenType: string; subjectToken: string },
  deps: TokenCallDeps
): Promise<CallResult<AccessToken>> =>
  oauthToken(
    'Security Token Service (token_url)',
    tokenUrl,
    {
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: params.audience,
      scope: CLOUD_PLATFORM_SCOPE,
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: params.subjectToken,
      subject_token_type: params.subjectTokenType
    },
    [params.subjectToken],
    deps
  )

/** The service account's own access token, for a federated token allowed to act as it. */
export async function impersonate(
  url: string,
  federatedToken: string,
  deps: TokenCallDeps
): Promise<CallResult<AccessToken>> {
  const request: HttpRequest = {
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${federatedToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' })
  }
  return googleCall(
    request,
    { where: 'IAM generateAccessToken', secrets: [federatedToken] },
    deps,
    answer => {
      const { accessToken, expireTime } = fields(answer)
      if (typeof accessToken !== 'string' || !accessToken) return undefined
      deps.mask(accessToken)
      const expiresAt = new Date(typeof expireTime === 'string' ? expireTime : '')
      return { token: accessToken, ...(!Number.isNaN(expiresAt.getTime()) && { expiresAt }) }
    }
  )
}

/** An access token from an OAuth token endpoint (`where`): `params` is the grant (a JWT, a refresh token, …). */
export async function oauthToken(
  where: string,
  tokenUri: string,
  params: Record<string, string | undefined>,
  secrets: string[],
  deps: TokenCallDeps
): Promise<CallResult<AccessToken>> {
  const request: HttpRequest = {
    method: 'POST',
    url: tokenUri,
    headers: { 'content-type': FORM },
    body: form(params)
  }
  return googleCall(request, { where, secrets }, deps, answer =>
    oauthAccessToken(answer, deps.mask)
  )
}

/** What Google's tokeninfo says of an access token: when it ends, and whose it is (sent in the body, never the URL). */
export async function tokenInfo(
  url: string,
  token: string,
  deps: TokenCallDeps
): Promise<CallResult<{ expiresAt: Date; email?: string }>> {
  const request: HttpRequest = {
    method: 'POST',
    url,
    headers: { 'content-type': FORM },
    body: form({ access_token: token })
  }
  return googleCall(request, { where: 'Google tokeninfo', secrets: [token] }, deps, answer => {
    const { exp, email } = fields(answer)
    const seconds = Number(exp)
    if (!Number.isFinite(seconds) || seconds <= 0) return undefined
    return {
      expiresAt: new Date(seconds * 1000),
      ...(typeof email === 'string' && email && { email })
    }
  })
}

/** Vertex AI's count of a one-word message for `model`: a yes proves the token may call Anthropic's models there. */
export async function countTokens(
  url: string,
  token: string,
  model: string,
  deps: TokenCallDeps
): Promise<CallResult<{ inputTokens: number }>> {
  const request: HttpRequest = {
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      anthropic_version: 'vertex-2023-10-16',
      model,
      messages: [{ role: 'user', content: 'ping' }]
    })
  }
  return googleCall(
    request,
    { where: 'Vertex AI count-tokens', secrets: [token] },
    deps,
    answer => {
      const inputTokens = fields(answer).input_tokens
      return typeof inputTokens === 'number' ? { inputTokens } : undefined
    }
  )
}

// The AWS calls of the check, over `send` with retries: STS's query API (GetCallerIdentity needs no permission,
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html; AssumeRole and
// AssumeRoleWithWebIdentity for the credential providers), and Bedrock's ListInferenceProfiles
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListInferenceProfiles.html), the control-plane call
// Claude Code itself makes first. Requests are signed with AWS's own SigV4 signer, loaded on first use.
import type { HttpRequest } from '../../http/request.js'
import type { ApiAnswer } from '../../github/client.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import { cloudCall, type CallResult as CloudCallResult } from '../call.js'
import { readRefusal, requestIdOf, xmlText } from './answers.js'

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

/** A call's data, or a reading of why there is none. */
export type CallResult<T> = CloudCallResult<T>

const STS_VERSION = '2011-06-15'

/** `request` signed with SigV4 for `service` in `region` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). */
async function signed(
  request: HttpRequest,
  credentials: AwsCredentials,
  region: string,
  service: string
): Promise<HttpRequest> {
  const [{ SignatureV4 }, { Hash }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@smithy/hash-node')
  ])
  const url = new URL(request.url)
  const signer = new SignatureV4({
    service,
    region,
    credentials,
    sha256: Hash.bind(null, 'sha256')
  })
  const result = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port && { port: Number(url.port) }),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...request.headers, host: url.host },
    ...(request.body !== undefined && { body: request.body })
  })
  // fetch sets Host from the URL itself: the same value that was signed.
  const { host: _host, ...headers } = result.headers
  return { ...request, headers }
}

/** Sends an AWS request, reading a success with `read` and anything else as AWS's refusal. */
const awsCall = <T>(
  request: HttpRequest,
  where: string,
  secrets: string[],
  deps: TokenCallDeps,
  read: (answer: ApiAnswer) => T | undefined
): Promise<CallResult<T>> =>
  cloudCall(
    request,
    { where, whose: "AWS's", secrets, read, refusal: readRefusal, requestIdOf },
    deps
  )

const formBody = (params: Record<string, string | number | undefined>): string =>
  Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&')

const stsRequest = (
  endpoint: string,
  params: Record<string, string | number | undefined>
): HttpRequest => ({
  method: 'POST',
  url: `${endpoint}/`,
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'user-agent': 'claude-preflight'
  },
  body: formBody({ ...params, Version: STS_VERSION })
})

const xmlOf = (answer: ApiAnswer) => (typeof answer.data === 'string' ? answer.data : '')

/** Who the credentials are (`GetCallerIdentity`): the ARN and the account. */
export async function getCallerIdentity(
  endpoint: string,
  region: string,
  credentials: AwsCredentials,
  deps: TokenCallDeps
): Promise<CallResult<{ arn: string; account: string }>> {
  const request = await signed(
    stsRequest(endpoint, { Action: 'GetCallerIdentity' }),
    credentials,
    region,
    'sts'
  )
  return awsCall(request, 'STS GetCallerIdentity', secretsOf(credentials), deps, answer => {
    const xml = xmlOf(answer)
    const arn = xmlText(xml, 'Arn')
    if (!/<GetCallerIdentityResult>/.test(xml) || !arn) return undefined
    return { arn, account: xmlText(xml, 'Account') ?? '' }
  })
}

/** The parameters of an AssumeRole call, as the SDK's profile provider asks for them. */
export interface AssumeRoleParams {
  RoleArn: string
  RoleSessionName: string
  ExternalId?: string
  SerialNumber?: string
  TokenCode?: string
  DurationSeconds?: number
}

/** Temporary credentials from an STS answer, each part masked before anything else sees it; undefined when none. */
function temporaryCredentials(
  answer: ApiAnswer,
  mask: (value: string) => void
): AwsCredentials | undefined {
  const xml = xmlOf(answer)
  const [accessKeyId, secretAccessKey, sessionToken] = [
    'AccessKeyId',
    'SecretAccessKey',
    'SessionToken'
  ].map(tag => xmlText(xml, tag))
  for (const value of [accessKeyId, secretAccessKey, sessionToken]) if (value) mask(value)
  const expiration = new Date(xmlText(xml, 'Expiration') ?? '')
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime()))
    return undefined
  return { accessKeyId, secretAccessKey, sessionToken, expiration }
}

/** A role's credentials for a web identity token (`AssumeRoleWithWebIdentity`: unsigned, the token is the proof). */
export async function assumeRoleWithWebIdentity(
  endpoint: string,
  params: {
    RoleArn: string
    RoleSessionName: string
    WebIdentityToken: string
    DurationSeconds?: number
  },
  deps: TokenCallDeps
): Promise<CallResult<AwsCredentials>> {
  deps.mask(params.WebIdentityToken)
  const request = stsRequest(endpoint, { Action: 'AssumeRoleWithWebIdentity', ...params })
  return awsCall(
    request,
    'STS AssumeRoleWithWebIdentity',
    [params.WebIdentityToken],
    deps,
    answer => temporaryCredentials(answer, deps.mask)
  )
}

/** A role's credentials for the profile's source credentials (`AssumeRole`, signed with them). */
export async function assumeRole(
  endpoint: string,
  region: string,
  source: AwsCredentials,
  params: AssumeRoleParams,
  deps: TokenCallDeps
): Promise<CallResult<AwsCredentials>> {
  const request = await signed(
    stsRequest(endpoint, { Action: 'AssumeRole', ...params }),
    source,
    region,
    'sts'
  )
  return awsCall(request, 'STS AssumeRole', secretsOf(source), deps, answer =>
    temporaryCredentials(answer, deps.mask)
  )
}

/** How a Bedrock call authenticates: SigV4 with credentials, or a Bedrock API key as a bearer token. */
export type BedrockAuth = { credentials: AwsCredentials } | { apiKey: string }

/** One page of `ListInferenceProfiles` (system-defined profiles, as Claude Code lists them): whether Bedrock said yes. */
export async function listInferenceProfiles(
  endpoint: string,
  region: string,
  auth: BedrockAuth,
  deps: TokenCallDeps
): Promise<CallResult<{ profiles: number }>> {
  const request: HttpRequest = {
    method: 'GET',
    url: `${endpoint}/inference-profiles?maxResults=1&typeEquals=SYSTEM_DEFINED`,
    headers: { accept: 'application/json', 'user-agent': 'claude-preflight' }
  }
  const ready =
    'apiKey' in auth
      ? { ...request, headers: { ...request.headers, authorization: `Bearer ${auth.apiKey}` } }
      : await signed(request, auth.credentials, region, 'bedrock')
  const secrets = 'apiKey' in auth ? [auth.apiKey] : secretsOf(auth.credentials)
  return awsCall(ready, 'Bedrock ListInferenceProfiles', secrets, deps, answer => {
    const summaries = (answer.data as { inferenceProfileSummaries?: unknown } | null)
      ?.inferenceProfileSummaries
    return Array.isArray(summaries) ? { profiles: summaries.length } : undefined
  })
}

function secretsOf(credentials: AwsCredentials): string[] {
  return [credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(Boolean)
}

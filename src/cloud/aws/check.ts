// Proving the AWS credentials of Claude on Amazon Bedrock, Bedrock Mantle or Claude Platform on AWS without spending
// tokens. STS GetCallerIdentity needs no permission and answers for any live credential: it proves them live and
// says who they are. For Bedrock, ListInferenceProfiles follows, the control-plane call in Claude Code's documented
// IAM policy (https://code.claude.com/docs/en/amazon-bedrock) and the one its own Bedrock setup makes after
// GetCallerIdentity (claude-code 2.1.328 bundle): a yes shows that a Bedrock policy is attached in that region. No
// free call proves `bedrock:InvokeModel` or access to a given model: CountTokens is free but is an IAM action of its
// own. A Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`) is not an AWS credential STS knows: only Bedrock can prove it.
import { jwtExpiry } from '../../lifetime/jwt.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import type { CloudCheck } from '../check.js'
import { PLATFORMS } from '../../providers/platforms.js'
import type { Reading } from '../check.js'
import { readBedrockApiKey } from './bearer-key.js'
import { getCallerIdentity, listInferenceProfiles, type BedrockAuth } from './calls.js'
import { resolveAwsCredentials } from './credentials.js'
import { awsRegion, bedrockEndpoint, stsEndpoint } from './endpoints.js'

/** Which of Claude Code's AWS providers the credentials are for. */
export type AwsTarget = 'bedrock' | 'mantle' | 'anthropic-aws'

export interface AwsCheckOptions {
  target: AwsTarget
  /** The credentials' expiry given from outside: configure-aws-credentials' `aws-expiration` output. */
  expiresAt?: Date
  now?: () => number
}

/** The platform's own name, from the platforms' table. */
const targetLabel = (target: AwsTarget) =>
  PLATFORMS.find(platform => platform.id === target)?.label ?? target

const NO_INVOKE = 'no free call proves bedrock:InvokeModel or access to a given model'

/**
 * Proves the AWS credentials the Claude step would use for `options.target`, as its AWS SDK finds them in `env`:
 * a Bedrock API key for Bedrock, else SigV4 credentials through STS (and, for Bedrock, ListInferenceProfiles).
 * Every secret read, and every one derived, is masked at once.
 */
export async function checkAwsCredentials(
  env: NodeJS.ProcessEnv,
  options: AwsCheckOptions,
  deps: TokenCallDeps
): Promise<CloudCheck> {
  const region = awsRegion(env)
  const apiKey = env.AWS_BEARER_TOKEN_BEDROCK ?? ''
  if (apiKey && options.target === 'bedrock')
    return checkBedrockApiKey(apiKey, env, region, options, deps)
  const stsCall = { endpoint: stsEndpoint(env, region), region }
  const found = await resolveAwsCredentials(env, stsCall, deps)
  if ('failed' in found) return withProof(found.failed, 'nothing: no AWS credentials could be had')
  const { credentials } = found
  const expiry = expiryOf(
    found.renewed ? undefined : credentials.expiration,
    options.expiresAt,
    found,
    env
  )
  const identity = await getCallerIdentity(stsCall.endpoint, region, credentials, deps)
  if ('failed' in identity)
    return withProof(
      {
        ...identity.failed,
        message: `${identity.failed.message} (credentials from ${found.source})`,
        ...expiry
      },
      'nothing: AWS did not accept the credentials'
    )
  const who = { identity: identity.data.arn }
  const live = `STS accepted the credentials from ${found.source} (GetCallerIdentity needs no permission): they are live`
  if (options.target !== 'bedrock') {
    return {
      status: 'valid',
      message: `${live}, as ${identity.data.arn}`,
      httpStatus: identity.httpStatus,
      ...(identity.requestId && { requestId: identity.requestId }),
      ...expiry,
      ...who,
      proves: `the AWS credentials are live; nothing about ${targetLabel(options.target)}'s permissions, which no free call shows`
    }
  }
  const endpoint = bedrockEndpoint(env, region)
  const profiles = await listInferenceProfiles(endpoint, region, { credentials }, deps)
  return bedrockVerdict(profiles, region, `${live}, as ${identity.data.arn}; `, {
    ...expiry,
    ...who
  })
}

async function checkBedrockApiKey(
  apiKey: string,
  env: NodeJS.ProcessEnv,
  region: string,
  options: AwsCheckOptions,
  deps: TokenCallDeps
): Promise<CloudCheck> {
  deps.mask(apiKey)
  const key = readBedrockApiKey(apiKey)
  if (key.kind === 'short-term') for (const secret of key.derivedSecrets) deps.mask(secret)
  const now = options.now?.() ?? Date.now()
  const keyExpiry =
    key.kind === 'short-term'
      ? {
          expiresAt: key.expiresAt,
          expirySource: 'the short-term Bedrock API key (X-Amz-Date + X-Amz-Expires)'
        }
      : {}
  const given = options.expiresAt ? { expiresAt: options.expiresAt, expirySource: 'given' } : {}
  const expiry = keyExpiry.expiresAt ? keyExpiry : given
  if (key.kind === 'short-term' && key.expiresAt.getTime() <= now) {
    return {
      status: 'expired',
      message: `AWS_BEARER_TOKEN_BEDROCK: the short-term Bedrock API key expired at ${key.expiresAt.toISOString()} (its signature's X-Amz-Date + X-Amz-Expires)`,
      ...expiry,
      proves: 'nothing: the key is past its expiry'
    }
  }
  // A short-term key works only in the region it was made for; Claude Code calls the region of AWS_REGION.
  const elsewhere =
    key.kind === 'short-term' && key.region && key.region !== region
      ? ` (the key was made for ${key.region}, Claude Code calls ${region})`
      : ''
  const profiles = await listInferenceProfiles(
    bedrockEndpoint(env, region),
    region,
    { apiKey } satisfies BedrockAuth,
    deps
  )
  const verdict = bedrockVerdict(
    profiles,
    region,
    'Bedrock accepted the API key (AWS_BEARER_TOKEN_BEDROCK); ',
    expiry
  )
  return { ...verdict, message: `${verdict.message}${elsewhere}` }
}

/** The check's outcome from ListInferenceProfiles, after `before` (what was proven already). */
function bedrockVerdict(
  profiles: Awaited<ReturnType<typeof listInferenceProfiles>>,
  region: string,
  before: string,
  rest: Partial<CloudCheck>
): CloudCheck {
  if ('failed' in profiles) {
    const proves =
      profiles.failed.status === 'forbidden'
        ? `the credentials are live, but no Bedrock policy lets them list inference profiles in ${region}`
        : 'nothing about Bedrock: its answer was not a yes'
    return { ...rest, ...profiles.failed, proves }
  }
  return {
    ...rest,
    status: 'valid',
    message: `${before}Bedrock listed inference profiles in ${region}`,
    httpStatus: profiles.httpStatus,
    ...(profiles.requestId && { requestId: profiles.requestId }),
    proves: `the credentials may call bedrock:ListInferenceProfiles in ${region}: a Bedrock policy is attached there; ${NO_INVOKE}`
  }
}

const withProof = (reading: Reading, proves: string): CloudCheck => ({ ...reading, proves })

/**
 * When the credentials end, and who says so: the earliest of `AWS_CREDENTIAL_EXPIRATION` (static keys) and the
 * expiry given from outside. A role the SDK assumes again has no end of its own, unless it was assumed with a web
 * identity token that expires before the session does (a token file nobody rewrites): then the session's end is final.
 */
function expiryOf(
  own: Date | undefined,
  given: Date | undefined,
  found: { renewed: boolean; webIdentityToken?: string; credentials: { expiration?: Date } },
  env: NodeJS.ProcessEnv
): Pick<CloudCheck, 'expiresAt' | 'expirySource'> {
  const candidates: { expiresAt: Date; expirySource: string }[] = []
  if (own)
    candidates.push({
      expiresAt: own,
      expirySource: env.AWS_CREDENTIAL_EXPIRATION ? 'AWS_CREDENTIAL_EXPIRATION' : 'the credentials'
    })
  if (given) candidates.push({ expiresAt: given, expirySource: 'given' })
  const session = found.credentials.expiration
  const tokenEnd = found.webIdentityToken ? jwtExpiry(found.webIdentityToken) : undefined
  if (found.renewed && session && tokenEnd && tokenEnd.getTime() <= session.getTime())
    candidates.push({
      expiresAt: session,
      expirySource:
        'the assumed role session (its web identity token expires first, so it cannot be renewed)'
    })
  return candidates.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())[0] ?? {}
}

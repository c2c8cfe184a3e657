// The AWS credentials the Claude step's AWS SDK finds, in the order of its default chain
// (@aws-sdk/credential-provider-node defaultProvider): the environment's keys unless `AWS_PROFILE` is set, then a
// profile of the shared files (static keys, a role to assume, a web identity, SSO, a credential process: AWS's
// @aws-sdk/credential-provider-ini reads them), then `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
// (@aws-sdk/credential-provider-web-identity). The providers are AWS's own, loaded on first use; the STS calls they
// need go through this action's own calls (`roleAssumer`, `roleAssumerWithWebIdentity`), so that they honour the
// endpoint variables, the proxy and the deadline, and are classified like every other call. An EC2 instance's or a
// container's role, the chain's last resort, is not checked.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { clipLine } from '../../common/errors.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import type { Reading } from '../check.js'
import {
  assumeRole,
  assumeRoleWithWebIdentity,
  type AssumeRoleParams,
  type AwsCredentials,
  type CallResult
} from './calls.js'

export interface ResolvedCredentials {
  credentials: AwsCredentials
  /** Where they came from, for a message: `the environment (AWS_ACCESS_KEY_ID)`, `profile ci`, … */
  source: string
  /** The SDK renews them on its own (a role it assumes again), so their `expiration` is not the end of them. */
  renewed: boolean
  /** The web identity token the role was assumed with, when there was one. */
  webIdentityToken?: string
}

/** A call of a credential provider that failed: its reading travels up through the SDK's provider. */
class ProviderCallError extends Error {
  constructor(readonly reading: Reading) {
    super(reading.message)
  }
}

/** The credentials, or the reading of why none could be had. */
export async function resolveAwsCredentials(
  env: NodeJS.ProcessEnv,
  sts: { endpoint: string; region: string },
  deps: TokenCallDeps
): Promise<ResolvedCredentials | { failed: Reading }> {
  const key = env.AWS_ACCESS_KEY_ID ?? ''
  const secret = env.AWS_SECRET_ACCESS_KEY ?? ''
  const session = env.AWS_SESSION_TOKEN ?? ''
  for (const value of [key, secret, session]) if (value) deps.mask(value)
  if (!env.AWS_PROFILE && key && secret) {
    // The SDK's fromEnv reads AWS_CREDENTIAL_EXPIRATION as the keys' expiry.
    const expiration = env.AWS_CREDENTIAL_EXPIRATION
      ? new Date(env.AWS_CREDENTIAL_EXPIRATION)
      : undefined
    return {
      credentials: {
        accessKeyId: key,
        secretAccessKey: secret,
        ...(session && { sessionToken: session }),
        ...(expiration && !Number.isNaN(expiration.getTime()) && { expiration })
      },
      source: 'the environment (AWS_ACCESS_KEY_ID)',
      renewed: false
    }
  }
  let webIdentityToken: string | undefined
  const unwrap = (result: CallResult<AwsCredentials>) => {
    if ('failed' in result) throw new ProviderCallError(result.failed)
    return result.data
  }
  const roleAssumerWithWebIdentity = async (params: {
    RoleArn: string
    RoleSessionName?: string
    WebIdentityToken: string
    DurationSeconds?: number
  }) => {
    webIdentityToken = params.WebIdentityToken
    return unwrap(
      await assumeRoleWithWebIdentity(
        sts.endpoint,
        {
          RoleArn: params.RoleArn,
          RoleSessionName: params.RoleSessionName || `claude-preflight-${Date.now()}`,
          WebIdentityToken: params.WebIdentityToken,
          ...(params.DurationSeconds && { DurationSeconds: params.DurationSeconds })
        },
        deps
      )
    )
  }
  const roleAssumer = async (source: AwsCredentials, params: AssumeRoleParams) =>
    unwrap(await assumeRole(sts.endpoint, sts.region, source, params, deps))
  const profile = env.AWS_PROFILE || 'default'
  const home = env.HOME || homedir()
  try {
    const { fromIni } = await import('@aws-sdk/credential-provider-ini')
    const credentials = await fromIni({
      profile,
      filepath: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
      configFilepath: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
      ignoreCache: true,
      roleAssumer,
      roleAssumerWithWebIdentity
    })()
    return resolved(credentials, `profile ${profile}`, webIdentityToken, deps)
  } catch (error) {
    const failed = failureOf(error, `profile ${profile}`)
    if (failed) return { failed }
  }
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
    try {
      const { fromTokenFile } = await import('@aws-sdk/credential-provider-web-identity')
      const credentials = await fromTokenFile({
        webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE,
        roleArn: env.AWS_ROLE_ARN,
        ...(env.AWS_ROLE_SESSION_NAME && { roleSessionName: env.AWS_ROLE_SESSION_NAME }),
        roleAssumerWithWebIdentity
      })()
      return resolved(
        credentials,
        'the web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)',
        webIdentityToken,
        deps
      )
    } catch (error) {
      return { failed: failureOf(error, 'AWS_WEB_IDENTITY_TOKEN_FILE') ?? readingOfNone() }
    }
  }
  return { failed: readingOfNone() }
}

function resolved(
  credentials: AwsCredentials,
  source: string,
  webIdentityToken: string | undefined,
  deps: TokenCallDeps
): ResolvedCredentials {
  for (const value of [
    credentials.accessKeyId,
    credentials.secretAccessKey,
    credentials.sessionToken
  ])
    if (value) deps.mask(value)
  return {
    credentials,
    source,
    // A role the SDK assumed (a session token with an expiration) is assumed again when it runs out.
    renewed: credentials.expiration !== undefined,
    ...(webIdentityToken && { webIdentityToken })
  }
}

const readingOfNone = (): Reading => ({
  status: 'unverifiable',
  message:
    "no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile in the shared files, nor AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (an EC2 instance's or a container's role is not checked)"
})

/**
 * What a provider's error says: undefined when the provider found nothing and the chain goes on; the reading of a
 * call that failed; expired or invalid for a source that is there but unusable, in the SDK's words (which name
 * files and profiles, never secrets); unverifiable for anything else, named by its kind only.
 */
function failureOf(error: unknown, source: string): Reading | undefined {
  if (error instanceof ProviderCallError) return error.reading
  const { name, message, tryNextLink } = (error ?? {}) as {
    name?: unknown
    message?: unknown
    tryNextLink?: unknown
  }
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if (tryNextLink === true) return undefined
    const words = clipLine(typeof message === 'string' ? message : '')
    return {
      status: /expired/i.test(words) ? 'expired' : 'invalid',
      message: `${source}: ${words}`
    }
  }
  return {
    status: 'unverifiable',
    message: `${source}: the credentials could not be read (${typeof name === 'string' ? name : 'error'})`
  }
}

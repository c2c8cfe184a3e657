// Amazon Bedrock and its AWS siblings (Bedrock Mantle, Claude Platform on AWS) through Claude Code's
// `awsCredentialExport` (https://code.claude.com/docs/en/settings): a command whose output
// `{"Credentials":{AccessKeyId,SecretAccessKey,SessionToken,Expiration}}` Claude Code signs with, ahead of
// AWS_ACCESS_KEY_ID and AWS_PROFILE. It runs the command again 5 minutes before `Expiration`, and after a credential
// error; credentials with less than about 6 minutes left it keeps until such an error (seen with the real CLI, pinned
// in __tests__/claude-cli-aws-export.test.ts). The renewer assumes the role with web identity as
// aws-actions/configure-aws-credentials does (a GitHub OIDC token of audience sts.amazonaws.com, then STS
// AssumeRoleWithWebIdentity), and keeps the file the command prints holding a session with more than 10 minutes left.
import { PREFIX } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { assumeRoleWithWebIdentity } from '../cloud/aws/calls.js'
import { awsRegion, stsEndpoint } from '../cloud/aws/endpoints.js'
import type { Selection } from '../providers/select.js'
import { mintJobOidcToken, oidcRequestOf } from './oidc.js'
import { handOffToSetting } from './helper-settings.js'
import { jobText, type RenewalSource, type SourceJob } from './source.js'

export interface AwsJob extends SourceJob {
  kind: 'aws'
  roleArn: string
  roleSessionName: string
  /** The session's length asked of STS; without it, STS's default (an hour). */
  durationSeconds?: number
  /** The OIDC token's audience the role's trust policy expects. */
  audience: string
  /** STS's endpoint, as Claude Code's SDK would reach it (src/cloud/aws/endpoints.ts). */
  stsEndpoint: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN of the job: secrets, held in memory only. */
  requestUrl: string
  requestToken: string
}

/** configure-aws-credentials' defaults (its action.yml): the audience and the session's name. */
export const AWS_AUDIENCE = 'sts.amazonaws.com'
const DEFAULT_SESSION_NAME = 'GitHubActions'

/** What outranks awsCredentialExport on each AWS platform (seen with the real CLI). */
const OUTRANKING_EXPORT: Record<string, string> = {
  bedrock: 'AWS_BEARER_TOKEN_BEDROCK',
  mantle: 'AWS_BEARER_TOKEN_BEDROCK',
  'anthropic-aws': 'ANTHROPIC_AWS_API_KEY'
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

/** The role to assume and how, from AWS_ROLE_ARN, else the configure-aws-credentials step's inputs; or why none. Pure. */
export function roleOf(
  selection: Selection,
  env: NodeJS.ProcessEnv
): Pick<AwsJob, 'roleArn' | 'roleSessionName' | 'durationSeconds' | 'audience'> | { why: string } {
  const login = selection.claudeStep?.awsLogin
  const given = env.AWS_ROLE_ARN?.trim()
  const written = login?.inputs['role-to-assume']?.trim()
  const from = given ? 'AWS_ROLE_ARN' : `input role-to-assume of ${login?.label}`
  const roleArn = given || written
  if (!roleArn)
    return {
      why: 'no role to assume with the job’s OIDC token is known: give this step AWS_ROLE_ARN in its `env:`, or assume the role with aws-actions/configure-aws-credentials and its `role-to-assume` before this step'
    }
  if (/\$\{\{/.test(roleArn))
    return {
      why: `${from} is an expression this step cannot read (${inert(roleArn)}): give this step AWS_ROLE_ARN with the same expression in its \`env:\``
    }
  if (!ROLE_ARN.test(roleArn))
    return { why: `${from} is not an IAM role's ARN (arn:aws:iam::<account>:role/<name>)` }
  const inputs = given ? {} : (login?.inputs ?? {})
  const named = (env.AWS_ROLE_SESSION_NAME ?? inputs['role-session-name'])?.trim()
  const duration = Number(inputs['role-duration-seconds']?.trim() || NaN)
  const audience = inputs.audience?.trim()
  return {
    roleArn,
    roleSessionName: named && SESSION_NAME.test(named) ? named : DEFAULT_SESSION_NAME,
    // STS's range (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html).
    ...(Number.isInteger(duration) &&
      duration >= 900 &&
      duration <= 43_200 && { durationSeconds: duration }),
    audience: audience && !/\$\{\{/.test(audience) ? audience : AWS_AUDIENCE
  }
}

/** What awsCredentialExport prints: STS's shape. */
export const exportedCredentials = (credentials: {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}) =>
  JSON.stringify({
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: credentials.expiration?.toISOString()
    }
  })

export const AWS_SOURCE: RenewalSource<AwsJob> = {
  kind: 'aws',
  renews: 'claude',
  what: 'the AWS session that awsCredentialExport prints',
  credential: 'AWS session',
  fileName: 'aws-credentials.json',
  // More than the 6 minutes under which Claude Code keeps a session until it is refused: a session read from the file
  // is always one it takes again 5 minutes before its end.
  marginMs: 10 * 60_000,
  settingKey: 'awsCredentialExport',
  secretsIn(content) {
    try {
      const { Credentials: parts } = JSON.parse(content) as {
        Credentials?: Record<string, unknown>
      }
      return ['AccessKeyId', 'SecretAccessKey', 'SessionToken']
        .map(name => parts?.[name])
        .filter((value): value is string => typeof value === 'string' && value.length > 0)
    } catch {
      return []
    }
  },
  plan({ selection, env }) {
    const { platform, claudeEnv, claudeStep } = selection
    if (!platform || !claudeEnv || !(platform.id in OUTRANKING_EXPORT)) return undefined
    const role = roleOf(selection, env)
    if ('why' in role)
      return { why: `the renewer cannot renew the ${platform.label} session: ${role.why}` }
    const request = oidcRequestOf(env)
    if ('why' in request) return request
    const outranking = OUTRANKING_EXPORT[platform.id]!
    const step = claudeStep?.label ?? 'the Claude step'
    return {
      job: {
        kind: 'aws',
        ...role,
        stsEndpoint: stsEndpoint(claudeEnv.env, awsRegion(claudeEnv.env)),
        ...request
      },
      renewedBy: `the preflight's renewer (input 'renew'), which assumes ${role.roleArn} again with a fresh GitHub OIDC token before each session ends, and whose session Claude Code reads through awsCredentialExport`,
      warnings: claudeEnv.env[outranking]?.trim()
        ? [
            `${step} gets ${outranking}, which outranks awsCredentialExport on ${platform.label}: Claude Code would use it and never the session the renewer keeps fresh. Remove it from that step.`
          ]
        : []
    }
  },
  readJob(value) {
    const file = jobText(value.file)
    const roleArn = jobText(value.roleArn)
    const roleSessionName = jobText(value.roleSessionName)
    const audience = jobText(value.audience)
    const endpoint = jobText(value.stsEndpoint)
    const requestUrl = jobText(value.requestUrl)
    const requestToken = jobText(value.requestToken)
    const duration = value.durationSeconds
    if (!file || !roleArn || !roleSessionName || !audience || !endpoint) return undefined
    if (!requestUrl || !requestToken) return undefined
    if (duration !== undefined && !Number.isInteger(duration)) return undefined
    return {
      kind: 'aws',
      file,
      roleArn,
      roleSessionName,
      ...(typeof duration === 'number' && { durationSeconds: duration }),
      audience,
      stsEndpoint: endpoint,
      requestUrl,
      requestToken
    }
  },
  async mint(job, deps) {
    const oidc = await mintJobOidcToken(job, job.audience, deps)
    if (!('token' in oidc)) return oidc
    const assumed = await assumeRoleWithWebIdentity(
      job.stsEndpoint,
      {
        RoleArn: job.roleArn,
        RoleSessionName: job.roleSessionName,
        WebIdentityToken: oidc.token,
        ...(job.durationSeconds && { DurationSeconds: job.durationSeconds })
      },
      { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined }
    )
    // A refusal (the role's trust policy, a duration above its maximum) stays one; STS's own failures may pass.
    if ('failed' in assumed)
      return {
        failure: assumed.failed.message,
        permanent: assumed.failed.status !== 'unverifiable'
      }
    const { expiration } = assumed.data
    return {
      minted: {
        value: exportedCredentials(assumed.data),
        expiresAt: expiration?.getTime() ?? deps.now()
      }
    }
  },
  async handOff(file, deps) {
    const path = await handOffToSetting('awsCredentialExport', file, deps)
    if (!path) return
    deps.core.info(
      `${PREFIX}: the renewer (process ${deps.pid}) keeps the AWS session in ${file} fresh until the job ends; awsCredentialExport in ${path} prints it for Claude Code, ahead of the AWS keys in its environment.`
    )
  }
}

// Failures of the AWS credentials Claude Code uses for Amazon Bedrock, Bedrock Mantle and Claude Platform on AWS
// (not a provider of the preflight yet): their kinds and how AWS words them. AWS's own error codes and messages:
// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html,
// https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html. Bedrock reports an expired session
// as 403, Claude Platform on AWS and Mantle as 401: the words decide, not the status.
import type { FailureKind, Phrasing } from './failure.js'

export const AWS_FAILURES = [
  {
    id: 'aws-auth-expired',
    credential: 'the AWS credentials',
    title: 'AWS credentials expired',
    verb: 'expired',
    since: 'expired since',
    fix: "The AWS session expired during the run. A session from aws-actions/configure-aws-credentials lasts `role-duration-seconds` (default 3600; one hour when chaining roles) and cannot be refreshed: raise `role-duration-seconds` (up to the role's maximum session duration) so it outlasts the Claude step, or renew it through Claude Code's `awsAuthRefresh` / `awsCredentialExport` settings. A short-term Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`) lasts at most 12 hours: mint it in the job."
  },
  {
    id: 'aws-auth-invalid',
    credential: 'the AWS credentials',
    title: 'AWS credentials invalid',
    verb: 'were refused as invalid',
    since: 'refused since',
    fix: 'AWS refused the credentials (an invalid security token, a signature that does not match, or none found): check that `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` come from the same session and reach the Claude step, that `AWS_REGION` is set, and that `AWS_BEARER_TOKEN_BEDROCK`, when used, is whole.'
  },
  {
    id: 'aws-auth-forbidden',
    credential: 'the AWS credentials',
    title: 'AWS credentials forbidden',
    verb: 'were refused (not allowed to invoke the model)',
    since: 'refused since',
    fix: 'The AWS identity may not invoke the model: grant its role `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` (and `bedrock:ListInferenceProfiles`) on the model or inference profile, and enable access to the Anthropic models in the Bedrock console for this region.'
  }
] as const satisfies readonly FailureKind[]

export type AwsFailure = (typeof AWS_FAILURES)[number]['id']

/** An optional status before AWS's words ("API Error: 403 The security token …"), kept when present. */
const withStatus =
  (kind: AwsFailure) =>
  (match: RegExpExecArray): { kind: AwsFailure; status?: number } =>
    match[1] === undefined ? { kind } : { kind, status: Number(match[1]) }

const STS_DOCS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html'

export const AWS_PHRASINGS: readonly Phrasing<AwsFailure>[] = [
  {
    anchor: 'security token included in the request',
    pattern: /(?:\b(\d{3}) )?The security token included in the request\s+is expired/,
    kind: withStatus('aws-auth-expired'),
    source: 'https://github.com/anthropics/claude-code/issues/28032'
  },
  {
    anchor: 'ExpiredToken',
    pattern: /\bExpiredToken(?:Exception)?\b/,
    kind: 'aws-auth-expired',
    source: STS_DOCS
  },
  {
    anchor: 'security token included in the request',
    pattern: /(?:\b(\d{3}) )?The security token included in the request\s+is invalid/,
    kind: withStatus('aws-auth-invalid'),
    source: 'https://github.com/anthropics/claude-code/issues/2260'
  },
  {
    anchor: 'UnrecognizedClientException',
    pattern: /\bUnrecognizedClientException\b/,
    kind: 'aws-auth-invalid',
    source: STS_DOCS
  },
  {
    anchor: 'signature we calculated does not match',
    pattern:
      /(?:\b(\d{3}) )?The request signature we calculated does not match the signature you provided/,
    kind: withStatus('aws-auth-invalid'),
    source: STS_DOCS
  },
  {
    anchor: 'Could not load credentials from any providers',
    pattern: /Could not load credentials from any providers/,
    kind: 'aws-auth-invalid',
    source: 'claude-code 2.1.328 bundle (AWS SDK credential chain)'
  },
  {
    anchor: 'is not authorized to perform: bedrock:',
    pattern: /is not authorized to perform: bedrock:[A-Za-z]+/,
    kind: 'aws-auth-forbidden',
    source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_troubleshoot.html'
  },
  {
    anchor: 't have access to the model with the specified model ID',
    pattern: /(?:\b(\d{3}) )?You don't have access to the model with the specified model ID/,
    kind: withStatus('aws-auth-forbidden'),
    source:
      'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html'
  }
]

const AWS_SESSION =
  "A session from aws-actions/configure-aws-credentials lasts `role-duration-seconds` (default 3600; one hour when chaining roles) and cannot be refreshed from the job: raise `role-duration-seconds` (up to the role's maximum session duration) so it outlasts the job, run that step right before the preflight, and pass its `aws-expiration` output (with `output-credentials: true`) as this action's `aws-expiration`"

/** The main step's fix for AWS credentials the preflight found wanting, by what is wrong. */
export const AWS_PREFLIGHT_FIXES = {
  expiring: `${AWS_SESSION}; or shorten the job.`,
  invalid: `${AWS_FAILURES[1].fix} An expired session: ${AWS_SESSION.charAt(0).toLowerCase()}${AWS_SESSION.slice(1)}.`,
  forbidden:
    "The AWS identity is live but has no Bedrock policy in this region: attach Claude Code's IAM policy (https://code.claude.com/docs/en/amazon-bedrock: `bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream`, `bedrock:ListInferenceProfiles`) to its role, and enable the Anthropic models in the Bedrock console for this region."
} as const

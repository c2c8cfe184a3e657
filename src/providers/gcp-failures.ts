// Failures of the Google credentials Claude Code uses for Vertex AI (not a provider of the preflight yet): their
// kinds and how Google words them. Google's errors: https://cloud.google.com/apis/design/errors (401
// UNAUTHENTICATED with reason ACCESS_TOKEN_EXPIRED, 403 PERMISSION_DENIED); google-auth-library's own messages.
import type { FailureKind, Phrasing } from './failure.js'

export const GCP_FAILURES = [
  {
    id: 'gcp-auth-expired',
    credential: 'the Google credentials',
    title: 'Google credentials expired',
    verb: 'expired',
    since: 'expired since',
    fix: 'The Google access token expired during the run. An `access_token` output of google-github-actions/auth lasts `access_token_lifetime` (default 3600 s): use its credentials file instead (workload identity federation re-mints tokens for the whole job), or raise the lifetime; a user login needs `gcloud auth application-default login` again.'
  },
  {
    id: 'gcp-auth-invalid',
    credential: 'the Google credentials',
    title: 'Google credentials invalid',
    verb: 'were refused as invalid',
    since: 'refused since',
    fix: 'Google refused the credentials or found none: check that `GOOGLE_APPLICATION_CREDENTIALS` points to the file google-github-actions/auth wrote (`create_credentials_file: true`), that its workload identity provider and service account are right, and that the job has `permissions: id-token: write`.'
  },
  {
    id: 'gcp-auth-forbidden',
    credential: 'the Google credentials',
    title: 'Google credentials forbidden',
    verb: 'were refused (no permission on Vertex AI)',
    since: 'refused since',
    fix: 'The Google identity lacks permission on Vertex AI: grant it `roles/aiplatform.user` (permission `aiplatform.endpoints.predict`) in the project Claude Code uses (`ANTHROPIC_VERTEX_PROJECT_ID`), and enable the Claude models in Model Garden for `CLOUD_ML_REGION`.'
  }
] as const satisfies readonly FailureKind[]

export type GcpFailure = (typeof GCP_FAILURES)[number]['id']

const ERRORS_DOCS = 'https://cloud.google.com/apis/design/errors'

export const GCP_PHRASINGS: readonly Phrasing<GcpFailure>[] = [
  {
    anchor: 'ACCESS_TOKEN_EXPIRED',
    pattern: /\bACCESS_TOKEN_EXPIRED\b/,
    kind: 'gcp-auth-expired',
    source: ERRORS_DOCS
  },
  {
    anchor: 'Token has been expired or revoked',
    pattern: /invalid_grant\W+Token has been expired or revoked/,
    kind: 'gcp-auth-expired',
    source: 'https://developers.google.com/identity/protocols/oauth2#expiration'
  },
  {
    anchor: 'Reauthentication is needed',
    pattern: /Reauthentication is needed\. Please run `?gcloud auth application-default login/,
    kind: 'gcp-auth-expired',
    source: 'https://cloud.google.com/docs/authentication/troubleshoot-adc'
  },
  {
    anchor: 'Request had invalid authentication credentials',
    pattern: /Request had invalid authentication credentials\. Expected OAuth 2 access token/,
    kind: 'gcp-auth-invalid',
    source: ERRORS_DOCS
  },
  {
    anchor: 'Could not load the default credentials',
    pattern: /Could not load the default credentials/,
    kind: 'gcp-auth-invalid',
    source: 'claude-code 2.1.328 bundle (google-auth-library)'
  },
  {
    anchor: 'aiplatform.',
    pattern: /Permission '?aiplatform\.[A-Za-z.]+'? denied/,
    kind: 'gcp-auth-forbidden',
    source: 'https://cloud.google.com/vertex-ai/docs/general/access-control'
  },
  {
    anchor: 'The caller does not have permission',
    pattern: /The caller does not have permission/,
    kind: 'gcp-auth-forbidden',
    source: ERRORS_DOCS
  }
]

const GOOGLE_AUTH =
  'authenticate with google-github-actions/auth and its credentials file (workload identity federation: `workload_identity_provider` and `service_account`, `create_credentials_file: true`, the job with `permissions: id-token: write`), which Claude Code re-mints tokens from for the whole job'

/** The main step's fix for Google credentials the preflight found wanting, by what is wrong. */
export const GCP_PREFLIGHT_FIXES = {
  expiring: `A bare access token (google-github-actions/auth's \`token_format: access_token\`, \`access_token_lifetime\` default 3600 s) is never renewed: ${GOOGLE_AUTH}; or raise \`access_token_lifetime\`, or shorten the job.`,
  invalid: `${GCP_FAILURES[1].fix} Without a credentials file, ${GOOGLE_AUTH}. Set ANTHROPIC_VERTEX_PROJECT_ID to the project with the Claude models.`,
  forbidden:
    'The Google identity is live but may not call Vertex AI there: grant it `roles/aiplatform.user` (permission `aiplatform.endpoints.predict`) in the project Claude Code uses (`ANTHROPIC_VERTEX_PROJECT_ID`), enable the Claude models in Model Garden for its region (`CLOUD_ML_REGION`), and, with workload identity federation through a service account, give the principal `roles/iam.workloadIdentityUser` on it.'
} as const

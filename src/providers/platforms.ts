// The platforms an environment variable switches Claude Code to, instead of Anthropic's API
// (https://code.claude.com/docs/en/third-party-integrations): each brings its own credential chain, checked by its
// module in src/cloud/ (loaded only when selected). In Claude Code's order: the first switched on wins.
import { AWS_PREFLIGHT_FIXES } from './aws-failures.js'
import { FEDERATION_PREFLIGHT_FIXES } from './federation.js'
import { AZURE_PREFLIGHT_FIXES } from './azure-failures.js'
import { GCP_PREFLIGHT_FIXES } from './gcp-failures.js'

export interface Platform {
  id: 'bedrock' | 'mantle' | 'anthropic-aws' | 'vertex' | 'foundry' | 'federation'
  /** The variable that switches Claude Code to it. */
  variable: string
  label: string
  /** What proves it, for humans: the credentials it runs on. */
  credential: string
  /** The main step's fix for its credentials, by what is wrong. */
  fixes: { readonly expiring: string; readonly invalid: string; readonly forbidden: string }
  /** The post step's failure kinds of its credentials start so (src/providers/failures.ts). */
  failurePrefix: 'aws-' | 'gcp-' | 'azure-' | 'anthropic-auth-'
  /** What moves its endpoints, for the fix of an unanswered check. */
  endpoints: string
  /** The variable that tells Claude Code's SDK when the credentials expire: exported when the preflight knows. */
  expiryVariable?: string
  /** Why input `renew` starts no renewer for it, when its credentials last the job by themselves. */
  lastsWithoutRenewer?: string
}

/** The AWS platforms run on the same credentials, found and proven alike (src/cloud/aws/). */
const AWS = {
  credential: 'AWS credentials',
  failurePrefix: 'aws-' as const,
  endpoints:
    'the AWS endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, ANTHROPIC_BEDROCK_BASE_URL)',
  fixes: AWS_PREFLIGHT_FIXES,
  expiryVariable: 'AWS_CREDENTIAL_EXPIRATION'
}

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'bedrock',
    variable: 'CLAUDE_CODE_USE_BEDROCK',
    label: 'Amazon Bedrock',
    ...AWS
  },
  {
    id: 'mantle',
    variable: 'CLAUDE_CODE_USE_MANTLE',
    label: 'Bedrock Mantle',
    ...AWS
  },
  {
    id: 'anthropic-aws',
    variable: 'CLAUDE_CODE_USE_ANTHROPIC_AWS',
    label: 'Claude Platform on AWS',
    ...AWS
  },
  {
    id: 'vertex',
    variable: 'CLAUDE_CODE_USE_VERTEX',
    label: 'Google Vertex AI',
    credential: 'Google credentials',
    failurePrefix: 'gcp-',
    endpoints: 'ANTHROPIC_VERTEX_BASE_URL and the URLs in the credentials file',
    fixes: GCP_PREFLIGHT_FIXES,
    lastsWithoutRenewer:
      "Google Vertex AI needs no renewer: the credentials file google-github-actions/auth writes (from the job's OIDC token) and a service account key mint fresh access tokens by themselves for the whole job; a bare access token (CLAUDE_CODE_SKIP_VERTEX_AUTH with ANTHROPIC_AUTH_TOKEN) cannot be minted again, so use the credentials file instead"
  },
  {
    id: 'foundry',
    variable: 'CLAUDE_CODE_USE_FOUNDRY',
    label: 'Microsoft Foundry',
    credential: 'Azure credentials',
    failurePrefix: 'azure-',
    fixes: AZURE_PREFLIGHT_FIXES,
    endpoints: 'ANTHROPIC_FOUNDRY_RESOURCE / ANTHROPIC_FOUNDRY_BASE_URL and AZURE_AUTHORITY_HOST'
  }
]

/**
 * Anthropic workload identity federation (https://platform.claude.com/docs/en/manage-claude/wif-reference): not a
 * switch but a credential route of Anthropic's API, sixth in Claude Code's precedence, after every environment
 * credential and before the /login file. Checked by src/cloud/federation/.
 */
export const FEDERATION: Platform = {
  id: 'federation',
  variable: 'ANTHROPIC_FEDERATION_RULE_ID',
  label: 'Anthropic workload identity federation',
  credential: 'federated tokens',
  failurePrefix: 'anthropic-auth-',
  endpoints: "ANTHROPIC_BASE_URL and the runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)",
  fixes: FEDERATION_PREFLIGHT_FIXES
}

// The platforms an environment variable switches Claude Code to, instead of Anthropic's API
// (https://code.claude.com/docs/en/third-party-integrations): each brings its own credential chain, checked by its
// module in src/cloud/ (loaded only when selected). In Claude Code's order: the first switched on wins.
import { AWS_PREFLIGHT_FIXES } from './aws-failures.js'
import { GCP_PREFLIGHT_FIXES } from './gcp-failures.js'

export interface Platform {
  id: 'bedrock' | 'mantle' | 'anthropic-aws' | 'vertex' | 'foundry'
  /** The variable that switches Claude Code to it. */
  variable: string
  label: string
  /** What proves it, for humans: the credentials it runs on. */
  credential: string
  /** The main step's fix for its credentials, by what is wrong; absent while the preflight cannot check them. */
  fixes?: { readonly expiring: string; readonly invalid: string; readonly forbidden: string }
  /** The variable that tells Claude Code's SDK when the credentials expire: exported when the preflight knows. */
  expiryVariable?: string
}

/** The AWS platforms run on the same credentials, found and proven alike (src/cloud/aws/). */
const AWS = {
  credential: 'AWS credentials',
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
    fixes: GCP_PREFLIGHT_FIXES
  },
  {
    id: 'foundry',
    variable: 'CLAUDE_CODE_USE_FOUNDRY',
    label: 'Microsoft Foundry',
    credential: 'Azure credentials'
  }
]

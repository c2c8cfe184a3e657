// The platforms an environment variable switches Claude Code to, instead of Anthropic's API
// (https://code.claude.com/docs/en/third-party-integrations): each brings its own credential chain, checked by its
// module in src/cloud/ (loaded only when selected). In Claude Code's order: the first switched on wins.

export interface Platform {
  id: 'bedrock' | 'mantle' | 'anthropic-aws' | 'vertex' | 'foundry'
  /** The variable that switches Claude Code to it. */
  variable: string
  label: string
  /** What proves it, for humans: the credentials it runs on. */
  credential: string
  /** The preflight can check its credentials (a module in src/cloud/). */
  checked: boolean
}

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'bedrock',
    variable: 'CLAUDE_CODE_USE_BEDROCK',
    label: 'Amazon Bedrock',
    credential: 'AWS credentials',
    checked: true
  },
  {
    id: 'mantle',
    variable: 'CLAUDE_CODE_USE_MANTLE',
    label: 'Bedrock Mantle',
    credential: 'AWS credentials',
    checked: true
  },
  {
    id: 'anthropic-aws',
    variable: 'CLAUDE_CODE_USE_ANTHROPIC_AWS',
    label: 'Claude Platform on AWS',
    credential: 'AWS credentials',
    checked: true
  },
  {
    id: 'vertex',
    variable: 'CLAUDE_CODE_USE_VERTEX',
    label: 'Google Vertex AI',
    credential: 'Google credentials',
    checked: false
  },
  {
    id: 'foundry',
    variable: 'CLAUDE_CODE_USE_FOUNDRY',
    label: 'Microsoft Foundry',
    credential: 'Azure credentials',
    checked: false
  }
]

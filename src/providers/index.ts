import type { CredentialSource, Provider } from './provider.js'
import { apiKey } from './api-key.js'
import { authToken } from './auth-token.js'
import { claudeCredentials } from './claude-credentials.js'
import { oauthToken } from './oauth-token.js'

/**
 * Every provider, in Claude Code's own precedence, highest first (https://code.claude.com/docs/en/authentication#authentication-precedence): ANTHROPIC_AUTH_TOKEN,
 * ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, then the /login credentials file.
 */
export const PROVIDERS = [authToken, apiKey, oauthToken, claudeCredentials] as const

export function providerOf(source: CredentialSource): Provider<CredentialSource> {
  const provider = PROVIDERS.find(p => p.source === source)
  if (!provider) throw new Error(`unknown credential source ${source}`)
  return provider
}

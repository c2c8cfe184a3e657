import type { CredentialKind, CredentialSource } from './types.js'
import { apiKey } from './api-key.js'
import { authToken } from './auth-token.js'
import { claudeCredentials } from './claude-credentials.js'
import { oauthToken } from './oauth-token.js'

/**
 * Every kind, in Claude Code's own precedence, highest first (shared/CONTEXT.md §1): ANTHROPIC_AUTH_TOKEN,
 * ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, then the /login credentials file.
 */
export const KINDS: readonly CredentialKind[] = [authToken, apiKey, oauthToken, claudeCredentials]

export function kindOf(source: CredentialSource): CredentialKind {
  const kind = KINDS.find(k => k.source === source)
  if (!kind) throw new Error(`unknown credential source ${source}`)
  return kind
}

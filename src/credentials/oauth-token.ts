import { newCredential } from './credential.js'
import type { Credential, CredentialKind, ReadContext } from './types.js'
import { checkPlacement, cleanSecret } from './clean.js'
import { parseTimestamp } from '../lifetime/timestamp.js'

const SETUP_TOKEN =
  "Run 'claude setup-token' on your machine and store the new token in the secret that feeds 'claude-code-oauth-token'"

/** A lone refresh token from `oauth-refresh-token`, checked like any pasted secret. */
function refreshToken(context: ReadContext, notes: string[]): string | undefined {
  const raw = context.input('oauth-refresh-token')
  if (raw.trim() === '') return undefined
  const cleaned = cleanSecret('oauth-refresh-token', raw)
  checkPlacement('oauth-refresh-token', cleaned.value, ['oauth-refresh-token'])
  notes.push(...cleaned.notes)
  return cleaned.value
}

export const oauthToken: CredentialKind = {
  source: 'claude-code-oauth-token',
  envVar: 'CLAUDE_CODE_OAUTH_TOKEN',
  label: 'OAuth token',
  scheme: 'oauth',
  read(value, from, context) {
    if (value) checkPlacement('claude-code-oauth-token', value, ['claude-code-oauth-token'])
    const credential: Credential = newCredential(this, from, value)
    const expires = context.input('oauth-token-expires-at').trim()
    if (expires) {
      const { at, note } = parseTimestamp('oauth-token-expires-at', expires)
      credential.expiresAt = at
      credential.expirySource = 'oauth-token-expires-at'
      if (note) credential.notes.push(note)
    }
    const refresh = refreshToken(context, credential.notes)
    if (refresh) credential.refreshToken = refresh
    return credential
  },
  readEmpty(context) {
    return context.input('oauth-refresh-token').trim()
      ? this.read('', 'input oauth-refresh-token', context)
      : undefined
  },
  fix: {
    invalid: `${SETUP_TOKEN}.`,
    revoked: `The token was revoked (logged out, or replaced): ${SETUP_TOKEN[0]!.toLowerCase()}${SETUP_TOKEN.slice(1)}.`,
    expiring: `${SETUP_TOKEN}, then update 'oauth-token-expires-at' (setup-tokens last about a year).`,
    forbidden:
      "Your organisation disabled Claude subscription access for Claude Code, or the token lacks the 'user:inference' scope: ask an admin to allow it, or use an API key in 'anthropic-api-key'.",
    billing:
      "The subscription behind the token has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
  }
}

import { capitalise, homeOf, newCredential } from './credential.js'
import type { Credential, CredentialKind, ReadContext } from './types.js'
import { checkPlacement, cleanSecret } from './clean.js'
import { parseTimestamp } from '../lifetime/timestamp.js'

export const REFRESH_TOKEN_INPUT = 'oauth-refresh-token'

/**
 * The `oauth-refresh-token` input, cleaned and checked like any pasted secret (with the notes of its cleaning), or
 * undefined when it is empty.
 */
export function readRefreshTokenInput(
  context: ReadContext
): { value: string; notes: string[] } | undefined {
  const raw = context.input(REFRESH_TOKEN_INPUT)
  if (raw.trim() === '') return undefined
  const cleaned = cleanSecret(REFRESH_TOKEN_INPUT, raw)
  checkPlacement(REFRESH_TOKEN_INPUT, cleaned.value, [REFRESH_TOKEN_INPUT])
  return cleaned
}

export const oauthToken: CredentialKind = {
  source: 'claude-code-oauth-token',
  envVar: 'CLAUDE_CODE_OAUTH_TOKEN',
  label: 'OAuth token',
  scheme: 'oauth',
  read(value, from, context) {
    if (value) checkPlacement(from, value, ['claude-code-oauth-token'])
    const credential: Credential = newCredential(this, from, value)
    const expires = context.input('oauth-token-expires-at').trim()
    if (expires) {
      const { at, note } = parseTimestamp('oauth-token-expires-at', expires)
      credential.expiresAt = at
      credential.expirySource = 'oauth-token-expires-at'
      if (note) credential.notes.push(note)
    }
    return credential
  },
  /**
   * A lone `oauth-refresh-token`: an OAuth credential with no access token yet. Selection asks for it only when there
   * is no OAuth token or credentials JSON to attach the refresh token to.
   */
  readEmpty(context) {
    const refresh = readRefreshTokenInput(context)
    if (!refresh) return undefined
    const credential = this.read('', `input ${REFRESH_TOKEN_INPUT}`, context)
    credential.refreshToken = refresh.value
    credential.notes.push(...refresh.notes)
    return credential
  },
  fix(problem, from) {
    const renew = `run 'claude setup-token' on your machine and store the new token in ${homeOf(from)}`
    return {
      invalid: `${capitalise(renew)}.`,
      revoked: `The token was revoked (logged out, or replaced): ${renew}.`,
      expiring: `${capitalise(renew)}, then update 'oauth-token-expires-at' (setup-tokens last about a year).`,
      forbidden:
        "Your organisation disabled Claude subscription access for Claude Code, or the token lacks the 'user:inference' scope: ask an admin to allow it, or use an API key in 'anthropic-api-key'.",
      billing:
        "The subscription behind the token has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
    }[problem]
  }
}

import { ANTHROPIC_FAILURES, type AnthropicFailureKind } from './anthropic-failures.js'
import { capitalise, homeOf, newCredential } from './credential.js'
import type { Credential, Provider, ProviderContext } from './provider.js'
import { anthropicProbe, anthropicShape } from './anthropic-api.js'
import { cleanSecret } from './clean.js'
import { parseTimestamp } from '../lifetime/timestamp.js'

export const REFRESH_TOKEN_INPUT = 'oauth-refresh-token'
const EXPIRES_AT_INPUT = 'oauth-token-expires-at'

/**
 * The `oauth-refresh-token` input, cleaned and checked like any pasted secret (with the notes of its cleaning), or
 * undefined when it is empty.
 */
export function readRefreshTokenInput(
  context: ProviderContext
): { value: string; notes: string[] } | undefined {
  const raw = context.input(REFRESH_TOKEN_INPUT)
  if (raw.trim() === '') return undefined
  const cleaned = cleanSecret(REFRESH_TOKEN_INPUT, raw)
  context.checkPlacement(REFRESH_TOKEN_INPUT, cleaned.value, [REFRESH_TOKEN_INPUT])
  return cleaned
}

export const oauthToken: Provider<
  'claude-code-oauth-token',
  typeof REFRESH_TOKEN_INPUT,
  AnthropicFailureKind
> = {
  source: 'claude-code-oauth-token',
  secretInputs: [REFRESH_TOKEN_INPUT],
  plainInputs: [EXPIRES_AT_INPUT],
  envVar: 'CLAUDE_CODE_OAUTH_TOKEN',
  refreshable: true,
  label: 'OAuth token',
  scheme: 'oauth',
  shapes: [
    anthropicShape('oat', 'an OAuth access token'),
    {
      ...anthropicShape('ort', 'an OAuth refresh token', REFRESH_TOKEN_INPUT),
      fix: `Move it to input '${REFRESH_TOKEN_INPUT}' (or use 'claude-credentials')`
    }
  ],
  read(value, from, context) {
    if (value) context.checkPlacement(from, value, ['claude-code-oauth-token'])
    const credential: Credential = newCredential(this, from, value)
    const expires = context.input(EXPIRES_AT_INPUT).trim()
    if (expires) {
      const { at, note } = parseTimestamp(EXPIRES_AT_INPUT, expires)
      credential.expiresAt = at
      credential.expirySource = EXPIRES_AT_INPUT
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
  probe: anthropicProbe,
  failures: ANTHROPIC_FAILURES,
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

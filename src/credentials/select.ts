import type { Credential, CredentialKind, ReadContext } from './types.js'
import { KINDS } from './kinds.js'
import { cleanSecret } from './clean.js'
import { REFRESH_TOKEN_INPUT, readRefreshTokenInput } from './oauth-token.js'

/** Environment variables that send Claude Code to a cloud provider instead (shared/CONTEXT.md §1). */
const CLOUD_PROVIDERS: Array<[string, string]> = [
  ['CLAUDE_CODE_USE_BEDROCK', 'Amazon Bedrock'],
  ['CLAUDE_CODE_USE_VERTEX', 'Google Vertex AI'],
  ['CLAUDE_CODE_USE_FOUNDRY', 'Microsoft Foundry']
]

export interface Selection {
  /** The credential Claude Code will use, when it uses one of ours. */
  chosen?: Credential
  /** Credentials that are present but that Claude Code will not use. */
  others: Credential[]
  warnings: string[]
  /** Set when Claude Code will use a cloud provider, which this action does not check. */
  cloudProvider?: string
}

/**
 * Gives `oauth-refresh-token` to the OAuth credential Claude Code would use first: the OAuth token, else the
 * credentials JSON. Returns false when there is neither (or no refresh token): then a lone refresh token is a
 * credential of its own. A credentials JSON with its own refreshToken keeps it, and `oauth-refresh-token` is ignored.
 */
function attachRefreshToken(
  context: ReadContext,
  found: Credential[],
  warnings: string[]
): boolean {
  const refresh = readRefreshTokenInput(context)
  if (!refresh) return false
  const holder = found.find(
    c => c.source === 'claude-code-oauth-token' || c.source === 'claude-credentials'
  )
  if (!holder) return false
  const input = `'${REFRESH_TOKEN_INPUT}'`
  if (holder.refreshToken) {
    warnings.push(
      `${input} is ignored: the ${holder.label} from ${holder.from} carries its own refreshToken, which is the one refreshed and written back. Remove ${input}, or the refreshToken from the JSON.`
    )
    return true
  }
  holder.refreshToken = refresh.value
  holder.notes.push(
    ...refresh.notes,
    `${input} is used as the refresh token of the ${holder.label} from ${holder.from}; ${
      holder.source === 'claude-credentials'
        ? `a refresh writes the credentials JSON back with the rotated refresh token inside, after which ${input} is no longer needed`
        : 'a refresh writes the rotated refresh token back alone'
    }.`
  )
  return true
}

const truthy = (value: string | undefined) => !!value && !/^(0|false|no|off)$/i.test(value.trim())

/**
 * Finds every credential given (inputs first, then the environment variable Claude Code reads), and picks the
 * one Claude Code will use by its precedence. Throws a UserError for a value that cannot be read.
 */
export function selectCredential(context: ReadContext, env: NodeJS.ProcessEnv): Selection {
  const found: Credential[] = []
  const warnings: string[] = []
  const empty: CredentialKind[] = []
  for (const kind of KINDS) {
    const fromInput = context.input(kind.source)
    const fromEnv = kind.envVar ? (env[kind.envVar] ?? '') : ''
    const file = kind.source === 'claude-credentials' ? context.credentialsFile : undefined
    const [raw, from, name] = fromInput
      ? [fromInput, `input ${kind.source}`, kind.source]
      : file
        ? [file.text, `file ${file.path}`, file.path]
        : [fromEnv, `env ${kind.envVar}`, kind.envVar ?? kind.source]
    if (raw.trim() === '') {
      if (raw !== '') warnings.push(`'${name}' holds only whitespace and was ignored`)
      empty.push(kind)
      continue
    }
    const { value, notes } = cleanSecret(name, raw)
    const credential = kind.read(value, from, context)
    credential.notes.unshift(...notes)
    found.push(credential)
  }
  if (!attachRefreshToken(context, found, warnings)) {
    // Still in precedence order: with no OAuth token or credentials JSON found, nothing found ranks after a lone one.
    for (const kind of empty) {
      const lone = kind.readEmpty?.(context)
      if (lone) found.push(lone)
    }
  }
  const cloud = CLOUD_PROVIDERS.find(([variable]) => truthy(env[variable]))
  const [chosen, ...others] = found
  if (
    found.some(c => c.source === 'anthropic-api-key') &&
    found.some(c => c.source === 'anthropic-auth-token')
  ) {
    warnings.push(
      "Both an API key and ANTHROPIC_AUTH_TOKEN are set: the API rejects requests that carry both. Remove one of them (keep 'anthropic-auth-token' only for a gateway)."
    )
  }
  for (const other of others) {
    warnings.push(
      `${other.label} from ${other.from} is ignored: Claude Code uses the ${chosen!.label} from ${chosen!.from} first.`
    )
  }
  if (cloud) {
    return { others: found, warnings, cloudProvider: `${cloud[1]} (${cloud[0]})` }
  }
  return { ...(chosen && { chosen }), others, warnings }
}

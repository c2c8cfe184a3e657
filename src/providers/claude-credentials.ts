import { ANTHROPIC_FAILURES, type AnthropicFailureKind } from './anthropic-failures.js'
import { capitalise, homeOf, newCredential, originOf } from './credential.js'
import type { Credential, Provider } from './provider.js'
import { anthropicProbe } from './anthropic-api.js'
import { inputError } from '../common/errors.js'
import { parseTimestamp } from '../lifetime/timestamp.js'
import { refuseInnerJunk } from './clean.js'

const INPUT = 'claude-credentials'
const SHAPE =
  'Paste the whole ~/.claude/.credentials.json: {"claudeAiOauth":{"accessToken":"sk-ant-oat01-…","refreshToken":"sk-ant-ort01-…","expiresAt":<epoch ms>}}'

/** The `claudeAiOauth` object of ~/.claude/.credentials.json; other fields are kept as they are. */
export interface ClaudeAiOauth {
  accessToken?: string
  refreshToken?: string
  expiresAt?: number
  [field: string]: unknown
}

/** Parses the credentials JSON; errors name the input and never quote it. */
export function parseClaudeCredentials(value: string): {
  oauth: ClaudeAiOauth
  document: Record<string, unknown>
} {
  let document: unknown
  try {
    document = JSON.parse(value)
  } catch {
    throw inputError(INPUT, 'is not valid JSON', SHAPE)
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw inputError(INPUT, 'is not a JSON object', SHAPE)
  }
  const oauth = (document as Record<string, unknown>).claudeAiOauth
  if (typeof oauth !== 'object' || oauth === null || Array.isArray(oauth)) {
    throw inputError(INPUT, "has no 'claudeAiOauth' object", SHAPE)
  }
  const fields = oauth as Record<string, unknown>
  for (const field of ['accessToken', 'refreshToken'] as const) {
    if (fields[field] !== undefined && typeof fields[field] !== 'string') {
      throw inputError(INPUT, `has a '${field}' that is not a string`, SHAPE)
    }
  }
  if (!fields.accessToken && !fields.refreshToken) {
    throw inputError(INPUT, "has neither 'accessToken' nor 'refreshToken'", SHAPE)
  }
  return { oauth: fields as ClaudeAiOauth, document: document as Record<string, unknown> }
}

export const claudeCredentials: Provider<typeof INPUT, never, AnthropicFailureKind> = {
  source: INPUT,
  secretInputs: [],
  loginFile: true,
  refreshable: true,
  plainInputs: [],
  label: 'subscription access token',
  scheme: 'oauth',
  // Its tokens have the OAuth token's shapes.
  shapes: [{ what: 'JSON', begins: /^\{/ }],
  read(value, from, context) {
    if (!value.startsWith('{')) context.checkPlacement(from, value, [INPUT])
    const { oauth } = parseClaudeCredentials(value)
    const credential: Credential = newCredential(this, from, (oauth.accessToken ?? '').trim())
    credential.document = value
    for (const field of ['accessToken', 'refreshToken'] as const) {
      const token = oauth[field]
      if (!token) continue
      if (token !== token.trim())
        credential.notes.push(`removed whitespace or a newline around '${field}' in '${INPUT}'`)
      refuseInnerJunk(`${INPUT}.${field}`, token.trim())
    }
    if (credential.secret)
      context.checkPlacement(`${INPUT}.accessToken`, credential.secret, ['claude-code-oauth-token'])
    if (oauth.refreshToken) {
      credential.refreshToken = oauth.refreshToken.trim()
      context.checkPlacement(`${INPUT}.refreshToken`, credential.refreshToken, [
        'oauth-refresh-token'
      ])
    }
    if (oauth.expiresAt !== undefined && oauth.expiresAt !== null) {
      const { at, note } = parseTimestamp(`${INPUT}.expiresAt`, oauth.expiresAt)
      credential.expiresAt = at
      credential.expirySource = `'expiresAt' of ${INPUT}`
      if (note) credential.notes.push(note)
    }
    return credential
  },
  probe: anthropicProbe,
  failures: ANTHROPIC_FAILURES,
  fix(problem, from) {
    const origin = originOf(from)
    const inFile = 'file' in origin
    const login = inFile
      ? `run 'claude' and '/login': it writes the new login to ${origin.file}`
      : `run 'claude' and '/login' on your machine, then store the new ~/.claude/.credentials.json in ${homeOf(from)}`
    return {
      invalid: `${capitalise(login)}${inFile ? '' : ", or let the action refresh it: set 'secrets-token' and leave 'on-expiring' at 'auto'"}.`,
      revoked: `The login was revoked (logged out elsewhere, or the refresh chain was broken): ${login}.`,
      // Claude Code renews the login in its own file when it carries a refresh token; a copy, only the action renews.
      expiring: inFile
        ? `Claude Code renews it by itself when the file carries a refreshToken; otherwise ${login}.`
        : `If the credentials carry a refreshToken, let the action refresh them: set 'secrets-token' and leave 'on-expiring' at 'auto'. Otherwise ${login}.`,
      forbidden:
        "Your organisation disabled Claude subscription access for Claude Code, or the login lacks the 'user:inference' scope: ask an admin, or use an API key in 'anthropic-api-key'.",
      billing:
        "The subscription has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
    }[problem]
  }
}

import { inputError, PREFIX, UserError } from '../common/errors.js'
import { originOf } from './credential.js'

/** Prefixes that tell what a pasted value is, and the input it belongs in. */
const KNOWN_VALUES: Array<{
  test: (value: string) => boolean
  what: string
  home: string
  /** The environment variable Claude Code reads it from, where it has one. */
  homeEnv?: string
}> = [
  {
    test: v => v.startsWith('sk-ant-api'),
    what: 'an Anthropic API key',
    home: 'anthropic-api-key',
    homeEnv: 'ANTHROPIC_API_KEY'
  },
  {
    test: v => v.startsWith('sk-ant-oat'),
    what: 'an OAuth access token',
    home: 'claude-code-oauth-token',
    homeEnv: 'CLAUDE_CODE_OAUTH_TOKEN'
  },
  {
    test: v => v.startsWith('sk-ant-ort'),
    what: 'an OAuth refresh token',
    home: 'oauth-refresh-token'
  },
  {
    test: v => v.startsWith('sk-ant-admin'),
    what: 'an Admin API key, which cannot call models',
    home: ''
  },
  { test: v => v.startsWith('{'), what: 'JSON', home: 'claude-credentials' }
]

/**
 * Trims whitespace and newlines around a pasted secret, as Claude Code does itself, and one pair of surrounding
 * quotes, which Claude Code does not (it sends them as part of the credential: seen with the CLI 2.1.328 and 2.1.332),
 * saying so; refuses whitespace inside it. Never puts the value itself in a message.
 */
export function cleanSecret(
  input: string,
  raw: string
): { value: string; notes: string[]; quoted: boolean } {
  const notes: string[] = []
  let value = raw.trim()
  if (value !== raw)
    notes.push(
      `removed whitespace or a newline around the value of '${input}' (Claude Code ignores it too)`
    )
  const quoted = /^(["'`])(.*)\1$/s.exec(value)
  if (quoted) {
    value = (quoted[2] ?? '').trim()
    notes.push(`removed the quotes around the value of '${input}'`)
  }
  if (!value.startsWith('{')) refuseInnerJunk(input, value)
  return { value, notes, quoted: quoted !== null }
}

/**
 * Refuses a token with whitespace, a control character or a non-ASCII character inside: none can be sent in an
 * HTTP header, and undici's error for it would quote the token.
 */
export function refuseInnerJunk(input: string, token: string): void {
  if (/\s/.test(token)) {
    throw inputError(
      input,
      'has a space or line break inside the value',
      'Paste the secret again as a single line, with nothing else in it'
    )
  }
  if (/[^\x21-\x7e]/.test(token)) {
    throw inputError(
      input,
      'has a control or non-ASCII character inside the value',
      'Copy the secret again exactly as it was issued; editors and chat apps sometimes replace characters'
    )
  }
}

/**
 * Refuses a value that clearly belongs in another input (an API key pasted as an OAuth token, …), naming where it
 * belongs. `where` is an input's name or a credential's `from` (`env CLAUDE_CODE_OAUTH_TOKEN`, `file PATH`): an
 * environment variable is told the variable to move it to. `accepted` lists the homes this input takes.
 */
export function checkPlacement(where: string, value: string, accepted: string[]): void {
  const known = KNOWN_VALUES.find(entry => entry.test(value))
  if (!known || accepted.includes(known.home)) return
  const origin = originOf(where)
  const fix =
    'env' in origin && known.homeEnv
      ? `Move it to ${known.homeEnv}`
      : known.home
        ? `Move it to input '${known.home}'${known.home === 'oauth-refresh-token' ? " (or use 'claude-credentials')" : ''}`
        : 'Create a regular API key (sk-ant-api03-…) in the Anthropic Console and use that'
  if ('input' in origin) throw inputError(origin.input, `holds ${known.what}`, fix)
  const named = 'env' in origin ? `environment variable ${origin.env}` : origin.file
  throw new UserError(`${PREFIX}: ${named} holds ${known.what}. ${fix}`)
}

/**
 * For inputs that never hold a secret (durations, URLs, choices, paths): refuses a secret pasted there, without
 * quoting it, and names the input it belongs in. Token inputs (`github-token`, `secrets-token`) pass
 * `githubToken: true`: GitHub tokens are what they hold.
 */
export function refuseSecret(input: string, raw: string, githubToken = false): void {
  const value = raw.trim()
  checkPlacement(input, value, [])
  if (/^eyJ[\w-]+\.[\w-]+\./.test(value))
    throw inputError(
      input,
      'holds a bearer token (a JWT)',
      "Move it to input 'anthropic-auth-token'"
    )
  if (!githubToken && /^(?:gh[pousr]_|github_pat_)\w/.test(value))
    throw inputError(
      input,
      'holds a GitHub token',
      "Move it to input 'github-token' (or 'secrets-token', to write secrets)"
    )
}

import { refuseSecret } from '../providers/placement.js'
import { cleanSecret } from '../providers/clean.js'
import { inputError } from '../common/errors.js'
import { defaultOf, plainInputsOf, valueOf } from './declared.js'
import { parseBoolean, parseCredentialUrl } from './parse.js'

/** The inputs of the GitHub side of the preflight: the token the Claude step gets, and the Claude GitHub App. */
export interface GitHubInputs {
  /** `claude-github-token`: the GitHub token the Claude step gets, when given; it overrides what the workflow says. */
  claudeGitHubToken: string
  /** `check-github-app`: mint an OIDC token and exchange it for the Claude GitHub App's token (then revoke it). */
  checkGitHubApp: boolean
  /** `github-app-exchange-url`: where claude-code-action exchanges the job's OIDC token for the App's token. */
  exchangeUrl: string
}

/** Reads and validates them; throws a UserError naming the first bad one. */
export function readGitHubInputs(input: (name: string) => string): GitHubInputs {
  for (const name of plainInputsOf('github')) refuseSecret(name, input(name))
  refuseSecret('claude-github-token', input('claude-github-token'), true)
  return {
    claudeGitHubToken: readClaudeGitHubToken(input('claude-github-token')),
    checkGitHubApp: parseBoolean('check-github-app', valueOf(input, 'check-github-app')),
    exchangeUrl: parseCredentialUrl(
      'github-app-exchange-url',
      valueOf(input, 'github-app-exchange-url'),
      `Leave it empty for claude-code-action's own (${defaultOf('github-app-exchange-url')})`
    ).href
  }
}

/**
 * The token, trimmed. claude-code-action passes `github_token` on as it is, so quotes around the secret reach GitHub
 * (and fail) there too: refused, as a line break inside is.
 */
function readClaudeGitHubToken(raw: string): string {
  if (!raw.trim()) return ''
  const { value, quoted } = cleanSecret('claude-github-token', raw)
  if (quoted)
    throw inputError(
      'claude-github-token',
      'is wrapped in quotes, which the Claude step sends to GitHub as part of the token',
      'Store the secret again without the quotes'
    )
  return value
}

import { refuseSecret } from '../providers/placement.js'
import { cleanSecret } from '../providers/clean.js'
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
    // Sent in a header as it is, quotes and inner line breaks included: cleaned, or refused, here.
    claudeGitHubToken: input('claude-github-token').trim()
      ? cleanSecret('claude-github-token', input('claude-github-token')).value
      : '',
    checkGitHubApp: parseBoolean('check-github-app', valueOf(input, 'check-github-app')),
    exchangeUrl: parseCredentialUrl(
      'github-app-exchange-url',
      valueOf(input, 'github-app-exchange-url'),
      `Leave it empty for claude-code-action's own (${defaultOf('github-app-exchange-url')})`
    ).href
  }
}

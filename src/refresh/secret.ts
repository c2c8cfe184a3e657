// The secret a refresh writes back to: which one the inputs name, the client that writes it, and what to tell the
// user when writing it fails.
import { githubRequest, type GitHubRequest } from '../github/client.js'
import type { RefreshInputs } from '../inputs/refresh.js'
import { reseedCommand, secretTarget, type SecretTarget } from '../secrets/target.js'
import { SecretApiError } from '../secrets/write.js'
import type { RefreshTuning } from './lock.js'

/** The GitHub client for a token: the tuning's, else githubRequest against GITHUB_API_URL. */
export function githubFor(deps: {
  env: NodeJS.ProcessEnv
  tuning?: RefreshTuning | undefined
}): (token: string) => GitHubRequest {
  return deps.tuning?.github ?? ((token: string) => githubRequest(token, deps.env))
}

/** The secret the inputs name, or undefined when they cannot (then messages say how to re-seed in general). */
export function namedTarget(
  inputs: RefreshInputs,
  env: NodeJS.ProcessEnv
): SecretTarget | undefined {
  try {
    return secretTarget(inputs.secretScope, inputs.secretName, env)
  } catch {
    return undefined
  }
}

/** How to put a fresh refresh token in the secret by hand. */
export function reseedAdvice(target: SecretTarget | undefined): string {
  const command = target
    ? reseedCommand(target)
    : 'gh secret set CLAUDE_CREDENTIALS < ~/.claude/.credentials.json'
  return `log in with \`claude\` on your machine (/login), then \`${command}\``
}

/** What to fix after a failed read or write of the secret. */
export function writeFix(error: unknown, target: SecretTarget): string {
  const status = error instanceof SecretApiError ? error.status : undefined
  if (status === 401) return "'secrets-token' is invalid or expired: replace it"
  if (status === 403 || status === 404) {
    return target.scope.kind === 'org'
      ? `give 'secrets-token' "Organization secrets: write" on ${target.owner} (a classic PAT needs admin:org)`
      : `give 'secrets-token' "Secrets: write" on ${target.owner}/${target.repo}${target.scope.kind === 'environment' ? ` and check that environment '${target.scope.environment}' exists` : ''}`
  }
  return "GitHub's API did not take the write; it is retried at job end"
}

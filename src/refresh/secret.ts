// The secret a refresh writes back to: which one the inputs name, and the client that writes it.
import { githubRequest, type GitHubRequest } from '../github/client.js'
import type { RefreshInputs } from '../inputs/refresh.js'
import { secretTarget, type SecretTarget } from '../secrets/target.js'
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

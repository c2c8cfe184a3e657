import { refuseSecret } from '../providers/placement.js'
import { readCheckInputs, type CheckInputs } from './check.js'
import { readGitHubInputs, type GitHubInputs } from './github.js'
import { plainInputsOf, valueOf } from './declared.js'
import { parseBoolean } from './parse.js'
import { readPostInputs } from './post.js'
import { readRefreshInputs, type RefreshInputs } from './refresh.js'

/**
 * Reads and validates every input of action.yml, as the main step does on every run: those only the refresh or the
 * post step use are checked too, so that a typo fails the first run rather than the one, hours or weeks later, that
 * first needs a refresh. Throws a UserError naming the first bad one.
 */
export function readMainInputs(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv
): { check: CheckInputs; github: GitHubInputs; refresh: RefreshInputs; renew: boolean } {
  const check = readCheckInputs(input, env)
  const github = readGitHubInputs(input)
  for (const name of [
    ...plainInputsOf('refresh'),
    ...plainInputsOf('renew'),
    ...plainInputsOf('post')
  ])
    refuseSecret(name, input(name))
  refuseSecret('secrets-token', input('secrets-token'), true)
  readPostInputs(input, env)
  return {
    check,
    github,
    refresh: readRefreshInputs(input),
    renew: parseBoolean('renew', valueOf(input, 'renew'))
  }
}

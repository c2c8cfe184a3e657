import { UserError } from '../common/errors.js'
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
): {
  check: CheckInputs
  github: GitHubInputs
  refresh: RefreshInputs
  renew: boolean
  renewCommand: string
} {
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
  const renew = parseBoolean('renew', valueOf(input, 'renew'))
  return {
    check,
    github,
    refresh: readRefreshInputs(input),
    renew,
    renewCommand: readRenewCommand(valueOf(input, 'renew-command'), renew)
  }
}

/** Input `renew-command`: one command line, for the renewer only. */
function readRenewCommand(command: string, renew: boolean): string {
  if (!command) return ''
  if (!renew)
    throw new UserError(
      "The input 'renew-command' is set but 'renew' is off: set `renew: true` for the renewer to run it, or remove 'renew-command'."
    )
  if (/[\r\n]/.test(command))
    throw new UserError(
      "The input 'renew-command' must be one command line that prints the token: put a longer script in a file and give its path."
    )
  return command
}

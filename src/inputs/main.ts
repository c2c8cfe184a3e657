import { inputError, UserError } from '../common/errors.js'
import { parseAppPrivateKey } from '../github/app-token.js'
import { refuseSecret } from '../providers/placement.js'
import { sha256Hex } from '../state/index.js'
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
  githubApp?: GitHubApp
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
    renewCommand: readRenewCommand(valueOf(input, 'renew-command'), renew),
    ...readGitHubApp(input, renew)
  }
}

/** Inputs `app-id` and `private-key`: the GitHub App whose installation token the renewer keeps fresh. */
export interface GitHubApp {
  appId: string
  /** The PEM as given (`\\n` for newlines included): the renewer reads it again. */
  privateKey: string
  /** SHA-256 (hex) of input `github-token`, the job's GITHUB_TOKEN by default: git keeps that token (never the App's). */
  jobTokenSha256?: string
}

function readGitHubApp(input: (name: string) => string, renew: boolean): { githubApp?: GitHubApp } {
  const appId = valueOf(input, 'app-id')
  const privateKey = input('private-key').trim()
  if (!appId && !privateKey) return {}
  const missing = !appId ? 'app-id' : !privateKey ? 'private-key' : undefined
  if (missing)
    throw inputError(
      missing,
      `is empty while '${missing === 'app-id' ? 'private-key' : 'app-id'}' is set`,
      "Give both, the App's ID (or Client ID) and its private key, or neither"
    )
  if (!renew)
    throw inputError(
      'app-id',
      "is set, with 'private-key', but 'renew' is off",
      "Set `renew: true` for the renewer to mint the App's token, or remove both"
    )
  if (!/^[A-Za-z0-9.]+$/.test(appId))
    throw inputError(
      'app-id',
      'is not a GitHub App ID or Client ID',
      "Give the number on the App's settings page, or its Client ID (Iv…)"
    )
  const key = parseAppPrivateKey(privateKey)
  if ('problem' in key)
    throw inputError(
      'private-key',
      `is not usable: ${key.problem}`,
      'Paste the whole .pem file the App settings page downloads'
    )
  const jobToken = input('github-token').trim()
  return {
    githubApp: { appId, privateKey, ...(jobToken && { jobTokenSha256: sha256Hex(jobToken) }) }
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

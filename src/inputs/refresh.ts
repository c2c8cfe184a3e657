import { inputError } from '../common/errors.js'
import { parseSecretName, parseSecretScope, type SecretScope } from '../secrets/target.js'
import { defaultOf, valueOf } from './declared.js'
import { parseBoolean, parseCredentialUrl } from './parse.js'

/**
 * The inputs of the refresh and write-back (action.yml). The credential itself (`claude-credentials`,
 * `oauth-refresh-token`) is not among them: the refresh takes it as selection read and cleaned it.
 */
export interface RefreshInputs {
  tokenUrl: string
  clientId: string
  exportEnv: boolean
  writeCredentialsFile: boolean
  /** '' when rotated credentials are not written back; never the workflow's GITHUB_TOKEN. */
  secretsToken: string
  secretName: string
  secretScope: SecretScope
  /** `github-token`: told apart from `secrets-token` (GITHUB_TOKEN cannot write secrets), and reads the job list. */
  githubToken: string
}

function parseClientId(value: string): string {
  if (/^[A-Za-z0-9._:-]+$/.test(value)) return value
  throw inputError(
    'oauth-client-id',
    'has characters a client id never has',
    `Leave it empty for Claude Code's (${defaultOf('oauth-client-id')})`
  )
}

/** Reads and checks the inputs; a bad one throws an inputError naming it. */
export function readRefreshInputs(getInput: (name: string) => string): RefreshInputs {
  const clientId = parseClientId(valueOf(getInput, 'oauth-client-id'))
  const secretsToken = getInput('secrets-token').trim()
  const githubToken = getInput('github-token').trim()
  if (isWorkflowToken(secretsToken, githubToken)) {
    throw inputError(
      'secrets-token',
      "is the workflow's GITHUB_TOKEN (the same installation token as 'github-token'), which can never write secrets, so a refresh would use up the refresh token in your secret without saving its successor",
      `Pass a fine-grained PAT or App token with "Secrets: write" and "Contents: write" (an App token: as 'secrets-token' only, leaving 'github-token' at its default), or leave 'secrets-token' empty`
    )
  }
  return {
    tokenUrl: parseCredentialUrl(
      'oauth-token-url',
      valueOf(getInput, 'oauth-token-url'),
      `Use the default ${defaultOf('oauth-token-url')} or another https URL`
    ).href,
    clientId,
    exportEnv: parseBoolean('export-env', valueOf(getInput, 'export-env')),
    writeCredentialsFile: parseBoolean(
      'write-credentials-file',
      valueOf(getInput, 'write-credentials-file')
    ),
    secretsToken,
    secretName: parseSecretName(valueOf(getInput, 'secret-name')),
    secretScope: parseSecretScope(valueOf(getInput, 'secret-scope')),
    githubToken
  }
}

/**
 * Whether `secrets-token` is the workflow's GITHUB_TOKEN, which can never write secrets: the same installation token
 * (`ghs_…`) as `github-token`, whose default is `github.token`. A PAT passed as both is not.
 */
function isWorkflowToken(secretsToken: string, githubToken: string): boolean {
  return secretsToken !== '' && secretsToken === githubToken && secretsToken.startsWith('ghs_')
}

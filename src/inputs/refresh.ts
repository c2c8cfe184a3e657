import { inputError } from '../common/errors.js'
import { readBoolean, readCredentialUrl } from './check.js'
import { parseSecretName, parseSecretScope, type SecretScope } from '../secrets/target.js'

export const DEFAULT_TOKEN_URL = 'https://platform.claude.com/v1/oauth/token'
export const DEFAULT_CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e'

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

function tokenUrl(value: string): string {
  return readCredentialUrl(
    'oauth-token-url',
    value,
    `Use the default ${DEFAULT_TOKEN_URL} or another https URL`
  ).href
}

/** Reads and checks the inputs; a bad one throws an inputError naming it. */
export function readRefreshInputs(getInput: (name: string) => string): RefreshInputs {
  const clientId = getInput('oauth-client-id').trim() || DEFAULT_CLIENT_ID
  if (!/^[A-Za-z0-9._:-]+$/.test(clientId)) {
    throw inputError(
      'oauth-client-id',
      'has characters a client id never has',
      `Leave it empty for Claude Code's (${DEFAULT_CLIENT_ID}).`
    )
  }
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
    tokenUrl: tokenUrl(getInput('oauth-token-url').trim() || DEFAULT_TOKEN_URL),
    clientId,
    exportEnv: readBoolean('export-env', getInput('export-env'), false),
    writeCredentialsFile: readBoolean(
      'write-credentials-file',
      getInput('write-credentials-file'),
      false
    ),
    secretsToken,
    secretName: parseSecretName(getInput('secret-name') || 'CLAUDE_CREDENTIALS'),
    secretScope: parseSecretScope(getInput('secret-scope')),
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

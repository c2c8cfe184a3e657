// The GitHub token the Claude step pushes and comments with, as a credential: what each kind is called, what the
// preflight can say of it, how long an App installation token lasts. Its failures are in github-failures.ts.

/** Every value of the `github-token-status` output. */
export const GITHUB_STATUSES = [
  'valid',
  'invalid',
  'forbidden',
  'expiring',
  'unverifiable',
  'missing',
  'unchecked',
  'none'
] as const

export type GitHubStatus = (typeof GITHUB_STATUSES)[number]

/** What each kind of GitHub token is called, for humans (and the only labels the post step accepts from state). */
export const GITHUB_TOKEN_LABELS = {
  claudeApp: 'Claude GitHub App token',
  appToken: 'GitHub App installation token',
  workflowToken: 'GITHUB_TOKEN',
  fineGrained: 'fine-grained personal access token',
  classic: 'personal access token (classic)',
  user: 'GitHub user token',
  fromSecret: 'GitHub token from a secret',
  other: 'GitHub token',
  none: 'no GitHub token'
} as const

export type GitHubTokenLabel = (typeof GITHUB_TOKEN_LABELS)[keyof typeof GITHUB_TOKEN_LABELS]

/**
 * GitHub App installation tokens last one hour from minting and cannot be extended
 * (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app).
 */
export const APP_TOKEN_LIFETIME_MS = 3_600_000

/**
 * A token's kind from its prefix (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/).
 * The job's GITHUB_TOKEN is an installation token too (`ghs_`): it is told apart by being the job's `github.token`.
 */
export function githubTokenLabel(token: string, workflowToken: string): GitHubTokenLabel {
  if (token.startsWith('ghs_'))
    return token === workflowToken
      ? GITHUB_TOKEN_LABELS.workflowToken
      : GITHUB_TOKEN_LABELS.appToken
  if (token.startsWith('github_pat_')) return GITHUB_TOKEN_LABELS.fineGrained
  if (token.startsWith('ghp_')) return GITHUB_TOKEN_LABELS.classic
  if (token.startsWith('gho_') || token.startsWith('ghu_')) return GITHUB_TOKEN_LABELS.user
  return GITHUB_TOKEN_LABELS.other
}

/** Whether a token of this kind is an App installation token of one hour (GITHUB_TOKEN lasts the job instead). */
export const isOneHourToken = (label: GitHubTokenLabel) =>
  label === GITHUB_TOKEN_LABELS.claudeApp || label === GITHUB_TOKEN_LABELS.appToken

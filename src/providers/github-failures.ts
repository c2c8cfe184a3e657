import type { FailureKind } from './failure.js'

/** The GitHub token Claude pushes and comments with, refused by GitHub. */
export const GITHUB_FAILURES = [
  {
    id: 'github-auth',
    credential: 'the GitHub token',
    title: 'GitHub token rejected',
    verb: 'was refused by GitHub',
    since: 'refused since',
    fix: 'The GitHub token was refused ("Bad credentials" / authentication failed). GitHub App installation tokens last one hour and claude-code-action does not renew them: keep runs under an hour or pass a longer-lived token (`github_token`), and check the token has the permissions the step needs.'
  }
] as const satisfies readonly FailureKind[]

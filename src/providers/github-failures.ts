// The GitHub token Claude pushes and comments with, and the job's OIDC token claude-code-action exchanges for one:
// their kinds and how GitHub, git, the gh CLI, @actions/core and claude-code-action word their failures.
import type { FailureKind, Phrasing } from './failure.js'

export const GITHUB_FAILURES = [
  {
    id: 'github-auth',
    credential: 'the GitHub token',
    title: 'GitHub token rejected',
    verb: 'was refused by GitHub',
    since: 'refused since',
    fix: 'The GitHub token was refused ("Bad credentials" / authentication failed). GitHub App installation tokens last one hour and claude-code-action does not renew them: keep runs under an hour or pass a longer-lived token (`github_token`), and check the token has the permissions the step needs.'
  },
  {
    id: 'github-oidc',
    credential: "the job's GitHub OIDC token",
    title: 'GitHub OIDC token unavailable',
    verb: 'could not be minted',
    since: 'unavailable since',
    fix: 'The job could not mint its OIDC token: add `permissions: id-token: write` to the job (or the workflow). GitHub never gives one to a pull request from a fork, nor to Dependabot runs: skip the step there (`if: github.event.pull_request.head.repo.fork == false`), or pass `github_token` and the credential from secrets the run can read.'
  }
] as const satisfies readonly FailureKind[]

export type GitHubFailure = (typeof GITHUB_FAILURES)[number]['id']

const ACTIONS_CORE = '@actions/core 3.0.1 lib/oidc-utils.js'

export const GITHUB_PHRASINGS: readonly Phrasing<GitHubFailure>[] = [
  {
    anchor: 'Could not fetch an OIDC token',
    pattern: /Could not fetch an OIDC token/,
    kind: 'github-oidc',
    source: 'https://github.com/stacks-network/docs/pull/1734'
  },
  {
    anchor: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_',
    pattern: /Unable to get ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN) env variable/,
    kind: 'github-oidc',
    source: ACTIONS_CORE
  },
  {
    anchor: 'Failed to get ID Token',
    pattern: /Failed to get ID Token\b/,
    kind: 'github-oidc',
    source: ACTIONS_CORE
  },
  // octokit's HttpError, the gh CLI, the REST API's own message.
  {
    anchor: 'Bad credentials',
    pattern:
      /(?:HttpError: Bad credentials|RequestError \[HttpError\]: Bad credentials|HTTP 401: Bad credentials|gh: Bad credentials|Bad credentials - https:\/\/docs\.github\.com)/,
    kind: () => ({ kind: 'github-auth', status: 401 }),
    source: 'https://docs.github.com/rest/authentication/authenticating-to-the-rest-api'
  },
  // git over HTTPS, also through claude-code-action's tag-mode wrapper ($GITHUB_ACTION_PATH/scripts/git-push.sh).
  {
    anchor: 'Authentication failed for',
    pattern: /fatal: Authentication failed for 'https?:\/\//,
    kind: 'github-auth',
    source: 'https://docs.github.com/get-started/git-basics/caching-your-github-credentials-in-git'
  },
  {
    anchor: 'Invalid username or password',
    pattern: /remote: Invalid username or (?:password|token)\./,
    kind: 'github-auth',
    source: 'https://docs.github.com/get-started/git-basics/caching-your-github-credentials-in-git'
  },
  {
    anchor: 'could not read Username for',
    pattern: /fatal: could not read Username for 'https:\/\/github\.com/,
    kind: 'github-auth',
    source: 'https://github.com/cpina/github-action-push-to-another-repository/issues/18'
  },
  // claude-code-action's exchange of the OIDC token for an App token: a 4xx refuses it, a 5xx says nothing about it.
  {
    anchor: 'App token exchange failed',
    pattern: /App token exchange failed: (\d{3})\b/,
    kind: match => {
      const status = Number(match[1])
      return status >= 400 && status < 500 ? { kind: 'github-auth', status } : undefined
    },
    source: 'https://github.com/anthropics/claude-code-action/issues/926'
  }
]

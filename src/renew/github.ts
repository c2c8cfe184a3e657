// The GitHub token git pushes with and gh calls the API with: a GitHub App installation token lives one hour
// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app),
// and claude-code-action mints one through Anthropic's exchange and never renews it. The renewer mints one again at
// half its life, from the App's key (inputs `app-id`, `private-key`) or through that exchange with a fresh OIDC token,
// and before the new token lands in its file it rewrites the token git already holds in the workspace checkout
// (git-credentials.ts) and gh's hosts.yml in a GH_CONFIG_DIR of its own.
//
// What it cannot reach: a process's environment is fixed when the process starts, so GH_TOKEN and GITHUB_TOKEN in the
// Claude step (which outrank hosts.yml for gh: cli/go-gh pkg/auth/auth.go tokenForHost) and a token in an MCP
// server's environment (claude-code-action's GitHub MCP servers) keep the token they started with.
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PREFIX } from '../common/errors.js'
import { writeAtomically } from '../files/atomic.js'
import {
  CLAUDE_APP_AUDIENCE,
  exchangeForAppToken,
  revokeInstallationToken
} from '../github/app-exchange.js'
import { mintAppInstallationToken, parseAppPrivateKey } from '../github/app-token.js'
import type { GitHubTokenRoute } from '../workflow/github-token.js'
import { ALL_GIT_CREDENTIALS, handTokenToGit, type GitCredential } from './git-credentials.js'
import { mintJobOidcToken, oidcRequestOf } from './oidc.js'
import {
  jobText,
  type MintDeps,
  type MintOutcome,
  type PlanContext,
  type RenewalSource,
  type SourceJob,
  type SourcePlan
} from './source.js'

export interface GitHubJob extends SourceJob {
  kind: 'github'
  /** GITHUB_SERVER_URL: the server whose credentials git holds (`https://github.com`). */
  server: string
  /** GITHUB_WORKSPACE: the checkout whose git configuration is rewritten, when the job has one. */
  workspace?: string
  /** `app`: the App's JWT and the REST API; `exchange`: an OIDC token for claude-code-action's exchange. */
  via: 'app' | 'exchange'
  /** via app: the App ID (or Client ID), its private key (a secret, held in memory only), `owner/name`, the API. */
  appId?: string
  privateKey?: string
  repository?: string
  apiUrl?: string
  /** via app: SHA-256 (hex) of the job's own GITHUB_TOKEN, which git keeps where it holds it (never the App's). */
  jobTokenSha256?: string
  /** via exchange: its URL, the job's OIDC request (secrets), and the permissions claude-code-action asks for. */
  exchangeUrl?: string
  requestUrl?: string
  requestToken?: string
  permissions?: Record<string, string>
}

/** An installation token's life when the exchange does not say (GitHub's documented hour). */
export const INSTALLATION_TOKEN_LIFETIME_MS = 3_600_000

/** The GH_CONFIG_DIR the renewer keeps, beside the job's token file. */
export const ghConfigDirOf = (file: string) => join(dirname(file), 'gh')

/**
 * gh's configuration for one token. `version: "1"` in config.yml marks the multi-account migration done, which would
 * otherwise ask the API who `x-access-token` is, and an installation token cannot say (cli/cli
 * internal/config/migration/multi_account.go); go-gh reads `hosts.<host>.oauth_token`. Pure.
 */
export function ghConfigFiles(server: string, token: string): { config: string; hosts: string } {
  const host = new URL(server).host
  return {
    config: 'version: "1"\n',
    hosts: [
      `${host}:`,
      '    users:',
      '        x-access-token:',
      `            oauth_token: ${token}`,
      `    oauth_token: ${token}`,
      '    user: x-access-token',
      '    git_protocol: https',
      ''
    ].join('\n')
  }
}

/** A fresh installation token, or why none. */
async function mintToken(
  job: GitHubJob,
  deps: MintDeps
): Promise<{ token: string; expiresAt: number } | { failure: string; permanent: boolean }> {
  const calls = { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined }
  if (job.via === 'app') {
    const parsed = parseAppPrivateKey(job.privateKey ?? '')
    if ('problem' in parsed)
      return { failure: `input 'private-key': ${parsed.problem}`, permanent: true }
    const minted = await mintAppInstallationToken(
      {
        appId: job.appId ?? '',
        key: parsed.key,
        repository: job.repository ?? '',
        ...(job.apiUrl && { apiUrl: job.apiUrl })
      },
      { ...calls, now: deps.now }
    )
    if ('problem' in minted)
      return {
        failure: `GitHub's App API: ${minted.message}`,
        permanent: minted.problem === 'refused'
      }
    return { token: minted.token, expiresAt: minted.expiresAt.getTime() }
  }
  const oidc = await mintJobOidcToken(
    { requestUrl: job.requestUrl ?? '', requestToken: job.requestToken ?? '' },
    CLAUDE_APP_AUDIENCE,
    deps
  )
  if (!('token' in oidc)) return oidc
  const exchanged = await exchangeForAppToken(
    oidc.token,
    job.exchangeUrl ?? '',
    calls,
    job.permissions
  )
  if ('problem' in exchanged)
    return {
      failure: `the Claude GitHub App's token exchange: ${exchanged.message}`,
      permanent: exchanged.problem !== 'unverifiable'
    }
  return { token: exchanged.token, expiresAt: deps.now() + INSTALLATION_TOKEN_LIFETIME_MS }
}

/**
 * GitHub's token alphabet: `[A-Za-z0-9_]` behind a prefix such as `ghs_`
 * (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/), and the
 * stateless installation tokens of 2026, `ghs_<app id>_<JWT>` of about 520 characters, add the JWT's `.` and `-`
 * (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats).
 * None of these can end a git config line, a URL's user part or a YAML scalar, which the token is written into.
 */
export const GITHUB_TOKEN_TEXT = /^[A-Za-z0-9_.-]{20,2048}$/

/** Mints, then hands the token to git and gh before it lands in its file (the loop writes that). */
export async function mintGitHubToken(job: GitHubJob, deps: MintDeps): Promise<MintOutcome> {
  const minted = await mintToken(job, deps)
  if ('failure' in minted) return minted
  if (!GITHUB_TOKEN_TEXT.test(minted.token))
    return {
      failure: `${job.via === 'app' ? "GitHub's App API" : "the Claude GitHub App's token exchange"} answered a token that is not in GitHub's token alphabet (letters, digits, '_', '.', '-'): not handed to git or gh`,
      permanent: true
    }
  if (job.workspace) {
    // The Claude App's token replaces claude-code-action's in its remote URL only: the checkout's extraheader holds
    // another identity's token then (the job's GITHUB_TOKEN, which lasts the job), and the action removes it itself.
    const kinds: readonly GitCredential[] =
      job.via === 'exchange' ? ['remote URL'] : ALL_GIT_CREDENTIALS
    const handed = await handTokenToGit(
      job.workspace,
      {
        server: job.server,
        token: minted.token,
        kinds,
        ...(job.jobTokenSha256 && { keepSha256: job.jobTokenSha256 })
      },
      process.env
    )
    // A lock another git held too long, or a git that could not say where its token is: the current token still
    // lives, and the loop tries again, then says why.
    if ('problem' in handed) return { failure: handed.problem, permanent: false }
  }
  const dir = ghConfigDirOf(job.file)
  const gh = ghConfigFiles(job.server, minted.token)
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await writeAtomically(join(dir, 'config.yml'), gh.config)
    await writeAtomically(join(dir, 'hosts.yml'), gh.hosts)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error'
    return { failure: `gh's hosts.yml in ${dir} could not be written (${code})`, permanent: false }
  }
  return { minted: { value: minted.token, expiresAt: minted.expiresAt } }
}

const textMap = (value: unknown): Record<string, string> | undefined =>
  value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every(v => typeof v === 'string')
    ? (value as Record<string, string>)
    : undefined

export const GITHUB_SOURCE: RenewalSource<GitHubJob> = {
  kind: 'github',
  renews: 'github',
  what: 'the GitHub token git and gh use',
  credential: 'GitHub App installation token',
  fileName: 'github-token',
  marginMs: 5 * 60_000,
  readJob(value) {
    const file = jobText(value.file)
    const server = jobText(value.server)
    const via = value.via
    if (!file || !server || (via !== 'app' && via !== 'exchange')) return undefined
    const workspace = jobText(value.workspace)
    const text = (name: string) => {
      const field = jobText(value[name])
      return field && { [name]: field }
    }
    if (via === 'app') {
      if (!jobText(value.appId) || !jobText(value.privateKey) || !jobText(value.repository))
        return undefined
    } else if (
      !jobText(value.exchangeUrl) ||
      !jobText(value.requestUrl) ||
      !jobText(value.requestToken)
    ) {
      return undefined
    }
    const permissions = textMap(value.permissions)
    return {
      kind: 'github',
      file,
      server,
      via,
      ...(workspace && { workspace }),
      ...text('appId'),
      ...text('privateKey'),
      ...text('repository'),
      ...text('apiUrl'),
      ...text('jobTokenSha256'),
      ...text('exchangeUrl'),
      ...text('requestUrl'),
      ...text('requestToken'),
      ...(permissions && { permissions })
    }
  },
  mint: (job, deps) => mintGitHubToken(job, deps),
  plan: context => planGitHubRenewal(context),
  // GitHub's tokens live their hour after the job unless revoked, as actions/create-github-app-token's post step and
  // claude-code-action revoke theirs.
  async atJobEnd(content, { send, env, timeoutMs }) {
    const token = content.trim()
    if (!token) return undefined
    if (!GITHUB_TOKEN_TEXT.test(token))
      return 'its github-token file holds no GitHub token: nothing revoked'
    if (await revokeInstallationToken(token, env, { send, timeoutMs })) return undefined
    return 'could not revoke the last GitHub token it minted (DELETE /installation/token): it lasts until it expires, within the hour'
  },
  async handOff(file, { core, env, pid }) {
    const dir = ghConfigDirOf(file)
    core.exportVariable(GH_CONFIG_DIR, dir)
    const git = env.GITHUB_WORKSPACE
      ? `rewrites the App token git already holds in ${env.GITHUB_WORKSPACE} (actions/checkout's extraheader, claude-code-action's remote URL), never the job's own GITHUB_TOKEN, which git keeps where it holds it and which lasts the job, and `
      : ''
    core.info(
      `${PREFIX}: the renewer (process ${pid}) mints the GitHub token again at half its life until the job ends: it ${git}keeps gh's hosts.yml in ${dir}; ${GH_CONFIG_DIR} points there for the steps that follow, where GH_TOKEN and GITHUB_TOKEN outrank it.`
    )
  }
}

/** Where gh reads its configuration from (https://cli.github.com/manual/gh_help_environment). */
export const GH_CONFIG_DIR = 'GH_CONFIG_DIR'

export type GitHubPlan = SourcePlan<GitHubJob> | { why: string } | undefined

/**
 * Whether the GitHub token can be renewed, and how: from the App's key when the inputs name an App; through
 * claude-code-action's exchange when that action mints the Claude App's token itself; otherwise not this source's
 * route (the job's GITHUB_TOKEN lives as long as the job; a personal access token cannot be minted again). Pure.
 */
export function planGitHubRenewal(context: PlanContext): GitHubPlan {
  const { env, github: route, githubApp: app, exchange } = context
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const common = {
    kind: 'github' as const,
    server,
    ...(env.GITHUB_WORKSPACE && { workspace: env.GITHUB_WORKSPACE })
  }
  const warnings = limitsOf(route)
  if (app) {
    const repository = env.GITHUB_REPOSITORY ?? ''
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
      return {
        why: 'GITHUB_REPOSITORY is not set, so the App installation to mint for is not known'
      }
    return {
      job: {
        ...common,
        via: 'app',
        appId: app.appId,
        privateKey: app.privateKey,
        repository,
        ...(env.GITHUB_API_URL && { apiUrl: env.GITHUB_API_URL }),
        ...(app.jobTokenSha256 && { jobTokenSha256: app.jobTokenSha256 })
      },
      renewedBy: `the preflight's renewer (inputs 'app-id' and 'private-key'), which mints the App's installation token again at half its life and rewrites the token git holds in the checkout and gh's hosts.yml`,
      warnings
    }
  }
  if (route?.kind === 'app-token')
    return {
      why: `${route.why}: give this step the same App's 'app-id' and 'private-key' and the renewer mints it again before the hour`
    }
  if (route?.kind !== 'claude-app' || !exchange) return undefined
  const request = oidcRequestOf(env)
  if ('why' in request)
    return { why: `${request.why}, so the Claude App token cannot be minted again` }
  return {
    job: {
      ...common,
      via: 'exchange',
      exchangeUrl: exchange.url,
      ...request,
      ...(exchange.permissions && { permissions: exchange.permissions })
    },
    renewedBy: `the preflight's renewer (input 'renew'), which mints the Claude GitHub App's token again through claude-code-action's exchange at half its life and rewrites the token in the remote URL claude-code-action sets`,
    warnings
  }
}

/** What the renewal cannot reach for the Claude step's GitHub token route. */
function limitsOf(route: GitHubTokenRoute | undefined): string[] {
  if (!route || route.kind === 'none') return []
  if (route.kind === 'claude-app')
    return [
      "claude-code-action gives Claude its own App token in GH_TOKEN and GITHUB_TOKEN and in its GitHub MCP servers' environment when it starts: gh and those tools keep that token, which ends after an hour. The renewer renews git's remote URL only.",
      'claude-code-action sets its remote URL in its own step, after this one: the renewer rewrites it from its first renewal on, half an hour after this step.'
    ]
  return [
    `${route.why}: GH_TOKEN or GITHUB_TOKEN in the Claude step outranks the hosts.yml the renewer keeps for gh, so gh uses that token, not the renewed one.`
  ]
}

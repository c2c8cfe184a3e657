import { PREFIX, UserError, clip, inputError } from '../common/errors.js'

export type SecretScope =
  { kind: 'repo' } | { kind: 'environment'; environment: string } | { kind: 'org' }

/** Where the secret lives. `owner`/`repo` are the running repository's (for org scope, the org is `owner`). */
export interface SecretTarget {
  scope: SecretScope
  name: string
  owner: string
  repo: string
}

/** Parses `secret-scope`: `repo`, `environment:<name>` or `org`. */
export function parseSecretScope(value: string): SecretScope {
  const text = value.trim()
  if (text === '' || text === 'repo') return { kind: 'repo' }
  if (text === 'org') return { kind: 'org' }
  const env = /^environment:(.+)$/.exec(text)
  if (env?.[1]?.trim()) return { kind: 'environment', environment: env[1].trim() }
  throw inputError(
    'secret-scope',
    `is '${clip(text)}'`,
    "Use 'repo', 'environment:<name>' (say 'environment:production') or 'org'"
  )
}

/** Parses `secret-name` as GitHub accepts secret names. */
export function parseSecretName(value: string): string {
  const name = value.trim()
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name)) {
    throw inputError(
      'secret-name',
      `is '${clip(name)}', not a valid secret name`,
      'Use letters, digits and underscores, not starting with a digit or GITHUB_ (the default is CLAUDE_CREDENTIALS)'
    )
  }
  return name
}

/**
 * The target in the running repository (`GITHUB_REPOSITORY`). Throws a UserError: an inputError naming `secret-name`
 * for a name GitHub would refuse, and one saying so when not run inside GitHub Actions.
 */
export function secretTarget(
  scope: SecretScope,
  name: string,
  env: NodeJS.ProcessEnv
): SecretTarget {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    throw new UserError(
      `${PREFIX}: GITHUB_REPOSITORY is not set, so the secret to write back is unknown. Run this inside GitHub Actions.`
    )
  }
  return { scope, name: parseSecretName(name), owner, repo }
}

/** For humans: `repository secret CLAUDE_CREDENTIALS of o/r`. */
export function describeTarget(target: SecretTarget): string {
  switch (target.scope.kind) {
    case 'repo':
      return `repository secret ${target.name} of ${target.owner}/${target.repo}`
    case 'environment':
      return `secret ${target.name} of environment '${target.scope.environment}' in ${target.owner}/${target.repo}`
    case 'org':
      return `organization secret ${target.name} of ${target.owner}`
  }
}

/** The `gh secret set` command that re-seeds it, for messages. */
export function reseedCommand(target: SecretTarget): string {
  const where =
    target.scope.kind === 'org'
      ? `--org ${target.owner}`
      : target.scope.kind === 'environment'
        ? `--repo ${target.owner}/${target.repo} --env '${target.scope.environment}'`
        : `--repo ${target.owner}/${target.repo}`
  return `gh secret set ${target.name} ${where} < ~/.claude/.credentials.json`
}

/** The REST route prefix and params of the scope. */
export function scopeRoute(target: SecretTarget): {
  prefix: string
  params: Record<string, string>
} {
  switch (target.scope.kind) {
    case 'repo':
      return {
        prefix: '/repos/{owner}/{repo}/actions/secrets',
        params: { owner: target.owner, repo: target.repo }
      }
    case 'environment':
      return {
        prefix: '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
        params: {
          owner: target.owner,
          repo: target.repo,
          environment_name: target.scope.environment
        }
      }
    case 'org':
      return { prefix: '/orgs/{org}/actions/secrets', params: { org: target.owner } }
  }
}

/** How to put a fresh refresh token in the secret by hand. */
export function reseedAdvice(target: SecretTarget | undefined): string {
  const command = target
    ? reseedCommand(target)
    : 'gh secret set CLAUDE_CREDENTIALS < ~/.claude/.credentials.json'
  return `log in with \`claude\` on your machine (/login), then \`${command}\``
}

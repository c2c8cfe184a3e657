// Which GitHub token the job's Claude step hands Claude, and what the job's `permissions:` let the GITHUB_TOKEN do.
// Pure: it reads the parsed workflow document and recognises a few `${{ … }}` expressions, never evaluating one.

import type { ClaudeStep } from './claude-step.js'
import { asText, jobLabel, stepLabel, textMap } from './claude-step.js'

export type GitHubTokenRoute =
  /** claude-code-action without `github_token`: it mints an OIDC token and exchanges it for the Claude App's token. */
  | { kind: 'claude-app'; why: string }
  /** The output of an earlier step that mints a GitHub App installation token (one hour of life). */
  | { kind: 'app-token'; written: string; mintedBy: string; why: string }
  /** The job's own GITHUB_TOKEN (`${{ secrets.GITHUB_TOKEN }}`, `${{ github.token }}`). */
  | { kind: 'github-token'; written: string; why: string }
  /**
   * Anything else: a secret (a personal access token, likely), an expression the preflight cannot follow, or a value
   * written out in the workflow, which may be the token itself: `why` never quotes it.
   */
  | { kind: 'secret'; written: string; why: string }
  /** A Claude CLI step with neither GH_TOKEN nor GITHUB_TOKEN in its environment. */
  | { kind: 'none'; why: string }

/** A step's `uses:` that mints a GitHub App installation token, given as its output `token`. */
const APP_TOKEN_ACTION =
  /^(actions\/create-github-app-token|tibdex\/github-app-token|peter-murray\/workflow-application-token-action)@\S+$/i

/** claude-code-base-action (or its copy inside claude-code-action) takes no `github_token` input. */
const BASE_ACTION = /^anthropics\/claude-code-(?:base-action|action\/base-action)@/i

/** One whole `${{ … }}` expression; property names and context names are case-insensitive in expressions. */
const expression = (inner: string) => new RegExp(`^\\$\\{\\{\\s*(?:${inner})\\s*\\}\\}$`, 'i')
const JOB_TOKEN = expression(
  `secrets\\.GITHUB_TOKEN|secrets\\[\\s*'GITHUB_TOKEN'\\s*\\]|github\\.token|github\\[\\s*'token'\\s*\\]`
)
const STEP_TOKEN_OUTPUT = expression(
  `steps\\.([A-Za-z_][\\w-]*)\\.outputs(?:\\.token|\\[\\s*'token'\\s*\\])`
)
const SECRET = expression(`secrets\\.([A-Za-z_]\\w*)`)
const ENV_REFERENCE = expression(`env\\.([A-Za-z_]\\w*)`)

/**
 * The variables a GitHub client reads for github.com, in order; an empty one counts as unset (cli/go-gh
 * pkg/auth/auth.go, tokenForHost, which gh uses).
 */
const TOKEN_VARIABLES = ['GH_TOKEN', 'GITHUB_TOKEN'] as const

interface Job {
  id: string
  steps: Record<string, unknown>[]
  env: Record<string, string>
  workflowEnv: Record<string, string>
}

function jobOf(document: unknown, jobId: string): Job {
  const workflow = document as { env?: unknown; jobs?: Record<string, unknown> } | null
  const job = workflow?.jobs?.[jobId] as { steps?: unknown; env?: unknown } | undefined
  const steps = Array.isArray(job?.steps) ? job.steps : []
  return {
    id: jobId,
    steps: steps.map(raw =>
      raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
    ),
    env: textMap(job?.env),
    workflowEnv: textMap(workflow?.env)
  }
}

/**
 * Which GitHub token the Claude step `step` (of job `jobId` in the parsed workflow `document`) hands Claude.
 * claude-code-action: its input `github_token`, else the Claude App's token, which it mints itself (in
 * anthropics/claude-code-action, action.yml passes the input as OVERRIDE_GITHUB_TOKEN, src/github/token.ts
 * setupGitHubToken falls back to OIDC and the App exchange without it, src/entrypoints/run.ts sets GITHUB_TOKEN and
 * GH_TOKEN for Claude). A Claude CLI step and claude-code-base-action (no `github_token` input; its
 * base-action/src/parse-sdk-options.ts gives Claude the step's whole environment): GH_TOKEN, then GITHUB_TOKEN, from
 * the step's `env:`, else the job's, else the workflow's. The runner puts neither there itself.
 */
export function githubTokenRoute(
  step: ClaudeStep,
  document: unknown,
  jobId: string
): GitHubTokenRoute {
  const job = jobOf(document, jobId)
  if (step.kind === 'claude-code-action' && !BASE_ACTION.test(step.uses ?? '')) {
    const given = (step.inputs.github_token ?? '').trim()
    if (given) return classify(given, `input github_token of ${step.label}`, job, step.index)
    return {
      kind: 'claude-app',
      why: `${step.label} gives claude-code-action no github_token: it mints the Claude GitHub App's token through the job's OIDC token`
    }
  }
  for (const name of TOKEN_VARIABLES) {
    const found = environmentValue(name, step, job)
    if (found) return classify(found.written, found.where, job, step.index)
  }
  const runs =
    step.kind === 'claude-cli'
      ? 'the Claude CLI'
      : 'claude-code-base-action, which takes no github_token'
  return {
    kind: 'none',
    why: `${step.label} runs ${runs}, and neither GH_TOKEN nor GITHUB_TOKEN is set in its env:, its job's or the workflow's`
  }
}

interface Written {
  written: string
  where: string
}

/** A variable as the step sees it: its own `env:` wins over the job's, which wins over the workflow's. */
function environmentValue(name: string, step: ClaudeStep, job: Job): Written | undefined {
  const own = step.env[name]
  if (own === undefined) return jobValue(name, job)
  if (own.trim() === '') return undefined
  const where = `env ${name} of ${step.label}`
  // A step's env: sees the job's and the workflow's in its env context.
  const reference = ENV_REFERENCE.exec(own.trim())
  if (!reference) return { written: own.trim(), where }
  const followed = jobValue(reference[1] as string, job)
  return followed && { written: followed.written, where: `${where}, from ${followed.where}` }
}

function jobValue(name: string, job: Job): Written | undefined {
  const [written, where] =
    job.env[name] !== undefined
      ? [job.env[name], `env ${name} of ${jobLabel(job.id)}`]
      : [job.workflowEnv[name], `env ${name} of the workflow`]
  return written !== undefined && written.trim() !== ''
    ? { written: written.trim(), where }
    : undefined
}

/** The route of a value written in the workflow (`where` says where), for the step at `claudeIndex` of `job`. */
function classify(written: string, where: string, job: Job, claudeIndex: number): GitHubTokenRoute {
  if (JOB_TOKEN.test(written))
    return { kind: 'github-token', written, why: `${where}: the job's GITHUB_TOKEN` }
  const output = STEP_TOKEN_OUTPUT.exec(written)
  const minter = output && appTokenStep(output[1] as string, job, claudeIndex)
  if (minter)
    return {
      kind: 'app-token',
      written,
      mintedBy: minter.label,
      why: `${where}: the output token of ${minter.label}, ${minter.action}`
    }
  const secret = SECRET.exec(written)
  const what = secret
    ? `secret ${secret[1]}`
    : written.includes('${{')
      ? 'an expression the preflight cannot follow'
      : 'a value written in the workflow'
  return { kind: 'secret', written, why: `${where}: ${what}` }
}

/** The step before the Claude step with id `id` (ids compare case-insensitively) that mints an App token. */
function appTokenStep(
  id: string,
  job: Job,
  claudeIndex: number
): { label: string; action: string } | undefined {
  const index = job.steps
    .slice(0, claudeIndex)
    .findIndex(step => asText(step.id)?.toLowerCase() === id.toLowerCase())
  const step = job.steps[index]
  const action = step && APP_TOKEN_ACTION.exec(asText(step.uses)?.trim() ?? '')
  return action ? { label: stepLabel(step, index, job.id), action: action[1] as string } : undefined
}

export type PermissionLevel = 'read' | 'write' | 'none'

/**
 * What the job's GITHUB_TOKEN may do, for the scopes the Claude step's GitHub token needs, and whether the job may mint
 * an OIDC token. `declared: false`: neither the job nor the workflow sets `permissions:`, and the repository's or
 * organisation's default applies, which the workflow cannot tell.
 */
export interface JobPermissions {
  declared: boolean
  /** Whose `permissions:` apply. */
  from?: 'job' | 'workflow'
  idToken?: PermissionLevel
  contents?: PermissionLevel
  pullRequests?: PermissionLevel
  issues?: PermissionLevel
}

type Scope = 'id-token' | 'contents' | 'pull-requests' | 'issues'

const FIELDS: ReadonlyArray<[Scope, 'idToken' | 'contents' | 'pullRequests' | 'issues']> = [
  ['id-token', 'idToken'],
  ['contents', 'contents'],
  ['pull-requests', 'pullRequests'],
  ['issues', 'issues']
]

/**
 * The `permissions:` that apply to job `jobId` (https://docs.github.com/actions/using-jobs/assigning-permissions-to-jobs):
 * the job's own replace the workflow's; `read-all` and `write-all` give every scope that level; a mapping gives the
 * scopes it names and `none` to every other (`{}`: everything none).
 */
export function jobPermissions(document: unknown, jobId: string): JobPermissions {
  const workflow = document as { permissions?: unknown; jobs?: Record<string, unknown> } | null
  const job = workflow?.jobs?.[jobId] as { permissions?: unknown } | undefined
  return (
    permissionsOf(job?.permissions, 'job') ??
    permissionsOf(workflow?.permissions, 'workflow') ?? { declared: false }
  )
}

function permissionsOf(value: unknown, from: 'job' | 'workflow'): JobPermissions | undefined {
  let levelOf: (scope: Scope) => PermissionLevel
  if (value === 'read-all' || value === 'write-all') {
    const level = value === 'read-all' ? 'read' : 'write'
    levelOf = () => level
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    const scopes = value as Record<string, unknown>
    levelOf = scope => {
      const level = scopes[scope]
      return level === 'read' || level === 'write' ? level : 'none'
    }
  } else {
    return undefined
  }
  const permissions: JobPermissions = { declared: true, from }
  for (const [scope, field] of FIELDS) permissions[field] = levelOf(scope)
  return permissions
}

/** A scope the Claude step's GitHub token needs, at least at `level`, and what for (for humans). */
export interface PermissionNeed {
  scope: Exclude<Scope, 'id-token'>
  level: 'read' | 'write'
  for: string
}

/**
 * What the Claude step does with its GitHub token: it reads the repository; claude-code-action also pushes Claude's
 * commits and comments on pull requests and issues (the permissions it asks the Claude App for, src/github/token.ts
 * DEFAULT_PERMISSIONS, and that docs/setup.md requires of a custom App or token).
 */
export function githubTokenNeeds(step: ClaudeStep): PermissionNeed[] {
  if (step.kind === 'claude-code-action' && !BASE_ACTION.test(step.uses ?? ''))
    return [
      { scope: 'contents', level: 'write', for: "to push Claude's commits" },
      { scope: 'pull-requests', level: 'write', for: 'to comment on pull requests' },
      { scope: 'issues', level: 'write', for: 'to comment on issues' }
    ]
  return [{ scope: 'contents', level: 'read', for: 'to read the repository' }]
}

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 }

/**
 * Each need the declared `permissions` fall short of, as a line for a warning; none when nothing is declared (the
 * default cannot be read from the workflow). The job's permissions bound the GITHUB_TOKEN only: they matter when the
 * route is `github-token`.
 */
export function missingPermissions(needs: PermissionNeed[], permissions: JobPermissions): string[] {
  if (!permissions.declared) return []
  const whose =
    permissions.from === 'workflow' ? "the workflow's permissions:" : "the job's permissions:"
  return needs.flatMap(need => {
    const field = FIELDS.find(([scope]) => scope === need.scope)?.[1]
    const given = (field && permissions[field]) ?? 'none'
    return RANK[given] >= RANK[need.level]
      ? []
      : [`${need.scope}: ${need.level} ${need.for}: ${whose} give ${need.scope}: ${given}`]
  })
}

/** The permissions claude-code-action asks the Claude App for by default (anthropics/claude-code-action, src/github/token.ts). */
const APP_DEFAULT_PERMISSIONS: Readonly<Record<string, string>> = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write'
}

/**
 * What claude-code-action asks the Claude App's token exchange for: its `additional_permissions` input (`key: value`
 * lines) over its defaults, as its `parseAdditionalPermissions` reads it; undefined when the input is empty, and the
 * exchange is then asked for nothing in particular.
 */
export function appPermissionsOf(step: ClaudeStep): Record<string, string> | undefined {
  const additional: Record<string, string> = {}
  for (const line of (step.inputs.additional_permissions ?? '').split('\n')) {
    const colon = line.indexOf(':')
    if (colon === -1) continue
    const key = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (key && value) additional[key] = value
  }
  return Object.keys(additional).length > 0
    ? { ...APP_DEFAULT_PERMISSIONS, ...additional }
    : undefined
}

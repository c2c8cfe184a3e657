// The GitHub side of the preflight: which GitHub token the Claude step gets, whether it is live, how long it lasts
// against the job, whether the job can mint the OIDC token claude-code-action exchanges for the Claude GitHub App's
// token, and (on request) whether that exchange works. The verdict is said apart from the Claude credential's.
import type { HttpSend } from '../http/request.js'
import type { ClaudeStep } from '../workflow/claude-step.js'
import {
  appPermissionsOf,
  githubTokenNeeds,
  githubTokenRoute,
  jobPermissions,
  missingPermissions,
  type GitHubTokenRoute
} from '../workflow/github-token.js'
import { mintOidcToken } from '../github/oidc.js'
import {
  CLAUDE_APP_AUDIENCE,
  exchangeForAppToken,
  revokeInstallationToken,
  type ExchangeProblem
} from '../github/app-exchange.js'
import { probeGitHubToken, type GitHubTokenProbe } from '../github/token-life.js'
import { githubRequest } from '../github/client.js'
import { jobStartedAt } from '../github/job-start.js'
import { fingerprint } from '../providers/shapes.js'
import { formatDuration } from '../lifetime/duration.js'
import { stepTimeoutMinutes } from '../workflow/timeout.js'
import { clipLine } from '../common/errors.js'
import { PREFIX } from '../common/errors.js'
import type { OnExpiring, OnProblem } from '../policy/decide.js'
import type { GitHubInputs } from '../inputs/github.js'
import type { MinRemaining } from './min-remaining.js'
import {
  APP_TOKEN_LIFETIME_MS,
  GITHUB_TOKEN_LABELS,
  githubTokenLabel,
  isOneHourToken,
  type GitHubStatus,
  type GitHubTokenLabel
} from '../providers/github-token.js'
import type { EventFacts } from './event.js'

export interface GitHubReport {
  /** What the token is, for humans: "Claude GitHub App token", "fine-grained personal access token", … */
  label: GitHubTokenLabel
  /** How the preflight knows which token the Claude step gets, for humans. */
  found: string
  /** Names the token without revealing it, when the preflight had its value. */
  fingerprint?: string
  status: GitHubStatus
  action: 'pass' | 'warn' | 'fail'
  expiresAt?: Date
  /** How `expiresAt` is known, for humans. */
  expirySource?: string
  /** The token lasts until the job ends (GITHUB_TOKEN). */
  lastsTheJob?: boolean
  title: string
  /** One line: the cause and the fix. Server text in it is the caller's to redact. */
  text: string
  /** Permissions the token lacks for what the Claude step does, said as warnings. */
  warnings: string[]
  checkedAt: Date
}

export interface GitHubCheckPolicy {
  onInvalid: OnProblem
  onExpiring: OnExpiring | 'auto'
  onUnverifiable: OnProblem
  probeTimeoutMs: number
  /** The preflight's own `github-token` (default `github.token`): the job's GITHUB_TOKEN unless replaced. */
  githubToken: string
}

export interface GitHubCheckContext {
  inputs: GitHubInputs
  policy: GitHubCheckPolicy
  /** The step that runs Claude, and the workflow and job it is in; undefined when none was found. */
  claude?: { step: ClaudeStep; document: unknown; job: string }
  minRemaining: MinRemaining
  event: EventFacts
}

export interface GitHubCheckDeps {
  send: HttpSend
  env: NodeJS.ProcessEnv
  now: () => Date
  /** Masks a token the moment it is read (core.setSecret). */
  mask: (secret: string) => void
  /** When this process started: the job started before it. */
  processStart?: Date
}

/** One check's view: its context and dependencies, and the one instant it judges every time against. */
interface Check extends GitHubCheckContext {
  deps: GitHubCheckDeps
  now: Date
}

/**
 * How long a token lives, as far as the preflight can tell: until the job ends (GITHUB_TOKEN), until a fixed instant
 * (a PAT's expiry, from GitHub's header), one hour from its minting in this job (an App installation token, minted by
 * the Claude step itself or by an earlier step), or not known (a PAT without an expiry, a token it cannot read).
 */
type Life =
  | { kind: 'job' }
  | { kind: 'until'; at: Date; source: string }
  | { kind: 'one-hour'; mintedBy: 'claude-step' | 'earlier-step'; earliest?: Date; source: string }
  | { kind: 'unknown' }

/** How a token given as `claude-github-token` was found, for the summary. */
const GIVEN = "input 'claude-github-token'"

const ROUTE_LABEL: Record<GitHubTokenRoute['kind'], GitHubTokenLabel> = {
  'claude-app': GITHUB_TOKEN_LABELS.claudeApp,
  'app-token': GITHUB_TOKEN_LABELS.appToken,
  'github-token': GITHUB_TOKEN_LABELS.workflowToken,
  secret: GITHUB_TOKEN_LABELS.fromSecret,
  none: GITHUB_TOKEN_LABELS.none
}

/**
 * The GitHub side, checked: undefined when there is nothing to say (no Claude step found and no
 * `claude-github-token`). Never throws for what GitHub or the network answer.
 */
export async function checkGitHubSide(
  context: GitHubCheckContext,
  deps: GitHubCheckDeps
): Promise<GitHubReport | undefined> {
  const check: Check = { ...context, deps, now: deps.now() }
  const given = context.inputs.claudeGitHubToken
  if (given) return checkGivenToken(given, check)
  if (!context.claude) return undefined
  const { step, document, job } = context.claude
  const route = githubTokenRoute(step, document, job)
  const base = { label: ROUTE_LABEL[route.kind], found: route.why, checkedAt: check.now }
  const appNotAsked =
    context.inputs.checkGitHubApp && route.kind !== 'claude-app'
      ? ` ('check-github-app' does nothing here: ${step.label} does not use the Claude GitHub App.)`
      : ''
  switch (route.kind) {
    case 'none':
      return {
        ...base,
        status: 'none',
        action: 'pass',
        title: 'No GitHub token for Claude',
        text: `${PREFIX}: no GitHub token reaches ${step.label}: Claude cannot push or comment there (${route.why}).${appNotAsked}`,
        warnings: []
      }
    case 'claude-app':
      return checkClaudeApp(base, check)
    case 'github-token':
      return {
        ...base,
        status: 'valid',
        action: 'pass',
        lastsTheJob: true,
        title: 'GitHub token lasts the job',
        text: `${PREFIX}: ${step.label} gets the job's GITHUB_TOKEN, which lasts until the job ends.${appNotAsked}`,
        warnings: permissionWarnings(check)
      }
    case 'app-token':
      return timed(
        {
          ...base,
          status: 'unchecked',
          title: 'GitHub token not proven',
          text: `${PREFIX}: ${step.label} gets a GitHub App installation token (${route.why}), which lasts one hour from minting. Pass the same token as 'claude-github-token' to prove it live.${appNotAsked}`,
          warnings: []
        },
        await earlierStepToken(check),
        check
      )
    case 'secret':
      return {
        ...base,
        status: 'unchecked',
        action: 'pass',
        title: 'GitHub token not proven',
        text: `${PREFIX}: ${step.label} gets a GitHub token this step cannot read (${route.why}). Pass the same value as 'claude-github-token' to prove it live and learn when it expires.${appNotAsked}`,
        warnings: []
      }
  }
}

/** The token given as `claude-github-token`: proven with `GET /rate_limit`, its expiry read or bounded. */
async function checkGivenToken(token: string, check: Check): Promise<GitHubReport> {
  const label = githubTokenLabel(token, check.policy.githubToken)
  const probe = await probeGitHubToken(token, check.deps.env, {
    send: check.deps.send,
    timeoutMs: check.policy.probeTimeoutMs
  })
  const base = {
    label,
    found: GIVEN,
    fingerprint: fingerprint(token),
    checkedAt: check.now
  }
  const warnings = [
    ...scopeWarnings(probe),
    ...(label === GITHUB_TOKEN_LABELS.workflowToken ? permissionWarnings(check) : [])
  ]
  if (probe.status !== 'valid') return { ...base, ...refusal(probe, label, check), warnings }
  const life: Life =
    label === GITHUB_TOKEN_LABELS.workflowToken
      ? { kind: 'job' }
      : isOneHourToken(label) && probe.expiresAt
        ? {
            // Minted in this job, whatever GitHub says of its expiry: timed against the job's limit.
            kind: 'one-hour',
            mintedBy: 'earlier-step',
            earliest: probe.expiresAt,
            source: "GitHub's GitHub-Authentication-Token-Expiration header"
          }
        : probe.expiresAt
          ? {
              kind: 'until',
              at: probe.expiresAt,
              source: "GitHub's GitHub-Authentication-Token-Expiration header"
            }
          : label === GITHUB_TOKEN_LABELS.appToken
            ? await earlierStepToken(check)
            : { kind: 'unknown' }
  return timed(
    {
      ...base,
      status: 'valid',
      title: 'GitHub token valid',
      text: `${PREFIX}: the ${label} given as 'claude-github-token' is live${life.kind === 'job' ? ' and lasts the job' : life.kind === 'unknown' ? ' and does not expire' : ''}.`,
      warnings
    },
    life,
    check
  )
}

/** A token GitHub refused, or whose check got no answer. */
function refusal(
  probe: GitHubTokenProbe,
  label: GitHubTokenLabel,
  check: Check
): Pick<GitHubReport, 'status' | 'action' | 'title' | 'text'> {
  const said = `${probe.message}${probe.requestId ? ` (request id ${probe.requestId})` : ''}`
  if (probe.status === 'invalid')
    return {
      status: 'invalid',
      action: check.policy.onInvalid,
      title: 'GitHub token invalid',
      text: `${PREFIX}: the ${label} given as 'claude-github-token' was refused by GitHub: ${said}. Fix: ${
        isOneHourToken(label)
          ? 'an App installation token lasts one hour and cannot be renewed: mint it in this job, right before the Claude step, or pass a token that lasts the job'
          : 'it expired or was revoked: create a new one and update the secret that feeds both this step and the Claude step'
      }.`
    }
  return {
    status: 'unverifiable',
    action: check.policy.onUnverifiable,
    title: 'GitHub token unverifiable',
    text: `${PREFIX}: the ${label} given as 'claude-github-token' could not be checked: ${said}. This says nothing about the token itself.`
  }
}

/** claude-code-action without `github_token`: it mints the job's OIDC token and exchanges it for the App's token. */
async function checkClaudeApp(
  base: Pick<GitHubReport, 'label' | 'found' | 'checkedAt'>,
  check: Check
): Promise<GitHubReport> {
  const { step, job } = check.claude!
  const { deps, policy } = check
  const orToken = `or pass \`github_token\` to ${step.label} (for example \`\${{ secrets.GITHUB_TOKEN }}\` with the job's permissions)`
  const missing = (title: string, text: string): GitHubReport => ({
    ...base,
    status: 'missing',
    action: policy.onInvalid,
    title,
    text: `${PREFIX}: ${step.label} mints its GitHub token from the job's OIDC token, ${text}`,
    warnings: []
  })
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    if (check.event.fromFork)
      return missing(
        'GitHub OIDC token unavailable',
        `and GitHub gives no OIDC token to a run for a pull request from a fork: the step will fail before Claude starts. This is not a credential problem. Fix: skip the job for forks (if: github.event.pull_request.head.repo.fork == false), ${orToken}.`
      )
    const dependabot =
      check.event.actor === 'dependabot[bot]'
        ? ' Dependabot runs get no OIDC token whatever the permissions: skip the job for Dependabot.'
        : ''
    const target =
      check.event.name === 'pull_request_target'
        ? ' On pull_request_target from a fork the exchange has refused such tokens ("Invalid OIDC token"): `github_token` is the surer fix there.'
        : ''
    return missing(
      'GitHub OIDC token unavailable',
      `but this job cannot mint one (no ACTIONS_ID_TOKEN_REQUEST_URL): it fails with "Could not fetch an OIDC token" before Claude starts. Fix: add \`permissions: id-token: write\` to job '${job}' (with the other permissions it needs, such as \`contents: write\`), ${orToken}.${dependabot}${target}`
    )
  }
  // Minted when the Claude step starts, after this one: it lasts at least an hour from now, and is never renewed.
  const life: Life = {
    kind: 'one-hour',
    mintedBy: 'claude-step',
    earliest: new Date(check.now.getTime() + APP_TOKEN_LIFETIME_MS),
    source: 'claude-code-action mints a one-hour App token when its step starts and never renews it'
  }
  if (!check.inputs.checkGitHubApp) {
    return timed(
      {
        ...base,
        status: 'unchecked',
        title: 'Claude GitHub App not checked',
        text: `${PREFIX}: ${step.label} gets the Claude GitHub App's token through the job's OIDC token, which this job can mint. Set 'check-github-app: true' to prove the exchange before Claude starts.`,
        warnings: []
      },
      life,
      check
    )
  }
  const timeoutMs = policy.probeTimeoutMs
  const oidc = await mintOidcToken(deps.env, CLAUDE_APP_AUDIENCE, {
    send: deps.send,
    timeoutMs,
    mask: deps.mask
  })
  if (!('token' in oidc)) {
    // The variables are there, so the job has id-token: write: a refusal is the runner's token service's own.
    return {
      ...base,
      status: 'unverifiable',
      action: policy.onUnverifiable,
      title: 'GitHub OIDC token unverifiable',
      text: `${PREFIX}: the job may mint OIDC tokens, but the runner's token service did not give one for the check: ${oidc.message.replace(/\.$/, '')}. This says nothing about the Claude GitHub App. If ${step.label} fails the same way, re-run the job, ${orToken}.`,
      warnings: []
    }
  }
  const exchanged = await exchangeForAppToken(
    oidc.token,
    check.inputs.exchangeUrl,
    { send: deps.send, timeoutMs, mask: deps.mask },
    appPermissionsOf(step)
  )
  if (!('token' in exchanged))
    return {
      ...base,
      ...exchangeRefusal(exchanged.problem, exchanged.message, check, orToken),
      warnings: []
    }
  const revoked = await revokeInstallationToken(exchanged.token, deps.env, {
    send: deps.send,
    timeoutMs
  })
  return timed(
    {
      ...base,
      status: 'valid',
      title: 'Claude GitHub App ready',
      text: `${PREFIX}: the job's OIDC token was exchanged for the Claude GitHub App's token at ${check.inputs.exchangeUrl}, as ${step.label} will do${revoked ? '; the token minted for the check was revoked' : '; the token minted for the check could not be revoked and expires within the hour'}.`,
      warnings: []
    },
    life,
    check
  )
}

function exchangeRefusal(
  problem: ExchangeProblem,
  message: string,
  check: Check,
  orToken: string
): Pick<GitHubReport, 'status' | 'action' | 'title' | 'text'> {
  const said = `the exchange answered "${message}"`
  const { onInvalid, onUnverifiable } = check.policy
  switch (problem) {
    case 'not-installed':
      return {
        status: 'forbidden',
        action: onInvalid,
        title: 'Claude GitHub App not installed',
        text: `${PREFIX}: ${said}. Fix: install the Claude GitHub App on this repository (https://github.com/apps/claude), ${orToken}.`
      }
    case 'workflow-not-on-default-branch':
      // claude-code-action skips its step on this answer and the job succeeds (src/entrypoints/run.ts): a warning.
      return {
        status: 'forbidden',
        action: 'warn',
        title: 'Workflow not on the default branch',
        text: `${PREFIX}: ${said}: the exchange only accepts a workflow file identical to the one on the default branch, and claude-code-action skips its step (without failing) until then. Fix: merge this workflow to the default branch first, ${orToken}.`
      }
    case 'invalid-oidc':
    case 'refused':
      return {
        status: 'invalid',
        action: onInvalid,
        title: 'Claude GitHub App exchange refused',
        text: `${PREFIX}: ${said}: the exchange refused the job's OIDC token. Fix: ${orToken.replace(/^or /, '')}${check.event.name === 'pull_request_target' ? "; on pull_request_target from a fork the exchange refuses the job's token" : ''}.`
      }
    case 'unverifiable':
      return {
        status: 'unverifiable',
        action: onUnverifiable,
        title: 'Claude GitHub App unverifiable',
        text: `${PREFIX}: the Claude GitHub App exchange could not be checked: ${message}. This says nothing about the App or the token.`
      }
  }
}

/**
 * An App installation token minted by an earlier step of this job: one hour from its minting, which was at the
 * earliest when the job started (read from the jobs API when the job's token may list them).
 */
async function earlierStepToken(check: Check): Promise<Life> {
  const { deps, policy } = check
  const apis = policy.githubToken
    ? [
        githubRequest(policy.githubToken, deps.env, {
          send: deps.send,
          timeoutMs: policy.probeTimeoutMs
        })
      ]
    : []
  const started = await jobStartedAt(
    apis,
    deps.env,
    deps.processStart ?? new Date(performance.timeOrigin)
  )
  const source =
    'an App installation token lasts one hour from minting, and this one was minted in this job'
  return started.source === 'job'
    ? {
        kind: 'one-hour',
        mintedBy: 'earlier-step',
        earliest: new Date(started.at.getTime() + APP_TOKEN_LIFETIME_MS),
        source: `${source}, which started at ${started.at.toISOString()}`
      }
    : { kind: 'one-hour', mintedBy: 'earlier-step', source }
}

const HOUR_MINUTES = APP_TOKEN_LIFETIME_MS / 60_000

/** A live token's verdict once its life is weighed against how long the job, or the Claude step, may run. */
function timed(
  report: Omit<GitHubReport, 'action'> & { action?: GitHubReport['action'] },
  life: Life,
  check: Check
): GitHubReport {
  const pass = { ...report, action: report.action ?? 'pass' }
  switch (life.kind) {
    case 'job':
      return { ...pass, lastsTheJob: true }
    case 'unknown':
      return pass
    case 'until': {
      const dated = { ...pass, expiresAt: life.at, expirySource: life.source }
      const remainingMs = life.at.getTime() - check.now.getTime()
      if (remainingMs >= check.minRemaining.ms) return dated
      return expiring(
        dated,
        `expires at ${life.at.toISOString()}${remainingMs > 0 ? `, in ${formatDuration(remainingMs)}` : ''} (${life.source}), but the job may need ${formatDuration(check.minRemaining.ms)} (${check.minRemaining.source}). Fix: create a token with a later expiry and update the secret`,
        check
      )
    }
    case 'one-hour':
      return oneHour(pass, life, check)
  }
}

/**
 * A token minted in this job lasts one hour from its minting. Its minting was at or after the job's start (and, for
 * the Claude App's token, at the Claude step's start), so against `timeout-minutes` the verdict needs no clock: the
 * token lasts when the job (or the Claude step, for a token it mints itself) may not run longer than an hour. An
 * explicit `min-remaining` is weighed against the earliest expiry, from now.
 */
function oneHour(
  report: GitHubReport,
  life: Extract<Life, { kind: 'one-hour' }>,
  check: Check
): GitHubReport {
  const dated = {
    ...report,
    ...(life.earliest && { expiresAt: life.earliest }),
    expirySource: life.source
  }
  const { minRemaining } = check
  const stepMinutes =
    life.mintedBy === 'claude-step' && check.claude
      ? stepTimeoutMinutes(check.claude.document, check.claude.job, check.claude.step.index)
      : undefined
  const lever =
    life.mintedBy === 'claude-step'
      ? '`timeout-minutes: 60` at most on the Claude step or the job'
      : '`timeout-minutes: 60` at most on the job'
  const fix = `App installation tokens cannot be extended. Fix: keep the run within the hour (${lever}), or pass a token that lasts the job as \`github_token\` (the job's GITHUB_TOKEN with the permissions Claude needs, or a fine-grained personal access token)`
  if (minRemaining.from === 'input') {
    const lasts = life.earliest
      ? life.earliest.getTime() - check.now.getTime() >= minRemaining.ms
      : minRemaining.ms <= APP_TOKEN_LIFETIME_MS
    if (lasts) return dated
    return expiring(
      dated,
      `lasts one hour from minting (${life.source}), but the run must last ${formatDuration(minRemaining.ms)} from now (${minRemaining.source}). ${fix}`,
      check
    )
  }
  const limitMinutes =
    stepMinutes !== undefined
      ? Math.min(stepMinutes, minRemaining.ms / 60_000)
      : minRemaining.ms / 60_000
  if (limitMinutes <= HOUR_MINUTES) return dated
  const limit =
    minRemaining.from === 'default'
      ? `the job may run ${formatDuration(minRemaining.ms)} (${minRemaining.source}): set \`timeout-minutes\``
      : stepMinutes !== undefined && stepMinutes < minRemaining.ms / 60_000
        ? `${check.claude!.step.label} may run ${formatDuration(stepMinutes * 60_000)} (its timeout-minutes)`
        : `the job may run ${formatDuration(minRemaining.ms)} (${minRemaining.source})`
  return expiring(
    dated,
    `lasts one hour from minting (${life.source}), but ${limit}. ${fix}`,
    check
  )
}

/** The verdict on a token that will not last: `on-expiring`, where `auto` and `refresh` warn (it cannot be renewed). */
function expiring(report: GitHubReport, why: string, check: Check): GitHubReport {
  const what = `the ${report.label}${report.found === GIVEN ? " given as 'claude-github-token'" : ''}`
  return {
    ...report,
    status: 'expiring',
    action: check.policy.onExpiring === 'fail' ? 'fail' : 'warn',
    title: 'GitHub token expires before the job could end',
    text: `${PREFIX}: ${what} ${why}.`
  }
}

/** The job's declared permissions against what the Claude step does with the GITHUB_TOKEN. */
function permissionWarnings(check: Check): string[] {
  if (!check.claude) return []
  const { step, document, job } = check.claude
  return missingPermissions(githubTokenNeeds(step), jobPermissions(document, job))
}

/** A classic personal access token's scopes (`x-oauth-scopes`) against pushing and commenting. */
function scopeWarnings(probe: GitHubTokenProbe): string[] {
  if (!probe.scopes) return []
  return probe.scopes.some(scope => scope === 'repo' || scope === 'public_repo')
    ? []
    : [
        `the personal access token has scopes '${clipLine(probe.scopes.join(', ') || 'none', 120)}', without 'repo' (or 'public_repo'): Claude cannot push or comment with it.`
      ]
}

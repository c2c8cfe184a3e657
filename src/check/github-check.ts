// The GitHub side of the preflight: which GitHub token the Claude step gets, whether it is live, how long it lasts
// against the job, whether the job can mint the OIDC token claude-code-action exchanges for the Claude GitHub App's
// token, and (on request) whether that exchange works. The verdict is said apart from the Claude credential's.
import type { HttpSend } from '../http/request.js'
import type { ClaudeStep } from '../workflow/claude-step.js'
import {
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
  const given = context.inputs.claudeGitHubToken
  if (given) return checkGivenToken(given, context, deps)
  if (!context.claude) return undefined
  const { step, document, job } = context.claude
  const route = githubTokenRoute(step, document, job)
  const base = { label: ROUTE_LABEL[route.kind], found: route.why, checkedAt: deps.now() }
  switch (route.kind) {
    case 'none':
      return {
        ...base,
        status: 'none',
        action: 'pass',
        title: 'No GitHub token for Claude',
        text: `${PREFIX}: no GitHub token reaches ${step.label}: Claude cannot push or comment there (${route.why}).`,
        warnings: []
      }
    case 'claude-app':
      return checkClaudeApp(base, context, deps)
    case 'github-token': {
      const warnings = permissionWarnings(context)
      return {
        ...base,
        status: 'valid',
        action: 'pass',
        lastsTheJob: true,
        title: 'GitHub token lasts the job',
        text: `${PREFIX}: ${step.label} gets the job's GITHUB_TOKEN, which lasts until the job ends.`,
        warnings
      }
    }
    case 'app-token': {
      const expiry = await appTokenExpiry(context, deps)
      return timed(
        {
          ...base,
          status: 'unchecked',
          ...expiry,
          title: 'GitHub token not proven',
          text: `${PREFIX}: ${step.label} gets a GitHub App installation token (${route.why}), which lasts one hour from minting. Pass the same token as 'claude-github-token' to prove it live.`,
          warnings: []
        },
        context,
        deps
      )
    }
    case 'secret':
      return {
        ...base,
        status: 'unchecked',
        action: 'pass',
        title: 'GitHub token not proven',
        text: `${PREFIX}: ${step.label} gets a GitHub token this step cannot read (${route.why}). Pass the same value as 'claude-github-token' to prove it live and learn when it expires.`,
        warnings: []
      }
  }
}

/** The token given as `claude-github-token`: proven with `GET /rate_limit`, its expiry read or bounded. */
async function checkGivenToken(
  token: string,
  context: GitHubCheckContext,
  deps: GitHubCheckDeps
): Promise<GitHubReport> {
  const label = githubTokenLabel(token, context.policy.githubToken)
  const probe = await probeGitHubToken(token, deps.env, {
    send: deps.send,
    timeoutMs: context.policy.probeTimeoutMs
  })
  const base = {
    label,
    found: "input 'claude-github-token'",
    fingerprint: fingerprint(token),
    checkedAt: deps.now()
  }
  const warnings = [
    ...scopeWarnings(probe),
    ...(label === GITHUB_TOKEN_LABELS.workflowToken ? permissionWarnings(context) : [])
  ]
  if (probe.status !== 'valid') {
    return {
      ...base,
      ...refusal(probe, context.policy),
      warnings
    }
  }
  const lastsTheJob = label === GITHUB_TOKEN_LABELS.workflowToken
  const expiry = probe.expiresAt
    ? {
        expiresAt: probe.expiresAt,
        expirySource: "GitHub's GitHub-Authentication-Token-Expiration header"
      }
    : label === GITHUB_TOKEN_LABELS.appToken
      ? await appTokenExpiry(context, deps)
      : {}
  return timed(
    {
      ...base,
      status: 'valid',
      ...expiry,
      ...(lastsTheJob && { lastsTheJob }),
      title: 'GitHub token valid',
      text: `${PREFIX}: the ${label} given as 'claude-github-token' is live${expiry.expiresAt ? '' : lastsTheJob ? ' and lasts the job' : ' and does not expire'}.`,
      warnings
    },
    context,
    deps
  )
}

/** A token GitHub refused, or whose check got no answer. */
function refusal(
  probe: GitHubTokenProbe,
  policy: GitHubCheckPolicy
): Pick<GitHubReport, 'status' | 'action' | 'title' | 'text'> {
  const said = `GitHub answered ${probe.httpStatus ?? 'nothing'}: "${probe.message}"${probe.requestId ? ` (request id ${probe.requestId})` : ''}`
  if (probe.status === 'invalid')
    return {
      status: 'invalid',
      action: policy.onInvalid,
      title: 'GitHub token invalid',
      text: `${PREFIX}: the GitHub token given as 'claude-github-token' was refused: ${said}. Fix: it expired or was revoked; create a new one and update the secret that feeds both this step and the Claude step.`
    }
  return {
    status: 'unverifiable',
    action: policy.onUnverifiable,
    title: 'GitHub token unverifiable',
    text: `${PREFIX}: the GitHub token given as 'claude-github-token' could not be checked: ${said}. This says nothing about the token itself.`
  }
}

/** claude-code-action without `github_token`: it mints the job's OIDC token and exchanges it for the App's token. */
async function checkClaudeApp(
  base: Pick<GitHubReport, 'label' | 'found' | 'checkedAt'>,
  context: GitHubCheckContext,
  deps: GitHubCheckDeps
): Promise<GitHubReport> {
  const step = context.claude!.step
  const job = context.claude!.job
  const orToken = `or pass \`github_token\` to ${step.label} (for example \`\${{ secrets.GITHUB_TOKEN }}\` with the job's permissions)`
  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    const text = context.event.forkHead
      ? `${PREFIX}: ${step.label} mints its GitHub token from the job's OIDC token, and GitHub gives no OIDC token to a run for a pull request from a fork: the step will fail before Claude starts. This is not a credential problem. Fix: skip the job for forks (if: github.event.pull_request.head.repo.fork == false), ${orToken}.`
      : `${PREFIX}: ${step.label} mints its GitHub token from the job's OIDC token, but this job cannot mint one (no ACTIONS_ID_TOKEN_REQUEST_URL): it fails with "Could not fetch an OIDC token" before Claude starts. Fix: add \`permissions: id-token: write\` to job '${job}' (with the other permissions it needs, such as \`contents: write\`), ${orToken}.`
    return {
      ...base,
      status: 'missing',
      action: context.policy.onInvalid,
      title: 'GitHub OIDC token unavailable',
      text,
      warnings: []
    }
  }
  // Minted when the Claude step starts, after this one: it lasts at least an hour from now, and is never renewed.
  const expiry = {
    expiresAt: new Date(deps.now().getTime() + APP_TOKEN_LIFETIME_MS),
    expirySource:
      'claude-code-action mints a one-hour App token when its step starts and never renews it'
  }
  if (!context.inputs.checkGitHubApp) {
    return timed(
      {
        ...base,
        status: 'unchecked',
        ...expiry,
        title: 'Claude GitHub App not checked',
        text: `${PREFIX}: ${step.label} gets the Claude GitHub App's token through the job's OIDC token, which this job can mint. Set 'check-github-app: true' to prove the exchange before Claude starts.`,
        warnings: []
      },
      context,
      deps
    )
  }
  const timeoutMs = context.policy.probeTimeoutMs
  const oidc = await mintOidcToken(deps.env, CLAUDE_APP_AUDIENCE, {
    send: deps.send,
    timeoutMs,
    mask: deps.mask
  })
  if (!('token' in oidc)) {
    const refused = oidc.problem !== 'unverifiable'
    return {
      ...base,
      status: refused ? 'missing' : 'unverifiable',
      action: refused ? context.policy.onInvalid : context.policy.onUnverifiable,
      title: refused ? 'GitHub OIDC token refused' : 'GitHub OIDC token unverifiable',
      text: `${PREFIX}: the job's OIDC token could not be minted for ${step.label}: ${oidc.message}.${refused ? ` Fix: add \`permissions: id-token: write\` to job '${job}', ${orToken}.` : ' This says nothing about the permission itself.'}`,
      warnings: []
    }
  }
  const exchanged = await exchangeForAppToken(oidc.token, context.inputs.exchangeUrl, {
    send: deps.send,
    timeoutMs,
    mask: deps.mask
  })
  if (!('token' in exchanged)) {
    return {
      ...base,
      ...exchangeRefusal(exchanged.problem, exchanged.message, context, orToken),
      warnings: []
    }
  }
  const revoked = await revokeInstallationToken(exchanged.token, deps.env, {
    send: deps.send,
    timeoutMs
  })
  return timed(
    {
      ...base,
      status: 'valid',
      ...expiry,
      title: 'Claude GitHub App ready',
      text: `${PREFIX}: the job's OIDC token was exchanged for the Claude GitHub App's token at ${context.inputs.exchangeUrl}, as ${step.label} will do${revoked ? '; the token minted for the check was revoked' : '; the token minted for the check could not be revoked and expires within the hour'}.`,
      warnings: []
    },
    context,
    deps
  )
}

function exchangeRefusal(
  problem: ExchangeProblem,
  message: string,
  context: GitHubCheckContext,
  orToken: string
): Pick<GitHubReport, 'status' | 'action' | 'title' | 'text'> {
  const said = `the exchange answered "${message}"`
  const { onInvalid, onUnverifiable } = context.policy
  switch (problem) {
    case 'not-installed':
      return {
        status: 'forbidden',
        action: onInvalid,
        title: 'Claude GitHub App not installed',
        text: `${PREFIX}: ${said}. Fix: install the Claude GitHub App on this repository (https://github.com/apps/claude), ${orToken}.`
      }
    case 'workflow-not-on-default-branch':
      return {
        status: 'forbidden',
        action: onInvalid,
        title: 'Workflow not on the default branch',
        text: `${PREFIX}: ${said}: the exchange only accepts a workflow file identical to the one on the default branch, and claude-code-action skips its step until then. Fix: merge this workflow to the default branch first, ${orToken}.`
      }
    case 'invalid-oidc':
    case 'refused':
      return {
        status: 'invalid',
        action: onInvalid,
        title: 'Claude GitHub App exchange refused',
        text: `${PREFIX}: ${said}. Fix: check that the job's OIDC token is meant for the exchange ('github-app-exchange-url'), ${orToken}.`
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
 * An App installation token minted before this step, in this job: it expires one hour after minting, which was at the
 * earliest when the job started.
 */
async function appTokenExpiry(
  context: GitHubCheckContext,
  deps: GitHubCheckDeps
): Promise<Pick<GitHubReport, 'expiresAt' | 'expirySource'>> {
  const apis = context.policy.githubToken
    ? [
        githubRequest(context.policy.githubToken, deps.env, {
          send: deps.send,
          timeoutMs: context.policy.probeTimeoutMs
        })
      ]
    : []
  const processStart = deps.processStart ?? new Date(performance.timeOrigin)
  const started = await jobStartedAt(apis, deps.env, processStart)
  return {
    expiresAt: new Date(started.at.getTime() + APP_TOKEN_LIFETIME_MS),
    expirySource: `an App installation token lasts one hour from minting, and this one was minted after the job started (${started.source === 'job' ? started.at.toISOString() : 'at the latest when this step started'})`
  }
}

/** A live token's verdict once its expiry is weighed against how long the job may run. */
function timed(
  report: Omit<GitHubReport, 'action'> & { action?: GitHubReport['action'] },
  context: GitHubCheckContext,
  deps: GitHubCheckDeps
): GitHubReport {
  const { expiresAt } = report
  if (!expiresAt) return { ...report, action: report.action ?? 'pass' }
  const remainingMs = expiresAt.getTime() - deps.now().getTime()
  if (remainingMs >= context.minRemaining.ms) return { ...report, action: report.action ?? 'pass' }
  const onExpiring = context.policy.onExpiring
  const lasting = isOneHourToken(report.label)
    ? `App installation tokens last one hour and cannot be extended. Fix: keep the run under ${formatDuration(Math.max(0, remainingMs))} (\`timeout-minutes\` on the Claude step or the job), or pass a token that lasts the job as \`github_token\` (the job's GITHUB_TOKEN with the permissions Claude needs, or a fine-grained personal access token)`
    : 'Fix: create a token with a later expiry and update the secret'
  return {
    ...report,
    status: 'expiring',
    // This action cannot renew a GitHub token: 'auto' and 'refresh' warn.
    action: onExpiring === 'fail' ? 'fail' : 'warn',
    title: 'GitHub token expires before the job could end',
    text: `${PREFIX}: the ${report.label} ${report.found === "input 'claude-github-token'" ? "given as 'claude-github-token' " : ''}expires at ${expiresAt.toISOString()}${remainingMs > 0 ? `, in ${formatDuration(remainingMs)}` : ''} (${report.expirySource}), but the job may need ${formatDuration(context.minRemaining.ms)} (${context.minRemaining.source}). ${lasting}.`
  }
}

/** The job's declared permissions against what the Claude step does with the GITHUB_TOKEN. */
function permissionWarnings(context: GitHubCheckContext): string[] {
  if (!context.claude) return []
  const { step, document, job } = context.claude
  return missingPermissions(githubTokenNeeds(step), jobPermissions(document, job))
}

/** A classic personal access token's scopes (`x-oauth-scopes`) against pushing and commenting. */
function scopeWarnings(probe: GitHubTokenProbe): string[] {
  if (!probe.scopes) return []
  return probe.scopes.some(scope => scope === 'repo' || scope === 'public_repo')
    ? []
    : [
        `the personal access token has scopes '${probe.scopes.join(', ') || 'none'}', without 'repo' (or 'public_repo'): Claude cannot push or comment with it.`
      ]
}

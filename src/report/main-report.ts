import type { CheckReport, CheckedCredential } from '../check/run-check.js'
import type { Credential, FixProblem } from '../providers/provider.js'
import { providerOf, PROVIDERS } from '../providers/index.js'
import { capitalise, originOf } from '../providers/credential.js'
import { fingerprintOf } from '../providers/shapes.js'
import { formatDuration } from '../lifetime/duration.js'
import { REFRESH_HELD_BACK_FIX } from '../policy/decide.js'
import { PREFIX, reasonOf } from '../common/errors.js'
import {
  cellCode,
  clipChars,
  escapeCell,
  inertMarkdown,
  inlineCode,
  QUOTE_MAX
} from '../common/markdown.js'
import type { Redact } from '../common/redact.js'
import type { EventFacts } from '../check/event.js'
import type { GitHubReport } from '../check/github-check.js'
import type { Platform } from '../providers/platforms.js'
import type { CloudCheck } from '../cloud/check.js'

export interface Message {
  title: string
  text: string
}

const HEADLINE: Record<string, string> = {
  invalid: 'was rejected by the API',
  revoked: 'was revoked',
  forbidden: 'is not allowed to use the API',
  billing: 'has a billing problem',
  expiring: 'expires before the job could end',
  unverifiable: 'could not be verified',
  missing: 'is missing'
}

/** The server's words, redacted, on one line and cut (the job summary renders them inertly). */
function serverText(text: string, redact: Redact, max = QUOTE_MAX): string {
  return clipChars(redact(text).replace(/\s+/g, ' ').trim(), max)
}

function requestIdNote(checked: CheckedCredential, redact: Redact): string {
  const id = checked.probe?.requestId
  return id ? ` (request id ${serverText(id, redact)})` : ''
}

function expiryText(credential: Pick<Credential, 'expiresAt'>, now: Date): string {
  if (!credential.expiresAt) return ''
  const remaining = credential.expiresAt.getTime() - now.getTime()
  const when = credential.expiresAt.toISOString()
  return remaining <= 0
    ? `expired at ${when}, ${formatDuration(-remaining)} ago`
    : `expires at ${when}, in ${formatDuration(remaining)}`
}

/**
 * The one message that explains the verdict: names the credential, the cause (with request id) and the fix. What
 * the server said goes through `redact`.
 */
export function verdictMessage(report: CheckReport, event: EventFacts, redact: Redact): Message {
  const { verdict } = report
  const chosen = report.chosen
  if (report.selection.platform && report.cloud)
    return platformMessage(report, report.selection.platform, report.cloud, redact)
  if (report.selection.unseen) {
    return {
      title: 'Claude credential not checked',
      text: `${PREFIX}: Claude Code will use a credential this step cannot read: ${report.selection.unseen}.`
    }
  }
  if (!chosen) return missingMessage(event)
  const { credential } = chosen
  const name = `the ${credential.label} from ${credential.from}`
  if (!credential.secret && credential.refreshToken) return refreshOnlyMessage(report, name)
  const provider = providerOf(credential.source)
  // An access token that expired or was rejected is what a refresh is for; a revoked login is not.
  // Claude Code's own login file renews itself; a copy in a secret only through the action.
  const fix = (problem: FixProblem) =>
    report.policy.refreshHeldBack &&
    !('file' in originOf(credential.from)) &&
    (problem === 'expiring' || problem === 'invalid')
      ? REFRESH_HELD_BACK_FIX
      : provider.fix(problem, credential.from)
  const title = `Claude credential ${verdict.status}`
  switch (verdict.status) {
    case 'valid':
      return {
        title: 'Claude credential valid',
        text: `${PREFIX}: ${name} is live${credential.expiresAt ? ` and ${expiryText(credential, report.checkedAt)}` : ''} (needs ${report.minRemaining.source}).`
      }
    case 'expiring':
      return {
        title,
        text: `${PREFIX}: ${name} ${expiryText(credential, report.checkedAt)}${credential.expirySource ? ` (${credential.expirySource})` : ''}, but the job may need ${formatDuration(report.minRemaining.ms)} (${report.minRemaining.source}). Fix: ${fix('expiring')}`
      }
    case 'unverifiable':
      return {
        title,
        text: `${PREFIX}: ${name} could not be verified at ${report.inputs.baseUrl}: ${chosen.probe?.message ? serverText(chosen.probe.message, redact) : 'no answer'}${requestIdNote(chosen, redact)}. This says nothing about the credential itself; if it persists, check the network, HTTPS_PROXY and 'anthropic-base-url'.`
      }
    case 'invalid':
    case 'revoked':
    case 'forbidden':
    case 'billing':
      return {
        title,
        text: `${PREFIX}: ${name} ${HEADLINE[verdict.status]}: the API answered ${chosen.probe?.httpStatus ?? ''} "${serverText(chosen.probe?.message ?? '', redact)}"${requestIdNote(chosen, redact)}. Fix: ${fix(verdict.status)}`
      }
    case 'missing':
      return missingMessage(event)
  }
}

/** The table's verdict column: `ok`, or what the step does about it. */
const verdictCell = (action: string) => (action === 'pass' ? 'ok' : action)

/** An AWS account id is masked by configure-aws-credentials by default (`mask-aws-account-id`): never shown. */
const withoutAccountId = (identity: string) => identity.replace(/\b\d{12}\b/g, '************')

/** Claude Code switched to a cloud platform, or on federation: what its check found (src/cloud/). */
function platformMessage(
  report: CheckReport,
  platform: Platform,
  cloud: CloudCheck,
  redact: Redact
): Message {
  const { verdict } = report
  const { fixes } = platform
  const uses = `Claude Code will use ${platform.label} (${platform.variable})`
  // The check's own words hold the service's (each clipped where quoted): cut only far past a quote's length.
  const said = withoutAccountId(
    `${serverText(cloud.message, redact, 3 * QUOTE_MAX)}${cloud.requestId ? ` (request id ${serverText(cloud.requestId, redact)})` : ''}`
  )
  const expiry = cloud.renewal
    ? `they last the job: ${cloud.renewal}`
    : cloud.expiresAt
      ? `${expiryText(cloud, report.checkedAt).replace(/^expires/, 'expire')}${cloud.expirySource ? ` (${cloud.expirySource})` : ''}`
      : 'their expiry is unknown'
  const title = `Claude credential ${verdict.status}`
  switch (verdict.status) {
    case 'valid':
      return {
        title,
        text: `${PREFIX}: ${uses}: ${said}; ${expiry} (needs ${report.minRemaining.source}). This proves ${cloud.proves}.`
      }
    case 'expiring':
      return {
        title,
        text: `${PREFIX}: ${uses}: the ${platform.credential} ${expiry}, but the job may need ${formatDuration(report.minRemaining.ms)} (${report.minRemaining.source}). Fix: ${fixes.expiring}`
      }
    case 'unverifiable':
      return {
        title,
        text: cloud.unseen
          ? `${PREFIX}: ${uses}, and its ${platform.credential} could not be checked: ${said}.`
          : `${PREFIX}: ${uses}, and its ${platform.credential} could not be verified: ${said}. This says nothing about the credentials themselves; if it persists, check the network, HTTPS_PROXY and ${platform.endpoints}.`
      }
    default:
      return {
        title,
        text: cloud.misconfigured
          ? `${PREFIX}: ${uses}, but it is not set up as Claude Code needs: ${said}.`
          : `${PREFIX}: ${uses}, and its ${platform.credential} ${cloud.status === 'expired' ? 'have expired' : verdict.status === 'forbidden' ? 'lack a permission Claude needs' : 'were refused'}: ${said}. Fix: ${verdict.status === 'forbidden' ? fixes.forbidden : fixes.invalid}`
      }
  }
}

/** The platform's row: its credentials, who they are (no account id), and the verdict. */
function platformRow(report: CheckReport, platform: Platform): string {
  const cloud = report.cloud
  const remaining = cloud?.renewal
    ? 'renewed during the run'
    : cloud?.expiresAt
      ? formatDuration(cloud.expiresAt.getTime() - report.checkedAt.getTime())
      : 'unknown'
  const who = cloud?.identity ? cellCode(withoutAccountId(cloud.identity)) : ''
  return `| ${capitalise(platform.credential)} for ${platform.label} (used) | ${platform.variable} | ${who} | ${report.verdict.status} | ${cloud?.renewal ? 'job end' : (cloud?.expiresAt?.toISOString() ?? 'unknown')} | ${remaining} | ${verdictCell(report.verdict.action)} |`
}

/** A lone refresh token: nothing to probe, no expiry; only a refresh makes it usable. */
function refreshOnlyMessage(report: CheckReport, name: string): Message {
  const { onExpiring, refreshHeldBack } = report.policy
  const fix = refreshHeldBack
    ? REFRESH_HELD_BACK_FIX
    : onExpiring === 'refresh'
      ? "let the action refresh it (the default 'on-expiring: auto' with 'secrets-token' set)"
      : `'on-expiring' is '${onExpiring}', so it is not refreshed: set it to 'auto' (with 'secrets-token') or 'refresh'`
  return {
    title: 'Claude credential needs a refresh',
    text: `${PREFIX}: ${name} is a refresh token with no access token yet: there is nothing to probe, and Claude Code cannot use it until it is refreshed. Fix: ${fix.replace(/\.$/, '')}; or pass the access token too ('claude-credentials' with both tokens).`
  }
}

function missingMessage(event: EventFacts): Message {
  const names = PROVIDERS.map(p =>
    p.envVar ? `'${p.source}' (or env ${p.envVar})` : `'${p.source}'`
  ).join(', ')
  if (event.fromFork) {
    return {
      title: 'Claude credential missing: secrets are not passed to this event',
      text: `${PREFIX}: no Claude credential reached this job because GitHub does not pass secrets to workflows run for a pull request from a fork. This is not an invalid credential. Skip the job for forks (if: github.event.pull_request.head.repo.fork == false), or run it from a maintainer-triggered event.`
    }
  }
  if (event.actor === 'dependabot[bot]') {
    return {
      title: 'Claude credential missing: secrets are not passed to this event',
      text: `${PREFIX}: no Claude credential reached this job because Dependabot runs only get Dependabot secrets. This is not an invalid credential. Add the secret under Settings > Secrets and variables > Dependabot, or skip the job for Dependabot.`
    }
  }
  return {
    title: 'Claude credential missing',
    text: `${PREFIX}: no Claude credential was given. Set one of ${names} from a secret, e.g. anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}; check the secret's name and that it is set for this repository or environment.`
  }
}

/** The statement, in bold, that a refresh used up the secret's refresh token without saving its successor. */
function unsavedRefreshLines(report: CheckReport): string[] {
  const unsaved = report.verdict.unsavedRefresh
  if (!unsaved) return []
  return [
    `**Refreshed without saving the rotated refresh token ('on-expiring: refresh' without 'secrets-token'): the refresh token in ${inertMarkdown(unsaved.secret)} is now used up, and the next run fails with invalid_grant unless you re-seed it first.** Re-seed: ${inertMarkdown(unsaved.reseed)}.`,
    ''
  ]
}

/** Which step runs Claude, as the job's workflow says, and how the credential checked reaches it. */
function claudeStepLines(report: CheckReport): string[] {
  const step = report.selection.claudeStep
  if (!step) {
    return report.noClaudeStep
      ? [
          '',
          `No Claude step modelled: ${inertMarkdown(report.noClaudeStep)}; the credential checked is what this step sees (its inputs, then its environment).`
        ]
      : []
  }
  const uses = step.uses ? ` (${inlineCode(step.uses)})` : ' (a `claude` command)'
  const handedOn = report.chosen?.credential.handedOn
  return [
    '',
    `Claude runs in ${inertMarkdown(step.label)}${uses}: the credential checked is the one that step passes Claude${handedOn ? `, through ${inertMarkdown(handedOn)}` : ''}.`
  ]
}

/** The GitHub token's row: what it is, how it was found, and the verdict on it. */
function githubRow(github: GitHubReport): string {
  const remaining = github.expiresAt
    ? formatDuration(github.expiresAt.getTime() - github.checkedAt.getTime())
    : github.lastsTheJob
      ? 'the job'
      : 'unknown'
  return `| GitHub token: ${escapeCell(github.label)} | ${escapeCell(inertMarkdown(clipChars(github.found, QUOTE_MAX)))} | ${github.fingerprint ? `\`${github.fingerprint}\`` : ''} | ${github.status} | ${github.expiresAt?.toISOString() ?? (github.lastsTheJob ? 'job end' : 'unknown')} | ${remaining} | ${verdictCell(github.action)} |`
}

/** The job summary: one row per credential checked, never a secret, only fingerprints. */
export function summaryMarkdown(
  report: CheckReport,
  message: Message,
  github?: GitHubReport
): string {
  const rows = report.checked.map((checked, i) => {
    const { credential, probe } = checked
    const used = i === 0 && report.selection.chosen !== undefined
    const status = used ? report.verdict.status : (probe?.status ?? 'not probed')
    const remaining = credential.expiresAt
      ? formatDuration(credential.expiresAt.getTime() - report.checkedAt.getTime())
      : 'unknown'
    const verdict = used ? verdictCell(report.verdict.action) : 'ignored: Claude uses the one above'
    return `| ${capitalise(credential.label)}${used ? ' (used)' : ''} | ${credential.from} | \`${fingerprintOf(credential)}\` | ${status} | ${credential.expiresAt?.toISOString() ?? 'unknown'} | ${remaining} | ${escapeCell(verdict)} |`
  })
  const lines = [
    '## Claude preflight',
    '',
    `**${escapeCell(message.title)}**: ${inertMarkdown(reasonOf(message.text))}`,
    '',
    ...unsavedRefreshLines(report),
    '| Credential | From | Fingerprint | Status | Expires | Remaining | Verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...(report.selection.platform ? [platformRow(report, report.selection.platform)] : []),
    ...(report.selection.unseen
      ? [
          `| Set by the Claude step | not readable here | | ${report.verdict.status} | unknown | unknown | ${verdictCell(report.verdict.action)} |`
        ]
      : []),
    ...(rows.length || report.selection.unseen || report.selection.platform
      ? rows
      : ['| none | | | missing | | | fail |']),
    ...(github ? [githubRow(github)] : []),
    '',
    `${report.cloud && report.selection.platform ? `Checked the ${report.selection.platform.credential} for ${report.selection.platform.label}` : report.checked.some(c => c.probe) ? `Probed ${report.inputs.baseUrl} (${report.inputs.baseUrlFrom})` : 'Nothing probed'}; the credential must last ${formatDuration(report.minRemaining.ms)}: ${escapeCell(report.minRemaining.source)}.`,
    ...claudeStepLines(report),
    ...(github
      ? [
          '',
          `**${escapeCell(github.title)}**: ${inertMarkdown(reasonOf(github.text))}`,
          ...github.warnings.map(w => `- ${inertMarkdown(w)}`)
        ]
      : []),
    ''
  ]
  return lines.join('\n')
}

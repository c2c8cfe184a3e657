// Turns findings into what a person needs: distinct failures (not one per retry or per file), when each
// happened relative to the run and to what the preflight measured, what was lost, and the fix for that kind
// of credential. Pure.
import { providerOf } from '../providers/index.js'
import { capitalise } from '../providers/credential.js'
import { failureKind, type FailureKindId } from '../providers/failures.js'
import type { GitHubState, MeasuredState, PlatformState, PreflightState } from '../state/index.js'
import type { Finding } from './transcript.js'
import { isoSeconds } from '../common/time.js'
import type { Platform } from '../providers/platforms.js'

export interface Failure {
  kind: FailureKindId
  title: string
  /** The first finding of this failure (earliest in the files as given). */
  first: Finding
  /** Every file it was seen in. */
  files: string[]
  occurrences: number
  /** One sentence: what happened and when; the reports quote `first.message` after it. */
  headline: string
  /** What the run had done and spent before it, when known. */
  lost?: string
  /** How this ties to the preflight's check, when there was one. */
  preflight?: string
  fix: string
}

/** Groups findings into distinct failures: same kind and same words are one failure, however often seen. */
export function distinctFailures(
  findings: Finding[],
  state?: PreflightState,
  measured: { github?: GitHubState | undefined; platform?: PlatformState | undefined } = {}
): Failure[] {
  const { github, platform } = measured
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const key = `${finding.kind}\u0000${normaliseMessage(finding.message)}`
    const group = groups.get(key)
    if (group) group.push(finding)
    else groups.set(key, [finding])
  }
  const failures: Failure[] = []
  for (const group of groups.values()) {
    // The most informative finding leads: one from a transcript with a timeline beats a plain-text line.
    const first =
      group.find(f => f.turnsBefore !== undefined && f.at !== undefined) ??
      group.find(f => f.at !== undefined) ??
      (group[0] as Finding)
    const measuredPlatform = platformOf(first.kind, platform)
    const failure: Failure = {
      kind: first.kind,
      title: failureKind(first.kind).title,
      first,
      files: [...new Set(group.map(f => f.file))],
      occurrences: group.reduce((sum, f) => sum + f.occurrences, 0),
      headline: headline(first, state),
      fix: measuredPlatform ? platformFix(first.kind, measuredPlatform) : fixFor(first.kind, state)
    }
    const lost = lostWork(first)
    if (lost) failure.lost = lost
    const connection =
      first.kind === 'github-auth'
        ? github?.label && measuredConnection(first, { ...github, name: github.label })
        : measuredPlatform
          ? measuredConnection(first, {
              ...platform,
              name: `${measuredPlatform.credential} for ${measuredPlatform.label}`,
              plural: true
            })
          : preflightConnection(first, state)
    if (connection) failure.preflight = connection
    failures.push(failure)
  }
  return failures
}

function normaliseMessage(message: string): string {
  return message
    .replace(/req_[A-Za-z0-9]+/g, 'req')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

function credentialName(kind: FailureKindId, state?: PreflightState): string {
  const failure = failureKind(kind)
  if (failure.problem && state?.label) return `The ${state.label}`
  return capitalise(failure.credential)
}

function headline(f: Finding, state?: PreflightState): string {
  let text = `${credentialName(f.kind, state)} ${failureKind(f.kind).verb}`
  if (f.secondsIntoRun !== undefined) text += ` ${duration(f.secondsIntoRun)} into the run`
  if (f.at) text += ` (${f.at.replace(/\.\d+Z$/, 'Z')})`
  return text
}

function lostWork(f: Finding): string | undefined {
  const parts: string[] = []
  if (f.turnsBefore !== undefined) {
    parts.push(
      `${plural(f.turnsBefore, 'turn')} and ${plural(f.toolCallsBefore ?? 0, 'tool call')} had completed before it`
    )
  }
  if (f.runDurationMs !== undefined)
    parts.push(`the run lasted ${duration(f.runDurationMs / 1000)}`)
  if (f.costUsd !== undefined) parts.push(`cost $${f.costUsd.toFixed(f.costUsd < 1 ? 4 : 2)}`)
  if (f.retries > 0) parts.push(`${plural(f.retries, 'retry', 'retries')} burned on it`)
  if (parts.length === 0) return undefined
  const text = parts.join(', ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

/** "2 minutes after the expiry measured at preflight", "was valid at preflight, revoked since". */
function preflightConnection(f: Finding, state?: PreflightState): string | undefined {
  const kind = failureKind(f.kind)
  if (!state || !kind.problem) return undefined
  const checked = state.checkedAt ? ` (checked ${isoSeconds(state.checkedAt)})` : ''
  const at = f.at ? Date.parse(f.at) : undefined
  if (kind.expiry && state.expiresAt !== undefined && at !== undefined) {
    const seconds = Math.round((at - state.expiresAt) / 1000)
    if (seconds >= 0) {
      const warned =
        state.status === 'expiring'
          ? ' The preflight had warned at the start that it would not last the job; `on-expiring: fail` stops such a run before it starts.'
          : ''
      return `It failed ${duration(seconds)} after the expiry measured at preflight (${isoSeconds(state.expiresAt)}).${warned}`
    }
    return `It failed ${duration(-seconds)} before the expiry measured at preflight (${isoSeconds(state.expiresAt)}): the credential was cut short (logged out elsewhere, rotated, or a refresh replaced it).`
  }
  if (kind.expiry && state.expiresAt === undefined && state.status === 'valid') {
    return `It was valid at preflight${checked}, but its expiry was unknown there: tell the preflight when it ends (input \`oauth-token-expires-at\`) and it will warn before a run outlives it.`
  }
  if (state.status === 'valid') {
    return `It was valid at preflight${checked}, ${kind.since}.`
  }
  if (state.status) return `The preflight had reported it \`${state.status}\`${checked}.`
  return undefined
}

/**
 * A refused credential against what the preflight measured of it: "The Claude GitHub App token was refused 62 minutes
 * after the preflight's check (…), past the expiry it measured (…), in a job of up to 90 minutes; the preflight warned
 * at the start that it would not last."
 */
function measuredConnection(
  f: Finding,
  measured: MeasuredState & { name: string; status?: string | undefined; plural?: boolean }
): string | undefined {
  if (measured.checkedAt === undefined) return undefined
  const { name } = measured
  const checked = isoSeconds(measured.checkedAt)
  const at = f.at ? Date.parse(f.at) : undefined
  const job =
    measured.jobLimitMs === undefined
      ? ''
      : `, in a job of up to ${duration(measured.jobLimitMs / 1000)}`
  const warned = measured.warned ? '; the preflight warned at the start that it would not last' : ''
  if (at !== undefined && measured.expiresAt !== undefined && at >= measured.expiresAt) {
    return `The ${name} ${measured.plural ? 'were' : 'was'} refused ${duration((at - measured.checkedAt) / 1000)} after the preflight's check (${checked}), past the expiry it measured (${isoSeconds(measured.expiresAt)})${job}${warned}.`
  }
  if (measured.status === 'valid' || measured.status === 'unchecked')
    return `The preflight found the ${name} ${measured.status === 'valid' ? 'live' : 'in place'} at the start (checked ${checked})${measured.expiresAt !== undefined ? `, lasting until ${isoSeconds(measured.expiresAt)} at the earliest` : ''}${warned}.`
  return `The preflight had reported the ${name} \`${measured.status ?? 'unknown'}\` (checked ${checked}).`
}

/** The platform (or federation) the preflight measured, when a failure of `kind` is a failure of its credentials. */
function platformOf(
  kind: FailureKindId,
  measured: PlatformState | undefined
): Platform | undefined {
  const platform = measured?.platform
  return platform && kind.startsWith(platform.failurePrefix) ? platform : undefined
}

/** A platform's own fix for a failure of its credentials, by what went wrong; the kind's own for anything else. */
function platformFix(kind: FailureKindId, platform: Platform): string {
  const failure = failureKind(kind)
  switch (failure.problem) {
    case 'expiring':
      return platform.fixes.expiring
    case 'forbidden':
      return platform.fixes.forbidden
    case 'invalid':
    case 'revoked':
      return platform.fixes.invalid
    default:
      return failure.fix
  }
}

/**
 * The fix: the credential kind's own (the same words the main step uses) when the preflight's state names where
 * the credential came from; the failure kind's own text without it, and for a credential the preflight does not check.
 */
export function fixFor(id: FailureKindId, state?: PreflightState): string {
  const kind = failureKind(id)
  if (!kind.problem || state?.source === undefined) return kind.fix
  return providerOf(state.source).fix(kind.problem, state.from ?? `input ${state.source}`)
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 90) return plural(s, 'second')
  const minutes = Math.round(s / 60)
  if (minutes < 120) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

// Turns findings into what a person needs: distinct failures (not one per retry or per file), when each
// happened relative to the run and to what the preflight measured, what was lost, and the fix for that kind
// of credential. Pure.
import { kindOf } from '../providers/kinds.js'
import type { FixProblem } from '../providers/types.js'
import { KIND_TITLES, type Kind } from './kinds.js'
import type { PreflightState } from '../state/index.js'
import type { Finding } from './transcript.js'

export interface Failure {
  kind: Kind
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
export function distinctFailures(findings: Finding[], state?: PreflightState): Failure[] {
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
    const failure: Failure = {
      kind: first.kind,
      title: KIND_TITLES[first.kind],
      first,
      files: [...new Set(group.map(f => f.file))],
      occurrences: group.reduce((sum, f) => sum + f.occurrences, 0),
      headline: headline(first, state),
      fix: fixFor(first.kind, state)
    }
    const lost = lostWork(first)
    if (lost) failure.lost = lost
    const connection = preflightConnection(first, state)
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

const VERB: Record<Kind, string> = {
  'anthropic-auth-expired': 'expired',
  'anthropic-auth-invalid': 'was refused as invalid',
  'anthropic-auth-revoked': 'was revoked',
  'anthropic-auth-forbidden': 'was refused (not allowed for this use)',
  'anthropic-billing': 'hit a billing limit',
  'github-auth': 'was refused by GitHub'
}

function credentialName(kind: Kind, state?: PreflightState): string {
  if (kind === 'github-auth') return 'The GitHub token'
  if (state?.label) return `The ${state.label}`
  return 'The Anthropic credential'
}

function headline(f: Finding, state?: PreflightState): string {
  let text = `${credentialName(f.kind, state)} ${VERB[f.kind]}`
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
  if (!state || f.kind === 'github-auth') return undefined
  const checked = state.checkedAt ? ` (checked ${iso(state.checkedAt)})` : ''
  const at = f.at ? Date.parse(f.at) : undefined
  if (f.kind === 'anthropic-auth-expired' && state.expiresAt !== undefined && at !== undefined) {
    const seconds = Math.round((at - state.expiresAt) / 1000)
    if (seconds >= 0) {
      const warned =
        state.status === 'expiring'
          ? ' The preflight had warned at the start that it would not last the job; `on-expiring: fail` stops such a run before it starts.'
          : ''
      return `It failed ${duration(seconds)} after the expiry measured at preflight (${iso(state.expiresAt)}).${warned}`
    }
    return `It failed ${duration(-seconds)} before the expiry measured at preflight (${iso(state.expiresAt)}): the credential was cut short (logged out elsewhere, rotated, or a refresh replaced it).`
  }
  if (
    f.kind === 'anthropic-auth-expired' &&
    state.expiresAt === undefined &&
    state.status === 'valid'
  ) {
    return `It was valid at preflight${checked}, but its expiry was unknown there: tell the preflight when it ends (input \`oauth-token-expires-at\`) and it will warn before a run outlives it.`
  }
  if (state.status === 'valid') {
    const since: Record<Kind, string> = {
      'anthropic-auth-expired': 'expired since',
      'anthropic-auth-invalid': 'refused since',
      'anthropic-auth-revoked': 'revoked since',
      'anthropic-auth-forbidden': 'refused since',
      'anthropic-billing': 'out of credit since',
      'github-auth': ''
    }
    return `It was valid at preflight${checked}, ${since[f.kind]}.`
  }
  if (state.status) return `The preflight had reported it \`${state.status}\`${checked}.`
  return undefined
}

/** The key of a credential kind's fix (src/credentials/*.ts) for each kind of finding. */
const FIX_KEY: Record<Exclude<Kind, 'github-auth'>, FixProblem> = {
  'anthropic-auth-expired': 'expiring',
  'anthropic-auth-invalid': 'invalid',
  'anthropic-auth-revoked': 'revoked',
  'anthropic-auth-forbidden': 'forbidden',
  'anthropic-billing': 'billing'
}

/** The fix when the preflight's state does not say where the credential came from. */
const GENERIC_FIX: Record<Kind, string> = {
  'anthropic-auth-expired':
    'Renew the credential and update the secret: `claude setup-token` for an OAuth token (then set `oauth-token-expires-at` so the preflight fails early next time), a key with a longer expiry for an API key; for login credentials that can refresh, pass `claude-credentials` with `secrets-token`, so the preflight refreshes them and saves the rotated token. Run the preflight before the Claude step so it says which credential it was.',
  'anthropic-auth-invalid':
    'Check the secret holds the whole credential (no quotes, spaces or newline), that it is passed as the right kind (an `sk-ant-api03-` key as `anthropic-api-key`, an `sk-ant-oat01-` token as `claude-code-oauth-token`), and that it still exists in the Anthropic Console; then store a fresh one.',
  'anthropic-auth-revoked':
    'It was revoked (logged out, rotated, or revoked by an admin): create a new one (`claude setup-token`, or a new API key in the Console) and update the secret. If it keeps happening, another job or person is using and rotating the same credential: give this workflow its own.',
  'anthropic-auth-forbidden':
    'The organisation does not allow this credential here (Claude subscription access for Claude Code disabled, a missing scope, or a credential only authorised for Claude Code): ask an organisation admin to enable it, or use an API key from an organisation that allows it.',
  'anthropic-billing':
    'Add credits or raise the spend limit in the Anthropic Console (Settings → Billing / Limits), or use a key from a funded workspace; re-run once the balance is restored.',
  'github-auth':
    'The GitHub token was refused ("Bad credentials" / authentication failed). GitHub App installation tokens last one hour and claude-code-action does not renew them: keep runs under an hour or pass a longer-lived token (`github_token`), and check the token has the permissions the step needs.'
}

/**
 * The fix: the credential kind's own (the same words the main step uses) when the preflight's state names where
 * the credential came from; a generic text without it, and always for the GitHub token.
 */
export function fixFor(kind: Kind, state?: PreflightState): string {
  if (kind === 'github-auth' || state?.source === undefined) return GENERIC_FIX[kind]
  return kindOf(state.source).fix(FIX_KEY[kind], state.from ?? `input ${state.source}`)
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

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
}

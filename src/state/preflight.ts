// The state main saves for post, in one place: the key, the saved shape (JSON, times as ISO 8601), the writer main
// calls, and post's reader. The reader is defensive: absent, garbled or from another version, the state becomes
// undefined or loses the fields that do not make sense, never an exception.
import type { Core } from '../common/core.js'
import { PROVIDERS } from '../providers/index.js'
import type { CredentialSource } from '../providers/provider.js'
import { STATUSES } from '../policy/decide.js'
import { SECRET_ENV_VARS, SECRET_INPUTS } from '../providers/secrets.js'

/** The `core.saveState` / `core.getState` name. */
export const STATE_KEY = 'preflight'

/** What main saves, as JSON: no secret, only what identifies and dates the check. */
export interface SavedPreflightState {
  source: CredentialSource
  /** Where it was read: `input <source>` or `env <variable>` (Credential.from), so that the fix names it. */
  from: string
  label: string
  fingerprint: string
  /** ISO 8601; absent when the expiry is unknown. */
  expiresAt?: string
  /** ISO 8601. */
  checkedAt: string
  status: string
}

/** What main knows when it saves the state. */
export interface PreflightCheck {
  source: CredentialSource
  from: string
  label: string
  fingerprint: string
  expiresAt?: Date | undefined
  checkedAt: Date
  status: string
}

/** What post reads back: every field optional (the state may be absent or garbled), times as epoch ms. */
export interface PreflightState {
  /** The input the credential came from: `claude-code-oauth-token`, `anthropic-api-key`, … */
  source?: CredentialSource
  /** Where it was read: `input anthropic-api-key`, `env ANTHROPIC_API_KEY`, … */
  from?: string
  /** Human name of the credential: "OAuth token", "API key", … */
  label?: string
  /** `sk-ant-oat01:1a2b3c4d`: names the secret without revealing it. */
  fingerprint?: string
  /** The expiry the preflight measured, epoch ms. */
  expiresAt?: number
  /** When the preflight checked, epoch ms. */
  checkedAt?: number
  /** What the preflight concluded: `valid`, `expiring`, `unverifiable`, … */
  status?: string
}

/** The JSON main saves under STATE_KEY. */
export function serializePreflightState(check: PreflightCheck): string {
  const expiresAt = isoOf(check.expiresAt)
  const saved: SavedPreflightState = {
    source: check.source,
    from: check.from,
    label: check.label,
    fingerprint: check.fingerprint,
    ...(expiresAt !== undefined && { expiresAt }),
    checkedAt: isoOf(check.checkedAt) ?? new Date(0).toISOString(),
    status: check.status
  }
  return JSON.stringify(saved)
}

/** Saves the state for the post step (main step). */
export function savePreflightState(core: Pick<Core, 'saveState'>, check: PreflightCheck): void {
  core.saveState(STATE_KEY, serializePreflightState(check))
}

/** Every `from` main can save: the inputs and the environment variables a credential is read from. */
const ORIGINS = [
  ...SECRET_INPUTS.map(name => `input ${name}`),
  ...SECRET_ENV_VARS.map(name => `env ${name}`)
]

/** A fingerprint as fingerprint() makes it: a token's public prefix (or `jwt`, `secret`) and 8 hex digits. */
const FINGERPRINT = /^[a-z][a-z0-9-]{0,30}:[0-9a-f]{8}$/

/** Post's reading of the saved state (`core.getState(STATE_KEY)`). Never throws. */
export function parsePreflightState(raw: string | undefined): PreflightState | undefined {
  if (!raw || !raw.trim()) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  const state: PreflightState = {}
  const source = PROVIDERS.find(provider => provider.source === v.source)?.source
  if (source !== undefined) state.source = source
  const from = ORIGINS.find(origin => origin === v.from)
  if (from !== undefined) state.from = from
  // Only values main can save: text from anywhere else could carry mentions or links into the PR comment.
  const label = PROVIDERS.find(provider => provider.label === v.label)?.label
  if (label !== undefined) state.label = label
  if (typeof v.fingerprint === 'string' && FINGERPRINT.test(v.fingerprint))
    state.fingerprint = v.fingerprint
  const status = STATUSES.find(status => status === v.status)
  if (status !== undefined) state.status = status
  const expiresAt = time(v.expiresAt)
  if (expiresAt !== undefined) state.expiresAt = expiresAt
  const checkedAt = time(v.checkedAt)
  if (checkedAt !== undefined) state.checkedAt = checkedAt
  return Object.keys(state).length > 0 ? state : undefined
}

/** The largest time a Date can hold (ms from the epoch): anything past it cannot be shown as a date. */
const MAX_DATE_MS = 8.64e15

/** Epoch ms from a number or an ISO / epoch-ms string; undefined unless it is a date `Date` can show. */
function time(value: unknown): number | undefined {
  let ms: number
  if (typeof value === 'number') ms = value
  else if (typeof value === 'string' && value) {
    ms = /^\d{10,16}$/.test(value) ? Number(value) : Date.parse(value)
  } else return undefined
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_DATE_MS ? ms : undefined
}

function isoOf(date: Date | undefined): string | undefined {
  return date !== undefined && Number.isFinite(date.getTime()) ? date.toISOString() : undefined
}

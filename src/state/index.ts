// Every key main saves for post, in one place (as actions/checkout's state-helper.ts): each key, its saved shape, the
// writer main calls and post's reader. The runner hands post each key main saved as STATE_<key>, over the job's
// environment: a later step can write $GITHUB_ENV and RUNNER_TEMP, but not this state. Readers are defensive: absent,
// garbled or from another version, a value becomes undefined or loses the fields that do not make sense, never an
// exception.
import { createHash } from 'node:crypto'
import { basename, isAbsolute } from 'node:path'
import type { Core } from '../common/core.js'
import { PROVIDERS } from '../providers/index.js'
import type { CredentialSource } from '../providers/provider.js'
import { STATUSES, type Status } from '../policy/decide.js'
import { FEDERATION, PLATFORMS, type Platform } from '../providers/platforms.js'
import { SECRET_ENV_VARS, SECRET_INPUTS } from '../providers/secrets.js'
import { MAX_DATE_MS } from '../common/time.js'
import {
  GITHUB_STATUSES,
  GITHUB_TOKEN_LABELS,
  type GitHubStatus,
  type GitHubTokenLabel
} from '../providers/github-token.js'

/** `preflight`: what the check found, for post's report. */
export const PREFLIGHT_STATE = 'preflight'
/** `refresh-pending`: the binding of the file that carries a write-back main left for post. */
export const PENDING_STATE = 'refresh-pending'
/** `network-env`: the variables that steer post's GitHub requests, as main saw them. */
export const NETWORK_STATE = 'network-env'
/** `github-token`: what the check found of the GitHub token the Claude step gets, for post's report. */
export const GITHUB_STATE = 'github-token'
/** `platform`: what the check found of the cloud platform or federation Claude Code uses, for post's report. */
export const PLATFORM_STATE = 'platform'
/** `renewer`: the renewer main started (input `renew`), for post to stop it and report what it did. */
export const RENEWER_STATE = 'renewer'

/**
 * Main's first act, before anything can fail: the network record (as networkRecord in secrets/network-env.ts makes
 * it), then every other key empty, whatever path main then takes. The runner gives post STATE_<key> only for the keys
 * main saved, over the job's environment, so one that a later step puts in $GITHUB_ENV never reaches post.
 */
export function startState(core: Pick<Core, 'saveState'>, networkRecord: string): void {
  core.saveState(NETWORK_STATE, networkRecord)
  for (const key of [PREFLIGHT_STATE, PENDING_STATE, GITHUB_STATE, PLATFORM_STATE, RENEWER_STATE])
    core.saveState(key, '')
}

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

/** The JSON main saves under PREFLIGHT_STATE. */
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
  core.saveState(PREFLIGHT_STATE, serializePreflightState(check))
}

/** Every `from` main can save: the inputs and the environment variables a credential is read from. */
const ORIGINS = [
  ...SECRET_INPUTS.map(name => `input ${name}`),
  ...SECRET_ENV_VARS.map(name => `env ${name}`)
]

/** A fingerprint as fingerprint() makes it: a token's public prefix (or `jwt`, `secret`) and 8 hex digits. */
const FINGERPRINT = /^[a-z][a-z0-9-]{0,30}:[0-9a-f]{8}$/

/** Post's reading of the saved state (`core.getState(PREFLIGHT_STATE)`). Never throws. */
export function parsePreflightState(raw: string | undefined): PreflightState | undefined {
  const v = jsonObject(raw)
  if (!v) return undefined
  const state: PreflightState = { ...checkTimes(v) }
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
  return Object.keys(state).length > 0 ? state : undefined
}

/** A saved JSON object, or undefined: absent, garbled, or not an object. */
function jsonObject(raw: string | undefined): Record<string, unknown> | undefined {
  let value: unknown
  try {
    value = JSON.parse(raw ?? '')
  } catch {
    return undefined
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/** A saved check's `expiresAt` and `checkedAt`, as epoch ms, where they are dates. */
function checkTimes(v: Record<string, unknown>): { expiresAt?: number; checkedAt?: number } {
  const expiresAt = time(v.expiresAt)
  const checkedAt = time(v.checkedAt)
  return {
    ...(expiresAt !== undefined && { expiresAt }),
    ...(checkedAt !== undefined && { checkedAt })
  }
}

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

/** What main measured of a credential that post ties a failure to: no secret, no fingerprint. */
interface MeasuredCheck {
  expiresAt?: Date | undefined
  checkedAt: Date
  /** How long the job may run, when the job's `timeout-minutes` says so. */
  jobLimitMs?: number | undefined
  /** The check warned or failed. */
  warned: boolean
}

/** What post reads back of a MeasuredCheck: times as epoch ms; absent fields were absent or not what main saves. */
export interface MeasuredState {
  expiresAt?: number
  checkedAt?: number
  jobLimitMs?: number
  warned?: boolean
}

function measuredJson(check: MeasuredCheck): Record<string, unknown> {
  const expiresAt = isoOf(check.expiresAt)
  return {
    ...(expiresAt !== undefined && { expiresAt }),
    checkedAt: isoOf(check.checkedAt),
    ...(check.jobLimitMs !== undefined && { jobLimitMs: check.jobLimitMs }),
    warned: check.warned
  }
}

function measuredOf(v: Record<string, unknown>): MeasuredState {
  const state: MeasuredState = { ...checkTimes(v) }
  if (typeof v.jobLimitMs === 'number' && Number.isSafeInteger(v.jobLimitMs) && v.jobLimitMs > 0)
    state.jobLimitMs = v.jobLimitMs
  if (typeof v.warned === 'boolean') state.warned = v.warned
  return state
}

/** What main knows of the GitHub token the Claude step gets. */
export interface GitHubCheck extends MeasuredCheck {
  label: GitHubTokenLabel
  status: GitHubStatus
}

/** Saves it for the post step (main step). */
export function saveGitHubState(core: Pick<Core, 'saveState'>, check: GitHubCheck): void {
  core.saveState(
    GITHUB_STATE,
    JSON.stringify({ label: check.label, status: check.status, ...measuredJson(check) })
  )
}

export interface GitHubState extends MeasuredState {
  label?: GitHubTokenLabel
  status?: GitHubStatus
}

/** Post's reading of `core.getState(GITHUB_STATE)`. Never throws. */
export function parseGitHubState(raw: string | undefined): GitHubState | undefined {
  const v = jsonObject(raw)
  if (!v) return undefined
  const state: GitHubState = measuredOf(v)
  const label = Object.values(GITHUB_TOKEN_LABELS).find(label => label === v.label)
  if (label !== undefined) state.label = label
  const status = GITHUB_STATUSES.find(status => status === v.status)
  if (status !== undefined) state.status = status
  return Object.keys(state).length > 0 ? state : undefined
}

/** What main knows of the platform Claude Code uses (src/providers/platforms.ts) and its check's verdict. */
export interface PlatformCheck extends MeasuredCheck {
  id: Platform['id']
  status: Status
}

/** Saves it for the post step (main step). */
export function savePlatformState(core: Pick<Core, 'saveState'>, check: PlatformCheck): void {
  core.saveState(
    PLATFORM_STATE,
    JSON.stringify({ id: check.id, status: check.status, ...measuredJson(check) })
  )
}

/** The platform as post reads it back: the table's own entry, never text from the state. */
export interface PlatformState extends MeasuredState {
  platform?: Platform
  status?: Status
}

/** Post's reading of `core.getState(PLATFORM_STATE)`. Never throws. */
export function parsePlatformState(raw: string | undefined): PlatformState | undefined {
  const v = jsonObject(raw)
  if (!v) return undefined
  const state: PlatformState = measuredOf(v)
  const platform = [...PLATFORMS, FEDERATION].find(platform => platform.id === v.id)
  if (platform !== undefined) state.platform = platform
  const status = STATUSES.find(status => status === v.status)
  if (status !== undefined) state.status = status
  return Object.keys(state).length > 0 ? state : undefined
}

/** What main saves under RENEWER_STATE, as JSON: where the renewer's files are and which process it is. No secret. */
export interface RenewerBinding {
  /** `$RUNNER_TEMP/claude-preflight-renew-<16 hex digits>`. */
  dir: string
  pid: number
  /** Random, also in the directory's status.json: ties the directory and the process to this main step. */
  nonce: string
}

/** The renewer's directory's name: this prefix and 16 hex digits. */
export const RENEWER_DIR = /^claude-preflight-renew-[0-9a-f]{16}$/

export function saveRenewerBinding(core: Pick<Core, 'saveState'>, binding: RenewerBinding): void {
  core.saveState(
    RENEWER_STATE,
    JSON.stringify({ dir: binding.dir, pid: binding.pid, nonce: binding.nonce })
  )
}

/** Post's reading of `core.getState(RENEWER_STATE)`: undefined unless main can have saved it. Never throws. */
export function parseRenewerBinding(raw: string | undefined): RenewerBinding | undefined {
  const v = jsonObject(raw)
  if (!v) return undefined
  const { dir, pid, nonce } = v
  if (
    typeof dir === 'string' &&
    isAbsolute(dir) &&
    RENEWER_DIR.test(basename(dir)) &&
    typeof pid === 'number' &&
    Number.isSafeInteger(pid) &&
    pid > 1 &&
    typeof nonce === 'string' &&
    NONCE.test(nonce)
  )
    return { dir, pid, nonce }
  return undefined
}

/** What main saves under PENDING_STATE, as JSON: it binds the pending file (refresh/pending.ts), never a token. */
export interface PendingBinding {
  path: string
  /** Random, also inside the file: ties the file to this run. */
  nonce: string
  /** SHA-256 of the file's content as main wrote it. */
  sha256: string
  /**
   * The credentials file this run wrote for the CLI: read back, then removed, at job end. Kept here, not in the
   * file, so that the post step removes it even when a later step changed or deleted the file.
   */
  credentialsFile?: string
}

export const NONCE = /^[0-9a-f]{32}$/
const SHA256 = /^[0-9a-f]{64}$/

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

/** Binds the pending file for post, or clears the binding (undefined) once the file holds nothing post needs. */
export function savePendingBinding(
  core: Pick<Core, 'saveState'>,
  binding: PendingBinding | undefined
): void {
  core.saveState(PENDING_STATE, binding ? JSON.stringify(binding) : '')
}

/** Post's reading of the binding (`core.getState(PENDING_STATE)`): undefined unless main can have saved it. */
export function parsePendingBinding(raw: string): PendingBinding | undefined {
  try {
    const value = JSON.parse(raw) as Partial<PendingBinding>
    if (
      typeof value.path === 'string' &&
      value.path !== '' &&
      NONCE.test(value.nonce ?? '') &&
      SHA256.test(value.sha256 ?? '') &&
      (value.credentialsFile === undefined ||
        (typeof value.credentialsFile === 'string' && isAbsolute(value.credentialsFile)))
    )
      return value as PendingBinding
  } catch {
    // not the state main saves
  }
  return undefined
}

/**
 * What main saves under NETWORK_STATE, as JSON: each of the variables it is given that is set, by name, with the
 * SHA-256 of its value. A proxy URL can hold a password: the record keeps a digest, never the value. A later step can
 * read the values themselves in its own environment, so the digest gives it nothing new.
 */
export type NetworkRecord = Readonly<Record<string, unknown>>

/** The digest a NetworkRecord keeps of a variable's value; undefined for a variable that is not set. */
export const networkDigest = (value: string | undefined) =>
  value === undefined ? undefined : sha256Hex(value)

/** The record main saves of `variables` as `env` has them. */
export function serializeNetworkRecord(
  env: NodeJS.ProcessEnv,
  variables: readonly string[]
): string {
  const record: Record<string, string> = {}
  for (const name of variables) {
    const digest = networkDigest(env[name])
    if (digest !== undefined) record[name] = digest
  }
  return JSON.stringify(record)
}

/**
 * Post's reading of the record (`core.getState(NETWORK_STATE)`): undefined when there is none (main never ran its
 * first line), `unreadable` when it is not a record main can have written.
 */
export function parseNetworkRecord(raw: string): NetworkRecord | 'unreadable' | undefined {
  if (raw === '') return undefined
  try {
    const parsed: unknown = JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as NetworkRecord
  } catch {
    // not the state main saves
  }
  return 'unreadable'
}

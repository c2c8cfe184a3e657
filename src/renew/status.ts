// status.json in the renewer's directory: what it did, no secret. The renewer writes it after every change; main
// reads it to know the first files are written, post to report. Both read it as hostile text (a later step can write
// RUNNER_TEMP): only fields of the shape the renewer writes survive, the failure line capped.
import { join } from 'node:path'
import { clipLine } from '../common/errors.js'
import { readRegularText } from '../files/regular.js'
import { sourceOf } from './sources.js'
import { NONCE } from '../state/index.js'

export const STATUS_FILE = 'status.json'
/** The most post reads of status.json. */
export const MAX_STATUS_BYTES = 64 * 1024
const MAX_FAILURE_CHARS = 300

export interface SourceStatus {
  kind: string
  /** How many times its file was written: the first credential, then each renewal. */
  writes: number
  /** When the first credential was minted, and when it expired, epoch ms. */
  firstMintedAt?: number
  firstExpiresAt?: number
  lastRenewedAt?: number
  /** When the credential in the file now expires. */
  expiresAt?: number
  /** Why it stopped renewing, once it gave up: one line. */
  failure?: string
}

export interface RenewerStatus {
  pid: number
  nonce: string
  startedAt: number
  sources: SourceStatus[]
}

const time = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined

/** status.json as the renewer wrote it, or undefined. Never throws. */
export function parseStatus(text: string): RenewerStatus | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const v = value as Partial<Record<keyof RenewerStatus, unknown>> | null
  if (!v || typeof v !== 'object') return undefined
  const pid = time(v.pid)
  const startedAt = time(v.startedAt)
  if (!pid || !startedAt || typeof v.nonce !== 'string' || !NONCE.test(v.nonce)) return undefined
  const sources = (Array.isArray(v.sources) ? v.sources : []).flatMap(part => {
    const s = (part ?? {}) as Record<string, unknown>
    const source = sourceOf(s.kind)
    if (!source) return []
    const read: SourceStatus = {
      kind: source.kind,
      writes:
        typeof s.writes === 'number' && Number.isSafeInteger(s.writes) && s.writes >= 0
          ? s.writes
          : 0
    }
    for (const field of [
      'firstMintedAt',
      'firstExpiresAt',
      'lastRenewedAt',
      'expiresAt'
    ] as const) {
      const at = time(s[field])
      if (at !== undefined) read[field] = at
    }
    if (typeof s.failure === 'string' && s.failure)
      read.failure = clipLine(s.failure, MAX_FAILURE_CHARS)
    return [read]
  })
  return { pid, nonce: v.nonce, startedAt, sources }
}

/** status.json in the renewer's directory `dir`, read as a regular file of bounded size; undefined when none. */
export async function readStatus(dir: string): Promise<RenewerStatus | undefined> {
  const text = await readRegularText(join(dir, STATUS_FILE), MAX_STATUS_BYTES)
  return text === undefined ? undefined : parseStatus(text)
}

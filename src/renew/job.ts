// The job description main writes to the renewer's stdin, once: the only way a secret reaches it (never argv or the
// environment, which `ps` and /proc/<pid>/environ show). Read defensively: a renewer that cannot read it exits.
import { isAbsolute } from 'node:path'
import { NONCE } from '../state/index.js'
import { sourceOf } from './sources.js'
import type { SourceJob } from './source.js'

export interface RenewalJob {
  /** Random, also in status.json: ties the renewer's files to the main step that started it. */
  nonce: string
  /** The renewer's own directory (0700), where it writes status.json and every source's file. */
  dir: string
  /** When it exits by itself, epoch ms. */
  deadline: number
  sources: SourceJob[]
}

/** The most a job description may weigh: URLs, tokens, and a token command's environment. */
export const MAX_JOB_BYTES = 1024 * 1024

/** The job description main wrote, or undefined. */
export function parseRenewalJob(text: string): RenewalJob | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const job = value as Partial<Record<keyof RenewalJob, unknown>> | null
  if (!job || typeof job !== 'object') return undefined
  const { nonce, dir, deadline, sources } = job
  if (typeof nonce !== 'string' || !NONCE.test(nonce)) return undefined
  if (typeof dir !== 'string' || !isAbsolute(dir)) return undefined
  if (typeof deadline !== 'number' || !Number.isFinite(deadline)) return undefined
  if (!Array.isArray(sources) || sources.length === 0) return undefined
  const read = sources.map(part =>
    part && typeof part === 'object'
      ? sourceOf((part as { kind?: unknown }).kind)?.readJob(part as Record<string, unknown>)
      : undefined
  )
  if (read.some(part => !part || !isAbsolute(part.file))) return undefined
  return { nonce, dir, deadline, sources: read as SourceJob[] }
}

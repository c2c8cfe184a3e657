// What the post step needs to finish a write-back: kept in a 0600 file under RUNNER_TEMP (the job's own scratch
// directory, emptied by the runner between jobs), never in the step state; the state holds only the file's path.
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { SecretScope } from '../secrets/target.js'
import { readIfExists, writePrivateFile } from './credentials.js'

export const PENDING_STATE = 'refresh-pending'

export interface Pending {
  version: 1
  target: { scope: SecretScope; name: string; owner: string; repo: string }
  /** The secret's new value (credentials JSON, or a bare refresh token when that is what was given). */
  value: string
  /** The newest refresh token this run knows. */
  refreshToken: string
  /** Whether `value` is a credentials JSON (else a bare refresh token). */
  json: boolean
  refreshedAt: string
  /** Whether `value` is in the secret. */
  written: boolean
  /** The secret's updated_at when this run last saw or wrote it: a different one means someone else wrote it. */
  updatedAt?: string
  /** The credentials file handed to the CLI, read back at job end. */
  credentialsFile?: string
  /** The failure of the last write, for the post step's message. */
  error?: string
}

export function pendingPath(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), `claude-preflight-refresh-${process.pid}.json`)
}

export async function savePending(path: string, pending: Pending): Promise<void> {
  await writePrivateFile(path, JSON.stringify(pending))
}

export async function loadPending(path: string): Promise<Pending | undefined> {
  const text = await readIfExists(path)
  if (!text) return undefined
  try {
    const pending = JSON.parse(text) as Pending
    return pending.version === 1 ? pending : undefined
  } catch {
    return undefined
  }
}

export async function dropPending(path: string): Promise<void> {
  await rm(path, { force: true })
}

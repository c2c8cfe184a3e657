// What the post step needs to finish a write-back: kept in a 0600 file under RUNNER_TEMP (the job's own scratch
// directory, emptied by the runner between jobs), never in the step state. The state binds the file: its path, a
// nonce written inside it and the SHA-256 of its content. A later step of the job can write RUNNER_TEMP and
// $GITHUB_ENV, but not the state main saved (the runner sets STATE_* for the keys main saved over any such
// variable), so a file it planted or changed is refused. The file never says where to write: post takes the target
// from its own inputs.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { sha256Hex, type PendingBinding } from '../state/index.js'
import { readOwnFile, writePrivateFile } from './credentials.js'

export interface Pending {
  version: 2
  /** Random, also in the state: ties the file to this run. */
  nonce: string
  /**
   * The secret's new value (credentials JSON, or a bare refresh token when that is what was given) while it is not
   * yet in the secret; absent once it is, so that the file holds no live token after a write-back.
   */
  value?: string
  /** Whether the secret holds a credentials JSON (else a bare refresh token). */
  json: boolean
  /** SHA-256 of the newest refresh token this run handed on: another one in the credentials file is the CLI's. */
  refreshTokenSha256: string
  /** The secret's updated_at when this run last saw or wrote it: a different one means someone else wrote it. */
  updatedAt?: string
  /** The failure of the last write, for the post step's message. */
  error?: string
}

/** A pending file holds at most a credentials JSON and a few short fields. */
export const PENDING_MAX_BYTES = 128 * 1024

export const newNonce = () => randomBytes(16).toString('hex')

export function pendingPath(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP || tmpdir(), `claude-preflight-refresh-${process.pid}.json`)
}

/** Writes the file and returns the binding the state keeps of it. */
export async function savePending(
  path: string,
  pending: Pending,
  credentialsFile: string | undefined
): Promise<PendingBinding> {
  const text = JSON.stringify(pending)
  await writePrivateFile(path, text)
  return {
    path,
    nonce: pending.nonce,
    sha256: sha256Hex(text),
    ...(credentialsFile !== undefined && { credentialsFile })
  }
}

export type LoadedPending = { pending: Pending } | { missing: true } | { refused: string }

/**
 * The pending file the state binds, or why it is refused: outside RUNNER_TEMP, a symlink, not a regular file, not
 * the runner user's, or not the content main wrote.
 */
export async function loadPending(
  binding: PendingBinding,
  env: NodeJS.ProcessEnv
): Promise<LoadedPending> {
  const file = await readOwnFile(binding.path, {
    maxBytes: PENDING_MAX_BYTES,
    within: env.RUNNER_TEMP || tmpdir()
  })
  if (!('text' in file)) return file
  const digest = Buffer.from(sha256Hex(file.text), 'hex')
  if (!timingSafeEqual(digest, Buffer.from(binding.sha256, 'hex')))
    return { refused: 'its content is not what the main step wrote' }
  const pending = JSON.parse(file.text) as Pending
  if (pending.version !== 2 || pending.nonce !== binding.nonce)
    return { refused: 'it is not the main step’s file of this job' }
  return { pending }
}

export async function dropPending(path: string): Promise<void> {
  await rm(path, { force: true })
}

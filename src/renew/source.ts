// A renewal source: one credential the renewer keeps fresh in a file (src/renew/sources.ts lists them). Each is one
// module: what its part of the job description holds, how to mint it, and how to name it for people.
import type { HttpSend } from '../http/request.js'

/** What every source's part of the job description holds: its kind, and the file it keeps fresh. */
export interface SourceJob {
  kind: string
  /** Absolute path of the file in the renewer's directory that Claude Code reads the credential from. */
  file: string
}

/** A non-empty string field of a job description, else undefined: the description is read defensively. */
export const jobText = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

/** A credential just minted: the file's whole content, and when it stops working (epoch ms). */
export interface Minted {
  value: string
  expiresAt: number
}

/** A mint: the credential, or why none (`permanent`: trying again cannot help, such as a refusal). */
export type MintOutcome = { minted: Minted } | { failure: string; permanent: boolean }

export interface MintDeps {
  send: HttpSend
  /** Bounds one mint, retries included. */
  timeoutMs: number
  now: () => number
}

export interface RenewalSource<Job extends SourceJob = SourceJob> {
  kind: Job['kind']
  /** What the renewer rewrites, for a report: "the federated token's identity file". */
  what: string
  /** What one mint gives, for a report: "identity token". */
  credential: string
  /** The file's name in the renewer's directory. */
  fileName: string
  /** The renewal comes at least this long before the credential's expiry (see renewalAt). */
  marginMs: number
  /** The source's part of a job description, read defensively; undefined unless main can have written it. */
  readJob(value: Record<string, unknown>): Job | undefined
  mint(job: Job, deps: MintDeps): Promise<MintOutcome>
}

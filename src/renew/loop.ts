// The renewer's work: each source in turn mints, writes its file, and sleeps until its renewal is due (schedule.ts),
// until the job's deadline, a stop, or a failure it cannot get past. The I/O comes in `deps`, the clock too.
import { reasonOf } from '../common/errors.js'
import type { RenewalJob } from './job.js'
import { renewalAt, retryAt } from './schedule.js'
import type { MintOutcome, SourceJob } from './source.js'
import { sourceOf } from './sources.js'
import type { RenewerStatus, SourceStatus } from './status.js'

export interface LoopDeps {
  now(): number
  /** Waits `ms`, or less when the renewer is told to stop. */
  sleep(ms: number): Promise<void>
  stopped(): boolean
  mint(job: SourceJob): Promise<MintOutcome>
  /** Writes a credential file: 0600, atomically (no reader ever sees half a token). */
  writeCredential(path: string, value: string): Promise<void>
  writeStatus(status: RenewerStatus): Promise<void>
}

/**
 * How long a source may try for its first credential, which nothing keeps alive yet: main waits this long for the
 * first files before it gives up on the renewer.
 */
export const FIRST_MINT_WINDOW_MS = 30_000

/** Runs every source until the deadline, a stop or its failure; the status is written after every change. */
export async function renew(job: RenewalJob, status: RenewerStatus, deps: LoopDeps): Promise<void> {
  await deps.writeStatus(status)
  await Promise.all(
    job.sources.map(async part => {
      const entry: SourceStatus = { kind: part.kind, writes: 0 }
      status.sources.push(entry)
      await keepFresh(part, entry, job.deadline, { ...deps, save: () => deps.writeStatus(status) })
    })
  )
}

async function keepFresh(
  part: SourceJob,
  entry: SourceStatus,
  deadline: number,
  deps: LoopDeps & { save(): Promise<void> }
): Promise<void> {
  const source = sourceOf(part.kind)
  if (!source) return
  let failures = 0
  let alive = deps.now() + FIRST_MINT_WINDOW_MS
  while (!deps.stopped() && deps.now() < deadline) {
    const minted = await deps.mint(part)
    // Stopped during the mint: post may have removed the directory already.
    if (deps.stopped()) return
    const outcome = 'minted' in minted ? await write(part.file, minted, deps) : minted
    const now = deps.now()
    let next: number | undefined
    if ('minted' in outcome) {
      const { expiresAt } = outcome.minted
      failures = 0
      alive = expiresAt
      entry.writes++
      entry.firstMintedAt ??= now
      entry.firstExpiresAt ??= expiresAt
      entry.lastRenewedAt = now
      entry.expiresAt = expiresAt
      next = renewalAt(now, expiresAt, source.marginMs)
    } else {
      failures++
      next = outcome.permanent ? undefined : retryAt(now, failures, alive)
      if (next === undefined) {
        const since =
          entry.writes > 0 ? ` (after ${entry.writes} write${entry.writes === 1 ? '' : 's'})` : ''
        entry.failure = `${source.what} could no longer be renewed${since}: ${outcome.failure}`
        await deps.save()
        return
      }
    }
    await deps.save()
    await deps.sleep(Math.max(0, Math.min(next, deadline) - deps.now()))
  }
}

/** Writes a minted credential to its file: a file that cannot be written is a failure the loop may retry. */
async function write(
  file: string,
  outcome: Extract<MintOutcome, { minted: unknown }>,
  deps: Pick<LoopDeps, 'writeCredential'>
): Promise<MintOutcome> {
  try {
    await deps.writeCredential(file, outcome.minted.value)
    return outcome
  } catch (error) {
    return { failure: `${file} could not be written (${reasonOf(error)})`, permanent: false }
  }
}

// The renewer process (dist/renewer/index.js), started detached by the main step (src/renew/start.ts): reads its job
// description from stdin, then keeps every source's file fresh (src/renew/loop.ts) until the job's deadline, SIGTERM
// from the post step, or a failure it writes to status.json. It prints nothing: its stdout and stderr go nowhere.
import { join } from 'node:path'
import { writeAtomically } from '../files/atomic.js'
import { send } from '../http/request.js'
import { MAX_JOB_BYTES, parseRenewalJob } from '../renew/job.js'
import { renew } from '../renew/loop.js'
import { sourceOf } from '../renew/sources.js'
import { STATUS_FILE, type RenewerStatus } from '../renew/status.js'

/** How long one mint may take, retries included. */
const MINT_TIMEOUT_MS = 20_000

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JOB_BYTES) return ''
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function run(): Promise<void> {
  const job = parseRenewalJob(await readStdin())
  if (!job) {
    process.exitCode = 2
    return
  }
  let stopped = false
  const sleepers = new Set<() => void>()
  process.on('SIGTERM', () => {
    stopped = true
    for (const wake of sleepers) wake()
  })
  const status: RenewerStatus = {
    pid: process.pid,
    nonce: job.nonce,
    startedAt: Date.now(),
    sources: []
  }
  await renew(job, status, {
    now: Date.now,
    stopped: () => stopped,
    sleep: ms =>
      new Promise<void>(resolve => {
        // A stop that came during a mint: its wake-up found no sleeper.
        if (stopped) return resolve()
        const wake = () => {
          clearTimeout(timer)
          sleepers.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, ms)
        sleepers.add(wake)
      }),
    mint: part =>
      sourceOf(part.kind)!.mint(part, { send, timeoutMs: MINT_TIMEOUT_MS, now: Date.now }),
    writeCredential: writeAtomically,
    // A status that cannot be written (the disk is full, post removed the directory) leaves the last one in place.
    writeStatus: current =>
      writeAtomically(join(job.dir, STATUS_FILE), JSON.stringify(current)).catch(() => undefined)
  })
  // An idle keep-alive connection must not keep a stopped renewer alive.
  process.exit()
}

// What the renewer did, in one line per source for post's notice and summary. Pure; the failure line is the
// renewer's own text read back from RUNNER_TEMP, which the caller quotes inertly.
import { formatDuration } from '../lifetime/duration.js'
import { sourceOf } from './sources.js'
import type { RenewerStatus } from './status.js'

const times = (n: number) => (n === 1 ? 'once' : `${n} times`)

/** "renewed the federated token's identity file 14 times; the run lasted 58m, its first identity token 5m". */
export function describeRenewals(status: RenewerStatus, stoppedAt: number): string[] {
  return status.sources.map(entry => {
    const source = sourceOf(entry.kind)!
    const renewals = Math.max(0, entry.writes - 1)
    const lasted = `the run lasted ${formatDuration(Math.max(0, stoppedAt - status.startedAt))}`
    const first =
      entry.firstMintedAt !== undefined && entry.firstExpiresAt !== undefined
        ? `, its first ${source.credential} ${formatDuration(entry.firstExpiresAt - entry.firstMintedAt)}`
        : ''
    const did = `renewed ${source.what} ${times(renewals)}; ${lasted}${first}`
    return entry.failure ? `${did}; then it stopped: ${entry.failure}` : did
  })
}

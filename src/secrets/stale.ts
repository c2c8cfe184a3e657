/**
 * Whether a secret last written at `updatedAt` (GitHub's time, to the second) may have changed after this job read it
 * at `readAt`. Errs towards "stale": a write within the same second counts, and `skewMs` covers clocks that differ.
 */
export function changedSince(updatedAt: string, readAt: Date, skewMs = 0): boolean {
  const updated = Date.parse(updatedAt)
  if (Number.isNaN(updated)) return false
  return updated + 1000 + skewMs > readAt.getTime()
}

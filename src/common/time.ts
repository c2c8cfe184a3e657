/** The largest time a Date can hold, in ms either side of the epoch: past it no date can be shown. */
export const MAX_DATE_MS = 8.64e15

/** ISO 8601 to the second: `2026-03-01T10:47:00Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
}

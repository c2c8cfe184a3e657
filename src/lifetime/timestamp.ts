import { clip, inputError } from '../common/errors.js'

/** Epoch values below this are taken as seconds: 1e11 ms is 1973, 1e11 s is the year 5138. */
const SECONDS_LIMIT = 1e11

export interface Timestamp {
  at: Date
  /** Set when the value was read as epoch seconds rather than milliseconds. */
  note?: string
}

/**
 * Reads an instant: epoch milliseconds (a number or digits), epoch seconds (recognised and said so),
 * or an ISO 8601 date-time. Bad input throws an error naming `input`.
 */
export function parseTimestamp(input: string, value: unknown): Timestamp {
  const fix =
    'Use epoch milliseconds (as in ~/.claude/.credentials.json) or an ISO 8601 date-time such as 2026-12-31T23:00:00Z'
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))
  ) {
    const epoch = Number(value)
    if (!Number.isFinite(epoch) || epoch <= 0)
      throw inputError(input, 'is not a valid timestamp', fix)
    if (epoch < SECONDS_LIMIT) {
      const at = new Date(epoch * 1000)
      return {
        at,
        note: `${input} ${epoch} looks like epoch seconds, not milliseconds; read it as ${at.toISOString()}`
      }
    }
    const at = new Date(epoch)
    if (Number.isNaN(at.getTime())) throw inputError(input, 'is out of range', fix)
    return { at }
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === '') throw inputError(input, 'is empty', fix)
    const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(
      text
    )
    const at = new Date(text)
    if (!iso || Number.isNaN(at.getTime())) {
      throw inputError(input, `is not a timestamp ('${clip(text)}')`, fix)
    }
    return { at }
  }
  throw inputError(input, `is a ${value === null ? 'null' : typeof value}, not a timestamp`, fix)
}

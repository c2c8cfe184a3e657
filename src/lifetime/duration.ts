import { clip, inputError } from '../common/errors.js'

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 }

/**
 * Parses a duration such as `90m`, `2h`, `1h30m`, `45s` or `1d` into milliseconds.
 * Each unit at most once, largest first; whitespace around is ignored. Bad input throws an error naming `input`.
 */
export function parseDuration(
  input: string,
  value: string,
  range: { min: number; max: number } = { min: 0, max: 7 * UNIT_MS.d! }
): number {
  const text = value.trim().toLowerCase()
  const example = "Use a number with a unit, such as '90m', '2h', '1h30m' or '45s'"
  if (text === '') throw inputError(input, 'is empty', example)
  const match = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(text)
  if (!match || match.slice(1).every(part => part === undefined)) {
    const hint = /^\d+$/.test(text) ? `A bare number has no unit. ${example}` : example
    throw inputError(input, `is not a duration ('${clip(value)}')`, hint)
  }
  const [, d = '0', h = '0', m = '0', s = '0'] = match
  const ms =
    Number(d) * UNIT_MS.d! +
    Number(h) * UNIT_MS.h! +
    Number(m) * UNIT_MS.m! +
    Number(s) * UNIT_MS.s!
  if (ms < range.min || ms > range.max) {
    throw inputError(
      input,
      `is out of range ('${clip(value)}')`,
      `Use a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)}`
    )
  }
  return ms
}

/** `5400000` → `1h30m`; `0` → `0s`. Rounds down to whole seconds. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : ''
  let seconds = Math.floor(Math.abs(ms) / 1000)
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    if (seconds >= size) {
      parts.push(`${Math.floor(seconds / size)}${unit}`)
      seconds %= size
    }
  }
  return sign + (parts.join('') || '0s')
}

// The parsers of user input: pure functions from the text of one input (or CLI flag) to its value, or an inputError
// naming it. Readers (check.ts, refresh.ts, post.ts, main.ts, cli.ts) apply the defaults and call these.
import { clip, inputError } from '../common/errors.js'
import { formatDuration } from '../lifetime/duration.js'
import { isSafeTransport } from '../http/url.js'

export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[]
): T {
  const text = value.trim().toLowerCase()
  if ((choices as readonly string[]).includes(text)) return text as T
  throw inputError(
    input,
    `is '${clip(value.trim())}'`,
    `Use ${choices.map(c => `'${c}'`).join(' or ')}`
  )
}

/** The spellings `core.getBooleanInput` accepts (YAML 1.2 core schema), and no others. */
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** A true/false input, read as `core.getBooleanInput` reads it. */
export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim()
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw inputError(
    input,
    `is '${clip(text)}', not true or false`,
    `Use ${[...TRUE, ...FALSE].map(c => `'${c}'`).join(', ')} (YAML's spellings, as GitHub reads them)`
  )
}

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

/**
 * Validates a URL that a credential is sent to: https (http only to loopback), no credentials in it, no query.
 * `fix` says what to use instead.
 */
export function parseCredentialUrl(input: string, value: string, fix: string): URL {
  const text = value.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // Never quoted when it may hold a user name and password, which a parse error cannot tell apart.
    throw inputError(
      input,
      text.includes('@') ? 'is not a URL' : `is not a URL ('${clip(text)}')`,
      fix
    )
  }
  if (url.username || url.password)
    throw inputError(
      input,
      'has a user name or password in it',
      `${fix}, and put credentials in their own inputs`
    )
  if (!isSafeTransport(url))
    throw inputError(
      input,
      url.protocol === 'http:'
        ? `uses http: to ${url.hostname}, in clear, instead of https:`
        : `uses ${url.protocol} instead of https:`,
      `${fix}; credentials travel only over https (http only to this machine)`
    )
  if (url.search || url.hash) throw inputError(input, 'has a query or fragment', fix)
  return url
}

/**
 * `--since`: an ISO 8601 date-time, or a duration before `now` (a bare number is a duration without a unit); epoch
 * ms.
 */
export function parseSince(input: string, value: string, now: number): number {
  if (/^\s*(\d+[dhms]?)+\s*$/i.test(value))
    return now - parseDuration(input, value, { min: 0, max: 10 * 365 * UNIT_MS.d! })
  const text = value.trim()
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN
  if (Number.isNaN(at))
    throw inputError(
      input,
      `is neither a date-time nor a duration ('${clip(text)}')`,
      "Use an ISO 8601 date-time such as 2026-05-01T09:00:00Z, or a duration ago such as '2h' or '1d'"
    )
  return at
}

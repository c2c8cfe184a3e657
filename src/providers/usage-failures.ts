// A Claude subscription's usage limit (its session or 5-hour window, its weekly window): not a credential failure,
// reported as a warning with the reset time, never failing the job. How Claude Code words it, and the words that
// look alike but are not it (the server limiting requests is "not your usage limit").
import type { FailureKind, Phrasing } from './failure.js'
import { isoSeconds } from '../common/time.js'

export const USAGE_FAILURES = [
  {
    id: 'usage-limit',
    credential: 'the Claude subscription',
    title: 'Claude usage limit reached',
    verb: 'reached its usage limit',
    since: 'limited since',
    severity: 'warning',
    fix: 'Not a credential failure: the subscription reached its session (5-hour) or weekly limit and resets at the time Claude Code gave. Re-run after the reset, spread runs over the windows, or give CI its own credential (an API key, or a plan with higher limits); `/usage` shows the windows.'
  }
] as const satisfies readonly FailureKind[]

export type UsageFailure = (typeof USAGE_FAILURES)[number]['id']

/** The reset time as an epoch in seconds, within the years a run can be in; else undefined. */
function resetAt(epochSeconds: string | undefined): string | undefined {
  const ms = Number(epochSeconds) * 1000
  return Number.isFinite(ms) && ms > Date.UTC(2020, 0) && ms < Date.UTC(2100, 0)
    ? isoSeconds(ms)
    : undefined
}

const BUNDLE = 'claude-code 2.1.328 bundle'

export const USAGE_PHRASINGS: readonly Phrasing<UsageFailure>[] = [
  {
    // The server's own throttling, whatever words follow it on the line.
    anchor: 'not your usage limit',
    pattern: /\(not your usage limit\)/,
    kind: () => undefined,
    source: BUNDLE,
    inSentence: true
  },
  {
    // Older CLIs: the reset as epoch seconds after a bar.
    anchor: 'usage limit reached|',
    pattern: /Claude AI usage limit reached\|(\d{9,11})\b/,
    kind: match => {
      const reset = resetAt(match[1])
      return reset === undefined
        ? { kind: 'usage-limit' }
        : { kind: 'usage-limit', message: `Claude AI usage limit reached (resets ${reset})` }
    },
    source: 'https://github.com/anthropics/claude-code/issues/6119'
  },
  {
    anchor: 'usage limit reached',
    pattern: /Claude (?:AI )?usage limit reached/,
    kind: 'usage-limit',
    source: 'https://github.com/anthropics/claude-code/issues/6119'
  },
  {
    anchor: 've hit your ',
    pattern: /You[’']ve hit your (?:(?:session|weekly|daily|5-hour|Opus|Sonnet|usage) )?limit\b/,
    kind: 'usage-limit',
    source: 'https://github.com/anthropics/claude-code/issues/24511'
  },
  {
    anchor: 'imit reached',
    pattern: /\b(?:Usage|5-hour|Weekly|Session) limit reached\b/,
    kind: 'usage-limit',
    source: BUNDLE
  }
]

// A subscription's usage, from the `rate_limit_event` messages Claude Code writes to stream-json (and so to
// claude-code-action's execution file). Their `rate_limit_info` (the Agent SDK's SDKRateLimitEvent, read by the CLI
// from the API's `anthropic-ratelimit-unified-*` headers): `status`, `rateLimitType` (the window that binds),
// `resetsAt` (epoch seconds) and `unifiedWindows.five_hour` / `.seven_day` with `utilization` (a fraction, usually
// 0–1) and `resetsAt`. Pure; every value is checked, since the file is hostile.
import { isoSeconds } from '../common/time.js'

/** One window's use: a fraction of the window, and when it resets (epoch seconds). */
export interface UsageWindow {
  utilization: number
  resetsAt?: number
}

export interface UsageSnapshot {
  fiveHour?: UsageWindow
  sevenDay?: UsageWindow
  /** The window that binds (`five_hour`, `seven_day`, …), as Claude Code names it. */
  binding?: string
  /** `allowed`, `allowed_warning` or `rejected`. */
  status?: string
}

/** The run's first and last reading, and how many there were. */
export interface Usage {
  first: UsageSnapshot
  last: UsageSnapshot
  events: number
}

const WINDOW_NAMES = new Set([
  'five_hour',
  'seven_day',
  'seven_day_opus',
  'seven_day_sonnet',
  'seven_day_overage_included',
  'overage'
])
const STATUSES = new Set(['allowed', 'allowed_warning', 'rejected'])
/** A utilization past this is garbled: the CLI clamps the header to 0–1; a little over 1 is an overrun. */
const MAX_UTILIZATION = 10
/** Epoch seconds a Date can show. */
const MAX_EPOCH_SECONDS = 8.64e12

type Json = Record<string, unknown>

/** A `rate_limit_info` read into a snapshot; undefined when it says nothing usable. */
export function usageSnapshot(info: unknown): UsageSnapshot | undefined {
  if (!isObject(info)) return undefined
  const snapshot: UsageSnapshot = {}
  const windows = isObject(info.unifiedWindows) ? info.unifiedWindows : {}
  const fiveHour = usageWindow(windows.five_hour)
  const sevenDay = usageWindow(windows.seven_day)
  if (fiveHour) snapshot.fiveHour = fiveHour
  if (sevenDay) snapshot.sevenDay = sevenDay
  if (typeof info.rateLimitType === 'string' && WINDOW_NAMES.has(info.rateLimitType)) {
    snapshot.binding = info.rateLimitType
  }
  if (typeof info.status === 'string' && STATUSES.has(info.status)) snapshot.status = info.status
  return Object.keys(snapshot).length > 0 ? snapshot : undefined
}

/** `usage` with one more `rate_limit_info` read. */
export function addUsage(usage: Usage | undefined, info: unknown): Usage | undefined {
  const snapshot = usageSnapshot(info)
  if (!snapshot) return usage
  return usage
    ? { first: usage.first, last: snapshot, events: usage.events + 1 }
    : { first: snapshot, last: snapshot, events: 1 }
}

/** One line for the log and the summary: each window at the start and the end of the run, and the binding one. */
export function describeUsage(usage: Usage): string {
  const parts: string[] = []
  const windows: Array<[string, 'fiveHour' | 'sevenDay']> = [
    ['5-hour', 'fiveHour'],
    ['weekly', 'sevenDay']
  ]
  for (const [label, key] of windows) {
    const first = usage.first[key]
    const last = usage.last[key]
    if (!first && !last) continue
    const span =
      first && last && usage.events > 1
        ? `${percent(first.utilization)} at the start, ${percent(last.utilization)} at the end`
        : `${percent((last ?? first)!.utilization)}`
    const resets = (last ?? first)!.resetsAt
    parts.push(
      `${label} window ${span}${resets !== undefined ? ` (resets ${isoSeconds(resets * 1000)})` : ''}`
    )
  }
  const binding = usage.last.binding ?? usage.first.binding
  if (binding) parts.push(`binding window: ${binding.replace(/_/g, '-')}`)
  if (usage.last.status && usage.last.status !== 'allowed')
    parts.push(`status ${usage.last.status}`)
  return parts.length > 0
    ? `subscription usage: ${parts.join('; ')}`
    : 'subscription usage: not given'
}

function usageWindow(value: unknown): UsageWindow | undefined {
  if (!isObject(value)) return undefined
  const { utilization, resetsAt } = value
  if (typeof utilization !== 'number' || !Number.isFinite(utilization)) return undefined
  if (utilization < 0 || utilization > MAX_UTILIZATION) return undefined
  const window: UsageWindow = { utilization }
  if (
    typeof resetsAt === 'number' &&
    Number.isInteger(resetsAt) &&
    resetsAt > 0 &&
    resetsAt <= MAX_EPOCH_SECONDS
  ) {
    window.resetsAt = resetsAt
  }
  return window
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

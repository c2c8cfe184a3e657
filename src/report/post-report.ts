// What the post step shows: one `::error` per distinct failure (its title names the kind), a job-summary
// section with the timeline, and the same section as a pull-request comment body (with a hidden marker).
// Whatever it quotes from the files read (their words, their names) is redacted and quoted inertly (markdown.ts);
// what it lists is capped, and each text is cut under the limit of where it goes.
import type { Core } from '../common/core.js'
import type { Failure } from '../scan/explain.js'
import { isWarningKind } from '../providers/failures.js'
import type { PreflightState } from '../state/index.js'
import { PREFIX } from '../common/errors.js'
import {
  cellCode,
  clipChars,
  fitMarkdown,
  inertMarkdown,
  inlineCode,
  QUOTE_MAX
} from '../common/markdown.js'
import { redactEncodedRuns, type Redact } from '../common/redact.js'
import { MAX_DATE_MS } from '../common/time.js'

export const COMMENT_MARKER = '<!-- claude-preflight:post-report -->'

/** Failures (and files) listed in the reports; the rest are counted ("and 7 more"). */
export const MAX_LISTED = 20
/** The runner shows at most 10 error annotations of a step: nine failures, then one saying how many more. */
export const MAX_ANNOTATIONS = 10

/**
 * Where a report goes, and the most it may hold there, in UTF-8 bytes (never fewer than characters): the runner
 * drops a job summary over 1 MiB whole; GitHub refuses a comment body over 65,536 characters. Both leave room
 * (the comment's marker and footer are added after).
 */
export const REPORT_LIMITS = { summary: 1_000_000, comment: 65_000 } as const
export type Audience = keyof typeof REPORT_LIMITS

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/** One annotation per distinct failure, up to what the runner shows. */
export function annotate(
  core: Pick<Core, 'error' | 'warning'>,
  failures: Failure[],
  redact: Redact,
  omitted = 0
): void {
  const total = failures.length + omitted
  const shown =
    failures.length > MAX_ANNOTATIONS ? failures.slice(0, MAX_ANNOTATIONS - 1) : failures
  for (const failure of shown) {
    const quoted = `"${clipChars(redact(failure.first.message).replace(/\s+/g, ' '), QUOTE_MAX)}"`
    const parts = [
      `${failure.headline}: ${quoted}`,
      failure.preflight,
      failure.lost,
      `Fix: ${failure.fix}`
    ]
    // A usage limit is a warning: it says nothing about the credential.
    const annotation = isWarningKind(failure.kind) ? core.warning : core.error
    annotation(`${PREFIX}: ${parts.filter(Boolean).join(' ')}`, {
      title: `${PREFIX}: ${failure.title} (${failure.kind})`
    })
  }
  if (shown.length < total) {
    // Those not shown are of the kinds listed (the tally keeps the first of each kind): only usage limits, a warning.
    const overflow = failures.every(failure => isWarningKind(failure.kind))
      ? core.warning
      : core.error
    overflow(
      `${PREFIX}: ${total - shown.length} more credential failures; the job summary lists the first ${MAX_LISTED}.`,
      { title: `${PREFIX}: ${total} credential failures` }
    )
  }
}

/** A notice per failure the run got past: it did not stop Claude, so it neither is an error nor fails the job. */
export function annotateRecovered(
  core: Pick<Core, 'notice'>,
  recovered: Failure[],
  redact: Redact
): void {
  for (const failure of recovered.slice(0, MAX_ANNOTATIONS)) {
    const quoted = `"${clipChars(redact(failure.first.message).replace(/\s+/g, ' '), QUOTE_MAX)}"`
    core.notice(`${PREFIX}: ${recoveredLine(failure, quoted)}`, {
      title: `${PREFIX}: ${failure.title} (${failure.kind}), recovered`
    })
  }
}

/** The words of a recovered failure around its `quoted` message. */
function recoveredLine(failure: Failure, quoted: string): string {
  return `${failure.title} (${failure.kind}), recovered after ${count(failure.first.retries, 'retry', 'retries')}: ${quoted}; a later model turn succeeded, so this did not stop the run.`
}

export interface ReportContext {
  /** Files read. */
  files: string[]
  /** Patterns that matched nothing. */
  missing: string[]
  /** Files that could not be read, with why. */
  unreadable: Array<{ file: string; reason: string }>
  state?: PreflightState
  /** Applied to every text quoted from the files read (or from their names). */
  redact: Redact
  /** Failures found but not kept for listing (past the scanner's cap): counted only. */
  omitted?: number
  /** Failures the run got past: shown as notes, never as failures. */
  recovered?: Failure[]
  /** The subscription's usage per file that carried it (describeUsage). */
  usage?: Array<{ file: string; line: string }>
  /** The PR comment shows no fingerprint: it may be public, and a hash is something to test guesses against. */
  audience: Audience
}

/** What a report shows of the files read and of the preflight's state, for its audience. */
interface ReportView {
  /** Redacted text as inline code. */
  quote: (text: string) => string
  /** Redacted text as code in a table cell. */
  quoteCell: (text: string) => string
  state?: PreflightState
}

/** The markdown section for the job summary or the PR comment, within the audience's limit. */
export function reportMarkdown(failures: Failure[], context: ReportContext): string {
  const view = viewFor(context)
  const lines =
    failures.length === 0
      ? noFailureSection(context, view)
      : failureSection(failures, context, view)
  const notes = reportNotes(failures, context, view)
  if (notes.length > 0) lines.push('', ...notes.map(note => `> ${note}`))
  const limit = REPORT_LIMITS[context.audience]
  return fitMarkdown(
    lines.join('\n') + '\n',
    limit,
    bytes,
    `The report was cut here: it is longer than the ${limit.toLocaleString('en-US')} bytes a ${context.audience === 'comment' ? 'pull-request comment' : 'job summary'} may hold. The annotations and the step's log have the rest.`
  )
}

function viewFor(context: ReportContext): ReportView {
  const redact =
    context.audience === 'comment'
      ? (text: string) => redactEncodedRuns(context.redact(text))
      : context.redact
  const state =
    context.audience === 'comment' && context.state
      ? { ...context.state, fingerprint: undefined }
      : context.state
  return {
    quote: text => inlineCode(redact(text)),
    quoteCell: text => cellCode(redact(text)),
    ...(state && { state })
  }
}

function noFailureSection(context: ReportContext, { quote }: ReportView): string[] {
  // Nothing read is no evidence either way: never "no credential failure".
  if (context.files.length === 0) {
    const missing = capped(context.missing.map(quote))
    return [
      `### ${PREFIX}: no evidence: nothing to read`,
      '',
      `${missing ? `No file matched ${missing}` : 'No `claude-output` given'}, and Claude Code left no session transcript since the job started: whether Claude's credential failed is unknown.`
    ]
  }
  return [
    `### ${PREFIX}: no credential failure in the Claude step`,
    '',
    context.files.length > 0
      ? `Read ${count(context.files.length, 'file')}: ${capped(context.files.map(quote))}. ${
          context.recovered?.length
            ? 'Claude got past every refusal of a credential they show (noted below).'
            : "None shows Claude's API refusing the credential or GitHub refusing its token."
        }`
      : `Nothing to read: ${capped(context.missing.map(quote)) || 'no `claude-output` given'} matched no file.`
  ]
}

/** The count, a table row per failure listed, the timeline, then each failure listed with its fix. */
function failureSection(failures: Failure[], context: ReportContext, view: ReportView): string[] {
  const listed = failures.slice(0, MAX_LISTED)
  const total = failures.length + (context.omitted ?? 0)
  const lines = [
    `### ${PREFIX}: ${count(total, 'credential failure')} in the Claude step`,
    '',
    '| Kind | When | Before it | Retries | Seen in |',
    '| --- | --- | --- | --- | --- |',
    ...listed.map(failure => failureRow(failure, view))
  ]
  if (listed.length < total) {
    lines.push('', `And ${count(total - listed.length, 'more failure')}, not listed.`)
  }
  const timeline = timelineMermaid(listed, view.state)
  if (timeline) lines.push('', timeline.trimEnd())
  for (const failure of listed) lines.push(...failureDetails(failure, view))
  return lines
}

function failureRow(failure: Failure, { quoteCell }: ReportView): string {
  const f = failure.first
  const when = [
    f.secondsIntoRun !== undefined ? `${Math.round(f.secondsIntoRun / 60)} min into the run` : '',
    f.at ? f.at.replace(/\.\d+Z$/, 'Z') : ''
  ]
    .filter(Boolean)
    .join(', ')
  const seen = failure.files
    .slice(0, MAX_LISTED)
    .map(file => `${quoteCell(basename(file))}:${f.file === file ? f.line : ''}`)
  if (failure.files.length > MAX_LISTED) seen.push(`and ${failure.files.length - MAX_LISTED} more`)
  return `| \`${failure.kind}\` | ${when || 'unknown'} | ${workBefore(f) ?? 'not recorded'} | ${f.retries} | ${seen.join(' ')} |`
}

function failureDetails(failure: Failure, { quote }: ReportView): string[] {
  return [
    '',
    `#### ${failure.title} (\`${failure.kind}\`)`,
    '',
    `${inertMarkdown(failure.headline)}: ${quote(failure.first.message)}`,
    ...(failure.preflight ? ['', inertMarkdown(failure.preflight)] : []),
    ...(failure.lost ? ['', inertMarkdown(failure.lost)] : []),
    '',
    `**Fix:** ${inertMarkdown(failure.fix)}`
  ]
}

/** What the preflight checked, patterns that matched nothing, files that could not be read. */
function reportNotes(failures: Failure[], context: ReportContext, view: ReportView): string[] {
  const { quote, state } = view
  const notes: string[] = []
  if (state?.label || state?.fingerprint) {
    const fingerprint = state.fingerprint ? ` ${inlineCode(state.fingerprint)}` : ''
    const source = state.source ? ` from \`${state.source}\`` : ''
    notes.push(
      `Preflight checked ${inertMarkdown(state.label ?? 'the credential')}${fingerprint}${source}: ${inertMarkdown(state.status ?? 'unknown')}.`
    )
  }
  if (failures.length > 0 && context.missing.length > 0) {
    notes.push(`No file matched ${capped(context.missing.map(quote))}.`)
  }
  for (const failure of (context.recovered ?? []).slice(0, MAX_LISTED)) {
    notes.push(recoveredLine(failure, quote(failure.first.message)))
  }
  for (const { file, line } of (context.usage ?? []).slice(0, MAX_LISTED)) {
    notes.push(`${quote(basename(file))}: ${inertMarkdown(line)}.`)
  }
  for (const { file, reason } of context.unreadable.slice(0, MAX_LISTED))
    notes.push(`Could not read ${quote(file)}: ${quote(reason)}.`)
  if (context.unreadable.length > MAX_LISTED) {
    notes.push(`Could not read ${count(context.unreadable.length - MAX_LISTED, 'more file')}.`)
  }
  return notes
}

/** The turns and tool calls done before a failure, when the transcript recorded them. */
function workBefore(finding: Failure['first']): string | undefined {
  return finding.turnsBefore !== undefined
    ? `${finding.turnsBefore} turns, ${finding.toolCallsBefore ?? 0} tool calls`
    : undefined
}

/** The tasks of a gantt chart by section (preflight, credential, Claude step), and every time they show. */
interface Gantt {
  tasks: [string[], string[], string[]]
  times: number[]
}

/**
 * The run's timeline as a Mermaid gantt chart (GitHub draws it in job summaries and PR comments): the preflight's
 * check, the expiry it measured, the Claude run up to its first credential failure (with the turns and tool calls
 * done before it) and each distinct failure. Undefined when nothing carries a time (plain-text logs only).
 * Times are UTC wall-clock; every text is reduced to characters Mermaid cannot read as syntax.
 */
export function timelineMermaid(failures: Failure[], state?: PreflightState): string | undefined {
  const failedAt = failures.map(f => chartTime(f.first.at))
  if (!failedAt.some(ms => ms !== undefined)) return undefined
  const firstFailure = failedAt.reduce<number | undefined>(
    (min, ms) => (ms !== undefined && (min === undefined || ms < min) ? ms : min),
    undefined
  )
  const gantt: Gantt = { tasks: [[], [], []], times: [] }
  const checkedAt = chartTime(state?.checkedAt)
  if (checkedAt !== undefined) {
    const what = [state?.label ?? 'credential', state?.fingerprint].filter(Boolean).join(' ')
    milestone(gantt, 0, `Preflight checked ${what}: ${state?.status ?? 'unknown'}`, checkedAt)
  }
  const expiresAt = chartTime(state?.expiresAt)
  if (expiresAt !== undefined) {
    const early = firstFailure !== undefined && expiresAt <= firstFailure
    milestone(gantt, 1, 'Expiry measured at preflight', expiresAt, early)
  }
  const lead = failures.find((_, i) => failedAt[i] === firstFailure)?.first
  if (lead && firstFailure !== undefined) claudeRunBars(gantt, lead, firstFailure)
  failures.forEach((failure, i) => {
    const ms = failedAt[i]
    if (ms !== undefined) milestone(gantt, 2, `First failure ${failure.kind}`, ms, true)
  })
  return ganttMarkdown(gantt)
}

/** A time the chart can show: after 1970 and within what a Date holds (a sum past it would throw when drawn). */
function chartTime(value: number | string | undefined): number | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : value
  return ms !== undefined && Number.isFinite(ms) && ms > 0 && ms <= MAX_DATE_MS ? ms : undefined
}

function milestone(gantt: Gantt, section: 0 | 1 | 2, name: string, ms: number, crit = false) {
  gantt.times.push(ms)
  gantt.tasks[section].push(
    `    ${mermaidText(name)} :${crit ? 'crit, ' : ''}milestone, ${mermaidTime(ms)}, 1s`
  )
}

/** A bar of the Claude step's section. */
function bar(gantt: Gantt, name: string, from: number, to: number, tag: 'done' | 'crit') {
  if (mermaidTime(from) === mermaidTime(to)) return // under a second: nothing to draw
  gantt.times.push(from, to)
  gantt.tasks[2].push(`    ${mermaidText(name)} :${tag}, ${mermaidTime(from)}, ${mermaidTime(to)}`)
}

/** The Claude run up to the first failure, and the time it went on after it without progress. */
function claudeRunBars(gantt: Gantt, lead: Failure['first'], firstFailure: number) {
  const started = chartTime(lead.runStartedAt)
  if (started === undefined || started >= firstFailure) return
  bar(
    gantt,
    `Claude run, ${workBefore(lead) ?? 'work'} before the failure`,
    started,
    firstFailure,
    'done'
  )
  const ended =
    lead.runDurationMs !== undefined ? chartTime(started + lead.runDurationMs) : undefined
  if (ended !== undefined && ended - firstFailure >= 5000) {
    bar(gantt, `After it, ${lead.retries} retries, no progress`, firstFailure, ended, 'crit')
  }
}

function ganttMarkdown({ tasks, times }: Gantt): string {
  const sections = ['Preflight', 'Credential', 'Claude step']
  const body = sections.flatMap((name, i) =>
    tasks[i]!.length > 0 ? [`    section ${name}`, ...tasks[i]!] : []
  )
  const span =
    times.reduce((a, b) => Math.max(a, b), -Infinity) -
    times.reduce((a, b) => Math.min(a, b), Infinity)
  return [
    '```mermaid',
    'gantt',
    '    title Timeline of the run (UTC)',
    '    dateFormat YYYY-MM-DD HH:mm:ss',
    '    todayMarker off',
    `    axisFormat ${span > 2 * 86_400_000 ? '%m-%d %H:%M' : '%H:%M'}`,
    ...body,
    '```',
    ''
  ].join('\n')
}

/** Text Mermaid reads as text only: letters, digits and a few harmless marks; never `:`, `#`, `;`, `%`, backticks. */
export function mermaidText(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9 .,()'+/_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim()
  return safe || 'event'
}

/** `YYYY-MM-DD HH:mm:ss` of the UTC time, which the chart reads and shows as is. */
function mermaidTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** The PR comment: the report under a hidden marker, so later runs find and update it. */
export function commentBody(markdown: string, runUrl?: string): string {
  const footer = runUrl ? `\n<sub>From [this run](${runUrl}).</sub>\n` : ''
  return `${COMMENT_MARKER}\n${markdown}${footer}`
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Items joined by commas, the first MAX_LISTED of them, then how many more. */
function capped(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ')
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

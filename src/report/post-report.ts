// What the post step shows: one `::error` per distinct failure (its title names the kind), a job-summary
// section with the timeline, and the same section as a pull-request comment body (with a hidden marker).
import type { Core } from '../action/core.js'
import type { Failure } from '../scan/explain.js'
import type { PreflightState } from '../scan/preflight-state.js'
import { PREFIX } from './errors.js'

export const COMMENT_MARKER = '<!-- claude-preflight:post-report -->'

/** One annotation per distinct failure. */
export function annotate(core: Pick<Core, 'error'>, failures: Failure[]): void {
  for (const failure of failures) {
    const parts = [failure.headline, failure.preflight, failure.lost, `Fix: ${failure.fix}`]
    core.error(`${PREFIX}: ${parts.filter(Boolean).join(' ')}`, {
      title: `${PREFIX}: ${failure.title} (${failure.kind})`
    })
  }
}

export interface ReportContext {
  /** Files read. */
  files: string[]
  /** Patterns that matched nothing. */
  missing: string[]
  /** Files that could not be read, with why. */
  unreadable: Array<{ file: string; reason: string }>
  state?: PreflightState
}

/** The markdown section for the job summary and the PR comment. */
export function reportMarkdown(failures: Failure[], context: ReportContext): string {
  const lines: string[] = []
  if (failures.length === 0) {
    lines.push(`### ${PREFIX}: no credential failure in the Claude step`)
    lines.push('')
    lines.push(
      context.files.length > 0
        ? `Read ${count(context.files.length, 'file')}: ${context.files.map(code).join(', ')}. None shows Claude's API refusing the credential or GitHub refusing its token.`
        : `Nothing to read: ${context.missing.map(code).join(', ') || 'no `claude-output` given'} matched no file.`
    )
  } else {
    lines.push(`### ${PREFIX}: ${count(failures.length, 'credential failure')} in the Claude step`)
    lines.push('')
    lines.push('| Kind | When | Before it | Retries | Seen in |')
    lines.push('| --- | --- | --- | --- | --- |')
    for (const failure of failures) {
      const f = failure.first
      const when = [
        f.secondsIntoRun !== undefined
          ? `${Math.round(f.secondsIntoRun / 60)} min into the run`
          : '',
        f.at ? f.at.replace(/\.\d+Z$/, 'Z') : ''
      ]
        .filter(Boolean)
        .join(', ')
      const before =
        f.turnsBefore !== undefined
          ? `${f.turnsBefore} turns, ${f.toolCallsBefore ?? 0} tool calls`
          : 'not recorded'
      const seen = failure.files.map(
        file => `${code(basename(file))}:${f.file === file ? f.line : ''}`
      )
      lines.push(
        `| \`${failure.kind}\` | ${cell(when || 'unknown')} | ${before} | ${f.retries} | ${cell(seen.join(' '))} |`
      )
    }
    for (const failure of failures) {
      lines.push('')
      lines.push(`#### ${failure.title} (\`${failure.kind}\`)`)
      lines.push('')
      lines.push(failure.headline)
      if (failure.preflight) lines.push('', failure.preflight)
      if (failure.lost) lines.push('', failure.lost)
      lines.push('', `**Fix:** ${failure.fix}`)
    }
  }
  const notes: string[] = []
  if (context.state?.fingerprint) {
    notes.push(
      `Preflight checked ${context.state.label ?? 'the credential'} \`${context.state.fingerprint}\`${context.state.source ? ` from \`${context.state.source}\`` : ''}: ${context.state.status ?? 'unknown'}.`
    )
  }
  if (failures.length > 0 && context.missing.length > 0) {
    notes.push(`No file matched ${context.missing.map(code).join(', ')}.`)
  }
  for (const { file, reason } of context.unreadable)
    notes.push(`Could not read ${code(file)}: ${reason}.`)
  if (notes.length > 0) lines.push('', ...notes.map(note => `> ${note}`))
  return lines.join('\n') + '\n'
}

/** The PR comment: the report under a hidden marker, so later runs find and update it. */
export function commentBody(markdown: string, runUrl?: string): string {
  const footer = runUrl ? `\n<sub>From [this run](${runUrl}).</sub>\n` : ''
  return `${COMMENT_MARKER}\n${markdown}${footer}`
}

function count(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

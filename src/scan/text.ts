// Plain-text logs (`claude -p … | tee log`, a job log, a wrapper's output) and the message strings of Claude's own
// API errors in JSON transcripts: the phrasings of the providers' tables (src/providers/failures.ts) count wherever
// they stand in a line, after any prefix (a logger's timestamp, `##[error]Error: `, indentation, `⎿`), and across a
// terminal's wrap (TextRecogniser joins a continuation line). A bare "401", a diff line (`+`, `-`, and ` ` once the
// text has shown a hunk), a phrasing inside a quoted string, a code comment or a regular-expression literal, or a
// grep hit in a source file does not: that is code quoting the words, not the CLI saying them.
import { classifyApiError, type ApiErrorSignal } from '../providers/anthropic-failures.js'
import type { PhrasingVerdict } from '../providers/failure.js'
import { PHRASINGS, type FailureKindId } from '../providers/failures.js'
import { redactSecrets } from '../providers/shapes.js'
import { normaliseText } from '../common/redact.js'

export interface TextSignal {
  kind: FailureKindId
  status?: number
  message: string
  /** ISO time from a `2026-01-02T03:04:05.1234567Z ` prefix (downloaded job logs), when present. */
  at?: string
}

// A GitHub job-log timestamp.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) /
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g
/** A diff's added or removed line, or a hunk header: quoted code, never a failure. */
const DIFF_LINE = /^(?:[+-]|@@ )/
/** A diff's context line: one space, then text. Without a hunk before it, the same line is an indented log line. */
const DIFF_CONTEXT_LINE = /^ \S/
/** What shows the text holds a diff: a hunk header or git's diff header. */
const DIFF_START = /^(?:@@ -\d|diff --git )/
/**
 * What may stand before a phrasing: nothing, or a prefix that ends in a symbol (`: `, `] `, `⎿ `, `· `, `| `), a
 * number (a logger's time), or a log level. Not a sentence's word ("… and API Error: 401 …" is Claude talking
 * about an error).
 */
const PREFIX_END =
  /(?:^|[^\sA-Za-z"'`“‘]|\b(?:ERROR|Error|error|WARN(?:ING)?|Warn(?:ing)?|warn(?:ing)?|FATAL|Fatal|fatal|INFO|DEBUG|debug))\s*$/
/** A comment marker (`//`, `/*`, ` * `, `#`, `--`) or a regular expression's `/` just before the phrasing: code. */
const CODE_PREFIX_END = /(?:[/#*]|--)\s*$/
/** grep's `path:line:` before a line of a source file: code, whatever it quotes. */
const SOURCE_GREP_HIT =
  /^[\w./-]*\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kts?|swift|c|h|cc|cpp|hpp|cs|php|sh|bash|zsh|ps1|ya?ml|toml|json|md):\d+:/

/** A JSON string value's start: `{"message":"` (an error body another layer printed). */
const JSON_VALUE = /"\w+"\s*:\s*"$/
/** A quote opened and not closed before the phrasing: it is inside a quoted string. */
const OPEN_QUOTE = /(?:^|[(=,[{]|[^:\s]\s)["'`][^"'`]*$/

/** Cheap test before any regex: the words the phrasings need. */
const ANCHORS = [...new Set(PHRASINGS.map(phrasing => phrasing.anchor))]

type Verdict = PhrasingVerdict<FailureKindId>

/**
 * What the first phrasing found in `text` means: `{ verdict }` (undefined verdict: a phrasing that says it is not a
 * credential failure), or undefined when no phrasing stands in it.
 */
function readPhrasings(text: string): { verdict: Verdict | undefined } | undefined {
  if (!ANCHORS.some(anchor => text.includes(anchor))) return undefined
  for (const phrasing of PHRASINGS) {
    if (!text.includes(phrasing.anchor)) continue
    const match = phrasing.pattern.exec(text)
    if (!match) continue
    const before = text.slice(Math.max(0, match.index - 80), match.index)
    if (
      !phrasing.inSentence &&
      !(
        JSON_VALUE.test(before) ||
        (PREFIX_END.test(before) && !CODE_PREFIX_END.test(before) && !OPEN_QUOTE.test(before))
      )
    )
      continue
    const verdict =
      typeof phrasing.kind === 'function' ? phrasing.kind(match) : { kind: phrasing.kind }
    return { verdict }
  }
  return undefined
}

/**
 * The kind of an API error Claude reported in a JSON transcript: its words first (a cloud's expiry inside an
 * `API Error: 403`, a usage limit, a missing login), then the API's status, type and Claude Code's category.
 */
export function classifyApiMessage(signal: ApiErrorSignal): FailureKindId | undefined {
  const read = signal.message === undefined ? undefined : readPhrasings(signal.message)
  return read ? read.verdict?.kind : classifyApiError(signal)
}

/** The kind Claude's own words in a result or message say, from the phrasings alone (no status to go by). */
export function classifyMessageText(text: string): FailureKindId | undefined {
  return readPhrasings(text)?.verdict?.kind
}

/** A log line without its colours, line end and job-log timestamp, and the time that timestamp gives. */
function readLogLine(raw: string): { line: string; at?: string } {
  const line = raw.replace(ANSI, '').replace(/\r$/, '')
  const stamp = TIMESTAMP.exec(line)
  if (!stamp) return { line }
  // The pattern admits dates no calendar has (month 13): such a prefix gives no time, never an exception.
  const ms = Date.parse(stamp[1] ?? '')
  const rest = line.slice(stamp[0].length)
  return Number.isFinite(ms) ? { line: rest, at: new Date(ms).toISOString() } : { line: rest }
}

/**
 * The credential failure a plain-text line reports, if it reports one. `inDiff`: the text has shown a diff before
 * this line, so a line that starts with one space is a diff's context line.
 */
export function classifyTextLine(raw: string, inDiff = false): TextSignal | undefined {
  if (!ANCHORS.some(anchor => raw.includes(anchor))) return undefined
  const { line, at } = readLogLine(raw)
  if (DIFF_LINE.test(line) || (inDiff && DIFF_CONTEXT_LINE.test(line))) return undefined
  if (SOURCE_GREP_HIT.test(line)) return undefined
  const verdict = readPhrasings(line)?.verdict
  if (!verdict) return undefined
  // Redacted before it is cut: a secret cut short no longer looks like one.
  const signal: TextSignal = {
    kind: verdict.kind,
    message: redactSecrets(normaliseText(verdict.message ?? line.trim())).slice(0, 500)
  }
  if (verdict.status !== undefined) signal.status = verdict.status
  if (at) signal.at = at
  return signal
}

/** A line this long that does not end a sentence may continue on the next line (a terminal's wrap). */
const WRAP_MIN_CHARS = 60
const SENTENCE_END = /[.!?)\]}]\s*$/

function mayContinue(line: string): boolean {
  return line.length >= WRAP_MIN_CHARS && !SENTENCE_END.test(line)
}

/**
 * A continuation joined to its line: an indented continuation (Claude Code's own wrap keeps the indent) after one
 * space; a flush one (a terminal's hard wrap mid-word) as it is. A job log's timestamp before it is dropped.
 */
function joinWrapped(line: string, next: string): string {
  const continuation = next.replace(TIMESTAMP, '')
  return /^\s/.test(continuation)
    ? `${line.trimEnd()} ${continuation.trimStart()}`
    : line + continuation
}

export interface LineSignal extends TextSignal {
  /** The line (1-based) the failure starts on. */
  line: number
}

/**
 * Plain-text lines in, failures out, one line behind: a line that may be wrapped waits for the next, and when the
 * next holds no phrasing of its own the two are read as one.
 */
export class TextRecogniser {
  private pending: { text: string; line: number; signal: TextSignal | undefined } | undefined
  private inDiff = false

  push(text: string, line: number): LineSignal[] {
    if (!this.inDiff && (text.includes('@@') || text.includes('diff --git'))) {
      this.inDiff = DIFF_START.test(readLogLine(text).line)
    }
    const signal = classifyTextLine(text, this.inDiff)
    const previous = this.pending
    this.pending = undefined
    const out: LineSignal[] = []
    if (previous) {
      const joined =
        signal === undefined && mayContinue(previous.text)
          ? classifyTextLine(joinWrapped(previous.text, text), this.inDiff)
          : undefined
      const first = joined ?? previous.signal
      if (first) out.push({ ...first, line: previous.line })
      if (joined) return out
    }
    this.pending = { text, line, signal }
    return out
  }

  /** The last line's failure, at the end of the input. */
  flush(): LineSignal[] {
    const previous = this.pending
    this.pending = undefined
    return previous?.signal ? [{ ...previous.signal, line: previous.line }] : []
  }
}

/** Claude Code's Bash tool puts the exit code before a failed command's output. */
const EXIT_CODE_LINE = /^Exit code \d+\r?\n/

/**
 * The line of a failed GitHub tool call's output (git, gh, the GitHub MCP server) that is GitHub's or git's own
 * refusal of the token, when the output starts with one: the first line (after the Bash tool's `Exit code N`), or
 * the line after git's `remote:` answer. Words further down (a pull request's body that `gh` printed, a diff) are
 * not GitHub speaking.
 */
export function githubRefusal(output: string): string | undefined {
  const lines = output.replace(EXIT_CODE_LINE, '').trimStart().split(/\r?\n/, 2)
  for (const line of lines) {
    if (classifyTextLine(line)?.kind === 'github-auth') return line.trim()
    if (isGitHubErrorJson(line)) return line.trim()
    if (!line.startsWith('remote: ')) break
  }
  return undefined
}

/** GitHub's REST error body: `{"message":"Bad credentials","documentation_url":"https://docs.github.com/…"}`. */
function isGitHubErrorJson(line: string): boolean {
  return /^\{\s*"message"\s*:\s*"(?:Bad credentials|Requires authentication)"\s*,\s*"documentation_url"\s*:\s*"https:\/\/docs\.github\.com\//.test(
    line.trim()
  )
}

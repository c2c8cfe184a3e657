// Reads the records of one file (see split.ts) and finds the credential failures in them, with the run's
// timeline. Structural: in JSON only Claude's own API errors count (`system`/`api_retry` with `error_status`,
// assistant messages with `error` / `is_api_error_message` / `api_error_status`, `result` with
// `api_error_status`); text inside tool results, tool inputs, user messages or file contents never does.
// The one exception is narrow: a failed GitHub MCP tool call, or a failed `git push`/`gh` Bash call, whose
// result starts with GitHub's own "Bad credentials" / git's "Authentication failed" is the GitHub token.
// Pure: no I/O. Fast: records that cannot hold an error are only glanced at (their head), never parsed.
import { classifyApiError, isCredentialStatus } from '../providers/anthropic-failures.js'
import { isWarningKind, type FailureKindId } from '../providers/failures.js'
import type { Marks, RecordSink, SplitRecord } from './split.js'
import { readHead, startsWith, type Head } from './head.js'
import {
  countToolResults,
  LONG_RECORD,
  mayCallGitHub,
  nameMayCallGitHub,
  saysIsErrorTrue,
  TOOL_RESULT
} from './markers.js'
import {
  CLAUDE_HEAD,
  ERROR_MARK,
  KIND,
  NAME_MARK,
  OFFSET_SHIFT,
  TOOL_RESULT_MARK
} from './newlines.js'
import {
  classifyApiMessage,
  classifyMessageText,
  githubRefusal,
  TextRecogniser,
  type TextSignal
} from './text.js'
import { redactSecrets } from '../providers/shapes.js'
import { addUsage, type Usage } from './usage.js'
import { MAX_DATE_MS } from '../common/time.js'

export interface Finding {
  kind: FailureKindId
  file: string
  /** 1-based line where the failure first shows. */
  line: number
  /** When it happened (ISO 8601), when the transcript tells. */
  at?: string
  /** Claude's or the API's own words. */
  message: string
  /** HTTP status, when known. */
  status?: number
  /** Where it was read: an API error in a JSON transcript, a line of a text log, a GitHub tool result. */
  source: 'api' | 'text' | 'tool'
  /** API retries Claude spent on this failure. */
  retries: number
  /** Turns (model answers) completed in the run before the failure. JSON transcripts only. */
  turnsBefore?: number
  /** Tool calls completed (results received) before the failure. JSON transcripts only. */
  toolCallsBefore?: number
  runStartedAt?: string
  /** Seconds from the run's start to the failure. */
  secondsIntoRun?: number
  runDurationMs?: number
  costUsd?: number
  sessionId?: string
  /** How many times this same failure was seen (later occurrences merged into this one). */
  occurrences: number
  /** A later model turn succeeded: the run got past this failure (a refreshed login, a new helper key). */
  recovered?: true
}

/**
 * Whether a finding makes the run a failed one: not when the run got past it (`recovered`), nor when its kind is a
 * warning (a usage limit).
 */
export function failsTheRun(finding: Pick<Finding, 'kind' | 'recovered'>): boolean {
  return !finding.recovered && !isWarningKind(finding.kind)
}

export interface FileStats {
  /** JSON records read (parsed or glanced at). */
  records: number
  /** Text lines read. */
  textLines: number
  /** Records too long to keep whole. */
  overflow: number
  /** The file ends mid-record. */
  truncated: boolean
}

export interface FileScan {
  file: string
  /** The findings kept (see FindingTally): at most MAX_KEPT_FINDINGS and one per kind more, and the last. */
  findings: Finding[]
  /** Findings seen but not kept, only counted. */
  omitted: number
  /** Of those, the ones that fail the run (failsTheRun). */
  omittedFailing: number
  /** Failures that happened before the scan's `since`: an earlier run's, counted and left out. */
  older: number
  /** The Claude sessions the file holds (their ids, from `init` and `result`), at most MAX_SESSION_IDS. */
  sessions: string[]
  /** The subscription's usage windows, when the file carries `rate_limit_event` messages. */
  usage?: Usage
  stats: FileStats
}

/** Findings kept whole per file and per scan; a flood past it is counted, not held (nor reported one by one). */
export const MAX_KEPT_FINDINGS = 200

/**
 * Items in bounded memory, whatever a file holds: the first `limit`, the first of each kind met after them,
 * and the last; the others only counted.
 */
export class FindingTally<T extends Pick<Finding, 'kind' | 'recovered'>> {
  private readonly kept: T[] = []
  private readonly kinds = new Set<FailureKindId>()
  private last: T | undefined
  private omittedCount = 0
  private omittedFailingCount = 0

  constructor(private readonly limit = MAX_KEPT_FINDINGS) {}

  add(item: T): void {
    if (this.kept.length < this.limit || !this.kinds.has(item.kind)) {
      this.kinds.add(item.kind)
      this.kept.push(item)
      return
    }
    if (this.last !== undefined) {
      this.omittedCount++
      if (failsTheRun(this.last)) this.omittedFailingCount++
    }
    this.last = item
  }

  /** Counts items dropped elsewhere (a file's own tally), `failing` of them failing the run. */
  addOmitted(count: number, failing: number): void {
    this.omittedCount += count
    this.omittedFailingCount += failing
  }

  /** The items kept, in the order added. */
  items(): T[] {
    return this.last === undefined ? this.kept.slice() : this.kept.concat([this.last])
  }

  get omitted(): number {
    return this.omittedCount
  }

  get omittedFailing(): number {
    return this.omittedFailingCount
  }

  /** Every item seen, kept or not, that fails the run. */
  get failing(): number {
    return this.items().filter(failsTheRun).length + this.omittedFailingCount
  }

  /** Every item seen, kept or not. */
  get total(): number {
    return this.kept.length + (this.last === undefined ? 0 : 1) + this.omittedCount
  }
}

/** Several files' scans in one tally, and how many of their failures were older than the scans' `since`. */
export function tallyScans(scans: FileScan[]): { tally: FindingTally<Finding>; older: number } {
  const tally = new FindingTally<Finding>()
  let older = 0
  for (const scan of scans) {
    for (const finding of scan.findings) tally.add(finding)
    tally.addOmitted(scan.omitted, scan.omittedFailing)
    older += scan.older
  }
  return { tally, older }
}

interface Run {
  firstTs?: number
  lastTs?: number
  turns: number
  toolCalls: number
  lastAssistantId: LastId
  durationMs?: number
  costUsd?: number
  sessionId?: string
  seen: boolean
  /** Turn-by-turn messages were seen (not only a final result): counts mean something. */
  messages: boolean
}

interface Episode {
  run: Run
  kind: FailureKindId
  /** The kind was guessed from a status alone (an api_retry); a message will settle it. */
  provisional: boolean
  status?: number
  message?: string
  line: number
  source: Finding['source']
  at?: number
  /** Retry delays before the first timestamp seen in the episode: to place the first failure in time. */
  delayBeforeTs: number
  retries: number
  turnsBefore?: number
  toolCallsBefore?: number
  lastTsBefore?: number
  occurrences: number
  recovered?: true
}

type Json = Record<string, unknown>

const needle = (text: string) => Buffer.from(text, 'latin1')
// 'rror' finds every 'error' (and is quicker to search for: its first letter is rarer).
const ERROR = needle('rror')
const MARKERS = [
  needle('error_status'),
  needle('is_api_error_message'),
  needle('"error"'),
  needle('total_cost_usd')
]
const TOTAL_COST = needle('total_cost_usd')
/**
 * Claude's own head of a message up to its type, and what follows the type of an assistant message, up to its id,
 * and of a user message; the same as an element of claude-code-action's execution file has them
 * (`JSON.stringify(messages, null, 2)`, PRETTY_…).
 */
const TYPE_HEAD = needle('{"type":"')
const ASSISTANT_HEAD = needle('assistant","message":{"id":"')
const PRETTY_TYPE_HEAD = needle('{\n    "type": "')
const PRETTY_ASSISTANT_HEAD = needle('assistant",\n    "message": {\n      "id": "')
const USER_HEAD = needle('user"')
/** A pretty element's head stands this far after the close line before it (`\n  },\n  {`): newlines.ts, $head. */
const PRETTY_HEAD_AFTER = 8
/** How far the head's message id is looked for (head.ts: ID_WINDOW). */
const ID_WINDOW = 512
/** Where `"tool_result"` begins before its TOOL_RESULT_MARK. */
const TOOL_RESULT_LEAD = 4
const TIMESTAMP = needle('"timestamp"')

const HEAD_MESSAGE_ID = /"message"\s*:\s*\{[^{}]*?"id"\s*:\s*"([^"]+)"/
const TS_VALUE = /^"timestamp"\s*:\s*"([^"]{10,40})"/

/** A retry delay past this (ms) is garbled: Claude Code backs off for seconds, not hours. It counts as none. */
const MAX_RETRY_DELAY_MS = 3_600_000
/** A run's `duration_ms` past this is garbled: GitHub stops a workflow run after 35 days. */
const MAX_RUN_MS = 35 * 86_400_000
/** A run's `total_cost_usd` past this is garbled. */
const MAX_COST_USD = 1_000_000
/** Tool uses whose results may be the GitHub token failing; bounded. */
const MAX_PENDING_TOOLS = 256
/** Session ids kept per file: a file holds one run, or a few; more is a flood. */
export const MAX_SESSION_IDS = 64

export class TranscriptScanner implements RecordSink {
  private readonly episodes = new FindingTally<Episode>()
  private open: Episode | undefined
  private run: Run = newRun()
  private readonly githubTools = new Map<string, string>()
  private older = 0
  private readonly lines = new TextRecogniser()
  private readonly sessions = new Set<string>()
  private usage: Usage | undefined
  readonly stats: FileStats = { records: 0, textLines: 0, overflow: 0, truncated: false }
  /**
   * Records glanced at in the current chunk whose times are not read yet: `chunk[timesFrom, timesTo)`. Only the
   * last time in it counts (a transcript's times only go forward), read when something needs the run's times.
   */
  private timesChunk: Buffer | undefined
  private timesFrom = 0
  private timesTo = 0

  /** `since` (epoch ms): failures known to have happened before it are an earlier run's, only counted. */
  constructor(
    readonly file: string,
    private readonly since?: number
  ) {}

  /**
   * One record from the splitter. Never throws on any input: every time and number read is checked before it is
   * used (a date no calendar has, a garbled delay or duration is left out, not turned into an exception).
   */
  record(record: SplitRecord): void {
    this.readTimes()
    if (record.truncated) this.stats.truncated = true
    if (record.overflow) this.stats.overflow++
    if (record.type === 'text') {
      this.stats.textLines++
      this.text(record.bytes.toString('utf8'), record.line)
      return
    }
    this.stats.records++
    const bytes = record.bytes
    const head = readHead(bytes, 0, bytes.length)
    if (!record.overflow && this.isCandidate(bytes, head)) {
      let message: unknown
      try {
        message = JSON.parse(bytes.toString('utf8'))
      } catch {
        // A line that only looks like JSON may still be a plain log line.
        if (bytes.length < 8192) this.text(bytes.toString('utf8'), record.line)
        return
      }
      if (message && typeof message === 'object' && !Array.isArray(message)) {
        this.message(message as Json, record.line)
      }
      return
    }
    // A record the file ends inside is no turn that went through.
    if (!record.truncated && head) {
      const ts = this.timestampOf(bytes)
      if (head.type === 'system' && head.subtype === 'init') this.startRun()
      else this.countUnparsed(bytes, head, ts)
    }
  }

  /**
   * RecordSink: a whole JSON record in the chunk. Taken when it cannot hold an error: its turns and tool calls are
   * counted, and its time is left for readTimes. Anything else goes on to `record`.
   */
  glance(chunk: Buffer, start: number, end: number, marks?: Marks): boolean {
    if (marks && this.run.firstTs !== undefined) {
      const taken = this.glanceMarked(chunk, start, end, marks)
      if (taken !== undefined) return taken
    }
    const head = readHead(chunk, start, end)
    if (!head) return false
    const bytes = chunk.subarray(start, end)
    if (this.isCandidate(bytes, head)) return false
    this.stats.records++
    if (this.run.firstTs === undefined) {
      // A run's first time is read at once (nothing waits in readTimes then: it waits only once a run has one).
      this.countUnparsed(bytes, head, this.timestampOf(bytes))
      return true
    }
    if (this.timesChunk !== chunk) {
      this.readTimes()
      this.timesChunk = chunk
      this.timesFrom = start
    }
    this.timesTo = end
    this.countUnparsed(bytes, head, undefined)
    return true
  }

  /**
   * glance for Claude's own layout of assistant and user messages, from the markers the splitter found (no search
   * of its own, no head object, the message id compared where it lies): the same decision as glance's, or
   * undefined when only glance can tell.
   */
  private glanceMarked(
    chunk: Buffer,
    start: number,
    end: number,
    marks: Marks
  ): boolean | undefined {
    const events = marks.events
    let id = -1
    let idEnd = -1
    const pretty = chunk[start + 1] === 0x0a
    const typeHead = pretty ? PRETTY_TYPE_HEAD : TYPE_HEAD
    const type = start + typeHead.length
    const assistantHead = pretty ? PRETTY_ASSISTANT_HEAD : ASSISTANT_HEAD
    let assistant: boolean
    // The pass compared the head already when it flagged the newline (or close line) right before the record.
    const before = marks.from > 0 ? (events[marks.from - 1] as number) : 0
    if (
      (before & CLAUDE_HEAD) !== 0 &&
      (before >>> OFFSET_SHIFT) + (pretty ? PRETTY_HEAD_AFTER : 1) === start
    ) {
      assistant = chunk[type] === ASSISTANT_HEAD[0]
    } else if (!startsWith(chunk, start, typeHead, end)) {
      return undefined
    } else if (startsWith(chunk, type, assistantHead, end)) {
      assistant = true
    } else if (startsWith(chunk, type, USER_HEAD, end)) {
      assistant = false
    } else {
      return undefined
    }
    if (assistant) {
      id = type + assistantHead.length
      idEnd = id
      const limit = Math.min(end, start + ID_WINDOW)
      while (idEnd < limit && chunk[idEnd] !== 0x22) idEnd++
      if (idEnd === limit || idEnd === id) return undefined
      for (let e = marks.from; e < marks.to; e++) {
        const event = events[e] as number
        const kind = event & KIND
        if (kind === ERROR_MARK) return undefined
        if (
          kind === NAME_MARK &&
          nameMayCallGitHub(chunk, (event >>> OFFSET_SHIFT) - 1, start, end)
        )
          return false
      }
    } else if (this.githubTools.size > 0) {
      return undefined
    }
    this.stats.records++
    if (this.timesChunk !== chunk) {
      this.readTimes()
      this.timesChunk = chunk
      this.timesFrom = start
    }
    this.timesTo = end
    if (id !== -1) {
      this.successfulTurnAt(chunk, id, idEnd)
      return true
    }
    let results = 0
    if (end - start < LONG_RECORD) {
      for (let e = marks.from; e < marks.to; e++) {
        const event = events[e] as number
        if ((event & KIND) !== TOOL_RESULT_MARK) continue
        if (startsWith(chunk, (event >>> OFFSET_SHIFT) - TOOL_RESULT_LEAD, TOOL_RESULT, end))
          results++
      }
    } else {
      results = countToolResults(chunk.subarray(start, end))
    }
    this.run.toolCalls += results
    this.run.seen = true
    this.run.messages = true
    return true
  }

  /** RecordSink: the chunk's bytes are about to change. */
  chunkDone(): void {
    this.readTimes()
  }

  /** The findings, with times settled now that the runs' durations are known. */
  finish(): FileScan {
    this.readTimes()
    for (const signal of this.lines.flush()) this.textSignal(signal, signal.line)
    this.close()
    return {
      file: this.file,
      findings: this.episodes.items().map(episode => this.toFinding(episode)),
      omitted: this.episodes.omitted,
      omittedFailing: this.episodes.omittedFailing,
      older: this.older,
      sessions: [...this.sessions],
      ...(this.usage && { usage: this.usage }),
      stats: this.stats
    }
  }

  /**
   * Whether a record must be parsed. Decided from its head (the `type` Claude writes first) and a few native
   * substring searches, so that the bulk of a transcript (tool results) is never decoded or parsed.
   */
  private isCandidate(bytes: Buffer, head: Head | undefined): boolean {
    // Key order other than Claude's own (its `result` starts elsewhere): parse small records to be sure.
    if (!head) return bytes.length < 65536 || bytes.indexOf(TOTAL_COST) !== -1
    switch (head.type) {
      case 'user':
        // User messages never hold Claude's API errors; only a failed GitHub tool call is looked at.
        return this.githubTools.size > 0 && saysIsErrorTrue(bytes)
      case 'assistant':
        if (bytes.indexOf(ERROR) !== -1) {
          for (const marker of MARKERS) if (bytes.indexOf(marker) !== -1) return true
        }
        return mayCallGitHub(bytes)
      case 'system':
        return (
          head.subtype === 'init' || head.subtype === 'api_retry' || head.subtype === 'api_error'
        )
      case 'result':
      case 'rate_limit_event':
        return true
      default:
        return false
    }
  }

  /** A record that cannot hold an error: count its turn or tool calls, and its time (`ts`) when read already. */
  private countUnparsed(bytes: Buffer, head: Head, ts: number | undefined): void {
    if (ts !== undefined) this.seeTime(ts)
    if (head.type === 'assistant') {
      this.successfulTurn(head.messageId ?? messageIdOf(bytes))
    } else if (head.type === 'user') {
      this.run.toolCalls += countToolResults(bytes)
      this.run.seen = true
      this.run.messages = true
    }
  }

  /** The last time of the records glanced at and not read yet (see `timesChunk`). */
  private readTimes(): void {
    const chunk = this.timesChunk
    if (!chunk) return
    this.timesChunk = undefined
    if (this.timesTo - TIMESTAMP.length < this.timesFrom) return
    let at = chunk.lastIndexOf(TIMESTAMP, this.timesTo - TIMESTAMP.length)
    while (at >= this.timesFrom) {
      const ts = timestampAt(chunk, at, this.timesTo)
      if (ts !== undefined) {
        this.seeTime(ts)
        return
      }
      if (at === 0) return
      at = chunk.lastIndexOf(TIMESTAMP, at - 1)
    }
  }

  private timestampOf(bytes: Buffer): number | undefined {
    const at = bytes.lastIndexOf(TIMESTAMP)
    return at === -1 ? undefined : timestampAt(bytes, at, bytes.length)
  }

  private message(m: Json, line: number): void {
    const type = m.type
    const ts = typeof m.timestamp === 'string' ? Date.parse(m.timestamp) : NaN
    const time = Number.isFinite(ts) ? ts : undefined
    if (type === 'system') {
      if (m.subtype === 'init') return this.startRun(m.session_id)
      // `api_retry` in stream-json; `api_error` in the session transcript Claude Code keeps under ~/.claude/projects.
      const retry =
        m.subtype === 'api_retry' ? m : m.subtype === 'api_error' ? sessionRetry(m) : undefined
      if (retry) {
        const status = typeof retry.error_status === 'number' ? retry.error_status : undefined
        if (status === undefined) return
        // Only the session transcript's `api_error` carries the API's words: they settle the kind.
        const message = str(retry.message)
        const kind = classifyApiError({ status, category: str(retry.error), message })
        if (!kind || !isCredentialStatus(status)) return
        const delay = bounded(retry.retry_delay_ms, MAX_RETRY_DELAY_MS) ?? 0
        this.signal({
          kind,
          status,
          message,
          line,
          source: 'api',
          provisional: message === undefined,
          retry: true,
          delay,
          time
        })
      }
      return
    }
    if (type === 'rate_limit_event') {
      this.usage = addUsage(this.usage, m.rate_limit_info)
      return
    }
    if (type === 'assistant') {
      // The session transcript spells the error fields in camelCase.
      const apiStatus = m.api_error_status ?? m.apiErrorStatus
      const isError =
        m.is_api_error_message === true ||
        m.isApiErrorMessage === true ||
        typeof m.error === 'string' ||
        typeof apiStatus === 'number'
      if (isError) {
        if (time !== undefined) this.seeTime(time)
        const status = typeof apiStatus === 'number' ? apiStatus : undefined
        const message = contentText(m.message)
        const kind = classifyApiMessage({
          status,
          type: str(m.api_error_type ?? m.apiErrorType),
          category: str(m.error),
          message
        })
        if (!kind) return
        this.signal({ kind, status, message, line, source: 'api', provisional: false, time })
        return
      }
      if (time !== undefined) this.seeTime(time)
      const inner = m.message as Json | undefined
      if (inner?.model === '<synthetic>') return
      this.successfulTurn(typeof inner?.id === 'string' ? inner.id : undefined)
      this.rememberGitHubTools(inner)
      return
    }
    if (type === 'user') {
      if (time !== undefined) this.seeTime(time)
      this.run.seen = true
      this.run.messages = true
      const content = (m.message as Json | undefined)?.content
      if (!Array.isArray(content)) return
      for (const block of content as Json[]) {
        if (!block || block.type !== 'tool_result') continue
        this.githubToolResult(block, line, time)
        this.run.toolCalls++
      }
      return
    }
    if (type === 'result') {
      const durationMs = bounded(m.duration_ms, MAX_RUN_MS)
      if (durationMs !== undefined) this.run.durationMs = durationMs
      const costUsd = bounded(m.total_cost_usd, MAX_COST_USD)
      if (costUsd !== undefined) this.run.costUsd = costUsd
      if (typeof m.session_id === 'string') {
        this.run.sessionId ??= m.session_id
        this.noteSession(m.session_id)
      }
      this.run.seen = true
      const message = typeof m.result === 'string' ? m.result : undefined
      // `--output-format json` gives some failures no status ("OAuth session expired and could not be refreshed",
      // "Not logged in"): then Claude's words alone decide.
      const status = typeof m.api_error_status === 'number' ? m.api_error_status : undefined
      const kind =
        status !== undefined
          ? classifyApiMessage({ status, type: str(m.api_error_type), message })
          : m.is_error === true && message !== undefined
            ? classifyMessageText(message)
            : undefined
      if (kind) {
        this.signal({ kind, status, message, line, source: 'api', provisional: false, time })
      }
      // A result ends the run's episode.
      this.close()
    }
  }

  /** A failed GitHub tool call whose result carries GitHub's or git's own refusal: the GitHub token. */
  private githubToolResult(block: Json, line: number, time: number | undefined): void {
    const id = str(block.tool_use_id)
    const tool = id ? this.githubTools.get(id) : undefined
    if (!id || !tool) return
    this.githubTools.delete(id)
    if (block.is_error !== true) return
    const text = resultText(block.content)
    const refusal = githubRefusal(text)
    if (refusal === undefined) return
    this.signal({
      kind: 'github-auth',
      status: 401,
      message: `${tool}: ${redactSecrets(refusal).slice(0, 300)}`,
      line,
      source: 'tool',
      provisional: false,
      time,
      // A tool failing does not end the model's turn: keep it apart from an API episode.
      separate: true
    })
  }

  private rememberGitHubTools(message: Json | undefined): void {
    const content = message?.content
    if (!Array.isArray(content)) return
    for (const block of content as Json[]) {
      if (!block || block.type !== 'tool_use' || typeof block.id !== 'string') continue
      const name = str(block.name) ?? ''
      const command = str((block.input as Json | undefined)?.command) ?? ''
      const github =
        name.startsWith('mcp__github') ||
        (name === 'Bash' &&
          /^\s*(?:git\s+(?:push|fetch|pull|clone|ls-remote)\b|gh\s|\S*\/scripts\/git-push\.sh\b)/.test(
            command
          ))
      if (!github) continue
      if (this.githubTools.size >= MAX_PENDING_TOOLS) {
        const oldest = this.githubTools.keys().next().value
        if (oldest !== undefined) this.githubTools.delete(oldest)
      }
      this.githubTools.set(
        block.id,
        // Redacted before it is cut: a token cut short (`-H "Authorization: token ghp_…"`) no longer looks like one.
        name === 'Bash' ? `git/gh (${redactSecrets(command.trim()).slice(0, 60)})` : name
      )
    }
  }

  private text(line: string, lineNumber: number): void {
    for (const signal of this.lines.push(line, lineNumber)) this.textSignal(signal, signal.line)
  }

  private textSignal(signal: TextSignal, lineNumber: number): void {
    const time = signal.at ? Date.parse(signal.at) : undefined
    // Plain text has no structure to group retries: the same words again are the same failure.
    const open = this.open
    if (
      open &&
      open.source === 'text' &&
      open.kind === signal.kind &&
      open.message === signal.message
    ) {
      open.occurrences++
      return
    }
    this.signal({
      kind: signal.kind,
      status: signal.status,
      message: signal.message,
      line: lineNumber,
      source: 'text',
      provisional: false,
      time,
      separate: true
    })
  }

  private signal(s: {
    kind: FailureKindId
    status?: number
    message?: string
    line: number
    source: Finding['source']
    provisional: boolean
    retry?: boolean
    delay?: number
    time?: number
    separate?: boolean
  }): void {
    let episode = this.open
    const compatible =
      episode !== undefined &&
      !s.separate &&
      episode.source === s.source &&
      (episode.status === undefined || s.status === undefined || episode.status === s.status) &&
      (episode.provisional || s.provisional || episode.kind === s.kind || s.message === undefined)
    if (!compatible) {
      this.close()
      episode = {
        run: this.run,
        kind: s.kind,
        provisional: s.provisional,
        line: s.line,
        source: s.source,
        delayBeforeTs: 0,
        retries: 0,
        occurrences: 1
      }
      if (s.status !== undefined) episode.status = s.status
      if (s.source !== 'text' && this.run.messages) {
        episode.turnsBefore = this.run.turns
        episode.toolCallsBefore = this.run.toolCalls
      }
      if (this.run.lastTs !== undefined) episode.lastTsBefore = this.run.lastTs
      this.open = episode
    }
    const e = episode as Episode
    if (s.retry) {
      e.retries++
      if (e.at === undefined) e.delayBeforeTs += s.delay ?? 0
    }
    if (s.time !== undefined && e.at === undefined) {
      // The first failure came before this message by the retry delays spent since.
      let at = s.time - e.delayBeforeTs
      if (e.lastTsBefore !== undefined && at < e.lastTsBefore) at = e.lastTsBefore
      e.at = at
    }
    if (s.message !== undefined && (e.message === undefined || e.provisional)) {
      e.message = s.message
    }
    if (!s.provisional && e.provisional) {
      e.kind = s.kind
      e.provisional = false
    }
    if (e.status === undefined && s.status !== undefined) e.status = s.status
    if (s.separate) this.close()
  }

  private close(): void {
    const episode = this.open
    this.open = undefined
    if (!episode) return
    const at = episode.at ?? episode.lastTsBefore
    if (this.since !== undefined && at !== undefined && at < this.since) this.older++
    else this.episodes.add(episode)
  }

  private successfulTurn(id: string | undefined): void {
    this.turnSeen()
    if (id === undefined || !this.run.lastAssistantId.repeats(id)) this.run.turns++
  }

  /** successfulTurn for the message id `bytes[from, to)` (latin1). */
  private successfulTurnAt(bytes: Buffer, from: number, to: number): void {
    this.turnSeen()
    if (!this.run.lastAssistantId.repeatsBytes(bytes, from, to)) this.run.turns++
  }

  private turnSeen(): void {
    // A model turn after a failure: the run got past it.
    if (this.open) this.open.recovered = true
    this.close()
    this.run.seen = true
    this.run.messages = true
  }

  private seeTime(ms: number): void {
    this.run.firstTs ??= ms
    if (this.run.lastTs === undefined || ms > this.run.lastTs) this.run.lastTs = ms
  }

  private startRun(sessionId?: unknown): void {
    this.close()
    if (this.run.seen) this.run = newRun()
    if (typeof sessionId === 'string') {
      this.run.sessionId = sessionId
      this.noteSession(sessionId)
    }
    this.run.seen = true
    this.run.messages = true
  }

  private noteSession(id: string): void {
    if (this.sessions.size < MAX_SESSION_IDS) this.sessions.add(id.slice(0, 200))
  }

  private toFinding(e: Episode): Finding {
    const run = e.run
    const finding: Finding = {
      kind: e.kind,
      file: this.file,
      line: e.line,
      message: redactSecrets(e.message ?? describeStatus(e.status, e.recovered)),
      source: e.source,
      retries: e.retries,
      occurrences: e.occurrences
    }
    if (e.status !== undefined) finding.status = e.status
    const at = e.at ?? e.lastTsBefore
    const atIso = isoOf(at)
    if (atIso !== undefined) finding.at = atIso
    if (e.turnsBefore !== undefined) finding.turnsBefore = e.turnsBefore
    if (e.toolCallsBefore !== undefined) finding.toolCallsBefore = e.toolCallsBefore
    let start = run.firstTs
    if (run.durationMs !== undefined && run.lastTs !== undefined) {
      const fromEnd = run.lastTs - run.durationMs
      if (start === undefined || fromEnd < start) start = fromEnd
    }
    const startIso = isoOf(start)
    if (start !== undefined && startIso !== undefined && e.source !== 'text') {
      finding.runStartedAt = startIso
      if (at !== undefined && atIso !== undefined) {
        finding.secondsIntoRun = Math.max(0, Math.round((at - start) / 1000))
      }
    }
    if (run.durationMs !== undefined) finding.runDurationMs = run.durationMs
    if (run.costUsd !== undefined) finding.costUsd = run.costUsd
    if (run.sessionId !== undefined) finding.sessionId = run.sessionId
    if (e.recovered) finding.recovered = true
    return finding
  }
}

/**
 * A session transcript's `api_error` (`error.status`, `retryInMs`, the API's words in `error.formatted`, e.g.
 * "401 OAuth token has expired. …") in the shape of stream-json's `api_retry`.
 */
function sessionRetry(m: Json): Json {
  const error = m.error && typeof m.error === 'object' ? (m.error as Json) : {}
  return { error_status: error.status, retry_delay_ms: m.retryInMs, message: error.formatted }
}

function newRun(): Run {
  return { turns: 0, toolCalls: 0, seen: false, messages: false, lastAssistantId: new LastId() }
}

/** Longest id held as bytes; a longer one is held as text. */
const HELD_ID_BYTES = 128

/**
 * A run's last assistant message id: a turn is counted when the id changes (a message's blocks come as several
 * records with one id). An id glanced at is held as its bytes (latin1, as head.ts reads it), not as a string.
 */
class LastId {
  private text: string | undefined
  private readonly held = Buffer.alloc(HELD_ID_BYTES)
  /** The id is `held[0, heldLength)` when not negative. */
  private heldLength = -1

  /** Whether `id` is the last id; it becomes the last. */
  repeats(id: string): boolean {
    const same =
      this.heldLength >= 0 ? this.heldIs(id) : this.text !== undefined && this.text === id
    this.text = id
    this.heldLength = -1
    return same
  }

  /** `repeats` for the id `bytes[from, to)`. */
  repeatsBytes(bytes: Buffer, from: number, to: number): boolean {
    const length = to - from
    let same: boolean
    if (length > HELD_ID_BYTES) {
      const text = bytes.toString('latin1', from, to)
      same = this.heldLength === -1 && this.text === text
      this.text = text
      this.heldLength = -1
      return same
    }
    const held = this.held
    if (this.heldLength >= 0) {
      same = length === this.heldLength
      // Compared and copied in one loop (Buffer.copy of a range makes a view each time).
      for (let i = 0; i < length; i++) {
        const byte = bytes[from + i] as number
        if (byte !== held[i]) {
          same = false
          held[i] = byte
        }
      }
    } else {
      const text = this.text
      same = text !== undefined && text.length === length
      for (let i = 0; i < length; i++) {
        const byte = bytes[from + i] as number
        if (byte !== text?.charCodeAt(i)) same = false
        held[i] = byte
      }
    }
    this.heldLength = length
    return same
  }

  private heldIs(id: string): boolean {
    if (id.length !== this.heldLength) return false
    for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== this.held[i]) return false
    return true
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function contentText(message: unknown): string | undefined {
  const content = (message as Json | undefined)?.content
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return undefined
  const texts = (content as Json[])
    .filter(block => block && block.type === 'text' && typeof block.text === 'string')
    .map(block => block.text as string)
  return texts.length > 0 ? texts.join(' ') : undefined
}

/** The text of a tool result, redacted, then cut to its first 20,000 characters. */
function resultText(content: unknown): string {
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? (content as Json[])
            .map(block => (block && typeof block.text === 'string' ? block.text : ''))
            .join('\n')
        : ''
  return redactSecrets(text).slice(0, 20000)
}

/** A non-negative number up to `max`; anything else (garbled, negative, huge, not a number) is undefined. */
function bounded(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
    ? value
    : undefined
}

/** ISO 8601 of epoch ms, or undefined when no Date can show it. */
function isoOf(ms: number | undefined): string | undefined {
  return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS
    ? new Date(ms).toISOString()
    : undefined
}

function describeStatus(status: number | undefined, recovered?: true): string {
  if (status === undefined) return 'The API refused the credential.'
  return recovered
    ? `The API answered ${status}; a retry went through.`
    : `The API answered ${status}; the run ended before Claude said why.`
}

/** The time of the `"timestamp"` key at `at`, its value read no further than `end`. */
function timestampAt(bytes: Buffer, at: number, end: number): number | undefined {
  const match = TS_VALUE.exec(bytes.toString('latin1', at, Math.min(end, at + 64)))
  if (!match) return undefined
  const ms = Date.parse(match[1] ?? '')
  return Number.isFinite(ms) ? ms : undefined
}

/** An assistant message's id where the head does not start with it. */
function messageIdOf(bytes: Buffer): string | undefined {
  return HEAD_MESSAGE_ID.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 512)))?.[1]
}

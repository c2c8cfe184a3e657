// Splits a byte stream into records, in constant memory, without knowing the file's size:
//  - a JSON array (claude-code-action's execution file, pretty-printed; `--output-format json --verbose`, one
//    line): each top-level element is one JSON record, found by a byte-level scanner that knows strings;
//  - anything else, line by line: a line starting with `{` is a JSON record (stream-json, `--output-format
//    json`), any other line is text. A file cut off mid-line gives a last record marked `truncated`.
// A record longer than `limit` bytes keeps only its first `headBytes` (`overflow`): credential errors are small.
// A sink may take whole JSON records straight from the chunk (RecordSink.glance), before any record object is made:
// most records of a transcript are only glanced at.
import {
  CLOSE_LINE,
  countNewlines,
  indexChunk,
  KIND,
  MAX_INDEXED,
  NEWLINE,
  OFFSET_SHIFT,
  type ChunkIndex
} from './newlines.js'

export interface SplitRecord {
  type: 'json' | 'text'
  /** The record's bytes (only the head when `overflow`). Valid only during the callback. */
  bytes: Buffer
  /** 1-based line where the record starts. */
  line: number
  /** The file ended inside this record. */
  truncated: boolean
  /** The record was longer than the limit: `bytes` is its head only. */
  overflow: boolean
}

/** Where records go. */
export interface RecordSink {
  /** A record the sink did not take in `glance`, or one the splitter assembled (text, across chunks, cut off). */
  record(record: SplitRecord): void
  /**
   * A whole JSON record lying in `chunk[start, end)`: true when the sink took it as it is (no record is made for it
   * then). The bytes are valid until `chunkDone`; `marks`, when given, are the record's markers (see Marks).
   */
  glance?(chunk: Buffer, start: number, end: number, marks?: Marks): boolean
  /** The chunk given to `glance` is done with: its bytes change after this. */
  chunkDone?(): void
}

/**
 * A line's markers, found in the whole chunk at once (newlines.ts, indexChunk): `events[from, to)`, offsets in the
 * chunk; the event before `from`, when there is one, is the newline or close line before the record.
 */
export interface Marks {
  events: Int32Array
  from: number
  to: number
}

export interface SplitOptions {
  /** Largest record kept whole (default 4 MiB). */
  limit?: number
  /** What is kept of a longer record (default 64 KiB). */
  headBytes?: number
}

const NL = 0x0a
const BOM = Buffer.from([0xef, 0xbb, 0xbf])
/**
 * Pretty elements of this mean size or less are ended by the chunk's pass (RecordSplitter.passing); larger ones (a
 * tool's long output) by a search. Measured with scripts/bench-scan.js: its small records (about 1 KB pretty) scan
 * 40% faster with the pass, its large ones (8 KB tool results) 10% slower.
 */
const PASS_ELEMENT_BYTES = 4096
const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** Accumulates the bytes of one record across chunks, up to a limit. */
class Accumulator {
  private parts: Buffer[] = []
  private size = 0
  overflow = false
  constructor(
    private readonly limit: number,
    private readonly headBytes: number
  ) {}
  get length(): number {
    return this.size
  }
  add(bytes: Buffer): void {
    if (bytes.length === 0) return
    if (this.overflow) return
    if (this.size + bytes.length > this.limit) {
      this.overflow = true
      const room = Math.max(0, this.headBytes - this.size)
      if (room > 0) this.parts.push(Buffer.from(bytes.subarray(0, room)))
      // Keep only the head already gathered, trimmed to headBytes.
      const head = Buffer.concat(this.parts)
      this.parts = [head.subarray(0, this.headBytes)]
      this.size = this.parts[0]?.length ?? 0
      return
    }
    // Copy: the chunk's memory is reused by the stream.
    this.parts.push(Buffer.from(bytes))
    this.size += bytes.length
  }
  /** The record: `tail` (still in the current chunk) appended to what was gathered before. */
  take(tail: Buffer): Buffer {
    if (this.parts.length === 0) return tail
    if (!this.overflow && this.size + tail.length <= this.limit) {
      this.parts.push(tail)
    } else if (!this.overflow) {
      this.add(tail)
    }
    const all = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts)
    this.parts = []
    this.size = 0
    return all
  }
  reset(): void {
    this.parts = []
    this.size = 0
    this.overflow = false
  }
}

export class RecordSplitter {
  private mode: 'unknown' | 'lines' | 'array' = 'unknown'
  /** Lines mode: the current line. Array mode: the line at `countedTo` in the current chunk. */
  private line = 1
  /** Array mode: newlines of the current chunk are counted up to here (lazily: see lineAt). */
  private countedTo = 0
  private readonly sink: RecordSink
  private readonly limit: number
  private readonly headBytes: number
  private readonly pending: Accumulator
  // lines mode
  private lineStart = 1
  /** The current line's markers (one object, reused). */
  private readonly marks: Marks = { events: new Int32Array(0), from: 0, to: 0 }
  // array mode
  private depth = 0
  private inString = false
  private escaped = false
  private inElement = false
  /** Where the element began in the current chunk; -1 when it began in an earlier one (its line is then known). */
  private elementStart = -1
  private elementLine = 1
  /** Bytes of a byte-order mark seen at the start so far (BOM.length once decided). */
  private bomSeen = 0
  // array mode, pretty elements: see scanPrettyElement
  private pretty = false
  /** Outside elements: whether the current line holds only spaces so far, and how many. */
  private lineSpaces = 0
  private lineBlank = true
  /** The last bytes of the previous chunk, newest last: a close line may begin there. */
  private readonly carried = Buffer.alloc(3)
  /** Inside a pretty element: a "  }" ended the previous chunk; what of "," "\r" "\n" came after it so far. */
  private closeSeen: 'none' | 'brace' | 'comma' | 'cr' = 'none'
  /** The current chunk's close lines and markers, once a pretty element needs them (indexChunk, closeLines). */
  private closeIndex: ChunkIndex | undefined
  /** Its events before this one are behind the scan. */
  private closeEvent = 0
  /** The line the current chunk starts on. */
  private chunkLine = 1
  /**
   * Whether this chunk's pretty elements are ended from its close line events (and glanced at with their markers),
   * or by searching for `}` natively: the pass reads every byte, a search skips a long string's bytes at memory
   * speed. Chosen per chunk by the elements' mean size so far (PASS_ELEMENT_BYTES).
   */
  private passing = true
  /** Array mode: bytes pushed, and pretty elements ended, so far. */
  private arrayBytes = 0
  private prettyElements = 0

  constructor(sink: RecordSink | ((record: SplitRecord) => void), options: SplitOptions = {}) {
    this.sink = typeof sink === 'function' ? { record: sink } : sink
    this.limit = options.limit ?? 4 * 1024 * 1024
    this.headBytes = Math.min(options.headBytes ?? 64 * 1024, this.limit)
    this.pending = new Accumulator(this.limit, this.headBytes)
  }

  push(chunk: Buffer): void {
    if (chunk.length > MAX_INDEXED) {
      for (let at = 0; at < chunk.length; at += MAX_INDEXED)
        this.push(chunk.subarray(at, at + MAX_INDEXED))
      return
    }
    if (this.bomSeen < BOM.length) {
      // A byte-order mark at the file's start is dropped, even when chunks cut it.
      let i = 0
      while (i < chunk.length && this.bomSeen < BOM.length && chunk[i] === BOM[this.bomSeen]) {
        i++
        this.bomSeen++
      }
      if (i === chunk.length && this.bomSeen < BOM.length) return
      if (this.bomSeen < BOM.length) {
        // Not a mark after all: its first bytes were text.
        const seen = this.bomSeen
        this.bomSeen = BOM.length
        chunk = Buffer.concat([BOM.subarray(0, seen), chunk.subarray(i)])
      } else {
        chunk = chunk.subarray(i)
      }
    }
    if (this.mode === 'unknown') {
      let i = 0
      while (i < chunk.length && isSpace(chunk[i] as number)) i++
      if (i === chunk.length) {
        // Only whitespace so far: keep it for line numbers, decide later.
        this.pending.add(chunk)
        return
      }
      if (chunk[i] === OPEN_BRACKET && opensArray(chunk, i + 1)) {
        this.mode = 'array'
        // Whitespace before '[' only moves the line count.
        const before = this.pending.take(Buffer.alloc(0))
        this.line += countNewlines(before, 0, before.length)
        this.pending.reset()
        this.depth = 1
        this.scanChunk(chunk, i + 1)
        return
      }
      this.mode = 'lines'
    }
    if (this.mode === 'lines') this.scanLines(chunk)
    else this.scanChunk(chunk, 0)
  }

  /** Array mode: one chunk; its newlines are all counted by the end. */
  private scanChunk(chunk: Buffer, from: number): void {
    this.countedTo = 0
    this.chunkLine = this.line
    this.passing = this.prettyElements * PASS_ELEMENT_BYTES >= this.arrayBytes
    this.arrayBytes += chunk.length
    this.scanArray(chunk, from)
    if (this.inElement && this.elementStart !== -1) {
      this.elementLine = this.lineAt(chunk, this.elementStart)
      this.elementStart = -1
    }
    if (this.closeIndex) {
      this.line = this.chunkLine + this.closeIndex.newlines
      this.countedTo = chunk.length
      this.closeIndex = undefined
      this.closeEvent = 0
    } else {
      this.lineAt(chunk, chunk.length)
    }
    const keep = Math.min(3, chunk.length)
    this.carried.copy(this.carried, 0, keep)
    chunk.copy(this.carried, 3 - keep, chunk.length - keep)
    this.sink.chunkDone?.()
  }

  /** Array mode: the line of `offset` in the chunk (offsets asked for never go back within a chunk). */
  private lineAt(chunk: Buffer, offset: number): number {
    this.line += countNewlines(chunk, this.countedTo, offset)
    this.countedTo = offset
    return this.line
  }

  end(): void {
    if (this.mode === 'array') {
      if (this.inElement) this.emitElement(Buffer.alloc(0), 0, 0, true)
      return
    }
    // lines (or only whitespace): the last line without a newline was cut off.
    if (this.pending.length > 0 || this.pending.overflow) {
      const bytes = this.pending.take(Buffer.alloc(0))
      const overflow = this.pending.overflow
      this.pending.reset()
      if (bytes.some(b => !isSpace(b))) this.emitLine(bytes, this.lineStart, true, overflow)
    }
  }

  private scanLines(chunk: Buffer): void {
    let start = 0
    const glance = this.sink.glance
    const marks = this.marks
    marks.events = indexChunk(chunk, 0, chunk.length).events
    const events = marks.events
    marks.from = 0
    for (let e = 0; e < events.length; e++) {
      const event = events[e] as number
      if ((event & KIND) !== NEWLINE) continue
      const nl = event >>> OFFSET_SHIFT
      marks.to = e
      if (this.pending.length > 0 || this.pending.overflow) {
        const bytes = this.pending.take(chunk.subarray(start, nl))
        const overflow = this.pending.overflow
        this.pending.reset()
        this.emitLine(bytes, this.lineStart, false, overflow)
      } else if (glance) {
        // A JSON line lying whole in the chunk goes to the sink's glance first.
        let end = nl
        if (end > start && chunk[end - 1] === 0x0d) end--
        let i = start
        while (i < end && (chunk[i] === 0x20 || chunk[i] === 0x09)) i++
        if (i < end && !(chunk[i] === OPEN_BRACE && glance.call(this.sink, chunk, i, end, marks))) {
          this.emitLine(chunk.subarray(start, nl), this.lineStart, false, false)
        }
      } else {
        this.emitLine(chunk.subarray(start, nl), this.lineStart, false, false)
      }
      this.lineStart++
      start = nl + 1
      marks.from = e + 1
    }
    this.pending.add(chunk.subarray(start))
    this.sink.chunkDone?.()
  }

  private emitLine(bytes: Buffer, line: number, truncated: boolean, overflow: boolean): void {
    let end = bytes.length
    if (end > 0 && bytes[end - 1] === 0x0d) end--
    let i = 0
    while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++
    if (i === end) return
    // JSON may be indented; text keeps its indentation (a diff's context line is not a log line).
    const json = bytes[i] === OPEN_BRACE
    this.sink.record({
      type: json ? 'json' : 'text',
      bytes: bytes.subarray(json ? i : 0, end),
      line,
      truncated,
      overflow
    })
  }

  /** The byte-level scanner for JSON arrays: tracks strings and depth, emits depth-1 objects. */
  private scanArray(chunk: Buffer, from: number): void {
    let i = from
    // Where this chunk's part of the current element begins.
    let elementFrom = this.inElement ? from : -1
    const n = chunk.length
    while (i < n) {
      if (this.pretty) {
        // scanPrettyElement keeps or emits the element's bytes itself.
        const next = this.scanPrettyElement(chunk, i, elementFrom === -1 ? i : elementFrom)
        elementFrom = -1
        if (next === -1) return
        i = next
        continue
      }
      if (this.inString) {
        // Jump to the next quote; a run of backslashes before it decides whether it ends the string.
        if (this.escaped) {
          this.escaped = false
          i++
          continue
        }
        // Short strings (keys, small values) end within a few bytes: a plain loop beats a native call there.
        let q = -1
        const near = Math.min(n, i + 48)
        for (let j = i; j < near; j++) {
          if (chunk[j] === QUOTE) {
            q = j
            break
          }
        }
        if (q === -1 && near < n) q = chunk.indexOf(QUOTE, near)
        const stop = q === -1 ? n : q
        // Backslashes before the quote (within this chunk) or at the chunk's end.
        let k = stop - 1
        let slashes = 0
        while (k >= i && chunk[k] === BACKSLASH) {
          slashes++
          k--
        }
        if (q === -1) {
          // An odd run at the chunk's end escapes the first byte of the next chunk.
          this.escaped = slashes % 2 === 1
          i = n
          break
        }
        if (slashes % 2 === 1) {
          i = q + 1
          continue
        }
        this.inString = false
        i = q + 1
        continue
      }
      const c = chunk[i] as number
      if (c === NL) {
        this.lineSpaces = 0
        this.lineBlank = true
        i++
        continue
      }
      // Whether this byte stands after exactly two spaces at the start of its line.
      const indentedTwo = this.lineBlank && this.lineSpaces === 2
      if (c === 0x20) this.lineSpaces++
      else if (c !== 0x0d) this.lineBlank = false
      if (c === QUOTE) {
        this.inString = true
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.depth === 1 && c === OPEN_BRACE && !this.inElement) {
          this.inElement = true
          this.elementStart = i
          elementFrom = i
          // `JSON.stringify(messages, null, 2)`, as claude-code-action writes its execution file: an element is
          // the lines from "  {" to "  }" or "  },". Raw newlines never occur inside JSON strings, so the close
          // line can be found with a native search instead of reading every byte.
          if (indentedTwo && isLineEnd(chunk, i + 1)) {
            this.pretty = true
            this.depth++
            if (this.passing) this.marks.from = this.eventFrom(chunk, i)
            i++
            continue
          }
        }
        this.depth++
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--
        if (this.depth === 1 && this.inElement) {
          this.emitElement(chunk, elementFrom, i + 1, false)
          elementFrom = -1
        } else if (this.depth < 0) {
          this.depth = 0
        }
      }
      i++
    }
    if (this.inElement && elementFrom !== -1) this.pending.add(chunk.subarray(elementFrom))
  }

  /**
   * Inside a pretty element (whose part in this chunk begins at `elementFrom`): finds its close line, "  }" or
   * "  }," (CR allowed) on a line of its own, from `from` on. Deeper lines are indented more, and raw newlines never
   * occur inside JSON strings, so the first such line ends the element. Returns where scanning goes on after it, or
   * -1 when the chunk ended first (its rest is kept).
   */
  private scanPrettyElement(chunk: Buffer, from: number, elementFrom: number): number {
    let i = from
    let state = this.closeSeen
    this.closeSeen = 'none'
    for (;;) {
      if (state === 'none') {
        const brace = this.nextCloseBrace(chunk, i)
        if (brace === -1) break
        i = brace + 1
        state = 'brace'
      }
      // After the brace: an optional comma, an optional CR, then the newline.
      const c = chunk[i]
      if (c === undefined) {
        this.closeSeen = state
        break
      }
      if (c === NL) {
        this.closeElement(chunk, elementFrom, i)
        const next = this.openPrettyElement(chunk, i + 1)
        if (next === -1) return i + 1
        // The next element opens on the next line: scanned on from here, with no byte-by-byte step between.
        elementFrom = next
        i = next + 1
        state = 'none'
        continue
      }
      if (c === 0x2c && state === 'brace') state = 'comma'
      else if (c === 0x0d && state !== 'cr') state = 'cr'
      else state = 'none'
      if (state !== 'none') i++
    }
    this.pending.add(chunk.subarray(elementFrom))
    return -1
  }

  /**
   * The first `}` from `from` on that stands after a newline and two spaces (which may lie in the previous chunk),
   * or -1. Those within the chunk are its close line events; `marks.to` becomes the one found.
   */
  private nextCloseBrace(chunk: Buffer, from: number): number {
    for (let brace = from; brace < 3 && brace < chunk.length; brace++) {
      if (
        chunk[brace] === CLOSE_BRACE &&
        this.byteAt(chunk, brace - 1) === 0x20 &&
        this.byteAt(chunk, brace - 2) === 0x20 &&
        this.byteAt(chunk, brace - 3) === NL
      )
        return brace
    }
    if (!this.passing) {
      for (let brace = chunk.indexOf(CLOSE_BRACE, from); brace !== -1;) {
        if (
          this.byteAt(chunk, brace - 1) === 0x20 &&
          this.byteAt(chunk, brace - 2) === 0x20 &&
          this.byteAt(chunk, brace - 3) === NL
        )
          return brace
        brace = chunk.indexOf(CLOSE_BRACE, brace + 1)
      }
      return -1
    }
    const events = this.chunkIndex(chunk).events
    for (let e = this.closeEvent; e < events.length; e++) {
      const event = events[e] as number
      const brace = (event >>> OFFSET_SHIFT) + 3
      if ((event & KIND) !== CLOSE_LINE || brace < from) continue
      this.closeEvent = e + 1
      this.marks.to = e
      return brace
    }
    this.closeEvent = events.length
    return -1
  }

  /**
   * A pretty element that opens at `at`, on a line of its own ("  {"), right after another one closed: begun here,
   * and where its `{` stands returned; -1 when the line is anything else (or the chunk ends first).
   */
  private openPrettyElement(chunk: Buffer, at: number): number {
    const brace = at + 2
    if (chunk[at] !== 0x20 || chunk[at + 1] !== 0x20 || chunk[brace] !== OPEN_BRACE) return -1
    if (!isLineEnd(chunk, brace + 1)) return -1
    this.inElement = true
    this.elementStart = brace
    this.pretty = true
    this.depth = 2
    if (this.passing) this.marks.from = this.eventFrom(chunk, brace)
    return brace
  }

  /** The first of the chunk's events at `offset` or after it; the ones before are behind the scan. */
  private eventFrom(chunk: Buffer, offset: number): number {
    const events = this.chunkIndex(chunk).events
    let e = this.closeEvent
    while (e < events.length && (events[e] as number) >>> OFFSET_SHIFT < offset) e++
    this.closeEvent = e
    return e
  }

  private chunkIndex(chunk: Buffer): ChunkIndex {
    this.closeIndex ??= indexChunk(chunk, 0, chunk.length, true)
    this.marks.events = this.closeIndex.events
    return this.closeIndex
  }

  /** The byte `at` in the chunk, or one of the previous chunk's last three when `at` is negative. */
  private byteAt(chunk: Buffer, at: number): number | undefined {
    return at >= 0 ? chunk[at] : this.carried[3 + at]
  }

  /** A pretty element ends with the newline at `nl`. */
  private closeElement(chunk: Buffer, elementFrom: number, nl: number): void {
    let last = nl
    while (last > elementFrom && chunk[last - 1] !== CLOSE_BRACE) last--
    // The brace may lie in the previous chunk ("  }" then "\n" in this one): emitElement trims what follows it.
    this.emitElement(chunk, elementFrom, last, false)
    this.prettyElements++
    this.pretty = false
    this.depth = 1
    this.lineSpaces = 0
    this.lineBlank = true
  }

  /** The element whose part in this chunk is `chunk[from, to)` (with what was kept of it before). */
  private emitElement(chunk: Buffer, from: number, to: number, truncated: boolean): void {
    this.inElement = false
    const start = this.elementStart
    this.elementStart = -1
    // A pretty element's markers are those since it began (see eventFrom, nextCloseBrace).
    const marks = this.pretty && this.passing ? this.marks : undefined
    if (start !== -1 && this.sink.glance?.(chunk, start, to, marks)) return
    const line = start !== -1 ? this.lineAt(chunk, start) : this.elementLine
    let bytes = this.pending.take(chunk.subarray(from, to))
    const overflow = this.pending.overflow
    this.pending.reset()
    if (this.pretty && !truncated) {
      let last = bytes.length
      while (last > 0 && bytes[last - 1] !== CLOSE_BRACE) last--
      bytes = bytes.subarray(0, last)
    }
    this.sink.record({ type: 'json', bytes, line, truncated, overflow })
  }
}

/** Whether a line ends at `at` (a newline, or CRLF); false when the chunk ends first. */
function isLineEnd(chunk: Buffer, at: number): boolean {
  return chunk[at] === NL || (chunk[at] === 0x0d && chunk[at + 1] === NL)
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

/**
 * Whether the `[` before `from` opens a JSON array (`[{`, `[\n  {`, `[]`, an array of strings or arrays), not a log
 * line's bracket (`[2026-03-01 10:47:00,123] ERROR …`, as Python's logging writes, `[INFO]`). Undecided at the
 * chunk's end: an array.
 */
function opensArray(chunk: Buffer, from: number): boolean {
  let i = from
  while (i < chunk.length && isSpace(chunk[i] as number)) i++
  const next = chunk[i]
  return (
    next === undefined ||
    next === OPEN_BRACE ||
    next === CLOSE_BRACKET ||
    next === QUOTE ||
    next === OPEN_BRACKET
  )
}

// Splits a byte stream into records, in constant memory, without knowing the file's size:
//  - a JSON array (claude-code-action's execution file, pretty-printed; `--output-format json --verbose`, one
//    line): each top-level element is one JSON record, found by a byte-level scanner that knows strings;
//  - anything else, line by line: a line starting with `{` is a JSON record (stream-json, `--output-format
//    json`), any other line is text. A file cut off mid-line gives a last record marked `truncated`.
// A record longer than `limit` bytes keeps only its first `headBytes` (`overflow`): credential errors are small.

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

export interface SplitOptions {
  /** Largest record kept whole (default 4 MiB). */
  limit?: number
  /** What is kept of a longer record (default 64 KiB). */
  headBytes?: number
}

const NL = 0x0a
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
  private line = 1
  private readonly limit: number
  private readonly headBytes: number
  private readonly pending: Accumulator
  // lines mode
  private lineStart = 1
  // array mode
  private depth = 0
  private inString = false
  private escaped = false
  private inElement = false
  private elementLine = 1
  private bomChecked = false
  // array mode, pretty elements: see scanPrettyElement
  private pretty = false
  /** Outside elements: whether the current line holds only spaces so far, and how many. */
  private lineSpaces = 0
  private lineBlank = true
  /** Inside a pretty element: the current line's first bytes and length, for lines that span chunks. */
  private readonly lineHead = Buffer.alloc(8)
  private lineLength = 0

  constructor(
    private readonly onRecord: (record: SplitRecord) => void,
    options: SplitOptions = {}
  ) {
    this.limit = options.limit ?? 4 * 1024 * 1024
    this.headBytes = Math.min(options.headBytes ?? 64 * 1024, this.limit)
    this.pending = new Accumulator(this.limit, this.headBytes)
  }

  push(chunk: Buffer): void {
    if (!this.bomChecked && chunk.length > 0) {
      this.bomChecked = true
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3)
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
        const before = this.pending.take(chunk.subarray(0, i))
        this.line += countNewlines(before, 0, before.length)
        this.pending.reset()
        this.depth = 1
        this.scanArray(chunk, i + 1)
        return
      }
      this.mode = 'lines'
    }
    if (this.mode === 'lines') this.scanLines(chunk)
    else this.scanArray(chunk, 0)
  }

  end(): void {
    if (this.mode === 'array') {
      if (this.inElement) this.emitElement(Buffer.alloc(0), true)
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
    for (;;) {
      const nl = chunk.indexOf(NL, start)
      if (nl === -1) {
        this.pending.add(chunk.subarray(start))
        return
      }
      let bytes = chunk.subarray(start, nl)
      let overflow = false
      if (this.pending.length > 0 || this.pending.overflow) {
        bytes = this.pending.take(bytes)
        overflow = this.pending.overflow
        this.pending.reset()
      }
      this.emitLine(bytes, this.lineStart, false, overflow)
      this.lineStart++
      start = nl + 1
    }
  }

  private emitLine(bytes: Buffer, line: number, truncated: boolean, overflow: boolean): void {
    let end = bytes.length
    if (end > 0 && bytes[end - 1] === 0x0d) end--
    let i = 0
    while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++
    if (i === end) return
    // JSON may be indented; text keeps its indentation (a diff's context line is not a log line).
    const json = bytes[i] === OPEN_BRACE
    this.onRecord({
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
    let elementFrom = this.inElement ? from : -1
    const n = chunk.length
    while (i < n) {
      if (this.pretty) {
        // scanPrettyElement keeps or emits the element's bytes itself.
        const next = this.scanPrettyElement(chunk, i, elementFrom)
        elementFrom = -1
        if (next === -1) break
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
        this.line++
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
          this.elementLine = this.line
          elementFrom = i
          // `JSON.stringify(messages, null, 2)`, as claude-code-action writes its execution file: an element is
          // the lines from "  {" to "  }" or "  },". Raw newlines never occur inside JSON strings, so those lines
          // can be found with a native search instead of reading every byte.
          if (indentedTwo && isLineEnd(chunk, i + 1)) {
            this.pretty = true
            this.lineLength = 0
            this.depth++
            i = chunk.indexOf(NL, i + 1)
            continue
          }
        }
        this.depth++
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--
        if (this.depth === 1 && this.inElement) {
          this.emitElement(chunk.subarray(elementFrom, i + 1), false)
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
   * Inside a pretty element, at a line start (or inside a line that began in an earlier chunk): finds the closing
   * "  }" line. Returns where scanning goes on after it, or -1 when the chunk ended first (its rest is kept).
   */
  private scanPrettyElement(chunk: Buffer, from: number, elementFrom: number): number {
    const n = chunk.length
    let i = from
    for (;;) {
      const nl = chunk.indexOf(NL, i)
      const end = nl === -1 ? n : nl
      const length = this.lineLength + (end - i)
      // Only short lines can close the element: keep their bytes, without allocating.
      if (length <= 6) chunk.copy(this.lineHead, this.lineLength, i, end)
      this.lineLength = length
      if (nl === -1) {
        this.pending.add(chunk.subarray(elementFrom === -1 ? from : elementFrom))
        return -1
      }
      this.line++
      const closes = length <= 6 && isCloseLine(this.lineHead, length)
      this.lineLength = 0
      if (closes) {
        const bytes = this.pending.take(chunk.subarray(elementFrom === -1 ? from : elementFrom, nl))
        const overflow = this.pending.overflow
        this.pending.reset()
        let last = bytes.length
        while (last > 0 && bytes[last - 1] !== CLOSE_BRACE) last--
        this.pretty = false
        this.inElement = false
        this.depth = 1
        this.lineSpaces = 0
        this.lineBlank = true
        this.onRecord({
          type: 'json',
          bytes: bytes.subarray(0, last),
          line: this.elementLine,
          truncated: false,
          overflow
        })
        return nl + 1
      }
      i = nl + 1
    }
  }

  private emitElement(tail: Buffer, truncated: boolean): void {
    const bytes = this.pending.take(tail)
    const overflow = this.pending.overflow
    this.pending.reset()
    this.inElement = false
    this.onRecord({ type: 'json', bytes, line: this.elementLine, truncated, overflow })
  }
}

/** Whether a line ends at `at` (a newline, or CRLF); false when the chunk ends first. */
function isLineEnd(chunk: Buffer, at: number): boolean {
  return chunk[at] === NL || (chunk[at] === 0x0d && chunk[at + 1] === NL)
}

/** "  }" or "  }," (CR allowed): the end of a depth-1 element printed with an indent of two. */
function isCloseLine(line: Buffer, length: number): boolean {
  let end = length
  if (end > 0 && line[end - 1] === 0x0d) end--
  if (end > 0 && line[end - 1] === 0x2c) end--
  return end === 3 && line[0] === 0x20 && line[1] === 0x20 && line[2] === CLOSE_BRACE
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let count = 0
  let i = buf.indexOf(NL, from)
  while (i !== -1 && i < to) {
    count++
    i = buf.indexOf(NL, i + 1)
  }
  return count
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

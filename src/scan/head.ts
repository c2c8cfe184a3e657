// The head of a JSON record, read from its bytes without decoding: `{"type":"…","subtype":"…"` as Claude writes
// it first (white space allowed, as in a pretty-printed execution file), and an assistant message's id when it
// comes next (`"message":{"id":"msg_…"`). Records are told apart by their head, so this runs for every record.

export interface Head {
  type: string
  subtype?: string
  /** An assistant message's id, when the head holds it right after the type. */
  messageId?: string
}

/** Only the first bytes hold the type (what HEAD_TYPE in transcript.ts read as /^\{\s*"type"…/ did). */
const TYPE_WINDOW = 96
/** The message id is looked for this far. */
const ID_WINDOW = 512

const KNOWN_TYPES = ['assistant', 'user', 'system', 'result', 'rate_limit_event'].map(name => ({
  name,
  bytes: Buffer.from(name, 'latin1')
}))
const TYPE_KEY = Buffer.from('"type"', 'latin1')
const COMPACT_TYPE = Buffer.from('"type":"', 'latin1')
const COMPACT_ID = Buffer.from('"message":{"id":"', 'latin1')
const SUBTYPE_KEY = Buffer.from('"subtype"', 'latin1')
const MESSAGE_KEY = Buffer.from('"message"', 'latin1')
const ID_KEY = Buffer.from('"id"', 'latin1')

const QUOTE = 0x22

/** The record's head, or undefined when it does not begin with its type (another key order, not an object). */
export function readHead(bytes: Buffer, start: number, end: number): Head | undefined {
  const limit = Math.min(end, start + TYPE_WINDOW)
  if (bytes[start] !== 0x7b) return undefined
  // Claude's own layout first: no white space.
  let i = startsWith(bytes, start + 1, COMPACT_TYPE)
    ? start + 1 + COMPACT_TYPE.length - 1
    : key(bytes, skipSpace(bytes, start + 1, limit), limit, TYPE_KEY)
  if (i === -1) return undefined
  const type = name(bytes, i, limit)
  if (!type) return undefined
  const head: Head = { type: type.text }
  i = type.end
  const comma = skipSpace(bytes, i, limit)
  if (bytes[comma] !== 0x2c) return head
  const after = skipSpace(bytes, comma + 1, limit)
  if (head.type === 'assistant') {
    const id = messageId(bytes, after, Math.min(end, start + ID_WINDOW))
    if (id !== undefined) head.messageId = id
    return head
  }
  const subtypeAt = key(bytes, after, limit, SUBTYPE_KEY)
  if (subtypeAt === -1) return head
  const subtype = name(bytes, subtypeAt, limit)
  if (subtype) head.subtype = subtype.text
  return head
}

/** White space as a regular expression's \s sees it in a latin1 string. */
export function skipSpace(bytes: Buffer, from: number, limit = bytes.length): number {
  let i = from
  while (i < limit) {
    const b = bytes[i] as number
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0xa0) i++
    else break
  }
  return i
}

/** After `"key"`, white space, a colon and white space at `at`: where the value begins, or -1. */
function key(bytes: Buffer, at: number, limit: number, name: Buffer): number {
  if (at + name.length > limit || !startsWith(bytes, at, name)) return -1
  const colon = skipSpace(bytes, at + name.length, limit)
  if (bytes[colon] !== 0x3a || colon >= limit) return -1
  return skipSpace(bytes, colon + 1, limit)
}

/** A quoted name of `[a-z_]+` at `at`, ending before `limit`. */
function name(bytes: Buffer, at: number, limit: number): { text: string; end: number } | undefined {
  if (bytes[at] !== QUOTE) return undefined
  let i = at + 1
  while (i < limit) {
    const b = bytes[i] as number
    if ((b >= 0x61 && b <= 0x7a) || b === 0x5f) i++
    else break
  }
  if (i === at + 1 || i >= limit || bytes[i] !== QUOTE) return undefined
  const known = KNOWN_TYPES.find(
    t => t.bytes.length === i - at - 1 && startsWith(bytes, at + 1, t.bytes)
  )
  return { text: known ? known.name : bytes.toString('latin1', at + 1, i), end: i + 1 }
}

/** `"message": {"id": "…"` at `at`: the id, or undefined when the head is laid out otherwise. */
function messageId(bytes: Buffer, at: number, limit: number): string | undefined {
  let i: number
  if (startsWith(bytes, at, COMPACT_ID)) {
    i = at + COMPACT_ID.length - 1
  } else {
    i = key(bytes, at, limit, MESSAGE_KEY)
    if (i === -1 || bytes[i] !== 0x7b) return undefined
    i = key(bytes, skipSpace(bytes, i + 1, limit), limit, ID_KEY)
  }
  if (i === -1 || bytes[i] !== QUOTE) return undefined
  const close = bytes.indexOf(QUOTE, i + 1)
  if (close === -1 || close >= limit || close === i + 1) return undefined
  return bytes.toString('latin1', i + 1, close)
}

/**
 * Whether `bytes` holds `text` at `at`, before `end` (a plain loop: these are a few bytes, too few for a native
 * call).
 */
export function startsWith(
  bytes: Buffer,
  at: number,
  text: Buffer,
  end: number = bytes.length
): boolean {
  if (at < 0 || at + text.length > end) return false
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text[i]) return false
  return true
}

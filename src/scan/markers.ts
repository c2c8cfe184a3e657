// Byte-level tests of a record the scanner has not parsed: whether it may call a GitHub tool, whether a tool result
// says it failed. Each is a superset of what the parsed record would show (anything unclear counts), and reads the
// record with as few native searches as it can: these run on most of a transcript's records.
import { skipSpace, startsWith } from './head.js'

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const NAME_KEY = latin1('name"')
const COMMAND_KEY = latin1('"command"')
const INPUT_KEY = latin1('"input"')
const IS_ERROR_KEY = latin1('"is_error"')
const MCP_GITHUB = latin1('mcp__github')
const BASH = latin1('Bash"')
const GIT = latin1('git')
const GH = latin1('gh')
const TRUE = latin1('true')
const GIT_PUSH_WRAPPER = latin1('scripts/git-push.sh')
export const TOOL_RESULT = latin1('"tool_result"')
// Searched for from here: fewer false starts on its first byte than on a quote.
const TOOL_RESULT_TAIL = latin1('l_result"')
/** From this length on, a record's strings are stepped over (see countToolResults). */
export const LONG_RECORD = 2048

const QUOTE = 0x22
const BACKSLASH = 0x5c
const SPACE = 0x20
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b

/**
 * Whether an assistant record may call a GitHub tool as TranscriptScanner.rememberGitHubTools tells them: a tool
 * named `mcp__github…`, or `Bash` whose command starts with `git` or `gh`, or runs a `…/scripts/git-push.sh` (in
 * tag mode claude-code-action has Claude push through its wrapper, `$GITHUB_ACTION_PATH/scripts/git-push.sh`:
 * anthropics/claude-code-action, src/modes/tag/index.ts).
 */
export function mayCallGitHub(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(NAME_KEY); at !== -1; at = bytes.indexOf(NAME_KEY, at + 1)) {
    if (nameMayCallGitHub(bytes, at, 0, bytes.length)) return true
  }
  return false
}

/** mayCallGitHub for the one `name"` at `at` in the record `bytes[start, end)`. */
export function nameMayCallGitHub(bytes: Buffer, at: number, start: number, end: number): boolean {
  if (at <= start || bytes[at - 1] !== QUOTE) return false
  const value = valueAt(bytes, at + NAME_KEY.length, end)
  if (value === -1) return false
  if (startsWith(bytes, value, MCP_GITHUB, end)) return true
  return (
    startsWith(bytes, value, BASH, end) &&
    mayBeGitHubCommand(bytes, commandAfter(bytes, value + BASH.length, end), end)
  )
}

/**
 * Where the command's text begins in Claude's layout of a Bash call, `"name":"Bash","input":{"command":"…`, read
 * from after the name; -1 (may be anything) when the call is laid out otherwise.
 */
function commandAfter(bytes: Buffer, from: number, end: number): number {
  let i = skipSpace(bytes, from, end)
  if (i >= end || bytes[i] !== COMMA) return -1
  i = skipSpace(bytes, i + 1, end)
  if (!startsWith(bytes, i, INPUT_KEY, end)) return -1
  i = valueStart(bytes, i + INPUT_KEY.length, end)
  if (i === -1 || i >= end || bytes[i] !== OPEN_BRACE) return -1
  i = skipSpace(bytes, i + 1, end)
  if (!startsWith(bytes, i, COMMAND_KEY, end)) return -1
  i = valueStart(bytes, i + COMMAND_KEY.length, end)
  return i !== -1 && i < end && bytes[i] === QUOTE ? i + 1 : -1
}

/** Whether the record says `"is_error": true` (any white space around the colon). */
export function saysIsErrorTrue(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(IS_ERROR_KEY); at !== -1; at = bytes.indexOf(IS_ERROR_KEY, at + 1)) {
    const colon = skipSpace(bytes, at + IS_ERROR_KEY.length)
    if (bytes[colon] === COLON && startsWith(bytes, skipSpace(bytes, colon + 1), TRUE)) return true
  }
  return false
}

/** After a key's closing quote at `from`: where its string value's text begins, or -1 when it is no string. */
function valueAt(bytes: Buffer, from: number, end: number): number {
  const quote = valueStart(bytes, from, end)
  return quote !== -1 && quote < end && bytes[quote] === QUOTE ? quote + 1 : -1
}

/** After a key's closing quote at `from`: where its value begins (past the colon), or -1. */
function valueStart(bytes: Buffer, from: number, end: number): number {
  const colon = skipSpace(bytes, from, end)
  return colon < end && bytes[colon] === COLON ? skipSpace(bytes, colon + 1, end) : -1
}

/**
 * A command's JSON text from `at` (-1: not found), before `end`: whether it may start with git or gh, or its first
 * word run the push wrapper.
 */
function mayBeGitHubCommand(bytes: Buffer, at: number, end: number): boolean {
  if (at === -1) return true
  let i = at
  while (i < end && bytes[i] === SPACE) i++
  const first = i < end ? (bytes[i] as number) : undefined
  // An escaped or non-ASCII character may be white space the command starts with: counted as may.
  if (first === undefined || first === BACKSLASH || first >= 0x80) return true
  if (startsWith(bytes, i, GIT, end) || startsWith(bytes, i, GH, end)) return true
  // The first word, up to a space or the string's end (an escaped quote is part of it).
  let wordEnd = i
  while (wordEnd < end && bytes[wordEnd] !== SPACE) {
    if (bytes[wordEnd] === QUOTE && bytes[wordEnd - 1] !== BACKSLASH) break
    wordEnd++
  }
  for (let at = i; at + GIT_PUSH_WRAPPER.length <= wordEnd; at++) {
    if (startsWith(bytes, at, GIT_PUSH_WRAPPER, wordEnd)) return true
  }
  return false
}

/**
 * How many times `"tool_result"` stands in a record: a tool result block's type, as TranscriptScanner counts tool
 * calls unparsed. In a long record (a tool's output) the strings are stepped over from quote to quote instead:
 * in JSON the text's last quote closes a string, so each time is a string ending in it.
 */
export function countToolResults(bytes: Buffer): number {
  let n = 0
  if (bytes.length < LONG_RECORD) {
    const lead = TOOL_RESULT.length - TOOL_RESULT_TAIL.length
    for (
      let at = bytes.indexOf(TOOL_RESULT_TAIL, lead);
      at !== -1;
      at = bytes.indexOf(TOOL_RESULT_TAIL, at + 1)
    ) {
      if (startsWith(bytes, at - lead, TOOL_RESULT)) n++
    }
    return n
  }
  for (let open = bytes.indexOf(QUOTE); open !== -1;) {
    let close = bytes.indexOf(QUOTE, open + 1)
    while (close !== -1 && isEscaped(bytes, close)) close = bytes.indexOf(QUOTE, close + 1)
    if (close === -1) break
    const start = close + 1 - TOOL_RESULT.length
    if (start >= open && startsWith(bytes, start, TOOL_RESULT)) n++
    open = bytes.indexOf(QUOTE, close + 1)
  }
  return n
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function isEscaped(bytes: Buffer, at: number): boolean {
  let slashes = 0
  for (let i = at - 1; i >= 0 && bytes[i] === BACKSLASH; i--) slashes++
  return slashes % 2 === 1
}

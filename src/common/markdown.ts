// Markdown shared by the main step's and the post step's reports. Text the action did not write itself (transcript
// lines, server answers, file names) is quoted inertly: as a code span nothing can close, so it makes no link, image,
// HTML, heading or mention (GitHub neither renders markup nor notifies inside code).

/** A quoted string longer than this is cut: the reports quote, they do not reproduce. */
export const QUOTE_MAX = 300

/** Text for one table cell: a `|` would end the cell, a newline the row (GFM unescapes `\|` inside code too). */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/**
 * An inline code span of `text` on one line, cut to `max` characters: its fence is one backtick longer than the
 * longest run inside (CommonMark closes a code span only with a run of equal length), padded so that a backtick
 * at either end stays inside.
 */
export function inlineCode(text: string, max = QUOTE_MAX): string {
  const flat = clipChars(text.replace(/\s+/g, ' ').trim(), max)
  const longest = (flat.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0)
  const fence = '`'.repeat(longest + 1)
  return `${fence} ${flat} ${fence}`
}

/** `inlineCode` for a table cell. */
export function cellCode(text: string, max = QUOTE_MAX): string {
  return escapeCell(inlineCode(text, max))
}

/** Web addresses and e-mail addresses, which GitHub links even when their punctuation is escaped. */
const LINKABLE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi

/** ASCII punctuation that can open markup outside code: escaped with a backslash (CommonMark). */
const MARKUP = /[\\*_[\]<>#!~|&]/g

/**
 * One line of prose that may carry text from elsewhere (a server's words inside an error message): code spans
 * in it stay as they are, everything else is made inert (markup escaped, addresses quoted as code, `@` replaced by
 * the full-width `＠` so that no one is mentioned), and newlines become spaces.
 */
export function inertMarkdown(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ')
  let out = ''
  let at = 0
  const runs = /`+/g
  for (let run = runs.exec(line); run; run = runs.exec(line)) {
    const fence = run[0]
    const closing = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g')
    closing.lastIndex = run.index + fence.length
    const close = closing.exec(line)
    if (!close) continue
    out += inertProse(line.slice(at, run.index)) + line.slice(run.index, close.index + fence.length)
    at = close.index + fence.length
    runs.lastIndex = at
  }
  return out + inertProse(line.slice(at))
}

function inertProse(text: string): string {
  let out = ''
  let at = 0
  for (const match of text.matchAll(LINKABLE)) {
    out += escapeMarkup(text.slice(at, match.index)) + inlineCode(match[0])
    at = match.index + match[0].length
  }
  return out + escapeMarkup(text.slice(at))
}

function escapeMarkup(text: string): string {
  return text
    .replace(MARKUP, mark => `\\${mark}`)
    .replace(/`/g, '\\`')
    .replace(/@/g, '\uFF20')
}

/** At most `max` characters, cut with `…`, never inside a surrogate pair. */
export function clipChars(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, cut)}…`
}

/**
 * `markdown` cut at a line so that `measure` of the result stays within `limit`, with a note saying so; a fence
 * left open by the cut is closed first. Unchanged when it fits.
 */
export function fitMarkdown(
  markdown: string,
  limit: number,
  measure: (text: string) => number,
  note: string
): string {
  if (measure(markdown) <= limit) return markdown
  const tail = `\n\n> ${note}\n`
  const budget = limit - measure(tail) - measure('```\n')
  const kept: string[] = []
  let size = 0
  let fenced = false
  for (const line of markdown.split('\n')) {
    const cost = measure(line) + 1
    if (size + cost > budget) break
    kept.push(line)
    size += cost
    if (line.startsWith('```')) fenced = !fenced
  }
  if (fenced) kept.push('```')
  return kept.join('\n') + tail
}

// Text the action did not write itself (file names, patterns, fs errors, quoted log text) made inert for the
// runner, which reads every line of a step's stdout and stderr for workflow commands (actions/runner
// src/Runner.Common/ActionCommand.cs): `::name …::data` at the start of a line after leading whitespace
// (TryParseV2), and the legacy `##[name …]data` anywhere in a line (TryParse). Lines end at `\n`, `\r` or
// `\r\n` (StreamReader.ReadLine in src/Runner.Sdk/ProcessInvoker.cs). Both parsers match with .NET's
// culture-sensitive StartsWith/IndexOf, which skip default-ignorable characters: `#\u00AD#[` can still be `##[`.

/** Characters that can end a line, hide themselves from a culture-sensitive match, or control a terminal. */
const HIDDEN = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu

/**
 * The text on one line, with no way to issue a workflow command: every control, line-separating and invisible
 * character is shown as a `\uXXXX` escape, `##[` as `#\u0023[`, and a `::` opening the text as `\u003a:`.
 */
export function inert(text: string): string {
  return text
    .replace(HIDDEN, escapeChar)
    .replace(/##\[/g, '#\\u0023[')
    .replace(/^(\s*)::/, '$1\\u003a:')
}

/**
 * JSON whose every line is inert: `JSON.stringify` already escapes controls inside strings, and `#` can only
 * stand inside a string, where `\u0023` is the same character to any JSON reader. Indented output starts each
 * line with a space, a quote or a bracket, never `::`.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(HIDDEN, char => (char === '\n' ? char : escapeChar(char)))
    .replace(/#/g, '\\u0023')
}

/** `\uXXXX` for each UTF-16 unit: valid in JSON and in JavaScript, whatever the code point. */
function escapeChar(char: string): string {
  let escaped = ''
  for (let i = 0; i < char.length; i++) {
    escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`
  }
  return escaped
}

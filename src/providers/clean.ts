import { inputError } from '../common/errors.js'

/**
 * Trims whitespace and newlines around a pasted secret, as Claude Code does itself, and one pair of surrounding
 * quotes, which Claude Code does not (it sends them as part of the credential: seen with the CLI 2.1.328 and 2.1.332),
 * saying so; refuses whitespace inside it. Never puts the value itself in a message.
 */
export function cleanSecret(
  input: string,
  raw: string
): { value: string; notes: string[]; quoted: boolean } {
  const notes: string[] = []
  let value = raw.trim()
  if (value !== raw)
    notes.push(
      `removed whitespace or a newline around the value of '${input}' (Claude Code ignores it too)`
    )
  const quoted = /^(["'`])(.*)\1$/s.exec(value)
  if (quoted) {
    value = (quoted[2] ?? '').trim()
    notes.push(`removed the quotes around the value of '${input}'`)
  }
  if (!value.startsWith('{')) refuseInnerJunk(input, value)
  return { value, notes, quoted: quoted !== null }
}

/**
 * Refuses a token with whitespace, a control character or a non-ASCII character inside: none can be sent in an
 * HTTP header, and undici's error for it would quote the token.
 */
export function refuseInnerJunk(input: string, token: string): void {
  if (/\s/.test(token)) {
    throw inputError(
      input,
      'has a space or line break inside the value',
      'Paste the secret again as a single line, with nothing else in it'
    )
  }
  if (/[^\x21-\x7e]/.test(token)) {
    throw inputError(
      input,
      'has a control or non-ASCII character inside the value',
      'Copy the secret again exactly as it was issued; editors and chat apps sometimes replace characters'
    )
  }
}

/** Every message this action writes starts with this, so a user can search the log for it. */
export const PREFIX = 'claude-preflight'

/**
 * A problem the user can fix (bad input, a dead credential): shown as one line, without a stack.
 * The message says the cause and the fix.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}

/**
 * `claude-preflight: input 'min-remaining' <problem>. <fix>.`: the problem in lowercase after the input's name,
 * quoted values clipped (`clip`); the fix a sentence, whose final period this adds.
 */
export function inputError(input: string, problem: string, fix: string): UserError {
  return new UserError(
    `${PREFIX}: input '${input}' ${problem}. ${fix.endsWith('.') ? fix : `${fix}.`}`
  )
}

/** One line for any thrown value: a UserError as it is, anything else with its message only. */
export function oneLine(error: unknown): string {
  const text = (error as { message?: unknown } | null)?.message
  const message = typeof text === 'string' ? text : String(error)
  const line = message.replace(/\s*\n\s*/g, ' ').trim()
  return line.startsWith(PREFIX) ? line : `${PREFIX}: ${line}`
}

/** An error's message on one line without the prefix, to quote inside another message. */
export function reasonOf(error: unknown): string {
  return oneLine(error).slice(PREFIX.length + 2)
}

/** Quotes at most 40 characters of user input; callers never pass secrets here. */
export function clip(value: string): string {
  const flat = value.replace(/[\r\n\t]/g, ' ')
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat
}

/** A server's words on one line, at most `max` characters: enough to quote, never a whole page. */
export function clipLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat
}

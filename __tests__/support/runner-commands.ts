// A port of how the GitHub runner reads workflow commands from a step's output, so tests can judge what printed
// text would do in a real job. Sources (actions/runner):
//  - src/Runner.Sdk/ProcessInvoker.cs: stdout and stderr are read with StreamReader.ReadLine (lines end at
//    `\n`, `\r` or `\r\n`), and every line goes to ActionCommandManager.TryProcessCommand;
//  - src/Runner.Common/ActionCommand.cs: TryParseV2 (`::name k=v,k=v::data` after TrimStart) is tried first,
//    then the legacy TryParse (`##[name k=v;k=v]data` anywhere in the line);
//  - src/Runner.Worker/ActionCommandManager.cs: command names are matched case-insensitively against the
//    registered ones; `stop-commands` suspends every command until one named by its data (the token) arrives.
// Both parsers match `::` and `##[` with .NET's culture-sensitive StartsWith/IndexOf, which skip default-ignorable
// characters (a soft hyphen, a zero-width space): the port drops them before parsing, so it never sees fewer
// commands than the runner would.

export interface RunnerCommand {
  command: string
  properties: Record<string, string>
  data: string
  /** The syntax that issued it. */
  syntax: 'v2' | 'legacy'
  /** The output line, 0-based. */
  line: number
}

/** The commands the runner registers (ActionCommandManager.cs and its command extensions). */
const REGISTERED = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
]

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu
// .NET's char.IsWhiteSpace: \t-\r, space, U+0085, U+00A0 and the Unicode space separators.
const LEADING_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

/** The lines of an output stream as StreamReader.ReadLine gives them. */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Every command the runner would process in `output` (stdout or stderr of a step), in order. */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED)
  let stopToken: string | undefined
  const processed: RunnerCommand[] = []
  runnerLines(output).forEach((raw, line) => {
    const text = raw.replace(IGNORABLE, '')
    const command = parseV2(text, registered, line) ?? parseLegacy(text, registered, line)
    if (!command) return
    if (stopToken !== undefined) {
      // An empty token never resumes (TryProcessCommand requires one).
      if (stopToken !== '' && command.command === stopToken) {
        registered.delete(stopToken)
        stopToken = undefined
        processed.push(command)
      }
      return
    }
    if (command.command === 'stop-commands') {
      stopToken = command.data.toLowerCase()
      registered.add(stopToken)
    }
    processed.push(command)
  })
  return processed
}

function commandName(info: string, registered: Set<string>): string | undefined {
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  return registered.has(name) ? name : undefined
}

function parseV2(
  message: string,
  registered: Set<string>,
  line: number
): RunnerCommand | undefined {
  const text = message.replace(LEADING_WHITESPACE, '')
  if (!text.startsWith('::')) return undefined
  const end = text.indexOf('::', 2)
  if (end < 0) return undefined
  const info = text.slice(2, end)
  const command = commandName(info, registered)
  if (!command) return undefined
  const properties: Record<string, string> = {}
  const space = info.indexOf(' ')
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const at = pair.indexOf('=')
      if (pair && at > 0 && at < pair.length - 1) {
        properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), PROPERTY_ESCAPES)
      }
    }
  }
  const data = unescape(text.slice(end + 2), DATA_ESCAPES)
  return { command, properties, data, syntax: 'v2', line }
}

function parseLegacy(
  message: string,
  registered: Set<string>,
  line: number
): RunnerCommand | undefined {
  const prefix = message.indexOf('##[')
  if (prefix < 0) return undefined
  const close = message.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = message.slice(prefix + 3, close)
  const command = commandName(info, registered)
  if (!command) return undefined
  const properties: Record<string, string> = {}
  const space = info.indexOf(' ')
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const at = pair.indexOf('=')
      if (pair && at > 0 && at < pair.length - 1) {
        properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), LEGACY_ESCAPES)
      }
    }
  }
  const data = unescape(message.slice(close + 1), LEGACY_ESCAPES)
  return { command, properties, data, syntax: 'legacy', line }
}

// The escape tables of ActionCommand.cs, applied in its order.
const LEGACY_ESCAPES: Array<[string, string]> = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25']
]
const DATA_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25']
]
const PROPERTY_ESCAPES: Array<[string, string]> = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25']
]

function unescape(text: string, table: Array<[string, string]>): string {
  return table.reduce((out, [token, replacement]) => out.split(replacement).join(token), text)
}

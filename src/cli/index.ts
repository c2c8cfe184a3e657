import { checkCommand, CHECK_USAGE, type Io } from './check.js'
import { oneLine } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { VERSION } from '../common/version.js'

const USAGE = `claude-preflight ${VERSION}

Usage:
  claude-preflight check [--json] [flags]   check the credential Claude Code will use
  claude-preflight scan PATH... [--json]     find credential failures in Claude's output
  claude-preflight --version

Run 'claude-preflight check --help' for the check flags.`

type Command = (args: string[], io: Io) => Promise<number>

const COMMANDS: Record<string, { run: () => Promise<Command>; usage: () => Promise<string> }> = {
  check: { run: async () => checkCommand, usage: async () => CHECK_USAGE },
  scan: {
    run: async () => (await import('./scan.js')).scanCommand,
    usage: async () => (await import('./scan.js')).SCAN_USAGE
  }
}

/** Dispatches a command; returns the exit status (2 for bad usage). */
export async function cli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`)
    return name === undefined ? 2 : 0
  }
  const command = COMMANDS[name]
  if (!command) {
    io.stderr(`claude-preflight: unknown command '${inert(name)}'.\n${USAGE}\n`)
    return 2
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${await command.usage()}\n`)
    return 0
  }
  try {
    return await (
      await command.run()
    )(args, io)
  } catch (error) {
    io.stderr(`${inert(oneLine(error))}\n`)
    return 2
  }
}

export async function run(): Promise<void> {
  // `claude-preflight scan … | head`: once the reader has gone, the rest is not written, and the exit status stands.
  const open = { stdout: true, stderr: true }
  const writer = (name: 'stdout' | 'stderr') => {
    process[name].on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      open[name] = false
    })
    return (text: string) => void (open[name] && process[name].write(text))
  }
  process.exitCode = await cli(process.argv.slice(2), {
    stdout: writer('stdout'),
    stderr: writer('stderr'),
    env: process.env
  })
}

import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CHECK_FLAGS, readCliCheckInputs } from '../inputs/cli.js'
import { redactKnownSecrets, SECRET_ENV_VARS } from '../providers/secrets.js'
import { runCheck } from '../check/run-check.js'
import { verdictMessage } from '../report/main-report.js'
import { fingerprintOf } from '../providers/shapes.js'
import { PREFIX, UserError, inputError, reasonOf } from '../common/errors.js'
import { send, type HttpSend } from '../http/request.js'
import { inert, inertJson } from '../common/inert.js'

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  send?: HttpSend
  /** The wall clock, epoch ms (default Date.now). */
  now?: () => number
}

export const CHECK_USAGE = `Usage: claude-preflight check [--json] [--<input> VALUE ...]

Checks the credential Claude Code will use, as the action's main step does. Credentials come from the
same environment variables Claude Code reads:
  ${[...SECRET_ENV_VARS, 'ANTHROPIC_BASE_URL'].join('\n  ')}
or from flags named like the action's inputs:
  ${CHECK_FLAGS.map(f => `--${f}`).join('\n  ')}
  --claude-credentials-file PATH   read claude-credentials from this file instead of Claude Code's own
Last, as Claude Code does, it reads the login in $CLAUDE_CONFIG_DIR/.credentials.json, else
~/.claude/.credentials.json (on macOS Claude Code keeps it in the Keychain instead).
The credential need not last any longer than now unless --min-remaining asks (e.g. 2h, or auto in a job).
Prefer environment variables to flags for secrets: flags end up in shell history.

Exit status: 0 the credential is fine (or only warned about), 1 it is not, 2 bad usage.`

/** `claude-preflight check`: returns the exit status. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        'claude-credentials-file': { type: 'string' },
        ...Object.fromEntries(CHECK_FLAGS.map(flag => [flag, { type: 'string' as const }]))
      },
      strict: true,
      allowPositionals: false
    }))
  } catch (error) {
    // node:util's own wording ("Unknown option '--foo'"), plus where the flags are listed.
    throw new UserError(
      `${PREFIX}: ${reasonOf(error)}. Run 'claude-preflight check --help' for the flags.`
    )
  }
  const flags = values as Record<string, string | boolean | undefined>
  const given = flags['claude-credentials-file']
  const fileWarnings: string[] = []
  const credentialsFile =
    typeof given === 'string'
      ? await readGivenFile(given)
      : await readClaudeCodeFile(io.env, fileWarnings)
  const { inputs, input } = readCliCheckInputs(flags, io.env)
  const now = () => new Date((io.now ?? Date.now)())
  const report = await runCheck(
    inputs,
    { input, now: now(), ...(credentialsFile && { credentialsFile }) },
    { send: io.send ?? send, env: io.env, now }
  )
  const message = verdictMessage(report, {}, redactKnownSecrets(input, io.env))
  const { verdict } = report
  const chosen = report.chosen
  const action = verdict.action === 'refresh' ? 'fail' : verdict.action
  const warnings = [...fileWarnings, ...report.selection.warnings]
  const notes = report.checked.flatMap(({ credential }) => credential.notes)
  if (flags.json) {
    // Inert JSON and text: a gateway's words are quoted, and this output may be a workflow step's stdout, which the
    // runner reads for commands.
    io.stdout(
      inertJson({
        credential: chosen?.credential.source ?? null,
        status: verdict.status,
        valid: verdict.status === 'valid',
        expiresAt: chosen?.credential.expiresAt?.toISOString() ?? null,
        remainingSeconds:
          verdict.remainingMs === undefined ? null : Math.floor(verdict.remainingMs / 1000),
        verdict: action,
        message: message.text,
        warnings,
        notes,
        minRemainingSeconds: Math.floor(report.minRemaining.ms / 1000),
        checked: report.checked.map(({ credential, probe }) => ({
          source: credential.source,
          from: credential.from,
          label: credential.label,
          fingerprint: fingerprintOf(credential),
          status: probe?.status ?? null,
          httpStatus: probe?.httpStatus ?? null,
          requestId: probe?.requestId ?? null,
          expiresAt: credential.expiresAt?.toISOString() ?? null,
          notes: credential.notes
        }))
      }) + '\n'
    )
  } else {
    for (const warning of warnings) io.stderr(`warning: ${inert(warning)}\n`)
    for (const note of notes) io.stderr(`note: ${inert(note)}\n`)
    io.stdout(`${verdict.status}: ${inert(message.text)}\n`)
  }
  return action === 'fail' ? 1 : 0
}

/** The credentials file Claude Code reads: $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json. */
function claudeCodeCredentialsPath(env: NodeJS.ProcessEnv): string | undefined {
  const dir = env.CLAUDE_CONFIG_DIR?.trim() || (env.HOME ? join(env.HOME, '.claude') : undefined)
  return dir ? join(dir, '.credentials.json') : undefined
}

/** The largest credentials file read: a login is a few hundred bytes. */
const MAX_CREDENTIALS_BYTES = 1024 * 1024

/** A regular file of at most MAX_CREDENTIALS_BYTES (a FIFO there would hang the read); throws with the reason. */
async function readCredentialsFile(path: string): Promise<string> {
  const info = await stat(path)
  if (!info.isFile()) throw new Error('not a regular file')
  if (info.size > MAX_CREDENTIALS_BYTES) throw new Error('larger than 1 MiB')
  return readFile(path, 'utf8')
}

/** Why a file could not be read: the system's code (ENOENT, EACCES, …), or what was wrong with it. */
const fileProblem = (error: unknown) =>
  (error as NodeJS.ErrnoException).code ?? (error as Error).message

/** `--claude-credentials-file PATH`: asked for, so a file that cannot be read is an error. */
async function readGivenFile(path: string): Promise<{ path: string; text: string }> {
  try {
    return { path, text: await readCredentialsFile(path) }
  } catch (error) {
    throw inputError(
      '--claude-credentials-file',
      `cannot be read (${fileProblem(error)})`,
      'Give the path of an existing credentials file'
    )
  }
}

/**
 * The file Claude Code itself would read, when there is one: no file is no credential (on macOS Claude Code keeps
 * the login in the Keychain instead); one that cannot be read is a warning.
 */
async function readClaudeCodeFile(
  env: NodeJS.ProcessEnv,
  warnings: string[]
): Promise<{ path: string; text: string } | undefined> {
  const path = claudeCodeCredentialsPath(env)
  if (!path) return undefined
  try {
    return { path, text: await readCredentialsFile(path) }
  } catch (error) {
    const code = fileProblem(error)
    if (code !== 'ENOENT')
      warnings.push(`${path} (Claude Code's login) cannot be read (${code}) and was not checked`)
    return undefined
  }
}

import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { PLAIN_CHECK_INPUTS, readCheckInputs, SECRET_INPUTS } from '../check/inputs.js'
import { runCheck } from '../check/run-check.js'
import { verdictMessage } from '../report/main-report.js'
import { knownSecrets, redactorFor } from '../report/redact.js'
import { fingerprintOf } from '../credentials/credential.js'
import { PREFIX, UserError, inputError, reasonOf } from '../report/errors.js'
import { send, type HttpSend } from '../http/request.js'

export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  send?: HttpSend
  /** The wall clock, epoch ms (default Date.now). */
  now?: () => number
}

/** The action's inputs that the CLI takes as flags of the same name; it does not refresh. */
const INPUT_FLAGS = [
  ...SECRET_INPUTS,
  ...PLAIN_CHECK_INPUTS.filter(name => name !== 'force-refresh')
]

export const CHECK_USAGE = `Usage: claude-preflight check [--json] [--<input> VALUE ...]

Checks the credential Claude Code will use, as the action's main step does. Credentials come from the
same environment variables Claude Code reads (ANTHROPIC_AUTH_TOKEN, ANTHROPIC_API_KEY,
CLAUDE_CODE_OAUTH_TOKEN, ANTHROPIC_BASE_URL), or from flags named like the action's inputs:
  ${INPUT_FLAGS.map(f => `--${f}`).join('\n  ')}
  --claude-credentials-file PATH   read claude-credentials from a file (e.g. ~/.claude/.credentials.json)
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
        ...Object.fromEntries(INPUT_FLAGS.map(flag => [flag, { type: 'string' as const }]))
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
  const file = flags['claude-credentials-file']
  if (typeof file === 'string') {
    try {
      flags['claude-credentials'] = await readFile(file, 'utf8')
    } catch (error) {
      throw inputError(
        '--claude-credentials-file',
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        'Give the path of an existing credentials file'
      )
    }
  }
  const input = (name: string) => {
    const value = flags[name]
    return typeof value === 'string' ? value : ''
  }
  const inputs = readCheckInputs(input, io.env)
  const now = () => new Date((io.now ?? Date.now)())
  const report = await runCheck(
    inputs,
    { input, now: now() },
    { send: io.send ?? send, env: io.env, now }
  )
  const message = verdictMessage(report, {}, redactorFor(knownSecrets(input, io.env)))
  const { verdict } = report
  const chosen = report.chosen
  const action = verdict.action === 'refresh' ? 'fail' : verdict.action
  if (flags.json) {
    io.stdout(
      JSON.stringify(
        {
          credential: chosen?.credential.source ?? null,
          status: verdict.status,
          valid: verdict.status === 'valid',
          expiresAt: chosen?.credential.expiresAt?.toISOString() ?? null,
          remainingSeconds:
            verdict.remainingMs === undefined ? null : Math.floor(verdict.remainingMs / 1000),
          verdict: action,
          message: message.text,
          warnings: report.selection.warnings,
          minRemainingSeconds: Math.floor(report.minRemaining.ms / 1000),
          checked: report.checked.map(({ credential, probe }) => ({
            source: credential.source,
            from: credential.from,
            label: credential.label,
            fingerprint: fingerprintOf(credential),
            status: probe?.status ?? null,
            httpStatus: probe?.httpStatus ?? null,
            requestId: probe?.requestId ?? null,
            expiresAt: credential.expiresAt?.toISOString() ?? null
          }))
        },
        null,
        2
      ) + '\n'
    )
  } else {
    for (const warning of report.selection.warnings) io.stderr(`warning: ${warning}\n`)
    io.stdout(`${verdict.status}: ${message.text}\n`)
  }
  return action === 'fail' ? 1 : 0
}

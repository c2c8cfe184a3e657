// A gateway's short-lived bearer token through Claude Code's `apiKeyHelper`: Claude Code runs the helper again after
// CLAUDE_CODE_API_KEY_HELPER_TTL_MS (default 5 minutes) and after a 401, and sends what it prints as `x-api-key` and
// `Authorization: Bearer` (https://code.claude.com/docs/en/settings, `apiKeyHelper`). The renewer runs the command the
// user gives (input `renew-command`, such as a cloud CLI's token command) before the token ends and keeps its file
// fresh; the helper main writes into settings.json only prints that file.
import { spawn } from 'node:child_process'
import { PREFIX } from '../common/errors.js'
import { jwtExpiry } from '../lifetime/jwt.js'
import { handOffToSetting } from './helper-settings.js'
import {
  jobText,
  type MintDeps,
  type MintOutcome,
  type RenewalSource,
  type SourceJob
} from './source.js'

export interface GatewayJob extends SourceJob {
  kind: 'gateway'
  /** The user's command, run by /bin/sh: prints one token on stdout. */
  command: string
  /** The environment the command runs in (main's, without the credentials Claude Code reads). */
  env: Record<string, string>
  /** Where the command runs (the workspace), when known. */
  cwd?: string
}

/** What Claude Code reads before `apiKeyHelper` (https://code.claude.com/docs/en/authentication#authentication-precedence). */
export const OUTRANKING_HELPER = ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'] as const

/**
 * What the environment of the token command leaves out: the credentials Claude Code reads (the command mints its own),
 * the action's inputs, and the runner's own tokens (ACTIONS_RUNTIME_TOKEN, the job's OIDC token request), which
 * claude-code-action keeps from Claude and a shell the renewer starts would otherwise show in /proc/<pid>/environ.
 */
const withheldFromCommand = (name: string) =>
  name.startsWith('INPUT_') ||
  name.startsWith('ACTIONS_') ||
  ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'].includes(name)

/** How long a token that is no JWT is taken to live: the renewer runs the command again at half of it. */
export const OPAQUE_LIFETIME_MS = 10 * 60_000

/** The most a token command may print: a token, not a document. */
const MAX_OUTPUT_BYTES = 64 * 1024

/** The token a command printed, or why it is none. Pure: the output never appears in the reason. */
export function tokenOf(stdout: string): { token: string } | { problem: string } {
  const token = stdout.trim()
  if (!token) return { problem: 'it printed no token' }
  if (/\s/.test(token)) return { problem: 'it printed more than one word: print the token alone' }
  return { token }
}

/** Runs `job.command` with its stdout captured and its stderr dropped: neither reaches a log. */
function runCommand(
  job: GatewayJob,
  timeoutMs: number
): Promise<{ stdout: string } | { problem: string }> {
  return new Promise(resolve => {
    // Its own process group, ended whole at the timeout: a hung grandchild would keep stdout open.
    const child = spawn('/bin/sh', ['-c', job.command], {
      env: job.env,
      ...(job.cwd && { cwd: job.cwd }),
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true
    })
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, timeoutMs)
    const chunks: Buffer[] = []
    let size = 0
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_OUTPUT_BYTES) chunks.push(chunk)
    })
    child.once('error', error => {
      clearTimeout(timer)
      resolve({ problem: `it could not start (${error.message})` })
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      if (signal) resolve({ problem: `it did not finish (${signal})` })
      else if (code !== 0) resolve({ problem: `it exited with code ${code}` })
      else if (size > MAX_OUTPUT_BYTES) resolve({ problem: 'it printed more than a token' })
      else resolve({ stdout: Buffer.concat(chunks).toString('utf8') })
    })
  })
}

export async function mintGatewayToken(
  job: GatewayJob,
  deps: Pick<MintDeps, 'timeoutMs' | 'now'>
): Promise<MintOutcome> {
  const ran = await runCommand(job, deps.timeoutMs)
  const printed = 'stdout' in ran ? tokenOf(ran.stdout) : ran
  // A failed command may succeed the next time (a network blip): the loop retries while the current token lives.
  if ('problem' in printed)
    return { failure: `input 'renew-command': ${printed.problem}`, permanent: false }
  const expiresAt = jwtExpiry(printed.token)?.getTime() ?? deps.now() + OPAQUE_LIFETIME_MS
  return { minted: { value: printed.token, expiresAt } }
}

export const GATEWAY_SOURCE: RenewalSource<GatewayJob> = {
  kind: 'gateway',
  renews: 'claude',
  what: "the gateway token's file that apiKeyHelper prints",
  credential: 'gateway token',
  fileName: 'gateway-token',
  marginMs: 30_000,
  settingKey: 'apiKeyHelper',
  plan({ selection, renewCommand, env }) {
    const { platform, chosen, claudeStep } = selection
    if (!renewCommand || platform || (chosen && chosen.source !== 'anthropic-auth-token'))
      return undefined
    // What the Claude step sets itself, or inherits from the job (its `env:`, $GITHUB_ENV) as this step sees it.
    const outranking = OUTRANKING_HELPER.filter(name => {
      const kind = claudeStep?.variable(name).kind
      return kind === 'step' || kind === 'output' || (kind === 'inherited' && !!env[name]?.trim())
    })
    const commandEnv = Object.fromEntries(
      Object.entries(env).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && !withheldFromCommand(entry[0])
      )
    )
    return {
      job: {
        kind: 'gateway',
        command: renewCommand,
        env: commandEnv,
        ...(env.GITHUB_WORKSPACE && { cwd: env.GITHUB_WORKSPACE })
      },
      renewedBy: `the preflight's renewer (input 'renew-command'), whose token Claude Code reads through apiKeyHelper`,
      warnings: outranking.map(
        name =>
          `${claudeStep!.label} gets ${name}, which outranks apiKeyHelper: Claude Code would send it and never the token the renewer keeps fresh. Keep it out of that step (its \`env:\`, the job's \`env:\`, $GITHUB_ENV): give the first token to this step's own \`env:\` only.`
      )
    }
  },
  readJob(value) {
    const file = jobText(value.file)
    const command = jobText(value.command)
    const env = value.env
    if (!file || !command || !env || typeof env !== 'object' || Array.isArray(env)) return undefined
    const entries = Object.entries(env as Record<string, unknown>)
    if (entries.some(([, v]) => typeof v !== 'string')) return undefined
    const cwd = jobText(value.cwd)
    return {
      kind: 'gateway',
      file,
      command,
      env: Object.fromEntries(entries) as Record<string, string>,
      ...(cwd && { cwd })
    }
  },
  mint: (job, deps) => mintGatewayToken(job, deps),
  async handOff(file, deps) {
    const path = await handOffToSetting('apiKeyHelper', file, deps)
    if (!path) return
    const { core, pid } = deps
    core.info(
      `${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; apiKeyHelper in ${path} prints it for Claude Code.`
    )
    core.notice(
      `${PREFIX}: Claude Code reads the renewed gateway token through apiKeyHelper only when neither ${OUTRANKING_HELPER.join(' nor ')} is set in the Claude step: they outrank it.`
    )
  }
}

// Item: workflow-command injection. File names, patterns and quoted log text are hostile: printed raw, a newline
// in a name starts a `::error` or `::stop-commands::` line (which then swallows the action's real annotation), and
// the legacy `##[command]` syntax works anywhere in a line. The bundled post step and `claude-preflight scan`
// (text and --json) run as the runner runs them; their stdout and stderr are judged by a port of the runner's
// own command parser (support/runner-commands.ts).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/runner.js'
import { runnerCommands, type RunnerCommand } from '../support/runner-commands.js'
import { inert, inertJson } from '../../src/common/inert.js'

const POST = 'dist/post/index.js'
const CLI = 'dist/cli/index.js'

const EXPIRED = 'Failed to authenticate. API Error: 401 OAuth token has expired.'

/** File names that issue commands when printed raw, each in a log holding one real failure. */
const HOSTILE_NAMES = [
  'a\n::error title=forged::forged annotation\n.log',
  'b\n::stop-commands::swallow\n.log',
  'c\r::warning::forged warning\r.log',
  'd ##[error]forged legacy error.log',
  'e ##[set-output name=x]forged.log',
  // A soft hyphen: .NET's culture-sensitive IndexOf still finds `##[`.
  'f #\u00ad#[error]forged hidden.log',
  '::error::g forged at line start.log'
]

/** A log line Claude could have printed, quoting hostile text in the failure's own words. */
const HOSTILE_MESSAGE = `${EXPIRED} ##[error]forged from the log ::stop-commands::x`

let workspace: string
beforeAll(() => {
  for (const entry of [POST, CLI]) expect(existsSync(entry)).toBe(true) // run `npm run bundle` first
  workspace = mkdtempSync(join(tmpdir(), 'injection-'))
  mkdirSync(join(workspace, 'logs'))
  for (const name of HOSTILE_NAMES) {
    writeFileSync(join(workspace, 'logs', name), `${HOSTILE_MESSAGE}\n`)
  }
})

/** The bundled CLI as a workflow step runs it: its stdout and stderr are what the runner reads. */
function runCli(
  args: string[],
  env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', ...env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  return new Promise(resolve => child.on('close', code => resolve({ code, stdout, stderr })))
}

/** Commands that are not the action's own annotation of the failure. */
function forged(commands: RunnerCommand[]): RunnerCommand[] {
  return commands.filter(
    c =>
      !(
        c.syntax === 'v2' &&
        c.command === 'error' &&
        c.properties.title?.startsWith('claude-preflight: ')
      ) && c.data.includes('forged')
  )
}

describe('the runner-command port', () => {
  test('reads v2 commands at line starts, legacy ones anywhere, and honours stop-commands', () => {
    const commands = runnerCommands(
      [
        '  ::error title=T%3A x,line=3::first%0Aline',
        'text ##[warning file=a;line=2]legacy',
        'text ::error::not at the start',
        '::stop-commands::tok',
        '::error::swallowed',
        '::TOK::',
        '\u00ad::notice::after resuming'
      ].join('\r\n')
    )
    expect(commands.map(c => [c.syntax, c.command, c.data])).toEqual([
      ['v2', 'error', 'first\nline'],
      ['legacy', 'warning', 'legacy'],
      ['v2', 'stop-commands', 'tok'],
      ['v2', 'tok', ''],
      ['v2', 'notice', 'after resuming']
    ])
    expect(commands[0]?.properties).toEqual({ title: 'T: x', line: '3' })
  })

  test('inert text and JSON issue no command, whatever they hold', () => {
    const hostile = [...HOSTILE_NAMES, HOSTILE_MESSAGE, ' \u2003::error::x', '\u200b::error::x']
    for (const text of hostile) expect(runnerCommands(`prefix ${inert(text)}`)).toEqual([])
    for (const text of hostile) expect(runnerCommands(inert(text))).toEqual([])
    const json = inertJson({ names: hostile, nested: { [hostile[0]!]: hostile } })
    expect(runnerCommands(json)).toEqual([])
    expect(JSON.parse(json)).toEqual({ names: hostile, nested: { [hostile[0]!]: hostile } })
  })
})

describe('bundled, as the runner runs it', () => {
  test('post step: hostile file names and log text forge nothing; the real failure is annotated', async () => {
    const run = await runAction(POST, {
      inputs: { 'claude-output': 'logs/*.log', 'fail-on-auth-error': 'true' },
      env: { GITHUB_WORKSPACE: workspace }
    })
    const commands = runnerCommands(run.stdout).concat(runnerCommands(run.stderr))
    expect(forged(commands)).toEqual([])
    expect(commands.filter(c => c.syntax === 'legacy' || c.command === 'stop-commands')).toEqual([])
    const annotations = commands.filter(c => c.command === 'error')
    expect(annotations.map(c => c.properties.title)).toEqual([
      'claude-preflight: Anthropic credential expired (anthropic-auth-expired)'
    ])
    // Every hostile file was read: its name shows, inert, in the step's log.
    for (const name of HOSTILE_NAMES)
      expect(run.stdout).toContain(`read ${inert(join(workspace, 'logs', name))}:`)
    expect(run.code).toBe(1)
  })

  test.each([['text'], ['--json']])(
    'claude-preflight scan (%s) run in a workflow forges nothing',
    async format => {
      const run = await runCli([
        'scan',
        ...(format === '--json' ? ['--json'] : []),
        join(workspace, 'logs', '*.log')
      ])
      expect(run.code).toBe(1)
      expect(runnerCommands(run.stdout)).toEqual([])
      expect(runnerCommands(run.stderr)).toEqual([])
      if (format === '--json') {
        const parsed = JSON.parse(run.stdout) as {
          findings: Array<{ file: string; message: string }>
        }
        expect(parsed.findings.map(f => f.file).sort()).toEqual(
          HOSTILE_NAMES.map(name => join(workspace, 'logs', name)).sort()
        )
        expect(parsed.findings[0]?.message).toContain('##[error]forged from the log')
      }
    }
  )
})

describe('claude-preflight check quotes a server inertly', () => {
  /** A gateway answering 401 in the API's own format (envelope and request-id), its message spelling commands. */
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_011Cforged' })
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'authentication_error', message: HOSTILE_MESSAGE },
          request_id: 'req_011Cforged'
        })
      )
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(async () => new Promise(resolve => server.close(resolve)))

  test.each([['text'], ['--json']])('in %s, run in a workflow, it forges nothing', async format => {
    const run = await runCli(
      ['check', ...(format === '--json' ? ['--json'] : []), '--anthropic-base-url', url],
      { ANTHROPIC_API_KEY: 'sk-ant-api03-injection-key-0123456789' }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('forged from the log')
    expect(runnerCommands(run.stdout)).toEqual([])
    expect(runnerCommands(run.stderr)).toEqual([])
  })
})

// What the real claude CLI leaves behind that the post step reads when claude-code-action wrote no execution file
// (a cancelled, timed-out or killed Claude step), pinned on the pinned CLI (CLAUDE_BINARY runs another, e.g. the
// newest on npm): its session transcript at `$HOME/.claude/projects/<cwd, every non-alphanumeric as '-'>/<session
// id>.jsonl` (under CLAUDE_CONFIG_DIR when set), written as the run goes; on a refused credential it holds
// `system`/`api_error` entries (`error.status`, `retryInMs`) and the synthetic assistant message in camelCase
// (`isApiErrorMessage`, `apiErrorStatus`). Also: the `rate_limit_event` messages stream-json carries when the API
// sends the `anthropic-ratelimit-unified-*` headers; a run that got past a 401 (its retry answered) is a recovered
// finding, and one whose apiKeyHelper gave a new key after the 401 leaves no trace at all.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { scanBuffer } from '../src/scan/read.js'
import { findSessions, projectsDirectory } from '../src/scan/sessions.js'

const TOKEN = 'sk-ant-oat01-sessions-token-00000000000000000000000000000000000000000000000'
const binary = process.env.CLAUDE_BINARY || claudeBinary()

interface Run {
  home: string
  cwd: string
  stdout: string
  code: number | null
}

/**
 * Runs the CLI in a new working directory with a throw-away HOME (kept for the test to read); `killAfter` (ms)
 * kills it with SIGKILL as a cancelled runner does, once `ready` says the run is under way.
 */
async function runCli(
  apiUrl: string,
  env: Record<string, string>,
  kill?: { ready: (run: Run) => boolean }
): Promise<Run> {
  const run: Run = {
    home: mkdtempSync(join(tmpdir(), 'sessions-home-')),
    cwd: mkdtempSync(join(tmpdir(), 'sessions.work_')),
    stdout: '',
    code: null
  }
  const child = spawn(
    binary,
    [
      '-p',
      'Run the project checks.',
      '--output-format',
      'stream-json',
      '--verbose',
      '--allowedTools',
      'Bash'
    ],
    {
      cwd: run.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: run.home,
        ANTHROPIC_BASE_URL: apiUrl,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        CLAUDE_CODE_MAX_RETRIES: '1',
        ...env
      },
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  child.stdout.on('data', chunk => (run.stdout += chunk))
  const closed = new Promise<number | null>(resolve => child.on('close', resolve))
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  if (kill) {
    const poll = setInterval(() => {
      if (kill.ready(run)) {
        clearInterval(poll)
        child.kill('SIGKILL')
      }
    }, 200)
    closed.finally(() => clearInterval(poll)).catch(() => undefined)
  }
  run.code = await closed
  clearTimeout(timer)
  return run
}

/** The session id from the run's `system`/`init` message. */
function sessionIdOf(stdout: string): string {
  const init = stdout
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => JSON.parse(line) as { type?: string; subtype?: string; session_id?: string })
    .find(m => m.type === 'system' && m.subtype === 'init')
  return init?.session_id ?? ''
}

const projectName = (cwd: string) => cwd.replace(/[^A-Za-z0-9]/g, '-')

describe("the real claude CLI's session transcripts", () => {
  it('a mid-run expiry: written under ~/.claude/projects/<cwd>, read as one failure after 2 turns', async () => {
    const api = await startAnthropicStandIn({
      credentials: { [TOKEN]: 'valid' },
      scripts: { [TOKEN]: [{ bash: 'echo one' }, { bash: 'echo two' }, { error: 'expired' }] },
      usage: { fiveHour: [0.42, 0.47, 0.5], sevenDay: [0.17, 0.18, 0.18] }
    })
    let run: Run
    try {
      run = await runCli(api.url, { CLAUDE_CODE_OAUTH_TOKEN: TOKEN })
    } finally {
      await api.close()
    }
    expect(run.code).toBe(1)
    const session = sessionIdOf(run.stdout)
    expect(session).toMatch(/^[0-9a-f-]{36}$/)
    const projects = projectsDirectory({ HOME: run.home }) as string
    const file = join(projects, projectName(run.cwd), `${session}.jsonl`)
    expect(existsSync(file)).toBe(true)
    const text = readFileSync(file, 'utf8')
    expect(text).toContain('"subtype":"api_error"')
    expect(text).toContain('"isApiErrorMessage":true')
    expect(text).not.toContain('rate_limit_event')
    expect((await findSessions(projects, 0)).sessions.map(s => s.session)).toEqual([session])

    const scan = scanBuffer(file, readFileSync(file))
    expect(scan.findings).toHaveLength(1)
    expect(scan.findings[0]).toMatchObject({
      kind: 'anthropic-auth-expired',
      status: 401,
      retries: 2,
      turnsBefore: 2,
      toolCallsBefore: 2
    })
    expect(scan.findings[0]?.recovered).toBeUndefined()

    // The same run's stream-json: its session id (to tell it is covered) and its usage, start and end.
    const stream = scanBuffer('claude.log', Buffer.from(run.stdout))
    expect(stream.sessions).toEqual([session])
    expect(stream.usage?.first.fiveHour?.utilization).toBe(0.42)
    expect(stream.usage?.last.fiveHour?.utilization).toBeGreaterThan(0.42)
    expect(stream.usage?.last.sevenDay?.utilization).toBeGreaterThanOrEqual(0.17)
    expect(stream.usage?.last.binding).toBe('five_hour')
  }, 180_000)

  it('CLAUDE_CONFIG_DIR moves them to $CLAUDE_CONFIG_DIR/projects', async () => {
    const api = await startAnthropicStandIn({ credentials: { [TOKEN]: 'valid' } })
    const config = mkdtempSync(join(tmpdir(), 'sessions-config-'))
    let run: Run
    try {
      run = await runCli(api.url, { CLAUDE_CODE_OAUTH_TOKEN: TOKEN, CLAUDE_CONFIG_DIR: config })
    } finally {
      await api.close()
    }
    expect(run.code).toBe(0)
    const projects = projectsDirectory({ HOME: run.home, CLAUDE_CONFIG_DIR: config }) as string
    expect(
      existsSync(join(projects, projectName(run.cwd), `${sessionIdOf(run.stdout)}.jsonl`))
    ).toBe(true)
    expect(existsSync(join(run.home, '.claude', 'projects'))).toBe(false)
  }, 180_000)

  it('a killed run: the transcript is on disk already, with the turns done before the kill', async () => {
    // The third model request never gets an answer: the run is stuck there, alive, when the file is looked at and
    // it is killed. (The CLI appends its entries shortly after the fact: the second tool result may land a moment
    // after the third request went out, so the file is watched, not read once.)
    const toolResults = (run: Run) => {
      const projects = projectsDirectory({ HOME: run.home }) as string
      const files = existsSync(projects)
        ? readdirSync(projects).flatMap(dir =>
            readdirSync(join(projects, dir))
              .filter(name => name.endsWith('.jsonl'))
              .map(name => join(projects, dir, name))
          )
        : []
      return files.reduce(
        (n, file) => n + (readFileSync(file, 'utf8').match(/"type":"tool_result"/g)?.length ?? 0),
        0
      )
    }
    const api = await startAnthropicStandIn({
      credentials: { [TOKEN]: ['valid', 'valid', 'hang'] },
      scripts: { [TOKEN]: [{ bash: 'echo one' }, { bash: 'echo two' }] }
    })
    let run: Run
    try {
      run = await runCli(
        api.url,
        { CLAUDE_CODE_OAUTH_TOKEN: TOKEN, API_TIMEOUT_MS: '600000' },
        {
          ready: run =>
            api.requests.filter(r => r.path === '/v1/messages').length >= 3 && toolResults(run) >= 2
        }
      )
    } finally {
      await api.close()
    }
    expect(run.code).toBeNull() // killed by a signal
    const projects = projectsDirectory({ HOME: run.home }) as string
    const sessions = (await findSessions(projects, 0)).sessions
    expect(sessions).toHaveLength(1)
    const scan = scanBuffer(sessions[0]!.path, readFileSync(sessions[0]!.path))
    expect(scan.findings).toEqual([])
    const text = readFileSync(sessions[0]!.path, 'utf8')
    expect(text.match(/"type":"tool_result"/g)).toHaveLength(2)
  }, 180_000)

  it.each([
    [
      'an API key refused as invalid',
      'sk-ant-api03-sessions-key-000000000000000000000000000000000000000000000000',
      'invalid',
      'anthropic-auth-invalid',
      'invalid x-api-key'
    ],
    [
      'an OAuth token refused as expired',
      TOKEN,
      'expired',
      'anthropic-auth-expired',
      'OAuth token has expired'
    ]
  ])(
    '%s, its retry answered: found in both, marked recovered',
    async (_, secret, refusal, kind, words) => {
      // The second model request is refused, its retry answered: the run goes on and finishes.
      const api = await startAnthropicStandIn({
        credentials: { [secret]: ['valid', refusal, 'valid'] },
        scripts: { [secret]: [{ bash: 'echo one' }, { text: 'Done.' }] }
      })
      let run: Run
      try {
        const variable = secret.startsWith('sk-ant-oat')
          ? 'CLAUDE_CODE_OAUTH_TOKEN'
          : 'ANTHROPIC_API_KEY'
        run = await runCli(api.url, { [variable]: secret })
      } finally {
        await api.close()
      }
      expect(run.code).toBe(0)
      // stream-json's api_retry carries only the status: the kind is the one a bare 401 gets.
      const stream = scanBuffer('claude.log', Buffer.from(run.stdout))
      expect(stream.findings).toHaveLength(1)
      expect(stream.findings[0]).toMatchObject({
        kind: 'anthropic-auth-invalid',
        retries: 1,
        recovered: true
      })
      // The session transcript's api_error carries the API's words.
      const [session] = (await findSessions(projectsDirectory({ HOME: run.home }) as string, 0))
        .sessions
      const scan = scanBuffer(session!.path, readFileSync(session!.path))
      expect(scan.findings).toHaveLength(1)
      expect(scan.findings[0]).toMatchObject({ kind, retries: 1, recovered: true })
      expect(scan.findings[0]?.message).toContain(words)
    },
    180_000
  )

  it('a 401 its apiKeyHelper recovered from leaves no trace in either: nothing to report', async () => {
    const first = 'sk-ant-api03-sessions-first-0000000000000000000000000000000000000000000000'
    const second = 'sk-ant-api03-sessions-second-000000000000000000000000000000000000000000000'
    const api = await startAnthropicStandIn({
      credentials: { [first]: 'valid', [second]: 'valid' },
      scripts: {
        [first]: [{ bash: 'echo one' }, { error: 'invalid' }],
        [second]: [{ text: 'Done.' }]
      }
    })
    const config = mkdtempSync(join(tmpdir(), 'sessions-config-'))
    let run: Run
    try {
      // The helper prints the first key once, then the second: a key rotated under the run.
      const helper = join(config, 'helper.sh')
      writeFileSync(
        helper,
        `#!/bin/sh\nif [ -e "${config}/used" ]; then echo ${second}; else touch "${config}/used"; echo ${first}; fi\n`
      )
      chmodSync(helper, 0o755)
      writeFileSync(join(config, 'settings.json'), JSON.stringify({ apiKeyHelper: helper }))
      run = await runCli(api.url, { CLAUDE_CONFIG_DIR: config })
    } finally {
      await api.close()
    }
    expect(run.code).toBe(0)
    expect(api.requests.filter(r => r.secret === first)).toHaveLength(2) // the refused one was sent
    expect(scanBuffer('claude.log', Buffer.from(run.stdout)).findings).toEqual([])
    const [session] = (await findSessions(join(config, 'projects'), 0)).sessions
    expect(scanBuffer(session!.path, readFileSync(session!.path)).findings).toEqual([])
  }, 180_000)
})

// End to end, as in a real job: the real claude CLI (pinned npm package) runs against the stand-in Anthropic API,
// its credential expiring after 3 tool turns; its stream-json is kept as a log and as claude-code-action's
// execution file; then the bundled post step (dist/post/index.js) runs the way the runner runs it, with the
// preflight's state and pr-comment on against the GitHub stand-in, twice. No skip: a missing CLI or bundle fails.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from './support/runner.js'
import { runClaude, claudeBinary } from '../scripts/make-fixtures.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { issuesRoutes } from '../stand-ins/github-issues.js'

const ENTRY = 'dist/post/index.js'
const TOKEN = 'sk-ant-oat01-e2e-token-000000000000000000000000000000000000000000000000000'

let github: { url: string; state: Record<string, unknown>; close(): Promise<void> }
beforeAll(async () => {
  github = (await startGitHubStandIn({
    routes: issuesRoutes,
    tokens: ['ghs_e2e'],
    state: {}
  })) as typeof github
})
afterAll(async () => github.close())

test('real CLI → execution file → bundled post: kind, turns, annotation, summary, one PR comment', async () => {
  expect(existsSync(ENTRY)).toBe(true) // run `npm run bundle` first
  const binary = claudeBinary() // throws when the CLI is not installed: fail, never skip
  const api = await startAnthropicStandIn({
    credentials: { [TOKEN]: 'valid' },
    scripts: {
      [TOKEN]: [
        { bash: 'echo one' },
        { bash: 'echo two' },
        { bash: 'echo three' },
        { error: 'expired' }
      ]
    }
  })
  const work = mkdtempSync(join(tmpdir(), 'e2e-claude-'))
  let stdout: string
  try {
    const run = await runClaude({
      apiUrl: api.url,
      credential: 'oauth',
      secret: TOKEN,
      formatArgs: ['--output-format', 'stream-json', '--verbose'],
      cwd: work,
      binary
    })
    expect(run.code).toBe(1)
    stdout = run.stdout
  } finally {
    await api.close()
  }
  const temp = mkdtempSync(join(tmpdir(), 'e2e-runner-'))
  const messages = stdout
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => JSON.parse(line) as unknown)
  writeFileSync(join(temp, 'claude-execution-output.json'), JSON.stringify(messages, null, 2))
  writeFileSync(join(temp, 'claude.log'), stdout)
  const event = join(temp, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 42 } }))

  const started = Date.now()
  const state = {
    preflight: JSON.stringify({
      source: 'claude-code-oauth-token',
      label: 'OAuth token',
      fingerprint: 'sk-ant-oat01:e2e00000',
      // The expiry the preflight measured: a minute before the run.
      expiresAt: new Date(started - 60_000).toISOString(),
      checkedAt: new Date(started - 120_000).toISOString(),
      status: 'valid'
    })
  }
  const options = {
    inputs: {
      // An empty first line and the default file name given explicitly, plus the log.
      'claude-output': `${join(temp, 'claude-execution-output.json')}\n${join(temp, '*.log')}`,
      'fail-on-auth-error': 'true',
      'pr-comment': 'true',
      'github-token': 'ghs_e2e'
    },
    env: {
      RUNNER_TEMP: temp,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1'
    },
    state
  }
  const first = await runAction(ENTRY, options)
  expect(first.stderr).toBe('')
  expect(first.code).toBe(1)
  const errors = first.commands.filter(c => c.command === 'error')
  expect(errors).toHaveLength(1) // two files, two retries, one failure
  expect(errors[0]?.properties).toContain(
    'title=claude-preflight%3A Anthropic credential expired (anthropic-auth-expired)'
  )
  expect(errors[0]?.message).toContain('3 turns and 3 tool calls had completed before it')
  expect(errors[0]?.message).toMatch(
    /It failed (\d+ seconds|1 minute|2 minutes) after the expiry measured at preflight/
  )
  expect(errors[0]?.message).toContain('claude setup-token')
  expect(first.summary).toMatch(
    /\| `anthropic-auth-expired` \| .* \| 3 turns, 3 tool calls \| 2 \|/
  )

  const second = await runAction(ENTRY, options)
  expect(second.code).toBe(1)
  expect(second.stdout).toContain('PR #42 comment')
  const comments = (github.state.comments as Record<string, Array<{ body: string }>>)[
    'octo/app#42'
  ]!
  expect(comments).toHaveLength(1)
  expect(first.stdout).toContain('PR #42 comment created')
  expect(second.stdout).toMatch(/PR #42 comment (updated|unchanged)/)
  expect(comments[0]?.body).toContain('anthropic-auth-expired')
}, 120_000)

// End to end: the real claude CLI runs against the stand-in API, which refuses one model request (its retry is
// answered, so the run goes on and finishes) and sends a subscription's `anthropic-ratelimit-unified-*` headers, the
// 5-hour window rising over the run; the bundled post step reads its stream-json. The refusal the run got past is a
// notice ("recovered after 1 retry"), never an error, and the job passes; the summary shows the 5-hour and weekly
// utilisation at the start and end of the run and the binding window; `scan --json` marks the finding recovered.
import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ACTION_NODE, newJob, runAction } from './support/runner.js'
import { claudeBinary, runClaude } from '../scripts/make-fixtures.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'

const POST = 'dist/post/index.js'
const KEY = 'sk-ant-oat01-recovered-e2e-000000000000000000000000000000000000000000000000'

test('a 401 the run got past is a notice, the job passes; usage at start and end', async () => {
  expect(existsSync(POST)).toBe(true) // run `npm run bundle` first
  const api = await startAnthropicStandIn({
    credentials: { [KEY]: ['valid', 'expired', 'valid'] },
    scripts: { [KEY]: [{ bash: 'echo one' }, { bash: 'echo two' }, { text: 'Done.' }] },
    usage: { fiveHour: [0.42, 0.42, 0.47, 0.61], sevenDay: [0.17, 0.17, 0.18, 0.19] }
  })
  const workspace = mkdtempSync(join(tmpdir(), 'recovered-e2e-'))
  let stdout: string
  try {
    const run = await runClaude({
      apiUrl: api.url,
      credential: 'oauth',
      secret: KEY,
      formatArgs: ['--output-format', 'stream-json', '--verbose'],
      cwd: workspace,
      binary: claudeBinary()
    })
    expect(run.code).toBe(0)
    stdout = run.stdout
  } finally {
    await api.close()
  }
  const job = newJob()
  writeFileSync(join(job.dir, 'claude.log'), stdout)
  const post = await runAction(POST, {
    job,
    inputs: { 'claude-output': join(job.dir, 'claude.log') },
    env: { GITHUB_WORKSPACE: workspace }
  })
  expect(post.code).toBe(0)
  expect(post.commands.filter(c => c.command === 'error')).toEqual([])
  const notices = post.commands.filter(c => c.command === 'notice')
  expect(notices.map(n => n.message).join('\n')).toMatch(
    /\(anthropic-auth-invalid\), recovered after 1 retry: "[^"]*401[^"]*"; a later model turn succeeded/
  )
  expect(post.summary).toContain('no credential failure in the Claude step')
  expect(post.summary).toMatch(/recovered after 1 retry/)
  expect(post.summary).toMatch(
    /subscription usage: 5-hour window 42% at the start, 61% at the end \(resets [0-9T:-]+Z\); weekly window 17% at the start, 19% at the end \(resets [0-9T:-]+Z\); binding window: five-hour/
  )

  const json = execFileSync(
    ACTION_NODE,
    ['dist/cli/index.js', 'scan', '--json', join(job.dir, 'claude.log')],
    {
      encoding: 'utf8'
    }
  )
  const findings = (JSON.parse(json) as { findings: Array<{ kind: string; recovered?: boolean }> })
    .findings
  expect(findings).toEqual([
    expect.objectContaining({ kind: 'anthropic-auth-invalid', recovered: true })
  ])
}, 180_000)

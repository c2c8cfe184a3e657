// Item: Claude Code's session transcripts are hostile input. The post step reads `~/.claude/projects/*/<id>.jsonl`
// written since the job started, and anything a step before it (or an earlier job on a self-hosted runner) can
// plant there: a session named like one that is a symlink to /proc/self/environ (the post step's own environment),
// a project directory that is a symlink out of ~/.claude, a FIFO, an earlier job's session, files of other names.
// The bundled post step must read only the real session of this job (and find its failure), none of the rest, and
// finish well within its bound (a FIFO never hangs it).
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newJob, runAction } from '../support/runner.js'
import { claudeBinary, runClaude } from '../../scripts/make-fixtures.js'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'

const POST = 'dist/post/index.js'
const TOKEN = 'sk-ant-oat01-session-files-0000000000000000000000000000000000000000000000000'
const CANARY = 'canary-secret-of-the-job-9a7e41'
const PLANTED = '0badc0de-0000-4000-8000-00000000000'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  expect(existsSync(POST)).toBe(true) // run `npm run bundle` first
  api = await startAnthropicStandIn({
    credentials: { [TOKEN]: 'valid' },
    scripts: { [TOKEN]: [{ bash: 'echo one' }, { error: 'expired' }] }
  })
})
afterAll(async () => api?.close())

test('only the real session of this job is read; planted links, FIFOs and old sessions are not', async () => {
  const job = newJob()
  const workspace = mkdtempSync(join(tmpdir(), 'session-files-work-'))
  const checkedAt = new Date()
  await runClaude({
    apiUrl: api.url,
    credential: 'oauth',
    secret: TOKEN,
    formatArgs: ['--output-format', 'stream-json', '--verbose'],
    cwd: workspace,
    env: { HOME: job.dir },
    binary: claudeBinary()
  })
  const projects = join(job.dir, '.claude', 'projects')
  const [project] = readdirSync(projects)
  const real = join(projects, project!, readdirSync(join(projects, project!))[0]!)

  const plant = (dir: string) => {
    mkdirSync(join(projects, dir), { recursive: true })
    return join(projects, dir)
  }
  symlinkSync('/proc/self/environ', join(plant('-environ'), `${PLANTED}1.jsonl`))
  const outside = mkdtempSync(join(tmpdir(), 'session-files-outside-'))
  copyFileSync(real, join(outside, `${PLANTED}2.jsonl`))
  symlinkSync(outside, join(projects, '-linked-project'))
  symlinkSync(join(outside, `${PLANTED}2.jsonl`), join(plant('-linked-file'), `${PLANTED}3.jsonl`))
  execFileSync('mkfifo', [join(plant('-fifo'), `${PLANTED}4.jsonl`)])
  const old = join(plant('-earlier-job'), `${PLANTED}5.jsonl`)
  copyFileSync(real, old)
  const twoDaysAgo = new Date(checkedAt.getTime() - 2 * 86_400_000)
  utimesSync(old, twoDaysAgo, twoDaysAgo)
  for (const name of ['notes.txt', `${PLANTED}6.jsonl.bak`, '.hidden.jsonl']) {
    copyFileSync(real, join(plant('-other-names'), name))
  }
  writeFileSync(join(plant('-empty'), 'README'), 'nothing here')

  const started = Date.now()
  const post = await runAction(POST, {
    job,
    state: {
      preflight: JSON.stringify({
        source: 'claude-code-oauth-token',
        label: 'OAuth token',
        checkedAt: checkedAt.toISOString(),
        status: 'valid'
      })
    },
    env: { GITHUB_WORKSPACE: workspace, JOB_CANARY: CANARY },
    timeoutMs: 60_000
  })
  expect(Date.now() - started).toBeLessThan(45_000)
  const read = [...post.stdout.matchAll(/read Claude Code's session transcript (\S+):/g)].map(
    m => m[1]
  )
  expect(read).toEqual([real])
  expect(post.stdout).not.toContain(PLANTED)
  expect(post.summary).not.toContain(PLANTED)
  expect(post.stdout + post.summary).not.toContain(CANARY)
  const errors = post.commands.filter(c => c.command === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]?.properties).toContain('anthropic-auth-expired')
  expect(post.code).toBe(1)
}, 180_000)

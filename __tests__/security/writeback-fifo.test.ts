// Review finding (issue 8 follow-up): a FIFO at the write-back file or at the credentials file must not hang the
// post step. A later step of the job can put one at either path (it can write RUNNER_TEMP and HOME); open() on a FIFO
// with no writer blocks unless opened non-blocking, and the write-back runs before the scan, so a hang there would
// cost the whole report. The bundled main step runs, a later step plants the FIFO, the bundled post step must end
// well within its bound, say why it did not read the file, and still scan and report Claude's credential failure.
// The write-back itself is bounded too, so that a hang nobody foresaw still leaves the scan its turn.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  eachRefreshJob,
  pendingFileOf,
  secretWrites,
  type RefreshJob
} from '../support/refresh-job.js'
import type { RunResult } from '../support/runner.js'
import { post } from '../../src/action/post.js'
import type { Core } from '../../src/common/core.js'

const jobs = eachRefreshJob()

const EXPIRED = JSON.stringify({
  type: 'assistant',
  message: {
    model: '<synthetic>',
    content: [
      { type: 'text', text: 'Failed to authenticate. API Error: 401 OAuth token has expired.' }
    ]
  },
  error: 'authentication_failed',
  is_api_error_message: true,
  api_error_status: 401,
  api_error_type: 'authentication_error',
  timestamp: new Date().toISOString()
})

/** Claude's transcript, where the job's `claude-output` input points. */
function writeTranscript(r: RefreshJob): void {
  writeFileSync(r.inputs['claude-output'] as string, `${EXPIRED}\n`)
}

/** What a later step does: replaces `path` with a FIFO that nobody ever writes to. */
function plantFifo(path: string): void {
  rmSync(path, { force: true })
  execFileSync('mkfifo', [path])
}

/** The post step ended by itself well within the runner's bound, and still scanned and reported. */
function expectScannedAndReported(post: RunResult): void {
  expect(post.code).not.toBeNull() // not killed at the bound
  expect(post.elapsedMs).toBeLessThan(30_000)
  expect(post.summary).toContain('anthropic-auth-expired')
  expect(
    post.commands.some(
      c => c.command === 'error' && c.properties.includes('anthropic-auth-expired')
    )
  ).toBe(true)
  expect(post.code).toBe(1)
}

describe('a FIFO a later step plants never hangs the post step', () => {
  it('at the write-back file: refused, and the scan still runs', async () => {
    const r = await jobs.start()
    r.chain.githubFault.fn = request =>
      request.method === 'PUT' ? { status: 502, body: { message: 'Server Error' } } : undefined
    const main = await r.main()
    r.chain.githubFault.fn = undefined
    expect(main.outputs.refreshed).toBe('true')
    const before = secretWrites(r.chain).length
    plantFifo(pendingFileOf(r))
    writeTranscript(r)

    const post = await r.post(main)
    expectScannedAndReported(post)
    expect(post.commands.find(c => c.command === 'error')?.message).toMatch(
      /refused the write-back file .*claude-preflight-refresh-\d+\.json: it is a FIFO, not a regular file; nothing was written back.*re-seed: /
    )
    expect(secretWrites(r.chain).slice(before)).toEqual([])
  }, 150_000)

  it('at the credentials file the main step wrote: not read back, removed, and the scan still runs', async () => {
    const r = await jobs.start({ 'write-credentials-file': 'true' })
    const main = await r.main()
    expect(main.code).toBe(0)
    expect(main.outputs.refreshed).toBe('true')
    const credentials = join(r.job.dir, '.claude', '.credentials.json')
    expect(existsSync(credentials)).toBe(true)
    plantFifo(credentials)
    writeTranscript(r)

    const post = await r.post(main)
    expectScannedAndReported(post)
    expect(post.commands.filter(c => c.command === 'warning').map(c => c.message)).toContainEqual(
      expect.stringMatching(
        /did not read back the credentials file .*\.credentials\.json: it is a FIFO, not a regular file/
      )
    )
    expect(existsSync(credentials)).toBe(false)
  }, 150_000)
})

describe('the write-back is bounded in time', () => {
  it('a write-back that never ends fails the job with the fix, and the scan still runs', async () => {
    const dir = join(process.cwd(), 'fixtures', 'cli')
    const errors: Array<{ message: string; title?: string }> = []
    const core = {
      getInput: (name: string) => (name === 'claude-output' ? join(dir, '*.jsonl') : ''),
      getState: () => '',
      info: () => undefined,
      notice: () => undefined,
      warning: () => undefined,
      error: (message: string, properties?: { title?: string }) =>
        void errors.push({ message, ...(properties?.title && { title: properties.title }) }),
      summary: { addRaw: () => ({ write: async () => undefined }) }
    } as unknown as Core
    let failed = 0
    const started = performance.now()
    const outcome = await post({
      core,
      env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir },
      fail: () => failed++,
      finishWriteBack: () => new Promise<void>(() => undefined),
      writeBackTimeoutMs: 1000
    })
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(outcome.writeBackUnfinished).toBe(true)
    expect(errors[0]).toEqual({
      title: 'Rotated Claude credentials not saved',
      message: expect.stringMatching(
        /the write-back of the rotated Claude credentials did not end within 1s, so the scan runs without it; .*re-seed the secret/
      )
    })
    // The scan ran: the fixtures' credential failures are reported.
    expect(outcome.files.length).toBeGreaterThan(0)
    expect(outcome.failures.length).toBeGreaterThan(0)
    expect(failed).toBeGreaterThan(0)
  }, 60_000)
})

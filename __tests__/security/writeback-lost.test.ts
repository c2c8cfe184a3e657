// Review finding (issue 8 follow-up): a write-back file that a later step deleted must not mean a write-back lost
// without a word, and the credentials file the main step wrote for the CLI must be removed whatever a later step did
// to the write-back file. The state (which a later step cannot change) binds the write-back file and names the
// credentials file; the bundled post step fails with the re-seed command when the bound file is gone or refused, and
// removes the credentials file at the path the state names.
import { describe, expect, it } from '@jest/globals'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eachRefreshJob, secretWrites, pendingFileOf } from '../support/refresh-job.js'

const jobs = eachRefreshJob()

const RESEED = /re-seed: .*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/

describe('a write-back file a later step deleted or changed', () => {
  it('deleted after a failed write: the post step fails with the re-seed, never silently', async () => {
    const r = await jobs.start()
    r.chain.githubFault.fn = request =>
      request.method === 'PUT' ? { status: 502, body: { message: 'Server Error' } } : undefined
    const main = await r.main()
    r.chain.githubFault.fn = undefined
    expect(main.stdout).toContain('the post step tries the write again')
    const before = secretWrites(r.chain).length
    rmSync(pendingFileOf(r))

    const post = await r.post(main)
    expect(post.code).toBe(1)
    const error = post.commands.find(c => c.command === 'error')
    expect(error?.properties).toContain('title=Rotated Claude credentials not saved')
    expect(error?.message).toMatch(
      /the write-back file .*claude-preflight-refresh-\d+\.json the main step left for this step is gone; nothing was written back/
    )
    expect(error?.message).toMatch(RESEED)
    expect(secretWrites(r.chain).slice(before)).toEqual([])
  }, 120_000)

  it.each([
    ['deleted', (path: string) => rmSync(path)],
    ['rewritten', (path: string) => writeFileSync(path, '{"version":2}', { mode: 0o600 })]
  ])(
    '%s while the CLI had the credentials file: the file main wrote is removed all the same',
    async (_what, change) => {
      const r = await jobs.start({ 'write-credentials-file': 'true' })
      const main = await r.main()
      expect(main.code).toBe(0)
      const credentials = join(r.job.dir, '.claude', '.credentials.json')
      expect(existsSync(credentials)).toBe(true)
      change(pendingFileOf(r))

      const post = await r.post(main)
      expect(existsSync(credentials)).toBe(false)
      expect(post.code).toBe(1)
      const error = post.commands.find(c => c.command === 'error')?.message
      expect(error).toMatch(/nothing was written back/)
      expect(error).toMatch(/or Claude Code refreshed the credentials in .*\.credentials\.json/)
      expect(error).toMatch(RESEED)
    },
    120_000
  )
})

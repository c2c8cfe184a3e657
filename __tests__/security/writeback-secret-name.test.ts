// Issue 9 (no default burns the refresh chain), found in review: a `secret-name` that names no secret made the
// refresh go ahead and the write-back create a new secret, leaving the one that feeds `claude-credentials` with a
// used-up refresh token. The bundled main step, against the OAuth and GitHub stand-ins.
import { expect, test } from '@jest/globals'
import { eachRefreshJob, secretWrites } from '../support/refresh-job.js'

const jobs = eachRefreshJob()

test('a secret-name that names no secret: nothing is refreshed, and the step says which input to fix', async () => {
  const r = await jobs.start({
    'secret-name': 'CLAUDE_CREDENTIALS_NOT_THERE',
    'min-remaining': '100h'
  })
  const main = await r.main()
  expect(main.code).toBe(1)
  expect(r.chain.oauth.issued).toHaveLength(0)
  expect(secretWrites(r.chain)).toEqual([])
  const error = main.commands.find(c => c.command === 'error')?.message ?? ''
  expect(error).toMatch(
    /CLAUDE_CREDENTIALS_NOT_THERE.* does not exist, so the rotated refresh token could not be saved where the next run reads it\. Nothing was refreshed\. Set 'secret-name'/
  )
}, 120_000)

// Review finding (issue 8 follow-up): the credentials file a later step can rewrite is checked for shape only, and
// nothing in it is registered as a secret before it passed that check. A mask is a global replacement in the job's
// log: a planted `"refreshToken": "Fix"` masked before the check would blank the word "Fix" out of every later line
// (the fixes this action prints included). The bundled post step must refuse the plant without masking its values.
import { expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eachRefreshJob } from '../support/refresh-job.js'

const jobs = eachRefreshJob()

it('a planted credentials file of the wrong shape masks nothing of what it holds', async () => {
  const r = await jobs.start({ 'write-credentials-file': 'true' })
  const main = await r.main()
  expect(main.code).toBe(0)
  const stored = r.chain.secretValue()
  const credentials = join(r.job.dir, '.claude', '.credentials.json')
  writeFileSync(
    credentials,
    JSON.stringify({
      claudeAiOauth: { accessToken: 'the', refreshToken: 'Fix', expiresAt: Date.now() }
    }),
    { mode: 0o600 }
  )

  const post = await r.post(main)
  expect(r.chain.secretValue()).toBe(stored)
  expect(post.commands.find(c => c.command === 'warning')?.message).toMatch(
    /the credentials file .*\.credentials\.json holds a refresh token this run did not hand on, but its 'accessToken' is not an sk-ant-oat01- token/
  )
  const masks = post.commands.filter(c => c.command === 'add-mask').map(c => c.message)
  expect(masks).not.toContain('Fix')
  expect(masks).not.toContain('the')
  expect(existsSync(credentials)).toBe(false)
}, 120_000)

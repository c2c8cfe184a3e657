// Issue 8, item 12 (the lock): a lock ref planted with a far `expires-at` (anyone who can push can create it) must not
// block every refresh for good. A held lock claiming to last longer than any lock this action takes, plus slack, is
// taken over with a warning; the bundled main step then refreshes and writes back as usual.
import { describe, expect, it } from '@jest/globals'
import { seedCommit } from '../../stand-ins/github-refs.js'
import { eachRefreshJob, type RefreshJob } from '../support/refresh-job.js'

const REF = 'refs/claude-preflight/locks/repo/CLAUDE_CREDENTIALS'
const jobs = eachRefreshJob()

function plantLock(r: RefreshJob, expiresAt: string): void {
  const state = r.chain.github.state
  const sha = seedCommit(state, {
    message: `claude-preflight lock\n\nexpires-at: ${expiresAt}\nholder: run 1 attempt 1, job planted\n`,
    parents: [r.chain.head]
  })
  state.git.refs['acme/app'] = { [REF]: sha }
}

describe('a planted lock cannot block refreshes', () => {
  it('takes over a lock whose expires-at lies past any lock the action takes, and refreshes', async () => {
    const r = await jobs.start()
    plantLock(r, '9999-12-31T23:59:59.000Z')
    // Before the cap, main waited for this lock (about 8 minutes) and then failed: the runner kills it at 60 s here.
    const main = await r.main()
    expect(main.code).toBe(0)
    expect(main.outputs.refreshed).toBe('true')
    expect(main.commands.find(c => c.command === 'warning')?.message).toMatch(
      /took over the refresh lock refs\/claude-preflight\/locks\/repo\/CLAUDE_CREDENTIALS held by run 1 attempt 1, job planted: it claimed to hold until 9999-12-31T23:59:59\.000Z, longer than any lock this action takes/
    )
    expect(JSON.parse(r.chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      r.chain.oauth.current
    )
    expect(r.chain.github.state.git.refs['acme/app']).toEqual({})
  }, 120_000)
})

// Issue 8, item 2: the live refresh token does not linger. Once main has written it to the secret, nothing in
// RUNNER_TEMP holds it; the post step reads back the credentials file main wrote for the CLI and removes it, so a
// persistent self-hosted runner's next job cannot read it; and a credentials file a later step planted (another
// account's tokens, not of the shape Claude Code writes) is refused with a warning, never stored.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { send } from '../../src/http/request.js'
import { eachRefreshJob, type RefreshJob } from '../support/refresh-job.js'

const jobs = eachRefreshJob()

const credentialsFileOf = (r: RefreshJob) => join(r.job.dir, '.claude', '.credentials.json')

/** Files under the job's folder that contain `token`, but the runner's command files and `except`. */
function filesHolding(r: RefreshJob, token: string, except: string[] = []): string[] {
  const { job } = r
  const skip = new Set([job.output, job.env, job.state, job.summary, ...except])
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (!skip.has(path) && readFileSync(path, 'latin1').includes(token))
        found.push(relative(job.dir, path))
    }
  }
  walk(job.dir)
  return found
}

const mallory = (accessToken: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    claudeAiOauth: {
      accessToken,
      refreshToken: 'sk-ant-ort01-mallorys-refresh-token-000000',
      expiresAt: Date.now() + 8 * 3600_000,
      scopes: ['user:inference'],
      ...extra
    }
  })

describe('the live refresh token does not linger', () => {
  it.each([['false'], ['true']])(
    'write-credentials-file %s: after the write-back no file in RUNNER_TEMP holds the token, and after the job no credentials file is left',
    async writeFile => {
      const r = await jobs.start({ 'write-credentials-file': writeFile })
      const main = await r.main()
      expect(main.code).toBe(0)
      expect(main.outputs.refreshed).toBe('true')
      const newest = r.chain.oauth.current
      expect(JSON.parse(r.chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(newest)
      // Only the credentials file handed to the CLI holds it (and the output carrying it, by design).
      expect(filesHolding(r, newest, [credentialsFileOf(r)])).toEqual([])
      expect(existsSync(credentialsFileOf(r))).toBe(writeFile === 'true')

      const post = await r.post(main)
      expect(post.code).toBe(0)
      expect(filesHolding(r, newest)).toEqual([])
      expect(existsSync(credentialsFileOf(r))).toBe(false)
    },
    120_000
  )

  it('stores a refresh token the CLI rotated, then removes the file', async () => {
    const r = await jobs.start({ 'write-credentials-file': 'true' })
    const main = await r.main()
    expect(main.code).toBe(0)
    // The CLI refreshes during the run and rewrites its file (pretty-printed, as it does).
    const file = credentialsFileOf(r)
    const document = JSON.parse(readFileSync(file, 'utf8'))
    const answer = await send({
      url: r.chain.oauth.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: document.claudeAiOauth.refreshToken,
        client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e'
      })
    })
    const rotated = JSON.parse(answer.text)
    Object.assign(document.claudeAiOauth, {
      accessToken: rotated.access_token,
      refreshToken: rotated.refresh_token,
      expiresAt: Date.now() + 8 * 3600_000
    })
    writeFileSync(file, JSON.stringify(document, null, 2), { mode: 0o600 })

    const post = await r.post(main)
    expect(post.code).toBe(0)
    expect(JSON.parse(r.chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      rotated.refresh_token
    )
    expect(existsSync(file)).toBe(false)
    expect(r.chain.oauth.replays).toBe(0)
  }, 120_000)

  it.each([
    [
      'a field Claude Code never writes',
      mallory('sk-ant-oat01-mallorys-access-token-0000', { account: 'mallory' })
    ],
    ['an access token of the wrong kind', mallory('sk-ant-api03-mallorys-api-key-000000000')],
    [
      'an expiry that is not epoch ms',
      mallory('sk-ant-oat01-mallorys-access-token-0000', { expiresAt: 'never' })
    ]
  ])(
    'refuses a credentials file a later step planted with %s: not stored, warned, removed',
    async (_what, planted) => {
      const r = await jobs.start({ 'write-credentials-file': 'true' })
      const main = await r.main()
      expect(main.code).toBe(0)
      const stored = r.chain.secretValue()
      writeFileSync(credentialsFileOf(r), planted, { mode: 0o600 })

      const post = await r.post(main)
      expect(r.chain.secretValue()).toBe(stored)
      expect(post.commands.find(c => c.command === 'warning')?.message).toMatch(
        /the credentials file .*\.credentials\.json holds a refresh token this run did not hand on, but .*not stored/
      )
      // Refused values are never masked: only what passed the shape check (see planted-credentials.test.ts).
      expect(post.stdout).not.toContain('::add-mask::sk-ant-ort01-mallorys-refresh-token-000000')
      expect(existsSync(credentialsFileOf(r))).toBe(false)
    },
    120_000
  )
})

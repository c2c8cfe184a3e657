// Issue 8, item 1: the post step's secret write-back cannot be steered by a later step of the job. Such a step can
// write RUNNER_TEMP and $GITHUB_ENV (and so inject STATE_* variables the runner does not override), but the target
// comes only from the post step's inputs and GITHUB_REPOSITORY, main saves every state key (so an injected one is
// overridden), and the pending file must be the one main bound in the state (nonce and SHA-256), a regular file,
// not a symlink. The same holds for STATE_preflight, whose text reaches the job summary and the PR comment.
import { describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash, randomBytes } from 'node:crypto'
import { seedSecret, readSecret } from '../../stand-ins/github-secrets.js'
import { startGitHubStandIn } from '../../stand-ins/github.js'
import { issuesRoutes } from '../../stand-ins/github-issues.js'
import { REPO, SECRET } from '../support/refresh-chain.js'
import {
  MAIN,
  POST,
  pendingFileOf,
  secretWrites,
  eachRefreshJob,
  type RefreshJob
} from '../support/refresh-job.js'
import { newJob, runAction, type RunResult } from '../support/runner.js'

const ORG = { org: REPO.owner }
const jobs = eachRefreshJob()

/** Other secrets the PAT can write: the attacker's targets. */
function seedOtherSecrets(r: RefreshJob) {
  const state = r.chain.github.state
  seedSecret(state, REPO, 'DEPLOY_KEY', 'deploy-key-as-set')
  seedSecret(state, ORG, 'ORG_TOKEN', 'org-token-as-set')
  return () => ({
    deploy: readSecret(state, REPO, 'DEPLOY_KEY'),
    org: readSecret(state, ORG, 'ORG_TOKEN'),
    credentials: r.chain.secretValue()
  })
}

/** A write-back file as the attacker writes it: the target and value it chooses. */
function plantedFile(dir: string, target: object, value: string): string {
  const path = join(dir, `claude-preflight-refresh-${randomBytes(3).toString('hex')}.json`)
  const text = JSON.stringify({
    version: 1,
    target,
    value,
    refreshToken: 'sk-ant-ort01-attacker',
    json: false,
    refreshedAt: new Date().toISOString(),
    written: false
  })
  writeFileSync(path, text, { mode: 0o600 })
  return path
}

const postWrites = (r: RefreshJob, before: number) => secretWrites(r.chain).slice(before)

/** Main refreshes but cannot write the secret (502), so it leaves the value for the post step. */
async function mainWithFailedWrite(r: RefreshJob): Promise<RunResult> {
  r.chain.githubFault.fn = request =>
    request.method === 'PUT' ? { status: 502, body: { message: 'Server Error' } } : undefined
  const main = await r.main()
  r.chain.githubFault.fn = undefined
  expect(main.outputs.refreshed).toBe('true')
  expect(main.code).toBe(1)
  return main
}

describe('the secret write-back cannot be steered by a later step', () => {
  it('ignores a STATE_refresh-pending injected through $GITHUB_ENV, whatever file it names', async () => {
    // No refresh is due (the credentials last 10 minutes, 1 minute is asked for): main has nothing to hand on.
    const r = await jobs.start({ 'min-remaining': '1m' })
    const secrets = seedOtherSecrets(r)
    const main = await r.main()
    expect(main.code).toBe(0)
    expect(main.outputs.refreshed).toBe('false')
    const before = secretWrites(r.chain).length

    const attackerDir = mkdtempSync(join(r.job.dir, 'later-step-'))
    const boundValue = JSON.stringify({
      claudeAiOauth: {
        accessToken: 'sk-ant-oat01-mallorys-access-token',
        refreshToken: 'sk-ant-ort01-mallorys-refresh-token',
        expiresAt: Date.now() + 3600_000
      }
    })
    const boundText = JSON.stringify({
      version: 2,
      nonce: 'a'.repeat(32),
      value: boundValue,
      json: true,
      refreshTokenSha256: 'b'.repeat(64)
    })
    const boundPath = join(attackerDir, 'claude-preflight-refresh-1.json')
    writeFileSync(boundPath, boundText, { mode: 0o600 })
    const injections = [
      // An unrelated repository secret, then an organisation secret, with values the attacker chose.
      plantedFile(
        attackerDir,
        { scope: { kind: 'repo' }, name: 'DEPLOY_KEY', ...REPO },
        'chosen-1'
      ),
      plantedFile(attackerDir, { scope: { kind: 'org' }, name: 'ORG_TOKEN', ...REPO }, 'chosen-2'),
      // A file with a binding of its own, to put other credentials in the secret the inputs name.
      JSON.stringify({
        path: boundPath,
        nonce: 'a'.repeat(32),
        sha256: createHash('sha256').update(boundText).digest('hex')
      })
    ]
    for (const injected of injections) {
      const post = await r.post(main, { 'refresh-pending': injected })
      expect(post.code).toBe(0)
    }
    expect(postWrites(r, before)).toEqual([])
    expect(secrets()).toEqual({
      deploy: 'deploy-key-as-set',
      org: 'org-token-as-set',
      credentials: r.chain.seeded
    })
  }, 120_000)

  it('refuses a write-back file a later step rewrote to name another secret', async () => {
    const r = await jobs.start()
    const secrets = seedOtherSecrets(r)
    const main = await mainWithFailedWrite(r)
    const before = secretWrites(r.chain).length
    const path = pendingFileOf(r)
    writeFileSync(
      path,
      readFileSync(
        plantedFile(
          mkdtempSync(join(tmpdir(), 'later-step-')),
          { scope: { kind: 'org' }, name: 'ORG_TOKEN', ...REPO },
          'chosen-by-a-later-step'
        )
      )
    )
    const post = await r.post(main)
    expect(postWrites(r, before)).toEqual([])
    expect(secrets().org).toBe('org-token-as-set')
    expect(secrets().deploy).toBe('deploy-key-as-set')
    const error = post.commands.find(c => c.command === 'error')
    expect(error?.message).toMatch(
      /refused the write-back file .*claude-preflight-refresh-\d+\.json: its content is not what the main step wrote; nothing was written back.*re-seed: .*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/
    )
    expect(post.stdout).not.toContain('chosen-by-a-later-step')
    expect(existsSync(path)).toBe(false)
  }, 120_000)

  it('refuses a write-back file replaced by a symbolic link, even to the same content', async () => {
    const r = await jobs.start()
    const main = await mainWithFailedWrite(r)
    const before = secretWrites(r.chain).length
    const path = pendingFileOf(r)
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'later-step-')), 'moved.json')
    renameSync(path, elsewhere)
    symlinkSync(elsewhere, path)
    const post = await r.post(main)
    expect(postWrites(r, before)).toEqual([])
    expect(post.commands.find(c => c.command === 'error')?.message).toMatch(
      /refused the write-back file .*: it is a symbolic link; nothing was written back/
    )
    // The link is removed, never what it points to.
    expect(existsSync(path)).toBe(false)
    expect(existsSync(elsewhere)).toBe(true)
  }, 120_000)

  it('the write-back file carries only the value: post writes it to the secret its inputs name', async () => {
    const r = await jobs.start()
    const main = await mainWithFailedWrite(r)
    expect(Object.keys(JSON.parse(readFileSync(pendingFileOf(r), 'utf8'))).sort()).toEqual([
      'error',
      'json',
      'nonce',
      'refreshTokenSha256',
      'updatedAt',
      'value',
      'version'
    ])
    const post = await r.post(main)
    expect(post.code).toBe(0)
    expect(JSON.parse(r.chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      r.chain.oauth.current
    )
    expect(secretWrites(r.chain).at(-1)).toBe(`/repos/acme/app/actions/secrets/${SECRET}`)
  }, 120_000)
})

describe('the preflight state cannot be steered by a later step', () => {
  it('ignores a STATE_preflight injected through $GITHUB_ENV: no mention or link reaches the summary or the PR comment', async () => {
    const github = (await startGitHubStandIn({
      routes: issuesRoutes,
      tokens: ['ghs_security'],
      state: {}
    })) as { url: string; state: any; close(): Promise<void> } // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      const job = newJob()
      const transcript = join(job.dir, 'claude.jsonl')
      writeFileSync(
        transcript,
        `${JSON.stringify({
          type: 'assistant',
          message: {
            model: '<synthetic>',
            content: [
              {
                type: 'text',
                text: 'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.'
              }
            ]
          },
          error: 'authentication_failed',
          is_api_error_message: true,
          api_error_status: 401,
          api_error_type: 'authentication_error',
          timestamp: new Date().toISOString()
        })}\n`
      )
      const event = join(job.dir, 'event.json')
      writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }))
      const env = {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '77'
      }
      const inputs = {
        'github-token': 'ghs_security',
        'claude-output': transcript,
        'pr-comment': 'true'
      }
      // No credential at all: main fails, and before this fix saved no state.
      const main = await runAction(MAIN, { job, inputs, env })
      expect(main.code).toBe(1)
      const injected = JSON.stringify({
        source: 'claude-code-oauth-token',
        label: '@acme/admins see https://evil.example/login',
        fingerprint: 'sk-ant-oat01:deadbeef',
        status: 'valid'
      })
      const post = await runAction(POST, {
        job,
        inputs,
        env,
        state: { preflight: injected, ...main.state }
      })
      const comments: Array<{ body: string }> = github.state.comments?.['acme/app#7'] ?? []
      expect(comments).toHaveLength(1)
      expect(post.summary).toMatch(/anthropic-auth-expired/)
      for (const text of [post.summary, comments[0]?.body ?? '', post.stdout]) {
        expect(text).not.toContain('@acme/admins')
        expect(text).not.toContain('evil.example')
        expect(text).not.toContain('deadbeef')
      }
    } finally {
      await github.close()
    }
  }, 120_000)
})

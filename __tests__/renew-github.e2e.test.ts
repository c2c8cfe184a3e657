// Inputs `renew`, `app-id` and `private-key`, end to end as the runner runs a job: the GitHub API stand-in mints a
// GitHub App's installation tokens that live 4 seconds, and a git smart-HTTP stand-in (git's own git-http-backend)
// takes only a live one. The workspace is a checkout whose token actions/checkout persisted as an extraheader; the
// bundled main step starts the renewer, which mints the App's token again before each one ends and rewrites that
// extraheader; `git push` then works over several tokens' lives, and the bundled post step stops the renewer, revokes
// the last token it minted and reports. Without the renewer the same push fails once the checkout's token has expired.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { send } from '../src/http/request.js'
import { mintAppInstallationToken, parseAppPrivateKey } from '../src/github/app-token.js'
import { basicCredential } from '../src/renew/git-credentials.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { appsRoutes } from '../stand-ins/github-apps.js'
import { tokensRoutes } from '../stand-ins/github-tokens.js'
import { startGitHttpStandIn } from '../stand-ins/git-http.js'
import { newJob, runAction, type Job } from './support/runner.js'
import { findLeaks } from './support/leaks.js'
import { alive, pushJobEnv, renewalRunChannels } from './support/claude-step.js'

const run = promisify(execFile)
const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const KEY = 'sk-ant-api03-RenewGitHub-valid-key-000000000'
const APP_ID = '424242'
const TOKEN_LIFETIME_SECONDS = 4
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()

type GitHub = Awaited<ReturnType<typeof startGitHubStandIn>> & {
  state: {
    githubTokens?: Record<string, { expiresAt: Date; revoked: boolean }>
    minted?: Array<{ token: string }>
  }
}
let github: GitHub
let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
let gitServer: Awaited<ReturnType<typeof startGitHttpStandIn>>

beforeAll(async () => {
  expect(existsSync('dist/renewer/index.js')).toBe(true) // run `npm run bundle` first
  github = (await startGitHubStandIn({
    routes: [...appsRoutes, ...tokensRoutes],
    state: {
      apps: { [APP_ID]: { publicKey, slug: 'preflight-e2e', installations: { 'acme/app': 7 } } },
      tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS
    }
  })) as GitHub
  api = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' } })
  const root = mkdtempSync(join(tmpdir(), 'renew-github-e2e-'))
  mkdirSync(join(root, 'acme'))
  execFileSync('git', ['init', '-q', '--bare', join(root, 'acme', 'app.git')])
  gitServer = await startGitHttpStandIn({
    root,
    accepts: token => {
      const entry = github.state.githubTokens?.[token]
      return !!entry && !entry.revoked && entry.expiresAt.getTime() > Date.now()
    }
  })
})
afterAll(async () => {
  await github.close()
  await api.close()
  await gitServer.close()
})

const WORKFLOW = `on: push
jobs:
  claude:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_PRIVATE_KEY }}
      - uses: actions/checkout@v5
        with:
          token: \${{ steps.app.outputs.token }}
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          renew: true
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_PRIVATE_KEY }}
      - name: Claude
        run: claude -p "fix it and push" --allowedTools "Bash(git push:*)"
`

/**
 * The job: its checkout's origin on the git stand-in, and the App token the checkout persisted as its extraheader
 * (actions/checkout with `token:` from an earlier create-github-app-token step), minted now with four seconds of life.
 */
async function jobWithCheckout(): Promise<{
  job: Job
  env: Record<string, string>
  workspace: string
}> {
  const job = newJob()
  const env: Record<string, string> = {
    ...pushJobEnv(job, WORKFLOW, github.url),
    GITHUB_SERVER_URL: gitServer.url,
    ANTHROPIC_BASE_URL: api.url,
    ANTHROPIC_API_KEY: KEY,
    HOME: job.dir
  }
  const workspace = env.GITHUB_WORKSPACE!
  const key = parseAppPrivateKey(PEM)
  if (!('key' in key)) throw new Error(key.problem)
  const minted = await mintAppInstallationToken(
    { appId: APP_ID, key: key.key, repository: 'acme/app', apiUrl: github.url },
    { send, timeoutMs: 10_000, mask: () => undefined, now: Date.now }
  )
  if (!('token' in minted)) throw new Error(minted.message)
  const git = (...args: string[]) => execFileSync('git', ['-C', workspace, ...args])
  git('remote', 'add', 'origin', `${gitServer.url}/acme/app.git`)
  git(
    'config',
    `http.${gitServer.url}/.extraheader`,
    `AUTHORIZATION: basic ${basicCredential(minted.token)}`
  )
  return { job, env, workspace }
}

/** `git push` of a new commit to its own branch, as Claude would push; git's exit code. */
async function push(
  workspace: string,
  branch: string,
  env: Record<string, string>
): Promise<number> {
  const gitEnv = { PATH: process.env.PATH ?? '', HOME: env.HOME!, GIT_TERMINAL_PROMPT: '0' }
  execFileSync(
    'git',
    [
      '-C',
      workspace,
      '-c',
      'user.name=claude',
      '-c',
      'user.email=c@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      branch
    ],
    { env: gitEnv }
  )
  try {
    await run('git', ['-C', workspace, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`], {
      env: gitEnv
    })
    return 0
  } catch (error) {
    return (error as { code: number }).code
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe("renew: a GitHub App's installation token for git push outlives its lifetime", () => {
  it('with the renewer git pushes over several tokens; the post step stops it and says what it did', async () => {
    const { job, env, workspace } = await jobWithCheckout()
    const main = await runAction(MAIN, {
      job,
      inputs: { renew: 'true', 'app-id': APP_ID, 'private-key': PEM, 'probe-timeout': '30s' },
      env
    })
    expect(main.code).toBe(0)
    expect(main.outputs.status).toBe('valid')
    const binding = JSON.parse(main.state.renewer!) as { pid: number; dir: string }
    expect(alive(binding.pid)).toBe(true)
    expect(statSync(join(binding.dir, 'github-token')).mode & 0o777).toBe(0o600)
    const ghConfigDir = main.env.GH_CONFIG_DIR
    expect(ghConfigDir).toBe(join(binding.dir, 'gh'))
    expect(readFileSync(join(ghConfigDir!, 'hosts.yml'), 'utf8')).toContain('oauth_token: ghs_')
    expect(main.stdout).toMatch(/GH_CONFIG_DIR points there for the steps that follow/)

    // Five pushes half a token's life apart, each with the token the renewer last wrote: the last one comes two lives
    // and more after the first, when the token main minted is long dead, however slow the machine.
    const started = Date.now()
    const codes: number[] = []
    for (let n = 0; n < 5; n++) {
      if (n > 0) await sleep(TOKEN_LIFETIME_SECONDS * 500)
      codes.push(await push(workspace, `claude/push-${n}`, env))
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * TOKEN_LIFETIME_SECONDS * 1000)
    expect(codes).toEqual([0, 0, 0, 0, 0])
    const minted = Object.keys(github.state.githubTokens ?? {})
    expect(minted.length).toBeGreaterThanOrEqual(4)

    const proc = {
      cmdline: readFileSync(`/proc/${binding.pid}/cmdline`, 'utf8'),
      environ: readFileSync(`/proc/${binding.pid}/environ`, 'utf8')
    }
    expect(
      findLeaks(proc, [...minted, ...PEM.split('\n').filter(line => line.length > 20)])
    ).toEqual([])

    const post = await runAction(POST, { job, state: main.state, inputs: {}, env })
    expect(post.code).toBe(0)
    expect(alive(binding.pid)).toBe(false)
    expect(existsSync(binding.dir)).toBe(false)
    const report = post.commands.find(c => c.command === 'notice' && /renewer/.test(c.message))
    expect(report?.message).toMatch(/renewed the GitHub token git and gh use \d+ times/)
    // The last token the renewer minted is revoked, as actions/create-github-app-token's post step revokes its own.
    const last = github.state.minted!.at(-1)!.token
    const revocations = github.requests.filter(
      request => request.method === 'DELETE' && request.path === '/installation/token'
    )
    expect(revocations.map(request => request.token)).toEqual([last])
    expect(github.state.githubTokens![last]!.revoked).toBe(true)
    expect(post.commands.filter(c => /revoke/.test(c.message))).toEqual([])
    expect(
      findLeaks(renewalRunChannels(main, post), [
        ...minted,
        ...PEM.split('\n').filter(line => line.length > 20)
      ])
    ).toEqual([])
  }, 120_000)

  it("without the renewer the checkout's token expires, and git push fails", async () => {
    const { job, env, workspace } = await jobWithCheckout()
    const main = await runAction(MAIN, { job, inputs: { 'probe-timeout': '30s' }, env })
    expect(main.state.renewer).toBe('')
    await sleep((TOKEN_LIFETIME_SECONDS + 1) * 1000)
    const refusals = gitServer.requests.filter(request => !request.accepted).length
    expect(await push(workspace, 'claude/after', env)).toBe(128)
    expect(gitServer.requests.filter(request => !request.accepted).length).toBeGreaterThan(refusals)
  }, 60_000)
})

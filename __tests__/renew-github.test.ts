// The GitHub token source: the App's key read (or refused without quoting it), its JWT, the installation token minted
// over loopback from the GitHub stand-in's App routes (a refusal permanent, a 5xx not), claude-code-action's exchange
// as the other way to mint, the token handed to a real git checkout's configuration (actions/checkout's extraheader in
// both layouts, claude-code-action's remote URL, nothing added where git holds no token) and to gh's hosts.yml, the job
// description read defensively, and when the source applies.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { generateKeyPairSync, createVerify, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { send } from '../src/http/request.js'
import { appJwt, mintAppInstallationToken, parseAppPrivateKey } from '../src/github/app-token.js'
import { basicCredential, handTokenToGit, rewriteGitConfig } from '../src/renew/git-credentials.js'
import {
  ghConfigFiles,
  GITHUB_SOURCE,
  INSTALLATION_TOKEN_LIFETIME_MS,
  mintGitHubToken,
  planGitHubRenewal,
  type GitHubJob
} from '../src/renew/github.js'
import type { PlanContext } from '../src/renew/source.js'
import { endSourceFiles } from '../src/renew/stop.js'
import { readMainInputs } from '../src/inputs/main.js'
import { sha256Hex } from '../src/state/index.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { appsRoutes } from '../stand-ins/github-apps.js'
import { tokensRoutes } from '../stand-ins/github-tokens.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startAppExchangeStandIn } from '../stand-ins/app-exchange.js'

const run = promisify(execFile)
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const APP_ID = '123456'
const REPOSITORY = 'octo-org/app-repo'
const calls = { send, timeoutMs: 10_000, mask: () => undefined, now: Date.now }

type Fault = { status: number; body?: unknown }

async function githubWithApp(
  options: { fault?: (request: { path: string }) => Fault | undefined } = {}
) {
  const github = await startGitHubStandIn({
    routes: [...appsRoutes, ...tokensRoutes],
    state: {
      apps: {
        [APP_ID]: { publicKey, slug: 'preflight-test', installations: { [REPOSITORY]: 42 } }
      },
      tokenLifetimeSeconds: 3600
    },
    ...(options.fault && { fault: options.fault })
  })
  closers.push(() => github.close())
  return github as typeof github & {
    state: {
      minted?: unknown[]
      githubTokens: Record<string, { expiresAt: Date }>
      tokenText?: () => string
    }
  }
}

const keyOf = (pem: string): KeyObject => {
  const parsed = parseAppPrivateKey(pem)
  if (!('key' in parsed)) throw new Error(parsed.problem)
  return parsed.key
}

describe('parseAppPrivateKey', () => {
  it('reads the PKCS#1 PEM the App settings download, PKCS#8, and one pasted with \\n for newlines', () => {
    expect(keyOf(PEM).asymmetricKeyType).toBe('rsa')
    expect(keyOf(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()).type).toBe(
      'private'
    )
    expect(keyOf(PEM.trim().replace(/\n/g, '\\n')).asymmetricKeyType).toBe('rsa')
  })

  it('refuses anything else in one line that never quotes it', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString()
    const broken = PEM.replace(/\n[A-Za-z0-9+/]{20}/, '\nLEAKED-LINE-of-key!!')
    const cases: Array<[string, RegExp]> = [
      ['LEAKED-not-a-key', /not a PEM private key/],
      [ec, /ec key, and GitHub Apps sign with RSA/],
      [broken, /does not decode to a private key/]
    ]
    for (const [text, problem] of cases) {
      const parsed = parseAppPrivateKey(text)
      expect('problem' in parsed && parsed.problem).toMatch(problem)
      expect(JSON.stringify(parsed)).not.toContain('LEAKED')
    }
  })
})

describe('appJwt', () => {
  it('is RS256 over the App ID, issued a minute back, living ten minutes at most', () => {
    const now = 1_800_000_000_000
    const jwt = appJwt(APP_ID, keyOf(PEM), now)
    const [header, payload, signature] = jwt.split('.') as [string, string, string]
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'RS256',
      typ: 'JWT'
    })
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    expect(claims).toEqual({ iat: now / 1000 - 60, exp: now / 1000 + 540, iss: 123456 })
    const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`)
    expect(verifier.verify(publicKey, Buffer.from(signature, 'base64url'))).toBe(true)
    // A Client ID stays a string.
    const byClient = appJwt('Iv23liABC', keyOf(PEM), now).split('.')[1]!
    expect(JSON.parse(Buffer.from(byClient, 'base64url').toString()).iss).toBe('Iv23liABC')
  })
})

describe('mintAppInstallationToken', () => {
  it("looks the repository's installation up and mints a token for that repository alone", async () => {
    const github = await githubWithApp()
    const masked: string[] = []
    const minted = await mintAppInstallationToken(
      { appId: APP_ID, key: keyOf(PEM), repository: REPOSITORY, apiUrl: github.url },
      { ...calls, mask: value => masked.push(value) }
    )
    if (!('token' in minted)) throw new Error(minted.message)
    expect(minted.token).toMatch(/^ghs_/)
    expect(masked).toEqual([minted.token])
    expect(Math.abs(minted.expiresAt.getTime() - (Date.now() + 3_600_000))).toBeLessThan(10_000)
    expect(github.state.minted).toEqual([
      { token: minted.token, installation: 42, repositories: ['app-repo'] }
    ])
    expect(github.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${REPOSITORY}/installation`,
      'POST /app/installations/42/access_tokens'
    ])
  })

  it("takes GitHub's 4xx as a refusal: another key, an App not installed on the repository", async () => {
    const github = await githubWithApp()
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    const wrongKey = await mintAppInstallationToken(
      { appId: APP_ID, key: other, repository: REPOSITORY, apiUrl: github.url },
      calls
    )
    expect(wrongKey).toEqual({
      problem: 'refused',
      message: 'the installation lookup: HTTP 401: A JSON web token could not be decoded',
      httpStatus: 401
    })
    const notInstalled = await mintAppInstallationToken(
      { appId: APP_ID, key: keyOf(PEM), repository: 'octo-org/elsewhere', apiUrl: github.url },
      calls
    )
    expect(notInstalled).toMatchObject({ problem: 'refused', httpStatus: 404 })
  })

  it('tries a 5xx again and, when it lasts, calls it unverifiable with the attempts', async () => {
    let failures = 0
    const github = await githubWithApp({
      fault: request =>
        request.path.endsWith('/access_tokens') && failures++ < 10
          ? { status: 502, body: { message: 'Server Error' } }
          : undefined
    })
    const outcome = await mintAppInstallationToken(
      { appId: APP_ID, key: keyOf(PEM), repository: REPOSITORY, apiUrl: github.url },
      { ...calls, attempts: 3, baseDelayMs: 10 }
    )
    expect(outcome).toEqual({
      problem: 'unverifiable',
      message: 'the token request: HTTP 502: Server Error after 3 attempts',
      httpStatus: 502
    })
  })
})

const SERVER = 'https://github.com'
const header = (token: string) => `AUTHORIZATION: basic ${basicCredential(token)}`

describe('rewriteGitConfig', () => {
  it("replaces the checkout's extraheader and claude-code-action's remote URL token, nothing else", () => {
    const text = [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "origin"]',
      '\turl = https://x-access-token:ghs_old@github.com/octo-org/app-repo.git',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[http "https://github.com/"]',
      `\textraheader = ${header('ghs_old')}`,
      '[http "https://other.example/"]',
      `\textraheader = ${header('kept')}`,
      ''
    ].join('\n')
    expect(rewriteGitConfig(text, SERVER, 'ghs_new', ['remote URL'])).toEqual({
      text: text.replace('x-access-token:ghs_old@', 'x-access-token:ghs_new@'),
      rewritten: ['remote URL']
    })
    const { text: rewritten, rewritten: what } = rewriteGitConfig(text, SERVER, 'ghs_new')
    expect(what.sort()).toEqual(['extraheader', 'remote URL'])
    expect(rewritten).toBe(
      text
        .replace('x-access-token:ghs_old@', 'x-access-token:ghs_new@')
        .replace(header('ghs_old'), header('ghs_new'))
    )
  })

  it("keeps the job's own GITHUB_TOKEN, known by its SHA-256 alone, wherever git holds it", () => {
    const text = [
      '[remote "origin"]',
      '\turl = https://x-access-token:ghs_job@github.com/octo-org/app-repo.git',
      '[http "https://github.com/"]',
      `\textraheader = ${header('ghs_job')}`,
      ''
    ].join('\n')
    const keep = sha256Hex('ghs_job')
    expect(rewriteGitConfig(text, SERVER, 'ghs_new', undefined, keep)).toEqual({
      text,
      rewritten: []
    })
    const earlier = text
      .replace('ghs_job@', 'ghs_app@')
      .replace(header('ghs_job'), header('ghs_app'))
    expect(rewriteGitConfig(earlier, SERVER, 'ghs_new', undefined, keep).rewritten.sort()).toEqual([
      'extraheader',
      'remote URL'
    ])
  })

  it('leaves a URL without a token, another header and another remote alone', () => {
    const text = [
      '[remote "origin"]',
      '\turl = https://github.com/octo-org/app-repo.git',
      '[remote "fork"]',
      '\turl = https://x-access-token:ghs_old@github.com/me/fork.git',
      '[remote "origin"]',
      '\turl = https://x-access-token:ghs_old@evil.example/github.com/x.git',
      '[http "https://github.com/"]',
      '\textraheader = X-Custom: value',
      `\textraheader = AUTHORIZATION: basic ${Buffer.from('user:pat').toString('base64')}`
    ].join('\n')
    expect(rewriteGitConfig(text, SERVER, 'ghs_new')).toEqual({ text, rewritten: [] })
  })
})

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' }
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim()

function checkout(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'renew-github-ws-'))
  git(workspace, 'init', '-q')
  git(workspace, 'remote', 'add', 'origin', `${SERVER}/${REPOSITORY}.git`)
  return workspace
}

describe('handTokenToGit, on a real checkout', () => {
  it("rewrites actions/checkout's extraheader in .git/config (checkout before v6)", async () => {
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_old'))
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: ['extraheader']
    })
    expect(git(workspace, 'config', '--get-all', `http.${SERVER}/.extraheader`)).toBe(
      header('ghs_new')
    )
    expect(git(workspace, 'remote', 'get-url', 'origin')).toBe(`${SERVER}/${REPOSITORY}.git`)
  })

  it('rewrites the file under RUNNER_TEMP that .git/config includes (checkout v6), keeping its mode', async () => {
    const workspace = checkout()
    const credentials = join(
      mkdtempSync(join(tmpdir(), 'renew-github-temp-')),
      'git-credentials-1.config'
    )
    writeFileSync(credentials, `[http "${SERVER}/"]\n\textraheader = ${header('ghs_old')}\n`, {
      mode: 0o640
    })
    git(workspace, 'config', `includeIf.gitdir:${join(workspace, '.git')}.path`, credentials)
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: ['extraheader']
    })
    expect(readFileSync(credentials, 'utf8')).toBe(
      `[http "${SERVER}/"]\n\textraheader = ${header('ghs_new')}\n`
    )
    expect(statSync(credentials).mode & 0o777).toBe(0o640)
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).not.toContain('ghs_')
  })

  it("rewrites claude-code-action's remote URL; adds nothing to a checkout that holds no token", async () => {
    const workspace = checkout()
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: []
    })
    const before = readFileSync(join(workspace, '.git', 'config'), 'utf8')
    expect(before).not.toContain('ghs_new')
    git(
      workspace,
      'remote',
      'set-url',
      'origin',
      `https://x-access-token:ghs_old@github.com/${REPOSITORY}.git`
    )
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: ['remote URL']
    })
    expect(git(workspace, 'remote', 'get-url', 'origin')).toBe(
      `https://x-access-token:ghs_new@github.com/${REPOSITORY}.git`
    )
  })

  it("waits for another git's lock, and says so when it is never let go", async () => {
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_old'))
    const lock = join(workspace, '.git', 'config.lock')
    writeFileSync(lock, '')
    const released = new Promise<void>(resolve =>
      setTimeout(() => {
        execFileSync('rm', [lock])
        resolve()
      }, 200)
    )
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: ['extraheader']
    })
    await released
    writeFileSync(lock, '')
    expect(await handTokenToGit(workspace, { server: SERVER, token: 'ghs_newer' }, gitEnv)).toEqual(
      {
        problem: `git's configuration ${join(workspace, '.git', 'config')} could not be rewritten (EEXIST)`
      }
    )
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header('ghs_new'))
  })

  it('does nothing where the workspace is no checkout', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'renew-github-empty-'))
    expect(await handTokenToGit(empty, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      rewritten: []
    })
  })

  it('says so when git cannot tell where its token is: missing, or refusing the checkout', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'renew-github-empty-'))
    expect(
      await handTokenToGit(empty, { server: SERVER, token: 'ghs_new' }, { PATH: '/nonexistent' })
    ).toEqual({ problem: 'git could not run (ENOENT)' })
    const broken = mkdtempSync(join(tmpdir(), 'renew-github-broken-'))
    git(broken, 'init', '-q')
    writeFileSync(join(broken, '.git', 'config'), '[core\n\tbare = false\n')
    expect(await handTokenToGit(broken, { server: SERVER, token: 'ghs_new' }, gitEnv)).toEqual({
      problem: `git config exited with code 128 in ${broken}`
    })
  })
})

describe('mintGitHubToken', () => {
  const jobIn = (dir: string, fields: Partial<GitHubJob>): GitHubJob => ({
    kind: 'github',
    file: join(dir, 'github-token'),
    server: SERVER,
    via: 'app',
    appId: APP_ID,
    privateKey: PEM,
    repository: REPOSITORY,
    ...fields
  })

  it("mints from the App's key, hands the token to git and gh, and returns it with GitHub's expires_at", async () => {
    const github = await githubWithApp()
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_old'))
    const dir = mkdtempSync(join(tmpdir(), 'renew-github-dir-'))
    const outcome = await mintGitHubToken(jobIn(dir, { apiUrl: github.url, workspace }), calls)
    if (!('minted' in outcome)) throw new Error(outcome.failure)
    const token = outcome.minted.value
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header(token))
    expect(readFileSync(join(dir, 'gh', 'hosts.yml'), 'utf8')).toBe(
      ghConfigFiles(SERVER, token).hosts
    )
    expect(readFileSync(join(dir, 'gh', 'config.yml'), 'utf8')).toBe('version: "1"\n')
    expect(statSync(join(dir, 'gh', 'hosts.yml')).mode & 0o777).toBe(0o600)
    const expiresAt = github.state.githubTokens[token]!.expiresAt.getTime()
    // GitHub's expires_at is whole seconds.
    expect(expiresAt - outcome.minted.expiresAt).toBeGreaterThanOrEqual(0)
    expect(expiresAt - outcome.minted.expiresAt).toBeLessThan(1_000)
  })

  it('a refusal or a bad key is permanent; a 5xx is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renew-github-dir-'))
    const github = await githubWithApp()
    expect(
      await mintGitHubToken(
        jobIn(dir, { apiUrl: github.url, repository: 'octo-org/elsewhere' }),
        calls
      )
    ).toEqual({
      failure: "GitHub's App API: the installation lookup: HTTP 404: Not Found",
      permanent: true
    })
    expect(await mintGitHubToken(jobIn(dir, { privateKey: 'LEAKED' }), calls)).toEqual({
      failure: expect.stringMatching(/^input 'private-key': it is not a PEM private key/),
      permanent: true
    })
    const down = await githubWithApp({
      fault: () => ({ status: 503, body: { message: 'Unavailable' } })
    })
    const outcome = await mintGitHubToken(jobIn(dir, { apiUrl: down.url }), {
      ...calls,
      timeoutMs: 2_000
    })
    expect(outcome).toMatchObject({ permanent: false })
    expect(JSON.stringify(outcome)).not.toContain('LEAKED')
  })

  it("leaves actions/checkout's default extraheader, the job's GITHUB_TOKEN, as it is", async () => {
    const github = await githubWithApp()
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_job'))
    const dir = mkdtempSync(join(tmpdir(), 'renew-github-dir-'))
    const job = jobIn(dir, { apiUrl: github.url, workspace, jobTokenSha256: sha256Hex('ghs_job') })
    const outcome = await mintGitHubToken(job, calls)
    if (!('minted' in outcome)) throw new Error(outcome.failure)
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header('ghs_job'))
    expect(readFileSync(join(dir, 'gh', 'hosts.yml'), 'utf8')).toContain(outcome.minted.value)
    // The checkout was given an earlier App token: that one the renewal replaces.
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header(outcome.minted.value))
    const again = await mintGitHubToken(job, calls)
    if (!('minted' in again)) throw new Error(again.failure)
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header(again.minted.value))
  })

  it("refuses a token outside GitHub's alphabet before git or gh sees it, never quoting it", async () => {
    const github = await githubWithApp()
    const hostile = `ghs_${'a'.repeat(36)}\n[core]\n\tfsmonitor = touch /tmp/pwned\n`
    github.state.tokenText = () => hostile
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_old'))
    const before = readFileSync(join(workspace, '.git', 'config'), 'utf8')
    const dir = mkdtempSync(join(tmpdir(), 'renew-github-dir-'))
    const outcome = await mintGitHubToken(jobIn(dir, { apiUrl: github.url, workspace }), calls)
    expect(outcome).toEqual({
      failure: expect.stringMatching(
        /^GitHub's App API answered a token that is not in GitHub's token alphabet/
      ),
      permanent: true
    })
    expect(JSON.stringify(outcome)).not.toContain('fsmonitor')
    expect(readFileSync(join(workspace, '.git', 'config'), 'utf8')).toBe(before)
    expect(existsSync(join(dir, 'gh'))).toBe(false)
    // A stateless installation token (`ghs_<app id>_<JWT>`, dots and dashes) is GitHub's own: handed on.
    const stateless = `ghs_${APP_ID}_eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2ln-_bmF0dXJl`
    github.state.tokenText = () => stateless
    expect(
      await mintGitHubToken(jobIn(dir, { apiUrl: github.url, workspace }), calls)
    ).toMatchObject({
      minted: { value: stateless }
    })
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header(stateless))
  })

  it("mints through claude-code-action's exchange with a fresh OIDC token, an hour of life", async () => {
    const oidc = await startGitHubOidcStandIn()
    const exchange = await startAppExchangeStandIn({ oidc })
    closers.push(
      () => oidc.close(),
      () => exchange.close()
    )
    const dir = mkdtempSync(join(tmpdir(), 'renew-github-dir-'))
    // The checkout's extraheader holds the job's GITHUB_TOKEN, claude-code-action's remote URL its App token.
    const workspace = checkout()
    git(workspace, 'config', `http.${SERVER}/.extraheader`, header('ghs_job'))
    const url = (token: string) => `https://x-access-token:${token}@github.com/${REPOSITORY}.git`
    git(workspace, 'remote', 'set-url', 'origin', url('ghs_action'))
    const before = Date.now()
    const outcome = await mintGitHubToken(
      {
        kind: 'github',
        file: join(dir, 'github-token'),
        server: SERVER,
        workspace,
        via: 'exchange',
        exchangeUrl: exchange.exchangeUrl,
        requestUrl: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        permissions: { contents: 'write' }
      },
      calls
    )
    if (!('minted' in outcome)) throw new Error(outcome.failure)
    expect(exchange.issued.map(issued => [issued.token, issued.permissions])).toEqual([
      [outcome.minted.value, { contents: 'write' }]
    ])
    expect(outcome.minted.expiresAt).toBeGreaterThanOrEqual(before + INSTALLATION_TOKEN_LIFETIME_MS)
    expect(git(workspace, 'remote', 'get-url', 'origin')).toBe(url(outcome.minted.value))
    expect(git(workspace, 'config', `http.${SERVER}/.extraheader`)).toBe(header('ghs_job'))
    exchange.scenario = 'not-installed'
    expect(
      await mintGitHubToken(
        {
          kind: 'github',
          file: join(dir, 'github-token'),
          server: SERVER,
          via: 'exchange',
          exchangeUrl: exchange.exchangeUrl,
          requestUrl: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL,
          requestToken: oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        },
        calls
      )
    ).toMatchObject({ permanent: true, failure: expect.stringMatching(/not installed/) })
  })
})

describe('at job end', () => {
  it('revokes the last token the file holds; says so, never quoting it, when it cannot', async () => {
    const github = await githubWithApp()
    const minted = await mintAppInstallationToken(
      { appId: APP_ID, key: keyOf(PEM), repository: REPOSITORY, apiUrl: github.url },
      calls
    )
    if (!('token' in minted)) throw new Error(minted.message)
    const deps = { send, env: { GITHUB_API_URL: github.url }, timeoutMs: 5_000 }
    expect(await GITHUB_SOURCE.atJobEnd!(`${minted.token}\n`, deps)).toBeUndefined()
    expect(github.state.githubTokens[minted.token]).toMatchObject({ revoked: true })
    const again = await GITHUB_SOURCE.atJobEnd!(minted.token, deps)
    expect(again).toMatch(/^could not revoke the last GitHub token it minted/)
    expect(again).not.toContain(minted.token)
    const deletes = () => github.requests.filter(request => request.method === 'DELETE').length
    const sent = deletes()
    expect(await GITHUB_SOURCE.atJobEnd!('ghs_x\n[core]\n', deps)).toMatch(/no GitHub token/)
    expect(
      await endSourceFiles({ github: minted.token }, deps, "did not send 'the renewer's token'")
    ).toEqual([`${GITHUB_SOURCE.what}: not ended: did not send 'the renewer's token'`])
    expect(deletes()).toBe(sent)
  })
})

describe('the job description', () => {
  const base = { kind: 'github', file: '/r/github-token', server: SERVER }
  it('keeps what each way of minting needs, and refuses a part without it', () => {
    const app = { ...base, via: 'app', appId: APP_ID, privateKey: PEM, repository: REPOSITORY }
    expect(GITHUB_SOURCE.readJob(app)).toEqual(app)
    const keeping = { ...app, jobTokenSha256: sha256Hex('ghs_job') }
    expect(GITHUB_SOURCE.readJob(keeping)).toEqual(keeping)
    expect(GITHUB_SOURCE.readJob({ ...app, privateKey: '' })).toBeUndefined()
    const exchange = {
      ...base,
      via: 'exchange',
      exchangeUrl: 'https://x/e',
      requestUrl: 'https://r/?a=1',
      requestToken: 'rt',
      permissions: { contents: 'write' }
    }
    expect(GITHUB_SOURCE.readJob(exchange)).toEqual(exchange)
    expect(GITHUB_SOURCE.readJob({ ...exchange, permissions: { contents: 1 } })).toEqual({
      ...exchange,
      permissions: undefined
    } as never)
    expect(GITHUB_SOURCE.readJob({ ...exchange, requestToken: 7 })).toBeUndefined()
    expect(GITHUB_SOURCE.readJob({ ...app, via: 'pat' })).toBeUndefined()
  })
})

describe('planGitHubRenewal', () => {
  const env = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: '/w',
    GITHUB_REPOSITORY: REPOSITORY,
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc/?v=2',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
  }
  const exchange = { url: 'https://api.anthropic.com/api/github/github-app-token-exchange' }
  const plan = (context: Partial<PlanContext>) =>
    planGitHubRenewal({
      selection: { others: [], warnings: [] },
      renewCommand: '',
      env,
      exchange,
      ...context
    })
  const app = { appId: APP_ID, privateKey: PEM }

  it("mints from the App's key when the inputs name an App, and warns of what outranks gh's hosts.yml", () => {
    const planned = plan({
      githubApp: app,
      github: {
        kind: 'secret',
        written: '${{ secrets.PAT }}',
        why: 'env GH_TOKEN of step claude: secret PAT'
      }
    })
    expect(planned).toMatchObject({
      job: { via: 'app', appId: APP_ID, repository: REPOSITORY, server: SERVER, workspace: '/w' },
      warnings: [
        expect.stringMatching(/^env GH_TOKEN of step claude: secret PAT: GH_TOKEN or GITHUB_TOKEN/)
      ]
    })
    expect(plan({ githubApp: app, github: { kind: 'none', why: '' } })).toMatchObject({
      warnings: []
    })
    expect(plan({ env: { ...env, GITHUB_REPOSITORY: '' }, githubApp: app })).toEqual({
      why: expect.stringMatching(/GITHUB_REPOSITORY is not set/)
    })
  })

  it("renews claude-code-action's Claude App token through its exchange, and says what stays out of reach", () => {
    const planned = plan({
      exchange: { ...exchange, permissions: { contents: 'write' } },
      github: { kind: 'claude-app', why: 'no github_token' }
    })
    expect(planned).toMatchObject({
      job: {
        via: 'exchange',
        exchangeUrl: exchange.url,
        requestToken: 'request-token',
        permissions: { contents: 'write' }
      },
      warnings: [
        expect.stringMatching(/MCP servers/),
        expect.stringMatching(/its own step, after this one/)
      ]
    })
    expect(
      plan({
        env: { ...env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
        github: { kind: 'claude-app', why: '' }
      })
    ).toEqual({ why: expect.stringMatching(/no OIDC token request/) })
  })

  it("hands the renewer the SHA-256 of input 'github-token' (the job's GITHUB_TOKEN), never the token", () => {
    const inputs: Record<string, string> = {
      renew: 'true',
      'app-id': APP_ID,
      'private-key': PEM,
      'github-token': 'ghs_job'
    }
    const { githubApp } = readMainInputs(name => inputs[name] ?? '', {})
    expect(githubApp).toEqual({
      appId: APP_ID,
      privateKey: PEM.trim(),
      jobTokenSha256: sha256Hex('ghs_job')
    })
    const planned = plan({ githubApp: githubApp! })
    expect(planned).toMatchObject({ job: { jobTokenSha256: sha256Hex('ghs_job') } })
    expect(JSON.stringify(planned)).not.toContain('ghs_job')
  })

  it("says how to renew an earlier step's App token, and leaves the job's own token and a PAT alone", () => {
    expect(
      plan({
        github: {
          kind: 'app-token',
          written: '',
          mintedBy: 'step app',
          why: 'env GH_TOKEN of step claude: the output token of step app'
        }
      })
    ).toEqual({ why: expect.stringMatching(/'app-id' and 'private-key'/) })
    expect(plan({ github: { kind: 'github-token', written: '', why: '' } })).toBeUndefined()
    expect(plan({ github: { kind: 'secret', written: '', why: '' } })).toBeUndefined()
    expect(plan({})).toBeUndefined()
  })
})

describe('the git smart-HTTP stand-in', () => {
  it('serves fetch and push to a live token only', async () => {
    const { startGitHttpStandIn } = await import('../stand-ins/git-http.js')
    const root = mkdtempSync(join(tmpdir(), 'renew-github-root-'))
    mkdirSync(join(root, 'octo-org'))
    git(root, 'init', '-q', '--bare', join(root, 'octo-org', 'app-repo.git'))
    const server = await startGitHttpStandIn({ root, accepts: (token: string) => token === 'live' })
    closers.push(() => server.close())
    const workspace = checkout()
    git(workspace, 'remote', 'set-url', 'origin', `${server.url}/${REPOSITORY}.git`)
    git(
      workspace,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'c'
    )
    const push = (token: string) =>
      run(
        'git',
        [
          '-c',
          `http.${server.url}/.extraheader=${header(token)}`,
          'push',
          '-q',
          'origin',
          'HEAD:main'
        ],
        {
          cwd: workspace,
          env: gitEnv
        }
      )
    await push('live')
    await expect(push('dead')).rejects.toMatchObject({ code: 128 })
    expect(server.requests.some(request => !request.accepted)).toBe(true)
  })
})

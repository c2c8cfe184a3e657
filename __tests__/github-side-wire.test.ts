// The GitHub side of issue 12 on the wire, over loopback: the runner's OIDC token endpoint, the Claude GitHub App
// token exchange, and GitHub's /rate_limit and DELETE /installation/token, each against its stand-in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { send } from '../src/http/request.js'
import { mintOidcToken } from '../src/github/oidc.js'
import {
  CLAUDE_APP_AUDIENCE,
  CLAUDE_APP_EXCHANGE_URL,
  exchangeForAppToken,
  revokeInstallationToken
} from '../src/github/app-exchange.js'
import { parseTokenExpiration, probeGitHubToken } from '../src/github/token-life.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { expirationHeader, seedToken, tokensRoutes } from '../stand-ins/github-tokens.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startAppExchangeStandIn } from '../stand-ins/app-exchange.js'

type GitHub = Awaited<ReturnType<typeof startGitHubStandIn>>
type Oidc = Awaited<ReturnType<typeof startGitHubOidcStandIn>>
type Exchange = Awaited<ReturnType<typeof startAppExchangeStandIn>>
type Fault = { status: number; body?: unknown; headers?: Record<string, string> }

let github: GitHub
let oidc: Oidc
let exchange: Exchange
/** Faults the GitHub stand-in plays, one per request, before its routes. */
let githubFaults: Fault[] = []
let masked: string[] = []

// Generous: a loaded 2-core runner may not schedule a loopback answer at once. Retries wait 10 ms, not 400.
const deps = (timeoutMs = 20_000) => ({
  send,
  timeoutMs,
  baseDelayMs: 10,
  mask: (value: string) => void masked.push(value)
})
const githubEnv = () => ({ GITHUB_API_URL: github.url })
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >

beforeAll(async () => {
  github = await startGitHubStandIn({
    routes: tokensRoutes,
    fault: () => githubFaults.shift()
  })
  oidc = await startGitHubOidcStandIn()
  exchange = await startAppExchangeStandIn({ oidc, github })
})
afterAll(async () => {
  await Promise.all([github?.close(), oidc?.close(), exchange?.close()])
})
beforeEach(() => {
  masked = []
  githubFaults = []
  exchange.scenario = 'installed'
  exchange.errorShape = 'envelope'
})

async function mintedOidcToken(audience = CLAUDE_APP_AUDIENCE): Promise<string> {
  const result = await mintOidcToken(oidc.env, audience, deps())
  if (!('token' in result)) throw new Error(`no OIDC token: ${result.message}`)
  return result.token
}

describe('mintOidcToken', () => {
  it('asks the runner with its request token and the audience, and masks both tokens before returning', async () => {
    const before = oidc.requests.length
    const result = await mintOidcToken(oidc.env, CLAUDE_APP_AUDIENCE, deps())
    expect(result).toEqual({ token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/) })
    const token = (result as { token: string }).token
    expect(masked).toEqual([oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN, token])
    const [request] = oidc.requests.slice(before)
    expect(request?.query.get('api-version')).toBe('2.0')
    expect(request?.query.get('audience')).toBe(CLAUDE_APP_AUDIENCE)
    expect(request?.headers.authorization).toBe(`Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`)
    const { aud, iss, exp, iat } = claims(token)
    expect({ aud, iss }).toEqual({
      aud: CLAUDE_APP_AUDIENCE,
      iss: 'https://token.actions.githubusercontent.com'
    })
    expect(Number(exp) - Number(iat)).toBe(300)
  })

  it.each([
    ['ACTIONS_ID_TOKEN_REQUEST_URL', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' }],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x.invalid/?a=1' }],
    ['ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN', {}]
  ])('without %s the job has no id-token permission: no request is sent', async (missing, env) => {
    const before = oidc.requests.length
    const result = await mintOidcToken(env, CLAUDE_APP_AUDIENCE, deps())
    expect(result).toMatchObject({ problem: 'no-permission' })
    expect((result as { message: string }).message).toMatch(
      new RegExp(`^${missing} not set: .*id-token: write.*fork`)
    )
    expect(oidc.requests.length).toBe(before)
    expect(masked).toEqual([])
  })

  it('is refused on the service 401 for a wrong request token, with its words and never the token', async () => {
    const env = { ...oidc.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-wrong-0123456789' }
    const result = await mintOidcToken(env, CLAUDE_APP_AUDIENCE, deps())
    expect(result).toEqual({
      problem: 'refused',
      httpStatus: 401,
      message: "HTTP 401: TF400813: The user '' is not authorized to access this resource."
    })
  })

  it.each([
    [403, 'refused'],
    [404, 'unverifiable']
  ] as const)('reads a %s as %s, at the first answer', async (status, problem) => {
    const stand = await startGitHubOidcStandIn({
      faults: [status === 403 ? 403 : { status: 404, body: { message: 'Not Found' } }]
    })
    try {
      const result = await mintOidcToken(stand.env, CLAUDE_APP_AUDIENCE, deps())
      expect(result).toMatchObject({ problem, httpStatus: status })
      expect(stand.requests).toHaveLength(1)
    } finally {
      await stand.close()
    }
  })

  it('retries 5xx and 429 within the time, then mints', async () => {
    const stand = await startGitHubOidcStandIn({
      faults: [500, { status: 429, body: { message: 'Too many requests' } }, 503]
    })
    try {
      const result = await mintOidcToken(stand.env, CLAUDE_APP_AUDIENCE, deps())
      expect(result).toHaveProperty('token')
      expect(stand.requests).toHaveLength(4)
    } finally {
      await stand.close()
    }
  })

  it('is unverifiable, never refused, when the service stays down or does not answer', async () => {
    const stand = await startGitHubOidcStandIn({ faults: [500, 500, 500, 500, 'hang'] })
    try {
      const down = await mintOidcToken(stand.env, CLAUDE_APP_AUDIENCE, deps())
      expect(down).toEqual({
        problem: 'unverifiable',
        httpStatus: 500,
        message: 'HTTP 500: Internal server error after 4 attempts'
      })
      const silent = await mintOidcToken(stand.env, CLAUDE_APP_AUDIENCE, deps(300))
      expect(silent).toMatchObject({
        problem: 'unverifiable',
        message: expect.stringMatching(/^no answer within 0\.3s \(127\.0\.0\.1:\d+\)$/)
      })
    } finally {
      await stand.close()
    }
  })

  it('sends the request token to no cleartext host, and quotes no token the service echoes', async () => {
    const cleartext = {
      ...oidc.env,
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://pipelines.example.com/idtoken?api-version=2.0'
    }
    expect(await mintOidcToken(cleartext, CLAUDE_APP_AUDIENCE, deps())).toEqual({
      problem: 'unverifiable',
      message: 'ACTIONS_ID_TOKEN_REQUEST_URL is not https (http://pipelines.example.com)'
    })
    const echo = await startGitHubOidcStandIn({
      requestToken: 'oidc-request-secret-0123456789',
      faults: [{ status: 401, body: { message: 'token oidc-request-secret-0123456789 refused' } }]
    })
    try {
      const result = await mintOidcToken(echo.env, CLAUDE_APP_AUDIENCE, deps())
      expect(result).toMatchObject({
        problem: 'refused',
        message: 'HTTP 401: token [redacted] refused'
      })
    } finally {
      await echo.close()
    }
  })

  it("answers the repository owner's URL as the audience when none is asked, as GitHub documents", async () => {
    const response = await send({
      method: 'GET',
      url: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    })
    expect(claims((JSON.parse(response.text) as { value: string }).value).aud).toBe(
      'https://github.com/acme'
    )
  })
})

describe('exchangeForAppToken and revokeInstallationToken', () => {
  it('exchanges an OIDC token for a one-hour App token GitHub accepts, masked, then revokes it', async () => {
    const oidcToken = await mintedOidcToken()
    masked = []
    const result = await exchangeForAppToken(oidcToken, exchange.exchangeUrl, deps())
    expect(result).toEqual({ token: expect.stringMatching(/^ghs_[A-Za-z0-9]{36}$/) })
    const token = (result as { token: string }).token
    expect(masked).toEqual([token])
    const request = exchange.requests.at(-1)
    expect(request?.headers.authorization).toBe(`Bearer ${oidcToken}`)
    expect(request?.text).toBe('')
    expect(exchange.issued.at(-1)?.claims).toMatchObject({ repository: 'acme/app' })

    expect(await probeGitHubToken(token, githubEnv(), deps())).toMatchObject({
      status: 'valid',
      httpStatus: 200
    })
    expect(await revokeInstallationToken(token, githubEnv(), deps())).toBe(true)
    expect(github.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: '/installation/token',
      token
    })
    expect(await probeGitHubToken(token, githubEnv(), deps())).toMatchObject({
      status: 'invalid',
      message: 'HTTP 401: Bad credentials'
    })
    expect(await revokeInstallationToken(token, githubEnv(), deps())).toBe(false)
  })

  it('asks for permissions in a JSON body when given, and reads a token in app_token', async () => {
    const stand = await startAppExchangeStandIn({ oidc, github, tokenField: 'app_token' })
    try {
      const permissions = { contents: 'write', pull_requests: 'write', workflows: 'write' }
      const result = await exchangeForAppToken(
        await mintedOidcToken(),
        stand.exchangeUrl,
        deps(),
        permissions
      )
      expect(result).toHaveProperty('token')
      expect(stand.requests[0]?.headers['content-type']).toBe('application/json')
      expect(stand.issued[0]?.permissions).toEqual(permissions)
    } finally {
      await stand.close()
    }
  })

  const NOT_INSTALLED =
    'HTTP 401: Claude Code is not installed on this repository. Please install the Claude Code GitHub App at https://github.com/apps/claude'
  const WORKFLOW =
    "HTTP 401: Workflow validation failed. The workflow file must exist and have identical content to the version on the repository's default branch."
  it.each([
    ['not-installed', 'envelope', 'not-installed', NOT_INSTALLED],
    ['not-installed', 'flat', 'not-installed', NOT_INSTALLED],
    ['workflow-mismatch', 'envelope', 'workflow-not-on-default-branch', WORKFLOW],
    ['workflow-not-found', 'envelope', 'workflow-not-on-default-branch', WORKFLOW],
    ['workflow-mismatch', 'flat', 'workflow-not-on-default-branch', WORKFLOW],
    ['invalid-oidc', 'envelope', 'invalid-oidc', 'HTTP 401: Invalid OIDC token'],
    ['invalid-oidc', 'flat', 'invalid-oidc', 'HTTP 401: Invalid OIDC token']
  ] as const)(
    "the exchange's %s (%s) is %s, at the first answer",
    async (scenario, shape, problem, message) => {
      exchange.scenario = scenario
      exchange.errorShape = shape
      const oidcToken = await mintedOidcToken()
      const before = exchange.requests.length
      masked = []
      const result = await exchangeForAppToken(oidcToken, exchange.exchangeUrl, deps())
      expect(result).toMatchObject({ problem, message, httpStatus: 401 })
      if (shape === 'envelope')
        expect(result).toHaveProperty('requestId', expect.stringMatching(/^req_/))
      expect(exchange.requests.length - before).toBe(1)
      expect(masked).toEqual([])
    }
  )

  it('refuses an OIDC token of another audience or past its five minutes as the real exchange does', async () => {
    const otherAudience = await exchangeForAppToken(
      await mintedOidcToken('sts.amazonaws.com'),
      exchange.exchangeUrl,
      deps()
    )
    expect(otherAudience).toMatchObject({ problem: 'invalid-oidc' })
    const past = await startGitHubOidcStandIn({ now: () => Date.now() - 6 * 60_000 })
    try {
      const stale = await mintOidcToken(past.env, CLAUDE_APP_AUDIENCE, deps())
      const result = await exchangeForAppToken(
        (stale as { token: string }).token,
        exchange.exchangeUrl,
        deps()
      )
      expect(result).toMatchObject({ problem: 'invalid-oidc' })
    } finally {
      await past.close()
    }
  })

  it('is unverifiable, never refused, while the exchange answers 5xx', async () => {
    exchange.scenario = '500'
    const oidcToken = await mintedOidcToken()
    const before = exchange.requests.length
    const result = await exchangeForAppToken(oidcToken, exchange.exchangeUrl, deps())
    expect(result).toMatchObject({
      problem: 'unverifiable',
      httpStatus: 500,
      message: 'HTTP 500: Internal server error after 4 attempts'
    })
    expect(exchange.requests.length - before).toBe(4)
  })

  it('reads a 404 in its format (a mistyped URL) as unverifiable, not refused, and a 4xx in no format of its own too', async () => {
    const oidcToken = await mintedOidcToken()
    const notFound = await exchangeForAppToken(
      oidcToken,
      `${exchange.url}/api/github/nothing`,
      deps()
    )
    expect(notFound).toMatchObject({ problem: 'unverifiable', message: 'HTTP 404: Not Found' })
    githubFaults = [{ status: 403, body: { error: 'forbidden' } }]
    const page = await exchangeForAppToken(oidcToken, `${github.url}/exchange`, deps())
    expect(page).toMatchObject({ problem: 'unverifiable', httpStatus: 403 })
  })

  it('sends the OIDC token to no cleartext host, and quotes no token the exchange echoes', async () => {
    const oidcToken = await mintedOidcToken()
    expect(await exchangeForAppToken(oidcToken, 'http://api.example.com/exchange', deps())).toEqual(
      {
        problem: 'unverifiable',
        message: 'the App token exchange URL is not https (http://api.example.com)'
      }
    )
    githubFaults = [{ status: 401, body: { message: `Invalid OIDC token ${oidcToken}` } }]
    const result = await exchangeForAppToken(oidcToken, `${github.url}/exchange`, deps())
    expect(result).toEqual({
      problem: 'invalid-oidc',
      httpStatus: 401,
      message: 'HTTP 401: Invalid OIDC token [redacted]'
    })
    expect(CLAUDE_APP_EXCHANGE_URL).toBe(
      'https://api.anthropic.com/api/github/github-app-token-exchange'
    )
  })

  it('revokes no PAT: GitHub refuses it', async () => {
    const pat = 'github_pat_11AAAAAAA0revokeNothing0000000000000000000000000000000000000000'
    seedToken(github.state, pat, { kind: 'fine-grained' })
    expect(await revokeInstallationToken(pat, githubEnv(), deps())).toBe(false)
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toMatchObject({ status: 'valid' })
  })
})

describe('probeGitHubToken', () => {
  const inDays = (days: number) => new Date(Math.floor(Date.now() / 1000 + days * 86400) * 1000)
  /** A final answer from the GitHub stand-in, at the first attempt. */
  const answered = (status: string, httpStatus: number, message: string) => ({
    status,
    httpStatus,
    message,
    requestId: 'ABCD:1234',
    attempts: 1
  })

  it.each(['UTC', '-0700', '+0530'])(
    "reads a fine-grained PAT's expiry from its header written with %s",
    async offset => {
      const expiresAt = inDays(30)
      const pat = `github_pat_11AAAAAAA0expiry${offset.replace(/\W/g, '')}${'0'.repeat(50)}`
      seedToken(github.state, pat, { kind: 'fine-grained', expiresAt, expirationOffset: offset })
      const result = await probeGitHubToken(pat, githubEnv(), deps())
      expect(result).toEqual({ ...answered('valid', 200, 'HTTP 200'), expiresAt })
    }
  )

  it("reads a classic PAT's scopes, none included, and sends the token only in its header", async () => {
    seedToken(github.state, 'ghp_scopes000000000000000000000000000000', {
      kind: 'classic',
      scopes: ['repo', 'workflow']
    })
    seedToken(github.state, 'ghp_noscope00000000000000000000000000000', { kind: 'classic' })
    const scoped = await probeGitHubToken(
      'ghp_scopes000000000000000000000000000000',
      githubEnv(),
      deps()
    )
    expect(scoped).toMatchObject({ status: 'valid', scopes: ['repo', 'workflow'] })
    expect(scoped.expiresAt).toBeUndefined()
    const request = github.requests.at(-1)
    expect(request).toMatchObject({ method: 'GET', path: '/rate_limit' })
    expect([...(request?.query.keys() ?? [])]).toEqual([])
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer ghp_scopes000000000000000000000000000000',
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28'
    })
    expect(
      await probeGitHubToken('ghp_noscope00000000000000000000000000000', githubEnv(), deps())
    ).toMatchObject({ status: 'valid', scopes: [] })
  })

  it('reads an unknown or expired token as invalid on GitHub’s own 401', async () => {
    const expired = 'github_pat_11AAAAAAA0expired0000000000000000000000000000000000000000000000'
    seedToken(github.state, expired, { kind: 'fine-grained', expiresAt: inDays(-1) })
    for (const token of [expired, 'ghp_unknown0000000000000000000000000000'])
      expect(await probeGitHubToken(token, githubEnv(), deps())).toEqual(
        answered('invalid', 401, 'HTTP 401: Bad credentials')
      )
  })

  it('retries a rate limit and 5xx, then reads the answer', async () => {
    const pat = 'ghp_retried00000000000000000000000000000'
    seedToken(github.state, pat, { kind: 'classic', scopes: ['repo'] })
    githubFaults = [
      { status: 403, body: { message: 'API rate limit exceeded for installation ID 1.' } },
      { status: 502, body: { message: 'Server Error' } }
    ]
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toMatchObject({
      status: 'valid',
      attempts: 3
    })
  })

  it('is unverifiable when the rate limit lasts, and at once on another 403, with GitHub’s words', async () => {
    const pat = 'ghp_limited00000000000000000000000000000'
    seedToken(github.state, pat, { kind: 'classic', scopes: ['repo'] })
    const limited = { status: 403, body: { message: 'API rate limit exceeded for user ID 7.' } }
    githubFaults = [limited, limited, limited, limited]
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toMatchObject({
      status: 'unverifiable',
      httpStatus: 403,
      message: 'HTTP 403: API rate limit exceeded for user ID 7. after 4 attempts',
      attempts: 4
    })
    githubFaults = [
      { status: 403, body: { message: 'Resource protected by organization SAML enforcement.' } }
    ]
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toEqual(
      answered(
        'unverifiable',
        403,
        'HTTP 403: Resource protected by organization SAML enforcement.'
      )
    )
  })

  it('never reads a 401 that is not GitHub’s as invalid, nor quotes the token GitHub echoes', async () => {
    const pat = 'ghp_echoed000000000000000000000000000000'
    githubFaults = [{ status: 401, body: { error: 'unauthorized' } }]
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toMatchObject({
      status: 'unverifiable',
      httpStatus: 401
    })
    githubFaults = [{ status: 404, body: { message: `no route for ${pat}` } }]
    expect(await probeGitHubToken(pat, githubEnv(), deps())).toMatchObject({
      status: 'unverifiable',
      message: 'HTTP 404: no route for [redacted]'
    })
  })

  it('sends no token to a cleartext GITHUB_API_URL', async () => {
    expect(
      await probeGitHubToken('ghp_x', { GITHUB_API_URL: 'http://ghe.example.com/api/v3' }, deps())
    ).toEqual({
      status: 'unverifiable',
      message: 'GITHUB_API_URL is not https (http://ghe.example.com)',
      attempts: 0
    })
  })
})

describe('parseTokenExpiration', () => {
  it.each([
    ['2026-10-07 19:07:53 UTC', '2026-10-07T19:07:53.000Z'],
    ['2026-10-07 19:07:53 -0700', '2026-10-08T02:07:53.000Z'],
    ['2026-10-07 19:07:53 +0530', '2026-10-07T13:37:53.000Z'],
    ['2026-10-07 19:07:53 +05:30', '2026-10-07T13:37:53.000Z'],
    ['2026-12-31 23:30:00 -0100', '2027-01-01T00:30:00.000Z'],
    [' 2026-10-07T19:07:53Z ', '2026-10-07T19:07:53.000Z']
  ])('reads %j as %s', (header, iso) => {
    expect(parseTokenExpiration(header)?.toISOString()).toBe(iso)
  })

  it.each([
    '',
    '2026-10-07',
    '2026-10-07 19:07:53',
    '2026-10-07 19:07:53 PST',
    '2026-02-30 10:00:00 UTC',
    '2026-10-07 24:00:00 UTC',
    '2026-10-07 19:07:53 +2500',
    'Wed, 07 Oct 2026 19:07:53 GMT'
  ])('reads nothing in %j', header => {
    expect(parseTokenExpiration(header)).toBeUndefined()
  })

  it('reads back what the stand-in writes, in every offset', () => {
    const at = new Date('2026-03-01T00:15:09Z')
    for (const offset of ['UTC', '-0700', '+0000', '+1400', '-1200', '+0545'])
      expect(parseTokenExpiration(expirationHeader(at, offset))).toEqual(at)
  })
})

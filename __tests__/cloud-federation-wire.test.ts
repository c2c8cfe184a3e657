// Anthropic workload identity federation on the wire, over loopback: the preflight's own GitHub OIDC token (the runner's
// endpoint stand-in), the token exchange and the count_tokens probe with the minted token (the federation stand-in on
// the Anthropic API stand-in's address, moved there by ANTHROPIC_BASE_URL as users move it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { send } from '../src/http/request.js'
import { checkFederation, type FederationCheckDeps } from '../src/cloud/federation/check.js'
import {
  FEDERATION_AUDIENCE,
  mintedLifetime,
  readFederationSettings
} from '../src/cloud/federation/settings.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn, TOKEN_PATH } from '../stand-ins/anthropic-federation.js'
import { closedPort } from './support/ports.js'

type Oidc = Awaited<ReturnType<typeof startGitHubOidcStandIn>>
type Federation = Awaited<ReturnType<typeof startFederationStandIn>>

let oidc: Oidc
let federation: Federation
let masked: string[] = []
const started: Federation[] = []

/** The Claude step's own identity token: the preflight must never send it anywhere. */
const CLAUDE_STEP_IDENTITY_TOKEN = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"jti":"claude-step"}').toString('base64url')}.c2lnbmF0dXJl`

// Generous: a loaded 2-core runner may not schedule a loopback answer at once. Retries wait 10 ms, not 400.
const deps = (extra: Partial<FederationCheckDeps> = {}): FederationCheckDeps => ({
  send,
  timeoutMs: 20_000,
  baseDelayMs: 10,
  mask: value => void masked.push(value),
  ...extra
})
const envOf = (stand: Federation, extra: Record<string, string> = {}) => ({
  ...oidc.env,
  ...stand.env,
  ANTHROPIC_IDENTITY_TOKEN: CLAUDE_STEP_IDENTITY_TOKEN,
  ...extra
})
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    jti: string
    aud: string
    exp: number
  }
async function another(options: Omit<Parameters<typeof startFederationStandIn>[0], 'oidc'>) {
  const stand = await startFederationStandIn({ oidc, ...options })
  started.push(stand)
  return stand
}

beforeAll(async () => {
  oidc = await startGitHubOidcStandIn()
  federation = await startFederationStandIn({ oidc })
})
afterAll(async () => {
  await Promise.all([oidc?.close(), federation?.close(), ...started.map(s => s.close())])
})
beforeEach(() => {
  masked = []
  federation.deny = false
  federation.faults = []
})

describe('readFederationSettings', () => {
  it('reads what Claude Code reads, trimmed: the identity token file before a fixed token, the API address by default', () => {
    expect(
      readFederationSettings({
        ANTHROPIC_FEDERATION_RULE_ID: ' fdrl_1 ',
        ANTHROPIC_ORGANIZATION_ID: 'org-1\n',
        ANTHROPIC_SERVICE_ACCOUNT_ID: '',
        ANTHROPIC_IDENTITY_TOKEN_FILE: '/tmp/token',
        ANTHROPIC_IDENTITY_TOKEN: 'eyJ.x.y'
      })
    ).toEqual({
      ruleId: 'fdrl_1',
      organizationId: 'org-1',
      baseUrl: 'https://api.anthropic.com',
      audience: FEDERATION_AUDIENCE,
      identityToken: 'file'
    })
    const moved = readFederationSettings({
      ANTHROPIC_FEDERATION_RULE_ID: 'fdrl_1',
      ANTHROPIC_ORGANIZATION_ID: 'org-1',
      ANTHROPIC_WORKSPACE_ID: 'wrkspc_1',
      ANTHROPIC_BASE_URL: 'https://gateway.example/anthropic//',
      ANTHROPIC_OIDC_AUDIENCE: 'my-audience',
      ANTHROPIC_IDENTITY_TOKEN: 'eyJ.x.y'
    })
    expect(moved).toMatchObject({
      workspaceId: 'wrkspc_1',
      baseUrl: 'https://gateway.example/anthropic',
      audience: 'my-audience',
      identityToken: 'static'
    })
  })

  it('names the switch variables that are missing', () => {
    expect(readFederationSettings({ ANTHROPIC_ORGANIZATION_ID: 'org' })).toEqual({
      missing: ['ANTHROPIC_FEDERATION_RULE_ID']
    })
    expect(readFederationSettings({ ANTHROPIC_FEDERATION_RULE_ID: ' ' })).toEqual({
      missing: ['ANTHROPIC_FEDERATION_RULE_ID', 'ANTHROPIC_ORGANIZATION_ID']
    })
  })
})

describe('mintedLifetime', () => {
  const at = new Date('2026-05-01T12:00:00Z')
  it('tells the OIDC cap (twice the remaining life) from the rule’s own lifetime', () => {
    const oidcEnds = new Date(at.getTime() + 300_000)
    expect(mintedLifetime(600, at, oidcEnds)).toMatchObject({
      seconds: 600,
      expiresAt: new Date(at.getTime() + 600_000),
      cappedByOidc: true
    })
    expect(mintedLifetime(596, at, oidcEnds).cappedByOidc).toBe(true)
    expect(mintedLifetime(300, at, oidcEnds)).toMatchObject({
      cappedByOidc: false,
      explanation: "the rule's lifetime"
    })
    expect(mintedLifetime(300, at, undefined).cappedByOidc).toBe(false)
  })
})

describe('checkFederation', () => {
  it('mints its own OIDC token, exchanges it as Claude Code does, probes the minted token, and masks all three', async () => {
    const before = { oidc: oidc.minted.length, api: federation.api.requests.length }
    const result = await checkFederation(envOf(federation), deps())
    expect(result).toMatchObject({
      status: 'valid',
      identity: `service account svac_01stand1n (rule fdrl_01stand1n, organization ${federation.rule.organizationId})`,
      identityToken: 'static',
      lifetimeSeconds: expect.any(Number),
      cappedByOidc: true,
      proves: expect.stringContaining('count_tokens')
    })
    const [minted] = oidc.minted.slice(before.oidc)
    const [issued] = federation.issued.slice(-1)
    // The OIDC token asked for claude-code-action's audience, and went to the exchange in the body Claude Code sends.
    expect(claims(minted!.token).aud).toBe('https://api.anthropic.com')
    const [exchange] = federation.exchanges.slice(-1)
    expect(exchange?.body).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: minted!.token,
      federation_rule_id: 'fdrl_01stand1n',
      organization_id: federation.rule.organizationId,
      service_account_id: 'svac_01stand1n'
    })
    expect(exchange?.headers['content-type']).toBe('application/json')
    expect(exchange?.headers['anthropic-beta']).toBe('oauth-2025-04-20,oidc-federation-2026-04-01')
    // The lifetime is the exchange's expires_in: 3600 s of rule capped at twice the OIDC token's ~300 s.
    expect(result.lifetimeSeconds).toBe(issued!.expiresIn)
    expect(issued!.expiresIn).toBeLessThanOrEqual(600)
    expect(issued!.expiresIn).toBeGreaterThan(500)
    expect(result.expiresAt!.getTime() - Date.now()).toBeGreaterThan(450_000)
    expect(result.message).toMatch(
      /^the minted token lasts (9m\d+s|10m) .*capped at twice the OIDC token.s remaining [45]m/
    )
    // The probe: count_tokens with the minted token as an OAuth bearer.
    const probes = federation.api.requests.slice(before.api).filter(r => r.path !== TOKEN_PATH)
    expect(probes).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v1/messages/count_tokens' })
    ])
    expect(probes[0]?.headers.authorization).toBe(`Bearer ${issued!.token}`)
    expect(masked).toEqual([oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN, minted!.token, issued!.token])
    // The Claude step's identity token went nowhere.
    const sent = JSON.stringify([federation.exchanges, federation.api.requests])
    expect(sent).not.toContain(CLAUDE_STEP_IDENTITY_TOKEN)
  })

  it('reports the rule’s own lifetime when it is the shorter, and whether the token outlives the job', async () => {
    const short = await another({ rule: { tokenLifetimeSeconds: 120 } })
    const result = await checkFederation(
      envOf(short, { ANTHROPIC_IDENTITY_TOKEN_FILE: '/runner/temp/identity-token' }),
      deps({ neededUntil: new Date(Date.now() + 30 * 60_000) })
    )
    expect(result).toMatchObject({
      status: 'valid',
      lifetimeSeconds: 120,
      cappedByOidc: false,
      outlivesJob: false,
      identityToken: 'file'
    })
    expect(result.message).toMatch(
      /^the minted token lasts 2m \(the rule's lifetime\), less than the job needs: Claude Code re-exchanges ANTHROPIC_IDENTITY_TOKEN_FILE.*every 4 minutes/
    )
    const soon = await checkFederation(
      envOf(federation),
      deps({ neededUntil: new Date(Date.now() + 60_000) })
    )
    expect(soon).toMatchObject({ status: 'valid', outlivesJob: true })
    expect(soon.message).toMatch(/longer than the job needs$/)
    const fixed = await checkFederation(
      envOf(federation),
      deps({ neededUntil: new Date(Date.now() + 3_600_000) })
    )
    expect(fixed.message).toMatch(/ANTHROPIC_IDENTITY_TOKEN is one OIDC token, usable once/)
  })

  it('asks the audience the job configures (ANTHROPIC_OIDC_AUDIENCE), and a rule expecting another refuses it', async () => {
    const custom = await another({ rule: { audience: 'sts.example/anthropic' } })
    const ok = await checkFederation(
      envOf(custom, { ANTHROPIC_OIDC_AUDIENCE: 'sts.example/anthropic' }),
      deps()
    )
    expect(ok.status).toBe('valid')
    const wrong = await checkFederation(envOf(custom), deps())
    expect(wrong).toMatchObject({ status: 'invalid', httpStatus: 401 })
    expect(wrong.message).toContain('audience https://api.anthropic.com')
    expect(custom.authEvents.at(-1)).toEqual({
      result: 'assertion: audience https://api.anthropic.com'
    })
  })

  it.each([
    [
      'a rule id the organization does not have',
      { ANTHROPIC_FEDERATION_RULE_ID: 'fdrl_unknown' },
      'rule_not_found'
    ],
    ['another organization', { ANTHROPIC_ORGANIZATION_ID: 'other-org' }, 'organization_mismatch'],
    [
      'a service account the rule does not target',
      { ANTHROPIC_SERVICE_ACCOUNT_ID: 'svac_other' },
      'service_account_mismatch'
    ]
  ])(
    'is invalid for %s: the opaque 401, with the request id and where to read the reason',
    async (_, env, reason) => {
      const result = await checkFederation(envOf(federation, env), deps())
      expect(result).toMatchObject({
        status: 'invalid',
        httpStatus: 401,
        requestId: expect.stringMatching(/^req_/)
      })
      expect(result.message).toMatch(
        /^the federation token exchange refused fdrl_\w+ for an OIDC token with audience \S+ \(HTTP 401: invalid_grant: Authentication failed\).*Claude Console, Workload identity, authentication events$/
      )
      expect(federation.authEvents.at(-1)).toEqual({ result: reason })
      expect(result.expiresAt).toBeUndefined()
    }
  )

  it('reads the denial in the API error envelope too', async () => {
    const enveloped = await another({ errorShape: 'envelope', deny: true })
    const result = await checkFederation(envOf(enveloped), deps())
    expect(result.status).toBe('invalid')
    expect(result.message).toContain('(HTTP 401: authentication_error: Authentication failed)')
  })

  it('needs ANTHROPIC_WORKSPACE_ID for a rule enabled in several workspaces, and sends it', async () => {
    const multi = await another({ rule: { workspaces: ['wrkspc_a', 'wrkspc_b'] } })
    const without = await checkFederation(envOf(multi), deps())
    expect(without.status).toBe('invalid')
    expect(multi.authEvents.at(-1)).toEqual({ result: 'workspace_id_required' })
    const withIt = await checkFederation(
      envOf(multi, { ANTHROPIC_WORKSPACE_ID: 'wrkspc_b' }),
      deps()
    )
    expect(withIt).toMatchObject({ status: 'valid' })
    expect(withIt.identity).toContain('workspace wrkspc_b')
    expect(multi.exchanges.at(-1)?.body.workspace_id).toBe('wrkspc_b')
  })

  it('retries a failed exchange with a fresh OIDC token: the failed try used the first one up', async () => {
    federation.faults = [503, 'reset']
    const before = federation.exchanges.length
    const result = await checkFederation(envOf(federation), deps())
    expect(result.status).toBe('valid')
    const assertions = federation.exchanges
      .slice(before)
      .map(e => claims(e.body.assertion ?? '').jti)
    expect(assertions).toHaveLength(3)
    expect(new Set(assertions).size).toBe(3)
  })

  it('the stand-in denies a reused OIDC token (jti_reused) with the same opaque 401', async () => {
    const token = (await fetch(
      `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(FEDERATION_AUDIENCE)}`,
      { headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
    ).then(r => r.json())) as { value: string }
    const exchange = () =>
      fetch(`${federation.url}${TOKEN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: token.value,
          federation_rule_id: federation.rule.id,
          organization_id: federation.rule.organizationId
        })
      })
    expect((await exchange()).status).toBe(200)
    const second = await exchange()
    expect(second.status).toBe(401)
    expect(await second.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Authentication failed'
    })
    expect(federation.authEvents.at(-1)).toEqual({ result: 'jti_reused' })
  })

  it('is forbidden when the job may not mint an OIDC token, and sends no exchange', async () => {
    const before = federation.exchanges.length
    const env = envOf(federation)
    delete (env as Record<string, string | undefined>).ACTIONS_ID_TOKEN_REQUEST_URL
    const result = await checkFederation(env, deps())
    expect(result).toMatchObject({ status: 'forbidden' })
    expect(result.message).toMatch(
      /ACTIONS_ID_TOKEN_REQUEST_URL not set.*permissions: id-token: write/
    )
    expect(federation.exchanges.length).toBe(before)
  })

  it('is forbidden when the API refuses the minted token’s permission, invalid when it refuses the token', async () => {
    const forbidden = await another({ minted: 'forbidden' })
    expect(await checkFederation(envOf(forbidden), deps())).toMatchObject({
      status: 'forbidden',
      httpStatus: 403,
      lifetimeSeconds: expect.any(Number)
    })
    const refused = await another({ minted: 'invalid-bearer' })
    const result = await checkFederation(envOf(refused), deps())
    expect(result).toMatchObject({ status: 'invalid', httpStatus: 401 })
    expect(result.message).toMatch(/minted a token the API refused \(Invalid bearer token\)/)
  })

  it('is expired when the API says the minted token has expired (a clock far off)', async () => {
    const stale = await another({ minted: 'expired' })
    const result = await checkFederation(envOf(stale), deps())
    expect(result).toMatchObject({ status: 'expired', httpStatus: 401 })
    expect(result.message).toMatch(/OAuth token has expired/)
  })

  it('is invalid when the OIDC token reaches the exchange expired (the exchange checks its life)', async () => {
    const late = await another({ now: () => Date.now() + 10 * 60_000 })
    const result = await checkFederation(envOf(late), deps())
    expect(result.status).toBe('invalid')
    expect(late.authEvents.at(-1)).toEqual({ result: 'assertion: expired or not yet valid' })
  })

  describe('unverifiable, never invalid, when the exchange is not answering', () => {
    it.each([
      [
        '503 on every try',
        [503, 503, 503, 503],
        /HTTP 503: api_error: Service unavailable after 4 attempts$/
      ],
      ['429 on every try', [429, 429, 429, 429], /HTTP 429.*after 4 attempts$/],
      [
        "a proxy's HTML page",
        [{ status: 502, text: '<html><body>Bad Gateway</body></html>' }],
        /HTTP 502/
      ],
      [
        "a gateway's own 401, without Anthropic's request id",
        [{ status: 401, body: { error: 'invalid_token' } }],
        /HTTP 401 that did not come from Anthropic's token exchange \(invalid_token, no request-id\)/
      ]
    ])('%s', async (_, faults, says) => {
      const stand = await another({ faults: faults as never })
      const result = await checkFederation(envOf(stand), deps({ attempts: faults.length }))
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(says)
    })

    it('no answer in time', async () => {
      federation.faults = ['hang']
      const result = await checkFederation(envOf(federation), deps({ timeoutMs: 1500 }))
      expect(result).toMatchObject({ status: 'unverifiable' })
      expect(result.message).toMatch(/no answer within 1(\.[0-5])?s/)
    })

    it('connection refused', async () => {
      const base = `http://127.0.0.1:${await closedPort()}`
      const result = await checkFederation(
        envOf(federation, { ANTHROPIC_BASE_URL: base }),
        deps({ attempts: 2 })
      )
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(/connection refused.*after 2 attempts/)
    })

    it('cleartext off this machine: no request at all', async () => {
      const before = oidc.requests.length
      const result = await checkFederation(
        envOf(federation, { ANTHROPIC_BASE_URL: 'http://anthropic.example' }),
        deps()
      )
      expect(result).toMatchObject({ status: 'unverifiable' })
      expect(result.message).toBe('ANTHROPIC_BASE_URL is not https (http://anthropic.example)')
      expect(oidc.requests.length).toBe(before)
    })
  })

  describe('malformed answers are unverifiable', () => {
    it.each([
      [
        'a 200 without a token',
        { status: 200, body: { token_type: 'Bearer' } },
        /HTTP 200 without an access_token and expires_in \(JSON of another shape\)/
      ],
      [
        'a 200 without expires_in',
        { status: 200, body: { access_token: 'sk-ant-oat01-abcdefabcdef' } },
        /without an access_token and expires_in/
      ],
      ['a 200 that is not JSON', { status: 200, text: 'ok' }, /without an access_token.*not JSON/]
    ])('%s', async (_, fault, says) => {
      federation.faults = [fault]
      const result = await checkFederation(envOf(federation), deps())
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(says)
    })
    it('masks a token read from a 200 that lacks expires_in', async () => {
      federation.faults = [{ status: 200, body: { access_token: 'sk-ant-oat01-maskedeventhen' } }]
      await checkFederation(envOf(federation), deps())
      expect(masked).toContain('sk-ant-oat01-maskedeventhen')
    })
  })

  it('is invalid without the switch variables, naming them', async () => {
    const result = await checkFederation({ ANTHROPIC_ORGANIZATION_ID: 'org' }, deps())
    expect(result).toMatchObject({ status: 'invalid' })
    expect(result.message).toMatch(/^ANTHROPIC_FEDERATION_RULE_ID not set/)
  })

  it('puts no token in any message', async () => {
    federation.faults = [{ status: 401, body: { error: 'invalid_grant', error_description: 'x' } }]
    const results = [
      await checkFederation(envOf(federation), deps()),
      await checkFederation(envOf(federation), deps())
    ]
    const text = JSON.stringify(results)
    for (const secret of masked) expect(text).not.toContain(secret)
    expect(masked.length).toBeGreaterThanOrEqual(4)
  })
})

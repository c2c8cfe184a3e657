// The Google credentials of Claude on Vertex AI on the wire, over loopback: Application Default Credentials minted as
// google-auth-library mints them (workload identity federation with and without a service account, a service account
// key, a user login), a bare access token through tokeninfo, and Vertex AI's count-tokens, each against the stand-in.
// Every endpoint is moved the way users move it: the credentials file's own URLs, ANTHROPIC_VERTEX_BASE_URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { send } from '../src/http/request.js'
import { checkVertexCredentials } from '../src/cloud/google/check.js'
import { vertexTarget } from '../src/cloud/google/settings.js'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'
import { closedPort } from './support/ports.js'

type Google = Awaited<ReturnType<typeof startGoogleCloudStandIn>>

const SA = 'claude-ci@claude-ci.iam.gserviceaccount.com'
const denied = new Set<string>()
const notImpersonable = new Set<string>()
let google: Google
let home: string
let masked: string[] = []
let files = 0

const deps = (timeoutMs = 20_000) => ({
  send,
  timeoutMs,
  baseDelayMs: 10,
  mask: (value: string) => void masked.push(value)
})
const options = () => ({ tokenInfoUrl: `${google.url}/tokeninfo` })
const fileWith = (content: object) => {
  const path = join(home, `credentials-${++files}.json`)
  writeFileSync(path, JSON.stringify(content))
  return path
}
/** The environment of a step whose Vertex calls go to the stand-in. */
const envWith = (credentials: object | undefined, extra: Record<string, string> = {}) => ({
  HOME: home,
  CLOUD_ML_REGION: 'us-east5',
  ANTHROPIC_VERTEX_PROJECT_ID: 'claude-ci',
  ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`,
  ...(credentials && { GOOGLE_APPLICATION_CREDENTIALS: fileWith(credentials) }),
  ...extra
})
const paths = () => google.requests.map(r => r.path)
const expectNoSecret = (result: object, secrets: (string | undefined)[]) => {
  const text = JSON.stringify(result)
  for (const secret of secrets) if (secret) expect(text).not.toContain(secret)
}

beforeAll(async () => {
  google = await startGoogleCloudStandIn({
    allows: principal => !denied.has(principal),
    canImpersonate: email => !notImpersonable.has(email)
  })
  home = mkdtempSync(join(tmpdir(), 'google-wire-'))
})
afterAll(async () => {
  await google?.close()
  rmSync(home, { recursive: true, force: true })
})
beforeEach(() => {
  masked = []
  google.requests.length = 0
})

describe('workload identity federation (external_account, as google-github-actions/auth writes it)', () => {
  it('valid: the OIDC token exchanged, the service account impersonated, tokens counted; it lasts the job', async () => {
    const result = await checkVertexCredentials(
      envWith(google.externalAccount({ impersonate: SA })),
      options(),
      deps()
    )
    expect(result).toMatchObject({ status: 'valid', identity: SA, httpStatus: 200 })
    expect(result.expiresAt).toBeUndefined()
    expect(result.renewal).toMatch(/credential_source\.url \(the job’s OIDC endpoint\)/)
    expect(result.message).toMatch(
      /Google issued an access token for claude-ci@.* from GOOGLE_APPLICATION_CREDENTIALS \(external_account\); Vertex AI counted tokens for claude-opus-5-5 in project claude-ci \(ANTHROPIC_VERTEX_PROJECT_ID\), region us-east5 \(CLOUD_ML_REGION\)/
    )
    expect(result.proves).toMatch(/aiplatform\.endpoints\.predict/)
    expect(paths()).toEqual([
      '/oidc',
      '/v1/token',
      `/v1/projects/-/serviceAccounts/${SA}:generateAccessToken`,
      '/v1/projects/claude-ci/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict'
    ])
    // The request token, the OIDC token, the federated token and the service account's token: all masked.
    const bearers = google.requests.map(r => r.headers.authorization?.replace('Bearer ', ''))
    expect(masked).toEqual(expect.arrayContaining([google.requestToken, ...bearers.slice(2)]))
    expect(masked.length).toBeGreaterThanOrEqual(4)
    expectNoSecret(result, [...masked])
    const count = JSON.parse(google.requests[3]?.body ?? '{}')
    expect(count).toMatchObject({
      anthropic_version: 'vertex-2023-10-16',
      model: 'claude-opus-5-5'
    })
  })

  it('direct access (no service account): the federated token itself is counted with', async () => {
    const result = await checkVertexCredentials(
      envWith(google.externalAccount()),
      options(),
      deps()
    )
    expect(result).toMatchObject({
      status: 'valid',
      identity: expect.stringMatching(/workload identity pool principal/)
    })
    expect(paths()).toHaveLength(3)
  })

  it('invalid: the token exchange refuses the OIDC token (audience of another provider)', async () => {
    const file = {
      ...google.externalAccount(),
      audience:
        '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/x/providers/y'
    }
    const result = await checkVertexCredentials(envWith(file), options(), deps())
    expect(result.status).toBe('invalid')
    expect(result.message).toMatch(
      /^Security Token Service \(token_url\): HTTP 400 invalid_grant: The audience in ID Token .* \(credentials from GOOGLE_APPLICATION_CREDENTIALS \(external_account\)\)$/
    )
    expect(paths()).not.toContain('/tokeninfo')
  })

  it('forbidden: the principal may not act as the service account', async () => {
    const email = 'other@claude-ci.iam.gserviceaccount.com'
    notImpersonable.add(email)
    const result = await checkVertexCredentials(
      envWith(google.externalAccount({ impersonate: email })),
      options(),
      deps()
    )
    expect(result).toMatchObject({ status: 'forbidden', httpStatus: 403 })
    expect(result.message).toMatch(
      /IAM generateAccessToken: HTTP 403 PERMISSION_DENIED \(IAM_PERMISSION_DENIED\): Permission 'iam\.serviceAccounts\.getAccessToken' denied/
    )
  })

  it("a hostile file's impersonation URL (a `%` that escapes nothing, an escaped newline): a one-line verdict, never a crash", async () => {
    const malformed = await checkVertexCredentials(
      envWith(google.externalAccount({ impersonate: 'ci%ZZ@claude-ci.iam.gserviceaccount.com' })),
      options(),
      deps()
    )
    expect(malformed).toMatchObject({
      status: 'valid',
      identity: 'ci%ZZ@claude-ci.iam.gserviceaccount.com'
    })
    expect(paths()).toContain(
      '/v1/projects/-/serviceAccounts/ci%ZZ@claude-ci.iam.gserviceaccount.com:generateAccessToken'
    )
    const newline = await checkVertexCredentials(
      envWith(
        google.externalAccount({
          impersonate: 'ci%0A%3A%3Awarning%3A%3Ax@claude-ci.iam.gserviceaccount.com'
        })
      ),
      options(),
      deps()
    )
    expect(newline.identity).toBe('ci ::warning::x@claude-ci.iam.gserviceaccount.com')
    expect(newline.message).not.toMatch(/\n/)
  })
})

describe('a service account key, a user login', () => {
  it('a key: a signed JWT at token_uri; the project from the key file when ANTHROPIC_VERTEX_PROJECT_ID is unset', async () => {
    const env = envWith(google.serviceAccountKey(SA, { projectId: 'from-key' }), {
      ANTHROPIC_VERTEX_PROJECT_ID: '',
      GOOGLE_CLOUD_PROJECT: 'not-used'
    })
    const result = await checkVertexCredentials(env, options(), deps())
    expect(result).toMatchObject({ status: 'valid', identity: SA })
    expect(result.message).toMatch(/project from-key \(the credentials file's project_id\)/)
    expect(result.renewal).toMatch(/signs a new token request with the key/)
    expect(masked.some(m => m.includes('PRIVATE KEY'))).toBe(true)
  })

  it('a deleted key: invalid (Invalid JWT Signature)', async () => {
    const result = await checkVertexCredentials(
      envWith(google.serviceAccountKey(SA, { known: false })),
      options(),
      deps()
    )
    expect(result.status).toBe('invalid')
    expect(result.message).toMatch(
      /OAuth token endpoint \(token_uri\): HTTP 400 invalid_grant: Invalid JWT Signature\./
    )
  })

  it('a user login: valid; revoked: expired, in Google’s words', async () => {
    const login = google.userLogin('dev@example.com', { quotaProjectId: 'quota-proj' })
    const valid = await checkVertexCredentials(
      envWith(login, { ANTHROPIC_VERTEX_PROJECT_ID: '' }),
      options(),
      deps()
    )
    expect(valid).toMatchObject({ status: 'valid', identity: 'a gcloud user login' })
    expect(valid.message).toMatch(/project quota-proj \(the credentials file's quota_project_id\)/)
    expect(masked).toEqual(expect.arrayContaining([login.refresh_token, login.client_secret]))
    const revoked = await checkVertexCredentials(
      envWith(google.userLogin('dev@example.com', { revoked: true })),
      options(),
      deps()
    )
    expect(revoked.status).toBe('expired')
    expect(revoked.message).toMatch(/invalid_grant: Token has been expired or revoked\./)
  })

  it('gcloud’s own file under CLOUDSDK_CONFIG when GOOGLE_APPLICATION_CREDENTIALS is unset', async () => {
    const config = mkdtempSync(join(home, 'gcloud-'))
    writeFileSync(
      join(config, 'application_default_credentials.json'),
      JSON.stringify(google.userLogin('dev@example.com'))
    )
    const result = await checkVertexCredentials(
      envWith(undefined, { CLOUDSDK_CONFIG: config }),
      options(),
      deps()
    )
    expect(result.status).toBe('valid')
    expect(result.message).toMatch(
      /from gcloud's application default credentials \(authorized_user\)/
    )
  })
})

describe('Vertex AI refusals and the settings', () => {
  it('forbidden: live, but no aiplatform.endpoints.predict in the project', async () => {
    const email = 'no-vertex@claude-ci.iam.gserviceaccount.com'
    denied.add(email)
    const result = await checkVertexCredentials(
      envWith(google.serviceAccountKey(email)),
      options(),
      deps()
    )
    expect(result).toMatchObject({ status: 'forbidden', httpStatus: 403, identity: email })
    expect(result.message).toMatch(
      /Vertex AI count-tokens: HTTP 403 PERMISSION_DENIED \(IAM_PERMISSION_DENIED\): Permission 'aiplatform\.endpoints\.predict' denied/
    )
    expect(result.proves).toMatch(/^the credentials are live, but may not call/)
  })

  it('no project: invalid, one line with the fix', async () => {
    const result = await checkVertexCredentials(
      envWith(google.externalAccount(), {
        ANTHROPIC_VERTEX_PROJECT_ID: '',
        GOOGLE_CLOUD_PROJECT: 'p'
      }),
      options(),
      deps()
    )
    expect(result.status).toBe('invalid')
    expect(result.message).toMatch(
      /^no Google Cloud project for Vertex AI: set ANTHROPIC_VERTEX_PROJECT_ID/
    )
    expect(paths()).not.toContain(expect.stringContaining('count-tokens'))
  })

  it('no credentials: unverifiable, and the token variables Claude Code does not read are named', async () => {
    const result = await checkVertexCredentials(
      envWith(undefined, { GOOGLE_OAUTH_ACCESS_TOKEN: 'ya29.unused' }),
      options(),
      deps()
    )
    expect(result.status).toBe('unverifiable')
    expect(result.message).toMatch(
      /no Application Default Credentials.*GOOGLE_OAUTH_ACCESS_TOKEN is set, but Claude Code does not read it/
    )
  })

  it('GOOGLE_APPLICATION_CREDENTIALS naming no file: invalid', async () => {
    const result = await checkVertexCredentials(
      { ...envWith(undefined), GOOGLE_APPLICATION_CREDENTIALS: join(home, 'gone.json') },
      options(),
      deps()
    )
    expect(result.status).toBe('invalid')
    expect(result.message).toMatch(
      /^GOOGLE_APPLICATION_CREDENTIALS: the file .*gone\.json does not exist/
    )
  })

  it('the region: the model’s VERTEX_REGION_*, else CLOUD_ML_REGION, else us-east5; the base URL by region', () => {
    expect(
      vertexTarget({
        ANTHROPIC_MODEL: 'claude-sonnet-4-5@20250929',
        VERTEX_REGION_CLAUDE_4_5_SONNET: 'europe-west1',
        CLOUD_ML_REGION: 'global'
      })
    ).toMatchObject({
      region: 'europe-west1',
      regionFrom: 'VERTEX_REGION_CLAUDE_4_5_SONNET',
      baseUrl: 'https://europe-west1-aiplatform.googleapis.com/v1'
    })
    expect(vertexTarget({ CLOUD_ML_REGION: 'global' })).toMatchObject({
      region: 'global',
      baseUrl: 'https://aiplatform.googleapis.com/v1'
    })
    expect(vertexTarget({ CLOUD_ML_REGION: 'eu' }).baseUrl).toBe(
      'https://aiplatform.eu.rep.googleapis.com/v1'
    )
    expect(vertexTarget({ CLOUD_ML_REGION: 'not a region!' })).toMatchObject({
      region: 'us-east5',
      regionFrom: expect.stringMatching(/not a region name/)
    })
  })
})

describe('a bare access token (CLAUDE_CODE_SKIP_VERTEX_AUTH with ANTHROPIC_AUTH_TOKEN)', () => {
  it('valid: its expiry and owner from tokeninfo, sent in the body, never the URL', async () => {
    const token = google.accessToken(SA, 1800)
    const result = await checkVertexCredentials(
      envWith(undefined, { CLAUDE_CODE_SKIP_VERTEX_AUTH: '1', ANTHROPIC_AUTH_TOKEN: token }),
      options(),
      deps()
    )
    expect(result).toMatchObject({
      status: 'valid',
      identity: SA,
      expirySource: expect.stringMatching(/tokeninfo/)
    })
    expect(Math.abs((result.expiresAt?.getTime() ?? 0) - (Date.now() + 1800_000))).toBeLessThan(
      60_000
    )
    expect(masked).toContain(token)
    expect(google.requests[0]).toMatchObject({ path: '/tokeninfo' })
    expectNoSecret(result, [token])
  })

  it('expired: tokeninfo does not know it; Vertex is not asked', async () => {
    const token = google.accessToken(SA, -60)
    const result = await checkVertexCredentials(
      envWith(undefined, { CLAUDE_CODE_SKIP_VERTEX_AUTH: '1', ANTHROPIC_AUTH_TOKEN: token }),
      options(),
      deps()
    )
    expect(result.status).toBe('invalid')
    expect(result.message).toMatch(
      /^Google tokeninfo: HTTP 400 invalid_token: Invalid Value \(ANTHROPIC_AUTH_TOKEN\)/
    )
    expect(paths()).toEqual(['/tokeninfo'])
  })

  it('no token with CLAUDE_CODE_SKIP_VERTEX_AUTH: a gateway’s, unverifiable', async () => {
    const result = await checkVertexCredentials(
      envWith(undefined, { CLAUDE_CODE_SKIP_VERTEX_AUTH: 'true' }),
      options(),
      deps()
    )
    expect(result.status).toBe('unverifiable')
  })
})

describe('service down, malformed answers', () => {
  it('Vertex AI unreachable: unverifiable, never invalid', async () => {
    const result = await checkVertexCredentials(
      envWith(google.externalAccount(), {
        ANTHROPIC_VERTEX_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1`
      }),
      options(),
      deps(3000)
    )
    expect(result.status).toBe('unverifiable')
    expect(result.message).toMatch(/Vertex AI count-tokens: connection refused/)
  })

  it('transient answers are tried again', async () => {
    const flaky = await startGoogleCloudStandIn({ faults: [503, 'throttled'] })
    try {
      const env = {
        ...envWith(flaky.externalAccount()),
        ANTHROPIC_VERTEX_BASE_URL: `${flaky.url}/v1`
      }
      const result = await checkVertexCredentials(env, options(), deps())
      expect(result.status).toBe('valid')
      expect(flaky.requests.map(r => r.path).slice(0, 3)).toEqual(['/oidc', '/oidc', '/oidc'])
    } finally {
      await flaky.close()
    }
  })

  it('a 200 that is not the answer (a captive portal, say): unverifiable', async () => {
    const { createServer } = await import('node:http')
    const portal = createServer((_req, res) => res.end('<html>sign in</html>'))
    await new Promise<void>(resolve => portal.listen(0, '127.0.0.1', resolve))
    const address = portal.address() as { port: number }
    try {
      const result = await checkVertexCredentials(
        envWith(google.externalAccount(), {
          ANTHROPIC_VERTEX_BASE_URL: `http://127.0.0.1:${address.port}/v1`
        }),
        options(),
        deps()
      )
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(/HTTP 200, not Google's answer \(an HTML page/)
    } finally {
      await new Promise(resolve => portal.close(resolve))
    }
  })

  it('a URL in the credentials file that is not https off this machine is refused, unsent', async () => {
    const file = { ...google.externalAccount(), token_url: 'http://sts.example.com/v1/token' }
    const result = await checkVertexCredentials(envWith(file), options(), deps())
    expect(result.status).toBe('unverifiable')
    expect(result.message).toMatch(/is not https \(http:\/\/sts\.example\.com\)/)
  })
})

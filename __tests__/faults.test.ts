// The fault matrix: every outbound call of the action under every network and server fault, one row per (call, fault).
// Each row asserts the status the user gets (the probe: `unverifiable`, never `invalid`; the other calls: their own
// classification, a retry, or a graceful fallback), a clear one-line message, and that the call finished within its
// configured time bound. One loopback server (stand-ins/faults.js) serves every row, each under its own path prefix,
// so the rows run concurrently.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { send } from '../src/http/request.js'
import { probe } from '../src/probe/probe.js'
import { requestRefresh, TokenEndpointError } from '../src/refresh/oauth.js'
import { loadJobWorkflow, minRemainingOf } from '../src/check/min-remaining.js'
import { githubRequest } from '../src/github/client.js'
import { SecretApiError, writeSecret } from '../src/secrets/write.js'
import { acquireLock, lockRef, LockError } from '../src/github/lock.js'
import { CommentApiError, upsertComment } from '../src/github/pr-comment.js'
import { mintOidcToken } from '../src/github/oidc.js'
import { CLAUDE_APP_AUDIENCE, exchangeForAppToken } from '../src/github/app-exchange.js'
import { probeGitHubToken } from '../src/github/token-life.js'
import { checkFederation } from '../src/cloud/federation/check.js'
import {
  assumeRole,
  assumeRoleWithWebIdentity,
  getCallerIdentity,
  listInferenceProfiles,
  type CallResult
} from '../src/cloud/aws/calls.js'
import { countTokens as foundryCountTokens } from '../src/cloud/foundry/calls.js'
import {
  countTokens,
  exchangeToken,
  fetchSubjectToken,
  impersonate,
  oauthToken,
  tokenInfo,
  type CallResult as GoogleCallResult
} from '../src/cloud/google/calls.js'
import { oneLine } from '../src/common/errors.js'
import { FAULTS, RETRY_AFTER_SECONDS, startFaultServer } from '../stand-ins/faults.js'
import { closedPort } from './support/ports.js'

type Fault = `${keyof typeof FAULTS}` | 'refused' | 'dns'
type Server = Awaited<ReturnType<typeof startFaultServer>>
type Request = { method: string; path: string }
type Answer = { status?: number; body?: unknown; headers?: Record<string, string> }
/** What the user gets from one call: its status in the module's own terms, and the line they read. */
type Outcome = { status: string; message: string }

/** Every fault of the issue. `refused` and `dns` need no server: a closed loopback port, a `.invalid` host. */
export const FAULT_NAMES: Fault[] = ['refused', 'dns', ...(Object.keys(FAULTS) as Fault[])]

const TOKEN = 'ghp_faultmatrix0000000000000000000000000'
const API_KEY = `sk-ant-api03-${'f'.repeat(40)}`
const OAUTH_TOKEN = `sk-ant-oat01-${'f'.repeat(40)}`
const REFRESH_TOKEN = `sk-ant-ort01-${'f'.repeat(40)}`
const BASE_SHA = 'b'.repeat(40)
const PUBLIC_KEY = randomBytes(32).toString('base64')
/** A JWT's shape: the exchange's row sends it, the OIDC row gets one. */
const OIDC_JWT = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('{"aud":"claude-code-github-action"}').toString('base64url')}.c2ln`
const core = { setSecret: () => {}, debug: () => {} }

/**
 * Per-request timeout of each call, and the retry budget of the calls that retry (ms). A healthy loopback answer
 * must come within REQUEST_MS even while other test files keep both cores of a 2-core runner busy.
 */
const REQUEST_MS = 3000
const BUDGET_MS = 4500
/** Added to every bound: scheduling on a busy 2-core runner. */
const MARGIN_MS = 3000
/** Outcomes that are a success: the fault hit after the server had said yes. */
const SUCCESS = ['valid', 'refreshed', 'read', 'written', 'held', 'created', 'minted', 'exchanged']

interface Call {
  name: string
  /** The configured bound on the whole call, retries included (ms). */
  boundMs: number
  /** Honours `retry-after`: the 429-retry-after row must have waited for it. */
  retries: boolean
  /** The request of the call that gets the fault (default: every request). */
  faulted?: (request: Request) => boolean
  /** Its success status, for the faults that answer with one (reset, trickle, malformed, empty). */
  okStatus?: number
  /** What a healthy server answers. */
  healthy: (request: Request) => Answer
  run: (base: string) => Promise<Outcome>
  /** What the user must get under each fault; `none` is the control row. */
  expected: (fault: Fault | 'none') => string
  /** What else the line must say under some faults. */
  also?: Partial<Record<Fault, RegExp>>
}

const isNetwork = (f: string) => ['refused', 'dns', 'reset', 'hang', 'trickle'].includes(f)
const isRedirect = (f: string) => ['301', '302', '307'].includes(f)
const isServerError = (f: string) => ['500', '502', '503', '529', 'html-502'].includes(f)
const isRateLimit = (f: string) => f === '429' || f === '429-retry-after'
const isProxyRefusal = (f: string) => f === 'html-401' || f === 'html-403'
const isBadBody = (f: string) => f === 'malformed' || f === 'empty'
/** The fault came after the success status: the server had said yes (the body is not needed for a write). */
const afterSuccess = (f: string) => f === 'reset' || f === 'trickle' || isBadBody(f)

const secretsCall = (faulty: 'public key GET' | 'PUT'): Call => ({
  name: `GitHub API: secret ${faulty}`,
  boundMs: BUDGET_MS + REQUEST_MS,
  retries: true,
  faulted: ({ method, path }) =>
    faulty === 'PUT' ? method === 'PUT' : path.endsWith('/actions/secrets/public-key'),
  okStatus: faulty === 'PUT' ? 201 : 200,
  healthy: ({ method, path }) => {
    if (path.endsWith('/public-key')) return { body: { key_id: 'kid-1', key: PUBLIC_KEY } }
    if (method === 'PUT') return { status: 201, body: {} }
    return { body: { name: 'CLAUDE_CREDENTIALS', updated_at: '2026-01-01T00:00:00Z' } }
  },
  run: async base => {
    try {
      await writeSecret({
        api: githubRequest(TOKEN, { GITHUB_API_URL: base }, { timeoutMs: REQUEST_MS }),
        core,
        target: { scope: { kind: 'repo' }, name: 'CLAUDE_CREDENTIALS', owner: 'acme', repo: 'app' },
        value: '{"claudeAiOauth":{}}',
        retry: { baseDelayMs: 50, budgetMs: BUDGET_MS }
      })
      return { status: 'written', message: '' }
    } catch (error) {
      if (!(error instanceof SecretApiError)) throw error
      return { status: error.transient ? 'transient' : 'final', message: oneLine(error) }
    }
  },
  // Retried and reported as transient, except refusals; redirects are followed, here to a 404.
  expected: fault => {
    if (fault === 'none' || (faulty === 'PUT' && afterSuccess(fault))) return 'written'
    if (isProxyRefusal(fault) || isRedirect(fault)) return 'final'
    return 'transient'
  }
})

const probeCall = (scheme: 'x-api-key' | 'oauth'): Call => ({
  name: scheme === 'x-api-key' ? 'Anthropic probe (API key)' : 'Anthropic probe (OAuth token)',
  boundMs: BUDGET_MS,
  retries: true,
  healthy: () => ({
    body: scheme === 'x-api-key' ? { data: [], has_more: false } : { input_tokens: 3 }
  }),
  run: async base => {
    const secret = scheme === 'x-api-key' ? API_KEY : OAUTH_TOKEN
    const result = await probe(
      {
        source: scheme === 'x-api-key' ? 'anthropic-api-key' : 'claude-code-oauth-token',
        scheme,
        secret
      },
      { baseUrl: base, timeoutMs: BUDGET_MS, send, baseDelayMs: 50 }
    )
    return { status: result.status, message: result.message }
  },
  expected: fault => (fault === 'none' ? 'valid' : 'unverifiable'),
  // A proxy's page is never the API's word on the credential.
  also: {
    'html-401': /did not come from the API.*proxy/,
    'html-403': /did not come from the API.*proxy/,
    malformed: /did not come from the API/,
    empty: /did not come from the API/
  }
})

const commentCall = (faulty: 'list' | 'create'): Call => ({
  name: `GitHub API: PR comment (${faulty})`,
  boundMs: REQUEST_MS,
  retries: false,
  // `GET /user` (who the token is) stays healthy: the fault is on the comments.
  faulted: ({ method, path }) =>
    faulty === 'list' ? method === 'GET' && path !== '/user' : method === 'POST',
  okStatus: faulty === 'list' ? 200 : 201,
  healthy: ({ method, path }) =>
    path === '/user'
      ? { body: { login: 'octo', type: 'User' } }
      : method === 'GET'
        ? { body: [] }
        : { status: 201, body: { id: 1 } },
  run: async base => {
    const api = githubRequest(TOKEN, { GITHUB_API_URL: base }, { timeoutMs: REQUEST_MS })
    const pr = { owner: 'acme', repo: 'app', number: 7 }
    try {
      const outcome = await upsertComment(api, pr, '<!-- m -->', '<!-- m -->\nbody')
      return { status: outcome.action, message: '' }
    } catch (error) {
      // The warning src/action/post.ts makes of it, with the permission fix for 403/404.
      if (!(error instanceof CommentApiError)) throw error
      const status = error.status
      const said = oneLine(error).replace('claude-preflight: ', '')
      return status === 403 || status === 404
        ? {
            status: 'warning (permission)',
            message: `could not comment on PR #7: the token lacks permission (HTTP ${status}: ${said})`
          }
        : { status: 'warning', message: `could not comment on PR #7: ${said}` }
    }
  },
  expected: fault => {
    if (fault === 'none' || (faulty === 'create' && afterSuccess(fault))) return 'created'
    if (fault === 'html-403' || isRedirect(fault)) return 'warning (permission)'
    return 'warning'
  }
})

/** The calls of the GitHub side (issue 12): none sends anything but its own token, all are `unverifiable` under a fault. */
const tokenCallDeps = { send, timeoutMs: BUDGET_MS, baseDelayMs: 50, mask: () => {} }
/** These calls send no token over cleartext off this machine: the `dns` row's host is asked for over https. */
const tlsOffLoopback = (base: string) => base.replace(/^http:\/\/(?!127\.0\.0\.1)/, 'https://')
/** A call that gets a token: `ok` when it did, else its problem and line. */
const tokenCall = (
  name: string,
  ok: string,
  healthy: unknown,
  get: (base: string) => Promise<{ token: string } | { problem: string; message: string }>
): Call => ({
  name,
  boundMs: BUDGET_MS,
  retries: true,
  healthy: () => ({ body: healthy }),
  run: async base => {
    const result = await get(tlsOffLoopback(base))
    return 'token' in result
      ? { status: ok, message: '' }
      : { status: result.problem, message: result.message }
  },
  expected: fault => (fault === 'none' ? ok : 'unverifiable')
})
const githubSideCalls: Call[] = [
  tokenCall(
    'GitHub OIDC token endpoint',
    'minted',
    { count: OIDC_JWT.length, value: OIDC_JWT },
    base =>
      mintOidcToken(
        {
          ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/idtoken?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-of-the-fault-matrix'
        },
        CLAUDE_APP_AUDIENCE,
        tokenCallDeps
      )
  ),
  tokenCall(
    'Claude GitHub App token exchange',
    'exchanged',
    { token: `ghs_${'e'.repeat(36)}` },
    base =>
      exchangeForAppToken(OIDC_JWT, `${base}/api/github/github-app-token-exchange`, tokenCallDeps)
  ),
  {
    name: 'GitHub API: token life (/rate_limit)',
    boundMs: BUDGET_MS,
    retries: true,
    healthy: () => ({ body: { resources: { core: { limit: 5000 } }, rate: { limit: 5000 } } }),
    run: async base => {
      const result = await probeGitHubToken(
        TOKEN,
        { GITHUB_API_URL: tlsOffLoopback(base) },
        tokenCallDeps
      )
      return { status: result.status, message: result.message }
    },
    expected: fault => (fault === 'none' ? 'valid' : 'unverifiable')
  }
]

/**
 * Anthropic workload identity federation (issue 13): the OIDC token and the probe healthy, the token exchange faulted.
 * Each retry of the exchange mints a fresh OIDC token, so its retries stay within the check's one budget.
 */
const federationCall: Call = {
  name: 'Anthropic federation token exchange',
  boundMs: BUDGET_MS,
  retries: true,
  faulted: ({ path }) => path === '/v1/oauth/token',
  healthy: ({ path }) => ({
    body:
      path === '/v1/oauth/token'
        ? { access_token: OAUTH_TOKEN, token_type: 'Bearer', expires_in: 600 }
        : path === '/v1/messages/count_tokens'
          ? { input_tokens: 3 }
          : { count: OIDC_JWT.length, value: OIDC_JWT }
  }),
  run: async base => {
    const result = await checkFederation(
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${tlsOffLoopback(base)}/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-of-the-fault-matrix',
        ANTHROPIC_BASE_URL: tlsOffLoopback(base),
        ANTHROPIC_FEDERATION_RULE_ID: 'fdrl_faultmatrix',
        ANTHROPIC_ORGANIZATION_ID: '00000000-0000-4000-8000-000000000000',
        ANTHROPIC_IDENTITY_TOKEN_FILE: '/home/runner/work/_temp/identity-token'
      },
      tokenCallDeps
    )
    return { status: result.status, message: result.message }
  },
  expected: fault => (fault === 'none' ? 'valid' : 'unverifiable')
}
/** The cloud calls of issue 13: each is `unverifiable` under every fault, never a verdict on the credential. */
const AWS_KEYS = { accessKeyId: 'AKIAFAULTMATRIX00000', secretAccessKey: 'f'.repeat(40) }
const awsCall = (
  name: string,
  healthy: Answer,
  call: (base: string) => Promise<CallResult<unknown>>
): Call => ({
  name,
  boundMs: BUDGET_MS,
  retries: true,
  healthy: () => healthy,
  run: async base => {
    const result = await call(tlsOffLoopback(base))
    return 'failed' in result
      ? { status: result.failed.status, message: result.failed.message }
      : { status: 'valid', message: '' }
  },
  expected: fault => (fault === 'none' ? 'valid' : 'unverifiable')
})
const xml = (body: string): Answer => ({
  body,
  headers: { 'content-type': 'text/xml' }
})
/** Temporary credentials as STS answers them. */
const STS_CREDENTIALS = `<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>${'s'.repeat(40)}</SecretAccessKey><SessionToken>${'t'.repeat(80)}</SessionToken><Expiration>2036-01-01T00:00:00Z</Expiration></Credentials>`
const awsCalls: Call[] = [
  awsCall(
    'AWS STS GetCallerIdentity',
    xml(
      '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>'
    ),
    base => getCallerIdentity(base, 'us-east-1', AWS_KEYS, tokenCallDeps)
  ),
  awsCall(
    'AWS STS AssumeRoleWithWebIdentity',
    xml(
      `<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult>${STS_CREDENTIALS}</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`
    ),
    base =>
      assumeRoleWithWebIdentity(
        base,
        {
          RoleArn: 'arn:aws:iam::123456789012:role/claude',
          RoleSessionName: 'faults',
          WebIdentityToken: OIDC_JWT
        },
        tokenCallDeps
      )
  ),
  // A profile's `role_arn`: the AWS SDK's ini provider asks the action's own call to assume it (src/cloud/aws/credentials.ts).
  awsCall(
    "AWS STS AssumeRole (a profile's role)",
    xml(
      `<AssumeRoleResponse><AssumeRoleResult>${STS_CREDENTIALS}</AssumeRoleResult></AssumeRoleResponse>`
    ),
    base =>
      assumeRole(
        base,
        'us-east-1',
        AWS_KEYS,
        { RoleArn: 'arn:aws:iam::123456789012:role/claude', RoleSessionName: 'faults' },
        tokenCallDeps
      )
  ),
  awsCall('AWS Bedrock ListInferenceProfiles', { body: { inferenceProfileSummaries: [] } }, base =>
    listInferenceProfiles(base, 'us-east-1', { credentials: AWS_KEYS }, tokenCallDeps)
  )
]

/** Microsoft Foundry's count_tokens with a key (issue 13): `unverifiable` under every fault, never a verdict. */
const foundryCall: Call = awsCall(
  'Microsoft Foundry count_tokens',
  { body: { input_tokens: 3 } },
  base =>
    foundryCountTokens(
      `${base}/anthropic`,
      'claude-sonnet-4-5',
      { apiKey: 'f'.repeat(32) },
      tokenCallDeps
    )
)
/** The Google calls of Claude on Vertex AI: each is `unverifiable` under every fault, never a verdict. */
const GOOGLE_TOKEN = `ya29.${'f'.repeat(60)}`
/** Google's calls answer as AWS's do (`{data}` or `{failed}`): rows of the same shape. */
const googleCall = (
  name: string,
  healthy: unknown,
  call: (base: string) => Promise<GoogleCallResult<unknown>>
) => awsCall(name, { body: healthy }, call)
const googleCalls: Call[] = [
  googleCall(
    "Google credential_source.url (an external_account's subject token)",
    { count: OIDC_JWT.length, value: OIDC_JWT },
    base =>
      fetchSubjectToken(
        {
          url: `${base}/oidc?api-version=2.0&audience=x`,
          headers: { Authorization: 'Bearer oidc-request-token-of-the-fault-matrix' },
          field: 'value'
        },
        tokenCallDeps
      )
  ),
  googleCall(
    'Google STS token exchange',
    { access_token: GOOGLE_TOKEN, token_type: 'Bearer', expires_in: 3600 },
    base =>
      exchangeToken(
        `${base}/v1/token`,
        {
          audience: '//iam.googleapis.com/x',
          subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
          subjectToken: OIDC_JWT
        },
        tokenCallDeps
      )
  ),
  googleCall(
    'Google IAM generateAccessToken (impersonation)',
    { accessToken: GOOGLE_TOKEN, expireTime: '2036-01-01T00:00:00Z' },
    base =>
      impersonate(
        `${base}/v1/projects/-/serviceAccounts/ci@p.iam.gserviceaccount.com:generateAccessToken`,
        GOOGLE_TOKEN,
        tokenCallDeps
      )
  ),
  googleCall(
    'Google OAuth token endpoint (token_uri)',
    { access_token: GOOGLE_TOKEN, token_type: 'Bearer', expires_in: 3600 },
    base =>
      oauthToken(
        'OAuth token endpoint (token_uri)',
        `${base}/token`,
        { grant_type: 'refresh_token', client_id: 'c', refresh_token: REFRESH_TOKEN },
        [REFRESH_TOKEN],
        tokenCallDeps
      )
  ),
  googleCall(
    'Google tokeninfo',
    { exp: '2000000000', email: 'ci@p.iam.gserviceaccount.com' },
    base => tokenInfo(`${base}/tokeninfo`, GOOGLE_TOKEN, tokenCallDeps)
  ),
  googleCall('Vertex AI count-tokens', { input_tokens: 9 }, base =>
    countTokens(
      `${base}/v1/projects/p/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict`,
      GOOGLE_TOKEN,
      'claude-opus-5-5',
      tokenCallDeps
    )
  )
]

const CALLS: Call[] = [
  probeCall('x-api-key'),
  probeCall('oauth'),
  {
    name: 'OAuth token endpoint',
    boundMs: BUDGET_MS + REQUEST_MS,
    retries: true,
    healthy: () => ({
      body: { access_token: OAUTH_TOKEN, refresh_token: `${REFRESH_TOKEN}2`, expires_in: 28800 }
    }),
    run: async base => {
      try {
        await requestRefresh({
          send,
          core,
          url: `${base}/v1/oauth/token`,
          clientId: 'client',
          refreshToken: REFRESH_TOKEN,
          now: () => new Date(),
          reseed: 'gh secret set CLAUDE_CREDENTIALS',
          baseDelayMs: 50,
          budgetMs: BUDGET_MS,
          timeoutMs: REQUEST_MS
        })
        return { status: 'refreshed', message: '' }
      } catch (error) {
        if (!(error instanceof TokenEndpointError)) throw error
        return { status: error.kind, message: oneLine(error) }
      }
    },
    expected: fault => {
      if (fault === 'none') return 'refreshed'
      if (isNetwork(fault)) return 'network'
      if (isServerError(fault)) return 'server'
      if (isRateLimit(fault)) return 'rate_limited'
      if (isProxyRefusal(fault)) return 'unauthorized'
      return 'bad_response' // malformed, empty, redirects (not followed)
    },
    // Never loses a token silently: where the endpoint may have rotated it, the line says how to re-seed; where the
    // request never arrived, it says the token was not used up.
    also: {
      refused: /not used up/,
      dns: /not used up/,
      reset: /re-seed/,
      hang: /re-seed/,
      trickle: /re-seed/,
      500: /re-seed/,
      malformed: /re-seed/,
      empty: /re-seed/,
      'html-401': /proxy.*not used up/,
      429: /not used up/,
      301: /redirect to http:\/\/127\.0\.0\.1:\d+\/elsewhere\/.*not used up/
    }
  },
  {
    name: 'GitHub API: workflow file (min-remaining auto)',
    boundMs: REQUEST_MS,
    retries: false,
    healthy: () => ({
      body: {
        encoding: 'base64',
        content: Buffer.from('jobs:\n  build:\n    timeout-minutes: 45\n').toString('base64')
      }
    }),
    run: async base => {
      const env = {
        GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/ci.yml@refs/heads/main',
        GITHUB_JOB: 'build',
        GITHUB_API_URL: base
      }
      const result = minRemainingOf(
        'auto',
        await loadJobWorkflow(env, { send, githubToken: TOKEN, timeoutMs: REQUEST_MS })
      )
      const fellBack = result.ms === 360 * 60_000
      return { status: fellBack ? 'fallback 360' : 'read', message: fellBack ? result.source : '' }
    },
    expected: fault => (fault === 'none' ? 'read' : 'fallback 360')
  },
  secretsCall('public key GET'),
  secretsCall('PUT'),
  {
    name: 'GitHub API: refs (lock)',
    // No retries; the base commit and the lock commit are healthy, the ref create is faulted.
    boundMs: REQUEST_MS,
    retries: false,
    faulted: ({ method, path }) => method === 'POST' && path === '/repos/acme/app/git/refs',
    okStatus: 201,
    healthy: ({ method, path }) => {
      if (method === 'GET' && path === `/repos/acme/app/git/commits/${BASE_SHA}`)
        return { body: { sha: BASE_SHA, tree: { sha: 't'.repeat(40) }, message: 'head' } }
      if (method === 'POST' && path === '/repos/acme/app/git/commits')
        return { status: 201, body: { sha: 'c'.repeat(40) } }
      if (method === 'POST') return { status: 201, body: { ref: 'x', object: { sha: 'c' } } }
      return { status: 404, body: { message: 'Not Found' } }
    },
    run: async base => {
      try {
        await acquireLock({
          api: githubRequest(TOKEN, { GITHUB_API_URL: base }, { timeoutMs: REQUEST_MS }),
          owner: 'acme',
          repo: 'app',
          ref: lockRef('repo', 'CLAUDE_CREDENTIALS'),
          holder: 'run 1 attempt 1, job build',
          baseSha: BASE_SHA,
          waitMs: BUDGET_MS,
          pollMs: 50
        })
        return { status: 'held', message: '' }
      } catch (error) {
        if (!(error instanceof LockError)) throw error
        return { status: error.reason, message: oneLine(error) }
      }
    },
    // A failing API is not a missing permission: no "Contents: write" advice for a 5xx or 429.
    also: Object.fromEntries(
      ['500', '502', '503', '529', '429', 'html-502'].map(f => [
        f,
        /^(?!.*Contents: write).*Re-run/
      ])
    ),
    expected: fault => {
      if (fault === 'none' || afterSuccess(fault)) return 'held' // the 201 arrived: the ref exists
      if (isProxyRefusal(fault) || isRedirect(fault)) return 'denied' // redirects are followed, to a 404
      return 'unreachable'
    }
  },
  commentCall('list'),
  commentCall('create'),
  ...githubSideCalls,
  federationCall,
  ...awsCalls,
  foundryCall,
  ...googleCalls
]

/** The base URL of one row: a dead port, a host that does not resolve, or a scenario of the fault server. */
function baseFor(call: Call, fault: Fault | 'none'): string {
  if (fault === 'refused') return refusedUrl
  if (fault === 'dns') return 'http://claude-preflight-faults.invalid'
  return server.scenario((request: Request) =>
    fault !== 'none' && (call.faulted?.(request) ?? true)
      ? { fault, status: call.okStatus ?? 200 }
      : call.healthy(request)
  )
}

/** What the one line must say, by fault, whenever the call did not succeed. */
const SAYS: Record<Fault, RegExp> = {
  refused: /connection refused/i,
  dns: /host name not found/i,
  reset: /connection reset|cut off/i,
  hang: /no answer/i,
  trickle: /no answer|cut off/i,
  500: /\b500\b/,
  502: /\b502\b/,
  503: /\b503\b/,
  '429-retry-after': /\b429\b/,
  429: /\b429\b/,
  529: /\b529\b/,
  'html-502': /\b502\b/,
  'html-401': /\b401\b/,
  'html-403': /\b403\b/,
  malformed: /JSON|without/i,
  empty: /JSON|empty|without/i,
  301: /\b(301|404)\b/,
  302: /\b(302|404)\b/,
  307: /\b(307|404)\b/
}

const ROWS = CALLS.flatMap(call => FAULT_NAMES.map(fault => [call.name, fault, call] as const))
/** The size of the matrix, for docs/reliability.md. */
export const MATRIX = { calls: CALLS.length, faults: FAULT_NAMES.length, rows: ROWS.length }

let server: Server
let refusedUrl: string
beforeAll(async () => {
  server = await startFaultServer({ trickleMs: 200, maxMs: 10_000 })
  refusedUrl = `http://127.0.0.1:${await closedPort()}`
  // Loaded on first use by the code under test: load them now, so no row's clock counts module loading.
  await Promise.all([
    import('undici'),
    import('@actions/http-client'),
    import('libsodium-wrappers')
  ])
})
/** Every row's outcome; FAULT_MATRIX_PRINT=1 prints them as a table (for docs/reliability.md). */
const seen: string[] = []
afterAll(async () => {
  await server?.close()
  if (process.env.FAULT_MATRIX_PRINT)
    process.stdout.write(
      `| call | fault | status | ms | message |\n|---|---|---|---|---|\n${seen.sort().join('\n')}\n`
    )
})

describe(`fault matrix: ${MATRIX.calls} calls × ${MATRIX.faults} faults = ${MATRIX.rows} rows`, () => {
  it.concurrent.each(ROWS)('%s under %s', async (_name, fault, call) => {
    const base = baseFor(call, fault)
    const started = Date.now()
    const outcome = await call.run(base)
    const elapsed = Date.now() - started
    seen.push(`| ${call.name} | ${fault} | ${outcome.status} | ${elapsed} | ${outcome.message} |`)

    expect(outcome.status).toBe(call.expected(fault))
    expect(outcome.status).not.toBe('invalid')
    expect(elapsed).toBeLessThan(call.boundMs + MARGIN_MS)
    if (fault === '429-retry-after' && call.retries) {
      // Each retry waited the server's retry-after, not the 50 ms back-off (when one fitted in the budget at all).
      const tries = Number(/(\d+) attempts/.exec(outcome.message)?.[1] ?? 1)
      expect(elapsed).toBeGreaterThanOrEqual((tries - 1) * (RETRY_AFTER_SECONDS * 1000 - 50))
    }
    if (SUCCESS.includes(outcome.status)) return
    // One clear line: no newline, no stack, no HTML, no placeholder, no status said twice.
    expect(outcome.message).not.toMatch(/\n/)
    expect(outcome.message).not.toMatch(
      /<html|<\/|\bat \S+ \(|undefined|\[object|HTTP (\d+) HTTP \1/i
    )
    expect(outcome.message.length).toBeLessThan(600)
    expect(outcome.message).toMatch(SAYS[fault])
    if (call.also?.[fault]) expect(outcome.message).toMatch(call.also[fault])
  })
})

/** The same calls without a fault: proves each row's wiring, so that a fault row fails for its fault. */
describe('control: no fault', () => {
  it.concurrent.each(CALLS.map(call => [call.name, call] as const))('%s', async (_name, call) => {
    const outcome = await call.run(baseFor(call, 'none'))
    expect(outcome.status).toBe(call.expected('none'))
  })
})

describe('docs/reliability.md', () => {
  it('gives the matrix as it runs: its size, and a row for each call', () => {
    // Spaces collapsed: prettier pads table cells.
    const page = readFileSync('docs/reliability.md', 'utf8').replace(/ +/g, ' ')
    const size = `${MATRIX.calls} calls × ${MATRIX.faults} faults = ${MATRIX.rows} rows`
    expect(page).toContain(
      `| calls × faults covered | ${size} (see [Fault matrix](#fault-matrix)) |`
    )
    expect(page).toContain(`**${size}**`)
    for (const call of CALLS) expect(page).toContain(`\n| ${call.name} |`)
  })
})

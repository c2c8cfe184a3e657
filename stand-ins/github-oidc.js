// A stand-in for the runner's OIDC token endpoint on loopback, as @actions/core getIDToken calls it
// (https://github.com/actions/toolkit/blob/main/packages/core/src/oidc-utils.ts): `GET
// ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>` (the URL already carries `?api-version=2.0`) with `Authorization:
// Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}` answers `{"count": n, "value": "<jwt>"}`. The JWT is signed RS256 and
// carries the claims GitHub documents (https://docs.github.com/en/actions/reference/security/oidc): issuer
// https://token.actions.githubusercontent.com, the audience asked for (the repository owner's URL when none is), about
// five minutes of life. `verifyOidcToken` checks one the way a relying party (the App token exchange) does.
import { createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto'
import { listenOnLoopback, replyJson } from './loopback.js'

export const OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

const base64url = value => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * The service's refusal, in the exception format the Actions service shares with Azure DevOps (its shape; the words
 * are the stand-in's).
 */
const refusal = (status, message) => ({
  status,
  body: {
    $id: '1',
    innerException: null,
    message,
    typeName: 'Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException',
    typeKey: 'UnauthorizedRequestException',
    errorCode: 0,
    eventId: 3000
  }
})

/** Answers by status for `faults`: the refusals a client must tell apart from the service being down. */
const FAULT_ANSWERS = {
  401: refusal(401, "TF400813: The user '' is not authorized to access this resource."),
  403: refusal(403, 'The request token does not allow an ID token for this job.'),
  500: { status: 500, body: { message: 'Internal server error' } },
  503: { status: 503, body: { message: 'Service unavailable' } }
}

/**
 * @param {object} [options]
 * @param {string} [options.requestToken] the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN must carry (default: a new one)
 * @param {object} [options.claims] claims that replace or add to the documented defaults (repository, ref, …)
 * @param {number} [options.lifetimeSeconds] how long a token lives (default 300)
 * @param {() => number} [options.now] the stand-in's clock, epoch ms (default Date.now)
 * @param {Array<401|403|500|503|'hang'|'reset'|{status: number, body?: any, headers?: object}>} [options.faults]
 *   consumed one per request before anything is checked: a status answers the service's error for it, an object
 *   answers itself, 'hang' never answers, 'reset' destroys the socket
 */
export async function startGitHubOidcStandIn(options = {}) {
  const now = options.now ?? Date.now
  const lifetimeSeconds = options.lifetimeSeconds ?? 300
  const requestToken = options.requestToken ?? `oidc-request-${randomUUID()}`
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomUUID()
  const path = `/00000000-0000-0000-0000-000000000000/_apis/distributedtask/hubs/Actions/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`
  const faults = [...(options.faults ?? [])]
  /** @type {Array<{method: string, path: string, query: URLSearchParams, headers: import('node:http').IncomingHttpHeaders, text: string}>} */
  const requests = []
  /**
   * Every token minted, oldest first, with its claims.
   * @type {Array<{token: string, claims: Record<string, unknown>}>}
   */
  const minted = []

  const mint = audience => {
    const sha = 'f'.repeat(40)
    const iat = Math.floor(now() / 1000)
    const claims = {
      jti: randomUUID(),
      sub: 'repo:acme/app:ref:refs/heads/main',
      aud: audience,
      ref: 'refs/heads/main',
      sha,
      repository: 'acme/app',
      repository_owner: 'acme',
      repository_owner_id: '1001',
      repository_id: '2002',
      repository_visibility: 'private',
      run_id: '9000000001',
      run_number: '42',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '3003',
      workflow: 'Claude',
      event_name: 'push',
      ref_type: 'branch',
      ref_protected: 'false',
      workflow_ref: 'acme/app/.github/workflows/claude.yml@refs/heads/main',
      workflow_sha: sha,
      job_workflow_ref: 'acme/app/.github/workflows/claude.yml@refs/heads/main',
      job_workflow_sha: sha,
      runner_environment: 'github-hosted',
      ...options.claims,
      iss: OIDC_ISSUER,
      nbf: iat - 5,
      iat,
      exp: iat + lifetimeSeconds
    }
    if (audience === undefined) claims.aud = `https://github.com/${claims.repository_owner}`
    const unsigned = `${base64url({ typ: 'JWT', alg: 'RS256', kid })}.${base64url(claims)}`
    const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url')
    const token = `${unsigned}.${signature}`
    minted.push({ token, claims })
    return token
  }

  const server = await listenOnLoopback((req, res, text, url) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    requests.push({
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      text
    })
    const fault = faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    const answer = typeof fault === 'number' ? FAULT_ANSWERS[fault] : fault
    if (answer) return replyJson(res, answer.status, answer.body, answer.headers)
    if (req.method !== 'GET' || url.pathname !== path)
      return replyJson(res, 404, { message: 'Not Found' })
    if (bearer !== requestToken)
      return replyJson(res, FAULT_ANSWERS[401].status, FAULT_ANSWERS[401].body)
    const value = mint(url.searchParams.get('audience') ?? undefined)
    replyJson(res, 200, { count: value.length, value })
  })

  return {
    url: server.url,
    /** The environment a job with `permissions: id-token: write` gets. */
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}${path}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    },
    publicKey,
    kid,
    requests,
    minted,
    close: server.close
  }
}

/**
 * The claims of an OIDC token, checked as a relying party does: three parts, RS256 signed by `publicKey`, the issuer,
 * the audience, and `nbf` ≤ now < `exp`; otherwise why not.
 * @param {string} token
 * @param {{publicKey: import('node:crypto').KeyObject, audience: string, now: number}} expected
 * @returns {{claims: object} | {reason: string}}
 */
export function verifyOidcToken(token, { publicKey, audience, now }) {
  const parts = token.split('.')
  if (parts.length !== 3) return { reason: 'not a JWT' }
  let header
  let claims
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return { reason: 'not a JWT' }
  }
  if (header?.alg !== 'RS256') return { reason: `alg ${header?.alg}` }
  const signed = createVerify('RSA-SHA256')
    .update(`${parts[0]}.${parts[1]}`)
    .verify(publicKey, parts[2], 'base64url')
  if (!signed) return { reason: 'bad signature' }
  if (claims.iss !== OIDC_ISSUER) return { reason: `issuer ${claims.iss}` }
  if (claims.aud !== audience) return { reason: `audience ${claims.aud}` }
  const seconds = now / 1000
  if (!(claims.nbf <= seconds && seconds < claims.exp))
    return { reason: 'expired or not yet valid' }
  return { claims }
}

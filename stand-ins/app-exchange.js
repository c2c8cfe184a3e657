// A stand-in for the Claude GitHub App token exchange on loopback, as anthropics/claude-code-action calls it
// (src/github/token.ts): `POST /api/github/github-app-token-exchange` with `Authorization: Bearer <OIDC token>` and an
// optional JSON body `{"permissions": {...}}` answers `{"token": "ghs_…"}` (or `app_token`). Refusals are 401s in the
// API's error envelope `{"type": "error", "error": {"type", "message", "details": {"error_code"}}}` or, as
// claude-code-action also reads them, a bare `{"message"}`; the words are those users reported
// (anthropics/claude-code-action#1272, #443, PR #460; lingodotdev/lingo.dev#1577).
//
// The bearer must be an OIDC token of the OIDC stand-in (github-oidc.js): signed by it, audience
// `claude-code-github-action`, not expired; any other gets "Invalid OIDC token". Each token minted is told to the
// GitHub stand-in (github-tokens.js seedToken) as an installation token of one hour, so that `/rate_limit` accepts it
// and `DELETE /installation/token` revokes it.
import { randomBytes } from 'node:crypto'
import { listenOnLoopback, replyJson } from './loopback.js'
import { verifyOidcToken } from './github-oidc.js'
import { seedToken } from './github-tokens.js'

export const EXCHANGE_PATH = '/api/github/github-app-token-exchange'
const AUDIENCE = 'claude-code-github-action'
const WORKFLOW_VALIDATION =
  "Workflow validation failed. The workflow file must exist and have identical content to the version on the repository's default branch."

/** What each scenario answers once the OIDC token passed: status, error type, message, error_code. */
const REFUSALS = {
  'not-installed': [
    401,
    'authentication_error',
    'Claude Code is not installed on this repository. Please install the Claude Code GitHub App at https://github.com/apps/claude'
  ],
  'workflow-mismatch': [
    401,
    'authentication_error',
    WORKFLOW_VALIDATION,
    'workflow_content_mismatch'
  ],
  'workflow-not-found': [
    401,
    'authentication_error',
    WORKFLOW_VALIDATION,
    'workflow_not_found_on_default_branch'
  ],
  'invalid-oidc': [401, 'authentication_error', 'Invalid OIDC token'],
  500: [500, 'api_error', 'Internal server error']
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const installationToken = () =>
  `ghs_${[...randomBytes(36)].map(byte => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('')}`
const requestId = () => `req_${randomBytes(12).toString('hex')}`

/**
 * @param {object} options
 * @param {{publicKey: import('node:crypto').KeyObject}} options.oidc the OIDC stand-in whose tokens it accepts
 * @param {{state: object}} [options.github] the GitHub stand-in told about every token minted
 * @param {'installed'|'not-installed'|'workflow-mismatch'|'workflow-not-found'|'invalid-oidc'|'500'} [options.scenario]
 *   what it answers a valid OIDC token (default 'installed'); `scenario` on the returned object changes it
 * @param {'envelope'|'flat'} [options.errorShape] refusals in the API's envelope (default) or as `{"message"}`;
 *   `errorShape` on the returned object changes it
 * @param {'token'|'app_token'} [options.tokenField] the field the token comes in (default 'token')
 * @param {number} [options.tokenLifetimeSeconds] how long a minted token lives (default 3600)
 * @param {() => number} [options.now] the clock, epoch ms (default Date.now)
 */
export async function startAppExchangeStandIn(options) {
  const now = options.now ?? Date.now
  const stand = {
    scenario: options.scenario ?? 'installed',
    errorShape: options.errorShape ?? 'envelope',
    /** @type {Array<{method: string, path: string, headers: import('node:http').IncomingHttpHeaders, text: string}>} */
    requests: [],
    /**
     * Every token minted: the token, the OIDC claims it was minted for, the permissions asked.
     * @type {Array<{token: string, claims: Record<string, unknown>, permissions?: Record<string, string>}>}
     */
    issued: []
  }
  const server = await listenOnLoopback((req, res, text, url) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
    stand.requests.push({ method: req.method, path: url.pathname, headers: req.headers, text })
    const id = requestId()
    const refuse = ([status, type, message, errorCode]) =>
      replyJson(
        res,
        status,
        stand.errorShape === 'flat'
          ? { message }
          : {
              type: 'error',
              error: { type, message, ...(errorCode && { details: { error_code: errorCode } }) }
            },
        { 'request-id': id }
      )
    if (req.method !== 'POST' || url.pathname !== EXCHANGE_PATH)
      return refuse([404, 'not_found_error', 'Not Found'])
    let permissions
    try {
      permissions = text ? JSON.parse(text).permissions : undefined
    } catch {
      return refuse([400, 'invalid_request_error', 'Request body is not valid JSON'])
    }
    const verified = verifyOidcToken(bearer, {
      publicKey: options.oidc.publicKey,
      audience: AUDIENCE,
      now: now()
    })
    if (!verified.claims) return refuse(REFUSALS['invalid-oidc'])
    const refusal = REFUSALS[stand.scenario]
    if (refusal) return refuse(refusal)
    const token = installationToken()
    const expiresAt = new Date(now() + (options.tokenLifetimeSeconds ?? 3600) * 1000)
    if (options.github)
      seedToken(options.github.state, token, { kind: 'installation', expiresAt, permissions })
    stand.issued.push({ token, claims: verified.claims, permissions })
    replyJson(res, 200, { [options.tokenField ?? 'token']: token }, { 'request-id': id })
  })
  return Object.assign(stand, {
    url: server.url,
    exchangeUrl: `${server.url}${EXCHANGE_PATH}`,
    close: server.close
  })
}

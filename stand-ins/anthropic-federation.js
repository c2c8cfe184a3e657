// A stand-in for Anthropic workload identity federation on loopback: the token exchange `POST /v1/oauth/token`
// (https://platform.claude.com/docs/en/manage-claude/wif-reference) on the same address as the Anthropic API
// stand-in (anthropic.js), which then accepts every token minted, as the real API does on api.anthropic.com.
//
// The request is JSON `{grant_type: urn:ietf:params:oauth:grant-type:jwt-bearer, assertion, federation_rule_id,
// organization_id, service_account_id?, workspace_id?}`. The assertion must be an OIDC token of the GitHub OIDC
// stand-in (github-oidc.js), checked as a relying party does (verifyOidcToken: signature, issuer, audience, life), then
// against the rule. The answer is `{access_token: "sk-ant-oat01-…", token_type: "Bearer", expires_in}` where expires_in
// is the rule's lifetime capped at twice the assertion's remaining life. Every denial, whatever its reason, is the
// same opaque 401 `{"error": "invalid_grant", "error_description": "Authentication failed"}`; the reason goes only to
// `authEvents`, as the real one shows it only in the Claude Console's authentication history. An assertion whose `jti`
// was exchanged before is denied (`jti_reused`).
import { randomBytes } from 'node:crypto'
import { replyJson } from './loopback.js'
import { startAnthropicStandIn } from './anthropic.js'
import { verifyOidcToken } from './github-oidc.js'

export const TOKEN_PATH = '/v1/oauth/token'
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'

const requestId = () => `req_011C${randomBytes(9).toString('hex')}`
const accessToken = () => `sk-ant-oat01-${randomBytes(60).toString('base64url')}`

/** The exchange's denial, the same for every reason; `envelope` gives it in the API's error envelope instead. */
const denial = shape =>
  shape === 'envelope'
    ? { type: 'error', error: { type: 'authentication_error', message: 'Authentication failed' } }
    : { error: 'invalid_grant', error_description: 'Authentication failed' }

/** Answers by status for `faults`, as the API's front end gives them. */
const FAULT_ANSWERS = {
  429: [429, 'rate_limit_error', 'Rate limited'],
  500: [500, 'api_error', 'Internal server error'],
  503: [503, 'api_error', 'Service unavailable'],
  529: [529, 'overloaded_error', 'Overloaded']
}

/**
 * @param {object} options
 * @param {{publicKey: import('node:crypto').KeyObject}} options.oidc the OIDC stand-in whose tokens are the assertions
 * @param {object} [options.rule] the one federation rule
 * @param {string} [options.rule.id] default fdrl_01stand1n
 * @param {string} [options.rule.organizationId] default a fixed UUID
 * @param {string} [options.rule.serviceAccountId] default svac_01stand1n
 * @param {string[]} [options.rule.workspaces] the workspaces it is enabled in (default one): with several, the request
 *   must name one
 * @param {string} [options.rule.audience] the `aud` it expects (default https://api.anthropic.com)
 * @param {string} [options.rule.subject] the `sub` it expects (default any)
 * @param {number} [options.rule.tokenLifetimeSeconds] token_lifetime_seconds (default 3600: the OIDC cap binds)
 * @param {boolean} [options.deny] deny every request (reason `denied`); `deny` on the returned object changes it
 * @param {'oauth'|'envelope'} [options.errorShape] the denial's body (default OAuth's)
 * @param {Array<429|500|503|529|'hang'|'reset'|{status: number, body?: any, text?: string, headers?: object}>} [options.faults]
 *   consumed one per exchange after the assertion was read and its `jti` used up, as a server failing late does: a
 *   status answers the API's error for it, an object another server's answer (JSON `body`, or `text` as HTML) without
 *   the API's request id, 'hang' never answers, 'reset' destroys the socket
 * @param {string} [options.minted] what the API stand-in does with a minted token (default `valid`; any behaviour of
 *   anthropic.js)
 * @param {Array<object>} [options.turns] the model's turns, across every minted token (anthropic.js `turns`)
 * @param {() => number} [options.now] the clock, epoch ms (default Date.now)
 */
export async function startFederationStandIn(options) {
  const now = options.now ?? Date.now
  const rule = {
    id: 'fdrl_01stand1n',
    organizationId: '7d0e4c6a-3b1f-4e8e-9a55-2f7c1d0b9e11',
    serviceAccountId: 'svac_01stand1n',
    workspaces: ['wrkspc_01stand1n'],
    audience: 'https://api.anthropic.com',
    tokenLifetimeSeconds: 3600,
    ...options.rule
  }
  const usedJti = new Set()
  const stand = {
    rule,
    deny: options.deny ?? false,
    faults: [...(options.faults ?? [])],
    /**
     * Every exchange asked: its parsed body and headers.
     * @type {Array<{body: Record<string, string>, headers: import('node:http').IncomingHttpHeaders}>}
     */
    exchanges: [],
    /**
     * The authentication history: one entry per exchange that got to the rule, `ok` or the reason it was denied.
     * @type {Array<{result: string}>}
     */
    authEvents: [],
    /**
     * Every token minted, with the claims it was minted for, its expires_in and workspace.
     * @type {Array<{token: string, claims: Record<string, unknown>, expiresIn: number, workspace: string}>}
     */
    issued: []
  }
  const exchange = (req, res, text) => {
    const id = requestId()
    const reply = (status, body, headers = {}) =>
      replyJson(res, status, body, { 'request-id': id, ...headers })
    if (req.method !== 'POST') return reply(405, { error: 'invalid_request' })
    let body
    try {
      body = JSON.parse(text)
    } catch {
      return reply(400, { error: 'invalid_request', error_description: 'Body must be JSON' })
    }
    stand.exchanges.push({ body, headers: req.headers })
    if (body.grant_type !== JWT_BEARER) return reply(400, { error: 'unsupported_grant_type' })
    const missing = ['assertion', 'federation_rule_id', 'organization_id'].filter(
      field => typeof body[field] !== 'string' || !body[field]
    )
    if (missing.length > 0)
      return reply(400, {
        error: 'invalid_request',
        error_description: `Missing ${missing.join(', ')}`
      })
    const deny = reason => {
      stand.authEvents.push({ result: reason })
      return reply(401, denial(options.errorShape))
    }
    const verified = verifyOidcToken(body.assertion, {
      publicKey: options.oidc.publicKey,
      audience: rule.audience,
      now: now()
    })
    if (!verified.claims) return deny(`assertion: ${verified.reason}`)
    const { claims } = verified
    // The jti is used up by the exchange that reads it, whatever becomes of that exchange.
    const reused = usedJti.has(claims.jti)
    usedJti.add(claims.jti)
    const fault = stand.faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (typeof fault === 'number') {
      const [status, type, message] = FAULT_ANSWERS[fault]
      return reply(status, { type: 'error', error: { type, message } }, { 'retry-after': '0' })
    }
    // Another server's answer (a gateway's, a proxy's): without the API's request id.
    if (fault?.text !== undefined) {
      res.writeHead(fault.status, { 'content-type': 'text/html', ...fault.headers })
      return res.end(fault.text)
    }
    if (fault) return replyJson(res, fault.status, fault.body, fault.headers)
    if (reused) return deny('jti_reused')
    if (stand.deny) return deny('denied')
    if (body.federation_rule_id !== rule.id) return deny('rule_not_found')
    if (body.organization_id !== rule.organizationId) return deny('organization_mismatch')
    if (rule.subject !== undefined && claims.sub !== rule.subject) return deny('match_subject')
    if (body.service_account_id !== undefined && body.service_account_id !== rule.serviceAccountId)
      return deny('service_account_mismatch')
    const workspace = body.workspace_id ?? (rule.workspaces.length === 1 ? rule.workspaces[0] : '')
    if (!workspace) return deny('workspace_id_required')
    if (!rule.workspaces.includes(workspace)) return deny('workspace_not_enabled')
    const remaining = Math.max(0, claims.exp - Math.floor(now() / 1000))
    const expiresIn = Math.min(rule.tokenLifetimeSeconds, 2 * remaining)
    const token = accessToken()
    api.set(token, options.minted ?? 'valid')
    api.expireAt(token, now() + expiresIn * 1000)
    stand.authEvents.push({ result: 'ok' })
    stand.issued.push({ token, claims, expiresIn, workspace })
    return reply(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn })
  }
  const api = await startAnthropicStandIn({
    now,
    ...(options.turns && { turns: options.turns }),
    route: (req, res, body, url) => {
      if (url.pathname !== TOKEN_PATH) return false
      exchange(req, res, body)
      return true
    }
  })
  return Object.assign(stand, {
    url: api.url,
    /** The API stand-in on the same address: its requests, `set` to change what a minted token does. */
    api,
    /** The environment Claude Code reads federation from, pointing here. */
    env: {
      ANTHROPIC_BASE_URL: api.url,
      ANTHROPIC_FEDERATION_RULE_ID: rule.id,
      ANTHROPIC_ORGANIZATION_ID: rule.organizationId,
      ANTHROPIC_SERVICE_ACCOUNT_ID: rule.serviceAccountId
    },
    close: api.close
  })
}

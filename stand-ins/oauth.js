// A stand-in for Claude's OAuth token endpoint on loopback, a refresh as RFC 6749 §6 has it
// (https://www.rfc-editor.org/rfc/rfc6749#section-6): `POST /v1/oauth/token` with
// `{"grant_type":"refresh_token","refresh_token":…,"client_id":…}` answers `{access_token, refresh_token, expires_in,
// scope, token_type}`. Refresh tokens are single-use and rotate on every refresh; replaying a used one answers
// `invalid_grant` and is counted in `replays` (a broken chain). Faults are injected per request.
import { createServer } from 'node:http'
import { randomBytes } from 'node:crypto'

export const CLAUDE_CODE_CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e'

const token = kind => `sk-ant-${kind}01-${randomBytes(24).toString('base64url')}-stand-in`

/**
 * @param {object} [options]
 * @param {string} [options.refreshToken] the live refresh token at start (default: a new one, see `current`)
 * @param {string} [options.clientId]
 * @param {number} [options.expiresIn] seconds the new access tokens last (default 28800, 8 hours)
 * @param {Array<object|string>} [options.faults] consumed one per request: `{status, body?, headers?}` answers that,
 *   `'reset'` destroys the socket, `'hang'` never answers, `'rotate-then-reset'` / `'rotate-then-500'` rotate the chain
 *   and then lose the answer (the response a client never saw)
 * @param {(issued: {accessToken: string, refreshToken: string}) => void} [options.onIssue] called for every new pair
 */
export async function startOAuthStandIn(options = {}) {
  const clientId = options.clientId ?? CLAUDE_CODE_CLIENT_ID
  const expiresIn = options.expiresIn ?? 28800
  const stand = {
    current: options.refreshToken ?? token('ort'),
    used: new Set(),
    /** Requests that replayed a refresh token already used: each one is a broken chain. */
    replays: 0,
    refreshes: 0,
    /** Every pair issued, oldest first. */
    issued: [],
    requests: [],
    faults: [...(options.faults ?? [])]
  }
  const sockets = new Set()

  const rotate = () => {
    stand.used.add(stand.current)
    const pair = { accessToken: token('oat'), refreshToken: token('ort') }
    stand.current = pair.refreshToken
    stand.refreshes++
    stand.issued.push(pair)
    options.onIssue?.(pair)
    return pair
  }

  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url, 'http://stand-in')
    stand.requests.push({ method: req.method, path: url.pathname, headers: req.headers, text })
    const reply = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    const oauthError = (status, error, description) =>
      reply(status, { error, error_description: description })

    if (req.method !== 'POST' || url.pathname !== '/v1/oauth/token')
      return reply(404, { error: 'not_found' })
    let body
    try {
      body = JSON.parse(text)
    } catch {
      return oauthError(400, 'invalid_request', 'Request body must be JSON.')
    }
    const fault = stand.faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault && typeof fault === 'object')
      return reply(fault.status, fault.body ?? { error: 'server_error' }, fault.headers)

    if (body.grant_type !== 'refresh_token')
      return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type.')
    if (body.client_id !== clientId)
      return oauthError(401, 'invalid_client', 'Client authentication failed.')
    if (typeof body.refresh_token !== 'string' || !body.refresh_token) {
      return oauthError(400, 'invalid_request', "Missing 'refresh_token'.")
    }
    if (stand.used.has(body.refresh_token)) {
      stand.replays++
      return oauthError(400, 'invalid_grant', 'Refresh token has already been used.')
    }
    if (body.refresh_token !== stand.current)
      return oauthError(400, 'invalid_grant', "Invalid 'refresh_token' in request.")
    const pair = rotate()
    if (fault === 'rotate-then-reset') return req.socket.destroy()
    if (fault === 'rotate-then-500') return reply(500, { error: 'server_error' })
    reply(200, {
      token_type: 'Bearer',
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: expiresIn,
      scope: 'user:inference user:profile'
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return Object.assign(stand, {
    url: `http://127.0.0.1:${port}/v1/oauth/token`,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  })
}

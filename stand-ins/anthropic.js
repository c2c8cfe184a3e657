// A stand-in for the Anthropic API on loopback, speaking its wire format (https://docs.anthropic.com/en/api/errors,
// https://docs.anthropic.com/en/api/messages-streaming):
// GET /v1/models, POST /v1/messages/count_tokens, and POST /v1/messages as a Messages API SSE stream.
// Used by the tests, the demo, the bench and the fixture generator. Plain JS so `npm run demo` needs no build.
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { randomBytes } from 'node:crypto'

/** Error answers, as the real API sends them. */
export const ERRORS = {
  invalid: [401, 'authentication_error', 'invalid x-api-key'],
  'invalid-bearer': [401, 'authentication_error', 'Invalid bearer token'],
  expired: [
    401,
    'authentication_error',
    'OAuth token has expired. Please obtain a new token or refresh your existing token.'
  ],
  revoked: [401, 'authentication_error', 'OAuth token revoked'],
  'oauth-unsupported': [
    401,
    'authentication_error',
    'OAuth authentication is currently not supported.'
  ],
  forbidden: [
    403,
    'permission_error',
    'Your organization has disabled Claude subscription access for Claude Code.'
  ],
  billing: [
    400,
    'invalid_request_error',
    'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'
  ],
  'billing-402': [402, 'billing_error', 'Your account has a billing problem.'],
  'spend-cap': [429, 'rate_limit_error', 'You have reached your specified API usage limits.'],
  'rate-limit': [
    429,
    'rate_limit_error',
    'Number of request tokens has exceeded your per-minute rate limit.'
  ],
  'server-error': [500, 'api_error', 'Internal server error'],
  timeout: [504, 'timeout_error', 'Request timed out'],
  overloaded: [529, 'overloaded_error', 'Overloaded']
}

/** The routes it serves; any other path is a 404, answered before the credential is looked at, as the API does. */
const ROUTES = ['GET /v1/models', 'POST /v1/messages/count_tokens', 'POST /v1/messages']

const requestId = () => `req_011C${randomBytes(9).toString('hex')}`

/** The body of an error answer; `spend-cap` carries the detail that tells it from a transient 429. */
export function errorBody(behaviour, id = requestId()) {
  const [, type, message] = ERRORS[behaviour]
  const error = { type, message }
  if (behaviour === 'spend-cap') error.details = { error_code: 'enforced_spend_limit_reached' }
  return { type: 'error', error, request_id: id }
}

/**
 * Start the stand-in.
 * @param {object} [options]
 * @param {Record<string, string|string[]>} [options.credentials] secret -> behaviour (`valid`, a key of ERRORS,
 *   `hang` never answers, `reset` destroys the socket, `html` a proxy's HTML page, `gateway-401` a gateway's own JSON
 *   401 `{"error":"invalid_token"}`, `unmarked-401` the API's 401 body without its `request-id` header), or a list
 *   consumed one per request (the last one repeats).
 * @param {number} [options.delayMs] added before every answer
 * @param {Record<string, Array<object>>} [options.scripts] secret -> turns for POST /v1/messages: `{bash: "cmd"}` answers
 *   a Bash tool_use, `{text: "..."}` a final text, `{error: behaviour}` turns the secret into `behaviour` from then on
 *   (a credential expiring mid-run). Unscripted secrets get `{text:"Done."}`.
 * @param {Array<object>} [options.turns] turns, as in `scripts`, for every secret without a script of its own, consumed
 *   across them: one run whose credential is minted again mid-way (federation) keeps its place in the script
 * @param {{fiveHour: number[], sevenDay: number[]}} [options.usage] a subscription's utilisation (fractions), one per
 *   answer (the last repeats), in the `anthropic-ratelimit-unified-*` headers Claude Code reads into its
 *   `rate_limit_event` messages
 * @param {() => number} [options.now] the clock `expireAt` is measured on, epoch ms (default Date.now)
 * @param {string} [options.host]
 * @param {{key: string, cert: string}} [options.tls] serve https with this key and certificate
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string, url: URL) => boolean} [options.route]
 *   a route of another stand-in on the same address (the federation token exchange): true when it answered
 */
export async function startAnthropicStandIn(options = {}) {
  const credentials = new Map(Object.entries(options.credentials ?? {}))
  /** secret -> epoch ms from which it answers `expired`, as the real API answers an OAuth token past its time. */
  const expiries = new Map()
  const now = options.now ?? Date.now
  const scripts = new Map(Object.entries(options.scripts ?? {}).map(([k, v]) => [k, [...v]]))
  const sharedTurns = [...(options.turns ?? [])]
  const requests = []
  const sockets = new Set()
  let usageAnswers = 0

  const nextBehaviour = secret => {
    if (expiries.has(secret) && now() >= expiries.get(secret)) return 'expired'
    const entry = credentials.get(secret)
    if (entry === undefined) return secret ? 'invalid' : 'missing'
    if (!Array.isArray(entry)) return entry
    return entry.length > 1 ? entry.shift() : entry[0]
  }

  const handle = async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url, 'http://stand-in')
    const apiKey = req.headers['x-api-key']
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const secret = apiKey ?? bearer ?? ''
    const beta = String(req.headers['anthropic-beta'] ?? '')
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, body, secret })

    const id = requestId()
    if (options.usage) {
      const at = list => list[Math.min(usageAnswers, list.length - 1)]
      const headers = usageHeaders(at(options.usage.fiveHour), at(options.usage.sevenDay))
      usageAnswers++
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    }
    const send = (status, json, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id, ...headers })
      res.end(JSON.stringify(json))
    }
    const sendError = behaviour => {
      const [status] = ERRORS[behaviour]
      const headers = behaviour === 'rate-limit' ? { 'retry-after': '0' } : {}
      send(status, errorBody(behaviour, id), headers)
    }

    if (options.delayMs) await new Promise(r => setTimeout(r, options.delayMs))

    if (options.route?.(req, res, body, url)) return
    if (!ROUTES.includes(`${req.method} ${url.pathname}`)) {
      return send(404, {
        type: 'error',
        error: { type: 'not_found_error', message: 'Not Found' },
        request_id: id
      })
    }
    let behaviour = nextBehaviour(secret)
    if (behaviour === 'missing') {
      return send(401, {
        type: 'error',
        error: { type: 'authentication_error', message: 'x-api-key header is required' },
        request_id: id
      })
    }
    if (behaviour === 'hang') return
    if (behaviour === 'reset') return req.socket.destroy()
    if (behaviour === 'gateway-401') {
      res.writeHead(401, { 'content-type': 'application/json' })
      return res.end(JSON.stringify({ error: 'invalid_token' }))
    }
    if (behaviour === 'unmarked-401') {
      res.writeHead(401, { 'content-type': 'application/json' })
      return res.end(JSON.stringify(errorBody('invalid', id)))
    }
    if (behaviour === 'html') {
      res.writeHead(502, { 'content-type': 'text/html' })
      return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    }
    // An OAuth access token without the beta header is refused, as the real API does.
    if (
      behaviour === 'valid' &&
      bearer?.startsWith('sk-ant-oat') &&
      !beta.includes('oauth-2025-04-20')
    ) {
      behaviour = 'oauth-unsupported'
    }
    if (apiKey && req.headers.authorization && !bearer?.startsWith(apiKey)) {
      return send(400, {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message: 'Both x-api-key and Authorization were sent.'
        },
        request_id: id
      })
    }
    if (behaviour !== 'valid') return sendError(behaviour)

    if (req.method === 'GET' && url.pathname === '/v1/models') {
      return send(200, {
        data: [
          {
            type: 'model',
            id: 'claude-sonnet-4-5',
            display_name: 'Claude Sonnet 4.5',
            created_at: '2025-09-29T00:00:00Z'
          }
        ],
        has_more: false,
        first_id: 'claude-sonnet-4-5',
        last_id: 'claude-sonnet-4-5'
      })
    }
    if (req.method === 'POST' && url.pathname === '/v1/messages/count_tokens') {
      return send(200, { input_tokens: 12 })
    }
    // POST /v1/messages: the one route left.
    const turn = (scripts.get(secret) ?? sharedTurns).shift() ?? { text: 'Done.' }
    // An error turn is the credential dying: every later request gets the same answer.
    if (turn.error) {
      credentials.set(secret, turn.error)
      return sendError(turn.error)
    }
    return streamMessage(res, id, JSON.parse(body || '{}'), turn)
  }
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle)
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    /** Change what a secret does from now on. */
    set(secret, behaviour) {
      credentials.set(secret, behaviour)
    },
    /** From `epochMs` on, `secret` is refused as an expired OAuth token, whatever it did before. */
    expireAt(secret, epochMs) {
      expiries.set(secret, epochMs)
    },
    script(secret, turns) {
      scripts.set(secret, [...turns])
    },
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

/** The unified rate-limit headers of a subscription's answer, the 5-hour window binding; resets on the hour. */
function usageHeaders(fiveHour, sevenDay) {
  const hour = Math.ceil(Date.now() / 3_600_000) * 3600
  return {
    'anthropic-ratelimit-unified-status': 'allowed',
    'anthropic-ratelimit-unified-reset': String(hour),
    'anthropic-ratelimit-unified-representative-claim': 'five_hour',
    'anthropic-ratelimit-unified-5h-utilization': String(fiveHour),
    'anthropic-ratelimit-unified-5h-reset': String(hour),
    'anthropic-ratelimit-unified-7d-utilization': String(sevenDay),
    'anthropic-ratelimit-unified-7d-reset': String(hour + 6 * 86400)
  }
}

function streamMessage(res, id, request, turn) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'request-id': id
  })
  for (const data of messageEvents(request, turn))
    res.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`)
  res.end()
}

/**
 * The streaming events of one answer to `request` (https://docs.claude.com/en/docs/build-with-claude/streaming), as
 * `turn` says: a Bash tool_use for `{bash}`, else a final text. Amazon Bedrock carries the same events.
 * @param {{model?: string}} request
 * @param {{bash?: string, text?: string}} turn
 */
export function messageEvents(request, turn) {
  const events = []
  const messageId = `msg_${randomBytes(12).toString('hex')}`
  const usage = {
    input_tokens: 25,
    output_tokens: 1,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0
  }
  events.push({
    type: 'message_start',
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model: request.model ?? 'claude-sonnet-4-5',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage
    }
  })
  if (turn.bash !== undefined) {
    const input = JSON.stringify({ command: turn.bash, description: 'Run a command' })
    events.push({
      type: 'content_block_start',
      index: 0,
      content_block: {
        type: 'tool_use',
        id: `toolu_${randomBytes(12).toString('hex')}`,
        name: 'Bash',
        input: {}
      }
    })
    events.push({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'input_json_delta', partial_json: input }
    })
    events.push({ type: 'content_block_stop', index: 0 })
    events.push({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: 20 }
    })
  } else {
    events.push({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' }
    })
    events.push({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: turn.text ?? 'Done.' }
    })
    events.push({ type: 'content_block_stop', index: 0 })
    events.push({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 5 }
    })
  }
  events.push({ type: 'message_stop' })
  return events
}

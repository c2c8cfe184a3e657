// A loopback server that misbehaves on purpose, for the fault matrix (__tests__/faults.test.ts). One server serves every
// row: each row registers a scenario and uses `${url}/${scenario}` as its base URL; the scenario's handler picks, per
// request, a fault or a healthy answer. Connection refused and DNS failure need no server (a closed port, a `.invalid`
// host). Everything it does is bounded, and close() ends every socket. Plain JS, like the other stand-ins.
import { createServer } from 'node:http'

/** The faults it can play. `status` is the HTTP status of those that answer with one. */
export const FAULTS = {
  /** 200 headers and half a JSON body, then the socket is destroyed. */
  reset: {},
  /** Accepts the request and never answers. */
  hang: {},
  /** 200 headers, then one byte of body every `trickleMs`. */
  trickle: {},
  500: { status: 500, type: 'api_error', message: 'Internal server error' },
  502: { status: 502, type: 'api_error', message: 'Bad gateway' },
  503: { status: 503, type: 'api_error', message: 'Service unavailable' },
  '429-retry-after': { status: 429, type: 'rate_limit_error', message: 'Rate limited' },
  429: { status: 429, type: 'rate_limit_error', message: 'Rate limited' },
  529: { status: 529, type: 'overloaded_error', message: 'Overloaded' },
  /** A proxy's HTML error page instead of the API's JSON, with these statuses. */
  'html-502': { status: 502 },
  'html-401': { status: 401 },
  'html-403': { status: 403 },
  /** A success status (200 unless the handler says otherwise) with a cut-off JSON body. */
  malformed: {},
  /** A success status with an empty body, `content-type: application/json`. */
  empty: {},
  /** Redirects to `${url}/elsewhere/…`, which answers 404. */
  301: { status: 301 },
  302: { status: 302 },
  307: { status: 307 }
}

/** Seconds the `429-retry-after` fault asks the client to wait. */
export const RETRY_AFTER_SECONDS = 1

const HTML = status =>
  `<html>\r\n<head><title>${status} Error</title></head>\r\n<body>\r\n<center><h1>${status} Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

/**
 * Start the server.
 * @param {object} [options]
 * @param {number} [options.trickleMs] between two bytes of a trickle (default 200)
 * @param {number} [options.maxMs] no fault lasts longer than this; a hang or trickle then ends the socket (default 30 s)
 */
export async function startFaultServer(options = {}) {
  const trickleMs = options.trickleMs ?? 200
  const maxMs = options.maxMs ?? 30_000
  /** scenario -> (request) => fault name | {fault, status} | {status, body, headers} */
  const scenarios = new Map()
  const requests = []
  const sockets = new Set()
  const timers = new Set()
  let url = ''

  const later = (fn, ms) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    timers.add(timer)
    return timer
  }

  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const body = Buffer.concat(chunks).toString('utf8')
    const full = new URL(req.url, 'http://fault-server')
    const [, scenario = '', ...rest] = full.pathname.split('/')
    const path = `/${rest.join('/')}`
    const request = {
      scenario,
      method: req.method,
      path,
      query: full.search,
      headers: req.headers,
      body
    }
    requests.push(request)

    const json = (status, value, headers = {}) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      res.end(text)
    }
    if (scenario === 'elsewhere') {
      return json(404, {
        type: 'error',
        error: { type: 'not_found_error', message: 'Not Found' },
        message: 'Not Found'
      })
    }
    const handler = scenarios.get(scenario)
    if (!handler) return json(404, { message: `no scenario '${scenario}'` })
    let plan = handler(request)
    if (typeof plan === 'string') plan = { fault: plan }
    if (!plan?.fault) {
      const { status = 200, body: answer = {}, headers = {} } = plan ?? {}
      if (status === 204) {
        res.writeHead(204, headers)
        return res.end()
      }
      return json(status, answer, headers)
    }
    play(plan.fault, plan.status, req, res, `/${scenario}${path}`)
  })

  function play(fault, okStatus = 200, req, res, path) {
    const spec = FAULTS[fault]
    if (!spec) throw new Error(`unknown fault '${fault}'`)
    switch (fault) {
      case 'hang':
        // Keep the socket until the bound, then drop it.
        later(() => req.socket.destroy(), maxMs)
        return
      case 'reset':
        res.writeHead(okStatus, { 'content-type': 'application/json', 'content-length': '400' })
        res.write('{"data":[{"id":"claude-sonnet-4-5","ty')
        later(() => req.socket.destroy(), 20)
        return
      case 'trickle': {
        const text = `{"padding":"${'.'.repeat(200)}"}`
        res.writeHead(okStatus, {
          'content-type': 'application/json',
          'content-length': String(text.length)
        })
        const started = Date.now()
        let i = 0
        const next = () => {
          if (res.destroyed || req.socket.destroyed) return
          if (i >= text.length || Date.now() - started > maxMs) return void req.socket.destroy()
          res.write(text[i++])
          later(next, trickleMs)
        }
        return next()
      }
      case 'html-502':
      case 'html-401':
      case 'html-403':
        res.writeHead(spec.status, { 'content-type': 'text/html', server: 'nginx' })
        return res.end(HTML(spec.status))
      case 'malformed':
        res.writeHead(okStatus, { 'content-type': 'application/json' })
        return res.end('{"data":[{"id":"claude-sonnet-4-5","type":"mod')
      case 'empty':
        res.writeHead(okStatus, { 'content-type': 'application/json', 'content-length': '0' })
        return res.end()
      case '301':
      case '302':
      case '307':
        res.writeHead(spec.status, { location: `${url}/elsewhere${path}`, 'content-length': '0' })
        return res.end()
      default: {
        const headers =
          fault === '429-retry-after' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}
        // Both the Anthropic API's error shape and GitHub's `message`, so every client finds its text.
        res.writeHead(spec.status, { 'content-type': 'application/json', ...headers })
        return res.end(
          JSON.stringify({
            type: 'error',
            error: { type: spec.type, message: spec.message },
            message: spec.message
          })
        )
      }
    }
  }

  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  url = `http://127.0.0.1:${port}`
  let next = 0
  return {
    url,
    port,
    requests,
    /** Registers a scenario; returns its base URL. `handler(request)` returns a fault name, `{fault, status}`, or a
     * healthy answer `{status, body, headers}`. */
    scenario(handler, name = `s${++next}`) {
      scenarios.set(name, handler)
      return `${url}/${name}`
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

// A stand-in for the GitHub REST API on loopback. Endpoints come from route modules (github-*.js beside this
// file), each a list of `{ method, path: RegExp, handle(ctx) }`; the server adds auth, faults and a request log.
import { createServer } from 'node:http'

/**
 * @param {object} options
 * @param {Array<{method: string, path: RegExp, handle: Function}>} options.routes
 * @param {object} [options.state] shared mutable state the routes read and write (the "database")
 * @param {string[]} [options.tokens] accepted tokens; any other gets 401 "Bad credentials"
 * @param {(req: {method: string, path: string}) => (undefined | {status: number, body?: any, headers?: object} | 'hang' | 'reset')} [options.fault]
 *   consulted before routing; return an answer to inject a fault
 */
export async function startGitHubStandIn(options) {
  const state = options.state ?? {}
  const requests = []
  const sockets = new Set()
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url, 'http://stand-in')
    const token = /^(?:token|Bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const entry = {
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      text,
      token
    }
    requests.push(entry)
    const reply = (status, body, headers = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': 'ABCD:1234',
        ...headers
      })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }
    const fault = options.fault?.(entry)
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault) return reply(fault.status, fault.body, fault.headers)
    if (options.tokens && !options.tokens.includes(token)) {
      return reply(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }
    for (const route of options.routes) {
      const match = route.method === req.method && route.path.exec(url.pathname)
      if (!match) continue
      let body
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        return reply(400, { message: 'Problems parsing JSON' })
      }
      const answer = await route.handle({
        match,
        body,
        state,
        token,
        query: url.searchParams,
        request: entry
      })
      return reply(answer.status, answer.body, answer.headers)
    }
    reply(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

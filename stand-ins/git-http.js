// A stand-in for GitHub's git smart-HTTP endpoint on loopback: git's own git-http-backend (a CGI program,
// https://git-scm.com/docs/git-http-backend) serves bare repositories under a root, behind Basic authentication as
// GitHub takes an App token for git (user `x-access-token`, the token as password). A request without a credential,
// or with one `accepts` refuses, gets 401 with `WWW-Authenticate: Basic`, as GitHub answers.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'

const BACKEND = '/usr/lib/git-core/git-http-backend'

/** The token of a Basic `x-access-token:<token>` credential, or undefined. */
function tokenOf(authorization) {
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')?.[1]
  const decoded = basic && Buffer.from(basic, 'base64').toString('utf8')
  return decoded?.startsWith('x-access-token:')
    ? decoded.slice('x-access-token:'.length)
    : undefined
}

/**
 * @param {object} options
 * @param {string} options.root the directory holding bare repositories (`<owner>/<repo>.git`)
 * @param {(token: string) => boolean} options.accepts whether a token may fetch and push now
 */
export async function startGitHttpStandIn(options) {
  const stand = {
    /**
     * Every request: its path, and whether its credential was accepted.
     * @type {Array<{method: string, path: string, accepted: boolean}>}
     */
    requests: []
  }
  const sockets = new Set()
  // Not loopback.js: a pack is binary, and the request goes to the CGI program as it comes.
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://stand-in')
    const token = tokenOf(req.headers.authorization)
    const accepted = token !== undefined && options.accepts(token)
    stand.requests.push({ method: req.method, path: url.pathname, accepted })
    if (!accepted) {
      req.resume()
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain'
      })
      return res.end('Invalid username or token.\n')
    }
    const env = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: options.root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: req.method,
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] && { CONTENT_LENGTH: req.headers['content-length'] }),
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      ...(req.headers['content-encoding'] && {
        HTTP_CONTENT_ENCODING: req.headers['content-encoding']
      }),
      ...(req.headers['git-protocol'] && { GIT_PROTOCOL: req.headers['git-protocol'] })
    }
    const cgi = spawn(BACKEND, [], { env, stdio: ['pipe', 'pipe', 'ignore'] })
    const chunks = []
    cgi.stdout.on('data', chunk => chunks.push(chunk))
    cgi.stdin.on('error', () => undefined)
    req.pipe(cgi.stdin)
    await new Promise(resolve => cgi.once('close', resolve))
    const output = Buffer.concat(chunks)
    const split = output.indexOf('\r\n\r\n')
    const [head, body] =
      split === -1
        ? [output.toString('latin1'), Buffer.alloc(0)]
        : [output.subarray(0, split).toString('latin1'), output.subarray(split + 4)]
    let status = 200
    const headers = {}
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon === -1) continue
      const name = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else headers[name] = value
    }
    res.writeHead(status, headers)
    res.end(body)
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return Object.assign(stand, {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  })
}

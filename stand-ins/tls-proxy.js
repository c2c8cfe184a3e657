// An HTTP proxy on loopback that stands in for named HTTPS hosts: a `CONNECT host:443` for one of them is answered
// here, TLS is terminated with a throw-away certificate for that host (trusted by the client through
// NODE_EXTRA_CA_CERTS), and the decrypted bytes go to a stand-in on loopback. Any other CONNECT is refused (403), so
// nothing leaves the machine. This is how a client that only accepts its own hosts (the claude CLI's OAuth token URL)
// is pointed at a stand-in: HTTPS_PROXY is honoured where a custom URL is not.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { createServer as createHttpServer } from 'node:http'
import { TLSSocket } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A self-signed certificate for `hosts`, made with openssl; its PEM file is for NODE_EXTRA_CA_CERTS. */
export function selfSignedCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'stand-in-tls-'))
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${hosts[0]}`,
      '-addext',
      `subjectAltName=${hosts.map(h => `DNS:${h}`).join(',')}`
    ],
    { stdio: 'ignore' }
  )
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * @param {Record<string, string>} routes  `host:port` → the loopback `http://127.0.0.1:PORT` that answers for it
 */
export async function startTlsProxy(routes) {
  const hosts = [...new Set(Object.keys(routes).map(target => target.split(':')[0]))]
  const tls = selfSignedCertificate(hosts)
  /** Every CONNECT target asked for, answered or not. */
  const connects = []
  const sockets = new Set()
  const server = createHttpServer((req, res) => {
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end('only CONNECT is served\n')
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req, socket) => {
    connects.push(req.url)
    const target = routes[req.url]
    if (!target) return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    const secure = new TLSSocket(socket, { isServer: true, key: tls.key, cert: tls.cert })
    const { hostname, port } = new URL(target)
    const upstream = connect(Number(port), hostname)
    secure.pipe(upstream).pipe(secure)
    const close = () => {
      secure.destroy()
      upstream.destroy()
    }
    secure.on('error', close)
    upstream.on('error', close)
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    certFile: tls.certFile,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
      tls.remove()
    }
  }
}

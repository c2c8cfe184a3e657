// An HTTP proxy on loopback that stands in for one HTTPS host: a `CONNECT host:443` for it is answered here, TLS is
// terminated with a throw-away certificate for that host (trusted by the client through
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

/**
 * A throw-away self-signed certificate for `host`, made with openssl; a child process trusts it through
 * NODE_EXTRA_CA_CERTS=`certFile`.
 * @param {string} host
 */
export function selfSignedCertificate(host) {
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
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`
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
 * @param {string} target  the `host:port` stood in for
 * @param {string} upstream  the loopback `http://127.0.0.1:PORT` that answers for it
 */
export async function startTlsProxy(target, upstream) {
  const tls = selfSignedCertificate(target.split(':')[0])
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
    if (req.url !== target) return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    const secure = new TLSSocket(socket, { isServer: true, key: tls.key, cert: tls.cert })
    const { hostname, port } = new URL(upstream)
    const plain = connect(Number(port), hostname)
    secure.pipe(plain).pipe(secure)
    const close = () => {
      secure.destroy()
      plain.destroy()
    }
    secure.on('error', close)
    plain.on('error', close)
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

// A loopback HTTP server for a stand-in: it reads each request's body before the handler runs, and close() ends every
// open socket (a request left hanging on purpose included).
import { createServer } from 'node:http'

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, text: string, url: URL) => unknown} handle
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function listenOnLoopback(handle) {
  const sockets = new Set()
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    await handle(
      req,
      res,
      Buffer.concat(chunks).toString('utf8'),
      new URL(req.url, 'http://stand-in')
    )
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

/** Answers JSON (no body for a 204), with the stand-in's own headers. */
export function replyJson(res, status, body, headers = {}) {
  if (status === 204) {
    res.writeHead(204, headers)
    return res.end()
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

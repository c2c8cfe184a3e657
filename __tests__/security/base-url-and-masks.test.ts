// Issue 8, item 12 (the preflight's part): one transport rule for the base URL, no password quoted from it, masks only
// for the secret values of a pretty-printed credentials document, and proxy failures named after the proxy. The bundled
// main step, run as the runner runs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { runAction } from '../support/runner.js'
import { expectNoLeak } from '../support/leaks.js'
import { closedPort } from '../support/ports.js'

const MAIN = 'dist/main/index.js'
const KEY = 'sk-ant-api03-MASKS-key-0123456789'
const OAUTH = 'sk-ant-oat01-MASKS-oauth-0123456789'
const REFRESH = 'sk-ant-ort01-MASKS-refresh-0123456789'
const PROXY_PASSWORD = 'proxy-pass-0123456789'

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction(MAIN, { inputs: { 'probe-timeout': '3s', 'min-remaining': '30m', ...inputs }, env })
const errorOf = (result: Awaited<ReturnType<typeof run>>) =>
  result.commands.filter(c => c.command === 'error').map(c => c.message)

describe('the base URL', () => {
  it.each(['http://gateway.example.com', 'http://10.0.0.8:8080/anthropic'])(
    'refuses cleartext %s, as the token URL does',
    async baseUrl => {
      const result = await run({ 'anthropic-api-key': KEY, 'anthropic-base-url': baseUrl })
      expect(result.outputs.status).toBe('invalid-input')
      expect(errorOf(result)).toEqual([
        expect.stringMatching(
          /^claude-preflight: input 'anthropic-base-url' uses http: to [\w.]+, in clear, instead of https:\. .*credentials travel only over https \(http only to this machine\)/
        )
      ])
    }
  )

  it('never quotes a password from a base URL that does not parse', async () => {
    const password = 'hunter2-secret'
    const result = await run({
      'anthropic-api-key': KEY,
      'anthropic-base-url': `https://user:${password}/x@gate way.example.com`
    })
    expect(result.outputs.status).toBe('invalid-input')
    expect(errorOf(result)).toEqual([
      expect.stringMatching(/input 'anthropic-base-url' is not a URL\. /)
    ])
    expect(result.stdout + result.stderr + result.summary).not.toMatch(/hunter2/)
  })
})

describe('masks of a pretty-printed claude-credentials', () => {
  it('are its secret values and whole forms, never its structural lines', async () => {
    const credentials = JSON.stringify(
      {
        claudeAiOauth: {
          accessToken: OAUTH,
          refreshToken: REFRESH,
          expiresAt: Date.now() + 8 * 3_600_000,
          scopes: ['user:inference', 'user:profile'],
          subscriptionType: 'max'
        }
      },
      null,
      2
    )
    const result = await run({
      'claude-credentials': credentials,
      'anthropic-base-url': `http://127.0.0.1:${await closedPort()}`
    })
    const masks = result.stdout
      .split('\n')
      .filter(line => line.startsWith('::add-mask::'))
      .map(line =>
        // The runner's command escaping, undone.
        line
          .slice('::add-mask::'.length)
          .replace(/%0D/g, '\r')
          .replace(/%0A/g, '\n')
          .replace(/%25/g, '%')
      )
    expect(masks).toEqual(expect.arrayContaining([OAUTH, REFRESH]))
    for (const structural of [
      '{',
      '}',
      '"scopes": [',
      '],',
      '"user:inference",',
      '"subscriptionType": "max"'
    ])
      expect(masks).not.toContain(structural)
    // Every mask is a secret, or a whole form of the document.
    for (const mask of masks)
      expect([OAUTH, REFRESH, credentials, credentials.trim()]).toContain(mask)
  })
})

describe('a proxy failure', () => {
  let tunnelRefuser: Server
  let refuserUrl: string
  beforeAll(async () => {
    // A CONNECT proxy that refuses every tunnel with 502, as a proxy does for a host it may not reach.
    tunnelRefuser = createServer((_req, res) => res.writeHead(405).end())
    tunnelRefuser.on('connect', (_req, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
    await new Promise<void>(resolve => tunnelRefuser.listen(0, '127.0.0.1', resolve))
    refuserUrl = `127.0.0.1:${(tunnelRefuser.address() as { port: number }).port}`
  })
  afterAll(() => new Promise(resolve => tunnelRefuser.close(resolve)))

  const warning = (result: Awaited<ReturnType<typeof run>>) =>
    result.commands.find(c => c.command === 'warning' && /could not be verified/.test(c.message))
      ?.message ?? ''

  it('that refuses the connection is named after the proxy, without its credentials', async () => {
    const proxy = `127.0.0.1:${await closedPort()}`
    const result = await run(
      { 'anthropic-api-key': KEY, 'anthropic-base-url': 'https://api.stand-in.test' },
      { HTTPS_PROXY: `http://preflight:${PROXY_PASSWORD}@${proxy}` }
    )
    expect(result.outputs.status).toBe('unverifiable')
    expect(warning(result)).toMatch(
      new RegExp(`connection refused \\(proxy ${proxy}, for api\\.stand-in\\.test: ECONNREFUSED\\)`)
    )
    expect(result.stdout + result.stderr + result.summary).not.toContain(PROXY_PASSWORD)
    expectNoLeak(result, [KEY])
  })

  it('that refuses the tunnel says so, not that the API did not answer', async () => {
    const result = await run(
      { 'anthropic-api-key': KEY, 'anthropic-base-url': 'https://api.stand-in.test' },
      { HTTPS_PROXY: `http://${refuserUrl}` }
    )
    expect(result.outputs.status).toBe('unverifiable')
    expect(warning(result)).toMatch(
      new RegExp(
        `the proxy would not connect \\(proxy ${refuserUrl}, for api\\.stand-in\\.test: HTTP 502\\)`
      )
    )
  })
})

// The probe over loopback against the stand-in API, for every status it can report.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { probe } from '../src/probe/probe.js'
import { send, classifyNetworkError } from '../src/http/request.js'
import { createServer } from 'node:http'
import type { Credential } from '../src/providers/provider.js'
import { closedPort } from './support/ports.js'

type StandIn = Awaited<ReturnType<typeof startAnthropicStandIn>>
let api: StandIn

const key = (name: string) => `sk-ant-api03-${name}`
const token = (name: string) => `sk-ant-oat01-${name}`
const BEHAVIOURS = [
  'valid',
  'invalid',
  'expired',
  'revoked',
  'forbidden',
  'billing',
  'billing-402',
  'spend-cap',
  'rate-limit',
  'server-error',
  'overloaded',
  'timeout',
  'html',
  'reset',
  'hang'
] as const

beforeAll(async () => {
  const credentials: Record<string, string | string[]> = {}
  for (const b of BEHAVIOURS) {
    credentials[key(b)] = b
    credentials[token(b)] = b
  }
  credentials[key('flaky')] = ['overloaded', 'server-error', 'valid']
  api = await startAnthropicStandIn({ credentials })
})
afterAll(() => api.close())

const apiKey = (secret: string): Pick<Credential, 'source' | 'scheme' | 'secret'> => ({
  source: 'anthropic-api-key',
  scheme: 'x-api-key',
  secret
})
const oauth = (secret: string): Pick<Credential, 'source' | 'scheme' | 'secret'> => ({
  source: 'claude-code-oauth-token',
  scheme: 'oauth',
  secret
})
// A generous default: the stand-in answers at once, but a loaded 2-core runner may not schedule it at once.
const options = (timeoutMs = 30_000) => ({ baseUrl: api.url, timeoutMs, send, baseDelayMs: 20 })

describe('probe', () => {
  it.each([
    ['valid', 'valid', 200],
    ['invalid', 'invalid', 401],
    ['expired', 'invalid', 401],
    ['revoked', 'revoked', 401],
    ['forbidden', 'forbidden', 403],
    ['billing', 'billing', 400],
    ['billing-402', 'billing', 402],
    ['spend-cap', 'billing', 429],
    ['rate-limit', 'unverifiable', 429],
    ['server-error', 'unverifiable', 500],
    ['overloaded', 'unverifiable', 529],
    ['timeout', 'unverifiable', 504],
    ['html', 'unverifiable', 502]
  ] as const)('an API key the API answers %s for is %s', async (behaviour, status, httpStatus) => {
    const result = await probe(apiKey(key(behaviour)), options())
    expect(result).toMatchObject({ status, httpStatus })
    if (behaviour !== 'html') expect(result.requestId).toMatch(/^req_/)
  })

  it('sends API keys to GET /v1/models and OAuth tokens to count_tokens with the OAuth beta header', async () => {
    api.requests.length = 0
    expect((await probe(apiKey(key('valid')), options())).status).toBe('valid')
    expect((await probe(oauth(token('valid')), options())).status).toBe('valid')
    const [first, second] = api.requests
    expect(first).toMatchObject({ method: 'GET', path: '/v1/models' })
    expect(first?.headers['x-api-key']).toBe(key('valid'))
    expect(first?.headers['anthropic-version']).toBe('2023-06-01')
    expect(second).toMatchObject({ method: 'POST', path: '/v1/messages/count_tokens' })
    expect(second?.headers.authorization).toBe(`Bearer ${token('valid')}`)
    expect(second?.headers['anthropic-beta']).toBe('oauth-2025-04-20')
  })

  it('classifies OAuth answers: expired is invalid, revoked is revoked', async () => {
    expect((await probe(oauth(token('expired')), options())).message).toMatch(
      /OAuth token has expired/
    )
    expect((await probe(oauth(token('revoked')), options())).status).toBe('revoked')
  })

  it('retries transient answers and succeeds when the API recovers', async () => {
    const result = await probe(apiKey(key('flaky')), options())
    expect(result).toMatchObject({ status: 'valid', attempts: 3 })
  })

  it('never calls a credential invalid for resets, hangs, refused connections or unknown hosts, and keeps to its bound', async () => {
    expect((await probe(apiKey(key('reset')), options())).status).toBe('unverifiable')
    const started = Date.now()
    const hung = await probe(apiKey(key('hang')), options(1500))
    expect(hung.status).toBe('unverifiable')
    expect(hung.message).toMatch(/no answer within/)
    expect(Date.now() - started).toBeLessThan(1500 + 3000) // generous: a loaded 2-core runner
    const refused = await probe(apiKey(key('valid')), {
      ...options(1500),
      baseUrl: `http://127.0.0.1:${await closedPort()}`
    })
    expect(refused).toMatchObject({ status: 'unverifiable' })
    expect(refused.message).toMatch(/connection refused/)
    const dns = await probe(apiKey(key('valid')), {
      ...options(3000),
      baseUrl: 'http://no-such-host.invalid'
    })
    expect(dns.status).toBe('unverifiable')
    expect(dns.message).toMatch(/host name not found/)
  })

  it("does not count a gateway's HTML 404 (a wrong base URL) as authenticated", async () => {
    const gateway = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<html><body>404 Not Found</body></html>')
    })
    await new Promise<void>(resolve => gateway.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = gateway.address() as { port: number }
      const result = await probe(apiKey(key('made-up')), {
        ...options(),
        baseUrl: `http://127.0.0.1:${port}/wrong`
      })
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(
        /HTTP 404 that did not come from the API \(not JSON: text\/html\): check 'anthropic-base-url'/
      )
    } finally {
      await new Promise(resolve => gateway.close(resolve))
    }
  })
})

describe('what proves authentication', () => {
  /** A server answering every request with the API's 400 invalid_request_error, both markers included. */
  async function withApi400(check: (baseUrl: string) => Promise<void>) {
    const server = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'request-id': 'req_011Cbad400' })
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'invalid_request_error', message: 'messages: field required' },
          request_id: 'req_011Cbad400'
        })
      )
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      await check(`http://127.0.0.1:${(server.address() as { port: number }).port}`)
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  }

  it("counts the API's 400 on count_tokens as authenticated, but not on /v1/models", async () => {
    await withApi400(async baseUrl => {
      const counted = await probe(oauth(token('any')), { ...options(), baseUrl })
      expect(counted).toMatchObject({ status: 'valid', requestId: 'req_011Cbad400' })
      const listed = await probe(apiKey(key('any')), { ...options(), baseUrl })
      expect(listed.status).toBe('unverifiable')
      expect(listed.message).toMatch(/HTTP 400 invalid_request_error for \/v1\/models/)
    })
  })

  it.each(['gateway-401', 'unmarked-401'])(
    'never calls an OAuth token invalid on a %s',
    async behaviour => {
      api.set(token(behaviour), behaviour)
      const result = await probe(oauth(token(behaviour)), options())
      expect(result).toMatchObject({ status: 'unverifiable', httpStatus: 401 })
      expect(result.message).toMatch(/did not come from the API/)
    }
  )
})

describe('network errors', () => {
  it('never carry the failing error message, which may quote a header value', () => {
    const error = new TypeError('fetch failed', {
      cause: new TypeError(
        'Headers.append: "Bearer sk-ant-oat01-SECRET" is an invalid header value.'
      )
    })
    const [failure, detail] = classifyNetworkError(error)
    expect(failure).toBe('other')
    expect(detail).toBe('TypeError')
  })
})

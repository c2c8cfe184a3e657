// Issue 8, item 8: a credential Claude Code will not send is never sent by the preflight either. The bundled main step,
// run as the runner runs it, against a stand-in gateway that records every request it gets.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { runAction } from '../support/runner.js'
import { expectNoLeak } from '../support/leaks.js'

const MAIN = 'dist/main/index.js'
const GATEWAY_TOKEN = 'gateway-token-0123456789abcdef'
const API_KEY = 'sk-ant-api03-IGNORED-key-0123456789'
const OAUTH = 'sk-ant-oat01-IGNORED-subscription-0123456789'
const REFRESH = 'sk-ant-ort01-IGNORED-refresh-0123456789'
const CREDENTIALS = JSON.stringify({
  claudeAiOauth: {
    accessToken: OAUTH,
    refreshToken: REFRESH,
    expiresAt: Date.now() + 8 * 3_600_000
  }
})

let gateway: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  gateway = await startAnthropicStandIn({
    credentials: { [GATEWAY_TOKEN]: 'valid', [API_KEY]: 'valid', [OAUTH]: 'valid' }
  })
})
afterAll(() => gateway.close())

/** Every header value the gateway received, joined: where an ignored secret would show. */
const receivedHeaders = () =>
  gateway.requests.map(request => JSON.stringify(request.headers) + request.body).join('\n')

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runAction(MAIN, {
    inputs: {
      'anthropic-base-url': gateway.url,
      'probe-timeout': '5s',
      'min-remaining': '30m',
      'on-expiring': 'fail',
      ...inputs
    },
    env
  })

describe('only the credential Claude Code will send is probed', () => {
  it('sends the gateway token, never the subscription token beside it', async () => {
    gateway.requests.length = 0
    const result = await run({
      'anthropic-auth-token': GATEWAY_TOKEN,
      'claude-credentials': CREDENTIALS
    })
    expect(result.outputs).toMatchObject({ credential: 'anthropic-auth-token', status: 'valid' })
    expect(gateway.requests.map(r => r.secret)).toEqual([GATEWAY_TOKEN])
    expect(receivedHeaders()).not.toContain(OAUTH)
    expect(receivedHeaders()).not.toContain(REFRESH)
    expect(result.summary).toMatch(
      /\| Subscription access token \| input claude-credentials \| .* \| not probed \|.*ignored/
    )
    expectNoLeak(result, [OAUTH, REFRESH, CREDENTIALS, GATEWAY_TOKEN])
  })

  it('sends the API key, never the OAuth token Claude Code ranks below it', async () => {
    gateway.requests.length = 0
    const result = await run({ 'anthropic-api-key': API_KEY, 'claude-code-oauth-token': OAUTH })
    expect(result.outputs).toMatchObject({ credential: 'anthropic-api-key', status: 'valid' })
    expect(gateway.requests.map(r => r.secret)).toEqual([API_KEY])
    expect(receivedHeaders()).not.toContain(OAUTH)
  })

  it('sends nothing when Claude Code will use a cloud provider', async () => {
    gateway.requests.length = 0
    const result = await run(
      { 'anthropic-api-key': API_KEY, 'claude-code-oauth-token': OAUTH },
      { CLAUDE_CODE_USE_BEDROCK: '1' }
    )
    expect(result.outputs.status).toBe('unverifiable')
    expect(gateway.requests).toEqual([])
  })
})

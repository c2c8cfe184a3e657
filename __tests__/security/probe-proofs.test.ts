// Issue 8, item 11: the probe's proofs. An answer is the API's only with its error envelope and its `request-id`
// header, and a non-401/403 proves authentication only on the route the probe asked. The bundled main step, run as the
// runner runs it, against the stand-in API (which routes before it authenticates, as the API does) and a gateway.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { runAction } from '../support/runner.js'
import { expectNoLeak } from '../support/leaks.js'

const MAIN = 'dist/main/index.js'
const DEAD_KEY = 'sk-ant-api03-PROOFS-dead-key-0123456789'
const DEAD_OAUTH = 'sk-ant-oat01-PROOFS-dead-oauth-0123456789'
const LIVE_KEY = 'sk-ant-api03-PROOFS-live-key-0123456789'
const LIVE_BEHIND_GATEWAY = 'sk-ant-api03-PROOFS-gateway-0123456789'
const LIVE_UNMARKED = 'sk-ant-api03-PROOFS-unmarked-0123456789'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
/** Answers every request 200 with an empty JSON object: not what either probe route answers. */
let stub: Server
let stubUrl: string
beforeAll(async () => {
  api = await startAnthropicStandIn({
    credentials: {
      [DEAD_KEY]: 'invalid',
      [DEAD_OAUTH]: 'expired',
      [LIVE_KEY]: 'valid',
      [LIVE_BEHIND_GATEWAY]: 'gateway-401',
      [LIVE_UNMARKED]: 'unmarked-401'
    }
  })
  // `/openai` answers as an OpenAI-style server does, whoever asks: a list, but not the Models API's page.
  stub = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(req.url?.startsWith('/openai/') ? '{"object":"list","data":[]}' : '{}')
  })
  await new Promise<void>(resolve => stub.listen(0, '127.0.0.1', resolve))
  stubUrl = `http://127.0.0.1:${(stub.address() as { port: number }).port}`
})
afterAll(async () => {
  await api.close()
  await new Promise(resolve => stub.close(resolve))
})

const run = (inputs: Record<string, string>) =>
  runAction(MAIN, {
    inputs: {
      'anthropic-base-url': api.url,
      'probe-timeout': '5s',
      'min-remaining': '30m',
      ...inputs
    }
  })
const warning = (result: Awaited<ReturnType<typeof run>>) =>
  result.commands.find(c => c.command === 'warning' && /could not be verified/.test(c.message))
    ?.message ?? ''

describe("a 404 from routing is not proof: the base URL's trailing /v1", () => {
  it.each([
    ['an API key', { 'anthropic-api-key': DEAD_KEY }, '/v1/models'],
    ['an OAuth token', { 'claude-code-oauth-token': DEAD_OAUTH }, '/v1/messages/count_tokens']
  ])('%s that is dead is not called valid', async (_name, credential, path) => {
    const result = await run({ ...credential, 'anthropic-base-url': `${api.url}/v1` })
    expect(result.outputs).toMatchObject({ status: 'unverifiable', valid: 'false' })
    expect(api.requests.at(-1)?.path).toBe(`/v1${path}`)
    expect(warning(result)).toMatch(
      new RegExp(`HTTP 404 not_found_error for ${path}.*'anthropic-base-url'.*without /v1`)
    )
    expectNoLeak(result, Object.values(credential), ['oauth-token'])
  })

  it('the same dead key at the right base URL is invalid', async () => {
    const result = await run({ 'anthropic-api-key': DEAD_KEY })
    expect(result.outputs.status).toBe('invalid')
  })
})

describe("a 401 that is not the API's is not proof of a dead credential", () => {
  it("a gateway's own JSON 401 makes a live key unverifiable, saying the gateway refused it", async () => {
    const result = await run({ 'anthropic-api-key': LIVE_BEHIND_GATEWAY })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ status: 'unverifiable', valid: 'false' })
    expect(warning(result)).toMatch(
      /HTTP 401 that did not come from the API \(application\/json, not the API's error format\): the gateway or proxy in between refused the request/
    )
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
  })

  it("the API's 401 body without the API's request-id header is not the API's", async () => {
    const result = await run({ 'anthropic-api-key': LIVE_UNMARKED })
    expect(result.outputs.status).toBe('unverifiable')
    expect(warning(result)).toMatch(/without the API's request-id/)
  })
})

describe("only the route's own answer proves authentication", () => {
  it('a 200 that is not what /v1/models answers proves nothing', async () => {
    const result = await run({ 'anthropic-api-key': DEAD_KEY, 'anthropic-base-url': stubUrl })
    expect(result.outputs.status).toBe('unverifiable')
    expect(warning(result)).toMatch(
      /HTTP 200 that did not come from the API.*instead of \/v1\/models/
    )
  })

  it("a list that is not the Models API's page (an OpenAI-style server) proves nothing", async () => {
    const result = await run({
      'anthropic-api-key': DEAD_KEY,
      'anthropic-base-url': `${stubUrl}/openai`
    })
    expect(result.outputs.status).toBe('unverifiable')
  })

  it('the route answering as the API does is valid', async () => {
    const result = await run({ 'anthropic-api-key': LIVE_KEY })
    expect(result.outputs).toMatchObject({ status: 'valid', valid: 'true' })
  })
})

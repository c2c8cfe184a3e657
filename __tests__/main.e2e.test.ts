// The bundled main step, run as the runner runs it, against the stand-in API (and a stand-in GitHub API for
// `min-remaining: auto`). Every scenario also proves that no secret reached any channel.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { contentsRoutes } from '../stand-ins/github-contents.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { closedPort } from './support/ports.js'
import { checkout } from './support/checkout.js'
import { selfSignedCertificate } from './support/tls.js'

const MAIN = 'dist/main/index.js'
const KEY = 'sk-ant-api03-E2E-valid-key-0123456789'
const BAD_KEY = 'sk-ant-api03-E2E-invalid-key-0123456789'
const OAUTH = 'sk-ant-oat01-E2E-valid-oauth-0123456789'
const REVOKED = 'sk-ant-oat01-E2E-revoked-oauth-0123456789'
const REFRESH = 'sk-ant-ort01-E2E-refresh-0123456789'
const DOWN_KEY = 'sk-ant-api03-E2E-overloaded-0123456789'
const GH_TOKEN = 'ghs_E2Etoken0123456789'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  api = await startAnthropicStandIn({
    credentials: {
      [KEY]: 'valid',
      [BAD_KEY]: 'invalid',
      [OAUTH]: 'valid',
      [REVOKED]: 'revoked',
      [DOWN_KEY]: 'overloaded'
    }
  })
  github = await startGitHubStandIn({
    routes: contentsRoutes,
    tokens: [GH_TOKEN],
    state: {
      files: {
        'acme/app@refs/heads/main:.github/workflows/claude.yml':
          'on: push\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    timeout-minutes: 45\n    steps: []\n'
      }
    }
  })
})
afterAll(async () => {
  await api.close()
  await github.close()
})

const base = () => ({
  'anthropic-base-url': api.url,
  'probe-timeout': '30s', // generous: a loaded 2-core runner; the stand-in answers at once
  'min-remaining': '30m'
})

describe('main step, bundled', () => {
  it('passes a live API key and saves minimal state', async () => {
    const result = await runAction(MAIN, { inputs: { ...base(), 'anthropic-api-key': `${KEY}\n` } })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      credential: 'anthropic-api-key',
      status: 'valid',
      valid: 'true',
      'expires-at': ''
    })
    expect(result.stdout).toMatch(
      /::notice::claude-preflight: removed whitespace or a newline around the value of 'anthropic-api-key'/
    )
    expect(result.summary).toMatch(
      /\| API key \(used\) \| input anthropic-api-key \| `sk-ant-api03:[0-9a-f]{8}` \| valid \|/
    )
    const state = JSON.parse(result.state.preflight ?? '{}')
    expect(Object.keys(state).sort()).toEqual([
      'checkedAt',
      'fingerprint',
      'from',
      'label',
      'source',
      'status'
    ])
    expectNoLeak(result, [KEY])
  })

  it('fails an invalid key with one annotation naming the credential, the request id and the fix', async () => {
    const result = await runAction(MAIN, { inputs: { ...base(), 'anthropic-api-key': BAD_KEY } })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ status: 'invalid', valid: 'false' })
    const errors = result.commands.filter(c => c.command === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.properties).toBe('title=Claude credential invalid')
    expect(errors[0]?.message).toMatch(
      /API key from input anthropic-api-key was rejected by the API: the API answered 401 "invalid x-api-key" \(request id req_\w+\)\. Fix: Create a new API key/
    )
    // Every state key saved, empty: nothing for the post step, and nothing a later step can inject; and the
    // record of the network settings (none set here), which the post step checks before it sends a token.
    expect(result.state).toEqual({
      preflight: '',
      'refresh-pending': '',
      'network-env': '{}',
      'github-token': '',
      platform: '',
      renewer: ''
    })
    expectNoLeak(result, [BAD_KEY])
  })

  it('warns instead when on-invalid is warn', async () => {
    const result = await runAction(MAIN, {
      inputs: { ...base(), 'anthropic-api-key': BAD_KEY, 'on-invalid': 'warn' }
    })
    expect(result.code).toBe(0)
    expect(
      result.commands
        .filter(c => c.command === 'warning')
        .map(c => c.message)
        .join()
    ).toMatch(/rejected by the API/)
  })

  it('fails subscription credentials that expire before the job could end, with the expiry', async () => {
    const expiresAt = Date.now() + 20 * 60_000
    const credentials = JSON.stringify({
      claudeAiOauth: {
        accessToken: OAUTH,
        refreshToken: REFRESH,
        expiresAt,
        scopes: ['user:inference']
      }
    })
    const result = await runAction(MAIN, {
      inputs: { ...base(), 'claude-credentials': credentials, 'on-expiring': 'fail' }
    })
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('expiring')
    expect(Number(result.outputs['remaining-seconds'])).toBeGreaterThan(1100)
    expect(result.outputs['expires-at']).toBe(new Date(expiresAt).toISOString())
    expect(result.commands.find(c => c.command === 'error')?.message).toMatch(
      /expires at .* in 19m\d+s .* may need 30m \(min-remaining 30m\)/
    )
    expectNoLeak(result, [OAUTH, REFRESH, credentials], ['oauth-token'])
  })

  it('calls a revoked OAuth token revoked', async () => {
    const result = await runAction(MAIN, {
      inputs: { ...base(), 'claude-code-oauth-token': REVOKED }
    })
    expect(result.outputs.status).toBe('revoked')
    expect(result.commands.find(c => c.command === 'error')?.message).toMatch(/claude setup-token/)
    expectNoLeak(result, [REVOKED], ['oauth-token'])
  })

  it('never calls a credential invalid when the API is down or unreachable: it warns', async () => {
    const overloaded = await runAction(MAIN, {
      inputs: { ...base(), 'anthropic-api-key': DOWN_KEY }
    })
    expect(overloaded.code).toBe(0)
    expect(overloaded.outputs.status).toBe('unverifiable')
    expect(
      overloaded.commands.find(
        c => c.command === 'warning' && /could not be verified/.test(c.message)
      )?.message
    ).toMatch(/529/)
    const unreachable = await runAction(MAIN, {
      inputs: {
        ...base(),
        'anthropic-api-key': KEY,
        'anthropic-base-url': `http://127.0.0.1:${await closedPort()}`,
        'on-unverifiable': 'fail'
      }
    })
    expect(unreachable.code).toBe(1)
    expect(unreachable.outputs.status).toBe('unverifiable')
    expectNoLeak(unreachable, [KEY])
  })

  /** The main step with no credential, for a pull request from a fork, under event `name`. */
  async function runForForkPullRequest(name: string) {
    const job = newJob()
    const event = join(job.dir, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { fork: true } } } }))
    return runAction(MAIN, {
      job,
      inputs: base(),
      env: { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: event }
    })
  }

  it('explains a missing credential on a fork pull request as secrets not passed', async () => {
    const result = await runForForkPullRequest('pull_request')
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('missing')
    expect(result.commands.find(c => c.command === 'error')?.message).toMatch(
      /does not pass secrets .* from a fork\. This is not an invalid credential/
    )
  })

  it('does not blame forks for a missing secret on pull_request_target, which gets secrets', async () => {
    const result = await runForForkPullRequest('pull_request_target')
    expect(result.outputs.status).toBe('missing')
    expect(result.commands.find(c => c.command === 'error')?.message).toMatch(
      /no Claude credential was given/
    )
  })

  it('reads min-remaining auto from the job timeout, through the contents API or the checkout', async () => {
    const env = {
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/claude.yml@refs/heads/main',
      GITHUB_JOB: 'claude',
      GITHUB_API_URL: github.url
    }
    const remote = await runAction(MAIN, {
      inputs: {
        ...base(),
        'min-remaining': 'auto',
        'anthropic-api-key': KEY,
        'github-token': GH_TOKEN
      },
      env
    })
    expect(remote.summary).toMatch(/must last 45m: timeout-minutes: 45 of job 'claude'/)
    const job = newJob()
    const sha = checkout(job.dir, {
      '.github/workflows/claude.yml': 'jobs:\n  claude:\n    timeout-minutes: 100\n'
    })
    const local = await runAction(MAIN, {
      job,
      inputs: { ...base(), 'min-remaining': 'auto', 'anthropic-api-key': KEY },
      env: { ...env, GITHUB_WORKSPACE: job.dir, GITHUB_WORKFLOW_SHA: sha }
    })
    expect(local.summary).toMatch(/must last 1h40m: timeout-minutes: 100/)
    const fallback = await runAction(MAIN, {
      inputs: {
        ...base(),
        'min-remaining': 'auto',
        'anthropic-api-key': KEY,
        'github-token': 'wrong'
      },
      env
    })
    expect(fallback.summary).toMatch(/360 minutes, GitHub's default job limit \(could not read/)
    expectNoLeak(remote, [KEY, GH_TOKEN])
  })

  it('rejects bad input with one line naming the input and the fix, no stack trace', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { 'claude-code-oauth-token': KEY },
        /input 'claude-code-oauth-token' holds an Anthropic API key\. Move it to input 'anthropic-api-key'/
      ],
      [
        { 'anthropic-api-key': KEY, 'min-remaining': '90' },
        /input 'min-remaining' is not a duration .* no unit/
      ],
      [
        { 'anthropic-api-key': KEY, 'on-invalid': 'explode' },
        /input 'on-invalid' is 'explode'\. Use 'fail' or 'warn'/
      ],
      [
        { 'claude-credentials': '{"claudeAiOauth": ' },
        /input 'claude-credentials' is not valid JSON/
      ],
      [
        { 'anthropic-api-key': KEY, 'anthropic-base-url': 'ftp://x' },
        /input 'anthropic-base-url' uses ftp:/
      ]
    ]
    for (const [inputs, message] of cases) {
      const result = await runAction(MAIN, { inputs: { ...base(), ...inputs } })
      expect(result.code).toBe(1)
      expect(result.outputs).toMatchObject({ status: 'invalid-input', valid: 'false' })
      const errors = result.commands.filter(c => c.command === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]?.message).toMatch(message)
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
      expectNoLeak(
        result,
        [KEY].filter(k => Object.values(inputs).includes(k))
      )
    }
  })

  it('honours HTTPS_PROXY/HTTP_PROXY and NO_PROXY', async () => {
    const seen: string[] = []
    // A CONNECT proxy, as corporate proxies are: it records each tunnel's target.
    const proxy: Server = createServer((_req, res) => res.writeHead(405).end())
    proxy.on('connect', (req, client, head) => {
      seen.push(req.url ?? '')
      // Only the proxy knows where the API's host name points, as on a locked-down self-hosted runner.
      const port = Number((req.url ?? '').split(':')[1])
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`
    // A base URL that is not loopback must be https: the stand-in serves it with a certificate the step trusts.
    const tls = selfSignedCertificate('api.stand-in.test')
    const httpsApi = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' }, tls })
    try {
      const behindProxy = `https://api.stand-in.test:${httpsApi.port}`
      const inputs = { ...base(), 'anthropic-base-url': behindProxy, 'anthropic-api-key': KEY }
      const trust = { NODE_EXTRA_CA_CERTS: tls.certFile }
      const viaProxy = await runAction(MAIN, {
        inputs,
        env: { ...trust, HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }
      })
      expect(viaProxy.outputs.status).toBe('valid')
      expect(seen).toEqual([`api.stand-in.test:${httpsApi.port}`])
      const bypass = await runAction(MAIN, {
        inputs,
        env: { ...trust, HTTPS_PROXY: proxyUrl, NO_PROXY: 'stand-in.test' }
      })
      expect(bypass.outputs.status).toBe('unverifiable')
      expect(bypass.commands.find(c => c.command === 'warning')?.message).toMatch(
        /host name not found/
      )
      expect(seen).toHaveLength(1)
    } finally {
      await httpsApi.close()
      await new Promise(resolve => proxy.close(resolve))
    }
  })
})

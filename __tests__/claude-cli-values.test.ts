// The real CLI is the authority on what Claude sends: the preflight's clean-ups (src/providers/clean.ts) are a
// notice where Claude Code cleans the same way, and a failure where it sends the value as it is. This pins both facts
// on the pinned CLI: whitespace and newlines around ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN and ANTHROPIC_AUTH_TOKEN
// are trimmed; quotes are sent as part of the credential.
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'
import { anthropicProbe } from '../src/providers/anthropic-api.js'
import { FEDERATION_AUDIENCE } from '../src/cloud/federation/settings.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'

/** What the CLI sent with its first model request. */
interface Sent {
  credential: string
  headers: Record<string, string | string[] | undefined>
}

/** Runs the CLI once with `name=value` against a server that refuses everything; returns what it sent. */
async function requestFor(name: string, value: string): Promise<Sent | undefined> {
  const sent: Sent[] = []
  const server = createServer((req, res) => {
    const bearer = /^Bearer (.*)$/s.exec(req.headers.authorization ?? '')?.[1]
    const key = req.headers['x-api-key']
    sent.push({ credential: String(key ?? bearer ?? ''), headers: req.headers })
    res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_011Cvalues' })
    res.end(
      JSON.stringify({
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
        request_id: 'req_011Cvalues'
      })
    )
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const home = mkdtempSync(join(tmpdir(), 'claude-values-'))
  try {
    const port = (server.address() as { port: number }).port
    const child = spawn(claudeBinary(), ['-p', 'hi', '--output-format', 'json'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        CLAUDE_CODE_MAX_RETRIES: '0',
        [name]: value
      },
      stdio: ['ignore', 'ignore', 'ignore']
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    await new Promise(resolve => child.on('close', resolve))
    clearTimeout(timer)
    return sent.find(request => request.credential)
  } finally {
    server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

const sentFor = async (name: string, value: string) => (await requestFor(name, value))?.credential

describe('what the real claude CLI sends for a pasted credential', () => {
  it.each([
    ['ANTHROPIC_API_KEY', 'sk-ant-api03-values-key'],
    ['CLAUDE_CODE_OAUTH_TOKEN', 'sk-ant-oat01-values-token'],
    ['ANTHROPIC_AUTH_TOKEN', 'gateway-values-token']
  ])(
    '%s: whitespace and a newline are trimmed, quotes are sent',
    async (name, secret) => {
      expect(await sentFor(name, `  ${secret}\n`)).toBe(secret)
      expect(await sentFor(name, `"${secret}"`)).toBe(`"${secret}"`)
    },
    240_000
  )

  it.each([
    ['ANTHROPIC_API_KEY', 'sk-ant-api03-values-key', 'x-api-key'],
    ['CLAUDE_CODE_OAUTH_TOKEN', 'sk-ant-oat01-values-token', 'oauth'],
    ['ANTHROPIC_AUTH_TOKEN', 'gateway-values-token', 'bearer']
  ] as const)(
    "%s: the probe sends the credential in the CLI's header, with its version and OAuth beta",
    async (name, secret, scheme) => {
      const cli = await requestFor(name, secret)
      const { request } = anthropicProbe({ scheme, secret }, { baseUrl: 'http://127.0.0.1' })
      const probe = request.headers ?? {}
      expect(probe['anthropic-version']).toBe(cli?.headers['anthropic-version'])
      expect(probe['x-api-key']).toBe(cli?.headers['x-api-key'])
      expect(probe.authorization).toBe(cli?.headers.authorization)
      const cliBetas = String(cli?.headers['anthropic-beta'] ?? '').split(',')
      if (scheme === 'oauth') expect(cliBetas).toContain(probe['anthropic-beta'])
      else expect(probe['anthropic-beta']).toBeUndefined()
    },
    240_000
  )
})

/** Runs the CLI once on workload identity federation with `extra` in its environment; returns its exit code. */
async function federatedRun(extra: Record<string, string>) {
  const oidc = await startGitHubOidcStandIn()
  const federation = await startFederationStandIn({ oidc })
  const home = mkdtempSync(join(tmpdir(), 'claude-federation-'))
  try {
    const minted = await fetch(
      `${oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(FEDERATION_AUDIENCE)}`,
      { headers: { authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } }
    )
    const tokenFile = join(home, 'identity-token')
    writeFileSync(tokenFile, ((await minted.json()) as { value: string }).value)
    const child = spawn(claudeBinary(), ['-p', 'hi', '--output-format', 'json'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        CLAUDE_CODE_MAX_RETRIES: '0',
        ...federation.env,
        ANTHROPIC_IDENTITY_TOKEN_FILE: tokenFile,
        ...extra
      },
      stdio: ['ignore', 'ignore', 'ignore']
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    const code = await new Promise(resolve => child.on('close', resolve))
    clearTimeout(timer)
    return { code, exchanges: federation.exchanges.length }
  } finally {
    await Promise.all([federation.close(), oidc.close()])
    rmSync(home, { recursive: true, force: true })
  }
}

// The preflight selects federation as the CLI does (src/providers/select.ts): an environment credential outranks it,
// an empty one does not, whatever SDK documentation says of empty values.
describe('what the real claude CLI uses beside workload identity federation', () => {
  it('an empty ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN does not shadow it; an OAuth token does', async () => {
    expect(await federatedRun({ ANTHROPIC_API_KEY: '', ANTHROPIC_AUTH_TOKEN: '' })).toEqual({
      code: 0,
      exchanges: 1
    })
    const shadowed = await federatedRun({ CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-values-token' })
    expect(shadowed.exchanges).toBe(0)
  }, 240_000)
})

// The real CLI is the authority on what Claude sends: the preflight's clean-ups (src/providers/clean.ts) are a
// notice where Claude Code cleans the same way, and a failure where it sends the value as it is. This pins both facts
// on the pinned CLI: whitespace and newlines around ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN and ANTHROPIC_AUTH_TOKEN
// are trimmed; quotes are sent as part of the credential.
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'

/** Runs the CLI once with `name=value` against a server that refuses everything; returns the credential it sent. */
async function sentFor(name: string, value: string): Promise<string | undefined> {
  const sent: string[] = []
  const server = createServer((req, res) => {
    const bearer = /^Bearer (.*)$/s.exec(req.headers.authorization ?? '')?.[1]
    const key = req.headers['x-api-key']
    sent.push(String(key ?? bearer ?? ''))
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
    return sent.find(Boolean)
  } finally {
    server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

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
})

// Review finding (issue 8 follow-up, High): a later step can steer the post step's network. It can write
// HTTPS_PROXY / HTTP_PROXY (with NODE_EXTRA_CA_CERTS or NODE_TLS_REJECT_UNAUTHORIZED=0 for TLS), or GITHUB_API_URL,
// to $GITHUB_ENV; the post step's GitHub client follows them, and would hand `secrets-token` (the write-back) and
// `github-token` (the PR comment) to that step's server. The bundled main step records these variables; the bundled
// post step, run with what a later step wrote, must send neither token anywhere and say why in one line each.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GHS, PAT } from '../support/refresh-chain.js'
import { eachRefreshJob, secretWrites, type RefreshJob } from '../support/refresh-job.js'
import { NETWORK_ENV, networkRecord, networkRefusal } from '../../src/secrets/network-env.js'

const jobs = eachRefreshJob()

/** A server a later step runs: an HTTP proxy (CONNECT tunnels included) and a stand-in GitHub, recording headers. */
async function startEavesdropper(): Promise<{
  url: string
  seen: IncomingHttpHeaders[]
  server: Server
}> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    response.writeHead(500, { 'content-type': 'application/json' })
    response.end('{"message":"eavesdropped"}')
  })
  // A tunnel's plain HTTP goes to the same server, so its requests are recorded too.
  server.on('connect', (request, socket) => {
    seen.push(request.headers)
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    server.emit('connection', socket)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, seen, server }
}

let eavesdropper: Awaited<ReturnType<typeof startEavesdropper>> | undefined
afterEach(async () => {
  eavesdropper?.server.closeAllConnections()
  await new Promise(resolve => eavesdropper?.server.close(resolve) ?? resolve(undefined))
  eavesdropper = undefined
})

/** A job whose main step refreshes but cannot write the secret, on a pull request with pr-comment on. */
async function jobWithPendingWriteAndComment(apiHost?: string): Promise<RefreshJob> {
  const r = await jobs.start({ 'pr-comment': 'true' })
  const event = join(r.job.dir, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 9 } }))
  Object.assign(r.env, {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    // @actions/http-client never proxies a loopback name; 0.0.0.0 reaches the same stand-in and is proxied.
    ...(apiHost && { GITHUB_API_URL: r.chain.github.url.replace('127.0.0.1', apiHost) })
  })
  r.chain.githubFault.fn = request =>
    request.method === 'PUT' ? { status: 502, body: { message: 'Server Error' } } : undefined
  return r
}

describe('a later step cannot steer where the post step sends its tokens', () => {
  it.each([
    ['GITHUB_API_URL to its own server', undefined, (url: string) => ({ GITHUB_API_URL: url })],
    [
      'HTTP_PROXY and HTTPS_PROXY to its own proxy',
      '0.0.0.0',
      (url: string) => ({ HTTPS_PROXY: url, HTTP_PROXY: url, NODE_TLS_REJECT_UNAUTHORIZED: '0' })
    ]
  ])(
    '%s: no token is sent, and each refusal says why',
    async (_what, apiHost, laterEnv) => {
      eavesdropper = await startEavesdropper()
      const r = await jobWithPendingWriteAndComment(apiHost)
      const main = await r.main()
      r.chain.githubFault.fn = undefined
      expect(main.outputs.refreshed).toBe('true')
      expect(main.stdout).toContain('the post step tries the write again')
      const before = secretWrites(r.chain).length

      const changed = laterEnv(eavesdropper.url)
      const post = await r.post(main, {}, changed)
      const tokens = eavesdropper.seen.map(headers => headers.authorization ?? '')
      expect(tokens.filter(header => header.includes(PAT) || header.includes(GHS))).toEqual([])
      expect(eavesdropper.seen).toEqual([])
      expect(secretWrites(r.chain).slice(before)).toEqual([])

      const names = Object.keys(changed).join(', ')
      const error = post.commands.find(c => c.command === 'error')
      expect(error?.properties).toContain('title=Rotated Claude credentials not saved')
      expect(error?.message).toContain(
        `did not send 'secrets-token': ${names} changed after the main step`
      )
      expect(error?.message).toMatch(/re-seed: .*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/)
      const warning = post.commands.find(c => c.message.includes('no PR comment'))
      expect(warning?.command).toBe('warning')
      expect(warning?.message).toContain(
        `no PR comment: did not send 'github-token': ${names} changed after the main step`
      )
      expect(post.code).toBe(1)
    },
    120_000
  )

  it('with the network settings main saw, the write-back goes to GitHub as before', async () => {
    const r = await jobWithPendingWriteAndComment('0.0.0.0')
    const main = await r.main()
    r.chain.githubFault.fn = undefined
    const before = secretWrites(r.chain).length
    const post = await r.post(main)
    expect(secretWrites(r.chain).slice(before)).toEqual([
      '/repos/acme/app/actions/secrets/CLAUDE_CREDENTIALS'
    ])
    expect(post.stdout).not.toContain("did not send '")
  }, 120_000)
})

describe('the record of the network settings', () => {
  const base = { GITHUB_API_URL: 'https://api.github.com', PATH: '/usr/bin' }

  it.each(NETWORK_ENV.map(name => [name]))('a change of %s is refused', name => {
    const record = networkRecord(base)
    expect(networkRefusal('github-token', record, { ...base, [name]: 'changed' })).toContain(
      `did not send 'github-token': ${name} changed after the main step`
    )
  })

  it('holds no value, only digests, and ignores variables that steer nothing', () => {
    const record = networkRecord({ ...base, HTTPS_PROXY: 'http://user:hunter2@proxy:3128' })
    expect(record).not.toContain('hunter2')
    expect(record).not.toContain('proxy:3128')
    expect(
      networkRefusal('t', record, {
        ...base,
        HTTPS_PROXY: 'http://user:hunter2@proxy:3128',
        PATH: '/x'
      })
    ).toBeUndefined()
  })

  it('a record main cannot have written is refused; no record at all (main never ran) is not', () => {
    expect(networkRefusal('t', '["x"]', base)).toMatch(
      /record of the network settings is not readable/
    )
    expect(networkRefusal('t', '', base)).toBeUndefined()
  })
})

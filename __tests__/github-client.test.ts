// The GitHub client over `send`: octokit's route rules and the headers GitHub asks for, on the wire to loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { githubRequest, routeRequest } from '../src/github/client.js'

describe('routeRequest', () => {
  it('fills the route, percent-encoding each parameter whole, slashes included', () => {
    expect(
      routeRequest('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner: 'acme',
        repo: 'app',
        ref: "claude-preflight/locks/a b!'"
      })
    ).toEqual({
      method: 'GET',
      path: '/repos/acme/app/git/ref/claude-preflight%2Flocks%2Fa%20b%21%27'
    })
  })

  it('puts the other parameters in the query of a GET, in a JSON body otherwise', () => {
    const base = { owner: 'o', repo: 'r', issue_number: 7 }
    expect(
      routeRequest('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...base,
        per_page: 100,
        page: 2
      })
    ).toEqual({ method: 'GET', path: '/repos/o/r/issues/7/comments?per_page=100&page=2' })
    expect(
      routeRequest('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...base,
        body: 'a&b'
      })
    ).toEqual({ method: 'POST', path: '/repos/o/r/issues/7/comments', body: '{"body":"a&b"}' })
  })

  it('sends PUT and PATCH with an empty body and DELETE with none when no parameter is left', () => {
    expect(routeRequest('PUT /x/{id}', { id: 1 })).toEqual({
      method: 'PUT',
      path: '/x/1',
      body: ''
    })
    expect(routeRequest('DELETE /x/{id}', { id: 1 })).toEqual({ method: 'DELETE', path: '/x/1' })
  })
})

describe('githubRequest', () => {
  let server: Server
  let base: string
  const seen: Array<{
    method?: string
    url?: string
    headers: IncomingMessage['headers']
    body: string
  }> = []
  let other: Server
  let otherBase = ''
  const otherSeen: IncomingMessage['headers'][] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body })
        if (req.url === '/moved') {
          res.writeHead(307, { location: '/here' }).end()
        } else if (req.url === '/elsewhere') {
          res.writeHead(307, { location: `${otherBase}/landed` }).end()
        } else if (req.url === '/cut') {
          res.writeHead(201, { 'content-type': 'application/json', 'content-length': '100' })
          res.write('{"id":')
          setTimeout(() => res.destroy(), 20)
        } else if (req.url === '/page') {
          res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>')
        } else {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ url: req.url }))
        }
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    other = createServer((req, res) => {
      otherSeen.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"landed":true}')
    })
    await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve))
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>(resolve => server.close(() => resolve()))
    await new Promise<void>(resolve => other.close(() => resolve()))
  })

  it('never carries the token to another origin a redirect points at', async () => {
    const api = githubRequest('ghs_clienttest', { GITHUB_API_URL: base })
    expect(await api('GET /elsewhere')).toMatchObject({ status: 200, data: { landed: true } })
    expect(otherSeen).toHaveLength(1)
    expect(otherSeen[0]?.authorization).toBeUndefined()
    expect(JSON.stringify(otherSeen)).not.toContain('ghs_clienttest')
  })

  it('keeps the path of a GitHub Enterprise Server API URL', async () => {
    const api = githubRequest('ghs_clienttest', { GITHUB_API_URL: `${base}/api/v3/` })
    expect(await api('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' })).toMatchObject({
      status: 200,
      data: { url: '/api/v3/repos/o/r' }
    })
  })

  it('sends the headers GitHub asks for and a JSON body, and parses a JSON answer', async () => {
    const api = githubRequest('ghs_clienttest', { GITHUB_API_URL: `${base}/` })
    const answer = await api('PATCH /items/{id}', { id: 3, sha: 'abc', force: false })
    expect(answer).toMatchObject({ status: 200, data: { url: '/items/3' } })
    const request = seen.at(-1)!
    expect(request).toMatchObject({ method: 'PATCH', body: '{"sha":"abc","force":false}' })
    expect(request.headers).toMatchObject({
      authorization: 'Bearer ghs_clienttest',
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'claude-preflight',
      'content-type': 'application/json; charset=utf-8'
    })
  })

  it('follows a redirect, keeps a status whose body broke off, and gives a page that is not JSON as text', async () => {
    const api = githubRequest('ghs_clienttest', { GITHUB_API_URL: base })
    expect(await api('GET /moved')).toMatchObject({ status: 200, data: { url: '/here' } })
    expect(await api('POST /cut', { a: 1 })).toMatchObject({ status: 201, data: '' })
    expect(await api('GET /page')).toMatchObject({ status: 502, data: '<html>bad gateway</html>' })
  })
})

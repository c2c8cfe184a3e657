// The real CLI is the authority on what Claude sends: the preflight's clean-ups (src/providers/clean.ts) are a
// notice where Claude Code cleans the same way, and a failure where it sends the value as it is. This pins both facts
// on the pinned CLI: whitespace and newlines around ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN and ANTHROPIC_AUTH_TOKEN
// are trimmed; quotes are sent as part of the credential. It also pins what the preflight selects beside workload
// identity federation, and the Google Cloud project Claude Code calls on Vertex AI.
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'
import { anthropicProbe } from '../src/providers/anthropic-api.js'
import { FEDERATION_AUDIENCE } from '../src/cloud/federation/settings.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'
import { vertexProject } from '../src/cloud/google/settings.js'

/** What the CLI sent with its first model request. */
interface Sent {
  credential: string
  headers: Record<string, string | string[] | undefined>
}

/**
 * Runs `claude -p hi` once in `home` with `env` beside the quiet settings (no retries), in `cwd` when given; returns its
 * exit code.
 */
async function runClaudeOnce(home: string, env: Record<string, string>, cwd?: string) {
  const child = spawn(claudeBinary(), ['-p', 'hi', '--output-format', 'json'], {
    ...(cwd && { cwd }),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '0',
      ...env
    },
    stdio: ['ignore', 'ignore', 'ignore']
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
  const code = await new Promise(resolve => child.on('close', resolve))
  clearTimeout(timer)
  return code
}

/**
 * Runs the CLI once with `env` against a server that refuses everything, with `settings` as its user settings and,
 * when given, `project` as the settings of the checkout it runs in; returns what it sent.
 */
async function requestWith(
  env: Record<string, string>,
  { user, project }: { user?: object; project?: object } = {}
): Promise<Sent | undefined> {
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
    const checkout = join(home, 'checkout')
    if (user) writeSettings(join(home, '.claude'), user)
    if (project) writeSettings(join(checkout, '.claude'), project)
    await runClaudeOnce(
      home,
      { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ...env },
      project && checkout
    )
    return sent.find(request => request.credential)
  } finally {
    server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

const writeSettings = (dir: string, settings: object) => {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings))
}

const requestFor = (name: string, value: string) => requestWith({ [name]: value })
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

describe("what outranks the renewer's settings key", () => {
  it("a checkout's own .claude/settings.json outranks the user settings main writes apiKeyHelper into", async () => {
    const sent = await requestWith(
      {},
      {
        user: { apiKeyHelper: 'echo renewer-helper-token' },
        project: { apiKeyHelper: 'echo project-helper-token' }
      }
    )
    expect(sent?.credential).toBe('project-helper-token')
    const alone = await requestWith({}, { user: { apiKeyHelper: 'echo renewer-helper-token' } })
    expect(alone?.credential).toBe('renewer-helper-token')
  }, 240_000)
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
    const code = await runClaudeOnce(home, {
      ...federation.env,
      ANTHROPIC_IDENTITY_TOKEN_FILE: tokenFile,
      ...extra
    })
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

type Google = Awaited<ReturnType<typeof startGoogleCloudStandIn>>

/**
 * Runs the CLI once on Vertex AI against the Google stand-in with `extra` in its environment, and the credentials file
 * `credentialsOf` makes there; returns the projects its model requests named (none when it found no project and sent
 * nothing), and every path it asked for.
 */
async function vertexProjects(
  extra: Record<string, string>,
  credentialsOf?: (google: Google) => object
) {
  const google = await startGoogleCloudStandIn()
  const home = mkdtempSync(join(tmpdir(), 'claude-vertex-'))
  try {
    const file = join(home, 'gha-creds.json')
    const credentials = credentialsOf?.(google)
    if (credentials) writeFileSync(file, JSON.stringify(credentials))
    await runClaudeOnce(home, {
      CLAUDE_CODE_USE_VERTEX: '1',
      ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`,
      ...(credentials && { GOOGLE_APPLICATION_CREDENTIALS: file }),
      ...extra
    })
    const paths = google.requests.map(r => r.path)
    const projects = paths
      .map(
        path =>
          /^\/v1\/projects\/([^/]+)\/locations\/[^/]+\/publishers\/anthropic\//.exec(path)?.[1]
      )
      .filter((project): project is string => !!project)
    return { projects, paths }
  } finally {
    await google.close()
    rmSync(home, { recursive: true, force: true })
  }
}

// The project the preflight counts tokens in (src/cloud/google/settings.ts vertexProject) is the one the CLI calls:
// ANTHROPIC_VERTEX_PROJECT_ID, whatever GOOGLE_CLOUD_PROJECT and GCLOUD_PROJECT say; neither of those alone.
describe('which Google Cloud project the real claude CLI calls on Vertex AI', () => {
  const others = { GOOGLE_CLOUD_PROJECT: 'b', GCLOUD_PROJECT: 'c' }
  it('ANTHROPIC_VERTEX_PROJECT_ID over GOOGLE_CLOUD_PROJECT and GCLOUD_PROJECT (CLAUDE_CODE_SKIP_VERTEX_AUTH)', async () => {
    const env = {
      CLAUDE_CODE_SKIP_VERTEX_AUTH: '1',
      ANTHROPIC_AUTH_TOKEN: 'x',
      ANTHROPIC_VERTEX_PROJECT_ID: 'a',
      ...others
    }
    const { projects } = await vertexProjects(env)
    expect(projects.length).toBeGreaterThan(0)
    expect(new Set(projects)).toEqual(new Set([vertexProject(env)?.project]))
    expect(vertexProject(env)?.project).toBe('a')
    const without = { CLAUDE_CODE_SKIP_VERTEX_AUTH: '1', ANTHROPIC_AUTH_TOKEN: 'x', ...others }
    expect((await vertexProjects(without)).projects).toEqual([])
    expect(vertexProject(without)).toBeUndefined()
  }, 240_000)

  it('nor do they reach it with Application Default Credentials (an external_account file, which names no project)', async () => {
    const email = 'ci@claude-ci.iam.gserviceaccount.com'
    const { projects, paths } = await vertexProjects(others, google =>
      google.externalAccount({ impersonate: email })
    )
    // The CLI had its token (the service account impersonated), then found no project to call.
    expect(paths).toContain(`/v1/projects/-/serviceAccounts/${email}:generateAccessToken`)
    expect(projects).toEqual([])
    expect(vertexProject(others, {})).toBeUndefined()
  }, 240_000)
})

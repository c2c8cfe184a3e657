// Test support for the refresh / write-back tests: an OAuth stand-in and a GitHub stand-in (secrets + refs) wired
// together, a recording Core, and the inputs a workflow would give.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../../src/common/core.js'
import type { Credential } from '../../src/providers/provider.js'
import { readRefreshInputs, type RefreshInputs } from '../../src/inputs/refresh.js'
import { startOAuthStandIn } from '../../stand-ins/oauth.js'
import { startGitHubStandIn } from '../../stand-ins/github.js'
import { secretsRoutes, seedSecret, readSecret } from '../../stand-ins/github-secrets.js'
import { refsRoutes, seedCommit } from '../../stand-ins/github-refs.js'

export const PAT = 'github_pat_11AAAAAAA0stand_in_secrets_writer'
export const GHS = 'ghs_standInWorkflowToken0000000000000'
export const REPO = { owner: 'acme', repo: 'app' }
export const SECRET = 'CLAUDE_CREDENTIALS'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type OAuthStandIn = {
  url: string
  current: string
  used: Set<string>
  replays: number
  refreshes: number
  issued: Array<{ accessToken: string; refreshToken: string }>
  faults: any[]
  requests: any[]
  close(): Promise<void>
}
export type GitHubStandIn = { url: string; state: any; requests: any[]; close(): Promise<void> }

export const credentialsJson = (accessToken: string, refreshToken: string, expiresAt: number) =>
  JSON.stringify({
    claudeAiOauth: {
      accessToken,
      refreshToken,
      expiresAt,
      scopes: ['user:inference'],
      subscriptionType: 'max'
    }
  })

export interface Chain {
  oauth: OAuthStandIn
  github: GitHubStandIn
  head: string
  /** The JSON the workflow passed as `claude-credentials` (the secret's value at job start). */
  seeded: string
  /** Faults for the GitHub stand-in: `(request) => answer | 'hang' | 'reset' | undefined`. */
  githubFault: { fn?: (request: { method: string; path: string }) => any }
  secretValue(): string | undefined
  close(): Promise<void>
}

export async function startChain(
  options: { scope?: any; oauthFaults?: any[]; seedUpdatedAt?: Date; expiresIn?: number } = {}
): Promise<Chain> {
  const oauth: OAuthStandIn = await startOAuthStandIn({
    faults: options.oauthFaults ?? [],
    expiresIn: options.expiresIn
  })
  const state: any = { secretWriters: [PAT] }
  const head = seedCommit(state, { message: 'the commit under test' })
  const scope = options.scope ?? REPO
  const seeded = credentialsJson(
    'sk-ant-oat01-old-access-token',
    oauth.current,
    Date.now() + 10 * 60_000
  )
  seedSecret(state, scope, SECRET, seeded, {
    updatedAt: options.seedUpdatedAt ?? new Date(Date.now() - 86_400_000)
  })
  const githubFault: Chain['githubFault'] = {}
  const github: GitHubStandIn = await startGitHubStandIn({
    routes: [...secretsRoutes, ...refsRoutes],
    state,
    tokens: [PAT, GHS],
    fault: (request: { method: string; path: string }) => githubFault.fn?.(request)
  })
  return {
    oauth,
    github,
    head,
    seeded,
    githubFault,
    secretValue: () => readSecret(state, scope, SECRET),
    async close() {
      await Promise.all([oauth.close(), github.close()])
    }
  }
}

/** The environment of a job in acme/app. */
export function jobEnv(chain: Chain, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'refresh-job-'))
  return {
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.repo}`,
    GITHUB_API_URL: chain.github.url,
    GITHUB_SHA: chain.head,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'claude',
    RUNNER_TEMP: dir,
    HOME: dir,
    ...extra
  }
}

/** The inputs as the runner would give them, action.yml defaults included. */
export function refreshInputs(chain: Chain, overrides: Record<string, string> = {}): RefreshInputs {
  const values: Record<string, string> = {
    'claude-credentials': chain.seeded,
    'oauth-token-url': chain.oauth.url,
    'oauth-client-id': '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
    'force-refresh': 'false',
    'export-env': 'true',
    'write-credentials-file': 'false',
    'secrets-token': PAT,
    'secret-name': SECRET,
    'secret-scope': 'repo',
    'github-token': GHS,
    ...overrides
  }
  return readRefreshInputs(name => values[name] ?? '')
}

export function credentialOf(json: string): Credential {
  const oauth = JSON.parse(json).claudeAiOauth
  return {
    source: 'claude-credentials',
    from: 'input claude-credentials',
    scheme: 'oauth',
    label: 'Claude subscription credentials',
    secret: oauth.accessToken,
    refreshToken: oauth.refreshToken,
    expiresAt: new Date(oauth.expiresAt),
    document: json,
    notes: []
  }
}

/** A Core that records everything; `leaks(tokens)` lists what any log line, summary or state value gave away. */
export function recordingCore(state: Record<string, string> = {}) {
  const masked: string[] = []
  const logs: string[] = []
  const outputs: Record<string, string> = {}
  const exported: Record<string, string> = {}
  const saved: Record<string, string> = { ...state }
  const summary: string[] = []
  const log = (kind: string) => (message: unknown) =>
    void logs.push(`${kind}: ${String(message instanceof Error ? message.message : message)}`)
  const core = {
    getInput: () => '',
    setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
    setSecret: (value: string) => void masked.push(value),
    setFailed: log('failed'),
    exportVariable: (name: string, value: unknown) => void (exported[name] = String(value)),
    saveState: (name: string, value: unknown) => void (saved[name] = String(value)),
    getState: (name: string) => saved[name] ?? '',
    info: log('info'),
    notice: log('notice'),
    warning: log('warning'),
    error: log('error'),
    debug: log('debug'),
    summary: {
      addRaw: (text: string) => (summary.push(text), core.summary),
      write: async () => core.summary
    }
  } as unknown as Core & { summary: any }
  return {
    core,
    masked,
    logs,
    outputs,
    exported,
    saved,
    /** Tokens that show up in a log line or in state, or that were handed on without being masked first. */
    leaks(tokens: string[]): string[] {
      const found: string[] = []
      for (const token of tokens) {
        if ([...logs, ...summary, ...Object.values(saved)].some(text => text.includes(token)))
          found.push(token)
        const handed = [...Object.values(outputs), ...Object.values(exported)].some(text =>
          text.includes(token)
        )
        if (handed && !masked.some(m => m.includes(token))) found.push(`${token} (unmasked output)`)
      }
      return found
    }
  }
}

/** Makes every access token the OAuth stand-in issues one the Anthropic stand-in accepts. */
export function acceptIssuedTokens(
  chain: Chain,
  api: { set(token: string, state: string): void }
): void {
  const issue = chain.oauth.issued.push.bind(chain.oauth.issued)
  chain.oauth.issued.push = (...pairs) => {
    for (const pair of pairs) api.set(pair.accessToken, 'valid')
    return issue(...pairs)
  }
}

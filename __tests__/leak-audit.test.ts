// The leak audit: every scenario of the action (main for each credential kind and status, Claude on Bedrock, on
// workload identity federation, on Vertex AI and on Foundry, the refresh with and without a working write-back and when
// stale, the post step reading transcripts full of secrets with a PR comment, the CLI's check and scan) runs the
// bundled entry points with recognisable secrets; then every channel (stdout, stderr, summary, outputs, env file, state
// file, PR comment bodies, files written) is searched for each secret in each derived form (raw, base64, base64url,
// URL-encoded, JSON-escaped), the tokens the OAuth stand-in issued included. Secrets may appear only in `::add-mask::`
// lines, in the outputs that carry them (`oauth-token`, `claude-credentials`), in $GITHUB_ENV as
// CLAUDE_CODE_OAUTH_TOKEN with `export-env: true`, and in ~/.claude/.credentials.json with `write-credentials-file:
// true`. Each secret given to the action is masked before any line mentions it (by any form or its fingerprint). The
// figures are printed and checked against docs/reliability.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { randomBytes } from 'node:crypto'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { contentsRoutes } from '../stand-ins/github-contents.js'
import { issuesRoutes } from '../stand-ins/github-issues.js'
import { newJob, runAction, type Job, type RunResult } from './support/runner.js'
import { FORM_NAMES, findLeaks, maskedFirst, spellings } from './support/leaks.js'
import { runnerCommands } from './support/runner-commands.js'
import { REPORT_LIMITS } from '../src/report/post-report.js'
import { GHS, PAT, SECRET, jobEnv, startChain, type Chain } from './support/refresh-chain.js'
import { STATUSES } from '../src/policy/decide.js'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'
import { startFoundryStandIn, writeAzStandIn } from '../stand-ins/azure-foundry.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const CLI = 'dist/cli/index.js'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Api = Awaited<ReturnType<typeof startAnthropicStandIn>>
type GitHub = { url: string; state: any; close(): Promise<void> }

const tag = () => randomBytes(6).toString('hex')
const GH_TOKEN = `ghs_LeakAuditWorkflowToken${tag()}`
const WORKFLOW = 'acme/app/.github/workflows/claude.yml@refs/heads/main'
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const jwt = (name: string, expSeconds: number) =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: `leak-${name}-${tag()}`, exp: expSeconds })}.${randomBytes(16).toString('base64url')}`
const credentialsJson = (
  accessToken: string,
  refreshToken: string | undefined,
  expiresAt: number
) =>
  JSON.stringify({
    claudeAiOauth: {
      accessToken,
      ...(refreshToken && { refreshToken }),
      expiresAt,
      scopes: ['user:inference'],
      subscriptionType: 'pro'
    }
  })

/** What one scenario leaves to audit. */
interface Audited {
  name: string
  /** Secrets given to the action: must be masked before any mention, and appear in no channel. */
  secrets: string[]
  /** Secrets the action never got (in a transcript, say): must appear in no channel. */
  foreign: string[]
  channels: Record<string, string>
  /** The job's stdout lines in order, every step; empty for the CLI, which masks nothing. */
  lines: string[]
  /** What else to check, once the run is known. */
  extra?: () => void
}

// ---------------------------------------------------------------------------------------------------- channels

/** Every file under the job's folder (RUNNER_TEMP and HOME), but the runner's command files (channels of their own). */
function filesWritten(job: Job, allowed: string[] = []): Record<string, string> {
  const skip = new Set([job.output, job.env, job.state, job.summary, ...allowed])
  const parts: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (!skip.has(path))
        parts.push(`--- ${relative(job.dir, path)}\n${readFileSync(path, 'latin1')}`)
    }
  }
  walk(job.dir)
  return { 'files written': parts.join('\n') }
}

/** The channels of one step's run; carriers and the allowed env entry left out (they are checked apart). */
function stepChannels(
  step: string,
  result: RunResult,
  options: { exportEnv?: boolean } = {}
): Record<string, string> {
  const outputs = Object.entries(result.outputs)
    .filter(([name]) => name !== 'oauth-token' && name !== 'claude-credentials')
    .map(([name, value]) => `${name}=${value}`)
  const env = Object.entries(result.env)
    .filter(([name]) => !(options.exportEnv && name === 'CLAUDE_CODE_OAUTH_TOKEN'))
    .map(([name, value]) => `${name}=${value}`)
  return {
    [`${step} stdout`]: result.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n'),
    [`${step} stderr`]: result.stderr,
    // As the runner decodes them (`%0A`, `%3A`, …): a secret split by an escape is whole again here.
    [`${step} annotations`]: [...runnerCommands(result.stdout), ...runnerCommands(result.stderr)]
      .filter(command => command.command !== 'add-mask')
      .map(command => [...Object.values(command.properties), command.data].join(' '))
      .join('\n'),
    [`${step} summary`]: result.files.summary,
    [`${step} outputs`]: outputs.join('\n'),
    [`${step} env`]: env.join('\n'),
    [`${step} state`]: result.files.state
  }
}

function expectOneLineErrors(result: RunResult): void {
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
}

// ---------------------------------------------------------------------------------------------------- stand-ins

let api: Api
let github: GitHub
let prNumber = 100
const behaviours: Record<string, string> = {}

beforeAll(async () => {
  for (const entry of [MAIN, POST, CLI])
    if (!existsSync(entry)) throw new Error('run `npm run bundle` first')
  api = await startAnthropicStandIn({ credentials: behaviours })
  echoGateway = await startEchoGateway()
  github = (await startGitHubStandIn({
    routes: [...contentsRoutes, ...issuesRoutes],
    tokens: [GH_TOKEN],
    state: {
      files: {
        'acme/app@refs/heads/main:.github/workflows/claude.yml':
          'on: push\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    timeout-minutes: 45\n    steps: []\n'
      }
    }
  })) as GitHub
})
afterAll(async () => {
  await api?.close()
  await github?.close()
  await echoGateway?.close()
})

/** A secret the Anthropic stand-in answers with `behaviour`. */
function secretFor(behaviour: string, secret: string): string {
  api.set(secret, behaviour)
  return secret
}

const baseInputs = () => ({
  'anthropic-base-url': api.url,
  'probe-timeout': '30s', // generous: a loaded 2-core runner; the stand-in answers at once
  'min-remaining': '30m',
  'github-token': GH_TOKEN
})

// ---------------------------------------------------------------------------------------------------- main

type Kind = 'api-key' | 'oauth-token' | 'bearer-jwt' | 'claude-credentials'
const KINDS: Kind[] = ['api-key', 'oauth-token', 'bearer-jwt', 'claude-credentials']
const SCENARIOS = [...STATUSES, 'bad-input'] as const
type Status = (typeof SCENARIOS)[number]

const BEHAVIOUR: Record<Status, string> = {
  valid: 'valid',
  invalid: 'invalid',
  revoked: 'revoked',
  forbidden: 'forbidden',
  billing: 'billing-402',
  expiring: 'valid',
  unverifiable: 'overloaded',
  missing: 'valid',
  'bad-input': 'valid'
}

const INPUT: Record<Kind, string> = {
  'api-key': 'anthropic-api-key',
  'oauth-token': 'claude-code-oauth-token',
  'bearer-jwt': 'anthropic-auth-token',
  'claude-credentials': 'claude-credentials'
}

/** The inputs of one main scenario, and the secrets in them. */
function mainScenario(
  kind: Kind,
  status: Status
): { inputs: Record<string, string>; secrets: string[]; env: Record<string, string> } {
  const name = `${kind}-${status}`
  const soon = Date.now() + 10 * 60_000
  const later = Date.now() + 30 * 86_400_000
  const expiring = status === 'expiring'
  const env: Record<string, string> =
    status === 'valid'
      ? { GITHUB_WORKFLOW_REF: WORKFLOW, GITHUB_JOB: 'claude', GITHUB_API_URL: github.url }
      : {}
  const inputs: Record<string, string> = {
    ...baseInputs(),
    ...(status === 'valid' && { 'min-remaining': 'auto' }),
    ...(status === 'unverifiable' && { 'probe-timeout': '1s' })
  }
  if (status === 'missing') {
    // The kind's input holds only whitespace and a newline: missing, not invalid.
    return { inputs: { ...inputs, [INPUT[kind]]: ' \n' }, secrets: [GH_TOKEN], env }
  }
  const behaviour = BEHAVIOUR[status]
  switch (kind) {
    case 'api-key': {
      const key = secretFor(behaviour, `sk-ant-api03-LeakAudit-${name}-${tag()}AA`)
      // An API key carries no readable expiry: 'expiring' is a key that dies soon by its admin's word only, so the
      // scenario is the key with min-remaining above what the check can prove (it passes, as documented).
      if (status === 'bad-input')
        return {
          inputs: { ...inputs, 'claude-code-oauth-token': `${key}\n` },
          secrets: [key, GH_TOKEN],
          env
        }
      return { inputs: { ...inputs, 'anthropic-api-key': key }, secrets: [key, GH_TOKEN], env }
    }
    case 'oauth-token': {
      const token = secretFor(behaviour, `sk-ant-oat01-LeakAudit-${name}-${tag()}AA`)
      if (status === 'bad-input')
        return {
          inputs: { ...inputs, 'anthropic-api-key': token },
          secrets: [token, GH_TOKEN],
          env
        }
      return {
        inputs: {
          ...inputs,
          'claude-code-oauth-token': token,
          'oauth-token-expires-at': new Date(expiring ? soon : later).toISOString()
        },
        secrets: [token, GH_TOKEN],
        env
      }
    }
    case 'bearer-jwt': {
      const token = secretFor(
        behaviour === 'invalid' ? 'invalid-bearer' : behaviour,
        jwt(name, Math.floor((expiring ? soon : later) / 1000))
      )
      // A JWT pasted into an input that never holds a secret: refused without quoting it.
      if (status === 'bad-input')
        return {
          inputs: { ...inputs, 'anthropic-base-url': token },
          secrets: [token, GH_TOKEN],
          env
        }
      return {
        inputs: { ...inputs, 'anthropic-auth-token': token },
        secrets: [token, GH_TOKEN],
        env
      }
    }
    case 'claude-credentials': {
      const access = secretFor(behaviour, `sk-ant-oat01-LeakAudit-${name}-${tag()}AA`)
      const json = credentialsJson(access, undefined, expiring ? soon : later)
      if (status === 'bad-input')
        return {
          inputs: { ...inputs, 'claude-code-oauth-token': json },
          secrets: [json, access, GH_TOKEN],
          env
        }
      return {
        inputs: { ...inputs, 'claude-credentials': json },
        secrets: [json, access, GH_TOKEN],
        env
      }
    }
  }
}

const EXPECTED_STATUS: Record<Status, string> = {
  valid: 'valid',
  invalid: 'invalid',
  revoked: 'revoked',
  forbidden: 'forbidden',
  billing: 'billing',
  expiring: 'expiring',
  unverifiable: 'unverifiable',
  missing: 'missing',
  'bad-input': 'invalid-input'
}

async function runMain(kind: Kind, status: Status): Promise<Audited> {
  const { inputs, secrets, env } = mainScenario(kind, status)
  const job = newJob()
  const result = await runAction(MAIN, { job, inputs, env })
  return {
    name: `main ${kind} ${status}`,
    secrets,
    foreign: [],
    channels: { ...stepChannels('main', result), ...filesWritten(job) },
    lines: result.stdout.split('\n'),
    extra: () => {
      // API keys have no readable expiry: 'expiring' is the same live key (see mainScenario).
      const want = kind === 'api-key' && status === 'expiring' ? 'valid' : EXPECTED_STATUS[status]
      expect(`${kind} ${status}: ${result.outputs.status}`).toBe(`${kind} ${status}: ${want}`)
      expectOneLineErrors(result)
    }
  }
}

// ---------------------------------------------------------------------------------------------------- refresh

async function refreshChain(options: { stale?: boolean } = {}): Promise<Chain> {
  const chain = await startChain(
    options.stale ? { seedUpdatedAt: new Date(Date.now() + 60_000) } : {}
  )
  api.set('sk-ant-oat01-old-access-token', 'valid')
  // Every access token the OAuth stand-in issues is one the API accepts.
  const issue = chain.oauth.issued.push.bind(chain.oauth.issued)
  chain.oauth.issued.push = (...pairs) => {
    for (const pair of pairs) api.set(pair.accessToken, 'valid')
    return issue(...pairs)
  }
  return chain
}

async function runRefresh(
  name: 'refreshed' | 'write-back failed' | 'stale',
  options: { exportEnv: boolean; writeFile: boolean }
): Promise<Audited> {
  const chain = await refreshChain({ stale: name === 'stale' })
  if (name === 'write-back failed')
    chain.githubFault.fn = r =>
      r.method === 'PUT' && r.path.endsWith(`/secrets/${SECRET}`)
        ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
        : undefined
  try {
    const job = newJob()
    const env = { ...jobEnv(chain), RUNNER_TEMP: job.dir, HOME: job.dir }
    const inputs = {
      ...baseInputs(),
      'github-token': GHS,
      'min-remaining': '1h',
      'claude-credentials': chain.seeded,
      'oauth-token-url': chain.oauth.url,
      'secrets-token': PAT,
      'secret-name': SECRET,
      'export-env': String(options.exportEnv),
      'write-credentials-file': String(options.writeFile),
      'claude-output': join(job.dir, 'no-transcript-*.json')
    }
    const main = await runAction(MAIN, { job, inputs, env, timeoutMs: 60_000 })
    // The post step of the same job: finishes (or retries) the write-back, and removes its file.
    const post = await runAction(POST, { job, inputs, env, state: main.state, timeoutMs: 60_000 })
    const issued = chain.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken])
    const original = JSON.parse(chain.seeded).claudeAiOauth
    const credentialsFile = join(job.dir, '.claude', '.credentials.json')
    const allowedFiles = options.writeFile ? [credentialsFile] : []
    return {
      name: `refresh ${name}`,
      secrets: [chain.seeded, original.accessToken, original.refreshToken, PAT, GHS, ...issued],
      foreign: [],
      channels: {
        ...stepChannels('main', main, options),
        ...stepChannels('post', post, options),
        ...filesWritten(job, allowedFiles)
      },
      lines: [...main.stdout.split('\n'), ...post.stdout.split('\n')],
      extra: () => {
        expect(chain.oauth.replays).toBe(0)
        expectOneLineErrors(main)
        expectOneLineErrors(post)
        const latest = chain.oauth.issued.at(-1)
        if (name === 'stale') {
          expect(chain.oauth.refreshes).toBe(0)
          expect(main.outputs['oauth-token']).toBe(original.accessToken)
          expect(main.commands.find(c => c.command === 'error')?.message).toMatch(
            /was rewritten at/
          )
        } else {
          expect(main.outputs.refreshed).toBe('true')
          expect(main.outputs['oauth-token']).toBe(latest?.accessToken)
          expect(
            JSON.parse(main.outputs['claude-credentials'] ?? '{}').claudeAiOauth.refreshToken
          ).toBe(latest?.refreshToken)
        }
        // $GITHUB_ENV carries the new access token only with export-env, and nothing else secret.
        if (options.exportEnv && name !== 'stale')
          expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBe(latest?.accessToken)
        else expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBeUndefined()
        // The credentials file, written only when asked for, is gone once the post step has read it back.
        expect(existsSync(credentialsFile)).toBe(false)
        // So is the pending file the state binds ({path, nonce, sha256}), which held the rotated refresh token.
        const binding = main.state['refresh-pending']
        if (name === 'write-back failed') expect(binding).toBeTruthy()
        if (binding) expect(existsSync(JSON.parse(binding).path)).toBe(false)
        if (name === 'write-back failed') {
          expect(main.code).toBe(1)
          expect(post.commands.some(c => c.command === 'error')).toBe(true)
        }
      }
    }
  } finally {
    await chain.close()
  }
}

// ---------------------------------------------------------------------------------------------------- post

/** Transcripts in every format, each quoting the secrets where a careless tool or API might. */
function transcripts(dir: string, key: string, token: string, bearer: string, pat: string) {
  const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, s)).toISOString()
  const apiError = (text: string, status: number, s: number) => ({
    type: 'assistant',
    message: { model: '<synthetic>', content: [{ type: 'text', text }] },
    error: 'authentication_failed',
    is_api_error_message: true,
    api_error_status: status,
    api_error_type: 'authentication_error',
    timestamp: at(s)
  })
  const messages = [
    { type: 'system', subtype: 'init', session_id: 's-leak', apiKeySource: 'ANTHROPIC_API_KEY' },
    {
      type: 'assistant',
      message: {
        id: 'msg_1',
        content: [
          { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: `echo ${key}` } }
        ]
      },
      timestamp: at(1)
    },
    {
      type: 'user',
      message: {
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_1',
            content: `ANTHROPIC_API_KEY=${key}\n${Buffer.from(token).toString('base64')}\nAPI Error: 401 ${token}`
          }
        ]
      },
      timestamp: at(2)
    },
    apiError(`Failed to authenticate. API Error: 401 OAuth token has expired: ${token}`, 401, 3),
    apiError(`API Error: 401 Invalid bearer token ${bearer}`, 401, 4),
    {
      type: 'result',
      subtype: 'success',
      is_error: true,
      api_error_status: 401,
      result: `Failed to authenticate. API Error: 401 invalid x-api-key ${key}`,
      num_turns: 1,
      duration_ms: 4000
    }
  ]
  const files = {
    'claude-execution-output.json': JSON.stringify(messages, null, 2),
    'claude.jsonl': messages.map(m => JSON.stringify(m)).join('\n'),
    'claude.log': [
      `API Error: 401 invalid x-api-key ${key}`,
      `Failed to authenticate: OAuth token revoked ${token}`,
      `HttpError: Bad credentials ${pat}`,
      `Error: API Error: 403 {"type":"error","error":{"type":"permission_error","message":"key ${encodeURIComponent(key)} disabled"}}`
    ].join('\n')
  }
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  return Object.keys(files).map(file => join(dir, file))
}

async function runPost(kind: 'api-key' | 'oauth-token'): Promise<Audited> {
  const key = secretFor('valid', `sk-ant-api03-LeakAudit-post-${tag()}AA`)
  const token = secretFor('valid', `sk-ant-oat01-LeakAudit-post-${tag()}AA`)
  const bearer = jwt('post', Math.floor(Date.now() / 1000) + 86_400)
  const pat = `ghp_LeakAuditPersonalToken${tag()}`
  const files = transcripts(
    mkdtempSync(join(tmpdir(), 'leak-audit-transcripts-')),
    key,
    token,
    bearer,
    pat
  )
  const given = kind === 'api-key' ? key : token
  const run = await runJob(
    {
      [kind === 'api-key' ? 'anthropic-api-key' : 'claude-code-oauth-token']: given,
      'claude-output': files.join('\n')
    },
    { again: true }
  )
  const { main, post, comments } = run
  return {
    name: `post ${kind} transcripts + PR comment`,
    secrets: [given, GH_TOKEN],
    foreign: [kind === 'api-key' ? token : key, bearer, pat],
    channels: run.channels,
    lines: run.lines,
    extra: () => {
      expect(main.outputs.status).toBe('valid')
      expect(post.code).toBe(1)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toMatch(/anthropic-auth-(expired|invalid|revoked)/)
      // The report names what it redacted by kind only: a hash would be something to test guesses against.
      expect(post.summary).toMatch(/\[redacted sk-ant-(api03|oat01)\]/)
      expect(comments[0]?.body).not.toMatch(/sk-ant-(api03|oat01):[0-9a-f]{8}/)
      for (const result of [main, post, ...run.again]) expectOneLineErrors(result)
    }
  }
}

// ---------------------------------------------------------------------------------------------------- CLI

function runCli(args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [join(process.cwd(), CLI), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

async function runCliScenario(command: 'check' | 'scan', json: boolean): Promise<Audited> {
  const cwd = mkdtempSync(join(tmpdir(), 'leak-audit-cli-'))
  const flag = json ? ['--json'] : []
  if (command === 'scan') {
    const key = `sk-ant-api03-LeakAudit-scan-${tag()}AA`
    const token = `sk-ant-oat01-LeakAudit-scan-${tag()}AA`
    const bearer = jwt('scan', Math.floor(Date.now() / 1000) + 86_400)
    const pat = `ghp_LeakAuditPersonalToken${tag()}`
    const outside = mkdtempSync(join(tmpdir(), 'leak-audit-transcripts-'))
    const files = transcripts(outside, key, token, bearer, pat)
    const run = await runCli(['scan', ...files, ...flag], {}, cwd)
    return {
      name: `cli scan${json ? ' --json' : ''}`,
      secrets: [],
      foreign: [key, token, bearer, pat],
      channels: { 'cli stdout': run.stdout, 'cli stderr': run.stderr },
      lines: [],
      extra: () => {
        expect(run.code).toBe(1)
        expect(run.stdout).toMatch(/\[redacted sk-ant-api03\]/)
      }
    }
  }
  // check: a live key from the environment, an invalid OAuth token and credentials from a file, one bad flag.
  const key = secretFor('valid', `sk-ant-api03-LeakAudit-cli-${tag()}AA`)
  const token = secretFor('revoked', `sk-ant-oat01-LeakAudit-cli-${tag()}AA`)
  const access = secretFor('valid', `sk-ant-oat01-LeakAudit-cli-file-${tag()}AA`)
  const json2 = credentialsJson(
    access,
    `sk-ant-ort01-LeakAudit-cli-${tag()}AA`,
    Date.now() + 600_000
  )
  const file = join(mkdtempSync(join(tmpdir(), 'leak-audit-creds-')), '.credentials.json')
  writeFileSync(file, json2)
  const env = { ANTHROPIC_BASE_URL: api.url }
  const runs = await Promise.all([
    runCli(['check', ...flag, '--min-remaining', '1h'], { ...env, ANTHROPIC_API_KEY: key }, cwd),
    runCli(['check', ...flag, '--claude-code-oauth-token', token], env, cwd),
    runCli(
      [
        'check',
        ...flag,
        '--claude-credentials-file',
        file,
        '--on-expiring',
        'fail',
        '--min-remaining',
        '1h'
      ],
      env,
      cwd
    ),
    runCli(['check', ...flag, '--min-remaining', key], env, cwd)
  ])
  const refresh = JSON.parse(json2).claudeAiOauth.refreshToken as string
  return {
    name: `cli check${json ? ' --json' : ''}`,
    secrets: [],
    foreign: [key, token, access, refresh, json2],
    channels: Object.fromEntries(
      runs.flatMap((run, i) => [
        [`cli run ${i} stdout`, run.stdout],
        [`cli run ${i} stderr`, run.stderr]
      ])
    ),
    lines: [],
    extra: () => {
      expect(runs.map(r => r.code)).toEqual([0, 1, 1, 2])
      expect(runs[3]?.stderr).toMatch(/input 'min-remaining' holds an Anthropic API key/)
      for (const run of runs) expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
    }
  }
}

// ---------------------------------------------------------------------------------------------------- hostile inputs

/** A log line the scanner counts as a credential failure, quoting `text`. */
const failureLine = (text: string) =>
  `Failed to authenticate. API Error: 401 invalid x-api-key ${text}`

/** Writes `files` (name → content) to a new folder outside the job's, and returns their paths. */
function outsideFiles(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'leak-audit-hostile-'))
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  return Object.keys(files).map(file => join(dir, file))
}

/**
 * Runs main then post on a pull request (the post step twice with `again`: the comment is updated in place), and
 * gathers their channels.
 */
async function runJob(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; again?: boolean } = {}
) {
  const number = prNumber++
  const [event] = outsideFiles({ 'event.json': JSON.stringify({ pull_request: { number } }) })
  const job = newJob()
  const jobEnvironment = {
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event!,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '78',
    ...options.env
  }
  const all = { ...baseInputs(), 'pr-comment': 'true', 'fail-on-auth-error': 'true', ...inputs }
  const main = await runAction(MAIN, { job, inputs: all, env: jobEnvironment })
  const post = await runAction(POST, { job, inputs: all, env: jobEnvironment, state: main.state })
  const again = options.again
    ? [await runAction(POST, { job, inputs: all, env: jobEnvironment, state: main.state })]
    : []
  const comments: Array<{ body: string }> = github.state.comments?.[`acme/app#${number}`] ?? []
  return {
    main,
    post,
    again,
    comments,
    channels: {
      ...stepChannels('main', main),
      ...stepChannels('post', post),
      ...Object.assign({}, ...again.map(result => stepChannels('post again', result))),
      'PR comment bodies': comments.map(c => c.body).join('\n'),
      ...filesWritten(job)
    },
    lines: [main, post, ...again].flatMap(result => result.stdout.split('\n'))
  }
}

/**
 * A log quoting each secret the step knows in each of `forms`, one failure per line (at most 9: the report lists
 * 20 and annotates 10, and what it does not show could not leak). The API key is given with whitespace around it,
 * so `trimmed` and `each line` differ from `exact`. The post step's annotations, summary and PR comment, and
 * `claude-preflight scan` with the same secrets in its environment, must carry none of them.
 */
async function runHostileForms(forms: string[]): Promise<Audited> {
  const key = secretFor('valid', `sk-ant-api03-LeakAudit-form-${tag()}AA`)
  const gateway = secretFor('valid', `corp-gateway-LeakAudit-form-${tag()}`)
  const givenKey = `  ${key} \n`
  const quoted = [givenKey, gateway, GH_TOKEN].flatMap(secret =>
    spellings(secret).filter(({ form, text }) => forms.includes(form) && text.trim() !== '')
  )
  const files = outsideFiles({
    'claude.log': quoted.map(({ text }) => failureLine(text)).join('\n')
  })
  // The gateway token is what Claude sends (it comes first); the API key is listed as ignored, and known all the same.
  const run = await runJob({
    'anthropic-auth-token': gateway,
    'anthropic-api-key': givenKey,
    'claude-output': files.join('\n')
  })
  const scanEnv = {
    ANTHROPIC_AUTH_TOKEN: gateway,
    ANTHROPIC_API_KEY: givenKey,
    GITHUB_TOKEN: GH_TOKEN
  }
  const cwd = mkdtempSync(join(tmpdir(), 'leak-audit-cli-'))
  const scans = await Promise.all([
    runCli(['scan', ...files], scanEnv, cwd),
    runCli(['scan', '--json', ...files], scanEnv, cwd)
  ])
  const name = `hostile transcript, forms ${forms.join(', ')}`
  return {
    name,
    secrets: [key, gateway, GH_TOKEN],
    foreign: [givenKey],
    channels: {
      ...run.channels,
      ...Object.fromEntries(
        scans.flatMap((scan, i) => [
          [`cli scan ${i} stdout`, scan.stdout],
          [`cli scan ${i} stderr`, scan.stderr]
        ])
      )
    },
    lines: run.lines,
    extra: () => {
      expect(quoted.length).toBeLessThanOrEqual(9)
      expect(`${name}: ${run.main.outputs.status} ${run.post.code}`).toBe(`${name}: valid 1`)
      expect(run.comments).toHaveLength(1)
      // Reported and quoted, redacted (lines alike once redacted are one failure).
      expect(run.post.summary).toMatch(/credential failures? in the Claude step/)
      expect(run.post.summary).toContain('[redacted')
      expect(scans.map(scan => scan.code)).toEqual([1, 1])
    }
  }
}

/** Serves the API's 401 envelope, quoting the bearer token it refused in every form. */
async function startEchoGateway() {
  const server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    const echoed = spellings(token).map(({ text }) => text)
    const id = `req_echo${tag()}`
    res.writeHead(401, { 'content-type': 'application/json', 'request-id': id })
    res.end(
      JSON.stringify({
        type: 'error',
        error: {
          type: 'authentication_error',
          message: `Invalid bearer token ${echoed.join(' ')}`
        },
        request_id: id
      })
    )
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(resolve))
  }
}

let echoGateway: Awaited<ReturnType<typeof startEchoGateway>>

/**
 * The main step against a gateway whose 401 quotes the token in every form: the summary and annotations must not.
 * (Each form is redacted before the message is cut to its 300 characters, so all of them fit.)
 */
async function runEcho(): Promise<Audited> {
  const token = `corp-gateway-LeakAudit-echo-${tag()}`
  const job = newJob()
  const result = await runAction(MAIN, {
    job,
    inputs: {
      ...baseInputs(),
      'anthropic-base-url': echoGateway.url,
      'anthropic-auth-token': token
    }
  })
  return {
    name: 'gateway echoes the token in every form',
    secrets: [token, GH_TOKEN],
    foreign: [],
    channels: { ...stepChannels('main', result), ...filesWritten(job) },
    lines: result.stdout.split('\n'),
    extra: () => {
      expect(result.outputs.status).toBe('invalid')
      // Every spelling was quoted, redacted (the summary escapes the brackets).
      expect(result.summary.match(/Invalid bearer token .*/)?.[0].match(/redacted/g)).toHaveLength(
        spellings(token).length
      )
      expectOneLineErrors(result)
    }
  }
}

// ---------------------------------------------------------------------------------------------------- cloud

/** The parts of a short-term Bedrock API key that are secrets on their own: its presigned URL's session token and signature. */
function bedrockKeyParts(key: string): string[] {
  const url = Buffer.from(key.slice('bedrock-api-key-'.length), 'base64').toString('utf8')
  const query = new URLSearchParams(url.slice(url.indexOf('?') + 1))
  return ['X-Amz-Security-Token', 'X-Amz-Signature'].map(name => query.get(name) ?? '')
}

/**
 * Claude on Bedrock: the AWS secret key and session token, live or expired, or a short-term Bedrock API key
 * (AWS_BEARER_TOKEN_BEDROCK) and the secrets inside it, taken or refused in Bedrock's words, never in a channel.
 */
async function runBedrock(
  status: 'valid' | 'expired' | 'api key valid' | 'api key refused'
): Promise<Audited> {
  const account = awsAccount()
  const sts = await startStsStandIn({ account })
  const bedrock = await startBedrockStandIn({
    account,
    allows: () => true,
    ...(status === 'api key refused' && { refuse: 'invalid' as const })
  })
  const keys = account.issue({
    arn: 'arn:aws:sts::123456789012:assumed-role/leak-audit/runner',
    expiresAt: new Date(Date.now() + (status === 'expired' ? -1 : 120) * 60_000)
  })
  const apiKey = status.startsWith('api key')
    ? bedrock.mintApiKey(keys, { region: 'us-west-2' })
    : undefined
  const job = newJob()
  try {
    const result = await runAction(MAIN, {
      job,
      inputs: { 'probe-timeout': '30s', 'min-remaining': '30m' },
      env: {
        CLAUDE_CODE_USE_BEDROCK: '1',
        AWS_REGION: 'us-west-2',
        AWS_ENDPOINT_URL_STS: sts.url,
        AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
        ...(apiKey
          ? { AWS_BEARER_TOKEN_BEDROCK: apiKey }
          : {
              AWS_ACCESS_KEY_ID: keys.accessKeyId,
              AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
              AWS_SESSION_TOKEN: keys.sessionToken ?? ''
            })
      }
    })
    return {
      name: `main bedrock ${status}`,
      secrets: apiKey
        ? [apiKey, ...bedrockKeyParts(apiKey)]
        : [keys.secretAccessKey, keys.sessionToken ?? ''].filter(Boolean),
      // The API key's signing keys never reach the step: their secret must not appear either.
      foreign: apiKey ? [keys.secretAccessKey] : [],
      channels: { ...stepChannels('main', result), ...filesWritten(job) },
      lines: result.stdout.split('\n'),
      extra: () => {
        expect(`bedrock ${status}: ${result.outputs.status}`).toBe(
          `bedrock ${status}: ${status.endsWith('valid') ? 'valid' : 'invalid'}`
        )
        if (status === 'api key refused')
          expect(result.summary).toContain('The security token included in the request is invalid')
        expectOneLineErrors(result)
      }
    }
  } finally {
    await Promise.all([sts.close(), bedrock.close()])
  }
}

/**
 * Workload identity federation: the runner's OIDC request token, the OIDC token the preflight mints and the token
 * the exchange mints, never in a channel; a refused exchange too.
 */
async function runFederation(status: 'valid' | 'denied'): Promise<Audited> {
  const oidc = await startGitHubOidcStandIn()
  const federation = await startFederationStandIn({ oidc, deny: status === 'denied' })
  const job = newJob()
  try {
    const result = await runAction(MAIN, {
      job,
      inputs: {
        'probe-timeout': '30s',
        'min-remaining': '5m',
        'anthropic-base-url': federation.url
      },
      env: {
        ...oidc.env,
        ...federation.env,
        ANTHROPIC_IDENTITY_TOKEN_FILE: join(job.dir, 'identity-token')
      }
    })
    return {
      name: `main federation ${status}`,
      secrets: [
        oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        ...oidc.minted.map(m => m.token),
        ...federation.issued.map(i => i.token)
      ],
      foreign: [],
      channels: { ...stepChannels('main', result), ...filesWritten(job) },
      lines: result.stdout.split('\n'),
      extra: () => {
        expect(oidc.minted).toHaveLength(1)
        expect(federation.issued).toHaveLength(status === 'valid' ? 1 : 0)
        expect(`federation ${status}: ${result.outputs.status}`).toBe(
          `federation ${status}: ${status === 'valid' ? 'valid' : 'invalid'}`
        )
        expectOneLineErrors(result)
      }
    }
  } finally {
    await Promise.all([federation.close(), oidc.close()])
  }
}

type VertexCase =
  | 'external_account'
  | 'service_account'
  | 'service_account key Google does not know'
  | 'authorized_user revoked'

/**
 * Claude on Vertex AI: the runner's OIDC request token inside an external_account file, a service account's private
 * key and the JWT signed with it, a user login's refresh token and client secret, and every access token minted from
 * them, never in a channel; a key Google refuses and a revoked login too, in Google's words.
 */
async function runVertex(kind: VertexCase): Promise<Audited> {
  const google = await startGoogleCloudStandIn()
  const job = newJob()
  const email = 'ci@claude-ci.iam.gserviceaccount.com'
  const credentials =
    kind === 'external_account'
      ? google.externalAccount({ impersonate: email })
      : kind === 'authorized_user revoked'
        ? google.userLogin('dev@example.com', { revoked: true })
        : google.serviceAccountKey(email, { known: kind === 'service_account' })
  const file = join(job.dir, 'gha-creds.json')
  writeFileSync(file, JSON.stringify(credentials))
  try {
    const result = await runAction(MAIN, {
      job,
      inputs: { 'probe-timeout': '30s', 'min-remaining': '30m' },
      env: {
        CLAUDE_CODE_USE_VERTEX: '1',
        ANTHROPIC_VERTEX_PROJECT_ID: 'claude-ci',
        ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`,
        GOOGLE_APPLICATION_CREDENTIALS: file
      }
    })
    const minted = google.requests
      .map(r => /^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1])
      .filter((token): token is string => !!token && token !== google.requestToken)
    const signed = google.requests
      .map(r => new URLSearchParams(r.body).get('assertion'))
      .filter((assertion): assertion is string => !!assertion)
    const {
      private_key: privateKey,
      refresh_token: refreshToken,
      client_secret: clientSecret
    } = credentials as { private_key?: string; refresh_token?: string; client_secret?: string }
    const given =
      kind === 'external_account' ? [google.requestToken] : privateKey ? [privateKey] : []
    const channels = { ...stepChannels('main', result), ...filesWritten(job, [file]) }
    const valid = kind === 'external_account' || kind === 'service_account'
    return {
      name: `main vertex ${kind}`,
      secrets: [
        ...new Set(minted),
        ...signed,
        ...[refreshToken, clientSecret].filter(s => !!s)
      ] as string[],
      // The credentials file is the job's own: the step reads it and never says its secrets (a PEM key spans lines,
      // so it cannot be masked as one).
      foreign: given,
      channels,
      lines: result.stdout.split('\n'),
      extra: () => {
        if (valid) expect(minted.length).toBeGreaterThan(0)
        if (kind.startsWith('service_account')) expect(signed.length).toBeGreaterThan(0)
        expect(`vertex ${kind}: ${result.outputs.status}`).toBe(
          `vertex ${kind}: ${valid ? 'valid' : 'invalid'}`
        )
        if (!valid)
          expect(result.summary).toContain(
            kind === 'authorized_user revoked'
              ? 'Token has been expired or revoked.'
              : 'Invalid JWT Signature.'
          )
        expectOneLineErrors(result)
      }
    }
  } finally {
    await google.close()
  }
}

/**
 * Claude on Foundry: a Foundry key, or the az CLI's Entra token after azure/login, never in a channel; a key the
 * resource refuses too, in Azure's words.
 */
async function runFoundry(kind: 'key' | 'az' | 'wrong key'): Promise<Audited> {
  const key = `f0undryLeakAudit${tag()}${tag()}`.slice(0, 32)
  const foundry = await startFoundryStandIn({
    keys: kind === 'wrong key' ? [] : [key],
    allows: () => true
  })
  const job = newJob()
  const token = foundry.mintEntraToken()
  try {
    const result = await runAction(MAIN, {
      job,
      inputs: { 'probe-timeout': '30s', 'min-remaining': '30m' },
      env: {
        CLAUDE_CODE_USE_FOUNDRY: '1',
        ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl,
        ...(kind !== 'az'
          ? { ANTHROPIC_FOUNDRY_API_KEY: key }
          : writeAzStandIn(join(job.dir, 'az'), { token, expiresAt: Date.now() + 3_600_000 }))
      }
    })
    return {
      name: `main foundry ${kind}`,
      secrets: [kind === 'az' ? token : key],
      foreign: [],
      // The stand-in az CLI is the job's own tool, holding its token.
      channels: {
        ...stepChannels('main', result),
        ...filesWritten(job, kind === 'az' ? [join(job.dir, 'az', 'az')] : [])
      },
      lines: result.stdout.split('\n'),
      extra: () => {
        expect(`foundry ${kind}: ${result.outputs.status}`).toBe(
          `foundry ${kind}: ${kind === 'wrong key' ? 'invalid' : 'valid'}`
        )
        if (kind === 'wrong key')
          expect(result.summary).toContain('Access denied due to invalid subscription key')
        expectOneLineErrors(result)
      }
    }
  } finally {
    await foundry.close()
  }
}

/**
 * A job whose main step starts the renewer (input `renew`) and whose post step stops it: what the renewer shows while
 * it runs (its arguments, its environment, its status.json), then both steps' channels and every file left at job
 * end. `whileRunning` reads what the test needs of the renewer's directory before post removes it.
 */
async function renewalJob<Seen>(
  job: Job,
  inputs: Record<string, string>,
  env: Record<string, string>,
  whileRunning: (dir: string) => Seen
) {
  const main = await runAction(MAIN, { job, inputs: { ...inputs, renew: 'true' }, env })
  const { pid, dir } = JSON.parse(main.state.renewer ?? '{}') as { pid: number; dir: string }
  const live = {
    'renewer cmdline': readFileSync(`/proc/${pid}/cmdline`, 'latin1'),
    'renewer environ': readFileSync(`/proc/${pid}/environ`, 'latin1'),
    'renewer status': readFileSync(join(dir, 'status.json'), 'latin1')
  }
  const seen = whileRunning(dir)
  const post = await runAction(POST, { job, state: main.state, inputs, env })
  return {
    main,
    post,
    dir,
    live,
    seen,
    channels: {
      ...stepChannels('main', main),
      ...live,
      ...stepChannels('post', post),
      ...filesWritten(job)
    },
    lines: [...main.stdout.split('\n'), ...post.stdout.split('\n')]
  }
}

/**
 * Input `renew` on federation in a bare step: the renewer's process (its /proc/<pid>/cmdline and environ while it
 * runs), its status.json, then main's and post's logs and every file left at job end (its directory gone). Its first
 * OIDC token is written during main, which masks it; post masks what it finds in the file. (A token lives 5 minutes
 * here, so that the figures stay the same from run to run; __tests__/renew.e2e.test.ts audits the logs, the summary
 * and the state of a run with a dozen renewals.)
 */
async function runRenewer(): Promise<Audited> {
  const oidc = await startGitHubOidcStandIn()
  const federation = await startFederationStandIn({ oidc })
  const job = newJob()
  try {
    const env = { ...oidc.env, ...federation.env, RUNNER_TRACKING_ID: `github_${tag()}` }
    const inputs = {
      'probe-timeout': '30s',
      'min-remaining': '5m',
      'anthropic-base-url': federation.url
    }
    const run = await renewalJob(job, inputs, env, dir =>
      readFileSync(join(dir, 'identity-token'), 'utf8')
    )
    const { main, post, dir, live, seen: written } = run
    return {
      name: 'renewer on federation',
      secrets: [
        oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        ...oidc.minted.map(m => m.token),
        ...federation.issued.map(i => i.token)
      ],
      foreign: [],
      channels: run.channels,
      lines: run.lines,
      extra: () => {
        expect(main.outputs.status).toBe('valid')
        // One for the check, one for the renewer's first file.
        expect(oidc.minted.map(m => m.token)).toEqual([expect.any(String), written])
        expect(live['renewer cmdline']).toContain('dist/renewer/index.js')
        expect(post.stdout).toContain(`::add-mask::${written}`)
        expect(existsSync(dir)).toBe(false)
        expect(post.stdout).toMatch(/::notice::claude-preflight: the renewer renewed/)
      }
    }
  } finally {
    await Promise.all([federation.close(), oidc.close()])
  }
}

/**
 * Input `renew` on Amazon Bedrock: the renewer assumes the role again with the job's OIDC token; its process, its
 * status.json, main's and post's logs, and every file left at job end (the settings' awsCredentialExport taken out)
 * hold no session's secret key or token, nor the OIDC request token. Sessions live an hour here, so the figures stay
 * the same from run to run; __tests__/renew-aws.e2e.test.ts audits a run with several renewals.
 */
async function runAwsRenewer(): Promise<Audited> {
  const oidc = await startGitHubOidcStandIn()
  const account = awsAccount()
  const issued: Array<ReturnType<typeof account.issue>> = []
  const issue = account.issue.bind(account)
  account.issue = options => {
    issued.push(issue(options))
    return issued.at(-1)!
  }
  const sts = await startStsStandIn({ account, acceptsWebIdentity: () => true })
  const bedrock = await startBedrockStandIn({ account })
  const keys = account.issue({
    arn: 'arn:aws:sts::123456789012:assumed-role/leak-audit/GitHubActions',
    expiresAt: new Date(Date.now() + 60 * 60_000)
  })
  const job = newJob()
  try {
    const env = {
      ...oidc.env,
      HOME: job.dir,
      RUNNER_TRACKING_ID: `github_${tag()}`,
      CLAUDE_CODE_USE_BEDROCK: '1',
      AWS_REGION: 'us-west-2',
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
      AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/leak-audit',
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_SESSION_TOKEN: keys.sessionToken!
    }
    const inputs = { 'probe-timeout': '30s', 'min-remaining': '5m' }
    const run = await renewalJob(job, inputs, env, () => undefined)
    const { main, post, dir } = run
    return {
      name: 'renewer on bedrock',
      secrets: [
        oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        ...issued.flatMap(k => [k.secretAccessKey, k.sessionToken!])
      ],
      // The renewer's OIDC tokens reach no step: STS alone sees them.
      foreign: oidc.minted.map(m => m.token),
      channels: run.channels,
      lines: run.lines,
      extra: () => {
        expect(main.outputs.status).toBe('valid')
        // The job's session, and the renewer's first.
        expect(issued).toHaveLength(2)
        expect(main.stdout).toContain(`::add-mask::${issued[1]!.secretAccessKey}`)
        expect(post.stdout).toContain(`::add-mask::${issued[1]!.sessionToken}`)
        expect(existsSync(dir)).toBe(false)
        expect(post.stdout).toMatch(/::notice::claude-preflight: the renewer renewed/)
      }
    }
  } finally {
    await Promise.all([sts.close(), bedrock.close(), oidc.close()])
  }
}

/** Flooding: `count` distinct failures in one log, each quoting the API key (in turn in every form). */
async function runFlood(count: number): Promise<Audited> {
  const key = secretFor('valid', `sk-ant-api03-LeakAudit-flood-${tag()}AA`)
  const forms = spellings(key)
  const lines = Array.from({ length: count }, (_, i) =>
    failureLine(`${forms[i % forms.length]!.text} (attempt ${i})`)
  )
  const files = outsideFiles({ 'claude.log': lines.join('\n') })
  const run = await runJob({ 'anthropic-api-key': key, 'claude-output': files.join('\n') })
  return {
    name: `flooding, ${count} failures`,
    secrets: [key, GH_TOKEN],
    foreign: [],
    channels: run.channels,
    lines: run.lines,
    extra: () => {
      expect(run.post.code).toBe(1)
      expect(run.post.summary).toContain(`${count} credential failures`)
      expect(Buffer.byteLength(run.post.summary)).toBeLessThan(REPORT_LIMITS.summary)
      expect(run.comments).toHaveLength(1)
      expect(run.comments[0]!.body.length).toBeLessThan(REPORT_LIMITS.comment)
    }
  }
}

/**
 * A special file: `claude-output` matches a symlink to /proc/self/environ, and the environment holds a secret the
 * step does not know (no secret's shape, no secret's name) inside a line the scanner would report. It must be
 * refused, by name, and the real failure beside it still found.
 */
async function runSpecialFile(): Promise<Audited> {
  const key = secretFor('valid', `sk-ant-api03-LeakAudit-special-${tag()}AA`)
  const hidden = `hunter2-LeakAudit-environ-${tag()}`
  const [log] = outsideFiles({ 'claude.log': failureLine('(key withheld)') })
  const dir = join(log!, '..')
  symlinkSync('/proc/self/environ', join(dir, 'environ.log'))
  const run = await runJob(
    { 'anthropic-api-key': key, 'claude-output': join(dir, '*.log') },
    { env: { LEAK_AUDIT_NOTE: `\n${failureLine(hidden)}\n` } }
  )
  return {
    name: 'special file: symlink to /proc/self/environ',
    secrets: [key, GH_TOKEN],
    foreign: [hidden],
    channels: run.channels,
    lines: run.lines,
    extra: () => {
      expect(run.post.code).toBe(1)
      const warnings = run.post.commands.filter(c => c.command === 'warning')
      expect(warnings.map(c => c.message).join('\n')).toContain('environ.log')
    }
  }
}

// ---------------------------------------------------------------------------------------------------- the audit

/** Runs `tasks` at most `limit` at a time. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await (tasks[i] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

describe('leak audit', () => {
  it('no secret, in any form, reaches any channel but the ones meant to carry it', async () => {
    const tasks: Array<() => Promise<Audited>> = [
      ...KINDS.flatMap(kind => SCENARIOS.map(status => () => runMain(kind, status))),
      () => runRefresh('refreshed', { exportEnv: true, writeFile: true }),
      () => runRefresh('write-back failed', { exportEnv: false, writeFile: false }),
      () => runRefresh('stale', { exportEnv: true, writeFile: true }),
      () => runPost('api-key'),
      () => runPost('oauth-token'),
      () => runCliScenario('check', false),
      () => runCliScenario('check', true),
      () => runCliScenario('scan', false),
      () => runCliScenario('scan', true),
      ...[0, 3, 6, 9, 12].map(at => () => runHostileForms(FORM_NAMES.slice(at, at + 3))),
      () => runEcho(),
      () => runFlood(130),
      () => runFlood(6_000),
      () => runSpecialFile(),
      () => runBedrock('valid'),
      () => runBedrock('expired'),
      () => runBedrock('api key valid'),
      () => runBedrock('api key refused'),
      () => runFederation('valid'),
      () => runFederation('denied'),
      () => runVertex('external_account'),
      () => runVertex('service_account'),
      () => runVertex('service_account key Google does not know'),
      () => runVertex('authorized_user revoked'),
      () => runFoundry('key'),
      () => runFoundry('az'),
      () => runRenewer(),
      () => runAwsRenewer(),
      () => runFoundry('wrong key')
    ]
    const audited = await pool(tasks, 6)

    const problems: string[] = []
    const channelKinds = new Set<string>()
    const secrets = new Set<string>()
    let pairs = 0
    for (const scenario of audited) {
      const all = [...new Set([...scenario.secrets, ...scenario.foreign])]
      for (const leak of findLeaks(scenario.channels, all))
        problems.push(`${scenario.name}: ${leak}`)
      for (const problem of maskedFirst(scenario.lines, scenario.secrets))
        problems.push(`${scenario.name}: ${problem}`)
      const channels = Object.keys(scenario.channels)
      for (const name of channels)
        channelKinds.add(name.replace(/^(main|post again|post|cli (run|scan) \d+|cli) /, ''))
      for (const secret of all) secrets.add(secret)
      pairs += channels.length * all.length
    }
    expect(problems).toEqual([])
    for (const scenario of audited) scenario.extra?.()

    const figures = {
      scenarios: audited.length,
      channelKinds: channelKinds.size,
      secrets: secrets.size,
      forms: FORM_NAMES.length,
      pairs,
      searches: pairs * FORM_NAMES.length
    }
    const n = (value: number) => value.toLocaleString('en-US')
    const sentence = `**${n(figures.scenarios)} scenarios**, **${n(figures.channelKinds)} kinds of channel** (${[...channelKinds].sort().join(', ')}), **${n(figures.secrets)} secrets** in **${n(figures.forms)} forms** each: **${n(figures.pairs)} channel × secret pairs**, ${n(figures.searches)} searches, **0 leaks**`
    console.log(`leak audit: ${sentence.replace(/\*\*/g, '')}`)
    if (process.env.LEAK_AUDIT_FIGURES)
      writeFileSync(process.env.LEAK_AUDIT_FIGURES, `${JSON.stringify(figures, null, 2)}\n`)
    // docs/reliability.md reports this very sentence, and the pairs in its table (cells padded: spaces collapsed).
    const page = readFileSync('docs/reliability.md', 'utf8')
    expect(page).toContain(sentence)
    expect(page.replace(/ +/g, ' ')).toContain(
      `| channels × secrets audited | ${n(figures.pairs)} channel × secret pairs in ${figures.forms} forms, 0 leaks |`
    )
  }, 300_000) // generous: some 90 bundled runs on a loaded 2-core runner
})

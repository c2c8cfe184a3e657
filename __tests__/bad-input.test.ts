// Bad input, table-driven: every input of action.yml (read from the file, so a new input without rows fails) and
// every CLI flag (read from the usage text) gets empty, whitespace, quoted, misplaced and malformed values. Each row
// ends in one line naming the input and the fix (no stack trace), a notice saying what was cleaned, or a documented
// acceptance. The main step and the CLI run in process for breadth; a few bundled runs prove the same end to end.
// Then the scanner, bundled (`claude-preflight scan`) and in the post step, on hostile files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { main } from '../src/action/main.js'
import { post } from '../src/action/post.js'
import { send } from '../src/http/request.js'
import { cli } from '../src/cli/index.js'
import { CHECK_USAGE } from '../src/cli/check.js'
import { SCAN_USAGE } from '../src/cli/scan.js'
import type { Core } from '../src/common/core.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { runAction } from './support/runner.js'

const KEY = 'sk-ant-api03-BadInput-valid-key-0000000000'
const OAUTH = 'sk-ant-oat01-BadInput-valid-oauth-0000000000'
const REFRESH = 'sk-ant-ort01-BadInput-refresh-0000000000'
const ADMIN = 'sk-ant-admin01-BadInput-admin-0000000000'
const PAT = 'ghp_BadInputPersonalAccessToken000000'
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const JWT = `${b64url({ alg: 'HS256' })}.${b64url({ exp: Math.floor(Date.now() / 1000) + 86_400 })}.sig0000`
const json = (oauth: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ claudeAiOauth: oauth, ...extra })
const IN_A_DAY = Date.now() + 86_400_000
const CREDENTIALS = json({ accessToken: OAUTH, refreshToken: REFRESH, expiresAt: IN_A_DAY })

const APP_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString()

const ACTION = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const INPUT_NAMES = Object.keys(ACTION.inputs)

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  api = await startAnthropicStandIn({
    credentials: { [KEY]: 'valid', [OAUTH]: 'valid', [JWT]: 'valid' }
  })
})
afterAll(() => api.close())

// ------------------------------------------------------------------------------------------------- the harness

/** What one run of the main step said. */
interface Said {
  failed: string[]
  errors: string[]
  warnings: string[]
  notices: string[]
  status: string
}

/** A Core as the runner gives it: action.yml defaults, getInput trimming unless told not to. */
function runnerCore(inputs: Record<string, string>) {
  const said: Said = { failed: [], errors: [], warnings: [], notices: [], status: '' }
  const values: Record<string, string> = {}
  for (const [name, spec] of Object.entries(ACTION.inputs))
    values[name] = String(spec.default ?? '')
      .replace('${{ runner.temp }}', tmpdir())
      .replace('${{ github.token }}', 'ghs_BadInputWorkflowToken0000000000')
  Object.assign(values, inputs)
  const text = (m: unknown) => (m instanceof Error ? m.message : String(m))
  const core = {
    getInput: (name: string, options?: { trimWhitespace?: boolean }) => {
      const value = values[name] ?? ''
      return options?.trimWhitespace === false ? value : value.trim()
    },
    setOutput: (name: string, value: unknown) => {
      if (name === 'status') said.status = String(value)
    },
    setSecret: () => undefined,
    setFailed: (m: unknown) => void said.failed.push(text(m)),
    exportVariable: () => undefined,
    saveState: () => undefined,
    getState: () => '',
    info: () => undefined,
    notice: (m: unknown) => void said.notices.push(text(m)),
    warning: (m: unknown) => void said.warnings.push(text(m)),
    error: (m: unknown) => void said.errors.push(text(m)),
    debug: () => undefined,
    summary: { addRaw: () => core.summary, write: async () => core.summary }
  }
  return { core: core as unknown as Core, said }
}

/** Stands for the stand-in's URL in rows, which are built before it starts. */
const STAND_IN = 'stand-in:url'

async function runMain(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<Said> {
  const { core, said } = runnerCore({
    'anthropic-base-url': api.url,
    'min-remaining': '30m',
    'probe-timeout': '30s',
    ...inputs
  })
  const exitCode = process.exitCode
  const resolved = Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, value === STAND_IN ? api.url : value])
  )
  await main({ core, env: resolved, send, now: () => new Date() })
  process.exitCode = exitCode
  return said
}

// ------------------------------------------------------------------------------------------------- the table

/**
 * One row: a value for the input (with other inputs it needs), and what must come of it:
 * `error`: the step fails with one line naming `input` and matching this (the fix included);
 * `notice`: it goes on and says what it cleaned up; `accept`: it goes on, for the documented reason given.
 */
type Row = { value: string; with?: Record<string, string>; env?: NodeJS.ProcessEnv } & (
  | { error: RegExp; input?: string }
  | { notice: RegExp; status?: string }
  | { accept: string; status?: string; warning?: RegExp }
)

const key = { 'anthropic-api-key': KEY }
const withCredentials = { 'claude-credentials': CREDENTIALS }

const MOVE_API_KEY = /holds an Anthropic API key\. Move it to input 'anthropic-api-key'/
const MOVE_OAUTH = /holds an OAuth access token\. Move it to input 'claude-code-oauth-token'/
const MOVE_REFRESH =
  /holds an OAuth refresh token\. Move it to input 'oauth-refresh-token' \(or use 'claude-credentials'\)/
const MOVE_JSON = /holds JSON\. Move it to input 'claude-credentials'/
const MOVE_JWT = /holds a bearer token \(a JWT\)\. Move it to input 'anthropic-auth-token'/
const MOVE_GITHUB = /holds a GitHub token\. Move it to input 'github-token'/
const ADMIN_KEY = /holds an Admin API key, which cannot call models\. Create a regular API key/
const INSIDE =
  /has a space or line break inside the value\. Paste the secret again as a single line/
const TRIMMED = /removed whitespace or a newline around the value of '/
const UNQUOTED = /removed the quotes around the value of '/
const QUOTED =
  /is wrapped in quotes, and Claude Code sends them as part of the .*Fix: store the secret again without the quotes\./
const DURATION = /is not a duration .*Use a number with a unit, such as '90m'/
const BOOLEAN =
  /is '[^']*', not true or false\. Use 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'/
const TIMESTAMP = /Use epoch milliseconds .* or an ISO 8601 date-time/
const SECONDS = /looks like epoch seconds, not milliseconds; read it as 20\d\d-/

/** Rows every secret input gets: the paste errors, and every other kind of secret pasted into it. */
function secretRows(input: string, own: string, others: Array<[string, RegExp]>): Row[] {
  return [
    { value: `${own}\n`, notice: TRIMMED },
    { value: `  ${own}\r\n`, notice: TRIMMED },
    // Claude Code trims whitespace itself but sends quotes (seen with the CLI: see claude-cli-values.test.ts).
    { value: `"${own}"`, error: QUOTED },
    { value: `'${own}'\n`, error: QUOTED },
    { value: `${own.slice(0, 20)} ${own.slice(20)}`, error: INSIDE },
    { value: `${own}\n${own}`, error: INSIDE },
    ...others.map(([value, error]) => ({ value, error })),
    { value: ADMIN, error: ADMIN_KEY }
  ].map(row => ({ ...row, value: row.value, with: {} }) as Row)
}

const ROWS: Record<string, Row[]> = {
  'anthropic-api-key': secretRows('anthropic-api-key', KEY, [
    [OAUTH, MOVE_OAUTH],
    [REFRESH, MOVE_REFRESH],
    [CREDENTIALS, MOVE_JSON]
  ]),
  'claude-code-oauth-token': secretRows('claude-code-oauth-token', OAUTH, [
    [KEY, MOVE_API_KEY],
    [`${KEY}\n`, MOVE_API_KEY],
    [REFRESH, MOVE_REFRESH],
    [CREDENTIALS, MOVE_JSON]
  ]),
  'anthropic-auth-token': [
    ...secretRows('anthropic-auth-token', JWT, [
      [OAUTH, MOVE_OAUTH],
      [REFRESH, MOVE_REFRESH],
      [CREDENTIALS, MOVE_JSON]
    ]),
    // A gateway may take an Anthropic key as its bearer token: Claude Code sends it so.
    { value: KEY, accept: 'an API key is a valid bearer token for a gateway', status: 'valid' }
  ],
  'claude-credentials': [
    { value: `${CREDENTIALS}\n`, notice: TRIMMED },
    { value: `'${CREDENTIALS}'`, notice: UNQUOTED },
    {
      value: json({ accessToken: ` ${OAUTH}\n`, refreshToken: REFRESH, expiresAt: IN_A_DAY }),
      notice: /removed whitespace or a newline around 'accessToken' in 'claude-credentials'/
    },
    {
      value: json({ accessToken: OAUTH, refreshToken: REFRESH, expiresAt: IN_A_DAY / 1000 }),
      notice: SECONDS
    },
    {
      value: json(
        { accessToken: OAUTH, expiresAt: IN_A_DAY, subscriptionType: 'max', rateLimitTier: 'x' },
        { mcpOAuth: {} }
      ),
      accept: 'extra fields are kept as they are (and written back after a refresh)',
      status: 'valid'
    },
    {
      value: json({ accessToken: OAUTH }),
      accept: 'no expiresAt: the expiry is unknown, and the probe decides',
      status: 'valid'
    },
    { value: KEY, error: MOVE_API_KEY },
    { value: REFRESH, error: MOVE_REFRESH },
    { value: OAUTH, error: MOVE_OAUTH },
    { value: '{"claudeAiOauth": ', error: /is not valid JSON\. Paste the whole/ },
    { value: '[]', error: /is not a JSON object\. Paste the whole/ },
    { value: '{}', error: /has no 'claudeAiOauth' object\. Paste the whole/ },
    { value: json({}), error: /has neither 'accessToken' nor 'refreshToken'\. Paste the whole/ },
    { value: json({ accessToken: 42 }), error: /has a 'accessToken' that is not a string/ },
    {
      value: json({ accessToken: KEY }),
      input: 'claude-credentials.accessToken',
      error: MOVE_API_KEY
    },
    {
      value: json({ accessToken: REFRESH }),
      input: 'claude-credentials.accessToken',
      error: MOVE_REFRESH
    },
    {
      value: json({ accessToken: OAUTH, refreshToken: OAUTH }),
      input: 'claude-credentials.refreshToken',
      error: MOVE_OAUTH
    },
    {
      value: json({ accessToken: OAUTH, expiresAt: 'soon' }),
      input: 'claude-credentials.expiresAt',
      error: TIMESTAMP
    },
    {
      value: json({ accessToken: OAUTH, expiresAt: -1 }),
      input: 'claude-credentials.expiresAt',
      error: TIMESTAMP
    },
    { value: `"${JSON.stringify(CREDENTIALS).slice(1, -1)}"`, error: /is not valid JSON/ }
  ].map(row => ({ ...row, with: {} }) as Row),
  'oauth-refresh-token': [
    { value: OAUTH, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_OAUTH },
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY },
    { value: CREDENTIALS, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_JSON },
    {
      value: `${REFRESH} x`,
      with: { 'claude-code-oauth-token': OAUTH },
      error: INSIDE
    },
    {
      value: `${REFRESH}\n`,
      with: { 'claude-code-oauth-token': OAUTH, 'oauth-token-expires-at': String(IN_A_DAY) },
      notice: TRIMMED,
      status: 'valid'
    }
  ],
  'anthropic-base-url': [
    {
      value: 'not a url',
      with: key,
      error: /is not a URL \('not a url'\)\. Use the API's address/
    },
    { value: 'api.anthropic.com', with: key, error: /is not a URL .*Use the API's address/ },
    { value: 'ftp://api.anthropic.com', with: key, error: /uses ftp: instead of https:/ },
    {
      value: 'https://user:pass@gateway.example.com',
      with: key,
      error: /has a user name or password in it\. .*put credentials in their own inputs/
    },
    { value: 'https://gateway.example.com/?key=1', with: key, error: /has a query or fragment/ },
    { value: '"https://api.anthropic.com"', with: key, error: /is not a URL/ },
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY },
    { value: JWT, with: key, error: MOVE_JWT }
  ],
  'oauth-token-expires-at': [
    {
      value: String(Math.floor(IN_A_DAY / 1000)),
      with: { 'claude-code-oauth-token': OAUTH },
      notice: SECONDS,
      status: 'valid'
    },
    { value: 'tomorrow', with: { 'claude-code-oauth-token': OAUTH }, error: TIMESTAMP },
    { value: '-5', with: { 'claude-code-oauth-token': OAUTH }, error: TIMESTAMP },
    { value: '2026-13-45', with: { 'claude-code-oauth-token': OAUTH }, error: TIMESTAMP },
    {
      value: '2020-01-01T00:00:00Z',
      with: { 'claude-code-oauth-token': OAUTH },
      accept: 'a date in the past is read: the token is reported expiring, with its expiry',
      status: 'expiring'
    },
    {
      value: 'tomorrow',
      with: key,
      accept: "read only with 'claude-code-oauth-token', the one credential it dates",
      status: 'valid'
    },
    { value: OAUTH, with: key, error: MOVE_OAUTH }
  ],
  'min-remaining': [
    { value: '90', with: key, error: /is not a duration \('90'\)\. A bare number has no unit\./ },
    { value: '1.5h', with: key, error: DURATION },
    { value: '-1h', with: key, error: DURATION },
    { value: '30m2h', with: key, error: DURATION },
    { value: "'90m'", with: key, error: DURATION },
    { value: '36d', with: key, error: /is out of range \('36d'\)\. Use a duration from 0s to 35d/ },
    { value: ' 2H\n', with: key, accept: 'case and whitespace around a duration', status: 'valid' },
    { value: 'AUTO', with: key, accept: "'auto' in any case", status: 'valid' },
    { value: '0s', with: key, accept: 'only "live now" is required', status: 'valid' },
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY }
  ],
  'probe-timeout': [
    { value: '10', with: key, error: /A bare number has no unit/ },
    { value: '0s', with: key, error: /is out of range \('0s'\)\. Use a duration from 1s to 5m/ },
    { value: '1h', with: key, error: /is out of range/ },
    { value: 'soon', with: key, error: DURATION },
    { value: PAT, with: key, error: MOVE_GITHUB }
  ],
  'on-invalid': [
    { value: 'yes', with: key, error: /is 'yes'\. Use 'fail' or 'warn'/ },
    { value: 'refresh', with: key, error: /Use 'fail' or 'warn'/ },
    { value: ' WARN ', with: key, accept: 'choices in any case', status: 'valid' }
  ],
  'on-expiring': [
    { value: 'ignore', with: key, error: /Use 'auto' or 'fail' or 'warn' or 'refresh'/ },
    {
      value: 'refresh',
      with: key,
      error: /is 'refresh' but no refresh token was given\. Pass 'claude-credentials'/
    }
  ],
  'on-unverifiable': [{ value: 'ignore', with: key, error: /Use 'warn' or 'fail'/ }],
  'force-refresh': [
    { value: 'yes', with: key, error: BOOLEAN },
    { value: '1', with: key, error: BOOLEAN },
    { value: 'TrUe', with: key, error: BOOLEAN },
    {
      value: 'true',
      with: key,
      error: /is 'true' but no refresh token was given\. Pass 'claude-credentials'/
    },
    { value: 'FALSE', with: key, accept: 'true/false in any case', status: 'valid' }
  ],
  'oauth-token-url': [
    {
      value: 'not a url',
      with: key,
      error: /is not a URL \('not a url'\)\. Use the default https:/
    },
    {
      value: 'http://auth.example.com/token',
      with: key,
      error:
        /uses http: to auth\.example\.com, in clear, instead of https:\. .*credentials travel only over https/
    },
    {
      value: 'https://auth.example.com/token?x=1',
      with: key,
      error: /has a query or fragment/
    },
    {
      value: 'https://user:hunter2-password@auth example.com/token',
      with: key,
      error: /^claude-preflight: input 'oauth-token-url' is not a URL\. (?!.*hunter2)/
    },
    {
      value: 'http://127.0.0.1:8080/token',
      with: key,
      accept: 'plain http to loopback (a local stand-in)',
      status: 'valid'
    },
    { value: REFRESH, with: key, error: MOVE_REFRESH }
  ],
  'oauth-client-id': [
    {
      value: 'a client id',
      with: key,
      error: /has characters a client id never has\. Leave it empty/
    },
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY }
  ],
  'export-env': [
    { value: 'yes', with: key, error: BOOLEAN },
    { value: 'TrUe', with: key, error: BOOLEAN },
    { value: 'maybe', with: withCredentials, error: BOOLEAN },
    { value: 'True', with: key, accept: "YAML 1.2's true/True/TRUE", status: 'valid' }
  ],
  'write-credentials-file': [
    { value: 'on', with: key, error: BOOLEAN },
    { value: '"true"', with: key, error: BOOLEAN },
    { value: 'FALSE', with: key, accept: "YAML 1.2's false/False/FALSE", status: 'valid' }
  ],
  'secrets-token': [
    { value: KEY, with: key, error: MOVE_API_KEY },
    {
      value: 'ghs_BadInputWorkflowToken0000000000',
      with: { ...key, 'github-token': 'ghs_BadInputWorkflowToken0000000000' },
      error:
        /is the workflow's GITHUB_TOKEN .*, which can never write secrets.*\. Pass a fine-grained PAT or App token/
    },
    { value: CREDENTIALS, with: key, error: MOVE_JSON },
    {
      value: `${PAT}\n`,
      with: key,
      accept: 'GitHub tokens are what it holds; trimmed',
      status: 'valid'
    }
  ],
  'secret-name': [
    {
      value: '1BAD',
      with: key,
      error: /not a valid secret name\. Use letters, digits and underscores/
    },
    { value: 'GITHUB_TOKEN', with: key, error: /not starting with a digit or GITHUB_/ },
    { value: 'claude credentials', with: key, error: /not a valid secret name/ },
    { value: OAUTH, with: key, error: MOVE_OAUTH }
  ],
  'secret-scope': [
    { value: 'everywhere', with: key, error: /Use 'repo', 'environment:<name>'/ },
    { value: 'environment:', with: key, error: /Use 'repo', 'environment:<name>'/ },
    { value: 'environment:production', with: key, accept: 'a named environment', status: 'valid' }
  ],
  renew: [
    { value: 'always', with: key, error: BOOLEAN },
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY },
    {
      value: 'TRUE',
      with: key,
      accept: 'an API key cannot be minted again: a notice says so, nothing is started',
      status: 'valid'
    }
  ],
  'renew-command': [
    {
      value: 'gcloud auth print-access-token',
      with: key,
      error: /'renew' is off: set `renew: true`/
    },
    {
      value: 'gcloud auth login\ngcloud auth print-access-token',
      with: { ...key, renew: 'true' },
      error: /must be one command line/
    },
    { value: KEY, with: { ...key, renew: 'true' }, error: MOVE_API_KEY },
    {
      value: 'gcloud auth print-access-token',
      with: { ...key, renew: 'true' },
      accept: 'an API key route: a notice says nothing is renewed',
      status: 'valid'
    }
  ],
  'app-id': [
    {
      value: '123456',
      with: key,
      input: 'private-key',
      error: /input 'private-key' is empty while 'app-id' is set/
    },
    {
      value: '123456',
      with: { ...key, 'private-key': APP_KEY },
      error: /input 'app-id' is set, with 'private-key', but 'renew' is off\. Set `renew: true`/
    },
    {
      value: 'my app',
      with: { ...key, renew: 'true', 'private-key': APP_KEY },
      error: /input 'app-id' is not a GitHub App ID or Client ID\. Give the number/
    },
    { value: KEY, with: { ...key, renew: 'true', 'private-key': APP_KEY }, error: MOVE_API_KEY }
  ],
  'private-key': [
    {
      value: APP_KEY,
      with: key,
      input: 'app-id',
      error: /input 'app-id' is empty while 'private-key' is set/
    },
    {
      value: 'not-a-key',
      with: { ...key, renew: 'true', 'app-id': '123456' },
      error:
        /input 'private-key' is not usable: it is not a PEM private key .*\. Paste the whole \.pem file/
    },
    {
      value: APP_KEY.replace(/\n[A-Za-z0-9+/]{16}/, '\n!!!!!!!!!!!!!!!!'),
      with: { ...key, renew: 'true', 'app-id': '123456' },
      error: /input 'private-key' is not usable: its PEM body does not decode to a private key/
    }
  ],
  'claude-output': [
    {
      value: '/nowhere/*.json\n# a comment\n\n',
      with: key,
      accept: 'any paths or globs; one that matches nothing is a notice in the post step',
      status: 'valid'
    },
    { value: JWT, with: key, error: MOVE_JWT }
  ],
  'fail-on-auth-error': [
    { value: 'maybe', with: key, error: BOOLEAN },
    { value: 'no', with: key, error: BOOLEAN },
    { value: 'fAlse', with: key, error: BOOLEAN }
  ],
  'pr-comment': [
    { value: 'yes', with: key, error: BOOLEAN },
    { value: 'TRUE', with: key, accept: "YAML 1.2's true/True/TRUE", status: 'valid' },
    { value: 'tRUE', with: key, error: BOOLEAN }
  ],
  provider: [
    {
      value: 'aws',
      with: key,
      error: /'provider' is 'aws'\. Use 'auto' or 'anthropic' or 'bedrock'/
    },
    { value: ' Anthropic ', with: key, accept: 'choices in any case', status: 'valid' }
  ],
  'aws-expiration': [
    { value: 'tomorrow', with: key, error: TIMESTAMP },
    { value: '2026-13-45', with: key, error: TIMESTAMP },
    {
      value: '2030-01-01T00:00:00Z',
      with: key,
      accept: 'read, and used only when Claude runs on an AWS platform',
      status: 'valid'
    }
  ],
  'claude-github-token': [
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY },
    { value: CREDENTIALS, with: key, error: MOVE_JSON },
    {
      value: 'ghp_0123456789abcdefghij\nghp_0123456789abcdefghij',
      with: key,
      error:
        /'claude-github-token' has a space or line break inside the value\. Paste the secret again/
    },
    {
      value: '"ghp_0123456789abcdefghij"',
      with: key,
      error:
        /'claude-github-token' is wrapped in quotes, which the Claude step sends to GitHub as part of the token\. Store the secret again without the quotes/
    }
  ],
  'check-github-app': [
    { value: 'yes', with: key, error: BOOLEAN },
    {
      value: 'True',
      with: key,
      accept: 'no Claude step found: nothing to prove on the GitHub side',
      status: 'valid'
    }
  ],
  'github-app-exchange-url': [
    { value: 'not a url', with: key, error: /is not a URL \('not a url'\)\. Leave it empty/ },
    {
      value: 'http://exchange.example.com/x',
      with: key,
      error: /uses http: to exchange\.example\.com, in clear, instead of https:/
    },
    {
      value: 'https://user:pw@exchange.example.com/x',
      with: key,
      error: /has a user name or password/
    }
  ],
  'google-tokeninfo-url': [
    {
      value: 'not a url',
      with: key,
      error: /is not a URL \('not a url'\)\. Leave it empty for Google's own/
    },
    {
      value: 'http://tokeninfo.example.com/x',
      with: key,
      error: /uses http: to tokeninfo\.example\.com, in clear, instead of https:/
    }
  ],
  'github-token': [
    { value: KEY, with: { 'claude-code-oauth-token': OAUTH }, error: MOVE_API_KEY },
    {
      value: 'ghs_0123456789abcdefghij 0123',
      with: key,
      error: /'github-token' has a space or line break inside the value/
    },
    { value: CREDENTIALS, with: key, error: MOVE_JSON },
    {
      value: 'not-a-real-token',
      with: { ...key, 'min-remaining': 'auto' },
      accept: 'an unusable token only loses min-remaining: auto (360 minutes, said in the summary)',
      status: 'valid'
    }
  ]
}

/** Empty and whitespace-only values: every input gets them. Secret inputs warn and count as missing. */
function blankRows(name: string): Row[] {
  const secret = [
    'anthropic-api-key',
    'claude-code-oauth-token',
    'anthropic-auth-token',
    'claude-credentials'
  ].includes(name)
  if (secret)
    return [
      { value: '', with: {}, accept: 'empty: not given', status: 'missing' },
      {
        value: ' \n\t',
        with: {},
        accept: 'only whitespace: ignored, said, and missing',
        status: 'missing',
        warning: new RegExp(`'${name}' holds only whitespace and was ignored`)
      }
    ]
  return ['', ' \n'].map(value => ({
    value,
    with: key,
    accept: 'empty or whitespace: the default',
    // An empty base URL falls back to ANTHROPIC_BASE_URL (then the real API, which a test does not reach).
    ...(name === 'anthropic-base-url' && { env: { ANTHROPIC_BASE_URL: STAND_IN } }),
    status: 'valid'
  }))
}

/** Every row, with blank rows added: [input, row]. */
const ALL_ROWS: Array<[string, Row]> = Object.entries(ROWS).flatMap(([name, rows]) =>
  [...blankRows(name), ...rows].map(row => [name, row] as [string, Row])
)

describe('bad input to the main step (in process)', () => {
  it('has rows for every input of action.yml, and for no other', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...INPUT_NAMES].sort())
    for (const name of INPUT_NAMES)
      expect(`${name}: ${ROWS[name]!.length > 0}`).toBe(`${name}: true`)
  })

  it.each(ALL_ROWS.map(([name, row], i) => [i, name, row] as const))(
    'row %i: %s',
    async (_i, name, row) => {
      const said = await runMain({ ...(row.with ?? key), [name]: row.value }, row.env)
      const everything = [...said.failed, ...said.errors, ...said.warnings, ...said.notices]
      for (const line of everything) {
        expect(line).not.toContain('\n')
        expect(line).toMatch(/^claude-preflight: /)
      }
      if ('error' in row) {
        expect(said.status).toBe('invalid-input')
        expect(said.failed).toHaveLength(1)
        const input = row.input ?? name
        expect(said.failed[0]).toContain(`input '${input}' `)
        expect(said.failed[0]).toMatch(row.error)
      } else {
        expect(said.failed).toEqual([])
        if ('notice' in row) expect(said.notices.join('\n')).toMatch(row.notice)
        if ('warning' in row && row.warning) expect(said.warnings.join('\n')).toMatch(row.warning)
        if (row.status) expect(said.status).toBe(row.status)
      }
      // A secret is never quoted back, whatever input it was pasted into.
      for (const secret of [KEY, OAUTH, REFRESH, ADMIN, PAT, JWT, CREDENTIALS])
        for (const line of everything) expect(line).not.toContain(secret)
    }
  )
})

// ------------------------------------------------------------------------------------------------- CLI flags

/** `--flag` names in a usage text. */
/** The flags a usage text lists: at the start of a line, or in brackets. */
const flagsOf = (usage: string) => [
  ...new Set([...usage.matchAll(/(?:^\s*|\[)--([a-z][a-z-]+)/gm)].map(m => m[1]!))
]

type FlagRow = { args: string[]; env?: Record<string, string>; code: number; out: RegExp }

const CHECK_FLAGS = flagsOf(CHECK_USAGE)
const SCAN_FLAGS = flagsOf(SCAN_USAGE)

/** Rows for check flags named like action inputs: the same table as the main step, through the CLI. */
function inputFlagRows(flag: string): FlagRow[] {
  const rows = (ROWS[flag] ?? []).filter(row => 'error' in row).slice(0, 3)
  return rows.map(row => {
    const others = Object.entries(row.with ?? key)
      .filter(([name]) => CHECK_FLAGS.includes(name))
      .flatMap(([name, value]) => [`--${name}`, value])
    return {
      // `--flag=value`: a value starting with '-' is otherwise taken for a flag.
      args: ['check', ...others, `--${flag}=${row.value}`],
      code: 2,
      out: 'error' in row ? row.error : /./
    }
  })
}

const FLAG_ROWS: Record<string, FlagRow[]> = {
  json: [
    {
      args: ['check', '--json=yes'],
      code: 2,
      out: /'--json' does not take an argument\. Run 'claude-preflight check --help'/
    },
    { args: ['scan', '--json=1', 'x'], code: 2, out: /'--json' does not take an argument/ }
  ],
  'claude-credentials-file': [
    {
      args: ['check', '--claude-credentials-file', '/nowhere/creds.json'],
      code: 2,
      out: /input '--claude-credentials-file' cannot be read \(ENOENT\)\. Give the path/
    },
    {
      args: ['check', '--claude-credentials-file', tmpdir()],
      code: 2,
      out: /cannot be read \(not a regular file\)/
    },
    {
      args: ['check', '--claude-credentials-file'],
      code: 2,
      out: /argument missing\. Run 'claude-preflight check --help'/
    }
  ],
  since: [
    {
      args: ['scan', '--since', 'yesterday', 'x'],
      code: 2,
      out: /input '--since' is neither a date-time nor a duration \('yesterday'\)\. Use an ISO 8601 date-time/
    },
    {
      args: ['scan', '--since', '90', 'x'],
      code: 2,
      out: /input '--since' is not a duration \('90'\)\. A bare number has no unit/
    },
    { args: ['scan', 'x', '--since'], code: 2, out: /argument missing/ }
  ],
  help: [{ args: ['check', '--help'], code: 0, out: /Usage: claude-preflight check/ }],
  version: [{ args: ['--version'], code: 0, out: /^\d+\.\d+\.\d+/ }],
  unknown: [
    {
      args: ['check', '--frobnicate', '1'],
      code: 2,
      out: /Unknown option '--frobnicate'\. Run 'claude-preflight check --help'/
    },
    { args: ['check', 'extra'], code: 2, out: /Unexpected argument 'extra'/ },
    { args: ['scan', '--frobnicate', 'x'], code: 2, out: /Unknown option '--frobnicate'/ },
    { args: ['scan'], code: 2, out: /scan needs at least one PATH/ },
    {
      args: ['scan', '/nowhere/claude.json'],
      code: 2,
      out: /no such file: \/nowhere\/claude\.json/
    },
    { args: ['frobnicate'], code: 2, out: /unknown command 'frobnicate'/ }
  ]
}
for (const flag of CHECK_FLAGS) if (!FLAG_ROWS[flag]) FLAG_ROWS[flag] = inputFlagRows(flag)

describe('bad CLI flags (in process)', () => {
  it('has rows for every flag in the usage of check and scan', () => {
    for (const flag of [...CHECK_FLAGS, ...SCAN_FLAGS])
      expect(`--${flag}: ${(FLAG_ROWS[flag] ?? []).length > 0}`).toBe(`--${flag}: true`)
  })

  it.each(
    Object.entries(FLAG_ROWS).flatMap(([flag, rows]) => rows.map(row => [flag, row] as const))
  )('--%s %j', async (_flag, row) => {
    let stdout = ''
    let stderr = ''
    const code = await cli(row.args, {
      stdout: text => void (stdout += text),
      stderr: text => void (stderr += text),
      env: { ANTHROPIC_BASE_URL: api.url, ...row.env }
    })
    expect(code).toBe(row.code)
    expect(row.code === 2 ? stderr : stdout).toMatch(row.out)
    expect(stdout + stderr).not.toMatch(/\n\s+at /)
    if (row.code === 2) expect(stderr.split('\n')[0]).toMatch(/^claude-preflight: /)
    for (const secret of [KEY, OAUTH, REFRESH, PAT, JWT])
      expect(stdout + stderr).not.toContain(secret)
  })
})

// ------------------------------------------------------------------------------------------------- bundled proof

describe('bad input, bundled (proof that the runner sees the same)', () => {
  it('notices, errors and no stack trace, as the runner prints them', async () => {
    const base = { 'anthropic-base-url': api.url, 'min-remaining': '30m', 'probe-timeout': '30s' }
    const cases: Array<[Record<string, string>, 'notice' | 'error', RegExp]> = [
      [{ 'anthropic-api-key': `\n${KEY}\n` }, 'notice', TRIMMED],
      [
        { 'claude-code-oauth-token': `${KEY}\n` },
        'error',
        /input 'claude-code-oauth-token' holds an Anthropic API key\. Move it to input 'anthropic-api-key'/
      ],
      [
        { 'claude-code-oauth-token': REFRESH },
        'error',
        /input 'claude-code-oauth-token' holds an OAuth refresh token/
      ],
      [
        { 'claude-code-oauth-token': CREDENTIALS },
        'error',
        /input 'claude-code-oauth-token' holds JSON\. Move it to input 'claude-credentials'/
      ],
      [
        { 'claude-credentials': json({ accessToken: OAUTH, expiresAt: IN_A_DAY / 1000 }) },
        'notice',
        SECONDS
      ],
      [
        { 'anthropic-api-key': KEY, 'pr-comment': 'maybe' },
        'error',
        /input 'pr-comment' is 'maybe', not true or false\. Use 'true', 'True', 'TRUE'/
      ],
      [
        { 'anthropic-api-key': KEY, 'min-remaining': KEY },
        'error',
        /input 'min-remaining' holds an Anthropic API key/
      ]
    ]
    const results = await Promise.all(
      cases.map(([inputs]) => runAction('dist/main/index.js', { inputs: { ...base, ...inputs } }))
    )
    results.forEach((result, i) => {
      const [, command, message] = cases[i]!
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /)
      expect(
        result.commands
          .filter(c => c.command === command)
          .map(c => c.message)
          .join('\n')
      ).toMatch(message)
      expect(result.code).toBe(command === 'error' ? 1 : 0)
      if (command === 'error')
        expect(result.commands.filter(c => c.command === 'error')).toHaveLength(1)
      for (const secret of [KEY, OAUTH, REFRESH])
        expect(
          result.stdout
            .split('\n')
            .filter(l => !l.startsWith('::add-mask::'))
            .join('\n')
        ).not.toContain(secret)
    })
  }, 60_000)
})

// ------------------------------------------------------------------------------------------------- the scanner

const EXPIRED = JSON.stringify({
  type: 'assistant',
  message: {
    model: '<synthetic>',
    content: [
      {
        type: 'text',
        text: 'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.'
      }
    ]
  },
  error: 'authentication_failed',
  is_api_error_message: true,
  api_error_status: 401,
  api_error_type: 'authentication_error',
  timestamp: '2026-03-01T10:00:00Z'
})
const MB = 1024 * 1024

/** Hostile files, each with whether a credential failure hides in it (after the hostile part). */
function hostileFiles(dir: string): Array<{ file: string; finding: boolean }> {
  const write = (name: string, ...parts: Array<string | Buffer>) => {
    const file = join(dir, name)
    writeFileSync(file, Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p) : p))))
    return file
  }
  const huge = (name: string, head: string, tail: string) => {
    const file = join(dir, name)
    const fd = openSync(file, 'w')
    writeSync(fd, head)
    const chunk = Buffer.alloc(MB, 0x61)
    for (let i = 0; i < 50; i++) writeSync(fd, chunk)
    writeSync(fd, tail)
    closeSync(fd)
    return file
  }
  return [
    { file: write('empty.json'), finding: false },
    { file: write('binary.bin', 'BIN', randomBytes(2 * MB)), finding: false },
    {
      file: write(
        'binary-then-error.log',
        'BIN',
        Buffer.from(randomBytes(MB).map(b => (b === 0x0a ? 0 : b))),
        '\n',
        EXPIRED,
        '\n'
      ),
      finding: true
    },
    {
      file: write(
        'invalid-utf8.jsonl',
        Buffer.from([
          0xff, 0xfe, 0xc3, 0x28, 0x0a, 0xe2, 0x82, 0x0a, 0x7b, 0x22, 0xff, 0x22, 0x7d, 0x0a
        ]),
        EXPIRED,
        '\n'
      ),
      finding: true
    },
    { file: huge('huge-line.log', '', ''), finding: false },
    {
      file: huge('huge-line-then-error.jsonl', '{"type":"user","x":"', `"}\n${EXPIRED}\n`),
      finding: true
    },
    { file: huge('huge-array.json', '["', `",${EXPIRED}]`), finding: true },
    { file: write('deep-open.json', '['.repeat(100_000)), finding: false },
    { file: write('deep-balanced.json', '['.repeat(100_000), ']'.repeat(100_000)), finding: false },
    {
      file: write(
        'deep-then-error.jsonl',
        `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`,
        EXPIRED,
        '\n'
      ),
      finding: true
    },
    {
      file: write(
        'deep-objects.jsonl',
        '{"a":'.repeat(100_000),
        '1',
        '}'.repeat(100_000),
        '\n',
        EXPIRED,
        '\n'
      ),
      finding: true
    },
    {
      file: write(
        'deep-in-array.json',
        `[${EXPIRED},{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`
      ),
      finding: true
    }
  ]
}

/** Runs the bundled CLI with a preload that reports the peak resident memory. */
function scanBundled(files: string[]) {
  const rss = join(mkdtempSync(join(tmpdir(), 'rss-')), 'rss.cjs')
  writeFileSync(
    rss,
    "process.on('exit', () => process.stderr.write(`\\nmaxrss=${process.resourceUsage().maxRSS}\\n`))"
  )
  return new Promise<{
    code: number | null
    stdout: string
    stderr: string
    ms: number
    rssMb: number
  }>(resolve => {
    const started = Date.now()
    const child = spawn(process.execPath, [
      '-r',
      rss,
      'dist/cli/index.js',
      'scan',
      '--json',
      ...files
    ])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', c => (stdout += c))
    child.stderr.on('data', c => (stderr += c))
    child.on('close', code => {
      const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0)
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/\nmaxrss=\d+\n/, ''),
        ms: Date.now() - started,
        rssMb: kb / 1024
      })
    })
  })
}

describe('the scanner on hostile files', () => {
  let dir: string
  let files: Array<{ file: string; finding: boolean }>
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-'))
    files = hostileFiles(dir)
  })

  it('claude-preflight scan (bundled): each file alone, no crash, bounded time and memory', async () => {
    const runs = await Promise.all(files.map(({ file }) => scanBundled([file])))
    runs.forEach((run, i) => {
      const { file, finding } = files[i]!
      expect(`${file}: ${run.stderr}`).toBe(`${file}: `)
      expect(`${file}: ${run.code}`).toBe(`${file}: ${finding ? 1 : 0}`)
      const found = JSON.parse(run.stdout).findings as Array<{ kind: string }>
      expect(found.map(f => f.kind)).toEqual(finding ? ['anthropic-auth-expired'] : [])
      expect(run.ms).toBeLessThan(15_000)
      // A 50 MB line read whole would take 50 MB more than this; records past 4 MiB keep a 64 KiB head.
      expect(run.rssMb).toBeGreaterThan(10) // measured
      expect(run.rssMb).toBeLessThan(160)
    })
  }, 120_000)

  it('the post step (bundled) reads them all in one run: warnings at most, never a trace', async () => {
    const result = await runAction('dist/post/index.js', {
      inputs: { 'claude-output': files.map(f => f.file).join('\n'), 'fail-on-auth-error': 'false' },
      timeoutMs: 60_000
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/\n\s+at /)
    expect(result.commands.filter(c => c.command === 'error')).toHaveLength(1)
    expect(result.summary).toMatch(/anthropic-auth-expired/)
    expect(result.elapsedMs).toBeLessThan(30_000)
  }, 60_000)

  it('the post step in process: the same files, and bad post-step inputs warn and keep the default', async () => {
    const { core, said } = runnerCore({
      'claude-output': files.map(f => f.file).join('\n'),
      'fail-on-auth-error': 'maybe',
      'pr-comment': 'perhaps'
    })
    let failed = false
    const outcome = await post({ core, env: {}, fail: () => (failed = true) })
    expect(outcome.failures.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
    expect(failed).toBe(true) // fail-on-auth-error's default
    expect(said.warnings.join('\n')).toMatch(
      /input 'fail-on-auth-error' is 'maybe', not true or false; using true/
    )
    expect(said.warnings.join('\n')).toMatch(
      /input 'pr-comment' is 'perhaps', not true or false; using false/
    )
  }, 60_000)
})

// ------------------------------------------------------------------------------------------------- figures

/**
 * Generated cases per parser, counted from the property-test files themselves: each `fc.assert` runs the file's
 * RUNS (or PROPERTY_RUNS) cases; grouped by `describe` title (or by test title, for a file with one describe).
 */
export function propertyCases(
  file: string,
  by: 'describe' | 'test'
): Array<{ group: string; properties: number; cases: number }> {
  const text = readFileSync(file, 'utf8')
  const runs = Number(/const (?:PROPERTY_)?RUNS = (\d+)/.exec(text)?.[1])
  const asserts = text.match(/fc\.assert\(/g)?.length ?? 0
  // Every property runs the stated number of cases, no other.
  expect(text.match(/numRuns: (?:PROPERTY_)?RUNS\b/g)?.length ?? 0).toBe(asserts)
  const groups = new Map<string, number>()
  let group = ''
  for (const line of text.split('\n')) {
    const title = (by === 'describe' ? /^describe\('([^']+)'/ : /^\s+(?:it|test)\('([^']+)'/).exec(
      line
    )
    if (title) group = title[1]!
    if (line.includes('fc.assert(')) groups.set(group, (groups.get(group) ?? 0) + 1)
  }
  return [...groups].map(([name, properties]) => ({
    group: name,
    properties,
    cases: properties * runs
  }))
}

describe('the figures in docs/reliability.md', () => {
  // Spaces collapsed: prettier pads table cells.
  const doc = readFileSync('docs/reliability.md', 'utf8').replace(/ +/g, ' ')
  const n = (value: number) => value.toLocaleString('en-US')

  it('generated cases per parser', () => {
    const all = [
      ...propertyCases('__tests__/parsers.property.test.ts', 'describe'),
      ...propertyCases('__tests__/scan-parsers.test.ts', 'test')
    ]
    for (const { group, properties, cases } of all)
      expect(doc).toContain(`| ${group} | ${properties} | ${n(cases)} |`)
    expect(doc).toContain(`**${n(all.reduce((sum, g) => sum + g.cases, 0))} generated cases**`)
  })

  it('bad-input rows', () => {
    const flagRows = Object.values(FLAG_ROWS).reduce((sum, rows) => sum + rows.length, 0)
    expect(doc).toContain(
      `**${n(ALL_ROWS.length)} input rows** over ${INPUT_NAMES.length} inputs, **${n(flagRows)} flag rows** over ${CHECK_FLAGS.length + SCAN_FLAGS.length} flags`
    )
  })
})

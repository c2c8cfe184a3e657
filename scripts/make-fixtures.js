// Re-makes the committed fixtures by running the real `claude` CLI (npm @anthropic-ai/claude-code) against stand-ins on
// loopback: fixtures/cli/ with the version pinned in package.json, fixtures/cli-newest/ with the newest on npm
// (installed under the temp directory with npm). Each scenario once per output format:
//   <name>.jsonl           --output-format stream-json --verbose
//   <name>.json            --output-format json
//   <name>.txt             plain -p output (stdout, then stderr), as `claude -p … 2>&1 | tee log` keeps it
//   <name>.execution.json  the stream-json messages as a pretty-printed JSON array, the way
//                          anthropics/claude-code-action writes ${RUNNER_TEMP}/claude-execution-output.json
// and manifest.json beside them: the CLI's version, and for each scenario what the stand-ins were told to do and so
// what the scanner must find (kind, turns and tool calls before the failure, `recovered` when the run went on and
// finished), written from the scenario, not from the scanner.
//
//   node scripts/make-fixtures.js [--newest] [name…]     (all scenarios when no name is given)
//
// Machine-specific and per-run values (temp paths, ports, ids, the clock) are replaced so re-running gives small diffs.
import { spawn, execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAnthropicStandIn, ERRORS } from '../stand-ins/anthropic.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { startOAuthStandIn } from '../stand-ins/oauth.js'
import { startTlsProxy } from '../stand-ins/tls-proxy.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Where the newest CLI on npm is installed, outside the project's own node_modules. */
const NEWEST_PREFIX = join(tmpdir(), 'claude-code-newest')

// Answers the stand-in does not have yet, added for these fixtures only.
ERRORS['revoked-403'] = [403, 'permission_error', 'OAuth token has been revoked.']
ERRORS['usage-limit'] = [
  429,
  'rate_limit_error',
  'Claude AI usage limit reached. Your limit will reset at 5pm.'
]

const OAUTH = 'sk-ant-oat01-fixture-token-0000000000000000000000000000000000000000000000'
const API_KEY = 'sk-ant-api03-fixture-key-00000000000000000000000000000000000000000000000000'
/** The stored login (`~/.claude/.credentials.json`): an access token the API will call expired, and its refresh token. */
const LOGIN_ACCESS = 'sk-ant-oat01-fixture-login-000000000000000000000000000000000000000000000'
const LOGIN_REFRESH = 'sk-ant-ort01-fixture-login-000000000000000000000000000000000000000000000'
/** Where claude-code-action's checkout lives on a runner: GITHUB_ACTION_PATH of its step. */
const ACTION_PATH = '/home/runner/work/_actions/anthropics/claude-code-action/v1'

// Text a project's own tools might print: the very words the scanner looks for, none of them Claude's API.
const NOISY_OUTPUT = [
  'HTTP/1.1 401 Unauthorized',
  '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_1"}',
  'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.',
  '{"type":"system","subtype":"api_retry","error_status":401,"error":"authentication_failed"}',
  'HttpError: Bad credentials',
  'Credit balance is too low',
  'FAIL test/auth.test.js: expected 200, received 401 Unauthorized'
]

const DIFF = [
  'diff --git a/src/scan.ts b/src/scan.ts',
  '--- a/src/scan.ts',
  '+++ b/src/scan.ts',
  '@@ -1,4 +1,8 @@',
  '+// matches {"error":"authentication_failed","is_api_error_message":true,"api_error_status":401}',
  '+Failed to authenticate. API Error: 401 OAuth token has expired.',
  '+API Error: 403 Your organization has disabled Claude subscription access for Claude Code.',
  '-Invalid API key · Please run /login',
  '+HttpError: Bad credentials',
  ' Credit balance is too low'
].join('\n')

/** Each scenario: the credential, the stand-in's script, what must be found. `expect: null` means nothing. */
const SCENARIOS = [
  {
    name: 'expired-at-start',
    credential: 'oauth',
    script: [{ error: 'expired' }],
    expect: { kind: 'anthropic-auth-expired', turns: 0, toolCalls: 0 }
  },
  {
    name: 'expired-after-3-turns',
    credential: 'oauth',
    script: [
      { bash: 'echo one' },
      { bash: 'echo two' },
      { bash: 'echo three' },
      { error: 'expired' }
    ],
    expect: { kind: 'anthropic-auth-expired', turns: 3, toolCalls: 3 }
  },
  {
    name: 'invalid-api-key',
    credential: 'api-key',
    script: [{ error: 'invalid' }],
    expect: { kind: 'anthropic-auth-invalid', turns: 0, toolCalls: 0 }
  },
  {
    name: 'revoked',
    credential: 'oauth',
    script: [{ bash: 'echo one' }, { error: 'revoked' }],
    expect: { kind: 'anthropic-auth-revoked', turns: 1, toolCalls: 1 }
  },
  {
    name: 'revoked-403',
    credential: 'oauth',
    script: [{ error: 'revoked-403' }],
    expect: { kind: 'anthropic-auth-revoked', turns: 0, toolCalls: 0 }
  },
  {
    name: 'forbidden-org',
    credential: 'oauth',
    script: [{ bash: 'echo one' }, { bash: 'echo two' }, { error: 'forbidden' }],
    expect: { kind: 'anthropic-auth-forbidden', turns: 2, toolCalls: 2 }
  },
  {
    name: 'credit-balance',
    credential: 'api-key',
    script: [{ error: 'billing' }],
    expect: { kind: 'anthropic-billing', turns: 0, toolCalls: 0 }
  },
  {
    name: 'billing-402',
    credential: 'api-key',
    script: [{ bash: 'echo one' }, { error: 'billing-402' }],
    expect: { kind: 'anthropic-billing', turns: 1, toolCalls: 1 }
  },
  {
    name: 'spend-cap',
    credential: 'api-key',
    script: [{ error: 'spend-cap' }],
    expect: { kind: 'anthropic-billing', turns: 0, toolCalls: 0 }
  },
  {
    name: 'github-push-rejected',
    credential: 'oauth',
    gitRemote: true,
    script: [{ bash: 'git push origin HEAD:main' }, { text: 'The push failed.' }],
    expect: { kind: 'github-auth', turns: 1, toolCalls: 0, formats: ['jsonl', 'execution.json'] }
  },
  {
    // The stored login's access token is refused mid-run; the CLI refreshes it and finishes.
    name: 'login-refreshed-after-401',
    credential: 'login',
    script: [{ bash: 'echo one' }, { error: 'expired' }],
    afterRefresh: [{ bash: 'echo two' }, { text: 'Done.' }],
    expect: {
      // The stream keeps only the refused attempt's status (an api_retry with 401, no words): a bare 401 reads as
      // invalid; what matters is that the run got past it.
      kind: 'anthropic-auth-invalid',
      turns: 1,
      toolCalls: 1,
      recovered: true,
      // The json result and the plain text say only that the run finished.
      formats: ['jsonl', 'execution.json']
    }
  },
  {
    // The same, but the token endpoint refuses the refresh token (used elsewhere, revoked): `invalid_grant`.
    name: 'login-refresh-invalid-grant',
    credential: 'login',
    loginStale: true,
    script: [{ bash: 'echo one' }, { error: 'expired' }],
    expect: { kind: 'anthropic-auth-expired', turns: 1, toolCalls: 1 }
  },
  {
    // CLAUDE_CODE_OAUTH_TOKEN set to the empty string (a secret a fork's run does not get): nothing to log in with.
    name: 'oauth-token-empty',
    credential: 'oauth-empty',
    script: [],
    expect: { kind: 'anthropic-auth-invalid', turns: 0, toolCalls: 0 }
  },
  {
    name: 'api-key-helper-failing',
    credential: 'api-key-helper',
    script: [],
    expect: { kind: 'anthropic-auth-invalid', turns: 0, toolCalls: 0 }
  },
  {
    // Tag mode: claude-code-action has Claude push through its wrapper script, with a token the remote refuses.
    name: 'github-push-wrapper-rejected',
    credential: 'oauth',
    gitRemote: true,
    actionPath: true,
    script: [
      { bash: '$GITHUB_ACTION_PATH/scripts/git-push.sh origin work' },
      { text: 'The push failed.' }
    ],
    expect: { kind: 'github-auth', turns: 1, toolCalls: 0, formats: ['jsonl', 'execution.json'] }
  },
  {
    name: 'bedrock-expired',
    credential: 'bedrock',
    refuse: 'expired',
    script: [],
    expect: { kind: 'aws-auth-expired', turns: 0, toolCalls: 0 }
  },
  {
    name: 'bedrock-invalid',
    credential: 'bedrock',
    refuse: 'invalid',
    script: [],
    expect: { kind: 'aws-auth-invalid', turns: 0, toolCalls: 0 }
  },
  // Near misses: not credential failures.
  {
    name: 'near-overloaded-529',
    credential: 'oauth',
    script: [{ error: 'overloaded' }],
    expect: null
  },
  {
    name: 'near-server-error-500',
    credential: 'oauth',
    script: [{ error: 'server-error' }],
    expect: null
  },
  {
    name: 'near-rate-limit-429',
    credential: 'api-key',
    script: [{ error: 'rate-limit' }],
    expect: null
  },
  {
    name: 'near-usage-limit',
    credential: 'oauth',
    script: [{ bash: 'echo one' }, { error: 'usage-limit' }],
    expect: null
  },
  { name: 'near-timeout-504', credential: 'oauth', script: [{ error: 'timeout' }], expect: null },
  { name: 'near-no-answer', credential: 'oauth', behaviour: 'hang', script: [], expect: null },
  {
    name: 'near-tool-results-401',
    credential: 'oauth',
    script: [
      { bash: `printf '%s\\n' ${NOISY_OUTPUT.map(shellQuote).join(' ')}` },
      { bash: `printf '%s\\n' ${NOISY_OUTPUT.map(shellQuote).join(' ')}; exit 1` },
      {
        text: 'The tests printed "401 Unauthorized" and API Error: 401 invalid x-api-key; that is the project\'s own API.'
      }
    ],
    expect: null
  },
  {
    name: 'near-diff-with-patterns',
    credential: 'oauth',
    files: { 'patterns.diff': DIFF + '\n' },
    script: [
      { bash: 'cat patterns.diff' },
      {
        bash: "grep -n 'authentication_failed\\|api_error_status\\|Bad credentials' patterns.diff"
      },
      { text: `Here is the diff:\n${DIFF}` }
    ],
    expect: null
  }
]

const FORMATS = {
  jsonl: ['--output-format', 'stream-json', '--verbose'],
  json: ['--output-format', 'json'],
  txt: []
}

function shellQuote(text) {
  return `'${text.replace(/'/g, "'\\''")}'`
}

/**
 * The CLI's native binary under a node_modules folder (default: the project's, the pinned version); `bin/claude.exe` is
 * a placeholder until the package's postinstall has run.
 */
export function claudeBinary(modules = join(root, 'node_modules')) {
  const candidates = [
    join(modules, '@anthropic-ai/claude-code/bin/claude.exe'),
    join(modules, `@anthropic-ai/claude-code-${process.platform}-${process.arch}/claude`)
  ]
  for (const path of candidates) {
    if (!existsSync(path)) continue
    try {
      execFileSync(path, ['--version'], { stdio: 'pipe', timeout: 30_000 })
      return path
    } catch {
      // placeholder or wrong platform: try the next
    }
  }
  throw new Error(
    `the claude CLI is not installed (looked at ${candidates.join(', ')}); run npm ci so its postinstall places the binary`
  )
}

/** Installs the newest CLI on npm under NEWEST_PREFIX (npm's own client) and returns its binary. */
function newestClaudeBinary() {
  execFileSync(
    'npm',
    ['install', '--prefix', NEWEST_PREFIX, '--no-save', '@anthropic-ai/claude-code@latest'],
    { stdio: 'inherit' }
  )
  return claudeBinary(join(NEWEST_PREFIX, 'node_modules'))
}

/** A git remote on loopback that refuses every credential, as GitHub does a dead token. */
async function startRefusingGitRemote() {
  const server = createServer((req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' })
    res.end('Invalid username or password.\n')
  })
  await new Promise(r => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise(r => server.close(r))
  }
}

/**
 * Runs the CLI once. Returns { stdout, stderr, code, ms }. Exported for the end-to-end test.
 * @param {object} o
 * @param {string} o.apiUrl  the stand-in's URL
 * @param {string} o.credential  `oauth` and `api-key` put the secret in the environment; any other is set up by `env`
 *   and `homeFiles`
 * @param {string} [o.secret]
 * @param {string[]} o.formatArgs
 * @param {string} o.cwd
 * @param {Record<string,string>} [o.env]
 * @param {Record<string,string>} [o.homeFiles]  files to write under the throw-away HOME, by relative path
 * @param {string} [o.binary]  the CLI binary (default: claudeBinary())
 * @param {number} [o.timeoutMs]
 */
export async function runClaude(o) {
  const home = mkdtempSync(join(tmpdir(), 'claude-home-'))
  for (const [path, text] of Object.entries(o.homeFiles ?? {})) {
    mkdirSync(dirname(join(home, path)), { recursive: true })
    writeFileSync(join(home, path), text, { mode: 0o600 })
  }
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    ANTHROPIC_BASE_URL: o.apiUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    // One retry is enough to show retries in the transcript without minutes of back-off.
    CLAUDE_CODE_MAX_RETRIES: '1',
    API_TIMEOUT_MS: '3000',
    GIT_TERMINAL_PROMPT: '0',
    ...(o.credential === 'oauth' && { CLAUDE_CODE_OAUTH_TOKEN: o.secret }),
    ...(o.credential === 'api-key' && { ANTHROPIC_API_KEY: o.secret }),
    ...o.env
  }
  const started = Date.now()
  const child = spawn(
    o.binary ?? claudeBinary(),
    ['-p', 'Run the project checks.', ...o.formatArgs, '--allowedTools', 'Bash'],
    { cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', c => (stdout += c))
  child.stderr.on('data', c => (stderr += c))
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000)
  const code = await new Promise(r => child.on('close', r))
  clearTimeout(timer)
  rmSync(home, { recursive: true, force: true })
  return { stdout, stderr, code, ms: Date.now() - started }
}

/** The clock every fixture starts at; the intervals between its timestamps are the run's own. */
const FIXED_START = Date.parse('2026-01-01T00:00:00.000Z')
const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g
/** The API's and the stand-in's ids: message, tool call, request. */
const PREFIXED_ID = /\b(msg|toolu|req)_([0-9A-Za-z]{18,})\b/g

/**
 * Replaces what differs from machine to machine and run to run with fixed values: paths and ports; each distinct id by
 * the n-th stable one (so links between messages hold); the clock moved to FIXED_START, every interval kept.
 */
function normalise(text, paths) {
  let out = text
  for (const [path, stand] of paths) out = out.split(path).join(stand)
  out = out
    .replace(/\/tmp\/claude-home-[A-Za-z0-9]+/g, '/home/runner')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:8080')
    .replace(/\/tmp\/cc-socks\/\d+\.sock/g, '/tmp/cc-socks/1000.sock')
    .replace(/-tmp-claude-fixture-[A-Za-z0-9]+/g, '-work-project')
  const ids = new Map()
  const stable = (id, make) => {
    if (!ids.has(id)) ids.set(id, make(String(ids.size + 1)))
    return ids.get(id)
  }
  const times = (out.match(TIMESTAMP) ?? []).map(Date.parse)
  const shift = times.length > 0 ? FIXED_START - Math.min(...times) : 0
  return out
    .replace(UUID, id => stable(id, n => `00000000-0000-4000-8000-${n.padStart(12, '0')}`))
    .replace(PREFIXED_ID, (id, prefix, rest) =>
      stable(id, n => `${prefix}_${n.padStart(rest.length, '0')}`)
    )
    .replace(TIMESTAMP, time => new Date(Date.parse(time) + shift).toISOString())
}

const SECRETS = { oauth: OAUTH, 'api-key': API_KEY, login: LOGIN_ACCESS }

/**
 * What a scenario's credential needs around the CLI: the stand-ins (started here, stopped by `close`), the
 * environment and the files in HOME.
 */
async function surroundings(scenario) {
  const secret = SECRETS[scenario.credential]
  const api = await startAnthropicStandIn({
    credentials: secret ? { [secret]: scenario.behaviour ?? 'valid' } : {},
    scripts: secret ? { [secret]: scenario.script } : {}
  })
  const setup = { api, secret, env: {}, homeFiles: {}, closers: [() => api.close()] }
  if (scenario.credential === 'login') {
    // The CLI refreshes its stored login at its own token URL (CLAUDE_CODE_CUSTOM_OAUTH_URL accepts only Anthropic's
    // hosts), and honours HTTPS_PROXY and NODE_EXTRA_CA_CERTS: the proxy answers for that host with the stand-in.
    const oauth = await startOAuthStandIn({
      refreshToken: scenario.loginStale ? undefined : LOGIN_REFRESH,
      onIssue: pair => {
        api.set(pair.accessToken, 'valid')
        api.script(pair.accessToken, scenario.afterRefresh ?? [])
      }
    })
    const proxy = await startTlsProxy('platform.claude.com:443', new URL(oauth.url).origin)
    setup.closers.push(
      () => oauth.close(),
      () => proxy.close()
    )
    setup.env = {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      NODE_EXTRA_CA_CERTS: proxy.certFile
    }
    setup.homeFiles['.claude/.credentials.json'] = JSON.stringify({
      claudeAiOauth: {
        accessToken: LOGIN_ACCESS,
        refreshToken: LOGIN_REFRESH,
        expiresAt: Date.now() + 3_600_000,
        scopes: ['user:inference', 'user:profile'],
        subscriptionType: 'max'
      }
    })
  }
  if (scenario.credential === 'oauth-empty') setup.env = { CLAUDE_CODE_OAUTH_TOKEN: '' }
  if (scenario.credential === 'api-key-helper') {
    setup.homeFiles['.claude/key-helper.sh'] = "echo 'vault: permission denied' >&2\nexit 1\n"
    setup.homeFiles['.claude/settings.json'] = JSON.stringify({
      apiKeyHelper: 'sh "$HOME/.claude/key-helper.sh"'
    })
  }
  if (scenario.credential === 'bedrock') {
    const bedrock = await startBedrockStandIn({ refuse: scenario.refuse })
    setup.closers.push(() => bedrock.close())
    setup.env = {
      CLAUDE_CODE_USE_BEDROCK: '1',
      ANTHROPIC_BEDROCK_BASE_URL: bedrock.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'ASIAFIXTURE000000000',
      AWS_SECRET_ACCESS_KEY: 'fixture-secret-access-key-000000000000000',
      AWS_SESSION_TOKEN: 'fixture-session-token'
    }
  }
  return setup
}

/** A git repository in `cwd` whose origin is a loopback remote that refuses the token. */
async function addRefusingOrigin(cwd) {
  const remote = await startRefusingGitRemote()
  const git = args => execFileSync('git', args, { cwd, stdio: 'pipe' })
  git(['init', '-q', '-b', 'work'])
  git([
    '-c',
    'user.name=ci',
    '-c',
    'user.email=ci@example.com',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'x'
  ])
  git([
    'remote',
    'add',
    'origin',
    `${remote.url.replace('http://', 'http://x-access-token:ghs_expired@')}/o/r.git`
  ])
  return remote
}

/**
 * claude-code-action's checkout with a stand-in for its push wrapper (its scripts/git-push.sh): a push to `origin`
 * of one ref, nothing else.
 */
function actionCheckout() {
  const dir = mkdtempSync(join(tmpdir(), 'claude-action-'))
  mkdirSync(join(dir, 'scripts'))
  writeFileSync(
    join(dir, 'scripts', 'git-push.sh'),
    '#!/bin/sh\n[ "$#" -eq 2 ] && [ "$1" = origin ] || { echo "Error: only: origin <ref>" >&2; exit 1; }\nexec git push origin "$2"\n',
    { mode: 0o755 }
  )
  return dir
}

async function makeScenario(scenario, binary, outDir) {
  const outputs = {}
  for (const [format, formatArgs] of Object.entries(FORMATS)) {
    const cwd = mkdtempSync(join(tmpdir(), 'claude-fixture-'))
    for (const [name, text] of Object.entries(scenario.files ?? {}))
      writeFileSync(join(cwd, name), text)
    const remote = scenario.gitRemote ? await addRefusingOrigin(cwd) : undefined
    const action = scenario.actionPath ? actionCheckout() : undefined
    const setup = await surroundings(scenario)
    try {
      const run = await runClaude({
        apiUrl: setup.api.url,
        credential: scenario.credential,
        secret: setup.secret,
        formatArgs,
        cwd,
        binary,
        env: { ...setup.env, ...(action && { GITHUB_ACTION_PATH: action }) },
        homeFiles: setup.homeFiles
      })
      const text = format === 'txt' ? run.stdout + run.stderr : run.stdout
      const paths = [[cwd, '/work/project']]
      if (remote) paths.push([remote.url, 'http://127.0.0.1:8080'])
      if (action) paths.push([action, ACTION_PATH])
      outputs[format] = normalise(text, paths)
      console.log(
        `  ${scenario.name}.${format}: exit ${run.code}, ${run.ms} ms, ${setup.api.requests.length} requests`
      )
    } finally {
      for (const close of setup.closers) await close()
      await remote?.close()
      rmSync(cwd, { recursive: true, force: true })
      if (action) rmSync(action, { recursive: true, force: true })
    }
  }
  // The execution file: the same messages as stream-json, as one pretty-printed array.
  const messages = outputs.jsonl
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => JSON.parse(line))
  outputs['execution.json'] = JSON.stringify(messages, null, 2)
  for (const [format, text] of Object.entries(outputs)) {
    writeFileSync(join(outDir, `${scenario.name}.${format}`), text)
  }
}

async function main() {
  const args = process.argv.slice(2)
  const newest = args.includes('--newest')
  const only = args.filter(arg => arg !== '--newest')
  const binary = newest ? newestClaudeBinary() : claudeBinary()
  const outDir = join(root, 'fixtures', newest ? 'cli-newest' : 'cli')
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  mkdirSync(outDir, { recursive: true })
  const manifestPath = join(outDir, 'manifest.json')
  const manifest = existsSync(manifestPath)
    ? JSON.parse(readFileSync(manifestPath, 'utf8'))
    : { scenarios: {} }
  manifest.cli = version
  for (const scenario of SCENARIOS) {
    if (only.length > 0 && !only.includes(scenario.name)) continue
    console.log(`${scenario.name}`)
    await makeScenario(scenario, binary, outDir)
    manifest.scenarios[scenario.name] = {
      credential: scenario.credential,
      script: scenario.script,
      ...(scenario.afterRefresh && { afterRefresh: scenario.afterRefresh }),
      expect: scenario.expect
    }
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
  console.log(`fixtures written to ${outDir} (${version})`)
}

export { SCENARIOS, OAUTH, API_KEY }

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}

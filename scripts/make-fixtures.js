// Re-makes the committed fixtures in fixtures/cli/ by running the real `claude` CLI (npm @anthropic-ai/claude-code,
// pinned in package.json) against the stand-in Anthropic API on loopback, once per output format:
//   <name>.jsonl           --output-format stream-json --verbose
//   <name>.json            --output-format json
//   <name>.txt             plain -p output (stdout, then stderr), as `claude -p … 2>&1 | tee log` keeps it
//   <name>.execution.json  the stream-json messages as a pretty-printed JSON array, the way
//                          anthropics/claude-code-action writes ${RUNNER_TEMP}/claude-execution-output.json
// and fixtures/cli/manifest.json: for each scenario what the stand-in was told to do and so what the scanner must
// find (kind, turns and tool calls before the failure), written from the scenario, not from the scanner.
//
//   node scripts/make-fixtures.js [name…]     (all scenarios when no name is given)
//
// Machine-specific values (temp paths, PIDs, ports) are replaced so re-running gives small diffs.
import { spawn, execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAnthropicStandIn, ERRORS } from '../stand-ins/anthropic.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'fixtures', 'cli')

// Answers the stand-in does not have yet, added for these fixtures only.
ERRORS['revoked-403'] = [403, 'permission_error', 'OAuth token has been revoked.']
ERRORS['usage-limit'] = [
  429,
  'rate_limit_error',
  'Claude AI usage limit reached. Your limit will reset at 5pm.'
]

const OAUTH = 'sk-ant-oat01-fixture-token-0000000000000000000000000000000000000000000000'
const API_KEY = 'sk-ant-api03-fixture-key-00000000000000000000000000000000000000000000000000'

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

/** The CLI's native binary; `bin/claude.exe` is a placeholder until the package's postinstall has run. */
export function claudeBinary() {
  const candidates = [
    join(root, 'node_modules/@anthropic-ai/claude-code/bin/claude.exe'),
    join(root, `node_modules/@anthropic-ai/claude-code-${process.platform}-${process.arch}/claude`)
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
 * @param {'oauth'|'api-key'} o.credential
 * @param {string} o.secret
 * @param {string[]} o.formatArgs
 * @param {string} o.cwd
 * @param {Record<string,string>} [o.env]
 * @param {string} [o.binary]  the CLI binary (default: claudeBinary())
 * @param {number} [o.timeoutMs]
 */
export async function runClaude(o) {
  const home = mkdtempSync(join(tmpdir(), 'claude-home-'))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    ANTHROPIC_BASE_URL: o.apiUrl,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    // One retry is enough to show retries in the transcript without minutes of back-off.
    CLAUDE_CODE_MAX_RETRIES: '1',
    API_TIMEOUT_MS: '3000',
    GIT_TERMINAL_PROMPT: '0',
    ...(o.credential === 'oauth'
      ? { CLAUDE_CODE_OAUTH_TOKEN: o.secret }
      : { ANTHROPIC_API_KEY: o.secret }),
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

/** Replaces what differs from machine to machine and run to run with fixed values. */
function normalise(text, cwd) {
  return text
    .split(cwd)
    .join('/work/project')
    .replace(/\/tmp\/claude-home-[A-Za-z0-9]+/g, '/home/runner')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:8080')
    .replace(/\/tmp\/cc-socks\/\d+\.sock/g, '/tmp/cc-socks/1000.sock')
    .replace(/-tmp-claude-fixture-[A-Za-z0-9]+/g, '-work-project')
}

async function makeScenario(scenario, binary) {
  const secret = scenario.credential === 'oauth' ? OAUTH : API_KEY
  const outputs = {}
  for (const [format, formatArgs] of Object.entries(FORMATS)) {
    const cwd = mkdtempSync(join(tmpdir(), 'claude-fixture-'))
    for (const [name, text] of Object.entries(scenario.files ?? {}))
      writeFileSync(join(cwd, name), text)
    let remote
    if (scenario.gitRemote) {
      remote = await startRefusingGitRemote()
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
    }
    const api = await startAnthropicStandIn({
      credentials: { [secret]: scenario.behaviour ?? 'valid' },
      scripts: { [secret]: scenario.script }
    })
    try {
      const run = await runClaude({
        apiUrl: api.url,
        credential: scenario.credential,
        secret,
        formatArgs,
        cwd,
        binary
      })
      let text = format === 'txt' ? run.stdout + run.stderr : run.stdout
      if (remote) text = text.split(remote.url).join('http://127.0.0.1:8080')
      outputs[format] = normalise(text, cwd)
      console.log(
        `  ${scenario.name}.${format}: exit ${run.code}, ${run.ms} ms, ${api.requests.length} requests`
      )
    } finally {
      await api.close()
      await remote?.close()
      rmSync(cwd, { recursive: true, force: true })
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
  const only = process.argv.slice(2)
  const binary = claudeBinary()
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
    await makeScenario(scenario, binary)
    manifest.scenarios[scenario.name] = {
      credential: scenario.credential,
      script: scenario.script,
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

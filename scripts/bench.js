// `npm run bench`: the action's speed goals, each a ratio measured in this one run.
//  1. preflight wall time / one probe's round trip, against the stand-in API with an injected delay, with three
//     credentials given (only the one Claude will use is probed) and the job's workflow read from a checkout of the
//     running commit, as after actions/checkout (goal <= 1.3); and, for the record, with the workflow read through
//     the contents API instead, which adds one GitHub round trip before the probe (the workflow names the Claude
//     step, which decides what to probe);
//  2. the scanner on a 1 GB transcript (stream-json, then an execution file; large tool results, then records of a
//     few hundred bytes) against grep, and its peak memory (scripts/bench-scan.js).
import { spawnSync, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { contentsRoutes } from '../stand-ins/github-contents.js'
import { runAction } from './lib/runner.js'

const DELAY_MS = 800
const RUNS = 5
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const keys = {
  api: 'sk-ant-api03-bench',
  oauth: 'sk-ant-oat01-bench',
  bearer: 'bench-gateway-token'
}
const api = await startAnthropicStandIn({
  credentials: { [keys.api]: 'valid', [keys.oauth]: 'valid', [keys.bearer]: 'valid' },
  delayMs: DELAY_MS
})
const github = await startGitHubStandIn({
  routes: [
    ...contentsRoutes.map(route => ({
      ...route,
      handle: async context => {
        await new Promise(resolve => setTimeout(resolve, DELAY_MS))
        return route.handle(context)
      }
    }))
  ],
  state: {
    files: {
      'acme/app@refs/heads/main:.github/workflows/c.yml': 'jobs:\n  c:\n    timeout-minutes: 60\n'
    }
  }
})

async function roundTrip() {
  const started = performance.now()
  const answer = await fetch(`${api.url}/v1/models`, {
    headers: { 'x-api-key': keys.api, 'anthropic-version': '2023-06-01' }
  })
  await answer.text()
  return performance.now() - started
}

const WORKFLOW = 'jobs:\n  c:\n    timeout-minutes: 60\n'

/** A checkout of the running commit, as actions/checkout leaves it; returns its directory and commit. */
function checkout() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-checkout-'))
  mkdirSync(join(dir, '.github/workflows'), { recursive: true })
  writeFileSync(join(dir, '.github/workflows/c.yml'), WORKFLOW)
  const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' })
  git('init', '-q')
  git('add', '.')
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'bench')
  return { dir, sha: git('rev-parse', 'HEAD').trim() }
}

async function preflightMs(env) {
  const result = await runAction('dist/main/index.js', {
    inputs: {
      'anthropic-base-url': api.url,
      'anthropic-api-key': keys.api,
      'claude-code-oauth-token': keys.oauth,
      'anthropic-auth-token': keys.bearer,
      'min-remaining': 'auto',
      'github-token': 'ghs_bench'
    },
    env: {
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/c.yml@refs/heads/main',
      GITHUB_JOB: 'c',
      GITHUB_API_URL: github.url,
      ...env
    }
  })
  if (result.outputs.status !== 'valid' || !result.summary.includes('timeout-minutes: 60')) {
    throw new Error(
      `bench run did not check all it should: ${result.outputs.status}\n${result.stdout}`
    )
  }
  return result.elapsedMs
}

try {
  const local = checkout()
  const trips = []
  const checkedOut = []
  const remote = []
  for (let i = 0; i < RUNS; i++) {
    trips.push(await roundTrip())
    checkedOut.push(
      await preflightMs({ GITHUB_WORKSPACE: local.dir, GITHUB_WORKFLOW_SHA: local.sha })
    )
    remote.push(await preflightMs({}))
  }
  const trip = median(trips)
  console.log(
    `preflight: 3 credentials given, 1 probed, the job's workflow read, ${DELAY_MS} ms injected per answer, median of ${RUNS}`
  )
  console.log(`  one probe round trip ${trip.toFixed(0)} ms`)
  const ratio = ms => (median(ms) / trip).toFixed(2)
  console.log(
    `  workflow from the checkout: whole preflight ${median(checkedOut).toFixed(0)} ms, ratio = ${ratio(checkedOut)} (goal <= 1.3)`
  )
  console.log(
    `  workflow through the contents API: whole preflight ${median(remote).toFixed(0)} ms, ratio = ${ratio(remote)} (one more round trip: about 2)`
  )
} finally {
  await api.close()
  await github.close()
}

let scanStatus = 0
for (const records of ['large', 'small']) {
  for (const format of ['jsonl', 'execution']) {
    console.log(`scan: 1 GB ${format} transcript of ${records} records against grep`)
    const scan = spawnSync(
      process.execPath,
      ['scripts/bench-scan.js', '--format', format, '--records', records, ...process.argv.slice(2)],
      { stdio: 'inherit' }
    )
    scanStatus ||= scan.status ?? 1
  }
}
process.exitCode = scanStatus

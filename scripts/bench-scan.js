// Scan throughput and memory on a generated transcript of at least 1 GB (goal: within 4x of
// `grep -c authentication_failed` on the same file in the same run, peak RSS under 150 MB).
// Runs the bundled CLI (dist/cli/index.js: run `npm run bundle` first) as a child process, so the figures are
// those of the shipped code. The transcript is made of messages shaped like the real CLI's stream-json (tool
// turns with large results, noise that mentions 401 / authentication_failed inside tool output, 529 retries)
// and ends with a credential expiring; the scan must find exactly that one failure.
//
// Two shapes: `--records large` (tool results of about 8 KB, as in a run that reads files) and `--records small`
// (every record a few hundred bytes, as in most stream-json transcripts): the scanner's cost per record shows in
// the second.
//
//   node scripts/bench-scan.js [--size-mb 1024] [--format jsonl|execution] [--records large|small] [--keep]
import { execFileSync, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '1024' },
    format: { type: 'string', default: 'jsonl' },
    records: { type: 'string', default: 'large' },
    keep: { type: 'boolean', default: false }
  }
})
const CLI = 'dist/cli/index.js'
if (!existsSync(CLI)) {
  console.error(`bench-scan: ${CLI} is missing; run npm run bundle first`)
  process.exit(2)
}
const targetBytes = Number(values['size-mb']) * 1024 * 1024
const pretty = values.format === 'execution'
/** Lines of test output in each tool result: about 8 KB, or a record of a few hundred bytes. */
const RESULT_LINES = values.records === 'small' ? 1 : 220

// One block of messages (~1 MB), repeated with changing ids and times.
function block(n, startMs) {
  const lines = []
  let t = startMs
  const ts = () => new Date((t += 1000)).toISOString()
  for (let i = 0; i < 100; i++) {
    const id = `${n}_${i}`
    lines.push({
      type: 'assistant',
      message: {
        id: `msg_${id}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [
          {
            type: 'tool_use',
            id: `toolu_${id}`,
            name: 'Bash',
            input: { command: `npm test -- part${i}` }
          }
        ],
        usage: { input_tokens: 25, output_tokens: 20 }
      },
      parent_tool_use_id: null,
      session_id: 'bench',
      uuid: `u-${id}`,
      timestamp: ts()
    })
    // Large tool output; every tenth mentions the scanner's words (escaped, inside the result).
    const noisy =
      i % 10 === 0
        ? 'FAIL api.test.js: 401 Unauthorized {"error":"authentication_failed","api_error_status":401}\n'
        : ''
    lines.push({
      type: 'user',
      message: {
        role: 'user',
        content: [
          {
            tool_use_id: `toolu_${id}`,
            type: 'tool_result',
            content: noisy + `PASS src/module${i}.test.ts (${i} ms)\n`.repeat(RESULT_LINES),
            is_error: false
          }
        ]
      },
      parent_tool_use_id: null,
      session_id: 'bench',
      uuid: `r-${id}`,
      timestamp: ts(),
      tool_use_result: { stdout: 'PASS', stderr: '', interrupted: false, isImage: false }
    })
    if (i % 50 === 0) {
      lines.push({
        type: 'system',
        subtype: 'api_retry',
        attempt: 1,
        max_retries: 10,
        retry_delay_ms: 500,
        error_status: 529,
        error: 'overloaded',
        session_id: 'bench',
        uuid: `x-${id}`
      })
    }
  }
  return { lines, endMs: t }
}

function encode(messages, first) {
  if (!pretty) return messages.map(m => JSON.stringify(m)).join('\n') + '\n'
  const body = messages.map(m => JSON.stringify(m, null, 2).replace(/^/gm, '  ')).join(',\n')
  return (first ? '' : ',\n') + body
}

const EXPIRED =
  'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.'
const ending = [
  {
    type: 'system',
    subtype: 'api_retry',
    attempt: 1,
    max_retries: 10,
    retry_delay_ms: 500,
    error_status: 401,
    error: 'authentication_failed',
    session_id: 'bench'
  },
  {
    type: 'assistant',
    message: {
      id: 'syn',
      model: '<synthetic>',
      role: 'assistant',
      content: [{ type: 'text', text: EXPIRED }]
    },
    session_id: 'bench',
    timestamp: '2026-03-02T00:00:00.000Z',
    error: 'authentication_failed',
    is_api_error_message: true,
    api_error_status: 401,
    api_error_type: 'authentication_error'
  },
  {
    type: 'result',
    subtype: 'success',
    is_error: true,
    duration_ms: 3_600_000,
    total_cost_usd: 12.5,
    api_error_status: 401,
    api_error_type: 'authentication_error',
    result: EXPIRED,
    session_id: 'bench'
  }
]

const dir = mkdtempSync(join(tmpdir(), 'bench-scan-'))
const file = join(dir, pretty ? 'claude-execution-output.json' : 'transcript.jsonl')
try {
  const generated = Date.now()
  const fd = openSync(file, 'w')
  let written = 0
  let turns = 0
  const init = { type: 'system', subtype: 'init', session_id: 'bench', tools: ['Bash'] }
  let head = (pretty ? '[\n' : '') + encode([init], true)
  // Build ~16 MB once from distinct blocks, then write it repeatedly: generation must not dominate.
  const parts = []
  let size = 0
  let ms = Date.parse('2026-03-01T00:00:00Z')
  for (let n = 0; size < 16 * 1024 * 1024; n++) {
    const { lines, endMs } = block(n, ms)
    ms = endMs
    const text = encode(lines, false)
    parts.push(text)
    size += Buffer.byteLength(text)
    turns += 100
  }
  const big = Buffer.from(parts.join(''))
  const perBig = turns
  turns = 0
  written += writeSync(fd, head)
  while (written < targetBytes) {
    written += writeSync(fd, big)
    turns += perBig
  }
  written += writeSync(fd, encode(ending, false) + (pretty ? '\n]\n' : ''))
  closeSync(fd)
  head = undefined
  const bytes = statSync(file).size
  console.log(
    `generated ${(bytes / 1024 / 1024).toFixed(0)} MB (${values.format}, ${values.records} records, ${turns} tool turns) in ${((Date.now() - generated) / 1000).toFixed(1)} s`
  )

  // Dirty pages of the new file are written back first, so that no run competes with the disk; then grep and the
  // scanner alternate three times on the cached file, and each side's median counts.
  execFileSync('sync')
  const runGrep = () => {
    const started = process.hrtime.bigint()
    const count = execFileSync('grep', ['-c', 'authentication_failed', file], {
      encoding: 'utf8'
    }).trim()
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, count }
  }
  const runScan = async () => {
    const started = process.hrtime.bigint()
    const result = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'data:text/javascript,process.on("exit",()=>process.stderr.write(`MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`))',
          CLI,
          'scan',
          '--json',
          file
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] }
      )
      let out = ''
      let err = ''
      child.stdout.on('data', c => (out += c))
      child.stderr.on('data', c => (err += c))
      child.on('error', reject)
      child.on('close', code => resolve({ code, stdout: out, stderr: err }))
    })
    return { ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
  }
  const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const greps = []
  const scans = []
  for (let i = 0; i < 3; i++) {
    greps.push(runGrep())
    scans.push(await runScan())
  }
  const grepSeconds = median(greps.map(g => g.seconds))
  const grepCount = greps[0].count
  const scanSeconds = median(scans.map(r => r.seconds))
  const { code, stdout, stderr } = scans[0]
  const rssKb = Number(/MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN)
  const findings = JSON.parse(stdout).findings
  const ok =
    code === 1 &&
    findings.length === 1 &&
    findings[0].kind === 'anthropic-auth-expired' &&
    findings[0].turnsBefore === turns
  const ratio = scanSeconds / grepSeconds
  const mbps = bytes / 1024 / 1024 / scanSeconds
  console.log(
    `grep -c authentication_failed: ${grepSeconds.toFixed(2)} s, median of 3 (${grepCount} matching lines)`
  )
  console.log(
    `claude-preflight scan:         ${scanSeconds.toFixed(2)} s, median of 3 (${mbps.toFixed(0)} MB/s)`
  )
  console.log(`ratio scan/grep: ${ratio.toFixed(2)}x (goal <= 4x) ${ratio <= 4 ? 'OK' : 'MISSED'}`)
  console.log(
    `peak RSS: ${(rssKb / 1024).toFixed(0)} MB (goal < 150 MB) ${rssKb / 1024 < 150 ? 'OK' : 'MISSED'}`
  )
  console.log(
    `result: ${ok ? 'OK' : 'WRONG'}: ${findings.length} finding(s) ${findings.map(f => `${f.kind} after ${f.turnsBefore} turns`).join(', ')} (expected 1 anthropic-auth-expired after ${turns} turns)`
  )
  if (!ok) process.exitCode = 1
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true })
  else console.log(`kept ${file}`)
}

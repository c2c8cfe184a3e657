// Item: flooding. A log can hold any number of distinct failures: past about 125,000 in one file, spreading them
// into an array overflowed the stack, the file's findings were dropped and the job passed despite a real expiry.
// The bundled post step must fail the job on such a file, with bounded output; the scanner keeps bounded memory
// for millions of findings (counts, the first ones, one of each kind, the last), not every finding.
import { beforeAll, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/runner.js'
import { runnerCommands } from '../support/runner-commands.js'
import { RecordSplitter } from '../../src/scan/split.js'
import { MAX_KEPT_FINDINGS, TranscriptScanner } from '../../src/scan/transcript.js'

const POST = 'dist/post/index.js'

/** Line `i` of a flood: the same expiry, in words that differ on every line (each a distinct failure). */
const floodLine = (i: number) =>
  `Failed to authenticate. API Error: 401 OAuth token has expired. (request ${i})\n`

beforeAll(() => {
  expect(existsSync(POST)).toBe(true) // run `npm run bundle` first
})

test('130,000 distinct failures in one file: the post step fails the job, with bounded output', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'flood-'))
  const lines: string[] = []
  for (let i = 0; i < 130_000; i++) lines.push(floodLine(i))
  writeFileSync(join(workspace, 'claude.log'), lines.join(''))
  const run = await runAction(POST, {
    inputs: { 'claude-output': 'claude.log', 'fail-on-auth-error': 'true' },
    env: { GITHUB_WORKSPACE: workspace },
    timeoutMs: 90_000
  })
  expect(run.code).toBe(1)
  const commands = runnerCommands(run.stdout)
  const annotations = commands.filter(c => c.command === 'error')
  expect(annotations.length).toBeGreaterThan(0)
  expect(annotations.length).toBeLessThanOrEqual(MAX_KEPT_FINDINGS + 1)
  expect(annotations[0]?.properties.title).toContain('anthropic-auth-expired')
  expect(run.stdout).toContain('130000 credential failure(s)')
  expect(commands.filter(c => c.command === 'warning')).toEqual([])
  expect(run.stdout.length).toBeLessThan(2 * 1024 * 1024)
}, 120_000)

test('a million findings in one file: counted, a bounded few kept, every kind among them', () => {
  const scanner = new TranscriptScanner('flood.log')
  const splitter = new RecordSplitter(record => scanner.record(record))
  const total = 1_000_000
  const heapBefore = process.memoryUsage().heapUsed
  for (let start = 0; start < total - 1; start += 10_000) {
    let chunk = ''
    for (let i = start; i < Math.min(start + 10_000, total - 1); i++) chunk += floodLine(i)
    splitter.push(Buffer.from(chunk))
  }
  // The last finding is another kind: kept, though past the limit.
  splitter.push(Buffer.from('Credit balance is too low\n'))
  splitter.end()
  const scan = scanner.finish()
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
  expect(scan.findings.length + scan.omitted).toBe(total)
  expect(scan.findings.length).toBeLessThanOrEqual(MAX_KEPT_FINDINGS + 2)
  expect(scan.findings[0]?.message).toContain('(request 0)')
  expect(scan.findings.map(f => f.kind)).toContain('anthropic-billing')
  expect(scan.findings.at(-1)?.message).toContain(`(request ${total - 2})`)
  // A million findings held whole would take hundreds of MB; kept bounded, the heap barely moves.
  expect(heapGrowthMb).toBeLessThan(100)
}, 120_000)

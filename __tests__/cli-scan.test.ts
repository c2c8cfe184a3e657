// `claude-preflight scan` as a user runs it: the bundled CLI under the action's Node on a directory of real CLI
// transcripts (fixtures/cli), on standard input, and piped into a reader that closes early.
import { describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { ACTION_NODE } from './support/runner.js'
import { streamSource } from '../src/cli/scan.js'
import { scanFiles } from '../src/scan/read.js'
import type { Finding } from '../src/scan/transcript.js'

const CLI = resolve('dist/cli/index.js')
const FIXTURES = resolve('fixtures/cli')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `command`, writing `stdin` to its standard input (then closing it), and captures what it prints. */
async function capture(
  command: string,
  args: string[],
  options: {
    cwd?: string
    stdin?: (input: NodeJS.WritableStream, pid: number) => Promise<void>
  } = {}
): Promise<Run> {
  const child = spawn(command, args, {
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const closed = new Promise<number | null>(done => child.on('close', done))
  if (options.stdin) await options.stdin(child.stdin, child.pid!)
  child.stdin.end()
  return { code: await closed, stdout, stderr }
}

/** The bundled CLI's scan with `args`, under the action's Node. */
function runCli(args: string[], options: Parameters<typeof capture>[2] = {}): Promise<Run> {
  return capture(ACTION_NODE, [CLI, 'scan', ...args], options)
}

interface JsonFinding {
  kind: string
  file: string
  line: number
}

function findingsOf(run: Run): JsonFinding[] {
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings
}

/** Findings as `name:line: kind`, sorted: the same failures wherever the files lie. */
function byName(findings: JsonFinding[]): string[] {
  return findings.map(f => `${basename(f.file)}:${f.line}: ${f.kind}`).sort()
}

const fixtureNames = readdirSync(FIXTURES)

/** A fresh folder holding `dir`, with every fixture copied `copies` times into nested folders under `dir`. */
function nestedCopies(copies: number): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'cli-scan-'))
  const dir = join(root, 'logs')
  for (let copy = 0; copy < copies; copy++) {
    for (const name of fixtureNames) {
      // Transcripts one level down, the rest two: the walk goes as deep as the folders do.
      const folder = name.endsWith('.jsonl')
        ? join(dir, `run-${copy}`)
        : join(dir, `run-${copy}`, 'deeper')
      mkdirSync(folder, { recursive: true })
      copyFileSync(join(FIXTURES, name), join(folder, name))
    }
  }
  return { root, dir }
}

describe('scan DIRECTORY', () => {
  it('reads its regular files recursively, the same as naming each, and follows no symlink out of it', async () => {
    const { root, dir } = nestedCopies(1)
    // A failure outside the directory, reachable only through links in it; the CLI's own root (its cwd) holds it.
    const outside = join(root, 'outside')
    mkdirSync(outside)
    copyFileSync(join(FIXTURES, 'expired-at-start.txt'), join(outside, 'linked.txt'))
    symlinkSync(join(outside, 'linked.txt'), join(dir, 'link-to-file.txt'))
    symlinkSync(outside, join(dir, 'link-to-folder'))
    // A FIFO with no writer: opening it would block a reader that does not check.
    expect(spawnSync('mkfifo', [join(dir, 'run-0', 'fifo.txt')]).status).toBe(0)

    const named = await runCli(['--json', join(FIXTURES, '*')])
    const walked = await runCli(['--json', 'logs'], { cwd: root })
    expect(walked.stderr).toBe('')
    expect(walked.code).toBe(1)
    const found = findingsOf(walked)
    expect(byName(found)).toEqual(byName(findingsOf(named)))
    expect(found.every(f => f.file.startsWith(`${dir}/run-0/`))).toBe(true)
    expect(new Set(found.map(f => f.kind)).size).toBeGreaterThanOrEqual(5)
    expect(walked.stdout).not.toContain('linked.txt')
  })

  it('leaves out what a !GLOB excludes, and refuses a directory with nothing to read', async () => {
    const { root, dir } = nestedCopies(1)
    const excluded = await runCli(['--json', dir, `!${dir}/**/*.txt`])
    expect(excluded.code).toBe(1)
    const names = findingsOf(excluded).map(f => basename(f.file))
    expect(names.length).toBeGreaterThan(0)
    expect(names.filter(name => name.endsWith('.txt'))).toEqual([])

    mkdirSync(join(root, 'empty', 'nested'), { recursive: true })
    const empty = await runCli(['empty'], { cwd: root })
    expect(empty.code).toBe(2)
    expect(empty.stdout).toBe('')
    expect(empty.stderr).toBe('claude-preflight: no regular file in the directory empty\n')
  })
})

describe('scan -', () => {
  it('reads standard input as it reads a file, named -', async () => {
    for (const name of [
      'expired-after-3-turns.jsonl',
      'invalid-api-key.txt',
      'near-no-answer.json'
    ]) {
      const fromFile = await runCli(['--json', join(FIXTURES, name)])
      const fromStdin = await runCli(['--json', '-'], {
        stdin: async input => void input.write(readFileSync(join(FIXTURES, name)))
      })
      expect(fromStdin.stderr).toBe('')
      expect(fromStdin.code).toBe(fromFile.code)
      const expected = findingsOf(fromFile).map(f => ({ ...f, file: '-' }))
      expect(findingsOf(fromStdin)).toEqual(expected)
    }
  })

  it('streams: 256 MiB piped in, read to the end in bounded memory', async () => {
    const filler = readFileSync(join(FIXTURES, 'near-no-answer.jsonl'))
    const failure = readFileSync(join(FIXTURES, 'expired-at-start.jsonl'))
    const block = Buffer.concat(
      Array.from({ length: Math.ceil(2 ** 20 / filler.length) }, () => filler)
    )
    const blocks = Math.ceil((256 * 2 ** 20) / block.length)
    const linesBefore = blocks * (block.toString().match(/\n/g) ?? []).length
    const lineInFailure = findingsOf(
      await runCli(['--json', join(FIXTURES, 'expired-at-start.jsonl')])
    )[0]!.line
    let peakKiB = 0
    const run = await runCli(['--json', '-'], {
      stdin: async (input, pid) => {
        for (let i = 0; i < blocks; i++) {
          if (!input.write(block)) await new Promise(done => input.once('drain', done))
        }
        await new Promise(done => input.write(failure, done))
        // Every block but what the pipe holds has been read: the peak so far is the scan's.
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        peakKiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1])
      }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    expect(findingsOf(run).map(f => [f.file, f.line, f.kind])).toEqual([
      ['-', linesBefore + lineInFailure, 'anthropic-auth-expired']
    ])
    expect(peakKiB).toBeGreaterThan(0)
    expect(peakKiB).toBeLessThan(200 * 1024)
  }, 180_000)

  it("is cut at the scan's byte cap per file, as a file is", async () => {
    const bytes = readFileSync(join(FIXTURES, 'expired-at-start.txt'))
    const source = streamSource(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]))
    const read = await scanFiles([{ path: '-', base: process.cwd(), source }], [], {
      limits: { fileBytes: 64 }
    })
    expect(read.partial).toEqual([
      { file: '-', reason: "read only its first 64 bytes: the scan's byte cap per file" }
    ])
    const whole = await scanFiles(
      [{ path: '-', base: process.cwd(), source: streamSource(Readable.from([bytes])) }],
      []
    )
    expect(whole.partial).toEqual([])
    expect(whole.scans[0]!.findings.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
  })
})

describe('scan … | head -1', () => {
  it('ends quietly with its exit status when the reader closes early', async () => {
    // Enough failures that the JSON outgrows the pipe's buffer: the writes after head has gone meet EPIPE.
    const { dir } = nestedCopies(8)
    const { stdout, stderr, code } = await capture('bash', [
      '--norc',
      '-c',
      '"$0" "$1" scan --json "$2" | head -1; exit "${PIPESTATUS[0]}"',
      ACTION_NODE,
      CLI,
      dir
    ])
    expect(stdout).toBe('{\n')
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const whole = await runCli(['--json', dir])
    expect(whole.stdout.length).toBeGreaterThan(96 * 1024)
  }, 60_000)
})

type JsonType = 'array' | 'number' | 'string' | 'boolean'
const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value)

/** `scan --json`'s top level. */
const TOP_FIELDS: Record<string, JsonType> = {
  findings: 'array',
  omitted: 'number',
  older: 'number'
}

/**
 * A finding's fields, the format README documents. Typed over Finding: a field added to it fails to compile here
 * until it is given a type (and README a row), since the CLI prints findings whole. `recovered` may not exist yet.
 */
const FINDING_FIELDS: Record<keyof Finding | 'recovered', JsonType> = {
  kind: 'string',
  file: 'string',
  line: 'number',
  message: 'string',
  source: 'string',
  retries: 'number',
  occurrences: 'number',
  status: 'number',
  at: 'string',
  turnsBefore: 'number',
  toolCallsBefore: 'number',
  runStartedAt: 'string',
  secondsIntoRun: 'number',
  runDurationMs: 'number',
  costUsd: 'number',
  sessionId: 'string',
  recovered: 'boolean'
}

/** README's `scan --json` table: field → [type, always present]. */
function documentedFields(): Map<string, [string, boolean]> {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(
    readme.indexOf('### `scan --json`'),
    readme.indexOf('## Development')
  )
  const rows = [...section.matchAll(/^\| `([\w[\].]+)` *\| (\w+) *\| (.*?) *\|$/gm)]
  return new Map(rows.map(([, field, type, when]) => [field!, [type!, when!.startsWith('always')]]))
}

describe('scan --json', () => {
  it('prints the fields README documents, with their types', async () => {
    const documented = documentedFields()
    const always = [...documented].filter(([, [, required]]) => required).map(([field]) => field)
    expect(documented).toEqual(
      new Map([
        ...Object.entries(TOP_FIELDS).map(([field, type]) => [field, [type, true]] as const),
        ...Object.entries(FINDING_FIELDS).map(
          ([field, type]) =>
            [`findings[].${field}`, [type, always.includes(`findings[].${field}`)]] as const
        )
      ])
    )
    expect(always.filter(field => field.startsWith('findings[].'))).toEqual(
      ['kind', 'file', 'line', 'message', 'source', 'retries', 'occurrences'].map(
        field => `findings[].${field}`
      )
    )

    const run = await runCli(['--json', FIXTURES])
    expect(run.code).toBe(1)
    const output = JSON.parse(run.stdout) as Record<string, unknown>
    expect(Object.fromEntries(Object.entries(output).map(([k, v]) => [k, jsonType(v)]))).toEqual(
      TOP_FIELDS
    )
    const findings = output.findings as Array<Record<string, unknown>>
    expect(findings.length).toBeGreaterThan(0)
    const seen = new Set<string>()
    for (const finding of findings) {
      for (const [field, value] of Object.entries(finding)) {
        seen.add(field)
        expect([field, jsonType(value)]).toEqual([
          field,
          documented.get(`findings[].${field}`)?.[0]
        ])
      }
      for (const field of always.filter(f => f.startsWith('findings[].')))
        expect(Object.keys(finding)).toContain(field.slice('findings[].'.length))
      if ('recovered' in finding) expect(finding.recovered).toBe(true)
    }
    // The real CLI's transcripts carry every field but `recovered`: the table describes what is printed.
    for (const field of Object.keys(FINDING_FIELDS).filter(f => f !== 'recovered'))
      expect(seen).toContain(field)
  })
})

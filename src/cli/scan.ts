// `claude-preflight scan PATH... [--json]`: the post step's analysis for any log, on a laptop or another CI.
// Exit status: 1 when there are findings, 0 when none, 2 for bad usage (or a file that cannot be read).
import { readdir, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parseSince } from '../inputs/parse.js'
import { PREFIX, oneLine } from '../common/errors.js'
import { distinctFailures } from '../scan/explain.js'
import { inert, inertJson } from '../common/inert.js'
import { redactKnownSecrets } from '../providers/secrets.js'
import {
  expandPatterns,
  globToRegExp,
  scanFiles,
  type ByteSource,
  type Candidate
} from '../scan/read.js'
import { MAX_KEPT_FINDINGS, tallyScans } from '../scan/transcript.js'

export interface ScanIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The secrets in it (named like one, or a credential's variable) are redacted in every form from what is quoted. */
  env: NodeJS.ProcessEnv
  /** The wall clock, epoch ms (default Date.now), for `--since 2h`. */
  now?: () => number
  /** What `-` reads (default process.stdin). */
  stdin?: AsyncIterable<Buffer>
}

export const SCAN_USAGE = `Usage: claude-preflight scan PATH... [--json] [--since WHEN]

Finds every credential failure in what Claude Code wrote: claude-code-action's execution file, --output-format
stream-json or json, or a plain log. PATH is a file, a glob ('logs/**/*.jsonl'), a directory (its regular files,
recursively; symlinks in it are not followed) or - for standard input. '!GLOB' leaves out the files it matches.
  --json         print {"findings":[{"kind","file","line","at","message",...}],"omitted":N,"older":N}
  --since WHEN   leave out failures from before WHEN (counted as "older"): an ISO 8601 date-time such as
                 2026-05-01T09:00:00Z, or a duration ago such as 2h or 1d. Failures with no time are kept.

Exit status: 1 credential failures found, 0 none, 2 bad usage or a PATH with nothing to read or unreadable.`

export async function scanCommand(args: string[], io: ScanIo): Promise<number> {
  const now = io.now ?? Date.now
  let values: { json?: boolean; since?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, since: { type: 'string' } },
      strict: true,
      allowPositionals: true
    }))
  } catch (error) {
    io.stderr(`${inert(oneLine(error))}\n${SCAN_USAGE}\n`)
    return 2
  }
  if (positionals.length === 0) {
    io.stderr(`${PREFIX}: scan needs at least one PATH.\n${SCAN_USAGE}\n`)
    return 2
  }
  const since = values.since === undefined ? undefined : parseSince('--since', values.since, now())
  const { files, missing, empty } = await expandPaths(positionals, io.stdin ?? process.stdin)
  if (missing.length > 0) {
    io.stderr(`${PREFIX}: no such file: ${missing.map(inert).join(', ')}\n`)
    return 2
  }
  if (empty.length > 0) {
    io.stderr(`${PREFIX}: no regular file in the directory ${empty.map(inert).join(', ')}\n`)
    return 2
  }
  const read = await scanFiles(files, [process.cwd()], { ...(since !== undefined && { since }) })
  for (const { file, reason } of read.partial)
    io.stderr(`${PREFIX}: ${inert(file)}: ${inert(reason)}\n`)
  if (read.refused.length > 0) {
    for (const { file, reason } of read.refused) {
      io.stderr(`${PREFIX}: could not read ${inert(file)}: ${inert(reason)}\n`)
    }
    return 2
  }
  const { tally, older } = tallyScans(read.scans)
  if (older > 0 && since !== undefined)
    io.stderr(
      `${PREFIX}: left out ${older} credential failure(s) from before ${new Date(since).toISOString()} (--since).\n`
    )
  const redact = redactKnownSecrets(() => '', io.env)
  const findings = tally.items().map(finding => ({ ...finding, message: redact(finding.message) }))
  // A failure the run got past (`recovered`) or a usage limit is reported, but is no failed run.
  const verdict = tally.failing > 0 ? 1 : 0
  if (values.json) {
    // Inert JSON: this output may be a workflow step's stdout, which the runner reads for commands.
    io.stdout(`${inertJson({ findings, omitted: tally.omitted, older })}\n`)
    return verdict
  }
  if (findings.length === 0) {
    io.stdout(`${PREFIX}: no credential failure in ${files.length} file(s).\n`)
    return 0
  }
  for (const finding of findings) {
    const when = [
      finding.at,
      finding.secondsIntoRun !== undefined ? `${finding.secondsIntoRun}s into the run` : undefined,
      finding.turnsBefore !== undefined
        ? `after ${finding.turnsBefore} turns / ${finding.toolCallsBefore ?? 0} tool calls`
        : undefined,
      finding.retries > 0 ? `${finding.retries} retries` : undefined
    ].filter(Boolean)
    io.stdout(
      `${inert(finding.file)}:${finding.line}: ${finding.kind}${finding.recovered ? ' (recovered)' : ''}: ${inert(finding.message)}${when.length ? ` (${inert(when.join(', '))})` : ''}\n`
    )
  }
  if (tally.omitted > 0) {
    io.stdout(`... and ${tally.omitted} more (past ${MAX_KEPT_FINDINGS} per file), not listed.\n`)
  }
  io.stdout('\n')
  for (const failure of distinctFailures(findings)) {
    io.stdout(`${failure.kind}: ${failure.fix}\n`)
  }
  return verdict
}

/**
 * The files to read, in the order the paths name them, each once: `-` is standard input, a directory its regular
 * files (recursively, admitted only inside it), anything else a file or a glob (expandPatterns). `!GLOB` excludes.
 */
async function expandPaths(
  paths: string[],
  stdin: AsyncIterable<Buffer>
): Promise<{ files: Candidate[]; missing: string[]; empty: string[] }> {
  const excludes = paths.filter(path => path.startsWith('!'))
  const excluded = excludes.map(path => globToRegExp(resolve(path.slice(1))))
  const files: Candidate[] = []
  const missing: string[] = []
  const empty: string[] = []
  const seen = new Set<string>()
  const add = (candidate: Candidate) => {
    if (seen.has(candidate.path)) return
    seen.add(candidate.path)
    files.push(candidate)
  }
  for (const path of paths) {
    if (path.startsWith('!')) continue
    if (path === '-') {
      add({ path, base: process.cwd(), source: streamSource(stdin) })
    } else if ((await stat(path).catch(() => undefined))?.isDirectory()) {
      const base = await realpath(path)
      const under = (await regularFilesUnder(resolve(path))).filter(
        file => !excluded.some(re => re.test(file))
      )
      if (under.length === 0) empty.push(path)
      for (const file of under) add({ path: file, base })
    } else {
      const expanded = await expandPatterns([path, ...excludes])
      missing.push(...expanded.missing)
      expanded.files.forEach(add)
    }
  }
  return { files, missing, empty }
}

/** The regular files under a directory, by name, depth first; symlinks are not followed (nor listed). */
async function regularFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const files: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await regularFilesUnder(path)))
    else if (entry.isFile()) files.push(path)
  }
  return files
}

/** A stream as a ByteSource: its chunks as they come, cut to the length asked; closing it stops the stream. */
export function streamSource(stream: AsyncIterable<Buffer>): ByteSource {
  const chunks = stream[Symbol.asyncIterator]()
  let rest: Buffer = Buffer.alloc(0)
  return {
    async read(buffer, length) {
      while (rest.length === 0) {
        const next = await chunks.next()
        if (next.done) return 0
        rest = next.value
      }
      const copied = rest.copy(buffer, 0, 0, Math.min(length, rest.length))
      rest = rest.subarray(copied)
      return copied
    },
    async close() {
      await chunks.return?.()
    }
  }
}

// `claude-preflight scan FILE... [--json]`: the post step's analysis for any log, on a laptop or another CI.
// Exit status: 1 when there are findings, 0 when none, 2 for bad usage (or a file that cannot be read).
import { parseArgs } from 'node:util'
import { PREFIX, oneLine, reasonOf } from '../report/errors.js'
import { distinctFailures } from '../scan/explain.js'
import { expandPatterns, scanFile } from '../scan/read.js'
import type { Finding } from '../scan/transcript.js'

export interface ScanIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const SCAN_USAGE = `Usage: claude-preflight scan FILE... [--json]

Finds every credential failure in what Claude Code wrote: claude-code-action's execution file, --output-format
stream-json or json, or a plain log. FILE may be a glob ('logs/**/*.jsonl').
  --json   print {"findings":[{"kind","file","line","at","message",...}]}

Exit status: 1 credential failures found, 0 none, 2 bad usage or unreadable file.`

export async function scanCommand(args: string[], io: ScanIo): Promise<number> {
  let values: { json?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: true
    }))
  } catch (error) {
    io.stderr(`${oneLine(error)}\n${SCAN_USAGE}\n`)
    return 2
  }
  if (positionals.length === 0) {
    io.stderr(`${PREFIX}: scan needs at least one FILE.\n${SCAN_USAGE}\n`)
    return 2
  }
  const { files, missing } = await expandPatterns(positionals)
  if (missing.length > 0) {
    io.stderr(`${PREFIX}: no such file: ${missing.join(', ')}\n`)
    return 2
  }
  const findings: Finding[] = []
  for (const file of files) {
    try {
      findings.push(...(await scanFile(file)).findings)
    } catch (error) {
      io.stderr(`${PREFIX}: could not read ${file}: ${reasonOf(error)}\n`)
      return 2
    }
  }
  if (values.json) {
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`)
    return findings.length > 0 ? 1 : 0
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
      `${finding.file}:${finding.line}: ${finding.kind}: ${finding.message}${when.length ? ` (${when.join(', ')})` : ''}\n`
    )
  }
  io.stdout('\n')
  for (const failure of distinctFailures(findings)) {
    io.stdout(`${failure.kind}: ${failure.fix}\n`)
  }
  return 1
}

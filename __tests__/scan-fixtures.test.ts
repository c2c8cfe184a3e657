// The scanner against transcripts the real claude CLI wrote (fixtures/cli, made by scripts/make-fixtures.js):
// every format, the exact kind, the turns and tool calls completed before the failure, and nothing at all for
// the near misses. The expectations come from the manifest, i.e. from what the stand-in was told to do.
import { describe, expect, test } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { scanFiles } from '../src/scan/read.js'

interface Expect {
  kind: string
  turns: number
  toolCalls: number
  formats?: string[]
}
const dir = join(process.cwd(), 'fixtures', 'cli')
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  cli: string
  scenarios: Record<string, { expect: Expect | null }>
}
const FORMATS = ['jsonl', 'execution.json', 'json', 'txt']
/** Formats that carry the turn-by-turn transcript. */
const TRANSCRIPTS = ['jsonl', 'execution.json']

test('the fixtures cover every scenario in every format', () => {
  const files = readdirSync(dir)
  const names = Object.keys(manifest.scenarios)
  expect(names.length).toBeGreaterThanOrEqual(18)
  for (const name of names)
    for (const format of FORMATS) expect(files).toContain(`${name}.${format}`)
})

const cases = Object.entries(manifest.scenarios).flatMap(([name, { expect: want }]) =>
  FORMATS.map(format => [name, format, want] as const)
)

describe.each(cases)('%s.%s', (name, format, want) => {
  test(want ? `finds ${want.kind}` : 'finds nothing', async () => {
    const read = await scanFiles([{ path: join(dir, `${name}.${format}`), base: dir }], [dir])
    expect(read.refused).toEqual([])
    const scan = read.scans[0]!
    const applies = want && (!want.formats || want.formats.includes(format))
    if (!applies) {
      expect(scan.findings).toEqual([])
      return
    }
    expect(scan.findings.map(f => f.kind)).toEqual([want.kind])
    const finding = scan.findings[0]!
    if (TRANSCRIPTS.includes(format)) {
      expect(finding.turnsBefore).toBe(want.turns)
      expect(finding.toolCallsBefore).toBe(want.toolCalls)
      expect(finding.at).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(finding.runDurationMs).toBeGreaterThan(0)
      expect(typeof finding.costUsd).toBe('number')
    }
  })
})

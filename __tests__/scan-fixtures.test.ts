// The scanner against transcripts the real claude CLI wrote (made by scripts/make-fixtures.js): fixtures/cli with the
// pinned version, fixtures/cli-newest with the newest on npm. Every scenario in every format: the exact kind, the
// turns and tool calls completed before the failure, `recovered` for a run that went on and finished, and nothing at
// all for the near misses. The expectations come from the manifest, i.e. from what the stand-ins were told to do.
import { describe, expect, test } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { scanFiles } from '../src/scan/read.js'
import { SCENARIOS } from '../scripts/make-fixtures.js'

interface Expect {
  kind: string
  turns: number
  toolCalls: number
  recovered?: boolean
  formats?: string[]
}
interface Manifest {
  cli: string
  scenarios: Record<string, { expect: Expect | null }>
}
const FOLDERS = ['cli', 'cli-newest']
const FORMATS = ['jsonl', 'execution.json', 'json', 'txt']
/** Formats that carry the turn-by-turn transcript. */
const TRANSCRIPTS = ['jsonl', 'execution.json']

const manifests = Object.fromEntries(
  FOLDERS.map(folder => [
    folder,
    JSON.parse(
      readFileSync(join(process.cwd(), 'fixtures', folder, 'manifest.json'), 'utf8')
    ) as Manifest
  ])
)

test.each(FOLDERS)('fixtures/%s covers every scenario of the generator in every format', folder => {
  const files = readdirSync(join(process.cwd(), 'fixtures', folder))
  expect(manifests[folder]!.cli).toMatch(/^\d+\.\d+\.\d+ \(Claude Code\)$/)
  expect(Object.keys(manifests[folder]!.scenarios).sort()).toEqual(
    SCENARIOS.map(s => s.name).sort()
  )
  for (const { name } of SCENARIOS)
    for (const format of FORMATS) expect(files).toContain(`${name}.${format}`)
})

const cases = FOLDERS.flatMap(folder =>
  Object.entries(manifests[folder]!.scenarios).flatMap(([name, { expect: want }]) =>
    FORMATS.map(format => [`${folder}/${name}.${format}`, folder, name, format, want] as const)
  )
)

describe.each(cases)('%s', (_, folder, name, format, want) => {
  const applies = want && (!want.formats || want.formats.includes(format))
  const title = !applies
    ? 'finds nothing'
    : `finds ${want.kind}${want.recovered ? ', recovered' : ''}`
  test(title, async () => {
    const dir = join(process.cwd(), 'fixtures', folder)
    const read = await scanFiles([{ path: join(dir, `${name}.${format}`), base: dir }], [dir])
    expect(read.refused).toEqual([])
    const scan = read.scans[0]!
    if (!applies) {
      expect(scan.findings).toEqual([])
      return
    }
    expect(scan.findings.map(f => f.kind)).toEqual([want.kind])
    const finding = scan.findings[0]!
    if (want.recovered) expect(finding).toMatchObject({ recovered: true })
    else expect(finding).not.toMatchObject({ recovered: true })
    if (TRANSCRIPTS.includes(format)) {
      expect(finding.turnsBefore).toBe(want.turns)
      expect(finding.toolCallsBefore).toBe(want.toolCalls)
      expect(finding.at).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(finding.runDurationMs).toBeGreaterThan(0)
      expect(typeof finding.costUsd).toBe('number')
    }
  })
})

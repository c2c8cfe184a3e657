// README.md's inputs and outputs tables are generated from action.yml by scripts/docs.js (`npm run docs`); this
// test fails when they differ, so a changed input cannot ship with stale documentation. It also holds action.yml
// to what the tables need: every input has a description and a default, every output a description.
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputsTable, outputsTable, renderReadme } from '../scripts/docs.js'
import { FAILURE_KINDS } from '../src/providers/failures.js'
import { STATUSES } from '../src/policy/decide.js'
import { MAX_ANNOTATIONS, MAX_LISTED, REPORT_LIMITS } from '../src/report/post-report.js'
import { QUOTE_MAX } from '../src/common/markdown.js'
import { DEFAULT_LIMITS } from '../src/scan/read.js'
import { MAX_KEPT_FINDINGS } from '../src/scan/transcript.js'
import { MAX_WORKFLOW_BYTES } from '../src/workflow/timeout.js'
import { LONGEST_LOCK_MS } from '../src/refresh/lock.js'
import { PENDING_MAX_BYTES } from '../src/refresh/pending.js'
import { CREDENTIALS_MAX_BYTES } from '../src/refresh/credentials.js'
import { LAYERS } from '../scripts/lint/layers.js'

const ROOT = process.cwd()
const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const ACTION_YML = readFileSync(join(ROOT, 'action.yml'), 'utf8')
const action = parse(ACTION_YML) as {
  inputs: Record<string, { description?: unknown; default?: unknown; required?: unknown }>
  outputs: Record<string, { description?: unknown }>
}

describe('action.yml', () => {
  test.each(Object.entries(action.inputs))(
    'input %s has a description and a default',
    (_, spec) => {
      expect(typeof spec.description).toBe('string')
      expect(String(spec.description).trim().length).toBeGreaterThan(10)
      expect(spec).toHaveProperty('default')
      expect(typeof spec.default).toBe('string')
      expect(spec.required).not.toBe(true)
    }
  )

  test.each(Object.entries(action.outputs))('output %s has a description', (_, spec) => {
    expect(typeof spec.description).toBe('string')
    expect(String(spec.description).trim().length).toBeGreaterThan(10)
  })
})

describe('README.md', () => {
  test('says what the action is and how to use it first, then the two commands, in its first 60 lines', () => {
    const top = README.split('\n').slice(0, 60).join('\n')
    const uses = top.search(/uses: <owner>\/claude-preflight@v1/)
    expect(uses).toBeGreaterThan(0)
    expect(top.indexOf('npm ci && npm run demo')).toBeGreaterThan(uses)
    expect(top.indexOf('npm ci && npm test')).toBeGreaterThan(uses)
    expect(top).toMatch(/\*\*What it costs:\*\*/)
  })

  test('explains pinning by tag and by commit SHA, and never advertises an unpublished npx package', () => {
    expect(README).toMatch(/## Versions and pinning/)
    expect(README).toMatch(/@<40-hex commit SHA/)
    expect(README).not.toMatch(/npx claude-preflight/)
  })

  test("its inputs and outputs tables are what action.yml generates (fix: 'npm run docs')", async () => {
    const generated: string = await renderReadme(README, ACTION_YML)
    const section = (text: string, name: string) =>
      text.slice(text.indexOf(`<!-- ${name}:start -->`), text.indexOf(`<!-- ${name}:end -->`))
    expect(section(README, 'inputs')).toBe(section(generated, 'inputs'))
    expect(section(README, 'outputs')).toBe(section(generated, 'outputs'))
    expect(README).toBe(generated)
  })

  test('the tables have one row per input and output, in action.yml order', () => {
    const names = (table: string) =>
      table
        .split('\n')
        .slice(2)
        .map(row => /^\| `([^`]+)`/.exec(row)?.[1])
    expect(names(inputsTable(action))).toEqual(Object.keys(action.inputs))
    expect(names(outputsTable(action))).toEqual(Object.keys(action.outputs))
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(README).toContain(`| \`${name}\``)
    }
  })

  test('a cell cannot break the table: pipes are escaped, newlines folded', () => {
    const table: string = inputsTable({
      inputs: { x: { description: 'a | b\nc', default: 'p|q' } }
    })
    expect(table.split('\n')).toHaveLength(3)
    expect(table).toContain('a \\| b c')
    expect(table).toContain('`p\\|q`')
  })

  test('every finding kind and every preflight status is explained in Troubleshooting', () => {
    const troubleshooting = README.slice(README.indexOf('## Troubleshooting'))
    const kinds = FAILURE_KINDS.map(kind => kind.id)
    const statuses = STATUSES.filter(status => status !== 'valid')
    for (const name of [...kinds, ...statuses]) expect(troubleshooting).toContain(`\`${name}\``)
  })
})

describe('docs/reliability.md', () => {
  // Spaces collapsed: prettier pads table cells.
  const page = readFileSync(join(ROOT, 'docs/reliability.md'), 'utf8').replace(/ +/g, ' ')

  test('the security caps table gives each cap as the code sets it', () => {
    const n = (value: number) => value.toLocaleString('en-US')
    const rows: Array<[string, string, string, string]> = [
      [
        'failures listed in the summary and the comment',
        `${MAX_LISTED}`,
        'MAX_LISTED',
        'src/report/post-report.ts'
      ],
      [
        'annotations per post step',
        `${MAX_ANNOTATIONS}`,
        'MAX_ANNOTATIONS',
        'src/report/post-report.ts'
      ],
      [
        'characters quoted from a log or a server',
        `${QUOTE_MAX}`,
        'QUOTE_MAX',
        'src/common/markdown.ts'
      ],
      [
        'job summary',
        `under ${n(REPORT_LIMITS.summary)} bytes`,
        'REPORT_LIMITS.summary',
        'src/report/post-report.ts'
      ],
      [
        'PR comment',
        `under ${n(REPORT_LIMITS.comment)} characters`,
        'REPORT_LIMITS.comment',
        'src/report/post-report.ts'
      ],
      [
        'bytes scanned per file',
        `${DEFAULT_LIMITS.fileBytes / 1024 ** 3} GiB`,
        'DEFAULT_LIMITS.fileBytes',
        'src/scan/read.ts'
      ],
      [
        'bytes scanned in all',
        `${DEFAULT_LIMITS.totalBytes / 1024 ** 3} GiB`,
        'DEFAULT_LIMITS.totalBytes',
        'src/scan/read.ts'
      ],
      [
        'time for the whole scan',
        `${DEFAULT_LIMITS.budgetMs / 1000} s`,
        'DEFAULT_LIMITS.budgetMs',
        'src/scan/read.ts'
      ],
      [
        'findings kept per file (the rest counted)',
        `${MAX_KEPT_FINDINGS}`,
        'MAX_KEPT_FINDINGS',
        'src/scan/transcript.ts'
      ],
      [
        'workflow file read for `min-remaining: auto`',
        `${MAX_WORKFLOW_BYTES / 1024} KiB`,
        'MAX_WORKFLOW_BYTES',
        'src/workflow/timeout.ts'
      ],
      [
        "a held lock's `expires-at` still believed",
        `${LONGEST_LOCK_MS / 1000} s ahead, plus a minute's slack`,
        'LONGEST_LOCK_MS',
        'src/refresh/lock.ts'
      ],
      [
        'pending file (write-back handed to the post step)',
        `${PENDING_MAX_BYTES / 1024} KiB`,
        'PENDING_MAX_BYTES',
        'src/refresh/pending.ts'
      ],
      [
        'credentials file read back by the post step',
        `${CREDENTIALS_MAX_BYTES / 1024} KiB`,
        'CREDENTIALS_MAX_BYTES',
        'src/refresh/credentials.ts'
      ]
    ]
    for (const [cap, value, constant, file] of rows)
      expect(page).toContain(`| ${cap} | ${value} | \`${constant}\`, \`${file}\` |`)
  })

  test('the Security tests section lists every file in __tests__/security, one line each', () => {
    const section = page.slice(page.indexOf('## Security tests'))
    const files = readdirSync(join(ROOT, '__tests__/security')).filter(file =>
      file.endsWith('.test.ts')
    )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(section).toContain(`- \`__tests__/security/${file}\`: `)
    expect(section.match(/^- `__tests__\/security\//gm)).toHaveLength(files.length)
  })
})

describe('docs/architecture.md', () => {
  const page = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')

  test('every file and folder it names exists', () => {
    const named = [
      ...page.matchAll(/`((?:src|scripts|__tests__)\/[\w./-]*)`|\((src\/[\w./-]+)\)/g)
    ].map(m => m[1] ?? m[2] ?? '')
    expect(named.length).toBeGreaterThan(20)
    for (const path of named) expect([path, existsSync(join(ROOT, path))]).toEqual([path, true])
  })

  test("its table of layers is the lint rule's, in order", () => {
    const rows = new Map<number, string[]>()
    for (const m of page.matchAll(/^\| (\d+) +\| ((?:`[\w.]+\/`(?:, )?)+) +\|/gm)) {
      const folders = [...(m[2] ?? '').matchAll(/`([\w.]+)\/`/g)].map(f => f[1] ?? '')
      rows.set(Number(m[1]), [...(rows.get(Number(m[1])) ?? []), ...folders])
    }
    const layers = LAYERS.filter(layer => !layer.includes('.'))
    expect([...rows]).toEqual(layers.map((folders, index) => [index + 1, folders]))
  })
})

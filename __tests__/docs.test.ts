// README.md's inputs and outputs tables are generated from action.yml by scripts/docs.js (`npm run docs`); this
// test fails when they differ, so a changed input cannot ship with stale documentation. It also holds action.yml
// to what the tables need: every input has a description and a default, every output a description.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputsTable, outputsTable, renderReadme } from '../scripts/docs.js'
import { KINDS } from '../src/scan/kinds.js'
import { STATUSES } from '../src/policy/decide.js'

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
    const kinds = KINDS
    const statuses = STATUSES.filter(status => status !== 'valid')
    for (const name of [...kinds, ...statuses]) expect(troubleshooting).toContain(`\`${name}\``)
  })
})

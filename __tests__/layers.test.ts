// The lint rule that keeps src/'s folders layered (scripts/lint/layers.js): it must refuse an import that goes up or
// sideways, and the source as it is must pass it with no two folders importing each other.
import { expect, test } from '@jest/globals'
import { ESLint } from 'eslint'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

const eslint = new ESLint({ cwd: process.cwd() })

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter(message => message.ruleId === 'layers/layered-imports')
    .map(message => message.message)
}

test('an import from a higher layer is refused, naming both folders', async () => {
  const messages = await layerMessages(
    'src/common/example.ts',
    "import { runCheck } from '../check/run-check.js'\nexport const x = runCheck\n"
  )
  expect(messages).toEqual([expect.stringContaining('src/common/ may not import from src/check/')])
})

test('folders of one layer may not import each other, nor may a folder outside the layers', async () => {
  expect(
    await layerMessages('src/action/example.ts', "export { cliMain } from '../cli/index.js'\n")
  ).toHaveLength(1)
  expect(
    await layerMessages('src/newfolder/example.ts', "export * from '../common/errors.js'\n")
  ).toEqual([expect.stringContaining('src/newfolder/ is in no layer')])
})

test('imports from lower layers and within a folder pass, dynamic ones included', async () => {
  expect(
    await layerMessages(
      'src/scan/example.ts',
      "import { PREFIX } from '../common/errors.js'\nimport { x } from './y.js'\nexport const load = () => import('../providers/index.js')\nexport { PREFIX, x }\n"
    )
  ).toEqual([])
  expect(
    await layerMessages(
      'src/common/example.ts',
      "export const load = () => import('../scan/read.js')\n"
    )
  ).toHaveLength(1)
})

test('no way around it: type imports, templates, computed paths and JavaScript files are checked too', async () => {
  const upward = async (filePath: string, code: string) =>
    (await layerMessages(filePath, code)).filter(m => m.includes('may not import'))
  expect(
    await upward(
      'src/providers/example.ts',
      "export type F = import('../scan/transcript.js').Finding\n"
    )
  ).toHaveLength(1)
  expect(
    await upward(
      'src/providers/example.ts',
      "import type { Finding } from '../scan/transcript.js'\nexport type F = Finding\n"
    )
  ).toHaveLength(1)
  expect(
    await upward(
      'src/providers/example.ts',
      'export const load = () => import(`../scan/read.js`)\n'
    )
  ).toHaveLength(1)
  expect(
    await layerMessages(
      'src/providers/example.ts',
      'export const load = (m: string) => import(`../${m}/read.js`)\n'
    )
  ).toEqual([expect.stringContaining('computed path')])
  expect(
    await upward('src/providers/example.js', "export { scanFiles } from '../scan/read.js'\n")
  ).toHaveLength(1)
})

test('src/ as it is: no two folders import each other', () => {
  const edges = new Set<string>()
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
    )
  const folderOf = (file: string) => normalize(file).split('/')[1] ?? ''
  for (const file of walk('src').filter(f => f.endsWith('.ts'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(normalize(join(dirname(file), spec ?? '')))
      const from = folderOf(file)
      if (!to.endsWith('.js') && !from.endsWith('.ts') && to !== from) edges.add(`${from}>${to}`)
    }
  }
  const mutual = [...edges].filter(edge => {
    const [from, to] = edge.split('>')
    return (from ?? '') < (to ?? '') && edges.has(`${to}>${from}`)
  })
  expect(edges.size).toBeGreaterThan(20)
  expect(mutual).toEqual([])
})

// One version everywhere: package.json, src/common/version.ts (which the CLI prints), the bundled CLI, and the newest
// release in CHANGELOG.md.
import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION } from '../src/common/version.js'

const ROOT = process.cwd()
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

test('src/common/version.ts matches package.json', () => {
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/)
  expect(VERSION).toBe(pkg.version)
})

test('the bundled CLI prints it with --version (and -v)', () => {
  const cli = join(ROOT, 'dist', 'cli', 'index.js')
  expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' })).toBe(
    `${VERSION}\n`
  )
  expect(execFileSync(process.execPath, [cli, '-v'], { encoding: 'utf8' }).trim()).toBe(VERSION)
})

test('CHANGELOG.md has a dated entry for it, the newest release', () => {
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
  const releases = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d\d-\d\d)$/gm)]
  expect(releases[0]?.[1]).toBe(VERSION)
  expect(changelog).toMatch(new RegExp(`^\\[${VERSION.replace(/\./g, '\\.')}\\]: `, 'm'))
})

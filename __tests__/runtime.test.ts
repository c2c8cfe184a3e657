// The runtime the tests run the action under, and the guard that keeps them from running a stale dist/.
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { ACTION_NODE, newJob, runAction } from './support/runner.js'
import { sourceHash } from '../scripts/lib/source-hash.js'

const ROOT = process.cwd()

describe('the action runs under the runner’s Node', () => {
  const using = (
    parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
  ).runs.using

  test('the Node binary the tests run dist/ with is the major version action.yml declares', () => {
    const major = /^node(\d+)$/.exec(using)?.[1]
    expect(major).toBeDefined()
    const version = execFileSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }).trim()
    expect(version).toMatch(new RegExp(`^v${major}\\.\\d+\\.\\d+$`))
  })

  test('runAction runs an entry point under that binary, not under the Node that runs jest', async () => {
    const job = newJob()
    const entry = join(job.dir, 'which-node.mjs')
    writeFileSync(entry, 'process.stdout.write(`${process.execPath} ${process.version}`)\n')
    const result = await runAction(entry, { job })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      new RegExp(`^${ACTION_NODE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} v24\\.`)
    )
  })

  test('every bundle loads where no node_modules is: a runner checks out dist/ alone', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'dist-alone-'))
    cpSync(join(ROOT, 'dist'), join(checkout, 'dist'), { recursive: true })
    for (const entry of ['main', 'post', 'cli', 'renewer']) {
      // Loading only: each entry's static imports resolve, or Node stops with ERR_MODULE_NOT_FOUND.
      const script = `await import(${JSON.stringify(join(checkout, 'dist', entry, 'index.js'))}).catch(e => { if (e.code === 'ERR_MODULE_NOT_FOUND') { console.error(e.message); process.exit(3) } })`
      const loaded = (() => {
        try {
          execFileSync(ACTION_NODE, ['--input-type=module', '-e', script], {
            cwd: checkout,
            env: { PATH: process.env.PATH ?? '', HOME: checkout },
            stdio: ['ignore', 'pipe', 'pipe'],
            timeout: 60_000
          })
          return 'loaded'
        } catch (error) {
          const { status, stderr } = error as { status: number | null; stderr: Buffer }
          return status === 3 ? `${entry}: ${stderr.toString().trim()}` : 'loaded'
        }
      })()
      expect(loaded).toBe('loaded')
    }
  })
})

describe('the stale-dist guard (scripts/lib/source-hash.js)', () => {
  const copy = () => {
    const root = mkdtempSync(join(tmpdir(), 'source-hash-'))
    for (const path of [
      'src',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'scripts/bundle.js'
    ])
      cpSync(join(ROOT, path), join(root, path), { recursive: true })
    return root
  }

  test('dist/ records the hash of the source it was built from', () => {
    expect(readFileSync(join(ROOT, 'dist/source-hash.txt'), 'utf8').trim()).toMatch(
      /^[0-9a-f]{64}$/
    )
  })

  test('the hash follows every input of the bundle, and nothing else', () => {
    const root = copy()
    const before = sourceHash(root)
    expect(sourceHash(root)).toBe(before)
    writeFileSync(join(root, 'README.md'), 'not an input of the bundle\n')
    expect(sourceHash(root)).toBe(before)
    const changes: Array<[string, string]> = [
      ['src/common/version.ts', '\n// edited\n'],
      ['src/new-file.ts', 'export {}\n'],
      ['package-lock.json', ' '],
      ['tsconfig.build.json', ' '],
      ['scripts/bundle.js', '\n']
    ]
    let previous = before
    for (const [file, appended] of changes) {
      writeFileSync(join(root, file), appended, { flag: 'a' })
      const next = sourceHash(root)
      expect(`${file}: ${next}`).not.toBe(`${file}: ${previous}`)
      previous = next
    }
  })
})

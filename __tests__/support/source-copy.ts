// A copy of the action's source in a scratch folder, edited by a test and bundled as `npm run bundle` does: for tests
// that show what a change to the source needs (src/, action.yml) and nothing else.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const COPIED = [
  'src',
  'action.yml',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/bundle.js',
  'scripts/lib/source-hash.js'
]

export interface SourceCopy {
  root: string
  /** Replaces `from` (which must occur exactly once) with `to` in the copy's `file`. */
  replaceOnce(file: string, from: string, to: string): void
  write(file: string, text: string): void
  /** Type-checks the copy's src/ as `npm run build` does; throws tsc's output. */
  typeCheck(): void
  /** Bundles the entries into the copy's dist/ and returns the path of dist/<entry>/index.js for each. */
  bundle(entries: string[]): Record<string, string>
}

export function copySource(): SourceCopy {
  const root = mkdtempSync(join(tmpdir(), 'preflight-source-'))
  for (const path of COPIED) cpSync(path, join(root, path), { recursive: true })
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'))
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' })
  return {
    root,
    replaceOnce(file, from, to) {
      const path = join(root, file)
      const text = readFileSync(path, 'utf8')
      if (text.split(from).length !== 2) throw new Error(`${file} does not hold exactly one ${from}`)
      writeFileSync(path, text.replace(from, to))
    },
    write(file, text) {
      writeFileSync(join(root, file), text)
    },
    typeCheck() {
      run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noEmit'])
    },
    bundle(entries) {
      run(['scripts/bundle.js', ...entries])
      return Object.fromEntries(entries.map(entry => [entry, join(root, 'dist', entry, 'index.js')]))
    }
  }
}

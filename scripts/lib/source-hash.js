// What dist/ is built from, as one SHA-256: every file under src/, the lockfile (the bundled dependencies), the
// TypeScript configs and the bundle script. `npm run bundle` writes it to dist/source-hash.txt; the tests' global
// setup (scripts/jest-global-setup.js) compares it with the working tree, so no test runs a stale bundle.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const INPUTS = [
  'src',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/bundle.js'
]
export const SOURCE_HASH_FILE = 'dist/source-hash.txt'

/** The repository-relative paths of every file dist/ is built from, sorted. @param {string} root */
function sourceFiles(root) {
  return INPUTS.flatMap(input => {
    const path = join(root, input)
    if (!existsSync(path)) return []
    if (!statSync(path).isDirectory()) return [input]
    return readdirSync(path, { recursive: true, encoding: 'utf8' })
      .map(name => join(input, name))
      .filter(name => statSync(join(root, name)).isFile())
  }).sort()
}

/** @param {string} root the repository */
export function sourceHash(root) {
  const hash = createHash('sha256')
  for (const file of sourceFiles(root)) {
    hash.update(`${file.split('\\').join('/')}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** The hash dist/ was last built from, or '' when it does not say. @param {string} root */
export function builtFrom(root) {
  const file = join(root, SOURCE_HASH_FILE)
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : ''
}

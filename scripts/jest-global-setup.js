// Jest's global setup: the end-to-end tests run dist/, so dist/ must be what the working tree bundles to. When
// src/ (or the lockfile, the TypeScript configs, the bundle script) changed since the last `npm run bundle`, this
// rebuilds dist/ before any test runs and says so; commit the rebuilt dist/ with the source.
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtFrom, sourceHash, SOURCE_HASH_FILE } from './lib/source-hash.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export default function globalSetup() {
  if (builtFrom(ROOT) === sourceHash(ROOT)) return
  process.stderr.write(
    `\ndist/ is not built from this source (${SOURCE_HASH_FILE}): rebuilding it with 'npm run bundle'…\n`
  )
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.js')], { cwd: ROOT, stdio: 'inherit' })
  if (builtFrom(ROOT) !== sourceHash(ROOT)) {
    throw new Error(
      `dist/ is still not built from this source after 'npm run bundle': see ${SOURCE_HASH_FILE}`
    )
  }
}

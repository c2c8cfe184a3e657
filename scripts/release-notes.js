// `node scripts/release-notes.js vX.Y.Z`: the release workflow's check of a tag before it publishes anything. The
// tag must be `v` + package.json's version and CHANGELOG.md must have that version's section; prints that section
// (the release notes) and nothing else. Exits 1 with one line naming what to fix otherwise.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The CHANGELOG section of the release `tag`, checked against the package's version.
 * @param {string} tag e.g. `v1.2.3`
 * @param {string} version package.json's `version`
 * @param {string} changelog CHANGELOG.md
 * @returns {{ notes: string, major: string }}
 */
export function releaseNotes(tag, version, changelog) {
  const match = /^v(\d+)\.\d+\.\d+$/.exec(tag)
  if (!match)
    throw new Error(`tag '${tag}' is not a release tag: push one named vX.Y.Z (e.g. v1.2.3)`)
  if (tag !== `v${version}`) {
    throw new Error(
      `tag '${tag}' does not match package.json's version ${version}: set "version" to ${tag.slice(1)} and tag that commit`
    )
  }
  const heading = `## [${version}]`
  const start = changelog
    .split('\n')
    .findIndex(line => line.startsWith(`${heading} `) || line === heading)
  if (start < 0)
    throw new Error(`CHANGELOG.md has no '${heading} - YYYY-MM-DD' section: add it before tagging`)
  const lines = changelog.split('\n').slice(start + 1)
  const end = lines.findIndex(line => /^## /.test(line))
  const notes = (end < 0 ? lines : lines.slice(0, end)).join('\n').trim()
  if (!notes)
    throw new Error(`CHANGELOG.md's '${heading}' section is empty: say what the release changes`)
  return { notes, major: `v${match[1]}` }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
    const { notes } = releaseNotes(
      process.argv[2] ?? '',
      version,
      readFileSync('CHANGELOG.md', 'utf8')
    )
    process.stdout.write(`${notes}\n`)
  } catch (error) {
    process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

// The release workflow's check of a pushed tag (scripts/release-notes.js): the tag, package.json and CHANGELOG.md
// must agree before anything is published, and the release notes are the CHANGELOG's section.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { releaseNotes } from '../scripts/release-notes.js'

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.2.0] - 2027-01-02

### Added

- A thing.

## [1.1.0] - 2026-12-01

- An older thing.
`

describe('release notes', () => {
  test('are the section of the tagged version, and the major tag is v + its major', () => {
    expect(releaseNotes('v1.2.0', '1.2.0', CHANGELOG)).toEqual({
      notes: '### Added\n\n- A thing.',
      major: 'v1'
    })
  })

  test.each([
    ['1.2.0', '1.2.0', /tag '1\.2\.0' is not a release tag: push one named vX\.Y\.Z/],
    ['v1.2', '1.2.0', /not a release tag/],
    ['v1.2.0-rc.1', '1.2.0', /not a release tag/],
    ['v1.2.1', '1.2.0', /does not match package\.json's version 1\.2\.0: set "version" to 1\.2\.1/],
    ['v1.3.0', '1.3.0', /CHANGELOG\.md has no '## \[1\.3\.0\] - YYYY-MM-DD' section/]
  ])('refuse tag %s with package version %s', (tag, version, message) => {
    expect(() => releaseNotes(tag, version, CHANGELOG)).toThrow(message)
  })

  test('refuse an empty section', () => {
    expect(() =>
      releaseNotes('v2.0.0', '2.0.0', '## [2.0.0] - 2027-02-02\n\n## [1.0.0]\n')
    ).toThrow(/section is empty/)
  })

  test("this repository's package.json version has its CHANGELOG section", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(
      releaseNotes(`v${version}`, version, readFileSync('CHANGELOG.md', 'utf8')).notes
    ).toMatch(/\S/)
  })
})

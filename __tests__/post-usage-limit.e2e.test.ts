// A subscription's usage limit is not a credential failure: the bundled post step reports it as a warning with its
// reset time and never fails the job for it, under the default `fail-on-auth-error: true`; a credential failure in
// the same log still does.
import { expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from './support/runner.js'

const POST = 'dist/post/index.js'
const LIMIT = "⎿  You've hit your limit · resets 3:30am (UTC)"
const EXPIRED =
  'Error: Claude run failed: API Error: 401 OAuth token has expired. Please run /login'

async function postOn(lines: string[]) {
  const workspace = mkdtempSync(join(tmpdir(), 'usage-limit-'))
  const log = join(workspace, 'claude.log')
  writeFileSync(log, `${lines.join('\n')}\n`)
  return runAction(POST, { inputs: { 'claude-output': log }, env: { GITHUB_WORKSPACE: workspace } })
}

const annotations = (result: Awaited<ReturnType<typeof runAction>>, command: string) =>
  result.commands.filter(c => c.command === command)

test('a usage limit alone: a warning with its reset time, and the job passes', async () => {
  const result = await postOn(['working on it', LIMIT])
  expect(result.code).toBe(0)
  expect(annotations(result, 'error')).toEqual([])
  const warnings = annotations(result, 'warning')
  expect(warnings).toHaveLength(1)
  expect(warnings[0]?.properties).toContain('Claude usage limit reached (usage-limit)')
  expect(warnings[0]?.message).toContain('resets 3:30am')
  expect(result.summary).toContain('usage limit')
})

test('a usage limit beside a credential failure: the failure still fails the job', async () => {
  const result = await postOn([LIMIT, EXPIRED])
  expect(result.code).toBe(1)
  expect(
    annotations(result, 'error')
      .map(c => c.properties)
      .join('\n')
  ).toContain('Anthropic credential expired')
  expect(
    annotations(result, 'warning')
      .map(c => c.properties)
      .join('\n')
  ).toContain('Claude usage limit reached')
})

test('a flood of usage limits, past the findings kept, still never fails the job', async () => {
  const result = await postOn(Array.from({ length: 250 }, () => LIMIT))
  expect(result.code).toBe(0)
  expect(annotations(result, 'error')).toEqual([])
})

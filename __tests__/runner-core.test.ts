// The main step's runner protocol (src/action/runner-core.ts) must write exactly what @actions/core writes.
import { describe, expect, it } from '@jest/globals'
import * as actionsCore from '@actions/core'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerCore } from '../src/action/runner-core.js'
import type { Core } from '../src/common/core.js'

/** Runs the same calls through one implementation; returns stdout and the command files, delimiters normalised. */
async function record(core: Core): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-core-'))
  const files = { OUTPUT: 'output', ENV: 'env', STATE: 'state', STEP_SUMMARY: 'summary' }
  for (const [kind, name] of Object.entries(files)) {
    writeFileSync(join(dir, name), '')
    process.env[`GITHUB_${kind}`] = join(dir, name)
  }
  process.env.INPUT_SOME_INPUT = '  spaced value \n'
  process.env.STATE_saved = 'from main'
  const written: string[] = []
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string) => {
    written.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  const exitCode = process.exitCode
  try {
    core.info(
      `${core.getInput('some input')}|${core.getInput('some input', { trimWhitespace: false })}|${core.getInput('absent')}`
    )
    core.info(core.getState('saved'))
    core.setSecret('sk-ant-api03-a%b\nc:d,e')
    core.setOutput('status', 'valid')
    core.setOutput('multi', 'line one\nline two')
    core.setOutput('number', 42 as unknown as string)
    core.exportVariable('CLAUDE_CODE_OAUTH_TOKEN', 'tok')
    core.saveState('preflight', JSON.stringify({ a: 1 }))
    core.debug('debug 100% sure\r\n')
    core.notice('a note')
    core.warning('a warning: with, punctuation', { title: 'Title: with, commas' })
    core.error(new Error('boom'))
    core.error('failed', {
      title: 'T',
      file: 'a.yml',
      startLine: 3,
      endLine: 4,
      startColumn: 1,
      endColumn: 2
    })
    core.setFailed('gave up')
    await core.summary.addRaw('## Heading\n').addRaw('| a |', true).write()
  } finally {
    process.stdout.write = write
  }
  const failed = process.exitCode
  process.exitCode = exitCode
  const normalise = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')
  return {
    stdout: normalise(written.join('')),
    exitCode: String(failed),
    ...Object.fromEntries(
      Object.entries(files).map(([, name]) => [
        name,
        normalise(readFileSync(join(dir, name), 'utf8'))
      ])
    )
  }
}

describe('runner-core', () => {
  it('writes byte for byte what @actions/core writes', async () => {
    const expected = await record(actionsCore as unknown as Core)
    const actual = await record(runnerCore)
    expect(actual).toEqual(expected)
    expect(expected.output).toContain('multi<<ghadelimiter_X\nline one\nline two\nghadelimiter_X')
    expect(expected.stdout).toContain('::add-mask::sk-ant-api03-a%25b%0Ac:d,e')
  })
})

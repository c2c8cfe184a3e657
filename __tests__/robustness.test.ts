// Faults of the action's own making, each once seen in the field: a missing job summary failing a valid key, a bug
// passing as a network error, a closed pipe crashing the CLI, booleans read three ways.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { runAction } from './support/runner.js'

const MAIN = 'dist/main/index.js'
const KEY = 'sk-ant-api03-ROBUST-valid-key-0123456789'

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>

beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' } })
})
afterAll(() => api.close())

describe('main step without a job summary', () => {
  it('passes a valid key when GITHUB_STEP_SUMMARY is unset, and says the summary was not written', async () => {
    const result = await runAction(MAIN, {
      inputs: {
        'anthropic-api-key': KEY,
        'anthropic-base-url': api.url,
        'probe-timeout': '30s',
        'min-remaining': '30m'
      },
      env: { GITHUB_STEP_SUMMARY: undefined }
    })
    expect(result.outputs).toMatchObject({ status: 'valid', valid: 'true' })
    expect(result.code).toBe(0)
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    expect(result.stdout).toMatch(
      /::warning::claude-preflight: could not write the job summary: .*GITHUB_STEP_SUMMARY/
    )
  })
})

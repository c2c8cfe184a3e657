// The one declaration of the inputs against action.yml, and the parsers against what they promise to match.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { parse } from 'yaml'
import { ALL_INPUTS, PLAIN_INPUTS, defaultOf } from '../src/inputs/declared.js'
import { parseBoolean } from '../src/inputs/parse.js'
import { inputError, UserError } from '../src/common/errors.js'

const ACTION = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: unknown }>
}

describe('the declaration of the inputs', () => {
  it('declares every input of action.yml once, and no other', () => {
    expect(new Set(ALL_INPUTS).size).toBe(ALL_INPUTS.length)
    expect([...ALL_INPUTS].sort()).toEqual(Object.keys(ACTION.inputs).sort())
  })

  it("gives an input that never holds a secret action.yml's default", () => {
    for (const name of PLAIN_INPUTS)
      expect([name, defaultOf(name)]).toEqual([name, String(ACTION.inputs[name]?.default ?? '')])
  })

  it('leaves every input that may hold a secret empty by default, but github-token', () => {
    const secret = ALL_INPUTS.filter(name => !PLAIN_INPUTS.includes(name))
    for (const name of secret)
      expect([name, ACTION.inputs[name]?.default]).toEqual([
        name,
        name === 'github-token' ? '${{ github.token }}' : ''
      ])
  })
})

describe('parseBoolean', () => {
  afterEach(() => {
    delete process.env.INPUT_FLAG
  })

  /** What `core.getBooleanInput` makes of `value`: true, false, or 'refused'. */
  const toolkit = (value: string): boolean | 'refused' => {
    process.env.INPUT_FLAG = value
    try {
      return core.getBooleanInput('flag')
    } catch {
      return 'refused'
    }
  }
  const ours = (value: string): boolean | 'refused' => {
    try {
      return parseBoolean('flag', value)
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      return 'refused'
    }
  }

  it('accepts what core.getBooleanInput accepts, and refuses what it refuses', () => {
    const values = [
      ...['true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
      ...[' true ', '\tFALSE\n', 'tRue', 'fAlse', 'yes', 'no', 'on', 'off', 'y', 'n'],
      ...['1', '0', 'true1', 't', '"true"', "'false'", 'true false', 'ｔrue', 'null']
    ]
    for (const value of values) expect([value, ours(value)]).toEqual([value, toolkit(value)])
  })
})

describe('inputError', () => {
  it('ends the fix with one period, whether or not it has one', () => {
    const without = inputError('min-remaining', "is 'x'", 'Use 2h').message
    const withOne = inputError('min-remaining', "is 'x'", 'Use 2h.').message
    expect(without).toBe("claude-preflight: input 'min-remaining' is 'x'. Use 2h.")
    expect(withOne).toBe(without)
  })
})

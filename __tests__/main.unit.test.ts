// main(deps) with a recording core: what is masked, and how faults that are not bad input are reported.
import { describe, expect, it } from '@jest/globals'
import { main } from '../src/action/main.js'
import type { Core } from '../src/common/core.js'

function recordingCore(inputs: Record<string, string>) {
  const calls: Array<[string, ...unknown[]]> = []
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
    }
  const core = {
    getInput: (name: string, options?: { trimWhitespace?: boolean }) => {
      const value = inputs[name] ?? ''
      return options?.trimWhitespace === false ? value : value.trim()
    },
    setOutput: record('setOutput'),
    setSecret: record('setSecret'),
    setFailed: record('setFailed'),
    saveState: record('saveState'),
    info: record('info'),
    notice: record('notice'),
    warning: record('warning'),
    error: record('error'),
    debug: record('debug'),
    summary: { addRaw: () => ({ write: async () => undefined }) }
  } as unknown as Core
  return {
    core,
    calls,
    named: (name: string) => calls.filter(c => c[0] === name).map(c => c.slice(1))
  }
}

const deps = (core: Core, send: () => Promise<never>) => ({
  core,
  env: {},
  send,
  now: () => new Date()
})

describe('main', () => {
  it('reports a fault of its own without calling the input invalid, with the stack only in debug', async () => {
    const { core, named } = recordingCore({
      'anthropic-api-key': 'sk-ant-api03-unit',
      'min-remaining': '1m'
    })
    await main(
      deps(core, async () => {
        throw new Error('disk on fire')
      })
    )
    expect(named('setFailed')).toEqual([['claude-preflight: disk on fire']])
    expect(named('setOutput').find(([name]) => name === 'status')).toBeUndefined()
    expect(String(named('debug')[0]?.[0])).toMatch(/Error: disk on fire\n\s+at /)
  })

  it('masks the tokens inside claude-credentials but not its scopes', async () => {
    const credentials = JSON.stringify({
      claudeAiOauth: {
        accessToken: 'sk-ant-oat01-unit-access',
        refreshToken: 'sk-ant-ort01-unit-refresh',
        expiresAt: Date.now() + 3_600_000,
        scopes: ['user:inference', 'user:profile'],
        subscriptionType: 'max'
      }
    })
    const { core, named } = recordingCore({
      'claude-credentials': credentials,
      'anthropic-base-url': 'bad url'
    })
    await main(deps(core, async () => Promise.reject(new Error('unused'))))
    const masked = named('setSecret').map(([value]) => value)
    expect(masked).toEqual(
      expect.arrayContaining(['sk-ant-oat01-unit-access', 'sk-ant-ort01-unit-refresh', credentials])
    )
    expect(masked).not.toContain('user:inference')
    expect(masked).not.toContain('max')
  })

  it('refuses a secret in ANTHROPIC_BASE_URL without quoting it', async () => {
    const { core, named } = recordingCore({ 'anthropic-api-key': 'sk-ant-api03-unit' })
    const secret = 'sk-ant-api03-pasted-into-the-url-variable'
    await main({
      ...deps(core, async () => Promise.reject(new Error('unused'))),
      env: { ANTHROPIC_BASE_URL: secret }
    })
    const [message] = named('setFailed')[0] ?? []
    expect(message).toMatch(/'ANTHROPIC_BASE_URL' holds an Anthropic API key/)
    expect(message).not.toContain(secret)
    expect(named('setSecret').map(([value]) => value)).toContain(secret)
  })
})

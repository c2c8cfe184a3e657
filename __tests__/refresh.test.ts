import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { send } from '../src/http/request.js'
import type { ProbeResult } from '../src/probe/types.js'
import { UserError } from '../src/report/errors.js'
import {
  finishWriteBack,
  readRefreshInputs,
  refreshAndHandOff,
  RefreshFailure,
  StaleCredentialsError
} from '../src/refresh/index.js'
import {
  GHS,
  SECRET,
  credentialOf,
  jobEnv,
  recordingCore,
  refreshInputs,
  startChain,
  type Chain
} from './support/refresh-chain.js'

const fast = { retry: { baseDelayMs: 5 }, oauth: { baseDelayMs: 5 }, lockPollMs: 20 }
let chain: Chain | undefined
afterEach(async () => {
  await chain?.close()
  chain = undefined
})

function probeFor(c: Chain, calls: string[]) {
  return async (accessToken: string): Promise<ProbeResult> => {
    // Ordering: by the time the new access token is used, the secret already holds the newest refresh token.
    calls.push(
      c.secretValue()?.includes(c.oauth.current) ? 'persisted-before-use' : 'used-before-persisted'
    )
    const latest = c.oauth.issued.at(-1)?.accessToken
    return {
      status: accessToken === latest ? 'valid' : 'invalid',
      message: 'stand-in probe',
      attempts: 1,
      elapsedMs: 1
    }
  }
}

describe('refreshAndHandOff', () => {
  it('refreshes, writes the rotated secret before using the token, hands it on masked', async () => {
    chain = await startChain()
    const c = chain
    const rec = recordingCore()
    const calls: string[] = []
    const env = jobEnv(c, { CLAUDE_CONFIG_DIR: '' })
    env.CLAUDE_CONFIG_DIR = join(env.HOME as string, 'claude-config')
    const outcome = await refreshAndHandOff({
      core: rec.core,
      send,
      env,
      now: () => new Date(),
      inputs: refreshInputs(c, { 'write-credentials-file': 'true' }),
      credential: credentialOf(c.seeded),
      probe: probeFor(c, calls),
      tuning: { ...fast, processStart: new Date() }
    })
    const [pair] = c.oauth.issued
    expect(c.oauth.refreshes).toBe(1)
    expect(c.oauth.replays).toBe(0)
    expect(calls).toEqual(['persisted-before-use'])
    expect(outcome.writeBack).toBe('written')
    expect(outcome.probe.status).toBe('valid')
    expect(outcome.credential.secret).toBe(pair?.accessToken)
    expect(outcome.credential.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000)

    const stored = JSON.parse(c.secretValue() as string)
    expect(stored.claudeAiOauth.refreshToken).toBe(pair?.refreshToken)
    expect(stored.claudeAiOauth.accessToken).toBe(pair?.accessToken)
    expect(stored.claudeAiOauth.subscriptionType).toBe('max')
    expect(rec.outputs).toMatchObject({ refreshed: 'true', 'oauth-token': pair?.accessToken })
    expect(JSON.parse(rec.outputs['claude-credentials'] as string)).toEqual(stored)
    expect(rec.exported.CLAUDE_CODE_OAUTH_TOKEN).toBe(pair?.accessToken)

    const file = join(env.CLAUDE_CONFIG_DIR, '.credentials.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(stored)
    // State holds only the path of a 0600 file; nothing logged or stored gives a token away.
    const pendingPath = rec.saved['refresh-pending'] as string
    expect(pendingPath.startsWith(env.RUNNER_TEMP as string)).toBe(true)
    expect(statSync(pendingPath).mode & 0o777).toBe(0o600)
    expect(rec.leaks([pair!.accessToken, pair!.refreshToken, c.seeded])).toEqual([])
    // The lock is gone, and the sealed value sent was masked.
    expect(c.github.state.git.refs['acme/app']).toEqual({})
    const put = c.github.requests.find(r => r.method === 'PUT')
    expect(rec.masked).toContain(JSON.parse(put.text).encrypted_value)
  })

  it('reports a stale secret without touching the chain', async () => {
    chain = await startChain({ seedUpdatedAt: new Date() })
    const rec = recordingCore()
    const error = await refreshAndHandOff({
      core: rec.core,
      send,
      env: jobEnv(chain),
      now: () => new Date(),
      inputs: refreshInputs(chain),
      credential: credentialOf(chain.seeded),
      probe: probeFor(chain, []),
      tuning: { ...fast, processStart: new Date(Date.now() - 60_000) }
    }).catch(e => e)
    expect(error).toBeInstanceOf(StaleCredentialsError)
    expect(error.message).toMatch(
      /^claude-preflight: repository secret CLAUDE_CREDENTIALS of acme\/app was rewritten at .* Re-run this job .* `concurrency:` group/
    )
    expect(chain.oauth.requests).toHaveLength(0)
    expect(chain.github.state.git.refs['acme/app']).toEqual({})
  })

  it('reads when the job read its secrets from the jobs of the run attempt', async () => {
    chain = await startChain({ seedUpdatedAt: new Date(Date.now() - 30_000) })
    // The job started before the secret was rewritten: stale, though this process started later.
    chain.github.state.jobs = {
      '4242/1': [
        {
          id: 1,
          name: 'other',
          status: 'in_progress',
          started_at: new Date().toISOString(),
          runner_name: 'r2'
        },
        {
          id: 2,
          name: 'claude',
          status: 'in_progress',
          started_at: new Date(Date.now() - 60_000).toISOString(),
          runner_name: 'r1'
        }
      ]
    }
    const error = await refreshAndHandOff({
      core: recordingCore().core,
      send,
      env: jobEnv(chain, { RUNNER_NAME: 'r1' }),
      now: () => new Date(),
      inputs: refreshInputs(chain),
      credential: credentialOf(chain.seeded),
      probe: probeFor(chain, []),
      tuning: { ...fast, processStart: new Date() }
    }).catch(e => e)
    expect(error).toBeInstanceOf(StaleCredentialsError)
    expect(error.message).toContain('job start')
    expect(chain.oauth.refreshes).toBe(0)
  })

  it('refuses GITHUB_TOKEN as secrets-token before using up the refresh token', async () => {
    chain = await startChain()
    const error = await refreshAndHandOff({
      core: recordingCore().core,
      send,
      env: jobEnv(chain),
      now: () => new Date(),
      inputs: refreshInputs(chain, { 'secrets-token': GHS }),
      credential: credentialOf(chain.seeded),
      probe: probeFor(chain, []),
      tuning: fast
    }).catch(e => e)
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/GITHUB_TOKEN, which cannot write secrets.*Nothing was refreshed/)
    expect(chain.oauth.refreshes).toBe(0)
  })

  it.each([
    [
      'invalid_grant (already used)',
      'used',
      [],
      'invalid_grant',
      /already used.*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/
    ],
    ['429 then success', 'live', [{ status: 429, headers: { 'retry-after': '0' } }], 'ok', /./],
    [
      '5xx on every attempt',
      'live',
      Array(4).fill({ status: 503 }),
      'server',
      /failed \(503.*4 attempts/
    ],
    [
      'answer lost after rotation',
      'live',
      ['rotate-then-reset'],
      'lost_answer',
      /answer was lost.*chain is broken.*gh secret set/
    ],
    [
      'wrong client id',
      'live',
      [{ status: 401, body: { error: 'invalid_client' } }],
      'unauthorized',
      /oauth-client-id/
    ]
  ])('classifies the token endpoint: %s', async (_name, token, faults, expected, message) => {
    chain = await startChain({ oauthFaults: faults })
    const c = chain
    let json = c.seeded
    if (token === 'used') {
      // Someone else refreshed this chain and kept the result.
      await send({
        url: c.oauth.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'refresh_token',
          refresh_token: c.oauth.current,
          client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e'
        })
      })
      json = c.seeded
    }
    const rec = recordingCore()
    const result = await refreshAndHandOff({
      core: rec.core,
      send,
      env: jobEnv(c),
      now: () => new Date(),
      inputs: refreshInputs(c, { 'claude-credentials': json }),
      credential: credentialOf(json),
      probe: probeFor(c, []),
      tuning: { ...fast, processStart: new Date() }
    }).catch(e => e)
    if (expected === 'ok') {
      expect(result.writeBack).toBe('written')
      expect(c.secretValue()).toContain(c.oauth.current)
    } else {
      expect(result).toBeInstanceOf(RefreshFailure)
      expect(result.kind).toBe(expected)
      expect(result.message).toMatch(message)
      expect(result.message.split('\n')).toHaveLength(1)
    }
    expect(rec.leaks(c.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken]))).toEqual([])
  })

  it('writes back, at job end, the refresh token Claude Code rotated during the run', async () => {
    chain = await startChain()
    const c = chain
    const env = jobEnv(c)
    const main = recordingCore()
    await refreshAndHandOff({
      core: main.core,
      send,
      env,
      now: () => new Date(),
      inputs: refreshInputs(c, { 'write-credentials-file': 'true' }),
      credential: credentialOf(c.seeded),
      probe: probeFor(c, []),
      tuning: { ...fast, processStart: new Date() }
    })
    // The CLI refreshes during the run and rewrites its credentials file.
    const file = join(env.HOME as string, '.claude', '.credentials.json')
    const before = JSON.parse(readFileSync(file, 'utf8'))
    const answer = await send({
      url: c.oauth.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: before.claudeAiOauth.refreshToken,
        client_id: '9d1c250a-e61b-44d9-88ed-5944d1962f5e'
      })
    })
    const rotated = JSON.parse(answer.text)
    before.claudeAiOauth.refreshToken = rotated.refresh_token
    before.claudeAiOauth.accessToken = rotated.access_token
    const { writePrivateFile } = await import('../src/refresh/credentials.js')
    await writePrivateFile(file, JSON.stringify(before, null, 2))

    const post = recordingCore(main.saved)
    const outcome = await finishWriteBack({
      core: post.core,
      env,
      now: () => new Date(),
      inputs: refreshInputs(c),
      tuning: fast
    })
    expect(outcome).toMatchObject({ status: 'written', why: 'rotated-by-cli' })
    expect(JSON.parse(c.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      rotated.refresh_token
    )
    expect(c.oauth.replays).toBe(0)
    expect(post.masked).toContain(rotated.refresh_token)
    expect(post.leaks([rotated.refresh_token, rotated.access_token])).toEqual([])
    // Nothing left for a second post run.
    expect(
      await finishWriteBack({
        core: post.core,
        env,
        now: () => new Date(),
        inputs: refreshInputs(c),
        tuning: fast
      })
    ).toEqual({ status: 'none' })
  })
})

describe('readRefreshInputs', () => {
  const read = (values: Record<string, string>) => () =>
    readRefreshInputs(name => values[name] ?? '')
  it('takes the defaults', () => {
    expect(read({})()).toMatchObject({
      tokenUrl: 'https://platform.claude.com/v1/oauth/token',
      clientId: '9d1c250a-e61b-44d9-88ed-5944d1962f5e',
      secretName: SECRET,
      secretScope: { kind: 'repo' },
      exportEnv: false
    })
    expect(read({ 'secret-scope': 'environment:prod' })().secretScope).toEqual({
      kind: 'environment',
      environment: 'prod'
    })
  })
  it.each([
    [
      { 'oauth-token-url': 'http://example.com/token' },
      /^claude-preflight: input 'oauth-token-url' is 'http:\/\/example.com', not https\. /
    ],
    [
      { 'export-env': 'yes' },
      /^claude-preflight: input 'export-env' is 'yes', not a boolean\. Use 'true' or 'false'\.$/
    ],
    [
      { 'secret-scope': 'team' },
      /input 'secret-scope' is 'team'\. Use 'repo', 'environment:<name>'/
    ],
    [{ 'secret-name': 'GITHUB_X' }, /input 'secret-name' is 'GITHUB_X', not a valid secret name/]
  ])('rejects %o', (values, message) => {
    expect(read(values)).toThrow(message)
  })
})

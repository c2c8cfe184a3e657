import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { send } from '../src/http/request.js'
import type { ProbeResult } from '../src/probe/types.js'
import { UserError } from '../src/common/errors.js'
import { selectCredential } from '../src/providers/select.js'
import { LockError } from '../src/github/lock.js'
import {
  refreshAndHandOff,
  StaleCredentialsError,
  WriteBackError,
  type RefreshDeps
} from '../src/refresh/index.js'
import { finishWriteBack, SecretChangedError } from '../src/refresh/job-end.js'
import { lockBudget } from '../src/refresh/lock.js'
import { readRefreshInputs } from '../src/inputs/refresh.js'
import { TokenEndpointError } from '../src/refresh/oauth.js'
import {
  PAT,
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

/** The dependencies of one refresh against `c`: what most cases use, with `overrides` for what a case varies. */
function depsFor(
  c: Chain,
  overrides: Partial<Omit<RefreshDeps, 'inputs'>> & { inputs?: Record<string, string> } = {}
): RefreshDeps {
  const { inputs, ...rest } = overrides
  return {
    core: recordingCore().core,
    send,
    env: jobEnv(c),
    now: () => new Date(),
    inputs: refreshInputs(c, inputs),
    credential: credentialOf(c.seeded),
    probe: probeFor(c, []),
    tuning: { ...fast, processStart: new Date() },
    ...rest
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
    const outcome = await refreshAndHandOff(
      depsFor(c, {
        core: rec.core,
        env,
        inputs: { 'write-credentials-file': 'true' },
        probe: probeFor(c, calls)
      })
    )
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
    // State binds a 0600 file that, the write-back done, keeps no token: only what post needs to read the
    // credentials file back. Nothing logged or stored gives a token away.
    const binding = JSON.parse(rec.saved['refresh-pending'] as string)
    expect(binding).toEqual({
      path: expect.stringMatching(/claude-preflight-refresh-\d+\.json$/),
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      credentialsFile: file
    })
    expect(binding.path.startsWith(env.RUNNER_TEMP as string)).toBe(true)
    expect(statSync(binding.path).mode & 0o777).toBe(0o600)
    const pendingText = readFileSync(binding.path, 'utf8')
    expect(JSON.parse(pendingText)).not.toHaveProperty('value')
    expect(pendingText).not.toContain(pair!.refreshToken)
    expect(rec.leaks([pair!.accessToken, pair!.refreshToken, c.seeded])).toEqual([])
    // The lock is gone, and the sealed value sent was masked.
    expect(c.github.state.git.refs['acme/app']).toEqual({})
    const put = c.github.requests.find(r => r.method === 'PUT')
    expect(rec.masked).toContain(JSON.parse(put.text).encrypted_value)
  })

  it('reports a stale secret without touching the chain', async () => {
    chain = await startChain({ seedUpdatedAt: new Date() })
    const rec = recordingCore()
    const error = await refreshAndHandOff(
      depsFor(chain, {
        core: rec.core,
        tuning: { ...fast, processStart: new Date(Date.now() - 60_000) }
      })
    ).catch(e => e)
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
    const error = await refreshAndHandOff(
      depsFor(chain, { env: jobEnv(chain, { RUNNER_NAME: 'r1' }) })
    ).catch(e => e)
    expect(error).toBeInstanceOf(StaleCredentialsError)
    expect(error.message).toContain('job start')
    expect(chain.oauth.refreshes).toBe(0)
  })

  it.each([
    [
      'invalid_grant (already used)',
      'used',
      [],
      'invalid_grant',
      /most likely already used: by an earlier run that refreshed without saving the rotated one \(no 'secrets-token', or a write-back that failed\), by another workflow or job that reads the same secret, or by Claude Code where you log in with the same credentials.*revoked.*Re-seed the credentials: .*gh secret set CLAUDE_CREDENTIALS --repo acme\/app/
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
    const result = await refreshAndHandOff(
      depsFor(c, {
        core: rec.core,
        inputs: { 'claude-credentials': json },
        credential: credentialOf(json)
      })
    ).catch(e => e)
    if (expected === 'ok') {
      expect(result.writeBack).toBe('written')
      expect(c.secretValue()).toContain(c.oauth.current)
    } else {
      expect(result).toBeInstanceOf(TokenEndpointError)
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
    await refreshAndHandOff(
      depsFor(c, { core: main.core, env, inputs: { 'write-credentials-file': 'true' } })
    )
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
    // Nothing left on the runner: neither the write-back file nor the credentials file.
    expect(existsSync(JSON.parse(main.saved['refresh-pending'] as string).path)).toBe(false)
    expect(existsSync(file)).toBe(false)
  })
})

describe('the credential as selection read it', () => {
  const select = (inputs: Record<string, string>) =>
    selectCredential({ input: name => inputs[name] ?? '', now: new Date() }, {})

  it('refreshes the JSON selection cleaned: a quoted paste keeps its other fields', async () => {
    chain = await startChain()
    const c = chain
    const quoted = `'${c.seeded}'\n`
    const { chosen } = select({ 'claude-credentials': quoted })
    const rec = recordingCore()
    await refreshAndHandOff(
      depsFor(c, { core: rec.core, inputs: { 'claude-credentials': quoted }, credential: chosen! })
    )
    const stored = JSON.parse(c.secretValue() as string)
    expect(stored.claudeAiOauth).toMatchObject({
      refreshToken: c.oauth.current,
      subscriptionType: 'max'
    })
    expect(JSON.parse(rec.outputs['claude-credentials'] as string)).toEqual(stored)
  })

  it('gives oauth-refresh-token to the credentials JSON that lacks one, and writes the JSON back', async () => {
    chain = await startChain()
    const c = chain
    const json = JSON.stringify({
      claudeAiOauth: {
        accessToken: 'sk-ant-oat01-old-access-token',
        expiresAt: Date.now() + 60_000,
        subscriptionType: 'max'
      }
    })
    const selection = select({ 'claude-credentials': json, 'oauth-refresh-token': c.oauth.current })
    // One credential, no false "ignored" warning, and the access token is there to be probed.
    expect(selection.others).toEqual([])
    expect(selection.warnings).toEqual([])
    expect(selection.chosen).toMatchObject({
      source: 'claude-credentials',
      secret: 'sk-ant-oat01-old-access-token',
      refreshToken: c.oauth.current
    })
    expect(selection.chosen?.notes.join('\n')).toMatch(
      /'oauth-refresh-token' is used as the refresh token of the subscription access token from input claude-credentials; a refresh writes the credentials JSON back/
    )
    const outcome = await refreshAndHandOff(
      depsFor(c, { inputs: { 'claude-credentials': json }, credential: selection.chosen! })
    )
    expect(outcome.writeBack).toBe('written')
    // The next run reads the rotated refresh token from the JSON, not the used one in oauth-refresh-token.
    const stored = JSON.parse(c.secretValue() as string)
    expect(stored.claudeAiOauth).toMatchObject({
      refreshToken: c.oauth.current,
      subscriptionType: 'max'
    })
    const next = select({
      'claude-credentials': c.secretValue() as string,
      'oauth-refresh-token': c.oauth.issued.length ? 'sk-ant-ort01-used' : ''
    })
    expect(next.chosen?.refreshToken).toBe(c.oauth.current)
    expect(next.warnings.join('\n')).toMatch(/'oauth-refresh-token' is ignored/)
  })

  it('writes a lone oauth-refresh-token back alone, as it was given', async () => {
    chain = await startChain()
    const c = chain
    const { chosen } = select({ 'oauth-refresh-token': c.oauth.current })
    expect(chosen).toMatchObject({ secret: '', refreshToken: c.oauth.current })
    await refreshAndHandOff(
      depsFor(c, { inputs: { 'claude-credentials': '' }, credential: chosen! })
    )
    expect(c.secretValue()).toBe(c.oauth.current)
  })
})

describe('the lock outlasts the refresh and its write-back', () => {
  it('sizes the lock to the budgets of the work done under it', async () => {
    chain = await startChain()
    const c = chain
    const started = Date.now()
    await refreshAndHandOff(depsFor(c))
    const target = { scope: { kind: 'repo' as const }, name: SECRET, owner: 'acme', repo: 'app' }
    const budget = lockBudget(target, undefined)
    // The metadata read, the job list, the refresh, the public key and the PUT, each at its worst.
    expect(budget).toEqual({ beforeRefresh: 120_000, refreshAndWrite: 240_000 })
    const lockCommits = Object.values(
      c.github.state.git.commits as Record<string, { message: string }>
    )
      .map(commit => /^expires-at: (\S+)$/m.exec(commit.message)?.[1])
      .filter((at): at is string => at !== undefined)
    expect(lockCommits.length).toBeGreaterThan(0)
    for (const at of lockCommits)
      expect(Date.parse(at) - started).toBeGreaterThan(
        budget.beforeRefresh + budget.refreshAndWrite
      )
  })

  it('refreshes nothing when the lock would expire before the refresh and the write could end', async () => {
    chain = await startChain()
    const c = chain
    const error = await refreshAndHandOff(
      depsFor(c, {
        // A lock that lives 2 s, against a refresh that may take 5 s and a write 1 s.
        tuning: {
          ...fast,
          lockTtlMs: 2000,
          githubTimeoutMs: 250,
          retry: { baseDelayMs: 5, budgetMs: 250 },
          oauth: { baseDelayMs: 5, budgetMs: 4000, timeoutMs: 1000 },
          processStart: new Date()
        }
      })
    ).catch(e => e)
    expect(error).toBeInstanceOf(LockError)
    expect(error.message).toMatch(
      /^claude-preflight: the refresh lock refs\/claude-preflight\/locks\/repo\/CLAUDE_CREDENTIALS expires in \d s, before a refresh and its write-back are sure to end \(up to 6 s;.*Nothing was refreshed\. Re-run this job\.$/
    )
    expect(c.oauth.requests).toHaveLength(0)
    expect(c.github.state.git.refs['acme/app']).toEqual({})
  })
})

describe('after the refresh', () => {
  it('turns a failed hand-off into a warning and keeps the write-back failure and its recovery', async () => {
    chain = await startChain()
    const c = chain
    c.githubFault.fn = request =>
      request.method === 'PUT'
        ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
        : undefined
    const rec = recordingCore()
    rec.core.exportVariable = () => {
      throw new Error('Missing file at path: /gone/env')
    }
    const env = jobEnv(c)
    // A credentials file that cannot be written: its directory is a file.
    const blocked = join(env.HOME as string, 'not-a-dir')
    writeFileSync(blocked, '')
    env.CLAUDE_CONFIG_DIR = join(blocked, 'claude')
    const error = await refreshAndHandOff(
      depsFor(c, { core: rec.core, env, inputs: { 'write-credentials-file': 'true' } })
    ).catch(e => e)
    expect(error).toBeInstanceOf(WriteBackError)
    expect(error.message).toMatch(
      /^claude-preflight: refreshed the OAuth token, but could not save the rotated refresh token .*HTTP 403 .*This run still has the new credentials \(outputs oauth-token and claude-credentials; run the Claude step with `if: \$\{\{ success\(\) \|\| \(!cancelled\(\) && steps\.preflight\.outputs\.refreshed == 'true'\) \}\}`, as in the README, to use them\), and the post step tries the write again/
    )
    expect(error.message.split('\n')).toHaveLength(1)
    const { warnings } = error.outcome
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(
      /^claude-preflight: refreshed the OAuth token, but could not hand it to CLAUDE_CODE_OAUTH_TOKEN \(Missing file at path: \/gone\/env\)\.$/
    )
    expect(warnings[1]).toMatch(/could not hand it to .*not-a-dir\/claude\/\.credentials\.json \(/)
    expect(rec.outputs['oauth-token']).toBe(c.oauth.issued.at(-1)?.accessToken)
    expect(rec.leaks(c.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken]))).toEqual([])
  })

  it('refuses to run outside GitHub Actions with a UserError, before refreshing', async () => {
    chain = await startChain()
    const env = jobEnv(chain)
    delete env.GITHUB_REPOSITORY
    const error = await refreshAndHandOff(depsFor(chain, { env, tuning: fast })).catch(e => e)
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/^claude-preflight: GITHUB_REPOSITORY is not set/)
    expect(chain.oauth.refreshes).toBe(0)
  })

  it('tells a PAT passed as both tokens apart from GITHUB_TOKEN', async () => {
    chain = await startChain()
    const c = chain
    c.githubFault.fn = request =>
      request.method === 'PUT'
        ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
        : undefined
    const error = await refreshAndHandOff(depsFor(c, { inputs: { 'github-token': PAT } })).catch(
      e => e
    )
    expect(error).toBeInstanceOf(WriteBackError)
    expect(error.message).toMatch(/Fix: give 'secrets-token' "Secrets: write" on acme\/app\./)
    expect(error.message).not.toMatch(/GITHUB_TOKEN/)
  })

  it('leaves a secret someone else changed since the refresh, at job end', async () => {
    chain = await startChain()
    const c = chain
    c.githubFault.fn = request =>
      request.method === 'PUT' ? { status: 502, body: { message: 'Server Error' } } : undefined
    const env = jobEnv(c)
    const main = recordingCore()
    await refreshAndHandOff(
      depsFor(c, {
        core: main.core,
        env,
        tuning: { ...fast, retry: { baseDelayMs: 5, attempts: 1 }, processStart: new Date() }
      })
    ).catch(() => undefined)
    // Someone re-seeds the secret before the post step runs.
    c.githubFault.fn = undefined
    c.github.state.secrets['repo:acme/app'][SECRET].updated_at = '2099-01-01T00:00:00Z'
    const error = await finishWriteBack({
      core: recordingCore(main.saved).core,
      env,
      now: () => new Date(),
      inputs: refreshInputs(c),
      tuning: fast
    }).catch(e => e)
    expect(error).toBeInstanceOf(SecretChangedError)
    expect(error.message).toMatch(
      /^claude-preflight: did not write the newest refresh token to repository secret CLAUDE_CREDENTIALS of acme\/app .*changed by someone else at 2099-01-01T00:00:00Z/
    )
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
      /^claude-preflight: input 'oauth-token-url' uses http: to example\.com, in clear, instead of https:\. /
    ],
    [
      { 'export-env': 'yes' },
      /^claude-preflight: input 'export-env' is 'yes', not true or false\. Use 'true', 'True', 'TRUE', 'false', 'False', 'FALSE' \(YAML's spellings, as GitHub reads them\)\.$/
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

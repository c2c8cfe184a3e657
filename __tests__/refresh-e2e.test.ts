// Eight concurrent runs of the bundled main step (dist/main/index.js) against one refresh chain: the OAuth stand-in,
// the GitHub stand-in (secrets + refs) and the Anthropic stand-in for the verify probe. The chain must never break
// (no replay), each run either refreshes or reports the stale token, and no new token shows unmasked anywhere.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { runAction, type RunResult } from './support/runner.js'
import { GHS, PAT, SECRET, jobEnv, startChain, type Chain } from './support/refresh-chain.js'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'

const MAIN = 'dist/main/index.js'
const RUNS = 8

/* eslint-disable @typescript-eslint/no-explicit-any */
let chain: Chain
let anthropic: any
beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('run `npm run bundle` first')
  chain = await startChain()
  anthropic = await startAnthropicStandIn({
    credentials: { 'sk-ant-oat01-old-access-token': 'valid' }
  })
  // Every access token the OAuth stand-in issues is one the API accepts.
  const issue = chain.oauth.issued.push.bind(chain.oauth.issued)
  chain.oauth.issued.push = (...pairs) => {
    for (const pair of pairs) anthropic.set(pair.accessToken, 'valid')
    return issue(...pairs)
  }
})
afterAll(async () => {
  await chain?.close()
  await anthropic?.close()
})

function run(json: string, runId: number, extra: Record<string, string> = {}) {
  return runAction(MAIN, {
    inputs: {
      'claude-credentials': json,
      'anthropic-base-url': anthropic.url,
      'min-remaining': '1h',
      'oauth-token-url': chain.oauth.url,
      'secrets-token': PAT,
      'github-token': GHS,
      'secret-name': SECRET,
      'secret-scope': 'repo',
      'export-env': 'true',
      'on-expiring': 'auto',
      ...extra
    },
    env: { ...jobEnv(chain), GITHUB_RUN_ID: String(runId), RUNNER_NAME: `runner-${runId}` },
    timeoutMs: 60_000
  })
}

/** Where a token shows up other than in the `::add-mask::` line that masks it. */
function unmasked(result: RunResult, token: string): string[] {
  const where: string[] = []
  const lines = result.stdout.split('\n')
  const mask = lines.findIndex(line => line === `::add-mask::${token}`)
  lines.forEach((line, i) => {
    if (line.includes(token) && !line.startsWith('::add-mask::'))
      where.push(`stdout line ${i}${mask < 0 || mask > i ? ' (before its mask)' : ''}`)
  })
  if (result.stderr.includes(token)) where.push('stderr')
  if (result.files.summary.includes(token)) where.push('summary')
  if (result.files.state.includes(token)) where.push('state')
  return where
}

describe('eight concurrent runs of the bundled action on one chain', () => {
  it('never breaks the chain: one run refreshes, the others report the stale token', async () => {
    const seeded = chain.seeded
    const results = await Promise.all(Array.from({ length: RUNS }, (_, i) => run(seeded, 100 + i)))

    expect(chain.oauth.replays).toBe(0)
    const refreshed = results.filter(r => r.outputs.refreshed === 'true')
    const stale = results.filter(r =>
      r.commands.some(
        c => c.command === 'error' && /was rewritten at .*Re-run this job/.test(c.message)
      )
    )
    expect(refreshed.length).toBe(chain.oauth.refreshes)
    expect(refreshed.length).toBeGreaterThanOrEqual(1)
    expect(refreshed.length + stale.length).toBe(RUNS)
    for (const r of refreshed) {
      expect(r.code).toBe(0)
      expect(r.env.CLAUDE_CODE_OAUTH_TOKEN).toBe(r.outputs['oauth-token'])
      expect(chain.oauth.issued.map(p => p.accessToken)).toContain(r.outputs['oauth-token'])
    }
    for (const r of stale) {
      expect(r.code).toBe(1)
      expect(r.outputs.refreshed).toBe('false')
    }
    // The secret holds the head of the chain, and no lock is left.
    expect(JSON.parse(chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      chain.oauth.current
    )
    expect(chain.github.state.git.refs['acme/app']).toEqual({})
    // No new token unmasked in stdout, stderr, summary or state.
    const tokens = chain.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken])
    for (const r of results) for (const token of tokens) expect(unmasked(r, token)).toEqual([])
    for (const r of refreshed) expect(r.stdout).toContain(`::add-mask::${chain.oauth.current}`)

    // A re-run reads the secret the winner wrote (its job starts after that write) and refreshes on from there.
    chain.github.state.jobs = {
      '200/1': [
        {
          id: 7,
          name: 'claude',
          status: 'in_progress',
          started_at: new Date(Date.now() + 5000).toISOString(),
          runner_name: 'runner-200'
        }
      ]
    }
    const rerun = await run(chain.secretValue() as string, 200, { 'force-refresh': 'true' })
    expect(rerun.code).toBe(0)
    expect(rerun.outputs.refreshed).toBe('true')
    expect(chain.oauth.replays).toBe(0)
    expect(JSON.parse(chain.secretValue() as string).claudeAiOauth.refreshToken).toBe(
      chain.oauth.current
    )
    for (const token of chain.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken]))
      expect(unmasked(rerun, token)).toEqual([])
  })
})

// No default burns the refresh chain. A refresh uses up the refresh token it sends; without `secrets-token` (or with
// the workflow's GITHUB_TOKEN, which cannot write secrets) its successor is lost and the next run fails with
// invalid_grant. The bundled main step runs as the runner runs it, against the OAuth stand-in (which counts every
// token use), over every combination of on-expiring × force-refresh × secrets-token × the access token's state ×
// a refresh token or none. The rule (src/policy/decide.ts, resolveRefresh): the action refreshes only when the
// rotated token is saved, or when `on-expiring: refresh` is given by name, and then the summary says in bold that
// the secret's refresh token is used up, with the command that re-seeds it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import {
  GHS,
  PAT,
  SECRET,
  acceptIssuedTokens,
  credentialsJson,
  jobEnv,
  startChain
} from '../support/refresh-chain.js'
import { MAIN } from '../support/refresh-job.js'
import { runAction, type RunResult } from '../support/runner.js'

const OLD_ACCESS = 'sk-ant-oat01-old-access-token'
const REJECTED_ACCESS = 'sk-ant-oat01-expired-access-token'
const HOUR = 3_600_000

const ON_EXPIRING = ['auto', 'refresh', 'warn', 'fail'] as const
const FORCE = ['false', 'true'] as const
const SECRETS_TOKEN = { PAT, absent: '', GITHUB_TOKEN: GHS } as const
type SecretsToken = keyof typeof SECRETS_TOKEN
/** The access token beside the refresh token: outlasts `min-remaining`, expires before it, rejected by the API as expired, none. */
const ACCESS = ['lasts', 'expiring', 'rejected', 'none'] as const
type Access = (typeof ACCESS)[number]

interface Row {
  onExpiring: (typeof ON_EXPIRING)[number]
  force: (typeof FORCE)[number]
  secretsToken: SecretsToken
  access: Access
  refreshToken: boolean
}

const rows: Row[] = ON_EXPIRING.flatMap(onExpiring =>
  FORCE.flatMap(force =>
    (Object.keys(SECRETS_TOKEN) as SecretsToken[]).flatMap(secretsToken =>
      [true, false].flatMap(refreshToken =>
        // Without a refresh token there must be an access token.
        ACCESS.filter(access => refreshToken || access !== 'none').map(access => ({
          onExpiring,
          force,
          secretsToken,
          access,
          refreshToken
        }))
      )
    )
  )
)

const name = (row: Row) =>
  `on-expiring ${row.onExpiring}, force-refresh ${row.force}, secrets-token ${row.secretsToken}, access ${row.access}, ${row.refreshToken ? 'refresh token' : 'no refresh token'}`

/** What the rule says this row does: whether it refreshes, and whether that is the explicit, unsaved kind. */
function expected(row: Row): { refreshes: boolean; unsaved: boolean } {
  const saves = row.secretsToken === 'PAT'
  const allowed =
    row.refreshToken &&
    row.secretsToken !== 'GITHUB_TOKEN' &&
    (row.onExpiring === 'refresh' || (row.onExpiring === 'auto' && saves))
  const needed = row.access !== 'lasts' || row.force === 'true'
  const refreshes = allowed && needed
  return { refreshes, unsaved: refreshes && !saves }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
let anthropic: any
beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('run `npm run bundle` first')
  anthropic = await startAnthropicStandIn({
    credentials: { [OLD_ACCESS]: 'valid', [REJECTED_ACCESS]: 'expired' }
  })
})
afterAll(async () => {
  await anthropic?.close()
})

interface Ran {
  row: Row
  result: RunResult
  /** Requests that reached the token endpoint: each one may use up a refresh token. */
  tokenUses: number
  refreshes: number
  /** Whether the secret holds the head of the chain (the newest refresh token) after the step. */
  secretCurrent: boolean
}

async function runRow(row: Row): Promise<Ran> {
  const chain = await startChain()
  try {
    acceptIssuedTokens(chain, anthropic)
    const accessToken = row.access === 'rejected' ? REJECTED_ACCESS : OLD_ACCESS
    const expiresAt = Date.now() + (row.access === 'expiring' ? 10 * 60_000 : 8 * HOUR)
    const oauth: Record<string, unknown> = JSON.parse(
      credentialsJson(accessToken, chain.oauth.current, expiresAt)
    ).claudeAiOauth
    if (row.access === 'none') delete oauth.accessToken
    if (!row.refreshToken) delete oauth.refreshToken
    const result = await runAction(MAIN, {
      inputs: {
        'claude-credentials': JSON.stringify({ claudeAiOauth: oauth }),
        'anthropic-base-url': anthropic.url,
        'min-remaining': '1h',
        'oauth-token-url': chain.oauth.url,
        'secrets-token': SECRETS_TOKEN[row.secretsToken],
        'github-token': GHS,
        'secret-name': SECRET,
        'on-expiring': row.onExpiring,
        'force-refresh': row.force
      },
      env: jobEnv(chain),
      timeoutMs: 120_000
    })
    const secret = chain.secretValue()
    return {
      row,
      result,
      tokenUses: chain.oauth.requests.length,
      refreshes: chain.oauth.refreshes,
      secretCurrent:
        secret !== undefined &&
        JSON.parse(secret).claudeAiOauth.refreshToken === chain.oauth.current
    }
  } finally {
    await chain.close()
  }
}

/** Runs every row, a few at a time (each row has its own OAuth and GitHub stand-ins). */
async function runAll(all: Row[], parallel: number): Promise<Ran[]> {
  const results: Ran[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < all.length) {
        const row = all[next++] as Row
        results.push(await runRow(row))
      }
    })
  )
  return results
}

const errors = (result: RunResult) =>
  result.commands.filter(c => c.command === 'error').map(c => c.message as string)

const RESEED = `gh secret set ${SECRET} --repo acme/app < ~/.claude/.credentials.json`

describe('no combination of inputs burns the refresh chain (bundled main step)', () => {
  let ran: Ran[] = []
  beforeAll(async () => {
    ran = await runAll(rows, 3)
  }, 900_000)

  it(`covers every combination (${rows.length} rows)`, () => {
    expect(rows.length).toBe(4 * 2 * 3 * (4 + 3))
    expect(ran.length).toBe(rows.length)
  })

  it('never uses a refresh token whose successor is lost, unless on-expiring: refresh was given by name', () => {
    const burnt = ran
      .filter(r => r.tokenUses > 0 && !r.secretCurrent && r.row.onExpiring !== 'refresh')
      .map(r => name(r.row))
    expect(burnt).toEqual([])
    // The defaults (on-expiring auto, force-refresh false) never touch the token endpoint without a secrets-token.
    const defaults = ran.filter(
      r => r.row.onExpiring === 'auto' && r.row.force === 'false' && r.row.secretsToken !== 'PAT'
    )
    expect(defaults.length).toBe(2 * 7)
    expect(defaults.filter(r => r.tokenUses > 0).map(r => name(r.row))).toEqual([])
  })

  it('refreshes exactly where the rule says, once, and never replays a token', () => {
    const wrong = ran
      .filter(r => r.refreshes !== (expected(r.row).refreshes ? 1 : 0))
      .map(r => `${name(r.row)}: ${r.refreshes} refreshes`)
    expect(wrong).toEqual([])
    // A row that does not refresh never reaches the token endpoint at all.
    expect(ran.filter(r => r.tokenUses !== r.refreshes).map(r => name(r.row))).toEqual([])
    for (const r of ran) expect(r.result.outputs.refreshed ?? 'false').toBe(String(r.refreshes > 0))
  })

  it('saves every refresh made with a secrets-token', () => {
    const lost = ran
      .filter(r => r.refreshes > 0 && r.row.secretsToken === 'PAT' && !r.secretCurrent)
      .map(r => name(r.row))
    expect(lost).toEqual([])
  })

  it('states an explicit unsaved refresh in bold in the summary, with the re-seed command', () => {
    const unsaved = ran.filter(r => expected(r.row).unsaved)
    // force-refresh false: the three access states that need a refresh; true: all four.
    expect(unsaved.length).toBe(3 + 4)
    for (const { result } of unsaved) {
      expect(result.code).toBe(0)
      expect(result.files.summary).toMatch(
        /\*\*Refreshed without saving the rotated refresh token .*used up, and the next run fails with invalid\\?_grant unless you re-seed it first\.\*\*/
      )
      expect(result.files.summary).toContain(`\`${RESEED}\``)
      expect(
        result.commands.some(c => c.command === 'warning' && /not saved/.test(c.message))
      ).toBe(true)
    }
    // Nowhere else.
    for (const r of ran.filter(r => !expected(r.row).unsaved))
      expect(r.result.files.summary).not.toContain('Refreshed without saving')
  })

  it('fails with the fix where the default holds the refresh back', () => {
    const heldBack = ran.filter(
      r =>
        r.row.onExpiring === 'auto' &&
        r.row.force === 'false' &&
        r.row.secretsToken === 'absent' &&
        r.row.refreshToken &&
        r.row.access !== 'lasts'
    )
    expect(heldBack.length).toBe(3)
    for (const { result } of heldBack) {
      expect(result.code).toBe(1)
      expect(errors(result).join('\n')).toMatch(
        /Fix: Set 'secrets-token' .*'on-expiring: auto' does not refresh without it/
      )
    }
  })

  it('refuses force-refresh that would burn the chain, and GITHUB_TOKEN as secrets-token, as bad input', () => {
    for (const r of ran) {
      const said = errors(r.result).join('\n')
      if (r.row.secretsToken === 'GITHUB_TOKEN') {
        expect(r.result.code).toBe(1)
        expect(r.result.outputs.status).toBe('invalid-input')
        expect(said).toMatch(/input 'secrets-token' is the workflow's GITHUB_TOKEN/)
      } else if (
        r.row.force === 'true' &&
        r.row.refreshToken &&
        r.row.onExpiring === 'auto' &&
        r.row.secretsToken === 'absent'
      ) {
        expect(r.result.outputs.status).toBe('invalid-input')
        expect(said).toMatch(
          /input 'force-refresh' is 'true' but 'secrets-token' is not set.*or set 'on-expiring: refresh' as well/
        )
      }
    }
  })
})

import { describe, expect, it } from '@jest/globals'
import { readCheckInputs } from '../src/inputs/check.js'
import { runCheck } from '../src/check/run-check.js'
import { selectCredential, type ProviderChoice } from '../src/providers/select.js'
import { verdictMessage } from '../src/report/main-report.js'
import { UserError } from '../src/common/errors.js'

const API_KEY = 'sk-ant-api03-KEY-one'
const OAUTH = 'sk-ant-oat01-TOKEN-one'
const REFRESH = 'sk-ant-ort01-REFRESH-one'

function select(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return selectCredential(
    { input: name => inputs[name] ?? '', now: new Date('2026-11-21T12:00:00Z') },
    env
  )
}

describe('which credential Claude Code will use', () => {
  it('follows Claude Code precedence: auth token, API key, OAuth token, credentials file', () => {
    const all = {
      'anthropic-auth-token': 'gateway-token',
      'anthropic-api-key': API_KEY,
      'claude-code-oauth-token': OAUTH,
      'claude-credentials': JSON.stringify({
        claudeAiOauth: { accessToken: OAUTH, refreshToken: REFRESH }
      })
    }
    expect(select(all).chosen?.source).toBe('anthropic-auth-token')
    const { chosen, others, warnings } = select({ ...all, 'anthropic-auth-token': '' })
    expect(chosen?.source).toBe('anthropic-api-key')
    expect(others.map(o => o.source)).toEqual(['claude-code-oauth-token', 'claude-credentials'])
    expect(warnings.join('\n')).toMatch(/OAuth token from input claude-code-oauth-token is ignored/)
    expect(
      select({ 'claude-code-oauth-token': OAUTH, 'claude-credentials': all['claude-credentials'] })
        .chosen?.source
    ).toBe('claude-code-oauth-token')
  })

  it('falls back to the environment variable Claude Code reads, and says where it came from', () => {
    const { chosen } = select({}, { CLAUDE_CODE_OAUTH_TOKEN: OAUTH })
    expect(chosen).toMatchObject({
      source: 'claude-code-oauth-token',
      from: 'env CLAUDE_CODE_OAUTH_TOKEN',
      secret: OAUTH
    })
    expect(
      select({ 'anthropic-api-key': API_KEY }, { ANTHROPIC_API_KEY: 'sk-ant-api03-other' }).chosen
        ?.from
    ).toBe('input anthropic-api-key')
  })

  it('reports an API key together with an auth token, which the API rejects', () => {
    const { warnings } = select({ 'anthropic-api-key': API_KEY }, { ANTHROPIC_AUTH_TOKEN: 'tok' })
    expect(warnings.join('\n')).toMatch(/API rejects requests that carry both/)
  })

  it('trims whitespace and newlines around a pasted secret, as Claude Code does, and says so', () => {
    const { chosen } = select({ 'anthropic-api-key': `  ${API_KEY}\n` })
    expect(chosen?.secret).toBe(API_KEY)
    expect(chosen?.notes.join(' ')).toMatch(
      /removed whitespace or a newline around the value of 'anthropic-api-key' \(Claude Code ignores it too\)/
    )
  })

  it('fails a quoted secret Claude Code would send as it is, but not one it never sees', () => {
    expect(() => select({ 'anthropic-api-key': `"${API_KEY}"` })).toThrow(
      /^claude-preflight: input 'anthropic-api-key' is wrapped in quotes, and Claude Code sends them as part of the API key: the API would refuse every request\. Fix: store the secret again without the quotes\.$/
    )
    expect(() => select({}, { ANTHROPIC_API_KEY: `'${API_KEY}'` })).toThrow(
      /^claude-preflight: env ANTHROPIC_API_KEY is wrapped in quotes/
    )
    // Ignored: Claude Code uses the API key first, so the OAuth token's quotes harm nothing.
    const { chosen, others } = select({
      'anthropic-api-key': API_KEY,
      'claude-code-oauth-token': `"${OAUTH}"`
    })
    expect(chosen?.source).toBe('anthropic-api-key')
    expect(others[0]?.notes.join(' ')).toMatch(/removed the quotes/)
  })

  it('names the right input for a secret pasted into the wrong one, never quoting it', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { 'claude-code-oauth-token': API_KEY },
        /'claude-code-oauth-token' holds an Anthropic API key\. Move it to input 'anthropic-api-key'/
      ],
      [
        { 'anthropic-api-key': OAUTH },
        /'anthropic-api-key' holds an OAuth access token\. Move it to input 'claude-code-oauth-token'/
      ],
      [
        { 'claude-code-oauth-token': REFRESH },
        /holds an OAuth refresh token\. Move it to input 'oauth-refresh-token'/
      ],
      [{ 'anthropic-api-key': 'sk-ant-admin01-x' }, /Admin API key/],
      [
        { 'claude-code-oauth-token': '{"claudeAiOauth":{}}' },
        /holds JSON\. Move it to input 'claude-credentials'/
      ],
      [{ 'claude-credentials': OAUTH }, /'claude-credentials' holds an OAuth access token/],
      [{ 'anthropic-api-key': 'sk-ant-api03-abc\ndef' }, /space or line break inside/],
      [
        { 'anthropic-api-key': 'sk-ant-api03-abc\u2026def' },
        /'anthropic-api-key' has a control or non-ASCII character/
      ],
      [
        {
          'claude-credentials': JSON.stringify({
            claudeAiOauth: { accessToken: 'sk-ant-oat01-abc\ndef' }
          })
        },
        /'claude-credentials\.accessToken' has a space or line break inside/
      ],
      [
        {
          'claude-credentials': JSON.stringify({
            claudeAiOauth: { accessToken: OAUTH, refreshToken: 'sk-ant-ort01-a\u0000b' }
          })
        },
        /'claude-credentials\.refreshToken' has a control or non-ASCII character/
      ]
    ]
    for (const [inputs, message] of cases) {
      let caught: unknown
      try {
        select(inputs)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(UserError)
      expect((caught as Error).message).toMatch(message)
      for (const secret of Object.values(inputs))
        expect((caught as Error).message).not.toContain(secret.trim())
    }
  })

  it('reads expiry from credentials JSON, seconds recognised, and from a JWT bearer token', () => {
    const ms = Date.UTC(2026, 10, 21, 14)
    const json = (expiresAt: number) =>
      JSON.stringify({ claudeAiOauth: { accessToken: OAUTH, refreshToken: REFRESH, expiresAt } })
    expect(select({ 'claude-credentials': json(ms) }).chosen).toMatchObject({
      expiresAt: new Date(ms),
      refreshToken: REFRESH
    })
    const inSeconds = select({ 'claude-credentials': json(ms / 1000) }).chosen
    expect(inSeconds?.expiresAt).toEqual(new Date(ms))
    expect(inSeconds?.notes.join()).toMatch(/epoch seconds/)
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ exp: ms / 1000 })).toString('base64url')}.sig`
    expect(select({ 'anthropic-auth-token': jwt }).chosen?.expiresAt).toEqual(new Date(ms))
    expect(
      select({ 'claude-code-oauth-token': OAUTH, 'oauth-token-expires-at': '2027-01-01T00:00:00Z' })
        .chosen?.expirySource
    ).toBe('oauth-token-expires-at')
  })

  it('treats a lone refresh token as an OAuth credential with no access token yet', () => {
    const { chosen } = select({ 'oauth-refresh-token': REFRESH })
    expect(chosen).toMatchObject({
      source: 'claude-code-oauth-token',
      secret: '',
      refreshToken: REFRESH
    })
  })

  it('gives oauth-refresh-token to the OAuth token, else to the credentials JSON, never a credential apart', () => {
    const accessOnly = JSON.stringify({ claudeAiOauth: { accessToken: OAUTH } })
    const toJson = select({ 'claude-credentials': accessOnly, 'oauth-refresh-token': REFRESH })
    expect(toJson.chosen).toMatchObject({
      source: 'claude-credentials',
      secret: OAUTH,
      refreshToken: REFRESH
    })
    expect(toJson.others).toEqual([])
    expect(toJson.warnings).toEqual([])
    expect(toJson.chosen?.notes.join('\n')).toMatch(
      /'oauth-refresh-token' is used as the refresh token of the subscription access token from input claude-credentials/
    )

    const toToken = select({
      'claude-code-oauth-token': OAUTH,
      'claude-credentials': accessOnly,
      'oauth-refresh-token': REFRESH
    })
    expect(toToken.chosen).toMatchObject({
      source: 'claude-code-oauth-token',
      refreshToken: REFRESH
    })
    expect(toToken.others.map(o => [o.source, o.refreshToken])).toEqual([
      ['claude-credentials', undefined]
    ])
    expect(toToken.chosen?.notes.join('\n')).toMatch(
      /refresh token of the OAuth token from input claude-code-oauth-token; a refresh writes the rotated refresh token back alone/
    )

    // A JSON with its own refreshToken keeps it; the other one is said to be ignored.
    const own = JSON.stringify({ claudeAiOauth: { accessToken: OAUTH, refreshToken: REFRESH } })
    const kept = select({ 'claude-credentials': own, 'oauth-refresh-token': 'sk-ant-ort01-other' })
    expect(kept.chosen).toMatchObject({ source: 'claude-credentials', refreshToken: REFRESH })
    expect(kept.others).toEqual([])
    expect(kept.warnings).toEqual([
      "'oauth-refresh-token' is ignored: the subscription access token from input claude-credentials carries its own refreshToken, which is the one refreshed and written back. Remove 'oauth-refresh-token', or the refreshToken from the JSON."
    ])
  })

  it('explains a lone refresh token without quoting an expiry it does not have', async () => {
    const message = async (inputs: Record<string, string>) => {
      const input = (name: string) => inputs[name] ?? ''
      const now = new Date('2026-11-21T12:00:00Z')
      const report = await runCheck(
        readCheckInputs(input, {}),
        { input, now },
        {
          send: async () => Promise.reject(new Error('no request expected')),
          env: {},
          now: () => now
        }
      )
      return { status: report.verdict.status, ...verdictMessage(report, {}, text => text) }
    }
    const refresh = await message({
      'oauth-refresh-token': REFRESH,
      'min-remaining': '1h',
      'secrets-token': 'github_pat_stand_in'
    })
    expect(refresh.status).toBe('expiring')
    expect(refresh.text).toBe(
      "claude-preflight: the OAuth token from input oauth-refresh-token is a refresh token with no access token yet: there is nothing to probe, and Claude Code cannot use it until it is refreshed. Fix: let the action refresh it (the default 'on-expiring: auto' with 'secrets-token' set); or pass the access token too ('claude-credentials' with both tokens)."
    )
    // Without 'secrets-token' the default does not refresh: nothing would save the rotated refresh token.
    const heldBack = await message({ 'oauth-refresh-token': REFRESH, 'min-remaining': '1h' })
    expect(heldBack.text).toMatch(
      /Fix: Set 'secrets-token' .* 'on-expiring: auto' does not refresh without it/
    )
    const warn = await message({
      'oauth-refresh-token': REFRESH,
      'min-remaining': '1h',
      'on-expiring': 'warn'
    })
    expect(warn.text).toMatch(
      /'on-expiring' is 'warn', so it is not refreshed: set it to 'auto' \(with 'secrets-token'\) or 'refresh'/
    )
    for (const m of [refresh, heldBack, warn]) {
      expect(m.title).toBe('Claude credential needs a refresh')
      expect(m.text).not.toMatch(/undefined|no Claude credential was given/)
      expect(m.text).not.toContain(REFRESH)
    }
  })

  it('ranks workload identity federation sixth, as Claude Code does: below every environment credential', () => {
    const federation = {
      ANTHROPIC_FEDERATION_RULE_ID: ' fdrl_01rule ',
      ANTHROPIC_ORGANIZATION_ID: 'org-uuid',
      ANTHROPIC_IDENTITY_TOKEN_FILE: '/tmp/identity-token'
    }
    const credentialsJson = JSON.stringify({ claudeAiOauth: { accessToken: OAUTH } })
    const chosen = select({ 'claude-credentials': credentialsJson }, federation)
    expect(chosen.platform?.id).toBe('federation')
    expect(chosen.chosen).toBeUndefined()
    expect(chosen.claudeEnv?.env).toMatchObject({ ANTHROPIC_FEDERATION_RULE_ID: ' fdrl_01rule ' })
    expect(chosen.warnings.join('\n')).toMatch(
      /from input claude-credentials is ignored: Claude Code uses workload identity federation first/
    )
    for (const [input, value] of [
      ['anthropic-auth-token', 'gateway-token'],
      ['anthropic-api-key', API_KEY],
      ['claude-code-oauth-token', OAUTH]
    ]) {
      const outranked = select({ [input!]: value! }, federation)
      expect(outranked.platform).toBeUndefined()
      expect(outranked.chosen?.source).toBe(input)
      expect(outranked.warnings.join('\n')).toMatch(/federation settings are ignored/)
    }
    // Both the rule and the organization switch it on; empty values are none.
    expect(select({}, { ...federation, ANTHROPIC_ORGANIZATION_ID: ' ' }).platform).toBeUndefined()
    expect(select({}, { ...federation, ANTHROPIC_API_KEY: '' }).platform?.id).toBe('federation')
    // A cloud platform outranks it.
    expect(select({}, { ...federation, CLAUDE_CODE_USE_BEDROCK: '1' }).platform?.id).toBe('bedrock')
  })

  it("follows input 'provider' where the Claude step's environment cannot be seen, and says when they disagree", () => {
    const named = (provider: ProviderChoice, env: Record<string, string> = {}) =>
      selectCredential(
        { input: name => ({ 'anthropic-api-key': API_KEY })[name] ?? '', now: new Date() },
        env,
        undefined,
        provider
      )
    expect(named('bedrock').platform?.id).toBe('bedrock')
    expect(named('bedrock').warnings).toEqual([])
    const anthropic = named('anthropic', { CLAUDE_CODE_USE_VERTEX: '1' })
    expect(anthropic.platform).toBeUndefined()
    expect(anthropic.chosen?.source).toBe('anthropic-api-key')
    expect(anthropic.warnings.join()).toMatch(
      /input 'provider' is 'anthropic', but the Claude step's environment selects Google Vertex AI \(CLAUDE_CODE_USE_VERTEX\): the check follows the input/
    )
    const federation = named('federation')
    expect(federation.platform?.id).toBe('federation')
    expect(federation).toMatchObject({ named: true, claudeEnv: { unreadable: [] } })
    expect(named('auto', { CLAUDE_CODE_USE_VERTEX: '1' }).platform?.id).toBe('vertex')
  })

  it('ignores whitespace-only values with a warning, and sees cloud providers', () => {
    const empty = select({ 'anthropic-api-key': '  \n' })
    expect(empty.chosen).toBeUndefined()
    expect(empty.warnings.join()).toMatch(/only whitespace/)
    expect(
      select({ 'anthropic-api-key': API_KEY }, { CLAUDE_CODE_USE_BEDROCK: '1' }).platform?.label
    ).toMatch(/Bedrock/)
    expect(
      select({ 'anthropic-api-key': API_KEY }, { CLAUDE_CODE_USE_BEDROCK: '0' }).platform
    ).toBeUndefined()
  })
})

import { describe, expect, it } from '@jest/globals'
import { selectCredential } from '../src/credentials/select.js'
import { UserError } from '../src/report/errors.js'

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

  it('trims whitespace, newlines and quotes around a pasted secret and says so', () => {
    const { chosen } = select({ 'anthropic-api-key': `  "${API_KEY}"\n` })
    expect(chosen?.secret).toBe(API_KEY)
    expect(chosen?.notes.join(' ')).toMatch(
      /removed whitespace.*'anthropic-api-key'.*removed the quotes/
    )
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
      [{ 'anthropic-api-key': 'sk-ant-api03-abc\ndef' }, /space or line break inside/]
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

  it('ignores whitespace-only values with a warning, and sees cloud providers', () => {
    const empty = select({ 'anthropic-api-key': '  \n' })
    expect(empty.chosen).toBeUndefined()
    expect(empty.warnings.join()).toMatch(/only whitespace/)
    expect(
      select({ 'anthropic-api-key': API_KEY }, { CLAUDE_CODE_USE_BEDROCK: '1' }).cloudProvider
    ).toMatch(/Bedrock/)
    expect(
      select({ 'anthropic-api-key': API_KEY }, { CLAUDE_CODE_USE_BEDROCK: '0' }).cloudProvider
    ).toBeUndefined()
  })
})

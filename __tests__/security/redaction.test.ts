// Item 5: the exact secrets the step knows are redacted from what the post step shows (summary, annotations, PR
// comment: the runner masks none of the comment) in whatever form the log spells them: a gateway token echoed in a
// 401, an API key written with character references, a zero-width character, in base64 or with its prefix
// upper-cased.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { runPost, startCommentsStandIn, type GitHubStandIn } from '../support/post-job.js'

const GATEWAY = 'corp-gateway-7f3a9c2e51d04b8a'
const KEY = 'sk-ant-api03-RedactionAuditKey0123456789abcdefXYZ-AA'

let github: GitHubStandIn
beforeAll(async () => {
  github = await startCommentsStandIn()
})
afterAll(async () => github.close())

const entities = (text: string) => [...text].map(c => `&#${c.charCodeAt(0)};`).join('')
const base64At = (text: string, offset: number) =>
  Buffer.from('x'.repeat(offset) + text).toString('base64')

/** The log lines, each a distinct failure quoting the secret in one form. */
const FORMS: Record<string, string> = {
  'gateway token echoed in a 401': `Invalid bearer token ${GATEWAY}`,
  'key with character references': `invalid x-api-key ${entities(KEY)}`,
  'key with a zero-width space': `invalid x-api-key ${KEY.slice(0, 20)}\u200B${KEY.slice(20)}`,
  'key in base64, offset 1': `invalid x-api-key ${base64At(KEY, 1)}`,
  'gateway token in URL-safe base64, offset 2': `invalid token ${base64At(GATEWAY, 2).replace(/\+/g, '-').replace(/\//g, '_')}`,
  'key with its prefix upper-cased': `invalid x-api-key SK-ANT-API03-${KEY.slice(13)}`,
  'key with full-width letters': `invalid x-api-key ${[...KEY].map(c => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')}`
}

/** Every way a secret's tell-tale part could show: its unique middle, in any case, in base64 too. */
function leaks(text: string): string[] {
  const found: string[] = []
  const flat = text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
  for (const [name, secret] of [
    ['gateway', GATEWAY],
    ['key', KEY]
  ] as const) {
    const middle = secret.slice(13, 33).toLowerCase()
    if (flat.includes(middle)) found.push(`${name} in clear`)
    for (let offset = 0; offset < 3; offset++) {
      const encoded = Buffer.from('x'.repeat(offset) + secret)
        .toString('base64')
        .slice(8, 28)
      if (text.includes(encoded) || text.includes(encoded.replace(/\+/g, '-').replace(/\//g, '_')))
        found.push(`${name} in base64 at ${offset}`)
    }
  }
  return found
}

test('no known secret, in any of its forms, reaches the summary, the annotations or the PR comment', async () => {
  const log = Object.values(FORMS)
    .map(text => `Failed to authenticate. API Error: 401 ${text}`)
    .join('\n')
  const { result, annotations, comments } = await runPost(
    github,
    { 'claude.log': log },
    {
      inputs: { 'anthropic-api-key': KEY },
      env: { ANTHROPIC_AUTH_TOKEN: GATEWAY }
    }
  )
  expect(result.code).toBe(1)
  expect(comments).toHaveLength(1)
  const channels = {
    summary: result.summary,
    annotations,
    comment: comments[0]!.body
  }
  for (const [channel, text] of Object.entries(channels)) {
    expect(`${channel}: ${leaks(text).join(', ')}`).toBe(`${channel}: `)
  }
  expect(result.summary).toContain('[redacted]')
}, 60_000)

/** Re-encodings no redactor can enumerate: the PR comment, which nothing masks, quotes no run they could hide in. */
const REENCODED: Record<string, string> = {
  hex: Buffer.from(KEY).toString('hex'),
  reversed: [...KEY].reverse().join(''),
  'dashes percent-encoded': KEY.replace(/-/g, '%2D'),
  'base32-ish upper hex of the gateway token': Buffer.from(GATEWAY).toString('hex').toUpperCase()
}

test('the PR comment quotes no run a secret could be re-encoded in (hex, reversed, percent-encoded)', async () => {
  const log = Object.values(REENCODED)
    .map(text => `Failed to authenticate. API Error: 401 invalid x-api-key ${text}`)
    .join('\n')
  const { comments } = await runPost(
    github,
    { 'claude.log': log },
    { inputs: { 'anthropic-api-key': KEY }, env: { ANTHROPIC_AUTH_TOKEN: GATEWAY } }
  )
  expect(comments).toHaveLength(1)
  const body = comments[0]!.body
  for (const [form, text] of Object.entries(REENCODED)) {
    expect(`${form}: ${body.includes(text.slice(4, 24))}`).toBe(`${form}: false`)
  }
  expect(body).toContain('Failed to authenticate. API Error: 401 invalid x-api-key [redacted]')
}, 60_000)

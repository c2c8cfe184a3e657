// The scanner's parsers on their own: the splitter (formats, chunk boundaries, cut-off files, huge records),
// plain-text phrasings, kinds, the preflight state, the wording of the timeline; property tests with fast-check.
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { classifyApiError } from '../src/providers/anthropic-failures.js'
import { classifyTextLine } from '../src/scan/text.js'
import { RecordSplitter, type SplitRecord } from '../src/scan/split.js'
import { expandPatterns, globToRegExp, scanBuffer } from '../src/scan/read.js'
import {
  parsePreflightState,
  serializePreflightState,
  PREFLIGHT_STATE
} from '../src/state/index.js'
import { distinctFailures, duration, fixFor } from '../src/scan/explain.js'
import { annotate, reportMarkdown } from '../src/report/post-report.js'
import { apiKey } from '../src/providers/api-key.js'
import { authToken } from '../src/providers/auth-token.js'
import { claudeCredentials } from '../src/providers/claude-credentials.js'
import { oauthToken } from '../src/providers/oauth-token.js'

const PROPERTY_RUNS = 300

// Messages shaped like the real CLI's (fixtures/cli), built here so properties can vary them.
const init = { type: 'system', subtype: 'init', session_id: 's1' }
const turn = (i: number, at: string) => ({
  type: 'assistant',
  message: {
    id: `msg_${i}`,
    model: 'claude',
    content: [{ type: 'tool_use', id: `toolu_${i}`, name: 'Bash', input: { command: 'npm test' } }]
  },
  timestamp: at
})
const toolResult = (i: number, at: string, content = 'ok') => ({
  type: 'user',
  message: {
    role: 'user',
    content: [{ tool_use_id: `toolu_${i}`, type: 'tool_result', content, is_error: false }]
  },
  timestamp: at
})
const retry = (status: number, error = 'authentication_failed') => ({
  type: 'system',
  subtype: 'api_retry',
  attempt: 1,
  max_retries: 10,
  retry_delay_ms: 500,
  error_status: status,
  error
})
const apiError = (
  status: number,
  text: string,
  at: string,
  type = 'authentication_error',
  error = 'authentication_failed'
) => ({
  type: 'assistant',
  message: { id: 'synthetic', model: '<synthetic>', content: [{ type: 'text', text }] },
  timestamp: at,
  error,
  is_api_error_message: true,
  api_error_status: status,
  api_error_type: type
})
const result = (status: number | undefined, text: string) => ({
  duration_ms: 47 * 60_000,
  total_cost_usd: 1.25,
  type: 'result',
  subtype: 'success',
  is_error: status !== undefined,
  ...(status !== undefined ? { api_error_status: status } : {}),
  result: text
})

const EXPIRED =
  'Failed to authenticate. API Error: 401 OAuth token has expired. Please obtain a new token or refresh your existing token.'

function expiredRun(noise = 'ok'): object[] {
  return [
    init,
    turn(1, '2026-03-01T10:00:00.000Z'),
    toolResult(1, '2026-03-01T10:01:00.000Z', noise),
    turn(2, '2026-03-01T10:30:00.000Z'),
    toolResult(2, '2026-03-01T10:46:00.000Z', noise),
    retry(401),
    retry(401),
    apiError(401, EXPIRED, '2026-03-01T10:47:01.000Z'),
    result(401, EXPIRED)
  ]
}

const jsonl = (messages: object[]) =>
  Buffer.from(messages.map(m => JSON.stringify(m)).join('\n') + '\n')
const pretty = (messages: object[]) => Buffer.from(JSON.stringify(messages, null, 2))
const compact = (messages: object[]) => Buffer.from(JSON.stringify(messages))

describe('formats', () => {
  test.each([
    ['stream-json', jsonl],
    ['execution file (pretty array)', pretty],
    ['json --verbose (one-line array)', compact]
  ])('%s: one expired finding with the timeline', (_name, encode) => {
    const scan = scanBuffer('t', encode(expiredRun()))
    expect(scan.findings).toHaveLength(1)
    const [f] = scan.findings
    expect(f).toMatchObject({
      kind: 'anthropic-auth-expired',
      retries: 2,
      turnsBefore: 2,
      toolCallsBefore: 2,
      runDurationMs: 47 * 60_000,
      costUsd: 1.25,
      message: EXPIRED
    })
    // The first 401 came 2 × 500 ms of retry delay before the synthetic message.
    expect(f?.at).toBe('2026-03-01T10:47:00.000Z')
    // The run's first message, which is earlier than its last message minus duration_ms.
    expect(f?.runStartedAt).toBe('2026-03-01T10:00:00.000Z')
    expect(f?.secondsIntoRun).toBe(47 * 60)
  })

  test('a file cut off mid-line still gives what came before it', () => {
    const full = jsonl([
      init,
      turn(1, '2026-03-01T10:00:00Z'),
      toolResult(1, '2026-03-01T10:00:01Z'),
      retry(401),
      retry(401)
    ])
    const cut = Buffer.concat([
      full,
      Buffer.from('{"type":"assistant","message":{"id":"x","model":"<synth')
    ])
    const scan = scanBuffer('t', cut, 7)
    expect(scan.stats.truncated).toBe(true)
    expect(scan.findings.map(f => [f.kind, f.retries, f.turnsBefore])).toEqual([
      ['anthropic-auth-invalid', 2, 1]
    ])
    // The record cut off mid-way is no turn that went through: the failure was not recovered from.
    expect(scan.findings[0]?.recovered).toBeUndefined()
  })

  test('a record over the size limit is read by its head, in bounded memory', () => {
    const huge = toolResult(1, '2026-03-01T10:00:01Z', 'x'.repeat(300_000) + EXPIRED)
    const scan = scanBuffer(
      't',
      jsonl([init, turn(1, '2026-03-01T10:00:00Z'), huge, ...expiredRun().slice(5)]),
      65536,
      {
        limit: 100_000,
        headBytes: 4096
      }
    )
    expect(scan.stats.overflow).toBe(1)
    expect(scan.findings.map(f => [f.kind, f.toolCallsBefore])).toEqual([
      ['anthropic-auth-expired', 1]
    ])
  })

  test('plain text with a job-log timestamp, ANSI colours and CRLF', () => {
    const log = Buffer.from(
      'Running claude\r\n2026-03-01T10:47:00.1234567Z \u001b[31mFailed to authenticate. API Error: 401 OAuth token revoked\u001b[0m\r\n'
    )
    expect(scanBuffer('log', log).findings).toMatchObject([
      { kind: 'anthropic-auth-revoked', at: '2026-03-01T10:47:00.123Z', line: 2, source: 'text' }
    ])
  })

  test('a UTF-8 BOM and leading blank lines before the array', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('\n\n'),
      pretty(expiredRun())
    ])
    const scan = scanBuffer('t', bytes, 3)
    expect(scan.findings.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
    expect(scan.findings[0]?.line).toBeGreaterThan(3)
  })

  test('two runs in one log: counts restart at the second init', () => {
    const second = expiredRun().map(m => (m === init ? { ...init, session_id: 's2' } : m))
    const scan = scanBuffer(
      't',
      jsonl([
        init,
        turn(9, '2026-03-01T09:00:00Z'),
        toolResult(9, '2026-03-01T09:00:01Z'),
        result(undefined, 'done'),
        ...second
      ])
    )
    expect(scan.findings.map(f => [f.turnsBefore, f.sessionId])).toEqual([[2, 's2']])
  })
})

describe('only Claude API errors count', () => {
  test.each([
    [
      'a tool result full of 401s',
      toolResult(
        3,
        '2026-03-01T10:00:00Z',
        'HTTP 401 Unauthorized\n' + JSON.stringify(apiError(401, EXPIRED, 'x'))
      )
    ],
    [
      'a user message',
      { type: 'user', message: { role: 'user', content: EXPIRED + ' {"error_status":401}' } }
    ],
    [
      'a tool input holding an error object',
      {
        type: 'assistant',
        message: {
          id: 'm',
          model: 'claude',
          content: [
            {
              type: 'tool_use',
              id: 't',
              name: 'Write',
              input: {
                content: apiError(401, EXPIRED, 'x'),
                error: 'authentication_failed',
                api_error_status: 401
              }
            }
          ]
        }
      }
    ],
    [
      '529 overloaded',
      apiError(
        529,
        'API Error: 529 Overloaded',
        '2026-03-01T10:00:00Z',
        'overloaded_error',
        'overloaded'
      )
    ],
    [
      'a rate limit',
      apiError(
        429,
        'API Error: Request rejected (429) · Number of request tokens has exceeded your per-minute rate limit.',
        '2026-03-01T10:00:00Z',
        'rate_limit_error',
        'rate_limit'
      )
    ],
    [
      'prompt too long',
      apiError(
        400,
        'Prompt is too long',
        '2026-03-01T10:00:00Z',
        'invalid_request_error',
        'invalid_request'
      )
    ],
    ['a success result', result(undefined, 'All 401 tests pass; Bad credentials handled')],
    ['a retry of a 500', retry(500, 'server_error')]
  ])('%s: no finding', (_name, message) => {
    for (const encode of [jsonl, pretty])
      expect(scanBuffer('t', encode([init, message])).findings).toEqual([])
  })

  test('a failed git push through Bash is the GitHub token; the same text from npm test is not', () => {
    const push = (id: string, command: string) => ({
      type: 'assistant',
      message: {
        id: `m${id}`,
        model: 'claude',
        content: [{ type: 'tool_use', id, name: 'Bash', input: { command } }]
      }
    })
    const failed = (id: string) => ({
      type: 'user',
      message: {
        role: 'user',
        content: [
          {
            tool_use_id: id,
            type: 'tool_result',
            is_error: true,
            content:
              "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/o/r.git/'"
          }
        ]
      }
    })
    const scan = scanBuffer(
      't',
      jsonl([
        init,
        push('a', 'npm test'),
        failed('a'),
        push('b', 'git push origin HEAD'),
        failed('b')
      ])
    )
    expect(scan.findings.map(f => [f.kind, f.source, f.turnsBefore, f.toolCallsBefore])).toEqual([
      ['github-auth', 'tool', 2, 1]
    ])
  })
})

describe('kinds', () => {
  test.each([
    [{ status: 401, message: 'OAuth token has expired.' }, 'anthropic-auth-expired'],
    [{ status: 401, message: 'invalid x-api-key' }, 'anthropic-auth-invalid'],
    [{ status: 401, message: 'OAuth token revoked' }, 'anthropic-auth-revoked'],
    [{ status: 403, message: 'OAuth token has been revoked.' }, 'anthropic-auth-revoked'],
    [
      {
        status: 403,
        type: 'permission_error',
        message: 'Your organization has disabled Claude subscription access for Claude Code.'
      },
      'anthropic-auth-forbidden'
    ],
    [{ status: 403, category: 'oauth_org_not_allowed' }, 'anthropic-auth-forbidden'],
    [
      { status: 400, type: 'invalid_request_error', message: 'Your credit balance is too low' },
      'anthropic-billing'
    ],
    [{ status: 402, type: 'billing_error' }, 'anthropic-billing'],
    [
      { status: 429, message: 'You have reached your specified API usage limits.' },
      'anthropic-billing'
    ],
    [{ status: 429, message: 'Claude AI usage limit reached' }, undefined],
    [{ status: 529, type: 'overloaded_error' }, undefined],
    [{ status: 500 }, undefined],
    [{ status: 504, type: 'timeout_error' }, undefined],
    [{ status: 400, message: 'prompt is too long' }, undefined]
  ])('%j → %s', (signal, kind) => expect(classifyApiError(signal)).toBe(kind))

  test.each([
    ['Failed to authenticate. API Error: 401 OAuth token has expired.', 'anthropic-auth-expired'],
    [
      'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
      'anthropic-auth-invalid'
    ],
    ['Invalid API key · Please run /login', 'anthropic-auth-invalid'],
    [
      'Failed to authenticate: OAuth token revoked. Please log in again or contact your administrator.',
      'anthropic-auth-revoked'
    ],
    [
      'Failed to authenticate: this login reached its time limit · Sign in again to continue',
      'anthropic-auth-expired'
    ],
    [
      'Your organization has disabled API key authentication · Unset ANTHROPIC_API_KEY',
      'anthropic-auth-forbidden'
    ],
    ['Credit balance is too low', 'anthropic-billing'],
    [
      'API Error: Request rejected (429) · You have reached your specified API usage limits.',
      'anthropic-billing'
    ],
    ['##[error]HttpError: Bad credentials', 'github-auth'],
    ["fatal: Authentication failed for 'https://github.com/o/r.git/'", 'github-auth'],
    ['App token exchange failed: 401 Unauthorized - Bad credentials', 'github-auth']
  ])('text %s → %s', (line, kind) => expect(classifyTextLine(line)?.kind).toBe(kind))

  test.each([
    'FAIL test/api.test.js: expected 200, received 401 Unauthorized',
    '+Failed to authenticate. API Error: 401 OAuth token has expired.',
    '    at Object.<anonymous> (Bad credentials)',
    'API Error: 529 Overloaded. This is a server-side issue',
    'API Error: Request rejected (429) · Number of request tokens has exceeded your per-minute rate limit.',
    'curl: (22) The requested URL returned error: 401',
    'echo "API Error: 401 invalid x-api-key"'
  ])('text %s → nothing', line => expect(classifyTextLine(line)).toBeUndefined())
})

describe('preflight state and wording', () => {
  test('garbled, absent or hostile state is ignored field by field', () => {
    expect(parsePreflightState(undefined)).toBeUndefined()
    expect(parsePreflightState('not json')).toBeUndefined()
    expect(parsePreflightState('[1]')).toBeUndefined()
    expect(
      parsePreflightState('{"label":"<img src=x>","expiresAt":"soon","status":"valid"}')
    ).toEqual({ status: 'valid' })
    expect(
      parsePreflightState(
        '{"expiresAt":"2026-03-01T10:45:00Z","fingerprint":"sk-ant-oat01:1a2b3c4d"}'
      )
    ).toEqual({
      expiresAt: Date.parse('2026-03-01T10:45:00Z'),
      fingerprint: 'sk-ant-oat01:1a2b3c4d'
    })
    // A source this version does not know names no credential kind: left out.
    expect(parsePreflightState('{"source":"some-future-source","status":"valid"}')).toEqual({
      status: 'valid'
    })
  })

  test('what main saves is what post reads: one key, ISO times in the JSON, epoch ms read back', () => {
    expect(PREFLIGHT_STATE).toBe('preflight')
    const check = {
      source: 'claude-code-oauth-token' as const,
      from: 'input claude-code-oauth-token',
      label: 'OAuth token',
      fingerprint: 'sk-ant-oat01:1a2b3c4d',
      expiresAt: new Date('2026-03-01T10:45:00Z'),
      checkedAt: new Date('2026-03-01T09:59:00Z'),
      status: 'valid'
    }
    const saved = serializePreflightState(check)
    expect(JSON.parse(saved)).toEqual({
      source: 'claude-code-oauth-token',
      from: 'input claude-code-oauth-token',
      label: 'OAuth token',
      fingerprint: 'sk-ant-oat01:1a2b3c4d',
      expiresAt: '2026-03-01T10:45:00.000Z',
      checkedAt: '2026-03-01T09:59:00.000Z',
      status: 'valid'
    })
    expect(parsePreflightState(saved)).toEqual({
      ...check,
      expiresAt: check.expiresAt.getTime(),
      checkedAt: check.checkedAt.getTime()
    })
    const noExpiry = serializePreflightState({ ...check, expiresAt: undefined })
    expect(JSON.parse(noExpiry)).not.toHaveProperty('expiresAt')
  })

  test("the fix is the credential kind's own when the state names the source", () => {
    const cases = [
      ['anthropic-auth-expired', 'expiring'],
      ['anthropic-auth-invalid', 'invalid'],
      ['anthropic-auth-revoked', 'revoked'],
      ['anthropic-auth-forbidden', 'forbidden'],
      ['anthropic-billing', 'billing']
    ] as const
    for (const kind of [apiKey, authToken, claudeCredentials, oauthToken]) {
      for (const [finding, key] of cases) {
        expect(fixFor(finding, { source: kind.source })).toBe(kind.fix(key, `input ${kind.source}`))
      }
    }
    // Through the state post reads, into the annotation.
    const scan = scanBuffer('t', jsonl(expiredRun()))
    const state = parsePreflightState('{"source":"anthropic-api-key","status":"valid"}')
    const errors: string[] = []
    annotate(
      {
        error: (message: string | Error) => void errors.push(String(message)),
        warning: () => undefined
      },
      distinctFailures(scan.findings, state),
      text => text
    )
    expect(errors[0]).toContain(`Fix: ${apiKey.fix('expiring', 'input anthropic-api-key')}`)
  })

  test('without the source, or for the GitHub token, the fix is generic', () => {
    for (const state of [undefined, {}, { status: 'valid', label: 'API key' }]) {
      expect(fixFor('anthropic-billing', state)).toMatch(/Add credits or raise the spend limit/)
      expect(fixFor('anthropic-auth-expired', state)).toMatch(/claude setup-token.*API key/)
    }
    expect(fixFor('github-auth', { source: 'claude-code-oauth-token' })).toMatch(
      /GitHub App installation tokens last one hour/
    )
  })

  test('"expired 47 minutes into the run, 2 minutes after the expiry measured at preflight"', () => {
    const scan = scanBuffer('t', jsonl(expiredRun()))
    const state = parsePreflightState(
      '{"source":"claude-code-oauth-token","label":"OAuth token","fingerprint":"sk-ant-oat01:1a2b3c4d","expiresAt":"2026-03-01T10:45:00Z","checkedAt":"2026-03-01T09:59:00Z","status":"valid"}'
    )
    const [failure] = distinctFailures(scan.findings, state)
    expect(failure?.headline).toContain('The OAuth token expired 47 minutes into the run')
    expect(failure?.preflight).toBe(
      'It failed 2 minutes after the expiry measured at preflight (2026-03-01T10:45:00Z).'
    )
    expect(failure?.lost).toBe(
      '2 turns and 2 tool calls had completed before it, the run lasted 47 minutes, cost $1.25, 2 retries burned on it.'
    )
  })

  test('an expiry the preflight warned about says so, and how to stop such a run before it starts', () => {
    const scan = scanBuffer('t', jsonl(expiredRun()))
    const state = parsePreflightState(
      '{"source":"claude-code-oauth-token","label":"OAuth token","fingerprint":"sk-ant-oat01:1a2b3c4d","expiresAt":"2026-03-01T10:45:00Z","checkedAt":"2026-03-01T09:59:00Z","status":"expiring"}'
    )
    const [failure] = distinctFailures(scan.findings, state)
    expect(failure?.preflight).toBe(
      'It failed 2 minutes after the expiry measured at preflight (2026-03-01T10:45:00Z). The preflight had warned at the start that it would not last the job; `on-expiring: fail` stops such a run before it starts.'
    )
  })

  test('"was valid at preflight, revoked since"', () => {
    const revoked = 'Failed to authenticate. API Error: 401 OAuth token revoked'
    const scan = scanBuffer(
      't',
      jsonl([init, apiError(401, revoked, '2026-03-01T10:00:00Z'), result(401, revoked)])
    )
    const [failure] = distinctFailures(scan.findings, {
      status: 'valid',
      checkedAt: Date.parse('2026-03-01T09:58:00Z')
    })
    expect(failure?.preflight).toBe(
      'It was valid at preflight (checked 2026-03-01T09:58:00Z), revoked since.'
    )
  })

  test('durations', () => {
    expect([
      duration(1),
      duration(89),
      duration(90),
      duration(47 * 60),
      duration(125 * 60),
      duration(180 * 60)
    ]).toEqual([
      '1 second',
      '89 seconds',
      '2 minutes',
      '47 minutes',
      '2 hours 5 minutes',
      '3 hours'
    ])
  })
})

describe('secrets are redacted before anything is cut', () => {
  // A GitHub token: redacted only while at least 16 characters follow its prefix.
  const TOKEN = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
  const ANY_TOKEN_PART = /ghp_[A-Za-z0-9]/
  const bashCall = (id: string, command: string) => ({
    type: 'assistant',
    message: {
      id: `m${id}`,
      model: 'claude',
      content: [{ type: 'tool_use', id, name: 'Bash', input: { command } }]
    }
  })
  const failedCall = (id: string, content: string) => ({
    type: 'user',
    message: {
      role: 'user',
      content: [{ tool_use_id: id, type: 'tool_result', is_error: true, content }]
    }
  })

  test('a gh command whose token the 60-character label would cut', () => {
    const command = `gh api repos/octo/app/pulls/7 -H "Authorization: token ${TOKEN}"`
    // Cut at 60, the token would keep its prefix and fewer than 16 characters: no longer shaped like a secret.
    expect(60 - command.indexOf('ghp_')).toBeGreaterThan(4)
    expect(60 - command.indexOf('ghp_')).toBeLessThan(20)
    const scan = scanBuffer(
      't',
      jsonl([
        init,
        bashCall('a', command),
        failedCall('a', 'HTTP 401: Bad credentials (https://api.github.com)')
      ])
    )
    expect(scan.findings.map(f => f.kind)).toEqual(['github-auth'])
    expect(scan.findings[0]?.message).toContain('git/gh (gh api repos/octo/app/pulls/7')
    expect(scan.findings[0]?.message).not.toMatch(ANY_TOKEN_PART)
  })

  test('a tool result whose matching line the 300-character quote would cut in the token', () => {
    const line = `gh: Bad credentials ${'x'.repeat(270)} ${TOKEN}`
    expect(300 - line.indexOf('ghp_')).toBeLessThan(20)
    const scan = scanBuffer(
      't',
      jsonl([init, bashCall('b', 'gh pr create'), failedCall('b', line)])
    )
    expect(scan.findings.map(f => f.kind)).toEqual(['github-auth'])
    expect(scan.findings[0]?.message).toContain('gh: Bad credentials')
    expect(scan.findings[0]?.message).not.toMatch(ANY_TOKEN_PART)
  })

  test('a tool result whose first 20,000 characters end in the token', () => {
    const content = `HTTP 401: Bad credentials ${'x'.repeat(19_955)} ${TOKEN}`
    expect(20_000 - content.indexOf('ghp_')).toBeLessThan(20)
    const scan = scanBuffer('t', jsonl([init, bashCall('c', 'git push'), failedCall('c', content)]))
    expect(scan.findings.map(f => f.kind)).toEqual(['github-auth'])
    expect(scan.findings[0]?.message).not.toMatch(ANY_TOKEN_PART)
  })

  test('a plain-text line whose 500-character message would cut the token', () => {
    const line = `Failed to authenticate. API Error: 401 invalid token ${'x'.repeat(436)} ${TOKEN}`
    expect(500 - line.indexOf('ghp_')).toBeLessThan(20)
    expect(classifyTextLine(line)?.message).not.toMatch(ANY_TOKEN_PART)
    expect(classifyTextLine(line)?.message).toContain('[redacted ')
    const [finding] = scanBuffer('log', Buffer.from(`${line}\n`)).findings
    expect(finding?.kind).toBe('anthropic-auth-invalid')
    expect(finding?.message).not.toMatch(ANY_TOKEN_PART)
  })
})

describe('times and numbers no Date can hold', () => {
  test('a job-log timestamp the pattern admits but no calendar has: no time, the finding kept', () => {
    const line =
      '2026-13-45T10:47:00.1234567Z Failed to authenticate. API Error: 401 OAuth token revoked'
    expect(classifyTextLine(line)).toEqual({
      kind: 'anthropic-auth-revoked',
      status: 401,
      message: 'Failed to authenticate. API Error: 401 OAuth token revoked'
    })
    const scan = scanBuffer('log', Buffer.from(`${line}\n`))
    expect(scan.findings.map(f => [f.kind, f.at])).toEqual([['anthropic-auth-revoked', undefined]])
  })

  test.each([
    ['a huge retry_delay_ms', '"retry_delay_ms":500', '"retry_delay_ms":1e308'],
    ['an infinite retry_delay_ms', '"retry_delay_ms":500', '"retry_delay_ms":1e400'],
    ['a negative retry_delay_ms', '"retry_delay_ms":500', '"retry_delay_ms":-9e15'],
    ['an infinite duration_ms', `"duration_ms":${47 * 60_000}`, '"duration_ms":1e400'],
    ['a negative duration_ms', `"duration_ms":${47 * 60_000}`, '"duration_ms":-9e15'],
    ['a huge total_cost_usd', '"total_cost_usd":1.25', '"total_cost_usd":1e400'],
    ['a date no calendar has', '"2026-03-01T10:47:01.000Z"', '"2026-13-45T10:47:01.000Z"']
  ])('%s: the finding is kept, the garbled value left out', (_name, from, to) => {
    const text = jsonl(expiredRun()).toString('utf8')
    expect(text).toContain(from)
    const scan = scanBuffer('t', Buffer.from(text.split(from).join(to)))
    expect(scan.findings.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
    const [f] = scan.findings
    for (const time of [f?.at, f?.runStartedAt]) {
      if (time !== undefined) expect(Number.isFinite(Date.parse(time))).toBe(true)
    }
    if (to.includes('duration_ms')) expect(f?.runDurationMs).toBeUndefined()
    if (to.includes('total_cost_usd')) expect(f?.costUsd).toBeUndefined()
    // A garbled delay counts as none: the failure is placed at the message that reported it.
    if (to.includes('retry_delay_ms')) expect(f?.at).toBe('2026-03-01T10:47:01.000Z')
  })

  test('a preflight expiry past what a Date can hold is left out, and the report still renders', () => {
    const state = parsePreflightState(
      '{"source":"claude-code-oauth-token","expiresAt":"9999999999999999","checkedAt":1e400,"status":"valid"}'
    )
    expect(state).toEqual({ source: 'claude-code-oauth-token', status: 'valid' })
    const failures = distinctFailures(scanBuffer('t', jsonl(expiredRun())).findings, state)
    expect(
      reportMarkdown(failures, {
        files: ['t'],
        missing: [],
        unreadable: [],
        state,
        redact: text => text,
        audience: 'summary'
      })
    ).toContain('anthropic-auth-expired')
  })
})

describe('globs', () => {
  test('paths, *, ** and exclusions; missing patterns reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glob-'))
    mkdirSync(join(dir, 'a/b'), { recursive: true })
    for (const f of ['x.jsonl', 'a/y.jsonl', 'a/b/z.jsonl', 'a/b/skip.jsonl', 'a/n.txt'])
      writeFileSync(join(dir, f), '')
    const got = await expandPatterns(
      ['**/*.jsonl', '!**/skip.jsonl', 'x.jsonl', 'nothing/*.json', 'gone.json'],
      dir
    )
    expect(got.files.map(f => f.path.slice(dir.length + 1))).toEqual([
      'a/b/z.jsonl',
      'a/y.jsonl',
      'x.jsonl'
    ])
    expect(got.missing).toEqual(['nothing/*.json', 'gone.json'])
    expect(globToRegExp('/t/[ab]?.log').test('/t/a1.log')).toBe(true)
    expect(globToRegExp('/t/*.log').test('/t/d/a.log')).toBe(false)
  })
})

describe(`properties (${PROPERTY_RUNS} runs each)`, () => {
  test('arbitrary bytes in any chunking: findings or nothing, never an exception', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 64 }),
        (bytes, chunk) => {
          const scan = scanBuffer('t', Buffer.from(bytes), chunk)
          expect(Array.isArray(scan.findings)).toBe(true)
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('arbitrary JSON values and text lines mixed: never an exception', () => {
    // Records as Claude writes them, with any time and any number where the CLI puts one: a date the job-log pattern
    // admits but no calendar has (month 13), a delay or duration no Date can take, `1e400` (Infinity once parsed).
    const pad = (n: number, width: number) => String(n).padStart(width, '0')
    const digits = (max: number) => fc.integer({ min: 0, max })
    const stamp = fc.oneof(
      fc
        .tuple(digits(9999), digits(99), digits(99), digits(99), digits(99), digits(99))
        .map(
          ([y, mo, d, h, mi, sec]) =>
            `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(sec, 2)}.000Z`
        ),
      fc.date({ noInvalidDate: true }).map(d => d.toISOString()),
      fc.string({ maxLength: 40 })
    )
    const number = fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.constantFrom('1e400', '-1e400', '1e308', '-1e308', '8.64e15', '-8.64e15', '0', '-1')
    )
    const said = 'Failed to authenticate. API Error: 401 OAuth token has expired.'
    const record = fc
      .tuple(fc.integer({ min: 0, max: 6 }), stamp, number, number)
      .map(([shape, at, n, m]) => {
        const ts = JSON.stringify(at)
        switch (shape) {
          case 0:
            return '{"type":"system","subtype":"init","session_id":"s1"}'
          case 1:
            return `{"type":"system","subtype":"api_retry","attempt":1,"retry_delay_ms":${n},"error_status":401,"error":"authentication_failed"}`
          case 2:
            return `{"type":"assistant","message":{"id":"synthetic","model":"<synthetic>","content":[{"type":"text","text":"${said}"}]},"timestamp":${ts},"error":"authentication_failed","is_api_error_message":true,"api_error_status":401,"api_error_type":"authentication_error"}`
          case 3:
            return `{"type":"result","subtype":"success","is_error":true,"duration_ms":${n},"total_cost_usd":${m},"api_error_status":401,"result":"${said}"}`
          case 4:
            return `{"type":"assistant","message":{"id":"msg_${n}","model":"claude","content":[{"type":"tool_use","id":"t","name":"Bash","input":{"command":"npm test"}}]},"timestamp":${ts}}`
          case 5:
            return `{"type":"user","message":{"role":"user","content":[{"tool_use_id":"t","type":"tool_result","content":"ok"}]},"timestamp":${ts}}`
          default:
            return `${at} Failed to authenticate. API Error: 401 OAuth token revoked`
        }
      })
    const line = fc.oneof(
      fc.json().map(j => j.replace(/\n/g, ' ')),
      fc.string(),
      fc.constantFrom(
        EXPIRED,
        '{"type":"assistant"',
        '[',
        ']',
        '{"type":"result","api_error_status":401}'
      ),
      record,
      record
    )
    const state = fc
      .tuple(
        fc.oneof(
          stamp.map(t => JSON.stringify(t)),
          number
        ),
        fc.oneof(stamp, number)
      )
      .map(
        ([expiresAt, checkedAt]) =>
          `{"source":"claude-code-oauth-token","expiresAt":${expiresAt},"checkedAt":${JSON.stringify(checkedAt)},"status":"valid"}`
      )
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 50 }),
        state,
        (lines, asArray, chunk, saved) => {
          const text = asArray ? `[${lines.join(',\n')}]` : lines.join('\n')
          const scan = scanBuffer('t', Buffer.from(text), chunk)
          // And on to the report: every time a finding or the state carries is one a Date can show.
          const preflight = parsePreflightState(saved)
          const failures = distinctFailures(scan.findings, preflight)
          annotate({ error: () => undefined, warning: () => undefined }, failures, text => text)
          reportMarkdown(failures, {
            files: ['t'],
            missing: [],
            unreadable: [],
            state: preflight,
            redact: text => text,
            audience: 'summary'
          })
          for (const f of scan.findings) {
            for (const time of [f.at, f.runStartedAt]) {
              if (time !== undefined) expect(Number.isFinite(Date.parse(time))).toBe(true)
            }
          }
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('the same run gives the same findings in every format and chunking', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.string({ maxLength: 200 }),
        (chunk, noise) => {
          const messages = expiredRun(noise)
          const expected = scanBuffer('t', jsonl(messages)).findings.map(
            ({ line: _line, ...rest }) => rest
          )
          for (const encode of [jsonl, pretty, compact]) {
            const got = scanBuffer('t', encode(messages), chunk).findings.map(
              ({ line: _line, ...rest }) => rest
            )
            expect(got).toEqual(expected)
          }
          expect(expected.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('whatever a tool prints, tool results never make a finding', () => {
    const scary = fc.constantFrom(
      EXPIRED,
      JSON.stringify(apiError(401, EXPIRED, 'x')),
      JSON.stringify(retry(401)),
      '\n{"type":"system","subtype":"api_retry","error_status":401}\n',
      'Invalid API key · Please run /login',
      'HttpError: Bad credentials',
      '"]}\n{"type":"result","api_error_status":401}',
      '\\"'
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(scary, fc.string()), { maxLength: 8 }),
        fc.integer({ min: 1, max: 300 }),
        (parts, chunk) => {
          const messages = [
            init,
            turn(1, '2026-03-01T10:00:00Z'),
            toolResult(1, '2026-03-01T10:00:01Z', parts.join('\n')),
            result(undefined, 'done')
          ]
          for (const encode of [jsonl, pretty, compact]) {
            expect(scanBuffer('t', encode(messages), chunk).findings).toEqual([])
          }
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('the splitter: pretty elements read by lines give what the byte scanner gives', () => {
    // A space after each "  {" keeps the JSON and its line numbers but sends every element through the byte
    // scanner: both paths must yield the same records at the same lines, in any chunking, with LF or CRLF.
    const element = fc.oneof(
      fc.constant({}),
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.record({
        type: fc.constantFrom('assistant', 'user'),
        text: fc.string(),
        nested: fc.array(fc.jsonValue())
      })
    )
    fc.assert(
      fc.property(
        fc.array(element, { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('\n', '\r\n'),
        (objects, chunk, eol) => {
          const text = JSON.stringify(objects, null, 2).replace(/\n/g, eol)
          const split = (bytes: Buffer) => {
            const records: Array<{ value: unknown; line: number }> = []
            const splitter = new RecordSplitter(r =>
              records.push({ value: JSON.parse(r.bytes.toString('utf8')), line: r.line })
            )
            for (let i = 0; i < bytes.length; i += chunk)
              splitter.push(bytes.subarray(i, i + chunk))
            splitter.end()
            return records
          }
          const byLines = split(Buffer.from(text))
          const byBytes = split(Buffer.from(text.replace(/^ {2}\{(?=\r?$)/gm, '  { ')))
          expect(byLines).toEqual(byBytes)
          expect(byLines.map(r => r.value)).toEqual(JSON.parse(JSON.stringify(objects)))
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('the splitter: every chunking gives the same records', () => {
    fc.assert(
      fc.property(
        fc.array(fc.json(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (values, chunk) => {
          const objects = values.map(v => ({ v: JSON.parse(v) as unknown }))
          const bytes = pretty(objects)
          const records: SplitRecord[] = []
          const splitter = new RecordSplitter(r =>
            records.push({ ...r, bytes: Buffer.from(r.bytes) })
          )
          for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk))
          splitter.end()
          expect(records.map(r => JSON.parse(r.bytes.toString('utf8')) as unknown)).toEqual(objects)
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })
})

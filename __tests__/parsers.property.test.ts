// Every parser of user input: arbitrary input gives a value or a one-line UserError naming the input,
// never another exception. Each property runs RUNS generated cases (reported in docs/reliability.md).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatDuration } from '../src/lifetime/duration.js'
import { parseDuration } from '../src/inputs/parse.js'
import { parseTimestamp } from '../src/lifetime/timestamp.js'
import { jwtExpiry } from '../src/lifetime/jwt.js'
import { jobTimeoutMinutes, parseWorkflow, parseWorkflowRef } from '../src/workflow/timeout.js'
import { parseClaudeCredentials } from '../src/providers/claude-credentials.js'
import { cleanSecret } from '../src/providers/clean.js'
import { readCheckInputs } from '../src/inputs/check.js'
import { selectCredential } from '../src/providers/select.js'
import { UserError } from '../src/common/errors.js'

export const RUNS = 1000

/** Runs `parse`; passes when it returns or throws a UserError that names `input` on one line. */
function valueOrNamedError(input: string, parse: () => unknown): boolean {
  try {
    parse()
    return true
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    expect(error.message).toContain(`'${input}'`)
    expect(error.message).not.toContain('\n')
    expect(error.message.startsWith('claude-preflight: ')).toBe(true)
    return true
  }
}

const durationLike = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\s*(\d{0,7}[dhms]){0,5}\s*$/),
  fc.stringMatching(/^\d+$/)
)

describe('parseDuration', () => {
  it('gives a value in range or a named error, for any string', () => {
    fc.assert(
      fc.property(durationLike, text =>
        valueOrNamedError('min-remaining', () => parseDuration('min-remaining', text))
      ),
      { numRuns: RUNS }
    )
  })
  it('round-trips with formatDuration for whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 86_400 }), seconds => {
        expect(parseDuration('d', formatDuration(seconds * 1000))).toBe(seconds * 1000)
      }),
      { numRuns: RUNS }
    )
  })
  it('reads the documented forms', () => {
    expect(parseDuration('x', '90m')).toBe(5_400_000)
    expect(parseDuration('x', '2h')).toBe(7_200_000)
    expect(parseDuration('x', '1h30m')).toBe(5_400_000)
    expect(parseDuration('x', ' 45s\n')).toBe(45_000)
    expect(() => parseDuration('min-remaining', '90')).toThrow(/min-remaining.*no unit/)
    expect(() => parseDuration('probe-timeout', '0s', { min: 1000, max: 300_000 })).toThrow(
      /out of range/
    )
    expect(() => parseDuration('x', '30m2h')).toThrow(/not a duration/)
  })
})

describe('parseTimestamp', () => {
  it('gives an instant or a named error, for any string or number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.integer(),
          fc.date({ noInvalidDate: true }).map(d => d.toISOString())
        ),
        value =>
          valueOrNamedError('oauth-token-expires-at', () =>
            parseTimestamp('oauth-token-expires-at', value)
          )
      ),
      { numRuns: RUNS }
    )
  })
  it('recognises epoch seconds and says so', () => {
    const ms = Date.UTC(2026, 11, 1)
    expect(parseTimestamp('t', ms).at.getTime()).toBe(ms)
    const seconds = parseTimestamp('t', ms / 1000)
    expect(seconds.at.getTime()).toBe(ms)
    expect(seconds.note).toMatch(/epoch seconds, not milliseconds/)
    expect(parseTimestamp('t', '2026-12-01T00:00:00Z').at.getTime()).toBe(ms)
    expect(() => parseTimestamp('t', 'tomorrow')).toThrow(/'t' is not a timestamp/)
  })
})

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('jwtExpiry', () => {
  it('never throws, and reads exp from any well-formed JWT', () => {
    fc.assert(
      fc.property(fc.string(), text => {
        jwtExpiry(text)
        jwtExpiry(`eyJ${text}.${text}.${text}`)
      }),
      { numRuns: RUNS }
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.jsonValue(), (exp, extra) => {
        const token = `${base64url({ alg: 'HS256' })}.${base64url({ exp, extra })}.sig`
        expect(jwtExpiry(token)?.getTime()).toBe(exp * 1000)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('claude-credentials JSON', () => {
  it('gives credentials or a named error, for any JSON value or text', () => {
    const document = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({
          claudeAiOauth: fc.dictionary(
            fc.constantFrom('accessToken', 'refreshToken', 'expiresAt', 'scopes'),
            fc.jsonValue()
          )
        })
        .map(v => JSON.stringify(v))
    )
    fc.assert(
      fc.property(document, text =>
        valueOrNamedError('claude-credentials', () => parseClaudeCredentials(text))
      ),
      { numRuns: RUNS }
    )
  })
  it('reads any credentials through the selector, or names the input', () => {
    const credentials = fc
      .record(
        {
          accessToken: fc.oneof(fc.constant('sk-ant-oat01-abc'), fc.string(), fc.integer()),
          refreshToken: fc.oneof(fc.constant('sk-ant-ort01-def'), fc.string()),
          expiresAt: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))
        },
        { requiredKeys: [] }
      )
      .map(oauth => JSON.stringify({ claudeAiOauth: oauth }))
    fc.assert(
      fc.property(credentials, text => {
        try {
          selectCredential(
            { input: n => (n === 'claude-credentials' ? text : ''), now: new Date() },
            {}
          )
        } catch (error) {
          if (!(error instanceof UserError)) throw error
          expect(error.message).toMatch(/'claude-credentials(\.\w+)?'/)
        }
      }),
      { numRuns: RUNS }
    )
  })
})

describe('pasted secrets', () => {
  it('cleans or refuses any pasted value, naming the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', ' ', '\n', '\r\n', '"', "'"), (core, wrap) =>
        valueOrNamedError('anthropic-api-key', () =>
          cleanSecret('anthropic-api-key', `${wrap}${core}${wrap}`)
        )
      ),
      { numRuns: RUNS }
    )
  })
})

describe('action inputs', () => {
  it('reads any combination of input strings or names the bad one', () => {
    const names = [
      'anthropic-base-url',
      'probe-timeout',
      'min-remaining',
      'on-invalid',
      'on-expiring',
      'on-unverifiable',
      'force-refresh'
    ]
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.string(), fc.webUrl(), durationLike)),
        values => {
          try {
            readCheckInputs(n => values[n] ?? '', {})
          } catch (error) {
            if (!(error instanceof UserError)) throw error
            expect(names.some(n => error.message.includes(`'${n}'`))).toBe(true)
          }
        }
      ),
      { numRuns: RUNS }
    )
  })
})

describe('workflow files', () => {
  it('never throws on any text and reads plain timeout-minutes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (text, job) => {
        jobTimeoutMinutes(await parseWorkflow(text), job)
        parseWorkflowRef(text)
      }),
      { numRuns: RUNS }
    )
    const yaml =
      'on: push\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    timeout-minutes: 95\n  other:\n    timeout-minutes: ${{ inputs.t }}\n'
    expect(jobTimeoutMinutes(await parseWorkflow(yaml), 'claude')).toBe(95)
    expect(jobTimeoutMinutes(await parseWorkflow(yaml), 'other')).toBeUndefined()
    expect(parseWorkflowRef('o/r/.github/workflows/ci.yml@refs/heads/main')).toEqual({
      owner: 'o',
      repo: 'r',
      path: '.github/workflows/ci.yml',
      ref: 'refs/heads/main'
    })
  })
})

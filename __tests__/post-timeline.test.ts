// The Mermaid timeline of the post step's report (job summary and PR comment): what it draws, when it is left
// out, and that no text from a transcript or the state can break out of the diagram or the code fence.
import { describe, expect, test } from '@jest/globals'
import { distinctFailures } from '../src/scan/explain.js'
import type { Finding } from '../src/scan/transcript.js'
import type { PreflightState } from '../src/state/index.js'
import {
  commentBody,
  mermaidText,
  reportMarkdown,
  timelineMermaid
} from '../src/report/post-report.js'

const CONTEXT = {
  files: ['/tmp/claude.jsonl'],
  missing: [],
  unreadable: [],
  redact: (text: string) => text,
  audience: 'summary' as const
}

function finding(over: Partial<Finding> = {}): Finding {
  return {
    kind: 'anthropic-auth-expired',
    file: '/tmp/claude.jsonl',
    line: 42,
    message: 'Failed to authenticate. API Error: 401 OAuth token has expired.',
    source: 'api',
    retries: 2,
    occurrences: 1,
    status: 401,
    at: '2026-03-01T10:47:00.000Z',
    runStartedAt: '2026-03-01T10:00:00.000Z',
    secondsIntoRun: 47 * 60,
    runDurationMs: 50 * 60_000,
    turnsBefore: 12,
    toolCallsBefore: 30,
    ...over
  }
}

const STATE: PreflightState = {
  source: 'claude-code-oauth-token',
  label: 'OAuth token',
  fingerprint: 'sk-ant-oat01:1a2b3c4d',
  checkedAt: Date.parse('2026-03-01T09:59:00Z'),
  expiresAt: Date.parse('2026-03-01T10:45:00Z'),
  status: 'valid'
}

/** The fenced mermaid blocks of a markdown text. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map(m => m[1] ?? '')
}

describe('timeline', () => {
  test('draws preflight, measured expiry, the run up to the failure, what came after, and the failure', () => {
    const markdown = reportMarkdown(distinctFailures([finding()], STATE), {
      ...CONTEXT,
      state: STATE
    })
    const [chart, ...more] = mermaidBlocks(markdown)
    expect(more).toHaveLength(0)
    expect(chart).toBe(
      [
        'gantt',
        '    title Timeline of the run (UTC)',
        '    dateFormat YYYY-MM-DD HH:mm:ss',
        '    todayMarker off',
        '    axisFormat %H:%M',
        '    section Preflight',
        '    Preflight checked OAuth token sk-ant-oat01 1a2b3c4d valid :milestone, 2026-03-01 09:59:00, 1s',
        '    section Credential',
        '    Expiry measured at preflight :crit, milestone, 2026-03-01 10:45:00, 1s',
        '    section Claude step',
        '    Claude run, 12 turns, 30 tool calls before the failure :done, 2026-03-01 10:00:00, 2026-03-01 10:47:00',
        '    After it, 2 retries, no progress :crit, 2026-03-01 10:47:00, 2026-03-01 10:50:00',
        '    First failure anthropic-auth-expired :crit, milestone, 2026-03-01 10:47:00, 1s'
      ].join('\n')
    )
    // It sits between the table and the details, and goes into the PR comment unchanged.
    expect(markdown.indexOf('```mermaid')).toBeGreaterThan(markdown.indexOf('| Kind |'))
    expect(markdown.indexOf('```mermaid')).toBeLessThan(markdown.indexOf('#### '))
    expect(mermaidBlocks(commentBody(markdown, 'https://github.com/o/r/actions/runs/1'))).toEqual([
      chart
    ])
  })

  test('an expiry after the failure is not critical; several failures each get a milestone', () => {
    const state = { ...STATE, expiresAt: Date.parse('2026-03-01T12:00:00Z') }
    const failures = distinctFailures(
      [
        finding({ kind: 'anthropic-auth-revoked', message: 'OAuth token revoked' }),
        finding({
          kind: 'github-auth',
          message: 'Bad credentials',
          at: '2026-03-01T11:05:00.000Z',
          source: 'tool'
        })
      ],
      state
    )
    const chart = timelineMermaid(failures, state) ?? ''
    expect(chart).toContain('Expiry measured at preflight :milestone, 2026-03-01 12:00:00, 1s')
    expect(chart).toContain(
      'First failure anthropic-auth-revoked :crit, milestone, 2026-03-01 10:47:00, 1s'
    )
    expect(chart).toContain('First failure github-auth :crit, milestone, 2026-03-01 11:05:00, 1s')
    // The run bar ends at the earliest failure.
    expect(chart).toContain(':done, 2026-03-01 10:00:00, 2026-03-01 10:47:00')
  })

  test('nothing with a time (plain-text logs), or no failure: no diagram', () => {
    const text = finding({
      source: 'text',
      at: undefined,
      runStartedAt: undefined,
      secondsIntoRun: undefined,
      runDurationMs: undefined,
      turnsBefore: undefined,
      toolCallsBefore: undefined
    })
    const failures = distinctFailures([text], STATE)
    expect(timelineMermaid(failures, STATE)).toBeUndefined()
    expect(reportMarkdown(failures, { ...CONTEXT, state: STATE })).not.toContain('```mermaid')
    expect(reportMarkdown([], { ...CONTEXT, state: STATE })).not.toContain('```mermaid')
  })

  test('without preflight state it still draws the run and the failure', () => {
    const chart = timelineMermaid(distinctFailures([finding()])) ?? ''
    expect(chart).not.toContain('section Preflight')
    expect(chart).not.toContain('section Credential')
    expect(chart).toContain('section Claude step')
  })

  test('hostile text cannot break out of the diagram or the fence', () => {
    const hostile =
      'x: y\n```\n%%{init: {"theme":"dark"}}%%\nsection evil #35; <script>alert(1)</script> click a call b() ;'
    const state = {
      ...STATE,
      label: hostile,
      fingerprint: '`sk`:#;%%',
      status: 'valid\n```'
    } as PreflightState
    const markdown = reportMarkdown(
      distinctFailures([finding({ message: hostile, file: '/tmp/``` evil.jsonl' })], state),
      { ...CONTEXT, state }
    )
    const fences = markdown.split('\n').filter(line => line.startsWith('```'))
    expect(fences).toEqual(['```mermaid', '```'])
    const [chart] = mermaidBlocks(markdown)
    const lines = (chart ?? '').split('\n')
    const header = lines.slice(0, 5)
    expect(header[0]).toBe('gantt')
    const SAFE_TASK =
      /^ {4}[A-Za-z0-9 .,()'+/_-]+ :(?:crit, |done, )?(?:milestone, )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, (?:1s|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)$/
    for (const line of lines.slice(5)) {
      if (line.startsWith('    section ')) {
        expect(['Preflight', 'Credential', 'Claude step']).toContain(line.slice(12))
      } else {
        expect(line).toMatch(SAFE_TASK)
      }
    }
    expect(chart).not.toMatch(/%%|#|;|<|>|`/)
  })

  test('a run ending past the last time a Date can hold: no bar for it, never an exception', () => {
    // The scanner takes any timestamp Date.parse accepts; the run's end is its start plus duration_ms.
    const late = finding({
      at: '+275760-09-12T01:00:00.000Z',
      runStartedAt: '+275760-09-12T00:00:00.000Z',
      runDurationMs: 5 * 86_400_000
    })
    const chart = timelineMermaid(distinctFailures([late]))
    expect(chart).toContain('Claude run, 12 turns, 30 tool calls before the failure')
    expect(chart).not.toContain('no progress')
  })

  test('mermaidText keeps words and drops syntax', () => {
    expect(mermaidText('OAuth token sk-ant-oat01:1a2b3c4d: valid')).toBe(
      'OAuth token sk-ant-oat01 1a2b3c4d valid'
    )
    expect(mermaidText('a\nb;c#d%%e`f<g>h{i}j[k]l')).toBe('a b c d e f g h i j k l')
    expect(mermaidText(':::')).toBe('event')
    expect(mermaidText('x'.repeat(500))).toHaveLength(80)
  })
})

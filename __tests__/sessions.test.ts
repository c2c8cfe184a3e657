// Finding Claude Code's session transcripts (src/scan/sessions.ts), reading a subscription's usage from hostile
// `rate_limit_event` values (src/scan/usage.ts), and the post step's use of both: sessions share what is left of the
// scan's byte cap, and without the main step's time no session is read (this job's cannot be told from others).
import { describe, expect, it } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post } from '../src/action/post.js'
import type { Core } from '../src/common/core.js'
import { findSessions, MAX_SESSIONS, projectsDirectory } from '../src/scan/sessions.js'
import { addUsage, describeUsage, usageSnapshot } from '../src/scan/usage.js'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** A projects directory with one project holding `count` sessions, the n-th last written n minutes after `at`. */
function projectsWith(count: number, at: number): string {
  const projects = join(mkdtempSync(join(tmpdir(), 'sessions-unit-')), 'projects')
  mkdirSync(join(projects, '-work-app'), { recursive: true })
  for (let n = 0; n < count; n++) {
    const file = join(projects, '-work-app', `${uuid(n)}.jsonl`)
    writeFileSync(file, '{"type":"user","message":{"role":"user","content":"hi"}}\n')
    const time = new Date(at + n * 60_000)
    utimesSync(file, time, time)
  }
  return projects
}

describe('findSessions', () => {
  it('lists sessions written since the time given, oldest first, less those covered', async () => {
    const at = Date.parse('2026-05-01T10:00:00Z')
    const projects = projectsWith(4, at)
    const found = (await findSessions(projects, at + 60_000, new Set([uuid(2)]))).sessions
    expect(found.map(s => s.session)).toEqual([uuid(1), uuid(3)])
    expect(found.every(s => s.base === projects)).toBe(true)
  })

  it(`keeps the newest ${MAX_SESSIONS} of a flood`, async () => {
    const at = Date.parse('2026-05-01T10:00:00Z')
    const { sessions: found, unread } = await findSessions(projectsWith(MAX_SESSIONS + 5, at), at)
    expect(found).toHaveLength(MAX_SESSIONS)
    expect(found[0]?.session).toBe(uuid(5))
    expect(unread).toBe(5)
  })

  it("leaves out a session begun before the check, however late it was written, and another project's", async () => {
    const projects = projectsWith(0, 0)
    const earlier = join(projects, '-work-app', `${uuid(1)}.jsonl`)
    writeFileSync(earlier, '{}\n')
    const check = Date.now() + 60_000
    utimesSync(earlier, new Date(check + 60_000), new Date(check + 60_000))
    expect((await findSessions(projects, check)).sessions).toEqual([])

    const other = projectsWith(1, 0)
    mkdirSync(join(other, '-home-runner-work-other'))
    writeFileSync(join(other, '-home-runner-work-other', `${uuid(7)}.jsonl`), '{}\n')
    const found = await findSessions(other, 0, new Set(), '/work/app')
    expect(found.sessions.map(s => s.session)).toEqual([uuid(0)])
  })

  it('reads a projects directory reached through a symlink, by its real path', async () => {
    const projects = projectsWith(1, Date.now())
    const link = join(mkdtempSync(join(tmpdir(), 'sessions-link-')), 'projects')
    symlinkSync(projects, link)
    const found = await findSessions(link, 0)
    expect(found.sessions.map(s => [s.session, s.base])).toEqual([
      [uuid(0), realpathSync(projects)]
    ])
  })

  it('a missing directory lists nothing', async () => {
    expect(await findSessions(join(tmpdir(), 'no-such-dir-sessions'), 0)).toEqual({
      sessions: [],
      unread: 0
    })
  })

  it('CLAUDE_CONFIG_DIR wins over HOME', () => {
    expect(projectsDirectory({ HOME: '/home/runner' })).toBe('/home/runner/.claude/projects')
    expect(projectsDirectory({ HOME: '/home/runner', CLAUDE_CONFIG_DIR: '/cfg' })).toBe(
      '/cfg/projects'
    )
    expect(projectsDirectory({})).toBeUndefined()
  })
})

describe('usage from rate_limit_event', () => {
  const info = (fiveHour: unknown, sevenDay: unknown, extra: object = {}) => ({
    status: 'allowed',
    rateLimitType: 'seven_day',
    unifiedWindows: {
      five_hour: { utilization: fiveHour, resetsAt: 1_780_000_000 },
      seven_day: { utilization: sevenDay, resetsAt: 1_780_400_000 }
    },
    ...extra
  })

  it('start, end and the binding window', () => {
    const usage = addUsage(addUsage(undefined, info(0.1, 0.8)), info(0.3, 0.95))!
    expect(describeUsage(usage)).toBe(
      'subscription usage: 5-hour window 10% at the start, 30% at the end (resets 2026-05-28T20:26:40Z); weekly window 80% at the start, 95% at the end (resets 2026-06-02T11:33:20Z); binding window: seven-day'
    )
  })

  it.each([
    ['a string', '0.5'],
    ['not a number', NaN],
    ['negative', -0.2],
    ['huge', 1e9],
    ['an object', { valueOf: 1 }]
  ])('a utilization that is %s is left out', (_, value) => {
    expect(usageSnapshot(info(value, value))).toEqual({ binding: 'seven_day', status: 'allowed' })
  })

  it('an unknown window or status name, a garbled reset, and no object at all are left out', () => {
    expect(
      usageSnapshot({
        status: '<script>',
        rateLimitType: 'five_hour\n::error::x',
        unifiedWindows: { five_hour: { utilization: 0.5, resetsAt: 1e300 } }
      })
    ).toEqual({ fiveHour: { utilization: 0.5 } })
    expect(usageSnapshot('allowed')).toBeUndefined()
    expect(usageSnapshot([info(0.1, 0.1)])).toBeUndefined()
    expect(addUsage(undefined, null)).toBeUndefined()
  })
})

/** A Core that keeps the log lines, warnings and the summary. */
function quietCore(state: Record<string, string>) {
  const lines: string[] = []
  let summary = ''
  const sink = (m: string | Error) => void lines.push(String(m))
  const core = {
    getInput: () => '',
    getState: (name: string) => state[name] ?? '',
    info: sink,
    debug: () => undefined,
    notice: sink,
    warning: sink,
    error: sink,
    summary: {
      addRaw(text: string) {
        summary += text
        return this
      },
      async write() {
        return this
      }
    }
  } as unknown as Core
  return { core, lines, summary: () => summary }
}

describe('post step and sessions', () => {
  const checkedAt = Date.parse('2026-05-01T10:30:00Z')
  const state = {
    preflight: JSON.stringify({ checkedAt: new Date(checkedAt).toISOString(), status: 'valid' })
  }

  it('sessions get only what the claude-output files left of the byte cap', async () => {
    const projects = projectsWith(1, checkedAt)
    const temp = mkdtempSync(join(tmpdir(), 'sessions-unit-temp-'))
    writeFileSync(join(temp, 'claude-execution-output.json'), 'x'.repeat(4096))
    const { core, lines } = quietCore(state)
    await post({
      core,
      env: { RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp, CLAUDE_CONFIG_DIR: join(projects, '..') },
      now: () => checkedAt + 3_600_000,
      scanLimits: { totalBytes: 4096 }
    })
    expect(lines.join('\n')).toContain(
      `${uuid(0)}.jsonl: not read: the scan's total byte cap (4096 bytes) was used up`
    )
  })

  it('without the main step’s time, no session is read: no evidence', async () => {
    const projects = projectsWith(1, checkedAt)
    const temp = mkdtempSync(join(tmpdir(), 'sessions-unit-temp-'))
    const { core, lines, summary } = quietCore({})
    await post({
      core,
      env: { RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp, CLAUDE_CONFIG_DIR: join(projects, '..') },
      now: () => checkedAt + 3_600_000
    })
    const log = lines.join('\n')
    expect(log).toContain("Claude Code's session transcripts not read")
    expect(log).not.toContain(uuid(0))
    expect(summary()).toContain('no evidence: nothing to read')
  })
})

// The renewer's parts on their own: the schedule (pure, clock given), the loop with a scripted source and clock, the
// job description's and status.json's readers, the state's reader, and the post step's stop, which signals a process
// only when the renewer's own directory names it and its command line is the renewer's bundle.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  deadlineOf,
  DEFAULT_JOB_LIMIT_MS,
  MAX_BACKOFF_MS,
  MIN_INTERVAL_MS,
  renewalAt,
  retryAt
} from '../src/renew/schedule.js'
import { FIRST_MINT_WINDOW_MS, renew } from '../src/renew/loop.js'
import { parseRenewalJob } from '../src/renew/job.js'
import { parseStatus, type RenewerStatus } from '../src/renew/status.js'
import { describeRenewals } from '../src/renew/describe.js'
import { isRenewerCommand, stopRenewer } from '../src/renew/stop.js'
import type { MintOutcome, PlanContext, RenewalSource, SourcePlan } from '../src/renew/source.js'
import { claudeRenewal, renewalPlans } from '../src/renew/plan.js'
import { PLATFORMS } from '../src/providers/platforms.js'
import type { Selection } from '../src/providers/select.js'
import { parseRenewerBinding } from '../src/state/index.js'

const NONCE = '0123456789abcdef0123456789abcdef'
const MIN = 60_000

describe('the schedule', () => {
  it('renews at half the life, never later than the margin before expiry, never sooner than a second', () => {
    expect(renewalAt(0, 5 * MIN, 30_000)).toBe(2.5 * MIN)
    // A margin larger than half the life wins.
    expect(renewalAt(0, 60 * MIN, 40 * MIN)).toBe(20 * MIN)
    expect(renewalAt(1_000, 1_000 + 3_000, 0)).toBe(2_500)
    // Born dead or nearly: not a busy loop.
    expect(renewalAt(10_000, 9_000, 0)).toBe(10_000 + MIN_INTERVAL_MS)
  })

  it('retries with a doubling backoff while the credential lives, once more at its expiry, then gives up', () => {
    const expiresAt = 10 * MIN
    expect(retryAt(0, 1, expiresAt)).toBe(1_000)
    expect(retryAt(0, 2, expiresAt)).toBe(2_000)
    expect(retryAt(0, 4, expiresAt)).toBe(8_000)
    expect(retryAt(0, 30, expiresAt)).toBe(MAX_BACKOFF_MS)
    expect(retryAt(expiresAt - 5_000, 6, expiresAt)).toBe(expiresAt)
    expect(retryAt(expiresAt, 1, expiresAt)).toBeUndefined()
  })

  it("ends at the job's timeout-minutes from its start, else GitHub-hosted runners' 6 hours", () => {
    expect(deadlineOf(1_000, 30 * MIN)).toBe(1_000 + 30 * MIN)
    expect(deadlineOf(1_000, undefined)).toBe(1_000 + DEFAULT_JOB_LIMIT_MS)
  })
})

/** The loop against a scripted source on a clock that moves only when it sleeps. */
async function loopWith(
  outcomes: Array<MintOutcome | ((now: number) => MintOutcome)>,
  deadline: number,
  { stopAtMint, writeFails }: { stopAtMint?: number; writeFails?: (count: number) => boolean } = {}
) {
  let now = 0
  let mints = 0
  let writes = 0
  let stopped = false
  const written: Array<{ at: number; value: string }> = []
  const statuses: string[] = []
  const status: RenewerStatus = { pid: 4242, nonce: NONCE, startedAt: 1, sources: [] }
  await renew(
    {
      nonce: NONCE,
      dir: '/tmp/x',
      deadline,
      sources: [{ kind: 'federation', file: '/tmp/x/identity-token' }]
    },
    status,
    {
      now: () => now,
      sleep: async ms => {
        now += ms
      },
      stopped: () => stopped,
      mint: async () => {
        if (++mints === stopAtMint) stopped = true
        const next = outcomes.shift() ?? { failure: 'script ended', permanent: true }
        return typeof next === 'function' ? next(now) : next
      },
      writeCredential: async (_path, value) => {
        if (writeFails?.(++writes)) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        written.push({ at: now, value })
      },
      writeStatus: async current => {
        statuses.push(JSON.stringify(current))
      }
    }
  )
  return { written, status, statuses, now }
}

const minted = (life: number) => (now: number) => ({
  minted: { value: `token-${now}`, expiresAt: now + life }
})

describe('the loop', () => {
  it('writes the first credential at once and each next one at half the life, until the deadline', async () => {
    const run = await loopWith(
      Array.from({ length: 10 }, () => minted(5 * MIN)),
      6 * MIN
    )
    expect(run.written.map(w => w.at)).toEqual([0, 2.5 * MIN, 5 * MIN])
    expect(run.status.sources[0]).toEqual({
      kind: 'federation',
      writes: 3,
      firstMintedAt: 0,
      firstExpiresAt: 5 * MIN,
      lastRenewedAt: 5 * MIN,
      expiresAt: 10 * MIN
    })
  })

  it('retries a transient failure while the credential lives, then gives up once, saying why', async () => {
    const down = { failure: 'HTTP 503: Service unavailable', permanent: false }
    const run = await loopWith([minted(5_000), ...Array.from({ length: 20 }, () => down)], 60 * MIN)
    const entry = run.status.sources[0]!
    expect(entry.writes).toBe(1)
    expect(entry.failure).toBe(
      "the federated token's identity file could no longer be renewed (after 1 write): HTTP 503: Service unavailable"
    )
    // A 30 s margin on a 5 s life: renewed after a second, then retried at 2 s, 4 s and the expiry, given up there.
    expect(run.now).toBe(5_000)
    expect(run.statuses.filter(s => s.includes('"failure"'))).toHaveLength(1)
  })

  it('gives up at once on a refusal, and within the first-mint window when the first mint never works', async () => {
    const refused = await loopWith(
      [minted(5 * MIN), { failure: 'HTTP 401: refused', permanent: true }],
      60 * MIN
    )
    expect(refused.now).toBe(2.5 * MIN)
    expect(refused.status.sources[0]!.failure).toMatch(/HTTP 401: refused$/)
    const never = await loopWith(
      Array.from({ length: 40 }, () => ({ failure: 'no answer', permanent: false })),
      60 * MIN
    )
    expect(never.status.sources[0]!.writes).toBe(0)
    expect(never.now).toBe(FIRST_MINT_WINDOW_MS)
  })

  it('a stop that comes during a mint ends the loop before it writes or sleeps again', async () => {
    const run = await loopWith(
      Array.from({ length: 10 }, () => minted(5 * MIN)),
      60 * MIN,
      { stopAtMint: 2 }
    )
    expect(run.written.map(w => w.at)).toEqual([0])
    expect(run.now).toBe(2.5 * MIN)
  })

  it('a file that cannot be written is retried like a failed mint, then said once', async () => {
    const run = await loopWith(
      Array.from({ length: 40 }, () => minted(10_000)),
      60 * MIN,
      { writeFails: count => count > 1 }
    )
    expect(run.written).toHaveLength(1)
    expect(run.status.sources[0]!.failure).toBe(
      "the federated token's identity file could no longer be renewed (after 1 write): /tmp/x/identity-token could not be written (no space)"
    )
  })
})

describe('what the renewer reads and writes', () => {
  const part = {
    kind: 'federation',
    file: '/tmp/d/identity-token',
    audience: 'https://api.anthropic.com',
    requestUrl: 'https://runner/idtoken?api-version=2.0',
    requestToken: 'request-token'
  }
  const job = { nonce: NONCE, dir: '/tmp/d', deadline: 5, sources: [part] }

  it('the job description: only the shape main writes', () => {
    expect(parseRenewalJob(JSON.stringify(job))).toEqual(job)
    for (const bad of [
      'not json',
      '[]',
      JSON.stringify({ ...job, nonce: 'x' }),
      JSON.stringify({ ...job, dir: 'relative' }),
      JSON.stringify({ ...job, sources: [] }),
      JSON.stringify({ ...job, sources: [{ ...part, kind: 'other' }] }),
      JSON.stringify({ ...job, sources: [{ ...part, file: 'relative' }] }),
      JSON.stringify({ ...job, sources: [{ ...part, requestToken: '' }] })
    ])
      expect(parseRenewalJob(bad)).toBeUndefined()
  })

  it('status.json: hostile text keeps only the renewer’s fields, the failure on one capped line', () => {
    const status = parseStatus(
      JSON.stringify({
        pid: 77,
        nonce: NONCE,
        startedAt: 1_000,
        extra: '::error::x',
        sources: [
          {
            kind: 'federation',
            writes: 3,
            expiresAt: 9_000,
            failure: `a\n::warning::b ${'x'.repeat(500)}`
          },
          { kind: 'made-up', writes: 1 },
          { kind: 'federation', writes: -1, expiresAt: 'soon' }
        ]
      })
    )
    expect(status?.sources).toHaveLength(2)
    expect(status?.sources[0]!.failure).toMatch(/^a ::warning::b x+\.\.\.$/)
    expect(status?.sources[0]!.failure!.length).toBe(300)
    expect(status?.sources[1]).toEqual({ kind: 'federation', writes: 0 })
    expect(parseStatus(JSON.stringify({ pid: 77, nonce: 'short', startedAt: 1 }))).toBeUndefined()
    expect(parseStatus('{')).toBeUndefined()
  })

  it('the report: how often, how long the run and the first credential lasted, or why it stopped', () => {
    const status: RenewerStatus = {
      pid: 1,
      nonce: NONCE,
      startedAt: 0,
      sources: [
        { kind: 'federation', writes: 15, firstMintedAt: 0, firstExpiresAt: 5 * MIN },
        { kind: 'federation', writes: 1, failure: 'it stopped here' }
      ]
    }
    expect(describeRenewals(status, 58 * MIN)).toEqual([
      "renewed the federated token's identity file 14 times; the run lasted 58m, its first identity token 5m",
      "renewed the federated token's identity file 0 times; the run lasted 58m; then it stopped: it stopped here"
    ])
  })

  it("the state's reader: only a binding main can have saved", () => {
    const binding = {
      dir: '/runner/_temp/claude-preflight-renew-0011223344556677',
      pid: 4321,
      nonce: NONCE
    }
    expect(parseRenewerBinding(JSON.stringify(binding))).toEqual(binding)
    for (const bad of [
      { ...binding, dir: '/' },
      { ...binding, dir: '/home/runner' },
      { ...binding, dir: 'claude-preflight-renew-0011223344556677' },
      { ...binding, pid: 1 },
      { ...binding, pid: '4321' },
      { ...binding, nonce: 'abc' }
    ])
      expect(parseRenewerBinding(JSON.stringify(bad))).toBeUndefined()
    expect(parseRenewerBinding('')).toBeUndefined()
    expect(parseRenewerBinding('[1]')).toBeUndefined()
  })
})

describe("the post step's stop", () => {
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  })

  /** A renewer directory with status.json naming `pid`, and a credential file. */
  function renewerDir(pid: number, nonce = NONCE): string {
    const dir = join(
      mkdtempSync(join(tmpdir(), 'renew-stop-')),
      'claude-preflight-renew-0011223344556677'
    )
    mkdirSync(dir, { mode: 0o700 })
    writeFileSync(
      join(dir, 'status.json'),
      JSON.stringify({ pid, nonce, startedAt: 1, sources: [] })
    )
    writeFileSync(join(dir, 'identity-token'), 'eyJhbGciOiJSUzI1NiJ9.e30.renewed-token\n')
    return dir
  }

  const started = (command: string, args: string[]) => {
    const child = spawn(command, args, { stdio: 'ignore' })
    children.push(child)
    return child
  }
  const ended = (child: ChildProcess) =>
    new Promise<void>(resolve =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve()
        : child.once('exit', () => resolve())
    )

  /** A process whose command line is the renewer's bundle, doing `onTerm` on SIGTERM; once its handler is in place. */
  async function fakeRenewer(onTerm: string): Promise<ChildProcess> {
    const bundle = join(mkdtempSync(join(tmpdir(), 'renew-bundle-')), 'dist', 'renewer')
    mkdirSync(bundle, { recursive: true })
    writeFileSync(
      join(bundle, 'index.js'),
      `process.on('SIGTERM', () => ${onTerm}); setInterval(() => {}, 1000); console.log('ready')\n`
    )
    const renewer = spawn(process.execPath, [join(bundle, 'index.js')], {
      stdio: ['ignore', 'pipe', 'ignore']
    })
    children.push(renewer)
    // Signalled only once its handler is in place, however slow the machine.
    await new Promise(resolve => renewer.stdout!.once('data', resolve))
    return renewer
  }

  it("a process whose command line is not the renewer's is never signalled", async () => {
    const other = started('sleep', ['30'])
    const dir = renewerDir(other.pid!)
    const stopped = await stopRenewer({ dir, pid: other.pid!, nonce: NONCE })
    expect(stopped.problems).toEqual([`process ${other.pid} is not the renewer: not signalled`])
    expect(other.exitCode).toBeNull()
    expect(readFileSync(`/proc/${other.pid}/cmdline`, 'utf8')).toContain('sleep')
    // Its files are still taken for masking, and removed.
    expect(stopped.secrets).toEqual(['eyJhbGciOiJSUzI1NiJ9.e30.renewed-token'])
    expect(existsSync(dir)).toBe(false)
  })

  it('a directory whose status.json carries another nonce: no process signalled', async () => {
    const other = started('sleep', ['30'])
    const dir = renewerDir(other.pid!, 'f'.repeat(32))
    const stopped = await stopRenewer({ dir, pid: other.pid!, nonce: NONCE })
    expect(stopped.problems[0]).toMatch(/is not this job's renewer's: no process signalled/)
    expect(stopped.status).toBeUndefined()
    expect(other.exitCode).toBeNull()
  })

  it('the renewer itself gets SIGTERM and ends; a link in place of its directory is left alone', async () => {
    const renewer = await fakeRenewer('process.exit(0)')
    expect(isRenewerCommand(readFileSync(`/proc/${renewer.pid}/cmdline`, 'utf8'))).toBe(true)
    const dir = renewerDir(renewer.pid!)
    const stopped = await stopRenewer({ dir, pid: renewer.pid!, nonce: NONCE })
    await ended(renewer)
    expect(renewer.exitCode).toBe(0)
    expect(stopped.problems).toEqual([])
    expect(stopped.status?.pid).toBe(renewer.pid)
    expect(existsSync(dir)).toBe(false)

    const target = renewerDir(renewer.pid!)
    const link = join(
      mkdtempSync(join(tmpdir(), 'renew-link-')),
      'claude-preflight-renew-8899aabbccddeeff'
    )
    symlinkSync(target, link)
    const refused = await stopRenewer({ dir: link, pid: renewer.pid!, nonce: NONCE })
    expect(refused.problems).toEqual([`${link} is not a directory of this job's: left alone`])
    expect(existsSync(join(target, 'identity-token'))).toBe(true)
  })

  it('a renewer that does not end on SIGTERM is killed, and post says so', async () => {
    const renewer = await fakeRenewer('undefined')
    const stopped = await stopRenewer({
      dir: renewerDir(renewer.pid!),
      pid: renewer.pid!,
      nonce: NONCE
    })
    await ended(renewer)
    expect(renewer.signalCode).toBe('SIGKILL')
    expect(stopped.problems).toEqual([
      `process ${renewer.pid} did not end within 3 s of SIGTERM: killed`
    ])
  })

  it("only the sources' files are taken for masking, and nothing shorter than a secret", async () => {
    const dir = renewerDir(2 ** 22 + 1)
    writeFileSync(join(dir, 'planted'), 'the-planted-words')
    writeFileSync(join(dir, 'gateway-token'), 'a\n')
    const stopped = await stopRenewer({ dir, pid: 2 ** 22 + 1, nonce: NONCE })
    expect(stopped.secrets).toEqual(['eyJhbGciOiJSUzI1NiJ9.e30.renewed-token'])
  })

  it('isRenewerCommand: the bundle as an argument, nothing else', () => {
    expect(
      isRenewerCommand('/usr/bin/node\0/home/runner/work/_actions/o/p/v1/dist/renewer/index.js\0')
    ).toBe(true)
    expect(isRenewerCommand('sleep\x0030\0')).toBe(false)
    expect(isRenewerCommand('node\0dist/renewer/index.js.bak\0')).toBe(false)
    expect(isRenewerCommand('')).toBe(false)
  })
})

describe('renewalPlans', () => {
  const source = (
    kind: string,
    renews: 'claude' | 'github',
    plan: RenewalSource['plan']
  ): RenewalSource => ({
    kind,
    renews,
    what: kind,
    credential: kind,
    fileName: kind,
    marginMs: 0,
    plan,
    readJob: () => undefined,
    mint: async () => ({ failure: 'unused', permanent: true }),
    handOff: async () => undefined
  })
  const planOf = (kind: string): SourcePlan => ({
    job: { kind },
    renewedBy: `${kind} renews it`,
    warnings: []
  })
  const context = (selection: Partial<Selection> = {}): PlanContext => ({
    selection: { others: [], warnings: [], ...selection },
    renewCommand: '',
    env: {}
  })

  it('the first Claude source that claims the route renews it; every GitHub source that claims its token is added', () => {
    const asked: string[] = []
    const sources = [
      source('unclaimed', 'claude', () => (asked.push('unclaimed'), undefined)),
      source('first', 'claude', () => (asked.push('first'), planOf('first'))),
      source('second', 'claude', () => (asked.push('second'), planOf('second'))),
      source('git', 'github', () => planOf('git'))
    ]
    const plans = renewalPlans(context(), sources)
    expect(plans.planned.map(({ source }) => source.kind)).toEqual(['first', 'git'])
    expect(plans.unrenewed).toEqual([])
    expect(asked).toEqual(['unclaimed', 'first'])
    expect(claudeRenewal(context(), sources)).toMatchObject({
      plan: { renewedBy: 'first renews it' }
    })
  })

  it("says why: a claiming source's reason first, else what Claude Code uses, and a GitHub source's reason", () => {
    const sources = [
      source('why', 'claude', () => ({ why: 'the route cannot be renewed here' })),
      source('git', 'github', () => ({ why: 'no App was given' }))
    ]
    expect(renewalPlans(context(), sources)).toEqual({
      planned: [],
      unrenewed: ['the route cannot be renewed here', 'no App was given']
    })
    expect(renewalPlans(context(), []).unrenewed).toEqual([
      'no credential of Claude Code was found to renew'
    ])
    expect(
      renewalPlans(context({ platform: PLATFORMS.find(p => p.id === 'vertex')! }), []).unrenewed
    ).toEqual([expect.stringMatching(/^Google Vertex AI needs no renewer: the credentials file/)])
    expect(
      renewalPlans(context({ platform: PLATFORMS.find(p => p.id === 'foundry')! }), []).unrenewed
    ).toEqual(['the renewer cannot renew the Azure credentials of Microsoft Foundry'])
  })
})

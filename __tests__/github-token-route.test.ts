import { describe, expect, it } from '@jest/globals'
import { findClaudeStep } from '../src/workflow/claude-step.js'
import {
  githubTokenNeeds,
  githubTokenRoute,
  jobPermissions,
  missingPermissions
} from '../src/workflow/github-token.js'
import { parseWorkflow } from '../src/workflow/timeout.js'

/** The route of job `review`'s Claude step in a workflow file. */
async function routeOf(yaml: string) {
  const document = await parseWorkflow(yaml)
  const step = findClaudeStep(document, 'review', 'preflight')
  if (!step) throw new Error('no Claude step in the test workflow')
  return githubTokenRoute(step, document, 'review')
}

/**
 * A pull-request review job: checkout, one step `before` (a setup step unless given), the preflight, then
 * claude-code-action (#4) with `inputs` (YAML lines under `with:`).
 */
const actionWorkflow = (inputs: string, before = '      - run: npm ci\n') => `name: Claude review
on:
  pull_request:
    types: [opened, synchronize]
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 1
${before}      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          claude-code-oauth-token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
      - name: Claude
        uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
${inputs}`

const appStep = (uses: string, id = 'app-token') => `      - name: Mint token
        id: ${id}
        uses: ${uses}
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_PRIVATE_KEY }}
`

describe('githubTokenRoute: claude-code-action', () => {
  it('without github_token it mints the Claude App token through OIDC', async () => {
    const route = await routeOf(actionWorkflow(''))
    expect(route).toEqual({
      kind: 'claude-app',
      why: "step 'Claude' (#4) of job 'review' gives claude-code-action no github_token: it mints the Claude GitHub App's token through the job's OIDC token"
    })
    // An empty input is no token: the action falls back to the App.
    expect((await routeOf(actionWorkflow("          github_token: ''\n"))).kind).toBe('claude-app')
  })

  it.each([
    '${{ secrets.GITHUB_TOKEN }}',
    '${{ github.token }}',
    '${{secrets.github_token}}',
    "${{ github['token'] }}"
  ])('github_token: %s is the job’s GITHUB_TOKEN', async written => {
    expect(await routeOf(actionWorkflow(`          github_token: ${written}\n`))).toEqual({
      kind: 'github-token',
      written,
      why: "input github_token of step 'Claude' (#4) of job 'review': the job's GITHUB_TOKEN"
    })
  })

  it.each([
    ['actions/create-github-app-token@v2', 'actions/create-github-app-token'],
    ['actions/create-github-app-token@v1', 'actions/create-github-app-token'],
    [
      'actions/create-github-app-token@d72941d797fd3113feb6b93fd0dec494b13a2547 # v1.12.0',
      'actions/create-github-app-token'
    ],
    ['tibdex/github-app-token@v2', 'tibdex/github-app-token'],
    [
      'peter-murray/workflow-application-token-action@v4',
      'peter-murray/workflow-application-token-action'
    ]
  ])('the output token of a step using %s is an App token', async (uses, action) => {
    const written = '${{ steps.app-token.outputs.token }}'
    const route = await routeOf(
      actionWorkflow(`          github_token: ${written}\n`, appStep(uses))
    )
    expect(route).toEqual({
      kind: 'app-token',
      written,
      mintedBy: "step 'Mint token' (#2) of job 'review'",
      why: `input github_token of step 'Claude' (#4) of job 'review': the output token of step 'Mint token' (#2) of job 'review', ${action}`
    })
  })

  it("an App token step is followed by the output's bracket form and an id in another case", async () => {
    const route = await routeOf(
      actionWorkflow(
        "          github_token: ${{ steps.App.outputs['token'] }}\n",
        appStep('actions/create-github-app-token@v2', 'app')
      )
    )
    expect(route.kind).toBe('app-token')
  })

  it('a secret is a secret, named in why', async () => {
    expect(
      await routeOf(actionWorkflow('          github_token: ${{ secrets.MY_PAT }}\n'))
    ).toEqual({
      kind: 'secret',
      written: '${{ secrets.MY_PAT }}',
      why: "input github_token of step 'Claude' (#4) of job 'review': secret MY_PAT"
    })
  })

  it.each([
    // Not an App token action's output: a vault step, say.
    [
      '${{ steps.vault.outputs.token }}',
      `      - id: vault\n        run: echo "token=$(vault read -field=token gh)" >> "$GITHUB_OUTPUT"\n`
    ],
    // An App token step after the Claude step cannot have run yet.
    ['${{ steps.late.outputs.token }}', ''],
    ['${{ secrets.PAT || github.token }}', ''],
    ['${{ env.GH_PAT }}', ''],
    [
      '${{ steps.app-token.outputs.installation-id }}',
      appStep('actions/create-github-app-token@v2')
    ]
  ])('%s cannot be followed: a secret, as written', async (written, before) => {
    const route = await routeOf(
      actionWorkflow(`          github_token: ${written}\n`, before || undefined) +
        appStep('actions/create-github-app-token@v2', 'late')
    )
    expect(route).toEqual({
      kind: 'secret',
      written,
      why: "input github_token of step 'Claude' (#4) of job 'review': an expression the preflight cannot follow"
    })
  })

  it('a token written out in the workflow is kept in written, never in why', async () => {
    const literal = 'ghp_' + 'A'.repeat(36)
    const route = await routeOf(actionWorkflow(`          github_token: ${literal}\n`))
    expect(route).toEqual({
      kind: 'secret',
      written: literal,
      why: "input github_token of step 'Claude' (#4) of job 'review': a value written in the workflow"
    })
  })

  it('the step’s env GH_TOKEN does not matter: the action sets Claude’s own', async () => {
    const yaml = actionWorkflow('').replace(
      '        uses: anthropics/claude-code-action@v1\n',
      '        uses: anthropics/claude-code-action@v1\n        env:\n          GH_TOKEN: ${{ secrets.MY_PAT }}\n'
    )
    expect((await routeOf(yaml)).kind).toBe('claude-app')
  })

  it('a hostile step name is one inert, clipped line in why and mintedBy', async () => {
    const name = '"::error::owned\\n' + 'x'.repeat(500) + '"'
    const yaml = actionWorkflow(
      '          github_token: ${{ steps.app-token.outputs.token }}\n',
      appStep('actions/create-github-app-token@v2').replace('Mint token', name)
    )
    const route = await routeOf(yaml)
    expect(route.kind).toBe('app-token')
    const mintedBy = route.kind === 'app-token' ? route.mintedBy : ''
    expect(mintedBy).toMatch(/^step '\\u003a:error::owned\\u000ax{60,}…' \(#2\) of job 'review'$/)
    expect(mintedBy.length).toBeLessThan(140)
    expect(route.why).not.toMatch(/[\n\r]/)
  })
})

/** A job whose Claude step is `claudeStep` (YAML lines of a step), with job-level and workflow-level env. */
const cliWorkflow = (claudeStep: string, jobEnv = '', workflowEnv = '') => `name: Claude nightly
on:
  schedule:
    - cron: '0 3 * * *'
${workflowEnv ? `env:\n${workflowEnv}` : ''}jobs:
  review:
    runs-on: ubuntu-latest
${jobEnv ? `    env:\n${jobEnv}` : ''}    steps:
      - uses: actions/checkout@v5
      - id: preflight
        uses: owner/claude-preflight@v1
        env:
          GH_TOKEN: \${{ secrets.PREFLIGHT_ONLY }}
        with:
          anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}
      - run: npm install -g @anthropic-ai/claude-code@2.1.328
${claudeStep}`

const bareStep = (env: string) => `      - name: Claude
        run: claude -p "Fix the failing test and open a pull request" --output-format stream-json
${env ? `        env:\n${env}` : ''}`

describe('githubTokenRoute: a bare claude step', () => {
  it('reads GH_TOKEN from the step first, then the job, then the workflow', async () => {
    const job = '      GH_TOKEN: ${{ secrets.JOB_PAT }}\n'
    const workflow = '  GH_TOKEN: ${{ secrets.WORKFLOW_PAT }}\n'
    expect(
      await routeOf(
        cliWorkflow(bareStep('          GH_TOKEN: ${{ github.token }}\n'), job, workflow)
      )
    ).toEqual({
      kind: 'github-token',
      written: '${{ github.token }}',
      why: "env GH_TOKEN of step 'Claude' (#4) of job 'review': the job's GITHUB_TOKEN"
    })
    expect(await routeOf(cliWorkflow(bareStep(''), job, workflow))).toEqual({
      kind: 'secret',
      written: '${{ secrets.JOB_PAT }}',
      why: "env GH_TOKEN of job 'review': secret JOB_PAT"
    })
    expect(await routeOf(cliWorkflow(bareStep(''), '', workflow))).toEqual({
      kind: 'secret',
      written: '${{ secrets.WORKFLOW_PAT }}',
      why: 'env GH_TOKEN of the workflow: secret WORKFLOW_PAT'
    })
  })

  it('GH_TOKEN wins over GITHUB_TOKEN wherever each is set; an empty one counts as unset', async () => {
    const job = '      GH_TOKEN: ${{ secrets.JOB_PAT }}\n'
    const stepGitHubToken = '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n'
    expect((await routeOf(cliWorkflow(bareStep(stepGitHubToken), job))).why).toBe(
      "env GH_TOKEN of job 'review': secret JOB_PAT"
    )
    const emptied = await routeOf(
      cliWorkflow(bareStep(`          GH_TOKEN: ''\n${stepGitHubToken}`), job)
    )
    expect(emptied).toEqual({
      kind: 'github-token',
      written: '${{ secrets.GITHUB_TOKEN }}',
      why: "env GITHUB_TOKEN of step 'Claude' (#4) of job 'review': the job's GITHUB_TOKEN"
    })
  })

  it('an App token step’s output in the step env', async () => {
    const yaml = cliWorkflow(
      appStep('actions/create-github-app-token@v2', 'gh-app') +
        bareStep('          GH_TOKEN: ${{ steps.gh-app.outputs.token }}\n')
    )
    expect(await routeOf(yaml)).toEqual({
      kind: 'app-token',
      written: '${{ steps.gh-app.outputs.token }}',
      mintedBy: "step 'Mint token' (#4) of job 'review'",
      why: "env GH_TOKEN of step 'Claude' (#5) of job 'review': the output token of step 'Mint token' (#4) of job 'review', actions/create-github-app-token"
    })
  })

  it('a step env that passes on the job’s env is followed there', async () => {
    const route = await routeOf(
      cliWorkflow(
        bareStep('          GH_TOKEN: ${{ env.BOT_TOKEN }}\n'),
        '      BOT_TOKEN: ${{ secrets.BOT_PAT }}\n'
      )
    )
    expect(route).toEqual({
      kind: 'secret',
      written: '${{ secrets.BOT_PAT }}',
      why: "env GH_TOKEN of step 'Claude' (#4) of job 'review', from env BOT_TOKEN of job 'review': secret BOT_PAT"
    })
    // Nothing there: the step's GH_TOKEN is empty.
    expect(
      (await routeOf(cliWorkflow(bareStep('          GH_TOKEN: ${{ env.NOPE }}\n')))).kind
    ).toBe('none')
  })

  it('neither variable: none (the preflight step’s own GH_TOKEN does not reach Claude)', async () => {
    expect(await routeOf(cliWorkflow(bareStep('          CI: true\n')))).toEqual({
      kind: 'none',
      why: "step 'Claude' (#4) of job 'review' runs the Claude CLI, and neither GH_TOKEN nor GITHUB_TOKEN is set in its env:, its job's or the workflow's"
    })
  })

  it('claude-code-base-action has no github_token: its step environment decides, as for a bare step', async () => {
    const base = (uses: string, env: string) => `      - name: Claude
        uses: ${uses}
        with:
          prompt: Triage this issue
          github_token: \${{ secrets.IGNORED }}
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
${env}`
    expect(
      await routeOf(
        cliWorkflow(
          base(
            'anthropics/claude-code-base-action@beta',
            '        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n'
          )
        )
      )
    ).toEqual({
      kind: 'github-token',
      written: '${{ secrets.GITHUB_TOKEN }}',
      why: "env GITHUB_TOKEN of step 'Claude' (#4) of job 'review': the job's GITHUB_TOKEN"
    })
    expect(
      await routeOf(cliWorkflow(base('anthropics/claude-code-action/base-action@v1', '')))
    ).toEqual({
      kind: 'none',
      why: "step 'Claude' (#4) of job 'review' runs claude-code-base-action, which takes no github_token, and neither GH_TOKEN nor GITHUB_TOKEN is set in its env:, its job's or the workflow's"
    })
  })
})

describe('jobPermissions', () => {
  const permissionsWorkflow = (workflowLevel: string, jobLevel: string) =>
    parseWorkflow(`on: issue_comment
${workflowLevel}jobs:
  review:
    runs-on: ubuntu-latest
${jobLevel}    steps:
      - run: claude -p hi
  other:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - run: true
`)

  it('nothing declared: the repository default, which the workflow cannot tell', async () => {
    expect(jobPermissions(await permissionsWorkflow('', ''), 'review')).toEqual({ declared: false })
    expect(jobPermissions(undefined, 'review')).toEqual({ declared: false })
  })

  it('workflow-level: named scopes, every other one none', async () => {
    const document = await permissionsWorkflow(
      'permissions:\n  contents: write\n  pull-requests: write\n',
      ''
    )
    expect(jobPermissions(document, 'review')).toEqual({
      declared: true,
      from: 'workflow',
      idToken: 'none',
      contents: 'write',
      pullRequests: 'write',
      issues: 'none'
    })
  })

  it('job-level replaces the workflow’s entirely', async () => {
    const document = await permissionsWorkflow(
      'permissions: write-all\n',
      '    permissions:\n      issues: write\n      id-token: write\n'
    )
    expect(jobPermissions(document, 'review')).toEqual({
      declared: true,
      from: 'job',
      idToken: 'write',
      contents: 'none',
      pullRequests: 'none',
      issues: 'write'
    })
  })

  it.each([
    ['read-all', 'read'],
    ['write-all', 'write'],
    ['{}', 'none']
  ] as const)('permissions: %s gives every scope %s', async (declared, level) => {
    const document = await permissionsWorkflow(
      'permissions:\n  contents: write\n',
      `    permissions: ${declared}\n`
    )
    expect(jobPermissions(document, 'review')).toEqual({
      declared: true,
      from: 'job',
      idToken: level,
      contents: level,
      pullRequests: level,
      issues: level
    })
  })
})

describe('githubTokenNeeds and missingPermissions', () => {
  const stepOf = async (yaml: string) => findClaudeStep(await parseWorkflow(yaml), 'review')!

  it('claude-code-action pushes and comments; a bare step and the base action read', async () => {
    expect(githubTokenNeeds(await stepOf(actionWorkflow('')))).toEqual([
      { scope: 'contents', level: 'write', for: "to push Claude's commits" },
      { scope: 'pull-requests', level: 'write', for: 'to comment on pull requests' },
      { scope: 'issues', level: 'write', for: 'to comment on issues' }
    ])
    const read = [{ scope: 'contents', level: 'read', for: 'to read the repository' }]
    expect(githubTokenNeeds(await stepOf(cliWorkflow(bareStep(''))))).toEqual(read)
    const base = cliWorkflow('      - uses: anthropics/claude-code-base-action@beta\n')
    expect(githubTokenNeeds(await stepOf(base))).toEqual(read)
  })

  it('says each scope the declared permissions fall short of, and nothing for the default', async () => {
    const needs = githubTokenNeeds(await stepOf(actionWorkflow('')))
    const declared = async (permissions: string) =>
      jobPermissions(
        await parseWorkflow(
          actionWorkflow('').replace('    timeout-minutes', `${permissions}    timeout-minutes`)
        ),
        'review'
      )
    expect(
      missingPermissions(
        needs,
        await declared('    permissions:\n      contents: read\n      issues: write\n')
      )
    ).toEqual([
      "contents: write to push Claude's commits: the job's permissions: give contents: read",
      "pull-requests: write to comment on pull requests: the job's permissions: give pull-requests: none"
    ])
    expect(
      missingPermissions(
        needs,
        await declared(
          '    permissions:\n      contents: write\n      pull-requests: write\n      issues: write\n'
        )
      )
    ).toEqual([])
    expect(missingPermissions(needs, await declared(''))).toEqual([])
    expect(missingPermissions(needs, await declared('    permissions: read-all\n'))).toHaveLength(3)
    const readNeeds = githubTokenNeeds(await stepOf(cliWorkflow(bareStep(''))))
    expect(missingPermissions(readNeeds, await declared('    permissions: read-all\n'))).toEqual([])
    expect(missingPermissions(readNeeds, await declared('    permissions: {}\n'))).toEqual([
      "contents: read to read the repository: the job's permissions: give contents: none"
    ])
  })
})

import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { actionFallsBack, findClaudeSteps, runsClaude } from '../src/workflow/claude-step.js'

const workflow = (steps: string) =>
  parse(`on: pull_request
jobs:
  review:
    runs-on: ubuntu-latest
    env:
      ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
    steps:
${steps}`)

describe('findClaudeSteps', () => {
  it('finds claude-code-action after the preflight and reads what it passes', () => {
    const steps = findClaudeSteps(
      workflow(`      - uses: actions/checkout@v5
      - uses: owner/claude-preflight@v1
        with:
          claude-code-oauth-token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
      - name: Review
        uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
`),
      'review'
    )
    expect(steps).toHaveLength(1)
    const [step] = steps
    expect(step?.kind).toBe('claude-code-action')
    expect(step?.label).toBe("step 'Review' (#3) of job 'review'")
    expect(step?.variable('CLAUDE_CODE_OAUTH_TOKEN')).toEqual({
      kind: 'step',
      written: '${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}',
      why: "input claude_code_oauth_token of step 'Review' (#3) of job 'review'"
    })
    // v1 falls back to the job's value when the input is empty.
    expect(step?.variable('ANTHROPIC_API_KEY')).toEqual({ kind: 'inherited' })
    expect(step?.variable('CLAUDE_CODE_USE_BEDROCK').kind).toBe('empty')
    expect(step?.variable('ANTHROPIC_BASE_URL')).toEqual({ kind: 'inherited' })
  })

  it('an old release shadows the job environment with its empty input', () => {
    const [step] = findClaudeSteps(
      workflow(`      - uses: anthropics/claude-code-action@v1.0.100
        with:
          claude_code_oauth_token: \${{ secrets.T }}
`),
      'review'
    )
    const value = step?.variable('ANTHROPIC_API_KEY')
    expect(value?.kind).toBe('empty')
    expect(value?.kind === 'empty' && value.why).toMatch(/input anthropic_api_key/)
  })

  it('reads a bare claude run step and its env', () => {
    const steps = findClaudeSteps(
      workflow(`      - run: npm ci
      - id: claude
        env:
          ANTHROPIC_API_KEY: ''
          CLAUDE_CODE_OAUTH_TOKEN: \${{ secrets.TOKEN }}
          ANTHROPIC_BASE_URL: \${{ env.ANTHROPIC_BASE_URL }}
        run: |
          set -e
          npx -y @anthropic-ai/claude-code@2.1.328 -p "review" --output-format stream-json > out.jsonl
`),
      'review'
    )
    expect(steps.map(s => [s.kind, s.label])).toEqual([
      ['claude-cli', "step 'claude' (#2) of job 'review'"]
    ])
    const [step] = steps
    expect(step?.variable('ANTHROPIC_API_KEY').kind).toBe('empty')
    expect(step?.variable('CLAUDE_CODE_OAUTH_TOKEN').kind).toBe('step')
    expect(step?.variable('ANTHROPIC_BASE_URL').kind).toBe('inherited')
    expect(step?.variable('ANTHROPIC_AUTH_TOKEN').kind).toBe('inherited')
  })

  it('gives nothing for a missing job, a non-workflow or steps that do not run Claude', () => {
    expect(findClaudeSteps(null, 'review')).toEqual([])
    expect(findClaudeSteps({ jobs: { review: { steps: 'x' } } }, 'review')).toEqual([])
    expect(findClaudeSteps(workflow('      - run: echo claude-preflight\n'), 'other')).toEqual([])
    expect(findClaudeSteps(workflow('      - run: echo claude-preflight\n'), 'review')).toEqual([])
  })
})

describe('runsClaude', () => {
  it.each([
    ['claude -p "hi"', true],
    ['  CI=1 claude --print x', true],
    ['cd app && claude -p x | tee log', true],
    ['timeout 30m claude -p x', true],
    ['~/.local/bin/claude -p x', true],
    ['npx @anthropic-ai/claude-code -p x', true],
    ['npx claude-preflight check', false],
    ['echo claude', false],
    ['claude-preflight scan out.jsonl', false],
    ['npm i -g @anthropic-ai/claude-code', false]
  ])('%s → %s', (script, expected) => {
    expect(runsClaude(script)).toBe(expected)
  })
})

describe('actionFallsBack', () => {
  it.each([
    ['v1', true],
    ['v1.0.146', true],
    ['v1.0.200', true],
    ['v1.0.145', false],
    ['v1.1', true],
    ['v2', true],
    ['v0', false],
    ['v0.0.63', false],
    ['beta', false],
    ['main', true],
    ['24dcd50c0568f0fc9e9211213a4fd2d9eb15c4e0', true]
  ])('%s → %s', (ref, expected) => {
    expect(actionFallsBack(ref)).toBe(expected)
  })
})

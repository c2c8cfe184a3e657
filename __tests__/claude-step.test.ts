import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { actionFallsBack, findClaudeStep, runsClaude } from '../src/workflow/claude-step.js'
import { selectCredential } from '../src/providers/select.js'

const workflow = (steps: string) =>
  parse(`on: pull_request
jobs:
  review:
    runs-on: ubuntu-latest
    env:
      ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
    steps:
${steps}`)

describe('findClaudeStep', () => {
  it('finds claude-code-action after the preflight and reads what it passes', () => {
    const step = findClaudeStep(
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

  it('names the last configure-aws-credentials step before it, and its inputs as written', () => {
    const step = findClaudeStep(
      workflow(`      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/first
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/claude-ci
          role-duration-seconds: 7200
      - uses: owner/claude-preflight@v1
      - run: claude -p "review"
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/after
`),
      'review'
    )
    expect(step?.awsLogin).toEqual({
      label: "step #2 of job 'review'",
      inputs: {
        'role-to-assume': 'arn:aws:iam::123456789012:role/claude-ci',
        'role-duration-seconds': '7200'
      }
    })
    const without = findClaudeStep(workflow(`      - run: claude -p "review"\n`), 'review')
    expect(without).toBeDefined()
    expect(without?.awsLogin).toBeUndefined()
  })

  it('an old release shadows the job environment with its empty input', () => {
    const step = findClaudeStep(
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
    const step = findClaudeStep(
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
    expect([step?.kind, step?.label]).toEqual(['claude-cli', "step 'claude' (#2) of job 'review'"])
    expect(step?.variable('ANTHROPIC_API_KEY').kind).toBe('empty')
    expect(step?.variable('CLAUDE_CODE_OAUTH_TOKEN').kind).toBe('step')
    expect(step?.variable('ANTHROPIC_BASE_URL').kind).toBe('inherited')
    expect(step?.variable('ANTHROPIC_AUTH_TOKEN').kind).toBe('inherited')
  })

  it('gives nothing for a missing job, a non-workflow or steps that do not run Claude', () => {
    expect(findClaudeStep(null, 'review')).toBeUndefined()
    expect(findClaudeStep({ jobs: { review: { steps: 'x' } } }, 'review')).toBeUndefined()
    expect(
      findClaudeStep(workflow('      - run: echo claude-preflight\n'), 'other')
    ).toBeUndefined()
    expect(
      findClaudeStep(workflow('      - run: echo claude-preflight\n'), 'review')
    ).toBeUndefined()
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
    ['npm i -g @anthropic-ai/claude-code', false],
    ['claude mcp add github -- npx server', false],
    ['claude --version', false],
    ['claude config set -g theme dark', false]
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

describe('the credential Claude receives from the job’s Claude step', () => {
  const API_KEY = 'sk-ant-api03-KEY-one'
  const OAUTH = 'sk-ant-oat01-TOKEN-one'
  const select = (
    steps: string,
    inputs: Record<string, string>,
    env: Record<string, string> = {}
  ) =>
    selectCredential(
      { input: name => inputs[name] ?? '', now: new Date('2026-11-21T12:00:00Z') },
      env,
      findClaudeStep(workflow(steps), 'review')
    )

  it('an old claude-code-action shadows the job’s API key with its empty input: the OAuth token is used', () => {
    const action = (ref: string) => `      - uses: anthropics/claude-code-action@${ref}
        with:
          claude_code_oauth_token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}
`
    const old = select(
      action('v1.0.100'),
      { 'claude-code-oauth-token': OAUTH },
      { ANTHROPIC_API_KEY: API_KEY }
    )
    expect(old.chosen?.source).toBe('claude-code-oauth-token')
    expect(old.others).toEqual([])
    expect(old.warnings.join('\n')).toMatch(
      /API key from env ANTHROPIC_API_KEY does not reach Claude: anthropics\/claude-code-action@v1\.0\.100 sets ANTHROPIC_API_KEY from its input anthropic_api_key/
    )
    // From v1.0.146 the action falls back to the job's value, and Claude Code then prefers the API key.
    const current = select(
      action('v1'),
      { 'claude-code-oauth-token': OAUTH },
      { ANTHROPIC_API_KEY: API_KEY }
    )
    expect(current.chosen?.source).toBe('anthropic-api-key')
    expect(current.chosen?.from).toBe('env ANTHROPIC_API_KEY')
  })

  it('a credential given to the preflight that the Claude step never passes is not probed', () => {
    const { chosen, warnings } = select(
      `      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.T }}
`,
      { 'anthropic-api-key': API_KEY, 'claude-code-oauth-token': OAUTH }
    )
    expect(chosen?.source).toBe('claude-code-oauth-token')
    expect(warnings.join('\n')).toMatch(
      /API key from input anthropic-api-key does not reach Claude: .* passes ANTHROPIC_API_KEY from the job's environment, which has none/
    )
  })

  it('a value the step sets that the preflight was not given is named, and nothing else is chosen', () => {
    const selection = select(
      `      - run: claude -p review
        env:
          CLAUDE_CODE_OAUTH_TOKEN: \${{ secrets.OTHER }}
`,
      { 'claude-credentials': JSON.stringify({ claudeAiOauth: { accessToken: OAUTH } }) },
      { CLAUDE_CODE_OAUTH_TOKEN: 'sk-ant-oat01-job-level' }
    )
    expect(selection.chosen).toBeUndefined()
    expect(selection.unseen).toMatch(
      /env CLAUDE_CODE_OAUTH_TOKEN of step #1 of job 'review' sets CLAUDE_CODE_OAUTH_TOKEN to `\$\{\{ secrets\.OTHER \}\}`, which this step cannot read\. Pass the same value to input 'claude-code-oauth-token'/
    )
  })

  it('quotes are harmless when Claude gets the cleaned value through the output oauth-token', () => {
    const step = `      - id: preflight
        uses: owner/claude-preflight@v1
      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ steps.preflight.outputs.oauth-token }}
`
    const { chosen } = select(step, { 'claude-code-oauth-token': `"${OAUTH}"` })
    expect(chosen?.secret).toBe(OAUTH)
    expect(chosen?.handedOn).toMatch(
      /^this action's output oauth-token, which input claude_code_oauth_token of step #2/
    )
    // The credentials JSON reaches claude-code-action only that way.
    const json = JSON.stringify({ claudeAiOauth: { accessToken: OAUTH } })
    expect(select(step, { 'claude-credentials': json }).chosen?.source).toBe('claude-credentials')
    const direct = select(
      `      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.T }}
`,
      { 'claude-credentials': json }
    )
    expect(direct.chosen).toBeUndefined()
    expect(direct.warnings.join('\n')).toMatch(
      /'claude-credentials' is not what step #1 of job 'review' uses: claude-code-action needs an environment token/
    )
  })

  it('a cloud provider switched on by the action’s input, and one switched off by it', () => {
    const on = select(
      `      - uses: anthropics/claude-code-action@v1
        with:
          use_bedrock: 'true'
`,
      { 'anthropic-api-key': API_KEY }
    )
    expect(on.platform?.label).toMatch(/Amazon Bedrock/)
    const off = select(
      '      - uses: anthropics/claude-code-action@v1\n',
      { 'anthropic-api-key': API_KEY },
      {
        CLAUDE_CODE_USE_BEDROCK: '1',
        ANTHROPIC_API_KEY: API_KEY
      }
    )
    expect(off.platform).toBeUndefined()
  })

  it('the Claude step is the first model run after the preflight: not a setup step, not one before it', () => {
    const { chosen } = select(
      `      - run: claude -p "before the preflight"
        env:
          ANTHROPIC_API_KEY: \${{ secrets.OTHER }}
      - id: preflight
        uses: owner/claude-preflight@v1
      - run: claude mcp add github -- npx -y github-mcp
      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.T }}
`,
      { 'claude-code-oauth-token': OAUTH }
    )
    expect(chosen?.source).toBe('claude-code-oauth-token')
  })

  it("another step's oauth-token output is not this action's: a quoted token still fails", () => {
    expect(() =>
      select(
        `      - id: preflight
        uses: owner/claude-preflight@v1
      - id: vault
        run: echo "oauth-token=..." >> "$GITHUB_OUTPUT"
      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ steps.vault.outputs.oauth-token }}
`,
        { 'claude-code-oauth-token': `"${OAUTH}"` }
      )
    ).toThrow(/is wrapped in quotes/)
  })

  it("a variable set only in the preflight step's own env: never reaches Claude", () => {
    const document = parse(`jobs:
  review:
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
        env:
          ANTHROPIC_API_KEY: \${{ secrets.KEY }}
      - run: claude -p review
        env:
          CLAUDE_CODE_OAUTH_TOKEN: \${{ secrets.T }}
`)
    const { chosen, warnings } = selectCredential(
      { input: name => (name === 'claude-code-oauth-token' ? OAUTH : ''), now: new Date() },
      { ANTHROPIC_API_KEY: API_KEY },
      findClaudeStep(document, 'review', 'preflight')
    )
    expect(chosen?.source).toBe('claude-code-oauth-token')
    expect(warnings.join('\n')).toMatch(
      /ANTHROPIC_API_KEY is set only in the preflight step's own env:, which step #2 of job 'review' does not see/
    )
  })

  it('a credential written out in the workflow is not quoted back', () => {
    const literal = 'gw-literal-credential-0123456789'
    const { unseen } = select(
      `      - run: claude -p review
        env:
          ANTHROPIC_AUTH_TOKEN: ${literal}
`,
      {}
    )
    expect(unseen).toMatch(/sets ANTHROPIC_AUTH_TOKEN to a value written in the workflow, which/)
    expect(unseen).not.toContain(literal)
  })
})

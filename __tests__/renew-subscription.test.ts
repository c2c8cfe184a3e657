// Input `renew` with subscription credentials: no renewer, and the reason says what keeps the login alive instead,
// by where Claude runs (a bare `claude` step refreshes its credentials file by itself; claude-code-action's
// environment token is never refreshed) and by what would defeat it.
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { claudeRenewal } from '../src/renew/plan.js'
import type { SubscriptionFacts } from '../src/renew/subscription.js'
import type { Selection } from '../src/providers/select.js'
import { findClaudeStep } from '../src/workflow/claude-step.js'
import { credentialOf, credentialsJson } from './support/refresh-chain.js'

const LOGIN = credentialOf(
  credentialsJson('sk-ant-oat01-access', 'sk-ant-ort01-refresh', Date.parse('2026-01-01T08:00:00Z'))
)

const stepOf = (step: string) =>
  findClaudeStep(
    parse(`on: push
jobs:
  review:
    runs-on: ubuntu-latest
    timeout-minutes: 90
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
${step}`),
    'review'
  )

const BARE = `      - name: Claude
        run: claude -p "review"
`
const ACTION = `      - name: Review
        uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ steps.preflight.outputs.oauth-token }}
`

const facts = (refresh: Partial<SubscriptionFacts['refresh']> = {}): SubscriptionFacts => ({
  refresh: { exportEnv: false, writeCredentialsFile: true, ...refresh },
  minRemaining: { source: "timeout-minutes: 90 of job 'review' in .github/workflows/review.yml" }
})

function why(step: string, given: SubscriptionFacts | undefined, chosen = LOGIN): string {
  const selection: Selection = { chosen, others: [], warnings: [], claudeStep: stepOf(step) }
  const renewal = claudeRenewal({
    selection,
    renewCommand: '',
    env: {},
    ...(given && { subscription: given })
  })
  if (!('why' in renewal)) throw new Error(`a renewer was planned: ${renewal.source.kind}`)
  return renewal.why
}

describe('renew: true with subscription credentials says what keeps them alive, and starts no renewer', () => {
  it('a bare claude step with the credentials file refreshes by itself, and the post step writes back', () => {
    const text = why(BARE, facts())
    expect(text).toMatch(
      /^Claude Code uses the Claude subscription credentials from input claude-credentials, which it refreshes by itself during the run from the credentials file 'write-credentials-file' writes .*the post step writes back: no renewer is needed$/
    )
    expect(text).not.toMatch(/cannot be minted|turn on|drop/)
  })

  it("without the file it says to turn on 'write-credentials-file'", () => {
    expect(why(BARE, facts({ writeCredentialsFile: false }))).toMatch(
      /a bare `claude` step refreshes them by itself during the run, and no renewer is needed, when it reads them from ~\/\.claude\/\.credentials\.json with no CLAUDE_CODE_OAUTH_TOKEN set: turn on 'write-credentials-file', and the post step/
    )
  })

  it('an environment token outranks the file and is never refreshed: export-env, or the step setting it', () => {
    expect(why(BARE, facts({ exportEnv: true }))).toMatch(
      /: drop CLAUDE_CODE_OAUTH_TOKEN \('export-env' hands the access token on as CLAUDE_CODE_OAUTH_TOKEN, and with it set Claude Code never refreshes\)/
    )
    const own = `      - name: Claude
        env:
          CLAUDE_CODE_OAUTH_TOKEN: \${{ steps.preflight.outputs.oauth-token }}
        run: claude -p "review"
`
    expect(why(own, facts({ writeCredentialsFile: false }))).toMatch(
      /: turn on 'write-credentials-file' and drop CLAUDE_CODE_OAUTH_TOKEN \(step 'Claude' \(#2\) of job 'review' sets CLAUDE_CODE_OAUTH_TOKEN, /
    )
  })

  it("under claude-code-action the main step's refresh must outlast the job: on-expiring and min-remaining", () => {
    expect(why(ACTION, facts())).toBe(
      "Claude Code uses the Claude subscription credentials from input claude-credentials, and step 'Review' (#2) of job 'review' (claude-code-action) hands it the access token as CLAUDE_CODE_OAUTH_TOKEN, which Claude Code never refreshes: the refresh in this step must make the token outlast the job. Set `on-expiring: refresh` (or `auto` with 'secrets-token') and keep 'min-remaining' at least the job's `timeout-minutes` (now: timeout-minutes: 90 of job 'review' in .github/workflows/review.yml)"
    )
  })

  it('a token without a refresh token, or no facts (the check asking who renews), keeps the plain reason', () => {
    const setupToken = { ...LOGIN, refreshToken: undefined }
    for (const text of [why(BARE, facts(), setupToken), why(BARE, undefined)])
      expect(text).toMatch(/, which cannot be minted again from the job$/)
  })
})

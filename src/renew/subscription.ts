// Subscription credentials need no renewer, and cannot have one: what keeps them alive for a run depends on where Claude
// runs. A bare `claude` step refreshes its login by itself from ~/.claude/.credentials.json when no
// CLAUDE_CODE_OAUTH_TOKEN is set (seen with @anthropic-ai/claude-code 2.1.328 and 2.1.332: within 5 minutes of
// `expiresAt` and after a 401, rotating the refresh token and rewriting the file); claude-code-action hands Claude Code
// an environment token, which Claude Code never refreshes (anthropics/claude-code-action base-action/src/validate-env.ts
// accepts only ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN or federation). Pure.
import type { MinRemaining } from '../check/min-remaining.js'
import type { RefreshInputs } from '../inputs/refresh.js'
import type { Credential } from '../providers/provider.js'
import type { ClaudeStep } from '../workflow/claude-step.js'

/** What says how a subscription credential lasts the run, beside the selection. */
export interface SubscriptionFacts {
  refresh: Pick<RefreshInputs, 'exportEnv' | 'writeCredentialsFile'>
  minRemaining: Pick<MinRemaining, 'source'>
}

const TOKEN_VARIABLE = 'CLAUDE_CODE_OAUTH_TOKEN'

/**
 * Why no renewer is started for the subscription credential Claude Code uses, and what keeps it alive instead; undefined
 * when `chosen` is no subscription credential that can be refreshed.
 */
export function subscriptionWhy(
  chosen: Credential,
  claudeStep: ClaudeStep | undefined,
  facts: SubscriptionFacts
): string | undefined {
  if (chosen.scheme !== 'oauth' || !chosen.refreshToken) return undefined
  const { refresh, minRemaining } = facts
  const uses = `Claude Code uses the ${chosen.label} from ${chosen.from}`
  if (claudeStep?.kind === 'claude-code-action')
    return `${uses}, and ${claudeStep.label} (claude-code-action) hands it the access token as ${TOKEN_VARIABLE}, which Claude Code never refreshes: the refresh in this step must make the token outlast the job. Set \`on-expiring: refresh\` (or \`auto\` with 'secrets-token') and keep 'min-remaining' at least the job's \`timeout-minutes\` (now: ${minRemaining.source})`
  const own = claudeStep?.variable(TOKEN_VARIABLE).kind
  const outranking =
    own === 'step' || own === 'output'
      ? `${claudeStep!.label} sets ${TOKEN_VARIABLE}`
      : refresh.exportEnv
        ? `'export-env' hands the access token on as ${TOKEN_VARIABLE}`
        : undefined
  const fix = [
    ...(refresh.writeCredentialsFile ? [] : ["turn on 'write-credentials-file'"]),
    ...(outranking
      ? [`drop ${TOKEN_VARIABLE} (${outranking}, and with it set Claude Code never refreshes)`]
      : [])
  ]
  if (fix.length === 0)
    return `${uses}, which it refreshes by itself during the run from the credentials file 'write-credentials-file' writes after this step's refresh (when the access token nears its end, and after a 401), rotating the refresh token, which the post step writes back: no renewer is needed`
  return `${uses}; a bare \`claude\` step refreshes them by itself during the run, and no renewer is needed, when it reads them from ~/.claude/.credentials.json with no ${TOKEN_VARIABLE} set: ${fix.join(' and ')}, and the post step writes back the refresh token it rotates`
}

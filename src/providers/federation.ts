// Anthropic workload identity federation as Claude Code reads it
// (https://platform.claude.com/docs/en/manage-claude/wif-reference): the variables, and the main step's fixes. A
// federated token lives minutes and is minted again from a fresh OIDC token, which only the step that runs Claude can
// do.
import type { FailureKind, Phrasing } from './failure.js'

/** Claude Code uses federation when both are set (trimmed, not empty). */
export const FEDERATION_SWITCHES = [
  'ANTHROPIC_FEDERATION_RULE_ID',
  'ANTHROPIC_ORGANIZATION_ID'
] as const

export const FEDERATION_PREFLIGHT_FIXES = {
  expiring:
    "A federated token lives minutes (the rule's lifetime, capped at twice the OIDC token's remaining life), so Claude Code must mint it again during the run: point ANTHROPIC_IDENTITY_TOKEN_FILE at a file that a background loop rewrites with a fresh GitHub OIDC token every few minutes (claude-code-action's federation inputs do this), not ANTHROPIC_IDENTITY_TOKEN, which is one token usable once; or shorten the job.",
  invalid:
    "Check the federation settings the Claude step gets: ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID as the Claude Console shows them, the rule's issuer https://token.actions.githubusercontent.com, a subject that matches this workflow's OIDC token (repository, ref or environment), the audience the rule expects (claude-code-action's `anthropic_oidc_audience`, default https://api.anthropic.com), and ANTHROPIC_WORKSPACE_ID when the rule is enabled in several workspaces. The Console's authentication events say which check refused.",
  forbidden:
    "Give the job `permissions: id-token: write` (federation mints its token from the job's OIDC token; a fork's pull request never gets one), and give the rule's service account access to the workspace and models the run uses."
} as const

/**
 * Claude Code's words when the exchange refuses the identity token it read (`API Error: Token exchange failed with
 * status 401 (request-id …): {"error":"invalid_grant",…}`, seen with @anthropic-ai/claude-code 2.1.328 and 2.1.332):
 * mid-run, after a first exchange went through, the file's OIDC token had expired or was used up.
 */
export const FEDERATION_FAILURES = [
  {
    id: 'anthropic-auth-federation',
    credential: 'the federated token',
    title: 'Federated token exchange refused',
    verb: 'could not be minted again: the token exchange refused the identity token',
    since: 'refused since',
    fix: "Claude Code exchanges the OIDC token in ANTHROPIC_IDENTITY_TOKEN_FILE again whenever its federated token ends, and the exchange refuses a GitHub OIDC token that has expired (they live about five minutes) or was exchanged before: keep the file fresh (input `renew: true` of the preflight in a bare `claude` step; claude-code-action's federation inputs do it in its own step). If the first exchange was refused too, check the rule: the Claude Console's authentication events say which check refused."
  }
] as const satisfies readonly FailureKind[]

export const FEDERATION_PHRASINGS: readonly Phrasing<'anthropic-auth-federation'>[] = [
  {
    anchor: 'Token exchange failed',
    pattern: /Token exchange failed with status (\d{3})\b/,
    // A 5xx or 429 is the service, not the identity token.
    kind: match => {
      const status = Number(match[1])
      return [400, 401, 403].includes(status)
        ? { kind: 'anthropic-auth-federation', status }
        : undefined
    },
    source: 'claude-code 2.1.328 bundle'
  }
]

// Anthropic workload identity federation as Claude Code reads it
// (https://platform.claude.com/docs/en/manage-claude/wif-reference): the variables, and the main step's fixes. A
// federated token lives minutes and is minted again from a fresh OIDC token, which only the step that runs Claude can
// do.

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

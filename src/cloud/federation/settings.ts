// Anthropic workload identity federation as Claude Code reads it from the environment
// (https://platform.claude.com/docs/en/manage-claude/wif-reference): ANTHROPIC_FEDERATION_RULE_ID and
// ANTHROPIC_ORGANIZATION_ID turn it on, ANTHROPIC_SERVICE_ACCOUNT_ID and ANTHROPIC_WORKSPACE_ID are sent when set, the
// identity token comes from ANTHROPIC_IDENTITY_TOKEN_FILE (re-read at every exchange) before ANTHROPIC_IDENTITY_TOKEN,
// and the exchange goes to ANTHROPIC_BASE_URL or https://api.anthropic.com. Every value is trimmed. (The SDK inside
// @anthropic-ai/claude-code 2.1.328 reads them so; anthropics/claude-code-action base-action/src/workload-identity.ts
// treats the rule and the organization as the switch too.)
import { formatDuration } from '../../lifetime/duration.js'

/**
 * The audience claude-code-action asks on the GitHub OIDC token it hands Claude Code, unless its
 * `anthropic_oidc_audience` input (the step's ANTHROPIC_OIDC_AUDIENCE) says otherwise
 * (anthropics/claude-code-action base-action/src/workload-identity.ts DEFAULT_OIDC_AUDIENCE).
 */
export const FEDERATION_AUDIENCE = 'https://api.anthropic.com'

/**
 * Where the Claude step's identity token comes from: a file Claude Code re-reads at every exchange, one fixed token,
 * or nothing yet (claude-code-action's federation inputs write the file inside its own step).
 */
export type IdentityTokenSource = 'file' | 'static' | 'none'

export interface FederationSettings {
  ruleId: string
  organizationId: string
  serviceAccountId?: string
  workspaceId?: string
  /** The API's address, without a trailing slash: the exchange and the probe go there. */
  baseUrl: string
  /** The audience the preflight asks on its own OIDC token: the one the rule expects. */
  audience: string
  identityToken: IdentityTokenSource
}

const value = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined

/** The federation settings in `env`, or the variables that turn it on and are missing. */
export function readFederationSettings(
  env: NodeJS.ProcessEnv
): FederationSettings | { missing: string[] } {
  const ruleId = value(env, 'ANTHROPIC_FEDERATION_RULE_ID')
  const organizationId = value(env, 'ANTHROPIC_ORGANIZATION_ID')
  if (!ruleId || !organizationId) {
    return {
      missing: [
        !ruleId && 'ANTHROPIC_FEDERATION_RULE_ID',
        !organizationId && 'ANTHROPIC_ORGANIZATION_ID'
      ].filter((name): name is string => Boolean(name))
    }
  }
  const serviceAccountId = value(env, 'ANTHROPIC_SERVICE_ACCOUNT_ID')
  const workspaceId = value(env, 'ANTHROPIC_WORKSPACE_ID')
  return {
    ruleId,
    organizationId,
    ...(serviceAccountId && { serviceAccountId }),
    ...(workspaceId && { workspaceId }),
    baseUrl: (value(env, 'ANTHROPIC_BASE_URL') ?? 'https://api.anthropic.com').replace(/\/+$/, ''),
    audience: value(env, 'ANTHROPIC_OIDC_AUDIENCE') ?? FEDERATION_AUDIENCE,
    identityToken: value(env, 'ANTHROPIC_IDENTITY_TOKEN_FILE')
      ? 'file'
      : value(env, 'ANTHROPIC_IDENTITY_TOKEN')
        ? 'static'
        : 'none'
  }
}

/** Who a federated token acts as: ids only, none of them a secret. */
export function federationIdentity(settings: FederationSettings): string {
  const who = settings.serviceAccountId
    ? `service account ${settings.serviceAccountId}`
    : "the rule's service account"
  const workspace = settings.workspaceId ? `, workspace ${settings.workspaceId}` : ''
  return `${who} (rule ${settings.ruleId}, organization ${settings.organizationId}${workspace})`
}

export interface MintedLifetime {
  seconds: number
  expiresAt: Date
  /**
   * The exchange capped the rule's lifetime at twice the OIDC token's remaining life
   * (https://platform.claude.com/docs/en/manage-claude/wif-reference): the rule allows longer.
   */
  cappedByOidc: boolean
  /** How the lifetime came about, for a message. */
  explanation: string
}

/** A few seconds of the exchange's own clock and latency, within which an `expires_in` counts as the cap. */
const CAP_SLACK_SECONDS = 5

/**
 * The real lifetime of a token minted `mintedAt` with `expiresIn` seconds from an OIDC token that expires at
 * `oidcExpiresAt` (unknown when the OIDC token carried no `exp`).
 */
export function mintedLifetime(
  expiresIn: number,
  mintedAt: Date,
  oidcExpiresAt: Date | undefined
): MintedLifetime {
  const seconds = Math.max(0, Math.floor(expiresIn))
  const expiresAt = new Date(mintedAt.getTime() + seconds * 1000)
  const oidcLeft =
    oidcExpiresAt === undefined
      ? undefined
      : Math.max(0, Math.floor((oidcExpiresAt.getTime() - mintedAt.getTime()) / 1000))
  const cappedByOidc = oidcLeft !== undefined && seconds >= 2 * oidcLeft - CAP_SLACK_SECONDS
  const explanation = cappedByOidc
    ? `the rule's lifetime capped at twice the OIDC token's remaining ${formatDuration(oidcLeft * 1000)}`
    : "the rule's lifetime"
  return { seconds, expiresAt, cappedByOidc, explanation }
}

/**
 * What becomes of the Claude step's credential once its first federated token ends: Claude Code exchanges again with
 * the identity token it reads then, which is single-use and lives about five minutes when GitHub minted it.
 */
export function renewalNote(source: IdentityTokenSource): string {
  switch (source) {
    case 'file':
      return 'Claude Code re-exchanges ANTHROPIC_IDENTITY_TOKEN_FILE before then: the file must be rewritten with a fresh OIDC token (claude-code-action does it every 4 minutes; a bare `claude -p` needs a loop that does)'
    case 'static':
      return 'ANTHROPIC_IDENTITY_TOKEN is one OIDC token, usable once: Claude Code cannot mint another, so the Claude step loses the API when its first token ends; use ANTHROPIC_IDENTITY_TOKEN_FILE and rewrite it (claude-code-action does it every 4 minutes)'
    case 'none':
      return "claude-code-action's federation inputs write ANTHROPIC_IDENTITY_TOKEN_FILE in its own step and rewrite it every 4 minutes, so Claude Code can re-mint; a bare `claude -p` needs ANTHROPIC_IDENTITY_TOKEN_FILE and a loop that rewrites it"
  }
}

// The check of Anthropic workload identity federation: the preflight mints its own GitHub OIDC token, exchanges it
// under the job's federation settings, and proves the minted token with the Anthropic probe (count_tokens, free).
import type { HttpSend } from '../../http/request.js'
import { formatDuration } from '../../lifetime/duration.js'
import { probe } from '../../probe/probe.js'
import type { CloudCheck } from '../check.js'
import { exchangeFederationToken } from './exchange.js'
import {
  federationIdentity,
  mintedLifetime,
  readFederationSettings,
  renewalNote,
  type IdentityTokenSource
} from './settings.js'

export interface FederationCheck extends CloudCheck {
  /** The minted token's real lifetime, in seconds (its `expires_in`). */
  lifetimeSeconds?: number
  /** The rule allows longer: the exchange capped the lifetime at twice the OIDC token's remaining life. */
  cappedByOidc?: boolean
  /** The minted token alone lasts until `neededUntil` (only said when that was given). */
  outlivesJob?: boolean
  /** Where the Claude step's identity token comes from, which decides whether Claude Code can mint again. */
  identityToken?: IdentityTokenSource
}

export interface FederationCheckDeps {
  send: HttpSend
  /** Bounds the whole check: minting, the exchange and the probe, retries included. */
  timeoutMs: number
  attempts?: number
  baseDelayMs?: number
  /** Called on every token the moment it is read: the OIDC request token, the OIDC token, the minted token. */
  mask(value: string): void
  /** When the Claude step must still have a credential (the job's end, or now + min-remaining). */
  neededUntil?: Date
  /** The Claude step that writes and renews the identity token file itself (claude-code-action), when it does. */
  tokenWrittenBy?: string
  /** The kind of the Claude step, when one was modelled: without one, who writes the identity token is unknown. */
  claudeStep?: 'claude-code-action' | 'claude-cli'
  /** What else keeps the identity token file fresh (the preflight's renewer), when something does. */
  renewedBy?: string
  now?: () => Date
}

export const FEDERATION_PROVES =
  "the federation rule accepts this job's GitHub OIDC token and the access token it mints authenticates at the Anthropic API (POST /v1/messages/count_tokens, free): the same exchange Claude Code makes, from an OIDC token of the preflight's own"

/**
 * Proves the federation settings in `env` the way Claude Code will use them, without spending tokens and without
 * touching the Claude step's identity token. `invalid`: the exchange refused them (every mismatch is the same opaque
 * 401), or the API refused the minted token; `forbidden`: the job may not mint an OIDC token (no `id-token: write`),
 * or the API refused the token's permission; `unverifiable`: no answer, 5xx or 429 after retries, a proxy's page, an
 * answer that is not Anthropic's.
 */
export async function checkFederation(
  env: NodeJS.ProcessEnv,
  deps: FederationCheckDeps
): Promise<FederationCheck> {
  const proves = FEDERATION_PROVES
  const settings = readFederationSettings(env)
  if ('missing' in settings) {
    return {
      status: 'invalid',
      misconfigured: true,
      message: `${settings.missing.join(' and ')} not set: Claude Code uses workload identity federation only with both ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID`,
      proves
    }
  }
  if (settings.identityToken === 'none' && !deps.tokenWrittenBy && !deps.renewedBy) {
    const words =
      'neither ANTHROPIC_IDENTITY_TOKEN_FILE nor ANTHROPIC_IDENTITY_TOKEN is set, and Claude Code then fails every request with "oidc_federation config requires an identity token"'
    return deps.claudeStep
      ? {
          status: 'invalid',
          misconfigured: true,
          message: `${words}: write a GitHub OIDC token to a file and point ANTHROPIC_IDENTITY_TOKEN_FILE at it, or run Claude through claude-code-action, whose federation inputs do it`,
          proves
        }
      : {
          status: 'unverifiable',
          unseen: true,
          message: `no Claude step was found in the job's workflow: claude-code-action writes the identity token file itself, but a bare \`claude -p\` needs ANTHROPIC_IDENTITY_TOKEN_FILE, or ${words}`,
          proves
        }
  }
  const now = deps.now ?? (() => new Date())
  const deadline = Date.now() + deps.timeoutMs
  const identity = federationIdentity(settings)
  const base = { proves, identity, identityToken: settings.identityToken }
  const exchange = await exchangeFederationToken(settings, env, deps)
  if (!('token' in exchange)) {
    const { problem, ...said } = exchange
    switch (problem) {
      case 'no-oidc':
        return {
          ...base,
          ...said,
          status: 'forbidden',
          message: `${said.message}: federation needs the job's OIDC token; add \`permissions: id-token: write\` to the job`
        }
      case 'denied':
        return {
          ...base,
          ...said,
          status: 'invalid',
          message: `the federation token exchange refused ${settings.ruleId} for an OIDC token with audience ${settings.audience} (${said.message}); the reason is in the Claude Console, Workload identity, authentication events`
        }
      case 'forbidden':
        return { ...base, ...said, status: 'forbidden' }
      case 'unverifiable':
        return { ...base, ...said, status: 'unverifiable' }
    }
  }
  const lifetime = mintedLifetime(exchange.expiresIn, now(), exchange.oidcExpiresAt)
  const probed = await probe(
    { source: 'claude-code-oauth-token', scheme: 'oauth', secret: exchange.token },
    {
      baseUrl: settings.baseUrl,
      timeoutMs: Math.max(1, deadline - Date.now()),
      send: deps.send,
      ...(deps.attempts !== undefined && { attempts: deps.attempts }),
      ...(deps.baseDelayMs !== undefined && { baseDelayMs: deps.baseDelayMs })
    }
  )
  const outlivesJob = deps.neededUntil && lifetime.expiresAt >= deps.neededUntil
  const renewal =
    deps.renewedBy ??
    (deps.tokenWrittenBy &&
      `minted again by ${deps.tokenWrittenBy}, which rewrites ANTHROPIC_IDENTITY_TOKEN_FILE every 4 minutes so that Claude Code exchanges a fresh OIDC token whenever its federated token ends`)
  const life = {
    ...(renewal && { renewal }),
    expiresAt: lifetime.expiresAt,
    expirySource: `expires_in of the federation token exchange (${lifetime.explanation})`,
    lifetimeSeconds: lifetime.seconds,
    cappedByOidc: lifetime.cappedByOidc,
    ...(outlivesJob !== undefined && { outlivesJob })
  }
  const requestId = probed.requestId ?? exchange.requestId
  const answer = {
    ...base,
    ...life,
    ...(probed.httpStatus !== undefined && { httpStatus: probed.httpStatus }),
    ...(requestId && { requestId })
  }
  switch (probed.status) {
    case 'valid': {
      const lasts = `the minted token lasts ${formatDuration(lifetime.seconds * 1000)} (${lifetime.explanation})`
      const job = renewal
        ? ''
        : outlivesJob === undefined
          ? ''
          : outlivesJob
            ? ', longer than the job needs'
            : `, less than the job needs: ${renewalNote(settings.identityToken)}`
      return { ...answer, status: 'valid', message: `${lasts}${job}` }
    }
    case 'invalid':
    case 'revoked':
      // A token minted a moment ago that the API calls expired: this machine's clock or the exchange's is far off.
      if (/expired/i.test(probed.message))
        return {
          ...answer,
          status: 'expired',
          message: `the API calls the token just minted expired (${probed.message}): check the runner's clock`
        }
      return {
        ...answer,
        status: 'invalid',
        message: `the exchange minted a token the API refused (${probed.message}): check ANTHROPIC_BASE_URL and the rule's workspace`
      }
    case 'forbidden':
    case 'billing':
      return {
        ...answer,
        status: 'forbidden',
        message: `the minted token authenticated, but the API refused it: ${probed.message}`
      }
    case 'unverifiable':
      return {
        ...answer,
        status: 'unverifiable',
        message: `the exchange minted a token, but probing it: ${probed.message}`
      }
  }
}

// Proving the credential of Claude on Microsoft Foundry without spending tokens: the credential Claude Code would send
// (settings.ts), sent as it sends it to the resource's free count_tokens route (calls.ts). An Entra token from the
// Azure credential chain is had first (entra.ts); a fixed token's `exp` is read before anything is sent.
import type { TokenCallDeps } from '../../github/oidc.js'
import { jwtExpiry } from '../../lifetime/jwt.js'
import type { CloudCheck, Reading } from '../check.js'
import { countTokens, type FoundryAuth } from './calls.js'
import { readFoundrySettings, type FoundrySettings } from './settings.js'

export interface FoundryCheckDeps extends TokenCallDeps {
  now?: () => number
  /** What keeps Claude Code's Azure credential signing in during the run (the preflight's renewer), when something does. */
  renewedBy?: string
}

/** What the credential is, for the messages, and what a yes proves besides. */
interface Sending {
  auth: FoundryAuth
  /** `ANTHROPIC_FOUNDRY_API_KEY`, `an Entra token from …` */
  what: string
  expiry: Pick<CloudCheck, 'expiresAt' | 'expirySource'>
  /** Said after a yes: how long it lasts. */
  lasts: string
}

/**
 * Proves the Foundry credential Claude Code would use with `env`. `invalid`: Claude Code would not start (its URL
 * settings), no credential was found, or Azure refused it; `expired`: a token past its `exp`, or Entra refusing an
 * assertion past its life; `forbidden`: the identity lacks a role on the resource; `unverifiable`: no answer, 5xx or
 * 429 after retries, a proxy's page, or `CLAUDE_CODE_SKIP_FOUNDRY_AUTH` (a gateway signs the requests).
 */
export async function checkFoundryCredentials(
  env: NodeJS.ProcessEnv,
  deps: FoundryCheckDeps
): Promise<CloudCheck> {
  const settings = readFoundrySettings(env)
  if ('problem' in settings)
    return {
      status: 'invalid',
      misconfigured: true,
      message: settings.problem,
      proves: 'nothing: Claude Code would not start'
    }
  const host = new URL(settings.baseUrl).host
  const sending = await credentialToSend(settings, env, deps)
  if ('failed' in sending)
    return {
      ...sending.failed,
      identity: host,
      proves: 'nothing: no Foundry credential could be had'
    }
  const { auth, what, lasts } = sending
  // Renewed: Claude Code signs in again from the renewer's federated token file, so the first token's end is not the run's.
  const renewal = settings.credential.kind === 'azure' ? deps.renewedBy : undefined
  const expiry = renewal ? { renewal } : sending.expiry
  const identity = `${what} for ${host}`
  const counted = await countTokens(settings.baseUrl, settings.model, auth, deps)
  if ('failed' in counted) {
    const { failed } = counted
    return {
      ...failed,
      message: `${failed.message} (${what})`,
      ...expiry,
      identity,
      proves:
        failed.status === 'forbidden'
          ? `the credential authenticates at ${host}, but its identity may not call the Anthropic API there`
          : 'nothing: Foundry did not accept the credential'
    }
  }
  return {
    status: 'valid',
    message:
      'judged' in counted.data
        ? counted.data.judged
        : `Foundry accepted ${what} at ${settings.baseUrl} (count_tokens, free)${renewal ? '' : `; ${lasts}`}`,
    httpStatus: counted.httpStatus,
    ...(counted.requestId && { requestId: counted.requestId }),
    ...expiry,
    identity,
    proves: provesAt(settings)
  }
}

const provesAt = (settings: FoundrySettings): string =>
  `the credential authenticates at ${settings.baseUrl} and may call its Anthropic API (POST /v1/messages/count_tokens, the route family Claude Code uses); not that every deployment Claude Code asks for exists`

async function credentialToSend(
  settings: FoundrySettings,
  env: NodeJS.ProcessEnv,
  deps: FoundryCheckDeps
): Promise<Sending | { failed: Reading }> {
  const { credential } = settings
  switch (credential.kind) {
    case 'api-key':
      deps.mask(credential.key)
      return {
        auth: { apiKey: credential.key },
        what: 'ANTHROPIC_FOUNDRY_API_KEY',
        expiry: {},
        lasts: 'a Foundry key does not expire'
      }
    case 'auth-token':
      return fixedToken(credential.token, deps)
    case 'skipped':
      return {
        failed: {
          status: 'unverifiable',
          message:
            'CLAUDE_CODE_SKIP_FOUNDRY_AUTH is set: Claude Code sends no credential of its own (a gateway in between signs its requests), so there is none to check'
        }
      }
    case 'azure': {
      const { entraToken } = await import('./entra.js')
      const got = await entraToken(env, deps)
      if ('failed' in got) return got
      const what = `an Entra token from ${got.source.label}`
      return {
        auth: { bearer: got.token },
        what,
        expiry: got.source.final
          ? {
              expiresAt: got.expiresAt,
              expirySource: `the Entra token from ${got.source.label}, final: ${got.source.why ?? ''}`
            }
          : {},
        lasts: got.source.final
          ? `it expires at ${got.expiresAt.toISOString()} and ${got.source.why ?? ''}`
          : 'DefaultAzureCredential gets Claude Code a new one before it expires'
      }
    }
  }
}

/** `ANTHROPIC_FOUNDRY_AUTH_TOKEN`: Claude Code sends it as it is for the whole run, so its `exp` is its end. */
function fixedToken(token: string, deps: FoundryCheckDeps): Sending | { failed: Reading } {
  deps.mask(token)
  const exp = jwtExpiry(token)
  const expiry = exp
    ? { expiresAt: exp, expirySource: 'the exp claim of ANTHROPIC_FOUNDRY_AUTH_TOKEN' }
    : {}
  if (exp && exp.getTime() <= (deps.now?.() ?? Date.now()))
    return {
      failed: {
        status: 'expired',
        message: `ANTHROPIC_FOUNDRY_AUTH_TOKEN expired at ${exp.toISOString()} (its exp claim)`,
        ...expiry
      }
    }
  return {
    auth: { bearer: token },
    what: 'ANTHROPIC_FOUNDRY_AUTH_TOKEN',
    expiry,
    lasts: exp
      ? `Claude Code sends this same token all run and cannot renew it: it ends at ${exp.toISOString()}`
      : 'it is not a JWT, so its expiry is unknown'
  }
}

// The Entra token Claude Code gets when it has neither a Foundry key nor a token: from the Azure SDK's
// DefaultAzureCredential for `https://cognitiveservices.azure.com/.default`, as claude-code 2.1.328 asks for it. The same
// class from the same package (@azure/identity, loaded only here), so the preflight finds the credential Claude Code
// will find, in the same order (environment, workload identity, managed identity, the az CLI, …), at the Entra
// endpoint users move with AZURE_AUTHORITY_HOST. The package reads process.env itself.
//
// How long the token lasts: each credential of the chain renews its token, but one cannot. azure/login's OIDC login
// (https://github.com/Azure/login) runs `az login --service-principal --federated-token <GitHub's OIDC token>`, and the
// az CLI keeps that assertion to get later tokens with (`client_assertion` in service_principal_entries.json:
// https://github.com/Azure/azure-cli/blob/dev/src/azure-cli-core/azure/cli/core/auth/identity.py). GitHub's token
// expires minutes later and nothing renews it, so once the Entra token the CLI holds expires (about an hour), every new
// one fails with AADSTS700024 "Client assertion is not within its valid time range"
// (https://github.com/Azure/login/issues/180). That token's expiry is then final.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { clipLine } from '../../common/errors.js'
import { formatDuration } from '../../lifetime/duration.js'
import { jwtExpiry } from '../../lifetime/jwt.js'
import type { Reading } from '../check.js'
import { FOUNDRY_SCOPE } from './settings.js'

/** Which credential of the chain gave the token, and whether it can give another. */
export interface EntraSource {
  /** For humans: `the az CLI's login (azure/login with OIDC)`. */
  label: string
  /** Its token's expiry is final: nothing in the job can get another. */
  final: boolean
  /** Why, when final. */
  why?: string
}

export type EntraResult =
  { token: string; expiresAt: Date; source: EntraSource } | { failed: Reading }

/** Codes of an Entra credential past its life: an assertion out of its time range, a refresh token expired. */
const EXPIRED_CODES = /\bAADSTS(?:700024|700082|70043|50173)\b/
/** No answer from Entra: MSAL says `endpoints_resolution_error` when it could not even read the authority's metadata. */
const NETWORK =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|socket hang up|network_error|endpoints_resolution_error|getaddrinfo|timed? ?out/i

interface NamedError {
  name?: string
  message?: string
  statusCode?: number
  errors?: unknown[]
}

/**
 * A token from DefaultAzureCredential within `timeoutMs`, masked the moment it arrives; or what its failure says:
 * `expired` (Entra says the credential's assertion or refresh token is past its life), `invalid` (Entra refused it,
 * or the chain found no credential at all), `unverifiable` (Entra or the network did not answer in time).
 */
export async function entraToken(
  env: NodeJS.ProcessEnv,
  deps: { timeoutMs: number; mask(value: string): void }
): Promise<EntraResult> {
  const { DefaultAzureCredential } = await import('@azure/identity')
  const signal = AbortSignal.timeout(deps.timeoutMs)
  const credential = new DefaultAzureCredential({ processTimeoutInMs: deps.timeoutMs })
  let answer: { token: string; expiresOnTimestamp: number } | null
  try {
    answer = await Promise.race([
      credential.getToken(FOUNDRY_SCOPE, { abortSignal: signal }),
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true })
      )
    ])
  } catch (error) {
    return { failed: readFailure(error as NamedError, deps.timeoutMs) }
  }
  if (!answer?.token)
    return { failed: { status: 'invalid', message: 'DefaultAzureCredential gave no token' } }
  deps.mask(answer.token)
  return {
    token: answer.token,
    expiresAt: new Date(answer.expiresOnTimestamp),
    source: sourceOf(env, answer.token, deps.mask)
  }
}

/** A credential of the chain that is simply not set up here: its words are noise beside the others'. */
const NOT_SET_UP =
  /is unavailable\. No underlying credential|Network unreachable|is not available\. Ensure|could not be found|couldn't be found|Unable to execute PowerShell/

/**
 * The words of an error and of every error it gathers (DefaultAzureCredential's AggregateAuthenticationError): those
 * of the credentials that were set up and failed first, then the names of those that were not set up.
 */
function wordsOf(error: NamedError): string[] {
  const inner = Array.isArray(error.errors) ? (error.errors as NamedError[]) : [error]
  const said = inner.map(e => e.message ?? e.name ?? 'Error')
  const failed = said.filter(words => !NOT_SET_UP.test(words))
  const notSetUp = said.length - failed.length
  return [...failed, ...(notSetUp ? [`${notSetUp} other credentials of the chain not set up`] : [])]
}

function readFailure(error: NamedError, timeoutMs: number): Reading {
  const words = wordsOf(error)
  const said = clipLine(words.join('; '), 600)
  if (error.message === 'timed out' || error.name === 'AbortError')
    return {
      status: 'unverifiable',
      message: `DefaultAzureCredential: no token within ${formatDuration(timeoutMs)} (Entra or the az CLI did not answer in time)`
    }
  const code = /\bAADSTS\d{5,7}\b/.exec(said)?.[0]
  if (code && EXPIRED_CODES.test(code))
    return { status: 'expired', message: `DefaultAzureCredential: ${said}` }
  if (code) return { status: 'invalid', message: `DefaultAzureCredential: ${said}` }
  const unavailableOnly = (
    Array.isArray(error.errors) ? (error.errors as NamedError[]) : [error]
  ).every(e => e.name === 'CredentialUnavailableError')
  const status = error.statusCode
  if (
    !unavailableOnly &&
    (NETWORK.test(said) || (status !== undefined && (status >= 500 || status === 429)))
  )
    return { status: 'unverifiable', message: `DefaultAzureCredential: ${said}` }
  return {
    status: 'invalid',
    message: `DefaultAzureCredential found no Azure credential: ${said}`
  }
}

/** The claims of a JWT that name its caller; empty for anything else. */
function claimsOf(token: string): Record<string, unknown> {
  try {
    const payload: unknown = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')
    )
    return typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

const has = (env: NodeJS.ProcessEnv, ...names: string[]) => names.every(name => !!env[name]?.trim())

/**
 * Which credential of DefaultAzureCredential's chain gave `token`, by the chain's own order: the environment's
 * service principal (https://learn.microsoft.com/javascript/api/@azure/identity/environmentcredential), workload
 * identity (a federated token file), managed identity (its tokens carry `xms_mirid`), else a developer tool: in a job,
 * the az CLI that azure/login signed in.
 */
function sourceOf(
  env: NodeJS.ProcessEnv,
  token: string,
  mask: (value: string) => void
): EntraSource {
  if (
    has(env, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID') &&
    (has(env, 'AZURE_CLIENT_SECRET') ||
      has(env, 'AZURE_CLIENT_CERTIFICATE_PATH') ||
      has(env, 'AZURE_USERNAME', 'AZURE_PASSWORD'))
  )
    return { label: 'the service principal in AZURE_CLIENT_ID / AZURE_TENANT_ID', final: false }
  const claims = claimsOf(token)
  if (has(env, 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID'))
    return workloadIdentity(env.AZURE_FEDERATED_TOKEN_FILE ?? '', jwtExpiry(token), mask)
  if (typeof claims.xms_mirid === 'string') return { label: 'a managed identity', final: false }
  const appId = [claims.appid, claims.azp].find(v => typeof v === 'string') as string | undefined
  if (appId && federatedCliLogin(env, appId))
    return {
      label: "the az CLI's login with a federated token (azure/login with OIDC)",
      final: true,
      why: "the az CLI cannot renew it: the client assertion it signed in with (GitHub's OIDC token) expires within minutes and nothing renews it, so the next token fails with AADSTS700024"
    }
  return { label: 'the az CLI (or another developer tool) signed in on the runner', final: false }
}

/** A federated token file Claude Code's chain reads again for each new token: final if it expires first. */
function workloadIdentity(
  file: string,
  tokenEnd: Date | undefined,
  mask: (value: string) => void
): EntraSource {
  const label = 'workload identity (AZURE_FEDERATED_TOKEN_FILE)'
  let assertionEnd: Date | undefined
  try {
    const assertion = readFileSync(file, 'utf8').trim()
    if (assertion) mask(assertion)
    assertionEnd = jwtExpiry(assertion)
  } catch {
    return { label, final: false }
  }
  return assertionEnd && tokenEnd && assertionEnd.getTime() <= tokenEnd.getTime()
    ? {
        label,
        final: true,
        why: 'the federated token in AZURE_FEDERATED_TOKEN_FILE expires before the Entra token does, so unless something rewrites the file no new token can be had'
      }
    : { label, final: false }
}

/** Whether the az CLI is signed in as `appId` with a client assertion (a federated token), per its own store. */
function federatedCliLogin(env: NodeJS.ProcessEnv, appId: string): boolean {
  return azureFederatedLogins(env).some(login => login.clientId === appId)
}

/** A service principal the az CLI signed in with a client assertion (azure/login with OIDC). */
export interface AzureFederatedLogin {
  clientId: string
  tenantId?: string
}

/**
 * The service principals the az CLI is signed in as with a client assertion, from its own store
 * (`service_principal_entries.json` under AZURE_CONFIG_DIR, else ~/.azure: `client_id`, `tenant`, `client_assertion`);
 * empty when it has none or cannot be read.
 */
export function azureFederatedLogins(env: NodeJS.ProcessEnv): AzureFederatedLogin[] {
  const dir = env.AZURE_CONFIG_DIR?.trim() || join(env.HOME?.trim() || homedir(), '.azure')
  let entries: unknown
  try {
    entries = JSON.parse(readFileSync(join(dir, 'service_principal_entries.json'), 'utf8'))
  } catch {
    return []
  }
  if (!Array.isArray(entries)) return []
  return entries.flatMap((entry: Record<string, unknown> | null) =>
    typeof entry?.client_id === 'string' && typeof entry.client_assertion === 'string'
      ? [
          {
            clientId: entry.client_id,
            ...(typeof entry.tenant === 'string' && { tenantId: entry.tenant })
          }
        ]
      : []
  )
}

// GitHub OIDC tokens minted by the renewer from the job's token request (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN,
// which stay valid for the whole job): what the federation, AWS and Azure sources share.
import { mintOidcToken } from '../github/oidc.js'
import { jwtExpiry } from '../lifetime/jwt.js'
import { jobText, type MintDeps, type MintOutcome, type SourceJob } from './source.js'

/** The job's OIDC token request: secrets, held in the renewer's memory only. */
export interface OidcRequest {
  requestUrl: string
  requestToken: string
}

/** A source's job whose file holds a GitHub OIDC token: the audience its relying party expects, and the request. */
export interface OidcJob extends SourceJob, OidcRequest {
  audience: string
}

/** What GitHub documents of its OIDC tokens' life, for a token that carries no `exp`. */
const OIDC_LIFETIME_MS = 5 * 60_000

/** The job's OIDC token request, or why there is none. */
export function oidcRequestOf(env: NodeJS.ProcessEnv): OidcRequest | { why: string } {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  if (!requestUrl || !requestToken)
    return {
      why: 'GitHub gave this job no OIDC token request (no `permissions: id-token: write`, or a pull request from a fork)'
    }
  return { requestUrl, requestToken }
}

/** The OIDC part of a job description, read defensively. */
export function readOidcJob<Kind extends string>(
  kind: Kind,
  value: Record<string, unknown>
): (OidcJob & { kind: Kind }) | undefined {
  const file = jobText(value.file)
  const audience = jobText(value.audience)
  const requestUrl = jobText(value.requestUrl)
  const requestToken = jobText(value.requestToken)
  if (!file || !audience || !requestUrl || !requestToken) return undefined
  return { kind, file, audience, requestUrl, requestToken }
}

/** A fresh GitHub OIDC token for `audience`, or why none (`permanent` unless GitHub's service did not answer). */
export async function mintJobOidcToken(
  request: OidcRequest,
  audience: string,
  deps: MintDeps
): Promise<{ token: string } | { failure: string; permanent: boolean }> {
  const oidc = await mintOidcToken(
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: request.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: request.requestToken
    },
    audience,
    // The renewer prints nothing: there is no log to mask.
    { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined }
  )
  if ('token' in oidc) return oidc
  return {
    failure: `GitHub's OIDC token service: ${oidc.message}`,
    permanent: oidc.problem !== 'unverifiable'
  }
}

/** A source's mint whose file holds the OIDC token itself, living until its `exp`. */
export async function mintOidcFile(job: OidcJob, deps: MintDeps): Promise<MintOutcome> {
  const oidc = await mintJobOidcToken(job, job.audience, deps)
  if (!('token' in oidc)) return oidc
  const expiresAt = jwtExpiry(oidc.token)?.getTime() ?? deps.now() + OIDC_LIFETIME_MS
  return { minted: { value: oidc.token, expiresAt } }
}

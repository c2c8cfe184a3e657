// Anthropic workload identity federation in a bare `claude -p` step: Claude Code re-reads ANTHROPIC_IDENTITY_TOKEN_FILE
// at every exchange (the SDK inside @anthropic-ai/claude-code; https://platform.claude.com/docs/en/manage-claude/wif-reference),
// and a GitHub OIDC token lives about five minutes and can be exchanged once. The renewer keeps the file holding an
// unused token with at least half its life left, as claude-code-action's own loop does for its step every 4 minutes
// (anthropics/claude-code-action base-action/src/workload-identity.ts).
import { mintOidcToken } from '../github/oidc.js'
import { jwtExpiry } from '../lifetime/jwt.js'
import {
  jobText,
  type MintDeps,
  type MintOutcome,
  type RenewalSource,
  type SourceJob
} from './source.js'

/** A source's job that mints GitHub OIDC tokens: the audience, and the job's token request. */
export interface OidcJob extends SourceJob {
  /** The audience the relying party expects. */
  audience: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN of the job: secrets, held in memory only. */
  requestUrl: string
  requestToken: string
}

export interface FederationJob extends OidcJob {
  kind: 'federation'
}

/** What GitHub documents of its OIDC tokens' life, for a token that carries no `exp`. */
const OIDC_LIFETIME_MS = 5 * 60_000

export const FEDERATION_SOURCE: RenewalSource<FederationJob> = {
  kind: 'federation',
  what: "the federated token's identity file",
  credential: 'identity token',
  fileName: 'identity-token',
  marginMs: 30_000,
  readJob: value => readOidcJob('federation', value),
  mint: mintJobOidcToken
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

/** A fresh GitHub OIDC token for the job's audience, living until its `exp`. */
export async function mintJobOidcToken(job: OidcJob, deps: MintDeps): Promise<MintOutcome> {
  const oidc = await mintOidcToken(
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: job.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: job.requestToken
    },
    job.audience,
    { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined }
  )
  if (!('token' in oidc))
    return {
      failure: `GitHub's OIDC token service: ${oidc.message}`,
      permanent: oidc.problem !== 'unverifiable'
    }
  const expiresAt = jwtExpiry(oidc.token)?.getTime() ?? deps.now() + OIDC_LIFETIME_MS
  return { minted: { value: oidc.token, expiresAt } }
}

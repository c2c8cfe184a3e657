// Anthropic workload identity federation in a bare `claude -p` step: Claude Code re-reads ANTHROPIC_IDENTITY_TOKEN_FILE
// at every exchange (the SDK inside @anthropic-ai/claude-code; https://platform.claude.com/docs/en/manage-claude/wif-reference),
// and a GitHub OIDC token lives about five minutes and can be exchanged once. The renewer keeps the file holding an
// unused token with at least half its life left, as claude-code-action's own loop does for its step every 4 minutes
// (anthropics/claude-code-action base-action/src/workload-identity.ts).
import { FEDERATION_AUDIENCE } from '../cloud/federation/settings.js'
import { PREFIX } from '../common/errors.js'
import { mintOidcToken } from '../github/oidc.js'
import { jwtExpiry } from '../lifetime/jwt.js'
import { FEDERATION } from '../providers/platforms.js'
import { jobText, type RenewalSource, type SourceJob } from './source.js'

export interface FederationJob extends SourceJob {
  kind: 'federation'
  /** The audience the federation rule expects. */
  audience: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN of the job: secrets, held in memory only. */
  requestUrl: string
  requestToken: string
}

/** What GitHub documents of its OIDC tokens' life, for a token that carries no `exp`. */
const OIDC_LIFETIME_MS = 5 * 60_000

export const IDENTITY_FILE_VARIABLE = 'ANTHROPIC_IDENTITY_TOKEN_FILE'

/** The job's OIDC token request, or why there is none: every OIDC-minting source needs it. */
export function oidcRequestOf(
  env: NodeJS.ProcessEnv
): { requestUrl: string; requestToken: string } | { why: string } {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  if (!requestUrl || !requestToken)
    return {
      why: 'GitHub gave this job no OIDC token request (no `permissions: id-token: write`, or a pull request from a fork)'
    }
  return { requestUrl, requestToken }
}

export const FEDERATION_SOURCE: RenewalSource<FederationJob> = {
  kind: 'federation',
  renews: 'claude',
  what: "the federated token's identity file",
  credential: 'identity token',
  fileName: 'identity-token',
  marginMs: 30_000,
  plan({ selection, env }) {
    const { platform, claudeEnv, tokenWrittenBy, claudeStep } = selection
    if (platform !== FEDERATION || !claudeEnv) return undefined
    if (tokenWrittenBy)
      return {
        why: `Claude runs in ${tokenWrittenBy} (claude-code-action), which mints its own identity token and rewrites ${IDENTITY_FILE_VARIABLE} every 4 minutes: no renewer is started for federation there`
      }
    if (claudeEnv.unreadable.includes('ANTHROPIC_OIDC_AUDIENCE'))
      return {
        why: 'ANTHROPIC_OIDC_AUDIENCE is set in the Claude step from an expression this step cannot read, so the renewer cannot know the audience the rule expects: give this step the same value in its `env:`'
      }
    const request = oidcRequestOf(env)
    if ('why' in request) return request
    const own = claudeStep?.variable(IDENTITY_FILE_VARIABLE)
    return {
      job: {
        kind: 'federation',
        audience: claudeEnv.env.ANTHROPIC_OIDC_AUDIENCE?.trim() || FEDERATION_AUDIENCE,
        ...request
      },
      renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${IDENTITY_FILE_VARIABLE} with a fresh GitHub OIDC token at half its life, so that Claude Code exchanges a fresh one whenever its federated token ends`,
      warnings:
        own?.kind === 'step'
          ? [
              `${claudeStep!.label} sets its own ${IDENTITY_FILE_VARIABLE} (${own.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${IDENTITY_FILE_VARIABLE} }} or remove it, or Claude Code reads a token nobody renews.`
            ]
          : []
    }
  },
  readJob(value) {
    const file = jobText(value.file)
    const audience = jobText(value.audience)
    const requestUrl = jobText(value.requestUrl)
    const requestToken = jobText(value.requestToken)
    if (!file || !audience || !requestUrl || !requestToken) return undefined
    return { kind: 'federation', file, audience, requestUrl, requestToken }
  },
  async mint(job, deps) {
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
  },
  async handOff(file, { core, pid }) {
    core.exportVariable(IDENTITY_FILE_VARIABLE, file)
    core.info(
      `${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; ${IDENTITY_FILE_VARIABLE} points there for the steps that follow.`
    )
  }
}

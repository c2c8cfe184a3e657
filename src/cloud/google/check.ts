// Proving the Google credentials of Claude on Vertex AI without spending tokens: an access token minted from the
// Application Default Credentials as Claude Code's google-auth-library mints it (or, with CLAUDE_CODE_SKIP_VERTEX_AUTH,
// the bearer token Claude Code sends instead), then count-tokens of Anthropic's models in Claude Code's project and
// region. Counting is free and needs aiplatform.endpoints.predict, the permission inference needs
// (https://code.claude.com/docs/en/google-vertex-ai: roles/aiplatform.user).
import { homedir } from 'node:os'
import { truthy } from '../../common/env.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import type { CloudCheck } from '../check.js'
import type { Reading } from './answers.js'
import { countTokens, tokenInfo } from './calls.js'
import { mintAdcToken } from './credentials.js'
import { countTokensUrl, vertexProject, vertexTarget, type VertexTarget } from './settings.js'

export const GOOGLE_TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo'

export interface VertexCheckOptions {
  /** Google's tokeninfo endpoint, which gives a bare access token's expiry. */
  tokenInfoUrl?: string
}

const withProof = (reading: Reading, proves: string): CloudCheck => {
  const { googleCode: _code, ...rest } = reading
  return { ...rest, proves }
}

const NO_PROJECT =
  'no Google Cloud project for Vertex AI: set ANTHROPIC_VERTEX_PROJECT_ID to the project with the Claude models (Claude Code takes it, else the credentials file’s project_id or quota_project_id; GCLOUD_PROJECT and GOOGLE_CLOUD_PROJECT do not reach its Vertex client)'

/**
 * Proves the Google credentials the Claude step would use for Vertex AI, as Claude Code finds them in `env`. Every
 * secret read, and every token minted, is masked at once.
 */
export async function checkVertexCredentials(
  env: NodeJS.ProcessEnv,
  options: VertexCheckOptions,
  deps: TokenCallDeps
): Promise<CloudCheck> {
  const target = vertexTarget(env)
  if (truthy(env.CLAUDE_CODE_SKIP_VERTEX_AUTH)) return checkBearerToken(env, target, options, deps)
  const minted = await mintAdcToken(env, env.HOME || homedir(), deps)
  if ('failed' in minted)
    return withProof(minted.failed, 'nothing: no Google access token could be had')
  const project = vertexProject(env, minted.file)
  const life = minted.renewal
    ? { renewal: minted.renewal }
    : minted.expiresAt
      ? { expiresAt: minted.expiresAt, expirySource: `the token minted from ${minted.source}` }
      : {}
  const who = { identity: minted.identity, ...life }
  if (!project)
    return {
      status: 'invalid',
      misconfigured: true,
      message: NO_PROJECT,
      ...who,
      proves: 'nothing about Vertex AI'
    }
  const minting = `Google issued an access token for ${minted.identity} from ${minted.source}`
  return countVerdict(target, project, minted.token, minting, who, deps)
}

/** CLAUDE_CODE_SKIP_VERTEX_AUTH: Claude Code sends ANTHROPIC_AUTH_TOKEN as the bearer token (seen, 2.1.328). */
async function checkBearerToken(
  env: NodeJS.ProcessEnv,
  target: VertexTarget,
  options: VertexCheckOptions,
  deps: TokenCallDeps
): Promise<CloudCheck> {
  const token = env.ANTHROPIC_AUTH_TOKEN?.trim() ?? ''
  if (!token)
    return {
      status: 'unverifiable',
      message:
        'CLAUDE_CODE_SKIP_VERTEX_AUTH is set and ANTHROPIC_AUTH_TOKEN is not: Claude Code sends no Google credential of its own (a gateway’s, in ANTHROPIC_CUSTOM_HEADERS, is not checked)',
      proves: 'nothing'
    }
  deps.mask(token)
  const project = vertexProject(env)
  const info = await tokenInfo(options.tokenInfoUrl ?? GOOGLE_TOKENINFO_URL, token, deps)
  if ('failed' in info && info.failed.status !== 'unverifiable')
    return withProof(
      { ...info.failed, message: `${info.failed.message} (ANTHROPIC_AUTH_TOKEN)` },
      'nothing: Google does not know the token'
    )
  const known =
    'data' in info
      ? {
          expiresAt: info.data.expiresAt,
          expirySource: 'Google tokeninfo: a bare access token is never renewed',
          ...(info.data.email && { identity: info.data.email })
        }
      : {}
  if (!project)
    return {
      status: 'invalid',
      misconfigured: true,
      message: NO_PROJECT,
      ...known,
      proves: 'nothing about Vertex AI'
    }
  const said =
    'data' in info
      ? 'Google tokeninfo knows the access token in ANTHROPIC_AUTH_TOKEN'
      : `the access token in ANTHROPIC_AUTH_TOKEN (${info.failed.message})`
  return countVerdict(target, project, token, said, known, deps)
}

/** The check's outcome from count-tokens, after `before` (what was proven already). */
async function countVerdict(
  target: VertexTarget,
  project: { project: string; from: string },
  token: string,
  before: string,
  rest: Partial<CloudCheck>,
  deps: TokenCallDeps
): Promise<CloudCheck> {
  const where = `project ${project.project} (${project.from}), region ${target.region} (${target.regionFrom})`
  const counted = await countTokens(
    countTokensUrl(target, project.project),
    token,
    target.model,
    deps
  )
  if ('failed' in counted) {
    const proves =
      counted.failed.status === 'forbidden'
        ? `the credentials are live, but may not call Anthropic's models on Vertex AI in ${where}`
        : 'nothing about Vertex AI: its answer was not a yes'
    return withProof(
      { ...rest, ...counted.failed, message: `${before}; ${counted.failed.message} (${where})` },
      proves
    )
  }
  return {
    ...rest,
    status: 'valid',
    message: `${before}; Vertex AI counted tokens for ${target.model} in ${where}`,
    httpStatus: counted.httpStatus,
    proves: `the credentials may call Anthropic's models on Vertex AI in ${where}: count-tokens needs aiplatform.endpoints.predict, the permission inference needs`
  }
}

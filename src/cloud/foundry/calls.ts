// Foundry's free call: `POST {base}/v1/messages/count_tokens` (Foundry has no Models API; token counting is free,
// https://platform.claude.com/docs/en/build-with-claude/claude-in-microsoft-foundry), with the headers Claude Code's
// Foundry client sends: `x-api-key` for a key, `Authorization: Bearer` for an Entra token.
import type { HttpRequest } from '../../http/request.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import { ANTHROPIC_VERSION } from '../../providers/anthropic-api.js'
import { cloudCall, type CallResult } from '../call.js'
import { judgedAfterAuthentication, readRefusal, requestIdOf } from './answers.js'

/** How the call authenticates. */
export type FoundryAuth = { apiKey: string } | { bearer: string }

/** Foundry's yes to the credential: the count, or the line of a request it judged after accepting the credential. */
export type Counted = { inputTokens: number } | { judged: string }

/** Counts the tokens of one word for `model` at `baseUrl`: whether Foundry accepted the credential. */
export function countTokens(
  baseUrl: string,
  model: string,
  auth: FoundryAuth,
  deps: TokenCallDeps
): Promise<CallResult<Counted>> {
  const secret = 'apiKey' in auth ? auth.apiKey : auth.bearer
  const request: HttpRequest = {
    method: 'POST',
    url: `${baseUrl}/v1/messages/count_tokens`,
    headers: {
      'anthropic-version': ANTHROPIC_VERSION,
      'content-type': 'application/json',
      'user-agent': 'claude-preflight',
      ...('apiKey' in auth ? { 'x-api-key': secret } : { authorization: `Bearer ${secret}` })
    },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }] })
  }
  return cloudCall<Counted>(
    request,
    {
      where: 'Foundry count_tokens',
      service: 'Foundry',
      secrets: [secret],
      read: answer => {
        const count = (answer.data as { input_tokens?: unknown } | null)?.input_tokens
        return typeof count === 'number' ? { inputTokens: count } : undefined
      },
      judged: (answer, where) => {
        const line = judgedAfterAuthentication(answer, where, model)
        return line === undefined ? undefined : { judged: line }
      },
      refusal: readRefusal,
      requestIdOf
    },
    deps
  )
}

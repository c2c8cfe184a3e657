import type { Credential } from '../providers/types.js'
import type { ProbeResult } from './types.js'
import type { HttpRequest, HttpSend } from '../http/request.js'
import { NetworkError } from '../http/request.js'
import { retry } from '../http/retry.js'
import { classifyAnswer, ROUTES, type Classified, type ProbeRoute } from './classify.js'

export const ANTHROPIC_VERSION = '2023-06-01'
/** Claude Code sends exactly this beta with an OAuth access token (shared/CONTEXT.md §2). */
export const OAUTH_BETA = 'oauth-2025-04-20'
const PROBE_MODEL = 'claude-sonnet-4-5'

/**
 * The free request that proves a credential: `GET /v1/models` for API keys, `POST /v1/messages/count_tokens`
 * for OAuth and bearer tokens, with the headers Claude Code itself sends.
 */
export function probeRequest(
  credential: Pick<Credential, 'scheme' | 'secret'>,
  baseUrl: string
): { request: HttpRequest; route: ProbeRoute } {
  const base = baseUrl.replace(/\/+$/, '')
  const headers: Record<string, string> = {
    'anthropic-version': ANTHROPIC_VERSION,
    'user-agent': 'claude-preflight'
  }
  if (credential.scheme === 'x-api-key') {
    const route = ROUTES.models
    return {
      route,
      request: {
        method: 'GET',
        url: `${base}${route.path}?limit=1`,
        headers: { ...headers, 'x-api-key': credential.secret }
      }
    }
  }
  headers.authorization = `Bearer ${credential.secret}`
  headers['content-type'] = 'application/json'
  if (credential.scheme === 'oauth') headers['anthropic-beta'] = OAUTH_BETA
  const route = ROUTES.countTokens
  return {
    route,
    request: {
      method: 'POST',
      url: `${base}${route.path}`,
      headers,
      body: JSON.stringify({ model: PROBE_MODEL, messages: [{ role: 'user', content: 'ping' }] })
    }
  }
}

export interface ProbeOptions {
  baseUrl: string
  /** Bounds the whole probe, retries included. */
  timeoutMs: number
  send: HttpSend
  attempts?: number
  baseDelayMs?: number
}

/** Probes the credential, retrying transient answers with jittered back-off until `timeoutMs` runs out. */
export async function probe(
  credential: Pick<Credential, 'scheme' | 'secret'>,
  options: ProbeOptions
): Promise<ProbeResult> {
  const started = Date.now()
  const deadline = started + options.timeoutMs
  const { request, route } = probeRequest(credential, options.baseUrl)
  const { value, attempts } = await retry<Classified & { httpStatus?: number }>(
    async () => {
      const remaining = deadline - Date.now()
      try {
        const answer = await options.send({
          ...request,
          signal: AbortSignal.timeout(Math.max(1, remaining))
        })
        const classified = classifyAnswer(route, answer.status, answer.text, answer.headers)
        const value = { ...classified, httpStatus: answer.status }
        return classified.status === 'transient'
          ? {
              done: false,
              value,
              ...(classified.retryAfterMs !== undefined && {
                retryAfterMs: classified.retryAfterMs
              })
            }
          : { done: true, value }
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        const message =
          error.failure === 'timeout'
            ? `no answer within ${Number((options.timeoutMs / 1000).toFixed(1))}s (${error.host})`
            : error.message
        return { done: error.failure === 'timeout', value: { status: 'transient', message } }
      }
    },
    { attempts: options.attempts ?? 4, baseDelayMs: options.baseDelayMs ?? 400, deadline }
  )
  const { status, retryAfterMs: _, ...rest } = value
  const attemptsNote = attempts > 1 ? ` after ${attempts} attempts` : ''
  return {
    ...rest,
    status: status === 'transient' ? 'unverifiable' : status,
    message: status === 'transient' ? `${value.message}${attemptsNote}` : value.message,
    attempts,
    elapsedMs: Date.now() - started
  }
}

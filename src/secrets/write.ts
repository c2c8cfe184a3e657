import type { Core } from '../common/core.js'
import { NetworkError } from '../http/request.js'
import { retry, parseRetryAfter, type RetryPolicy } from '../http/retry.js'
import { PREFIX } from '../common/errors.js'
import { apiMessage, isTransient, type ApiAnswer, type GitHubRequest } from '../github/client.js'
import { seal } from './seal.js'
import { describeTarget, scopeRoute, type SecretTarget } from './target.js'

export interface SecretMetadata {
  /** As GitHub gives it (to the second); compare as a string to detect a change. */
  updatedAt: string
  visibility?: 'all' | 'private' | 'selected'
}

/** A secret API call that failed: `transient` when another try later may succeed. */
export class SecretApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly transient: boolean,
    readonly attempts: number
  ) {
    super(message)
    this.name = 'SecretApiError'
  }
}

/** The default upper bound on the retries of one call. */
export const RETRY_BUDGET_MS = 60_000

export type RetryOptions = Partial<
  Pick<RetryPolicy, 'attempts' | 'baseDelayMs' | 'sleep' | 'random' | 'now'>
> & {
  /** Upper bound on the retries of one call, ms (default 60 s). */
  budgetMs?: number
}

type Call =
  { ok: true; answer: ApiAnswer } | { ok: false; answer?: ApiAnswer; error?: NetworkError }

/** Runs one API call with retries on no answer, 5xx, 429 and secondary rate limits. */
export async function callWithRetry(
  call: () => Promise<ApiAnswer>,
  accept: (answer: ApiAnswer) => boolean,
  options: RetryOptions = {}
): Promise<{ value: Call; attempts: number }> {
  const now = options.now ?? Date.now
  return retry<Call>(
    async () => {
      try {
        const answer = await call()
        if (accept(answer)) return { done: true, value: { ok: true, answer } }
        const value: Call = { ok: false, answer }
        if (!isTransient(answer)) return { done: true, value }
        return {
          done: false,
          value,
          retryAfterMs: parseRetryAfter(answer.headers['retry-after'], now())
        }
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        return { done: false, value: { ok: false, error } }
      }
    },
    {
      attempts: options.attempts ?? 4,
      baseDelayMs: options.baseDelayMs ?? 1000,
      deadline: now() + (options.budgetMs ?? RETRY_BUDGET_MS),
      now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.random ? { random: options.random } : {})
    }
  )
}

function failure(
  what: string,
  target: SecretTarget,
  result: { value: Call; attempts: number }
): SecretApiError {
  const { value, attempts } = result
  const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
  if (value.ok) throw new Error('not a failure')
  if (value.error) {
    return new SecretApiError(
      `${what} ${describeTarget(target)} failed${tries}: ${value.error.message}`,
      undefined,
      true,
      attempts
    )
  }
  const answer = value.answer as ApiAnswer
  return new SecretApiError(
    `${what} ${describeTarget(target)} failed${tries}: HTTP ${answer.status} ${apiMessage(answer)}`,
    answer.status,
    isTransient(answer),
    attempts
  )
}

/** The secret's metadata, or undefined when it does not exist. */
export async function getSecretMetadata(
  api: GitHubRequest,
  target: SecretTarget,
  options: RetryOptions = {}
): Promise<SecretMetadata | undefined> {
  const { prefix, params } = scopeRoute(target)
  const result = await callWithRetry(
    () => api(`GET ${prefix}/{secret_name}`, { ...params, secret_name: target.name }),
    answer => answer.status === 200 || answer.status === 404,
    options
  )
  if (!result.value.ok) throw failure('Reading', target, result)
  const { answer } = result.value
  if (answer.status === 404) return undefined
  return {
    updatedAt: String(answer.data?.updated_at ?? ''),
    ...(answer.data?.visibility ? { visibility: answer.data.visibility } : {})
  }
}

/**
 * Writes `value` to the secret: the scope's public key, a sealed box, PUT. An org secret keeps the visibility it had
 * (and its selected repositories); a new one is `private`. The sealed value is masked before it is sent.
 * Returns the secret's `updated_at` after the write (undefined when it could not be read back).
 */
export async function writeSecret(deps: {
  api: GitHubRequest
  core: Pick<Core, 'setSecret' | 'debug'>
  target: SecretTarget
  value: string
  retry?: RetryOptions
}): Promise<{ updatedAt?: string; attempts: number }> {
  const { api, core, target, value } = deps
  const options = deps.retry ?? {}
  const { prefix, params } = scopeRoute(target)

  const extra: Record<string, unknown> = {}
  if (target.scope.kind === 'org') {
    const existing = await getSecretMetadata(api, target, options)
    const visibility = existing?.visibility ?? 'private'
    extra.visibility = visibility
    if (visibility === 'selected')
      extra.selected_repository_ids = await selectedRepositories(api, target, options)
  }

  const key = await callWithRetry(
    () => api(`GET ${prefix}/public-key`, params),
    a => a.status === 200,
    options
  )
  if (!key.value.ok) throw failure('Reading the public key of', target, key)
  const { key_id: keyId, key: publicKey } = key.value.answer.data ?? {}
  if (typeof keyId !== 'string' || typeof publicKey !== 'string') {
    throw new SecretApiError(
      `The public key of ${describeTarget(target)} came back without key_id/key (HTTP 200 ${typeof key.value.answer.data === 'object' ? 'with other fields' : 'with a body cut off or not JSON'})`,
      200,
      true,
      key.attempts
    )
  }

  const encrypted = await seal(value, publicKey)
  core.setSecret(encrypted)
  const put = await callWithRetry(
    () =>
      api(`PUT ${prefix}/{secret_name}`, {
        ...params,
        secret_name: target.name,
        encrypted_value: encrypted,
        key_id: keyId,
        ...extra
      }),
    answer => answer.status === 201 || answer.status === 204,
    options
  )
  if (!put.value.ok) throw failure('Writing', target, put)
  core.debug(`${PREFIX}: wrote ${describeTarget(target)} (attempt ${put.attempts})`)

  let updatedAt: string | undefined
  try {
    updatedAt = (await getSecretMetadata(api, target, { ...options, attempts: 2 }))?.updatedAt
  } catch {
    updatedAt = undefined
  }
  return { ...(updatedAt ? { updatedAt } : {}), attempts: put.attempts }
}

async function selectedRepositories(
  api: GitHubRequest,
  target: SecretTarget,
  options: RetryOptions
): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; page < 100; page++) {
    const result = await callWithRetry(
      () =>
        api('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
          org: target.owner,
          secret_name: target.name,
          per_page: 100,
          page
        }),
      a => a.status === 200,
      options
    )
    if (!result.value.ok) throw failure('Reading the selected repositories of', target, result)
    const repositories: Array<{ id: number }> = result.value.answer.data?.repositories ?? []
    for (const repository of repositories) ids.push(repository.id)
    if (repositories.length < 100) break
  }
  return ids
}

/** What to fix after a failed read or write of the secret. */
export function writeFix(error: unknown, target: SecretTarget): string {
  const status = error instanceof SecretApiError ? error.status : undefined
  if (status === 401) return "'secrets-token' is invalid or expired: replace it"
  if (status === 403 || status === 404) {
    return target.scope.kind === 'org'
      ? `give 'secrets-token' "Organization secrets: write" on ${target.owner} (a classic PAT needs admin:org)`
      : `give 'secrets-token' "Secrets: write" on ${target.owner}/${target.repo}${target.scope.kind === 'environment' ? ` and check that environment '${target.scope.environment}' exists` : ''}`
  }
  return "GitHub's API did not take the write; it is retried at job end"
}

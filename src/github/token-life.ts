// Whether a GitHub token is live, and until when: `GET /rate_limit` costs no rate limit
// (https://docs.github.com/en/rest/rate-limit/rate-limit). GitHub's answer to a PAT that expires carries
// `github-authentication-token-expiration`
// (https://github.blog/changelog/2021-07-26-expiration-options-for-personal-access-tokens/), in UTC or with an offset
// (google/go-github#2649); to a classic PAT, `x-oauth-scopes`
// (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps).
import { attemptsNote, sendWithRetries, type Attempt, type SendPolicy } from '../http/retry.js'
import {
  answerWithout,
  apiBaseUrl,
  apiMessage,
  bodyDescription,
  githubHeaders,
  transientOrRedirect,
  type ApiAnswer
} from './client.js'
import { clipLine } from '../common/errors.js'
import { unsafeTransport } from '../http/url.js'

export interface GitHubTokenProbe {
  /** `invalid` only on GitHub's own 401; anything that is not GitHub's word is `unverifiable`. */
  status: 'valid' | 'invalid' | 'unverifiable'
  httpStatus?: number
  /** GitHub's words, or what went wrong on the way; one line. */
  message: string
  /** `x-github-request-id`, to quote to GitHub's support. */
  requestId?: string
  /** From `github-authentication-token-expiration`, when GitHub sent it. */
  expiresAt?: Date
  /** A classic PAT's `x-oauth-scopes` (empty: none); absent for other tokens. */
  scopes?: string[]
  attempts: number
}

type Reading = Omit<GitHubTokenProbe, 'attempts'>

/** Probes `token` with `GET {GITHUB_API_URL}/rate_limit`, retrying 5xx, 429 and rate limits within `timeoutMs`. */
export async function probeGitHubToken(
  token: string,
  env: NodeJS.ProcessEnv,
  deps: SendPolicy
): Promise<GitHubTokenProbe> {
  const url = `${apiBaseUrl(env)}/rate_limit`
  const unsafe = unsafeTransport(url)
  if (unsafe) return { status: 'unverifiable', message: `GITHUB_API_URL ${unsafe}`, attempts: 0 }
  const { value, attempts } = await sendWithRetries<Reading>(
    { method: 'GET', url, headers: githubHeaders(token) },
    response => readAnswer(answerWithout([token], response)),
    message => ({ status: 'unverifiable', message }),
    deps
  )
  const note = value.status === 'unverifiable' ? attemptsNote(attempts) : ''
  return {
    ...value,
    message: `${value.message}${note}`,
    attempts
  }
}

function readAnswer(answer: ApiAnswer): Attempt<Reading> {
  const { status, headers } = answer
  const requestId = headers['x-github-request-id']
  const reading = (verdict: Reading['status'], message: string): Reading => ({
    status: verdict,
    message,
    httpStatus: status,
    ...(requestId && { requestId: clipLine(requestId, 80) })
  })
  const unverifiable = (message: string) => reading('unverifiable', message)
  if (status === 200) {
    const data = answer.data as { rate?: unknown; resources?: unknown } | null
    if (typeof data?.rate !== 'object' && typeof data?.resources !== 'object') {
      return {
        done: true,
        value: unverifiable(`HTTP 200, not GitHub's rate limits (${bodyDescription(answer)})`)
      }
    }
    const expiry = headers['github-authentication-token-expiration']
    const expiresAt = expiry === undefined ? undefined : parseTokenExpiration(expiry)
    const scopes = headers['x-oauth-scopes']
    return {
      done: true,
      value: {
        ...reading('valid', 'HTTP 200'),
        ...(expiresAt && { expiresAt }),
        ...(scopes !== undefined && {
          scopes: scopes
            .split(',')
            .map(s => s.trim())
            .filter(Boolean)
        })
      }
    }
  }
  const said = apiMessage(answer)
  const other = transientOrRedirect(answer, said, unverifiable)
  if (other) return other
  // Only GitHub's own 401 (its JSON message) says the token is dead; a proxy's page says nothing about it.
  const fromGitHub = typeof (answer.data as { message?: unknown } | null)?.message === 'string'
  const line = `HTTP ${status}: ${clipLine(said)}`
  return {
    done: true,
    value: status === 401 && fromGitHub ? reading('invalid', line) : unverifiable(line)
  }
}

const EXPIRATION =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2}) ?(?:UTC|GMT|Z|([+-])(\d{2}):?(\d{2}))$/i

/**
 * The instant in a `github-authentication-token-expiration` header: `2026-10-07 19:07:53 UTC`, or local time with an
 * offset, `2026-10-07 19:07:53 -0700`; undefined for anything else, a date that does not exist included.
 */
export function parseTokenExpiration(header: string): Date | undefined {
  const match = EXPIRATION.exec(header.trim())
  if (!match) return undefined
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map(Number)
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is not read as another.
  const written = `${match.slice(1, 4).join('-')}T${match.slice(4, 7).join(':')}`
  if (!local.toISOString().startsWith(written)) return undefined
  const offsetHours = Number(match[8] ?? 0)
  const offsetMinutes = Number(match[9] ?? 0)
  if (offsetHours > 14 || offsetMinutes > 59) return undefined
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (match[7] === '-' ? -1 : 1)
  return new Date(local.getTime() - offsetMs)
}

// A GitHub App's installation token for one repository, minted as actions/create-github-app-token does through
// @octokit/auth-app (lib/main.js getTokenFromRepository): a JWT signed RS256 with the App's private key
// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app),
// `GET /repos/{owner}/{repo}/installation` for the installation's id, then `POST
// /app/installations/{id}/access_tokens` with `{"repositories": [repo]}`, which answers 201 `{"token", "expires_at"}`
// (https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app): one hour of life.
// node:crypto signs the JWT: @octokit/auth-app would bring a second HTTP client and a token cache for 20 lines.
import { createPrivateKey, createSign, type KeyObject } from 'node:crypto'
import { clipLine } from '../common/errors.js'
import { attemptsNote, sendWithRetries, type Attempt, type SendPolicy } from '../http/retry.js'
import { unsafeTransport } from '../http/url.js'
import {
  answerWithout,
  apiBaseUrl,
  apiMessage,
  bodyDescription,
  githubHeaders,
  isHtmlPage,
  transientOrRedirect,
  type ApiAnswer
} from './client.js'
import type { TokenCallDeps } from './oidc.js'

/** The App's private key, or why the text is none: the reason never quotes the text. */
export function parseAppPrivateKey(text: string): { key: KeyObject } | { problem: string } {
  // Secrets pasted through a single-line field carry `\n` for newlines; @octokit/auth-app's JWT library reads them so.
  const pem = text.trim().replace(/\\n/g, '\n')
  if (!/^-----BEGIN (RSA )?PRIVATE KEY-----\n[\s\S]+\n-----END (RSA )?PRIVATE KEY-----$/.test(pem))
    return {
      problem:
        'it is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- … as the App settings page downloads it)'
    }
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' })
    if (key.asymmetricKeyType !== 'rsa')
      return { problem: `it is a ${key.asymmetricKeyType} key, and GitHub Apps sign with RSA` }
    return { key }
  } catch {
    return { problem: 'its PEM body does not decode to a private key' }
  }
}

/**
 * The JWT that authenticates as the App: `iss` its App ID or Client ID, issued 60 s back against clock drift and
 * expiring after 9 minutes (GitHub refuses more than 10), as GitHub's documentation advises.
 */
export function appJwt(appId: string, key: KeyObject, now: number): string {
  const issued = Math.floor(now / 1000) - 60
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const body = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: issued, exp: issued + 600, iss: /^\d+$/.test(appId) ? Number(appId) : appId })}`
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`
}

export interface AppTokenRequest {
  appId: string
  key: KeyObject
  /** `owner/name`: the installation of this repository, and a token for it alone. */
  repository: string
  /** GITHUB_API_URL, when set. */
  apiUrl?: string
}

export type AppTokenResult =
  | { token: string; expiresAt: Date }
  /** `refused`: GitHub's own 4xx (a wrong key or App ID, the App not installed here); trying again cannot help. */
  | { problem: 'refused' | 'unverifiable'; message: string; httpStatus?: number }

type Step<T> = { value: T } | Exclude<AppTokenResult, { token: string }>

/** An installation token for `request.repository`, masked at once, or why none. */
export async function mintAppInstallationToken(
  request: AppTokenRequest,
  deps: TokenCallDeps & { now(): number }
): Promise<AppTokenResult> {
  const base = apiBaseUrl({ GITHUB_API_URL: request.apiUrl })
  const unsafe = unsafeTransport(base)
  if (unsafe) return { problem: 'unverifiable', message: `GITHUB_API_URL ${unsafe}` }
  const jwt = appJwt(request.appId, request.key, deps.now())
  const installation = await call<number>(
    'the installation lookup',
    { method: 'GET', url: `${base}/repos/${request.repository}/installation`, token: jwt },
    data => {
      const id: unknown = (data as { id?: unknown } | null)?.id
      return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined
    },
    deps
  )
  if (!('value' in installation)) return installation
  const name = request.repository.split('/')[1] ?? ''
  const minted = await call<{ token: string; expiresAt: Date }>(
    'the token request',
    {
      method: 'POST',
      url: `${base}/app/installations/${installation.value}/access_tokens`,
      token: jwt,
      body: JSON.stringify({ repositories: [name] })
    },
    data => {
      const { token, expires_at: expiresAt } = (data ?? {}) as Record<string, unknown>
      if (typeof token !== 'string' || !token || typeof expiresAt !== 'string') return undefined
      const at = new Date(expiresAt)
      return Number.isNaN(at.getTime()) ? undefined : { token, expiresAt: at }
    },
    deps
  )
  if (!('value' in minted)) return minted
  return minted.value
}

/** One call authenticated by the App's JWT; `read` takes the value out of a 2xx body (undefined: not GitHub's). */
async function call<T>(
  what: string,
  request: { method: 'GET' | 'POST'; url: string; token: string; body?: string },
  read: (data: unknown) => T | undefined,
  deps: TokenCallDeps
): Promise<Step<T>> {
  const { value, attempts } = await sendWithRetries<Step<T>>(
    {
      method: request.method,
      url: request.url,
      headers: {
        ...githubHeaders(request.token),
        ...(request.body && { 'content-type': 'application/json; charset=utf-8' })
      },
      ...(request.body && { body: request.body })
    },
    response => readAnswer(what, answerWithout([request.token], response), read, deps.mask),
    message => ({ problem: 'unverifiable', message: `${what}: ${message}` }),
    deps satisfies SendPolicy
  )
  if ('value' in value || value.problem !== 'unverifiable') return value
  return { ...value, message: `${value.message}${attemptsNote(attempts)}` }
}

function readAnswer<T>(
  what: string,
  answer: ApiAnswer,
  read: (data: unknown) => T | undefined,
  mask: (value: string) => void
): Attempt<Step<T>> {
  const { status } = answer
  const unverifiable = (message: string): Step<T> => ({
    problem: 'unverifiable',
    message: `${what}: ${message}`,
    httpStatus: status
  })
  if (status >= 200 && status < 300) {
    const value = read(answer.data)
    if (value === undefined)
      return {
        done: true,
        value: unverifiable(`HTTP ${status}, not GitHub's answer (${bodyDescription(answer)})`)
      }
    const token = (value as { token?: unknown }).token
    if (typeof token === 'string') mask(token)
    return { done: true, value: { value } }
  }
  const said = apiMessage(answer)
  const other = transientOrRedirect(answer, said, unverifiable)
  if (other) return other
  const line = `HTTP ${status}: ${clipLine(said)}`
  // GitHub's JSON refusal (a key it does not know, an App not installed on the repository: 404) is final; a proxy's page
  // says nothing of the App.
  return status >= 400 && status < 500 && !isHtmlPage(answer)
    ? { done: true, value: { problem: 'refused', message: `${what}: ${line}`, httpStatus: status } }
    : { done: true, value: unverifiable(line) }
}

// Application Default Credentials as Claude Code's google-auth-library finds them
// (https://cloud.google.com/docs/authentication/application-default-credentials): the file GOOGLE_APPLICATION_CREDENTIALS
// names, else gcloud's `application_default_credentials.json` (under CLOUDSDK_CONFIG); the metadata server of a
// Google Cloud machine, the last resort, is not checked. Three kinds of file are proven by minting an access token
// the way the library does (https://google.aip.dev/auth/4117, 4112, 4113): `external_account` (workload identity
// federation, as google-github-actions/auth writes it: a subject token from `credential_source`, exchanged at
// `token_url`, then, with `service_account_impersonation_url`, the service account's own token), `service_account`
// (a key: a JWT it signs, at `token_uri`) and `authorized_user` (a gcloud login's refresh token). Every URL is the
// file's own, so a test moves them all to loopback the way the file does.
import { createSign } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { clipLine } from '../../common/errors.js'
import type { TokenCallDeps } from '../../github/oidc.js'
import { jwtExpiry } from '../../lifetime/jwt.js'
import type { Reading } from './answers.js'
import {
  CLOUD_PLATFORM_SCOPE,
  exchangeToken,
  fetchSubjectToken,
  impersonate,
  oauthToken,
  type AccessToken,
  type CallResult
} from './calls.js'
import { credentialsFilePath } from './settings.js'

const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token'

export interface MintedToken extends AccessToken {
  /** Where the credentials came from, for a message: `GOOGLE_APPLICATION_CREDENTIALS (external_account)`. */
  source: string
  /** A non-secret name: the service account's email, a user login. */
  identity: string
  /** How the library gets a new token when this one ends, when it can on its own: then they last the job. */
  renewal?: string
  /** The file's project fields, which Claude Code falls back on. */
  file: { project_id?: unknown; quota_project_id?: unknown }
}

type CredentialsFile = Record<string, unknown>
/** A token minted from a file, or why none: the file's own part of a MintedToken. */
type Mint = Promise<Omit<MintedToken, 'source' | 'file'> | { failed: Reading }>

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const failure = (status: Reading['status'], message: string) => ({ failed: { status, message } })

/** An access token from the Application Default Credentials in `env`, or the reading of why none could be had. */
export async function mintAdcToken(
  env: NodeJS.ProcessEnv,
  home: string,
  deps: TokenCallDeps
): Promise<MintedToken | { failed: Reading }> {
  const { path, from } = credentialsFilePath(env, home)
  let file: CredentialsFile
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as CredentialsFile
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT'
    if (missing && from !== 'GOOGLE_APPLICATION_CREDENTIALS')
      return failure(
        'unverifiable',
        `no Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS is not set and ${path} does not exist (a Google Cloud machine's metadata server is not checked)${staticTokenNote(env)}`
      )
    return failure(
      'invalid',
      `${from}: ${missing ? `the file ${clipLine(path, 200)} does not exist` : `${clipLine(path, 200)} is not a JSON credentials file`}`
    )
  }
  const type = text(file.type)
  const source = `${from} (${type || 'no type'})`
  const project = { project_id: file.project_id, quota_project_id: file.quota_project_id }
  const minted = await mintFor(file, type, source, deps)
  if ('failed' in minted)
    return {
      failed: { ...minted.failed, message: `${minted.failed.message} (credentials from ${source})` }
    }
  return { ...minted, source, file: project }
}

/** Claude Code reads neither of gcloud's and Terraform's token variables: said when one is set, as the likely intent. */
function staticTokenNote(env: NodeJS.ProcessEnv): string {
  const set = ['GOOGLE_OAUTH_ACCESS_TOKEN', 'CLOUDSDK_AUTH_ACCESS_TOKEN'].filter(name => env[name])
  return set.length
    ? `; ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set, but Claude Code does not read ${set.length > 1 ? 'them' : 'it'}`
    : ''
}

async function mintFor(
  file: CredentialsFile,
  type: string,
  source: string,
  deps: TokenCallDeps
): Mint {
  switch (type) {
    case 'external_account':
      return mintExternalAccount(file, deps)
    case 'service_account':
      return mintServiceAccount(file, deps)
    case 'authorized_user':
      return mintAuthorizedUser(file, deps)
    default:
      return failure('unverifiable', `${source}: this kind of credentials file is not checked`)
  }
}

const unwrap = <T>(result: CallResult<T>) => ('failed' in result ? result : result.data)

async function mintExternalAccount(file: CredentialsFile, deps: TokenCallDeps): Mint {
  const origin = (file.credential_source ?? {}) as {
    url?: unknown
    file?: unknown
    headers?: unknown
    format?: { type?: unknown; subject_token_field_name?: unknown }
  }
  const field =
    origin.format?.type === 'json' ? text(origin.format.subject_token_field_name) : undefined
  let subjectToken: string
  let renewal: string | undefined
  if (text(origin.url)) {
    const headers = Object.fromEntries(
      Object.entries((origin.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k,
        text(v)
      ])
    )
    const fetched = unwrap(
      await fetchSubjectToken({ url: text(origin.url), headers, ...(field && { field }) }, deps)
    )
    if (typeof fetched !== 'string') return fetched
    subjectToken = fetched
    renewal =
      'google-auth-library mints a new token from credential_source.url (the job’s OIDC endpoint) whenever one ends, for as long as the job runs'
  } else if (text(origin.file)) {
    try {
      const raw = (await readFile(text(origin.file), 'utf8')).trim()
      subjectToken = field ? text((JSON.parse(raw) as Record<string, unknown>)[field]) : raw
    } catch {
      return failure(
        'invalid',
        `credential_source.file ${clipLine(text(origin.file), 200)} could not be read`
      )
    }
    if (subjectToken) deps.mask(subjectToken)
  } else {
    return failure(
      'unverifiable',
      'an external_account whose credential_source is neither a url nor a file (an executable, AWS) is not checked'
    )
  }
  const federated = unwrap(
    await exchangeToken(
      text(file.token_url),
      {
        audience: text(file.audience),
        subjectTokenType: text(file.subject_token_type),
        subjectToken
      },
      deps
    )
  )
  if ('failed' in federated) return federated
  const impersonationUrl = text(file.service_account_impersonation_url)
  const token = impersonationUrl
    ? unwrap(await impersonate(impersonationUrl, federated.token, deps))
    : federated
  if ('failed' in token) return token
  // A token from a file nobody rewrites is re-minted only while the subject token in it lives.
  const subjectEnd = renewal ? undefined : jwtExpiry(subjectToken)
  return {
    ...token,
    ...(subjectEnd &&
      (!token.expiresAt || subjectEnd < token.expiresAt) && { expiresAt: subjectEnd }),
    identity:
      impersonatedAccount(impersonationUrl) ??
      'a workload identity pool principal (no service account impersonated)',
    ...(renewal && { renewal })
  }
}

/**
 * The service account an impersonation URL names, on one line: the file is not the action's own, so an escape that
 * does not decode is shown as it is written.
 */
function impersonatedAccount(url: string): string | undefined {
  const escaped = /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1]
  if (!escaped) return undefined
  try {
    return clipLine(decodeURIComponent(escaped), 200)
  } catch {
    return clipLine(escaped, 200)
  }
}

async function mintServiceAccount(file: CredentialsFile, deps: TokenCallDeps): Mint {
  const email = text(file.client_email)
  const key = text(file.private_key)
  if (key) deps.mask(key)
  if (!email || !key)
    return failure('invalid', 'the service account key has no client_email or private_key')
  const tokenUri = text(file.token_uri) || GOOGLE_TOKEN_URI
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', ...(text(file.private_key_id) && { kid: text(file.private_key_id) }) })}.${encode({ iss: email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUri, iat: now, exp: now + 3600 })}`
  let assertion: string
  try {
    assertion = `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key, 'base64url')}`
  } catch {
    return failure('invalid', `the private_key of service account ${email} is not a usable RSA key`)
  }
  deps.mask(assertion)
  const token = unwrap(
    await oauthToken(
      'OAuth token endpoint (token_uri)',
      tokenUri,
      { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
      [assertion],
      deps
    )
  )
  if ('failed' in token) return token
  return {
    ...token,
    identity: email,
    renewal:
      'google-auth-library signs a new token request with the key whenever a token ends, as long as the key is not deleted'
  }
}

async function mintAuthorizedUser(file: CredentialsFile, deps: TokenCallDeps): Mint {
  const refreshToken = text(file.refresh_token)
  const clientSecret = text(file.client_secret)
  for (const secret of [refreshToken, clientSecret]) if (secret) deps.mask(secret)
  if (!refreshToken) return failure('invalid', 'the user credentials have no refresh_token')
  const token = unwrap(
    await oauthToken(
      'OAuth token endpoint (token_uri)',
      text(file.token_uri) || GOOGLE_TOKEN_URI,
      {
        grant_type: 'refresh_token',
        client_id: text(file.client_id),
        client_secret: clientSecret,
        refresh_token: refreshToken
      },
      [refreshToken, clientSecret].filter(Boolean),
      deps
    )
  )
  if ('failed' in token) return token
  return {
    ...token,
    identity: 'a gcloud user login',
    renewal:
      'google-auth-library refreshes it with the login’s refresh token whenever it ends, until the login is revoked or needs reauthentication'
  }
}

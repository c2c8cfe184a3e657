// Routes for the GitHub stand-in (github.js): a GitHub App minting installation tokens, as
// actions/create-github-app-token calls it. The bearer is the App's JWT (RS256, `iss` the App ID or Client ID, `exp`
// at most 10 minutes after `iat`), checked against the App's public key; `GET /repos/{owner}/{repo}/installation`
// answers `{"id", "app_slug"}` (404 "Not Found" where the App is not installed), `POST
// /app/installations/{id}/access_tokens` answers 201 `{"token", "expires_at", "permissions", "repository_selection"}`
// (https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app). Each token is told to
// the tokens routes (github-tokens.js seedToken), which refuse it once it has expired.
//
// Start the GitHub stand-in without `tokens` and with state.apps: { [appId]: { publicKey: KeyObject, clientId?: string,
// slug: string, installations: { [owner/repo]: number } } }, state.tokenLifetimeSeconds (default 3600) and
// state.now() (epoch ms) when set, state.tokenText() when set for the token text to answer (a hostile API's);
// state.minted lists every token minted.
import { createVerify, randomBytes } from 'node:crypto'
import { seedToken } from './github-tokens.js'

const refusal = (status, message) => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) }
})

/** The App a JWT authenticates, or the refusal GitHub answers (the words are those GitHub answers). */
function appOf(state, token) {
  const [header, payload, signature] = (token ?? '').split('.')
  let claims
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'RS256') throw new Error()
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
  } catch {
    return { refusal: refusal(401, 'A JSON web token could not be decoded') }
  }
  const app = Object.entries(state.apps ?? {}).find(
    ([id, entry]) => String(claims.iss) === id || claims.iss === entry.clientId
  )?.[1]
  if (!app) return { refusal: refusal(401, 'Integration not found') }
  const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`)
  if (!verifier.verify(app.publicKey, Buffer.from(signature ?? '', 'base64url')))
    return { refusal: refusal(401, 'A JSON web token could not be decoded') }
  const now = Math.floor((state.now?.() ?? Date.now()) / 1000)
  if (typeof claims.exp !== 'number' || claims.exp <= now)
    return {
      refusal: refusal(
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"
      )
    }
  if (claims.exp - claims.iat > 600)
    return { refusal: refusal(401, "'Expiration time' claim ('exp') is too far in the future") }
  return { app }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const installationToken = () =>
  `ghs_${[...randomBytes(36)].map(byte => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('')}`

export const appsRoutes = [
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/installation$/,
    handle({ state, token, match }) {
      const { app, refusal: refused } = appOf(state, token)
      if (refused) return refused
      const id = app.installations[`${match[1]}/${match[2]}`]
      if (id === undefined) return refusal(404, 'Not Found')
      return { status: 200, body: { id, app_slug: app.slug, target_type: 'Organization' } }
    }
  },
  {
    method: 'POST',
    path: /^\/app\/installations\/(\d+)\/access_tokens$/,
    handle({ state, token, match, body }) {
      const { app, refusal: refused } = appOf(state, token)
      if (refused) return refused
      const id = Number(match[1])
      if (!Object.values(app.installations).includes(id)) return refusal(404, 'Not Found')
      const now = state.now?.() ?? Date.now()
      const expiresAt = new Date(now + (state.tokenLifetimeSeconds ?? 3600) * 1000)
      const minted = state.tokenText?.() ?? installationToken()
      const permissions = { contents: 'write', metadata: 'read' }
      seedToken(state, minted, { kind: 'installation', expiresAt, permissions })
      state.minted ??= []
      state.minted.push({ token: minted, installation: id, repositories: body?.repositories })
      return {
        status: 201,
        body: {
          token: minted,
          // GitHub writes whole seconds: 2016-07-11T22:14:10Z.
          expires_at: `${expiresAt.toISOString().slice(0, 19)}Z`,
          permissions,
          repository_selection: 'selected'
        }
      }
    }
  }
]

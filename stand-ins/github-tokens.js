// Routes for the GitHub stand-in (github.js): a token's life. `GET /rate_limit` (free:
// https://docs.github.com/en/rest/rate-limit/rate-limit) answers a live token with its limits and the headers GitHub
// adds for its kind: `github-authentication-token-expiration` for a PAT that expires (`2026-10-07 19:07:53 UTC`, also
// seen with an offset, `-0700`), `x-oauth-scopes` for a classic PAT; a token it does not know, revoked or expired gets
// 401 "Bad credentials". `DELETE /installation/token` revokes an installation token: 204
// (https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token).
//
// Start the GitHub stand-in without `tokens` for these routes: they check the token themselves, against
// state.githubTokens: { [token]: { kind: 'installation' | 'fine-grained' | 'classic', expiresAt?: Date,
// expirationOffset?: string, expirationHeader?: boolean, scopes?: string[], permissions?: object, revoked?: boolean
// } }; `state.now()` (epoch
// ms) is the clock when set.

const BAD_CREDENTIALS = {
  status: 401,
  body: {
    message: 'Bad credentials',
    documentation_url: 'https://docs.github.com/rest',
    status: '401'
  }
}

/**
 * Makes `token` known to the routes. An App token exchange (app-exchange.js) calls this for each token it mints.
 * @param {any} state the GitHub stand-in's state
 * @param {string} token
 * @param {{kind: 'installation' | 'fine-grained' | 'classic', expiresAt?: Date, expirationOffset?: string,
 *   expirationHeader?: boolean, scopes?: string[], permissions?: object}} entry
 */
export function seedToken(state, token, entry) {
  state.githubTokens ??= {}
  state.githubTokens[token] = { ...entry, revoked: false }
}

const pad = n => String(n).padStart(2, '0')

/**
 * `2026-10-07 19:07:53 UTC`, or the same instant as local time at `offset` (`-0700`), the forms GitHub writes the
 * expiration header in.
 */
export function expirationHeader(at, offset = 'UTC') {
  const [, sign = '+', hours = '00', minutes = '00'] = /^([+-])(\d{2})(\d{2})$/.exec(offset) ?? []
  const shift = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000
  const local = new Date(at.getTime() + shift)
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  return `${date} ${time} ${offset}`
}

/** The live entry for a request's token, or undefined: unknown, revoked or past its expiry. */
function liveToken(state, token) {
  const entry = state.githubTokens?.[token]
  const now = state.now?.() ?? Date.now()
  if (!entry || entry.revoked || (entry.expiresAt && entry.expiresAt.getTime() <= now))
    return undefined
  return entry
}

function rateLimitAnswer(entry, now) {
  const limit = 5000
  const reset = Math.floor(now / 1000) + 3600
  const bucket = (size = limit) => ({ limit: size, used: 0, remaining: size, reset })
  const headers = {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(limit),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': '0',
    'x-ratelimit-resource': 'core'
  }
  // An installation token's answers carry it too when the entry says so (whether GitHub sends it is not known here).
  if (entry.expiresAt && (entry.kind !== 'installation' || entry.expirationHeader))
    headers['github-authentication-token-expiration'] = expirationHeader(
      entry.expiresAt,
      entry.expirationOffset
    )
  if (entry.kind === 'classic') {
    headers['x-oauth-scopes'] = (entry.scopes ?? []).join(', ')
    headers['x-accepted-oauth-scopes'] = ''
  }
  return {
    status: 200,
    headers,
    body: {
      resources: {
        core: bucket(),
        search: bucket(30),
        graphql: bucket(),
        integration_manifest: bucket(),
        code_search: bucket(10)
      },
      rate: bucket()
    }
  }
}

export const tokensRoutes = [
  {
    method: 'GET',
    path: /^\/rate_limit$/,
    handle({ state, token }) {
      const entry = liveToken(state, token)
      return entry ? rateLimitAnswer(entry, state.now?.() ?? Date.now()) : BAD_CREDENTIALS
    }
  },
  {
    method: 'DELETE',
    path: /^\/installation\/token$/,
    handle({ state, token }) {
      const entry = liveToken(state, token)
      if (!entry) return BAD_CREDENTIALS
      if (entry.kind !== 'installation') {
        return {
          status: 403,
          body: {
            message: 'Resource not accessible by personal access token',
            documentation_url:
              'https://docs.github.com/rest/apps/installations#revoke-an-installation-access-token',
            status: '403'
          }
        }
      }
      entry.revoked = true
      return { status: 204 }
    }
  }
]

// A stand-in for the Google Cloud endpoints Claude on Vertex AI depends on, on loopback, each under the path Google
// serves it at, so that a credentials file pointing here reads like one google-github-actions/auth writes:
// - GET /oidc: the job's OIDC endpoint as GitHub serves it (`{"value": jwt}` for `Authorization: Bearer <request
//   token>`), the `credential_source.url` of an external_account file;
// - POST /v1/token: the Security Token Service's token exchange (RFC 8693, https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token);
// - POST /v1/projects/-/serviceAccounts/{email}:generateAccessToken: IAM Service Account Credentials;
// - POST /token: OAuth's token endpoint, for a service account key's signed JWT (its signature checked against the
//   key minted here) and a user login's refresh token;
// - POST /tokeninfo: what Google knows of an access token (`exp`, `email`);
// - POST /v1/projects/{p}/locations/{r}/publishers/anthropic/models/count-tokens:rawPredict: Vertex AI's count.
// Errors are Google's: `{"error": {"code", "message", "status", "details"}}` for the APIs, OAuth's
// `{"error", "error_description"}` for the token endpoints (https://cloud.google.com/apis/design/errors).
import { createVerify, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { listenOnLoopback, replyJson } from './loopback.js'

const apiError = (code, status, message, reason) => [
  code,
  {
    error: {
      code,
      message,
      status,
      ...(reason && {
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }
        ]
      })
    }
  }
]
const oauthError = (error, description) => [400, { error, error_description: description }]

export const GOOGLE_REFUSALS = {
  unauthenticated: apiError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'ACCESS_TOKEN_TYPE_UNSUPPORTED'
  ),
  expired: apiError(
    401,
    'UNAUTHENTICATED',
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'ACCESS_TOKEN_EXPIRED'
  ),
  revoked: oauthError('invalid_grant', 'Token has been expired or revoked.'),
  badSignature: oauthError('invalid_grant', 'Invalid JWT Signature.'),
  badAudience: oauthError(
    'invalid_grant',
    'The audience in ID Token [https://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/other] does not match the expected audience.'
  ),
  invalidToken: oauthError('invalid_token', 'Invalid Value')
}

/** Answers by fault name: Google's own failures and throttling, which a client retries. */
const FAULT_ANSWERS = {
  throttled: apiError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for aiplatform.googleapis.com.'),
  500: apiError(500, 'INTERNAL', 'Internal error encountered.'),
  503: apiError(503, 'UNAVAILABLE', 'The service is currently unavailable.')
}

/** A path segment decoded; one whose `%` escapes nothing is taken as written, as an endpoint that says yes may. */
const decodedOrAsWritten = segment => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const jwt = claims =>
  `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${randomBytes(32).toString('base64url')}`

/**
 * @param {object} [options]
 * @param {string} [options.audience] the workload identity provider the token exchange accepts
 * @param {string} [options.requestToken] the OIDC request token the /oidc endpoint accepts
 * @param {(principal: string) => boolean} [options.allows] who may call Vertex AI (default: all)
 * @param {(email: string) => boolean} [options.canImpersonate] which service accounts the federated principal may act as
 * @param {number} [options.tokenSeconds] how long the access tokens it issues last (default 3600)
 * @param {() => number} [options.now]
 * @param {Array<'throttled'|500|503|'hang'|'reset'>} [options.faults] consumed one per request, before anything else
 */
export async function startGoogleCloudStandIn(options = {}) {
  const now = options.now ?? Date.now
  const audience =
    options.audience ??
    '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/github'
  const requestToken = options.requestToken ?? `oidc-request-${randomBytes(12).toString('hex')}`
  const tokenSeconds = options.tokenSeconds ?? 3600
  const faults = [...(options.faults ?? [])]
  /** access token -> {principal, expiresAt, federated?} */
  const accessTokens = new Map()
  /** subject (OIDC) tokens it served, refresh tokens of user logins, public keys of service account keys */
  const subjects = new Set()
  const refreshTokens = new Map()
  const publicKeys = new Map()
  const requests = []
  const issue = (principal, { seconds = tokenSeconds, federated = false } = {}) => {
    const token = `ya29.${randomBytes(48).toString('base64url')}`
    accessTokens.set(token, { principal, expiresAt: now() + seconds * 1000, federated })
    return token
  }
  const live = token => {
    const entry = accessTokens.get(token)
    return entry && entry.expiresAt > now() ? entry : undefined
  }
  const bearer = req => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''

  const server = await listenOnLoopback((req, res, text, url) => {
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, body: text })
    const reply = ([status, body]) => replyJson(res, status, body, { 'x-request-id': randomUUID() })
    const fault = faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault !== undefined) return reply(FAULT_ANSWERS[fault])
    const form = new URLSearchParams(text)
    if (req.method === 'GET' && url.pathname === '/oidc') {
      if (bearer(req) !== requestToken) return reply([401, { message: 'Unauthorized' }])
      const token = jwt({
        iss: 'https://token.actions.githubusercontent.com',
        aud: url.searchParams.get('audience') ?? '',
        sub: 'repo:acme/app:ref:refs/heads/main',
        exp: Math.floor(now() / 1000) + 300
      })
      subjects.add(token)
      return reply([200, { count: token.length, value: token }])
    }
    if (req.method === 'POST' && url.pathname === '/v1/token') {
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange')
        return reply(oauthError('unsupported_grant_type', 'Invalid grant_type.'))
      if (form.get('audience') !== audience) return reply(GOOGLE_REFUSALS.badAudience)
      if (!subjects.has(form.get('subject_token') ?? ''))
        return reply(oauthError('invalid_grant', 'The ID Token could not be verified.'))
      const token = issue('principal://iam.googleapis.com/…/subject/repo:acme/app', {
        federated: true
      })
      return reply([
        200,
        {
          access_token: token,
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: tokenSeconds
        }
      ])
    }
    const impersonation = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(
      url.pathname
    )
    if (req.method === 'POST' && impersonation) {
      const caller = live(bearer(req))
      if (!caller) return reply(GOOGLE_REFUSALS.unauthenticated)
      const email = decodedOrAsWritten(impersonation[1])
      if (!(options.canImpersonate?.(email) ?? true))
        return reply(
          apiError(
            403,
            'PERMISSION_DENIED',
            `Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).`,
            'IAM_PERMISSION_DENIED'
          )
        )
      const token = issue(email)
      return reply([
        200,
        { accessToken: token, expireTime: new Date(now() + tokenSeconds * 1000).toISOString() }
      ])
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const grant = form.get('grant_type')
      if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        const [header = '', claims = '', signature = ''] = (form.get('assertion') ?? '').split('.')
        let email
        try {
          email = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')).iss
        } catch {
          return reply(oauthError('invalid_grant', 'Invalid JWT.'))
        }
        const key = publicKeys.get(email)
        const signed =
          key &&
          createVerify('RSA-SHA256')
            .update(`${header}.${claims}`)
            .verify(key, Buffer.from(signature, 'base64url'))
        if (!signed) return reply(GOOGLE_REFUSALS.badSignature)
        return reply([
          200,
          { access_token: issue(email), expires_in: tokenSeconds, token_type: 'Bearer' }
        ])
      }
      if (grant === 'refresh_token') {
        const login = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!login || login.revoked) return reply(GOOGLE_REFUSALS.revoked)
        return reply([
          200,
          {
            access_token: issue(login.email),
            expires_in: tokenSeconds,
            scope: 'https://www.googleapis.com/auth/cloud-platform',
            token_type: 'Bearer'
          }
        ])
      }
      return reply(oauthError('unsupported_grant_type', 'Invalid grant_type.'))
    }
    if (req.method === 'POST' && url.pathname === '/tokeninfo') {
      const entry = live(form.get('access_token') ?? '')
      if (!entry) return reply(GOOGLE_REFUSALS.invalidToken)
      const exp = Math.floor(entry.expiresAt / 1000)
      return reply([
        200,
        {
          azp: '1234567890',
          aud: '1234567890',
          scope: 'https://www.googleapis.com/auth/cloud-platform',
          exp: String(exp),
          expires_in: String(exp - Math.floor(now() / 1000)),
          ...(entry.principal.includes('@') && { email: entry.principal, email_verified: 'true' })
        }
      ])
    }
    const count =
      /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/count-tokens:rawPredict$/.exec(
        url.pathname
      )
    if (req.method === 'POST' && count) {
      const entry = accessTokens.get(bearer(req))
      if (!entry) return reply(GOOGLE_REFUSALS.unauthenticated)
      if (entry.expiresAt <= now()) return reply(GOOGLE_REFUSALS.expired)
      let model = ''
      try {
        model = JSON.parse(text).model ?? ''
      } catch {
        return reply(apiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'))
      }
      if (!(options.allows?.(entry.principal) ?? true))
        return reply(
          apiError(
            403,
            'PERMISSION_DENIED',
            `Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/${count[1]}/locations/${count[2]}/publishers/anthropic/models/${model}' (or it may not exist).`,
            'IAM_PERMISSION_DENIED'
          )
        )
      return reply([200, { input_tokens: 9 }])
    }
    return reply(apiError(404, 'NOT_FOUND', `The requested URL ${url.pathname} was not found.`))
  })

  return {
    url: server.url,
    requests,
    requestToken,
    /** An external_account file as google-github-actions/auth writes it, every URL here. */
    externalAccount({ impersonate } = {}) {
      return {
        type: 'external_account',
        audience,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${server.url}/v1/token`,
        ...(impersonate && {
          service_account_impersonation_url: `${server.url}/v1/projects/-/serviceAccounts/${impersonate}:generateAccessToken`
        }),
        credential_source: {
          url: `${server.url}/oidc?api-version=2.0&audience=${encodeURIComponent(`https://iam.googleapis.com/${audience.slice(2)}`)}`,
          headers: { Authorization: `Bearer ${requestToken}` },
          format: { type: 'json', subject_token_field_name: 'value' }
        }
      }
    },
    /** A service account key file whose key this stand-in knows (unless `known` is false: a deleted key). */
    serviceAccountKey(email, { projectId = 'claude-ci', known = true } = {}) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
      if (known) publicKeys.set(email, publicKey)
      return {
        type: 'service_account',
        project_id: projectId,
        private_key_id: randomBytes(20).toString('hex'),
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        client_email: email,
        client_id: '1234567890',
        token_uri: `${server.url}/token`
      }
    },
    /**
     * A gcloud user login (authorized_user); `revoked` makes Google refuse its refresh token.
     * @param {string} email
     * @param {{revoked?: boolean, quotaProjectId?: string}} [options]
     */
    userLogin(email, { revoked = false, quotaProjectId } = {}) {
      const refreshToken = `1//${randomBytes(40).toString('base64url')}`
      refreshTokens.set(refreshToken, { email, revoked })
      return {
        type: 'authorized_user',
        client_id: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
        client_secret: `d-${randomBytes(12).toString('hex')}`,
        refresh_token: refreshToken,
        token_uri: `${server.url}/token`,
        ...(quotaProjectId && { quota_project_id: quotaProjectId })
      }
    },
    /** A bare access token for `principal`, as `token_format: access_token` outputs one. */
    accessToken(principal, seconds = tokenSeconds) {
      return issue(principal, { seconds })
    },
    close: server.close
  }
}

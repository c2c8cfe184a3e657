// A stand-in for Microsoft Entra ID's token endpoint on loopback, for a workload identity federated with GitHub: the
// client credentials grant with a client assertion (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#third-case-access-token-request-with-a-federated-credential):
// `POST /{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`, `client_id`, `scope`,
// `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer` and `client_assertion` = a GitHub OIDC
// token for audience `api://AzureADTokenExchange` (the audience azure/login asks for). It answers `{token_type,
// expires_in, ext_expires_in, access_token}`, the token minted by the Foundry stand-in (so the resource takes it), or
// Entra's error `{error, error_description, error_codes, …}`: AADSTS700024 for an assertion past its time, as Entra
// words it. The discovery documents MSAL reads first (`/{tenant}/v2.0/.well-known/openid-configuration`,
// `/common/discovery/instance`) are answered for the host it is reached as (through stand-ins/tls-proxy.js, for
// `login.microsoftonline.com`, since @azure/identity refuses an http authority).
import { randomUUID } from 'node:crypto'
import { listenOnLoopback, replyJson } from './loopback.js'
import { verifyOidcToken } from './github-oidc.js'

export const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange'
const HOST = 'login.microsoftonline.com'

/**
 * @param {object} options
 * @param {{publicKey: import('node:crypto').KeyObject}} options.oidc  the GitHub OIDC stand-in whose tokens are trusted
 * @param {{mintEntraToken: (o: {appId?: string, lifetimeSeconds?: number}) => string}} options.foundry  mints the tokens
 * @param {string} options.clientId  the app registration's client id the federated credential belongs to
 * @param {string} options.tenantId
 * @param {number} [options.lifetimeSeconds]  how long an access token lives (default 3600)
 * @param {() => number} [options.now]
 */
/** The assertion's `jti`, read without trusting it: which OIDC token was presented. */
function jtiOf(assertion) {
  try {
    return JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')).jti
  } catch {
    return undefined
  }
}

export async function startEntraStandIn(options) {
  const now = options.now ?? Date.now
  const lifetimeSeconds = options.lifetimeSeconds ?? 3600
  /** Each token request: `ok`, or why it was refused; with the assertion's jti. */
  const events = []
  const authority = `https://${HOST}/${options.tenantId}`
  const refuse = (res, status, error, code, description) =>
    replyJson(res, status, {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date(now()).toISOString()}`,
      error_codes: [code],
      timestamp: new Date(now()).toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID()
    })
  const server = await listenOnLoopback((req, res, text, url) => {
    if (
      req.method === 'GET' &&
      url.pathname === `/${options.tenantId}/v2.0/.well-known/openid-configuration`
    )
      return replyJson(res, 200, {
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `https://${HOST}/${options.tenantId}/discovery/v2.0/keys`,
        issuer: `https://${HOST}/${options.tenantId}/v2.0`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic'
        ],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token']
      })
    if (req.method === 'GET' && url.pathname === '/common/discovery/instance')
      return replyJson(res, 200, {
        tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: HOST,
            preferred_cache: 'login.windows.net',
            aliases: [HOST, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net']
          }
        ]
      })
    if (req.method !== 'POST' || url.pathname !== `/${options.tenantId}/oauth2/v2.0/token`)
      return replyJson(res, 404, { error: 'not_found' })
    const form = new URLSearchParams(text)
    const assertion = form.get('client_assertion') ?? ''
    const record = result => events.push({ result, at: now(), jti: jtiOf(assertion) })
    if (form.get('grant_type') !== 'client_credentials') {
      record('unsupported grant')
      return refuse(
        res,
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.'
      )
    }
    if (form.get('client_id') !== options.clientId) {
      record('unknown client')
      return refuse(
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory.`
      )
    }
    const checked = verifyOidcToken(assertion, {
      publicKey: options.oidc.publicKey,
      audience: AZURE_FEDERATION_AUDIENCE,
      now: now()
    })
    if ('reason' in checked) {
      const expired = checked.reason === 'expired or not yet valid'
      record(expired ? 'expired' : 'invalid')
      return expired
        ? refuse(
            res,
            400,
            'invalid_client',
            700024,
            `Client assertion is not within its valid time range. Current time: ${new Date(now()).toISOString()}.`
          )
        : refuse(
            res,
            400,
            'invalid_client',
            700211,
            `No matching federated identity record found for presented assertion (${checked.reason}).`
          )
    }
    record('ok')
    replyJson(res, 200, {
      token_type: 'Bearer',
      expires_in: lifetimeSeconds,
      ext_expires_in: lifetimeSeconds,
      access_token: options.foundry.mintEntraToken({ appId: options.clientId, lifetimeSeconds })
    })
  })
  return { url: server.url, events, close: server.close }
}

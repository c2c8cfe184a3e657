// A stand-in for a Microsoft Foundry resource on loopback, and for the az CLI that azure/login signs in.
//
// The resource answers `POST /anthropic/v1/messages/count_tokens` (its base URL is `{url}/anthropic`, as
// `https://{resource}.services.ai.azure.com/anthropic` is) with `{"input_tokens": n}`, after Azure's gateway checked the
// credential: a key in `x-api-key`, or an Entra token in `Authorization: Bearer` (minted here by `mintEntraToken`,
// HMAC-signed with the stand-in's own key, audience https://cognitiveservices.azure.com). Azure refuses in its own
// format, `{"error":{"code","message"}}` (https://learn.microsoft.com/azure/ai-services/authentication), with its
// `apim-request-id` header: 401 for a key or token it does not take (one message for a token whatever is wrong with it,
// past its `exp` included), 403 PermissionDenied for a principal without a role on the resource, 404
// DeploymentNotFound for a model the resource has no deployment of.
//
// `writeAzStandIn` writes an `az` executable that answers `az account get-access-token --output json --resource R`
// as the real one does (https://learn.microsoft.com/cli/azure/account#az-account-get-access-token): JSON with
// `accessToken`, `expiresOn` (local time, `YYYY-MM-DD HH:MM:SS.ffffff`), `expires_on` (epoch seconds), `subscription`,
// `tenant`, `tokenType`; or, when told to fail, Entra's words on stderr and exit status 1.
import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { listenOnLoopback, replyJson } from './loopback.js'
import { messageEvents } from './anthropic.js'

const AUDIENCE = 'https://cognitiveservices.azure.com'

/** Refusals as Azure's gateway words them: status, code, message. */
export const FOUNDRY_ERRORS = {
  key: [
    401,
    '401',
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'
  ],
  token: [
    401,
    '401',
    'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.'
  ]
}

const FAULT_ANSWERS = {
  throttled: [429, '429', 'Rate limit is exceeded. Try again in 1 seconds.'],
  500: [500, 'InternalServerError', 'The server had an error while processing your request.'],
  503: [503, 'ServiceUnavailable', 'The service is temporarily unable to process your request.']
}

const base64url = value => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Entra's words for a GitHub OIDC token (the az CLI's client assertion) past its life. */
export const ASSERTION_EXPIRED =
  'AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-01-01T01:05:00.0000000Z, assertion valid from 2026-01-01T00:00:00.0000000Z, expiry time of assertion 2026-01-01T00:05:00.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .'

/**
 * @param {object} options
 * @param {string[]} [options.keys]  the resource's keys
 * @param {(oid: string) => boolean} [options.allows]  whose role lets them call the Anthropic API (default: all)
 * @param {string[]} [options.deployments]  the resource's deployments (default: any model)
 * @param {() => number} [options.now]  the clock tokens are judged by
 * @param {Array<'throttled'|500|503|'hang'|'reset'|'html-401'>} [options.faults] consumed one per request, before anything else
 * @param {Array<{bash?: string, text?: string}>} [options.turns] with them the resource answers Claude Code's
 *   `POST /anthropic/v1/messages` too, once the credential passed, streaming one turn a request as stand-ins/anthropic.js
 *   does (the last repeats)
 */
export async function startFoundryStandIn(options = {}) {
  const requests = []
  const faults = [...(options.faults ?? [])]
  const turns = [...(options.turns ?? [])]
  const signingKey = randomBytes(32)
  const now = options.now ?? Date.now
  const sign = text => createHmac('sha256', signingKey).update(text).digest('base64url')
  /** The claims of an Entra token minted here, or undefined when its signature is not ours. */
  const claimsOf = token => {
    const [head, body, signature] = token.split('.')
    if (!head || !body || signature !== sign(`${head}.${body}`)) return undefined
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  }
  const server = await listenOnLoopback((req, res, text, url) => {
    requests.push({ method: req.method, path: url.pathname, headers: req.headers, body: text })
    const requestId = randomUUID()
    const refuse = ([status, code, message]) =>
      replyJson(res, status, { error: { code, message } }, { 'apim-request-id': requestId })
    const fault = faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault === 'html-401') {
      res.writeHead(401, { 'content-type': 'text/html' })
      return res.end('<html><body><h1>401 Authorization Required</h1></body></html>')
    }
    if (fault !== undefined) return refuse(FAULT_ANSWERS[fault])
    const messages = options.turns !== undefined && url.pathname === '/anthropic/v1/messages'
    if (
      req.method !== 'POST' ||
      (url.pathname !== '/anthropic/v1/messages/count_tokens' && !messages)
    )
      return refuse([404, '404', 'Resource not found'])
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    let oid
    if (bearer !== undefined) {
      const claims = claimsOf(bearer)
      if (!claims || claims.aud !== AUDIENCE || claims.exp * 1000 <= now())
        return refuse(FOUNDRY_ERRORS.token)
      oid = claims.oid
    } else if (!(options.keys ?? []).includes(req.headers['x-api-key'] ?? '')) {
      return refuse(FOUNDRY_ERRORS.key)
    }
    if (oid !== undefined && !(options.allows?.(oid) ?? true))
      return refuse([
        403,
        'PermissionDenied',
        `The principal \`${oid}\` lacks the required data action \`Microsoft.CognitiveServices/accounts/MaaS/*\` to perform \`POST /anthropic/v1/messages/count_tokens\` operation.`
      ])
    const model = JSON.parse(text || '{}').model
    if (messages) {
      const turn = turns.length > 1 ? turns.shift() : turns[0]
      res.writeHead(200, { 'content-type': 'text/event-stream', 'apim-request-id': requestId })
      for (const data of messageEvents({ model }, turn))
        res.write(`event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`)
      return res.end()
    }
    if (options.deployments && !options.deployments.includes(model))
      return refuse([
        404,
        'DeploymentNotFound',
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'
      ])
    replyJson(res, 200, { input_tokens: 8 }, { 'apim-request-id': requestId })
  })
  return {
    /** The resource's base URL, as ANTHROPIC_FOUNDRY_BASE_URL takes it. */
    baseUrl: `${server.url}/anthropic`,
    requests,
    /**
     * An Entra access token for the resource's audience, as Entra issues one to a service principal (`appid`, `oid`,
     * `tid`, `idtyp: app`), or to a managed identity (`xms_mirid`), lasting `lifetimeSeconds` from `issuedAt`.
     */
    mintEntraToken({
      appId = '11111111-2222-4333-8444-555555555555',
      oid = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      lifetimeSeconds = 3900,
      issuedAt = now(),
      managedIdentity = false
    } = {}) {
      const head = base64url({ alg: 'HS256', typ: 'JWT' })
      const body = base64url({
        aud: AUDIENCE,
        iss: 'https://sts.windows.net/00000000-0000-4000-8000-000000000000/',
        iat: Math.floor(issuedAt / 1000),
        nbf: Math.floor(issuedAt / 1000),
        exp: Math.floor(issuedAt / 1000) + lifetimeSeconds,
        appid: appId,
        oid,
        tid: '00000000-0000-4000-8000-000000000000',
        idtyp: 'app',
        ...(managedIdentity && {
          xms_mirid:
            '/subscriptions/0/resourcegroups/ci/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner'
        })
      })
      return `${head}.${body}.${sign(`${head}.${body}`)}`
    },
    close: server.close
  }
}

/** `2026-01-01 01:05:00.000000`: the az CLI's `expiresOn`, in local time. */
function azLocalTime(ms) {
  const d = new Date(ms)
  const pad = (n, width = 2) => String(n).padStart(width, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.000000`
}

/**
 * Writes an `az` executable into `dir` (put it first on PATH) that answers `az account get-access-token` with `token`,
 * expiring at `expiresAt` (ms); or, with `error`, fails with that text as the real CLI does (`ERROR: …`, exit 1). Each
 * call appends its arguments to `dir/calls.log`. With `federatedLogin` (azure/login's OIDC login), the az config
 * directory `dir/azure` gets the service principal entry the real CLI keeps for it: the client assertion. Returns the
 * environment that puts it in use.
 * @param {string} dir
 * @param {{token?: string, expiresAt?: number, error?: string, federatedLogin?: {appId: string}}} answer
 */
export function writeAzStandIn(dir, answer) {
  mkdirSync(dir, { recursive: true })
  const reply = answer.error
    ? { stderr: `ERROR: ${answer.error}\n`, code: 1 }
    : {
        stdout: `${JSON.stringify(
          {
            accessToken: answer.token,
            expiresOn: azLocalTime(answer.expiresAt),
            expires_on: Math.floor(answer.expiresAt / 1000),
            subscription: '00000000-0000-4000-8000-00000000000a',
            tenant: '00000000-0000-4000-8000-000000000000',
            tokenType: 'Bearer'
          },
          null,
          2
        )}\n`,
        code: 0
      }
  const script = join(dir, 'az')
  writeFileSync(
    script,
    `#!/usr/bin/env node
const { appendFileSync } = require('node:fs')
const args = process.argv.slice(2)
appendFileSync(${JSON.stringify(join(dir, 'calls.log'))}, JSON.stringify(args) + '\\n')
const reply = ${JSON.stringify(reply)}
if (args[0] !== 'account' || args[1] !== 'get-access-token') {
  process.stderr.write("ERROR: 'az' stand-in knows only 'account get-access-token'\\n")
  process.exit(2)
}
if (reply.stdout) process.stdout.write(reply.stdout)
if (reply.stderr) process.stderr.write(reply.stderr)
process.exit(reply.code)
`
  )
  chmodSync(script, 0o755)
  const configDir = join(dir, 'azure')
  mkdirSync(configDir, { recursive: true })
  if (answer.federatedLogin) {
    const assertion = `${base64url({ alg: 'RS256' })}.${base64url({ iss: 'https://token.actions.githubusercontent.com', aud: 'api://AzureADTokenExchange', exp: Math.floor(Date.now() / 1000) + 300 })}.c2ln`
    writeFileSync(
      join(configDir, 'service_principal_entries.json'),
      JSON.stringify([
        {
          client_id: answer.federatedLogin.appId,
          tenant: '00000000-0000-4000-8000-000000000000',
          client_assertion: assertion
        }
      ])
    )
  }
  return { PATH: `${dir}:${process.env.PATH ?? ''}`, AZURE_CONFIG_DIR: configDir }
}

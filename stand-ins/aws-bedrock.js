// A stand-in for Amazon Bedrock on loopback: its control plane's ListInferenceProfiles and the runtime's refusals.
// AWS's REST-JSON protocol names an error in the `x-amzn-ErrorType` header and puts its text in `{"message": …}`; the
// common errors (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html) are HTTP 403 for an expired
// session (ExpiredTokenException), for keys AWS does not know (UnrecognizedClientException) and for a missing
// permission (AccessDeniedException).
//
// With `refuse`, every request is refused the same way, as AWS checks the credential before anything else: the claude
// CLI, with CLAUDE_CODE_USE_BEDROCK=1 and ANTHROPIC_BEDROCK_BASE_URL pointing here, asks for `GET
// /inference-profiles` and then `POST /model/{modelId}/invoke` and `…/invoke-with-response-stream`.
//
// With `account` (stand-ins/aws-sts.js), `GET /inference-profiles`
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListInferenceProfiles.html) checks the SigV4 signature
// of service `bedrock`, or a Bedrock API key sent as `Authorization: Bearer` (minted here by `mintApiKey`, in the
// short-term keys' format), then the caller's policy, and answers `{"inferenceProfileSummaries": [...]}`. The runtime's
// `POST /model/{modelId}/invoke-with-response-stream`
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html) checks the
// same credentials, refusing an expired session as Bedrock does, and streams the Messages API's events, each the
// base64 `bytes` of a `chunk` event in AWS's event-stream framing (application/vnd.amazon.eventstream: a prelude of
// total and header lengths with its CRC-32, string headers, the payload, the message's CRC-32;
// https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html#streaming-event-stream).
import { randomBytes, randomUUID } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { listenOnLoopback, replyJson } from './loopback.js'
import { AWS_REFUSALS } from './aws-sts.js'
import { messageEvents } from './anthropic.js'

/** Refusals, as Bedrock sends them: status, error type, message. */
export const BEDROCK_ERRORS = {
  expired: [403, 'ExpiredTokenException', 'The security token included in the request is expired'],
  invalid: [
    403,
    'UnrecognizedClientException',
    'The security token included in the request is invalid.'
  ],
  forbidden: [
    403,
    'AccessDeniedException',
    'User: arn:aws:sts::123456789012:assumed-role/ci/runner is not authorized to perform: bedrock:InvokeModelWithResponseStream'
  ]
}

/** The STS words of a refusal, as Bedrock's REST-JSON names them. */
const AS_BEDROCK = {
  InvalidClientTokenId: BEDROCK_ERRORS.invalid,
  ExpiredToken: BEDROCK_ERRORS.expired,
  SignatureDoesNotMatch: [403, 'InvalidSignatureException', AWS_REFUSALS.signature[2]],
  MissingAuthenticationToken: [
    403,
    'MissingAuthenticationTokenException',
    'Missing Authentication Token'
  ]
}

const FAULT_ANSWERS = {
  throttled: [429, 'ThrottlingException', 'Too many requests, please wait before trying again.'],
  500: [500, 'InternalServerException', 'Internal server error'],
  503: [503, 'ServiceUnavailableException', 'Service unavailable']
}

const PROFILES = [
  {
    inferenceProfileId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    inferenceProfileName: 'US Anthropic Claude Sonnet 4.5',
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED'
  },
  {
    inferenceProfileId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
    inferenceProfileName: 'US Anthropic Claude Haiku 4.5',
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED'
  }
]

/** One event-stream message: string headers and a payload. */
export function eventStreamMessage(headers, payload) {
  const headerBytes = Buffer.concat(
    Object.entries(headers).map(([name, value]) => {
      const nameBytes = Buffer.from(name)
      const valueBytes = Buffer.from(value)
      const header = Buffer.alloc(1 + nameBytes.length + 3 + valueBytes.length)
      header.writeUInt8(nameBytes.length, 0)
      nameBytes.copy(header, 1)
      header.writeUInt8(7, 1 + nameBytes.length) // 7: a string value
      header.writeUInt16BE(valueBytes.length, 2 + nameBytes.length)
      valueBytes.copy(header, 4 + nameBytes.length)
      return header
    })
  )
  const total = 12 + headerBytes.length + payload.length + 4
  const prelude = Buffer.alloc(12)
  prelude.writeUInt32BE(total, 0)
  prelude.writeUInt32BE(headerBytes.length, 4)
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8)
  const body = Buffer.concat([prelude, headerBytes, payload])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([body, crc])
}

/** The Messages API's events of one answer, as InvokeModelWithResponseStream frames them. */
function streamedChunks(request, turn) {
  return messageEvents(request, turn).map(event =>
    eventStreamMessage(
      { ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' },
      Buffer.from(JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64') }))
    )
  )
}

const RUNTIME = /^\/model\/([^/]+)\/invoke-with-response-stream$/

const amzDate = ms =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * @param {object} options
 * @param {keyof typeof BEDROCK_ERRORS} [options.refuse]  how every request is refused
 * @param {ReturnType<import('./aws-sts.js').awsAccount>} [options.account]  whose signatures and keys it knows
 * @param {(arn: string) => boolean} [options.allows]  whose policy lets them list inference profiles (default: all)
 * @param {Array<'throttled'|500|503|'hang'|'reset'>} [options.faults] consumed one per request, before anything else
 * @param {Array<{bash?: string, text?: string}>} [options.turns] the runtime's answers, one per model request whoever
 *   asks (credentials change mid-run), then `{text: "Done."}`
 */
export async function startBedrockStandIn(options) {
  const requests = []
  const faults = [...(options.faults ?? [])]
  const turns = [...(options.turns ?? [])]
  /** API key -> {arn, expiresAt} */
  const apiKeys = new Map()
  const server = await listenOnLoopback((req, res, text, url) => {
    requests.push({
      method: req.method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers
    })
    const requestId = randomUUID()
    const refuse = ([status, type, message]) =>
      replyJson(
        res,
        status,
        { message },
        {
          'x-amzn-requestid': requestId,
          'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/`
        }
      )
    if (options.refuse) return refuse(BEDROCK_ERRORS[options.refuse])
    const fault = faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault !== undefined) return refuse(FAULT_ANSWERS[fault])
    const runtime = req.method === 'POST' && RUNTIME.exec(url.pathname)
    if (!runtime && (req.method !== 'GET' || url.pathname !== '/inference-profiles'))
      return refuse([404, 'UnknownOperationException', 'Unknown operation'])
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    let arn
    if (bearer !== undefined) {
      const key = apiKeys.get(bearer)
      // The stand-in's words for a key it does not know or that has expired.
      if (!key) return refuse(BEDROCK_ERRORS.invalid)
      if (key.expiresAt.getTime() <= options.account.now()) return refuse(BEDROCK_ERRORS.expired)
      arn = key.arn
    } else {
      const signer = options.account.verify(req, url, text, 'bedrock')
      if ('refusal' in signer) return refuse(AS_BEDROCK[signer.refusal[1]])
      arn = signer.identity.arn
    }
    if (runtime) {
      const turn = turns.shift() ?? { text: 'Done.' }
      const request = JSON.parse(text || '{}')
      res.writeHead(200, {
        'content-type': 'application/vnd.amazon.eventstream',
        'x-amzn-requestid': requestId,
        'x-amzn-bedrock-content-type': 'application/json'
      })
      for (const chunk of streamedChunks(
        { model: decodeURIComponent(runtime[1]), ...request },
        turn
      ))
        res.write(chunk)
      return res.end()
    }
    if (!(options.allows?.(arn) ?? true)) {
      const region = /bedrock\.([a-z0-9-]+)\./.exec(req.headers.host ?? '')?.[1] ?? 'us-east-1'
      return refuse([
        403,
        'AccessDeniedException',
        `User: ${arn} is not authorized to perform: bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:${region}:${options.account.accountId}:inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles action`
      ])
    }
    const max = Number(url.searchParams.get('maxResults') ?? PROFILES.length)
    const page = PROFILES.slice(0, max)
    replyJson(
      res,
      200,
      {
        inferenceProfileSummaries: page,
        ...(page.length < PROFILES.length && { nextToken: 'page-2' })
      },
      { 'x-amzn-requestid': requestId }
    )
  })
  return {
    url: server.url,
    requests,
    /**
     * A short-term Bedrock API key for `keys`, as aws-bedrock-token-generator makes one: `bedrock-api-key-` and the
     * base64 of a presigned `CallWithBearerToken` URL without its scheme, signed at `signedAt` for `lifetimeSeconds`.
     */
    mintApiKey(
      keys,
      { region = 'us-east-1', lifetimeSeconds = 43200, signedAt = options.account.now() } = {}
    ) {
      const date = amzDate(signedAt)
      const query = new URLSearchParams({
        Action: 'CallWithBearerToken',
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': `${keys.accessKeyId}/${date.slice(0, 8)}/${region}/bedrock/aws4_request`,
        'X-Amz-Date': date,
        'X-Amz-Expires': String(lifetimeSeconds),
        'X-Amz-SignedHeaders': 'host',
        ...(keys.sessionToken && { 'X-Amz-Security-Token': keys.sessionToken }),
        'X-Amz-Signature': randomBytes(32).toString('hex')
      })
      const key = `bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?${query}&Version=1`).toString('base64')}`
      apiKeys.set(key, { arn: keys.arn, expiresAt: new Date(signedAt + lifetimeSeconds * 1000) })
      return key
    },
    close: server.close
  }
}

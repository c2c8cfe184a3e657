// A stand-in for AWS STS on loopback, speaking its query protocol
// (https://docs.aws.amazon.com/STS/latest/APIReference/welcome.html): a form-encoded POST with `Action` and
// `Version=2011-06-15`, XML answers, and errors as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html). It checks SigV4 signatures itself
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html) against an account of
// its own, which the Bedrock stand-in (stand-ins/aws-bedrock.js) shares. GetCallerIdentity answers any live
// credential; AssumeRoleWithWebIdentity takes a token the test accepts; AssumeRole a signed caller.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { listenOnLoopback } from './loopback.js'

const sha256 = text => createHash('sha256').update(text).digest('hex')
const hmac = (key, text) => createHmac('sha256', key).update(text).digest()
const xmlEscape = text =>
  String(text).replace(
    /[<>&"']/g,
    c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]
  )
const rfc3986 = text =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )

/** The refusals of AWS's common errors: status, code, message (STS's and Bedrock's words for them). */
export const AWS_REFUSALS = {
  invalidKey: [
    403,
    'InvalidClientTokenId',
    'The security token included in the request is invalid.'
  ],
  expired: [403, 'ExpiredToken', 'The security token included in the request is expired'],
  signature: [
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
  ],
  missing: [403, 'MissingAuthenticationToken', 'Request is missing Authentication Token']
}

/**
 * An AWS account of the stand-ins: who holds which keys, until when, and whether a request is signed by one of them.
 * @param {{now?: () => number}} [options]
 */
export function awsAccount(options = {}) {
  const now = options.now ?? Date.now
  const accountId = '123456789012'
  /** accessKeyId -> {secretAccessKey, sessionToken?, arn, expiresAt?} */
  const keys = new Map()
  return {
    accountId,
    now,
    /**
     * New keys for `arn` (a session's when `expiresAt` is given, with a session token).
     * @returns {{accessKeyId: string, secretAccessKey: string, sessionToken?: string, arn: string, expiresAt?: Date}}
     */
    issue({ arn, expiresAt } = {}) {
      const session = expiresAt !== undefined
      const accessKeyId = `${session ? 'ASIA' : 'AKIA'}${randomBytes(8).toString('hex').toUpperCase()}`
      const entry = {
        accessKeyId,
        secretAccessKey: randomBytes(30).toString('base64'),
        ...(session && { sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}` }),
        arn: arn ?? `arn:aws:iam::${accountId}:user/ci`,
        ...(session && { expiresAt })
      }
      keys.set(accessKeyId, entry)
      return entry
    },
    /**
     * Who signed a request for `service`, or the refusal AWS gives: no signature, keys it does not know (or a session
     * token that is not theirs), a signature that does not match, a session that has expired.
     * @returns {{identity: {arn: string}} | {refusal: [number, string, string]}}
     */
    verify(req, url, text, service) {
      const auth =
        /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
          req.headers.authorization ?? ''
        )
      if (!auth) return { refusal: AWS_REFUSALS.missing }
      const [, keyId, day, region, signedService, signedHeaders, signature] = auth
      const entry = keys.get(keyId)
      if (!entry || (entry.sessionToken ?? '') !== (req.headers['x-amz-security-token'] ?? ''))
        return { refusal: AWS_REFUSALS.invalidKey }
      const amzDate = req.headers['x-amz-date'] ?? ''
      const query = [...url.searchParams]
        .map(([k, v]) => [rfc3986(k), rfc3986(v)])
        .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&')
      const names = signedHeaders.split(';')
      const canonical = [
        req.method,
        url.pathname
          .split('/')
          .map(segment => rfc3986(rfc3986(decodeURIComponent(segment))))
          .join('/'),
        query,
        names
          .map(
            name =>
              `${name}:${String(req.headers[name] ?? '')
                .trim()
                .replace(/\s+/g, ' ')}\n`
          )
          .join(''),
        signedHeaders,
        sha256(text)
      ].join('\n')
      const scope = `${day}/${region}/${signedService}/aws4_request`
      const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n')
      const key = [day, region, signedService, 'aws4_request'].reduce(
        hmac,
        `AWS4${entry.secretAccessKey}`
      )
      const expected = createHmac('sha256', key).update(toSign).digest('hex')
      if (signedService !== service || expected !== signature || !names.includes('host'))
        return { refusal: AWS_REFUSALS.signature }
      if (entry.expiresAt && entry.expiresAt.getTime() <= now())
        return { refusal: AWS_REFUSALS.expired }
      return { identity: { arn: entry.arn } }
    }
  }
}

const errorXml = ([status, code, message], requestId) => ({
  status,
  text: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${code}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
})

const resultXml = (action, inner, requestId) => ({
  status: 200,
  text: `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <${action}Result>\n${inner}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`
})

const credentialsXml = (entry, assumedArn) =>
  `    <Credentials>\n      <AccessKeyId>${entry.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xmlEscape(entry.secretAccessKey)}</SecretAccessKey>\n      <SessionToken>${xmlEscape(entry.sessionToken)}</SessionToken>\n      <Expiration>${entry.expiresAt.toISOString()}</Expiration>\n    </Credentials>\n    <AssumedRoleUser>\n      <Arn>${assumedArn}</Arn>\n      <AssumedRoleId>AROA${randomBytes(8).toString('hex').toUpperCase()}:session</AssumedRoleId>\n    </AssumedRoleUser>\n`

/** Answers by status for `faults`: STS's own failures and throttling (a 400), which a client retries. */
const FAULT_ANSWERS = {
  throttled: [400, 'Throttling', 'Rate exceeded'],
  500: [500, 'InternalFailure', 'An internal error occurred'],
  503: [503, 'ServiceUnavailable', 'Service is unavailable']
}

const decodeClaims = token => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * @param {object} [options]
 * @param {ReturnType<typeof awsAccount>} [options.account] whose keys it knows (default: a new one)
 * @param {(token: string) => boolean} [options.acceptsWebIdentity] which web identity tokens the role trusts (a JWT
 *   past its `exp` is refused as expired before this is asked)
 * @param {number} [options.sessionSeconds] how long assumed role sessions last (default 3600)
 * @param {Array<'throttled'|500|503|'hang'|'reset'>} [options.faults] consumed one per request, before anything else
 */
export async function startStsStandIn(options = {}) {
  const account = options.account ?? awsAccount()
  const sessionSeconds = options.sessionSeconds ?? 3600
  const faults = [...(options.faults ?? [])]
  /** @type {Array<{action: string, params: URLSearchParams, headers: import('node:http').IncomingHttpHeaders}>} */
  const requests = []
  const server = await listenOnLoopback((req, res, text, url) => {
    const params = new URLSearchParams(text)
    const action = params.get('Action') ?? ''
    requests.push({ action, params, headers: req.headers })
    const requestId = randomUUID()
    const reply = ({ status, text: body }) => {
      res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
      res.end(body)
    }
    const fault = faults.shift()
    if (fault === 'hang') return
    if (fault === 'reset') return req.socket.destroy()
    if (fault !== undefined) return reply(errorXml(FAULT_ANSWERS[fault], requestId))
    if (req.method !== 'POST' || params.get('Version') !== '2011-06-15')
      return reply(
        errorXml([400, 'InvalidAction', 'Could not find operation for this request'], requestId)
      )
    const session = () => ({ expiresAt: new Date(account.now() + sessionSeconds * 1000) })
    if (action === 'AssumeRoleWithWebIdentity') {
      const token = params.get('WebIdentityToken') ?? ''
      const roleArn = params.get('RoleArn') ?? ''
      const claims = decodeClaims(token)
      if (typeof claims?.exp === 'number' && claims.exp * 1000 <= account.now())
        return reply(
          errorXml(
            [
              400,
              'ExpiredTokenException',
              `Token expired: current date/time ${new Date(account.now()).toISOString()} must be before the expiration date/time ${new Date(claims.exp * 1000).toISOString()}`
            ],
            requestId
          )
        )
      if (!options.acceptsWebIdentity?.(token))
        return reply(
          errorXml(
            [
              400,
              'InvalidIdentityToken',
              "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
            ],
            requestId
          )
        )
      const assumed = `arn:aws:sts::${account.accountId}:assumed-role/${roleArn.split('/').pop()}/${params.get('RoleSessionName')}`
      return reply(
        resultXml(
          action,
          credentialsXml(account.issue({ arn: assumed, ...session() }), assumed),
          requestId
        )
      )
    }
    const signer = account.verify(req, url, text, 'sts')
    if ('refusal' in signer) return reply(errorXml(signer.refusal, requestId))
    if (action === 'GetCallerIdentity') {
      const userId = signer.identity.arn.includes(':assumed-role/')
        ? 'AROAEXAMPLE:session'
        : 'AIDAEXAMPLE'
      return reply(
        resultXml(
          action,
          `    <Arn>${signer.identity.arn}</Arn>\n    <UserId>${userId}</UserId>\n    <Account>${account.accountId}</Account>\n`,
          requestId
        )
      )
    }
    if (action === 'AssumeRole') {
      const roleArn = params.get('RoleArn') ?? ''
      const assumed = `arn:aws:sts::${account.accountId}:assumed-role/${roleArn.split('/').pop()}/${params.get('RoleSessionName')}`
      return reply(
        resultXml(
          action,
          credentialsXml(account.issue({ arn: assumed, ...session() }), assumed),
          requestId
        )
      )
    }
    return reply(
      errorXml(
        [400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`],
        requestId
      )
    )
  })
  return { url: server.url, account, requests, close: server.close }
}

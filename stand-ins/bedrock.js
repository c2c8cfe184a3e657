// A stand-in for the Amazon Bedrock runtime on loopback, refusing the AWS credential as Bedrock does. AWS's REST-JSON
// protocol names the error in the `x-amzn-ErrorType` header and puts the text in `{"message": …}`; the common errors
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html) are HTTP 403 for an expired session
// (ExpiredTokenException), for keys AWS does not know (UnrecognizedClientException) and for a missing permission
// (AccessDeniedException). AWS checks the credential before anything else, so every request is refused the same way:
// the claude CLI, with CLAUDE_CODE_USE_BEDROCK=1 and ANTHROPIC_BEDROCK_BASE_URL pointing here, asks for
// `GET /inference-profiles` and then `POST /model/{modelId}/invoke` and `…/invoke-with-response-stream`. There is no
// successful answer.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'

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

/**
 * @param {object} options
 * @param {keyof typeof BEDROCK_ERRORS} options.refuse  how every request is refused
 */
export async function startBedrockStandIn(options) {
  const requests = []
  const server = createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const path = new URL(req.url, 'http://stand-in').pathname
    requests.push({ method: req.method, path, headers: req.headers })
    const requestId = randomUUID()
    const [status, type, message] = BEDROCK_ERRORS[options.refuse]
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/`
    })
    res.end(JSON.stringify({ message }))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise(resolve => server.close(resolve))
  }
}

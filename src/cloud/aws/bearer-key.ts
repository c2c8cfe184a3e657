// Amazon Bedrock API keys (`AWS_BEARER_TOKEN_BEDROCK`, https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html).
// A short-term key is `bedrock-api-key-` and the base64 of a SigV4-presigned URL without its scheme,
// `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=…&X-Amz-Credential=<key id>/<date>/<region>/bedrock/aws4_request&X-Amz-Date=…&X-Amz-Expires=…&X-Amz-SignedHeaders=host&X-Amz-Security-Token=…&X-Amz-Signature=…&Version=1`
// (aws/aws-bedrock-token-generator-js src/token.ts): it dies at X-Amz-Date + X-Amz-Expires (at most 12 hours), and
// works only in the region it was made for. A long-term key (`ABSK…`) is an IAM service-specific credential whose
// expiry is not in it.

export type BedrockApiKey =
  | { kind: 'short-term'; expiresAt: Date; region?: string; derivedSecrets: string[] }
  | { kind: 'short-term-unreadable' }
  | { kind: 'long-term' }
  | { kind: 'unknown' }

const PREFIX = 'bedrock-api-key-'
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

/**
 * What a Bedrock API key says of itself. A short-term key's parts that are secrets on their own (its session token,
 * its signature) come back as `derivedSecrets`, for the caller to mask.
 */
export function readBedrockApiKey(key: string): BedrockApiKey {
  if (key.startsWith('ABSK')) return { kind: 'long-term' }
  if (!key.startsWith(PREFIX)) return { kind: 'unknown' }
  const decoded = Buffer.from(key.slice(PREFIX.length), 'base64').toString('utf8')
  const query = decoded.slice(decoded.indexOf('?') + 1)
  if (!decoded.includes('?') || !/^[\x20-\x7e]+$/.test(decoded))
    return { kind: 'short-term-unreadable' }
  const params = new URLSearchParams(query)
  const date = AMZ_DATE.exec(params.get('X-Amz-Date') ?? '')
  const lifetime = params.get('X-Amz-Expires') ?? ''
  if (!date || !/^\d{1,6}$/.test(lifetime)) return { kind: 'short-term-unreadable' }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = date.slice(1).map(Number)
  const signedAt = Date.UTC(year, month - 1, day, hour, minute, second)
  const region = params.get('X-Amz-Credential')?.split('/')[2]
  const derivedSecrets = ['X-Amz-Security-Token', 'X-Amz-Signature']
    .map(name => params.get(name) ?? '')
    .filter(Boolean)
  return {
    kind: 'short-term',
    expiresAt: new Date(signedAt + Number(lifetime) * 1000),
    ...(region && /^[a-z0-9-]{1,30}$/.test(region) && { region }),
    derivedSecrets
  }
}

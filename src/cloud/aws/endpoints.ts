// Where the AWS calls go, moved the way users move them. The AWS SDKs' service-specific endpoints
// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): `AWS_ENDPOINT_URL_<SERVICE_ID>`, then
// `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true. Claude Code's Bedrock client sends its
// control-plane calls to `ANTHROPIC_BEDROCK_BASE_URL` when set, else `https://bedrock.{region}.amazonaws.com`
// (`bedrock-fips` in GovCloud), and takes the region from `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's, then
// us-east-1 (claude-code 2.1.328 bundle).

/** The region as Claude Code picks it; `profileRegion` is the shared config's for the profile in use, when known. */
export function awsRegion(env: NodeJS.ProcessEnv, profileRegion?: string): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || profileRegion || 'us-east-1'
}

/** The endpoint the SDKs' variables set for a service (`STS`, `BEDROCK`), without a trailing slash; else undefined. */
function configuredEndpoint(env: NodeJS.ProcessEnv, serviceId: string): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined
  const url = env[`AWS_ENDPOINT_URL_${serviceId}`] || env.AWS_ENDPOINT_URL
  return url ? url.replace(/\/+$/, '') : undefined
}

/** STS's endpoint: regional, as the SDK for JavaScript v3 calls it. */
export function stsEndpoint(env: NodeJS.ProcessEnv, region: string): string {
  return configuredEndpoint(env, 'STS') ?? `https://sts.${region}.amazonaws.com`
}

/** The Bedrock control plane's endpoint, where Claude Code lists inference profiles. */
export function bedrockEndpoint(env: NodeJS.ProcessEnv, region: string): string {
  const base = env.ANTHROPIC_BEDROCK_BASE_URL?.replace(/\/+$/, '')
  const fips = region.startsWith('us-gov-') ? '-fips' : ''
  return (
    base || configuredEndpoint(env, 'BEDROCK') || `https://bedrock${fips}.${region}.amazonaws.com`
  )
}

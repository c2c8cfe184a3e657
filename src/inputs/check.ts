import { resolveRefresh, type OnExpiring, type OnProblem, type Policy } from '../policy/decide.js'
import { refuseSecret } from '../providers/placement.js'
import { refuseInnerJunk } from '../providers/clean.js'
import { parseTimestamp } from '../lifetime/timestamp.js'
import { PROVIDER_CHOICES, type ProviderChoice } from '../providers/select.js'
import { defaultOf, plainInputsOf, valueOf } from './declared.js'
import { parseBoolean, parseChoice, parseCredentialUrl, parseDuration } from './parse.js'

export const DEFAULT_BASE_URL = 'https://api.anthropic.com'

export interface CheckInputs {
  baseUrl: string
  /** Where the base URL came from, for humans. */
  baseUrlFrom: string
  probeTimeoutMs: number
  /** A fixed duration, or `auto`: the job's `timeout-minutes`. */
  minRemainingMs: number | 'auto'
  onInvalid: OnProblem
  /** `auto` is resolved once it is known whether a refresh token is present. */
  onExpiring: OnExpiring | 'auto'
  onUnverifiable: OnProblem
  forceRefresh: boolean
  /** Whether `secrets-token` is set, to save a rotated refresh token (src/policy/decide.ts: resolveRefresh). */
  savesRotatedToken: boolean
  githubToken: string
  /** Which route Claude Code takes: `auto` reads it from the Claude step's environment. */
  provider: ProviderChoice
  /** `aws-expiration`: when the AWS credentials expire (configure-aws-credentials' output of that name). */
  awsExpiration?: Date
  /** `google-tokeninfo-url`: where a bare Google access token's expiry is asked. */
  googleTokenInfoUrl: string
}

/** The base URL Claude sends its model requests to, validated as every URL a credential is sent to. */
function parseBaseUrl(input: string, value: string): string {
  const fix = `Use the API's address, such as ${DEFAULT_BASE_URL} or https://gateway.example.com/anthropic`
  return parseCredentialUrl(input, value, fix).toString().replace(/\/+$/, '')
}

/** Reads and validates the preflight's own inputs; throws a UserError naming the first bad one. */
export function readCheckInputs(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv
): CheckInputs {
  for (const name of plainInputsOf('check')) refuseSecret(name, input(name))
  refuseSecret('github-token', input('github-token'), true)
  // Sent in a header as it is: a line break inside would fail every GitHub request with an error that quotes it.
  if (input('github-token').trim()) refuseInnerJunk('github-token', input('github-token').trim())
  const baseInput = input('anthropic-base-url').trim()
  const baseEnv = (env.ANTHROPIC_BASE_URL ?? '').trim()
  refuseSecret('ANTHROPIC_BASE_URL', baseEnv)
  const [baseUrl, baseUrlFrom] = baseInput
    ? [parseBaseUrl('anthropic-base-url', baseInput), 'input anthropic-base-url']
    : baseEnv
      ? [parseBaseUrl('ANTHROPIC_BASE_URL', baseEnv), 'env ANTHROPIC_BASE_URL']
      : [DEFAULT_BASE_URL, 'default']
  const minRemaining = valueOf(input, 'min-remaining')
  const awsExpiration = input('aws-expiration').trim()
  return {
    ...(awsExpiration && { awsExpiration: parseTimestamp('aws-expiration', awsExpiration).at }),
    baseUrl,
    baseUrlFrom,
    provider: parseChoice('provider', valueOf(input, 'provider'), PROVIDER_CHOICES),
    probeTimeoutMs: parseDuration('probe-timeout', valueOf(input, 'probe-timeout'), {
      min: 1_000,
      max: 300_000
    }),
    minRemainingMs:
      minRemaining.toLowerCase() === 'auto'
        ? 'auto'
        : parseDuration('min-remaining', minRemaining, { min: 0, max: 35 * 86_400_000 }),
    onInvalid: parseChoice('on-invalid', valueOf(input, 'on-invalid'), ['fail', 'warn']),
    onExpiring: parseChoice('on-expiring', valueOf(input, 'on-expiring'), [
      'auto',
      'fail',
      'warn',
      'refresh'
    ]),
    onUnverifiable: parseChoice('on-unverifiable', valueOf(input, 'on-unverifiable'), [
      'warn',
      'fail'
    ]),
    forceRefresh: parseBoolean('force-refresh', valueOf(input, 'force-refresh')),
    savesRotatedToken: input('secrets-token').trim() !== '',
    githubToken: input('github-token').trim(),
    googleTokenInfoUrl: parseCredentialUrl(
      'google-tokeninfo-url',
      valueOf(input, 'google-tokeninfo-url'),
      `Leave it empty for Google's own (${defaultOf('google-tokeninfo-url')})`
    ).href
  }
}

/** The policy once the credential is known: `auto` and `force-refresh` follow the refresh rule (resolveRefresh). */
export function resolvePolicy(inputs: CheckInputs, hasRefreshToken: boolean): Policy {
  return {
    onInvalid: inputs.onInvalid,
    onUnverifiable: inputs.onUnverifiable,
    ...resolveRefresh(inputs, hasRefreshToken)
  }
}

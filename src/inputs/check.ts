import { clip, inputError } from '../common/errors.js'
import { parseDuration } from '../lifetime/duration.js'
import { resolveRefresh, type OnExpiring, type OnProblem, type Policy } from '../policy/decide.js'
import { refuseSecret } from '../providers/placement.js'
import { PROVIDER_PLAIN_INPUTS } from '../providers/secrets.js'
import { isSafeTransport } from '../http/url.js'

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
}

export function readChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[],
  fallback: T
): T {
  const text = value.trim().toLowerCase()
  if (text === '') return fallback
  if ((choices as readonly string[]).includes(text)) return text as T
  throw inputError(
    input,
    `is '${clip(value.trim())}'`,
    `Use ${choices.map(c => `'${c}'`).join(' or ')}`
  )
}

/** The spellings `core.getBooleanInput` accepts (YAML 1.2 core schema), and no others. */
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** Every true/false input, read as `core.getBooleanInput` reads it; empty is `fallback`. */
export function readBoolean(input: string, value: string, fallback: boolean): boolean {
  const text = value.trim()
  if (text === '') return fallback
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw inputError(
    input,
    `is '${clip(text)}', not true or false`,
    `Use ${[...TRUE, ...FALSE].map(c => `'${c}'`).join(', ')} (YAML's spellings, as GitHub reads them)`
  )
}

/**
 * Validates a URL that a credential is sent to: https (http only to loopback), no credentials in it, no query.
 * `fix` says what to use instead.
 */
export function readCredentialUrl(input: string, value: string, fix: string): URL {
  const text = value.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // Never quoted when it may hold a user name and password, which a parse error cannot tell apart.
    throw inputError(
      input,
      text.includes('@') ? 'is not a URL' : `is not a URL ('${clip(text)}')`,
      fix
    )
  }
  if (url.username || url.password)
    throw inputError(
      input,
      'has a user name or password in it',
      `${fix}, and put credentials in their own inputs`
    )
  if (!isSafeTransport(url))
    throw inputError(
      input,
      url.protocol === 'http:'
        ? `uses http: to ${url.hostname}, in clear, instead of https:`
        : `uses ${url.protocol} instead of https:`,
      `${fix}; credentials travel only over https (http only to this machine)`
    )
  if (url.search || url.hash) throw inputError(input, 'has a query or fragment', fix)
  return url
}

/** The base URL Claude sends its model requests to, validated as every URL a credential is sent to. */
export function readBaseUrl(input: string, value: string): string {
  const fix = `Use the API's address, such as ${DEFAULT_BASE_URL} or https://gateway.example.com/anthropic`
  return readCredentialUrl(input, value, fix).toString().replace(/\/+$/, '')
}

/** The preflight's inputs that never hold a secret: a secret pasted there is refused before anything quotes it. */
export const PLAIN_CHECK_INPUTS = [
  'anthropic-base-url',
  ...PROVIDER_PLAIN_INPUTS,
  'min-remaining',
  'probe-timeout',
  'on-invalid',
  'on-expiring',
  'on-unverifiable',
  'force-refresh'
] as const

/** Reads and validates the preflight's own inputs; throws a UserError naming the first bad one. */
export function readCheckInputs(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv
): CheckInputs {
  for (const name of PLAIN_CHECK_INPUTS) refuseSecret(name, input(name))
  refuseSecret('github-token', input('github-token'), true)
  const baseInput = input('anthropic-base-url').trim()
  const baseEnv = (env.ANTHROPIC_BASE_URL ?? '').trim()
  refuseSecret('ANTHROPIC_BASE_URL', baseEnv)
  const [baseUrl, baseUrlFrom] = baseInput
    ? [readBaseUrl('anthropic-base-url', baseInput), 'input anthropic-base-url']
    : baseEnv
      ? [readBaseUrl('ANTHROPIC_BASE_URL', baseEnv), 'env ANTHROPIC_BASE_URL']
      : [DEFAULT_BASE_URL, 'default']
  const minRemaining = input('min-remaining').trim()
  return {
    baseUrl,
    baseUrlFrom,
    probeTimeoutMs: parseDuration('probe-timeout', input('probe-timeout') || '10s', {
      min: 1_000,
      max: 300_000
    }),
    minRemainingMs:
      minRemaining === '' || minRemaining.toLowerCase() === 'auto'
        ? 'auto'
        : parseDuration('min-remaining', minRemaining, { min: 0, max: 35 * 86_400_000 }),
    onInvalid: readChoice('on-invalid', input('on-invalid'), ['fail', 'warn'], 'fail'),
    onExpiring: readChoice(
      'on-expiring',
      input('on-expiring'),
      ['auto', 'fail', 'warn', 'refresh'],
      'auto'
    ),
    onUnverifiable: readChoice(
      'on-unverifiable',
      input('on-unverifiable'),
      ['warn', 'fail'],
      'warn'
    ),
    forceRefresh: readBoolean('force-refresh', input('force-refresh'), false),
    savesRotatedToken: input('secrets-token').trim() !== '',
    githubToken: input('github-token').trim()
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

// Every input of action.yml, declared once: the providers' own come from their table (SECRET_INPUT_NAMES,
// PROVIDER_PLAIN_INPUTS), the others are declared here. Which inputs are refused when a secret is pasted there, which the CLI takes as
// flags, and the default of an empty input are all derived from this declaration.
import { PROVIDER_PLAIN_INPUTS, SECRET_INPUT_NAMES } from '../providers/secrets.js'

/** The step that uses an input for its own work; the main step validates every input on every run. */
type Reader = 'check' | 'github' | 'refresh' | 'renew' | 'post'

interface Declared {
  reader: Reader
  default?: string
}

/**
 * The action's own inputs that never hold a secret, in action.yml's order: the step that uses each, and action.yml's
 * default where the code applies one to an empty value (`${{ runner.temp }}` stands for `RUNNER_TEMP`).
 */
const PLAIN = {
  'anthropic-base-url': { reader: 'check' },
  'min-remaining': { reader: 'check', default: 'auto' },
  'probe-timeout': { reader: 'check', default: '10s' },
  'on-invalid': { reader: 'check', default: 'fail' },
  'on-expiring': { reader: 'check', default: 'auto' },
  'on-unverifiable': { reader: 'check', default: 'warn' },
  'force-refresh': { reader: 'check', default: 'false' },
  provider: { reader: 'check', default: 'auto' },
  'aws-expiration': { reader: 'check' },
  'google-tokeninfo-url': { reader: 'check', default: 'https://oauth2.googleapis.com/tokeninfo' },
  'check-github-app': { reader: 'github', default: 'false' },
  'github-app-exchange-url': {
    reader: 'github',
    default: 'https://api.anthropic.com/api/github/github-app-token-exchange'
  },
  'oauth-token-url': { reader: 'refresh', default: 'https://platform.claude.com/v1/oauth/token' },
  'oauth-client-id': { reader: 'refresh', default: '9d1c250a-e61b-44d9-88ed-5944d1962f5e' },
  'export-env': { reader: 'refresh', default: 'false' },
  'write-credentials-file': { reader: 'refresh', default: 'false' },
  'secret-name': { reader: 'refresh', default: 'CLAUDE_CREDENTIALS' },
  'secret-scope': { reader: 'refresh', default: 'repo' },
  renew: { reader: 'renew', default: 'false' },
  'renew-command': { reader: 'renew' },
  'app-id': { reader: 'renew' },
  'claude-output': { reader: 'post', default: '${{ runner.temp }}/claude-execution-output.json' },
  'fail-on-auth-error': { reader: 'post', default: 'true' },
  'pr-comment': { reader: 'post', default: 'false' }
} as const satisfies Record<string, Declared>

export type PlainInput = keyof typeof PLAIN

/**
 * The inputs that never hold a secret, the providers' first (the main step reads them first): a secret pasted there is
 * masked, and refused before anything quotes it.
 */
export const PLAIN_INPUTS: readonly string[] = [...PROVIDER_PLAIN_INPUTS, ...Object.keys(PLAIN)]

/** Every input, as action.yml must list them. */
export const ALL_INPUTS: readonly string[] = [...SECRET_INPUT_NAMES, ...PLAIN_INPUTS]

/** The inputs that never hold a secret and that `reader` uses. */
export function plainInputsOf(reader: Reader): string[] {
  const own = (Object.keys(PLAIN) as PlainInput[]).filter(name => PLAIN[name].reader === reader)
  return reader === 'check' ? [...PROVIDER_PLAIN_INPUTS, ...own] : own
}

/** action.yml's default of an input that never holds a secret, '' where the code applies none. */
export function defaultOf(name: string): string {
  const declared: Declared | undefined = (PLAIN as Record<string, Declared>)[name]
  return declared?.default ?? ''
}

/** An input's value, trimmed; its default when empty. */
export function valueOf(input: (name: string) => string, name: PlainInput): string {
  return input(name).trim() || defaultOf(name)
}

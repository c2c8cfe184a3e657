// The secrets this step knows, derived from the providers' table: the inputs that hold them and the environment
// variables Claude Code reads them from. Masking (src/action/main.ts) and redaction read them from here only.
import { KINDS } from './kinds.js'
import { REFRESH_TOKEN_INPUT } from './oauth-token.js'
import { jsonSecretStrings, MIN_SECRET } from '../common/redact.js'

/** The inputs that hold a credential's secret: masked before anything reads them. */
export const SECRET_INPUTS = [...KINDS.map(kind => kind.source), REFRESH_TOKEN_INPUT] as const

/** Inputs that may hold a secret: the credentials' and the two GitHub tokens. */
export const SECRET_INPUT_NAMES = [...SECRET_INPUTS, 'github-token', 'secrets-token'] as const

/** The environment variables Claude Code reads a credential from. */
export const SECRET_ENV_VARS = KINDS.flatMap(kind => (kind.envVar ? [kind.envVar] : []))

/** Environment variables whose names say they hold a secret. */
const SECRET_ENV_NAME = /(?:TOKEN|KEY|SECRET|PASSWORD)$/i

/** An environment variable found only by its name counts from this length (`AWS_REGION_KEY=us-east-1` does not). */
const MIN_NAMED_ENV_SECRET = 16

/**
 * The secret values this step knows: every secret input (whole, trimmed, each line, and the tokens in a JSON
 * credentials document), each credential kind's environment variable, and any environment variable named like a
 * secret (`*_TOKEN`, `*_KEY`, `*_SECRET`, `*_PASSWORD`).
 */
export function knownSecrets(input: (name: string) => string, env: NodeJS.ProcessEnv): string[] {
  const given = [
    ...SECRET_INPUT_NAMES.map(name => input(name)),
    ...SECRET_ENV_VARS.map(name => env[name] ?? '')
  ]
  const named = Object.entries(env)
    .filter(
      ([name, value]) =>
        SECRET_ENV_NAME.test(name) && (value ?? '').trim().length >= MIN_NAMED_ENV_SECRET
    )
    .map(([, value]) => value ?? '')
  const values = [...given, ...named].flatMap(value => [
    value,
    value.trim(),
    ...value.split(/\r?\n/).map(line => line.trim()),
    ...(jsonSecretStrings(value) ?? [])
  ])
  return [...new Set(values.filter(value => value.length >= MIN_SECRET))]
}

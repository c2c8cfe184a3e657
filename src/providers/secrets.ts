// The secrets this step knows, derived from the providers' table: the inputs that hold them and the environment
// variables Claude Code reads them from. Masking (src/action/main.ts) and redaction read them from here only.
import { PROVIDERS } from './index.js'
import type { SecretInput } from './provider.js'
import { looksLikeSecret, redactSecrets } from './shapes.js'
import { MIN_SECRET, redactorFor, type Redact } from '../common/redact.js'

/** The inputs that hold a credential's secret: masked before anything reads them. */
export const SECRET_INPUTS: readonly SecretInput[] = [
  ...PROVIDERS.map(provider => provider.source),
  ...PROVIDERS.flatMap(provider => provider.secretInputs)
]

/** The inputs the providers read that never hold a secret: a secret pasted there is refused. */
export const PROVIDER_PLAIN_INPUTS = PROVIDERS.flatMap(provider => provider.plainInputs)

/** Inputs that may hold a secret: the credentials', the GitHub tokens and a GitHub App's private key. */
export const SECRET_INPUT_NAMES = [
  ...SECRET_INPUTS,
  'claude-github-token',
  'github-token',
  'secrets-token',
  'private-key'
] as const

/** The environment variables Claude Code reads a credential from. */
export const SECRET_ENV_VARS = PROVIDERS.flatMap(provider =>
  provider.envVar ? [provider.envVar] : []
)

/**
 * The tokens inside a JSON document (`claude-credentials`): strings under a `…token` key or shaped like a secret, not
 * scopes such as `user:inference`, which messages must be able to name. Undefined when `text` is not a JSON object.
 */
export function jsonSecretStrings(text: string): string[] | undefined {
  if (!text.trim().startsWith('{')) return undefined
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return undefined
  }
  const found: string[] = []
  const visit = (node: unknown, key = ''): void => {
    if (typeof node === 'string') {
      if (/token$/i.test(key) || looksLikeSecret(node)) found.push(node, node.trim())
    } else if (node && typeof node === 'object') {
      for (const [name, value] of Object.entries(node)) visit(value, name)
    }
  }
  visit(document)
  return found
}

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

/**
 * The redactor of the secrets this step knows (knownSecrets), of `others` it read elsewhere (the renewer's files), and
 * of every known shape of a secret.
 */
export function redactKnownSecrets(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv,
  others: readonly string[] = []
): Redact {
  return redactorFor([...knownSecrets(input, env), ...others], redactSecrets)
}

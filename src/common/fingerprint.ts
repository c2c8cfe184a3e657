import { createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * The key of the fingerprints of secrets without a random shape: the job's own `github-token` (by default the job's
 * GITHUB_TOKEN, a secret that lives for one job), so that the main and the post step of a job name a secret alike
 * while nobody outside the job can test guesses against a fingerprint (a job summary may be public). Without one (the
 * CLI) the key is random, once per process.
 */
export function fingerprintKey(env: NodeJS.ProcessEnv): string {
  const token = env['INPUT_GITHUB-TOKEN']?.trim()
  return token ? `claude-preflight fingerprint ${token}` : processKey
}

const processKey = randomBytes(32).toString('hex')

/** A shape secrets have (an Anthropic key, a JWT, …): the providers declare them (src/providers/shapes.ts). */
export interface SecretShape {
  /** How a whole value of this shape begins, as pasted (matched as it is). */
  begins?: RegExp
  /**
   * A run of text of this shape, wherever it appears: a regular expression's source, matched ignoring case. A shape
   * without one is a document (the credentials JSON): a value is of its shape when it `begins` so.
   */
  run?: string
  /** The public name of a secret that starts with this shape (`sk-ant-api03`, `jwt`); undefined when it does not. */
  publicName?(secret: string): string | undefined
  /** Random and long, as Anthropic's keys are: the plain SHA-256 of one is safe to show. */
  random?: boolean
}

/** What the known shapes tell about a secret or a text. */
export interface SecretShapes {
  /**
   * A name for a secret that reveals nothing: its public name when a shape gives one (else `secret`), and eight hex
   * digits of a hash. A secret of a random shape gets its SHA-256, the same everywhere; any other (a gateway token may
   * be weak) an HMAC-SHA256 under `key` (see fingerprintKey), so its fingerprint cannot be checked against guesses made
   * before the run.
   */
  fingerprint(secret: string, key?: string): string
  /**
   * Replaces every run of text of a known shape with `[redacted <public name>]`, for text quoted from a log (an API
   * error that echoes the key) before it reaches an annotation, the job summary or a PR comment. No hash: a quote must
   * not give anyone a way to test guesses.
   */
  redactSecrets(text: string): string
  /** Whether a whole value is of a known shape. */
  looksLikeSecret(value: string): boolean
}

export function compileShapes(shapes: readonly SecretShape[]): SecretShapes {
  const runs = shapes.flatMap(shape => (shape.run === undefined ? [] : [shape.run]))
  const anyRun = new RegExp(runs.join('|'), 'gi')
  const startsWithRun = new RegExp(`^(?:${runs.join('|')})`, 'i')
  const documents = shapes.filter(shape => shape.run === undefined && shape.begins)
  const named = (secret: string) => {
    for (const shape of shapes) {
      const name = shape.publicName?.(secret)
      if (name !== undefined) return { name, random: shape.random === true }
    }
    return { name: 'secret', random: false }
  }
  return {
    fingerprint(secret, key = fingerprintKey(process.env)) {
      const { name, random } = named(secret)
      const hash = random ? createHash('sha256') : createHmac('sha256', key)
      return `${name}:${hash.update(secret).digest('hex').slice(0, 8)}`
    },
    redactSecrets: text => text.replace(anyRun, secret => `[redacted ${named(secret).name}]`),
    looksLikeSecret(value) {
      const text = value.trim()
      return documents.some(shape => shape.begins?.test(text)) || startsWithRun.test(text)
    }
  }
}

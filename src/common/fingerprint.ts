import { createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * The key of the fingerprints of secrets without an Anthropic prefix: the job's own `github-token` (by default the
 * job's GITHUB_TOKEN, a secret that lives for one job), so that the main and the post step of a job name a secret
 * alike while nobody outside the job can test guesses against a fingerprint (a job summary may be public). Without one
 * (the CLI) the key is random, once per process.
 */
export function fingerprintKey(env: NodeJS.ProcessEnv): string {
  const token = env['INPUT_GITHUB-TOKEN']?.trim()
  return token ? `claude-preflight fingerprint ${token}` : processKey
}

const processKey = randomBytes(32).toString('hex')

/** `sk-ant-api03`, `sk-ant-oat01`, … for Anthropic credentials; `jwt` or `secret` for others. */
function publicPrefix(secret: string): { prefix: string; anthropic: boolean } {
  const anthropic = /^(sk-ant-[a-z]+\d*)-/i.exec(secret)?.[1]
  if (anthropic) return { prefix: anthropic.toLowerCase(), anthropic: true }
  return { prefix: /^eyJ/i.test(secret) ? 'jwt' : 'secret', anthropic: false }
}

/**
 * A name for a secret that reveals nothing: its public prefix (`sk-ant-api03`, `sk-ant-oat01`, …) when it
 * has one, and eight hex digits of a hash. Anthropic's keys and tokens are random and long, so their SHA-256 is
 * safe to show and the same everywhere; any other secret (a gateway token may be weak) gets an HMAC-SHA256 under
 * `key` (see fingerprintKey), so its fingerprint cannot be checked against guesses made before the run.
 */
export function fingerprint(secret: string, key = fingerprintKey(process.env)): string {
  const { prefix, anthropic } = publicPrefix(secret)
  const hash = anthropic ? createHash('sha256') : createHmac('sha256', key)
  return `${prefix}:${hash.update(secret).digest('hex').slice(0, 8)}`
}

/** Text shaped like a credential, in any case: Anthropic keys and tokens, JWTs, GitHub tokens. */
const SECRET_SHAPES =
  /sk-ant-[a-z]+\d*-[A-Za-z0-9_-]{4,}|eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/gi

/**
 * Replaces every credential-shaped run of text with `[redacted <prefix>]`, for text quoted from a log (an API error
 * that echoes the key) before it reaches an annotation, the job summary or a PR comment. No hash: a quote must not
 * give anyone a way to test guesses.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_SHAPES, secret => `[redacted ${publicPrefix(secret).prefix}]`)
}

/** Whether a whole value is shaped like a credential (or is JSON, as the credentials file is). */
export function looksLikeSecret(value: string): boolean {
  const text = value.trim()
  if (text.startsWith('{')) return true
  const match = new RegExp(`^(?:${SECRET_SHAPES.source})`, 'i').exec(text)
  return match !== null
}

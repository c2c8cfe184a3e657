import { createHash } from 'node:crypto'

/**
 * A name for a secret that reveals nothing: its public prefix (`sk-ant-api03`, `sk-ant-oat01`, …) when it
 * has one, and eight hex digits of its SHA-256. The same secret always gets the same fingerprint.
 */
export function fingerprint(secret: string): string {
  const prefix =
    /^(sk-ant-[a-z]+\d*)-/.exec(secret)?.[1] ?? (secret.startsWith('eyJ') ? 'jwt' : 'secret')
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 8)
  return `${prefix}:${digest}`
}

/** Text shaped like a credential: Anthropic keys and tokens, JWTs, GitHub tokens. */
const SECRET_SHAPES =
  /sk-ant-[a-z]+\d*-[A-Za-z0-9_-]{4,}|eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/g

/**
 * Replaces every credential-shaped run of text with its fingerprint, for text quoted from a log (an API error
 * that echoes the key) before it reaches an annotation, the job summary or a PR comment.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_SHAPES, secret => `[redacted ${fingerprint(secret)}]`)
}

/** Whether a whole value is shaped like a credential (or is JSON, as the credentials file is). */
export function looksLikeSecret(value: string): boolean {
  const text = value.trim()
  if (text.startsWith('{')) return true
  const match = new RegExp(`^(?:${SECRET_SHAPES.source})`).exec(text)
  return match !== null
}

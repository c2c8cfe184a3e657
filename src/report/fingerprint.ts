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

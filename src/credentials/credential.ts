import type { Credential, CredentialKind } from './types.js'

/** A credential of `kind` read from `from`, before any expiry or refresh token is known. */
export function newCredential(kind: CredentialKind, from: string, secret: string): Credential {
  return { source: kind.source, from, scheme: kind.scheme, label: kind.label, secret, notes: [] }
}

import type { Credential, CredentialKind } from './types.js'
import { fingerprint } from '../report/fingerprint.js'

/** A credential of `kind` read from `from`, before any expiry or refresh token is known. */
export function newCredential(kind: CredentialKind, from: string, secret: string): Credential {
  return { source: kind.source, from, scheme: kind.scheme, label: kind.label, secret, notes: [] }
}

/** The credential's fingerprint: of its access token, or of its refresh token when it has no access token yet. */
export function fingerprintOf(credential: Pick<Credential, 'secret' | 'refreshToken'>): string {
  return fingerprint(credential.secret || credential.refreshToken || '')
}

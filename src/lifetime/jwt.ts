/**
 * The `exp` claim of a JWT (seconds since the epoch, RFC 7519 §4.1.4) as a Date; undefined when the token
 * is not a JWT or carries no numeric `exp`. Never throws: any string is a possible opaque token.
 */
export function jwtExpiry(token: string): Date | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[0]?.startsWith('eyJ')) return undefined
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'))
    const exp = (payload as { exp?: unknown } | null)?.exp
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0 || exp > 1e11) return undefined
    return new Date(exp * 1000)
  } catch {
    return undefined
  }
}

// Every known shape of a secret, from the providers' table and the other known shapes: masking, redaction,
// fingerprints and "pasted into the wrong input" read them from here only.
import { compileShapes } from '../common/fingerprint.js'
import { PROVIDERS } from './index.js'
import { OTHER_SHAPES } from './other-shapes.js'
import type { Credential, ProviderShape } from './provider.js'

/** A known shape, with where a value of it belongs: the input, and the environment variable Claude Code reads. */
export interface PlacedShape extends ProviderShape {
  home?: string
  homeEnv?: string
}

/**
 * Each provider's shapes, at home in the provider's input and environment variable, or in the other input of the
 * provider that the shape names; then the other known shapes.
 */
export const SHAPES: readonly PlacedShape[] = [
  ...PROVIDERS.flatMap(provider =>
    provider.shapes.map(shape => ({
      ...shape,
      home: shape.input ?? provider.source,
      ...(shape.input === undefined && provider.envVar && { homeEnv: provider.envVar })
    }))
  ),
  ...OTHER_SHAPES
]

export const { fingerprint, redactSecrets, looksLikeSecret } = compileShapes(SHAPES)

/** The credential's fingerprint: of its access token, or of its refresh token when it has no access token yet. */
export function fingerprintOf(credential: Pick<Credential, 'secret' | 'refreshToken'>): string {
  return fingerprint(credential.secret || credential.refreshToken || '')
}

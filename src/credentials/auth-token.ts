import type { CredentialKind } from './types.js'
import { newCredential } from './credential.js'
import { checkPlacement } from './clean.js'
import { jwtExpiry } from '../lifetime/jwt.js'

const GATEWAY =
  "Get a new token from your gateway's issuer and store it in the secret that feeds 'anthropic-auth-token'"

export const authToken: CredentialKind = {
  source: 'anthropic-auth-token',
  envVar: 'ANTHROPIC_AUTH_TOKEN',
  label: 'bearer token',
  scheme: 'bearer',
  read(value, from) {
    checkPlacement('anthropic-auth-token', value, ['anthropic-auth-token', 'anthropic-api-key'])
    const expiresAt = jwtExpiry(value)
    return {
      ...newCredential(this, from, value),
      ...(expiresAt && { expiresAt, expirySource: "the token's JWT 'exp' claim" })
    }
  },
  fix: {
    invalid: `${GATEWAY}.`,
    revoked: `The token was revoked: ${GATEWAY[0]!.toLowerCase()}${GATEWAY.slice(1)}.`,
    expiring: `${GATEWAY}, with a lifetime longer than your jobs (or lower 'min-remaining').`,
    forbidden:
      "The gateway refused the token's permissions: ask the gateway's owner to grant it model access.",
    billing:
      "The gateway reports a billing or quota problem: ask the gateway's owner to raise the budget."
  }
}

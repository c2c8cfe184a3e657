import type { Provider } from './provider.js'
import { ANTHROPIC_FAILURES, type AnthropicFailureKind } from './anthropic-failures.js'
import { anthropicProbe } from './anthropic-api.js'
import { capitalise, homeOf, newCredential } from './credential.js'
import { jwtExpiry } from '../lifetime/jwt.js'

/** A gateway's bearer token: any shape (a JWT is read for its expiry), so it declares none of its own. */
export const authToken: Provider<'anthropic-auth-token', never, AnthropicFailureKind> = {
  source: 'anthropic-auth-token',
  secretInputs: [],
  plainInputs: [],
  envVar: 'ANTHROPIC_AUTH_TOKEN',
  label: 'bearer token',
  scheme: 'bearer',
  shapes: [],
  read(value, from, context) {
    context.checkPlacement(from, value, ['anthropic-auth-token', 'anthropic-api-key'])
    const expiresAt = jwtExpiry(value)
    return {
      ...newCredential(this, from, value),
      ...(expiresAt && { expiresAt, expirySource: "the token's JWT 'exp' claim" })
    }
  },
  probe: anthropicProbe,
  failures: ANTHROPIC_FAILURES,
  fix(problem, from) {
    const renew = `get a new token from your gateway's issuer and store it in ${homeOf(from)}`
    return {
      invalid: `${capitalise(renew)}.`,
      revoked: `The token was revoked: ${renew}.`,
      expiring: `${capitalise(renew)}, with a lifetime longer than your jobs (or lower 'min-remaining').`,
      forbidden:
        "The gateway refused the token's permissions: ask the gateway's owner to grant it model access.",
      billing:
        "The gateway reports a billing or quota problem: ask the gateway's owner to raise the budget."
    }[problem]
  }
}

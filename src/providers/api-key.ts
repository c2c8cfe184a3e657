import type { Provider } from './provider.js'
import { ANTHROPIC_FAILURES, type AnthropicFailureKind } from './anthropic-failures.js'
import { anthropicProbe, anthropicShape } from './anthropic-api.js'
import { homeOf, newCredential } from './credential.js'

const CONSOLE = 'https://console.anthropic.com/settings'

export const apiKey: Provider<'anthropic-api-key', never, AnthropicFailureKind> = {
  source: 'anthropic-api-key',
  secretInputs: [],
  plainInputs: [],
  envVar: 'ANTHROPIC_API_KEY',
  excludes: {
    source: 'anthropic-auth-token',
    warning:
      "Both an API key and ANTHROPIC_AUTH_TOKEN are set: the API rejects requests that carry both. Remove one of them (keep 'anthropic-auth-token' only for a gateway)."
  },
  label: 'API key',
  scheme: 'x-api-key',
  shapes: [anthropicShape('api', 'an Anthropic API key')],
  read(value, from, context) {
    context.checkPlacement(from, value, ['anthropic-api-key'])
    return newCredential(this, from, value)
  },
  probe: anthropicProbe,
  failures: ANTHROPIC_FAILURES,
  fix(problem, from) {
    const home = homeOf(from)
    return {
      invalid: `Create a new API key at ${CONSOLE}/keys and store it in ${home}.`,
      revoked: `The key was disabled or deleted: create a new one at ${CONSOLE}/keys and store it in ${home}.`,
      expiring: `Create a key whose expiry is longer than your jobs at ${CONSOLE}/keys and store it in ${home} (or lower 'min-remaining').`,
      forbidden: `The key's organisation or workspace may not use this API: check the key's workspace and permissions at ${CONSOLE}/keys.`,
      billing: `Add credits or raise the spend limit at ${CONSOLE}/billing, then run it again.`
    }[problem]
  }
}

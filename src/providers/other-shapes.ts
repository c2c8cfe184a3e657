// Known shapes of secrets that no provider of ours owns: still masked, redacted and refused in the wrong input.
import type { PlacedShape } from './shapes.js'
import { ANY_ANTHROPIC_SHAPE, anthropicShape } from './anthropic-api.js'

export const OTHER_SHAPES: readonly PlacedShape[] = [
  {
    ...anthropicShape('admin', 'an Admin API key, which cannot call models'),
    fix: 'Create a regular API key (sk-ant-api03-…) in the Anthropic Console and use that'
  },
  ANY_ANTHROPIC_SHAPE,
  {
    what: 'a bearer token (a JWT)',
    begins: /^eyJ[\w-]+\.[\w-]+\./,
    run: 'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*',
    publicName: secret => (/^eyJ/i.test(secret) ? 'jwt' : undefined),
    home: 'anthropic-auth-token',
    plainOnly: true
  },
  {
    what: 'a GitHub token',
    begins: /^(?:gh[pousr]_|github_pat_)\w/,
    run: '\\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})',
    publicName: secret => /^(gh[pousr]|github_pat)_/.exec(secret)?.[1],
    home: 'github-token',
    fix: "Move it to input 'github-token' (or 'secrets-token', to write secrets)",
    plainOnly: true
  }
]

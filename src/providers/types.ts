/** The input a credential came from; also the `credential` output. */
export type CredentialSource =
  'anthropic-api-key' | 'claude-code-oauth-token' | 'anthropic-auth-token' | 'claude-credentials'

/** How the credential is sent to the API. */
export type AuthScheme = 'x-api-key' | 'oauth' | 'bearer'

export interface Credential {
  source: CredentialSource
  /** Where the value was found, for humans: `input anthropic-api-key` or `env ANTHROPIC_API_KEY`. */
  from: string
  scheme: AuthScheme
  /** What it is, for humans: "API key", "OAuth token", … */
  label: string
  /** The access token or key; empty when only a refresh token is known. */
  secret: string
  refreshToken?: string
  expiresAt?: Date
  /** Where `expiresAt` was read, for humans. */
  expirySource?: string
  /**
   * The credentials JSON as read (trimmed, unquoted), for a credential from `claude-credentials`: a refresh keeps its
   * other fields.
   */
  document?: string
  /** Things worth telling the user about how the value was read (trimmed whitespace, …). */
  notes: string[]
  /** The value was wrapped in quotes, which Claude Code would send as part of it. */
  quoted?: boolean
  /** How the preflight hands this credential to the Claude step, when it does (its output `oauth-token`). */
  handedOn?: string
}

/** What a credential's fix is for. */
export type FixProblem = 'invalid' | 'revoked' | 'expiring' | 'forbidden' | 'billing'

/** Everything a kind may read besides its own value. */
export interface ReadContext {
  /** Other inputs a kind may use (`oauth-token-expires-at`, `oauth-refresh-token`). */
  input(name: string): string
  now: Date
  /**
   * The credentials file Claude Code reads (the command line only): `claude-credentials` at the lowest precedence,
   * when no input gives it.
   */
  credentialsFile?: { path: string; text: string }
}

/**
 * One kind of credential: where it comes from, how it is read and checked, how it is fixed.
 * Adding a provider means one module implementing this and one row in the table in `kinds.ts`.
 */
export interface CredentialKind {
  source: CredentialSource
  /** The environment variable Claude Code reads it from, when the input is empty. */
  envVar?: string
  label: string
  scheme: AuthScheme
  /** Parses the (already trimmed, non-empty) value; throws a UserError naming the input. */
  read(value: string, from: string, context: ReadContext): Credential
  /** A credential this kind yields when its own value is empty (a lone refresh token), if any. */
  readEmpty?(context: ReadContext): Credential | undefined
  /**
   * The exact fix for a credential of this kind that the API refused, or that expires too soon, worded for where it
   * was read (`Credential.from`: an input, an environment variable, a file).
   */
  fix(problem: FixProblem, from: string): string
}

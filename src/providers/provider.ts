import type { HttpRequest, HttpResponse } from '../http/request.js'
import type { SecretShape } from '../common/fingerprint.js'
import type { PROVIDERS } from './index.js'
import type { FailureKind } from './failure.js'

/** The input a credential came from; also the `credential` output. One per provider in the table. */
export type CredentialSource = (typeof PROVIDERS)[number]['source']

/** The inputs that hold a credential's secret: each provider's own and the other secret inputs it reads. */
export type SecretInput = CredentialSource | (typeof PROVIDERS)[number]['secretInputs'][number]

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

/** Everything a provider may read besides its own value. */
export interface ReadContext {
  /** Other inputs a provider may use (`oauth-token-expires-at`, `oauth-refresh-token`). */
  input(name: string): string
  now: Date
  /**
   * The credentials file Claude Code reads (the command line only): `claude-credentials` at the lowest precedence,
   * when no input gives it.
   */
  credentialsFile?: { path: string; text: string }
}

/**
 * What a provider reads with: the ReadContext, and the refusal of a value that belongs in another input
 * (src/providers/placement.ts), which selection hands in since it knows every provider's shapes.
 */
export interface ProviderContext extends ReadContext {
  /** Refuses `value` read at `where` unless its shape's home is one of `accepted`. */
  checkPlacement(where: string, value: string, accepted: string[]): void
}

/**
 * What the service said about a credential. Only the service's own refusal of the credential makes it `invalid` or
 * `revoked` (Anthropic: its 401), and only its own refusal of the permission `forbidden` (Anthropic: its 403).
 */
export type ProbeStatus = 'valid' | 'invalid' | 'revoked' | 'forbidden' | 'billing' | 'unverifiable'

/** One answer to a probe, as the provider reads it. */
export interface ProbeVerdict {
  /** `transient` answers are worth another try; everything else is final. */
  status: ProbeStatus | 'transient'
  message: string
  /** The service's id of the request, to quote to its support. */
  requestId?: string
  retryAfterMs?: number
}

/** What a probe needs to know besides the credential: where the service is. */
export interface ProbeTarget {
  baseUrl: string
}

/**
 * The free request that proves a credential, and the reading of the answer in the service's own error format. The
 * generic runner (src/probe/probe.ts) sends it, retries `transient` verdicts and turns network errors into
 * `unverifiable`.
 */
export interface ProviderProbe {
  request: HttpRequest
  classify(answer: HttpResponse): ProbeVerdict
}

/**
 * A secret's shape, declared by the provider whose secret it is. Masking, redaction, fingerprints and "pasted into
 * the wrong input" are derived from these (src/providers/shapes.ts).
 */
export interface ProviderShape extends SecretShape {
  /** What a value of this shape is, for a message: `an Anthropic API key`. */
  what: string
  /**
   * The input a value of this shape belongs in when it is not the provider's own (`oauth-refresh-token`): then it has
   * no environment variable either.
   */
  input?: string
  /** The fix told for a value of this shape in the wrong input, when it is not to move it to its own. */
  fix?: string
  /** Refused only in inputs that never hold a secret: a gateway's bearer token may have this shape. */
  plainOnly?: boolean
}

/**
 * One provider of a credential Claude Code uses: where it comes from, its secrets' shapes, how it is read, proven and
 * fixed. Adding one means a module implementing this, a row in the table in `index.ts`, and its inputs in
 * action.yml (docs/architecture.md).
 */
export interface Provider<
  Source extends string = string,
  Secret extends string = string,
  Failure extends FailureKind = FailureKind
> {
  /** Its input; also the `credential` output and the name of its flag on the command line. */
  source: Source
  /** The other inputs it reads that hold a secret: masked and redacted like its own. */
  secretInputs: readonly Secret[]
  /** The other inputs it reads that never hold one: a secret pasted there is refused. */
  plainInputs: readonly string[]
  /** The environment variable Claude Code reads it from, when the input is empty. */
  envVar?: string
  /**
   * Claude Code reads it from its own login file (`~/.claude/.credentials.json`) when no environment token is set;
   * so does the command line on a laptop.
   */
  loginFile?: true
  /**
   * It can carry an OAuth refresh token: `oauth-refresh-token` is attached to the first such credential found, and
   * the action refreshes it when it would not last (src/refresh/).
   */
  refreshable?: true
  /** A credential Claude Code must not be given beside this one, and why (said as a warning when both are found). */
  excludes?: { source: string; warning: string }
  label: string
  scheme: AuthScheme
  /** The shapes of its secrets. */
  shapes: readonly ProviderShape[]
  /** Parses the (already trimmed, non-empty) value; throws a UserError naming the input. */
  read(value: string, from: string, context: ProviderContext): Credential
  /** A credential this provider yields when its own value is empty (a lone refresh token), if any. */
  readEmpty?(context: ProviderContext): Credential | undefined
  /** The request that proves a credential of this provider at `target`, and how to read the answer. */
  probe(credential: Pick<Credential, 'scheme' | 'secret'>, target: ProbeTarget): ProviderProbe
  /**
   * The exact fix for a credential of this provider that the service refused, or that expires too soon, worded for
   * where it was read (`Credential.from`: an input, an environment variable, a file).
   */
  fix(problem: FixProblem, from: string): string
  /** The kinds of failure the post step reports for a credential of this provider, each with its words and fix. */
  failures: readonly Failure[]
}

// A renewal source: one credential the renewer keeps fresh in a file (src/renew/sources.ts lists them). Each is one
// module: when it applies and what main hands the renewer (plan), how the renewer mints it, how main points its
// consumer at the file (handOff), and how to name it for people.
import type { Core } from '../common/core.js'
import { MIN_SECRET } from '../common/redact.js'
import type { HttpSend } from '../http/request.js'
import type { AzureFederatedLogin } from '../cloud/foundry/entra.js'
import type { Selection } from '../providers/select.js'
import type { GitHubTokenRoute } from '../workflow/github-token.js'
import type { SubscriptionFacts } from './subscription.js'

/** What every source's part of the job description holds: its kind, and the file it keeps fresh. */
export interface SourceJob {
  kind: string
  /** Absolute path of the file in the renewer's directory that Claude Code reads the credential from. */
  file: string
}

/** A non-empty string field of a job description, else undefined: the description is read defensively. */
export const jobText = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

/** A credential just minted: the file's whole content, and when it stops working (epoch ms). */
export interface Minted {
  value: string
  expiresAt: number
}

/** A mint: the credential, or why none (`permanent`: trying again cannot help, such as a refusal). */
export type MintOutcome = { minted: Minted } | { failure: string; permanent: boolean }

export interface MintDeps {
  send: HttpSend
  /** Bounds one mint, retries included. */
  timeoutMs: number
  now: () => number
}

/** What main knows when it asks each source whether it renews this run's credential. */
export interface PlanContext {
  selection: Selection
  /** Input `renew-command`, '' when not given. */
  renewCommand: string
  /** Main's environment. */
  env: NodeJS.ProcessEnv
  /** Which GitHub token the Claude step gets, once the GitHub side is checked. */
  github?: GitHubTokenRoute
  /** What says how subscription credentials last the run (no source renews them): the refresh's hand-off, the need. */
  subscription?: SubscriptionFacts
  /** The service principals azure/login signed the az CLI in as with a federated token (src/cloud/foundry/entra.ts). */
  azureLogins?: readonly AzureFederatedLogin[]
  /** Inputs `app-id` and `private-key`, when given: the GitHub App whose token the renewer mints. */
  githubApp?: { appId: string; privateKey: string; jobTokenSha256?: string }
  /** Input `github-app-exchange-url`, and the permissions claude-code-action asks it for (appPermissionsOf). */
  exchange?: { url: string; permissions?: Record<string, string> }
}

/** A source that will renew: its part of the job description (its file still to be placed) and what main says. */
export interface SourcePlan<Job extends SourceJob = SourceJob> {
  job: Omit<Job, 'file'>
  /** What keeps the credential alive, for the check's report: "the preflight's renewer (input 'renew'), which …". */
  renewedBy: string
  /** What in the Claude step would defeat the renewal, said as warnings. */
  warnings: string[]
}

export interface HandOffDeps {
  core: Core
  env: NodeJS.ProcessEnv
  /** The renewer's process, for what main says. */
  pid: number
}

export interface JobEndDeps {
  send: HttpSend
  /** Post's environment. */
  env: NodeJS.ProcessEnv
  /** Bounds the whole call, retries included. */
  timeoutMs: number
}

export interface RenewalSource<Job extends SourceJob = SourceJob> {
  kind: Job['kind']
  /** 'claude': the credential Claude Code calls the model with (one source at most); 'github': the GitHub token. */
  renews: 'claude' | 'github'
  /** What the renewer rewrites, for a report: "the federated token's identity file". */
  what: string
  /** What one mint gives, for a report: "identity token". */
  credential: string
  /** The file's name in the renewer's directory. */
  fileName: string
  /** The renewal comes at least this long before the credential's expiry (see renewalAt). */
  marginMs: number
  /**
   * The key of Claude Code's user settings that handOff points at the file (`apiKeyHelper`, …): post removes it when
   * it still names the renewer's file, which is gone after the job.
   */
  settingKey?: string
  /** Every secret in a file's content, to mask and redact (default: the whole content, trimmed). Pure. */
  secretsIn?(content: string): string[]
  /** Main's side: undefined when the run's route is not this source's; `why` when it is but cannot be renewed. */
  plan(context: PlanContext): SourcePlan<Job> | { why: string } | undefined
  /** The renewer's side: the source's part of a job description, read defensively; undefined unless main wrote it. */
  readJob(value: Record<string, unknown>): Job | undefined
  mint(job: Job, deps: MintDeps): Promise<MintOutcome>
  /** Main's side, once the first file is written and masked: points the credential's consumer at it. */
  handOff(file: string, deps: HandOffDeps): Promise<void>
  /**
   * Post's side, with the content the renewer left in the file (hostile: read it defensively): ends what it holds
   * (revokes a token); what went wrong, in one line that never quotes the content, or undefined.
   */
  atJobEnd?(content: string, deps: JobEndDeps): Promise<string | undefined>
}

/**
 * Every secret in the content of a source's file: the whole content, and the parts the source names; none shorter
 * than a secret can be (RUNNER_TEMP is writable by every step: a planted "a" must not be masked everywhere).
 */
export const secretsOf = (source: RenewalSource, content: string): string[] =>
  [content.trim(), ...(source.secretsIn?.(content) ?? [])].filter(
    secret => secret.length >= MIN_SECRET
  )

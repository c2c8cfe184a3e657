import type { FixProblem } from './provider.js'

/** One kind of credential failure the post step reports: its name, its words, and its fix. */
export interface FailureKind {
  /** The finding's `kind`, in reports and the `scan` command's JSON: `anthropic-auth-expired`, `github-auth`, … */
  id: string
  /** Who failed, when the preflight's state does not name the credential: "the GitHub token". */
  credential: string
  /** The annotation's title. */
  title: string
  /** What the credential did, after its name: "The OAuth token expired". */
  verb: string
  /** What it became after the preflight found it valid: "It was valid at preflight, revoked since." */
  since: string
  /**
   * The credential's own fix for it (Provider.fix), used when the preflight's state names the credential that failed.
   * Absent for a credential the preflight does not check, whose failure always gets `fix`.
   */
  problem?: FixProblem
  /** An expiry: the post step compares its time with the expiry the preflight measured. */
  expiry?: boolean
  /** The fix when the preflight's state does not say which credential it was. */
  fix: string
  /** `warning`: reported as a warning that never fails the job (a usage limit says nothing about a credential). */
  severity?: 'warning'
}

/** What one phrasing means: its kind, and the status or message it implies when it says them. */
export interface PhrasingVerdict<Id extends string = string> {
  kind: Id
  status?: number
  /** Replaces the line as the finding's message (a reset time made readable). */
  message?: string
}

/**
 * One way a service or Claude Code words a failure. The recogniser (src/scan/text.ts) looks for it anywhere in a
 * line, after any prefix; the first phrasing of the table that matches decides.
 */
export interface Phrasing<Id extends string = string> {
  /** A literal the line must contain: no regex runs on a line that holds none of the table's anchors. */
  anchor: string
  pattern: RegExp
  /** The kind it means, or a reading of the match; undefined: it says nothing about a credential (no finding). */
  kind: Id | ((match: RegExpExecArray) => PhrasingVerdict<Id> | undefined)
  /** Where the wording comes from: the CLI's bundle, a provider's documentation, a public issue thread. */
  source: string
  /** Counts inside a sentence too (a near miss that vetoes the whole line); else only after a prefix. */
  inSentence?: true
}

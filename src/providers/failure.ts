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
}

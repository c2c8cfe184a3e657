/** What a cloud provider's check found out about the credential Claude Code will use, without spending tokens. */
export interface CloudCheck {
  status: 'valid' | 'invalid' | 'expired' | 'forbidden' | 'unverifiable'
  /** One line: what was asked, what answered, the fix. Server text clipped, secrets cut out. */
  message: string
  httpStatus?: number
  /** The service's id of the request, to quote to its support. */
  requestId?: string
  expiresAt?: Date
  /** Where `expiresAt` was read, for humans. */
  expirySource?: string
  /**
   * How the credential is minted again during the run, when it is: it then lasts the job, and `expiresAt` (if any) is
   * only its first one's end.
   */
  renewal?: string
  /** What exactly a valid answer proves, for the summary. */
  proves: string
  /** The settings are what is wrong (Claude Code would not start, or finds no credential), not a refusal. */
  misconfigured?: true
  /** Unverifiable because this step could not see what decides it (the Claude step's settings), not the network. */
  unseen?: true
  /** A non-secret name of who the credential is: an account and role, a service account, … */
  identity?: string
}

/** A result of a line, with what the service's answer says of itself. */
export type Reading = Omit<CloudCheck, 'proves'>

/** What one cloud credential check found, for the lead's provider table and the summary. */
export interface CloudCheck {
  status: 'valid' | 'invalid' | 'expired' | 'forbidden' | 'unverifiable'
  /** One line: the service's words (clipped, secrets cut out) or what went wrong on the way. */
  message: string
  httpStatus?: number
  /** The service's request id, to quote to its support. */
  requestId?: string
  expiresAt?: Date
  /** Where `expiresAt` comes from: a variable, an input, the credential itself. */
  expirySource?: string
  /** What exactly a valid answer proves, for the summary. */
  proves: string
  /** A non-secret name of who the credential is: an ARN, a service account's email. */
  identity?: string
}

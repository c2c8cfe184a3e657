import type { ProbeStatus } from '../providers/provider.js'

export interface ProbeResult {
  status: ProbeStatus
  /** The HTTP status of the last answer, when there was one. */
  httpStatus?: number
  /** The API's request id (`request-id` header or body), to quote to support. */
  requestId?: string
  /** The API's own message, or what went wrong on the way. */
  message: string
  attempts: number
  elapsedMs: number
}

// The state main saves for post (`core.getState('preflight')`), read defensively: absent, garbled or from an
// older version, it becomes undefined or loses the fields that do not make sense, never an exception.

export interface PreflightState {
  /** The input the credential came from: `claude-code-oauth-token`, `anthropic-api-key`, … */
  source?: string
  /** Human name of the credential: "OAuth token", "API key", … */
  label?: string
  /** `sk-ant-oat01:1a2b3c4d`: names the secret without revealing it. */
  fingerprint?: string
  /** The expiry the preflight measured, epoch ms. */
  expiresAt?: number
  /** When the preflight checked, epoch ms. */
  checkedAt?: number
  /** What the preflight concluded: `valid`, `expiring`, `unverifiable`, … */
  status?: string
}

const SAFE_TEXT = /^[\w .:/@()+-]{1,120}$/

export function parsePreflightState(raw: string | undefined): PreflightState | undefined {
  if (!raw || !raw.trim()) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  const state: PreflightState = {}
  for (const key of ['source', 'label', 'fingerprint', 'status'] as const) {
    const text = v[key]
    if (typeof text === 'string' && SAFE_TEXT.test(text)) state[key] = text
  }
  const expiresAt = time(v.expiresAt)
  if (expiresAt !== undefined) state.expiresAt = expiresAt
  const checkedAt = time(v.checkedAt)
  if (checkedAt !== undefined) state.checkedAt = checkedAt
  return Object.keys(state).length > 0 ? state : undefined
}

function time(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  if (typeof value !== 'string' || !value) return undefined
  const ms = /^\d{10,16}$/.test(value) ? Number(value) : Date.parse(value)
  return Number.isFinite(ms) && ms > 0 ? ms : undefined
}

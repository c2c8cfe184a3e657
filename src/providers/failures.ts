// Every kind of credential failure the post step reports, from the modules that own them.
import { ANTHROPIC_FAILURES } from './anthropic-failures.js'
import type { FailureKind } from './failure.js'
import { GITHUB_FAILURES } from './github-failures.js'

export const FAILURE_KINDS = [...ANTHROPIC_FAILURES, ...GITHUB_FAILURES] as const

export type FailureKindId = (typeof FAILURE_KINDS)[number]['id']

export function failureKind(id: FailureKindId): FailureKind {
  return FAILURE_KINDS.find(kind => kind.id === id) as FailureKind
}

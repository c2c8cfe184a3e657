// Every kind of credential failure the post step reports: each provider's, and the GitHub token's (which is not
// among the providers yet).
import type { FailureKind } from './failure.js'
import { GITHUB_FAILURES } from './github-failures.js'
import { PROVIDERS } from './index.js'

export type FailureKindId =
  (typeof PROVIDERS)[number]['failures'][number]['id'] | (typeof GITHUB_FAILURES)[number]['id']

export const FAILURE_KINDS: readonly FailureKind[] = [
  ...new Set([...PROVIDERS.flatMap(provider => provider.failures), ...GITHUB_FAILURES])
]

export function failureKind(id: FailureKindId): FailureKind {
  return FAILURE_KINDS.find(kind => kind.id === id) as FailureKind
}

// Every kind of failure the post step reports, and every phrasing that tells one: each provider's, and those of
// the credentials that are not among the providers yet (the GitHub token and OIDC, the clouds, usage limits).
import { ANTHROPIC_API_ERROR_PHRASINGS, ANTHROPIC_PHRASINGS } from './anthropic-failures.js'
import { AWS_FAILURES, AWS_PHRASINGS } from './aws-failures.js'
import { AZURE_FAILURES, AZURE_PHRASINGS } from './azure-failures.js'
import type { FailureKind, Phrasing } from './failure.js'
import { FEDERATION_FAILURES, FEDERATION_PHRASINGS } from './federation.js'
import { GCP_FAILURES, GCP_PHRASINGS } from './gcp-failures.js'
import { GITHUB_FAILURES, GITHUB_PHRASINGS } from './github-failures.js'
import { PROVIDERS } from './index.js'
import { USAGE_FAILURES, USAGE_PHRASINGS } from './usage-failures.js'

const OTHER_FAILURES = [
  ...FEDERATION_FAILURES,
  ...GITHUB_FAILURES,
  ...AWS_FAILURES,
  ...GCP_FAILURES,
  ...AZURE_FAILURES,
  ...USAGE_FAILURES
] as const

export type FailureKindId =
  (typeof PROVIDERS)[number]['failures'][number]['id'] | (typeof OTHER_FAILURES)[number]['id']

export const FAILURE_KINDS: readonly FailureKind[] = [
  ...new Set([
    ...PROVIDERS.flatMap((provider): readonly FailureKind[] => provider.failures),
    ...OTHER_FAILURES
  ])
]

export function failureKind(id: FailureKindId): FailureKind {
  return FAILURE_KINDS.find(kind => kind.id === id) as FailureKind
}

/** Reported as a warning, never failing the job. */
export function isWarningKind(id: FailureKindId): boolean {
  return failureKind(id).severity === 'warning'
}

/**
 * Every phrasing, in the order they are tried: the near misses that veto a line and the specific words first,
 * the API's generic error envelope last (a cloud's words inside `API Error: 403 …` are the cloud's).
 */
export const PHRASINGS: readonly Phrasing<FailureKindId>[] = [
  ...USAGE_PHRASINGS,
  ...FEDERATION_PHRASINGS,
  ...ANTHROPIC_PHRASINGS,
  ...AWS_PHRASINGS,
  ...GCP_PHRASINGS,
  ...AZURE_PHRASINGS,
  ...GITHUB_PHRASINGS,
  ...ANTHROPIC_API_ERROR_PHRASINGS
]

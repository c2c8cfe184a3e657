// Every renewal source, by kind: a source is one module (src/renew/source.ts). For the credential Claude Code calls
// the model with, the first source whose plan claims the run's route renews it.
import { AWS_SOURCE } from './aws.js'
import { AZURE_SOURCE } from './azure.js'
import { FEDERATION_SOURCE } from './federation.js'
import { GATEWAY_SOURCE } from './gateway.js'
import { GITHUB_SOURCE } from './github.js'
import type { RenewalSource } from './source.js'

export const SOURCES: readonly RenewalSource[] = [
  FEDERATION_SOURCE,
  GATEWAY_SOURCE,
  AWS_SOURCE,
  AZURE_SOURCE,
  GITHUB_SOURCE
]

export const sourceOf = (kind: unknown): RenewalSource | undefined =>
  SOURCES.find(source => source.kind === kind)

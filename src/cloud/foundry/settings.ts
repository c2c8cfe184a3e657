// Where Claude Code sends its Microsoft Foundry requests, and with which credential, as claude-code 2.1.328 decides
// (its bundle, and its Foundry client from @anthropic-ai/foundry-sdk; https://code.claude.com/docs/en/microsoft-foundry).
// The base URL is `ANTHROPIC_FOUNDRY_BASE_URL`, else `https://{ANTHROPIC_FOUNDRY_RESOURCE}.services.ai.azure.com/anthropic`;
// with both set the client refuses to start ("baseURL and resource are mutually exclusive"), with neither too. The
// credential: a non-empty `ANTHROPIC_FOUNDRY_AUTH_TOKEN`, sent as `Authorization: Bearer`; else
// `ANTHROPIC_FOUNDRY_API_KEY`, sent as `x-api-key`; else, unless `CLAUDE_CODE_SKIP_FOUNDRY_AUTH` (a gateway signs
// the requests), the Azure SDK's DefaultAzureCredential for the scope `https://cognitiveservices.azure.com/.default`,
// as `Authorization: Bearer`. Seen with the real CLI against a stand-in: the key as x-api-key, the token winning over
// the key, both URL variables refused, and requests to `{base}/v1/messages`.

/** The scope Claude Code asks the Azure credential chain for. */
export const FOUNDRY_SCOPE = 'https://cognitiveservices.azure.com/.default'

/** The model Claude Code asks Foundry for when nothing names another (its default, seen with the real CLI). */
const DEFAULT_MODEL = 'claude-sonnet-4-5'

/** A Foundry resource name as Claude Code accepts it: 2–64 letters, digits and hyphens, no hyphen at either end. */
const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}[A-Za-z0-9]$/

export type FoundryCredential =
  | { kind: 'auth-token'; token: string }
  | { kind: 'api-key'; key: string }
  | { kind: 'azure' }
  | { kind: 'skipped' }

export interface FoundrySettings {
  /** The base URL without a trailing slash; requests go to `{baseUrl}/v1/...`. */
  baseUrl: string
  /** Which variable gave it. */
  baseUrlFrom: 'ANTHROPIC_FOUNDRY_BASE_URL' | 'ANTHROPIC_FOUNDRY_RESOURCE'
  credential: FoundryCredential
  /** The model (a deployment name on Foundry) the probe counts tokens for. */
  model: string
}

const set = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== ''

/** The settings Claude Code will run on, or why it will not start (one line with the fix). */
export function readFoundrySettings(env: NodeJS.ProcessEnv): FoundrySettings | { problem: string } {
  const baseUrl = env.ANTHROPIC_FOUNDRY_BASE_URL?.trim()
  const resource = env.ANTHROPIC_FOUNDRY_RESOURCE?.trim()
  if (set(baseUrl) && set(resource))
    return {
      problem:
        'ANTHROPIC_FOUNDRY_BASE_URL and ANTHROPIC_FOUNDRY_RESOURCE are both set, and Claude Code then refuses to start ("baseURL and resource are mutually exclusive"): keep only one'
    }
  if (set(resource) && !RESOURCE_NAME.test(resource))
    return {
      problem:
        'ANTHROPIC_FOUNDRY_RESOURCE must be a Foundry resource name (2-64 letters, digits and hyphens, not starting or ending with a hyphen), not a URL or host name: for a full URL set ANTHROPIC_FOUNDRY_BASE_URL instead'
    }
  if (!set(baseUrl) && !set(resource))
    return {
      problem:
        'neither ANTHROPIC_FOUNDRY_RESOURCE nor ANTHROPIC_FOUNDRY_BASE_URL is set, and Claude Code needs one to reach Foundry: set ANTHROPIC_FOUNDRY_RESOURCE to the resource name'
    }
  return {
    ...(set(baseUrl)
      ? { baseUrl: baseUrl.replace(/\/+$/, ''), baseUrlFrom: 'ANTHROPIC_FOUNDRY_BASE_URL' as const }
      : {
          baseUrl: `https://${resource}.services.ai.azure.com/anthropic`,
          baseUrlFrom: 'ANTHROPIC_FOUNDRY_RESOURCE' as const
        }),
    credential: credentialOf(env),
    model:
      env.ANTHROPIC_MODEL?.trim() || env.ANTHROPIC_DEFAULT_SONNET_MODEL?.trim() || DEFAULT_MODEL
  }
}

function credentialOf(env: NodeJS.ProcessEnv): FoundryCredential {
  const token = env.ANTHROPIC_FOUNDRY_AUTH_TOKEN
  if (set(token)) return { kind: 'auth-token', token: token.trim() }
  const key = env.ANTHROPIC_FOUNDRY_API_KEY
  if (set(key)) return { kind: 'api-key', key: key.trim() }
  if (set(env.CLAUDE_CODE_SKIP_FOUNDRY_AUTH)) return { kind: 'skipped' }
  return { kind: 'azure' }
}

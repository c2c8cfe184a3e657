// Where Claude Code sends its Vertex AI requests, and for which project, as @anthropic-ai/claude-code 2.1.328 decides
// (its bundle, and the requests it was seen to send to a stand-in). The region: the model's `VERTEX_REGION_*`, else
// `CLOUD_ML_REGION`, else us-east5; a value that is not a region name is passed over. The base URL:
// `ANTHROPIC_VERTEX_BASE_URL` whole (it ends in `/v1`), else `https://{region}-aiplatform.googleapis.com/v1`
// (`aiplatform.googleapis.com` for `global`, `aiplatform.{us,eu}.rep.googleapis.com` for `us` and `eu`)
// (@anthropic-ai/vertex-sdk src/client.ts). The project: `ANTHROPIC_VERTEX_PROJECT_ID`, else the credentials' own
// (`project_id` of a service account key, else their `quota_project_id`): the Vertex SDK takes no other, whatever
// GCLOUD_PROJECT or GOOGLE_CLOUD_PROJECT say (with all three set, the CLI calls ANTHROPIC_VERTEX_PROJECT_ID's project;
// with only the other two, it fails "No projectId was given": __tests__/claude-cli-values.test.ts pins it, and 2.1.332
// does the same).

/** Claude Code's default model on Vertex AI (claude-code 2.1.328, seen in its requests): the count's model. */
export const DEFAULT_VERTEX_MODEL = 'claude-opus-5-5'
const DEFAULT_REGION = 'us-east5'
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+){0,4}$/i

/** The per-model region variables, by the model's name prefix, most specific first (claude-code 2.1.328). */
const MODEL_REGIONS: ReadonlyArray<readonly [string, string]> = [
  ['claude-3-5-sonnet', 'VERTEX_REGION_CLAUDE_3_5_SONNET'],
  ['claude-3-7-sonnet', 'VERTEX_REGION_CLAUDE_3_7_SONNET'],
  ['claude-sonnet-4-5', 'VERTEX_REGION_CLAUDE_4_5_SONNET'],
  ['claude-sonnet-4-6', 'VERTEX_REGION_CLAUDE_4_6_SONNET'],
  ['claude-sonnet-5-5', 'VERTEX_REGION_CLAUDE_5_5_SONNET'],
  ['claude-3-5-haiku', 'VERTEX_REGION_CLAUDE_3_5_HAIKU'],
  ['claude-haiku-4-5', 'VERTEX_REGION_CLAUDE_HAIKU_4_5'],
  ['claude-haiku-5-5', 'VERTEX_REGION_CLAUDE_HAIKU_5_5'],
  ['claude-opus-4-1', 'VERTEX_REGION_CLAUDE_4_1_OPUS'],
  ['claude-opus-4-5', 'VERTEX_REGION_CLAUDE_4_5_OPUS'],
  ['claude-opus-4-6', 'VERTEX_REGION_CLAUDE_4_6_OPUS'],
  ['claude-opus-4-7', 'VERTEX_REGION_CLAUDE_4_7_OPUS'],
  ['claude-opus-4-8', 'VERTEX_REGION_CLAUDE_4_8_OPUS'],
  ['claude-opus-5-5', 'VERTEX_REGION_CLAUDE_5_5_OPUS'],
  ['claude-sonnet-4', 'VERTEX_REGION_CLAUDE_4_0_SONNET'],
  ['claude-sonnet-5', 'VERTEX_REGION_CLAUDE_5_SONNET'],
  ['claude-opus-4', 'VERTEX_REGION_CLAUDE_4_0_OPUS'],
  ['claude-opus-5', 'VERTEX_REGION_CLAUDE_5_OPUS']
]

export interface VertexTarget {
  model: string
  region: string
  /** Which variable set the region, for messages: `CLOUD_ML_REGION`, `VERTEX_REGION_…`, or the default. */
  regionFrom: string
  /** Up to `/v1`, without a trailing slash. */
  baseUrl: string
}

const validRegion = (value: string | undefined) => {
  const region = value?.trim()
  return region && REGION.test(region) ? region : undefined
}

/** The model, region and base URL of Claude Code's Vertex requests under `env`. */
export function vertexTarget(env: NodeJS.ProcessEnv): VertexTarget {
  const model = env.ANTHROPIC_MODEL?.trim() || DEFAULT_VERTEX_MODEL
  const perModel = MODEL_REGIONS.find(([prefix]) => model.startsWith(prefix))?.[1]
  const [region, regionFrom] =
    perModel && validRegion(env[perModel])
      ? [validRegion(env[perModel])!, perModel]
      : validRegion(env.CLOUD_ML_REGION)
        ? [validRegion(env.CLOUD_ML_REGION)!, 'CLOUD_ML_REGION']
        : [
            DEFAULT_REGION,
            `Claude Code's default${env.CLOUD_ML_REGION ? `: CLOUD_ML_REGION is not a region name` : ', CLOUD_ML_REGION unset'}`
          ]
  return { model, region, regionFrom, baseUrl: vertexBaseUrl(env, region) }
}

function vertexBaseUrl(env: NodeJS.ProcessEnv, region: string): string {
  const moved = env.ANTHROPIC_VERTEX_BASE_URL?.trim().replace(/\/+$/, '')
  if (moved) return moved
  if (region === 'global') return 'https://aiplatform.googleapis.com/v1'
  if (region === 'us' || region === 'eu')
    return `https://aiplatform.${region}.rep.googleapis.com/v1`
  return `https://${region}-aiplatform.googleapis.com/v1`
}

/** The count-tokens endpoint of Anthropic's models in `project` (free; needs aiplatform.endpoints.predict). */
export function countTokensUrl(target: VertexTarget, project: string): string {
  return `${target.baseUrl}/projects/${encodeURIComponent(project)}/locations/${target.region}/publishers/anthropic/models/count-tokens:rawPredict`
}

/** The project Claude Code will call, and where it came from; undefined when it has none. */
export function vertexProject(
  env: NodeJS.ProcessEnv,
  file?: { project_id?: unknown; quota_project_id?: unknown }
): { project: string; from: string } | undefined {
  const named = env.ANTHROPIC_VERTEX_PROJECT_ID?.trim()
  if (named) return { project: named, from: 'ANTHROPIC_VERTEX_PROJECT_ID' }
  for (const key of ['project_id', 'quota_project_id'] as const) {
    const value = file?.[key]
    if (typeof value === 'string' && value.trim())
      return { project: value.trim(), from: `the credentials file's ${key}` }
  }
  return undefined
}

/** Where Application Default Credentials are read: GOOGLE_APPLICATION_CREDENTIALS, else gcloud's own file. */
export function credentialsFilePath(
  env: NodeJS.ProcessEnv,
  home: string
): { path: string; from: string } {
  const named = env.GOOGLE_APPLICATION_CREDENTIALS?.trim()
  if (named) return { path: named, from: 'GOOGLE_APPLICATION_CREDENTIALS' }
  const config = env.CLOUDSDK_CONFIG?.trim() || `${home}/.config/gcloud`
  return {
    path: `${config}/application_default_credentials.json`,
    from: "gcloud's application default credentials"
  }
}

/** GitHub's own limit for a job that sets no `timeout-minutes`. */
export const DEFAULT_JOB_TIMEOUT_MINUTES = 360

/**
 * The largest workflow file read. Real ones are a few KiB; this bounds the parse (below) to well under a second on a
 * loaded 2-core runner.
 */
export const MAX_WORKFLOW_BYTES = 256 * 1024

/**
 * A workflow file's document; undefined when it does not parse. Duplicate-key checks cost quadratic time in a mapping's
 * size (40,000 keys: 40 s) and GitHub refuses such a workflow anyway; aliases are capped against expansion bombs.
 */
export async function parseWorkflow(workflowYaml: string): Promise<unknown> {
  try {
    // Imported here: only a job's own workflow needs a YAML parser, and it is a third of the main step's start-up.
    return (await import('yaml')).parse(workflowYaml, { uniqueKeys: false, maxAliasCount: 100 })
  } catch {
    return undefined
  }
}

/**
 * The `timeout-minutes` of job `jobId` in a parsed workflow, when it is a plain number. Undefined when the job is not
 * there or the value is an expression.
 */
export function jobTimeoutMinutes(document: unknown, jobId: string): number | undefined {
  const job = (document as { jobs?: Record<string, unknown> } | null)?.jobs?.[jobId]
  return plainMinutes((job as { 'timeout-minutes'?: unknown } | undefined)?.['timeout-minutes'])
}

/** The `timeout-minutes` of the step at `index` of job `jobId`, when it is a plain number. */
export function stepTimeoutMinutes(
  document: unknown,
  jobId: string,
  index: number
): number | undefined {
  const job = (document as { jobs?: Record<string, unknown> } | null)?.jobs?.[jobId]
  const steps = (job as { steps?: unknown } | undefined)?.steps
  const step = Array.isArray(steps)
    ? (steps[index] as Record<string, unknown> | undefined)
    : undefined
  return plainMinutes(step?.['timeout-minutes'])
}

function plainMinutes(value: unknown): number | undefined {
  const minutes = typeof value === 'string' ? Number(value) : value
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0
    ? minutes
    : undefined
}

export interface WorkflowRef {
  owner: string
  repo: string
  path: string
  ref: string
}

/** Splits `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/ci.yml@refs/heads/main`). */
export function parseWorkflowRef(value: string | undefined): WorkflowRef | undefined {
  const match = /^([^/]+)\/([^/]+)\/(.+?)@(.+)$/.exec(value ?? '')
  if (!match) return undefined
  const [, owner, repo, path, ref] = match as unknown as [string, string, string, string, string]
  return { owner, repo, path, ref }
}

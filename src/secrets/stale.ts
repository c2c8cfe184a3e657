import type { GitHubRequest } from '../github/client.js'

/**
 * When this job's secrets were read. The runner receives `secrets.*` when the job starts, so the job's `started_at`
 * (jobs of this run attempt, matched by runner name) is the instant; with no access to that list (it needs
 * "Actions: read"), the start of this process, which is later than the true instant: a rotation between the job's
 * start and this step is then missed (the token endpoint's invalid_grant still reports it).
 */
export async function secretsReadAt(
  apis: GitHubRequest[],
  env: NodeJS.ProcessEnv,
  processStart: Date
): Promise<{ at: Date; source: 'job' | 'process' }> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const runId = env.GITHUB_RUN_ID
  if (owner && repo && runId) {
    for (const api of apis) {
      try {
        const answer = await api(
          'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
          {
            owner,
            repo,
            run_id: runId,
            attempt_number: env.GITHUB_RUN_ATTEMPT || '1',
            per_page: 100
          }
        )
        if (answer.status !== 200) continue
        const jobs: Array<{ status?: string; started_at?: string; runner_name?: string | null }> =
          answer.data?.jobs ?? []
        const mine = jobs.filter(job => job.status === 'in_progress' && job.started_at)
        const job =
          mine.find(j => env.RUNNER_NAME && j.runner_name === env.RUNNER_NAME) ??
          (mine.length === 1 ? mine[0] : undefined)
        const at = job?.started_at ? new Date(job.started_at) : undefined
        if (at && !Number.isNaN(at.getTime())) return { at, source: 'job' }
      } catch {
        // API not reachable: try the next token, then fall back
      }
    }
  }
  return { at: processStart, source: 'process' }
}

/**
 * Whether a secret last written at `updatedAt` (GitHub's time, to the second) may have changed after this job read it
 * at `readAt`. Errs towards "stale": a write within the same second counts, and `skewMs` covers clocks that differ.
 */
export function changedSince(updatedAt: string, readAt: Date, skewMs = 0): boolean {
  const updated = Date.parse(updatedAt)
  if (Number.isNaN(updated)) return false
  return updated + 1000 + skewMs > readAt.getTime()
}

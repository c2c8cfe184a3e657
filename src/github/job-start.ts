import type { GitHubRequest } from './client.js'

/**
 * When this job started: its `started_at` among the jobs of this run attempt (matched by runner name), read with the
 * first of `apis` that may list them ("Actions: read"); else `processStart`, which is later than the true instant.
 */
export async function jobStartedAt(
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

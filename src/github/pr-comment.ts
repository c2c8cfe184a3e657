// One comment per pull request, found again by a hidden marker and updated in place, never duplicated.
import { readFileSync } from 'node:fs'

export interface PullRequest {
  owner: string
  repo: string
  number: number
}

/** The subset of an Octokit client this needs (so tests can pass the real one against a stand-in). */
export interface IssuesApi {
  rest: {
    issues: {
      listComments(params: {
        owner: string
        repo: string
        issue_number: number
        per_page?: number
        page?: number
        request?: { signal?: AbortSignal }
      }): Promise<{ data: Array<{ id: number; body?: string | null }> }>
      createComment(params: {
        owner: string
        repo: string
        issue_number: number
        body: string
        request?: { signal?: AbortSignal }
      }): Promise<{ data: { id: number; html_url?: string } }>
      updateComment(params: {
        owner: string
        repo: string
        comment_id: number
        body: string
        request?: { signal?: AbortSignal }
      }): Promise<{ data: { id: number; html_url?: string } }>
    }
  }
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url?: string }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped' }

const PAGE = 100
const MAX_PAGES = 30

/**
 * Creates the comment, or updates the one carrying `marker`. With `onlyUpdate` (nothing to report), an
 * existing comment is updated but none is created.
 */
export async function upsertComment(
  api: IssuesApi,
  pr: PullRequest,
  marker: string,
  body: string,
  options: { onlyUpdate?: boolean; timeoutMs?: number } = {}
): Promise<CommentOutcome> {
  const request = () => ({ signal: AbortSignal.timeout(options.timeoutMs ?? 20_000) })
  const base = { owner: pr.owner, repo: pr.repo }
  let existing: { id: number; body?: string | null } | undefined
  for (let page = 1; page <= MAX_PAGES && !existing; page++) {
    const { data } = await api.rest.issues.listComments({
      ...base,
      issue_number: pr.number,
      per_page: PAGE,
      page,
      request: request()
    })
    existing = data.find(comment => comment.body?.includes(marker))
    if (data.length < PAGE) break
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id }
    const { data } = await api.rest.issues.updateComment({
      ...base,
      comment_id: existing.id,
      body,
      request: request()
    })
    return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) }
  }
  if (options.onlyUpdate) return { action: 'skipped' }
  const { data } = await api.rest.issues.createComment({
    ...base,
    issue_number: pr.number,
    body,
    request: request()
  })
  return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) }
}

/**
 * The pull request this run belongs to, from GITHUB_REPOSITORY and the event payload: `pull_request` /
 * `pull_request_target` events, and `issue_comment` / review events on a pull request.
 */
export function pullRequestFromEnv(env: NodeJS.ProcessEnv): PullRequest | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || !env.GITHUB_EVENT_PATH) return undefined
  let payload: Record<string, unknown>
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
  const pr = payload.pull_request as { number?: unknown } | undefined
  if (pr && typeof pr.number === 'number') return { owner, repo, number: pr.number }
  const issue = payload.issue as { number?: unknown; pull_request?: unknown } | undefined
  if (issue && issue.pull_request && typeof issue.number === 'number') {
    return { owner, repo, number: issue.number }
  }
  return undefined
}

/** The HTTP status of an Octokit error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}

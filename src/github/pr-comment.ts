// One comment per pull request, found again by a hidden marker and updated in place, never duplicated.
import { readFileSync } from 'node:fs'
import { apiMessage, networkErrorOf, type ApiAnswer } from '../secrets/api.js'

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
  const timeoutMs = options.timeoutMs ?? 20_000
  const base = { owner: pr.owner, repo: pr.repo }
  let existing: { id: number; body?: string | null } | undefined
  for (let page = 1; page <= MAX_PAGES && !existing; page++) {
    const { data } = await call('reading the comments', timeoutMs, request =>
      api.rest.issues.listComments({
        ...base,
        issue_number: pr.number,
        per_page: PAGE,
        page,
        request
      })
    )
    if (!Array.isArray(data)) {
      throw new CommentApiError(
        `reading the comments: the GitHub API answered without the JSON list (cut off, or not GitHub's)`
      )
    }
    existing = data.find(comment => comment.body?.includes(marker))
    if (data.length < PAGE) break
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id }
    const id = existing.id
    const { data } = await call('updating the comment', timeoutMs, request =>
      api.rest.issues.updateComment({ ...base, comment_id: id, body, request })
    )
    return {
      action: 'updated',
      id: data?.id ?? id,
      ...(data?.html_url ? { url: data.html_url } : {})
    }
  }
  if (options.onlyUpdate) return { action: 'skipped' }
  const { data } = await call('creating the comment', timeoutMs, request =>
    api.rest.issues.createComment({ ...base, issue_number: pr.number, body, request })
  )
  return { action: 'created', id: data?.id, ...(data?.html_url ? { url: data.html_url } : {}) }
}

/** A comment call that failed, in one line; `status` is the HTTP status when the API answered. */
export class CommentApiError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'CommentApiError'
  }
}

/** One API call with its own deadline; an octokit error becomes a CommentApiError that says what happened. */
async function call<T>(
  what: string,
  timeoutMs: number,
  request: (options: { signal: AbortSignal }) => Promise<T>
): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    return await request({ signal })
  } catch (error) {
    const response = (error as { response?: ApiAnswer }).response
    if (response && typeof response.status === 'number') {
      const said = apiMessage({ ...response, headers: response.headers ?? {} })
      // src/action/post.ts says "lacks permission (HTTP 403: …)" itself for these two.
      const forbidden = response.status === 403 || response.status === 404
      throw new CommentApiError(
        forbidden ? said : `${what}: the GitHub API answered HTTP ${response.status} ${said}`,
        response.status
      )
    }
    const url = (error as { request?: { url?: unknown } }).request?.url
    const host = typeof url === 'string' ? new URL(url).host : 'the GitHub API'
    throw new CommentApiError(`${what}: ${networkErrorOf(error, host, signal).message}`)
  }
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

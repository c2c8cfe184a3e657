// One comment per pull request, found again by the hidden marker it starts with and by its author, the token's own
// login, and updated in place: never anyone else's comment, whatever it quotes. The calls go through a GitHubRequest
// (src/github/client.ts), which maps answers and network failures once for the action.
import { readFileSync } from 'node:fs'
import { apiMessage, type ApiAnswer, type GitHubRequest } from './client.js'

export interface PullRequest {
  owner: string
  repo: string
  number: number
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number; url?: string }
  | { action: 'unchanged'; id: number }
  | { action: 'skipped' }

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

const PAGE = 100
const MAX_PAGES = 30

/**
 * The author of comments written with the workflow's GITHUB_TOKEN. An installation token (GITHUB_TOKEN, a GitHub
 * App's) cannot read `GET /user`: GitHub answers 403 "Resource not accessible by integration"
 * (https://docs.github.com/rest/users/users#get-the-authenticated-user).
 */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]'

interface IssueComment {
  id: number
  body?: string | null
  user?: { login?: unknown } | null
}

/**
 * The login the token writes comments as: its user's (`GET /user`, a personal access token), else, for an
 * installation token, the GITHUB_TOKEN's bot. A GitHub App's token then finds no comment of its own and adds one
 * per run rather than take over another's. Throws a CommentApiError.
 */
export async function commenterLogin(api: GitHubRequest): Promise<string> {
  const answer = await send("reading the token's user", api, 'GET /user', {})
  const login = (answer.data as { login?: unknown } | undefined)?.login
  if (answer.status >= 200 && answer.status < 300 && typeof login === 'string') return login
  if (answer.status === 403) return GITHUB_TOKEN_LOGIN
  throw failure("reading the token's user", answer)
}

/**
 * Creates the comment, or updates the token's own that starts with `marker`. With `onlyUpdate` (nothing to
 * report), an existing comment is updated but none is created. Throws a CommentApiError.
 */
export async function upsertComment(
  api: GitHubRequest,
  pr: PullRequest,
  marker: string,
  body: string,
  options: { onlyUpdate?: boolean } = {}
): Promise<CommentOutcome> {
  const base = { owner: pr.owner, repo: pr.repo }
  const login = await commenterLogin(api)
  const own = (comment: IssueComment | null) =>
    comment?.user?.login === login && comment.body?.startsWith(marker) === true
  let existing: IssueComment | undefined
  for (let page = 1; page <= MAX_PAGES && !existing; page++) {
    const data: unknown = await call(
      'reading the comments',
      api,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { ...base, issue_number: pr.number, per_page: PAGE, page }
    )
    if (!Array.isArray(data)) {
      throw new CommentApiError(
        `reading the comments: the GitHub API answered without the JSON list (cut off, or not GitHub's)`
      )
    }
    existing = (data as Array<IssueComment | null>).find(own) ?? undefined
    if (data.length < PAGE) break
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id }
    const id = existing.id
    const data = (await call(
      'updating the comment',
      api,
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { ...base, comment_id: id, body }
    )) as { id?: number; html_url?: string } | undefined
    return { action: 'updated', id: data?.id ?? id, ...urlOf(data) }
  }
  if (options.onlyUpdate) return { action: 'skipped' }
  const data = (await call(
    'creating the comment',
    api,
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...base, issue_number: pr.number, body }
  )) as { id?: number; html_url?: string } | undefined
  return { action: 'created', id: data?.id as number, ...urlOf(data) }
}

function urlOf(data: { html_url?: unknown } | undefined): { url?: string } {
  return typeof data?.html_url === 'string' ? { url: data.html_url } : {}
}

/** One call's answer, whatever its status; no answer becomes a CommentApiError. */
async function send(
  what: string,
  api: GitHubRequest,
  route: string,
  params: Record<string, unknown>
): Promise<ApiAnswer> {
  try {
    return await api(route, params)
  } catch (error) {
    // A NetworkError: no answer came (its message names the failure and the host).
    throw new CommentApiError(`${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** One call: its data on a 2xx answer; any other answer, or none, becomes a CommentApiError saying what happened. */
async function call(
  what: string,
  api: GitHubRequest,
  route: string,
  params: Record<string, unknown>
): Promise<unknown> {
  const answer = await send(what, api, route, params)
  if (answer.status >= 200 && answer.status < 300) return answer.data as unknown
  throw failure(what, answer)
}

/** A CommentApiError for an answer that is not a success. */
function failure(what: string, answer: ApiAnswer): CommentApiError {
  const said = apiMessage(answer)
  // src/action/post.ts says "lacks permission (HTTP 403: …)" itself for these two.
  const forbidden = answer.status === 403 || answer.status === 404
  return new CommentApiError(
    forbidden ? said : `${what}: the GitHub API answered HTTP ${answer.status} ${said}`,
    answer.status
  )
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

// Issue (pull request) comments for the GitHub stand-in (stand-ins/github.js):
//   GET   /user                                       the token's user; 403 for an installation token
//   GET   /repos/{o}/{r}/issues/{n}/comments?per_page=&page=
//   POST  /repos/{o}/{r}/issues/{n}/comments          {body}
//   PATCH /repos/{o}/{r}/issues/comments/{id}         {body}
// State: `state.comments` ({ "o/r#n": [{id, body, …}] }), `state.nextCommentId`; `state.commentsReadOnly`
// answers writes with 403 "Resource not accessible by integration" (a GITHUB_TOKEN without
// `pull-requests: write`), `state.commentsForbidden` answers every comment request with it; a body over 65,536
// characters gets GitHub's 422.
// Who a token is: `state.users` ({ token: login }) for personal access tokens; any other token is an installation
// token, of the app `state.apps[token]` (slug), GITHUB_TOKEN's `github-actions` by default. Comments carry their
// author as GitHub does (`user.login`, `user.type`, `performed_via_github_app` for an app), and, as on GitHub, a
// token that may write comments may edit anyone's.

/** GitHub's answer to `GET /user` with an installation token. */
const NOT_A_USER = {
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
    status: '403'
  }
}

const FORBIDDEN = {
  status: 403,
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '403'
  }
}

/** GitHub refuses a comment body over 65,536 characters. */
const MAX_BODY = 65_536

function tooLong(body) {
  return typeof body?.body === 'string' && [...body.body].length > MAX_BODY
    ? {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)'
            }
          ]
        }
      }
    : undefined
}

/** The `user` (and app) a comment written with `token` carries. */
export function authorOf(state, token) {
  const login = state.users?.[token]
  if (login) {
    return { user: { login, id: idOf(login), type: 'User' }, performed_via_github_app: null }
  }
  const slug = state.apps?.[token] ?? 'github-actions'
  return {
    user: { login: `${slug}[bot]`, id: idOf(slug), type: 'Bot' },
    performed_via_github_app: { id: idOf(`app ${slug}`), slug, name: slug }
  }
}

function idOf(name) {
  return [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 100_000_000, 7)
}

function comment(state, owner, repo, number, id, body, token) {
  const now = new Date().toISOString()
  return {
    id,
    node_id: `IC_${id}`,
    url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
    issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${number}`,
    body,
    ...authorOf(state, token),
    created_at: now,
    updated_at: now,
    author_association: 'NONE'
  }
}

export const issuesRoutes = [
  {
    method: 'GET',
    path: /^\/user$/,
    handle({ state, token }) {
      const login = state.users?.[token]
      return login ? { status: 200, body: { login, id: idOf(login), type: 'User' } } : NOT_A_USER
    }
  },
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    handle({ match, state, query }) {
      if (state.commentsForbidden) return FORBIDDEN
      const [, owner, repo, number] = match
      const all = state.comments?.[`${owner}/${repo}#${number}`] ?? []
      const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100)
      const page = Math.max(Number(query.get('page') ?? 1) || 1, 1)
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage) }
    }
  },
  {
    method: 'POST',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    handle({ match, state, body, token }) {
      if (state.commentsForbidden || state.commentsReadOnly) return FORBIDDEN
      const refused = tooLong(body)
      if (refused) return refused
      if (typeof body?.body !== 'string' || !body.body) {
        return {
          status: 422,
          body: { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing' }] }
        }
      }
      const [, owner, repo, number] = match
      state.comments ??= {}
      state.nextCommentId ??= 1000
      const key = `${owner}/${repo}#${number}`
      const created = comment(state, owner, repo, number, state.nextCommentId++, body.body, token)
      ;(state.comments[key] ??= []).push(created)
      return { status: 201, body: created }
    }
  },
  {
    method: 'PATCH',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    handle({ match, state, body }) {
      if (state.commentsForbidden || state.commentsReadOnly) return FORBIDDEN
      const refused = tooLong(body)
      if (refused) return refused
      const [, owner, repo, id] = match
      for (const [key, list] of Object.entries(state.comments ?? {})) {
        if (!key.startsWith(`${owner}/${repo}#`)) continue
        const found = list.find(c => c.id === Number(id))
        if (!found) continue
        found.body = body?.body ?? found.body
        found.updated_at = new Date().toISOString()
        return { status: 200, body: found }
      }
      return { status: 404, body: { message: 'Not Found', status: '404' } }
    }
  }
]

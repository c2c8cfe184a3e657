// Routes for the GitHub stand-in (github.js): git commits and refs (https://docs.github.com/rest/git), enough for a
// lock that lives in GitHub: create a ref (422 "Reference already exists" on conflict), read it, move it
// fast-forward only (422 "Update is not a fast forward") and delete it.
//
// state.git: { commits: { [sha]: { message, tree, parents: string[] } }, refs: { ['o/r']: { [ref]: sha } } }
import { createHash } from 'node:crypto'

const unprocessable = message => ({
  status: 422,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: '422' }
})

function git(state) {
  state.git ??= {}
  state.git.commits ??= {}
  state.git.refs ??= {}
  return state.git
}

/**
 * Adds a commit (say, the run's GITHUB_SHA) and returns its sha.
 * @param {any} state
 * @param {{message?: string, tree?: string, parents?: string[], sha?: string}} [options]
 * @returns {string}
 */
export function seedCommit(
  state,
  { message = 'initial', tree = 'a'.repeat(40), parents = [], sha } = {}
) {
  const id =
    sha ??
    createHash('sha1')
      .update(`${message}\0${tree}\0${parents.join(',')}\0${Math.random()}`)
      .digest('hex')
  git(state).commits[id] = { message, tree, parents }
  return id
}

function isAncestor(commits, ancestor, of) {
  const seen = new Set()
  const queue = [of]
  while (queue.length) {
    const sha = queue.shift()
    if (sha === ancestor) return true
    if (seen.has(sha)) continue
    seen.add(sha)
    queue.push(...(commits[sha]?.parents ?? []))
  }
  return false
}

const repoKey = match => `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`
const refOf = encoded => decodeURIComponent(encoded)

export const refsRoutes = [
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/commits\/([0-9a-f]{40})$/,
    handle({ match, state }) {
      const commit = git(state).commits[match[3]]
      if (!commit) return { status: 404, body: { message: 'Not Found', status: '404' } }
      return {
        status: 200,
        body: {
          sha: match[3],
          message: commit.message,
          tree: { sha: commit.tree },
          parents: commit.parents.map(sha => ({ sha }))
        }
      }
    }
  },
  {
    method: 'POST',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/commits$/,
    handle({ state, body }) {
      if (typeof body?.message !== 'string' || typeof body?.tree !== 'string')
        return unprocessable('Invalid request.')
      const parents = body.parents ?? []
      for (const parent of parents)
        if (!git(state).commits[parent]) return unprocessable('Parent SHA does not exist')
      const sha = seedCommit(state, { message: body.message, tree: body.tree, parents })
      return {
        status: 201,
        body: {
          sha,
          message: body.message,
          tree: { sha: body.tree },
          parents: parents.map(p => ({ sha: p }))
        }
      }
    }
  },
  {
    method: 'POST',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/refs$/,
    handle({ match, state, body }) {
      const ref = body?.ref
      if (typeof ref !== 'string' || !ref.startsWith('refs/') || ref.split('/').length < 3) {
        return unprocessable('Reference name is invalid')
      }
      if (!git(state).commits[body.sha]) return unprocessable('Object does not exist')
      const refs = (git(state).refs[repoKey(match)] ??= {})
      if (refs[ref]) return unprocessable('Reference already exists')
      refs[ref] = body.sha
      return { status: 201, body: { ref, object: { sha: body.sha, type: 'commit' } } }
    }
  },
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/ref\/(.+)$/,
    handle({ match, state }) {
      const ref = `refs/${refOf(match[3])}`
      const sha = git(state).refs[repoKey(match)]?.[ref]
      if (!sha) return { status: 404, body: { message: 'Not Found', status: '404' } }
      return { status: 200, body: { ref, object: { sha, type: 'commit' } } }
    }
  },
  {
    method: 'PATCH',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/refs\/(.+)$/,
    handle({ match, state, body }) {
      const ref = `refs/${refOf(match[3])}`
      const refs = git(state).refs[repoKey(match)] ?? {}
      const current = refs[ref]
      if (!current) return unprocessable('Reference does not exist')
      if (!git(state).commits[body?.sha]) return unprocessable('Object does not exist')
      if (!body.force && !isAncestor(git(state).commits, current, body.sha))
        return unprocessable('Update is not a fast forward')
      refs[ref] = body.sha
      return { status: 200, body: { ref, object: { sha: body.sha, type: 'commit' } } }
    }
  },
  {
    method: 'DELETE',
    path: /^\/repos\/([^/]+)\/([^/]+)\/git\/refs\/(.+)$/,
    handle({ match, state }) {
      const ref = `refs/${refOf(match[3])}`
      const refs = git(state).refs[repoKey(match)] ?? {}
      if (!refs[ref]) return unprocessable('Reference does not exist')
      delete refs[ref]
      return { status: 204 }
    }
  }
]

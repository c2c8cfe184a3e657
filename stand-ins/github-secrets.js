// Routes for the GitHub stand-in (github.js): Actions secrets at repo, environment and org scope, as documented at
// https://docs.github.com/rest/actions/secrets. Each scope has a real libsodium keypair; a PUT really opens the sealed
// box with the private key, so a test can read back what was stored. `updated_at` has GitHub's one-second precision.
// Also the jobs of a workflow-run attempt (the job's `started_at`), which the action reads to know when its secrets
// were read.
//
// state.secrets: { [scopeKey]: { [NAME]: { value, created_at, updated_at, visibility?, selected?: number[] } } }
// state.keys: { [scopeKey]: { key_id, publicKey, privateKey } } (created on first use)
// state.secretWriters: tokens allowed to write secrets (others get 403, like GITHUB_TOKEN); default: any token
// state.jobs: { [`${runId}/${attempt}`]: [{ id, name, status, started_at, runner_name }] }
import sodium from 'libsodium-wrappers'

await sodium.ready

/** GitHub's timestamp: ISO 8601 to the second. */
export const githubTime = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

/** The key of a scope in state: `repo:o/r`, `env:o/r:name` or `org:name`. */
export function scopeKey(scope) {
  if (scope.org) return `org:${scope.org}`
  if (scope.environment) return `env:${scope.owner}/${scope.repo}:${scope.environment}`
  return `repo:${scope.owner}/${scope.repo}`
}

function keys(state, key) {
  state.keys ??= {}
  if (!state.keys[key]) {
    const pair = sodium.crypto_box_keypair()
    state.keys[key] = {
      key_id: String(3380204578043523000n + BigInt(Object.keys(state.keys).length)),
      publicKey: pair.publicKey,
      privateKey: pair.privateKey
    }
  }
  return state.keys[key]
}

/** Puts a secret in place, as if a user had set it at `updatedAt`. */
export function seedSecret(state, scope, name, value, extra = {}) {
  state.secrets ??= {}
  const bucket = (state.secrets[scopeKey(scope)] ??= {})
  const at = githubTime(extra.updatedAt ?? new Date(Date.now() - 86_400_000))
  bucket[name] = {
    value,
    created_at: at,
    updated_at: at,
    ...(scope.org ? { visibility: 'private' } : {}),
    ...extra.meta
  }
  delete bucket[name].updatedAt
  return bucket[name]
}

/** The stored (decrypted) value, or undefined. */
export function readSecret(state, scope, name) {
  return state.secrets?.[scopeKey(scope)]?.[name]?.value
}

const notFound = () => ({
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }
})

const REPO = '/repos/([^/]+)/([^/]+)'
const ENV = '/repos/([^/]+)/([^/]+)/environments/([^/]+)'
const ORG = '/orgs/([^/]+)'

function scopeOf(kind, match) {
  const d = decodeURIComponent
  if (kind === 'org') return { org: d(match[1]) }
  if (kind === 'env') return { owner: d(match[1]), repo: d(match[2]), environment: d(match[3]) }
  return { owner: d(match[1]), repo: d(match[2]) }
}

function routesFor(kind, prefix, nameIndex) {
  return [
    {
      method: 'GET',
      path: new RegExp(
        `^${prefix}/${kind === 'org' ? 'actions/' : kind === 'repo' ? 'actions/' : ''}secrets/public-key$`
      ),
      handle({ match, state }) {
        const { key_id, publicKey } = keys(state, scopeKey(scopeOf(kind, match)))
        return {
          status: 200,
          body: { key_id, key: sodium.to_base64(publicKey, sodium.base64_variants.ORIGINAL) }
        }
      }
    },
    {
      method: 'GET',
      path: new RegExp(`^${prefix}/${kind === 'env' ? '' : 'actions/'}secrets/([A-Za-z0-9_]+)$`),
      handle({ match, state }) {
        const name = match[nameIndex]
        const secret = state.secrets?.[scopeKey(scopeOf(kind, match))]?.[name]
        if (!secret) return notFound()
        const body = { name, created_at: secret.created_at, updated_at: secret.updated_at }
        if (kind === 'org') {
          body.visibility = secret.visibility
          if (secret.visibility === 'selected') {
            body.selected_repositories_url = `https://api.github.com/orgs/${match[1]}/actions/secrets/${name}/repositories`
          }
        }
        return { status: 200, body }
      }
    },
    {
      method: 'PUT',
      path: new RegExp(`^${prefix}/${kind === 'env' ? '' : 'actions/'}secrets/([A-Za-z0-9_]+)$`),
      handle({ match, state, body, token }) {
        if (state.secretWriters && !state.secretWriters.includes(token)) {
          return {
            status: 403,
            body: { message: 'Resource not accessible by integration', status: '403' }
          }
        }
        const name = match[nameIndex]
        const key = scopeKey(scopeOf(kind, match))
        const pair = keys(state, key)
        if (!body?.encrypted_value || !body?.key_id) {
          return {
            status: 422,
            body: {
              message: 'Invalid request.\n\n"encrypted_value" and "key_id" are required',
              status: '422'
            }
          }
        }
        if (body.key_id !== pair.key_id)
          return { status: 422, body: { message: 'Bad key_id', status: '422' } }
        let value
        try {
          const sealed = sodium.from_base64(body.encrypted_value, sodium.base64_variants.ORIGINAL)
          value = sodium.to_string(
            sodium.crypto_box_seal_open(sealed, pair.publicKey, pair.privateKey)
          )
        } catch {
          return {
            status: 422,
            body: { message: 'Bad encrypted_value: not a sealed box for this key', status: '422' }
          }
        }
        if (kind === 'org' && !['all', 'private', 'selected'].includes(body.visibility)) {
          return {
            status: 422,
            body: { message: 'Invalid request.\n\n"visibility" is required', status: '422' }
          }
        }
        state.secrets ??= {}
        const bucket = (state.secrets[key] ??= {})
        const existing = bucket[name]
        const now = githubTime()
        bucket[name] = { value, created_at: existing?.created_at ?? now, updated_at: now }
        if (kind === 'org') {
          bucket[name].visibility = body.visibility
          // Without selected_repository_ids the stand-in empties the list: a writer must resend it.
          if (body.visibility === 'selected')
            bucket[name].selected = [...(body.selected_repository_ids ?? [])]
        }
        state.writes = (state.writes ?? 0) + 1
        return { status: existing ? 204 : 201, body: existing ? undefined : {} }
      }
    }
  ]
}

export const secretsRoutes = [
  ...routesFor('repo', REPO, 3),
  ...routesFor('env', ENV, 4),
  ...routesFor('org', ORG, 2),
  {
    method: 'GET',
    path: /^\/orgs\/([^/]+)\/actions\/secrets\/([A-Za-z0-9_]+)\/repositories$/,
    handle({ match, state }) {
      const secret = state.secrets?.[scopeKey({ org: match[1] })]?.[match[2]]
      if (!secret) return notFound()
      const ids = secret.selected ?? []
      return {
        status: 200,
        body: {
          total_count: ids.length,
          repositories: ids.map(id => ({ id, full_name: `${match[1]}/repo-${id}` }))
        }
      }
    }
  },
  {
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/,
    handle({ match, state }) {
      const jobs = state.jobs?.[`${match[3]}/${match[4]}`]
      if (!jobs) return notFound()
      return { status: 200, body: { total_count: jobs.length, jobs } }
    }
  }
]

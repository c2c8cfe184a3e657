// The environment variables that decide where the post step's GitHub requests go and which servers it trusts. A later
// step of the job can set any of them through $GITHUB_ENV (the runner refuses only NODE_OPTIONS there): a proxy of its
// own plus a CA it made, or certificate checks turned off, and the post step would send `secrets-token` and
// `github-token` through it. The main step records them as it saw them; the post step sends no token when one changed.
import { createHash } from 'node:crypto'

/** The `core.saveState` name of the record. */
export const NETWORK_STATE = 'network-env'

/**
 * Proxies (@actions/http-client reads both cases; Node's own fetch with NODE_USE_ENV_PROXY), the certificates
 * Node and OpenSSL trust, and the GitHub the requests go to and the repository they name.
 */
export const NETWORK_ENV = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NODE_USE_ENV_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NODE_USE_SYSTEM_CA',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'OPENSSL_CONF',
  'GITHUB_API_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY'
] as const

// A proxy URL can hold a password: the record keeps a SHA-256 of each value, never the value. A later step can read
// the values themselves in its own environment, so the digest gives it nothing new.
const digest = (value: string) => createHash('sha256').update(value).digest('hex')

/** The record the main step saves: each variable that is set, by name, with the SHA-256 of its value. */
export function networkRecord(env: NodeJS.ProcessEnv): string {
  const record: Record<string, string> = {}
  for (const name of NETWORK_ENV) {
    const value = env[name]
    if (value !== undefined) record[name] = digest(value)
  }
  return JSON.stringify(record)
}

/**
 * Why the post step must not send `token` (an input's name) to GitHub: the variables of NETWORK_ENV that differ from
 * the main step's record, or a record the main step cannot have written. Undefined when none changed, or when there
 * is no record at all: then the main step never ran its first line, so a later step could have written this state
 * too, and refusing would protect nothing.
 */
export function networkRefusal(
  token: string,
  record: string,
  env: NodeJS.ProcessEnv
): string | undefined {
  if (record === '') return undefined
  let saved: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(record)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error()
    saved = parsed as Record<string, unknown>
  } catch {
    return `did not send '${token}': the main step's record of the network settings is not readable. Re-run the job.`
  }
  const changed = NETWORK_ENV.filter(name => {
    const value = env[name]
    return (value === undefined ? undefined : digest(value)) !== saved[name]
  })
  if (changed.length === 0) return undefined
  return `did not send '${token}': ${changed.join(', ')} changed after the main step (a later step can set ${changed.length === 1 ? 'it' : 'them'} through $GITHUB_ENV), so the request could go through a proxy or to a server that step chose. Set proxy, certificate and GitHub variables in the job's \`env:\` or before this action's step, not after it.`
}

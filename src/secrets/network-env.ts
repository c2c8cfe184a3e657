// The environment variables that decide where the post step's GitHub requests go and which servers it trusts. A later
// step of the job can set any of them through $GITHUB_ENV (the runner refuses only NODE_OPTIONS there): a proxy of its
// own plus a CA it made, or certificate checks turned off, and the post step would send `secrets-token` and
// `github-token` through it. The main step records them as it saw them; the post step sends no token when one changed.
import { networkDigest, parseNetworkRecord, serializeNetworkRecord } from '../state/index.js'

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

/** The record the main step saves (NETWORK_STATE): each variable of NETWORK_ENV that is set, with a digest of its value. */
export function networkRecord(env: NodeJS.ProcessEnv): string {
  return serializeNetworkRecord(env, NETWORK_ENV)
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
  const saved = parseNetworkRecord(record)
  if (saved === undefined) return undefined
  if (saved === 'unreadable')
    return `did not send '${token}': the main step's record of the network settings is not readable. Re-run the job.`
  const changed = NETWORK_ENV.filter(name => networkDigest(env[name]) !== saved[name])
  if (changed.length === 0) return undefined
  return `did not send '${token}': ${changed.join(', ')} changed after the main step (a later step can set ${changed.length === 1 ? 'it' : 'them'} through $GITHUB_ENV), so the request could go through a proxy or to a server that step chose. Set proxy, certificate and GitHub variables in the job's \`env:\` or before this action's step, not after it.`
}

import type { Credential, Provider } from './provider.js'

/** A credential of `provider` read from `from`, before any expiry or refresh token is known. */
export function newCredential(
  provider: Pick<Provider<Credential['source']>, 'source' | 'scheme' | 'label'>,
  from: string,
  secret: string
): Credential {
  return {
    source: provider.source,
    from,
    scheme: provider.scheme,
    label: provider.label,
    secret,
    notes: []
  }
}

/** Where a credential was read (its `from`): an action input (a CLI flag), an environment variable, or a file. */
export type Origin = { input: string } | { env: string } | { file: string }

/** `from` as newCredential's callers write it: `input NAME`, `env NAME` or `file PATH`. */
export function originOf(from: string): Origin {
  const [, where = 'input', name = from] = /^(input|env|file) (.+)$/s.exec(from) ?? []
  return where === 'env' ? { env: name } : where === 'file' ? { file: name } : { input: name }
}

/** Where a fix tells the user to put a new value of a credential read from `from`. */
export function homeOf(from: string): string {
  const origin = originOf(from)
  if ('env' in origin)
    return `the environment variable ${origin.env} (in a workflow, the secret its \`env:\` entry reads)`
  if ('file' in origin) return origin.file
  return `the secret that feeds '${origin.input}' (Settings > Secrets and variables > Actions)`
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

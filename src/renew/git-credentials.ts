// Handing a fresh GitHub token to git in the workspace checkout. Two places hold the token git sends, and the renewer
// rewrites only a token already there, never adding one where the workflow chose to leave none:
// - actions/checkout's `persist-credentials`: `http.<server>/.extraheader = AUTHORIZATION: basic
//   base64(x-access-token:TOKEN)`, in the repository's .git/config (checkout before v6) or in a file under RUNNER_TEMP
//   that .git/config includes through `includeIf.gitdir:….path` (v6; actions/checkout src/git-auth-helper.ts).
// - claude-code-action's remote URL, `https://x-access-token:TOKEN@<host>/<owner>/<repo>.git`, which it sets in its
//   own step after removing the extraheader (anthropics/claude-code-action src/github/operations/git-config.ts).
// The token never goes into a command line, which `ps` shows: git only reads the configuration, and the file is
// rewritten directly under git's own lock (`<file>.lock`, created exclusively, then renamed over the file), as
// actions/checkout writes its token into the file rather than through `git config`.
import { execFile } from 'node:child_process'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { sha256Hex } from '../state/index.js'

/** A place git holds a token in. */
export type GitCredential = 'extraheader' | 'remote URL'

/** What a rewrite changed. */
export type Rewritten = GitCredential[]

export const ALL_GIT_CREDENTIALS: readonly GitCredential[] = ['extraheader', 'remote URL']

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]\s*(?:[#;].*)?$/
const ENTRY = /^(\s*)([A-Za-z][A-Za-z0-9-]*)(\s*=\s*)(.*?)(\s*)$/
const BASIC = /^AUTHORIZATION: basic ([A-Za-z0-9+/=]+)$/i

/** The Basic credential git sends for a token, as actions/checkout writes it. */
export const basicCredential = (token: string): string =>
  Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')

/**
 * `text`, a git config file, with every token credential for `server` (an origin: `https://github.com`) replaced by
 * `token`: the extraheader of `[http "<server>/"]` when it is Basic `x-access-token:…`, and a `url` of `[remote
 * "origin"]` of the form `<scheme>://x-access-token:…@<host>/…`. A credential whose token has the SHA-256 `keepSha256`
 * (the job's own GITHUB_TOKEN, which actions/checkout persists by default) and any other header, URL or entry are kept
 * byte for byte. Pure.
 */
export function rewriteGitConfig(
  text: string,
  server: string,
  token: string,
  kinds: readonly GitCredential[] = ALL_GIT_CREDENTIALS,
  keepSha256?: string
): { text: string; rewritten: Rewritten } {
  const kept = (held: string) => keepSha256 !== undefined && sha256Hex(held) === keepSha256
  const { protocol, host } = new URL(server)
  const origin = `${protocol}//${host}`
  const rewritten = new Set<GitCredential>()
  let section = ''
  const lines = text.split('\n').map(line => {
    const header = SECTION.exec(line)
    if (header) {
      section = `${header[1]!.toLowerCase()} ${header[2] ?? ''}`
      return line
    }
    const entry = ENTRY.exec(line)
    if (!entry) return line
    const [, indent, key, equals, value, trailing] = entry as unknown as string[]
    const name = key!.toLowerCase()
    if (section === `http ${origin}/` && name === 'extraheader' && kinds.includes('extraheader')) {
      const basic = BASIC.exec(value!)
      const decoded = basic && Buffer.from(basic[1]!, 'base64').toString('utf8')
      if (!decoded?.startsWith('x-access-token:')) return line
      if (kept(decoded.slice('x-access-token:'.length))) return line
      rewritten.add('extraheader')
      return `${indent}${key}${equals}AUTHORIZATION: basic ${basicCredential(token)}${trailing}`
    }
    if (section === 'remote origin' && name === 'url' && kinds.includes('remote URL')) {
      const prefix = `${protocol}//x-access-token:`
      const at = value!.indexOf('@')
      if (!value!.startsWith(prefix) || at === -1 || !value!.startsWith(`${host}/`, at + 1))
        return line
      if (kept(value!.slice(prefix.length, at))) return line
      rewritten.add('remote URL')
      return `${indent}${key}${equals}${prefix}${token}${value!.slice(at)}${trailing}`
    }
    return line
  })
  return { text: lines.join('\n'), rewritten: [...rewritten] }
}

/** Runs git in `cwd` with its output captured: nothing it prints reaches a log; undefined when it failed. */
function gitOutput(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ stdout: string; code: number } | { problem: string }> {
  return new Promise(resolve => {
    execFile(
      'git',
      args,
      { cwd, env, timeout: 10_000, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (!error) return resolve({ stdout, code: 0 })
        const code = (error as { code?: unknown }).code
        if (typeof code === 'number') return resolve({ stdout, code })
        resolve({ problem: `git could not run (${typeof code === 'string' ? code : 'timed out'})` })
      }
    )
  })
}

/**
 * The files of the checkout's own configuration (scope `local`: .git/config and the files it includes) that define
 * an extraheader or the remote URL of origin, as absolute paths. Empty when `workspace` is no checkout, or holds
 * none; a problem when git cannot say (it is missing, or refuses the checkout).
 */
export async function credentialFiles(
  workspace: string,
  env: NodeJS.ProcessEnv
): Promise<string[] | { problem: string }> {
  const listed = await gitOutput(
    workspace,
    [
      'config',
      '--show-scope',
      '--show-origin',
      '--get-regexp',
      '^(http\\..*\\.extraheader|remote\\.origin\\.url)$'
    ],
    env
  )
  if ('problem' in listed) return listed
  // `git config --get-regexp` exits 1 when nothing matches (https://git-scm.com/docs/git-config#_description).
  if (listed.code > 1)
    return { problem: `git config exited with code ${listed.code} in ${workspace}` }
  const files = new Set<string>()
  for (const line of listed.stdout.split('\n')) {
    const [scope, origin] = line.split('\t')
    if (scope !== 'local' || !origin?.startsWith('file:')) continue
    const path = origin.slice('file:'.length)
    files.add(isAbsolute(path) ? path : join(workspace, path))
  }
  return [...files]
}

/** How often, and how long apart, a rewrite waits for another git's lock on the file. */
const LOCK_TRIES = 20
const LOCK_WAIT_MS = 50

/** Rewrites one config file under git's lock, keeping its mode. */
async function rewriteFile(path: string, handed: HandedToken): Promise<Rewritten> {
  const lock = `${path}.lock`
  for (let tries = 1; ; tries++) {
    try {
      const { mode } = await stat(path)
      const handle = await open(lock, 'wx', mode & 0o777)
      try {
        const { text, rewritten } = rewriteGitConfig(
          await readFile(path, 'utf8'),
          handed.server,
          handed.token,
          handed.kinds,
          handed.keepSha256
        )
        if (rewritten.length === 0) {
          await handle.close()
          await rm(lock, { force: true })
          return []
        }
        await handle.writeFile(text)
        await handle.close()
        await rename(lock, path)
        return rewritten
      } catch (error) {
        await handle.close().catch(() => undefined)
        await rm(lock, { force: true })
        throw error
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= LOCK_TRIES) throw error
      await new Promise(resolve => setTimeout(resolve, LOCK_WAIT_MS))
    }
  }
}

/** A token for git: the server it is for, and which of the places holding one may take it. */
export interface HandedToken {
  server: string
  token: string
  kinds?: readonly GitCredential[]
  /** SHA-256 (hex) of a token git keeps wherever it holds it (see rewriteGitConfig). */
  keepSha256?: string
}

/**
 * Puts the token wherever the checkout in `workspace` already holds one for its server, in the places `kinds` names
 * (see rewriteGitConfig); what it rewrote, or why it could not (a file it could not lock or write). No checkout, or
 * none with a token: nothing.
 */
export async function handTokenToGit(
  workspace: string,
  handed: HandedToken,
  env: NodeJS.ProcessEnv
): Promise<{ rewritten: Rewritten } | { problem: string }> {
  const files = await credentialFiles(workspace, env)
  if ('problem' in files) return files
  const all = new Set<GitCredential>()
  for (const file of files) {
    try {
      for (const what of await rewriteFile(file, handed)) all.add(what)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error'
      return { problem: `git's configuration ${file} could not be rewritten (${code})` }
    }
  }
  return { rewritten: [...all] }
}

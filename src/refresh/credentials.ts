import { chmod, mkdir, realpath, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { isWithin, NotRegularFileError, openRegular } from '../files/regular.js'
import type { TokenSet } from './oauth.js'

/** `~/.claude/.credentials.json`, honouring CLAUDE_CONFIG_DIR and HOME as the CLI does. */
export function credentialsFilePath(env: NodeJS.ProcessEnv): string {
  const dir = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), '.claude')
  return join(dir, '.credentials.json')
}

/**
 * The `claude-credentials` JSON after a refresh: the given one with its tokens, expiry and scopes replaced (every
 * other field kept), or a new one when only a refresh token was given. One line, so a mask covers it whole.
 */
export function updatedCredentialsJson(raw: string, tokens: TokenSet): string {
  let root: Record<string, unknown> = {}
  try {
    const parsed = raw ? JSON.parse(raw) : {}
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) root = parsed
  } catch {
    root = {}
  }
  const previous =
    root.claudeAiOauth && typeof root.claudeAiOauth === 'object'
      ? (root.claudeAiOauth as object)
      : {}
  const oauth: Record<string, unknown> = {
    ...previous,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt.getTime()
  }
  if (tokens.scopes) oauth.scopes = tokens.scopes
  return JSON.stringify({ ...root, claudeAiOauth: oauth })
}

/** The refresh token in a credentials JSON, or undefined. */
export function refreshTokenOf(json: string): string | undefined {
  try {
    const token = JSON.parse(json)?.claudeAiOauth?.refreshToken
    return typeof token === 'string' && token ? token : undefined
  } catch {
    return undefined
  }
}

/** Writes a file only its owner may read (0600), atomically, in a directory only its owner may enter when new. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`
  await writeFile(temporary, text, { mode: 0o600 })
  await chmod(temporary, 0o600)
  await rename(temporary, path)
}

/** The largest credentials file (or write-back file) read back: a real one is under 1 KiB. */
export const CREDENTIALS_MAX_BYTES = 64 * 1024

// The fields Claude Code writes to ~/.claude/.credentials.json: `claudeAiOauth` (its login) and `mcpOAuth` (MCP
// servers' logins); inside `claudeAiOauth`, the tokens, their expiry (epoch ms) and what the login may do.
const TOP_FIELDS = new Set(['claudeAiOauth', 'mcpOAuth'])
const OAUTH_FIELDS = new Set([
  'accessToken',
  'refreshToken',
  'expiresAt',
  'scopes',
  'subscriptionType',
  'rateLimitTier'
])
const TOKEN_TAIL = '[A-Za-z0-9_-]{8,1024}'
export const ACCESS_TOKEN_SHAPE = new RegExp(`^sk-ant-oat01-${TOKEN_TAIL}$`)
export const REFRESH_TOKEN_SHAPE = new RegExp(`^sk-ant-ort01-${TOKEN_TAIL}$`)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Why `text` is not a credentials JSON of the shape Claude Code writes (known fields only, token prefixes, numeric
 * expiry, size cap), or undefined when it is. The reason never quotes the text.
 */
export function credentialsShapeProblem(text: string): string | undefined {
  if (Buffer.byteLength(text) > CREDENTIALS_MAX_BYTES)
    return `it is larger than ${CREDENTIALS_MAX_BYTES} bytes`
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    return 'it is not JSON'
  }
  if (!isObject(root) || !isObject(root.claudeAiOauth)) return "it has no 'claudeAiOauth' object"
  if (Object.keys(root).some(key => !TOP_FIELDS.has(key)) || !isObject(root.mcpOAuth ?? {}))
    return 'it has a field Claude Code never writes'
  const oauth = root.claudeAiOauth
  if (Object.keys(oauth).some(key => !OAUTH_FIELDS.has(key)))
    return "its 'claudeAiOauth' has a field Claude Code never writes"
  if (typeof oauth.accessToken !== 'string' || !ACCESS_TOKEN_SHAPE.test(oauth.accessToken))
    return "its 'accessToken' is not an sk-ant-oat01- token"
  if (typeof oauth.refreshToken !== 'string' || !REFRESH_TOKEN_SHAPE.test(oauth.refreshToken))
    return "its 'refreshToken' is not an sk-ant-ort01- token"
  if (
    typeof oauth.expiresAt !== 'number' ||
    !Number.isFinite(oauth.expiresAt) ||
    oauth.expiresAt <= 0
  )
    return "its 'expiresAt' is not a time in epoch milliseconds"
  if (
    oauth.scopes !== undefined &&
    !(Array.isArray(oauth.scopes) && oauth.scopes.every(scope => typeof scope === 'string'))
  )
    return "its 'scopes' is not a list of names"
  for (const field of ['subscriptionType', 'rateLimitTier'])
    if (oauth[field] !== undefined && oauth[field] !== null && typeof oauth[field] !== 'string')
      return `its '${field}' is not text`
  return undefined
}

export type OwnFile = { text: string } | { missing: true } | { refused: string }

/**
 * Reads a file that this process's user wrote: refused when it is a symlink, not a regular file (a FIFO never
 * blocks the read), owned by another user, larger than `maxBytes`, or (with `within`) not inside that directory once
 * both real paths are known. Opened without following a symlink and checked on the open descriptor, so it cannot be
 * swapped between check and read.
 */
export async function readOwnFile(
  path: string,
  options: { maxBytes: number; within?: string }
): Promise<OwnFile> {
  if (options.within !== undefined) {
    let inside = false
    try {
      inside = isWithin(await realpath(dirname(path)), await realpath(options.within))
    } catch {
      return { missing: true }
    }
    if (!inside) return { refused: `it is not inside ${options.within}` }
  }
  let handle
  try {
    handle = await openRegular(path)
  } catch (error) {
    if (error instanceof NotRegularFileError) return { refused: error.reason }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP' || code === 'EMLINK') return { refused: 'it is a symbolic link' }
    if (code === 'ENOENT') return { missing: true }
    return { refused: `it cannot be opened (${code ?? 'error'})` }
  }
  try {
    const uid = process.getuid?.()
    if (uid !== undefined && (await handle.stat()).uid !== uid)
      return { refused: "it is not the runner user's" }
    // One byte past the cap tells a file that grew after a stat from one that fits.
    const buffer = Buffer.alloc(options.maxBytes + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > options.maxBytes)
      return { refused: `it is larger than ${options.maxBytes} bytes` }
    return { text: buffer.toString('utf8', 0, bytesRead) }
  } finally {
    await handle.close()
  }
}

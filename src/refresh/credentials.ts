import { chmod, mkdir, rename, writeFile, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
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

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

// Claude Code's user settings with `apiKeyHelper` pointing at the renewer's token file. Every other key of an existing
// file is kept: claude-code-action merges its own settings into it too (anthropics/claude-code-action
// base-action/src/setup-claude-code-settings.ts).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { reasonOf } from '../common/errors.js'

/** `~/.claude/settings.json`, honouring CLAUDE_CONFIG_DIR and HOME as the CLI does. */
export function userSettingsPath(env: NodeJS.ProcessEnv): string {
  const dir = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), '.claude')
  return join(dir, 'settings.json')
}

/** A shell command that prints `file`: Claude Code runs `apiKeyHelper` through the shell. */
export const printCommand = (file: string) => `cat '${file.replaceAll("'", `'\\''`)}'`

/** The settings text with `apiKeyHelper` set, every other key kept; or why an existing text cannot be kept. Pure. */
export function withApiKeyHelper(
  existing: string | undefined,
  helper: string
): { text: string } | { problem: string } {
  let root: Record<string, unknown> = {}
  if (existing?.trim()) {
    let parsed: unknown
    try {
      parsed = JSON.parse(existing)
    } catch {
      return { problem: 'it is not JSON' }
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return { problem: 'it is not a JSON object' }
    root = parsed as Record<string, unknown>
  }
  return { text: `${JSON.stringify({ ...root, apiKeyHelper: helper }, null, 2)}\n` }
}

/** Writes `apiKeyHelper` into the user settings; the path written, or why not (the file is then left as it was). */
export async function writeApiKeyHelper(
  env: NodeJS.ProcessEnv,
  helper: string
): Promise<{ path: string } | { problem: string; path: string }> {
  const path = userSettingsPath(env)
  try {
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const updated = withApiKeyHelper(existing, helper)
    if ('problem' in updated) return { path, problem: updated.problem }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    const temporary = `${path}.${process.pid}.tmp`
    await writeFile(temporary, updated.text, { mode: 0o600 })
    await rename(temporary, path)
    return { path }
  } catch (error) {
    return { path, problem: reasonOf(error) }
  }
}

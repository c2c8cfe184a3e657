// Claude Code's user settings with one key (`apiKeyHelper`, `awsCredentialExport`) pointing at a renewer's file, and
// that key taken out again at job end. Every other key of an existing file is kept: claude-code-action merges its own
// settings into it too (anthropics/claude-code-action base-action/src/setup-claude-code-settings.ts).
import { mkdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { PREFIX, reasonOf } from '../common/errors.js'
import { inert } from '../common/inert.js'
import { writeAtomically } from '../files/atomic.js'
import { readRegularText } from '../files/regular.js'
import type { HandOffDeps } from './source.js'

/** `~/.claude/settings.json`, honouring CLAUDE_CONFIG_DIR and HOME as the CLI does. */
export function userSettingsPath(env: NodeJS.ProcessEnv): string {
  const dir = env.CLAUDE_CONFIG_DIR || join(env.HOME || homedir(), '.claude')
  return join(dir, 'settings.json')
}

/** A shell command that prints `file`: Claude Code runs `apiKeyHelper` through the shell. */
export const printCommand = (file: string) => `cat '${file.replaceAll("'", `'\\''`)}'`

/**
 * The settings text with `key` set to `value` (or removed, for undefined), every other key kept; or why an existing
 * text cannot be kept. Pure.
 */
export function withSetting(
  existing: string | undefined,
  key: string,
  value: string | undefined
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
  const { [key]: _replaced, ...kept } = root
  return {
    text: `${JSON.stringify(value === undefined ? kept : { ...kept, [key]: value }, null, 2)}\n`
  }
}

/** Writes `key` into the user settings; the path written, or why not (the file is then left as it was). */
export async function writeUserSetting(
  env: NodeJS.ProcessEnv,
  key: string,
  value: string
): Promise<{ path: string } | { problem: string; path: string }> {
  return updateUserSettings(env, existing => withSetting(existing, key, value))
}

/**
 * Post's side: removes `key` from the user settings when it still holds `value` (the renewer's file is gone after the
 * job: on a self-hosted runner a later run would run a helper that prints nothing). The path, whether it was removed,
 * or why not.
 */
export async function removeUserSetting(
  env: NodeJS.ProcessEnv,
  key: string,
  value: string
): Promise<{ path: string; removed: boolean } | { problem: string; path: string }> {
  let removed = false
  const outcome = await updateUserSettings(env, existing => {
    const updated = withSetting(existing, key, undefined)
    if ('problem' in updated || !existing?.trim()) return undefined
    removed = (JSON.parse(existing) as Record<string, unknown>)[key] === value
    return removed ? updated : undefined
  })
  return 'problem' in outcome ? outcome : { ...outcome, removed }
}

/** Rewrites the user settings with what `update` makes of their text (undefined: leave the file as it is). */
async function updateUserSettings(
  env: NodeJS.ProcessEnv,
  update: (existing: string | undefined) => { text: string } | { problem: string } | undefined
): Promise<{ path: string } | { problem: string; path: string }> {
  const path = userSettingsPath(env)
  try {
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const updated = update(existing)
    if (!updated) return { path }
    if ('problem' in updated) return { path, problem: updated.problem }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await writeAtomically(path, updated.text)
    return { path }
  } catch (error) {
    return { path, problem: reasonOf(error) }
  }
}

/**
 * A source's hand-off through a settings key: `key` set to a command that prints `file`. The settings' path; or
 * undefined once a warning has said how to set it by hand.
 */
export async function handOffToSetting(
  key: string,
  file: string,
  { core, env, pid }: HandOffDeps
): Promise<string | undefined> {
  const command = printCommand(file)
  const written = await writeUserSetting(env, key, command)
  for (const project of await projectSettingsSetting(env.GITHUB_WORKSPACE, key))
    core.warning(
      `${PREFIX}: ${project} sets ${key}, which outranks the user settings the renewer's command is written into (https://code.claude.com/docs/en/settings#settings-precedence): Claude Code started in that checkout runs that command, not the renewer's. Remove it from the repository's Claude Code settings.`
    )
  if (!('problem' in written)) return written.path
  core.warning(
    `${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh, but ${key} could not be written into ${written.path} (${inert(written.problem)}): set \`"${key}": ${JSON.stringify(command)}\` in Claude Code's settings yourself.`
  )
  return undefined
}

/** The most of a project settings file read: settings, not a document. */
const MAX_PROJECT_SETTINGS_BYTES = 256 * 1024

/**
 * The checkout's own Claude Code settings files (`.claude/settings.json`, `.claude/settings.local.json` in
 * `workspace`) that set `key`: a project setting outranks the user's. Read as hostile text (a pull request's copy of
 * the files): regular files only, bounded, never quoted.
 */
export async function projectSettingsSetting(
  workspace: string | undefined,
  key: string
): Promise<string[]> {
  if (!workspace) return []
  const found: string[] = []
  for (const name of ['settings.json', 'settings.local.json']) {
    const path = join(workspace, '.claude', name)
    const text = await readRegularText(path, MAX_PROJECT_SETTINGS_BYTES)
    if (text === undefined) continue
    try {
      const parsed: unknown = JSON.parse(text)
      if (parsed && typeof parsed === 'object' && key in parsed) found.push(join('.claude', name))
    } catch {
      // Not JSON: Claude Code would not read a key from it either.
    }
  }
  return found
}

// Claude Code's own session transcripts: it writes `<config>/projects/<project>/<session id>.jsonl` as the run goes
// (`<config>` is CLAUDE_CONFIG_DIR, or ~/.claude; `<project>` the working directory with every character other than
// a letter or digit turned into `-`), so they survive a run that was cancelled, timed out or killed before
// claude-code-action wrote its execution file. Lists the ones written since the job started; scanFiles then admits
// each only if its real path lies under the projects directory and it is a regular file.
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Candidate } from './read.js'

/** Project directories and session files looked at, at most: a runner's ~/.claude is not a place to wander. */
export const MAX_PROJECTS = 200
export const MAX_SESSIONS = 50

/** A session id as Claude Code names its files (a UUID); anything else there is not a session transcript. */
const SESSION_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,127})\.jsonl$/

export interface SessionFile extends Candidate {
  /** The session id, from the file's name. */
  session: string
  /** Last written, epoch ms. */
  modifiedAt: number
}

/** Where Claude Code keeps its session transcripts for the environment the Claude step had. */
export function projectsDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CLAUDE_CONFIG_DIR) return join(env.CLAUDE_CONFIG_DIR, 'projects')
  return env.HOME ? join(env.HOME, '.claude', 'projects') : undefined
}

/**
 * The session transcripts under `projects` last written at or after `since` (epoch ms), oldest first, the newest
 * MAX_SESSIONS of them; sessions in `covered` (already read from the execution file) are left out. Neither links
 * nor anything but regular files are listed; a missing directory lists nothing.
 */
export async function findSessions(
  projects: string,
  since: number,
  covered: ReadonlySet<string> = new Set()
): Promise<SessionFile[]> {
  const found: SessionFile[] = []
  const projectDirs = (await readdir(projects, { withFileTypes: true }).catch(() => []))
    .filter(entry => entry.isDirectory())
    .slice(0, MAX_PROJECTS)
  for (const project of projectDirs) {
    const dir = join(projects, project.name)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const session = SESSION_FILE.exec(entry.name)?.[1]
      if (!session || !entry.isFile() || covered.has(session)) continue
      const path = join(dir, entry.name)
      const info = await lstat(path).catch(() => undefined)
      if (!info?.isFile() || info.mtimeMs < since) continue
      found.push({ path, base: projects, session, modifiedAt: info.mtimeMs })
    }
  }
  return found.sort((a, b) => a.modifiedAt - b.modifiedAt).slice(-MAX_SESSIONS)
}

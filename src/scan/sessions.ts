// Claude Code's own session transcripts: it writes `<config>/projects/<project>/<session id>.jsonl` as the run goes
// (`<config>` is CLAUDE_CONFIG_DIR, or ~/.claude; `<project>` the working directory with every character other than
// a letter or digit turned into `-`), so they survive a run that was cancelled, timed out or killed before
// claude-code-action wrote its execution file. Lists the ones written since the job started; scanFiles then admits
// each only if its real path lies under the projects directory and it is a regular file.
import { lstat, opendir, realpath } from 'node:fs/promises'
import type { Dirent } from 'node:fs'
import { join } from 'node:path'
import type { Candidate } from './read.js'

/** Project directories and session files read, at most: a runner's ~/.claude is not a place to wander. */
export const MAX_PROJECTS = 200
export const MAX_SESSIONS = 50
/** Entries listed of one directory at most, so that a flooded directory cannot hold up the post step. */
export const MAX_LISTED = 10_000

/** A session transcript's name: Claude Code names it after the session id, a UUID. */
const SESSION_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i

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

/** What was found: the sessions to read, oldest first, and how many more of this job's were left unread. */
export interface SessionSearch {
  sessions: SessionFile[]
  unread: number
}

/** Claude Code's name for the project of a working directory: every character but a letter or digit as `-`. */
export const projectName = (directory: string) => directory.replace(/[^A-Za-z0-9]/g, '-')

/**
 * The session transcripts under `projects` that began at or after `since` (epoch ms: created then, or last written
 * then where the file system keeps no creation time), the newest MAX_SESSIONS of them; sessions in `covered`
 * (already read from the execution file) are left out. With `workspace`, only its projects (the workspace's and its
 * subdirectories') are looked at when there are any: another job's sessions on a shared runner are not this job's.
 * Neither links nor anything but regular files named as Claude Code names them are listed, and the projects
 * directory is taken by its real path; a missing directory lists nothing.
 */
export async function findSessions(
  projects: string,
  since: number,
  covered: ReadonlySet<string> = new Set(),
  workspace?: string
): Promise<SessionSearch> {
  const base = await realpath(projects).catch(() => undefined)
  if (!base) return { sessions: [], unread: 0 }
  let projectDirs = (await listed(base)).filter(entry => entry.isDirectory())
  if (workspace) {
    const own = projectName(workspace)
    const mine = projectDirs.filter(d => d.name === own || d.name.startsWith(`${own}-`))
    if (mine.length > 0) projectDirs = mine
  }
  // A directory's time changes when a file is added to it: one with no session begun since holds none of ours.
  const recent = await newestSince(
    projectDirs.map(entry => join(base, entry.name)),
    since
  )
  const found: SessionFile[] = []
  for (const dir of recent.slice(0, MAX_PROJECTS)) {
    for (const entry of await listed(dir)) {
      const session = SESSION_FILE.exec(entry.name)?.[1]
      if (!session || !entry.isFile() || covered.has(session)) continue
      const path = join(dir, entry.name)
      const info = await lstat(path).catch(() => undefined)
      const began = info && (info.birthtimeMs > 0 ? info.birthtimeMs : info.mtimeMs)
      if (!info?.isFile() || began === undefined || began < since || info.mtimeMs < since) continue
      found.push({ path, base, session, modifiedAt: info.mtimeMs })
    }
  }
  found.sort((a, b) => a.modifiedAt - b.modifiedAt)
  return {
    sessions: found.slice(-MAX_SESSIONS),
    unread: Math.max(0, found.length - MAX_SESSIONS)
  }
}

/** The first MAX_LISTED entries of a directory; none when it cannot be read. */
async function listed(dir: string): Promise<Dirent[]> {
  const entries: Dirent[] = []
  const handle = await opendir(dir).catch(() => undefined)
  if (!handle) return entries
  try {
    for await (const entry of handle) {
      entries.push(entry)
      if (entries.length >= MAX_LISTED) break
    }
  } catch {
    // unreadable part way: what was listed stands
  }
  return entries
}

/** The directories last changed at or after `since`, newest first. */
async function newestSince(dirs: string[], since: number): Promise<string[]> {
  const times = await Promise.all(
    dirs.map(async dir => ({ dir, at: (await lstat(dir).catch(() => undefined))?.mtimeMs }))
  )
  return times
    .filter((d): d is { dir: string; at: number } => d.at !== undefined && d.at >= since)
    .sort((a, b) => b.at - a.at)
    .map(d => d.dir)
}

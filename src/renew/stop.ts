// Post's side: stops the renewer, reads what it did, takes every credential it left (to mask and redact them), and
// removes its directory. The state names the directory and the process, but a later step can write RUNNER_TEMP and
// start processes of its own: a process is signalled only when status.json in that directory carries the state's
// nonce and /proc/<pid>/cmdline shows the renewer's bundle, and the directory is removed only when it is a real
// directory (never a link) of the renewer's own name.
import { lstat, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { readRegularText } from '../files/regular.js'
import { reasonOf } from '../common/errors.js'
import { RENEWER_DIR, type RenewerBinding } from '../state/index.js'
import { printCommand, removeUserSetting } from './helper-settings.js'
import { secretsOf, type JobEndDeps } from './source.js'
import { SOURCES } from './sources.js'
import { readStatus, STATUS_FILE, type RenewerStatus } from './status.js'

export interface StopDeps {
  /** /proc/<pid>/cmdline, or undefined when there is no such process. */
  cmdline(pid: number): Promise<string | undefined>
  signal(pid: number, signal: 'SIGTERM' | 'SIGKILL'): void
  sleep(ms: number): Promise<void>
}

export interface Stopped {
  /** status.json, read after the stop; undefined when it was missing or not the renewer's. */
  status?: RenewerStatus
  /** Every credential value found in the renewer's files: the caller masks and redacts them. */
  secrets: string[]
  /** The content of each source's file, by the source's kind, for its atJobEnd. */
  contents?: Record<string, string>
  /** What went wrong, one line each (hostile text quoted by the caller). */
  problems: string[]
}

/** The bundle's path as the renewer runs: `…/dist/renewer/index.js`. */
export function isRenewerCommand(cmdline: string): boolean {
  return cmdline.split('\0').some(arg => /(?:^|\/)dist\/renewer\/index\.js$/.test(arg))
}

const MAX_FILE_BYTES = 64 * 1024
/** How long post waits for the renewer to end after SIGTERM. */
const STOP_WAIT_MS = 3_000

export const defaultStopDeps: StopDeps = {
  cmdline: async pid => {
    try {
      return await readFile(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      return undefined
    }
  },
  signal: (pid, signal) => process.kill(pid, signal),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
}

export async function stopRenewer(
  binding: RenewerBinding,
  deps: StopDeps = defaultStopDeps
): Promise<Stopped> {
  const problems: string[] = []
  const { dir, pid, nonce } = binding
  if (!RENEWER_DIR.test(basename(dir)))
    return { secrets: [], problems: [`${dir} is not the renewer's directory`] }
  try {
    const info = await lstat(dir)
    if (!info.isDirectory() || (process.getuid && info.uid !== process.getuid()))
      return { secrets: [], problems: [`${dir} is not a directory of this job's: left alone`] }
  } catch (error) {
    return { secrets: [], problems: [`its directory ${dir} is gone (${reasonOf(error)})`] }
  }
  const before = await readStatus(dir)
  if (before?.nonce === nonce && before.pid === pid) {
    const cmdline = await deps.cmdline(pid)
    if (cmdline !== undefined && isRenewerCommand(cmdline)) {
      try {
        deps.signal(pid, 'SIGTERM')
      } catch (error) {
        problems.push(`could not stop process ${pid}: ${reasonOf(error)}`)
      }
      if (!(await ended(pid, deps))) {
        problems.push(
          `process ${pid} did not end within ${STOP_WAIT_MS / 1000} s of SIGTERM: killed`
        )
        try {
          deps.signal(pid, 'SIGKILL')
        } catch {
          // Ended in between.
        }
      }
    } else if (cmdline !== undefined) {
      problems.push(`process ${pid} is not the renewer: not signalled`)
    }
  } else {
    problems.push(`${STATUS_FILE} in ${dir} is not this job's renewer's: no process signalled`)
  }
  const status = (await readStatus(dir)) ?? before
  const { secrets, contents } = await credentialsIn(dir)
  await rm(dir, { recursive: true, force: true }).catch((error: unknown) =>
    problems.push(`could not remove ${dir}: ${reasonOf(error)}`)
  )
  return { ...(status?.nonce === nonce && { status }), secrets, contents, problems }
}

/** Whether the renewer `pid` ended within STOP_WAIT_MS. */
async function ended(pid: number, deps: StopDeps): Promise<boolean> {
  for (let waited = 0; waited < STOP_WAIT_MS; waited += 100) {
    const still = await deps.cmdline(pid)
    if (still === undefined || !isRenewerCommand(still)) return true
    await deps.sleep(100)
  }
  return false
}

/**
 * The secrets in the renewer's credential files (each source's file), as each source finds them, and each source's
 * file content by its kind.
 */
async function credentialsIn(
  dir: string
): Promise<{ secrets: string[]; contents: Record<string, string> }> {
  const contents: Record<string, string> = {}
  const secrets = await Promise.all(
    SOURCES.map(async source => {
      const content = await readRegularText(join(dir, source.fileName), MAX_FILE_BYTES)
      if (content === undefined) return []
      contents[source.kind] = content
      return secretsOf(source, content)
    })
  )
  return { secrets: secrets.flat(), contents }
}

/**
 * Each source's atJobEnd on the content its file held (see Stopped.contents), none when `networkRefusal` says why post
 * must send no token; what went wrong, one line each.
 */
export async function endSourceFiles(
  contents: Record<string, string> | undefined,
  deps: JobEndDeps,
  networkRefusal?: string
): Promise<string[]> {
  const problems: string[] = []
  for (const source of SOURCES) {
    const content = contents?.[source.kind]
    if (content === undefined || !source.atJobEnd) continue
    if (networkRefusal) {
      problems.push(`${source.what}: not ended: ${networkRefusal}`)
      continue
    }
    const problem = await source.atJobEnd(content, deps).catch((error: unknown) => reasonOf(error))
    if (problem) problems.push(problem)
  }
  return problems
}

/**
 * Takes out of Claude Code's user settings each key a hand-off pointed at a file in the renewer's directory `dir`
 * (gone after the job); what went wrong, one line each.
 */
export async function unpointSettings(dir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const problems: string[] = []
  for (const source of SOURCES) {
    if (!source.settingKey) continue
    const removed = await removeUserSetting(
      env,
      source.settingKey,
      printCommand(join(dir, source.fileName))
    )
    if ('problem' in removed)
      problems.push(
        `could not take ${source.settingKey} out of ${removed.path}: ${removed.problem}`
      )
  }
  return problems
}

// The scanner's only I/O: expands the `claude-output` paths and globs, admits only regular files whose real path
// lies where the caller allows, and streams each through the splitter and the transcript scanner in fixed-size
// chunks (constant memory, whatever the file's size), within a byte cap per file and in total and a time budget.
import { readdir, realpath, stat, type FileHandle } from 'node:fs/promises'
import { isAbsolute, join, resolve, sep } from 'node:path'
import { isWithin, openRegular } from '../files/regular.js'
import { reasonOf } from '../common/errors.js'
import { giveBackChunkBuffers, takeChunkBuffers } from './newlines.js'
import { RecordSplitter, type SplitOptions } from './split.js'
import { TranscriptScanner, type FileScan } from './transcript.js'

export const CHUNK_BYTES = 1024 * 1024

export interface ScanLimits {
  /** Bytes read of one file at most; the rest is left unread and reported. */
  fileBytes: number
  /** Bytes read of all files together at most. */
  totalBytes: number
  /** Time for the whole scan (ms); files not reached in it are reported. */
  budgetMs: number
  /** The clock (ms), injectable for tests. */
  now: () => number
}

export const DEFAULT_LIMITS: ScanLimits = {
  fileBytes: 2 * 1024 ** 3,
  totalBytes: 8 * 1024 ** 3,
  budgetMs: 180_000,
  now: () => performance.now()
}

/** A file the scan did not read, or read only in part, and why (one line; both raw: make them inert to print). */
export interface Skipped {
  file: string
  reason: string
}

export interface ScanSet {
  /** Files read, whole or in part. */
  scans: FileScan[]
  /** Files not read at all: refused (not a regular file, outside the allowed directories) or unreadable. */
  refused: Skipped[]
  /** Files read only in part: a byte cap or the time budget stopped the scan. */
  partial: Skipped[]
  /** Bytes read of all files together. */
  bytes: number
}

/**
 * Scans the expanded files in order; failures that happened before `since` (epoch ms), when given, are counted as
 * older, not found (TranscriptScanner). `continues` goes on from an earlier scan in the same caps: the bytes it read
 * and the time (limits.now) it started. A file is read only when its real path lies under one of `roots` or under
 * its pattern's own directory, and it is a regular file: it is opened without following a last symlink and
 * without blocking (a FIFO or a device never hangs the scan), then checked on the open descriptor.
 */
export async function scanFiles(
  files: Candidate[],
  roots: string[],
  options: {
    limits?: Partial<ScanLimits>
    split?: SplitOptions
    since?: number
    continues?: { bytes: number; startedAt: number }
  } = {}
): Promise<ScanSet> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const deadline = (options.continues?.startedAt ?? limits.now()) + limits.budgetMs
  const realRoots = await Promise.all(roots.map(realOrResolved))
  const set: ScanSet = { scans: [], refused: [], partial: [], bytes: 0 }
  let bytesLeft = limits.totalBytes - (options.continues?.bytes ?? 0)
  for (const [index, candidate] of files.entries()) {
    const label = candidate.path
    if (limits.now() >= deadline || bytesLeft <= 0) {
      const why =
        bytesLeft <= 0
          ? `the scan's total byte cap (${mib(limits.totalBytes)})`
          : "the scan's time budget"
      for (const rest of files.slice(index)) {
        set.refused.push({ file: rest.path, reason: `not read: ${why} was used up` })
      }
      break
    }
    let source: ByteSource
    try {
      source = candidate.source ?? fileSource(await openAdmitted(candidate, realRoots))
    } catch (error) {
      set.refused.push({ file: label, reason: reasonOf(error) })
      continue
    }
    try {
      const cap = Math.min(limits.fileBytes, bytesLeft)
      const read = await scanSource(
        source,
        candidate.path,
        cap,
        deadline,
        limits.now,
        options.split,
        options.since
      )
      bytesLeft -= read.bytes
      set.bytes += read.bytes
      set.scans.push(read.scan)
      if (read.stopped === 'bytes') {
        const which = cap === limits.fileBytes ? 'per file' : 'for all files'
        set.partial.push({
          file: label,
          reason: `read only its first ${mib(read.bytes)}: the scan's byte cap ${which}`
        })
      } else if (read.stopped === 'time') {
        set.partial.push({
          file: label,
          reason: `read only its first ${mib(read.bytes)}: the scan's time budget ran out`
        })
      }
    } catch (error) {
      set.refused.push({ file: label, reason: reasonOf(error) })
    } finally {
      await source.close().catch(() => undefined)
    }
  }
  return set
}

/** Opens a candidate after checking where its real path lies. */
async function openAdmitted(candidate: Candidate, roots: string[]): Promise<FileHandle> {
  const real = await realpath(candidate.path)
  const allowed = [...roots, candidate.base]
  if (!allowed.some(root => isWithin(real, root))) {
    throw new Error(
      `refused: its real path ${real} lies outside the workspace, RUNNER_TEMP and the pattern's own directory (a symlink out of them?)`
    )
  }
  return openRegular(real)
}

/** What a scan reads from: an open file, or a stream such as standard input. */
export interface ByteSource {
  /** Reads at most `length` bytes into the start of `buffer`; resolves to how many, 0 at the end. */
  read(buffer: Buffer, length: number): Promise<number>
  close(): Promise<void>
}

function fileSource(handle: FileHandle): ByteSource {
  return {
    read: async (buffer, length) => (await handle.read(buffer, 0, length, null)).bytesRead,
    close: () => handle.close()
  }
}

async function scanSource(
  source: ByteSource,
  label: string,
  cap: number,
  deadline: number,
  now: () => number,
  split: SplitOptions = {},
  since?: number
): Promise<{ scan: FileScan; bytes: number; stopped?: 'bytes' | 'time' }> {
  const scanner = new TranscriptScanner(label, since)
  const splitter = new RecordSplitter(scanner, split)
  // Two buffers: the next chunk is read while the splitter goes through this one; in WebAssembly memory when free,
  // so that the splitter's pass over a chunk (newlines.ts) reads it where it lies.
  const inMemory = takeChunkBuffers(CHUNK_BYTES)
  let [filling, spare] = inMemory ?? [
    Buffer.allocUnsafe(CHUNK_BYTES),
    Buffer.allocUnsafe(CHUNK_BYTES)
  ]
  let bytes = 0
  let stopped: 'bytes' | 'time' | undefined
  /** A read not awaited yet: it may still write into a buffer. */
  let inFlight: Promise<number> | undefined
  const readNext = () => (inFlight = source.read(filling, Math.min(CHUNK_BYTES, cap - bytes)))
  try {
    let reading = bytes < cap && now() < deadline ? readNext() : undefined
    for (;;) {
      if (reading === undefined) {
        // One byte more tells a file of exactly `cap` bytes from a longer one.
        if (bytes >= cap) {
          if ((await source.read(filling, 1)) > 0) stopped = 'bytes'
        } else {
          stopped = 'time'
        }
        break
      }
      const bytesRead = await reading
      inFlight = undefined
      if (bytesRead === 0) break
      bytes += bytesRead
      const chunk = filling.subarray(0, bytesRead)
      ;[filling, spare] = [spare, filling]
      reading = bytes < cap && now() < deadline ? readNext() : undefined
      splitter.push(chunk)
    }
  } finally {
    if (inMemory) {
      if (inFlight) void inFlight.catch(() => 0).then(giveBackChunkBuffers)
      else giveBackChunkBuffers()
    }
  }
  // A file cut short by a limit does not end mid-record: its last partial record is dropped, not reported.
  if (stopped === undefined) splitter.end()
  return { scan: scanner.finish(), bytes, ...(stopped ? { stopped } : {}) }
}

async function realOrResolved(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path))
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`
}

/** Scans bytes already in memory (tests, stdin-like sources), split into chunks of `chunkBytes`. */
export function scanBuffer(
  file: string,
  bytes: Buffer,
  chunkBytes = CHUNK_BYTES,
  options: SplitOptions = {}
): FileScan {
  const scanner = new TranscriptScanner(file)
  const splitter = new RecordSplitter(scanner, options)
  for (let i = 0; i < bytes.length; i += chunkBytes)
    splitter.push(bytes.subarray(i, i + chunkBytes))
  splitter.end()
  return scanner.finish()
}

/** A file a pattern matched, with the pattern's own directory (the part before any glob character). */
export interface Candidate {
  path: string
  base: string
  /** Read from this instead of opening `path` (standard input, named `-`); `base` is then not used. */
  source?: ByteSource
}

export interface Expanded {
  /** Files to read, in the order the patterns named them, each once. */
  files: Candidate[]
  /** Patterns (paths or globs) that matched nothing. */
  missing: string[]
}

const GLOB_CHARS = /[*?[]/

/** Expands newline-separated paths and globs (`*`, `?`, `[…]`, `**`). A `!pattern` line excludes. */
export async function expandPatterns(patterns: string[], cwd = process.cwd()): Promise<Expanded> {
  const files: Candidate[] = []
  const seen = new Set<string>()
  const missing: string[] = []
  const excludes = patterns
    .filter(p => p.startsWith('!'))
    .map(p => globToRegExp(absolute(p.slice(1), cwd)))
  for (const pattern of patterns) {
    if (!pattern || pattern.startsWith('!')) continue
    const path = absolute(pattern, cwd)
    let matched: string[]
    const base = fixedDirectory(path)
    if (!GLOB_CHARS.test(pattern)) {
      // Anything but a directory: scanFiles says why it will not read a FIFO or a device.
      const info = await stat(path).catch(() => undefined)
      matched = info && !info.isDirectory() ? [path] : []
    } else {
      matched = await walkGlob(path, base)
    }
    matched = matched.filter(file => !excludes.some(re => re.test(file)))
    if (matched.length === 0) missing.push(pattern)
    for (const file of matched) {
      if (seen.has(file)) continue
      seen.add(file)
      files.push({ path: file, base })
    }
  }
  return { files, missing }
}

function absolute(pattern: string, cwd: string): string {
  const expanded = pattern.startsWith('~/')
    ? join(process.env.HOME ?? '', pattern.slice(2))
    : pattern
  return isAbsolute(expanded) ? resolve(expanded) : resolve(cwd, expanded)
}

/** The deepest directory of an absolute path or glob without glob characters: a path's own directory. */
function fixedDirectory(pattern: string): string {
  const parts = pattern.split(sep)
  const fixed: string[] = []
  for (const part of parts.slice(0, -1)) {
    if (GLOB_CHARS.test(part)) break
    fixed.push(part)
  }
  return fixed.join(sep) || sep
}

/** Files matching an absolute glob: walks from its fixed directory (`root`). */
async function walkGlob(pattern: string, root: string): Promise<string[]> {
  const parts = pattern.split(sep)
  const fixedParts = root === sep ? 1 : root.split(sep).length
  const re = globToRegExp(pattern)
  const deep = parts.slice(fixedParts).some(part => part === '**') || parts.length - fixedParts > 1
  const maxDepth = parts.slice(fixedParts).includes('**') ? 32 : parts.length - fixedParts
  const out: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (deep && depth + 1 < maxDepth) await walk(path, depth + 1)
      } else if ((entry.isFile() || entry.isSymbolicLink()) && re.test(path)) {
        out.push(path)
      }
    }
  }
  await walk(root, 0)
  return out.sort()
}

/** A glob as a regular expression over whole absolute paths (`/` separators). */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` anything.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*'
          i += 2
        } else {
          re += '.*'
          i += 1
        }
      } else {
        re += '[^/]*'
      }
    } else if (c === '?') {
      re += '[^/]'
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close === -1) {
        re += '\\['
      } else {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\')
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`
        i = close
      }
    } else {
      re += c.replace(/[.+^${}()|\\\]]/g, '\\$&')
    }
  }
  return new RegExp(`^${re}$`)
}

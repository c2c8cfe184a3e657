// The scanner's only I/O: expands the `claude-output` paths and globs, and streams each file through the
// splitter and the transcript scanner in fixed-size chunks (constant memory, whatever the file's size).
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve, sep } from 'node:path'
import { RecordSplitter, type SplitOptions } from './split.js'
import { TranscriptScanner, type FileScan } from './transcript.js'

export const CHUNK_BYTES = 1024 * 1024

/** Streams one file through the scanner. Throws on I/O errors (the caller turns them into warnings). */
export async function scanFile(
  path: string,
  options: SplitOptions & { label?: string } = {}
): Promise<FileScan> {
  const scanner = new TranscriptScanner(options.label ?? path)
  const splitter = new RecordSplitter(record => scanner.record(record), options)
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  for await (const chunk of stream) splitter.push(chunk as Buffer)
  splitter.end()
  return scanner.finish()
}

/** Scans bytes already in memory (tests, stdin-like sources), split into chunks of `chunkBytes`. */
export function scanBuffer(
  file: string,
  bytes: Buffer,
  chunkBytes = CHUNK_BYTES,
  options: SplitOptions = {}
): FileScan {
  const scanner = new TranscriptScanner(file)
  const splitter = new RecordSplitter(record => scanner.record(record), options)
  for (let i = 0; i < bytes.length; i += chunkBytes)
    splitter.push(bytes.subarray(i, i + chunkBytes))
  splitter.end()
  return scanner.finish()
}

export interface Expanded {
  /** Files to read, in the order the patterns named them, each once. */
  files: string[]
  /** Patterns (paths or globs) that matched nothing. */
  missing: string[]
}

const GLOB_CHARS = /[*?[]/

/** Expands newline-separated paths and globs (`*`, `?`, `[…]`, `**`). A `!pattern` line excludes. */
export async function expandPatterns(patterns: string[], cwd = process.cwd()): Promise<Expanded> {
  const files: string[] = []
  const seen = new Set<string>()
  const missing: string[] = []
  const excludes = patterns
    .filter(p => p.startsWith('!'))
    .map(p => globToRegExp(absolute(p.slice(1), cwd)))
  for (const pattern of patterns) {
    if (!pattern || pattern.startsWith('!')) continue
    const path = absolute(pattern, cwd)
    let matched: string[]
    if (!GLOB_CHARS.test(pattern)) {
      const info = await stat(path).catch(() => undefined)
      matched = info?.isFile() ? [path] : []
    } else {
      matched = await walkGlob(path)
    }
    matched = matched.filter(file => !excludes.some(re => re.test(file)))
    if (matched.length === 0) missing.push(pattern)
    for (const file of matched) {
      if (seen.has(file)) continue
      seen.add(file)
      files.push(file)
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

/** Files matching an absolute glob: walks from the deepest directory without glob characters. */
async function walkGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(sep)
  const fixed: string[] = []
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break
    fixed.push(part)
  }
  const root = fixed.join(sep) || sep
  const re = globToRegExp(pattern)
  const deep =
    parts.slice(fixed.length).some(part => part === '**') || parts.length - fixed.length > 1
  const maxDepth = parts.slice(fixed.length).includes('**') ? 32 : parts.length - fixed.length
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

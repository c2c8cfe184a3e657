// Opening a file that something hostile may have put in place: a symlink, a FIFO with no writer (whose open() would
// block forever), a device. Shared by the scanner and the write-back's read-back of its own files.
import { constants } from 'node:fs'
import { open, stat, type FileHandle } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { sep } from 'node:path'

/** A path that is not a regular file; `reason` says what it is ("it is a FIFO, not a regular file"). */
export class NotRegularFileError extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`)
    this.name = 'NotRegularFileError'
  }
}

/**
 * Opens a path for reading without following a symlink in its last part and without blocking (a FIFO with no
 * writer, a device), then keeps it only if the descriptor is a regular file. Throws a NotRegularFileError for
 * anything else, and open()'s own error (ENOENT, ELOOP for a symlink, …) when it cannot be opened.
 */
export async function openRegular(path: string): Promise<FileHandle> {
  // Both flags are 0 where the platform has none (Windows): there, stat before opening keeps devices out.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
  if (constants.O_NONBLOCK === undefined) assertRegular(await stat(path))
  const handle = await open(path, flags)
  try {
    assertRegular(await handle.stat())
    return handle
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
}

function assertRegular(info: Stats): void {
  if (info.isFile()) return
  const what = info.isFIFO()
    ? 'a FIFO'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isSocket()
        ? 'a socket'
        : info.isDirectory()
          ? 'a directory'
          : 'a special file'
  throw new NotRegularFileError(`it is ${what}, not a regular file`)
}

/** Whether `path` is `root` or lies under it. Both absolute and normalised. */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)
}

/** The first `max` bytes of the regular file at `path` as UTF-8, or undefined when it is none or cannot be read. */
export async function readRegularText(path: string, max: number): Promise<string | undefined> {
  try {
    const handle = await openRegular(path)
    try {
      const buffer = Buffer.alloc(max)
      const { bytesRead } = await handle.read(buffer, 0, max, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch {
    return undefined
  }
}

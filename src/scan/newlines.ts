// Finds newlines and a few markers at memory speed: a transcript has millions of lines in a gigabyte (a pretty-printed
// execution file a line per key), too many to find one by one with Buffer.indexOf. WebAssembly functions compare 16
// bytes at a time (SIMD, in Node since 16.4): `count` counts newlines, bytes copied into its memory a page at a
// time; `index` lists a whole chunk's newlines and markers in one pass, with no call per line.

/**
 * The module, assembled from this text (WebAssembly 2.0 binary format, https://webassembly.github.io/spec/) by
 * wabt's wat2wasm 1.0.39 (`wat2wasm --enable-simd`):
 *
 * (module
 *   (import "js" "memory" (memory 1))
 *   (func (export "count") (param $at i32) (param $end i32) (result i32)
 *     (local $count i32) (local $newline v128)
 *     (local.set $newline (i8x16.splat (i32.const 10)))
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $at) (local.get $end)))
 *       (local.set $count (i32.add (local.get $count)
 *         (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (local.get $newline))))))
 *       (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *       (br 0)))
 *     (local.get $count))
 *   (func (export "index") (param $from i32) (param $end i32) (param $out i32) (param $close i32) (result i32 i32)
 *     (local $at i32) (local $n i32) (local $mask i32) (local $p i32) (local $word i32) (local $kind i32)
 *     (local $lines i32) (local $lineMask i32) (local $lineWord i32)
 *     (local $v0 v128) (local $v3 v128) (local $newlines v128) (local $anyAfter v128)
 *     (local.set $at (local.get $from))
 *     (local.set $lineMask (select (i32.const -1) (i32.const 0xff) (local.get $close)))
 *     (local.set $lineWord (select (i32.const 0x7d20200a) (i32.const 0x0a) (local.get $close)))
 *     (local.set $anyAfter (i8x16.splat (i32.sub (i32.const 0) (i32.eqz (local.get $close)))))
 *     (block $done (loop $blocks
 *       (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
 *       (local.set $v0 (v128.load (local.get $at)))
 *       (local.set $v3 (v128.load offset=3 (local.get $at)))
 *       (local.set $newlines (i8x16.eq (local.get $v0) (v128.const i8x16 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a)))
 *       (local.set $lines (i32.add (local.get $lines) (i32.popcnt (i8x16.bitmask (local.get $newlines)))))
 *       (local.set $mask (i8x16.bitmask (v128.or
 *         (v128.or
 *           (v128.and (local.get $newlines)
 *                     (v128.or (local.get $anyAfter) (i8x16.eq (local.get $v3) (v128.const i8x16 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d))))
 *           (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72))))
 *         (v128.or
 *           (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22)))
 *           (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65)))))))
 *       (block $none (loop $bits
 *         (br_if $none (i32.eqz (local.get $mask)))
 *         (local.set $p (i32.add (local.get $at) (i32.ctz (local.get $mask))))
 *         (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
 *         (local.set $word (i32.load (local.get $p)))
 *         (local.set $kind
 *           (if (result i32) (i32.eq (i32.and (local.get $word) (local.get $lineMask)) (local.get $lineWord))
 *             (then (i32.const 0))
 *             (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x726f7272))
 *               (then (i32.const 1))
 *               (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x22656d61))
 *                 (then (i32.const 2))
 *                 (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x65725f6c))
 *                   (then (i32.const 3))
 *                   (else (i32.const -1))))))))))
 *         (if (i32.ge_s (local.get $kind) (i32.const 0))
 *           (then
 *             (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
 *               (i32.or (i32.shl (i32.sub (local.get $p) (local.get $from)) (i32.const 2)) (local.get $kind)))
 *             (local.set $n (i32.add (local.get $n) (i32.const 1)))))
 *         (br $bits)))
 *       (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *       (br $blocks)))
 *     (local.get $n) (local.get $lines)))
 *
 * `count` reads whole 16-byte blocks from `$at` while below `$end`: callers give a multiple of 16. `index` reads
 * `[$from, $end)` and up to 19 bytes past it (callers zero them), writes at `$out` one event per newline and per
 * marker (`rror`, `ame"`, `l_re`): its offset from `$from` times 4 plus its kind (0 to 3), in order, and returns
 * how many it wrote and how many newlines it read. With `$close` set, kind 0 is a close line's newline only (one
 * followed by two spaces and `}`: a pretty-printed array's element ends there).
 */
const MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x10, 0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01,
  0x7f, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x02, 0x7f, 0x7f, 0x02, 0x0e, 0x01, 0x02, 0x6a, 0x73,
  0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01, 0x03, 0x03, 0x02, 0x00, 0x01, 0x07,
  0x11, 0x02, 0x05, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x00, 0x00, 0x05, 0x69, 0x6e, 0x64, 0x65, 0x78,
  0x00, 0x01, 0x0a, 0xed, 0x03, 0x02, 0x36, 0x02, 0x01, 0x7f, 0x01, 0x7b, 0x41, 0x0a, 0xfd, 0x0f,
  0x21, 0x03, 0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, 0x20, 0x02, 0x20,
  0x00, 0xfd, 0x00, 0x04, 0x00, 0x20, 0x03, 0xfd, 0x23, 0xfd, 0x64, 0x69, 0x6a, 0x21, 0x02, 0x20,
  0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x02, 0x0b, 0xb3, 0x03, 0x02,
  0x09, 0x7f, 0x04, 0x7b, 0x20, 0x00, 0x21, 0x04, 0x41, 0x7f, 0x41, 0xff, 0x01, 0x20, 0x03, 0x1b,
  0x21, 0x0b, 0x41, 0x8a, 0xc0, 0x80, 0xe9, 0x07, 0x41, 0x0a, 0x20, 0x03, 0x1b, 0x21, 0x0c, 0x41,
  0x00, 0x20, 0x03, 0x45, 0x6b, 0xfd, 0x0f, 0x21, 0x10, 0x02, 0x40, 0x03, 0x40, 0x20, 0x04, 0x20,
  0x01, 0x4f, 0x0d, 0x01, 0x20, 0x04, 0xfd, 0x00, 0x04, 0x00, 0x21, 0x0d, 0x20, 0x04, 0xfd, 0x00,
  0x04, 0x03, 0x21, 0x0e, 0x20, 0x0d, 0xfd, 0x0c, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a,
  0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0xfd, 0x23, 0x21, 0x0f, 0x20, 0x0a, 0x20, 0x0f,
  0xfd, 0x64, 0x69, 0x6a, 0x21, 0x0a, 0x20, 0x0f, 0x20, 0x10, 0x20, 0x0e, 0xfd, 0x0c, 0x7d, 0x7d,
  0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0xfd, 0x23,
  0xfd, 0x50, 0xfd, 0x4e, 0x20, 0x0d, 0xfd, 0x0c, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72,
  0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x72, 0x72,
  0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0xfd, 0x23,
  0xfd, 0x4e, 0xfd, 0x50, 0x20, 0x0d, 0xfd, 0x0c, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61,
  0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x22, 0x22,
  0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0xfd, 0x23,
  0xfd, 0x4e, 0x20, 0x0d, 0xfd, 0x0c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c,
  0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x65, 0x65, 0x65, 0x65,
  0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0xfd, 0x23, 0xfd, 0x4e,
  0xfd, 0x50, 0xfd, 0x50, 0xfd, 0x64, 0x21, 0x06, 0x02, 0x40, 0x03, 0x40, 0x20, 0x06, 0x45, 0x0d,
  0x01, 0x20, 0x04, 0x20, 0x06, 0x68, 0x6a, 0x21, 0x07, 0x20, 0x06, 0x20, 0x06, 0x41, 0x01, 0x6b,
  0x71, 0x21, 0x06, 0x20, 0x07, 0x28, 0x02, 0x00, 0x21, 0x08, 0x20, 0x08, 0x20, 0x0b, 0x71, 0x20,
  0x0c, 0x46, 0x04, 0x7f, 0x41, 0x00, 0x05, 0x20, 0x08, 0x41, 0xf2, 0xe4, 0xbd, 0x93, 0x07, 0x46,
  0x04, 0x7f, 0x41, 0x01, 0x05, 0x20, 0x08, 0x41, 0xe1, 0xda, 0x95, 0x93, 0x02, 0x46, 0x04, 0x7f,
  0x41, 0x02, 0x05, 0x20, 0x08, 0x41, 0xec, 0xbe, 0xc9, 0xab, 0x06, 0x46, 0x04, 0x7f, 0x41, 0x03,
  0x05, 0x41, 0x7f, 0x0b, 0x0b, 0x0b, 0x0b, 0x21, 0x09, 0x20, 0x09, 0x41, 0x00, 0x4e, 0x04, 0x40,
  0x20, 0x02, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a, 0x20, 0x07, 0x20, 0x00, 0x6b, 0x41, 0x02, 0x74,
  0x20, 0x09, 0x72, 0x36, 0x02, 0x00, 0x20, 0x05, 0x41, 0x01, 0x6a, 0x21, 0x05, 0x0b, 0x0c, 0x00,
  0x0b, 0x0b, 0x20, 0x04, 0x41, 0x10, 0x6a, 0x21, 0x04, 0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x05, 0x20,
  0x0a, 0x0b
])

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libraries leave it out). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: { js: { memory: Memory } }) => { exports: Exports }
  Memory: new (descriptor: { initial: number }) => Memory
}

interface Memory {
  buffer: ArrayBuffer
}

interface Exports {
  count: (at: number, end: number) => number
  index: (from: number, end: number, out: number, close: number) => [number, number]
}

/** An instance of the module and its memory. */
interface Indexer extends Exports {
  buffer: ArrayBuffer
}

const PAGE = 65536
const NL = 0x0a
/** Below this, a plain loop costs less than copying. */
const SMALL = 256
/** What `index` may read past the end. */
const PADDING = 32

let compiled: object | undefined

/**
 * An instance with `bytes` of memory of its own. Memory is never grown: growing detaches its old ArrayBuffer, and
 * once any ArrayBuffer has been detached V8 checks for it on every typed array access in the process, which makes
 * the scanner's byte loops (Buffer reads) much slower. A larger memory is a new instance.
 */
function instantiate(bytes: number): Indexer {
  compiled ??= new WebAssembly.Module(MODULE)
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) })
  const { exports } = new WebAssembly.Instance(compiled, { js: { memory } })
  return { count: exports.count, index: exports.index, buffer: memory.buffer }
}

/** For bytes that lie outside WebAssembly memory: copied in. */
let copying: Indexer | undefined

/** `copying`, with room for `bytes`. */
function copyingRoom(bytes: number): Indexer {
  if (!copying || copying.buffer.byteLength < bytes) copying = instantiate(bytes)
  return copying
}

/**
 * Memory a reader reads chunks into (takeChunkBuffers), so that they are indexed where they lie: two slots of
 * `size` bytes, each followed by PADDING bytes of its own, then room for a slot's events.
 */
let reading:
  | { indexer: Indexer; size: number; buffers: [Buffer, Buffer]; out: number; taken: boolean }
  | undefined

/**
 * Two buffers of `size` bytes in WebAssembly memory, to read chunks into: indexChunk and countNewlines then work on
 * them in place, with no copy. Undefined while another reader holds them. The bytes past a chunk's end (up to the
 * buffer's end and PADDING more) are the indexer's: a chunk must end where the data read into it ends.
 */
export function takeChunkBuffers(size: number): [Buffer, Buffer] | undefined {
  if (reading?.taken) return undefined
  if (reading?.size !== size) {
    const slot = (size + PADDING + 15) & ~15
    const out = 2 * slot
    const indexer = instantiate(out + 4 * size)
    reading = {
      indexer,
      size,
      buffers: [Buffer.from(indexer.buffer, 0, size), Buffer.from(indexer.buffer, slot, size)],
      out,
      taken: false
    }
  }
  reading.taken = true
  return reading.buffers
}

/** The buffers of takeChunkBuffers are free again. */
export function giveBackChunkBuffers(): void {
  if (reading) reading.taken = false
}

/** How many newline bytes `bytes[from, to)` holds. */
export function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0
  let at = from
  if (to - from >= SMALL) {
    if (reading && bytes.buffer === reading.indexer.buffer) {
      const base = bytes.byteOffset + from
      const whole = (to - from) & ~15
      count = reading.indexer.count(base, base + whole)
      at += whole
    } else {
      const indexer = copyingRoom(PAGE)
      const memory = new Uint8Array(indexer.buffer, 0, PAGE)
      while (to - at >= 16) {
        const length = Math.min(PAGE, (to - at) & ~15)
        memory.set(bytes.subarray(at, at + length))
        count += indexer.count(0, length)
        at += length
      }
    }
  }
  for (; at < to; at++) if (bytes[at] === NL) count++
  return count
}

/** Kinds of event `indexChunk` lists (an event is `offset * 4 + kind`). */
export const NEWLINE = 0
/** With `closeLines`, kind 0 is only the newline of a close line, `\n  }`. */
export const CLOSE_LINE = 0
/** `rror`: every `error`. */
export const ERROR_MARK = 1
/** `ame"`: the end of every `name"` (a tool use's name). */
export const NAME_MARK = 2
/** `l_re`: the middle of every `"tool_result"`. */
export const TOOL_RESULT_MARK = 3

export interface ChunkIndex {
  /** Each `(offset - from) * 4 + kind`, in order; valid until the next call. */
  events: Int32Array
  /** Newline bytes in the range. */
  newlines: number
}

/**
 * The newlines (or with `closeLines` only those of close lines, `\n  }`) and markers of `bytes[from, to)`, a
 * marker's offset being that of its first byte; and how many newlines the range holds.
 */
export function indexChunk(
  bytes: Uint8Array,
  from: number,
  to: number,
  closeLines = false
): ChunkIndex {
  const length = to - from
  let indexer: Indexer
  let at: number
  let out: number
  if (reading && bytes.buffer === reading.indexer.buffer && to === bytes.length) {
    indexer = reading.indexer
    at = bytes.byteOffset + from
    out = reading.out
    new Uint8Array(indexer.buffer, bytes.byteOffset + to, PADDING).fill(0)
  } else {
    at = 0
    out = (length + PADDING + 3) & ~3
    // At most one event per byte.
    indexer = copyingRoom(out + 4 * length)
    const view = new Uint8Array(indexer.buffer)
    view.set(bytes.subarray(from, to), 0)
    view.fill(0, length, length + PADDING)
  }
  const [count, newlines] = indexer.index(at, at + length, out, closeLines ? 1 : 0)
  return { events: new Int32Array(indexer.buffer, out, count), newlines }
}

// Counts newline bytes at memory speed: a pretty-printed execution file has a line per key (tens of millions in a
// gigabyte), too many to find one by one with Buffer.indexOf. A WebAssembly function compares 16 bytes at a time
// (SIMD, in Node since 16.4); bytes are copied into its memory a page at a time.

/**
 * The module, assembled by hand from this text (WebAssembly 2.0 binary format, https://webassembly.github.io/spec/):
 *
 *   (module
 *     (memory (export "memory") 1)
 *     (func (export "count") (param $at i32) (param $end i32) (result i32)
 *       (local $count i32) (local $newline v128)
 *       (local.set $newline (i8x16.splat (i32.const 10)))
 *       (block (loop
 *         (br_if 1 (i32.ge_u (local.get $at) (local.get $end)))
 *         (local.set $count (i32.add (local.get $count)
 *           (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (local.get $newline))))))
 *         (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *         (br 0)))
 *       (local.get $count)))
 *
 * `count` reads whole 16-byte blocks from `$at` while below `$end`: callers give a multiple of 16.
 */
const MODULE = Uint8Array.from([
  // header
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  // type section: (i32, i32) -> i32
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
  // function section: one function of type 0
  0x03, 0x02, 0x01, 0x00,
  // memory section: one memory of one page
  0x05, 0x03, 0x01, 0x00, 0x01,
  // export section: "memory" (memory 0), "count" (function 0)
  0x07, 0x12, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x05, 0x63, 0x6f, 0x75,
  0x6e, 0x74, 0x00, 0x00,
  // code section: one body, locals i32 and v128
  0x0a, 0x38, 0x01, 0x36, 0x02, 0x01, 0x7f, 0x01, 0x7b,
  // local.set $newline (i8x16.splat (i32.const 10))
  0x41, 0x0a, 0xfd, 0x0f, 0x21, 0x03,
  // block, loop; br_if 1 (at >= end)
  0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01,
  // count += popcnt(bitmask(eq(load(at), newline)))
  0x20, 0x02, 0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x20, 0x03, 0xfd, 0x23, 0xfd, 0x64, 0x69, 0x6a,
  0x21, 0x02,
  // at += 16; br 0; end loop, end block; count
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x02, 0x0b
])

/** The part of the WebAssembly JavaScript API used here (the project's TypeScript libraries leave it out). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => {
    exports: { memory: { buffer: ArrayBuffer }; count: (at: number, end: number) => number }
  }
}

const PAGE = 65536
const NL = 0x0a
/** Below this, a plain loop costs less than copying. */
const SMALL = 256

interface Counter {
  memory: Uint8Array
  count: (at: number, end: number) => number
}

let counter: Counter | undefined

function instance(): Counter {
  if (counter) return counter
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(MODULE))
  counter = { memory: new Uint8Array(exports.memory.buffer, 0, PAGE), count: exports.count }
  return counter
}

/** How many newline bytes `bytes[from, to)` holds. */
export function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0
  let at = from
  if (to - from >= SMALL) {
    const { memory, count: countBlocks } = instance()
    while (to - at >= 16) {
      const length = Math.min(PAGE, (to - at) & ~15)
      memory.set(bytes.subarray(at, at + length))
      count += countBlocks(0, length)
      at += length
    }
  }
  for (; at < to; at++) if (bytes[at] === NL) count++
  return count
}

// The scanner's fast path: records lying whole in a chunk are glanced at straight from it (RecordSink.glance) and
// only the rest become records; pretty elements end at their close line, found by a native search; newlines are
// counted by a WebAssembly function. Whatever the path, the splitter must hand over the same bytes at the same
// lines, and the scan must find the same things as when every record goes through `record`.
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { countToolResults } from '../src/scan/markers.js'
import {
  CLAUDE_HEAD,
  countNewlines,
  giveBackChunkBuffers,
  indexChunk,
  OFFSET_SHIFT,
  takeChunkBuffers
} from '../src/scan/newlines.js'
import { scanBuffer } from '../src/scan/read.js'
import { RecordSplitter, type RecordSink, type SplitRecord } from '../src/scan/split.js'
import { TranscriptScanner } from '../src/scan/transcript.js'

const RUNS = 200

/** What a splitter hands over, whichever way: glanced records as JSON records with no line. */
function splitAll(
  bytes: Buffer,
  chunk: number,
  glance: ((bytes: Buffer) => boolean) | undefined
): Array<{ type: string; text: string; line?: number; glanced?: true }> {
  const out: Array<{ type: string; text: string; line?: number; glanced?: true }> = []
  const sink: RecordSink = {
    record: (r: SplitRecord) =>
      out.push({ type: r.type, text: r.bytes.toString('latin1'), line: r.line }),
    ...(glance && {
      glance: (c: Buffer, start: number, end: number) => {
        if (!glance(c.subarray(start, end))) return false
        out.push({ type: 'json', text: c.toString('latin1', start, end), glanced: true })
        return true
      }
    })
  }
  const splitter = new RecordSplitter(sink)
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk))
  splitter.end()
  return out
}

/** The same scan with every record made into a SplitRecord (no glance): the slow path alone. */
function scanSlowly(file: string, bytes: Buffer, chunk: number) {
  const scanner = new TranscriptScanner(file)
  const splitter = new RecordSplitter(record => scanner.record(record))
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.subarray(i, i + chunk))
  splitter.end()
  return scanner.finish()
}

const FIXTURES = 'fixtures/cli'

describe('newlines', () => {
  test('counted as a plain loop counts them, on any range and around the 16-byte blocks', () => {
    fc.assert(
      fc.property(
        fc
          .uint8Array({ maxLength: 70_000 })
          .map(a => Buffer.from(a.map(b => (b % 7 === 0 ? 10 : b)))),
        fc.nat(),
        fc.nat(),
        (bytes, a, b) => {
          const from = bytes.length ? a % bytes.length : 0
          const to = from + (bytes.length - from ? b % (bytes.length - from + 1) : 0)
          let expected = 0
          for (let i = from; i < to; i++) if (bytes[i] === 10) expected++
          expect(countNewlines(bytes, from, to)).toBe(expected)
        }
      ),
      { numRuns: RUNS }
    )
  })
})

describe('markers indexed by chunk', () => {
  const MARKS = ['\n', 'rror', 'ame"', 'l_re']
  /** Claude's heads the pass tells after a newline (compact) or 8 bytes after a close line (pretty). */
  const HEADS = {
    compact: ['{"type":"assistant","message":{"id":"', '{"type":"user"'],
    pretty: [
      '{\n    "type": "assistant",\n    "message": {\n      "id": "',
      '{\n    "type": "user"'
    ]
  }
  const piece = fc.constantFrom(
    ...MARKS,
    '\n  }',
    '\n  ',
    ' }',
    'r',
    'a',
    'l',
    'e',
    '"',
    'x',
    'rro',
    'am',
    'l_',
    ...HEADS.compact,
    ...HEADS.pretty,
    ...HEADS.compact.map(head => `\n${head}`),
    ...HEADS.pretty.map(head => `\n  },\n  ${head}`),
    ...HEADS.pretty.map(head => `\n  }\r\n  ${head}`),
    ',\n  ',
    '{"type":"',
    '{"type":"assistant","message":{"id":',
    '{"type":"use',
    '{\n    "type": "assistant",\n    "message": {',
    '{\n    "type": "user',
    '{\n    "type": "users"'
  )

  /**
   * What indexChunk lists, by a plain loop: with `closeLines`, kind 0 is only a newline before two spaces and `}`;
   * a newline's head flag tells whether one of Claude's heads lies whole in the range where the pass looks.
   */
  function expected(bytes: Buffer, from: number, to: number, closeLines: boolean) {
    const events: number[] = []
    let newlines = 0
    const at = (i: number, m: string) =>
      bytes.toString('latin1', i, Math.min(to, i + m.length)) === m
    for (let i = from; i < to; i++) {
      if (bytes[i] === 10) newlines++
      const kind = MARKS.findIndex((m, k) => (k === 0 && closeLines ? at(i, '\n  }') : at(i, m)))
      if (kind === -1) continue
      const head =
        kind === 0 &&
        (closeLines ? HEADS.pretty : HEADS.compact).some(h => at(i + (closeLines ? 8 : 1), h))
      events.push(((i - from) << OFFSET_SHIFT) | (head ? CLAUDE_HEAD : 0) | kind)
    }
    return { events, newlines }
  }

  test('listed as a plain loop finds them, on any range and around the 16-byte blocks', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 3000 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (pieces, a, b, closeLines) => {
          const bytes = Buffer.from(pieces.join(''), 'latin1')
          const from = bytes.length ? a % bytes.length : 0
          const to = from + (bytes.length - from ? b % (bytes.length - from + 1) : 0)
          const index = indexChunk(bytes, from, to, closeLines)
          expect({ events: [...index.events], newlines: index.newlines }).toEqual(
            expected(bytes, from, to, closeLines)
          )
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('in the buffers a reader reads into: indexed and counted where they lie, the same', () => {
    const buffers = takeChunkBuffers(4096)
    expect(buffers).toBeDefined()
    // Held: nobody else gets them until they are given back.
    expect(takeChunkBuffers(4096)).toBeUndefined()
    try {
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 1500 }),
          fc.nat(),
          fc.boolean(),
          fc.nat(1),
          (pieces, a, closeLines, which) => {
            const text = Buffer.from(pieces.join(''), 'latin1').subarray(0, 4096)
            const buffer = (buffers as [Buffer, Buffer])[which] as Buffer
            // What an earlier, longer read left behind the chunk must not count.
            buffer.fill('\n  }rror')
            text.copy(buffer)
            const chunk = buffer.subarray(0, text.length)
            const from = text.length ? a % text.length : 0
            const index = indexChunk(chunk, from, chunk.length, closeLines)
            expect({ events: [...index.events], newlines: index.newlines }).toEqual(
              expected(text, from, text.length, closeLines)
            )
            expect(countNewlines(chunk, from, chunk.length)).toBe(
              expected(text, from, text.length, false).newlines
            )
          }
        ),
        { numRuns: RUNS }
      )
    } finally {
      giveBackChunkBuffers()
    }
    expect(takeChunkBuffers(4096)).toBe(buffers)
    giveBackChunkBuffers()
  })
})

describe('tool results counted unparsed', () => {
  test('long records stepped over string by string count what a plain search counts', () => {
    const word = fc.constantFrom(
      'tool_result',
      'say "tool_result',
      'tool_result"',
      '\\',
      'x'.repeat(3000),
      '"'
    )
    const value = fc.letrec(tie => ({
      value: fc.oneof(
        { depthSize: 'small' },
        word,
        fc.jsonValue(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(word, tie('value'), { maxKeys: 4 })
      )
    })).value
    fc.assert(
      fc.property(value, v => {
        const bytes = Buffer.from(JSON.stringify(v) ?? 'null')
        let expected = 0
        for (
          let at = bytes.indexOf('"tool_result"');
          at !== -1;
          at = bytes.indexOf('"tool_result"', at + 1)
        )
          expected++
        expect(countToolResults(bytes)).toBe(expected)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('the splitter with a glancing sink', () => {
  const lines = [
    '\ufeff{"type":"system","subtype":"init"}',
    '{"type":"assistant","message":{"id":"m1"}}\r',
    '  {"type":"user","message":{"content":[]}}',
    'a plain text line: 401 Unauthorized',
    '',
    '{"parentUuid":null,"type":"user"}',
    '{"type":"assistant","message":{"id":"m2","content":"a } and \\" inside"}}'
  ]
  const jsonl = Buffer.from(lines.join('\n') + '\n')
  const execution = Buffer.from(
    JSON.stringify(
      [
        { type: 'system', subtype: 'init' },
        { type: 'assistant', message: { id: 'm1', content: [{ text: '  }\n  },' }] } },
        { type: 'user', message: { content: [{ type: 'tool_result', content: '}' }] } },
        {}
      ],
      null,
      2
    ).replace(/\n/g, '\r\n')
  )

  for (const [name, bytes] of [
    ['jsonl with a BOM, CRLF, indentation, text lines and another key order', jsonl],
    ['a pretty execution file with CRLF and braces inside strings', execution]
  ] as const) {
    test(`${name}: the same records in every chunking, glanced or not`, () => {
      const whole = splitAll(bytes, bytes.length, undefined)
      for (let chunk = 1; chunk <= bytes.length; chunk++) {
        // Declined by glance: the records are made as without it, at the same lines.
        expect(splitAll(bytes, chunk, () => false)).toEqual(whole)
        // Taken by glance: the same bytes, and only records that lay whole in one chunk.
        const taken = splitAll(bytes, chunk, () => true)
        expect(taken.map(r => r.text)).toEqual(whole.map(r => r.text))
        for (const [i, r] of taken.entries()) {
          if (!r.glanced) expect(r).toEqual(whole[i])
        }
      }
    })
  }

  test('a pretty element whose close line is split across chunks at every byte', () => {
    const bytes = Buffer.from(JSON.stringify([{ a: { b: 1 } }, { c: 2 }], null, 2))
    const whole = splitAll(bytes, bytes.length, () => true)
    for (let cut = 1; cut < bytes.length; cut++) {
      const out: string[] = []
      const splitter = new RecordSplitter({
        record: r => out.push(r.bytes.toString('latin1')),
        glance: (c, start, end) => (out.push(c.toString('latin1', start, end)), true)
      })
      splitter.push(bytes.subarray(0, cut))
      splitter.push(bytes.subarray(cut))
      splitter.end()
      expect(out).toEqual(whole.map(r => r.text))
    }
  })
})

describe('the scan, fast path against the slow path', () => {
  const files = readdirSync(FIXTURES).filter(
    f => /\.(jsonl|json|txt)$/.test(f) && f !== 'manifest.json'
  )

  test.each(files)(
    '%s: the same findings, turns, tool calls, times and lines in any chunking',
    file => {
      const bytes = readFileSync(join(FIXTURES, file))
      for (const chunk of [1, 3, 17, 64, 1000, bytes.length]) {
        expect(scanBuffer(file, bytes, chunk)).toEqual(scanSlowly(file, bytes, chunk))
      }
    }
  )

  /** Claude's messages: assistant turns calling tools, their results, credential failures; any content and ids. */
  const message = (() => {
    const id = fc.constantFrom('m1', 'm2', 'm\u00e9', 'x'.repeat(200), '')
    const name = fc.constantFrom('Bash', 'Read', 'mcp__github__create_pr', 'mcp__other')
    const command = fc.constantFrom(
      'git push',
      '  gh pr list',
      'npm test',
      '/a/scripts/git-push.sh x',
      '\tgit'
    )
    const text = fc.constantFrom(
      'ok',
      'an error',
      '"tool_result"',
      'name"',
      'x'.repeat(3000),
      '\n  },\n  {'
    )
    const assistant = fc.tuple(id, name, command, text).map(([i, n, c, t]) => ({
      type: 'assistant',
      message: {
        id: i,
        content: [
          { type: 'text', text: t },
          { type: 'tool_use', id: `t${n.length}`, name: n, input: { command: c } }
        ]
      },
      timestamp: '2026-03-01T00:00:01.000Z'
    }))
    const user = fc.tuple(fc.boolean(), text, name).map(([failed, t, n]) => ({
      type: 'user',
      message: {
        content: [
          { type: 'tool_result', tool_use_id: `t${n.length}`, is_error: failed, content: t },
          { type: 'tool_result', tool_use_id: 'none', content: 'Bad credentials' }
        ]
      },
      timestamp: '2026-03-01T00:00:02.000Z'
    }))
    const failure = fc.constant({
      type: 'system',
      subtype: 'api_retry',
      error_status: 401,
      error: 'authentication_failed'
    })
    return fc.oneof(assistant, user, failure)
  })()

  /** Times go forward, as in a transcript (the fast path reads only the last of a run of records). */
  const inOrder = (text: string, i: number) =>
    text.replace('00:00:0', `00:${String(i).padStart(2, '0')}:0`)

  test('Claude-shaped messages of any content, ids and layout: the same scan as the slow path', () => {
    // An indented line's head is not where the pass compares one (right after the newline): read by the glance.
    const line = fc.tuple(
      message,
      fc.constantFrom('\n', '\r\n', ' \n'),
      fc.constantFrom('', '', ' ', '\t')
    )
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        (lines, chunk) => {
          const text = lines
            .map(([m, end, indent], i) => indent + inOrder(JSON.stringify(m), i) + end)
            .join('')
          const bytes = Buffer.from(text)
          expect(scanBuffer('t', bytes, chunk)).toEqual(scanSlowly('t', bytes, chunk))
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('an execution file of them (pretty, LF or CRLF): the same scan as the slow path, close lines anywhere', () => {
    // An element may also hold a line "  }" of its own inside a deeper object (not as JSON.stringify writes it, but
    // a file may): the first such line ends the element on both paths alike.
    const element = fc.tuple(message, fc.boolean()).map(([m, odd]) => {
      const text = JSON.stringify(m, null, 2).replace(/^/gm, '  ')
      return odd ? text.replace('\n      "content": [', '\n  }\n      "content": [') : text
    })
    // Elements one after the other as JSON.stringify writes them (the next one opened right after a close line),
    // or with a blank line, the comma on a line of its own, or on the close line's own line between them.
    const separator = fc.constantFrom(',\n', ',\n', ',\n\n', '\n,\n', ', ')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(element, separator), { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5000 }),
        (elements, crlf, chunk) => {
          const body = elements.map(([e, next], i) => (i ? next : '') + inOrder(e, i)).join('')
          const text = `[\n${body}\n]\n`
          const bytes = Buffer.from(crlf ? text.replace(/\n/g, '\r\n') : text)
          expect(scanBuffer('t', bytes, chunk)).toEqual(scanSlowly('t', bytes, chunk))
        }
      ),
      { numRuns: RUNS }
    )
  })

  test('an execution file whose elements grow long, then short again: the same scan by search and by pass', () => {
    // Long elements (a tool's long output) make the splitter end them by searching for `}`, short ones by the
    // chunk's pass: switched per chunk, by the mean size so far.
    const turn = (i: number, output: string) => [
      {
        type: 'assistant',
        message: {
          id: `m${i}`,
          content: [{ type: 'tool_use', id: `t${i}`, name: 'Bash', input: { command: 'git push' } }]
        },
        timestamp: `2026-03-01T00:${String(i).padStart(2, '0')}:01.000Z`
      },
      {
        type: 'user',
        message: {
          content: [{ type: 'tool_result', tool_use_id: `t${i}`, is_error: true, content: output }]
        },
        timestamp: `2026-03-01T00:${String(i).padStart(2, '0')}:02.000Z`
      }
    ]
    const outputs = [
      ...Array.from({ length: 4 }, () => 'PASS\n  }\n'.repeat(3000)),
      ...Array.from({ length: 40 }, () => 'ok'),
      'remote: Invalid username or password.\nfatal: Authentication failed for x',
      ...Array.from({ length: 4 }, () => 'y'.repeat(30000)),
      'ok'
    ]
    const messages = outputs.flatMap((output, i) => turn(i, output))
    const bytes = Buffer.from(JSON.stringify(messages, null, 2))
    for (const chunk of [700, 4096, 65536, bytes.length]) {
      const scan = scanBuffer('t', bytes, chunk)
      expect(scan).toEqual(scanSlowly('t', bytes, chunk))
      expect(scan.findings.map(f => [f.kind, f.turnsBefore])).toEqual([['github-auth', 45]])
    }
  })

  test('a GitHub call is remembered when its command starts with escaped white space', () => {
    const call = {
      type: 'assistant',
      message: {
        id: 'm1',
        content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: '\tgit push' } }]
      }
    }
    const failed = {
      type: 'user',
      message: {
        content: [
          {
            type: 'tool_result',
            tool_use_id: 't1',
            is_error: true,
            content:
              "Exit code 128\nremote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/o/r.git/'"
          }
        ]
      }
    }
    const bytes = Buffer.from(`${JSON.stringify(call)}\n${JSON.stringify(failed)}\n`)
    const scan = scanBuffer('t', bytes)
    expect(scan).toEqual(scanSlowly('t', bytes, bytes.length))
    expect(scan.findings.map(f => f.kind)).toEqual(['github-auth'])
  })
})

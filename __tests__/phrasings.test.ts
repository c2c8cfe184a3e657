// Every line of the phrasing corpus (fixtures/phrasings/corpus.tsv: real lines from the CLI's bundle, the
// providers' documentation and public issue threads, with their prefixed and wrapped variants) is found as its
// kind; every near miss (fixtures/phrasings/near-misses.tsv) finds nothing.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FAILURE_KINDS, PHRASINGS } from '../src/providers/failures.js'
import { scanBuffer } from '../src/scan/read.js'

const DIR = join(process.cwd(), 'fixtures', 'phrasings')

/** The rows of a TSV file, `#` lines left out; `\n` in a field is a line break. */
function rows(name: string): string[][] {
  return readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter(line => line !== '' && !line.startsWith('#'))
    .map(line => line.split('\t').map(field => field.replace(/\\n/g, '\n')))
}

/** The kinds found in the text, each once. */
const kindsIn = (text: string) => [
  ...new Set(scanBuffer('corpus', Buffer.from(`${text}\n`)).findings.map(finding => finding.kind))
]

const corpus = rows('corpus.tsv')
const nearMisses = rows('near-misses.tsv')

describe('the phrasing corpus', () => {
  test('every row names a known kind and a source', () => {
    const ids = new Set(FAILURE_KINDS.map(kind => kind.id))
    for (const [kind, source, line] of corpus) {
      expect(ids).toContain(kind)
      expect(source).toBeTruthy()
      expect(line).toBeTruthy()
    }
    expect(corpus.length).toBeGreaterThanOrEqual(40)
  })

  test.each(corpus)('%s ← %s: %s', (kind: string, _source: string, line: string) => {
    expect(kindsIn(line)).toEqual([kind])
  })

  test('recall over the corpus', () => {
    const found = corpus.filter(([kind, , line]) => kindsIn(line ?? '').join() === kind).length
    const sources = new Set(corpus.map(([, source]) => source)).size
    console.log(
      `phrasing corpus: ${found}/${corpus.length} lines found as their kind (${((100 * found) / corpus.length).toFixed(1)}%), ${sources} sources; ${nearMisses.length} near misses`
    )
    expect(found).toBe(corpus.length)
  })
})

describe('near misses find nothing', () => {
  test.each(nearMisses)('%s: %s', (_source: string, line: string) => {
    expect(kindsIn(line)).toEqual([])
  })
})

describe('the phrasing tables', () => {
  test('every phrasing names its source and has an anchor the pre-check can use', () => {
    for (const phrasing of PHRASINGS) {
      expect(phrasing.source).toBeTruthy()
      expect(phrasing.anchor.length).toBeGreaterThanOrEqual(5)
    }
  })
})

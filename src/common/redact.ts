// Redaction of the secrets the step knows, in every form a log may carry them, for text quoted into the job summary,
// annotations and the PR comment (the runner masks the log and the summary, but not a PR comment, and only the exact
// strings it was given). Pure: the caller reads the inputs and the environment.

export type Redact = (text: string) => string

/** A value shorter than this is not redacted by value: it would cut ordinary words out of the text. */
export const MIN_SECRET = 8

/**
 * The forms a value takes in logs: itself, URL-encoded (as `encodeURIComponent` writes it and with every byte
 * escaped), JSON-escaped, and base64 (standard and URL-safe) of it at each of the three byte alignments it can have
 * inside a longer encoded text: only the characters that depend on the value alone.
 */
export function secretForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const forms = [
    value,
    encodeURIComponent(value),
    [...bytes].map(byte => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    JSON.stringify(value).slice(1, -1)
  ]
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const start = Math.ceil((offset * 8) / 6)
    const end = Math.floor(((offset + bytes.length) * 8) / 6)
    const inner = encoded.slice(start, end)
    if (inner.length >= MIN_SECRET) forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...new Set(forms)]
}

/** Named character references an attacker could spell a secret with; numeric ones are decoded whatever they are. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  hyphen: '\u2010',
  dash: '\u2010',
  minus: '\u2212',
  lowbar: '_',
  underbar: '_',
  period: '.',
  colon: ':',
  semi: ';',
  sol: '/',
  bsol: '\\',
  equals: '=',
  plus: '+',
  num: '#',
  percnt: '%',
  commat: '@',
  grave: '`',
  lsqb: '[',
  rsqb: ']',
  lpar: '(',
  rpar: ')',
  excl: '!',
  quest: '?',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C'
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));?/gi

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16)
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    return valid ? String.fromCodePoint(code) : whole
  })
}

/** Dashes a secret's `-` could be written as; NFKC leaves them as they are. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D]/g

/**
 * Text as a reader sees it: character references decoded (again while that changes it: `&amp;#45;`), Unicode
 * NFKC (full-width and other compatibility letters become plain ones), format characters (zero-width spaces and
 * joiners, soft hyphens, direction marks: Unicode category Cf) removed and dashes made `-`.
 */
export function normaliseText(text: string): string {
  let current = text
  for (let round = 0; round < 4; round++) {
    const next = decodeEntities(current.normalize('NFKC').replace(/\p{Cf}/gu, ''))
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(DASHES, '-')
    if (next === current) break
    current = next
  }
  return current
}

/**
 * A redactor for the given secret values: it normalises the text, replaces each value in any of its forms
 * (ignoring case) with `[redacted]`, then anything shaped like a credential (`redactShapes`, the providers').
 */
export function redactorFor(secrets: string[], redactShapes: Redact): Redact {
  const forms = [
    ...new Set(secrets.flatMap(secret => [secret, normaliseText(secret)]).flatMap(secretForms))
  ]
    .filter(form => form.length >= MIN_SECRET)
    .sort((a, b) => b.length - a.length)
    .map(form => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const exact = forms.length > 0 ? new RegExp(forms.join('|'), 'gi') : undefined
  return text => {
    const normal = normaliseText(text)
    return redactShapes(exact ? normal.replace(exact, '[redacted]') : normal)
  }
}

/**
 * A run a secret could be re-encoded in (hex, base64, percent-encoding, reversed): 20 or more characters of those
 * alphabets, with a letter and a digit. The PR comment, which the runner does not mask and which may be public,
 * quotes none; the job summary keeps them (request ids), as the runner masks the known secrets there.
 */
const ENCODED_RUN = /[A-Za-z0-9+/=_%.-]{20,}/g

export function redactEncodedRuns(text: string): string {
  return text.replace(ENCODED_RUN, run =>
    /\d/.test(run) && /[A-Za-z]/.test(run) ? '[redacted]' : run
  )
}

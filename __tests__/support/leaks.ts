import { expect } from '@jest/globals'
import type { RunResult } from './runner.js'
import { fingerprint } from '../../src/providers/shapes.js'
import { normaliseText } from '../../src/common/redact.js'

const base64At =
  (offset: number, encoding: 'base64' | 'base64url') =>
  (secret: string): string[] => [Buffer.from('x'.repeat(offset) + secret).toString(encoding)]

/** Every printable ASCII character as its full-width twin (U+FF01–U+FF5E), which NFKC turns back. */
const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

/**
 * Each spelling a log could give a secret, by name: what a hostile transcript quotes, and what the audit looks for.
 * Base64 is of the secret behind 0, 1 or 2 other bytes, the three alignments it can have inside a longer encoding.
 */
const FORMS: Record<string, (secret: string) => string[]> = {
  exact: secret => [secret],
  trimmed: secret => [secret.trim()],
  'each line': secret =>
    secret.trim().startsWith('{') ? [] : secret.split(/\r?\n/).map(line => line.trim()),
  'base64 at 0': base64At(0, 'base64'),
  'base64 at 1': base64At(1, 'base64'),
  'base64 at 2': base64At(2, 'base64'),
  'base64url at 0': base64At(0, 'base64url'),
  'base64url at 1': base64At(1, 'base64url'),
  'base64url at 2': base64At(2, 'base64url'),
  'url-encoded': secret => [encodeURIComponent(secret)],
  'json-escaped': secret => [JSON.stringify(secret).slice(1, -1)],
  'entity-encoded': secret => [[...secret].map(c => `&#${c.codePointAt(0)};`).join('')],
  'zero-width': secret => [
    `${secret.slice(0, secret.length >> 1)}\u200B${secret.slice(secret.length >> 1)}`
  ],
  'prefix upper-cased': secret => [secret.slice(0, 12).toUpperCase() + secret.slice(12)],
  'full-width': secret => [fullWidth(secret)]
}

/** The names of the forms, in the order `spellings` gives them. */
export const FORM_NAMES = Object.keys(FORMS)

/** The secret's spelling in each form (`each line` gives one per line; none for a JSON document, whose tokens are secrets of their own). */
export function spellings(secret: string): Array<{ form: string; text: string }> {
  return FORM_NAMES.flatMap(form => FORMS[form]!(secret).map(text => ({ form, text })))
}

/** Shorter than this, a line of a secret is not looked for: it would match ordinary words. */
const MIN_KEY = 8

/**
 * Text as the audit compares it: as the redactor reads it (character references decoded, NFKC, format characters
 * removed, dashes made `-`), in lower case.
 */
const comparable = (text: string) => normaliseText(text).toLowerCase()

/**
 * What the audit looks for in a channel, each with its form's name: every spelling, comparable. Of a base64
 * spelling only the characters that depend on the secret alone (its first and last four depend on the bytes around).
 */
export function searchKeys(secret: string): Array<{ form: string; key: string }> {
  const keys = new Map<string, string>()
  for (const { form, text } of spellings(secret)) {
    const key = comparable(form.startsWith('base64') ? text.slice(4, -4) : text)
    if (key.length >= MIN_KEY && !keys.has(key)) keys.set(key, form)
  }
  return [...keys].map(([key, form]) => ({ form, key }))
}

/**
 * Asserts no secret (in any form) appears in any channel of a run, except in `::add-mask::` commands and
 * in the outputs named in `carriers`, which exist to carry a token.
 */
export function expectNoLeak(result: RunResult, secrets: string[], carriers: string[] = []): void {
  const stdout = result.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const outputs = Object.entries(result.outputs)
    .filter(([name]) => !carriers.includes(name))
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')
  const channels: Record<string, string> = {
    stdout,
    stderr: result.stderr,
    summary: result.files.summary,
    state: result.files.state,
    env: result.files.env,
    outputs
  }
  expect(findLeaks(channels, secrets)).toEqual([])
  for (const secret of secrets) expect(result.stdout).toContain(`::add-mask::${secret}`)
}

/** Every place a secret shows up in `channels`, as `channel: form of secret-fingerprint`; empty when none. */
export function findLeaks(channels: Record<string, string>, secrets: string[]): string[] {
  const texts = Object.entries(channels).map(([channel, text]) => [channel, comparable(text)])
  const found: string[] = []
  for (const secret of secrets) {
    const keys = searchKeys(secret)
    for (const [channel, text] of texts) {
      const leak = keys.find(({ key }) => text!.includes(key))
      if (leak) found.push(`${channel}: ${leak.form} form of ${fingerprint(secret)}`)
    }
  }
  return found
}

/**
 * For each of `secrets`, whether it was masked (an `::add-mask::` line) before any other line mentions it, in any
 * form or by its fingerprint. Returns the problems; empty when none.
 */
export function maskedFirst(lines: string[], secrets: string[]): string[] {
  const texts = lines.map(line => (line.startsWith('::add-mask::') ? '' : comparable(line)))
  return secrets.flatMap(secret => {
    const mask = lines.indexOf(`::add-mask::${secret}`)
    if (mask < 0) return [`${fingerprint(secret)} never masked`]
    const marks = [...searchKeys(secret).map(({ key }) => key), fingerprint(secret).toLowerCase()]
    const mention = texts.findIndex(text => marks.some(mark => text.includes(mark)))
    return mention >= 0 && mention < mask
      ? [`${fingerprint(secret)} mentioned on line ${mention} before its mask on line ${mask}`]
      : []
  })
}

import { expect } from '@jest/globals'
import type { RunResult } from './runner.js'
import { fingerprint } from '../../src/report/fingerprint.js'

/** Each form a secret could leak in, by name. */
const FORMS: Record<string, (secret: string) => string> = {
  raw: secret => secret,
  base64: secret => Buffer.from(secret).toString('base64'),
  base64url: secret => Buffer.from(secret).toString('base64url'),
  'url-encoded': secret => encodeURIComponent(secret),
  'json-escaped': secret => JSON.stringify(secret).slice(1, -1)
}

/** The names of the forms `derivedForms` makes, in its order (before de-duplication). */
export const FORM_NAMES = Object.keys(FORMS)

/** Forms a secret could leak in besides itself. */
export function derivedForms(secret: string): string[] {
  return Object.values(FORMS)
    .map(form => form(secret))
    .filter((form, i, all) => all.indexOf(form) === i)
}

function formName(secret: string, form: string): string | undefined {
  return FORM_NAMES.find(name => FORMS[name]!(secret) === form)
}

/**
 * Asserts no secret (in any derived form) appears in any channel of a run, except in `::add-mask::` commands and
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
  for (const secret of secrets) {
    for (const form of derivedForms(secret)) {
      for (const [channel, text] of Object.entries(channels)) {
        if (text.includes(form))
          throw new Error(`secret leaked into ${channel} (${formName(secret, form)} form)`)
      }
    }
    expect(result.stdout).toContain(`::add-mask::${secret}`)
  }
}

/** Every place a secret shows up in `channels`, as `channel: form of secret-fingerprint`; empty when none. */
export function findLeaks(channels: Record<string, string>, secrets: string[]): string[] {
  const found: string[] = []
  for (const secret of secrets) {
    const forms = derivedForms(secret)
    for (const [channel, text] of Object.entries(channels)) {
      const form = forms.find(f => text.includes(f))
      if (form !== undefined)
        found.push(`${channel}: ${formName(secret, form)} form of ${fingerprint(secret)}`)
    }
  }
  return found
}

/**
 * Whether `secret` was masked (an `::add-mask::` line) before any other line mentions it, in any derived form
 * or by its fingerprint. Returns the problem, or undefined.
 */
export function maskedFirst(lines: string[], secret: string): string | undefined {
  const mask = lines.indexOf(`::add-mask::${secret}`)
  if (mask < 0) return `${fingerprint(secret)} never masked`
  const marks = [...derivedForms(secret), fingerprint(secret)]
  const mention = lines.findIndex(
    line => !line.startsWith('::add-mask::') && marks.some(mark => line.includes(mark))
  )
  return mention >= 0 && mention < mask
    ? `${fingerprint(secret)} mentioned on line ${mention} before its mask on line ${mask}`
    : undefined
}

import { expect } from '@jest/globals'
import type { RunResult } from './runner.js'

/** Forms a secret could leak in besides itself. */
export function derivedForms(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1)
  ].filter((form, i, all) => all.indexOf(form) === i)
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
          throw new Error(
            `secret leaked into ${channel} (form ${derivedForms(secret).indexOf(form)})`
          )
      }
    }
    expect(result.stdout).toContain(`::add-mask::${secret}`)
  }
}

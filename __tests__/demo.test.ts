// `npm run demo` is one of the README's two first commands: it must run, and show both steps of a whole job.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

describe('npm run demo', () => {
  it('runs the main step alone, then a whole job whose post step explains the expiry', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/demo.js'], {
      timeout: 120_000
    })
    expect(stdout).toContain('| Credential | From | Fingerprint | Status |')
    expect(stdout).toMatch(
      /=== An API key the API rejects\n {2}step failed \| outputs: status=invalid/
    )
    expect(stdout).toMatch(
      /=== main step: passed\n {2}\[warning\] claude-preflight: the OAuth token/
    )
    expect(stdout).toContain('=== post step, at job end: failed the job')
    expect(stdout).toMatch(/\[error\] .*expired 47 minutes into the run/)
    expect(stdout).toContain('| ### claude-preflight: 1 credential failure in the Claude step')
    expect(stdout).toContain('5 scenarios ran against a stand-in API on loopback.')
  })
})

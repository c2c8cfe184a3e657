// Claude on Microsoft Foundry, checked by the bundled main step as the runner runs it: the credential Claude Code would
// send, proven with count_tokens at the resource's stand-in (moved by ANTHROPIC_FOUNDRY_BASE_URL). The Entra token
// comes from the Azure SDK's DefaultAzureCredential, which finds a stand-in `az` on the step's PATH as it finds the
// real one that azure/login signed in, and the az CLI's own record of that login (AZURE_CONFIG_DIR).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ASSERTION_EXPIRED,
  startFoundryStandIn,
  writeAzStandIn
} from '../stand-ins/azure-foundry.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { cloudPlatformWorkflow, runningWorkflow } from './support/checkout.js'
import { closedPort } from './support/ports.js'

const KEY = 'f0undry0e2e0key00000000000000000'
const APP_ID = '11111111-2222-4333-8444-555555555555'
const denied = new Set<string>()
let foundry: Awaited<ReturnType<typeof startFoundryStandIn>>
let scratch: string

beforeAll(async () => {
  foundry = await startFoundryStandIn({ keys: [KEY], allows: (oid: string) => !denied.has(oid) })
  scratch = mkdtempSync(join(tmpdir(), 'foundry-e2e-'))
})
afterAll(async () => {
  await foundry.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** The bundled main step with Claude switched to Foundry in the job's environment; `secrets` must not leak. */
async function run(
  env: Record<string, string>,
  secrets: string[],
  inputs: Record<string, string> = {}
) {
  const result = await runAction('dist/main/index.js', {
    inputs: { 'probe-timeout': '30s', 'min-remaining': '30m', ...inputs },
    env: { CLAUDE_CODE_USE_FOUNDRY: '1', ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl, ...env }
  })
  expectNoLeak(result, secrets)
  return result
}

/** azure/login's OIDC login: the az CLI answers with `token`, and keeps the federated token it signed in with. */
const azureLogin = (name: string, answer: Parameters<typeof writeAzStandIn>[1]) =>
  writeAzStandIn(join(scratch, name), answer)

const titled = (result: Awaited<ReturnType<typeof run>>, title: string) =>
  result.commands.find(c => c.properties === `title=${title}`)

describe('Claude on Microsoft Foundry, checked end to end', () => {
  it('valid: a Foundry key, proven with count_tokens', async () => {
    const before = foundry.requests.length
    const result = await run({ ANTHROPIC_FOUNDRY_API_KEY: KEY }, [KEY])
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(foundry.requests.length).toBe(before + 1)
    expect(result.summary).toMatch(
      /\| Azure credentials for Microsoft Foundry \(used\) \| CLAUDE_CODE_USE_FOUNDRY \| ` ANTHROPIC_FOUNDRY_API_KEY for 127\.0\.0\.1:\d+ ` \| valid \|/
    )
    expect(result.stdout).toMatch(/This proves the credential authenticates at http:\/\/127/)
  })

  it("valid, and the end said: the az CLI's token after azure/login's OIDC login lasts the job", async () => {
    const token = foundry.mintEntraToken({ appId: APP_ID, lifetimeSeconds: 3900 })
    const expiresAt = Date.now() + 65 * 60_000
    const result = await run(
      azureLogin('oidc-long', { token, expiresAt, federatedLogin: { appId: APP_ID } }),
      [token]
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(Date.parse(result.outputs['expires-at'] ?? '')).toBe(Math.floor(expiresAt / 1000) * 1000)
    expect(result.stdout).toMatch(
      /az CLI's login with a federated token \(azure\/login with OIDC\)/
    )
  })

  it('expiring: that token ends before min-remaining, and the step says why it cannot be renewed', async () => {
    const token = foundry.mintEntraToken({ appId: APP_ID, lifetimeSeconds: 2700 })
    const result = await run(
      azureLogin('oidc-short', {
        token,
        expiresAt: Date.now() + 45 * 60_000,
        federatedLogin: { appId: APP_ID }
      }),
      [token],
      { 'min-remaining': '60m' }
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('expiring')
    expect(titled(result, 'Claude credential expiring')?.message).toMatch(
      /the Azure credentials expire at .*final: the az CLI cannot renew it.*AADSTS700024.*but the job may need 1h \(min-remaining 1h\)\. Fix: The Entra token cannot be renewed in this job/
    )
  })

  it('expired: the az CLI can no longer get a token (AADSTS700024), the job fails with the fix', async () => {
    const result = await run(azureLogin('oidc-dead', { error: ASSERTION_EXPIRED }), [])
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(
      /Azure credentials have expired: DefaultAzureCredential: .*AADSTS700024.*Fix: .*azure\/login/
    )
  })

  it('invalid: no Azure sign-in on the runner, and a key Azure does not take', async () => {
    const none = await run(
      azureLogin('no-login', { error: "Please run 'az login' to setup account." }),
      []
    )
    expect(none.code).toBe(1)
    expect(none.outputs.status).toBe('invalid')
    expect(titled(none, 'Claude credential invalid')?.message).toMatch(
      /DefaultAzureCredential found no Azure credential: .*az login.*Fix: /
    )
    const wrong = 'wrong0key0of0another0resource0000'
    const key = await run({ ANTHROPIC_FOUNDRY_API_KEY: wrong }, [wrong])
    expect(key.outputs.status).toBe('invalid')
    expect(titled(key, 'Claude credential invalid')?.message).toMatch(
      /HTTP 401 401: Access denied due to invalid subscription key.*Fix: Azure refused the credential/
    )
  })

  it('forbidden: the identity has no role on the resource', async () => {
    const oid = 'dddddddd-0000-4000-8000-00000000e2e1'
    denied.add(oid)
    const token = foundry.mintEntraToken({ appId: APP_ID, oid })
    const result = await run(azureLogin('no-role', { token, expiresAt: Date.now() + 3600_000 }), [
      token
    ])
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('forbidden')
    expect(titled(result, 'Claude credential forbidden')?.message).toMatch(
      /PermissionDenied.*Fix: .*Cognitive Services User/
    )
  })

  it('Foundry down: unverifiable, a warning, never invalid', async () => {
    const result = await run(
      {
        ANTHROPIC_FOUNDRY_API_KEY: KEY,
        ANTHROPIC_FOUNDRY_BASE_URL: `http://127.0.0.1:${await closedPort()}/anthropic`
      },
      [KEY],
      { 'probe-timeout': '3s' }
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(titled(result, 'Claude credential unverifiable')?.message).toMatch(
      /connection refused.*check the network, HTTPS_PROXY and ANTHROPIC_FOUNDRY_RESOURCE/
    )
  })

  it("configured as claude-code-action's documentation does (use_foundry: true): the job's Azure login is checked", async () => {
    const job = newJob()
    const token = foundry.mintEntraToken({ appId: APP_ID, lifetimeSeconds: 3900 })
    const workflow = runningWorkflow(
      job.dir,
      cloudPlatformWorkflow('use_foundry', {
        loginSteps: `      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
`
      })
    )
    const result = await runAction('dist/main/index.js', {
      job,
      inputs: { 'probe-timeout': '30s' },
      env: {
        ...azureLogin('action', {
          token,
          expiresAt: Date.now() + 65 * 60_000,
          federatedLogin: { appId: APP_ID }
        }),
        ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl,
        ...workflow
      }
    })
    expectNoLeak(result, [token])
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toContain('Azure credentials for Microsoft Foundry (used)')
    expect(result.summary).toMatch(/timeout-minutes: 45/)
  })
})

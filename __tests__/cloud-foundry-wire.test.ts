// The credential of Claude on Microsoft Foundry on the wire, over loopback: count_tokens at the resource's stand-in
// (moved by ANTHROPIC_FOUNDRY_BASE_URL), with a key or a fixed Entra token. A token from the Azure SDK's
// DefaultAzureCredential comes from child processes it starts with the real process environment, which a test cannot
// move: __tests__/foundry.e2e.test.ts runs the bundled step with a stand-in `az` on its PATH.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { send } from '../src/http/request.js'
import { checkFoundryCredentials } from '../src/cloud/foundry/check.js'
import { readFoundrySettings } from '../src/cloud/foundry/settings.js'
import { startFoundryStandIn } from '../stand-ins/azure-foundry.js'
import { closedPort } from './support/ports.js'

type Foundry = Awaited<ReturnType<typeof startFoundryStandIn>>

const KEY = 'f0undry0key0000000000000000000000'
const denied = new Set<string>()
let foundry: Foundry
let masked: string[] = []

const deps = (timeoutMs = 20_000) => ({
  send,
  timeoutMs,
  baseDelayMs: 10,
  mask: (value: string) => void masked.push(value)
})
const envWith = (extra: Record<string, string>) => ({
  CLAUDE_CODE_USE_FOUNDRY: '1',
  ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl,
  ...extra
})
const sent = () => foundry.requests.length
const expectNoSecret = (result: object, secrets: string[]) => {
  const text = JSON.stringify(result)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

beforeAll(async () => {
  foundry = await startFoundryStandIn({ keys: [KEY], allows: oid => !denied.has(oid) })
})
afterAll(async () => {
  await foundry.close()
})

describe('a Foundry key or a fixed Entra token', () => {
  it('proves a key with count_tokens, sent as x-api-key as Claude Code sends it, and masks it', async () => {
    masked = []
    const before = sent()
    const result = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_API_KEY: ` ${KEY}\n` }),
      deps()
    )
    expect(result.status).toBe('valid')
    expect(result.message).toMatch(/Foundry accepted ANTHROPIC_FOUNDRY_API_KEY at http:\/\/127/)
    expect(result.expiresAt).toBeUndefined()
    expect(masked).toEqual([KEY])
    const request = foundry.requests[before]
    expect(request?.path).toBe('/anthropic/v1/messages/count_tokens')
    expect(request?.headers['x-api-key']).toBe(KEY)
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.headers['anthropic-version']).toBe('2023-06-01')
    expect(JSON.parse(request?.body ?? '{}').model).toBe('claude-sonnet-4-5')
    expectNoSecret(result, [KEY])
  })

  it('calls a key Azure does not take invalid, in Azure words, with its request id', async () => {
    const result = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_API_KEY: 'not-a-key-of-this-resource-000000' }),
      deps()
    )
    expect(result.status).toBe('invalid')
    expect(result.httpStatus).toBe(401)
    expect(result.message).toMatch(/invalid subscription key or wrong API endpoint/)
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expectNoSecret(result, ['not-a-key-of-this-resource-000000'])
  })

  it('sends ANTHROPIC_FOUNDRY_AUTH_TOKEN as a bearer token before a key, and its exp is the end', async () => {
    const token = foundry.mintEntraToken({ lifetimeSeconds: 3000 })
    const before = sent()
    const result = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_AUTH_TOKEN: token, ANTHROPIC_FOUNDRY_API_KEY: KEY }),
      deps()
    )
    expect(result.status).toBe('valid')
    expect(foundry.requests[before]?.headers.authorization).toBe(`Bearer ${token}`)
    expect(foundry.requests[before]?.headers['x-api-key']).toBeUndefined()
    expect(result.expirySource).toBe('the exp claim of ANTHROPIC_FOUNDRY_AUTH_TOKEN')
    const left = (result.expiresAt?.getTime() ?? 0) - Date.now()
    expect(left).toBeGreaterThan(2900_000)
    expect(left).toBeLessThanOrEqual(3000_000)
    expect(result.message).toMatch(/cannot renew it/)
    expectNoSecret(result, [token])
  })

  it('calls a token past its exp expired without sending it', async () => {
    const token = foundry.mintEntraToken({ issuedAt: Date.now() - 7200_000, lifetimeSeconds: 3600 })
    const before = sent()
    const result = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_AUTH_TOKEN: token }),
      deps()
    )
    expect(result.status).toBe('expired')
    expect(result.message).toMatch(/ANTHROPIC_FOUNDRY_AUTH_TOKEN expired at .* \(its exp claim\)/)
    expect(sent()).toBe(before)
  })

  it('calls an identity without a role on the resource forbidden', async () => {
    const oid = 'dddddddd-0000-4000-8000-000000000001'
    denied.add(oid)
    const result = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_AUTH_TOKEN: foundry.mintEntraToken({ oid }) }),
      deps()
    )
    expect(result.status).toBe('forbidden')
    expect(result.httpStatus).toBe(403)
    expect(result.message).toMatch(
      /PermissionDenied: The principal .* lacks the required data action/
    )
    expect(result.proves).toMatch(/authenticates .* but its identity may not call/)
  })
})

describe('what is not the credential', () => {
  it('retries a service that is down and calls it unverifiable, never invalid', async () => {
    const down = await startFoundryStandIn({ keys: [KEY], faults: [503, 503, 503, 503] })
    try {
      const result = await checkFoundryCredentials(
        { ANTHROPIC_FOUNDRY_BASE_URL: down.baseUrl, ANTHROPIC_FOUNDRY_API_KEY: KEY },
        deps()
      )
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(/HTTP 503: ServiceUnavailable.* after 4 attempts/)
      expect(down.requests).toHaveLength(4)
    } finally {
      await down.close()
    }
  })

  it('is unverifiable when a proxy refuses with its own page, or nothing answers in time', async () => {
    const proxied = await startFoundryStandIn({ keys: [KEY], faults: ['html-401', 'hang'] })
    try {
      const env = { ANTHROPIC_FOUNDRY_BASE_URL: proxied.baseUrl, ANTHROPIC_FOUNDRY_API_KEY: KEY }
      const page = await checkFoundryCredentials(env, deps())
      expect(page.status).toBe('unverifiable')
      expect(page.message).toMatch(/HTTP 401, not Foundry's answer .*a proxy in between/)
      const started = Date.now()
      const hung = await checkFoundryCredentials(env, { ...deps(1500), attempts: 1 })
      expect(hung.status).toBe('unverifiable')
      expect(hung.message).toMatch(/no answer within 1\.5s/)
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await proxied.close()
    }
  })

  it('takes a deployment the resource lacks as a yes to the credential, and names the fix', async () => {
    const resource = await startFoundryStandIn({ keys: [KEY], deployments: ['claude-opus-team'] })
    try {
      const result = await checkFoundryCredentials(
        { ANTHROPIC_FOUNDRY_BASE_URL: resource.baseUrl, ANTHROPIC_FOUNDRY_API_KEY: KEY },
        deps()
      )
      expect(result.status).toBe('valid')
      expect(result.message).toMatch(
        /DeploymentNotFound.*no deployment named claude-sonnet-4-5.*ANTHROPIC_DEFAULT_SONNET_MODEL/
      )
      const named = await checkFoundryCredentials(
        {
          ANTHROPIC_FOUNDRY_BASE_URL: resource.baseUrl,
          ANTHROPIC_FOUNDRY_API_KEY: KEY,
          ANTHROPIC_DEFAULT_SONNET_MODEL: 'claude-opus-team'
        },
        deps()
      )
      expect(named.message).toMatch(/^Foundry accepted/)
    } finally {
      await resource.close()
    }
  })

  it('says why Claude Code would not start, as its Foundry client refuses the URL settings', async () => {
    const before = sent()
    const both = await checkFoundryCredentials(
      envWith({ ANTHROPIC_FOUNDRY_RESOURCE: 'my-resource', ANTHROPIC_FOUNDRY_API_KEY: KEY }),
      deps()
    )
    expect(both.status).toBe('invalid')
    expect(both.message).toMatch(/both set.*mutually exclusive.*keep only one/)
    const url = await checkFoundryCredentials(
      {
        ANTHROPIC_FOUNDRY_RESOURCE: 'https://my-resource.services.ai.azure.com',
        ANTHROPIC_FOUNDRY_API_KEY: KEY
      },
      deps()
    )
    expect(url.message).toMatch(
      /must be a Foundry resource name.*ANTHROPIC_FOUNDRY_BASE_URL instead/
    )
    const none = await checkFoundryCredentials({ ANTHROPIC_FOUNDRY_API_KEY: KEY }, deps())
    expect(none.message).toMatch(
      /neither ANTHROPIC_FOUNDRY_RESOURCE nor ANTHROPIC_FOUNDRY_BASE_URL/
    )
    expect(sent()).toBe(before)
    expect(readFoundrySettings({ ANTHROPIC_FOUNDRY_RESOURCE: 'my-resource' })).toMatchObject({
      baseUrl: 'https://my-resource.services.ai.azure.com/anthropic',
      baseUrlFrom: 'ANTHROPIC_FOUNDRY_RESOURCE',
      credential: { kind: 'azure' }
    })
  })

  it('has nothing to check when a gateway signs the requests (CLAUDE_CODE_SKIP_FOUNDRY_AUTH)', async () => {
    const result = await checkFoundryCredentials(
      envWith({ CLAUDE_CODE_SKIP_FOUNDRY_AUTH: '1' }),
      deps()
    )
    expect(result.status).toBe('unverifiable')
    expect(result.message).toMatch(/sends no credential of its own/)
  })
})

describe('an Entra token from the Azure credential chain', () => {
  it('is unverifiable, never invalid, when Entra does not answer (the service principal in the environment)', async () => {
    // EnvironmentCredential reads process.env in this process: the service principal, and Entra moved to a dead port.
    const saved = { ...process.env }
    Object.assign(process.env, {
      AZURE_TENANT_ID: '00000000-0000-4000-8000-000000000000',
      AZURE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
      AZURE_CLIENT_SECRET: 'entra-secret-of-the-wire-test',
      AZURE_AUTHORITY_HOST: `https://127.0.0.1:${await closedPort()}`
    })
    try {
      const before = sent()
      const result = await checkFoundryCredentials(envWith({}), deps())
      expect(result.status).toBe('unverifiable')
      expect(result.message).toMatch(/^DefaultAzureCredential: .*endpoints_resolution_error/)
      expect(sent()).toBe(before)
      expectNoSecret(result, ['entra-secret-of-the-wire-test'])
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      Object.assign(process.env, saved)
    }
  })
})

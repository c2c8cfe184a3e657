// The renewer's Azure source: when Claude on Microsoft Foundry can run on a federated token file the renewer keeps
// fresh, with which client and tenant, and what defeats it; the az CLI's record of azure/login's federated sign-in;
// the source's job description, read defensively.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { claudeRenewal } from '../src/renew/plan.js'
import { AZURE_FEDERATION_AUDIENCE, AZURE_SOURCE, azureIdentity } from '../src/renew/azure.js'
import { azureFederatedLogins, type AzureFederatedLogin } from '../src/cloud/foundry/entra.js'
import { selectCredential } from '../src/providers/select.js'
import { findClaudeStep } from '../src/workflow/claude-step.js'

const APP = '11111111-2222-4333-8444-555555555555'
const TENANT = '00000000-0000-4000-8000-000000000000'
const LOGIN: AzureFederatedLogin = { clientId: APP, tenantId: TENANT }

const BARE = `      - name: Claude
        run: claude -p "review"
`

/** The plan for a job whose Claude step is `step`, with `env` as the job's environment. */
function planFor(env: Record<string, string>, logins: AzureFederatedLogin[], step = BARE) {
  const workflow = parse(`on: push
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - id: preflight
        uses: owner/claude-preflight@v1
${step}`)
  const selection = selectCredential(
    { input: () => '', now: new Date('2026-11-21T12:00:00Z') },
    { CLAUDE_CODE_USE_FOUNDRY: '1', ANTHROPIC_FOUNDRY_RESOURCE: 'acme', ...env },
    findClaudeStep(workflow, 'review')
  )
  const renewal = claudeRenewal({ selection, renewCommand: '', env: OIDC, azureLogins: logins })
  return 'why' in renewal ? renewal : { kind: renewal.source.kind, ...renewal.plan }
}

/** The job's OIDC token request (`permissions: id-token: write`). */
const OIDC = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
}

describe('the Azure plan', () => {
  it("takes the app and tenant of azure/login's federated sign-in, and says what the renewer does", () => {
    const plan = planFor({}, [LOGIN])
    expect(plan).toEqual({
      kind: 'azure',
      job: {
        kind: 'azure',
        audience: AZURE_FEDERATION_AUDIENCE,
        requestUrl: OIDC.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: OIDC.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      },
      renewedBy: expect.stringMatching(
        /^the preflight's renewer \(input 'renew'\), which rewrites AZURE_FEDERATED_TOKEN_FILE with a fresh GitHub OIDC token \(audience api:\/\/AzureADTokenExchange\)/
      ),
      warnings: []
    })
  })

  it("exports the sign-in's app and tenant, and keeps the job's own AZURE_CLIENT_ID and AZURE_TENANT_ID", () => {
    expect(azureIdentity({}, [LOGIN])).toEqual({
      exports: { AZURE_CLIENT_ID: APP, AZURE_TENANT_ID: TENANT }
    })
    expect(azureIdentity({ AZURE_CLIENT_ID: 'app-of-job' }, [LOGIN])).toEqual({
      exports: { AZURE_TENANT_ID: TENANT }
    })
    expect(
      azureIdentity({ AZURE_CLIENT_ID: 'app-of-job', AZURE_TENANT_ID: 'tenant-of-job' }, [])
    ).toEqual({ exports: {} })
  })

  it('says why not: a Foundry key or token outranks Entra, a gateway signs, a secret renews itself', () => {
    const why = (env: Record<string, string>) => {
      const plan = planFor(env, [LOGIN])
      return 'why' in plan ? plan.why : `planned ${plan.kind}`
    }
    expect(why({ ANTHROPIC_FOUNDRY_API_KEY: 'k' })).toMatch(
      /sends ANTHROPIC_FOUNDRY_API_KEY, which outranks any Entra token: a Foundry key does not expire/
    )
    expect(why({ ANTHROPIC_FOUNDRY_AUTH_TOKEN: 'eyJ.x.y' })).toMatch(
      /sends ANTHROPIC_FOUNDRY_AUTH_TOKEN, .*remove it from the Claude step/
    )
    expect(why({ CLAUDE_CODE_SKIP_FOUNDRY_AUTH: '1' })).toMatch(/a gateway signs the requests/)
    expect(why({ AZURE_CLIENT_SECRET: 's' })).toMatch(
      /AZURE_CLIENT_SECRET is set, .*nothing needs renewing/
    )
  })

  it('a key the Claude step sets from a secret outranks Entra too, though its value cannot be read', () => {
    const plan = planFor(
      {},
      [LOGIN],
      `      - name: Claude
        env:
          ANTHROPIC_FOUNDRY_API_KEY: \${{ secrets.FOUNDRY_KEY }}
        run: claude -p "review"
`
    )
    expect('why' in plan && plan.why).toMatch(/sends ANTHROPIC_FOUNDRY_API_KEY/)
  })

  it('without a client and tenant it says where to set them; several sign-ins are not guessed between', () => {
    for (const logins of [[], [LOGIN, { clientId: 'other-app', tenantId: TENANT }]]) {
      const plan = planFor({}, logins)
      expect('why' in plan && plan.why).toMatch(
        /needs AZURE_CLIENT_ID and AZURE_TENANT_ID, .*set them in the job's `env:` to azure\/login's `client-id` and `tenant-id`$/
      )
    }
  })

  it("warns when the Claude step sets its own AZURE_FEDERATED_TOKEN_FILE, which outranks the renewer's", () => {
    const plan = planFor(
      {},
      [LOGIN],
      `      - name: Claude
        env:
          AZURE_FEDERATED_TOKEN_FILE: /tmp/own-token
        run: claude -p "review"
`
    )
    expect('warnings' in plan && plan.warnings).toEqual([
      expect.stringMatching(
        /^step 'Claude' \(#2\) of job 'review' sets its own AZURE_FEDERATED_TOKEN_FILE .*outranks the one the renewer keeps fresh/
      )
    ])
  })
})

describe("the az CLI's federated sign-ins", () => {
  it('reads the service principals signed in with a client assertion, and nothing from a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'az-config-'))
    expect(azureFederatedLogins({ AZURE_CONFIG_DIR: dir })).toEqual([])
    writeFileSync(
      join(dir, 'service_principal_entries.json'),
      JSON.stringify([
        { client_id: APP, tenant: TENANT, client_assertion: 'eyJ.a.b' },
        { client_id: 'secret-app', tenant: TENANT, client_secret: 's' },
        null
      ])
    )
    expect(azureFederatedLogins({ AZURE_CONFIG_DIR: dir })).toEqual([LOGIN])
    writeFileSync(join(dir, 'service_principal_entries.json'), '{"not": "a list"')
    expect(azureFederatedLogins({ AZURE_CONFIG_DIR: dir })).toEqual([])
  })
})

describe('AZURE_SOURCE.readJob', () => {
  const whole = {
    kind: 'azure',
    file: '/tmp/r/azure-federated-token',
    audience: AZURE_FEDERATION_AUDIENCE,
    requestUrl: 'https://pipelines.example/idtoken?api-version=2.0',
    requestToken: 'request-token'
  }
  it('reads a whole part, and refuses one missing a field', () => {
    expect(AZURE_SOURCE.readJob(whole)).toEqual(whole)
    for (const field of ['file', 'audience', 'requestUrl', 'requestToken'])
      expect(AZURE_SOURCE.readJob({ ...whole, [field]: 7 })).toBeUndefined()
  })
})

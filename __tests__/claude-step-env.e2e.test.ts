// A platform's settings where the Claude step keeps them, checked by the bundled main step: claude-code-action's
// documentation puts ANTHROPIC_FOUNDRY_BASE_URL, ANTHROPIC_VERTEX_PROJECT_ID and friends in the Claude step's own
// `env:`, which the preflight's step does not see. What the step writes out is read; what it sets from an expression
// this step cannot evaluate makes the verdict `unverifiable`, never `invalid`, until this step is given the same
// value. Likewise a route named by input `provider` whose settings this step was not given, a federation whose
// workflow could not be read, and the post step's fix for a federated token that expired mid-run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFoundryStandIn } from '../stand-ins/azure-foundry.js'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { cloudPlatformWorkflow, runningWorkflow } from './support/checkout.js'

const KEY = 'f0undry0stepenv0key0000000000000'
let foundry: Awaited<ReturnType<typeof startFoundryStandIn>>
let google: Awaited<ReturnType<typeof startGoogleCloudStandIn>>
let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let federation: Awaited<ReturnType<typeof startFederationStandIn>>

beforeAll(async () => {
  foundry = await startFoundryStandIn({ keys: [KEY] })
  google = await startGoogleCloudStandIn()
  oidc = await startGitHubOidcStandIn()
  federation = await startFederationStandIn({ oidc })
})
afterAll(async () => {
  await Promise.all([foundry.close(), google.close(), oidc.close(), federation.close()])
})

/** The bundled main step in a job whose workflow is `workflow` (when given), with `env` as the job's environment. */
async function run(
  workflow: string | undefined,
  env: Record<string, string>,
  inputs: Record<string, string> = {},
  secrets: string[] = []
) {
  const job = newJob()
  const result = await runAction('dist/main/index.js', {
    job,
    inputs: { 'probe-timeout': '30s', 'min-remaining': '20m', ...inputs },
    env: { ...env, ...(workflow && runningWorkflow(job.dir, workflow)) }
  })
  expectNoLeak(result, secrets)
  return { ...result, dir: job.dir }
}

const annotation = (result: Awaited<ReturnType<typeof run>>) =>
  result.commands.find(c => /^title=Claude credential/.test(c.properties ?? ''))?.message ?? ''

describe("a platform's settings in the Claude step's own env:", () => {
  it('Foundry as claude-code-action documents it: the resource URL written in the step is the one checked', async () => {
    const before = foundry.requests.length
    const result = await run(
      cloudPlatformWorkflow('use_foundry', {
        stepEnv: { ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl }
      }),
      { ANTHROPIC_FOUNDRY_API_KEY: KEY },
      {},
      [KEY]
    )
    expect(result.outputs.status).toBe('valid')
    expect(foundry.requests.length).toBe(before + 1)
  })

  it('Vertex with the project from an expression: unverifiable until this step gets the same value', async () => {
    const credentials = join(newJob().dir, 'gha-creds.json')
    writeFileSync(
      credentials,
      JSON.stringify(
        google.serviceAccountKey('ci@claude-ci.iam.gserviceaccount.com', { projectId: '' })
      )
    )
    const workflow = cloudPlatformWorkflow('use_vertex', {
      stepEnv: {
        ANTHROPIC_VERTEX_PROJECT_ID: '${{ vars.GCP_PROJECT }}',
        ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`
      }
    })
    const env = { GOOGLE_APPLICATION_CREDENTIALS: credentials, CLOUD_ML_REGION: 'us-east5' }
    const unread = await run(workflow, env)
    expect(unread.code).toBe(0)
    expect(unread.outputs.status).toBe('unverifiable')
    expect(annotation(unread)).toMatch(
      /could not be checked: .*the Claude step sets ANTHROPIC_VERTEX_PROJECT_ID from an expression this step cannot read: give this step the same value in its `env:`/
    )
    const given = await run(workflow, { ...env, ANTHROPIC_VERTEX_PROJECT_ID: 'claude-ci' })
    expect(given.outputs.status).toBe('valid')
  })

  it("input 'provider' naming a platform whose settings this step does not see: unverifiable, never invalid", async () => {
    const result = await run(undefined, {}, { provider: 'foundry' })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(annotation(result)).toMatch(
      /input 'provider' names Microsoft Foundry, but this step does not see its settings: give this step the Claude step's settings/
    )
  })

  it('federation when the workflow cannot be read: who writes the identity token is unknown, so unverifiable', async () => {
    const result = await run(
      undefined,
      {
        ...oidc.env,
        ...federation.env,
        GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/gone.yml@refs/heads/main',
        GITHUB_WORKSPACE: newJob().dir
      },
      { 'github-token': '' }
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(annotation(result)).toMatch(
      /no Claude step was found in the job's workflow: claude-code-action writes the identity token file itself/
    )
  })

  it('post: a federated token refused mid-run gets federation’s own fix, not a setup-token’s', async () => {
    const main = await run(
      undefined,
      {
        ...oidc.env,
        ...federation.env,
        ANTHROPIC_IDENTITY_TOKEN_FILE: '/home/runner/work/_temp/identity-token'
      },
      { 'min-remaining': '5m' }
    )
    expect(main.outputs.status).toBe('valid')
    const output = join(main.dir, 'claude.txt')
    writeFileSync(
      output,
      'API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"OAuth token has expired. Please obtain a new token or refresh your existing token."}}\n'
    )
    const post = await runAction('dist/post/index.js', {
      inputs: { 'claude-output': output },
      state: main.state,
      env: { GITHUB_WORKSPACE: main.dir }
    })
    expect(post.summary).toMatch(/\*\*Fix:\*\* A federated token lives minutes/)
    expect(post.summary).not.toMatch(/setup-token/)
  })
})

// Claude on Google Vertex AI, checked by the bundled main step as the runner runs it: the Application Default
// Credentials Claude Code's google-auth-library would use, minted against the Google stand-in and proven with Vertex
// AI's count-tokens, their lifetime weighed against the job. Endpoints are moved the way users move them: the URLs
// inside the credentials file, ANTHROPIC_VERTEX_BASE_URL, the google-tokeninfo-url input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { cloudPlatformWorkflow, runningWorkflow } from './support/checkout.js'
import { closedPort } from './support/ports.js'

const SA = 'claude-ci@claude-ci.iam.gserviceaccount.com'
const denied = new Set<string>()
let google: Awaited<ReturnType<typeof startGoogleCloudStandIn>>
let dir: string

beforeAll(async () => {
  google = await startGoogleCloudStandIn({ allows: (who: string) => !denied.has(who) })
  dir = mkdtempSync(join(tmpdir(), 'vertex-e2e-'))
})
afterAll(() => google.close())

let files = 0
/** The environment of a job after google-github-actions/auth: its credentials file, Claude Code's Vertex settings. */
function vertexEnv(credentials: object | undefined): Record<string, string> {
  const env: Record<string, string> = {
    CLOUD_ML_REGION: 'us-east5',
    ANTHROPIC_VERTEX_PROJECT_ID: 'claude-ci',
    ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`
  }
  if (credentials) {
    const path = join(dir, `gha-creds-${++files}.json`)
    writeFileSync(path, JSON.stringify(credentials))
    env.GOOGLE_APPLICATION_CREDENTIALS = path
  }
  return env
}

/** The bundled main step with Claude switched to Vertex AI in the job's environment. */
async function run(
  credentials: object | undefined,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  google.requests.length = 0
  const result = await runAction('dist/main/index.js', {
    inputs: {
      'probe-timeout': '30s',
      'min-remaining': '30m',
      'google-tokeninfo-url': `${google.url}/tokeninfo`,
      ...inputs
    },
    env: { CLAUDE_CODE_USE_VERTEX: '1', ...vertexEnv(credentials), ...env }
  })
  // Every token this run sent, and the request token inside the file.
  const external = (credentials as { type?: string } | undefined)?.type === 'external_account'
  expectNoLeak(result, [...(external ? [google.requestToken] : []), ...tokensSeen()])
  return result
}
const tokensSeen = () =>
  google.requests
    .map(r => /^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1])
    .filter((t): t is string => !!t)

const titled = (result: Awaited<ReturnType<typeof run>>, title: string) =>
  result.commands.find(c => c.properties === `title=${title}`)

describe('Claude on Google Vertex AI, checked end to end', () => {
  it('valid: workload identity federation through a service account; it lasts the job', async () => {
    const result = await run(google.externalAccount({ impersonate: SA }))
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toMatch(
      /\| Google credentials for Google Vertex AI \(used\) \| CLAUDE_CODE_USE_VERTEX \| ` claude-ci@claude-ci\.iam\.gserviceaccount\.com ` \| valid \| job end \| renewed during the run \| ok \|/
    )
    expect(result.stdout).toMatch(
      /they last the job: google-auth-library mints a new token from credential_source\.url/
    )
    expect(result.stdout).toMatch(
      /This proves the credentials may call Anthropic's models on Vertex AI in project claude-ci/
    )
  })

  it('expired: a user login whose refresh token Google says is expired or revoked', async () => {
    const result = await run(google.userLogin('dev@example.com', { revoked: true }))
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(
      /Google credentials have expired: OAuth token endpoint \(token_uri\): HTTP 400 invalid_grant: Token has been expired or revoked\..*Fix: /
    )
  })

  it('invalid: a service account key Google does not know', async () => {
    const result = await run(google.serviceAccountKey(SA, { known: false }))
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(/Invalid JWT Signature/)
  })

  it('forbidden: live, but no aiplatform.endpoints.predict in the project', async () => {
    const email = 'no-vertex@claude-ci.iam.gserviceaccount.com'
    denied.add(email)
    const result = await run(google.externalAccount({ impersonate: email }))
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('forbidden')
    expect(titled(result, 'Claude credential forbidden')?.message).toMatch(
      /PERMISSION_DENIED.*aiplatform\.endpoints\.predict.*Fix: The Google identity is live but may not call Vertex AI there: grant it `roles\/aiplatform\.user`/
    )
  })

  it('a bare access token that ends before min-remaining: expiring, failed before Claude starts', async () => {
    const token = google.accessToken(SA, 40 * 60)
    const result = await run(
      undefined,
      { 'min-remaining': '60m' },
      { CLAUDE_CODE_SKIP_VERTEX_AUTH: '1', ANTHROPIC_AUTH_TOKEN: token }
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('expiring')
    expect(titled(result, 'Claude credential expiring')?.message).toMatch(
      /the Google credentials expire at .*\(Google tokeninfo: a bare access token is never renewed\), but the job may need 1h.*Fix: A bare access token/
    )
  })

  it('no project: a one-line error with the fix', async () => {
    const result = await run(google.externalAccount(), {}, { ANTHROPIC_VERTEX_PROJECT_ID: '' })
    expect(result.code).toBe(1)
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(
      /no Google Cloud project for Vertex AI: set ANTHROPIC_VERTEX_PROJECT_ID/
    )
  })

  it('Vertex AI down: unverifiable, a warning, never invalid', async () => {
    const result = await run(
      google.externalAccount(),
      { 'probe-timeout': '3s' },
      { ANTHROPIC_VERTEX_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` }
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(titled(result, 'Claude credential unverifiable')?.command).toBe('warning')
  })

  it("configured as claude-code-action's documentation does (use_vertex: true): the job's Google credentials are checked", async () => {
    const job = newJob()
    const workflow = runningWorkflow(job.dir, cloudPlatformWorkflow('use_vertex'))
    const { CLOUD_ML_REGION, ...env } = vertexEnv(google.externalAccount({ impersonate: SA }))
    const result = await runAction('dist/main/index.js', {
      job,
      inputs: { 'probe-timeout': '30s', 'google-tokeninfo-url': `${google.url}/tokeninfo` },
      env: {
        ...env,
        ...workflow
      }
    })
    expect(CLOUD_ML_REGION).toBe('us-east5')
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toContain('Google credentials for Google Vertex AI (used)')
    // Without CLOUD_ML_REGION, Claude Code's own default region.
    expect(result.stdout).toMatch(
      /region us-east5 \(Claude Code's default, CLOUD_ML_REGION unset\)/
    )
    expect(result.summary).toMatch(/timeout-minutes: 45/)
  })
})

// dist/cli ships only code the CLI can load: every chunk of it is loaded by one of the CLI's own runs (a check with
// a credential to probe and the job's workflow to read, a scan), and none holds the action's GitHub client or its
// secret sealing (octokit, libsodium), which the CLI never calls. Node's coverage output lists each script a run
// loaded (https://nodejs.org/api/cli.html#node_v8_coveragedir).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { checkout } from './support/checkout.js'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startFederationStandIn } from '../stand-ins/anthropic-federation.js'
import { startFoundryStandIn, writeAzStandIn } from '../stand-ins/azure-foundry.js'
import { startGoogleCloudStandIn } from '../stand-ins/google-cloud.js'

const CLI = resolve('dist/cli')
const KEY = 'sk-ant-api03-CLI-chunks-key-000'
/**
 * Chunks of AWS's credential providers that only an SSO or credential-process profile loads: shipped for Claude on
 * Bedrock with such a profile, never loaded by a run here (they call AWS's own services).
 */
const AWS_PROFILE_ONLY =
  /@aws-sdk\/(?:credential-provider-(?:sso|process|login)|token-providers|client-sso)/
/**
 * The `open` package, which @azure/identity imports lazily only to show a browser for an interactive sign-in that
 * DefaultAzureCredential never does: shipped (a runner's checkout has no node_modules to find it in), never loaded.
 */
const BROWSER_SIGN_IN_ONLY = /node_modules\/open\/index\.js/

/** Code of the action's own GitHub calls and secret write-back, by the names it carries in a bundle. */
const NEVER_IN_CLI = /@octokit\/|@actions\/github|libsodium|octokit-core\.js/

const chunks = () => readdirSync(CLI).filter(name => name.endsWith('.js'))

let api: Awaited<ReturnType<typeof startAnthropicStandIn>>
beforeAll(async () => {
  api = await startAnthropicStandIn({ credentials: { [KEY]: 'valid' } })
})
afterAll(() => api.close())

/** Runs the bundled CLI; returns its exit status and the dist/cli files it loaded. */
async function loadedBy(
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: unknown; loaded: string[] }> {
  const coverage = mkdtempSync(join(tmpdir(), 'cli-chunks-'))
  const child = spawn(process.execPath, [join(CLI, 'index.js'), ...args], {
    env: { PATH: process.env.PATH, NODE_V8_COVERAGE: coverage, ...env },
    stdio: 'ignore'
  })
  const code = await new Promise(done => child.on('close', done))
  const urls = readdirSync(coverage).flatMap(file =>
    (
      JSON.parse(readFileSync(join(coverage, file), 'utf8')) as { result: Array<{ url: string }> }
    ).result.map(script => script.url)
  )
  const loaded = urls
    .filter(url => url.startsWith('file:'))
    .map(url => fileURLToPath(url))
    .filter(path => path.startsWith(`${CLI}/`))
    .map(path => path.slice(CLI.length + 1))
  return { code, loaded }
}

describe('dist/cli', () => {
  it('holds no octokit or libsodium code', () => {
    const holding = chunks().filter(name =>
      NEVER_IN_CLI.test(readFileSync(join(CLI, name), 'utf8'))
    )
    expect(holding).toEqual([])
  })

  it('loads every chunk it ships in a check and a scan', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cli-chunks-job-'))
    const sha = checkout(workspace, {
      '.github/workflows/ci.yml': 'jobs:\n  review:\n    timeout-minutes: 30\n    steps: []\n'
    })
    const check = await loadedBy(['check', '--json'], {
      ANTHROPIC_API_KEY: KEY,
      ANTHROPIC_BASE_URL: api.url,
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/ci.yml@refs/heads/main',
      GITHUB_WORKFLOW_SHA: sha,
      GITHUB_JOB: 'review',
      GITHUB_WORKSPACE: workspace
    })
    const transcript = join(workspace, 'transcript.jsonl')
    writeFileSync(transcript, '{"type":"result","is_error":false}\n')
    const scan = await loadedBy(['scan', transcript], {})
    // Claude on Bedrock: the AWS chunks, loaded only then (keys from the environment, then from a profile).
    const account = awsAccount()
    const sts = await startStsStandIn({ account })
    const bedrock = await startBedrockStandIn({ account, allows: () => true })
    const keys = account.issue({ arn: 'arn:aws:sts::123456789012:assumed-role/ci/runner' })
    const awsEnv = {
      CLAUDE_CODE_USE_BEDROCK: '1',
      AWS_REGION: 'us-west-2',
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
      HOME: workspace
    }
    const fromEnv = await loadedBy(['check', '--json'], {
      ...awsEnv,
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey
    })
    const credentials = join(workspace, 'aws-credentials')
    writeFileSync(
      credentials,
      `[ci]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`
    )
    const fromProfile = await loadedBy(['check', '--json'], {
      ...awsEnv,
      AWS_PROFILE: 'ci',
      AWS_SHARED_CREDENTIALS_FILE: credentials
    })
    await Promise.all([sts.close(), bedrock.close()])
    // Workload identity federation: its check, loaded only then.
    const oidc = await startGitHubOidcStandIn()
    const federation = await startFederationStandIn({ oidc })
    const federated = await loadedBy(['check', '--json'], {
      ...oidc.env,
      ...federation.env,
      ANTHROPIC_IDENTITY_TOKEN_FILE: join(workspace, 'identity-token'),
      HOME: workspace
    })
    await Promise.all([federation.close(), oidc.close()])
    // Claude on Foundry: its chunks and the Azure SDK's, loaded only when no key is set (the az CLI's token).
    const foundry = await startFoundryStandIn()
    const fromAzureCli = await loadedBy(['check', '--json'], {
      CLAUDE_CODE_USE_FOUNDRY: '1',
      ANTHROPIC_FOUNDRY_BASE_URL: foundry.baseUrl,
      HOME: workspace,
      ...writeAzStandIn(join(workspace, 'az'), {
        token: foundry.mintEntraToken(),
        expiresAt: Date.now() + 3600_000
      })
    })
    await foundry.close()
    // Claude on Vertex AI: the Google chunk, loaded only then.
    const google = await startGoogleCloudStandIn()
    const googleCredentials = join(workspace, 'gha-creds.json')
    writeFileSync(googleCredentials, JSON.stringify(google.externalAccount()))
    const vertex = await loadedBy(['check', '--json'], {
      CLAUDE_CODE_USE_VERTEX: '1',
      ANTHROPIC_VERTEX_PROJECT_ID: 'claude-ci',
      ANTHROPIC_VERTEX_BASE_URL: `${google.url}/v1`,
      GOOGLE_APPLICATION_CREDENTIALS: googleCredentials,
      HOME: workspace
    })
    await google.close()
    expect([
      check.code,
      scan.code,
      fromEnv.code,
      fromProfile.code,
      federated.code,
      fromAzureCli.code,
      vertex.code
    ]).toEqual([0, 0, 0, 0, 0, 0, 0])

    const loaded = new Set([
      ...check.loaded,
      ...scan.loaded,
      ...fromEnv.loaded,
      ...fromProfile.loaded,
      ...federated.loaded,
      ...fromAzureCli.loaded,
      ...vertex.loaded
    ])
    const unloaded = chunks().filter(name => !loaded.has(name))
    expect(
      unloaded.filter(name => {
        const code = readFileSync(join(CLI, name), 'utf8')
        return !AWS_PROFILE_ONLY.test(code) && !BROWSER_SIGN_IN_ONLY.test(code)
      })
    ).toEqual([])
  })
})

// Input `renew` on Amazon Bedrock, end to end as the runner runs a job: aws-actions/configure-aws-credentials assumed a
// role (its session's keys are in the job's environment); the bundled main step checks them and starts the renewer,
// which assumes the same role again with a fresh GitHub OIDC token (the OIDC and STS stand-ins) before each session
// ends; the real claude CLI signs with the session the renewer keeps fresh, read through the `awsCredentialExport`
// main wrote into settings.json, through a scripted session on the Bedrock runtime stand-in that lasts several
// sessions' lives; the bundled post step stops the renewer and reports. Lifetimes are scaled down: sessions of 4
// seconds (an hour at least in AWS), which Claude Code keeps until Bedrock refuses them as expired, then reads again
// (__tests__/claude-cli-aws-export.test.ts). Without the renewer the same run fails, and the post step finds the
// expired AWS session.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'
import { startGitHubStandIn } from '../stand-ins/github.js'
import { newJob, runAction, type Job } from './support/runner.js'
import { findLeaks } from './support/leaks.js'
import {
  alive,
  postStopsRenewer,
  pushJobEnv,
  renewalRunChannels,
  runClaudeStep
} from './support/claude-step.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const SESSION_SECONDS = 4
const ROLE = 'arn:aws:iam::123456789012:role/claude-ci'
/** Five tool turns of 2 seconds each, then the answer: about 12 seconds, three sessions' lives. */
const TURNS = [
  ...Array.from({ length: 5 }, () => ({ bash: 'sleep 2' })),
  { text: 'All checks passed.' }
]

let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
let github: Awaited<ReturnType<typeof startGitHubStandIn>>

beforeAll(async () => {
  expect(existsSync('dist/renewer/index.js')).toBe(true) // run `npm run bundle` first
  oidc = await startGitHubOidcStandIn()
  github = await startGitHubStandIn({ routes: [], state: {} })
})
afterAll(async () => Promise.all([oidc.close(), github.close()]))

/** An AWS account whose STS trusts the job's OIDC tokens of audience sts.amazonaws.com, and its Bedrock runtime. */
async function startAws({ trustsJob = true } = {}) {
  const account = awsAccount()
  const issued: Array<ReturnType<typeof account.issue>> = []
  const issue = account.issue.bind(account)
  account.issue = options => {
    const keys = issue(options)
    issued.push(keys)
    return keys
  }
  const sts = await startStsStandIn({
    account,
    sessionSeconds: SESSION_SECONDS,
    acceptsWebIdentity: token =>
      trustsJob && oidc.minted.some(m => m.token === token && m.claims.aud === 'sts.amazonaws.com')
  })
  const bedrock = await startBedrockStandIn({ account, turns: TURNS })
  /** The session configure-aws-credentials got before the preflight ran. */
  const firstSession = (lifeMs: number) =>
    account.issue({
      arn: 'arn:aws:sts::123456789012:assumed-role/claude-ci/GitHubActions',
      expiresAt: new Date(Date.now() + lifeMs)
    })
  const secrets = () => issued.flatMap(k => [k.secretAccessKey, k.sessionToken ?? ''])
  return {
    sts,
    bedrock,
    firstSession,
    secrets,
    close: () => Promise.all([sts.close(), bedrock.close()])
  }
}

const WORKFLOW = `on: push
permissions:
  contents: read
  id-token: write
jobs:
  claude:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    env:
      CLAUDE_CODE_USE_BEDROCK: '1'
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE}
          aws-region: us-west-2
      - id: preflight
        uses: owner/claude-preflight@v1
        with:
          renew: true
      - name: Claude
        run: claude -p "review" --output-format stream-json --verbose > "$RUNNER_TEMP/claude.log"
`

type Aws = Awaited<ReturnType<typeof startAws>>

/**
 * The job's environment after configure-aws-credentials: its session's keys (living `sessionMs`), the region, the
 * endpoints moved.
 */
function jobEnv(job: Job, aws: Aws, sessionMs: number): Record<string, string> {
  const keys = aws.firstSession(sessionMs)
  return {
    ...oidc.env,
    ...pushJobEnv(job, WORKFLOW, github.url),
    HOME: job.dir,
    CLAUDE_CODE_USE_BEDROCK: '1',
    AWS_REGION: 'us-west-2',
    AWS_ENDPOINT_URL_STS: aws.sts.url,
    ANTHROPIC_BEDROCK_BASE_URL: aws.bedrock.url,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_SESSION_TOKEN: keys.sessionToken!
  }
}

/**
 * The bare Claude step, with the job's AWS keys in its environment as configure-aws-credentials leaves them: Claude
 * Code retries a refusal twice here (ten times by default, with a backoff of minutes).
 */
const claudeStep = (job: Job, env: Record<string, string>) =>
  runClaudeStep(job, env.GITHUB_WORKSPACE!, {
    CLAUDE_CODE_MAX_RETRIES: '2',
    CLAUDE_CODE_USE_BEDROCK: '1',
    AWS_REGION: env.AWS_REGION!,
    ANTHROPIC_BEDROCK_BASE_URL: env.ANTHROPIC_BEDROCK_BASE_URL!,
    AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID!,
    AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY!,
    AWS_SESSION_TOKEN: env.AWS_SESSION_TOKEN!
  })

const runtimeSigners = (aws: Aws) =>
  aws.bedrock.requests
    .filter(r => r.path.endsWith('/invoke-with-response-stream'))
    .map(r => /Credential=([^/]+)\//.exec(String(r.headers.authorization ?? ''))?.[1])

describe('renew: an AWS session through awsCredentialExport outlives its lifetime', () => {
  it('with the renewer the run finishes; the post step stops it and says what it did', async () => {
    const aws = await startAws()
    try {
      const job = newJob()
      // The job's own session only proves the route to the check: it must outlive a busy machine's start of the main
      // step. Claude Code never signs with it (awsCredentialExport outranks it).
      const env = jobEnv(job, aws, 120_000)
      const settingsPath = join(job.dir, '.claude', 'settings.json')
      mkdirSync(join(job.dir, '.claude'))
      writeFileSync(settingsPath, JSON.stringify({ model: 'claude-sonnet-4-5' }))
      const main = await runAction(MAIN, {
        job,
        inputs: { renew: 'true', 'probe-timeout': '30s' },
        env
      })
      expect(main.outputs.status).toBe('valid')
      const binding = JSON.parse(main.state.renewer!) as { pid: number; dir: string }
      expect(alive(binding.pid)).toBe(true)
      const file = join(binding.dir, 'aws-credentials.json')
      expect(statSync(file).mode & 0o777).toBe(0o600)
      // The renewer assumed the role of configure-aws-credentials' step, with an OIDC token for STS.
      const assumed = aws.sts.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
      expect(assumed[0]?.params.get('RoleArn')).toBe(ROLE)
      expect(assumed[0]?.params.get('RoleSessionName')).toBe('GitHubActions')
      // awsCredentialExport prints the renewer's file; every other key of the user's settings is kept.
      const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>
      expect(settings).toEqual({
        model: 'claude-sonnet-4-5',
        awsCredentialExport: `cat '${file}'`
      })
      // Neither the renewer's arguments nor its environment hold the OIDC request token or a session's secrets.
      const proc = {
        cmdline: readFileSync(`/proc/${binding.pid}/cmdline`, 'utf8'),
        environ: readFileSync(`/proc/${binding.pid}/environ`, 'utf8')
      }
      expect(findLeaks(proc, [oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...aws.secrets()])).toEqual(
        []
      )

      const code = await claudeStep(job, env)
      expect(code).toBe(0)
      expect(readFileSync(join(job.dir, 'claude.log'), 'utf8')).toContain('All checks passed.')
      // Claude Code signed with several sessions, each one the renewer's, never the job's own keys.
      const signers = runtimeSigners(aws)
      expect(new Set(signers).size).toBeGreaterThanOrEqual(2)
      expect(signers).not.toContain(env.AWS_ACCESS_KEY_ID)

      const post = await postStopsRenewer(job, main, env, binding)
      // The hand-off is taken out again: the file it prints is gone.
      expect(JSON.parse(readFileSync(settingsPath, 'utf8'))).toEqual({ model: 'claude-sonnet-4-5' })
      const report = post.commands.find(c => c.command === 'notice' && /renewer/.test(c.message))
      const renewed =
        /renewed the AWS session that awsCredentialExport prints (\d+) times; the run lasted \d+s, its first AWS session [1-4]s\./.exec(
          report?.message ?? ''
        )
      expect(renewed).not.toBeNull()
      expect(Number(renewed![1])).toBeGreaterThanOrEqual(2)
      expect(post.commands.filter(c => c.command === 'error')).toEqual([])
      expect(findLeaks(renewalRunChannels(main, post), aws.secrets())).toEqual([])
    } finally {
      await aws.close()
    }
  }, 150_000)

  it('without the renewer the same run fails, and the post step finds the expired AWS session', async () => {
    const aws = await startAws()
    try {
      const job = newJob()
      const env = jobEnv(job, aws, SESSION_SECONDS * 1000)
      const main = await runAction(MAIN, { job, inputs: { 'probe-timeout': '30s' }, env })
      expect(main.state.renewer).toBe('')

      const code = await claudeStep(job, env)
      expect(code).toBe(1)
      expect(new Set(runtimeSigners(aws))).toEqual(new Set([env.AWS_ACCESS_KEY_ID]))
      const post = await runAction(POST, {
        job,
        state: main.state,
        inputs: { 'claude-output': join(job.dir, 'claude.log') },
        env
      })
      expect(post.code).toBe(1)
      const error = post.commands.find(c => c.command === 'error')
      expect(error?.message).toMatch(/expired/i)
      expect(post.summary).toContain('aws-auth-expired')
    } finally {
      await aws.close()
    }
  }, 150_000)

  it('a renewer that cannot start fails the job the check let pass because of it, unless on-expiring is warn', async () => {
    const aws = await startAws({ trustsJob: false })
    try {
      for (const [onExpiring, code, command] of [
        ['auto', 1, 'error'],
        ['warn', 0, 'warning']
      ] as const) {
        const job = newJob()
        const env = jobEnv(job, aws, 120_000)
        const main = await runAction(MAIN, {
          job,
          inputs: { renew: 'true', 'on-expiring': onExpiring, 'probe-timeout': '30s' },
          env
        })
        expect(main.code).toBe(code)
        expect(main.state.renewer).toBe('')
        const said = main.commands.find(
          c => c.command === command && /renewer did not start/.test(c.message)
        )
        expect(said?.properties).toContain('title=Credential renewal did not start')
        expect(said?.message).toMatch(/The check counted on it/)
      }
    } finally {
      await aws.close()
    }
  }, 120_000)
})

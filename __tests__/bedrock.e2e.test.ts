// Claude on Amazon Bedrock, checked by the bundled main step as the runner runs it: the AWS credentials Claude Code's
// SDK would find, proven with STS GetCallerIdentity and Bedrock's ListInferenceProfiles against stand-ins that check
// the SigV4 signatures themselves, their expiry weighed against the job. Endpoints are moved the way users move them
// (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_BEDROCK).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { runAction, newJob } from './support/runner.js'
import { expectNoLeak } from './support/leaks.js'
import { cloudPlatformWorkflow, runningWorkflow } from './support/checkout.js'
import { closedPort } from './support/ports.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Keys = ReturnType<ReturnType<typeof awsAccount>['issue']>

const account = awsAccount()
const forbidden = new Set<string>()
const ARN = 'arn:aws:sts::123456789012:assumed-role/claude-ci/runner'
let sts: Awaited<ReturnType<typeof startStsStandIn>>
let bedrock: Awaited<ReturnType<typeof startBedrockStandIn>>

beforeAll(async () => {
  sts = await startStsStandIn({ account })
  bedrock = await startBedrockStandIn({ account, allows: (arn: string) => !forbidden.has(arn) })
})
afterAll(async () => {
  await Promise.all([sts.close(), bedrock.close()])
})

const session = (minutes: number, arn = ARN) =>
  account.issue({ arn, expiresAt: new Date(Date.now() + minutes * 60_000) })

const awsEnv = (keys: Keys): Record<string, string> => ({
  AWS_REGION: 'us-west-2',
  AWS_ENDPOINT_URL_STS: sts.url,
  AWS_ENDPOINT_URL_BEDROCK: bedrock.url,
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  ...(keys.sessionToken && { AWS_SESSION_TOKEN: keys.sessionToken })
})

/** The bundled main step with Claude switched to Bedrock in the job's environment. */
async function run(
  keys: Keys,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  const result = await runAction('dist/main/index.js', {
    inputs: { 'probe-timeout': '30s', 'min-remaining': '30m', ...inputs },
    env: { CLAUDE_CODE_USE_BEDROCK: '1', ...awsEnv(keys), ...env }
  })
  expectNoLeak(
    result,
    [keys.secretAccessKey, keys.sessionToken].filter((s): s is string => !!s)
  )
  return result
}

const titled = (result: Awaited<ReturnType<typeof run>>, title: string) =>
  result.commands.find(c => c.properties === `title=${title}`)

describe('Claude on Amazon Bedrock, checked end to end', () => {
  it('valid: live, Bedrock policy attached, the expiry exported for Claude Code’s AWS SDK', async () => {
    const keys = session(120)
    const before = bedrock.requests.length
    const result = await run(keys, {
      'aws-expiration': new Date(Date.now() + 90 * 60_000).toISOString()
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    // The earlier of the session's own expiry and the one given.
    const expires = Date.parse(result.outputs['expires-at'] ?? '')
    expect(Math.abs(expires - (Date.now() + 90 * 60_000))).toBeLessThan(5 * 60_000)
    expect(result.files.env).toContain('AWS_CREDENTIAL_EXPIRATION')
    expect(bedrock.requests.length).toBe(before + 1)
    expect(result.summary).toMatch(
      /\| AWS credentials for Amazon Bedrock \(used\) \| CLAUDE_CODE_USE_BEDROCK \| ` arn:aws:sts::\*{12}:assumed-role\/claude-ci\/runner ` \| valid \|/
    )
    // The account id is masked, as configure-aws-credentials masks it.
    expect(result.summary).not.toContain('123456789012')
    expect(result.stdout).toMatch(/This proves .*no free call proves bedrock:InvokeModel/)
  })

  it('expired: STS refuses the session, the job fails with the fix', async () => {
    const result = await run(session(-1))
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(
      /AWS credentials have expired: STS GetCallerIdentity: HTTP 403 ExpiredToken.*Fix: .*role-duration-seconds/
    )
  })

  it('invalid: keys AWS does not know', async () => {
    const keys = { ...session(60), accessKeyId: 'ASIAUNKNOWNKEY000000' }
    const result = await run(keys)
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('invalid')
    expect(titled(result, 'Claude credential invalid')?.message).toMatch(/InvalidClientTokenId/)
  })

  it('forbidden: live, but no Bedrock policy in the region', async () => {
    const arn = 'arn:aws:sts::123456789012:assumed-role/no-bedrock/runner'
    forbidden.add(arn)
    const result = await run(session(120, arn))
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('forbidden')
    expect(titled(result, 'Claude credential forbidden')?.message).toMatch(
      /AccessDeniedException.*Fix: The AWS identity is live but has no Bedrock policy/
    )
  })

  it('a session that ends before min-remaining: expiring, failed before Claude starts', async () => {
    // configure-aws-credentials leaves the expiry out of the environment; given here as the SDK's own variable.
    const result = await run(
      session(40),
      { 'min-remaining': '60m' },
      { AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 40 * 60_000).toISOString() }
    )
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('expiring')
    expect(titled(result, 'Claude credential expiring')?.message).toMatch(
      /the AWS credentials expire at .*, but the job may need 1h \(min-remaining 1h\)\. Fix: A session from aws-actions\/configure-aws-credentials lasts `role-duration-seconds`/
    )
  })

  it('STS down: unverifiable, a warning, never invalid', async () => {
    const result = await run(
      session(120),
      { 'probe-timeout': '3s' },
      {
        AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}`
      }
    )
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('unverifiable')
    expect(titled(result, 'Claude credential unverifiable')?.command).toBe('warning')
  })

  it("configured as claude-code-action's documentation does (use_bedrock: true): the job's AWS credentials are checked", async () => {
    const job = newJob()
    const keys = session(120)
    const workflow = runningWorkflow(job.dir, cloudPlatformWorkflow('use_bedrock'))
    const result = await runAction('dist/main/index.js', {
      job,
      inputs: { 'probe-timeout': '30s' },
      env: {
        ...awsEnv(keys),
        ...workflow
      }
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toContain('AWS credentials for Amazon Bedrock (used)')
    expect(result.summary).toMatch(/timeout-minutes: 45/)
  })

  it('post: a session that expired mid-run, tied to what the preflight measured of it', async () => {
    const keys = session(20)
    const job = newJob()
    const main = await runAction('dist/main/index.js', {
      job,
      inputs: {
        'probe-timeout': '30s',
        'min-remaining': '15m',
        'aws-expiration': new Date(Date.now() + 20 * 60_000).toISOString()
      },
      env: { CLAUDE_CODE_USE_BEDROCK: '1', ...awsEnv(keys) }
    })
    expect(main.outputs.status).toBe('valid')
    // The real CLI's run on an expired session (scripts/make-fixtures.js), its refusal dated 25 minutes on.
    const at = new Date(Date.now() + 25 * 60_000).toISOString()
    const transcript = readFileSync('fixtures/cli/bedrock-expired.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as Record<string, unknown>)
      .map(record => (record.type === 'assistant' ? { ...record, timestamp: at } : record))
    const output = join(job.dir, 'claude.jsonl')
    writeFileSync(output, transcript.map(record => JSON.stringify(record)).join('\n') + '\n')
    const post = await runAction('dist/post/index.js', {
      inputs: { 'claude-output': output },
      state: main.state,
      env: { GITHUB_WORKSPACE: job.dir }
    })
    expect(post.code).toBe(1)
    expect(post.summary).toMatch(
      /The AWS credentials for Amazon Bedrock were refused 2[45] minutes after the preflight's check \(.*\), past the expiry it measured \(.*\)\./
    )
  })

  it("input 'provider' checks Bedrock for a Claude step whose environment this step cannot see", async () => {
    const keys = session(120)
    const result = await runAction('dist/main/index.js', {
      inputs: { 'probe-timeout': '30s', 'min-remaining': '30m', provider: 'bedrock' },
      env: awsEnv(keys)
    })
    expect(result.code).toBe(0)
    expect(result.outputs.status).toBe('valid')
    expect(result.summary).toContain('AWS credentials for Amazon Bedrock (used)')
    expect(result.stdout).not.toMatch(/::warning::/)
  })
})

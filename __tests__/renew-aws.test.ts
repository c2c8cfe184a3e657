// The AWS renewal source: when it renews (an AWS platform, a role to assume, the job's OIDC request) and why not; its
// mint over the wire against the GitHub OIDC and STS stand-ins (the session parsed into STS's shape, a refusal
// permanent, STS's own failures not); the job description read defensively; the secrets of its file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { send } from '../src/http/request.js'
import { AWS_SOURCE, roleOf, type AwsJob } from '../src/renew/aws.js'
import type { PlanContext } from '../src/renew/source.js'
import type { Selection } from '../src/providers/select.js'
import type { ClaudeStep } from '../src/workflow/claude-step.js'
import { PLATFORMS } from '../src/providers/platforms.js'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startGitHubOidcStandIn } from '../stand-ins/github-oidc.js'

const ROLE = 'arn:aws:iam::123456789012:role/claude-ci'
const platform = (id: string) => PLATFORMS.find(p => p.id === id)!
const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/idtoken?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
}

/** A claude step after a configure-aws-credentials step given `inputs`. */
const afterLogin = (inputs: Record<string, string>): ClaudeStep => ({
  kind: 'claude-cli',
  label: "step 'Claude' (#3) of job 'review'",
  index: 2,
  env: {},
  inputs: {},
  variable: () => ({ kind: 'inherited' }),
  differing: [],
  awsLogin: { label: "step #1 of job 'review'", inputs }
})

const context = (
  selection: Partial<Selection>,
  env: NodeJS.ProcessEnv = {},
  claudeEnv: NodeJS.ProcessEnv = env
): PlanContext => ({
  selection: {
    others: [],
    warnings: [],
    platform: platform('bedrock'),
    claudeEnv: { env: claudeEnv, unreadable: [] },
    ...selection
  },
  renewCommand: '',
  env
})

describe('roleOf', () => {
  it('AWS_ROLE_ARN first, with AWS_ROLE_SESSION_NAME; STS defaults otherwise', () => {
    const step = afterLogin({ 'role-to-assume': 'arn:aws:iam::999999999999:role/other' })
    expect(
      roleOf(
        { others: [], warnings: [], claudeStep: step },
        { AWS_ROLE_ARN: ROLE, AWS_ROLE_SESSION_NAME: 'ci-run' }
      )
    ).toEqual({ roleArn: ROLE, roleSessionName: 'ci-run', audience: 'sts.amazonaws.com' })
  })

  it("else configure-aws-credentials' inputs: the role, its session's name and length, the audience", () => {
    const step = afterLogin({
      'role-to-assume': ROLE,
      'role-session-name': 'review',
      'role-duration-seconds': '7200',
      audience: 'sts.amazonaws.com.cn'
    })
    expect(roleOf({ others: [], warnings: [], claudeStep: step }, {})).toEqual({
      roleArn: ROLE,
      roleSessionName: 'review',
      durationSeconds: 7200,
      audience: 'sts.amazonaws.com.cn'
    })
    // A length outside STS's range is left to STS's default; a name STS refuses, to configure-aws-credentials'.
    const odd = afterLogin({
      'role-to-assume': ROLE,
      'role-session-name': 'has spaces',
      'role-duration-seconds': '60'
    })
    expect(roleOf({ others: [], warnings: [], claudeStep: odd }, {})).toEqual({
      roleArn: ROLE,
      roleSessionName: 'GitHubActions',
      audience: 'sts.amazonaws.com'
    })
  })

  it.each([
    [{}, undefined, /no role to assume .*AWS_ROLE_ARN.*role-to-assume/],
    [
      {},
      '${{ secrets.AWS_ROLE }}',
      /input role-to-assume of step #1 .*is an expression .*\$\{\{ secrets\.AWS_ROLE \}\}/
    ],
    [{ AWS_ROLE_ARN: 'claude-ci' }, undefined, /^AWS_ROLE_ARN is not an IAM role's ARN/]
  ])('why not: env %j, role-to-assume %s', (env, written, why) => {
    const step = written === undefined ? undefined : afterLogin({ 'role-to-assume': written })
    const role = roleOf({ others: [], warnings: [], ...(step && { claudeStep: step }) }, env)
    expect('why' in role && role.why).toMatch(why)
  })
})

describe('AWS_SOURCE.plan', () => {
  it('claims the AWS platforms only', () => {
    const env = { ...OIDC_ENV, AWS_ROLE_ARN: ROLE }
    for (const id of ['bedrock', 'mantle', 'anthropic-aws'])
      expect(AWS_SOURCE.plan(context({ platform: platform(id) }, env))).toHaveProperty('job')
    expect(AWS_SOURCE.plan(context({ platform: platform('vertex') }, env))).toBeUndefined()
    expect(AWS_SOURCE.plan(context({ platform: undefined }, env))).toBeUndefined()
  })

  it("the job: the role, STS's endpoint as Claude Code's SDK reaches it, the job's OIDC request", () => {
    const env = { ...OIDC_ENV, AWS_ROLE_ARN: ROLE }
    const claudeEnv = { AWS_REGION: 'eu-west-3' }
    expect(AWS_SOURCE.plan(context({}, env, claudeEnv))).toEqual({
      job: {
        kind: 'aws',
        roleArn: ROLE,
        roleSessionName: 'GitHubActions',
        audience: 'sts.amazonaws.com',
        stsEndpoint: 'https://sts.eu-west-3.amazonaws.com',
        requestUrl: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: OIDC_ENV.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      },
      renewedBy: expect.stringContaining(`assumes ${ROLE} again with a fresh GitHub OIDC token`),
      warnings: []
    })
    const moved = AWS_SOURCE.plan(context({}, env, { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9/' }))
    expect(moved).toMatchObject({ job: { stsEndpoint: 'http://127.0.0.1:9' } })
  })

  it('why not: no role, or no OIDC request for the job', () => {
    expect(AWS_SOURCE.plan(context({}, OIDC_ENV))).toEqual({
      why: expect.stringMatching(
        /^the renewer cannot renew the Amazon Bedrock session: no role to assume/
      )
    })
    expect(AWS_SOURCE.plan(context({}, { AWS_ROLE_ARN: ROLE }))).toEqual({
      why: expect.stringMatching(/no OIDC token request .*id-token: write/)
    })
  })

  it('warns of what outranks awsCredentialExport in the Claude step, on each platform', () => {
    const env = { ...OIDC_ENV, AWS_ROLE_ARN: ROLE }
    const warnings = (id: string, claudeEnv: NodeJS.ProcessEnv) => {
      const plan = AWS_SOURCE.plan(context({ platform: platform(id) }, env, claudeEnv))
      return plan && 'job' in plan ? plan.warnings : undefined
    }
    expect(warnings('bedrock', { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-x' })).toEqual([
      expect.stringMatching(
        /gets AWS_BEARER_TOKEN_BEDROCK, which outranks awsCredentialExport on Amazon Bedrock/
      )
    ])
    expect(warnings('mantle', { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-x' })).toHaveLength(1)
    expect(warnings('anthropic-aws', { ANTHROPIC_AWS_API_KEY: 'key' })).toEqual([
      expect.stringMatching(
        /ANTHROPIC_AWS_API_KEY, which outranks awsCredentialExport on Claude Platform on AWS/
      )
    ])
    // The AWS keys configure-aws-credentials exported do not outrank it (seen with the real CLI).
    expect(warnings('bedrock', { AWS_ACCESS_KEY_ID: 'ASIA', AWS_PROFILE: 'ci' })).toEqual([])
  })
})

describe('AWS_SOURCE.mint, over the wire', () => {
  const account = awsAccount()
  let oidc: Awaited<ReturnType<typeof startGitHubOidcStandIn>>
  beforeAll(async () => {
    oidc = await startGitHubOidcStandIn()
  })
  afterAll(() => oidc.close())

  const jobFor = (stsUrl: string): AwsJob => ({
    kind: 'aws',
    file: '/tmp/unused',
    roleArn: ROLE,
    roleSessionName: 'GitHubActions',
    durationSeconds: 900,
    audience: 'sts.amazonaws.com',
    stsEndpoint: stsUrl,
    requestUrl: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    requestToken: oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  })
  const mint = (job: AwsJob) => AWS_SOURCE.mint(job, { send, timeoutMs: 10_000, now: Date.now })

  it("a fresh OIDC token for STS's audience each time; the session in STS's shape, living until its Expiration", async () => {
    const sts = await startStsStandIn({
      account,
      sessionSeconds: 900,
      acceptsWebIdentity: token => oidc.minted.some(m => m.token === token)
    })
    try {
      const first = await mint(jobFor(sts.url))
      const second = await mint(jobFor(sts.url))
      const calls = sts.requests.filter(r => r.action === 'AssumeRoleWithWebIdentity')
      expect(calls.map(c => c.params.get('RoleArn'))).toEqual([ROLE, ROLE])
      expect(calls[0]!.params.get('DurationSeconds')).toBe('900')
      expect(calls[0]!.params.get('RoleSessionName')).toBe('GitHubActions')
      const tokens = calls.map(c => c.params.get('WebIdentityToken'))
      expect(new Set(tokens).size).toBe(2)
      expect(oidc.minted.filter(m => tokens.includes(m.token)).map(m => m.claims.aud)).toEqual([
        'sts.amazonaws.com',
        'sts.amazonaws.com'
      ])
      if (!('minted' in first) || !('minted' in second)) throw new Error('no session')
      const { Credentials } = JSON.parse(first.minted.value) as {
        Credentials: Record<string, string>
      }
      expect(Object.keys(Credentials)).toEqual([
        'AccessKeyId',
        'SecretAccessKey',
        'SessionToken',
        'Expiration'
      ])
      expect(Credentials.AccessKeyId).toMatch(/^ASIA/)
      expect(first.minted.expiresAt).toBe(Date.parse(Credentials.Expiration!))
      expect(Math.abs(first.minted.expiresAt - (Date.now() + 900_000))).toBeLessThan(60_000)
      expect(second.minted.value).not.toBe(first.minted.value)
      // Every part of the file is a secret to mask.
      expect(AWS_SOURCE.secretsIn!(first.minted.value)).toEqual([
        Credentials.AccessKeyId,
        Credentials.SecretAccessKey,
        Credentials.SessionToken
      ])
    } finally {
      await sts.close()
    }
  })

  it("STS's refusal is permanent, in STS's words; its own failures are not", async () => {
    const refusing = await startStsStandIn({ account, acceptsWebIdentity: () => false })
    const failing = await startStsStandIn({ account, faults: [503, 503, 503, 503, 503, 503] })
    try {
      expect(await mint(jobFor(refusing.url))).toEqual({
        failure: expect.stringMatching(/STS AssumeRoleWithWebIdentity.*InvalidIdentityToken/),
        permanent: true
      })
      expect(await mint(jobFor(failing.url))).toEqual({
        failure: expect.stringMatching(/STS AssumeRoleWithWebIdentity/),
        permanent: false
      })
    } finally {
      await Promise.all([refusing.close(), failing.close()])
    }
  })

  it("GitHub's refusal of the OIDC request is permanent", async () => {
    const refusing = await startGitHubOidcStandIn({ faults: [403] })
    try {
      const outcome = await mint({
        ...jobFor('http://127.0.0.1:9'),
        requestUrl: refusing.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        requestToken: refusing.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      })
      expect(outcome).toEqual({
        failure: expect.stringMatching(/^GitHub's OIDC token service: /),
        permanent: true
      })
    } finally {
      await refusing.close()
    }
  })
})

describe('AWS_SOURCE.readJob and secretsIn', () => {
  const job: AwsJob = {
    kind: 'aws',
    file: '/tmp/renew/aws-credentials.json',
    roleArn: ROLE,
    roleSessionName: 'GitHubActions',
    audience: 'sts.amazonaws.com',
    stsEndpoint: 'https://sts.us-east-1.amazonaws.com',
    requestUrl: 'https://token.example/idtoken',
    requestToken: 'request-token'
  }

  it('reads what main wrote, and nothing less', () => {
    expect(AWS_SOURCE.readJob({ ...job })).toEqual(job)
    expect(AWS_SOURCE.readJob({ ...job, durationSeconds: 3600 })).toEqual({
      ...job,
      durationSeconds: 3600
    })
    for (const field of ['roleArn', 'stsEndpoint', 'requestToken', 'file'] as const)
      expect(AWS_SOURCE.readJob({ ...job, [field]: undefined })).toBeUndefined()
    expect(AWS_SOURCE.readJob({ ...job, durationSeconds: '3600' })).toBeUndefined()
  })

  it('a file that is not STS JSON holds no parts to name', () => {
    expect(AWS_SOURCE.secretsIn!('not json')).toEqual([])
    expect(AWS_SOURCE.secretsIn!('{"Credentials":null}')).toEqual([])
  })
})

// The AWS credentials of Claude on Amazon Bedrock, Mantle and Claude Platform on AWS on the wire, over loopback: STS
// (GetCallerIdentity, AssumeRole, AssumeRoleWithWebIdentity) and Bedrock's ListInferenceProfiles, each against its
// stand-in, which checks the SigV4 signatures itself. Endpoints are moved the way users move them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { send } from '../src/http/request.js'
import { checkAwsCredentials, type AwsCheckOptions } from '../src/cloud/aws/check.js'
import { readBedrockApiKey } from '../src/cloud/aws/bearer-key.js'
import { awsAccount, startStsStandIn } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'

type Sts = Awaited<ReturnType<typeof startStsStandIn>>
type Bedrock = Awaited<ReturnType<typeof startBedrockStandIn>>
type Keys = ReturnType<ReturnType<typeof awsAccount>['issue']>

const account = awsAccount()
const forbidden = new Set<string>()
let sts: Sts
let bedrock: Bedrock
let home: string
let masked: string[] = []
/** The web identity tokens the role trusts. */
const trusted = new Set<string>()

const deps = (timeoutMs = 20_000) => ({
  send,
  timeoutMs,
  baseDelayMs: 10,
  mask: (value: string) => void masked.push(value)
})
const bedrockOptions: AwsCheckOptions = { target: 'bedrock' }
/** The environment of a step whose calls go to the stand-ins, by the SDKs' own variables. */
const baseEnv = () => ({
  HOME: home,
  AWS_REGION: 'us-west-2',
  AWS_ENDPOINT_URL_STS: sts.url,
  AWS_ENDPOINT_URL_BEDROCK: bedrock.url
})
const envFor = (keys: Keys, extra: Record<string, string> = {}) => ({
  ...baseEnv(),
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  ...(keys.sessionToken && { AWS_SESSION_TOKEN: keys.sessionToken }),
  ...extra
})
const session = (minutes: number, arn = 'arn:aws:sts::123456789012:assumed-role/ci/runner') =>
  account.issue({ arn, expiresAt: new Date(Date.now() + minutes * 60_000) })
const jwt = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`
const bedrockCalls = () => bedrock.requests.length
const stsActions = () => sts.requests.map(r => r.action)
/** No message, identity or proof quotes a secret. */
const expectNoSecret = (result: object, secrets: (string | undefined)[]) => {
  const text = JSON.stringify(result)
  for (const secret of secrets) if (secret) expect(text).not.toContain(secret)
}

beforeAll(async () => {
  sts = await startStsStandIn({ account, acceptsWebIdentity: token => trusted.has(token) })
  bedrock = await startBedrockStandIn({ account, allows: arn => !forbidden.has(arn) })
  home = mkdtempSync(join(tmpdir(), 'aws-wire-'))
})
afterAll(async () => {
  await Promise.all([sts?.close(), bedrock?.close()])
  rmSync(home, { recursive: true, force: true })
})
beforeEach(() => {
  masked = []
  sts.requests.length = 0
  bedrock.requests.length = 0
})

describe('keys from the environment', () => {
  it('valid: STS says who they are, Bedrock lists inference profiles; every secret masked first', async () => {
    const keys = session(60)
    const result = await checkAwsCredentials(envFor(keys), bedrockOptions, deps())
    expect(result).toMatchObject({
      status: 'valid',
      identity: 'arn:aws:sts::123456789012:assumed-role/ci/runner',
      httpStatus: 200
    })
    expect(result.message).toMatch(
      /STS accepted the credentials from the environment.*Bedrock listed inference profiles in us-west-2/
    )
    expect(result.proves).toMatch(
      /bedrock:ListInferenceProfiles in us-west-2.*no free call proves bedrock:InvokeModel/
    )
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(stsActions()).toEqual(['GetCallerIdentity'])
    expect(bedrock.requests[0]?.query.get('typeEquals')).toBe('SYSTEM_DEFINED')
    expect(masked).toEqual(
      expect.arrayContaining([keys.accessKeyId, keys.secretAccessKey, keys.sessionToken])
    )
    expectNoSecret(result, [keys.secretAccessKey, keys.sessionToken])
  })

  it('the expiry: AWS_CREDENTIAL_EXPIRATION, or the earlier one given from outside', async () => {
    const keys = session(60)
    const inAnHour = new Date(Date.now() + 60 * 60_000)
    inAnHour.setMilliseconds(0)
    const env = envFor(keys, { AWS_CREDENTIAL_EXPIRATION: inAnHour.toISOString() })
    expect(await checkAwsCredentials(env, bedrockOptions, deps())).toMatchObject({
      status: 'valid',
      expiresAt: inAnHour,
      expirySource: 'AWS_CREDENTIAL_EXPIRATION'
    })
    const sooner = new Date(inAnHour.getTime() - 10 * 60_000)
    expect(
      await checkAwsCredentials(env, { ...bedrockOptions, expiresAt: sooner }, deps())
    ).toMatchObject({
      expiresAt: sooner,
      expirySource: 'given'
    })
  })

  it('expired: STS says ExpiredToken, and Bedrock is not asked', async () => {
    const keys = session(-1)
    const result = await checkAwsCredentials(envFor(keys), bedrockOptions, deps())
    expect(result).toMatchObject({ status: 'expired', httpStatus: 403 })
    expect(result.message).toMatch(
      /^STS GetCallerIdentity: HTTP 403 ExpiredToken: The security token included in the request is expired \(credentials from the environment/
    )
    expect(result.proves).toMatch(/^nothing/)
    expect(bedrockCalls()).toBe(0)
  })

  it('invalid: keys AWS does not know (InvalidClientTokenId), a secret that does not match (SignatureDoesNotMatch)', async () => {
    const unknown = await checkAwsCredentials(
      {
        ...baseEnv(),
        AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000',
        AWS_SECRET_ACCESS_KEY: 'x'.repeat(40)
      },
      bedrockOptions,
      deps()
    )
    expect(unknown).toMatchObject({ status: 'invalid', httpStatus: 403 })
    expect(unknown.message).toMatch(
      /InvalidClientTokenId: The security token included in the request is invalid/
    )
    const keys = account.issue()
    const wrong = await checkAwsCredentials(
      envFor({ ...keys, secretAccessKey: `${keys.secretAccessKey.slice(0, -2)}AA` }),
      bedrockOptions,
      deps()
    )
    expect(wrong).toMatchObject({ status: 'invalid' })
    expect(wrong.message).toMatch(/SignatureDoesNotMatch/)
    expect(bedrockCalls()).toBe(0)
  })

  it('forbidden: the credentials are live but no Bedrock policy is attached', async () => {
    const arn = 'arn:aws:iam::123456789012:user/no-bedrock'
    forbidden.add(arn)
    const result = await checkAwsCredentials(envFor(account.issue({ arn })), bedrockOptions, deps())
    expect(result).toMatchObject({ status: 'forbidden', httpStatus: 403, identity: arn })
    expect(result.message).toMatch(
      /^Bedrock ListInferenceProfiles: HTTP 403 AccessDeniedException: User: .* is not authorized to perform: bedrock:ListInferenceProfiles/
    )
    expect(result.proves).toMatch(/live, but no Bedrock policy/)
  })

  it('Mantle and Claude Platform on AWS: STS alone, which says nothing of their permissions', async () => {
    for (const target of ['mantle', 'anthropic-aws'] as const) {
      const result = await checkAwsCredentials(envFor(session(60)), { target }, deps())
      expect(result).toMatchObject({
        status: 'valid',
        identity: expect.stringMatching(/^arn:aws:sts::/)
      })
      expect(result.proves).toMatch(
        /live; nothing about (Bedrock Mantle|Claude Platform on AWS)'s permissions/
      )
    }
    expect(bedrockCalls()).toBe(0)
  })

  it('ANTHROPIC_BEDROCK_BASE_URL moves the control plane as it moves Claude Code, ahead of AWS_ENDPOINT_URL_BEDROCK', async () => {
    const env = {
      ...envFor(session(60)),
      AWS_ENDPOINT_URL_BEDROCK: 'https://bedrock.invalid',
      ANTHROPIC_BEDROCK_BASE_URL: `${bedrock.url}/`
    }
    expect((await checkAwsCredentials(env, bedrockOptions, deps())).status).toBe('valid')
    expect(bedrockCalls()).toBe(1)
  })

  it('AWS_ENDPOINT_URL moves both when no service-specific variable is set', async () => {
    const keys = session(60)
    const env = {
      ...envFor(keys),
      AWS_ENDPOINT_URL_STS: '',
      AWS_ENDPOINT_URL_BEDROCK: '',
      AWS_ENDPOINT_URL: sts.url
    }
    // The STS stand-in does not serve /inference-profiles: Bedrock's call reaching it proves where it went.
    const result = await checkAwsCredentials(env, bedrockOptions, deps())
    expect(stsActions()).toEqual(['GetCallerIdentity', ''])
    expect(result.status).toBe('unverifiable')
  })

  it('an endpoint in cleartext off this machine gets no credential', async () => {
    const result = await checkAwsCredentials(
      { ...envFor(session(60)), AWS_ENDPOINT_URL_STS: 'http://sts.example.com' },
      bedrockOptions,
      deps()
    )
    expect(result).toMatchObject({ status: 'unverifiable' })
    expect(result.message).toMatch(/http:\/\/sts\.example\.com is not https/)
    expect(stsActions()).toEqual([])
  })
})

describe('service down or not AWS: unverifiable, never invalid', () => {
  it('STS throttled (a 400 Throttling) is tried again', async () => {
    const flaky = await startStsStandIn({ account, faults: ['throttled', 503] })
    try {
      const result = await checkAwsCredentials(
        { ...envFor(session(60)), AWS_ENDPOINT_URL_STS: flaky.url },
        bedrockOptions,
        deps()
      )
      expect(result.status).toBe('valid')
      expect(flaky.requests).toHaveLength(3)
    } finally {
      await flaky.close()
    }
  })

  it('STS failing every time: unverifiable after the attempts', async () => {
    const down = await startStsStandIn({ account, faults: [503, 503, 503, 503] })
    try {
      const result = await checkAwsCredentials(
        { ...envFor(session(60)), AWS_ENDPOINT_URL_STS: down.url },
        bedrockOptions,
        deps()
      )
      expect(result).toMatchObject({ status: 'unverifiable', httpStatus: 503 })
      expect(result.message).toMatch(
        /^STS GetCallerIdentity: HTTP 503 ServiceUnavailable: Service is unavailable after 4 attempts/
      )
    } finally {
      await down.close()
    }
  })

  it('Bedrock hanging: unverifiable within the deadline, with what STS proved', async () => {
    const hanging = await startBedrockStandIn({ account, faults: ['hang', 'hang', 'hang', 'hang'] })
    try {
      const result = await checkAwsCredentials(
        { ...envFor(session(60)), AWS_ENDPOINT_URL_BEDROCK: hanging.url },
        bedrockOptions,
        deps(1500)
      )
      expect(result).toMatchObject({
        status: 'unverifiable',
        identity: expect.stringMatching(/^arn:/)
      })
      expect(result.message).toMatch(/^Bedrock ListInferenceProfiles: no answer within 1.5s/)
      expect(result.proves).toMatch(/nothing about Bedrock/)
    } finally {
      await hanging.close()
    }
  })
})

describe('a profile of the shared files', () => {
  const write = (name: string, text: string) => {
    const path = join(home, name)
    writeFileSync(path, text)
    return path
  }

  it('static keys of a named profile; AWS_PROFILE wins over the environment, as in the SDK', async () => {
    const keys = account.issue({ arn: 'arn:aws:iam::123456789012:user/from-profile' })
    const file = write(
      'credentials-static',
      `[ci]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`
    )
    const other = account.issue()
    const env = envFor(other, {
      AWS_PROFILE: 'ci',
      AWS_SHARED_CREDENTIALS_FILE: file,
      AWS_CONFIG_FILE: join(home, 'none')
    })
    const result = await checkAwsCredentials(env, bedrockOptions, deps())
    expect(result).toMatchObject({
      status: 'valid',
      identity: 'arn:aws:iam::123456789012:user/from-profile'
    })
    expect(result.message).toMatch(/from profile ci/)
    expect(masked).toEqual(expect.arrayContaining([keys.secretAccessKey]))
  })

  it('a role assumed from a source profile goes through our STS call (AssumeRole, signed by the source)', async () => {
    const source = account.issue()
    const credentials = write(
      'credentials-role',
      `[base]\naws_access_key_id = ${source.accessKeyId}\naws_secret_access_key = ${source.secretAccessKey}\n`
    )
    const config = write(
      'config-role',
      `[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n`
    )
    const env = {
      ...baseEnv(),
      AWS_PROFILE: 'deploy',
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CONFIG_FILE: config
    }
    const result = await checkAwsCredentials(env, bedrockOptions, deps())
    expect(result).toMatchObject({
      status: 'valid',
      identity: expect.stringMatching(/assumed-role\/deploy\//)
    })
    expect(stsActions()).toEqual(['AssumeRole', 'GetCallerIdentity'])
    // The SDK assumes the role again when it runs out: its session's end is not the credentials' end.
    expect(result.expiresAt).toBeUndefined()
  })

  it('a profile that is not there: the chain goes on, and with nothing else, unverifiable', async () => {
    const result = await checkAwsCredentials(
      {
        ...baseEnv(),
        AWS_PROFILE: 'absent',
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
        AWS_CONFIG_FILE: join(home, 'none')
      },
      bedrockOptions,
      deps()
    )
    expect(result.status).toBe('unverifiable')
    expect(result.message).toMatch(/^no AWS credentials/)
    expect(stsActions()).toEqual([])
  })
})

describe('a web identity token file', () => {
  const tokenFile = (token: string) => {
    const path = join(home, `token-${Math.random().toString(36).slice(2)}`)
    writeFileSync(path, token)
    return path
  }
  const envWith = (token: string) => ({
    ...baseEnv(),
    AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile(token),
    AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/claude',
    AWS_ROLE_SESSION_NAME: 'preflight'
  })

  it('valid: the role assumed with the token; a token that dies first makes the session final', async () => {
    const token = jwt({ sub: 'repo:acme/app', exp: Math.floor(Date.now() / 1000) + 300 })
    trusted.add(token)
    const result = await checkAwsCredentials(envWith(token), bedrockOptions, deps())
    expect(result).toMatchObject({
      status: 'valid',
      identity: 'arn:aws:sts::123456789012:assumed-role/claude/preflight',
      expirySource: expect.stringMatching(/web identity token expires first/)
    })
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000)
    expect(stsActions()).toEqual(['AssumeRoleWithWebIdentity', 'GetCallerIdentity'])
    expect(masked).toContain(token)
    expectNoSecret(result, [token])
  })

  it('expired: STS refuses a token past its exp (ExpiredTokenException)', async () => {
    const token = jwt({ exp: Math.floor(Date.now() / 1000) - 60 })
    const result = await checkAwsCredentials(envWith(token), bedrockOptions, deps())
    expect(result).toMatchObject({ status: 'expired', httpStatus: 400 })
    expect(result.message).toMatch(
      /^STS AssumeRoleWithWebIdentity: HTTP 400 ExpiredTokenException: Token expired/
    )
  })

  it('invalid: a token the role does not trust (InvalidIdentityToken)', async () => {
    const result = await checkAwsCredentials(
      envWith(jwt({ exp: Math.floor(Date.now() / 1000) + 300 })),
      bedrockOptions,
      deps()
    )
    expect(result).toMatchObject({ status: 'invalid', httpStatus: 400 })
    expect(result.message).toMatch(/InvalidIdentityToken/)
  })
})

describe('a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)', () => {
  it('short-term: its expiry read from the key; Bedrock proves it; the key and its parts masked', async () => {
    const keys = session(720)
    const signedAt = Date.now() - 60 * 60_000
    const apiKey = bedrock.mintApiKey(keys, {
      region: 'us-west-2',
      lifetimeSeconds: 43200,
      signedAt
    })
    const result = await checkAwsCredentials(
      { ...baseEnv(), AWS_BEARER_TOKEN_BEDROCK: apiKey },
      bedrockOptions,
      deps()
    )
    expect(result).toMatchObject({
      status: 'valid',
      expiresAt: new Date(Math.floor(signedAt / 1000) * 1000 + 43200_000),
      expirySource: expect.stringMatching(/X-Amz-Date \+ X-Amz-Expires/)
    })
    expect(result.message).toMatch(/^Bedrock accepted the API key/)
    expect(bedrock.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`)
    expect(stsActions()).toEqual([])
    expect(masked).toEqual(expect.arrayContaining([apiKey, keys.sessionToken]))
    expectNoSecret(result, [apiKey, keys.sessionToken])
  })

  it('expired: known from the key itself, without a request', async () => {
    const apiKey = bedrock.mintApiKey(session(720), {
      lifetimeSeconds: 900,
      signedAt: Date.now() - 3600_000
    })
    const result = await checkAwsCredentials(
      { ...baseEnv(), AWS_BEARER_TOKEN_BEDROCK: apiKey },
      bedrockOptions,
      deps()
    )
    expect(result.status).toBe('expired')
    expect(bedrockCalls()).toBe(0)
  })

  it('a key made for another region says so; a key Bedrock does not know is invalid', async () => {
    const elsewhere = bedrock.mintApiKey(session(720), { region: 'eu-west-1' })
    const moved = await checkAwsCredentials(
      { ...baseEnv(), AWS_BEARER_TOKEN_BEDROCK: elsewhere },
      bedrockOptions,
      deps()
    )
    expect(moved.message).toMatch(/made for eu-west-1, Claude Code calls us-west-2/)
    const unknown = await checkAwsCredentials(
      { ...baseEnv(), AWS_BEARER_TOKEN_BEDROCK: `ABSK${'Q'.repeat(60)}` },
      bedrockOptions,
      deps()
    )
    expect(unknown).toMatchObject({ status: 'invalid', httpStatus: 403 })
    expect(unknown.expiresAt).toBeUndefined()
  })

  it('reads a key: short-term with its region, long-term, and what is not a key', () => {
    const key = bedrock.mintApiKey(account.issue(), {
      region: 'eu-central-1',
      lifetimeSeconds: 600,
      signedAt: Date.UTC(2026, 0, 2, 3, 4, 5)
    })
    expect(readBedrockApiKey(key)).toMatchObject({
      kind: 'short-term',
      region: 'eu-central-1',
      expiresAt: new Date(Date.UTC(2026, 0, 2, 3, 14, 5))
    })
    expect(readBedrockApiKey('ABSKxyz').kind).toBe('long-term')
    expect(readBedrockApiKey('bedrock-api-key-bm90IGEgdXJs').kind).toBe('short-term-unreadable')
    expect(readBedrockApiKey('sk-ant-api03-x').kind).toBe('unknown')
  })
})

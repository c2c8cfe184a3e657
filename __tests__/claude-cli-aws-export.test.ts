// What the real claude CLI does with `awsCredentialExport` (https://code.claude.com/docs/en/settings), the hook the
// renewer's AWS source feeds (src/renew/aws.ts): a CLI that changes any of it fails here. Seen with 2.1.328 (pinned)
// and 2.1.332 alike:
// - it accepts STS's shape `{"Credentials":{AccessKeyId,SecretAccessKey,SessionToken,Expiration}}` and the flat one
//   of a credential process (`{"Version":1,AccessKeyId,…}`);
// - the exported credentials sign every request, ahead of AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in its environment
//   and of the profile AWS_PROFILE names; a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK) outranks them, and on Claude
//   Platform on AWS its API key (ANTHROPIC_AWS_API_KEY) does; Bedrock Mantle and Claude Platform on AWS honour the
//   hook as Bedrock does;
// - it runs the command again after a credential error (Bedrock's 403 "security token … expired"), and the retry
//   carries the new credentials; credentials with less than about 6 minutes left are kept until such an error.
//   Credentials with more left are taken again 5 minutes before their Expiration, without an error (seen with a
//   session of 6 min 3 s: the command ran again 66 to 68 s in; too slow to pin here).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'
import { awsAccount } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'

const account = awsAccount()
const ROLE = 'arn:aws:sts::123456789012:assumed-role/ci/runner'
let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claude-aws-export-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

type Keys = ReturnType<typeof account.issue>

/** What an export command prints for `keys`: STS's shape, or a credential process's flat one. */
const exported = (keys: Keys, shape: 'sts' | 'flat') => {
  const credentials = {
    AccessKeyId: keys.accessKeyId,
    SecretAccessKey: keys.secretAccessKey,
    SessionToken: keys.sessionToken,
    Expiration: keys.expiresAt!.toISOString()
  }
  return JSON.stringify(
    shape === 'sts' ? { Credentials: credentials } : { Version: 1, ...credentials }
  )
}

/**
 * A home whose user settings name an export command that prints `credentials.json` (rewritten by the test) and logs
 * each run.
 */
function exportingHome() {
  const home = mkdtempSync(join(root, 'home-'))
  const file = join(home, 'credentials.json')
  const runs = join(home, 'runs.log')
  const script = join(home, 'export.sh')
  writeFileSync(script, `#!/bin/sh\necho run >> '${runs}'\ncat '${file}'\n`, { mode: 0o755 })
  mkdirSync(join(home, '.claude'))
  writeFileSync(
    join(home, '.claude', 'settings.json'),
    JSON.stringify({ awsCredentialExport: script })
  )
  return {
    home,
    write: (text: string) => writeFileSync(file, text),
    runs: () => (existsSync(runs) ? readFileSync(runs, 'utf8').trim().split('\n').length : 0)
  }
}

/** Runs `claude -p` with `env` in `home`; its exit code. */
async function runClaude(home: string, env: Record<string, string>) {
  const child = spawn(
    claudeBinary(),
    ['-p', 'run it', '--output-format', 'stream-json', '--verbose', '--allowedTools', 'Bash'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        AWS_REGION: 'us-west-2',
        ...env
      },
      stdio: ['ignore', 'ignore', 'ignore']
    }
  )
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const code = await new Promise(resolve => child.on('close', resolve))
  clearTimeout(timer)
  return code
}

/** Who signed a request: the access key id of its SigV4 credential scope, else its bearer token or API key. */
const signer = (headers: Record<string, string | string[] | undefined>) => {
  const authorization = String(headers.authorization ?? '')
  return (
    /Credential=([^/]+)\//.exec(authorization)?.[1] ??
    (authorization || String(headers['x-api-key'] ?? ''))
  )
}

describe('awsCredentialExport in the real claude CLI, on Bedrock', () => {
  it.each(['sts', 'flat'] as const)(
    'accepts the %s shape: its keys sign the requests',
    async shape => {
      const bedrock = await startBedrockStandIn({ account, turns: [{ text: 'Exported.' }] })
      try {
        const exporting = exportingHome()
        const keys = account.issue({ arn: ROLE, expiresAt: new Date(Date.now() + 3_600_000) })
        exporting.write(exported(keys, shape))
        const code = await runClaude(exporting.home, {
          CLAUDE_CODE_USE_BEDROCK: '1',
          ANTHROPIC_BEDROCK_BASE_URL: bedrock.url
        })
        expect(code).toBe(0)
        expect(exporting.runs()).toBe(1)
        const signers = new Set(bedrock.requests.map(r => signer(r.headers)))
        expect([...signers]).toEqual([keys.accessKeyId])
      } finally {
        await bedrock.close()
      }
    },
    180_000
  )

  it.each([
    ['AWS_ACCESS_KEY_ID in the environment', 'exported'],
    ['a profile named by AWS_PROFILE', 'exported'],
    ['a Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)', 'other']
  ] as const)(
    'beside %s, Claude Code signs with the %s credentials',
    async (beside, wins) => {
      const bedrock = await startBedrockStandIn({ account, turns: [{ text: 'Signed.' }] })
      try {
        const exporting = exportingHome()
        const keys = account.issue({ arn: ROLE, expiresAt: new Date(Date.now() + 3_600_000) })
        exporting.write(exported(keys, 'sts'))
        const other = account.issue({ arn: 'arn:aws:iam::123456789012:user/ci' })
        const env: Record<string, string> = {
          CLAUDE_CODE_USE_BEDROCK: '1',
          ANTHROPIC_BEDROCK_BASE_URL: bedrock.url
        }
        let otherSigner = other.accessKeyId
        if (beside.startsWith('AWS_ACCESS_KEY_ID')) {
          env.AWS_ACCESS_KEY_ID = other.accessKeyId
          env.AWS_SECRET_ACCESS_KEY = other.secretAccessKey
        } else if (beside.includes('AWS_PROFILE')) {
          mkdirSync(join(exporting.home, '.aws'))
          writeFileSync(
            join(exporting.home, '.aws', 'credentials'),
            `[ci]\naws_access_key_id = ${other.accessKeyId}\naws_secret_access_key = ${other.secretAccessKey}\n`
          )
          env.AWS_PROFILE = 'ci'
        } else {
          env.AWS_BEARER_TOKEN_BEDROCK = bedrock.mintApiKey(other)
          otherSigner = `Bearer ${env.AWS_BEARER_TOKEN_BEDROCK}`
        }
        expect(await runClaude(exporting.home, env)).toBe(0)
        const signers = new Set(bedrock.requests.map(r => signer(r.headers)))
        expect([...signers]).toEqual([wins === 'exported' ? keys.accessKeyId : otherSigner])
      } finally {
        await bedrock.close()
      }
    },
    180_000
  )

  it('keeps a session with seconds left until Bedrock refuses it as expired, then runs the command again and retries with the new one', async () => {
    // Sessions of 3 seconds, a fresh one written every second (as the renewer would), four tool turns of 2 seconds.
    const bedrock = await startBedrockStandIn({
      account,
      turns: [...Array.from({ length: 4 }, () => ({ bash: 'sleep 2' })), { text: 'Outlived.' }]
    })
    const exporting = exportingHome()
    const issued: string[] = []
    const renew = () => {
      const keys = account.issue({ arn: ROLE, expiresAt: new Date(Date.now() + 3_000) })
      issued.push(keys.accessKeyId)
      exporting.write(exported(keys, 'sts'))
    }
    renew()
    const timer = setInterval(renew, 1_000)
    try {
      const code = await runClaude(exporting.home, {
        CLAUDE_CODE_USE_BEDROCK: '1',
        ANTHROPIC_BEDROCK_BASE_URL: bedrock.url,
        CLAUDE_CODE_MAX_RETRIES: '2'
      })
      expect(code).toBe(0)
      const runtime = bedrock.requests.filter(r => r.path.endsWith('/invoke-with-response-stream'))
      const used = runtime.map(r => signer(r.headers))
      // Far fewer runs than requests: the command is not asked before each request.
      expect(exporting.runs()).toBeGreaterThanOrEqual(2)
      expect(exporting.runs()).toBeLessThan(runtime.length)
      expect(new Set(used).size).toBe(exporting.runs())
      // Each new session follows a refusal of the one before: the same request, retried.
      for (let i = 1; i < used.length; i++)
        if (used[i] !== used[i - 1])
          expect(issued.indexOf(used[i]!)).toBeGreaterThan(issued.indexOf(used[i - 1]!))
    } finally {
      clearInterval(timer)
      await bedrock.close()
    }
  }, 180_000)
})

describe('awsCredentialExport on the other AWS platforms', () => {
  /** A platform endpoint that records who signed, and refuses everything as expired. */
  async function recordingEndpoint() {
    const signers: string[] = []
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        signers.push(signer(req.headers))
        res.writeHead(403, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            type: 'error',
            error: {
              type: 'permission_error',
              message: 'The security token included in the request is expired'
            }
          })
        )
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    return { url, signers, close: () => new Promise(resolve => server.close(resolve)) }
  }

  it.each([
    [
      'Bedrock Mantle',
      'CLAUDE_CODE_USE_MANTLE',
      'ANTHROPIC_BEDROCK_MANTLE_BASE_URL',
      'AWS_BEARER_TOKEN_BEDROCK'
    ],
    [
      'Claude Platform on AWS',
      'CLAUDE_CODE_USE_ANTHROPIC_AWS',
      'ANTHROPIC_AWS_BASE_URL',
      'ANTHROPIC_AWS_API_KEY'
    ]
  ])(
    '%s (%s): the exported keys sign ahead of AWS_ACCESS_KEY_ID, each refusal runs the command again, and the API key outranks them',
    async (_label, variable, baseUrl, apiKey) => {
      for (const withKey of [false, true]) {
        const endpoint = await recordingEndpoint()
        try {
          const exporting = exportingHome()
          const keys = account.issue({ arn: ROLE, expiresAt: new Date(Date.now() + 3_600_000) })
          exporting.write(exported(keys, 'sts'))
          const env: Record<string, string> = {
            [variable]: '1',
            [baseUrl]: endpoint.url,
            CLAUDE_CODE_MAX_RETRIES: '0',
            AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENTKEY00',
            AWS_SECRET_ACCESS_KEY: 'environment-secret',
            ANTHROPIC_AWS_WORKSPACE_ID: 'wrkspc_01export'
          }
          if (withKey) env[apiKey] = 'platform-api-key-0123456789'
          expect(await runClaude(exporting.home, env)).not.toBe(0)
          expect(endpoint.signers.length).toBeGreaterThan(0)
          if (withKey) {
            expect(endpoint.signers.every(s => s.includes('platform-api-key-0123456789'))).toBe(
              true
            )
          } else {
            expect(new Set(endpoint.signers)).toEqual(new Set([keys.accessKeyId]))
            expect(exporting.runs()).toBeGreaterThanOrEqual(2)
          }
        } finally {
          await endpoint.close()
        }
      }
    },
    240_000
  )
})

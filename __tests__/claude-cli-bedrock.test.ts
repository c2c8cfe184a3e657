// The real claude CLI on Amazon Bedrock, against the Bedrock stand-in's runtime (stand-ins/aws-bedrock.js): its
// InvokeModelWithResponseStream answers in AWS's event-stream framing are what the CLI reads (a Bash turn, then a final
// text), and a session that expires mid-run is refused as Bedrock refuses it, in words the post step's scanner knows.
// What a renewal of the AWS session has to beat (issue 14) is pinned here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { claudeBinary } from '../scripts/make-fixtures.js'
import { awsAccount } from '../stand-ins/aws-sts.js'
import { startBedrockStandIn } from '../stand-ins/aws-bedrock.js'
import { scanBuffer } from '../src/scan/read.js'

const account = awsAccount()
let home: string
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'claude-bedrock-'))
})
afterAll(() => rmSync(home, { recursive: true, force: true }))

/** Runs `claude -p` on Bedrock with `keys`; returns its exit code and stream-json output. */
async function claudeOnBedrock(
  bedrock: Awaited<ReturnType<typeof startBedrockStandIn>>,
  keys: ReturnType<typeof account.issue>
) {
  const child = spawn(
    claudeBinary(),
    ['-p', 'run it', '--output-format', 'stream-json', '--verbose', '--allowedTools', 'Bash'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        CLAUDE_CODE_MAX_RETRIES: '0',
        CLAUDE_CODE_USE_BEDROCK: '1',
        AWS_REGION: 'us-west-2',
        ANTHROPIC_BEDROCK_BASE_URL: bedrock.url,
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_SESSION_TOKEN: keys.sessionToken ?? ''
      },
      stdio: ['ignore', 'pipe', 'ignore']
    }
  )
  let output = ''
  child.stdout.on('data', (data: Buffer) => (output += data.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const code = await new Promise(resolve => child.on('close', resolve))
  clearTimeout(timer)
  const records = output
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => JSON.parse(line) as Record<string, unknown>)
  return { code, output, records }
}

const streamed = (bedrock: Awaited<ReturnType<typeof startBedrockStandIn>>) =>
  bedrock.requests.filter(r => r.path.endsWith('/invoke-with-response-stream'))

describe('the real claude CLI on the Bedrock stand-in', () => {
  it('reads the runtime’s event stream: a Bash turn, its result, then the final text', async () => {
    const bedrock = await startBedrockStandIn({
      account,
      turns: [{ bash: 'echo from-the-event-stream' }, { text: 'Finished on Bedrock.' }]
    })
    try {
      const keys = account.issue({
        arn: 'arn:aws:sts::123456789012:assumed-role/ci/runner',
        expiresAt: new Date(Date.now() + 3_600_000)
      })
      const run = await claudeOnBedrock(bedrock, keys)
      expect(run.code).toBe(0)
      expect(streamed(bedrock)).toHaveLength(2)
      expect(JSON.stringify(run.records)).toContain('"content":"from-the-event-stream"')
      expect(run.records.at(-1)).toMatchObject({ type: 'result', result: 'Finished on Bedrock.' })
    } finally {
      await bedrock.close()
    }
  }, 180_000)

  it('a session that expires mid-run: refused as Bedrock refuses it, and the scanner names it', async () => {
    const bedrock = await startBedrockStandIn({
      account,
      turns: [{ bash: 'sleep 4' }, { text: 'never reached' }]
    })
    try {
      const keys = account.issue({
        arn: 'arn:aws:sts::123456789012:assumed-role/ci/runner',
        expiresAt: new Date(Date.now() + 3_000)
      })
      const run = await claudeOnBedrock(bedrock, keys)
      expect(run.code).not.toBe(0)
      expect(run.output).toContain('The security token included in the request is expired')
      const kinds = scanBuffer('claude.jsonl', Buffer.from(run.output)).findings.map(f => f.kind)
      expect(kinds).toContain('aws-auth-expired')
    } finally {
      await bedrock.close()
    }
  }, 180_000)
})

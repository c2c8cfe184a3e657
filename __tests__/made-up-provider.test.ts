// The provider is the extension point (docs/architecture.md, "Adding a provider"): a made-up header credential, the
// Zephyr gateway key, is added to a copy of the source as a new provider would be: its own module, one row in the
// providers' table and its input in action.yml, nothing else. The bundled copy then selects it, masks it, proves it
// against its own stand-in with its own header and error format, names the input a misplaced one belongs in, saves it
// for the post step, and the post step redacts it by value and by shape.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copySource } from './support/source-copy.js'
import { runAction } from './support/runner.js'

const MODULE = `import type { Provider } from './provider.js'
import type { FailureKind } from './failure.js'
import { homeOf, newCredential } from './credential.js'

const FAILURES = [
  {
    id: 'zephyr-auth-invalid',
    credential: 'the Zephyr key',
    title: 'Zephyr key invalid',
    verb: 'was refused by the Zephyr gateway',
    since: 'refused since',
    problem: 'invalid',
    fix: 'Create a new Zephyr key in the Zephyr console and store it in the secret.'
  }
] as const satisfies readonly FailureKind[]

export const zephyrKey: Provider<'zephyr-key', never, (typeof FAILURES)[number]> = {
  source: 'zephyr-key',
  secretInputs: [],
  plainInputs: [],
  envVar: 'ZEPHYR_KEY',
  label: 'Zephyr key',
  scheme: 'bearer',
  shapes: [
    {
      what: 'a Zephyr gateway key',
      begins: /^zk1_/,
      run: 'zk1_[A-Za-z0-9]{8,}',
      publicName: secret => (/^zk1_/i.test(secret) ? 'zk1' : undefined),
      random: true
    }
  ],
  read(value, from, context) {
    context.checkPlacement(from, value, ['zephyr-key'])
    return newCredential(this, from, value)
  },
  probe(credential, target) {
    return {
      request: {
        method: 'GET',
        url: \`\${target.baseUrl}/zephyr/whoami\`,
        headers: { 'x-zephyr-key': credential.secret }
      },
      classify(answer) {
        const reason = answer.headers['x-zephyr-reason'] ?? ''
        if (answer.status === 200 && reason === 'ok') return { status: 'valid', message: 'HTTP 200' }
        if (answer.status === 401 && reason === 'unknown-key')
          return { status: 'invalid', message: 'the gateway does not know this key' }
        return { status: 'unverifiable', message: \`HTTP \${answer.status} without the gateway's reason\` }
      }
    }
  },
  fix(problem, from) {
    return \`Create a new Zephyr key in the Zephyr console and store it in \${homeOf(from)}.\`
  },
  failures: FAILURES
}
`

const INPUT = `  zephyr-key:
    description: >-
      Zephyr gateway key (\`zk1_…\`), sent as \`x-zephyr-key\`. Default: the \`ZEPHYR_KEY\` environment variable.
    required: false
    default: ''
`

const KEY = 'zk1_Valid0123456789abcdef'
const UNKNOWN_KEY = 'zk1_Unknown0123456789abcdef'
const OTHER_KEY = 'zk1_SeenOnlyInTheLog0123456789'

let standIn: Server
let baseUrl: string
let dist: Record<string, string>
const asked: Array<{ path: string; header: string | undefined }> = []

beforeAll(async () => {
  standIn = createServer((request, response) => {
    const header = request.headers['x-zephyr-key'] as string | undefined
    asked.push({ path: request.url ?? '', header })
    const known = request.url === '/zephyr/whoami' && header === KEY
    response.writeHead(known ? 200 : 401, {
      'content-type': 'application/json',
      'x-zephyr-reason': known ? 'ok' : 'unknown-key'
    })
    response.end(JSON.stringify({ ok: known }))
  })
  await new Promise<void>(resolve => standIn.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`

  const copy = copySource()
  copy.write('src/providers/zephyr-key.ts', MODULE)
  copy.replaceOnce(
    'src/providers/index.ts',
    'export const PROVIDERS = [',
    "import { zephyrKey } from './zephyr-key.js'\nexport const PROVIDERS = [zephyrKey, "
  )
  copy.replaceOnce('action.yml', 'inputs:\n', `inputs:\n${INPUT}`)
  copy.typeCheck()
  dist = copy.bundle(['main', 'post'])
}, 240_000)

afterAll(() => new Promise<void>(resolve => standIn.close(() => resolve())))

const masked = (result: Awaited<ReturnType<typeof runAction>>) =>
  result.commands.filter(c => c.command === 'add-mask').map(c => c.message)

describe('a made-up provider, added with its module, one table row and action.yml', () => {
  it('is selected, masked, and proven with its own request against its own stand-in', async () => {
    asked.length = 0
    const main = await runAction(dist.main ?? '', {
      inputs: { 'zephyr-key': KEY, 'anthropic-base-url': baseUrl, 'min-remaining': '0s' }
    })
    expect(main.outputs).toMatchObject({ credential: 'zephyr-key', status: 'valid', valid: 'true' })
    expect(asked).toEqual([{ path: '/zephyr/whoami', header: KEY }])
    expect(masked(main)).toContain(KEY)
    // Printed only in its own mask commands.
    const printed = main.stdout.split('\n').filter(line => line.includes(KEY))
    expect(new Set(printed)).toEqual(new Set([`::add-mask::${KEY}`]))
    expect(main.summary).not.toContain(KEY)
    expect(JSON.parse(main.state.preflight ?? '{}')).toMatchObject({
      source: 'zephyr-key',
      from: 'input zephyr-key',
      label: 'Zephyr key',
      fingerprint: expect.stringMatching(/^zk1:[0-9a-f]{8}$/)
    })
  })

  it('is read from the environment variable Claude Code would read, and masked there too', async () => {
    const main = await runAction(dist.main ?? '', {
      inputs: { 'anthropic-base-url': baseUrl, 'min-remaining': '0s' },
      env: { ZEPHYR_KEY: KEY }
    })
    expect(main.outputs).toMatchObject({ credential: 'zephyr-key', status: 'valid' })
    expect(masked(main)).toContain(KEY)
  })

  it('reads its own error format, and fails with its own fix naming its input', async () => {
    const main = await runAction(dist.main ?? '', {
      inputs: { 'zephyr-key': UNKNOWN_KEY, 'anthropic-base-url': baseUrl, 'min-remaining': '0s' }
    })
    expect(main.code).toBe(1)
    expect(main.outputs).toMatchObject({ credential: 'zephyr-key', status: 'invalid' })
    const errors = main.commands.filter(c => c.command === 'error').map(c => c.message)
    expect(errors.join('\n')).toContain(
      "Create a new Zephyr key in the Zephyr console and store it in the secret that feeds 'zephyr-key'"
    )
  })

  it("is refused, unquoted, in another provider's input, naming its own", async () => {
    const main = await runAction(dist.main ?? '', {
      inputs: { 'anthropic-api-key': KEY, 'anthropic-base-url': baseUrl }
    })
    expect(main.code).toBe(1)
    expect(main.outputs.status).toBe('invalid-input')
    const errors = main.commands.filter(c => c.command === 'error').map(c => c.message)
    expect(errors).toEqual([
      "claude-preflight: input 'anthropic-api-key' holds a Zephyr gateway key. Move it to input 'zephyr-key'."
    ])
    expect(masked(main)).toContain(KEY)
  })

  it('is redacted by the post step, by value and by its shape', async () => {
    const main = await runAction(dist.main ?? '', {
      inputs: { 'zephyr-key': KEY, 'anthropic-base-url': baseUrl, 'min-remaining': '0s' }
    })
    const logs = mkdtempSync(join(tmpdir(), 'zephyr-logs-'))
    const log = join(logs, 'claude.log')
    writeFileSync(
      log,
      `Invalid API key · key ${KEY} was refused\nInvalid API key · key ${OTHER_KEY} was refused too\n`
    )
    const post = await runAction(dist.post ?? '', {
      job: main.job,
      state: main.state,
      inputs: { 'zephyr-key': KEY, 'claude-output': log, 'fail-on-auth-error': 'false' },
      env: { GITHUB_WORKSPACE: logs }
    })
    expect(post.summary).toContain('Invalid API key')
    for (const text of [post.summary, post.stdout]) {
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(OTHER_KEY)
    }
    expect(post.summary).toContain('[redacted zk1]')
  })
})

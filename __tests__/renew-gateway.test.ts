// The gateway renewal source: the user's token command run for real through /bin/sh, what it prints read as a token
// (or refused without quoting it), the job description read defensively, and the settings that point apiKeyHelper at
// the renewer's file.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClaudeStep, StepValue } from '../src/workflow/claude-step.js'
import {
  GATEWAY_SOURCE,
  mintGatewayToken,
  OPAQUE_LIFETIME_MS,
  tokenOf,
  type GatewayJob
} from '../src/renew/gateway.js'
import {
  printCommand,
  projectSettingsSetting,
  removeUserSetting,
  withSetting,
  writeUserSetting
} from '../src/renew/helper-settings.js'

const NOW = 1_800_000_000_000
const job = (command: string): GatewayJob => ({
  kind: 'gateway',
  file: '/tmp/unused',
  command,
  env: { PATH: process.env.PATH ?? '' }
})
const mint = (command: string, timeoutMs = 10_000) =>
  mintGatewayToken(job(command), { timeoutMs, now: () => NOW })
const jwt = (exp: number) =>
  ['{"alg":"RS256"}', JSON.stringify({ exp })]
    .map(part => Buffer.from(part).toString('base64url'))
    .join('.') + '.signature'

describe('tokenOf', () => {
  it.each([
    ['tok-123\n', { token: 'tok-123' }],
    ['  tok-123  ', { token: 'tok-123' }],
    ['', { problem: 'it printed no token' }],
    ['\n\n', { problem: 'it printed no token' }],
    ['Bearer tok-123', { problem: 'it printed more than one word: print the token alone' }],
    ['tok-1\ntok-2', { problem: 'it printed more than one word: print the token alone' }]
  ])('%j', (stdout, expected) => expect(tokenOf(stdout)).toEqual(expected))
})

describe('mintGatewayToken', () => {
  it("a JWT lives until its exp; an opaque token for the source's default period", async () => {
    const exp = NOW / 1000 + 120
    expect(await mint(`printf '%s\\n' '${jwt(exp)}'`)).toEqual({
      minted: { value: jwt(exp), expiresAt: exp * 1000 }
    })
    expect(await mint('echo opaque-token')).toEqual({
      minted: { value: 'opaque-token', expiresAt: NOW + OPAQUE_LIFETIME_MS }
    })
  })

  it('a command that fails says how, never what it printed, and may be tried again', async () => {
    const cases: Array<[string, string]> = [
      ['echo leaked-token; echo leaked-error >&2; exit 3', 'it exited with code 3'],
      ['true', 'it printed no token'],
      ['echo two leaked-words', 'it printed more than one word'],
      ['/nonexistent/gcloud auth print-access-token', 'it exited with code 127']
    ]
    for (const [command, problem] of cases) {
      const outcome = await mint(command)
      expect(outcome).toEqual({
        failure: expect.stringContaining(`input 'renew-command': ${problem}`),
        permanent: false
      })
      expect(JSON.stringify(outcome)).not.toMatch(/leaked/)
    }
  })

  it('a command that hangs is ended at the timeout', async () => {
    const outcome = await mint('sleep 30', 300)
    expect(outcome).toEqual({
      failure: "input 'renew-command': it did not finish (SIGKILL)",
      permanent: false
    })
  })

  it('runs in the environment and folder it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-cwd-'))
    const outcome = await mintGatewayToken(
      {
        ...job('printf %s "$GATEWAY_AUDIENCE@$(basename "$PWD")"'),
        env: { PATH: process.env.PATH ?? '', GATEWAY_AUDIENCE: 'aud' },
        cwd: dir
      },
      { timeoutMs: 10_000, now: () => NOW }
    )
    expect(outcome).toEqual({
      minted: { value: `aud@${dir.split('/').pop()}`, expiresAt: NOW + OPAQUE_LIFETIME_MS }
    })
  })
})

describe('GATEWAY_SOURCE.readJob', () => {
  const valid = {
    kind: 'gateway',
    file: '/r/gateway-token',
    command: 'gcloud auth print-access-token',
    env: { A: 'b' }
  }
  it('reads a whole part', () => {
    expect(GATEWAY_SOURCE.readJob({ ...valid, cwd: '/w' })).toEqual({ ...valid, cwd: '/w' })
  })
  it.each([
    ['no command', { ...valid, command: '' }],
    ['no file', { ...valid, file: undefined }],
    ['env a list', { ...valid, env: ['A=b'] }],
    ['env with a number', { ...valid, env: { A: 1 } }],
    ['no env', { ...valid, env: null }]
  ])('refuses %s', (_, part) => expect(GATEWAY_SOURCE.readJob(part)).toBeUndefined())
})

describe('apiKeyHelper settings', () => {
  it('the helper prints the file, whatever its path holds', () => {
    const dir = mkdtempSync(join(tmpdir(), "it's a dir "))
    const file = join(dir, 'gateway-token')
    writeFileSync(file, 'tok-1')
    expect(execFileSync('/bin/sh', ['-c', printCommand(file)], { encoding: 'utf8' })).toBe('tok-1')
  })

  it('keeps every other key of an existing file, and refuses to overwrite one it cannot read', () => {
    const kept = withSetting(
      '{"model":"opus","apiKeyHelper":"old","env":{"A":"1"}}',
      'apiKeyHelper',
      'cat /f'
    )
    expect('text' in kept && JSON.parse(kept.text)).toEqual({
      model: 'opus',
      apiKeyHelper: 'cat /f',
      env: { A: '1' }
    })
    expect(withSetting(undefined, 'apiKeyHelper', 'cat /f')).toEqual({
      text: '{\n  "apiKeyHelper": "cat /f"\n}\n'
    })
    expect(withSetting('{"model":', 'apiKeyHelper', 'cat /f')).toEqual({
      problem: 'it is not JSON'
    })
    expect(withSetting('[1]', 'apiKeyHelper', 'cat /f')).toEqual({
      problem: 'it is not a JSON object'
    })
  })

  it('writes into CLAUDE_CONFIG_DIR when set, else ~/.claude, and leaves a file it cannot read as it was', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gateway-home-'))
    const config = join(home, 'config')
    expect(
      await writeUserSetting({ HOME: home, CLAUDE_CONFIG_DIR: config }, 'apiKeyHelper', 'cat /f')
    ).toEqual({
      path: join(config, 'settings.json')
    })
    expect(await writeUserSetting({ HOME: home }, 'apiKeyHelper', 'cat /f')).toEqual({
      path: join(home, '.claude', 'settings.json')
    })
    writeFileSync(join(config, 'settings.json'), 'not json')
    expect(
      await writeUserSetting({ HOME: home, CLAUDE_CONFIG_DIR: config }, 'apiKeyHelper', 'cat /g')
    ).toEqual({
      path: join(config, 'settings.json'),
      problem: 'it is not JSON'
    })
    expect(readFileSync(join(config, 'settings.json'), 'utf8')).toBe('not json')
  })

  it("at job end takes the key out only while it still prints the renewer's file, every other key kept", async () => {
    const home = mkdtempSync(join(tmpdir(), 'gateway-home-'))
    const env = { HOME: home }
    const path = join(home, '.claude', 'settings.json')
    expect(await removeUserSetting(env, 'apiKeyHelper', 'cat /f')).toEqual({ path, removed: false })
    await writeUserSetting(env, 'model', 'opus')
    await writeUserSetting(env, 'apiKeyHelper', 'cat /mine')
    expect(await removeUserSetting(env, 'apiKeyHelper', 'cat /f')).toEqual({ path, removed: false })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      model: 'opus',
      apiKeyHelper: 'cat /mine'
    })
    await writeUserSetting(env, 'apiKeyHelper', 'cat /f')
    expect(await removeUserSetting(env, 'apiKeyHelper', 'cat /f')).toEqual({ path, removed: true })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ model: 'opus' })
    writeFileSync(path, '{"apiKeyHelper":')
    expect(await removeUserSetting(env, 'apiKeyHelper', 'cat /f')).toEqual({ path, removed: false })
    expect(readFileSync(path, 'utf8')).toBe('{"apiKeyHelper":')
  })
})

describe('the gateway plan', () => {
  const stepWith = (kinds: Record<string, StepValue>) =>
    ({
      label: "step 'Claude'",
      variable: (name: string) => kinds[name] ?? { kind: 'inherited' }
    }) as unknown as ClaudeStep
  const plan = (claudeStep: ClaudeStep, env: NodeJS.ProcessEnv = {}) =>
    GATEWAY_SOURCE.plan({
      selection: { others: [], warnings: [], claudeStep },
      renewCommand: 'print-token',
      env: { PATH: '/usr/bin', ACTIONS_RUNTIME_TOKEN: 'runtime', INPUT_RENEW: 'true', ...env }
    })

  it("warns of what outranks apiKeyHelper in the Claude step: its own env, an output, or the job's value", () => {
    const warned = (p: ReturnType<typeof plan>) =>
      p && 'job' in p ? p.warnings.map(w => /gets (\w+)/.exec(w)?.[1]) : p
    expect(warned(plan(stepWith({})))).toEqual([])
    // Only this step's own env: sets it (the job's value is the step's own): nothing reaches Claude.
    expect(
      warned(
        plan(stepWith({ ANTHROPIC_AUTH_TOKEN: { kind: 'empty', why: 'own' } }), {
          ANTHROPIC_AUTH_TOKEN: 'first'
        })
      )
    ).toEqual([])
    expect(
      warned(
        plan(
          stepWith({
            ANTHROPIC_AUTH_TOKEN: { kind: 'step', written: 'x', why: 'env' },
            ANTHROPIC_API_KEY: { kind: 'output', why: 'output' }
          })
        )
      )
    ).toEqual(['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'])
    expect(warned(plan(stepWith({}), { ANTHROPIC_AUTH_TOKEN: 'from the job' }))).toEqual([
      'ANTHROPIC_AUTH_TOKEN'
    ])
  })

  it("the command's environment keeps neither the runner's tokens, the inputs nor Claude Code's credentials", () => {
    const planned = plan(stepWith({}), {
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request',
      ANTHROPIC_AUTH_TOKEN: 'first',
      CLOUDSDK_CONFIG: '/home/runner/gcloud'
    })
    expect(planned && 'job' in planned && planned.job.env).toEqual({
      PATH: '/usr/bin',
      CLOUDSDK_CONFIG: '/home/runner/gcloud'
    })
  })
})

describe("a checkout's own settings", () => {
  it('names the project settings files that set the key, read as hostile text', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'gateway-checkout-'))
    expect(await projectSettingsSetting(workspace, 'apiKeyHelper')).toEqual([])
    expect(await projectSettingsSetting(undefined, 'apiKeyHelper')).toEqual([])
    mkdirSync(join(workspace, '.claude'))
    writeFileSync(join(workspace, '.claude', 'settings.json'), '{"apiKeyHelper":"echo x"}')
    writeFileSync(join(workspace, '.claude', 'settings.local.json'), '{"apiKeyHelper":')
    expect(await projectSettingsSetting(workspace, 'apiKeyHelper')).toEqual([
      join('.claude', 'settings.json')
    ])
    expect(await projectSettingsSetting(workspace, 'awsCredentialExport')).toEqual([])
    writeFileSync(join(workspace, '.claude', 'settings.local.json'), '{"awsCredentialExport":"x"}')
    expect(await projectSettingsSetting(workspace, 'awsCredentialExport')).toEqual([
      join('.claude', 'settings.local.json')
    ])
  })
})

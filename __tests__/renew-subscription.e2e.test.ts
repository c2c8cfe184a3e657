// Subscription credentials in a bare `claude -p` step, end to end as the runner runs a job: the bundled main step
// refreshes the login from input `claude-credentials` and writes ~/.claude/.credentials.json (`write-credentials-file`);
// the real claude CLI then refreshes that file by itself whenever its access token nears its end or is refused, at its
// own token URL (https://platform.claude.com/v1/oauth/token, which the TLS proxy answers with the OAuth stand-in);
// the bundled post step writes the refresh token the CLI rotated last back to the secret (the GitHub secrets stand-in).
// Access tokens live 6 seconds and the API refuses them once their time is up, so the scripted run outlives several.
// The same run with the access token handed as CLAUDE_CODE_OAUTH_TOKEN, as claude-code-action does, is never refreshed
// by the CLI: it fails, and the post step finds the expired token.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { startTlsProxy } from '../stand-ins/tls-proxy.js'
import { GHS, PAT, SECRET, jobEnv, startChain, type Chain } from './support/refresh-chain.js'
import { newJob, runAction } from './support/runner.js'
import { findLeaks } from './support/leaks.js'
import {
  CLAUDE_BINARIES,
  runClaudeStep,
  SESSION_TURNS,
  renewalRunChannels
} from './support/claude-step.js'

const MAIN = 'dist/main/index.js'
const POST = 'dist/post/index.js'
const ACCESS_LIFETIME_S = 6

interface Stage {
  chain: Chain
  api: Awaited<ReturnType<typeof startAnthropicStandIn>>
  proxy: Awaited<ReturnType<typeof startTlsProxy>>
}

/** The OAuth stand-in issues access tokens of 6 seconds that the API accepts until their time is up. */
async function stage(): Promise<Stage> {
  const chain = await startChain({ expiresIn: ACCESS_LIFETIME_S })
  const api = await startAnthropicStandIn({
    credentials: { 'sk-ant-oat01-old-access-token': 'valid' },
    turns: SESSION_TURNS
  })
  const issue = chain.oauth.issued.push.bind(chain.oauth.issued)
  chain.oauth.issued.push = (...pairs) => {
    for (const pair of pairs) {
      api.set(pair.accessToken, 'valid')
      api.expireAt(pair.accessToken, Date.now() + ACCESS_LIFETIME_S * 1000)
    }
    return issue(...pairs)
  }
  const proxy = await startTlsProxy('platform.claude.com:443', new URL(chain.oauth.url).origin)
  return { chain, api, proxy }
}

async function unstage({ chain, api, proxy }: Stage) {
  await Promise.all([chain.close(), api.close(), proxy.close()])
}

function inputs(chain: Chain, job: ReturnType<typeof newJob>, handOff: Record<string, string>) {
  return {
    'claude-credentials': chain.seeded,
    'oauth-token-url': chain.oauth.url,
    'force-refresh': 'true',
    'secrets-token': PAT,
    'github-token': GHS,
    'secret-name': SECRET,
    'probe-timeout': '30s',
    'claude-output': join(job.dir, 'claude.log'),
    renew: 'true',
    ...handOff
  }
}

/** What the Claude step sees: the API stand-in, and the CLI's token host behind the TLS proxy. */
const claudeEnv = ({ api, proxy }: Stage, exported: Record<string, string>) => ({
  ANTHROPIC_BASE_URL: api.url,
  HTTPS_PROXY: proxy.url,
  NO_PROXY: '127.0.0.1,localhost',
  NODE_EXTRA_CA_CERTS: proxy.certFile,
  ...exported
})

describe.each(CLAUDE_BINARIES)(
  'subscription credentials in a bare claude -p step (%s CLI)',
  (_, binary) => {
    let stands: Stage

    beforeAll(() => expect(existsSync(POST)).toBe(true)) // run `npm run bundle` first

    it("with the credentials file the CLI refreshes by itself, and the post step writes back the chain's head", async () => {
      stands = await stage()
      const { chain } = stands
      try {
        const job = newJob()
        const env = { ...jobEnv(chain), RUNNER_TEMP: job.dir, HOME: job.dir }
        const given = inputs(chain, job, {
          'export-env': 'false',
          'write-credentials-file': 'true'
        })
        const main = await runAction(MAIN, { job, inputs: given, env, timeoutMs: 60_000 })
        expect(main.outputs.refreshed).toBe('true')
        expect(main.env.CLAUDE_CODE_OAUTH_TOKEN).toBeUndefined()
        // `renew: true` starts no renewer here, and says why: Claude Code refreshes the file by itself.
        expect(main.state.renewer).toBe('')
        expect(main.commands.find(c => c.command === 'notice')?.message).toMatch(
          /'renew' is on, but no renewer is started: .* which it refreshes by itself during the run from the credentials file/
        )
        const file = join(job.dir, '.claude', '.credentials.json')
        const handedOn = JSON.parse(readFileSync(file, 'utf8')).claudeAiOauth.refreshToken
        expect(handedOn).toBe(chain.oauth.current)
        const refreshesByMain = chain.oauth.refreshes

        const code = await runClaudeStep(job, job.dir, claudeEnv(stands, {}), binary)
        expect(code).toBe(0)
        expect(readFileSync(join(job.dir, 'claude.log'), 'utf8')).toContain('All checks passed.')
        // The CLI refreshed at its own token URL, through the proxy, again and again, and never replayed a token.
        expect(stands.proxy.connects).toContain('platform.claude.com:443')
        expect(chain.oauth.refreshes - refreshesByMain).toBeGreaterThanOrEqual(2)
        expect(chain.oauth.replays).toBe(0)
        const head = chain.oauth.current
        expect(JSON.parse(readFileSync(file, 'utf8')).claudeAiOauth.refreshToken).toBe(head)

        const post = await runAction(POST, {
          job,
          inputs: given,
          env,
          state: main.state,
          timeoutMs: 60_000
        })
        expect(post.code).toBe(0)
        expect(post.commands.filter(c => c.command === 'error')).toEqual([])
        // The secret holds the refresh token the CLI rotated last; the file is gone.
        expect(JSON.parse(chain.secretValue()!).claudeAiOauth.refreshToken).toBe(head)
        expect(existsSync(file)).toBe(false)
        const tokens = chain.oauth.issued.flatMap(p => [p.accessToken, p.refreshToken])
        expect(findLeaks(renewalRunChannels(main, post), tokens)).toEqual([])
      } finally {
        await unstage(stands)
      }
    }, 120_000)

    it('with the access token in CLAUDE_CODE_OAUTH_TOKEN the CLI never refreshes: the run fails, the post step finds the expired token', async () => {
      stands = await stage()
      const { chain } = stands
      try {
        const job = newJob()
        const env = { ...jobEnv(chain), RUNNER_TEMP: job.dir, HOME: job.dir }
        const given = inputs(chain, job, {
          'export-env': 'true',
          'write-credentials-file': 'false'
        })
        const main = await runAction(MAIN, { job, inputs: given, env, timeoutMs: 60_000 })
        expect(main.outputs.refreshed).toBe('true')
        const refreshesByMain = chain.oauth.refreshes

        const exported = { CLAUDE_CODE_OAUTH_TOKEN: main.env.CLAUDE_CODE_OAUTH_TOKEN! }
        const code = await runClaudeStep(job, job.dir, claudeEnv(stands, exported), binary)
        expect(code).toBe(1)
        expect(chain.oauth.refreshes).toBe(refreshesByMain)
        const post = await runAction(POST, {
          job,
          inputs: given,
          env,
          state: main.state,
          timeoutMs: 60_000
        })
        expect(post.code).toBe(1)
        const error = post.commands.find(c => c.command === 'error')
        expect(error?.message).toMatch(
          /The subscription access token expired \d+ seconds? into the run/
        )
      } finally {
        await unstage(stands)
      }
    }, 120_000)
  }
)

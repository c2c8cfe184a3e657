// `npm run demo`: the bundled action (dist/main/index.js) through a few scenarios against a stand-in Anthropic API
// started here on loopback, run exactly as the GitHub runner runs it. Needs no network and no build.
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { runAction } from './lib/runner.js'

const KEYS = {
  valid: 'sk-ant-api03-demo-valid-key',
  invalid: 'sk-ant-api03-demo-invalid-key',
  oauth: 'sk-ant-oat01-demo-oauth-token',
  down: 'sk-ant-api03-demo-key-while-api-is-down'
}
const api = await startAnthropicStandIn({
  credentials: {
    [KEYS.valid]: 'valid',
    [KEYS.invalid]: 'invalid',
    [KEYS.oauth]: 'valid',
    [KEYS.down]: 'overloaded'
  }
})
const soon = Date.now() + 25 * 60_000
const scenarios = [
  ['A live API key', { 'anthropic-api-key': KEYS.valid }],
  ['An API key the API rejects', { 'anthropic-api-key': KEYS.invalid }],
  [
    'Subscription credentials that expire in 25 minutes, for a 90-minute job',
    {
      'claude-credentials': JSON.stringify({
        claudeAiOauth: { accessToken: KEYS.oauth, expiresAt: soon }
      }),
      'min-remaining': '90m'
    }
  ],
  [
    'The API is overloaded (529): not called invalid',
    { 'anthropic-api-key': KEYS.down, 'probe-timeout': '3s' }
  ]
]

let failures = 0
try {
  for (const [title, inputs] of scenarios) {
    const result = await runAction('dist/main/index.js', {
      inputs: { 'anthropic-base-url': api.url, 'min-remaining': '30m', ...inputs }
    })
    const annotations = result.commands.filter(c => ['error', 'warning'].includes(c.command))
    console.log(`\n=== ${title}`)
    console.log(
      `exit ${result.code} | status=${result.outputs.status} valid=${result.outputs.valid} expires-at=${result.outputs['expires-at'] || '-'}`
    )
    for (const a of annotations) console.log(`::${a.command}:: ${a.message}`)
    const row = result.summary.split('\n').find(line => line.includes('(used)'))
    if (row) console.log(`summary: ${row}`)
    if (!result.outputs.status) failures++
  }
} finally {
  await api.close()
}
console.log(
  `\n${scenarios.length - failures} scenarios ran against the stand-in API at ${api.url}.`
)
process.exitCode = failures ? 1 : 0

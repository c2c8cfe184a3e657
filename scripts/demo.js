// `npm run demo`: the bundled action (dist/) run exactly as the GitHub runner runs it, against a stand-in Anthropic
// API started here on loopback. First the main step alone through four credentials, then one whole job: main, a real
// Claude CLI transcript that dies on an expired token, and the post step that explains it. Needs no network and no
// build. It prints what a user sees: the annotations, and the job summary as markdown.
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { runAction } from './lib/runner.js'
import { runStory, STORY } from './lib/story.js'

const KEYS = {
  valid: 'sk-ant-api03-demo-valid-key',
  invalid: 'sk-ant-api03-demo-invalid-key',
  oauth: 'sk-ant-oat01-demo-oauth-token',
  down: 'sk-ant-api03-demo-key-while-api-is-down'
}
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

/** What the runner shows of a step: its annotations, then what it added to the job summary. */
function show(result) {
  for (const a of result.commands.filter(c => ['error', 'warning', 'notice'].includes(c.command)))
    console.log(`  [${a.command}] ${a.message.replace(/%0A/g, ' ')}`)
}

const indent = text =>
  text
    .trim()
    .split('\n')
    .map(line => `  | ${line}`)
    .join('\n')

let failures = 0
const api = await startAnthropicStandIn({
  credentials: {
    [KEYS.valid]: 'valid',
    [KEYS.invalid]: 'invalid',
    [KEYS.oauth]: 'valid',
    [KEYS.down]: 'overloaded'
  }
})
try {
  console.log('Part 1: the main step alone, four credentials.')
  for (const [title, inputs] of scenarios) {
    const result = await runAction('dist/main/index.js', {
      inputs: { 'anthropic-base-url': api.url, 'min-remaining': '30m', ...inputs }
    })
    console.log(`\n=== ${title}`)
    console.log(
      `  step ${result.code === 0 ? 'passed' : 'failed'} | outputs: status=${result.outputs.status} valid=${result.outputs.valid} expires-at=${result.outputs['expires-at'] || '-'}`
    )
    show(result)
    // The summary's credential table, with its header, as the job summary shows it.
    const table = result.summary.split('\n').filter(line => line.startsWith('|'))
    if (table.length) console.log(`  job summary table:\n${indent(table.join('\n'))}`)
    if (!result.outputs.status) failures++
  }
} finally {
  await api.close()
}

console.log(
  `\n\nPart 2: one whole job. An OAuth token that expires in ${STORY.expiresInMinutes} minutes, a job allowed ${STORY.jobMinutes} (on-expiring: warn), and a Claude run (a real CLI transcript) that dies ${STORY.failsAfterMinutes} minutes in.`
)
const story = await runStory()
console.log(`\n=== main step: ${story.main.code === 0 ? 'passed' : 'failed'}`)
show(story.main)
console.log(`\n=== post step, at job end: ${story.post.code === 0 ? 'passed' : 'failed the job'}`)
show(story.post)
console.log(`\n=== The job summary (markdown, as GitHub renders it on the run's page):\n`)
console.log(indent(story.summary))
if (!story.main.outputs.status || story.post.code === 0) failures++

console.log(
  `\n${scenarios.length + 1} scenarios ran against a stand-in API on loopback${failures ? `; ${failures} did not behave as described` : ''}.`
)
process.exitCode = failures ? 1 : 0

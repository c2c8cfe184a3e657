// One whole job, run as the runner runs it, for `npm run demo` and the README's picture: the bundled main step checks
// an OAuth token that expires 45 minutes ahead in a job allowed 90 minutes (`on-expiring: warn`, so the job goes on
// with a warning), the Claude step's run then dies 47 minutes in, and the bundled post step explains it. The
// transcript is the real CLI's fixture `fixtures/cli/expired-after-3-turns.jsonl` with its timestamps stretched over
// those 47 minutes (the fixture itself ran in a second).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../../stand-ins/anthropic.js'
import { newJob, runAction } from './runner.js'

const MINUTE = 60_000
export const STORY = {
  token: 'sk-ant-oat01-story-demo-token',
  expiresInMinutes: 45,
  jobMinutes: 90,
  failsAfterMinutes: 47
}

/** Stretches the fixture's timeline so the run starts a minute after `now` and fails `minutes` later. */
function stretchedTranscript(now, minutes) {
  const lines = readFileSync('fixtures/cli/expired-after-3-turns.jsonl', 'utf8').split('\n')
  const stamps = lines.flatMap(line =>
    [...line.matchAll(/"timestamp":"([^"]+)"/g)].map(m => Date.parse(m[1] ?? ''))
  )
  const first = stamps.reduce((a, b) => Math.min(a, b))
  const last = stamps.reduce((a, b) => Math.max(a, b))
  const start = now + MINUTE
  const at = t => new Date(start + ((t - first) / Math.max(1, last - first)) * minutes * MINUTE)
  return lines
    .map(line =>
      line
        .replace(
          /"timestamp":"([^"]+)"/g,
          (_, t) => `"timestamp":"${at(Date.parse(t)).toISOString()}"`
        )
        .replace(/"duration_ms":\d+/, `"duration_ms":${minutes * MINUTE + 30_000}`)
    )
    .join('\n')
}

/** Runs the story's main step, its Claude transcript and its post step in one job folder. */
export async function runStory() {
  const now = Date.now()
  const job = newJob()
  const api = await startAnthropicStandIn({ credentials: { [STORY.token]: 'valid' } })
  let main
  try {
    main = await runAction('dist/main/index.js', {
      job,
      inputs: {
        'claude-code-oauth-token': STORY.token,
        'oauth-token-expires-at': new Date(now + STORY.expiresInMinutes * MINUTE).toISOString(),
        'anthropic-base-url': api.url,
        'min-remaining': `${STORY.jobMinutes}m`,
        'on-expiring': 'warn'
      }
    })
  } finally {
    await api.close()
  }
  const output = join(job.dir, 'claude-execution-output.jsonl')
  writeFileSync(output, stretchedTranscript(now, STORY.failsAfterMinutes))
  const post = await runAction('dist/post/index.js', {
    job,
    inputs: { 'claude-output': output, 'fail-on-auth-error': 'true' },
    state: main.state
  })
  return { job, main, post, summary: readFileSync(job.summary, 'utf8') }
}

// Makes docs/job-summary.md and docs/job-summary.png: the real job summary of one job, written by the bundled
// main step (dist/main) and post step (dist/post) run the way the runner runs them.
//
// The story: an OAuth token the preflight proved live, with `oauth-token-expires-at` 45 minutes ahead and
// `min-remaining: 30m` (too short for this job); the Claude run then expires 47 minutes in. The transcript is the
// real CLI's fixture `fixtures/cli/expired-after-3-turns.jsonl` with its timestamps stretched over those 47
// minutes (the fixture itself ran in a second).
//
// The picture needs a browser and two renderers that are not project dependencies:
//   apt-get install -y chromium
//   npm install --prefix /tmp/picture mermaid@11 marked@14
//   node scripts/summary-picture.js /tmp/picture/node_modules
// Without the renderers' folder it writes only docs/job-summary.md.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAnthropicStandIn } from '../stand-ins/anthropic.js'
import { newJob, runAction } from './lib/runner.js'

const TOKEN = 'sk-ant-oat01-picture-demo-token'
const MINUTE = 60_000
const now = Date.now()
const expiresAt = new Date(now + 45 * MINUTE).toISOString()

const api = await startAnthropicStandIn({ credentials: { [TOKEN]: 'valid' } })
const job = newJob()
let main
try {
  main = await runAction('dist/main/index.js', {
    job,
    inputs: {
      'claude-code-oauth-token': TOKEN,
      'oauth-token-expires-at': expiresAt,
      'anthropic-base-url': api.url,
      'min-remaining': '30m'
    }
  })
} finally {
  await api.close()
}

// The fixture's timeline, stretched: the run starts a minute after the preflight and fails 47 minutes in.
const lines = readFileSync('fixtures/cli/expired-after-3-turns.jsonl', 'utf8').split('\n')
const stamps = lines.flatMap(line =>
  [...line.matchAll(/"timestamp":"([^"]+)"/g)].map(m => Date.parse(m[1]))
)
const first = Math.min(...stamps)
const last = Math.max(...stamps)
const start = now + MINUTE
const stretch = t => new Date(start + ((t - first) / Math.max(1, last - first)) * 47 * MINUTE)
const transcript = lines
  .map(line =>
    line
      .replace(
        /"timestamp":"([^"]+)"/g,
        (_, t) => `"timestamp":"${stretch(Date.parse(t)).toISOString()}"`
      )
      .replace(/"duration_ms":\d+/, `"duration_ms":${47 * MINUTE + 30_000}`)
      .replace(/"num_turns":\d+/, '"num_turns":4')
  )
  .join('\n')
const output = join(job.dir, 'claude-execution-output.jsonl')
writeFileSync(output, transcript)

const post = await runAction('dist/post/index.js', {
  job,
  inputs: { 'claude-output': output, 'fail-on-auth-error': 'true' },
  state: main.state
})

const summary = readFileSync(job.summary, 'utf8')
mkdirSync('docs', { recursive: true })
// Formatted as the repository formats markdown (tables padded); the content is the summary as written.
const prettier = await import('prettier')
const options = (await prettier.resolveConfig('docs/job-summary.md')) ?? {}
writeFileSync(
  'docs/job-summary.md',
  await prettier.format(summary, { ...options, parser: 'markdown' })
)
console.log(`main exit ${main.code}, post exit ${post.code}; wrote docs/job-summary.md`)

const deps = process.argv[2]
if (!deps || !existsSync(join(deps, 'marked')) || !existsSync(join(deps, 'mermaid'))) {
  console.log('No renderers given (see the top of this file): no picture.')
  process.exit(0)
}

const { marked } = await import(join(deps, 'marked', 'lib', 'marked.esm.js'))
const body = marked
  .parse(summary)
  .replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    (_, chart) => `<pre class="mermaid">${chart}</pre>`
  )
const html = `<!doctype html><html><head><meta charset="utf-8"><title>0</title><style>
body { font: 14px/1.5 -apple-system, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif; color: #1f2328;
  margin: 0; padding: 24px; width: 1000px; background: #fff }
h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em } h4 { margin-bottom: 0 }
table { border-collapse: collapse; margin: 12px 0; display: block; overflow: auto }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px } tr:nth-child(2n) { background: #f6f8fa }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: .2em .4em;
  border-radius: 6px }
blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0 }
pre.mermaid { background: #fff; text-align: center }
</style><script src="mermaid.min.js"></script></head><body>${body}
<script>mermaid.initialize({ startOnLoad: false, theme: 'default' })
mermaid.run().then(() => { document.title = String(document.body.scrollHeight + 24) })</script>
</body></html>`
const dir = job.dir
writeFileSync(join(dir, 'summary.html'), html)
copyFileSync(join(deps, 'mermaid', 'dist', 'mermaid.min.js'), join(dir, 'mermaid.min.js'))
const page = `file://${join(dir, 'summary.html')}`
const chromium = (/** @type {string[]} */ ...args) =>
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--virtual-time-budget=10000',
      ...args,
      page
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }
  )
// First pass: the rendered page's height (the page writes it into its title once Mermaid has drawn).
const height = Number(
  /<title>(\d+)<\/title>/.exec(chromium('--window-size=1048,800', '--dump-dom'))?.[1] ?? 2000
)
chromium(`--window-size=1048,${Math.ceil(height)}`, '--screenshot=docs/job-summary.png')
console.log('wrote docs/job-summary.png')

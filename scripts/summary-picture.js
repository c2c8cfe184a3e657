// Makes docs/job-summary.md and docs/job-summary.png: the real job summary of one job (scripts/lib/story.js), written
// by the bundled main step (dist/main) and post step (dist/post) run the way the runner runs them.
//
// The picture needs a browser and two renderers that are not project dependencies:
//   apt-get install -y chromium
//   npm install --prefix /tmp/picture mermaid@11 marked@14
//   node scripts/summary-picture.js /tmp/picture/node_modules
// Without the renderers' folder it writes only docs/job-summary.md.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runStory } from './lib/story.js'

const { job, main, post, summary } = await runStory()
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

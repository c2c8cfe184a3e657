// A post step run as the runner runs it, on log lines and transcripts a test writes, with pr-comment on against
// the GitHub stand-in: for the security tests of what the post step's reports let through.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type RunResult } from './runner.js'
import { startGitHubStandIn } from '../../stand-ins/github.js'
import { issuesRoutes } from '../../stand-ins/github-issues.js'

export const POST = 'dist/post/index.js'

export interface PostJob {
  result: RunResult
  /** Every annotation, title and message. */
  annotations: string
  /** The bodies of the pull request's comments after the run, oldest first. */
  comments: Array<{ body: string; user: { login: string } }>
}

export interface GitHubStandIn {
  url: string
  state: {
    comments: Record<string, PostJob['comments']>
    users?: Record<string, string>
    apps?: Record<string, string>
  }
  close(): Promise<void>
}

/** The GitHub stand-in with the issue-comment routes; `ghs_installation` is the workflow's token. */
export async function startCommentsStandIn(
  state: Partial<GitHubStandIn['state']> = {},
  tokens: string[] = []
): Promise<GitHubStandIn> {
  return (await startGitHubStandIn({
    routes: issuesRoutes,
    tokens: ['ghs_installation', ...tokens],
    state: { comments: {}, ...state }
  })) as GitHubStandIn
}

let prNumber = 500

/** Runs the bundled post step on `files` (name → content) for a new pull request, or the one given. */
export async function runPost(
  github: GitHubStandIn,
  files: Record<string, string>,
  options: {
    inputs?: Record<string, string>
    env?: Record<string, string>
    number?: number
    state?: Record<string, string>
  } = {}
): Promise<PostJob> {
  const dir = mkdtempSync(join(tmpdir(), 'security-post-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  const number = options.number ?? prNumber++
  const event = join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number } }))
  const result = await runAction(POST, {
    inputs: {
      'claude-output': Object.keys(files)
        .map(name => join(dir, name))
        .join('\n'),
      'pr-comment': 'true',
      'github-token': 'ghs_installation',
      ...options.inputs
    },
    env: {
      RUNNER_TEMP: dir,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      ...options.env
    },
    ...(options.state && { state: options.state })
  })
  const annotations = result.commands
    .filter(c => ['error', 'warning', 'notice'].includes(c.command))
    .map(c => `${c.properties} ${c.message}`)
    .join('\n')
  return { result, annotations, comments: github.state.comments?.[`acme/app#${number}`] ?? [] }
}

/** A stream-json transcript: a Bash tool call `command` whose failed result is `output`. */
export function failedToolCall(command: string, output: string): string {
  const id = 'toolu_security0000000000000001'
  return [
    { type: 'system', subtype: 'init', session_id: 's', tools: ['Bash'] },
    {
      type: 'assistant',
      message: {
        id: 'msg_1',
        role: 'assistant',
        content: [{ type: 'tool_use', id, name: 'Bash', input: { command } }]
      },
      timestamp: '2026-03-01T10:00:01.000Z'
    },
    {
      type: 'user',
      message: {
        role: 'user',
        content: [{ type: 'tool_result', content: output, is_error: true, tool_use_id: id }]
      },
      timestamp: '2026-03-01T10:00:02.000Z'
    }
  ]
    .map(record => JSON.stringify(record))
    .join('\n')
}

/**
 * Markdown with its code spans and fenced blocks taken out (CommonMark: a run of backticks closes only at a run of
 * the same length): what GitHub renders as markup.
 */
export function outsideCode(markdown: string): string {
  const kept: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced
      continue
    }
    if (fenced) continue
    let out = ''
    let at = 0
    const runs = /`+/g
    for (let run = runs.exec(line); run; run = runs.exec(line)) {
      const close = new RegExp(`(?<!\`)${run[0]}(?!\`)`, 'g')
      close.lastIndex = run.index + run[0].length
      const end = close.exec(line)
      if (!end) continue
      out += line.slice(at, run.index)
      at = end.index + run[0].length
      runs.lastIndex = at
    }
    kept.push(out + line.slice(at))
  }
  return kept.join('\n')
}

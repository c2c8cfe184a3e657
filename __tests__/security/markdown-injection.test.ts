// Item 6: text quoted from the files read reaches the job summary and the PR comment as inert code, never as a
// link, image, HTML, heading or mention; and a failed `gh` call whose output quotes "Bad credentials" further down
// (a pull request's body) is not the GitHub token failing.
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import {
  failedToolCall,
  outsideCode,
  runPost,
  startCommentsStandIn,
  type GitHubStandIn
} from '../support/post-job.js'

let github: GitHubStandIn
beforeAll(async () => {
  github = await startCommentsStandIn()
})
afterAll(async () => github.close())

const HOSTILE = [
  '[click here](https://evil.example/phish)',
  '![pixel](https://evil.example/track.png)',
  '<img src=https://evil.example/x.png> <details open>',
  '@octocat @acme/security please look',
  '``` fence ` tick `` ticks',
  'www.evil.example and mallory@evil.example'
]

test('quoted words, file names and addresses render as code in the summary and the comment', async () => {
  const log = HOSTILE.map(
    (text, i) => `Failed to authenticate. API Error: 401 invalid x-api-key ${i} ${text}`
  ).join('\n')
  const { result, comments } = await runPost(github, {
    'claude.log': log,
    '# [x](https:⁄⁄evil.example) @octocat `.log': 'API Error: 401 invalid x-api-key name\n'
  })
  expect(result.code).toBe(1)
  expect(comments).toHaveLength(1)
  for (const [where, markdown] of [
    ['summary', result.summary],
    ['comment', comments[0]!.body.replace(/^<!--[^>]*-->\n/, '').replace(/<sub>.*<\/sub>/, '')]
  ] as const) {
    expect(`${where}: ${markdown}`).toContain('invalid x-api-key 3') // the words are there, as code
    const markup = outsideCode(markdown)
    for (const needle of ['evil.example', 'octocat', '<img', '<details', '](', 'acme/security']) {
      expect(`${where}: ${markup.includes(needle) ? needle : ''}`).toBe(`${where}: `)
    }
    expect(markup).not.toMatch(/^#{1,6} (?!claude-preflight|Anthropic|GitHub)/m)
  }
}, 60_000)

test('a failed gh call printing a pull request body that quotes "Bad credentials" is no GitHub failure', async () => {
  const body =
    'Exit code 1\ntitle:\tFix login\nbody:\tWe saw "Bad credentials" and HTTP 401: Bad credentials here\n'
  const { result } = await runPost(github, {
    'run.jsonl': failedToolCall('gh pr view 12', body)
  })
  expect(result.commands.filter(c => c.command === 'error')).toEqual([])
  expect(result.code).toBe(0)
}, 60_000)

test("GitHub's own refusal at the start of the output still counts", async () => {
  for (const output of [
    'Exit code 1\nHTTP 401: Bad credentials (https://api.github.com/graphql)\nTry authenticating with:  gh auth login',
    "Exit code 128\nremote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/app.git/'"
  ]) {
    const { result } = await runPost(github, {
      'run.jsonl': failedToolCall('gh pr create', output)
    })
    expect(result.code).toBe(1)
    expect(result.summary).toContain('`github-auth`')
  }
}, 60_000)

// A checkout as actions/checkout leaves one: a git repository holding `files` in one commit, whose id is returned
// (what GITHUB_SHA and GITHUB_WORKFLOW_SHA name when the checkout is the running workflow's own commit).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function checkout(dir: string, files: Record<string, string>): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    })
  git('init', '-q')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
    git('add', path)
  }
  git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'checkout')
  return git('rev-parse', 'HEAD').trim()
}

/**
 * A checkout of one workflow, `.github/workflows/claude.yml` with its job `claude`, and the environment the runner
 * gives a step of that job (GITHUB_WORKSPACE, GITHUB_WORKFLOW_REF, GITHUB_WORKFLOW_SHA, GITHUB_JOB).
 */
export function runningWorkflow(dir: string, workflow: string): Record<string, string> {
  const sha = checkout(dir, { '.github/workflows/claude.yml': workflow })
  return {
    GITHUB_WORKSPACE: dir,
    GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/claude.yml@refs/heads/main',
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_JOB: 'claude'
  }
}

/**
 * The job's workflow as claude-code-action's documentation configures a cloud platform (`use_bedrock`, `use_vertex`,
 * `use_foundry`): the cloud's login steps when there are any (`loginSteps`, YAML lines at a step's indentation), the
 * preflight, then the action with that input and the step's own `env:`, in a 45-minute job that may mint OIDC tokens.
 */
export const cloudPlatformWorkflow = (
  useInput: string,
  { loginSteps = '', stepEnv = {} }: { loginSteps?: string; stepEnv?: Record<string, string> } = {}
) => `on: pull_request
permissions:
  contents: write
  pull-requests: write
  issues: write
  id-token: write
jobs:
  claude:
    runs-on: ubuntu-latest
    timeout-minutes: 45
    steps:
${loginSteps}      - uses: owner/claude-preflight@v1
      - uses: anthropics/claude-code-action@v1
        with:
          ${useInput}: 'true'
          github_token: \${{ github.token }}
${Object.keys(stepEnv).length ? '        env:\n' : ''}${Object.entries(stepEnv)
  .map(([name, value]) => `          ${name}: ${value}\n`)
  .join('')}`

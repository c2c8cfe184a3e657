// The post step: runs at job end, after the Claude step. Reads what Claude wrote (`claude-output`), finds every
// credential failure, and reports it: annotations, a job-summary section, optionally a PR comment, and a failed
// job (`fail-on-auth-error`). It never crashes: an unreadable file or an API error becomes a warning.
import * as actionsCore from '@actions/core'
import type { Core } from './core.js'
import { finishWriteBack } from '../refresh/index.js'
import { PREFIX, oneLine } from '../report/errors.js'
import { annotate, commentBody, COMMENT_MARKER, reportMarkdown } from '../report/post-report.js'
import { distinctFailures, type Failure } from '../scan/explain.js'
import { parsePreflightState } from '../scan/preflight-state.js'
import { expandPatterns, scanFile } from '../scan/read.js'
import type { Finding } from '../scan/transcript.js'
import {
  errorStatus,
  pullRequestFromEnv,
  upsertComment,
  type CommentOutcome,
  type IssuesApi,
  type PullRequest
} from '../github/pr-comment.js'

export interface PostDeps {
  core: Core
  env: NodeJS.ProcessEnv
  /** Makes the GitHub client for the PR comment (default: @actions/github's getOctokit). */
  github?: (token: string) => Promise<IssuesApi>
  /** Marks the job failed without another annotation (default: process.exitCode = 1). */
  fail?: () => void
  /**
   * The write-back retry (src/refresh): rotated credentials that main could not store yet, or that the CLI
   * rotated during the run. Called last; what it throws fails the job with one annotation.
   */
  finishWriteBack?: () => Promise<void>
}

export interface PostOutcome {
  failures: Failure[]
  findings: Finding[]
  files: string[]
  comment?: CommentOutcome
  failed: boolean
}

export async function post(deps: PostDeps): Promise<PostOutcome> {
  const { core } = deps
  const outcome: PostOutcome = { failures: [], findings: [], files: [], failed: false }
  try {
    await scanAndReport(deps, outcome)
  } catch (error) {
    core.warning(`${oneLine(error)} (the post step's report is incomplete)`)
  }
  if (deps.finishWriteBack) {
    try {
      await deps.finishWriteBack()
    } catch (error) {
      // The newest refresh token was not saved: the one case worth failing the job for, so nobody misses it.
      core.error(oneLine(error), { title: 'Rotated Claude credentials not saved' })
      ;(deps.fail ?? defaultFail)()
      outcome.failed = true
    }
  }
  return outcome
}

async function scanAndReport(deps: PostDeps, outcome: PostOutcome): Promise<void> {
  const { core, env } = deps
  const patterns = outputPatterns(core.getInput('claude-output'), env)
  const failOnAuthError = booleanInput(core, 'fail-on-auth-error', true)
  const prComment = booleanInput(core, 'pr-comment', false)

  const { files, missing } = await expandPatterns(patterns, env.GITHUB_WORKSPACE || process.cwd())
  for (const pattern of missing) {
    core.notice(
      `${PREFIX}: no file matches '${pattern}' (input claude-output); nothing to read there.`
    )
  }
  const unreadable: Array<{ file: string; reason: string }> = []
  for (const file of files) {
    try {
      const scan = await scanFile(file)
      outcome.findings.push(...scan.findings)
      outcome.files.push(file)
      core.info(
        `${PREFIX}: read ${file}: ${scan.stats.records} JSON records, ${scan.stats.textLines} text lines, ${scan.findings.length} credential failure(s)${scan.stats.truncated ? ' (the file ends mid-record: the run was cut off)' : ''}`
      )
    } catch (error) {
      const reason = oneLine(error).replace(`${PREFIX}: `, '')
      unreadable.push({ file, reason })
      core.warning(`${PREFIX}: could not read ${file}: ${reason}`)
    }
  }

  const state = parsePreflightState(core.getState('preflight'))
  const failures = distinctFailures(outcome.findings, state)
  outcome.failures = failures
  annotate(core, failures)

  const markdown = reportMarkdown(failures, { files: outcome.files, missing, unreadable, state })
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(
      `${PREFIX}: could not write the job summary: ${oneLine(error).replace(`${PREFIX}: `, '')}`
    )
  }

  if (prComment) {
    const comment = await commentOnPullRequest(deps, markdown, failures.length === 0)
    if (comment) outcome.comment = comment
  }

  if (failures.length > 0) {
    const kinds = [...new Set(failures.map(f => f.kind))].join(', ')
    if (failOnAuthError) {
      core.info(
        `${PREFIX}: marking the job failed: the Claude step hit ${failures.length} credential failure(s) (${kinds}); set fail-on-auth-error: false to only report them.`
      )
      ;(deps.fail ?? defaultFail)()
      outcome.failed = true
    } else {
      core.info(
        `${PREFIX}: ${failures.length} credential failure(s) (${kinds}) reported; fail-on-auth-error is false.`
      )
    }
  }
}

async function commentOnPullRequest(
  deps: PostDeps,
  markdown: string,
  nothingFound: boolean
): Promise<CommentOutcome | undefined> {
  const { core, env } = deps
  const pr: PullRequest | undefined = pullRequestFromEnv(env)
  if (!pr) {
    core.info(`${PREFIX}: pr-comment is on, but this run is not for a pull request; no comment.`)
    return undefined
  }
  const token = core.getInput('github-token')
  if (!token) {
    core.warning(
      `${PREFIX}: pr-comment is on but input 'github-token' is empty; no comment. Pass github-token: \${{ github.token }}.`
    )
    return undefined
  }
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  try {
    const api = await (deps.github ?? defaultGitHub)(token)
    const outcome = await upsertComment(api, pr, COMMENT_MARKER, commentBody(markdown, runUrl), {
      onlyUpdate: nothingFound
    })
    if (outcome.action !== 'skipped') {
      core.info(`${PREFIX}: PR #${pr.number} comment ${outcome.action} (id ${outcome.id}).`)
    }
    return outcome
  } catch (error) {
    const status = errorStatus(error)
    if (status === 403 || status === 404) {
      core.warning(
        `${PREFIX}: could not comment on PR #${pr.number}: the token lacks permission (HTTP ${status}: ${messageOf(error)}). Give the job \`permissions: pull-requests: write\` (and \`issues: write\`), or pass a token that has it as github-token.`
      )
    } else {
      core.warning(`${PREFIX}: could not comment on PR #${pr.number}: ${messageOf(error)}`)
    }
    return undefined
  }
}

function messageOf(error: unknown): string {
  return oneLine(error).replace(`${PREFIX}: `, '')
}

/** `claude-output` lines; empty means the claude-code-action execution file. */
export function outputPatterns(input: string, env: NodeJS.ProcessEnv): string[] {
  const lines = input
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'))
  if (lines.length > 0) return lines
  const temp = env.RUNNER_TEMP || '.'
  return [`${temp}/claude-execution-output.json`]
}

function booleanInput(core: Core, name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase()
  if (!value) return fallback
  if (['true', 'yes', 'on', '1'].includes(value)) return true
  if (['false', 'no', 'off', '0'].includes(value)) return false
  core.warning(`${PREFIX}: input '${name}' is '${value}', not true or false; using ${fallback}.`)
  return fallback
}

function defaultFail(): void {
  process.exitCode = 1
}

async function defaultGitHub(token: string): Promise<IssuesApi> {
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token) as unknown as IssuesApi
}

/** The entry point: the real @actions/core and environment. */
export async function run(): Promise<void> {
  try {
    await post({
      core: actionsCore,
      env: process.env,
      finishWriteBack: async () => {
        await finishWriteBack({ core: actionsCore, env: process.env, now: () => new Date() })
      }
    })
  } catch (error) {
    // post() catches everything; this is the last guard, and it only warns.
    actionsCore.warning(oneLine(error))
  }
}

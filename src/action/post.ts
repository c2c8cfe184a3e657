// The post step: runs at job end, after the Claude step. Reads what Claude wrote (`claude-output`), finds every
// credential failure, and reports it: annotations, a job-summary section, optionally a PR comment, and a failed
// job (`fail-on-auth-error`). It never crashes: an unreadable file or an API error becomes a warning.
import * as actionsCore from '@actions/core'
import type { Core } from './core.js'
import { finishWriteBack } from '../refresh/index.js'
import { readBoolean } from '../check/inputs.js'
import { clip } from '../lifetime/duration.js'
import { PREFIX, oneLine, UserError, reasonOf } from '../report/errors.js'
import { annotate, commentBody, COMMENT_MARKER, reportMarkdown } from '../report/post-report.js'
import { knownSecrets, redactorFor } from '../report/redact.js'
import { distinctFailures, type Failure } from '../scan/explain.js'
import { parsePreflightState, STATE_KEY } from '../scan/preflight-state.js'
import { expandPatterns, scanFile } from '../scan/read.js'
import type { Finding } from '../scan/transcript.js'
import { octokitRequest, type GitHubRequest } from '../secrets/api.js'
import {
  CommentApiError,
  pullRequestFromEnv,
  upsertComment,
  type CommentOutcome,
  type PullRequest
} from '../github/pr-comment.js'

export interface PostDeps {
  core: Core
  env: NodeJS.ProcessEnv
  /** Makes the GitHub client for the PR comment (default: octokit through src/secrets/api.ts). */
  github?: (token: string) => GitHubRequest
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
      const reason = reasonOf(error)
      unreadable.push({ file, reason })
      core.warning(`${PREFIX}: could not read ${file}: ${reason}`)
    }
  }

  const state = parsePreflightState(core.getState(STATE_KEY))
  const failures = distinctFailures(outcome.findings, state)
  outcome.failures = failures
  const redact = redactorFor(
    knownSecrets(name => core.getInput(name, { trimWhitespace: false }), env)
  )
  annotate(core, failures, redact)

  const context = { files: outcome.files, missing, unreadable, state, redact }
  const markdown = reportMarkdown(failures, { ...context, audience: 'summary' })
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`${PREFIX}: could not write the job summary: ${reasonOf(error)}`)
  }

  if (prComment) {
    const comment = await commentOnPullRequest(
      deps,
      reportMarkdown(failures, { ...context, audience: 'comment' }),
      failures.length === 0
    )
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
    const api = deps.github ? deps.github(token) : octokitRequest(token, env)
    const outcome = await upsertComment(api, pr, COMMENT_MARKER, commentBody(markdown, runUrl), {
      onlyUpdate: nothingFound
    })
    if (outcome.action !== 'skipped') {
      core.info(`${PREFIX}: PR #${pr.number} comment ${outcome.action} (id ${outcome.id}).`)
    }
    return outcome
  } catch (error) {
    const status = error instanceof CommentApiError ? error.status : undefined
    if (status === 403 || status === 404) {
      core.warning(
        `${PREFIX}: could not comment on PR #${pr.number}: the token lacks permission (HTTP ${status}: ${reasonOf(error)}). Give the job \`permissions: pull-requests: write\` (and \`issues: write\`), or pass a token that has it as github-token.`
      )
    } else {
      core.warning(`${PREFIX}: could not comment on PR #${pr.number}: ${reasonOf(error)}`)
    }
    return undefined
  }
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

/**
 * A true/false input, read as main reads it (`readBoolean`: `true` or `false` in any case). Main already failed on
 * anything else; here, at job end, it is a warning and the default.
 */
function booleanInput(core: Core, name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  try {
    return readBoolean(name, value, fallback)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    core.warning(
      `${PREFIX}: input '${name}' is '${clip(value.trim())}', not true or false; using ${fallback}.`
    )
    return fallback
  }
}

function defaultFail(): void {
  process.exitCode = 1
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

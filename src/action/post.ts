// The post step: runs at job end, after the Claude step. Reads what Claude wrote (`claude-output`), finds every
// credential failure, and reports it: annotations, a job-summary section, optionally a PR comment, and a failed
// job (`fail-on-auth-error`). It never crashes: an unreadable file or an API error becomes a warning.
import * as actionsCore from '@actions/core'
import type { Core } from '../common/core.js'
import { finishWriteBack } from '../refresh/job-end.js'
import { JOB_END_BUDGET_MS } from '../refresh/lock.js'
import { readPostInputs, type PostInputs } from '../inputs/post.js'
import { formatDuration } from '../lifetime/duration.js'
import { PREFIX, oneLine, UserError, reasonOf } from '../common/errors.js'
import { inert } from '../common/inert.js'
import {
  annotate,
  annotateRecovered,
  commentBody,
  COMMENT_MARKER,
  reportMarkdown,
  type ReportContext
} from '../report/post-report.js'
import { redactKnownSecrets } from '../providers/secrets.js'
import { distinctFailures, type Failure } from '../scan/explain.js'
import { endSourceFiles, stopRenewer, unpointSettings, type Stopped } from '../renew/stop.js'
import { send } from '../http/request.js'
import { describeRenewals } from '../renew/describe.js'
import { inertMarkdown } from '../common/markdown.js'
import {
  NETWORK_STATE,
  parseRenewerBinding,
  RENEWER_STATE,
  type RenewerBinding,
  parsePreflightState,
  parseGitHubState,
  parsePlatformState,
  GITHUB_STATE,
  PLATFORM_STATE,
  PREFLIGHT_STATE,
  type PreflightState
} from '../state/index.js'
import {
  DEFAULT_LIMITS,
  expandPatterns,
  scanFiles,
  type ScanLimits,
  type ScanSet,
  type Skipped
} from '../scan/read.js'
import { findSessions, MAX_SESSIONS, projectsDirectory } from '../scan/sessions.js'
import {
  failsTheRun,
  MAX_KEPT_FINDINGS,
  tallyScans,
  type FileScan,
  type Finding
} from '../scan/transcript.js'
import { describeUsage } from '../scan/usage.js'
import { githubRequest, type GitHubRequest } from '../github/client.js'
import { networkRefusal } from '../secrets/network-env.js'
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
  /** Makes the GitHub client for the PR comment (default: githubRequest in src/github/client.ts). */
  github?: (token: string) => GitHubRequest
  /** Marks the job failed without another annotation (default: process.exitCode = 1). */
  fail?: () => void
  /**
   * The write-back retry (src/refresh): rotated credentials that main could not store yet, or that the CLI
   * rotated during the run. Called first, before the scan; what it throws fails the job with one annotation.
   */
  finishWriteBack?: () => Promise<void>
  /** The wall clock, epoch ms (default Date.now): a check time after it is not believed. */
  now?: () => number
  /** How long the write-back may take before the scan runs without it (default JOB_END_BUDGET_MS). */
  writeBackTimeoutMs?: number
  /** The scan's byte caps, time budget and clock (default DEFAULT_LIMITS in src/scan/read.ts). */
  scanLimits?: Partial<ScanLimits>
  /** Stops the renewer main started (default stopRenewer in src/renew/stop.ts). */
  stopRenewer?: (binding: RenewerBinding) => Promise<Stopped>
}

export interface PostOutcome {
  failures: Failure[]
  /** Failures the run got past (a later model turn succeeded): notices, never a failed job. */
  recovered: Failure[]
  /** The findings kept (see FindingTally); `omittedFindings` more were counted only. */
  findings: Finding[]
  omittedFindings: number
  files: string[]
  comment?: CommentOutcome
  failed: boolean
  /** The write-back did not end in its time: the process must exit without waiting for it. */
  writeBackUnfinished?: boolean
}

export async function post(deps: PostDeps): Promise<PostOutcome> {
  const { core } = deps
  const outcome: PostOutcome = {
    failures: [],
    recovered: [],
    findings: [],
    omittedFindings: 0,
    files: [],
    failed: false
  }
  // The write-back first, on its own: nothing the scan meets (a huge file, a FIFO, a crash) may cost the newest
  // refresh token.
  if (deps.finishWriteBack) {
    const timeoutMs = deps.writeBackTimeoutMs ?? JOB_END_BUDGET_MS
    try {
      if (!(await endsWithin(deps.finishWriteBack(), timeoutMs))) {
        outcome.writeBackUnfinished = true
        throw new UserError(
          `${PREFIX}: the write-back of the rotated Claude credentials did not end within ${formatDuration(timeoutMs)}, so the scan runs without it; the newest refresh token may not be saved. If the next run fails with invalid_grant, re-seed the secret.`
        )
      }
    } catch (error) {
      // The newest refresh token was not saved: the one case worth failing the job for, so nobody misses it.
      core.error(oneLine(error), { title: 'Rotated Claude credentials not saved' })
      markFailed(deps, outcome)
    }
  }
  let renewed: string[] = []
  try {
    renewed = await finishRenewal(deps)
  } catch (error) {
    core.warning(`${PREFIX}: the renewer: ${inert(oneLine(error))}`)
  }
  try {
    await scanAndReport(deps, outcome, renewed)
  } catch (error) {
    core.warning(`${inert(oneLine(error))} (the post step's report is incomplete)`)
  }
  return outcome
}

/**
 * Stops the renewer main started (input `renew`), masks every credential it left before anything prints, removes its
 * files and the settings that named them, and says what it did: a notice, or a warning with the reason it stopped
 * renewing, and a summary section. Returns the credentials it left, for the reports' redaction.
 */
async function finishRenewal(deps: PostDeps): Promise<string[]> {
  const { core } = deps
  const binding = parseRenewerBinding(core.getState(RENEWER_STATE))
  if (!binding) return []
  const stopped = await (deps.stopRenewer ?? stopRenewer)(binding)
  for (const secret of stopped.secrets) core.setSecret(secret)
  const redact = redactKnownSecrets(
    name => core.getInput(name, { trimWhitespace: false }),
    deps.env,
    stopped.secrets
  )
  const problems = [
    ...stopped.problems,
    ...(await unpointSettings(binding.dir, deps.env)),
    ...(await endRenewerFiles(stopped, deps))
  ]
  for (const problem of problems) core.warning(`${PREFIX}: the renewer: ${inert(redact(problem))}`)
  if (!stopped.status) return stopped.secrets
  const lines = describeRenewals(stopped.status, (deps.now ?? Date.now)()).map(redact)
  for (const [index, line] of lines.entries()) {
    const text = `${PREFIX}: the renewer ${inert(line)}.`
    if (stopped.status.sources[index]?.failure)
      core.warning(text, { title: 'Claude credential renewal stopped' })
    else core.notice(text)
  }
  try {
    await core.summary
      .addRaw(
        `\n### Renewals\n\n${lines.map(line => `- The renewer ${inertMarkdown(line)}.`).join('\n')}\n`
      )
      .write()
  } catch (error) {
    core.warning(`${PREFIX}: could not write the job summary: ${inert(reasonOf(error))}`)
  }
  return stopped.secrets
}

/** The sources' ends of job (a GitHub token revoked), unless the network settings changed since main: one line each. */
async function endRenewerFiles(stopped: Stopped, { core, env }: PostDeps): Promise<string[]> {
  const refusal = networkRefusal("the renewer's token", core.getState(NETWORK_STATE), env)
  return endSourceFiles(stopped.contents, { send, env, timeoutMs: 10_000 }, refusal)
}

async function scanAndReport(
  deps: PostDeps,
  outcome: PostOutcome,
  renewed: string[]
): Promise<void> {
  const { core, env } = deps
  const inputs = readPostInputs(
    name => core.getInput(name),
    env,
    message => core.warning(message)
  )

  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const { files, missing } = await expandPatterns(inputs.outputPatterns, workspace)
  for (const pattern of missing) {
    core.notice(
      `${PREFIX}: no file matches '${inert(pattern)}' (input claude-output); nothing to read there.`
    )
  }
  const roots = env.RUNNER_TEMP ? [workspace, env.RUNNER_TEMP] : [workspace]
  const state = parsePreflightState(core.getState(PREFLIGHT_STATE))
  const checkedAt = checkTimeOf(state, (deps.now ?? Date.now)())
  const since = checkedAt === undefined ? undefined : checkedAt - JOB_START_MARGIN_MS
  const limits: ScanLimits = { ...DEFAULT_LIMITS, ...deps.scanLimits }
  const startedAt = limits.now()
  const read = await scanFiles(files, roots, { limits, ...(since !== undefined && { since }) })
  const fromOutput = read.scans.length
  const sessions = await readSessions(deps, read, checkedAt, limits, startedAt)
  if (sessions) {
    read.scans.push(...sessions.scans)
    read.refused.push(...sessions.refused)
    read.partial.push(...sessions.partial)
  }
  const { tally, older } = tallyScans(read.scans)
  const usage: ReportContext['usage'] = []
  for (const [index, scan] of read.scans.entries()) {
    outcome.files.push(scan.file)
    const what = index < fromOutput ? '' : "Claude Code's session transcript "
    core.info(
      `${PREFIX}: read ${what}${inert(scan.file)}: ${scan.stats.records} JSON records, ${scan.stats.textLines} text lines, ${scan.findings.length + scan.omitted} credential failure(s)${scan.stats.truncated ? ' (the file ends mid-record: the run was cut off)' : ''}`
    )
    if (scan.usage) {
      const line = describeUsage(scan.usage)
      usage.push({ file: scan.file, line })
      core.info(`${PREFIX}: ${inert(scan.file)}: ${line}`)
    }
  }
  if (read.scans.length === 0) {
    core.info(
      `${PREFIX}: no evidence: nothing to read (no claude-output file, no session transcript of Claude Code since the job started); whether Claude's credential failed is unknown.`
    )
  }
  const printable = ({ file, reason }: Skipped) => ({ file: inert(file), reason: inert(reason) })
  const refused = read.refused.map(printable)
  const partial = read.partial.map(printable)
  for (const { file, reason } of refused)
    core.warning(`${PREFIX}: could not read ${file}: ${reason}`)
  for (const { file, reason } of partial) core.warning(`${PREFIX}: ${file}: ${reason}`)
  const unreadable = refused.concat(partial)
  if (older > 0 && since !== undefined) {
    core.info(
      `${PREFIX}: skipped ${older} credential failure(s) from before this job (before ${new Date(since).toISOString()}, ${formatDuration(JOB_START_MARGIN_MS)} before the preflight checked): an earlier run's, left in the file.`
    )
  }
  outcome.findings = tally.items()
  outcome.omittedFindings = tally.omitted
  const failingKinds = outcome.findings.filter(failsTheRun).map(f => f.kind)
  const failing = tally.failing
  if (tally.omitted > 0) {
    core.info(
      `${PREFIX}: ${tally.omitted} more credential failure(s) counted but not itemised (past ${MAX_KEPT_FINDINGS} per file).`
    )
  }

  // The job's verdict stands on the count alone: a report that cannot be built never lets a failure pass.
  try {
    await report(
      deps,
      outcome,
      { files: outcome.files, missing, unreadable, state, usage },
      inputs,
      renewed
    )
  } catch (error) {
    core.warning(`${inert(oneLine(error))} (the post step's report is incomplete)`)
  }

  if (failing > 0) {
    const kinds = [...new Set(failingKinds)].join(', ')
    if (inputs.failOnAuthError) {
      core.info(
        `${PREFIX}: marking the job failed: the Claude step hit ${failing} credential failure(s) (${kinds}); set fail-on-auth-error: false to only report them.`
      )
      markFailed(deps, outcome)
    } else {
      core.info(
        `${PREFIX}: ${failing} credential failure(s) (${kinds}) reported; fail-on-auth-error is false.`
      )
    }
  }
}

/**
 * Claude Code's own session transcripts begun since the main step checked (Claude runs after it, on the same
 * clock), other than the sessions the files of `claude-output` already held: the evidence a cancelled or killed
 * Claude step leaves. Each is admitted only under the projects directory, within what is left of the scan's caps.
 * Undefined when there is none to read, or no main step's time to tell this job's sessions from earlier ones.
 */
async function readSessions(
  deps: PostDeps,
  read: ScanSet,
  checkedAt: number | undefined,
  limits: ScanLimits,
  startedAt: number
): Promise<ScanSet | undefined> {
  const projects = projectsDirectory(deps.env)
  if (!projects) return undefined
  if (checkedAt === undefined) {
    deps.core.info(
      `${PREFIX}: Claude Code's session transcripts not read: without the main step's check time, this job's sessions cannot be told from earlier ones.`
    )
    return undefined
  }
  const covered = new Set(read.scans.flatMap((scan: FileScan) => scan.sessions))
  const { sessions, unread } = await findSessions(
    projects,
    checkedAt,
    covered,
    deps.env.GITHUB_WORKSPACE
  )
  if (unread > 0) {
    deps.core.warning(
      `${PREFIX}: ${unread} more session transcript(s) of Claude Code begun since the check were left unread (only the newest ${MAX_SESSIONS} are read): a credential failure in them is not reported.`
    )
  }
  if (sessions.length === 0) return undefined
  return scanFiles(sessions, [], {
    limits,
    since: checkedAt,
    continues: { bytes: read.bytes, startedAt }
  })
}

/** Annotations, the job summary and the PR comment. */
async function report(
  deps: PostDeps,
  outcome: PostOutcome,
  context: Pick<ReportContext, 'files' | 'missing' | 'unreadable' | 'state' | 'usage'>,
  inputs: PostInputs,
  renewed: string[]
): Promise<void> {
  const { core, env } = deps
  const { state } = context
  const measured = {
    github: parseGitHubState(core.getState(GITHUB_STATE)),
    platform: parsePlatformState(core.getState(PLATFORM_STATE))
  }
  const failures = distinctFailures(
    outcome.findings.filter(finding => !finding.recovered),
    state,
    measured
  )
  outcome.failures = failures
  outcome.recovered = distinctFailures(
    outcome.findings.filter(finding => finding.recovered),
    state,
    measured
  )
  const redact = redactKnownSecrets(
    name => core.getInput(name, { trimWhitespace: false }),
    env,
    renewed
  )
  annotate(core, failures, redact, outcome.omittedFindings)
  annotateRecovered(core, outcome.recovered, redact)

  const full = {
    ...context,
    redact,
    omitted: outcome.omittedFindings,
    recovered: outcome.recovered
  }
  const markdown = reportMarkdown(failures, { ...full, audience: 'summary' })
  try {
    await core.summary.addRaw(markdown).write()
  } catch (error) {
    core.warning(`${PREFIX}: could not write the job summary: ${inert(reasonOf(error))}`)
  }

  if (inputs.prComment) {
    const comment = await commentOnPullRequest(
      deps,
      inputs.githubToken,
      reportMarkdown(failures, { ...full, audience: 'comment' }),
      failures.length === 0
    )
    if (comment) outcome.comment = comment
  }
}

/** Whether `work` settles within `ms` (its rejection is thrown); false when the time runs out first. */
async function endsWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>(resolve => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([work.then(() => true as const), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function markFailed(deps: PostDeps, outcome: PostOutcome): void {
  ;(deps.fail ?? defaultFail)()
  outcome.failed = true
}

async function commentOnPullRequest(
  deps: PostDeps,
  token: string,
  markdown: string,
  nothingFound: boolean
): Promise<CommentOutcome | undefined> {
  const { core, env } = deps
  const pr: PullRequest | undefined = pullRequestFromEnv(env)
  if (!pr) {
    core.info(`${PREFIX}: pr-comment is on, but this run is not for a pull request; no comment.`)
    return undefined
  }
  if (!token) {
    core.warning(
      `${PREFIX}: pr-comment is on but input 'github-token' is empty; no comment. Pass github-token: \${{ github.token }}.`
    )
    return undefined
  }
  const refusal = networkRefusal('github-token', core.getState(NETWORK_STATE), env)
  if (refusal) {
    core.warning(`${PREFIX}: no PR comment: ${refusal}`)
    return undefined
  }
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  try {
    const api = deps.github ? deps.github(token) : githubRequest(token, env)
    const outcome = await upsertComment(api, pr, COMMENT_MARKER, commentBody(markdown, runUrl), {
      onlyUpdate: nothingFound
    })
    if (outcome.action !== 'skipped') {
      core.info(
        `${PREFIX}: PR #${pr.number} comment ${outcome.action} (id ${inert(String(outcome.id))}).`
      )
    }
    return outcome
  } catch (error) {
    const status = error instanceof CommentApiError ? error.status : undefined
    if (status === 403 || status === 404) {
      core.warning(
        `${PREFIX}: could not comment on PR #${pr.number}: the token lacks permission (HTTP ${status}: ${inert(reasonOf(error))}). Give the job \`permissions: pull-requests: write\` (and \`issues: write\`), or pass a token that has it as github-token.`
      )
    } else {
      core.warning(`${PREFIX}: could not comment on PR #${pr.number}: ${inert(reasonOf(error))}`)
    }
    return undefined
  }
}

/**
 * How long before the preflight's check the job is taken to have started: the steps before it (checkout, setup)
 * take a few minutes. A failure earlier than that is not this job's, but one left in a file by an earlier run (a
 * self-hosted runner's ~/.claude, a transcript in the workspace).
 */
const JOB_START_MARGIN_MS = 10 * 60_000

/**
 * When the main step checked, epoch ms. Undefined without the main step's state, or with a check time later than
 * `now` (no clock says that): then nothing is left out.
 */
function checkTimeOf(state: PreflightState | undefined, now: number): number | undefined {
  const checkedAt = state?.checkedAt
  return checkedAt === undefined || checkedAt > now ? undefined : checkedAt
}

function defaultFail(): void {
  process.exitCode = 1
}

/** The entry point: the real @actions/core and environment. */
export async function run(): Promise<void> {
  try {
    const outcome = await post({
      core: actionsCore,
      env: process.env,
      finishWriteBack: async () => {
        await finishWriteBack({ core: actionsCore, env: process.env, now: () => new Date() })
      }
    })
    // A write-back stuck past its time (a read or request that never ends) would keep the process alive.
    if (outcome.writeBackUnfinished) process.exit()
  } catch (error) {
    // post() catches everything; this is the last guard, and it only warns.
    actionsCore.warning(oneLine(error))
  }
}

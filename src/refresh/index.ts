// Refresh an expiring OAuth credential, persist the rotated refresh token, then hand the new tokens on.
// Order is the safety property: lock → staleness check → refresh → pending file → secret write (retried) → unlock
// → hand-off → verify probe. The new access token is used for nothing before the write has been tried.
import type { Core } from '../common/core.js'
import type { Credential } from '../providers/types.js'
import type { HttpSend } from '../http/request.js'
import type { ProbeResult } from '../probe/types.js'
import { PREFIX, UserError, reasonOf } from '../common/errors.js'
import { acquireLock, lockRef, LockError, type HeldLock } from '../github/lock.js'
import { GITHUB_TIMEOUT_MS, octokitRequest, type GitHubRequest } from '../github/client.js'
import { changedSince, secretsReadAt } from '../secrets/stale.js'
import { networkRefusal } from '../secrets/network-env.js'
import {
  NETWORK_STATE,
  PENDING_STATE,
  parsePendingBinding,
  savePendingBinding,
  sha256Hex
} from '../state/index.js'
import {
  describeTarget,
  reseedCommand,
  secretTarget,
  type SecretTarget
} from '../secrets/target.js'
import {
  RETRY_BUDGET_MS,
  SecretApiError,
  getSecretMetadata,
  writeSecret,
  type RetryOptions
} from '../secrets/write.js'
import { rm } from 'node:fs/promises'
import {
  CREDENTIALS_MAX_BYTES,
  REFRESH_TOKEN_SHAPE,
  credentialsFilePath,
  credentialsShapeProblem,
  readOwnFile,
  refreshTokenOf,
  updatedCredentialsJson,
  writePrivateFile
} from './credentials.js'
import { readRefreshInputs, type RefreshInputs } from '../inputs/refresh.js'
import { OAUTH_BUDGET_MS, OAUTH_TIMEOUT_MS, requestRefresh, type TokenSet } from './oauth.js'
import {
  dropPending,
  loadPending,
  newNonce,
  pendingPath,
  savePending,
  type Pending
} from './pending.js'

/** Knobs for tests and the bench; the defaults are what a run uses. */
export interface RefreshTuning {
  /** Builds the GitHub client for a token (default: octokit against GITHUB_API_URL). */
  github?: (token: string) => GitHubRequest
  /** How long one GitHub request may take (default 20 s); with `retry.budgetMs`, sizes the lock. */
  githubTimeoutMs?: number
  /** Default: long enough for every budget of the work done under the lock (see lockBudget). */
  lockTtlMs?: number
  /** Default: a minute longer than the lock lives, so that a lock left by a crashed run is taken over. */
  lockWaitMs?: number
  lockPollMs?: number
  /** Retries of each GitHub call. */
  retry?: RetryOptions
  /** Retries of the token endpoint. */
  oauth?: {
    attempts?: number
    baseDelayMs?: number
    budgetMs?: number
    timeoutMs?: number
    sleep?: (ms: number) => Promise<void>
  }
  /** When this process started (the fallback for when the job's secrets were read). */
  processStart?: Date
}

export interface RefreshDeps {
  core: Core
  send: HttpSend
  env: NodeJS.ProcessEnv
  now: () => Date
  inputs: RefreshInputs
  /**
   * The credential to refresh, as selection read it: its refreshToken is used, and its `document` (the cleaned
   * `claude-credentials` JSON) keeps its other fields in the updated JSON.
   */
  credential: Credential
  /** The preflight's probe; runs on the new access token after the write-back was tried. */
  probe: (accessToken: string) => Promise<ProbeResult>
  tuning?: RefreshTuning
}

export type WriteBack = 'written' | 'failed' | 'skipped'

export interface RefreshOutcome {
  /** The credential with the new access token, refresh token and expiry. */
  credential: Credential
  /** The verify probe of the new access token (the caller judges it as any probe). */
  probe: ProbeResult
  /** `skipped` when there is no `secrets-token` (only ever with `on-expiring: refresh` given by name). */
  writeBack: WriteBack
  /** The secret the used-up refresh token came from (as `secret-name` and `secret-scope` name it), and how to re-seed it. */
  seed: { secret: string; reseed: string }
  /** Said to the user already through core.warning (no write-back, a hand-off that failed, …). */
  warnings: string[]
}

/** The refresh happened and the new credentials were handed on, but the write-back failed: the step must fail. */
export class RefreshError extends UserError {
  constructor(
    message: string,
    readonly outcome: RefreshOutcome
  ) {
    super(message)
    this.name = 'RefreshError'
  }
}

/** Another run rotated the secret after this job read it: this run's refresh token is already used. */
export class StaleCredentialsError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'StaleCredentialsError'
  }
}

/** At job end: someone else changed the secret after this run's refresh, so the post step left it as it is. */
export class SecretChangedError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'SecretChangedError'
  }
}

/** What the README tells the Claude step to run under, so that it also runs when only the write-back failed. */
const CLAUDE_STEP_IF =
  "if: ${{ success() || (!cancelled() && steps.preflight.outputs.refreshed == 'true') }}"

const CONCURRENCY_ADVICE =
  'give the workflows that use this secret one `concurrency:` group (say `concurrency: { group: claude-credentials, cancel-in-progress: false }`) so runs refresh one at a time'

function reseed(target: SecretTarget | undefined): string {
  const command = target
    ? reseedCommand(target)
    : 'gh secret set CLAUDE_CREDENTIALS < ~/.claude/.credentials.json'
  return `log in with \`claude\` on your machine (/login), then \`${command}\``
}

function writeFix(error: unknown, target: SecretTarget): string {
  const status = error instanceof SecretApiError ? error.status : undefined
  if (status === 401) return "'secrets-token' is invalid or expired: replace it"
  if (status === 403 || status === 404) {
    return target.scope.kind === 'org'
      ? `give 'secrets-token' "Organization secrets: write" on ${target.owner} (a classic PAT needs admin:org)`
      : `give 'secrets-token' "Secrets: write" on ${target.owner}/${target.repo}${target.scope.kind === 'environment' ? ` and check that environment '${target.scope.environment}' exists` : ''}`
  }
  return "GitHub's API did not take the write; it is retried at job end"
}

function githubFor(deps: { env: NodeJS.ProcessEnv; tuning?: RefreshTuning }) {
  return deps.tuning?.github ?? ((token: string) => octokitRequest(token, deps.env))
}

/**
 * A minute of slack: the lock lives this much longer than the work under it (so a lock commit made while waiting is
 * used this long before it is made again), and a run waits this much longer than a lock lives (so it takes over the
 * lock of a run that died rather than give up).
 */
const LOCK_SLACK_MS = 60_000

/**
 * The longest the work under the lock may take, from the budgets in use: each GitHub call retries within its budget,
 * plus one request's timeout; so does the refresh. `refreshAndWrite` runs from the refresh until the rotated token is in
 * the secret: the lock must hold that long once the refresh starts, or another run could take it over, find the
 * secret unchanged and use the same refresh token.
 */
export function lockBudget(
  target: SecretTarget,
  tuning: RefreshTuning | undefined
): { beforeRefresh: number; refreshAndWrite: number } {
  const request = tuning?.githubTimeoutMs ?? GITHUB_TIMEOUT_MS
  const call = (tuning?.retry?.budgetMs ?? RETRY_BUDGET_MS) + request
  const refresh =
    (tuning?.oauth?.budgetMs ?? OAUTH_BUDGET_MS) + (tuning?.oauth?.timeoutMs ?? OAUTH_TIMEOUT_MS)
  // The secret's metadata (retried), then the jobs of the run through up to two tokens (once each).
  const beforeRefresh = call + 2 * request
  // The public key and the PUT; an org secret first reads its visibility and selected repositories.
  const refreshAndWrite = refresh + (target.scope.kind === 'org' ? 4 : 2) * call
  return { beforeRefresh, refreshAndWrite }
}

/** How long a lock lives: the work under it, plus slack. */
function lockTtl(target: SecretTarget, tuning: RefreshTuning | undefined): number {
  const budget = lockBudget(target, tuning)
  return budget.beforeRefresh + budget.refreshAndWrite + LOCK_SLACK_MS
}

/**
 * The longest lock this action takes with its default budgets (an organisation secret's): a held lock that claims to
 * last longer than this, plus slack, is not believed.
 */
export const LONGEST_LOCK_MS = lockTtl(
  { scope: { kind: 'org' }, name: '', owner: '', repo: '' },
  undefined
)

/**
 * The longest the post step's write-back may take with the default budgets: waiting for a lock held by another run
 * (at most the longest lock, plus slack), then its own work under the lock (which fits in another). Past it, the post
 * step stops waiting and scans without it.
 */
export const JOB_END_BUDGET_MS = 2 * LONGEST_LOCK_MS + LOCK_SLACK_MS

function lockFor(
  target: SecretTarget,
  api: GitHubRequest,
  env: NodeJS.ProcessEnv,
  now: () => Date,
  tuning: RefreshTuning | undefined
) {
  const baseSha = env.GITHUB_SHA ?? ''
  if (!/^[0-9a-f]{40}$/.test(baseSha)) {
    throw new UserError(
      `${PREFIX}: GITHUB_SHA is not set, so the refresh lock cannot be taken. Run this inside GitHub Actions.`
    )
  }
  const scope =
    target.scope.kind === 'environment'
      ? `env-${target.scope.environment}`
      : target.scope.kind === 'org'
        ? `org-${target.owner}`
        : 'repo'
  const ttlMs = tuning?.lockTtlMs ?? lockTtl(target, tuning)
  const holdMs = lockTtl(target, tuning) - LOCK_SLACK_MS
  return acquireLock({
    api,
    owner: target.owner,
    repo: target.repo,
    ref: lockRef(scope, target.name),
    holder: `run ${env.GITHUB_RUN_ID ?? '?'} attempt ${env.GITHUB_RUN_ATTEMPT ?? '1'}, job ${env.GITHUB_JOB ?? '?'}`,
    baseSha,
    ttlMs,
    holdMs: Math.min(holdMs, ttlMs),
    maxExpiryMs: Math.max(ttlMs, LONGEST_LOCK_MS) + LOCK_SLACK_MS,
    waitMs: tuning?.lockWaitMs ?? ttlMs + LOCK_SLACK_MS,
    now: () => now().getTime(),
    ...(tuning?.lockPollMs ? { pollMs: tuning.lockPollMs } : {})
  })
}

/**
 * Refreshes the OAuth access token of `credential`, writes the rotated refresh token back to the secret (under a
 * lock, after checking that no other run rotated it first), hands the new tokens on (outputs `refreshed`,
 * `oauth-token`, `claude-credentials`; `export-env`; `write-credentials-file`) and verifies the new access token.
 * Throws a UserError when nothing was refreshed (RefreshFailure, StaleCredentialsError, LockError, bad input), and a
 * RefreshError (with the outcome) when the tokens were refreshed and handed on but could not be saved. A hand-off that
 * fails (an output, `export-env`, the credentials file) is a warning in the outcome, never an error.
 */
export async function refreshAndHandOff(deps: RefreshDeps): Promise<RefreshOutcome> {
  const { core, inputs, credential, env, tuning } = deps
  const { refreshToken, document } = credential
  for (const secret of [refreshToken, credential.secret, inputs.secretsToken, document]) {
    if (secret) core.setSecret(secret)
  }
  if (!refreshToken) {
    throw new UserError(
      `${PREFIX}: there is no refresh token to refresh with. Pass 'claude-credentials' (the JSON of ~/.claude/.credentials.json) or 'oauth-refresh-token'.`
    )
  }
  // Written back in the form it was read: the credentials JSON when the credential came from `claude-credentials`
  // (with the rotated refresh token in it, also when it was given apart in `oauth-refresh-token`), else the bare
  // refresh token.
  const json = document !== undefined
  const warnings: string[] = []
  const warn = (message: string) => {
    warnings.push(message)
    core.warning(message)
  }

  let target: SecretTarget | undefined
  let api: GitHubRequest | undefined
  if (inputs.secretsToken) {
    target = secretTarget(inputs.secretScope, inputs.secretName, env)
    api = githubFor(deps)(inputs.secretsToken)
  }
  const named = target ?? targetOf(inputs, env)
  const seed = { secret: named ? describeTarget(named) : 'your secret', reseed: reseed(named) }
  const reseedHint = seed.reseed
  if (!target) {
    warn(
      `${PREFIX}: refreshing without 'secrets-token', because 'on-expiring' is 'refresh': the rotated refresh token is not saved, and this refresh uses up the one in ${seed.secret}, so the next run fails with invalid_grant unless you re-seed it first: ${reseedHint}. Set 'secrets-token' (a token with "Secrets: write") to keep the chain instead.`
    )
  }
  let lock: HeldLock | undefined
  let tokens: TokenSet
  let credentialsJson: string
  let pending: Pending | undefined
  let credentialsFile: string | undefined
  const path = pendingPath(env)
  let writeError: unknown
  try {
    if (api && target) {
      lock = await lockFor(target, api, env, deps.now, tuning)
      warnTakeover(lock, warn)
      let meta
      try {
        meta = await getSecretMetadata(api, target, tuning?.retry)
      } catch (error) {
        throw new UserError(
          `${PREFIX}: could not read ${describeTarget(target)} before refreshing (${reasonOf(error)}). Nothing was refreshed. ${writeFix(error, target)}.`
        )
      }
      if (!meta) {
        // Writing it would create a new secret and leave the one that feeds this step with a used-up token.
        throw new UserError(
          `${PREFIX}: ${describeTarget(target)} does not exist, so the rotated refresh token could not be saved where the next run reads it. Nothing was refreshed. Set 'secret-name' (and 'secret-scope') to the secret that holds 'claude-credentials'.`
        )
      }
      const processStart = tuning?.processStart ?? new Date(performance.timeOrigin)
      const apis = [inputs.githubToken, inputs.secretsToken]
        .filter(Boolean)
        .map(token => githubFor(deps)(token))
      const readAt = await secretsReadAt(apis, env, processStart)
      if (changedSince(meta.updatedAt, readAt.at, readAt.source === 'process' ? 2000 : 0)) {
        throw new StaleCredentialsError(
          `${PREFIX}: ${describeTarget(target)} was rewritten at ${meta.updatedAt}, after this job read it (${readAt.source === 'job' ? 'job start' : 'step start'} ${readAt.at.toISOString()}): another run already rotated the refresh token, so the one this run holds is used up. Nothing was refreshed, to keep the chain intact. Re-run this job to pick up the new secret, and ${CONCURRENCY_ADVICE}.`
        )
      }
      // The lock must outlast the refresh and the write, or another run could take it over and use the same token.
      const left = lock.expiresAt.getTime() - deps.now().getTime()
      const needed = lockBudget(target, tuning).refreshAndWrite
      if (left <= needed) {
        throw new LockError(
          `${PREFIX}: the refresh lock ${lock.ref} expires in ${seconds(left)}, before a refresh and its write-back are sure to end (up to ${seconds(needed)}; the GitHub API was slow), and another run could then use the same refresh token. Nothing was refreshed. Re-run this job.`,
          'busy'
        )
      }
      pending = {
        version: 2,
        nonce: newNonce(),
        json,
        refreshTokenSha256: '',
        updatedAt: meta.updatedAt
      }
    }

    tokens = await requestRefresh({
      send: deps.send,
      core,
      url: inputs.tokenUrl,
      clientId: inputs.clientId,
      refreshToken,
      now: deps.now,
      reseed: reseedHint,
      ...(tuning?.oauth ?? {})
    })
    credentialsJson = updatedCredentialsJson(document ?? '', tokens)
    core.setSecret(credentialsJson)
    const value = json ? credentialsJson : tokens.refreshToken

    if (pending && api && target) {
      Object.assign(pending, { value, refreshTokenSha256: sha256Hex(tokens.refreshToken) })
      await keep(path, pending, credentialsFile, core)
      try {
        const written = await writeSecret({
          api,
          core,
          target,
          value,
          ...(tuning?.retry ? { retry: tuning.retry } : {})
        })
        // In the secret now: the file keeps no live token.
        delete pending.value
        if (written.updatedAt) pending.updatedAt = written.updatedAt
        else delete pending.updatedAt
      } catch (error) {
        writeError = error
        pending.error = reasonOf(error)
      }
      await keep(path, pending, credentialsFile, core)
    }
  } finally {
    await lock?.release()
  }

  // Hand-off: this run gets the new credentials whether or not the write-back worked. A hand-off that fails is a
  // warning, never an error that would hide the write-back's outcome: the others still carry the tokens.
  const handedTo: string[] = []
  const handOff = async (to: string, step: () => void | Promise<void>) => {
    try {
      await step()
      handedTo.push(to)
    } catch (error) {
      warn(
        `${PREFIX}: refreshed the OAuth token, but could not hand it to ${to} (${reasonOf(error)}).`
      )
    }
  }
  await handOff('outputs oauth-token and claude-credentials', () => {
    core.setOutput('refreshed', 'true')
    core.setOutput('oauth-token', tokens.accessToken)
    core.setOutput('claude-credentials', credentialsJson)
  })
  if (inputs.exportEnv) {
    await handOff('CLAUDE_CODE_OAUTH_TOKEN', () =>
      core.exportVariable('CLAUDE_CODE_OAUTH_TOKEN', tokens.accessToken)
    )
  }
  if (inputs.writeCredentialsFile) {
    const file = credentialsFilePath(env)
    await handOff(file, async () => {
      await writePrivateFile(file, credentialsJson)
      // Read back (the CLI may rotate it) and removed by the post step.
      pending ??= {
        version: 2,
        nonce: newNonce(),
        json,
        refreshTokenSha256: sha256Hex(tokens.refreshToken)
      }
      credentialsFile = file
      await keep(path, pending, credentialsFile, core)
    })
  }

  const probe = await deps.probe(tokens.accessToken)
  const outcome: RefreshOutcome = {
    credential: {
      ...credential,
      secret: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
      expirySource: `the OAuth token endpoint (expires_in), refreshed ${deps.now().toISOString()}`,
      ...(document !== undefined ? { document: credentialsJson } : {})
    },
    probe,
    writeBack: !target ? 'skipped' : writeError ? 'failed' : 'written',
    seed,
    warnings
  }
  if (writeError && target) {
    const kept = handedTo.length
      ? `This run still has the new credentials (${handedTo.join(', ')}; run the Claude step with \`${CLAUDE_STEP_IF}\`, as in the README, to use them)`
      : 'This run could not hand the new credentials on either (see the warnings)'
    throw new RefreshError(
      `${PREFIX}: refreshed the OAuth token, but could not save the rotated refresh token to ${describeTarget(target)}: ${pending?.error ?? reasonOf(writeError)}. Fix: ${writeFix(writeError, target)}. ${kept}, and the post step tries the write again at job end. Until a write succeeds the secret holds a used-up refresh token; if the post step fails too, re-seed: ${reseedHint}.`,
      outcome
    )
  }
  return outcome
}

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`
}

/**
 * Saves the pending file and binds it in the state (the state file is append-only: the last value wins); removes it,
 * and clears the state, once it holds nothing the post step needs.
 */
async function keep(
  path: string,
  pending: Pending,
  credentialsFile: string | undefined,
  core: Core
): Promise<void> {
  try {
    if (pending.value === undefined && credentialsFile === undefined) {
      await dropPending(path)
      savePendingBinding(core, undefined)
    } else {
      savePendingBinding(core, await savePending(path, pending, credentialsFile))
    }
  } catch (error) {
    core.warning(
      `${PREFIX}: could not keep the write-back file for the post step (${reasonOf(error)}).`
    )
  }
}

function warnTakeover(lock: HeldLock, warn: (message: string) => void): void {
  if (!lock.tookOverFrom) return
  warn(
    lock.implausibleExpiry
      ? `${PREFIX}: took over the refresh lock ${lock.ref} held by ${lock.tookOverFrom}: it claimed to hold until ${lock.implausibleExpiry.toISOString()}, longer than any lock this action takes, so it was planted or broken, not a run's.`
      : `${PREFIX}: took over the refresh lock ${lock.ref}, left expired by ${lock.tookOverFrom} (a run that stopped mid-refresh).`
  )
}

export type FinishOutcome =
  | { status: 'none' }
  | { status: 'current' }
  | { status: 'written'; secret: string; why: 'retry' | 'rotated-by-cli' }

/**
 * The credentials the CLI rotated during the run, read back from the file the main step wrote: undefined when it
 * holds the refresh token this run handed on, is gone, or is refused (not a regular file of the runner user, or not
 * of the shape Claude Code writes: a file another step planted), with a warning for the last.
 */
async function rotatedByCli(
  file: string,
  pending: Pending,
  core: Core
): Promise<{ json: string; refreshToken: string } | undefined> {
  const read = await readOwnFile(file, { maxBytes: CREDENTIALS_MAX_BYTES })
  if ('refused' in read) {
    core.warning(`${PREFIX}: did not read back the credentials file ${file}: ${read.refused}.`)
    return undefined
  }
  if ('missing' in read) return undefined
  const refreshToken = refreshTokenOf(read.text)
  if (!refreshToken || sha256Hex(refreshToken) === pending.refreshTokenSha256) return undefined
  // Masked only once the shape check passed: a planted "refreshToken": "Fix" must not mask "Fix" in every line.
  const problem = credentialsShapeProblem(read.text)
  if (problem) {
    core.warning(
      `${PREFIX}: the credentials file ${file} holds a refresh token this run did not hand on, but ${problem}, so it is not what Claude Code writes (another step may have planted it): not stored.`
    )
    return undefined
  }
  const json = JSON.stringify(JSON.parse(read.text))
  for (const secret of [refreshToken, JSON.parse(json).claudeAiOauth.accessToken, json])
    core.setSecret(secret)
  return { json, refreshToken }
}

/** Why the value main left to write back is not of the secret's shape, or undefined. */
function valueProblem(value: string, json: boolean): string | undefined {
  if (json) return credentialsShapeProblem(value)
  return REFRESH_TOKEN_SHAPE.test(value) ? undefined : 'it is not an sk-ant-ort01- refresh token'
}

/**
 * The post step's part, at job end: write back what the main step could not, or the refresh token Claude Code
 * rotated during the run (read back from the credentials file the main step wrote, which is then removed). The
 * secret written is the one the post step's own inputs (`secret-name`, `secret-scope`) and GITHUB_REPOSITORY name;
 * the pending file, bound by the state, only carries the value. Never overwrites a secret that someone else changed
 * since. Throws a UserError, to fail the post step, when the newest refresh token could not be saved or the pending
 * file was refused.
 */
export async function finishWriteBack(deps: {
  core: Core
  env: NodeJS.ProcessEnv
  now: () => Date
  inputs?: RefreshInputs
  tuning?: RefreshTuning
}): Promise<FinishOutcome> {
  const { core, env } = deps
  const binding = parsePendingBinding(core.getState(PENDING_STATE))
  if (!binding) return { status: 'none' }
  const { path, credentialsFile } = binding
  try {
    const loaded = await loadPending(binding, env)
    const inputs = deps.inputs ?? readRefreshInputs(name => core.getInput(name))
    const lost = (what: string) =>
      new UserError(
        `${PREFIX}: ${what}; nothing was written back (another step of this job may have replaced or deleted it). If the main step said its write-back failed${credentialsFile ? `, or Claude Code refreshed the credentials in ${credentialsFile} during the run` : ''}, the secret's refresh token is used up: re-seed: ${reseed(targetOf(inputs, env))}.`
      )
    if ('missing' in loaded)
      throw lost(`the write-back file ${path} the main step left for this step is gone`)
    if ('refused' in loaded) throw lost(`refused the write-back file ${path}: ${loaded.refused}`)
    const { pending } = loaded
    if (pending.value) core.setSecret(pending.value)
    const problem = pending.value && valueProblem(pending.value, pending.json)
    if (problem) throw lost(`refused the value in the write-back file ${path}: ${problem}`)

    let value = pending.value
    let why: 'retry' | 'rotated-by-cli' = 'retry'
    const rotated = credentialsFile ? await rotatedByCli(credentialsFile, pending, core) : undefined
    if (rotated) {
      value = pending.json ? rotated.json : rotated.refreshToken
      why = 'rotated-by-cli'
    }
    if (value === undefined) return { status: 'current' }
    return await writeAtJobEnd({ ...deps, inputs, value, why, pending })
  } finally {
    if (credentialsFile) await rm(credentialsFile, { force: true }).catch(() => undefined)
    await dropPending(path)
  }
}

/** The secret the inputs name, or undefined when they cannot (then messages say how to re-seed in general). */
function targetOf(inputs: RefreshInputs, env: NodeJS.ProcessEnv): SecretTarget | undefined {
  try {
    return secretTarget(inputs.secretScope, inputs.secretName, env)
  } catch {
    return undefined
  }
}

async function writeAtJobEnd(deps: {
  core: Core
  env: NodeJS.ProcessEnv
  now: () => Date
  inputs: RefreshInputs
  tuning?: RefreshTuning
  value: string
  why: 'retry' | 'rotated-by-cli'
  pending: Pending
}): Promise<FinishOutcome> {
  const { core, env, inputs, tuning, value, why, pending } = deps
  const target = secretTarget(inputs.secretScope, inputs.secretName, env)
  const where = describeTarget(target)
  const cause =
    why === 'retry'
      ? `the main step could not write it (${pending.error ?? 'no answer'})`
      : 'Claude Code rotated it during the run'
  if (!inputs.secretsToken) {
    throw new UserError(
      `${PREFIX}: the newest refresh token was not saved to ${where} (${cause}) and 'secrets-token' is not set in the post step. The secret's refresh token is used up; re-seed: ${reseed(target)}.`
    )
  }
  const refusal = networkRefusal('secrets-token', core.getState(NETWORK_STATE), env)
  if (refusal) {
    throw new UserError(
      `${PREFIX}: the newest refresh token was not saved to ${where} (${cause}): ${refusal} The secret's refresh token is used up; re-seed: ${reseed(target)}.`
    )
  }
  const api = githubFor(deps)(inputs.secretsToken)
  let lock: HeldLock | undefined
  try {
    lock = await lockFor(target, api, env, deps.now, tuning)
    warnTakeover(lock, message => core.warning(message))
    const meta = await getSecretMetadata(api, target, tuning?.retry)
    if (meta && pending.updatedAt && meta.updatedAt !== pending.updatedAt) {
      throw new SecretChangedError(
        `${PREFIX}: did not write the newest refresh token to ${where} (${cause}): the secret was changed by someone else at ${meta.updatedAt}, after this run's refresh, and is left as it is. If that was a re-seed, nothing is lost; otherwise re-seed: ${reseed(target)}.`
      )
    }
    await writeSecret({
      api,
      core,
      target,
      value,
      ...(tuning?.retry ? { retry: tuning.retry } : {})
    })
    core.info(`${PREFIX}: saved the newest refresh token to ${where} (${cause}).`)
    return { status: 'written', secret: where, why }
  } catch (error) {
    if (error instanceof SecretChangedError) throw error
    throw new UserError(
      `${PREFIX}: could not save the newest refresh token to ${where} at job end (${cause}; now: ${reasonOf(error)}). The secret holds a used-up refresh token, so the next run cannot refresh: ${writeFix(error, target)}, then re-seed: ${reseed(target)}.`
    )
  } finally {
    await lock?.release()
  }
}

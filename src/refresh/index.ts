// Refresh an expiring OAuth credential, persist the rotated refresh token, then hand the new tokens on.
// Order is the safety property: lock → staleness check → refresh → pending file → secret write (retried) → unlock
// → hand-off → verify probe. The new access token is used for nothing before the write has been tried.
import type { Core } from '../common/core.js'
import type { Credential } from '../providers/provider.js'
import type { HttpSend } from '../http/request.js'
import type { ProbeResult } from '../probe/types.js'
import { PREFIX, UserError, reasonOf } from '../common/errors.js'
import type { HeldLock } from '../github/lock.js'
import type { GitHubRequest } from '../github/client.js'
import { changedSince } from '../secrets/stale.js'
import { jobStartedAt } from '../github/job-start.js'
import { describeTarget, reseedAdvice, secretTarget, type SecretTarget } from '../secrets/target.js'
import { getSecretMetadata, writeFix, writeSecret } from '../secrets/write.js'
import { savePendingBinding, sha256Hex } from '../state/index.js'
import { credentialsFilePath, updatedCredentialsJson, writePrivateFile } from './credentials.js'
import type { RefreshInputs } from '../inputs/refresh.js'
import { requestRefresh, type TokenSet } from './oauth.js'
import { checkLockOutlastsRefresh, takeLock, warnTakeover, type RefreshTuning } from './lock.js'
import { dropPending, newNonce, pendingPath, savePending, type Pending } from './pending.js'
import { githubFor, namedTarget } from './secret.js'

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

/** The token endpoint gave new tokens and they were handed on, but the write-back failed: the step must fail. */
export class WriteBackError extends UserError {
  constructor(
    message: string,
    readonly outcome: RefreshOutcome
  ) {
    super(message)
    this.name = 'WriteBackError'
  }
}

/** Another run rotated the secret after this job read it: this run's refresh token is already used. */
export class StaleCredentialsError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'StaleCredentialsError'
  }
}

/** What the README tells the Claude step to run under, so that it also runs when only the write-back failed. */
const CLAUDE_STEP_IF =
  "if: ${{ success() || (!cancelled() && steps.preflight.outputs.refreshed == 'true') }}"

const CONCURRENCY_ADVICE =
  'give the workflows that use this secret one `concurrency:` group (say `concurrency: { group: claude-credentials, cancel-in-progress: false }`) so runs refresh one at a time'

/** One refresh as it goes through its steps. */
interface RefreshRun {
  deps: RefreshDeps
  refreshToken: string
  /**
   * Written back in the form it was read: the credentials JSON when the credential came from `claude-credentials`
   * (with the rotated refresh token in it, also when it was given apart in `oauth-refresh-token`), else the bare
   * refresh token.
   */
  json: boolean
  /** The secret written back to and its client; absent without `secrets-token`. */
  secret?: { target: SecretTarget; api: GitHubRequest }
  seed: RefreshOutcome['seed']
  warnings: string[]
  warn: (message: string) => void
  /** The file that hands the post step what it must finish, and the credentials file it names. */
  pending: { path: string; file?: Pending; credentialsFile?: string }
}

/** What the token endpoint gave, and the secret's new value. */
interface Refreshed {
  tokens: TokenSet
  credentialsJson: string
  value: string
}

/**
 * Refreshes the OAuth access token of `credential`, writes the rotated refresh token back to the secret (under a
 * lock, after checking that no other run rotated it first), hands the new tokens on (outputs `refreshed`,
 * `oauth-token`, `claude-credentials`; `export-env`; `write-credentials-file`) and verifies the new access token.
 * Throws a UserError when nothing was refreshed (TokenEndpointError, StaleCredentialsError, LockError, bad input), and
 * a WriteBackError (with the outcome) when the tokens were refreshed and handed on but could not be saved. A hand-off
 * that fails (an output, `export-env`, the credentials file) is a warning in the outcome, never an error.
 */
export async function refreshAndHandOff(deps: RefreshDeps): Promise<RefreshOutcome> {
  const run = startRefresh(deps)
  let lock: HeldLock | undefined
  let refreshed: Refreshed
  let writeError: unknown
  try {
    let updatedAt: string | undefined
    if (run.secret) {
      lock = await takeLock(run.secret.target, run.secret.api, deps)
      warnTakeover(lock, run.warn)
      updatedAt = await checkNotStale(run, run.secret, lock)
    }
    refreshed = await refresh(run)
    if (run.secret) writeError = await writeBack(run, run.secret, refreshed, updatedAt)
  } finally {
    await lock?.release()
  }
  const handedTo = await handOff(run, refreshed)
  const probe = await deps.probe(refreshed.tokens.accessToken)
  return outcomeOf(run, refreshed, probe, handedTo, writeError)
}

/** Masks what the refresh holds, and finds the secret to write back to (warning when there is none). */
function startRefresh(deps: RefreshDeps): RefreshRun {
  const { core, inputs, credential, env } = deps
  const { refreshToken, document } = credential
  for (const secret of [refreshToken, credential.secret, inputs.secretsToken, document]) {
    if (secret) core.setSecret(secret)
  }
  if (!refreshToken) {
    throw new UserError(
      `${PREFIX}: there is no refresh token to refresh with. Pass 'claude-credentials' (the JSON of ~/.claude/.credentials.json) or 'oauth-refresh-token'.`
    )
  }
  const warnings: string[] = []
  const warn = (message: string) => {
    warnings.push(message)
    core.warning(message)
  }
  const secret = inputs.secretsToken
    ? {
        target: secretTarget(inputs.secretScope, inputs.secretName, env),
        api: githubFor(deps)(inputs.secretsToken)
      }
    : undefined
  const named = secret?.target ?? namedTarget(inputs, env)
  const seed = {
    secret: named ? describeTarget(named) : 'your secret',
    reseed: reseedAdvice(named)
  }
  if (!secret) {
    warn(
      `${PREFIX}: refreshing without 'secrets-token', because 'on-expiring' is 'refresh': the rotated refresh token is not saved, and this refresh uses up the one in ${seed.secret}, so the next run fails with invalid_grant unless you re-seed it first: ${seed.reseed}. Set 'secrets-token' (a token with "Secrets: write") to keep the chain instead.`
    )
  }
  return {
    deps,
    refreshToken,
    json: document !== undefined,
    ...(secret && { secret }),
    seed,
    warnings,
    warn,
    pending: { path: pendingPath(env) }
  }
}

/**
 * Under the lock, before refreshing: the secret exists, no other run rewrote it since this job read it, and the lock
 * outlasts the refresh and its write. Returns the secret's updated_at.
 */
async function checkNotStale(
  run: RefreshRun,
  { target, api }: { target: SecretTarget; api: GitHubRequest },
  lock: HeldLock
): Promise<string> {
  const { deps } = run
  const where = describeTarget(target)
  let meta
  try {
    meta = await getSecretMetadata(api, target, deps.tuning?.retry)
  } catch (error) {
    throw new UserError(
      `${PREFIX}: could not read ${where} before refreshing (${reasonOf(error)}). Nothing was refreshed. ${writeFix(error, target)}.`
    )
  }
  if (!meta) {
    // Writing it would create a new secret and leave the one that feeds this step with a used-up token.
    throw new UserError(
      `${PREFIX}: ${where} does not exist, so the rotated refresh token could not be saved where the next run reads it. Nothing was refreshed. Set 'secret-name' (and 'secret-scope') to the secret that holds 'claude-credentials'.`
    )
  }
  const processStart = deps.tuning?.processStart ?? new Date(performance.timeOrigin)
  const apis = [deps.inputs.githubToken, deps.inputs.secretsToken]
    .filter(Boolean)
    .map(token => githubFor(deps)(token))
  // The runner receives `secrets.*` when the job starts: a rotation after that is one this job did not see. Without
  // the job's start, the process's is later than the true instant, and a rotation in between is missed (the token
  // endpoint's invalid_grant still reports it).
  const readAt = await jobStartedAt(apis, deps.env, processStart)
  if (changedSince(meta.updatedAt, readAt.at, readAt.source === 'process' ? 2000 : 0)) {
    throw new StaleCredentialsError(
      `${PREFIX}: ${where} was rewritten at ${meta.updatedAt}, after this job read it (${readAt.source === 'job' ? 'job start' : 'step start'} ${readAt.at.toISOString()}): another run already rotated the refresh token, so the one this run holds is used up. Nothing was refreshed, to keep the chain intact. Re-run this job to pick up the new secret, and ${CONCURRENCY_ADVICE}.`
    )
  }
  checkLockOutlastsRefresh(lock, target, deps)
  return meta.updatedAt
}

/** Asks the token endpoint for new tokens; masks the updated credentials JSON. */
async function refresh(run: RefreshRun): Promise<Refreshed> {
  const { core, inputs, credential, tuning } = run.deps
  const tokens = await requestRefresh({
    send: run.deps.send,
    core,
    url: inputs.tokenUrl,
    clientId: inputs.clientId,
    refreshToken: run.refreshToken,
    now: run.deps.now,
    reseed: run.seed.reseed,
    ...(tuning?.oauth ?? {})
  })
  const credentialsJson = updatedCredentialsJson(credential.document ?? '', tokens)
  core.setSecret(credentialsJson)
  return { tokens, credentialsJson, value: run.json ? credentialsJson : tokens.refreshToken }
}

/**
 * Writes the new value to the secret, with the pending file kept before (so the post step can finish a write cut
 * short) and after (without the value once it is in the secret, with the error when it is not). Returns the error
 * of a write that failed.
 */
async function writeBack(
  run: RefreshRun,
  { target, api }: { target: SecretTarget; api: GitHubRequest },
  refreshed: Refreshed,
  updatedAt: string | undefined
): Promise<unknown> {
  const { core, tuning } = run.deps
  const file: Pending = {
    version: 2,
    nonce: newNonce(),
    json: run.json,
    refreshTokenSha256: sha256Hex(refreshed.tokens.refreshToken),
    updatedAt,
    value: refreshed.value
  }
  await keepPending(run, file)
  let writeError: unknown
  try {
    const written = await writeSecret({
      api,
      core,
      target,
      value: refreshed.value,
      ...(tuning?.retry ? { retry: tuning.retry } : {})
    })
    // In the secret now: the file keeps no live token.
    delete file.value
    if (written.updatedAt) file.updatedAt = written.updatedAt
    else delete file.updatedAt
  } catch (error) {
    writeError = error
    file.error = reasonOf(error)
  }
  await keepPending(run, file)
  return writeError
}

/**
 * Saves `file` as the pending file and binds it in the state (the state file is append-only: the last value wins);
 * removes it, and clears the state, once it holds nothing the post step needs.
 */
async function keepPending(run: RefreshRun, file: Pending): Promise<void> {
  const { core } = run.deps
  const { path, credentialsFile } = run.pending
  run.pending.file = file
  try {
    if (file.value === undefined && credentialsFile === undefined) {
      await dropPending(path)
      savePendingBinding(core, undefined)
    } else {
      savePendingBinding(core, await savePending(path, file, credentialsFile))
    }
  } catch (error) {
    core.warning(
      `${PREFIX}: could not keep the write-back file for the post step (${reasonOf(error)}).`
    )
  }
}

/**
 * Hands the new tokens to this run whether or not the write-back worked: the outputs, `export-env`,
 * `write-credentials-file`. A hand-off that fails is a warning, never an error that would hide the write-back's
 * outcome: the others still carry the tokens. Returns where the tokens went.
 */
async function handOff(run: RefreshRun, refreshed: Refreshed): Promise<string[]> {
  const { core, inputs, env } = run.deps
  const { tokens, credentialsJson } = refreshed
  const handedTo: string[] = []
  const handTo = async (to: string, step: () => void | Promise<void>) => {
    try {
      await step()
      handedTo.push(to)
    } catch (error) {
      run.warn(
        `${PREFIX}: refreshed the OAuth token, but could not hand it to ${to} (${reasonOf(error)}).`
      )
    }
  }
  await handTo('outputs oauth-token and claude-credentials', () => {
    core.setOutput('refreshed', 'true')
    core.setOutput('oauth-token', tokens.accessToken)
    core.setOutput('claude-credentials', credentialsJson)
  })
  if (inputs.exportEnv) {
    await handTo('CLAUDE_CODE_OAUTH_TOKEN', () =>
      core.exportVariable('CLAUDE_CODE_OAUTH_TOKEN', tokens.accessToken)
    )
  }
  if (inputs.writeCredentialsFile) {
    const file = credentialsFilePath(env)
    await handTo(file, async () => {
      await writePrivateFile(file, credentialsJson)
      // Read back (the CLI may rotate it) and removed by the post step.
      run.pending.credentialsFile = file
      await keepPending(
        run,
        run.pending.file ?? {
          version: 2,
          nonce: newNonce(),
          json: run.json,
          refreshTokenSha256: sha256Hex(tokens.refreshToken)
        }
      )
    })
  }
  return handedTo
}

/** The outcome, or a WriteBackError carrying it when the write-back failed. */
function outcomeOf(
  run: RefreshRun,
  { tokens, credentialsJson }: Refreshed,
  probe: ProbeResult,
  handedTo: string[],
  writeError: unknown
): RefreshOutcome {
  const { credential, now } = run.deps
  const outcome: RefreshOutcome = {
    credential: {
      ...credential,
      secret: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
      expirySource: `the OAuth token endpoint (expires_in), refreshed ${now().toISOString()}`,
      ...(run.json ? { document: credentialsJson } : {})
    },
    probe,
    writeBack: !run.secret ? 'skipped' : writeError ? 'failed' : 'written',
    seed: run.seed,
    warnings: run.warnings
  }
  if (!writeError || !run.secret) return outcome
  const { target } = run.secret
  const kept = handedTo.length
    ? `This run still has the new credentials (${handedTo.join(', ')}; run the Claude step with \`${CLAUDE_STEP_IF}\`, as in the README, to use them)`
    : 'This run could not hand the new credentials on either (see the warnings)'
  throw new WriteBackError(
    `${PREFIX}: refreshed the OAuth token, but could not save the rotated refresh token to ${describeTarget(target)}: ${reasonOf(writeError)}. Fix: ${writeFix(writeError, target)}. ${kept}, and the post step tries the write again at job end. Until a write succeeds the secret holds a used-up refresh token; if the post step fails too, re-seed: ${run.seed.reseed}.`,
    outcome
  )
}

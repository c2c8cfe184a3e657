// The post step's part of the refresh, at job end: write back what the main step could not, or the refresh token
// Claude Code rotated during the run.
import { rm } from 'node:fs/promises'
import type { Core } from '../common/core.js'
import { PREFIX, UserError, reasonOf } from '../common/errors.js'
import type { HeldLock } from '../github/lock.js'
import { readRefreshInputs, type RefreshInputs } from '../inputs/refresh.js'
import { networkRefusal } from '../secrets/network-env.js'
import { describeTarget, reseedAdvice, secretTarget } from '../secrets/target.js'
import { getSecretMetadata, writeFix, writeSecret } from '../secrets/write.js'
import { NETWORK_STATE, PENDING_STATE, parsePendingBinding, sha256Hex } from '../state/index.js'
import {
  CREDENTIALS_MAX_BYTES,
  REFRESH_TOKEN_SHAPE,
  credentialsShapeProblem,
  readOwnFile,
  refreshTokenOf
} from './credentials.js'
import { takeLock, warnTakeover, type RefreshTuning } from './lock.js'
import { dropPending, loadPending, type Pending } from './pending.js'
import { githubFor, namedTarget } from './secret.js'

/** At job end: someone else changed the secret after this run's refresh, so the post step left it as it is. */
export class SecretChangedError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'SecretChangedError'
  }
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
        `${PREFIX}: ${what}; nothing was written back (another step of this job may have replaced or deleted it). If the main step said its write-back failed${credentialsFile ? `, or Claude Code refreshed the credentials in ${credentialsFile} during the run` : ''}, the secret's refresh token is used up: re-seed: ${reseedAdvice(namedTarget(inputs, env))}.`
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
      `${PREFIX}: the newest refresh token was not saved to ${where} (${cause}) and 'secrets-token' is not set in the post step. The secret's refresh token is used up; re-seed: ${reseedAdvice(target)}.`
    )
  }
  const refusal = networkRefusal('secrets-token', core.getState(NETWORK_STATE), env)
  if (refusal) {
    throw new UserError(
      `${PREFIX}: the newest refresh token was not saved to ${where} (${cause}): ${refusal} The secret's refresh token is used up; re-seed: ${reseedAdvice(target)}.`
    )
  }
  const api = githubFor(deps)(inputs.secretsToken)
  let lock: HeldLock | undefined
  try {
    lock = await takeLock(target, api, deps)
    warnTakeover(lock, message => core.warning(message))
    const meta = await getSecretMetadata(api, target, tuning?.retry)
    if (meta && pending.updatedAt && meta.updatedAt !== pending.updatedAt) {
      throw new SecretChangedError(
        `${PREFIX}: did not write the newest refresh token to ${where} (${cause}): the secret was changed by someone else at ${meta.updatedAt}, after this run's refresh, and is left as it is. If that was a re-seed, nothing is lost; otherwise re-seed: ${reseedAdvice(target)}.`
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
      `${PREFIX}: could not save the newest refresh token to ${where} at job end (${cause}; now: ${reasonOf(error)}). The secret holds a used-up refresh token, so the next run cannot refresh: ${writeFix(error, target)}, then re-seed: ${reseedAdvice(target)}.`
    )
  } finally {
    await lock?.release()
  }
}

import type { Credential, ReadContext } from '../credentials/types.js'
import type { ProbeResult } from '../probe/types.js'
import type { HttpSend } from '../http/request.js'
import { selectCredential, type Selection } from '../credentials/select.js'
import { probe } from '../probe/probe.js'
import { decide, type Policy, type Verdict } from '../policy/decide.js'
import { resolveMinRemaining, type MinRemaining } from './min-remaining.js'
import { resolvePolicy, type CheckInputs } from './inputs.js'

export interface CheckedCredential {
  credential: Credential
  /** Undefined when there was no access token to probe. */
  probe?: ProbeResult
}

export interface CheckReport {
  inputs: CheckInputs
  selection: Selection
  /** The credential Claude will use, then the ignored ones, each with what the API said. */
  checked: CheckedCredential[]
  /** The credential Claude will use (the first of `checked`), when there is one. */
  chosen?: CheckedCredential
  minRemaining: MinRemaining
  policy: Policy
  verdict: Verdict
  checkedAt: Date
}

export interface CheckDeps {
  send: HttpSend
  env: NodeJS.ProcessEnv
  now: () => Date
}

/** The verdict on the credential Claude will use, checked at `now`. */
export function decideFor(
  chosen: CheckedCredential | undefined,
  minRemaining: MinRemaining,
  policy: Policy,
  now: Date
): Verdict {
  return decide(
    {
      ...(chosen?.probe && { probe: chosen.probe.status }),
      hasAccessToken: !!chosen?.credential.secret,
      hasRefreshToken: !!chosen?.credential.refreshToken,
      ...(chosen?.credential.expiresAt && { expiresAt: chosen.credential.expiresAt }),
      now,
      minRemainingMs: minRemaining.ms
    },
    policy
  )
}

/**
 * The whole preflight, without side effects on the job: finds the credential Claude will use, probes it and
 * every ignored one (in parallel, together with reading the job's timeout), and decides.
 */
export async function runCheck(
  inputs: CheckInputs,
  context: ReadContext,
  deps: CheckDeps
): Promise<CheckReport> {
  const selection = selectCredential(context, deps.env)
  const candidates = [...(selection.chosen ? [selection.chosen] : []), ...selection.others]
  const policy = resolvePolicy(inputs, !!selection.chosen?.refreshToken)
  const probeOptions = {
    baseUrl: inputs.baseUrl,
    timeoutMs: inputs.probeTimeoutMs,
    send: deps.send
  }
  const [minRemaining, ...probes] = await Promise.all([
    resolveMinRemaining(inputs.minRemainingMs, deps.env, {
      send: deps.send,
      githubToken: inputs.githubToken,
      timeoutMs: inputs.probeTimeoutMs
    }),
    ...candidates.map(credential =>
      credential.secret ? probe(credential, probeOptions) : Promise.resolve(undefined)
    )
  ])
  const checked = candidates.map((credential, i) => ({
    credential,
    ...(probes[i] && { probe: probes[i] })
  }))
  const chosen = selection.chosen ? checked[0] : undefined
  const checkedAt = deps.now()
  const verdict: Verdict = selection.cloudProvider
    ? { status: 'unverifiable', action: policy.onUnverifiable }
    : decideFor(chosen, minRemaining, policy, checkedAt)
  return {
    inputs,
    selection,
    checked,
    ...(chosen && { chosen }),
    minRemaining,
    policy,
    verdict,
    checkedAt
  }
}

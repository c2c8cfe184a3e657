// The main step's call into the refresh: after the check, when the policy says `refresh`.
import type { Core } from '../common/core.js'
import { decideFor, type CheckReport } from '../check/run-check.js'
import type { HttpSend } from '../http/request.js'
import { probe } from '../probe/probe.js'
import { UserError } from '../common/errors.js'
import { WriteBackError, refreshAndHandOff, type RefreshOutcome } from './index.js'
import type { RefreshInputs } from '../inputs/refresh.js'

export interface AfterCheck {
  outcome?: RefreshOutcome
  /** A refresh that failed, or whose write-back failed: the step must fail with this line. */
  error?: UserError
}

/**
 * When the verdict is `refresh`: refreshes, writes back, hands on, and updates `report` in place (the chosen
 * credential and its probe become the new ones, the verdict is decided again). Never throws a UserError: it is
 * returned for the caller to report after its own summary.
 */
export async function refreshAfterCheck(
  report: CheckReport,
  inputs: RefreshInputs,
  deps: { core: Core; env: NodeJS.ProcessEnv; send: HttpSend; now: () => Date }
): Promise<AfterCheck> {
  const { chosen } = report
  if (report.verdict.action !== 'refresh' || !chosen) return {}
  let outcome: RefreshOutcome | undefined
  let error: UserError | undefined
  try {
    outcome = await refreshAndHandOff({
      ...deps,
      inputs,
      credential: chosen.credential,
      probe: accessToken =>
        probe(
          { source: chosen.credential.source, scheme: 'oauth', secret: accessToken },
          {
            baseUrl: report.inputs.baseUrl,
            timeoutMs: report.inputs.probeTimeoutMs,
            send: deps.send
          }
        )
    })
  } catch (caught) {
    if (!(caught instanceof UserError)) throw caught
    error = caught
    if (caught instanceof WriteBackError) outcome = caught.outcome
  }
  if (outcome) {
    report.chosen = report.checked[0] = { credential: outcome.credential, probe: outcome.probe }
    report.checkedAt = deps.now()
    const verdict = decideFor(
      report.chosen,
      report.minRemaining,
      { ...report.policy, forceRefresh: false },
      report.checkedAt
    )
    report.verdict = {
      ...verdict,
      // A fresh token that still would not last is not refreshed twice in one step.
      ...(verdict.action === 'refresh' && { action: 'fail' }),
      ...(outcome.writeBack === 'skipped' && { unsavedRefresh: outcome.seed })
    }
  }
  return { ...(outcome && { outcome }), ...(error && { error }) }
}

// The main step's call into the refresh: after the check, when the policy says `refresh`. Kept here so that
// src/action/main.ts needs two delimited lines only.
import type { Core } from '../action/core.js'
import type { CheckReport } from '../check/run-check.js'
import type { HttpSend } from '../http/request.js'
import { decide } from '../policy/decide.js'
import { probe } from '../probe/probe.js'
import { UserError } from '../report/errors.js'
import { RefreshError, readRefreshInputs, refreshAndHandOff, type RefreshOutcome } from './index.js'

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
  deps: { core: Core; env: NodeJS.ProcessEnv; send: HttpSend; now: () => Date }
): Promise<AfterCheck> {
  const chosen = report.selection.chosen ? report.checked[0] : undefined
  if (report.verdict.action !== 'refresh' || !chosen) return {}
  const { core } = deps
  let outcome: RefreshOutcome | undefined
  let error: UserError | undefined
  try {
    outcome = await refreshAndHandOff({
      ...deps,
      inputs: readRefreshInputs(name => core.getInput(name)),
      credential: chosen.credential,
      probe: accessToken =>
        probe(
          { scheme: 'oauth', secret: accessToken },
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
    if (caught instanceof RefreshError) outcome = caught.outcome
  }
  if (outcome) {
    report.checked[0] = { credential: outcome.credential, probe: outcome.probe }
    const checkedAt = deps.now()
    const verdict = decide(
      {
        probe: outcome.probe.status,
        hasAccessToken: true,
        hasRefreshToken: true,
        ...(outcome.credential.expiresAt && { expiresAt: outcome.credential.expiresAt }),
        now: checkedAt,
        minRemainingMs: report.minRemaining.ms
      },
      { ...report.policy, forceRefresh: false }
    )
    report.verdict = verdict.action === 'refresh' ? { ...verdict, action: 'fail' } : verdict
    report.checkedAt = checkedAt
  }
  return { ...(outcome && { outcome }), ...(error && { error }) }
}

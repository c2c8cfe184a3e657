import type { Credential, ReadContext } from '../providers/provider.js'
import type { ProbeResult } from '../probe/types.js'
import type { HttpSend } from '../http/request.js'
import { selectCredential, type Selection } from '../providers/select.js'
import { probe } from '../probe/probe.js'
import { decide, type Policy, type Verdict } from '../policy/decide.js'
import { loadJobWorkflow, minRemainingOf, type MinRemaining } from './min-remaining.js'
import { findClaudeStep, type ClaudeStep } from '../workflow/claude-step.js'
import { originOf } from '../providers/credential.js'
import { resolvePolicy, type CheckInputs } from '../inputs/check.js'
import { checkPlatform } from './cloud.js'
import type { CloudCheck } from '../cloud/check.js'

export interface CheckedCredential {
  credential: Credential
  /** Undefined when there was no access token to probe, or Claude Code will not send this credential. */
  probe?: ProbeResult
}

export interface CheckReport {
  inputs: CheckInputs
  selection: Selection
  /** Why no Claude step was modelled, inside a job: the verdict is then about what this step sees. */
  noClaudeStep?: string
  /** The step that runs Claude, with the workflow and job it is in, when one was found. */
  claude?: { step: ClaudeStep; document: unknown; job: string }
  /** The credential Claude will use, with what the API said, then the ignored ones, never probed. */
  checked: CheckedCredential[]
  /** The credential Claude will use (the first of `checked`), when there is one. */
  chosen?: CheckedCredential
  /** What the check of the platform Claude Code is switched to found (src/cloud/), when it can be checked. */
  cloud?: CloudCheck
  minRemaining: MinRemaining
  policy: Policy
  verdict: Verdict
  checkedAt: Date
}

export interface CheckDeps {
  send: HttpSend
  env: NodeJS.ProcessEnv
  now: () => Date
  /** Masks a secret a platform's check reads or derives (core.setSecret). */
  mask?: (secret: string) => void
  /** What will keep the selected route's credential fresh during the run (input `renew`), when something will. */
  renewedBy?: (selection: Selection) => string | undefined
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
 * The whole preflight, without side effects on the job: reads the job's workflow, finds the credential Claude will
 * use, probes it, and decides. Only that credential is sent, to the base URL Claude will
 * send it to: an ignored one never leaves the machine.
 */
export async function runCheck(
  inputs: CheckInputs,
  context: ReadContext,
  deps: CheckDeps
): Promise<CheckReport> {
  // The job's own workflow says which step runs Claude and what it passes it: read (and parsed) before selection, so
  // that only what Claude will send is probed, and before the probe's clock starts.
  const workflow = deps.env.GITHUB_WORKFLOW_REF
    ? await loadJobWorkflow(deps.env, {
        send: deps.send,
        githubToken: inputs.githubToken,
        timeoutMs: inputs.probeTimeoutMs
      })
    : undefined
  const claudeStep =
    workflow && 'document' in workflow
      ? findClaudeStep(workflow.document, workflow.job, deps.env.GITHUB_ACTION)
      : undefined
  const selection = selectCredential(context, deps.env, claudeStep, inputs.provider)
  const noClaudeStep =
    workflow && !claudeStep
      ? 'why' in workflow
        ? `the job's workflow could not be read (${workflow.why})`
        : `no step after this one in job '${workflow.job}' runs Claude`
      : undefined
  const policy = resolvePolicy(inputs, !!selection.chosen?.refreshToken)
  // Claude Code renews its own login file when it carries a refresh token (before expiry, and after a 401): an access
  // token there that expires, or has expired, costs Claude nothing, and an expired one is not worth a request. An
  // explicit 'on-expiring' is obeyed as given.
  const renewedBy = deps.renewedBy?.(selection)
  const renewsItself =
    inputs.onExpiring === 'auto' &&
    !!selection.chosen?.refreshToken &&
    'file' in originOf(selection.chosen.from)
  const expired =
    selection.chosen?.expiresAt !== undefined && selection.chosen.expiresAt <= deps.now()
  if (selection.chosen && renewedBy)
    selection.chosen.notes.push(`renewed during the run by ${renewedBy}`)
  if (renewsItself && selection.chosen)
    selection.chosen.notes.push(
      'Claude Code renews this login by itself from its file, which carries a refreshToken'
    )
  const chosenProbe =
    selection.chosen?.secret && !(renewsItself && expired)
      ? await probe(selection.chosen, {
          baseUrl: inputs.baseUrl,
          timeoutMs: inputs.probeTimeoutMs,
          send: deps.send
        })
      : undefined
  const minRemaining = minRemainingOf(inputs.minRemainingMs, workflow)
  const cloud =
    selection.platform && selection.claudeEnv
      ? await checkPlatform(
          {
            platform: selection.platform,
            claudeEnv: selection.claudeEnv,
            tokenWrittenBy: selection.tokenWrittenBy,
            claudeStep: claudeStep?.kind,
            named: selection.named,
            renewedBy
          },
          {
            awsExpiration: inputs.awsExpiration,
            googleTokenInfoUrl: inputs.googleTokenInfoUrl,
            baseUrl: inputs.baseUrl,
            neededUntil: new Date(deps.now().getTime() + minRemaining.ms)
          },
          {
            send: deps.send,
            timeoutMs: inputs.probeTimeoutMs,
            mask: deps.mask ?? (() => undefined)
          }
        )
      : undefined
  const chosen = selection.chosen && {
    credential: selection.chosen,
    ...(chosenProbe && { probe: chosenProbe })
  }
  const checked = [
    ...(chosen ? [chosen] : []),
    ...selection.others.map(credential => ({ credential }))
  ]
  const checkedAt = deps.now()
  const decided: Verdict = cloud
    ? decide(
        {
          // The service refusing an expired session is its refusal of the credential.
          probe: cloud.status === 'expired' ? 'invalid' : cloud.status,
          hasAccessToken: true,
          hasRefreshToken: false,
          ...(cloud.expiresAt && !cloud.renewal && { expiresAt: cloud.expiresAt }),
          now: checkedAt,
          minRemainingMs: minRemaining.ms
        },
        policy
      )
    : selection.unseen
      ? { status: 'unverifiable', action: policy.onUnverifiable }
      : decideFor(
          // A credential the renewer mints again during the run does not end with its first value.
          chosen && renewedBy
            ? { ...chosen, credential: { ...chosen.credential, expiresAt: undefined } }
            : chosen,
          minRemaining,
          policy,
          checkedAt
        )
  const verdict: Verdict =
    renewsItself && (expired || decided.status === 'expiring')
      ? { ...decided, status: 'expiring', action: 'pass' }
      : decided
  return {
    inputs,
    selection,
    ...(noClaudeStep && { noClaudeStep }),
    ...(claudeStep &&
      workflow &&
      'document' in workflow && {
        claude: { step: claudeStep, document: workflow.document, job: workflow.job }
      }),
    checked,
    ...(chosen && { chosen }),
    ...(cloud && { cloud }),
    minRemaining,
    policy,
    verdict,
    checkedAt
  }
}

// Which credentials of the run the renewer keeps fresh, each by the first source that claims it; and, for the
// credential Claude Code calls the model with, why not when none can. Pure.
import type { PlanContext, RenewalSource, SourcePlan } from './source.js'
import { SOURCES } from './sources.js'
import { subscriptionWhy } from './subscription.js'

export interface PlannedSource {
  source: RenewalSource
  plan: SourcePlan
}

export interface RenewalPlans {
  planned: PlannedSource[]
  /** Why a credential is not renewed, one sentence each (main says them in one notice). */
  unrenewed: string[]
}

/** What renews the credential Claude Code calls the model with, or why nothing can. */
export function claudeRenewal(
  context: PlanContext,
  sources: readonly RenewalSource[] = SOURCES
): PlannedSource | { why: string } {
  let why: string | undefined
  for (const source of sources.filter(source => source.renews === 'claude')) {
    const plan = source.plan(context)
    if (plan && 'job' in plan) return { source, plan }
    why ??= plan?.why
  }
  return { why: why ?? unrenewable(context) }
}

export function renewalPlans(
  context: PlanContext,
  sources: readonly RenewalSource[] = SOURCES
): RenewalPlans {
  const plans: RenewalPlans = { planned: [], unrenewed: [] }
  const claude = claudeRenewal(context, sources)
  if ('why' in claude) plans.unrenewed.push(claude.why)
  else plans.planned.push(claude)
  for (const source of sources.filter(source => source.renews === 'github')) {
    const plan = source.plan(context)
    if (plan && 'job' in plan) plans.planned.push({ source, plan })
    else if (plan) plans.unrenewed.push(plan.why)
  }
  return plans
}

/** Why the credential Claude Code uses cannot be renewed, when no source claims its route. */
function unrenewable({ selection, subscription }: PlanContext): string {
  const { platform, chosen, claudeStep } = selection
  if (platform)
    return (
      platform.lastsWithoutRenewer ??
      `the renewer cannot renew the ${platform.credential} of ${platform.label}`
    )
  if (chosen)
    return (
      (subscription && subscriptionWhy(chosen, claudeStep, subscription)) ??
      `Claude Code uses the ${chosen.label} from ${chosen.from}, which cannot be minted again from the job`
    )
  return 'no credential of Claude Code was found to renew'
}

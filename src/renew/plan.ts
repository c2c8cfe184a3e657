// Whether the route Claude Code will use can be renewed from the job, and by which source; or why not. Pure.
import { FEDERATION_AUDIENCE } from '../cloud/federation/settings.js'
import type { Selection } from '../providers/select.js'
import { FEDERATION } from '../providers/platforms.js'
import type { AzureFederatedLogin } from '../cloud/foundry/entra.js'
import { subscriptionWhy, type SubscriptionFacts } from './subscription.js'
import { azurePlan, type AzurePlan } from './azure.js'

export type RenewalPlan =
  | {
      kind: 'federation'
      audience: string
      /** What keeps the route alive, for the check's report (CloudCheck.renewal). */
      renewedBy: string
      /** Said as warnings by main: what in the Claude step would defeat the renewal. */
      warnings: string[]
    }
  | {
      kind: 'gateway'
      /** Input `renew-command`: prints a fresh gateway token. */
      command: string
      renewedBy: string
      warnings: string[]
    }
  | AzurePlan
  | { why: string }

/** What the plan reads beside the selection, found by main. */
export interface PlanFacts {
  /** What says how a subscription credential lasts the run, for the reason no renewer is started. */
  subscription?: SubscriptionFacts
  /** The service principals azure/login signed the az CLI in as with a federated token. */
  azureLogins?: readonly AzureFederatedLogin[]
}

export const IDENTITY_FILE_VARIABLE = 'ANTHROPIC_IDENTITY_TOKEN_FILE'

/** What Claude Code reads before `apiKeyHelper` (https://code.claude.com/docs/en/authentication#authentication-precedence). */
export const OUTRANKING_HELPER = ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'] as const

export function renewalPlan(
  selection: Selection,
  renewCommand = '',
  facts: PlanFacts = {}
): RenewalPlan {
  const { platform, claudeEnv, tokenWrittenBy, chosen, claudeStep } = selection
  if (renewCommand && !platform && (!chosen || chosen.source === 'anthropic-auth-token')) {
    const outranking = OUTRANKING_HELPER.filter(name => {
      const kind = claudeStep?.variable(name).kind
      return kind === 'step' || kind === 'output'
    })
    return {
      kind: 'gateway',
      command: renewCommand,
      renewedBy: `the preflight's renewer (input 'renew-command'), whose token Claude Code reads through apiKeyHelper`,
      warnings: outranking.map(
        name =>
          `${claudeStep!.label} sets ${name}, which outranks apiKeyHelper: Claude Code would send it and never the token the renewer keeps fresh. Remove it from that step.`
      )
    }
  }
  if (platform === FEDERATION && claudeEnv) {
    if (tokenWrittenBy)
      return {
        why: `Claude runs in ${tokenWrittenBy} (claude-code-action), which mints its own identity token and rewrites ANTHROPIC_IDENTITY_TOKEN_FILE every 4 minutes: no renewer is started for federation there`
      }
    if (claudeEnv.unreadable.includes('ANTHROPIC_OIDC_AUDIENCE'))
      return {
        why: 'ANTHROPIC_OIDC_AUDIENCE is set in the Claude step from an expression this step cannot read, so the renewer cannot know the audience the rule expects: give this step the same value in its `env:`'
      }
    const own = claudeStep?.variable(IDENTITY_FILE_VARIABLE)
    const warnings =
      own?.kind === 'step'
        ? [
            `${claudeStep!.label} sets its own ${IDENTITY_FILE_VARIABLE} (${own.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${IDENTITY_FILE_VARIABLE} }} or remove it, or Claude Code reads a token nobody renews.`
          ]
        : []
    return {
      kind: 'federation',
      audience: claudeEnv.env.ANTHROPIC_OIDC_AUDIENCE?.trim() || FEDERATION_AUDIENCE,
      renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${IDENTITY_FILE_VARIABLE} with a fresh GitHub OIDC token at half its life, so that Claude Code exchanges a fresh one whenever its federated token ends`,
      warnings
    }
  }
  if (platform?.id === 'foundry' && claudeEnv) return azurePlan(selection, facts.azureLogins ?? [])
  if (platform)
    return { why: `the renewer cannot renew the ${platform.credential} of ${platform.label} yet` }
  if (chosen)
    return {
      why:
        (facts.subscription && subscriptionWhy(chosen, claudeStep, facts.subscription)) ??
        `Claude Code uses the ${chosen.label} from ${chosen.from}, which cannot be minted again from the job`
    }
  return { why: 'no credential of Claude Code was found to renew' }
}

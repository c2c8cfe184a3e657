// The check of a platform Claude Code is switched to (src/providers/platforms.ts), by its module in src/cloud/,
// imported only when that platform is selected: the Anthropic path loads none of their libraries. Each check reads the
// environment the Claude step gives Claude Code (src/providers/select.ts), not this step's own.
import type { HttpSend } from '../http/request.js'
import type { Platform } from '../providers/platforms.js'
import type { CloudCheck } from '../cloud/check.js'
import type { ClaudeEnv } from '../providers/select.js'

export interface CloudCheckDeps {
  send: HttpSend
  timeoutMs: number
  mask: (secret: string) => void
}

export interface PlatformRoute {
  platform: Platform
  claudeEnv: ClaudeEnv
  /** Federation: who writes and renews the identity token file, when someone does. */
  tokenWrittenBy?: string | undefined
  /** The kind of the Claude step, when one was modelled. */
  claudeStep?: 'claude-code-action' | 'claude-cli' | undefined
  /** The route was named by input `provider`: this step may not see the Claude step's settings. */
  named?: true | undefined
  /** What will keep the credential fresh during the run (input `renew`), when something will. */
  renewedBy?: string | undefined
}

export interface PlatformOptions {
  awsExpiration?: Date | undefined
  googleTokenInfoUrl?: string | undefined
  /** The Anthropic API's address: federation's exchange and probe go there. */
  baseUrl: string
  /** When the Claude step must still have a credential. */
  neededUntil: Date
}

/**
 * The platform's credentials, proven. What the check could not see is never held against the credential: settings
 * the Claude step sets from an expression this step cannot read, or a route named by input `provider` whose settings
 * this step was not given, make a verdict other than `valid` `unverifiable`, with what to give this step.
 */
export async function checkPlatform(
  route: PlatformRoute,
  options: PlatformOptions,
  deps: CloudCheckDeps
): Promise<CloudCheck> {
  const checked = await checkOn(route, options, deps)
  const { unreadable } = route.claudeEnv
  if (checked.status === 'valid') return checked
  if (unreadable.length > 0)
    return {
      ...checked,
      status: 'unverifiable',
      unseen: true,
      message: `${checked.message}; but the Claude step sets ${unreadable.join(', ')} from an expression this step cannot read: give this step the same value${unreadable.length === 1 ? '' : 's'} in its \`env:\` to check it`
    }
  if (route.named && checked.misconfigured)
    return {
      ...checked,
      status: 'unverifiable',
      unseen: true,
      message: `${checked.message}; input 'provider' names ${route.platform.label}, but this step does not see its settings: give this step the Claude step's settings in its \`env:\` to check it`
    }
  return checked
}

async function checkOn(
  route: PlatformRoute,
  options: PlatformOptions,
  deps: CloudCheckDeps
): Promise<CloudCheck> {
  const { platform, claudeEnv } = route
  const env = claudeEnv.env
  switch (platform.id) {
    case 'bedrock':
    case 'mantle':
    case 'anthropic-aws': {
      const { checkAwsCredentials } = await import('../cloud/aws/check.js')
      return checkAwsCredentials(
        env,
        { target: platform.id, ...(options.awsExpiration && { expiresAt: options.awsExpiration }) },
        deps
      )
    }
    case 'federation': {
      const { checkFederation } = await import('../cloud/federation/check.js')
      return checkFederation(
        { ...env, ANTHROPIC_BASE_URL: options.baseUrl },
        {
          ...deps,
          neededUntil: options.neededUntil,
          ...(route.tokenWrittenBy && { tokenWrittenBy: route.tokenWrittenBy }),
          ...(route.claudeStep && { claudeStep: route.claudeStep }),
          ...(route.renewedBy && { renewedBy: route.renewedBy })
        }
      )
    }
    case 'foundry': {
      const { checkFoundryCredentials } = await import('../cloud/foundry/check.js')
      return checkFoundryCredentials(env, {
        ...deps,
        ...(route.renewedBy && { renewedBy: route.renewedBy })
      })
    }
    case 'vertex': {
      const { checkVertexCredentials } = await import('../cloud/google/check.js')
      return checkVertexCredentials(
        env,
        { ...(options.googleTokenInfoUrl && { tokenInfoUrl: options.googleTokenInfoUrl }) },
        deps
      )
    }
  }
}

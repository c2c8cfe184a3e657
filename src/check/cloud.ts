// The check of a platform Claude Code is switched to (src/providers/platforms.ts), by its module in src/cloud/,
// imported only when that platform is selected: the Anthropic path loads none of their libraries.
import type { HttpSend } from '../http/request.js'
import type { Platform } from '../providers/platforms.js'
import type { CloudCheck } from '../cloud/check.js'
import type { FederationAsClaudeSees } from '../providers/select.js'

export interface CloudCheckDeps {
  send: HttpSend
  env: NodeJS.ProcessEnv
  timeoutMs: number
  mask: (secret: string) => void
}

/** The platform's credentials, proven; undefined for a platform the preflight cannot check yet. */
export async function checkPlatform(
  platform: Platform,
  options: {
    awsExpiration?: Date | undefined
    /** Federation as the Claude step gets it, and the API's address. */
    federation?:
      | { settings: FederationAsClaudeSees; baseUrl: string; renewedBy?: string | undefined }
      | undefined
    /** When the Claude step must still have a credential. */
    neededUntil: Date
  },
  deps: CloudCheckDeps
): Promise<CloudCheck | undefined> {
  const { send, timeoutMs, mask } = deps
  switch (platform.id) {
    case 'bedrock':
    case 'mantle':
    case 'anthropic-aws': {
      const { checkAwsCredentials } = await import('../cloud/aws/check.js')
      return checkAwsCredentials(
        deps.env,
        { target: platform.id, ...(options.awsExpiration && { expiresAt: options.awsExpiration }) },
        { send, timeoutMs, mask }
      )
    }
    case 'federation': {
      const { settings, baseUrl, renewedBy } = options.federation ?? {
        settings: { env: {}, unreadable: [] },
        baseUrl: ''
      }
      if (settings.unreadable.length > 0)
        return {
          status: 'unverifiable',
          message: `${settings.unreadable.join(', ')} ${settings.unreadable.length === 1 ? 'is' : 'are'} set in the Claude step from an expression this step cannot read; give this step the same value${settings.unreadable.length === 1 ? '' : 's'} in its \`env:\` to check federation`,
          proves: 'nothing: the federation settings could not be read'
        }
      const { checkFederation } = await import('../cloud/federation/check.js')
      return checkFederation(
        {
          ...settings.env,
          ANTHROPIC_BASE_URL: baseUrl,
          ACTIONS_ID_TOKEN_REQUEST_URL: deps.env.ACTIONS_ID_TOKEN_REQUEST_URL,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        },
        {
          send,
          timeoutMs,
          mask,
          neededUntil: options.neededUntil,
          ...(settings.tokenWrittenBy && { tokenWrittenBy: settings.tokenWrittenBy }),
          ...(renewedBy && { renewedBy })
        }
      )
    }
    case 'foundry': {
      const { checkFoundryCredentials } = await import('../cloud/foundry/check.js')
      return checkFoundryCredentials(deps.env, { send, timeoutMs, mask })
    }
    case 'vertex':
      return undefined
  }
}

// The check of a platform Claude Code is switched to (src/providers/platforms.ts), by its module in src/cloud/,
// imported only when that platform is selected: the Anthropic path loads none of their libraries.
import type { HttpSend } from '../http/request.js'
import type { Platform } from '../providers/platforms.js'
import type { CloudCheck } from '../cloud/check.js'

export interface CloudCheckDeps {
  send: HttpSend
  env: NodeJS.ProcessEnv
  timeoutMs: number
  mask: (secret: string) => void
}

/** The platform's credentials, proven; undefined for a platform the preflight cannot check yet. */
export async function checkPlatform(
  platform: Platform,
  options: { awsExpiration?: Date | undefined; googleTokenInfoUrl?: string },
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
    case 'vertex': {
      const { checkVertexCredentials } = await import('../cloud/google/check.js')
      return checkVertexCredentials(
        deps.env,
        { ...(options.googleTokenInfoUrl && { tokenInfoUrl: options.googleTokenInfoUrl }) },
        { send, timeoutMs, mask }
      )
    }
    case 'foundry':
      return undefined
  }
}

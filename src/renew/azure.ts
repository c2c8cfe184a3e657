// Microsoft Foundry behind azure/login, through a federated token file: Claude Code's Foundry client gets its Entra
// token from @azure/identity's DefaultAzureCredential, whose WorkloadIdentityCredential signs in with the GitHub OIDC
// token in AZURE_FEDERATED_TOKEN_FILE for AZURE_CLIENT_ID in AZURE_TENANT_ID (at AZURE_AUTHORITY_HOST)
// (https://learn.microsoft.com/javascript/api/@azure/identity/workloadidentitycredential). Seen with the real CLI
// (2.1.328 and 2.1.332, Entra and Foundry stand-ins): it reads the file again for each new Entra token, and a token past
// its time there fails the run with AADSTS700024. The renewer keeps the file holding a fresh token of the audience
// azure/login asks for (https://github.com/Azure/login: `api://AzureADTokenExchange`), so the run outlives the hour
// azure/login's own sign-in lasts.
import type { AzureFederatedLogin } from '../cloud/foundry/entra.js'
import type { Selection } from '../providers/select.js'
import { mintJobOidcToken, readOidcJob, type OidcJob } from './federation.js'
import type { RenewalSource } from './source.js'

export interface AzureJob extends OidcJob {
  kind: 'azure'
}

export const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange'
export const AZURE_TOKEN_FILE_VARIABLE = 'AZURE_FEDERATED_TOKEN_FILE'

export const AZURE_SOURCE: RenewalSource<AzureJob> = {
  kind: 'azure',
  what: 'the federated token file of the Azure workload identity credential',
  credential: 'federated token',
  fileName: 'azure-federated-token',
  marginMs: 30_000,
  readJob: value => readOidcJob('azure', value),
  mint: mintJobOidcToken
}

export interface AzurePlan {
  kind: 'azure'
  audience: string
  /** What main exports beside the file: the app and tenant the credential signs in as, where the job lacks them. */
  exports: Record<string, string>
  renewedBy: string
  warnings: string[]
}

/** Set in Claude Code's environment, they outrank Entra (src/cloud/foundry/settings.ts). */
const FOUNDRY_OWN = ['ANTHROPIC_FOUNDRY_AUTH_TOKEN', 'ANTHROPIC_FOUNDRY_API_KEY'] as const
/** DefaultAzureCredential's EnvironmentCredential, ahead of workload identity: a secret or certificate renews itself. */
const SERVICE_PRINCIPAL = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'] as const

/**
 * Whether Claude Code's Foundry route can run on a federated token file the renewer keeps fresh; `logins`: the
 * service principals azure/login signed the az CLI in as with a federated token (src/cloud/foundry/entra.ts). Pure.
 */
export function azurePlan(
  selection: Selection,
  logins: readonly AzureFederatedLogin[]
): AzurePlan | { why: string } {
  const { claudeEnv, claudeStep } = selection
  const env = claudeEnv?.env ?? {}
  const isSet = (name: string) => !!env[name]?.trim() || !!claudeEnv?.unreadable.includes(name)
  const own = FOUNDRY_OWN.find(isSet)
  if (own)
    return {
      why: `Claude Code sends ${own}, which outranks any Entra token: ${own === 'ANTHROPIC_FOUNDRY_API_KEY' ? 'a Foundry key does not expire' : 'the renewer cannot mint that token again; remove it from the Claude step, and Claude Code signs in to Entra with the federated token file the renewer keeps fresh'}`
    }
  if (isSet('CLAUDE_CODE_SKIP_FOUNDRY_AUTH'))
    return {
      why: 'CLAUDE_CODE_SKIP_FOUNDRY_AUTH is set: a gateway signs the requests, not Claude Code'
    }
  const secret = SERVICE_PRINCIPAL.find(isSet)
  if (secret)
    return {
      why: `${secret} is set, and the Azure credential signs in with it again whenever its token ends: nothing needs renewing`
    }
  const distinct = (values: Array<string | undefined>) => [
    ...new Set(values.filter((v): v is string => !!v))
  ]
  const clientIds = env.AZURE_CLIENT_ID?.trim()
    ? [env.AZURE_CLIENT_ID.trim()]
    : distinct(logins.map(login => login.clientId))
  const tenantIds = env.AZURE_TENANT_ID?.trim()
    ? [env.AZURE_TENANT_ID.trim()]
    : distinct(logins.map(login => login.tenantId))
  if (clientIds.length !== 1 || tenantIds.length !== 1)
    return {
      why: `the Azure workload identity credential needs AZURE_CLIENT_ID and AZURE_TENANT_ID, and ${clientIds.length + tenantIds.length === 0 ? 'neither is set nor signed in by azure/login with OIDC' : 'they are not set and the az CLI holds several federated sign-ins'}: set them in the job's \`env:\` to azure/login's \`client-id\` and \`tenant-id\``
    }
  const exports = {
    ...(!env.AZURE_CLIENT_ID?.trim() && { AZURE_CLIENT_ID: clientIds[0]! }),
    ...(!env.AZURE_TENANT_ID?.trim() && { AZURE_TENANT_ID: tenantIds[0]! })
  }
  const file = claudeStep?.variable(AZURE_TOKEN_FILE_VARIABLE)
  return {
    kind: 'azure',
    audience: AZURE_FEDERATION_AUDIENCE,
    exports,
    renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${AZURE_TOKEN_FILE_VARIABLE} with a fresh GitHub OIDC token (audience ${AZURE_FEDERATION_AUDIENCE}) at half its life, from which Claude Code's Azure credential signs in to Entra again whenever its token ends`,
    warnings:
      file?.kind === 'step'
        ? [
            `${claudeStep!.label} sets its own ${AZURE_TOKEN_FILE_VARIABLE} (${file.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${AZURE_TOKEN_FILE_VARIABLE} }} or remove it.`
          ]
        : []
  }
}

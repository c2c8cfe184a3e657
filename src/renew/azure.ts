// Microsoft Foundry behind azure/login, through a federated token file: Claude Code's Foundry client gets its Entra
// token from @azure/identity's DefaultAzureCredential, whose WorkloadIdentityCredential signs in with the GitHub OIDC
// token in AZURE_FEDERATED_TOKEN_FILE for AZURE_CLIENT_ID in AZURE_TENANT_ID (at AZURE_AUTHORITY_HOST)
// (https://learn.microsoft.com/javascript/api/@azure/identity/workloadidentitycredential). Seen with the real CLI
// (2.1.328 and 2.1.332, Entra and Foundry stand-ins): it reads the file again for each new Entra token, and a token past
// its time there fails the run with AADSTS700024. The renewer keeps the file holding a fresh token of the audience
// azure/login asks for (https://github.com/Azure/login: `api://AzureADTokenExchange`), so the run outlives the hour
// azure/login's own sign-in lasts.
import { azureFederatedLogins, type AzureFederatedLogin } from '../cloud/foundry/entra.js'
import { PREFIX } from '../common/errors.js'
import type { Selection } from '../providers/select.js'
import { mintOidcFile, oidcRequestOf, readOidcJob, type OidcJob } from './oidc.js'
import type { RenewalSource, SourcePlan } from './source.js'

export interface AzureJob extends OidcJob {
  kind: 'azure'
}

export const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange'
export const AZURE_TOKEN_FILE_VARIABLE = 'AZURE_FEDERATED_TOKEN_FILE'

/** Set in Claude Code's environment, they outrank Entra (src/cloud/foundry/settings.ts). */
const FOUNDRY_OWN = ['ANTHROPIC_FOUNDRY_AUTH_TOKEN', 'ANTHROPIC_FOUNDRY_API_KEY'] as const
/** DefaultAzureCredential's EnvironmentCredential, ahead of workload identity: a secret or certificate renews itself. */
const SERVICE_PRINCIPAL = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'] as const

/**
 * The app and tenant the workload identity credential signs in as: AZURE_CLIENT_ID and AZURE_TENANT_ID of `env`, else
 * the one federated sign-in of the az CLI (azure/login's `client-id` and `tenant-id`); `exports`, what `env` lacks.
 * Pure.
 */
export function azureIdentity(
  env: NodeJS.ProcessEnv,
  logins: readonly AzureFederatedLogin[]
): { exports: Record<string, string> } | { why: string } {
  const distinct = (values: Array<string | undefined>) => [
    ...new Set(values.filter((v): v is string => !!v))
  ]
  const own = (name: string) => env[name]?.trim()
  const clientIds = own('AZURE_CLIENT_ID')
    ? [own('AZURE_CLIENT_ID')!]
    : distinct(logins.map(login => login.clientId))
  const tenantIds = own('AZURE_TENANT_ID')
    ? [own('AZURE_TENANT_ID')!]
    : distinct(logins.map(login => login.tenantId))
  if (clientIds.length !== 1 || tenantIds.length !== 1)
    return {
      why: `the Azure workload identity credential needs AZURE_CLIENT_ID and AZURE_TENANT_ID, and ${clientIds.length + tenantIds.length === 0 ? 'neither is set nor signed in by azure/login with OIDC' : 'they are not set and the az CLI holds several federated sign-ins'}: set them in the job's \`env:\` to azure/login's \`client-id\` and \`tenant-id\``
    }
  return {
    exports: {
      ...(!own('AZURE_CLIENT_ID') && { AZURE_CLIENT_ID: clientIds[0]! }),
      ...(!own('AZURE_TENANT_ID') && { AZURE_TENANT_ID: tenantIds[0]! })
    }
  }
}

/**
 * Whether Claude Code's Foundry route can run on a federated token file the renewer keeps fresh, given the job's OIDC
 * token request and the az CLI's federated sign-ins. Pure.
 */
export function azurePlan(
  selection: Selection,
  logins: readonly AzureFederatedLogin[],
  request: { requestUrl: string; requestToken: string } | { why: string }
): SourcePlan<AzureJob> | { why: string } {
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
  const identity = azureIdentity(env, logins)
  if ('why' in identity) return identity
  if ('why' in request) return request
  const file = claudeStep?.variable(AZURE_TOKEN_FILE_VARIABLE)
  return {
    job: { kind: 'azure', audience: AZURE_FEDERATION_AUDIENCE, ...request },
    renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${AZURE_TOKEN_FILE_VARIABLE} with a fresh GitHub OIDC token (audience ${AZURE_FEDERATION_AUDIENCE}) at half its life, from which Claude Code's Azure credential signs in to Entra again whenever its token ends`,
    warnings:
      file?.kind === 'step'
        ? [
            `${claudeStep!.label} sets its own ${AZURE_TOKEN_FILE_VARIABLE} (${file.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${AZURE_TOKEN_FILE_VARIABLE} }} or remove it.`
          ]
        : []
  }
}

export const AZURE_SOURCE: RenewalSource<AzureJob> = {
  kind: 'azure',
  renews: 'claude',
  what: 'the federated token file of the Azure workload identity credential',
  credential: 'federated token',
  fileName: 'azure-federated-token',
  marginMs: 30_000,
  plan({ selection, env, azureLogins }) {
    if (selection.platform?.id !== 'foundry' || !selection.claudeEnv) return undefined
    return azurePlan(selection, azureLogins ?? [], oidcRequestOf(env))
  },
  readJob: value => readOidcJob('azure', value),
  mint: mintOidcFile,
  async handOff(file, { core, env, pid }) {
    const identity = azureIdentity(env, azureFederatedLogins(env))
    const exports = 'exports' in identity ? identity.exports : {}
    core.exportVariable(AZURE_TOKEN_FILE_VARIABLE, file)
    for (const [name, value] of Object.entries(exports)) core.exportVariable(name, value)
    core.info(
      `${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; ${[AZURE_TOKEN_FILE_VARIABLE, ...Object.keys(exports)].join(', ')} point Claude Code's Azure credential (workload identity) there for the steps that follow.`
    )
  }
}

// Failures of the Azure credentials Claude Code uses for Microsoft Foundry (not a provider of the preflight yet):
// their kinds and how Microsoft words them. Entra's error codes:
// https://learn.microsoft.com/entra/identity-platform/reference-error-codes; Azure AI services' 401:
// https://learn.microsoft.com/azure/ai-services/authentication.
import type { FailureKind, Phrasing } from './failure.js'

export const AZURE_FAILURES = [
  {
    id: 'azure-auth-expired',
    credential: 'the Azure credentials',
    title: 'Azure credentials expired',
    verb: 'expired',
    since: 'expired since',
    fix: 'The Microsoft Entra token expired during the run. azure/login with OIDC cannot renew its client assertion (about an hour later: `AADSTS700024`), and a fixed `ANTHROPIC_FOUNDRY_AUTH_TOKEN` lasts about an hour: set `renew: true` on the preflight, whose renewer keeps a federated token file fresh for the Azure credential of Claude Code (workload identity), or use `ANTHROPIC_FOUNDRY_API_KEY`.'
  },
  {
    id: 'azure-auth-invalid',
    credential: 'the Azure credentials',
    title: 'Azure credentials invalid',
    verb: 'were refused as invalid',
    since: 'refused since',
    fix: 'Azure refused the credential: check that `ANTHROPIC_FOUNDRY_API_KEY` is a key of the resource (Keys and Endpoint), or that `ANTHROPIC_FOUNDRY_AUTH_TOKEN` is an Entra token for `https://cognitiveservices.azure.com`, and that `ANTHROPIC_FOUNDRY_RESOURCE` / `ANTHROPIC_FOUNDRY_BASE_URL` names that same resource.'
  },
  {
    id: 'azure-auth-forbidden',
    credential: 'the Azure credentials',
    title: 'Azure credentials forbidden',
    verb: 'were refused (not allowed on the resource)',
    since: 'refused since',
    fix: 'The Azure identity is not allowed on the Foundry resource: assign it the `Cognitive Services User` role on the resource, and deploy the Claude model there.'
  }
] as const satisfies readonly FailureKind[]

export type AzureFailure = (typeof AZURE_FAILURES)[number]['id']

const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes'

export const AZURE_PHRASINGS: readonly Phrasing<AzureFailure>[] = [
  {
    // AADSTS700024 (client assertion out of its time range), 70043 and 700082 (refresh token expired).
    anchor: 'AADSTS700',
    pattern: /\bAADSTS(?:700024|700082)\b/,
    kind: 'azure-auth-expired',
    source: 'https://github.com/Azure/login/issues/180'
  },
  {
    anchor: 'AADSTS70043',
    pattern: /\bAADSTS70043\b/,
    kind: 'azure-auth-expired',
    source: ENTRA_CODES
  },
  {
    anchor: 'ExpiredAuthenticationToken',
    pattern: /\bExpiredAuthenticationToken\b/,
    kind: 'azure-auth-expired',
    source: 'https://github.com/microsoft/microsoft-foundry-for-vscode/issues/590'
  },
  {
    anchor: 'Lifetime validation failed',
    pattern: /Lifetime validation failed, the token is expired/,
    kind: 'azure-auth-expired',
    source:
      'https://learn.microsoft.com/dotnet/api/microsoft.identitymodel.tokens.securitytokenexpiredexception'
  },
  {
    anchor: 'AADSTS',
    pattern: /\bAADSTS\d{5,7}\b/,
    kind: 'azure-auth-invalid',
    source: ENTRA_CODES
  },
  {
    anchor: 'invalid subscription key or wrong API endpoint',
    pattern: /Access denied due to invalid subscription key or wrong API endpoint/,
    kind: 'azure-auth-invalid',
    source: 'https://learn.microsoft.com/azure/ai-services/authentication'
  },
  {
    anchor: 'Access token is missing, invalid',
    pattern: /Access token is missing, invalid, audience is incorrect/,
    kind: 'azure-auth-invalid',
    source: 'https://github.com/Gitlawb/openclaude/issues/200'
  },
  {
    anchor: 'DefaultAzureCredential failed to retrieve a token',
    pattern: /DefaultAzureCredential failed to retrieve a token/,
    kind: 'azure-auth-invalid',
    source:
      'https://learn.microsoft.com/azure/developer/javascript/sdk/authentication/troubleshooting'
  },
  {
    anchor: 'lacks the required data action',
    pattern: /The principal `?[^`\s]+`? lacks the required data action/,
    kind: 'azure-auth-forbidden',
    source: 'https://learn.microsoft.com/azure/ai-foundry/concepts/rbac-azure-ai-foundry'
  }
]

const ENTRA_RENEWS =
  'Give Claude Code a credential that renews: `ANTHROPIC_FOUNDRY_API_KEY`, a service principal in `AZURE_CLIENT_ID` / `AZURE_TENANT_ID` / `AZURE_CLIENT_SECRET` (DefaultAzureCredential renews its token), or `AZURE_FEDERATED_TOKEN_FILE` (with `AZURE_CLIENT_ID` and `AZURE_TENANT_ID`) naming a file kept fresh with GitHub OIDC tokens for the audience `api://AzureADTokenExchange`, as the renewer of this action does with `renew: true`'

/** The main step's fix for Azure credentials the preflight found wanting, by what is wrong. */
export const AZURE_PREFLIGHT_FIXES = {
  expiring: `The Entra token cannot be renewed in this job: azure/login's OIDC login signs the az CLI in with GitHub's OIDC token, which expires minutes later, so about an hour on the Entra token fails with \`AADSTS700024\` (and a fixed \`ANTHROPIC_FOUNDRY_AUTH_TOKEN\` is sent as it is until its \`exp\`). ${ENTRA_RENEWS}; or run azure/login right before the Claude step and keep the step shorter.`,
  invalid: `${AZURE_FAILURES[1].fix} With neither set, Claude Code uses DefaultAzureCredential: sign in with azure/login (OIDC: \`client-id\`, \`tenant-id\`, \`subscription-id\`, \`permissions: id-token: write\`) in this job before the preflight and the Claude step. An expired Entra login: ${ENTRA_RENEWS.charAt(0).toLowerCase()}${ENTRA_RENEWS.slice(1)}.`,
  forbidden:
    'The Azure identity authenticated but may not call the Anthropic API on the Foundry resource: assign it the `Cognitive Services User` role (or `Azure AI User`) on that resource, and deploy the Claude models there.'
} as const

export const id = 396;
export const ids = [396];
export const modules = {

/***/ 9396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   entraToken: () => (/* binding */ entraToken)
/* harmony export */ });
/* unused harmony export azureFederatedLogins */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7317);
/* harmony import */ var _lifetime_duration_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2996);
/* harmony import */ var _lifetime_jwt_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7183);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8923);
// The Entra token Claude Code gets when it has neither a Foundry key nor a token: from the Azure SDK's
// DefaultAzureCredential for `https://cognitiveservices.azure.com/.default`, as claude-code 2.1.328 asks for it. The same
// class from the same package (@azure/identity, loaded only here), so the preflight finds the credential Claude Code
// will find, in the same order (environment, workload identity, managed identity, the az CLI, …), at the Entra
// endpoint users move with AZURE_AUTHORITY_HOST. The package reads process.env itself.
//
// How long the token lasts: each credential of the chain renews its token, but one cannot. azure/login's OIDC login
// (https://github.com/Azure/login) runs `az login --service-principal --federated-token <GitHub's OIDC token>`, and the
// az CLI keeps that assertion to get later tokens with (`client_assertion` in service_principal_entries.json:
// https://github.com/Azure/azure-cli/blob/dev/src/azure-cli-core/azure/cli/core/auth/identity.py). GitHub's token
// expires minutes later and nothing renews it, so once the Entra token the CLI holds expires (about an hour), every new
// one fails with AADSTS700024 "Client assertion is not within its valid time range"
// (https://github.com/Azure/login/issues/180). That token's expiry is then final.







/** Codes of an Entra credential past its life: an assertion out of its time range, a refresh token expired. */
const EXPIRED_CODES = /\bAADSTS(?:700024|700082|70043|50173)\b/;
/** No answer from Entra: MSAL says `endpoints_resolution_error` when it could not even read the authority's metadata. */
const NETWORK = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|socket hang up|network_error|endpoints_resolution_error|getaddrinfo|timed? ?out/i;
/**
 * A token from DefaultAzureCredential within `timeoutMs`, masked the moment it arrives; or what its failure says:
 * `expired` (Entra says the credential's assertion or refresh token is past its life), `invalid` (Entra refused it,
 * or the chain found no credential at all), `unverifiable` (Entra or the network did not answer in time).
 */
async function entraToken(env, deps) {
    const { DefaultAzureCredential } = await __webpack_require__.e(/* import() */ 617).then(__webpack_require__.bind(__webpack_require__, 7617));
    const signal = AbortSignal.timeout(deps.timeoutMs);
    const credential = new DefaultAzureCredential({ processTimeoutInMs: deps.timeoutMs });
    let answer;
    try {
        answer = await Promise.race([
            credential.getToken(_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .FOUNDRY_SCOPE */ .Z, { abortSignal: signal }),
            new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('timed out')), { once: true }))
        ]);
    }
    catch (error) {
        return { failed: readFailure(error, deps.timeoutMs) };
    }
    if (!answer?.token)
        return { failed: { status: 'invalid', message: 'DefaultAzureCredential gave no token' } };
    deps.mask(answer.token);
    return {
        token: answer.token,
        expiresAt: new Date(answer.expiresOnTimestamp),
        source: sourceOf(env, answer.token, deps.mask)
    };
}
/** A credential of the chain that is simply not set up here: its words are noise beside the others'. */
const NOT_SET_UP = /is unavailable\. No underlying credential|Network unreachable|is not available\. Ensure|could not be found|couldn't be found|Unable to execute PowerShell/;
/**
 * The words of an error and of every error it gathers (DefaultAzureCredential's AggregateAuthenticationError): those
 * of the credentials that were set up and failed first, then the names of those that were not set up.
 */
function wordsOf(error) {
    const inner = Array.isArray(error.errors) ? error.errors : [error];
    const said = inner.map(e => e.message ?? e.name ?? 'Error');
    const failed = said.filter(words => !NOT_SET_UP.test(words));
    const notSetUp = said.length - failed.length;
    return [...failed, ...(notSetUp ? [`${notSetUp} other credentials of the chain not set up`] : [])];
}
function readFailure(error, timeoutMs) {
    const words = wordsOf(error);
    const said = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .clipLine */ .DX)(words.join('; '), 600);
    if (error.message === 'timed out' || error.name === 'AbortError')
        return {
            status: 'unverifiable',
            message: `DefaultAzureCredential: no token within ${(0,_lifetime_duration_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(timeoutMs)} (Entra or the az CLI did not answer in time)`
        };
    const code = /\bAADSTS\d{5,7}\b/.exec(said)?.[0];
    if (code && EXPIRED_CODES.test(code))
        return { status: 'expired', message: `DefaultAzureCredential: ${said}` };
    if (code)
        return { status: 'invalid', message: `DefaultAzureCredential: ${said}` };
    const unavailableOnly = (Array.isArray(error.errors) ? error.errors : [error]).every(e => e.name === 'CredentialUnavailableError');
    const status = error.statusCode;
    if (!unavailableOnly &&
        (NETWORK.test(said) || (status !== undefined && (status >= 500 || status === 429))))
        return { status: 'unverifiable', message: `DefaultAzureCredential: ${said}` };
    return {
        status: 'invalid',
        message: `DefaultAzureCredential found no Azure credential: ${said}`
    };
}
/** The claims of a JWT that name its caller; empty for anything else. */
function claimsOf(token) {
    try {
        const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload === 'object' && payload !== null
            ? payload
            : {};
    }
    catch {
        return {};
    }
}
const has = (env, ...names) => names.every(name => !!env[name]?.trim());
/**
 * Which credential of DefaultAzureCredential's chain gave `token`, by the chain's own order: the environment's
 * service principal (https://learn.microsoft.com/javascript/api/@azure/identity/environmentcredential), workload
 * identity (a federated token file), managed identity (its tokens carry `xms_mirid`), else a developer tool: in a job,
 * the az CLI that azure/login signed in.
 */
function sourceOf(env, token, mask) {
    if (has(env, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID') &&
        (has(env, 'AZURE_CLIENT_SECRET') ||
            has(env, 'AZURE_CLIENT_CERTIFICATE_PATH') ||
            has(env, 'AZURE_USERNAME', 'AZURE_PASSWORD')))
        return { label: 'the service principal in AZURE_CLIENT_ID / AZURE_TENANT_ID', final: false };
    const claims = claimsOf(token);
    if (has(env, 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID'))
        return workloadIdentity(env.AZURE_FEDERATED_TOKEN_FILE ?? '', (0,_lifetime_jwt_js__WEBPACK_IMPORTED_MODULE_6__/* .jwtExpiry */ .l)(token), mask);
    if (typeof claims.xms_mirid === 'string')
        return { label: 'a managed identity', final: false };
    const appId = [claims.appid, claims.azp].find(v => typeof v === 'string');
    if (appId && federatedCliLogin(env, appId))
        return {
            label: "the az CLI's login with a federated token (azure/login with OIDC)",
            final: true,
            why: "the az CLI cannot renew it: the client assertion it signed in with (GitHub's OIDC token) expires within minutes and nothing renews it, so the next token fails with AADSTS700024"
        };
    return { label: 'the az CLI (or another developer tool) signed in on the runner', final: false };
}
/** A federated token file Claude Code's chain reads again for each new token: final if it expires first. */
function workloadIdentity(file, tokenEnd, mask) {
    const label = 'workload identity (AZURE_FEDERATED_TOKEN_FILE)';
    let assertionEnd;
    try {
        const assertion = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').trim();
        if (assertion)
            mask(assertion);
        assertionEnd = (0,_lifetime_jwt_js__WEBPACK_IMPORTED_MODULE_6__/* .jwtExpiry */ .l)(assertion);
    }
    catch {
        return { label, final: false };
    }
    return assertionEnd && tokenEnd && assertionEnd.getTime() <= tokenEnd.getTime()
        ? {
            label,
            final: true,
            why: 'the federated token in AZURE_FEDERATED_TOKEN_FILE expires before the Entra token does, so unless something rewrites the file no new token can be had'
        }
        : { label, final: false };
}
/** Whether the az CLI is signed in as `appId` with a client assertion (a federated token), per its own store. */
function federatedCliLogin(env, appId) {
    return azureFederatedLogins(env).some(login => login.clientId === appId);
}
/**
 * The service principals the az CLI is signed in as with a client assertion, from its own store
 * (`service_principal_entries.json` under AZURE_CONFIG_DIR, else ~/.azure: `client_id`, `tenant`, `client_assertion`);
 * empty when it has none or cannot be read.
 */
function azureFederatedLogins(env) {
    const dir = env.AZURE_CONFIG_DIR?.trim() || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME?.trim() || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.azure');
    let entries;
    try {
        entries = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'service_principal_entries.json'), 'utf8'));
    }
    catch {
        return [];
    }
    if (!Array.isArray(entries))
        return [];
    return entries.flatMap((entry) => typeof entry?.client_id === 'string' && typeof entry.client_assertion === 'string'
        ? [
            {
                clientId: entry.client_id,
                ...(typeof entry.tenant === 'string' && { tenantId: entry.tenant })
            }
        ]
        : []);
}


/***/ })

};

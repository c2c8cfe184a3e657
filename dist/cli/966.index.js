export const id = 966;
export const ids = [966];
export const modules = {

/***/ 3192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ cloudCall),
/* harmony export */   R: () => (/* binding */ readingsOf)
/* harmony export */ });
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3947);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9468);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8999);
// One call of a cloud provider's check over `send` with retries: a request is refused before it leaves when its
// transport is unsafe, every answer is read with the call's secrets cut out, a refusal is read in the provider's own
// words, and what is still `unverifiable` after the retries says how many tries it took.



/** Readings of `answer` to the call named `where`, each with the answer's status and request id. */
function readingsOf(answer, where, requestId) {
    return (verdict, message) => ({
        status: verdict,
        message: `${where}: ${message}`,
        httpStatus: answer.status,
        ...(requestId && { requestId })
    });
}
/** Sends `request`, retrying what `call.refusal` calls transient until the deadline of `deps`. */
async function cloudCall(request, call, deps) {
    const { where } = call;
    const unsafe = (0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .unsafeTransport */ .s)(request.url);
    if (unsafe)
        return {
            failed: {
                status: 'unverifiable',
                message: `${where}: ${new URL(request.url).origin} ${unsafe}`
            }
        };
    const { value, attempts } = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sendWithRetries */ .HI)(request, response => {
        const answer = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .answerWithout */ .LP)(call.secrets, response);
        const requestId = call.requestIdOf?.(answer);
        const judged = answer.status >= 400 ? call.judged?.(answer, where) : undefined;
        if (judged !== undefined)
            return {
                done: true,
                value: { data: judged, httpStatus: answer.status, ...(requestId && { requestId }) }
            };
        if (answer.status < 200 || answer.status >= 300) {
            const refusal = call.refusal(answer, where);
            return { ...refusal, value: { failed: refusal.value } };
        }
        const data = call.read(answer);
        if (data !== undefined)
            return {
                done: true,
                value: { data, httpStatus: answer.status, ...(requestId && { requestId }) }
            };
        return {
            done: true,
            value: {
                failed: {
                    status: 'unverifiable',
                    message: `${where}: HTTP ${answer.status}, not ${call.service}'s answer (${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .bodyDescription */ .VQ)(answer)})`,
                    httpStatus: answer.status,
                    ...(requestId && { requestId })
                }
            }
        };
    }, message => ({ failed: { status: 'unverifiable', message: `${where}: ${message}` } }), deps);
    if ('failed' in value && value.failed.status === 'unverifiable')
        return {
            failed: { ...value.failed, message: `${value.failed.message}${(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptsNote */ .pr)(attempts)}` }
        };
    return value;
}


/***/ }),

/***/ 2966:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkVertexCredentials: () => (/* binding */ checkVertexCredentials)
});

// UNUSED EXPORTS: GOOGLE_TOKENINFO_URL

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./lib/common/env.js
var common_env = __webpack_require__(7487);
// EXTERNAL MODULE: ./lib/cloud/call.js
var call = __webpack_require__(3192);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __webpack_require__(8999);
;// CONCATENATED MODULE: ./lib/cloud/google/answers.js
// How Google words an answer, and what it says about a credential. Google's APIs answer errors as
// `{"error": {"code", "message", "status", "details": [{"reason", …}]}}` (https://cloud.google.com/apis/design/errors:
// 401 UNAUTHENTICATED, with reason ACCESS_TOKEN_EXPIRED for an expired token; 403 PERMISSION_DENIED); its OAuth
// endpoints (oauth2.googleapis.com/token, the Security Token Service, tokeninfo) as OAuth's
// `{"error", "error_description"}` (RFC 6749 §5.2, RFC 8693 §2.2.2): invalid_grant is a refresh token, a key or a
// subject token refused ("Token has been expired or revoked." for a dead user login).


const word = (value) => (typeof value === 'string' ? value : '');
/** The Google error an answer carries, in either format; undefined when it carries none (a proxy's page, say). */
function googleError(answer) {
    if ((0,client/* isHtmlPage */.r4)(answer) || typeof answer.data !== 'object' || answer.data === null)
        return undefined;
    const { error, error_description } = answer.data;
    if (typeof error === 'string' && /^[a-z_]{1,60}$/.test(error))
        return { code: error, message: (0,errors/* clipLine */.DX)(word(error_description)) };
    const api = (error ?? {});
    const code = word(api.status);
    if (!/^[A-Z_]{1,60}$/.test(code))
        return undefined;
    const details = Array.isArray(api.details) ? api.details : [];
    const reason = details.map(d => word(d?.reason)).find(Boolean);
    return { code, ...(reason && { reason }), message: (0,errors/* clipLine */.DX)(word(api.message)) };
}
const OAUTH_INVALID = new Set([
    'invalid_grant',
    'invalid_client',
    'unauthorized_client',
    'invalid_token',
    'invalid_request',
    'invalid_target',
    'invalid_scope'
]);
/**
 * What an answer that is not a success says of the credential: expired, invalid or forbidden only in Google's own
 * words; Google's own failures and throttles are worth another try; anything else (a proxy's page, a redirect, an
 * error that says nothing of the credential) is `unverifiable`. `where` names the call for the message.
 */
function readRefusal(answer, where) {
    const { status } = answer;
    const error = googleError(answer);
    const said = error
        ? `${error.code}${error.reason ? ` (${error.reason})` : ''}${error.message ? `: ${error.message}` : ''}`
        : '';
    const reading = (verdict, message) => ({
        status: verdict,
        message: `${where}: ${message}`,
        httpStatus: status,
        ...(error && { googleCode: error.code })
    });
    const unverifiable = (message) => reading('unverifiable', message);
    const other = (0,client/* transientOrRedirect */.m)(answer, said || `(${(0,client/* bodyDescription */.VQ)(answer)})`, unverifiable);
    if (other)
        return other;
    if (!error)
        return {
            done: true,
            value: unverifiable(`HTTP ${status}, not Google's answer (${(0,client/* bodyDescription */.VQ)(answer)})`)
        };
    const line = `HTTP ${status} ${said}`;
    const expired = error.reason === 'ACCESS_TOKEN_EXPIRED' || /\b(expired|revoked)\b/i.test(error.message);
    if (error.code === 'UNAUTHENTICATED' || OAUTH_INVALID.has(error.code))
        return { done: true, value: reading(expired ? 'expired' : 'invalid', line) };
    if (error.code === 'PERMISSION_DENIED' || error.code === 'access_denied')
        return { done: true, value: reading('forbidden', line) };
    return { done: true, value: unverifiable(line) };
}

;// CONCATENATED MODULE: ./lib/cloud/google/calls.js


const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';
/** Sends a Google request, reading a success with `read` and anything else as Google's refusal. */
const googleCall = (request, spec, deps, read) => (0,call/* cloudCall */.Q)({ ...request, headers: { ...request.headers, 'user-agent': 'claude-preflight' } }, { ...spec, read, service: 'Google', refusal: readRefusal }, deps);
const calls_form = (params) => new URLSearchParams(Object.entries(params).filter((entry) => !!entry[1])).toString();
const fields = (answer) => (typeof answer.data === 'object' && answer.data !== null ? answer.data : {});
/** OAuth's `{access_token, expires_in}`, the token masked before anything else sees it. */
function oauthAccessToken(answer, mask) {
    const { access_token: token, expires_in: expiresIn } = fields(answer);
    if (typeof token !== 'string' || !token)
        return undefined;
    mask(token);
    const seconds = Number(expiresIn);
    return {
        token,
        ...(Number.isFinite(seconds) &&
            seconds > 0 && { expiresAt: new Date(Date.now() + seconds * 1000) })
    };
}
/** The subject token a credentials file's `credential_source.url` serves (the job's OIDC endpoint, for GitHub). */
async function fetchSubjectToken(source, deps) {
    // A header is `Bearer <request token>`: the token alone is the secret too.
    const secrets = Object.values(source.headers).flatMap(value => [
        value,
        value.replace(/^Bearer /i, '')
    ]);
    for (const value of secrets)
        deps.mask(value);
    const request = { method: 'GET', url: source.url, headers: source.headers };
    return googleCall(request, { where: 'credential_source.url', secrets }, deps, answer => {
        const token = source.field ? fields(answer)[source.field] : answer.data;
        if (typeof token !== 'string' || !token.trim())
            return undefined;
        deps.mask(token.trim());
        return token.trim();
    });
}
/** A federated access token for a subject token (Security Token Service, RFC 8693 token exchange). */
const exchangeToken = (tokenUrl, params, deps) => oauthToken('Security Token Service (token_url)', tokenUrl, {
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: params.audience,
    scope: CLOUD_PLATFORM_SCOPE,
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    subject_token: params.subjectToken,
    subject_token_type: params.subjectTokenType
}, [params.subjectToken], deps);
/** The service account's own access token, for a federated token allowed to act as it. */
async function impersonate(url, federatedToken, deps) {
    const request = {
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${federatedToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' })
    };
    return googleCall(request, { where: 'IAM generateAccessToken', secrets: [federatedToken] }, deps, answer => {
        const { accessToken, expireTime } = fields(answer);
        if (typeof accessToken !== 'string' || !accessToken)
            return undefined;
        deps.mask(accessToken);
        const expiresAt = new Date(typeof expireTime === 'string' ? expireTime : '');
        return { token: accessToken, ...(!Number.isNaN(expiresAt.getTime()) && { expiresAt }) };
    });
}
/** An access token from an OAuth token endpoint (`where`): `params` is the grant (a JWT, a refresh token, …). */
async function oauthToken(where, tokenUri, params, secrets, deps) {
    const request = {
        method: 'POST',
        url: tokenUri,
        headers: { 'content-type': FORM },
        body: calls_form(params)
    };
    return googleCall(request, { where, secrets }, deps, answer => oauthAccessToken(answer, deps.mask));
}
/** What Google's tokeninfo says of an access token: when it ends, and whose it is (sent in the body, never the URL). */
async function tokenInfo(url, token, deps) {
    const request = {
        method: 'POST',
        url,
        headers: { 'content-type': FORM },
        body: calls_form({ access_token: token })
    };
    return googleCall(request, { where: 'Google tokeninfo', secrets: [token] }, deps, answer => {
        const { exp, email } = fields(answer);
        const seconds = Number(exp);
        if (!Number.isFinite(seconds) || seconds <= 0)
            return undefined;
        return {
            expiresAt: new Date(seconds * 1000),
            ...(typeof email === 'string' && email && { email })
        };
    });
}
/** Vertex AI's count of a one-word message for `model`: a yes proves the token may call Anthropic's models there. */
async function countTokens(url, token, model, deps) {
    const request = {
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
            anthropic_version: 'vertex-2023-10-16',
            model,
            messages: [{ role: 'user', content: 'ping' }]
        })
    };
    return googleCall(request, { where: 'Vertex AI count-tokens', secrets: [token] }, deps, answer => {
        const inputTokens = fields(answer).input_tokens;
        return typeof inputTokens === 'number' ? { inputTokens } : undefined;
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __webpack_require__(7183);
;// CONCATENATED MODULE: ./lib/cloud/google/settings.js
// Where Claude Code sends its Vertex AI requests, and for which project, as @anthropic-ai/claude-code 2.1.328 decides
// (its bundle, and the requests it was seen to send to a stand-in). The region: the model's `VERTEX_REGION_*`, else
// `CLOUD_ML_REGION`, else us-east5; a value that is not a region name is passed over. The base URL:
// `ANTHROPIC_VERTEX_BASE_URL` whole (it ends in `/v1`), else `https://{region}-aiplatform.googleapis.com/v1`
// (`aiplatform.googleapis.com` for `global`, `aiplatform.{us,eu}.rep.googleapis.com` for `us` and `eu`)
// (@anthropic-ai/vertex-sdk src/client.ts). The project: `ANTHROPIC_VERTEX_PROJECT_ID`, else the credentials' own
// (`project_id` of a service account key, else their `quota_project_id`): the Vertex SDK takes no other, whatever
// GCLOUD_PROJECT or GOOGLE_CLOUD_PROJECT say (with all three set, the CLI calls ANTHROPIC_VERTEX_PROJECT_ID's project;
// with only the other two, it fails "No projectId was given": __tests__/claude-cli-values.test.ts pins it, and 2.1.332
// does the same).
/** Claude Code's default model on Vertex AI (claude-code 2.1.328, seen in its requests): the count's model. */
const DEFAULT_VERTEX_MODEL = 'claude-opus-5-5';
const DEFAULT_REGION = 'us-east5';
const REGION = /^[a-z]{2,}(?:-[a-z0-9]+){0,4}$/i;
/** The per-model region variables, by the model's name prefix, most specific first (claude-code 2.1.328). */
const MODEL_REGIONS = [
    ['claude-3-5-sonnet', 'VERTEX_REGION_CLAUDE_3_5_SONNET'],
    ['claude-3-7-sonnet', 'VERTEX_REGION_CLAUDE_3_7_SONNET'],
    ['claude-sonnet-4-5', 'VERTEX_REGION_CLAUDE_4_5_SONNET'],
    ['claude-sonnet-4-6', 'VERTEX_REGION_CLAUDE_4_6_SONNET'],
    ['claude-sonnet-5-5', 'VERTEX_REGION_CLAUDE_5_5_SONNET'],
    ['claude-3-5-haiku', 'VERTEX_REGION_CLAUDE_3_5_HAIKU'],
    ['claude-haiku-4-5', 'VERTEX_REGION_CLAUDE_HAIKU_4_5'],
    ['claude-haiku-5-5', 'VERTEX_REGION_CLAUDE_HAIKU_5_5'],
    ['claude-opus-4-1', 'VERTEX_REGION_CLAUDE_4_1_OPUS'],
    ['claude-opus-4-5', 'VERTEX_REGION_CLAUDE_4_5_OPUS'],
    ['claude-opus-4-6', 'VERTEX_REGION_CLAUDE_4_6_OPUS'],
    ['claude-opus-4-7', 'VERTEX_REGION_CLAUDE_4_7_OPUS'],
    ['claude-opus-4-8', 'VERTEX_REGION_CLAUDE_4_8_OPUS'],
    ['claude-opus-5-5', 'VERTEX_REGION_CLAUDE_5_5_OPUS'],
    ['claude-sonnet-4', 'VERTEX_REGION_CLAUDE_4_0_SONNET'],
    ['claude-sonnet-5', 'VERTEX_REGION_CLAUDE_5_SONNET'],
    ['claude-opus-4', 'VERTEX_REGION_CLAUDE_4_0_OPUS'],
    ['claude-opus-5', 'VERTEX_REGION_CLAUDE_5_OPUS']
];
const validRegion = (value) => {
    const region = value?.trim();
    return region && REGION.test(region) ? region : undefined;
};
/** The model, region and base URL of Claude Code's Vertex requests under `env`. */
function vertexTarget(env) {
    const model = env.ANTHROPIC_MODEL?.trim() || DEFAULT_VERTEX_MODEL;
    const perModel = MODEL_REGIONS.find(([prefix]) => model.startsWith(prefix))?.[1];
    const [region, regionFrom] = perModel && validRegion(env[perModel])
        ? [validRegion(env[perModel]), perModel]
        : validRegion(env.CLOUD_ML_REGION)
            ? [validRegion(env.CLOUD_ML_REGION), 'CLOUD_ML_REGION']
            : [
                DEFAULT_REGION,
                `Claude Code's default${env.CLOUD_ML_REGION ? `: CLOUD_ML_REGION is not a region name` : ', CLOUD_ML_REGION unset'}`
            ];
    return { model, region, regionFrom, baseUrl: vertexBaseUrl(env, region) };
}
function vertexBaseUrl(env, region) {
    const moved = env.ANTHROPIC_VERTEX_BASE_URL?.trim().replace(/\/+$/, '');
    if (moved)
        return moved;
    if (region === 'global')
        return 'https://aiplatform.googleapis.com/v1';
    if (region === 'us' || region === 'eu')
        return `https://aiplatform.${region}.rep.googleapis.com/v1`;
    return `https://${region}-aiplatform.googleapis.com/v1`;
}
/** The count-tokens endpoint of Anthropic's models in `project` (free; needs aiplatform.endpoints.predict). */
function countTokensUrl(target, project) {
    return `${target.baseUrl}/projects/${encodeURIComponent(project)}/locations/${target.region}/publishers/anthropic/models/count-tokens:rawPredict`;
}
/** The project Claude Code will call, and where it came from; undefined when it has none. */
function vertexProject(env, file) {
    const named = env.ANTHROPIC_VERTEX_PROJECT_ID?.trim();
    if (named)
        return { project: named, from: 'ANTHROPIC_VERTEX_PROJECT_ID' };
    for (const key of ['project_id', 'quota_project_id']) {
        const value = file?.[key];
        if (typeof value === 'string' && value.trim())
            return { project: value.trim(), from: `the credentials file's ${key}` };
    }
    return undefined;
}
/** Where Application Default Credentials are read: GOOGLE_APPLICATION_CREDENTIALS, else gcloud's own file. */
function credentialsFilePath(env, home) {
    const named = env.GOOGLE_APPLICATION_CREDENTIALS?.trim();
    if (named)
        return { path: named, from: 'GOOGLE_APPLICATION_CREDENTIALS' };
    const config = env.CLOUDSDK_CONFIG?.trim() || `${home}/.config/gcloud`;
    return {
        path: `${config}/application_default_credentials.json`,
        from: "gcloud's application default credentials"
    };
}

;// CONCATENATED MODULE: ./lib/cloud/google/credentials.js
// Application Default Credentials as Claude Code's google-auth-library finds them
// (https://cloud.google.com/docs/authentication/application-default-credentials): the file GOOGLE_APPLICATION_CREDENTIALS
// names, else gcloud's `application_default_credentials.json` (under CLOUDSDK_CONFIG); the metadata server of a
// Google Cloud machine, the last resort, is not checked. Three kinds of file are proven by minting an access token
// the way the library does (https://google.aip.dev/auth/4117, 4112, 4113): `external_account` (workload identity
// federation, as google-github-actions/auth writes it: a subject token from `credential_source`, exchanged at
// `token_url`, then, with `service_account_impersonation_url`, the service account's own token), `service_account`
// (a key: a JWT it signs, at `token_uri`) and `authorized_user` (a gcloud login's refresh token). Every URL is the
// file's own, so a test moves them all to loopback the way the file does.






const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';
const credentials_text = (value) => (typeof value === 'string' ? value : '');
const failure = (status, message) => ({ failed: { status, message } });
/** An access token from the Application Default Credentials in `env`, or the reading of why none could be had. */
async function mintAdcToken(env, home, deps) {
    const { path, from } = credentialsFilePath(env, home);
    let file;
    try {
        file = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        if (missing && from !== 'GOOGLE_APPLICATION_CREDENTIALS')
            return failure('unverifiable', `no Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS is not set and ${path} does not exist (a Google Cloud machine's metadata server is not checked)${staticTokenNote(env)}`);
        return failure('invalid', `${from}: ${missing ? `the file ${(0,errors/* clipLine */.DX)(path, 200)} does not exist` : `${(0,errors/* clipLine */.DX)(path, 200)} is not a JSON credentials file`}`);
    }
    const type = credentials_text(file.type);
    const source = `${from} (${type || 'no type'})`;
    const project = { project_id: file.project_id, quota_project_id: file.quota_project_id };
    const minted = await mintFor(file, type, source, deps);
    if ('failed' in minted)
        return {
            failed: { ...minted.failed, message: `${minted.failed.message} (credentials from ${source})` }
        };
    return { ...minted, source, file: project };
}
/** Claude Code reads neither of gcloud's and Terraform's token variables: said when one is set, as the likely intent. */
function staticTokenNote(env) {
    const set = ['GOOGLE_OAUTH_ACCESS_TOKEN', 'CLOUDSDK_AUTH_ACCESS_TOKEN'].filter(name => env[name]);
    return set.length
        ? `; ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set, but Claude Code does not read ${set.length > 1 ? 'them' : 'it'}`
        : '';
}
async function mintFor(file, type, source, deps) {
    switch (type) {
        case 'external_account':
            return mintExternalAccount(file, deps);
        case 'service_account':
            return mintServiceAccount(file, deps);
        case 'authorized_user':
            return mintAuthorizedUser(file, deps);
        default:
            return failure('unverifiable', `${source}: this kind of credentials file is not checked`);
    }
}
const unwrap = (result) => ('failed' in result ? result : result.data);
async function mintExternalAccount(file, deps) {
    const origin = (file.credential_source ?? {});
    const field = origin.format?.type === 'json' ? credentials_text(origin.format.subject_token_field_name) : undefined;
    let subjectToken;
    let renewal;
    if (credentials_text(origin.url)) {
        const headers = Object.fromEntries(Object.entries((origin.headers ?? {})).map(([k, v]) => [
            k,
            credentials_text(v)
        ]));
        const fetched = unwrap(await fetchSubjectToken({ url: credentials_text(origin.url), headers, ...(field && { field }) }, deps));
        if (typeof fetched !== 'string')
            return fetched;
        subjectToken = fetched;
        renewal =
            'google-auth-library mints a new token from credential_source.url (the job’s OIDC endpoint) whenever one ends, for as long as the job runs';
    }
    else if (credentials_text(origin.file)) {
        try {
            const raw = (await (0,promises_.readFile)(credentials_text(origin.file), 'utf8')).trim();
            subjectToken = field ? credentials_text(JSON.parse(raw)[field]) : raw;
        }
        catch {
            return failure('invalid', `credential_source.file ${(0,errors/* clipLine */.DX)(credentials_text(origin.file), 200)} could not be read`);
        }
        if (subjectToken)
            deps.mask(subjectToken);
    }
    else {
        return failure('unverifiable', 'an external_account whose credential_source is neither a url nor a file (an executable, AWS) is not checked');
    }
    const federated = unwrap(await exchangeToken(credentials_text(file.token_url), {
        audience: credentials_text(file.audience),
        subjectTokenType: credentials_text(file.subject_token_type),
        subjectToken
    }, deps));
    if ('failed' in federated)
        return federated;
    const impersonationUrl = credentials_text(file.service_account_impersonation_url);
    const token = impersonationUrl
        ? unwrap(await impersonate(impersonationUrl, federated.token, deps))
        : federated;
    if ('failed' in token)
        return token;
    // A token from a file nobody rewrites is re-minted only while the subject token in it lives.
    const subjectEnd = renewal ? undefined : (0,jwt/* jwtExpiry */.l)(subjectToken);
    return {
        ...token,
        ...(subjectEnd &&
            (!token.expiresAt || subjectEnd < token.expiresAt) && { expiresAt: subjectEnd }),
        identity: impersonatedAccount(impersonationUrl) ??
            'a workload identity pool principal (no service account impersonated)',
        ...(renewal && { renewal })
    };
}
/**
 * The service account an impersonation URL names, on one line: the file is not the action's own, so an escape that
 * does not decode is shown as it is written.
 */
function impersonatedAccount(url) {
    const escaped = /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1];
    if (!escaped)
        return undefined;
    try {
        return (0,errors/* clipLine */.DX)(decodeURIComponent(escaped), 200);
    }
    catch {
        return (0,errors/* clipLine */.DX)(escaped, 200);
    }
}
async function mintServiceAccount(file, deps) {
    const email = credentials_text(file.client_email);
    const key = credentials_text(file.private_key);
    if (key)
        deps.mask(key);
    if (!email || !key)
        return failure('invalid', 'the service account key has no client_email or private_key');
    const tokenUri = credentials_text(file.token_uri) || GOOGLE_TOKEN_URI;
    const now = Math.floor(Date.now() / 1000);
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', ...(credentials_text(file.private_key_id) && { kid: credentials_text(file.private_key_id) }) })}.${encode({ iss: email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUri, iat: now, exp: now + 3600 })}`;
    let assertion;
    try {
        assertion = `${unsigned}.${(0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(key, 'base64url')}`;
    }
    catch {
        return failure('invalid', `the private_key of service account ${email} is not a usable RSA key`);
    }
    deps.mask(assertion);
    const token = unwrap(await oauthToken('OAuth token endpoint (token_uri)', tokenUri, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }, [assertion], deps));
    if ('failed' in token)
        return token;
    return {
        ...token,
        identity: email,
        renewal: 'google-auth-library signs a new token request with the key whenever a token ends, as long as the key is not deleted'
    };
}
async function mintAuthorizedUser(file, deps) {
    const refreshToken = credentials_text(file.refresh_token);
    const clientSecret = credentials_text(file.client_secret);
    for (const secret of [refreshToken, clientSecret])
        if (secret)
            deps.mask(secret);
    if (!refreshToken)
        return failure('invalid', 'the user credentials have no refresh_token');
    const token = unwrap(await oauthToken('OAuth token endpoint (token_uri)', credentials_text(file.token_uri) || GOOGLE_TOKEN_URI, {
        grant_type: 'refresh_token',
        client_id: credentials_text(file.client_id),
        client_secret: clientSecret,
        refresh_token: refreshToken
    }, [refreshToken, clientSecret].filter(Boolean), deps));
    if ('failed' in token)
        return token;
    return {
        ...token,
        identity: 'a gcloud user login',
        renewal: 'google-auth-library refreshes it with the login’s refresh token whenever it ends, until the login is revoked or needs reauthentication'
    };
}

;// CONCATENATED MODULE: ./lib/cloud/google/check.js
// Proving the Google credentials of Claude on Vertex AI without spending tokens: an access token minted from the
// Application Default Credentials as Claude Code's google-auth-library mints it (or, with CLAUDE_CODE_SKIP_VERTEX_AUTH,
// the bearer token Claude Code sends instead), then count-tokens of Anthropic's models in Claude Code's project and
// region. Counting is free and needs aiplatform.endpoints.predict, the permission inference needs
// (https://code.claude.com/docs/en/google-vertex-ai: roles/aiplatform.user).





const GOOGLE_TOKENINFO_URL = 'https://oauth2.googleapis.com/tokeninfo';
const withProof = (reading, proves) => {
    const { googleCode: _code, ...rest } = reading;
    return { ...rest, proves };
};
const NO_PROJECT = 'no Google Cloud project for Vertex AI: set ANTHROPIC_VERTEX_PROJECT_ID to the project with the Claude models (Claude Code takes it, else the credentials file’s project_id or quota_project_id; GCLOUD_PROJECT and GOOGLE_CLOUD_PROJECT do not reach its Vertex client)';
/**
 * Proves the Google credentials the Claude step would use for Vertex AI, as Claude Code finds them in `env`. Every
 * secret read, and every token minted, is masked at once.
 */
async function checkVertexCredentials(env, options, deps) {
    const target = vertexTarget(env);
    if ((0,common_env/* truthy */.v)(env.CLAUDE_CODE_SKIP_VERTEX_AUTH))
        return checkBearerToken(env, target, options, deps);
    const minted = await mintAdcToken(env, env.HOME || (0,external_node_os_.homedir)(), deps);
    if ('failed' in minted)
        return withProof(minted.failed, 'nothing: no Google access token could be had');
    const project = vertexProject(env, minted.file);
    const life = minted.renewal
        ? { renewal: minted.renewal }
        : minted.expiresAt
            ? { expiresAt: minted.expiresAt, expirySource: `the token minted from ${minted.source}` }
            : {};
    const who = { identity: minted.identity, ...life };
    if (!project)
        return {
            status: 'invalid',
            misconfigured: true,
            message: NO_PROJECT,
            ...who,
            proves: 'nothing about Vertex AI'
        };
    const minting = `Google issued an access token for ${minted.identity} from ${minted.source}`;
    return countVerdict(target, project, minted.token, minting, who, deps);
}
/** CLAUDE_CODE_SKIP_VERTEX_AUTH: Claude Code sends ANTHROPIC_AUTH_TOKEN as the bearer token (seen, 2.1.328). */
async function checkBearerToken(env, target, options, deps) {
    const token = env.ANTHROPIC_AUTH_TOKEN?.trim() ?? '';
    if (!token)
        return {
            status: 'unverifiable',
            message: 'CLAUDE_CODE_SKIP_VERTEX_AUTH is set and ANTHROPIC_AUTH_TOKEN is not: Claude Code sends no Google credential of its own (a gateway’s, in ANTHROPIC_CUSTOM_HEADERS, is not checked)',
            proves: 'nothing'
        };
    deps.mask(token);
    const project = vertexProject(env);
    const info = await tokenInfo(options.tokenInfoUrl ?? GOOGLE_TOKENINFO_URL, token, deps);
    if ('failed' in info && info.failed.status !== 'unverifiable')
        return withProof({ ...info.failed, message: `${info.failed.message} (ANTHROPIC_AUTH_TOKEN)` }, 'nothing: Google does not know the token');
    const known = 'data' in info
        ? {
            expiresAt: info.data.expiresAt,
            expirySource: 'Google tokeninfo: a bare access token is never renewed',
            ...(info.data.email && { identity: info.data.email })
        }
        : {};
    if (!project)
        return {
            status: 'invalid',
            misconfigured: true,
            message: NO_PROJECT,
            ...known,
            proves: 'nothing about Vertex AI'
        };
    const said = 'data' in info
        ? 'Google tokeninfo knows the access token in ANTHROPIC_AUTH_TOKEN'
        : `the access token in ANTHROPIC_AUTH_TOKEN (${info.failed.message})`;
    return countVerdict(target, project, token, said, known, deps);
}
/** The check's outcome from count-tokens, after `before` (what was proven already). */
async function countVerdict(target, project, token, before, rest, deps) {
    const where = `project ${project.project} (${project.from}), region ${target.region} (${target.regionFrom})`;
    const counted = await countTokens(countTokensUrl(target, project.project), token, target.model, deps);
    if ('failed' in counted) {
        const proves = counted.failed.status === 'forbidden'
            ? `the credentials are live, but may not call Anthropic's models on Vertex AI in ${where}`
            : 'nothing about Vertex AI: its answer was not a yes';
        return withProof({ ...rest, ...counted.failed, message: `${before}; ${counted.failed.message} (${where})` }, proves);
    }
    return {
        ...rest,
        status: 'valid',
        message: `${before}; Vertex AI counted tokens for ${target.model} in ${where}`,
        httpStatus: counted.httpStatus,
        proves: `the credentials may call Anthropic's models on Vertex AI in ${where}: count-tokens needs aiplatform.endpoints.predict, the permission inference needs`
    };
}


/***/ })

};

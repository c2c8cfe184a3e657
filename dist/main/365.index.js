export const id = 365;
export const ids = [365];
export const modules = {

/***/ 2365:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFoundryCredentials: () => (/* binding */ checkFoundryCredentials)
});

// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __webpack_require__(7183);
// EXTERNAL MODULE: ./lib/providers/anthropic-api.js
var anthropic_api = __webpack_require__(2352);
// EXTERNAL MODULE: ./lib/cloud/call.js
var call = __webpack_require__(3192);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __webpack_require__(8999);
;// CONCATENATED MODULE: ./lib/cloud/foundry/answers.js
// How Foundry words an answer, and what it says about a credential. Azure's gateway refuses a credential in its own
// format, `{"error":{"code","message"}}` (https://learn.microsoft.com/azure/ai-services/authentication; 401 "Access
// denied due to invalid subscription key or wrong API endpoint" for a key, "Access token is missing, invalid, audience
// is incorrect (https://cognitiveservices.azure.com), or have expired" for a token, 403 `PermissionDenied` "The
// principal … lacks the required data action" for a role missing:
// https://learn.microsoft.com/azure/ai-foundry/concepts/rbac-azure-ai-foundry); past it, the Anthropic service answers
// in the Messages API's format, `{"type":"error","error":{"type","message"}}` (https://docs.anthropic.com/en/api/errors).
// A 401 or 403 in neither format is a proxy's, and says nothing about the credential.



const objectOf = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)
    ? value
    : undefined;
/** The error an answer carries in Azure's or the Anthropic API's format; undefined for any other body. */
function foundryError(answer) {
    const body = objectOf(answer.data);
    const error = objectOf(body?.error);
    if (!error || typeof error.message !== 'string')
        return undefined;
    const code = body?.type === 'error' && typeof error.type === 'string'
        ? error.type
        : typeof error.code === 'string' || typeof error.code === 'number'
            ? String(error.code)
            : undefined;
    if (code === undefined || !/^[\w.-]{1,100}$/.test(code))
        return undefined;
    return { code, message: (0,errors/* clipLine */.DX)(error.message) };
}
/** Azure's request id (`apim-request-id`, `x-ms-request-id`) or the Anthropic API's (`request-id`). */
function requestIdOf(answer) {
    const id = answer.headers['apim-request-id'] ??
        answer.headers['x-ms-request-id'] ??
        answer.headers['request-id'];
    return id ? (0,errors/* clipLine */.DX)(id, 80) : undefined;
}
/** Azure's words for a token past its `exp`; "… or have expired" alone also covers a wrong audience, so it is not one. */
const EXPIRED = /ExpiredAuthenticationToken|token is expired|token has expired|expiry .* is earlier than/i;
/**
 * A refusal that comes after authentication and so proves the credential, in the line that says so: a deployment the
 * resource lacks (`DeploymentNotFound`, 404) or a request the API judged (400, 413); undefined for any other answer.
 */
function judgedAfterAuthentication(answer, where, model) {
    const { status } = answer;
    const error = (0,client/* isHtmlPage */.r4)(answer) ? undefined : foundryError(answer);
    if (!error)
        return undefined;
    const line = `${where}: HTTP ${status} ${error.code}: ${error.message}`;
    if (status === 404 && error.code === 'DeploymentNotFound')
        return `${line} (the credential was accepted; the resource has no deployment named ${model}: name your deployments in ANTHROPIC_DEFAULT_SONNET_MODEL, ANTHROPIC_DEFAULT_HAIKU_MODEL and ANTHROPIC_DEFAULT_OPUS_MODEL)`;
    if (status === 400 || status === 413)
        return `${line} (judged after authentication)`;
    return undefined;
}
/**
 * What a count_tokens answer that is not a success, nor judged after authentication, says of the credential: expired,
 * invalid or forbidden only in Azure's or the API's own words on a 401 or 403; a throttle or a 5xx is worth another
 * try; anything else is `unverifiable`.
 */
function readRefusal(answer, where) {
    const { status } = answer;
    const reading = (0,call/* readingsOf */.R)(answer, where, requestIdOf(answer));
    const error = (0,client/* isHtmlPage */.r4)(answer) ? undefined : foundryError(answer);
    const said = error ? `${error.code}: ${error.message}` : '';
    const other = (0,client/* transientOrRedirect */.m)(answer, said || `(${(0,client/* bodyDescription */.VQ)(answer)})`, message => reading('unverifiable', message));
    if (other)
        return other;
    const line = `HTTP ${status} ${said}`;
    if (!error)
        return {
            done: true,
            value: reading('unverifiable', `HTTP ${status}, not Foundry's answer (${(0,client/* bodyDescription */.VQ)(answer)})${status === 401 || status === 403 ? ': a proxy in between refused the request, which says nothing about the credential' : ''}`)
        };
    if (status === 401)
        return { done: true, value: reading(EXPIRED.test(said) ? 'expired' : 'invalid', line) };
    if (status === 403)
        return { done: true, value: reading('forbidden', line) };
    return {
        done: true,
        value: reading('unverifiable', `${line}: check ANTHROPIC_FOUNDRY_RESOURCE / ANTHROPIC_FOUNDRY_BASE_URL (the base URL ends in /anthropic)`)
    };
}

;// CONCATENATED MODULE: ./lib/cloud/foundry/calls.js



/** Counts the tokens of one word for `model` at `baseUrl`: whether Foundry accepted the credential. */
function countTokens(baseUrl, model, auth, deps) {
    const secret = 'apiKey' in auth ? auth.apiKey : auth.bearer;
    const request = {
        method: 'POST',
        url: `${baseUrl}/v1/messages/count_tokens`,
        headers: {
            'anthropic-version': anthropic_api/* ANTHROPIC_VERSION */.y,
            'content-type': 'application/json',
            'user-agent': 'claude-preflight',
            ...('apiKey' in auth ? { 'x-api-key': secret } : { authorization: `Bearer ${secret}` })
        },
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }] })
    };
    return (0,call/* cloudCall */.Q)(request, {
        where: 'Foundry count_tokens',
        service: 'Foundry',
        secrets: [secret],
        read: answer => {
            const count = answer.data?.input_tokens;
            return typeof count === 'number' ? { inputTokens: count } : undefined;
        },
        judged: (answer, where) => {
            const line = judgedAfterAuthentication(answer, where, model);
            return line === undefined ? undefined : { judged: line };
        },
        refusal: readRefusal,
        requestIdOf: requestIdOf
    }, deps);
}

// EXTERNAL MODULE: ./lib/cloud/foundry/settings.js
var foundry_settings = __webpack_require__(8923);
;// CONCATENATED MODULE: ./lib/cloud/foundry/check.js



/**
 * Proves the Foundry credential Claude Code would use with `env`. `invalid`: Claude Code would not start (its URL
 * settings), no credential was found, or Azure refused it; `expired`: a token past its `exp`, or Entra refusing an
 * assertion past its life; `forbidden`: the identity lacks a role on the resource; `unverifiable`: no answer, 5xx or
 * 429 after retries, a proxy's page, or `CLAUDE_CODE_SKIP_FOUNDRY_AUTH` (a gateway signs the requests).
 */
async function checkFoundryCredentials(env, deps) {
    const settings = (0,foundry_settings/* readFoundrySettings */.f)(env);
    if ('problem' in settings)
        return {
            status: 'invalid',
            misconfigured: true,
            message: settings.problem,
            proves: 'nothing: Claude Code would not start'
        };
    const host = new URL(settings.baseUrl).host;
    const sending = await credentialToSend(settings, env, deps);
    if ('failed' in sending)
        return {
            ...sending.failed,
            identity: host,
            proves: 'nothing: no Foundry credential could be had'
        };
    const { auth, what, lasts } = sending;
    // Renewed: Claude Code signs in again from the renewer's federated token file, so the first token's end is not the run's.
    const renewal = settings.credential.kind === 'azure' ? deps.renewedBy : undefined;
    const expiry = renewal ? { renewal } : sending.expiry;
    const identity = `${what} for ${host}`;
    const counted = await countTokens(settings.baseUrl, settings.model, auth, deps);
    if ('failed' in counted) {
        const { failed } = counted;
        return {
            ...failed,
            message: `${failed.message} (${what})`,
            ...expiry,
            identity,
            proves: failed.status === 'forbidden'
                ? `the credential authenticates at ${host}, but its identity may not call the Anthropic API there`
                : 'nothing: Foundry did not accept the credential'
        };
    }
    return {
        status: 'valid',
        message: 'judged' in counted.data
            ? counted.data.judged
            : `Foundry accepted ${what} at ${settings.baseUrl} (count_tokens, free)${renewal ? '' : `; ${lasts}`}`,
        httpStatus: counted.httpStatus,
        ...(counted.requestId && { requestId: counted.requestId }),
        ...expiry,
        identity,
        proves: provesAt(settings)
    };
}
const provesAt = (settings) => `the credential authenticates at ${settings.baseUrl} and may call its Anthropic API (POST /v1/messages/count_tokens, the route family Claude Code uses); not that every deployment Claude Code asks for exists`;
async function credentialToSend(settings, env, deps) {
    const { credential } = settings;
    switch (credential.kind) {
        case 'api-key':
            deps.mask(credential.key);
            return {
                auth: { apiKey: credential.key },
                what: 'ANTHROPIC_FOUNDRY_API_KEY',
                expiry: {},
                lasts: 'a Foundry key does not expire'
            };
        case 'auth-token':
            return fixedToken(credential.token, deps);
        case 'skipped':
            return {
                failed: {
                    status: 'unverifiable',
                    message: 'CLAUDE_CODE_SKIP_FOUNDRY_AUTH is set: Claude Code sends no credential of its own (a gateway in between signs its requests), so there is none to check'
                }
            };
        case 'azure': {
            const { entraToken } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9396));
            const got = await entraToken(env, deps);
            if ('failed' in got)
                return got;
            const what = `an Entra token from ${got.source.label}`;
            return {
                auth: { bearer: got.token },
                what,
                expiry: got.source.final
                    ? {
                        expiresAt: got.expiresAt,
                        expirySource: `the Entra token from ${got.source.label}, final: ${got.source.why ?? ''}`
                    }
                    : {},
                lasts: got.source.final
                    ? `it expires at ${got.expiresAt.toISOString()} and ${got.source.why ?? ''}`
                    : 'DefaultAzureCredential gets Claude Code a new one before it expires'
            };
        }
    }
}
/** `ANTHROPIC_FOUNDRY_AUTH_TOKEN`: Claude Code sends it as it is for the whole run, so its `exp` is its end. */
function fixedToken(token, deps) {
    deps.mask(token);
    const exp = (0,jwt/* jwtExpiry */.l)(token);
    const expiry = exp
        ? { expiresAt: exp, expirySource: 'the exp claim of ANTHROPIC_FOUNDRY_AUTH_TOKEN' }
        : {};
    if (exp && exp.getTime() <= (deps.now?.() ?? Date.now()))
        return {
            failed: {
                status: 'expired',
                message: `ANTHROPIC_FOUNDRY_AUTH_TOKEN expired at ${exp.toISOString()} (its exp claim)`,
                ...expiry
            }
        };
    return {
        auth: { bearer: token },
        what: 'ANTHROPIC_FOUNDRY_AUTH_TOKEN',
        expiry,
        lasts: exp
            ? `Claude Code sends this same token all run and cannot renew it: it ends at ${exp.toISOString()}`
            : 'it is not a JWT, so its expiry is unknown'
    };
}


/***/ })

};

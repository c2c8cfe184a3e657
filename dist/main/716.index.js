export const id = 716;
export const ids = [716];
export const modules = {

/***/ 8716:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFederation: () => (/* binding */ checkFederation)
});

// UNUSED EXPORTS: FEDERATION_PROVES

// EXTERNAL MODULE: ./lib/lifetime/duration.js
var duration = __webpack_require__(2996);
// EXTERNAL MODULE: ./lib/probe/probe.js
var probe = __webpack_require__(2083);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
// EXTERNAL MODULE: ./lib/http/retry.js
var retry = __webpack_require__(3947);
// EXTERNAL MODULE: ./lib/http/url.js
var http_url = __webpack_require__(9468);
// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __webpack_require__(7183);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __webpack_require__(8999);
// EXTERNAL MODULE: ./lib/github/oidc.js
var github_oidc = __webpack_require__(3061);
// EXTERNAL MODULE: ./lib/providers/anthropic-api.js
var anthropic_api = __webpack_require__(2352);
;// CONCATENATED MODULE: ./lib/cloud/federation/exchange.js
// The token exchange of Anthropic workload identity federation (https://platform.claude.com/docs/en/manage-claude/wif-reference),
// as the SDK inside @anthropic-ai/claude-code 2.1.328 sends it: `POST {base}/v1/oauth/token` with a JSON body
// `{grant_type: urn:ietf:params:oauth:grant-type:jwt-bearer, assertion, federation_rule_id, organization_id,
// service_account_id?, workspace_id?}` and `anthropic-beta: oauth-2025-04-20,oidc-federation-2026-04-01`; it answers
// `{access_token: "sk-ant-oat01-…", expires_in, token_type}` with a `request-id` header. Every denial is one opaque 401
// ("Authentication failed"); the reason (issuer, subject, audience, a reused `jti`, …) shows only in the Claude
// Console's authentication history. Errors come as OAuth's `{error, error_description}` (the SDK reads no other field).







const FEDERATION_TOKEN_PATH = '/v1/oauth/token';
const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The beta Claude Code's SDK adds to the OAuth one on the exchange. */
const FEDERATION_BETA = 'oidc-federation-2026-04-01';
/**
 * A federated access token for `settings`, minted from an OIDC token of the preflight's own (never the Claude step's:
 * each can be exchanged once), masked at once; or why none. A transient answer (no answer, 5xx, 429) is tried again
 * with a fresh OIDC token, since the failed try may have used the first one up and a second exchange of it is refused
 * like any mismatch. `deps.timeoutMs` bounds it all, minting included.
 */
async function exchangeFederationToken(settings, env, deps) {
    const url = `${settings.baseUrl}${FEDERATION_TOKEN_PATH}`;
    const unsafe = (0,http_url/* unsafeTransport */.s)(url);
    if (unsafe)
        return { problem: 'unverifiable', message: `ANTHROPIC_BASE_URL ${unsafe}` };
    const deadline = Date.now() + deps.timeoutMs;
    const left = () => Math.max(1, deadline - Date.now());
    const { value, attempts } = await (0,retry/* retry */.L5)(async () => {
        const oidc = await (0,github_oidc/* mintOidcToken */.P)(env, settings.audience, { ...deps, timeoutMs: left() });
        if (!('token' in oidc)) {
            const problem = oidc.problem === 'no-permission' ? 'no-oidc' : 'unverifiable';
            return {
                done: true,
                value: { problem, message: `GitHub OIDC token: ${oidc.message}` }
            };
        }
        // One exchange per OIDC token: the outcome of that one try, transient or not, decides.
        let outcome;
        await (0,retry/* sendWithRetries */.HI)(exchangeRequest(url, settings, oidc.token), response => (outcome = readExchange((0,client/* answerWithout */.LP)([oidc.token], response), oidc.token, deps.mask)), message => (outcome = { done: false, value: { problem: 'unverifiable', message } }).value, { ...deps, timeoutMs: left(), attempts: 1 });
        return outcome;
    }, { attempts: deps.attempts ?? 4, baseDelayMs: deps.baseDelayMs ?? 400, deadline });
    if ('token' in value || value.problem !== 'unverifiable')
        return value;
    return { ...value, message: `${value.message}${(0,retry/* attemptsNote */.pr)(attempts)}` };
}
function exchangeRequest(url, settings, assertion) {
    return {
        method: 'POST',
        url,
        headers: {
            'content-type': 'application/json',
            'anthropic-beta': `${anthropic_api/* OAUTH_BETA */.B1},${FEDERATION_BETA}`,
            'user-agent': 'claude-preflight'
        },
        body: JSON.stringify({
            grant_type: JWT_BEARER_GRANT,
            assertion,
            federation_rule_id: settings.ruleId,
            organization_id: settings.organizationId,
            ...(settings.serviceAccountId && { service_account_id: settings.serviceAccountId }),
            ...(settings.workspaceId && { workspace_id: settings.workspaceId })
        })
    };
}
/**
 * The exchange's error: OAuth's `{error, error_description}`, or the API's envelope `{type: "error", error: {type,
 * message}}`; undefined for any other body.
 */
function exchangeError(answer) {
    const data = answer.data;
    if (typeof data !== 'object' || data === null)
        return undefined;
    if (typeof data.error === 'string' && data.error) {
        const description = typeof data.error_description === 'string' ? data.error_description : '';
        return (0,errors/* clipLine */.DX)(description ? `${data.error}: ${description}` : data.error);
    }
    const envelope = data.error;
    if (data.type === 'error' && typeof envelope?.message === 'string')
        return (0,errors/* clipLine */.DX)(`${String(envelope.type)}: ${envelope.message}`);
    return undefined;
}
/** Anthropic puts a `request-id` header, `req_…`, on every answer; a gateway's own refusal has none. */
const REQUEST_ID = /^req_[A-Za-z0-9]+$/;
function readExchange(answer, oidcToken, mask) {
    const { status } = answer;
    const header = answer.headers['request-id'];
    const requestId = header && REQUEST_ID.test(header) ? header : undefined;
    const outcome = (problem, message) => ({
        problem,
        message,
        httpStatus: status,
        ...(requestId && { requestId })
    });
    const unverifiable = (message) => outcome('unverifiable', message);
    if (status >= 200 && status < 300) {
        const data = answer.data;
        const token = data?.access_token;
        if (typeof token === 'string' && token)
            mask(token);
        const expiresIn = Number(data?.expires_in);
        if (typeof token !== 'string' || !token || !Number.isFinite(expiresIn)) {
            return {
                done: true,
                value: unverifiable(`HTTP ${status} without an access_token and expires_in (${(0,client/* bodyDescription */.VQ)(answer)})`)
            };
        }
        const oidcExpiresAt = (0,jwt/* jwtExpiry */.l)(oidcToken);
        return {
            done: true,
            value: {
                token,
                expiresIn,
                ...(oidcExpiresAt && { oidcExpiresAt }),
                ...(requestId && { requestId })
            }
        };
    }
    const said = exchangeError(answer);
    const other = (0,client/* transientOrRedirect */.m)(answer, said ?? `(${(0,client/* bodyDescription */.VQ)(answer)})`, unverifiable);
    if (other)
        return other;
    // Only the exchange's own word, in its error format and with its request id, refuses the settings.
    if (!said || !requestId || (0,client/* isHtmlPage */.r4)(answer) || ![400, 401, 403].includes(status)) {
        return {
            done: true,
            value: unverifiable(`HTTP ${status} that did not come from Anthropic's token exchange (${said ?? (0,client/* bodyDescription */.VQ)(answer)}${requestId ? '' : ', no request-id'})`)
        };
    }
    return {
        done: true,
        value: outcome(status === 403 ? 'forbidden' : 'denied', `HTTP ${status}: ${said}`)
    };
}

// EXTERNAL MODULE: ./lib/cloud/federation/settings.js
var federation_settings = __webpack_require__(9773);
;// CONCATENATED MODULE: ./lib/cloud/federation/check.js




const FEDERATION_PROVES = "the federation rule accepts this job's GitHub OIDC token and the access token it mints authenticates at the Anthropic API (POST /v1/messages/count_tokens, free): the same exchange Claude Code makes, from an OIDC token of the preflight's own";
/**
 * Proves the federation settings in `env` the way Claude Code will use them, without spending tokens and without
 * touching the Claude step's identity token. `invalid`: the exchange refused them (every mismatch is the same opaque
 * 401), or the API refused the minted token; `forbidden`: the job may not mint an OIDC token (no `id-token: write`),
 * or the API refused the token's permission; `unverifiable`: no answer, 5xx or 429 after retries, a proxy's page, an
 * answer that is not Anthropic's.
 */
async function checkFederation(env, deps) {
    const proves = FEDERATION_PROVES;
    const settings = (0,federation_settings/* readFederationSettings */.vn)(env);
    if ('missing' in settings) {
        return {
            status: 'invalid',
            misconfigured: true,
            message: `${settings.missing.join(' and ')} not set: Claude Code uses workload identity federation only with both ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID`,
            proves
        };
    }
    if (settings.identityToken === 'none' && !deps.tokenWrittenBy && !deps.renewedBy) {
        const words = 'neither ANTHROPIC_IDENTITY_TOKEN_FILE nor ANTHROPIC_IDENTITY_TOKEN is set, and Claude Code then fails every request with "oidc_federation config requires an identity token"';
        return deps.claudeStep
            ? {
                status: 'invalid',
                misconfigured: true,
                message: `${words}: write a GitHub OIDC token to a file and point ANTHROPIC_IDENTITY_TOKEN_FILE at it, or run Claude through claude-code-action, whose federation inputs do it`,
                proves
            }
            : {
                status: 'unverifiable',
                unseen: true,
                message: `no Claude step was found in the job's workflow: claude-code-action writes the identity token file itself, but a bare \`claude -p\` needs ANTHROPIC_IDENTITY_TOKEN_FILE, or ${words}`,
                proves
            };
    }
    const now = deps.now ?? (() => new Date());
    const deadline = Date.now() + deps.timeoutMs;
    const identity = (0,federation_settings/* federationIdentity */.CP)(settings);
    const base = { proves, identity, identityToken: settings.identityToken };
    const exchange = await exchangeFederationToken(settings, env, deps);
    if (!('token' in exchange)) {
        const { problem, ...said } = exchange;
        switch (problem) {
            case 'no-oidc':
                return {
                    ...base,
                    ...said,
                    status: 'forbidden',
                    message: `${said.message}: federation needs the job's OIDC token; add \`permissions: id-token: write\` to the job`
                };
            case 'denied':
                return {
                    ...base,
                    ...said,
                    status: 'invalid',
                    message: `the federation token exchange refused ${settings.ruleId} for an OIDC token with audience ${settings.audience} (${said.message}); the reason is in the Claude Console, Workload identity, authentication events`
                };
            case 'forbidden':
                return { ...base, ...said, status: 'forbidden' };
            case 'unverifiable':
                return { ...base, ...said, status: 'unverifiable' };
        }
    }
    const lifetime = (0,federation_settings/* mintedLifetime */.vE)(exchange.expiresIn, now(), exchange.oidcExpiresAt);
    const probed = await (0,probe/* probe */.d)({ source: 'claude-code-oauth-token', scheme: 'oauth', secret: exchange.token }, {
        baseUrl: settings.baseUrl,
        timeoutMs: Math.max(1, deadline - Date.now()),
        send: deps.send,
        ...(deps.attempts !== undefined && { attempts: deps.attempts }),
        ...(deps.baseDelayMs !== undefined && { baseDelayMs: deps.baseDelayMs })
    });
    const outlivesJob = deps.neededUntil && lifetime.expiresAt >= deps.neededUntil;
    const renewal = deps.renewedBy ??
        (deps.tokenWrittenBy &&
            `minted again by ${deps.tokenWrittenBy}, which rewrites ANTHROPIC_IDENTITY_TOKEN_FILE every 4 minutes so that Claude Code exchanges a fresh OIDC token whenever its federated token ends`);
    const life = {
        ...(renewal && { renewal }),
        expiresAt: lifetime.expiresAt,
        expirySource: `expires_in of the federation token exchange (${lifetime.explanation})`,
        lifetimeSeconds: lifetime.seconds,
        cappedByOidc: lifetime.cappedByOidc,
        ...(outlivesJob !== undefined && { outlivesJob })
    };
    const requestId = probed.requestId ?? exchange.requestId;
    const answer = {
        ...base,
        ...life,
        ...(probed.httpStatus !== undefined && { httpStatus: probed.httpStatus }),
        ...(requestId && { requestId })
    };
    switch (probed.status) {
        case 'valid': {
            const lasts = `the minted token lasts ${(0,duration/* formatDuration */.a)(lifetime.seconds * 1000)} (${lifetime.explanation})`;
            const job = renewal
                ? ''
                : outlivesJob === undefined
                    ? ''
                    : outlivesJob
                        ? ', longer than the job needs'
                        : `, less than the job needs: ${(0,federation_settings/* renewalNote */.f2)(settings.identityToken)}`;
            return { ...answer, status: 'valid', message: `${lasts}${job}` };
        }
        case 'invalid':
        case 'revoked':
            // A token minted a moment ago that the API calls expired: this machine's clock or the exchange's is far off.
            if (/expired/i.test(probed.message))
                return {
                    ...answer,
                    status: 'expired',
                    message: `the API calls the token just minted expired (${probed.message}): check the runner's clock`
                };
            return {
                ...answer,
                status: 'invalid',
                message: `the exchange minted a token the API refused (${probed.message}): check ANTHROPIC_BASE_URL and the rule's workspace`
            };
        case 'forbidden':
        case 'billing':
            return {
                ...answer,
                status: 'forbidden',
                message: `the minted token authenticated, but the API refused it: ${probed.message}`
            };
        case 'unverifiable':
            return {
                ...answer,
                status: 'unverifiable',
                message: `the exchange minted a token, but probing it: ${probed.message}`
            };
    }
}


/***/ })

};

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 4547:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./lib/files/atomic.js
// Writing a file no reader ever sees half of: the renewer's credential files, status and gh's hosts.yml.



/** Writes `text` to `path` as a 0600 file that appears whole: a temporary file beside it, then a rename. */
async function writeAtomically(path, text) {
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,promises_.open)(temporary, 'wx', 0o600);
    try {
        await handle.writeFile(text);
    }
    finally {
        await handle.close();
    }
    try {
        await (0,promises_.rename)(temporary, path);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/http/request.js
/** No HTTP answer: the network, not the credential. */
class NetworkError extends Error {
    failure;
    host;
    constructor(failure, host, detail) {
        super(`${describeFailure(failure)} (${host}${detail ? `: ${detail}` : ''})`);
        this.failure = failure;
        this.host = host;
        this.name = 'NetworkError';
    }
}
function describeFailure(failure) {
    switch (failure) {
        case 'timeout':
            return 'no answer in time';
        case 'dns':
            return 'host name not found';
        case 'refused':
            return 'connection refused';
        case 'reset':
            return 'connection reset';
        case 'tls':
            return 'TLS handshake failed';
        case 'proxy':
            return 'the proxy would not connect';
        case 'other':
            return 'network error';
    }
}
/** An error and its causes, at most five deep. */
function causeChain(error) {
    const chain = [];
    for (let e = error; e && typeof e === 'object' && chain.length < 5; e = e.cause)
        chain.push(e);
    return chain;
}
/**
 * What kind of network failure an error is. Looks down the `cause` chain, where fetch (`TypeError: fetch failed`)
 * keeps the system error, and knows aborts by name, since a DOMException from another realm is not `instanceof Error`.
 */
function classifyNetworkError(error) {
    const chain = causeChain(error);
    const code = chain.map(e => e.code).find((c) => typeof c === 'string') ?? '';
    // undici's refused tunnel: an abort whose message carries the proxy's status (and nothing else).
    const tunnel = chain
        .map(e => /^Proxy response \((\d{3})\) !== 200/.exec(String(e.message ?? ''))?.[1])
        .find(Boolean);
    if (tunnel)
        return ['proxy', `HTTP ${tunnel}`];
    const names = chain.map(e => e.name);
    if (names.includes('AbortError') ||
        names.includes('TimeoutError') ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT')
        return ['timeout', ''];
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return ['dns', code];
    if (code === 'ECONNREFUSED')
        return ['refused', code];
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE')
        return ['reset', code];
    if (code.startsWith('ERR_TLS') || code.includes('CERT'))
        return ['tls', code];
    // Never the message: undici quotes a rejected header value, which may be the credential itself.
    const name = chain
        .map(e => e.name)
        .findLast((n) => typeof n === 'string' && n !== '');
    return ['other', code || (name ?? '')];
}
const proxies = new Map();
/** A module loaded on first use, once: paths with no network start fast, and a request does not ask the loader again. */
function loadedOnce(load) {
    let loaded;
    return () => (loaded ??= load());
}
const loadUndici = loadedOnce(() => __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19)));
const loadHttpClient = loadedOnce(() => Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(942)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4942)));
/**
 * The proxy for a URL by HTTPS_PROXY / HTTP_PROXY / NO_PROXY, with the same rules as the rest of the toolkit, and how
 * to name it: its host alone, never its credentials.
 */
async function proxyFor(url) {
    const proxy = (await loadHttpClient()).getProxyUrl(url);
    if (!proxy)
        return undefined;
    if (!proxies.has(proxy))
        proxies.set(proxy, new (await loadUndici()).ProxyAgent(proxy));
    return { dispatcher: proxies.get(proxy), name: `proxy ${new URL(proxy).host}` };
}
/**
 * Whether an error from fetch means that no answer came: undici wraps every failure to connect or to read an answer
 * in `TypeError: fetch failed` (or `terminated`, mid-body), and the deadline aborts by name. Anything else (a bad
 * argument, a bug of ours) is not the network, and must not pass for it.
 */
function isNetworkFailure(error) {
    const chain = causeChain(error);
    const top = chain[0];
    if (top?.name === 'TypeError' && (top.message === 'fetch failed' || top.message === 'terminated'))
        return true;
    return chain.some(e => e.name === 'AbortError' ||
        e.name === 'TimeoutError' ||
        (typeof e.code === 'string' && /^(E[A-Z]+$|UND_ERR_(?!INVALID_ARG))/.test(e.code)));
}
/**
 * HTTP through undici, honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY as self-hosted runners need.
 * Redirects are not followed unless asked: an API that redirects is misconfigured and is reported as such.
 */
const request_send = async (request) => {
    const undici = await loadUndici();
    const host = new URL(request.url).host;
    let proxy;
    try {
        proxy = await proxyFor(request.url);
    }
    catch (error) {
        throw new NetworkError('proxy', host, `HTTPS_PROXY / HTTP_PROXY unusable: ${errorName(error)}`);
    }
    // Through a proxy, the proxy connects and resolves: a failure is named after it, not blamed on the host.
    const where = proxy ? `${proxy.name}, for ${host}` : host;
    try {
        const response = await undici.fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: request.signal,
            redirect: request.followRedirects ? 'follow' : 'manual',
            ...(proxy && { dispatcher: proxy.dispatcher })
        });
        const headers = Object.fromEntries(response.headers);
        const body = response.text();
        const text = request.statusIsEnough ? await body.catch(() => '') : await body;
        return { status: response.status, headers, text };
    }
    catch (error) {
        if (!isNetworkFailure(error)) {
            // Never the message: undici quotes a rejected header value, which may be the credential itself.
            throw new Error(`a request to ${host} failed inside the action, not on the network (${errorName(error)}): please report it`, { cause: error });
        }
        const [failure, detail] = classifyNetworkError(error);
        throw new NetworkError(failure, where, detail);
    }
};
/** An error's name and code, never its message. */
function errorName(error) {
    const { name, code } = (error ?? {});
    return [name, code].filter(part => typeof part === 'string' && part).join(' ') || 'error';
}

;// CONCATENATED MODULE: ./lib/providers/anthropic-failures.js
const ANTHROPIC_FAILURES = [
    {
        id: 'anthropic-auth-expired',
        credential: 'the Anthropic credential',
        title: 'Anthropic credential expired',
        verb: 'expired',
        since: 'expired since',
        problem: 'expiring',
        expiry: true,
        fix: 'Renew the credential and update the secret: `claude setup-token` for an OAuth token (then set `oauth-token-expires-at` so the preflight fails early next time), a key with a longer expiry for an API key; for login credentials that can refresh, pass `claude-credentials` with `secrets-token`, so the preflight refreshes them and saves the rotated token. Run the preflight before the Claude step so it says which credential it was.'
    },
    {
        id: 'anthropic-auth-invalid',
        credential: 'the Anthropic credential',
        title: 'Anthropic credential invalid',
        verb: 'was refused as invalid',
        since: 'refused since',
        problem: 'invalid',
        fix: 'Check the secret holds the whole credential (no quotes, spaces or newline), that it is passed as the right kind (an `sk-ant-api03-` key as `anthropic-api-key`, an `sk-ant-oat01-` token as `claude-code-oauth-token`), and that it still exists in the Anthropic Console; then store a fresh one.'
    },
    {
        id: 'anthropic-auth-revoked',
        credential: 'the Anthropic credential',
        title: 'Anthropic credential revoked',
        verb: 'was revoked',
        since: 'revoked since',
        problem: 'revoked',
        fix: 'It was revoked (logged out, rotated, or revoked by an admin): create a new one (`claude setup-token`, or a new API key in the Console) and update the secret. If it keeps happening, another job or person is using and rotating the same credential: give this workflow its own.'
    },
    {
        id: 'anthropic-auth-forbidden',
        credential: 'the Anthropic credential',
        title: 'Anthropic credential forbidden',
        verb: 'was refused (not allowed for this use)',
        since: 'refused since',
        problem: 'forbidden',
        fix: 'The organisation does not allow this credential here (Claude subscription access for Claude Code disabled, a missing scope, or a credential only authorised for Claude Code): ask an organisation admin to enable it, or use an API key from an organisation that allows it.'
    },
    {
        id: 'anthropic-billing',
        credential: 'the Anthropic credential',
        title: 'Anthropic billing',
        verb: 'hit a billing limit',
        since: 'out of credit since',
        problem: 'billing',
        fix: 'Add credits or raise the spend limit in the Anthropic Console (Settings → Billing / Limits), or use a key from a funded workspace; re-run once the balance is restored.'
    }
];
const BILLING = /credit balance|billing|spend(?:ing)? limit|specified API usage limits|enforced_spend_limit_reached|purchase credits/i;
const REVOKED = /revoked/i;
const EXPIRED = /expired|time limit|session has expired|login expired|token has expired|no longer valid due to expiry/i;
const FORBIDDEN = /organization has disabled|disabled organization|only authorized for use with Claude Code|not allowed to|does not have access|permission|scope|account (?:is )?on hold|organization access|workspace access|forbidden/i;
const NOT_CREDENTIAL = /overloaded|rate limit|temporarily limiting|usage limit|timed? ?out|prompt is too long|connection|ECONNRESET|ETIMEDOUT|internal server error/i;
/** The kind of an Anthropic API error, or undefined when it is not a credential failure. */
function classifyApiError(signal) {
    const status = signal.status;
    const message = signal.message ?? '';
    const type = signal.type ?? '';
    const category = signal.category ?? '';
    if (type === 'billing_error' || category === 'billing_error' || status === 402) {
        return 'anthropic-billing';
    }
    // Spend caps and an empty credit balance come as 429 / 400 with their own words.
    if ((status === 429 || status === 400 || status === undefined) && BILLING.test(message)) {
        return 'anthropic-billing';
    }
    if (category === 'oauth_org_not_allowed' || category === 'account_on_hold') {
        return 'anthropic-auth-forbidden';
    }
    if (status === 401 || type === 'authentication_error') {
        if (REVOKED.test(message))
            return 'anthropic-auth-revoked';
        if (EXPIRED.test(message))
            return 'anthropic-auth-expired';
        return 'anthropic-auth-invalid';
    }
    if (status === 403 || type === 'permission_error') {
        if (REVOKED.test(message))
            return 'anthropic-auth-revoked';
        if (EXPIRED.test(message))
            return 'anthropic-auth-expired';
        return 'anthropic-auth-forbidden';
    }
    if (status === undefined && category === 'authentication_failed') {
        if (REVOKED.test(message))
            return 'anthropic-auth-revoked';
        if (EXPIRED.test(message))
            return 'anthropic-auth-expired';
        if (FORBIDDEN.test(message))
            return 'anthropic-auth-forbidden';
        if (NOT_CREDENTIAL.test(message))
            return undefined;
        return 'anthropic-auth-invalid';
    }
    return undefined;
}
/** True when a status alone could be a credential failure (used before Claude has said why). */
function isCredentialStatus(status) {
    return status === 401 || status === 403 || status === 402;
}
const BUNDLE = 'claude-code 2.1.328 bundle';
const ERRORS_DOCS = 'https://docs.anthropic.com/en/api/errors';
const verdict = (kind, status) => kind === undefined ? undefined : status === undefined ? { kind } : { kind, status };
const apiVerdict = (signal) => verdict(classifyApiError(signal), signal.status);
const statusOf = (...texts) => {
    const text = texts.find(t => t !== undefined);
    return text === undefined ? undefined : Number(text);
};
/** Claude Code's own words for a refused Anthropic credential, a billing limit, a missing login. */
const ANTHROPIC_PHRASINGS = [
    {
        // "Failed to authenticate: OAuth token revoked. …", "… OAuth session expired and could not be refreshed".
        anchor: 'Failed to authenticate: ',
        pattern: /Failed to authenticate: (.+)$/,
        kind: match => apiVerdict({ category: 'authentication_failed', message: match[1] }),
        source: BUNDLE
    },
    {
        anchor: 'Invalid API key · ',
        pattern: /Invalid API key · /,
        kind: () => ({ kind: 'anthropic-auth-invalid', status: 401 }),
        source: BUNDLE
    },
    {
        anchor: 'Invalid auth token · ',
        pattern: /Invalid auth token · Fix external auth token/,
        kind: () => ({ kind: 'anthropic-auth-invalid', status: 401 }),
        source: BUNDLE
    },
    {
        anchor: 'Not logged in · ',
        pattern: /Not logged in · Please run \/login/,
        kind: 'anthropic-auth-invalid',
        source: BUNDLE
    },
    {
        anchor: 'apiKeyHelper script is failing',
        pattern: /Your apiKeyHelper script is failing/,
        kind: 'anthropic-auth-invalid',
        source: BUNDLE
    },
    {
        anchor: 'ogin expired · ',
        pattern: /(?:Anthropic profile login|Login) expired · /,
        kind: 'anthropic-auth-expired',
        source: BUNDLE
    },
    {
        anchor: 'Please run /login',
        pattern: /(?:Your session has expired|Session expired)\. Please run \/login/,
        kind: 'anthropic-auth-expired',
        source: BUNDLE
    },
    {
        anchor: 'Credit balance',
        pattern: /Credit balance (?:is )?too low\b/,
        kind: 'anthropic-billing',
        source: BUNDLE
    },
    {
        anchor: 'monthly spend limit',
        pattern: /You[’']ve hit your (?:channel's )?monthly spend limit/,
        kind: 'anthropic-billing',
        source: BUNDLE
    },
    {
        anchor: 'organization',
        pattern: /Your organization has disabled (?:API key authentication|Claude subscription access)|Your ANTHROPIC_API_KEY belongs to a disabled organization/,
        kind: () => ({ kind: 'anthropic-auth-forbidden', status: 403 }),
        source: BUNDLE
    }
];
/** The message inside `{"type":"error","error":{"message":"…"}}` when the text starts with it, else the text. */
function envelopeMessage(rest) {
    const text = rest.trim();
    if (text.startsWith('{')) {
        try {
            const body = JSON.parse(text);
            if (typeof body.error?.message === 'string')
                return body.error.message;
        }
        catch {
            // not JSON, or cut by a terminal's wrap: the words are still in the text
        }
    }
    return text;
}
/**
 * The API's error as other layers print it: Claude Code's `API Error: …`, the SDK's `401 {"type":"error",…}`,
 * a gateway's `HTTP 401: authentication_error: …`. Last in the table: any provider's own words come first.
 */
const ANTHROPIC_API_ERROR_PHRASINGS = [
    {
        // "Failed to authenticate. API Error: 401 OAuth token has expired. …", "API Error: 403 {…json…}",
        // "API Error: Request rejected (429) · You have reached your specified API usage limits."
        anchor: 'API Error: ',
        pattern: /API Error: (?:(\d{3})\b|Request rejected \((\d{3})\) · )?(.*)$/,
        kind: match => apiVerdict({
            status: statusOf(match[1], match[2]),
            message: envelopeMessage(match[3] ?? '')
        }),
        source: BUNDLE
    },
    {
        // The interactive UI's retry notice: "API Error (401 OAuth token has expired. …) · Retrying in 1 seconds…".
        anchor: 'API Error (',
        pattern: /API Error \((\d{3}) (.*?)\) · Retrying/,
        kind: match => apiVerdict({ status: statusOf(match[1]), message: match[2] }),
        source: 'https://github.com/anthropics/claude-code/issues/5418'
    },
    {
        anchor: '"type":"error"',
        pattern: /(?:\b(\d{3}) )?\{"type":"error","error":\{"type":"([a-z_]+)"(?:,"message":"((?:[^"\\]|\\.)*))?/,
        kind: match => apiVerdict({ status: statusOf(match[1]), type: match[2], message: match[3] }),
        source: ERRORS_DOCS
    },
    {
        anchor: '_error',
        pattern: /\bHTTP (\d{3}):? ((?:authentication|permission|billing)_error)\b:?\s*(.*)$/,
        kind: match => apiVerdict({ status: statusOf(match[1]), type: match[2], message: match[3] }),
        source: ERRORS_DOCS
    },
    {
        // Without the envelope around it (a wrapper that printed only the message).
        anchor: 'revoked',
        pattern: /OAuth (?:access )?token (?:has been )?revoked\b/,
        kind: 'anthropic-auth-revoked',
        source: BUNDLE
    }
];

;// CONCATENATED MODULE: ./lib/http/retry.js

const defaultSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Runs `attempt` until it is done, the attempts run out or the deadline would pass, waiting a jittered
 * exponential back-off between tries (or the server's retry-after, when it gives one).
 * Returns the last outcome and how many attempts were made.
 */
async function retry(attempt, policy) {
    const now = policy.now ?? Date.now;
    const sleep = policy.sleep ?? defaultSleep;
    const random = policy.random ?? Math.random;
    for (let n = 1;; n++) {
        const outcome = await attempt(n);
        if (outcome.done || n >= policy.attempts)
            return { value: outcome.value, attempts: n };
        const backoff = policy.baseDelayMs * 2 ** (n - 1) * (0.5 + random() / 2);
        const wait = outcome.retryAfterMs ?? backoff;
        if (now() + wait >= policy.deadline)
            return { value: outcome.value, attempts: n };
        await sleep(wait);
    }
}
/** `retry-after` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/**
 * Sends `request` until `read` calls an answer done, the attempts run out or `timeoutMs` would pass; each try gets
 * what is left of the time. No answer (a NetworkError) is read by `noAnswer` and tried again, unless it was the time
 * running out. Anything else thrown is a bug of ours, not the network, and goes up.
 */
async function sendWithRetries(request, read, noAnswer, policy) {
    const deadline = Date.now() + policy.timeoutMs;
    return retry(async () => {
        try {
            const answer = await policy.send({
                ...request,
                signal: AbortSignal.timeout(Math.max(1, deadline - Date.now()))
            });
            return read(answer);
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                throw error;
            const timedOut = error.failure === 'timeout';
            const message = timedOut
                ? `no answer within ${Number((policy.timeoutMs / 1000).toFixed(1))}s (${error.host})`
                : error.message;
            return { done: timedOut, value: noAnswer(message) };
        }
    }, { attempts: policy.attempts ?? 4, baseDelayMs: policy.baseDelayMs ?? 400, deadline });
}
/** ` after 3 attempts`, said of a transient outcome that was tried more than once; else nothing. */
const attemptsNote = (attempts) => attempts > 1 ? ` after ${attempts} attempts` : '';

;// CONCATENATED MODULE: ./lib/providers/anthropic-api.js

const ANTHROPIC_VERSION = '2023-06-01';
/** Claude Code sends exactly this beta with an OAuth access token (the real CLI: __tests__/claude-cli-values.test.ts). */
const OAUTH_BETA = 'oauth-2025-04-20';
const PROBE_MODEL = 'claude-sonnet-4-5';
/** The public name of an Anthropic key or token: `sk-ant-api03`, `sk-ant-oat01`, … */
const anthropicName = (secret) => /^(sk-ant-[a-z]+\d*)-/i.exec(secret)?.[1]?.toLowerCase();
/** A run of text shaped like an Anthropic key or token whose name starts with `kind` (`api`, `oat`, …; any: ``). */
const anthropicRun = (kind) => `sk-ant-${kind}[a-z]*\\d*-[A-Za-z0-9_-]{4,}`;
/**
 * The shape of an Anthropic key or token named `sk-ant-<kind>…-`: random and long, so its plain SHA-256 is safe to
 * show in a fingerprint.
 */
function anthropicShape(kind, what, input) {
    return {
        what,
        begins: new RegExp(`^sk-ant-${kind}`),
        run: anthropicRun(kind),
        publicName: anthropicName,
        random: true,
        ...(input && { input })
    };
}
/** Any Anthropic key or token, also of a kind that has no shape of its own yet. */
const ANY_ANTHROPIC_SHAPE = {
    what: 'an Anthropic key or token',
    run: 'sk-ant-[a-z]+\\d*-[A-Za-z0-9_-]{4,}',
    publicName: anthropicName,
    random: true
};
/**
 * `GET /v1/models` answers a page `{data: [...], has_more, first_id, last_id}` (an OpenAI-style `{object: "list",
 * data}` from a server that asks for no key is not it). `POST /v1/messages/count_tokens` answers `{input_tokens: n}`, and judges
 * the request body (400 invalid_request_error, 413 request_too_large) only once the caller authenticated
 * (https://docs.anthropic.com/en/api/errors).
 */
const ROUTES = {
    models: {
        path: '/v1/models',
        isAnswer: body => Array.isArray(body.data) && typeof body.has_more === 'boolean',
        judgedAfterAuth: []
    },
    countTokens: {
        path: '/v1/messages/count_tokens',
        isAnswer: body => typeof body.input_tokens === 'number',
        judgedAfterAuth: [400, 413]
    }
};
function readBody(text) {
    try {
        const body = JSON.parse(text);
        return typeof body === 'object' && body !== null && !Array.isArray(body)
            ? body
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The API's error envelope, `{"type":"error","error":{"type":…,"message":…}}`, or undefined for any other body. */
function apiError(body) {
    const error = body?.error;
    return body?.type === 'error' &&
        typeof error?.type === 'string' &&
        typeof error.message === 'string'
        ? error
        : undefined;
}
/** The API puts a `request-id` header, `req_…`, on every answer (https://docs.anthropic.com/en/api/errors). */
const API_REQUEST_ID = /^req_[A-Za-z0-9]+$/;
/**
 * What an HTTP answer to a probe on `route` says about the credential (https://docs.anthropic.com/en/api/errors).
 * An answer is the API's only with both of its markers, its error envelope and its `request-id` header: a gateway's
 * or proxy's own 401 says nothing about the credential at the API. And only the route's own answers prove
 * authentication: a 404 comes from routing, which happens before the credential is looked at.
 */
function classifyAnswer(route, response) {
    const answer = readAnswer(route, response);
    const { status } = answer;
    if (status === 429)
        return rateLimited(answer);
    if (status >= 500 || status === 408) {
        const said = answer.apiError ? answer.apiError.message : describeBody(answer);
        return anthropic_api_verdict(answer, 'transient', `HTTP ${status}: ${said}`, retryAfter(answer));
    }
    if (status >= 300 && status < 400) {
        return anthropic_api_verdict(answer, 'unverifiable', `HTTP ${status} redirect to ${answer.headers.location ?? 'elsewhere'}: 'anthropic-base-url' should be the API's own address`);
    }
    if (status === 407) {
        return anthropic_api_verdict(answer, 'unverifiable', 'the HTTP proxy wants credentials (407): check HTTPS_PROXY');
    }
    if (status >= 200 && status < 300) {
        // Only the route's own answer: a captive portal's page, a cut-off body or a gateway's stub proves nothing.
        return answer.body && route.isAnswer(answer.body)
            ? anthropic_api_verdict(answer, 'valid', `HTTP ${status}`)
            : notFromApi(answer, `a proxy or gateway in between answered instead of ${route.path}`);
    }
    if (!answer.apiError) {
        return notFromApi(answer, status === 401 || status === 403
            ? 'the gateway or proxy in between refused the request, which says nothing about the credential at the API'
            : "check 'anthropic-base-url'");
    }
    return judgedByApi(answer, answer.apiError);
}
function readAnswer(route, response) {
    const body = readBody(response.text);
    const error = apiError(body);
    const headerId = response.headers['request-id'];
    const fromApi = error !== undefined && API_REQUEST_ID.test(headerId ?? '');
    const requestId = headerId ?? (typeof body?.request_id === 'string' ? body.request_id : undefined);
    return {
        ...response,
        route,
        body,
        apiError: fromApi ? error : undefined,
        base: { ...(requestId && { requestId }) }
    };
}
function anthropic_api_verdict(answer, status, message, extra = {}) {
    return { status, message, ...answer.base, ...extra };
}
function retryAfter(answer) {
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
    return retryAfterMs === undefined ? {} : { retryAfterMs };
}
/** 429: the organisation's spend limit when the API says so, else a rate limit to wait out. */
function rateLimited(answer) {
    const error = answer.apiError;
    if (error?.details?.error_code === 'enforced_spend_limit_reached') {
        return anthropic_api_verdict(answer, 'billing', error.message);
    }
    return anthropic_api_verdict(answer, 'transient', `rate limited (429): ${error?.message || 'too many requests'}`, retryAfter(answer));
}
function notFromApi(answer, consequence) {
    return anthropic_api_verdict(answer, 'unverifiable', `HTTP ${answer.status} that did not come from the API (${describeBody(answer)}): ${consequence}`);
}
/** A 4xx in the API's own error format: what it says about the credential, or that the route is not the API's. */
function judgedByApi(answer, error) {
    const { status, route } = answer;
    if (error.type === 'billing_error' ||
        status === 402 ||
        /credit balance|billing/i.test(error.message)) {
        return anthropic_api_verdict(answer, 'billing', error.message);
    }
    if (status === 401) {
        return anthropic_api_verdict(answer, /revoked/i.test(error.message) ? 'revoked' : 'invalid', error.message);
    }
    if (status === 403)
        return anthropic_api_verdict(answer, 'forbidden', error.message);
    if (route.judgedAfterAuth.includes(status)) {
        return anthropic_api_verdict(answer, 'valid', `HTTP ${status} after authentication (${error.message})`);
    }
    return anthropic_api_verdict(answer, 'unverifiable', `HTTP ${status} ${error.type} for ${route.path}, which the API answers before it looks at the credential: check 'anthropic-base-url' (it is the address without /v1, such as https://api.anthropic.com)`);
}
function describeBody({ text, headers, body }) {
    const type = headers['content-type']?.split(';')[0] ?? 'no content type';
    if (text.trim() === '')
        return `empty body, ${type}`;
    if (!body)
        return `not JSON: ${type}`;
    return apiError(body)
        ? `${type}, without the API's request-id`
        : `${type}, not the API's error format`;
}
/**
 * The free request that proves a credential: `GET /v1/models` for API keys, `POST /v1/messages/count_tokens`
 * for OAuth and bearer tokens, with the headers Claude Code itself sends; read by classifyAnswer.
 */
function anthropicProbe(credential, { baseUrl }) {
    const base = baseUrl.replace(/\/+$/, '');
    const headers = {
        'anthropic-version': ANTHROPIC_VERSION,
        'user-agent': 'claude-preflight'
    };
    const probeOn = (route, request) => ({
        request,
        classify: answer => classifyAnswer(route, answer)
    });
    if (credential.scheme === 'x-api-key') {
        return probeOn(ROUTES.models, {
            method: 'GET',
            url: `${base}${ROUTES.models.path}?limit=1`,
            headers: { ...headers, 'x-api-key': credential.secret }
        });
    }
    headers.authorization = `Bearer ${credential.secret}`;
    headers['content-type'] = 'application/json';
    if (credential.scheme === 'oauth')
        headers['anthropic-beta'] = OAUTH_BETA;
    return probeOn(ROUTES.countTokens, {
        method: 'POST',
        url: `${base}${ROUTES.countTokens.path}`,
        headers,
        body: JSON.stringify({ model: PROBE_MODEL, messages: [{ role: 'user', content: 'ping' }] })
    });
}

;// CONCATENATED MODULE: ./lib/providers/credential.js
/** A credential of `provider` read from `from`, before any expiry or refresh token is known. */
function newCredential(provider, from, secret) {
    return {
        source: provider.source,
        from,
        scheme: provider.scheme,
        label: provider.label,
        secret,
        notes: []
    };
}
/** `from` as newCredential's callers write it: `input NAME`, `env NAME` or `file PATH`. */
function originOf(from) {
    const [, where = 'input', name = from] = /^(input|env|file) (.+)$/s.exec(from) ?? [];
    return where === 'env' ? { env: name } : where === 'file' ? { file: name } : { input: name };
}
/** Where a fix tells the user to put a new value of a credential read from `from`. */
function homeOf(from) {
    const origin = originOf(from);
    if ('env' in origin)
        return `the environment variable ${origin.env} (in a workflow, the secret its \`env:\` entry reads)`;
    if ('file' in origin)
        return origin.file;
    return `the secret that feeds '${origin.input}' (Settings > Secrets and variables > Actions)`;
}
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

;// CONCATENATED MODULE: ./lib/providers/api-key.js



const CONSOLE = 'https://console.anthropic.com/settings';
const apiKey = {
    source: 'anthropic-api-key',
    secretInputs: [],
    plainInputs: [],
    envVar: 'ANTHROPIC_API_KEY',
    excludes: {
        source: 'anthropic-auth-token',
        warning: "Both an API key and ANTHROPIC_AUTH_TOKEN are set: the API rejects requests that carry both. Remove one of them (keep 'anthropic-auth-token' only for a gateway)."
    },
    label: 'API key',
    scheme: 'x-api-key',
    shapes: [anthropicShape('api', 'an Anthropic API key')],
    read(value, from, context) {
        context.checkPlacement(from, value, ['anthropic-api-key']);
        return newCredential(this, from, value);
    },
    probe: anthropicProbe,
    failures: ANTHROPIC_FAILURES,
    fix(problem, from) {
        const home = homeOf(from);
        return {
            invalid: `Create a new API key at ${CONSOLE}/keys and store it in ${home}.`,
            revoked: `The key was disabled or deleted: create a new one at ${CONSOLE}/keys and store it in ${home}.`,
            expiring: `Create a key whose expiry is longer than your jobs at ${CONSOLE}/keys and store it in ${home} (or lower 'min-remaining').`,
            forbidden: `The key's organisation or workspace may not use this API: check the key's workspace and permissions at ${CONSOLE}/keys.`,
            billing: `Add credits or raise the spend limit at ${CONSOLE}/billing, then run it again.`
        }[problem];
    }
};

;// CONCATENATED MODULE: ./lib/lifetime/jwt.js
/**
 * The `exp` claim of a JWT (seconds since the epoch, RFC 7519 §4.1.4) as a Date; undefined when the token
 * is not a JWT or carries no numeric `exp`. Never throws: any string is a possible opaque token.
 */
function jwt_jwtExpiry(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[0]?.startsWith('eyJ'))
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
        const exp = payload?.exp;
        if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= 0 || exp > 1e11)
            return undefined;
        return new Date(exp * 1000);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/providers/auth-token.js




/** A gateway's bearer token: any shape (a JWT is read for its expiry), so it declares none of its own. */
const authToken = {
    source: 'anthropic-auth-token',
    secretInputs: [],
    plainInputs: [],
    envVar: 'ANTHROPIC_AUTH_TOKEN',
    label: 'bearer token',
    scheme: 'bearer',
    shapes: [],
    read(value, from, context) {
        context.checkPlacement(from, value, ['anthropic-auth-token', 'anthropic-api-key']);
        const expiresAt = jwt_jwtExpiry(value);
        return {
            ...newCredential(this, from, value),
            ...(expiresAt && { expiresAt, expirySource: "the token's JWT 'exp' claim" })
        };
    },
    probe: anthropicProbe,
    failures: ANTHROPIC_FAILURES,
    fix(problem, from) {
        const renew = `get a new token from your gateway's issuer and store it in ${homeOf(from)}`;
        return {
            invalid: `${capitalise(renew)}.`,
            revoked: `The token was revoked: ${renew}.`,
            expiring: `${capitalise(renew)}, with a lifetime longer than your jobs (or lower 'min-remaining').`,
            forbidden: "The gateway refused the token's permissions: ask the gateway's owner to grant it model access.",
            billing: "The gateway reports a billing or quota problem: ask the gateway's owner to raise the budget."
        }[problem];
    }
};

;// CONCATENATED MODULE: ./lib/common/errors.js
/** Every message this action writes starts with this, so a user can search the log for it. */
const PREFIX = 'claude-preflight';
/**
 * A problem the user can fix (bad input, a dead credential): shown as one line, without a stack.
 * The message says the cause and the fix.
 */
class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
/**
 * `claude-preflight: input 'min-remaining' <problem>. <fix>.`: the problem in lowercase after the input's name,
 * quoted values clipped (`clip`); the fix a sentence, whose final period this adds.
 */
function errors_inputError(input, problem, fix) {
    return new UserError(`${PREFIX}: input '${input}' ${problem}. ${fix.endsWith('.') ? fix : `${fix}.`}`);
}
/** One line for any thrown value: a UserError as it is, anything else with its message only. */
function oneLine(error) {
    const text = error?.message;
    const message = typeof text === 'string' ? text : String(error);
    const line = message.replace(/\s*\n\s*/g, ' ').trim();
    return line.startsWith(PREFIX) ? line : `${PREFIX}: ${line}`;
}
/** An error's message on one line without the prefix, to quote inside another message. */
function reasonOf(error) {
    return oneLine(error).slice(PREFIX.length + 2);
}
/** Quotes at most 40 characters of user input; callers never pass secrets here. */
function clip(value) {
    const flat = value.replace(/[\r\n\t]/g, ' ');
    return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}
/** A server's words on one line, at most `max` characters: enough to quote, never a whole page. */
function errors_clipLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

;// CONCATENATED MODULE: ./lib/lifetime/timestamp.js

/** Epoch values below this are taken as seconds: 1e11 ms is 1973, 1e11 s is the year 5138. */
const SECONDS_LIMIT = 1e11;
/**
 * Reads an instant: epoch milliseconds (a number or digits), epoch seconds (recognised and said so),
 * or an ISO 8601 date-time. Bad input throws an error naming `input`.
 */
function parseTimestamp(input, value) {
    const fix = 'Use epoch milliseconds (as in ~/.claude/.credentials.json) or an ISO 8601 date-time such as 2026-12-31T23:00:00Z';
    if (typeof value === 'number' ||
        (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
        const epoch = Number(value);
        if (!Number.isFinite(epoch) || epoch <= 0)
            throw errors_inputError(input, 'is not a valid timestamp', fix);
        if (epoch < SECONDS_LIMIT) {
            const at = new Date(epoch * 1000);
            return {
                at,
                note: `${input} ${epoch} looks like epoch seconds, not milliseconds; read it as ${at.toISOString()}`
            };
        }
        const at = new Date(epoch);
        if (Number.isNaN(at.getTime()))
            throw errors_inputError(input, 'is out of range', fix);
        return { at };
    }
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '')
            throw errors_inputError(input, 'is empty', fix);
        const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text);
        const at = new Date(text);
        if (!iso || Number.isNaN(at.getTime())) {
            throw errors_inputError(input, `is not a timestamp ('${clip(text)}')`, fix);
        }
        return { at };
    }
    throw errors_inputError(input, `is a ${value === null ? 'null' : typeof value}, not a timestamp`, fix);
}

;// CONCATENATED MODULE: ./lib/providers/clean.js

/**
 * Trims whitespace and newlines around a pasted secret, as Claude Code does itself, and one pair of surrounding
 * quotes, which Claude Code does not (it sends them as part of the credential: seen with the CLI 2.1.328 and 2.1.332),
 * saying so; refuses whitespace inside it. Never puts the value itself in a message.
 */
function cleanSecret(input, raw) {
    const notes = [];
    let value = raw.trim();
    if (value !== raw)
        notes.push(`removed whitespace or a newline around the value of '${input}' (Claude Code ignores it too)`);
    const quoted = /^(["'`])(.*)\1$/s.exec(value);
    if (quoted) {
        value = (quoted[2] ?? '').trim();
        notes.push(`removed the quotes around the value of '${input}'`);
    }
    if (!value.startsWith('{'))
        refuseInnerJunk(input, value);
    return { value, notes, quoted: quoted !== null };
}
/**
 * Refuses a token with whitespace, a control character or a non-ASCII character inside: none can be sent in an
 * HTTP header, and undici's error for it would quote the token.
 */
function refuseInnerJunk(input, token) {
    if (/\s/.test(token)) {
        throw errors_inputError(input, 'has a space or line break inside the value', 'Paste the secret again as a single line, with nothing else in it');
    }
    if (/[^\x21-\x7e]/.test(token)) {
        throw errors_inputError(input, 'has a control or non-ASCII character inside the value', 'Copy the secret again exactly as it was issued; editors and chat apps sometimes replace characters');
    }
}

;// CONCATENATED MODULE: ./lib/providers/claude-credentials.js






const INPUT = 'claude-credentials';
const SHAPE = 'Paste the whole ~/.claude/.credentials.json: {"claudeAiOauth":{"accessToken":"sk-ant-oat01-…","refreshToken":"sk-ant-ort01-…","expiresAt":<epoch ms>}}';
/** Parses the credentials JSON; errors name the input and never quote it. */
function parseClaudeCredentials(value) {
    let document;
    try {
        document = JSON.parse(value);
    }
    catch {
        throw errors_inputError(INPUT, 'is not valid JSON', SHAPE);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw errors_inputError(INPUT, 'is not a JSON object', SHAPE);
    }
    const oauth = document.claudeAiOauth;
    if (typeof oauth !== 'object' || oauth === null || Array.isArray(oauth)) {
        throw errors_inputError(INPUT, "has no 'claudeAiOauth' object", SHAPE);
    }
    const fields = oauth;
    for (const field of ['accessToken', 'refreshToken']) {
        if (fields[field] !== undefined && typeof fields[field] !== 'string') {
            throw errors_inputError(INPUT, `has a '${field}' that is not a string`, SHAPE);
        }
    }
    if (!fields.accessToken && !fields.refreshToken) {
        throw errors_inputError(INPUT, "has neither 'accessToken' nor 'refreshToken'", SHAPE);
    }
    return { oauth: fields, document: document };
}
const claudeCredentials = {
    source: INPUT,
    secretInputs: [],
    loginFile: true,
    refreshable: true,
    plainInputs: [],
    label: 'subscription access token',
    scheme: 'oauth',
    // Its tokens have the OAuth token's shapes.
    shapes: [{ what: 'JSON', begins: /^\{/ }],
    read(value, from, context) {
        if (!value.startsWith('{'))
            context.checkPlacement(from, value, [INPUT]);
        const { oauth } = parseClaudeCredentials(value);
        const credential = newCredential(this, from, (oauth.accessToken ?? '').trim());
        credential.document = value;
        for (const field of ['accessToken', 'refreshToken']) {
            const token = oauth[field];
            if (!token)
                continue;
            if (token !== token.trim())
                credential.notes.push(`removed whitespace or a newline around '${field}' in '${INPUT}'`);
            refuseInnerJunk(`${INPUT}.${field}`, token.trim());
        }
        if (credential.secret)
            context.checkPlacement(`${INPUT}.accessToken`, credential.secret, ['claude-code-oauth-token']);
        if (oauth.refreshToken) {
            credential.refreshToken = oauth.refreshToken.trim();
            context.checkPlacement(`${INPUT}.refreshToken`, credential.refreshToken, [
                'oauth-refresh-token'
            ]);
        }
        if (oauth.expiresAt !== undefined && oauth.expiresAt !== null) {
            const { at, note } = parseTimestamp(`${INPUT}.expiresAt`, oauth.expiresAt);
            credential.expiresAt = at;
            credential.expirySource = `'expiresAt' of ${INPUT}`;
            if (note)
                credential.notes.push(note);
        }
        return credential;
    },
    probe: anthropicProbe,
    failures: ANTHROPIC_FAILURES,
    fix(problem, from) {
        const origin = originOf(from);
        const inFile = 'file' in origin;
        const login = inFile
            ? `run 'claude' and '/login': it writes the new login to ${origin.file}`
            : `run 'claude' and '/login' on your machine, then store the new ~/.claude/.credentials.json in ${homeOf(from)}`;
        return {
            invalid: `${capitalise(login)}${inFile ? '' : ", or let the action refresh it: set 'secrets-token' and leave 'on-expiring' at 'auto'"}.`,
            revoked: `The login was revoked (logged out elsewhere, or the refresh chain was broken): ${login}.`,
            // Claude Code renews the login in its own file when it carries a refresh token; a copy, only the action renews.
            expiring: inFile
                ? `Claude Code renews it by itself when the file carries a refreshToken; otherwise ${login}.`
                : `If the credentials carry a refreshToken, let the action refresh them: set 'secrets-token' and leave 'on-expiring' at 'auto'. Otherwise ${login}.`,
            forbidden: "Your organisation disabled Claude subscription access for Claude Code, or the login lacks the 'user:inference' scope: ask an admin, or use an API key in 'anthropic-api-key'.",
            billing: "The subscription has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
        }[problem];
    }
};

;// CONCATENATED MODULE: ./lib/providers/oauth-token.js





const REFRESH_TOKEN_INPUT = 'oauth-refresh-token';
const EXPIRES_AT_INPUT = 'oauth-token-expires-at';
/**
 * The `oauth-refresh-token` input, cleaned and checked like any pasted secret (with the notes of its cleaning), or
 * undefined when it is empty.
 */
function readRefreshTokenInput(context) {
    const raw = context.input(REFRESH_TOKEN_INPUT);
    if (raw.trim() === '')
        return undefined;
    const cleaned = cleanSecret(REFRESH_TOKEN_INPUT, raw);
    context.checkPlacement(REFRESH_TOKEN_INPUT, cleaned.value, [REFRESH_TOKEN_INPUT]);
    return cleaned;
}
const oauthToken = {
    source: 'claude-code-oauth-token',
    secretInputs: [REFRESH_TOKEN_INPUT],
    plainInputs: [EXPIRES_AT_INPUT],
    envVar: 'CLAUDE_CODE_OAUTH_TOKEN',
    refreshable: true,
    label: 'OAuth token',
    scheme: 'oauth',
    shapes: [
        anthropicShape('oat', 'an OAuth access token'),
        {
            ...anthropicShape('ort', 'an OAuth refresh token', REFRESH_TOKEN_INPUT),
            fix: `Move it to input '${REFRESH_TOKEN_INPUT}' (or use 'claude-credentials')`
        }
    ],
    read(value, from, context) {
        if (value)
            context.checkPlacement(from, value, ['claude-code-oauth-token']);
        const credential = newCredential(this, from, value);
        const expires = context.input(EXPIRES_AT_INPUT).trim();
        if (expires) {
            const { at, note } = parseTimestamp(EXPIRES_AT_INPUT, expires);
            credential.expiresAt = at;
            credential.expirySource = EXPIRES_AT_INPUT;
            if (note)
                credential.notes.push(note);
        }
        return credential;
    },
    /**
     * A lone `oauth-refresh-token`: an OAuth credential with no access token yet. Selection asks for it only when there
     * is no OAuth token or credentials JSON to attach the refresh token to.
     */
    readEmpty(context) {
        const refresh = readRefreshTokenInput(context);
        if (!refresh)
            return undefined;
        const credential = this.read('', `input ${REFRESH_TOKEN_INPUT}`, context);
        credential.refreshToken = refresh.value;
        credential.notes.push(...refresh.notes);
        return credential;
    },
    probe: anthropicProbe,
    failures: ANTHROPIC_FAILURES,
    fix(problem, from) {
        const renew = `run 'claude setup-token' on your machine and store the new token in ${homeOf(from)}`;
        return {
            invalid: `${capitalise(renew)}.`,
            revoked: `The token was revoked (logged out, or replaced): ${renew}.`,
            expiring: `${capitalise(renew)}, then update 'oauth-token-expires-at' (setup-tokens last about a year).`,
            forbidden: "Your organisation disabled Claude subscription access for Claude Code, or the token lacks the 'user:inference' scope: ask an admin to allow it, or use an API key in 'anthropic-api-key'.",
            billing: "The subscription behind the token has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
        }[problem];
    }
};

;// CONCATENATED MODULE: ./lib/providers/index.js




/**
 * Every provider, in Claude Code's own precedence, highest first (https://code.claude.com/docs/en/authentication#authentication-precedence): ANTHROPIC_AUTH_TOKEN,
 * ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, then the /login credentials file.
 */
const providers_PROVIDERS = [authToken, apiKey, oauthToken, claudeCredentials];
function providerOf(source) {
    const provider = providers_PROVIDERS.find(p => p.source === source);
    if (!provider)
        throw new Error(`unknown credential source ${source}`);
    return provider;
}

;// CONCATENATED MODULE: ./lib/policy/decide.js

/** Every value of the `status` output. */
const decide_STATUSES = (/* unused pure expression or super */ null && ([
    'valid',
    'invalid',
    'revoked',
    'forbidden',
    'billing',
    'expiring',
    'unverifiable',
    'missing'
]));
const SECRETS_TOKEN_FIX = 'Set \'secrets-token\' (a token with "Secrets: write", see the README) so that the action saves the rotated refresh token';
/**
 * The refresh rule. A refresh uses up the refresh token it sends, so the action refreshes only when the rotated
 * one will be saved (`secrets-token` is set) or when the user asked for it by name (`on-expiring: refresh`, which
 * refreshes anyway and says how to re-seed). `auto` refreshes only with a refresh token and a `secrets-token`,
 * and fails otherwise; `force-refresh` needs a refresh to be allowed. Throws an inputError for a choice that cannot
 * hold.
 */
function resolveRefresh(choice, hasRefreshToken) {
    if (choice.onExpiring === 'refresh' && !hasRefreshToken) {
        throw inputError('on-expiring', "is 'refresh' but no refresh token was given", "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'; or use 'fail' or 'warn'");
    }
    if (choice.forceRefresh && !hasRefreshToken) {
        throw inputError('force-refresh', "is 'true' but no refresh token was given", "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'");
    }
    const refreshHeldBack = choice.onExpiring === 'auto' && hasRefreshToken && !choice.savesRotatedToken;
    const onExpiring = choice.onExpiring === 'auto'
        ? hasRefreshToken && choice.savesRotatedToken
            ? 'refresh'
            : 'fail'
        : choice.onExpiring;
    if (choice.forceRefresh && refreshHeldBack) {
        throw inputError('force-refresh', "is 'true' but 'secrets-token' is not set: the refresh would use up the refresh token in your secret and lose its successor", `${SECRETS_TOKEN_FIX}; or set 'on-expiring: refresh' as well to refresh anyway and re-seed the secret after the run`);
    }
    if (choice.forceRefresh && onExpiring !== 'refresh') {
        throw inputError('force-refresh', `is 'true' but 'on-expiring' is '${onExpiring}', which never refreshes`, "Set 'on-expiring' to 'auto' or 'refresh', or 'force-refresh' to 'false'");
    }
    return { onExpiring, forceRefresh: choice.forceRefresh, refreshHeldBack };
}
/** The fix for a credential that `auto` did not refresh because nothing would save the rotated refresh token. */
const REFRESH_HELD_BACK_FIX = (/* unused pure expression or super */ null && (`${SECRETS_TOKEN_FIX}; 'on-expiring: auto' does not refresh without it, since a refresh uses up the refresh token in your secret and the next run would fail with invalid_grant. To refresh anyway, set 'on-expiring: refresh' and re-seed the secret after each run.`));
/**
 * The status of a credential and what to do about it. Statuses from the API win over the expiry, except that a
 * credential the API could not judge but whose own expiry is too near is `expiring`: that much is certain.
 */
function decide(facts, policy) {
    const remainingMs = facts.expiresAt ? facts.expiresAt.getTime() - facts.now.getTime() : undefined;
    const timing = remainingMs === undefined ? {} : { remainingMs };
    const tooShort = remainingMs !== undefined && remainingMs < facts.minRemainingMs;
    const canRefresh = facts.hasRefreshToken && policy.onExpiring === 'refresh';
    if (facts.probe === undefined && !facts.hasRefreshToken)
        return { status: 'missing', action: 'fail' };
    if (canRefresh && (policy.forceRefresh || !facts.hasAccessToken)) {
        return {
            status: facts.hasAccessToken ? decide_statusOf(facts.probe, tooShort) : 'expiring',
            action: 'refresh',
            ...timing
        };
    }
    const status = decide_statusOf(facts.probe, tooShort);
    switch (status) {
        case 'valid':
            return { status, action: 'pass', ...timing };
        case 'expiring':
            return { status, action: policy.onExpiring, ...timing };
        case 'invalid':
        case 'revoked':
            // A rejected access token with a refresh token behind it is what a refresh is for.
            return { status, action: canRefresh ? 'refresh' : policy.onInvalid, ...timing };
        case 'forbidden':
        case 'billing':
            return { status, action: policy.onInvalid, ...timing };
        case 'missing':
            return { status, action: 'fail' };
        default:
            return { status, action: policy.onUnverifiable, ...timing };
    }
}
function decide_statusOf(probe, tooShort) {
    if (probe === undefined)
        return 'missing';
    if (tooShort && (probe === 'valid' || probe === 'unverifiable'))
        return 'expiring';
    return probe;
}

;// CONCATENATED MODULE: ./lib/providers/aws-failures.js
const AWS_FAILURES = [
    {
        id: 'aws-auth-expired',
        credential: 'the AWS credentials',
        title: 'AWS credentials expired',
        verb: 'expired',
        since: 'expired since',
        fix: "The AWS session expired during the run. A session from aws-actions/configure-aws-credentials lasts `role-duration-seconds` (default 3600; one hour when chaining roles) and cannot be refreshed: raise `role-duration-seconds` (up to the role's maximum session duration) so it outlasts the Claude step, or renew it through Claude Code's `awsAuthRefresh` / `awsCredentialExport` settings. A short-term Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`) lasts at most 12 hours: mint it in the job."
    },
    {
        id: 'aws-auth-invalid',
        credential: 'the AWS credentials',
        title: 'AWS credentials invalid',
        verb: 'were refused as invalid',
        since: 'refused since',
        fix: 'AWS refused the credentials (an invalid security token, a signature that does not match, or none found): check that `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` come from the same session and reach the Claude step, that `AWS_REGION` is set, and that `AWS_BEARER_TOKEN_BEDROCK`, when used, is whole.'
    },
    {
        id: 'aws-auth-forbidden',
        credential: 'the AWS credentials',
        title: 'AWS credentials forbidden',
        verb: 'were refused (not allowed to invoke the model)',
        since: 'refused since',
        fix: 'The AWS identity may not invoke the model: grant its role `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` (and `bedrock:ListInferenceProfiles`) on the model or inference profile, and enable access to the Anthropic models in the Bedrock console for this region.'
    }
];
/** An optional status before AWS's words ("API Error: 403 The security token …"), kept when present. */
const withStatus = (kind) => (match) => match[1] === undefined ? { kind } : { kind, status: Number(match[1]) };
const STS_DOCS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';
const AWS_PHRASINGS = [
    {
        anchor: 'security token included in the request',
        pattern: /(?:\b(\d{3}) )?The security token included in the request\s+is expired/,
        kind: withStatus('aws-auth-expired'),
        source: 'https://github.com/anthropics/claude-code/issues/28032'
    },
    {
        anchor: 'ExpiredToken',
        pattern: /\bExpiredToken(?:Exception)?\b/,
        kind: 'aws-auth-expired',
        source: STS_DOCS
    },
    {
        anchor: 'security token included in the request',
        pattern: /(?:\b(\d{3}) )?The security token included in the request\s+is invalid/,
        kind: withStatus('aws-auth-invalid'),
        source: 'https://github.com/anthropics/claude-code/issues/2260'
    },
    {
        anchor: 'UnrecognizedClientException',
        pattern: /\bUnrecognizedClientException\b/,
        kind: 'aws-auth-invalid',
        source: STS_DOCS
    },
    {
        anchor: 'signature we calculated does not match',
        pattern: /(?:\b(\d{3}) )?The request signature we calculated does not match the signature you provided/,
        kind: withStatus('aws-auth-invalid'),
        source: STS_DOCS
    },
    {
        anchor: 'Could not load credentials from any providers',
        pattern: /Could not load credentials from any providers/,
        kind: 'aws-auth-invalid',
        source: 'claude-code 2.1.328 bundle (AWS SDK credential chain)'
    },
    {
        anchor: 'is not authorized to perform: bedrock:',
        pattern: /is not authorized to perform: bedrock:[A-Za-z]+/,
        kind: 'aws-auth-forbidden',
        source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_troubleshoot.html'
    },
    {
        anchor: 't have access to the model with the specified model ID',
        pattern: /(?:\b(\d{3}) )?You don't have access to the model with the specified model ID/,
        kind: withStatus('aws-auth-forbidden'),
        source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html'
    }
];
const AWS_SESSION = "A session from aws-actions/configure-aws-credentials lasts `role-duration-seconds` (default 3600; one hour when chaining roles) and cannot be refreshed from the job: raise `role-duration-seconds` (up to the role's maximum session duration) so it outlasts the job, run that step right before the preflight, and pass its `aws-expiration` output (with `output-credentials: true`) as this action's `aws-expiration`";
/** The main step's fix for AWS credentials the preflight found wanting, by what is wrong. */
const AWS_PREFLIGHT_FIXES = {
    expiring: `${AWS_SESSION}; or shorten the job.`,
    invalid: `${AWS_FAILURES[1].fix} An expired session: ${AWS_SESSION.charAt(0).toLowerCase()}${AWS_SESSION.slice(1)}.`,
    forbidden: "The AWS identity is live but has no Bedrock policy in this region: attach Claude Code's IAM policy (https://code.claude.com/docs/en/amazon-bedrock: `bedrock:InvokeModel`, `bedrock:InvokeModelWithResponseStream`, `bedrock:ListInferenceProfiles`) to its role, and enable the Anthropic models in the Bedrock console for this region."
};

;// CONCATENATED MODULE: ./lib/providers/federation.js
/** Claude Code uses federation when both are set (trimmed, not empty). */
const FEDERATION_SWITCHES = (/* unused pure expression or super */ null && ([
    'ANTHROPIC_FEDERATION_RULE_ID',
    'ANTHROPIC_ORGANIZATION_ID'
]));
const FEDERATION_PREFLIGHT_FIXES = {
    expiring: "A federated token lives minutes (the rule's lifetime, capped at twice the OIDC token's remaining life), so Claude Code must mint it again during the run: point ANTHROPIC_IDENTITY_TOKEN_FILE at a file that a background loop rewrites with a fresh GitHub OIDC token every few minutes (claude-code-action's federation inputs do this), not ANTHROPIC_IDENTITY_TOKEN, which is one token usable once; or shorten the job.",
    invalid: "Check the federation settings the Claude step gets: ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID as the Claude Console shows them, the rule's issuer https://token.actions.githubusercontent.com, a subject that matches this workflow's OIDC token (repository, ref or environment), the audience the rule expects (claude-code-action's `anthropic_oidc_audience`, default https://api.anthropic.com), and ANTHROPIC_WORKSPACE_ID when the rule is enabled in several workspaces. The Console's authentication events say which check refused.",
    forbidden: "Give the job `permissions: id-token: write` (federation mints its token from the job's OIDC token; a fork's pull request never gets one), and give the rule's service account access to the workspace and models the run uses."
};
/**
 * Claude Code's words when the exchange refuses the identity token it read (`API Error: Token exchange failed with
 * status 401 (request-id …): {"error":"invalid_grant",…}`, seen with @anthropic-ai/claude-code 2.1.328 and 2.1.332):
 * mid-run, after a first exchange went through, the file's OIDC token had expired or was used up.
 */
const FEDERATION_FAILURES = [
    {
        id: 'anthropic-auth-federation',
        credential: 'the federated token',
        title: 'Federated token exchange refused',
        verb: 'could not be minted again: the token exchange refused the identity token',
        since: 'refused since',
        fix: "Claude Code exchanges the OIDC token in ANTHROPIC_IDENTITY_TOKEN_FILE again whenever its federated token ends, and the exchange refuses a GitHub OIDC token that has expired (they live about five minutes) or was exchanged before: keep the file fresh (input `renew: true` of the preflight in a bare `claude` step; claude-code-action's federation inputs do it in its own step). If the first exchange was refused too, check the rule: the Claude Console's authentication events say which check refused."
    }
];
const FEDERATION_PHRASINGS = [
    {
        anchor: 'Token exchange failed',
        pattern: /Token exchange failed with status (\d{3})\b/,
        // A 5xx or 429 is the service, not the identity token.
        kind: match => {
            const status = Number(match[1]);
            return [400, 401, 403].includes(status)
                ? { kind: 'anthropic-auth-federation', status }
                : undefined;
        },
        source: 'claude-code 2.1.328 bundle'
    }
];

;// CONCATENATED MODULE: ./lib/providers/azure-failures.js
const AZURE_FAILURES = [
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
];
const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const AZURE_PHRASINGS = [
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
        source: 'https://learn.microsoft.com/dotnet/api/microsoft.identitymodel.tokens.securitytokenexpiredexception'
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
        source: 'https://learn.microsoft.com/azure/developer/javascript/sdk/authentication/troubleshooting'
    },
    {
        anchor: 'lacks the required data action',
        pattern: /The principal `?[^`\s]+`? lacks the required data action/,
        kind: 'azure-auth-forbidden',
        source: 'https://learn.microsoft.com/azure/ai-foundry/concepts/rbac-azure-ai-foundry'
    }
];
const ENTRA_RENEWS = 'Give Claude Code a credential that renews: `ANTHROPIC_FOUNDRY_API_KEY`, a service principal in `AZURE_CLIENT_ID` / `AZURE_TENANT_ID` / `AZURE_CLIENT_SECRET` (DefaultAzureCredential renews its token), or `AZURE_FEDERATED_TOKEN_FILE` (with `AZURE_CLIENT_ID` and `AZURE_TENANT_ID`) naming a file kept fresh with GitHub OIDC tokens for the audience `api://AzureADTokenExchange`, as the renewer of this action does with `renew: true`';
/** The main step's fix for Azure credentials the preflight found wanting, by what is wrong. */
const AZURE_PREFLIGHT_FIXES = {
    expiring: `The Entra token cannot be renewed in this job: azure/login's OIDC login signs the az CLI in with GitHub's OIDC token, which expires minutes later, so about an hour on the Entra token fails with \`AADSTS700024\` (and a fixed \`ANTHROPIC_FOUNDRY_AUTH_TOKEN\` is sent as it is until its \`exp\`). ${ENTRA_RENEWS}; or run azure/login right before the Claude step and keep the step shorter.`,
    invalid: `${AZURE_FAILURES[1].fix} With neither set, Claude Code uses DefaultAzureCredential: sign in with azure/login (OIDC: \`client-id\`, \`tenant-id\`, \`subscription-id\`, \`permissions: id-token: write\`) in this job before the preflight and the Claude step. An expired Entra login: ${ENTRA_RENEWS.charAt(0).toLowerCase()}${ENTRA_RENEWS.slice(1)}.`,
    forbidden: 'The Azure identity authenticated but may not call the Anthropic API on the Foundry resource: assign it the `Cognitive Services User` role (or `Azure AI User`) on that resource, and deploy the Claude models there.'
};

;// CONCATENATED MODULE: ./lib/providers/gcp-failures.js
const GCP_FAILURES = [
    {
        id: 'gcp-auth-expired',
        credential: 'the Google credentials',
        title: 'Google credentials expired',
        verb: 'expired',
        since: 'expired since',
        fix: 'The Google access token expired during the run. An `access_token` output of google-github-actions/auth lasts `access_token_lifetime` (default 3600 s): use its credentials file instead (workload identity federation re-mints tokens for the whole job), or raise the lifetime; a user login needs `gcloud auth application-default login` again.'
    },
    {
        id: 'gcp-auth-invalid',
        credential: 'the Google credentials',
        title: 'Google credentials invalid',
        verb: 'were refused as invalid',
        since: 'refused since',
        fix: 'Google refused the credentials or found none: check that `GOOGLE_APPLICATION_CREDENTIALS` points to the file google-github-actions/auth wrote (`create_credentials_file: true`), that its workload identity provider and service account are right, and that the job has `permissions: id-token: write`.'
    },
    {
        id: 'gcp-auth-forbidden',
        credential: 'the Google credentials',
        title: 'Google credentials forbidden',
        verb: 'were refused (no permission on Vertex AI)',
        since: 'refused since',
        fix: 'The Google identity lacks permission on Vertex AI: grant it `roles/aiplatform.user` (permission `aiplatform.endpoints.predict`) in the project Claude Code uses (`ANTHROPIC_VERTEX_PROJECT_ID`), and enable the Claude models in Model Garden for `CLOUD_ML_REGION`.'
    }
];
const gcp_failures_ERRORS_DOCS = 'https://cloud.google.com/apis/design/errors';
const GCP_PHRASINGS = [
    {
        anchor: 'ACCESS_TOKEN_EXPIRED',
        pattern: /\bACCESS_TOKEN_EXPIRED\b/,
        kind: 'gcp-auth-expired',
        source: gcp_failures_ERRORS_DOCS
    },
    {
        anchor: 'Token has been expired or revoked',
        pattern: /invalid_grant\W+Token has been expired or revoked/,
        kind: 'gcp-auth-expired',
        source: 'https://developers.google.com/identity/protocols/oauth2#expiration'
    },
    {
        anchor: 'Reauthentication is needed',
        pattern: /Reauthentication is needed\. Please run `?gcloud auth application-default login/,
        kind: 'gcp-auth-expired',
        source: 'https://cloud.google.com/docs/authentication/troubleshoot-adc'
    },
    {
        anchor: 'Request had invalid authentication credentials',
        pattern: /Request had invalid authentication credentials\. Expected OAuth 2 access token/,
        kind: 'gcp-auth-invalid',
        source: gcp_failures_ERRORS_DOCS
    },
    {
        anchor: 'Could not load the default credentials',
        pattern: /Could not load the default credentials/,
        kind: 'gcp-auth-invalid',
        source: 'claude-code 2.1.328 bundle (google-auth-library)'
    },
    {
        anchor: 'aiplatform.',
        pattern: /Permission '?aiplatform\.[A-Za-z.]+'? denied/,
        kind: 'gcp-auth-forbidden',
        source: 'https://cloud.google.com/vertex-ai/docs/general/access-control'
    },
    {
        anchor: 'The caller does not have permission',
        pattern: /The caller does not have permission/,
        kind: 'gcp-auth-forbidden',
        source: gcp_failures_ERRORS_DOCS
    }
];
const GOOGLE_AUTH = 'authenticate with google-github-actions/auth and its credentials file (workload identity federation: `workload_identity_provider` and `service_account`, `create_credentials_file: true`, the job with `permissions: id-token: write`), which Claude Code re-mints tokens from for the whole job';
/** The main step's fix for Google credentials the preflight found wanting, by what is wrong. */
const GCP_PREFLIGHT_FIXES = {
    expiring: `A bare access token (google-github-actions/auth's \`token_format: access_token\`, \`access_token_lifetime\` default 3600 s) is never renewed: ${GOOGLE_AUTH}; or raise \`access_token_lifetime\`, or shorten the job.`,
    invalid: `${GCP_FAILURES[1].fix} Without a credentials file, ${GOOGLE_AUTH}. Set ANTHROPIC_VERTEX_PROJECT_ID to the project with the Claude models.`,
    forbidden: 'The Google identity is live but may not call Vertex AI there: grant it `roles/aiplatform.user` (permission `aiplatform.endpoints.predict`) in the project Claude Code uses (`ANTHROPIC_VERTEX_PROJECT_ID`), enable the Claude models in Model Garden for its region (`CLOUD_ML_REGION`), and, with workload identity federation through a service account, give the principal `roles/iam.workloadIdentityUser` on it.'
};

;// CONCATENATED MODULE: ./lib/providers/platforms.js
// The platforms an environment variable switches Claude Code to, instead of Anthropic's API
// (https://code.claude.com/docs/en/third-party-integrations): each brings its own credential chain, checked by its
// module in src/cloud/ (loaded only when selected). In Claude Code's order: the first switched on wins.




/** The AWS platforms run on the same credentials, found and proven alike (src/cloud/aws/). */
const AWS = {
    credential: 'AWS credentials',
    failurePrefix: 'aws-',
    endpoints: 'the AWS endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, ANTHROPIC_BEDROCK_BASE_URL)',
    fixes: AWS_PREFLIGHT_FIXES,
    expiryVariable: 'AWS_CREDENTIAL_EXPIRATION'
};
const platforms_PLATFORMS = [
    {
        id: 'bedrock',
        variable: 'CLAUDE_CODE_USE_BEDROCK',
        label: 'Amazon Bedrock',
        ...AWS
    },
    {
        id: 'mantle',
        variable: 'CLAUDE_CODE_USE_MANTLE',
        label: 'Bedrock Mantle',
        ...AWS
    },
    {
        id: 'anthropic-aws',
        variable: 'CLAUDE_CODE_USE_ANTHROPIC_AWS',
        label: 'Claude Platform on AWS',
        ...AWS
    },
    {
        id: 'vertex',
        variable: 'CLAUDE_CODE_USE_VERTEX',
        label: 'Google Vertex AI',
        credential: 'Google credentials',
        failurePrefix: 'gcp-',
        endpoints: 'ANTHROPIC_VERTEX_BASE_URL and the URLs in the credentials file',
        fixes: GCP_PREFLIGHT_FIXES,
        lastsWithoutRenewer: "Google Vertex AI needs no renewer: the credentials file google-github-actions/auth writes (from the job's OIDC token) and a service account key mint fresh access tokens by themselves for the whole job; a bare access token (CLAUDE_CODE_SKIP_VERTEX_AUTH with ANTHROPIC_AUTH_TOKEN) cannot be minted again, so use the credentials file instead"
    },
    {
        id: 'foundry',
        variable: 'CLAUDE_CODE_USE_FOUNDRY',
        label: 'Microsoft Foundry',
        credential: 'Azure credentials',
        failurePrefix: 'azure-',
        fixes: AZURE_PREFLIGHT_FIXES,
        endpoints: 'ANTHROPIC_FOUNDRY_RESOURCE / ANTHROPIC_FOUNDRY_BASE_URL and AZURE_AUTHORITY_HOST'
    }
];
/**
 * Anthropic workload identity federation (https://platform.claude.com/docs/en/manage-claude/wif-reference): not a
 * switch but a credential route of Anthropic's API, sixth in Claude Code's precedence, after every environment
 * credential and before the /login file. Checked by src/cloud/federation/.
 */
const platforms_FEDERATION = {
    id: 'federation',
    variable: 'ANTHROPIC_FEDERATION_RULE_ID',
    label: 'Anthropic workload identity federation',
    credential: 'federated tokens',
    failurePrefix: 'anthropic-auth-',
    endpoints: "ANTHROPIC_BASE_URL and the runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)",
    fixes: FEDERATION_PREFLIGHT_FIXES
};

;// CONCATENATED MODULE: ./lib/common/fingerprint.js

/**
 * The key of the fingerprints of secrets without a random shape: the job's own `github-token` (by default the job's
 * GITHUB_TOKEN, a secret that lives for one job), so that the main and the post step of a job name a secret alike
 * while nobody outside the job can test guesses against a fingerprint (a job summary may be public). Without one (the
 * CLI) the key is random, once per process.
 */
function fingerprintKey(env) {
    const token = env['INPUT_GITHUB-TOKEN']?.trim();
    return token ? `claude-preflight fingerprint ${token}` : processKey;
}
const processKey = (0,external_node_crypto_.randomBytes)(32).toString('hex');
function compileShapes(shapes) {
    const runs = shapes.flatMap(shape => (shape.run === undefined ? [] : [shape.run]));
    const anyRun = new RegExp(runs.join('|'), 'gi');
    const startsWithRun = new RegExp(`^(?:${runs.join('|')})`, 'i');
    const documents = shapes.filter(shape => shape.run === undefined && shape.begins);
    const named = (secret) => {
        for (const shape of shapes) {
            const name = shape.publicName?.(secret);
            if (name !== undefined)
                return { name, random: shape.random === true };
        }
        return { name: 'secret', random: false };
    };
    return {
        fingerprint(secret, key = fingerprintKey(process.env)) {
            const { name, random } = named(secret);
            const hash = random ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', key);
            return `${name}:${hash.update(secret).digest('hex').slice(0, 8)}`;
        },
        redactSecrets: text => text.replace(anyRun, secret => `[redacted ${named(secret).name}]`),
        looksLikeSecret(value) {
            const text = value.trim();
            return documents.some(shape => shape.begins?.test(text)) || startsWithRun.test(text);
        }
    };
}

;// CONCATENATED MODULE: ./lib/providers/other-shapes.js

const OTHER_SHAPES = [
    {
        ...anthropicShape('admin', 'an Admin API key, which cannot call models'),
        fix: 'Create a regular API key (sk-ant-api03-…) in the Anthropic Console and use that'
    },
    ANY_ANTHROPIC_SHAPE,
    {
        what: 'a bearer token (a JWT)',
        begins: /^eyJ[\w-]+\.[\w-]+\./,
        run: 'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*',
        publicName: secret => (/^eyJ/i.test(secret) ? 'jwt' : undefined),
        home: 'anthropic-auth-token',
        plainOnly: true
    },
    {
        what: 'a GitHub token',
        begins: /^(?:gh[pousr]_|github_pat_)\w/,
        run: '\\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})',
        publicName: secret => /^(gh[pousr]|github_pat)_/.exec(secret)?.[1],
        home: 'github-token',
        fix: "Move it to input 'github-token' (or 'secrets-token', to write secrets)",
        plainOnly: true
    }
];

;// CONCATENATED MODULE: ./lib/providers/shapes.js
// Every known shape of a secret, from the providers' table and the other known shapes: masking, redaction,
// fingerprints and "pasted into the wrong input" read them from here only.



/**
 * Each provider's shapes, at home in the provider's input and environment variable, or in the other input of the
 * provider that the shape names; then the other known shapes.
 */
const SHAPES = [
    ...providers_PROVIDERS.flatMap(provider => provider.shapes.map(shape => ({
        ...shape,
        home: shape.input ?? provider.source,
        ...(shape.input === undefined && provider.envVar && { homeEnv: provider.envVar })
    }))),
    ...OTHER_SHAPES
];
const { fingerprint, redactSecrets: shapes_redactSecrets, looksLikeSecret: shapes_looksLikeSecret } = compileShapes(SHAPES);
/** The credential's fingerprint: of its access token, or of its refresh token when it has no access token yet. */
function fingerprintOf(credential) {
    return fingerprint(credential.secret || credential.refreshToken || '');
}

;// CONCATENATED MODULE: ./lib/common/redact.js
// Redaction of the secrets the step knows, in every form a log may carry them, for text quoted into the job summary,
// annotations and the PR comment (the runner masks the log and the summary, but not a PR comment, and only the exact
// strings it was given). Pure: the caller reads the inputs and the environment.
/** A value shorter than this is not redacted by value: it would cut ordinary words out of the text. */
const redact_MIN_SECRET = 8;
/**
 * The forms a value takes in logs: itself, URL-encoded (as `encodeURIComponent` writes it and with every byte
 * escaped), JSON-escaped, and base64 (standard and URL-safe) of it at each of the three byte alignments it can have
 * inside a longer encoded text: only the characters that depend on the value alone.
 */
function secretForms(value) {
    const bytes = Buffer.from(value, 'utf8');
    const forms = [
        value,
        encodeURIComponent(value),
        [...bytes].map(byte => `%${byte.toString(16).padStart(2, '0')}`).join(''),
        JSON.stringify(value).slice(1, -1)
    ];
    for (let offset = 0; offset < 3; offset++) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const start = Math.ceil((offset * 8) / 6);
        const end = Math.floor(((offset + bytes.length) * 8) / 6);
        const inner = encoded.slice(start, end);
        if (inner.length >= redact_MIN_SECRET)
            forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return [...new Set(forms)];
}
/** Named character references an attacker could spell a secret with; numeric ones are decoded whatever they are. */
const NAMED_ENTITIES = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00A0',
    hyphen: '\u2010',
    dash: '\u2010',
    minus: '\u2212',
    lowbar: '_',
    underbar: '_',
    period: '.',
    colon: ':',
    semi: ';',
    sol: '/',
    bsol: '\\',
    equals: '=',
    plus: '+',
    num: '#',
    percnt: '%',
    commat: '@',
    grave: '`',
    lsqb: '[',
    rsqb: ']',
    lpar: '(',
    rpar: ')',
    excl: '!',
    quest: '?',
    shy: '\u00AD',
    zwj: '\u200D',
    zwnj: '\u200C'
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));?/gi;
function decodeEntities(text) {
    return text.replace(ENTITY, (whole, decimal, hex, name) => {
        if (name !== undefined)
            return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
        const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
        const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
        return valid ? String.fromCodePoint(code) : whole;
    });
}
/** Dashes a secret's `-` could be written as; NFKC leaves them as they are. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D]/g;
/**
 * Text as a reader sees it: character references decoded (again while that changes it: `&amp;#45;`), Unicode
 * NFKC (full-width and other compatibility letters become plain ones), format characters (zero-width spaces and
 * joiners, soft hyphens, direction marks: Unicode category Cf) removed and dashes made `-`.
 */
function normaliseText(text) {
    let current = text;
    for (let round = 0; round < 4; round++) {
        const next = decodeEntities(current.normalize('NFKC').replace(/\p{Cf}/gu, ''))
            .normalize('NFKC')
            .replace(/\p{Cf}/gu, '')
            .replace(DASHES, '-');
        if (next === current)
            break;
        current = next;
    }
    return current;
}
/**
 * A redactor for the given secret values: it normalises the text, replaces each value in any of its forms
 * (ignoring case) with `[redacted]`, then anything shaped like a credential (`redactShapes`, the providers').
 */
function redact_redactorFor(secrets, redactShapes) {
    const forms = [
        ...new Set(secrets.flatMap(secret => [secret, normaliseText(secret)]).flatMap(secretForms))
    ]
        .filter(form => form.length >= redact_MIN_SECRET)
        .sort((a, b) => b.length - a.length)
        .map(form => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const exact = forms.length > 0 ? new RegExp(forms.join('|'), 'gi') : undefined;
    return text => {
        const normal = normaliseText(text);
        return redactShapes(exact ? normal.replace(exact, '[redacted]') : normal);
    };
}
/**
 * A run a secret could be re-encoded in (hex, base64, percent-encoding, reversed): 20 or more characters of those
 * alphabets, with a letter and a digit. The PR comment, which the runner does not mask and which may be public,
 * quotes none; the job summary keeps them (request ids), as the runner masks the known secrets there.
 */
const ENCODED_RUN = /[A-Za-z0-9+/=_%.-]{20,}/g;
function redactEncodedRuns(text) {
    return text.replace(ENCODED_RUN, run => /\d/.test(run) && /[A-Za-z]/.test(run) ? '[redacted]' : run);
}

;// CONCATENATED MODULE: ./lib/providers/secrets.js
// The secrets this step knows, derived from the providers' table: the inputs that hold them and the environment
// variables Claude Code reads them from. Masking (src/action/main.ts) and redaction read them from here only.



/** The inputs that hold a credential's secret: masked before anything reads them. */
const SECRET_INPUTS = [
    ...providers_PROVIDERS.map(provider => provider.source),
    ...providers_PROVIDERS.flatMap(provider => provider.secretInputs)
];
/** The inputs the providers read that never hold a secret: a secret pasted there is refused. */
const PROVIDER_PLAIN_INPUTS = providers_PROVIDERS.flatMap(provider => provider.plainInputs);
/** Inputs that may hold a secret: the credentials', the GitHub tokens and a GitHub App's private key. */
const SECRET_INPUT_NAMES = [
    ...SECRET_INPUTS,
    'claude-github-token',
    'github-token',
    'secrets-token',
    'private-key'
];
/** The environment variables Claude Code reads a credential from. */
const SECRET_ENV_VARS = providers_PROVIDERS.flatMap(provider => provider.envVar ? [provider.envVar] : []);
/**
 * The tokens inside a JSON document (`claude-credentials`): strings under a `…token` key or shaped like a secret, not
 * scopes such as `user:inference`, which messages must be able to name. Undefined when `text` is not a JSON object.
 */
function jsonSecretStrings(text) {
    if (!text.trim().startsWith('{'))
        return undefined;
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const found = [];
    const visit = (node, key = '') => {
        if (typeof node === 'string') {
            if (/token$/i.test(key) || looksLikeSecret(node))
                found.push(node, node.trim());
        }
        else if (node && typeof node === 'object') {
            for (const [name, value] of Object.entries(node))
                visit(value, name);
        }
    };
    visit(document);
    return found;
}
/** Environment variables whose names say they hold a secret. */
const SECRET_ENV_NAME = /(?:TOKEN|KEY|SECRET|PASSWORD)$/i;
/** An environment variable found only by its name counts from this length (`AWS_REGION_KEY=us-east-1` does not). */
const MIN_NAMED_ENV_SECRET = 16;
/**
 * The secret values this step knows: every secret input (whole, trimmed, each line, and the tokens in a JSON
 * credentials document), each credential kind's environment variable, and any environment variable named like a
 * secret (`*_TOKEN`, `*_KEY`, `*_SECRET`, `*_PASSWORD`).
 */
function knownSecrets(input, env) {
    const given = [
        ...SECRET_INPUT_NAMES.map(name => input(name)),
        ...SECRET_ENV_VARS.map(name => env[name] ?? '')
    ];
    const named = Object.entries(env)
        .filter(([name, value]) => SECRET_ENV_NAME.test(name) && (value ?? '').trim().length >= MIN_NAMED_ENV_SECRET)
        .map(([, value]) => value ?? '');
    const values = [...given, ...named].flatMap(value => [
        value,
        value.trim(),
        ...value.split(/\r?\n/).map(line => line.trim()),
        ...(jsonSecretStrings(value) ?? [])
    ]);
    return [...new Set(values.filter(value => value.length >= MIN_SECRET))];
}
/**
 * The redactor of the secrets this step knows (knownSecrets), of `others` it read elsewhere (the renewer's files), and
 * of every known shape of a secret.
 */
function redactKnownSecrets(input, env, others = []) {
    return redactorFor([...knownSecrets(input, env), ...others], redactSecrets);
}

;// CONCATENATED MODULE: ./lib/providers/github-token.js
// The GitHub token the Claude step pushes and comments with, as a credential: what each kind is called, what the
// preflight can say of it, how long an App installation token lasts. Its failures are in github-failures.ts.
/** Every value of the `github-token-status` output. */
const github_token_GITHUB_STATUSES = (/* unused pure expression or super */ null && ([
    'valid',
    'invalid',
    'forbidden',
    'expiring',
    'unverifiable',
    'missing',
    'unchecked',
    'none'
]));
/** What each kind of GitHub token is called, for humans (and the only labels the post step accepts from state). */
const github_token_GITHUB_TOKEN_LABELS = {
    claudeApp: 'Claude GitHub App token',
    appToken: 'GitHub App installation token',
    workflowToken: 'GITHUB_TOKEN',
    fineGrained: 'fine-grained personal access token',
    classic: 'personal access token (classic)',
    user: 'GitHub user token',
    fromSecret: 'GitHub token from a secret',
    other: 'GitHub token',
    none: 'no GitHub token'
};
/**
 * GitHub App installation tokens last one hour from minting and cannot be extended
 * (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app).
 */
const APP_TOKEN_LIFETIME_MS = 3_600_000;
/**
 * A token's kind from its prefix (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/).
 * The job's GITHUB_TOKEN is an installation token too (`ghs_`): it is told apart by being the job's `github.token`.
 */
function githubTokenLabel(token, workflowToken) {
    if (token.startsWith('ghs_'))
        return token === workflowToken
            ? github_token_GITHUB_TOKEN_LABELS.workflowToken
            : github_token_GITHUB_TOKEN_LABELS.appToken;
    if (token.startsWith('github_pat_'))
        return github_token_GITHUB_TOKEN_LABELS.fineGrained;
    if (token.startsWith('ghp_'))
        return github_token_GITHUB_TOKEN_LABELS.classic;
    if (token.startsWith('gho_') || token.startsWith('ghu_'))
        return github_token_GITHUB_TOKEN_LABELS.user;
    return github_token_GITHUB_TOKEN_LABELS.other;
}
/** Whether a token of this kind is an App installation token of one hour (GITHUB_TOKEN lasts the job instead). */
const isOneHourToken = (label) => label === github_token_GITHUB_TOKEN_LABELS.claudeApp || label === github_token_GITHUB_TOKEN_LABELS.appToken;

;// CONCATENATED MODULE: ./lib/state/index.js
// Every key main saves for post, in one place (as actions/checkout's state-helper.ts): each key, its saved shape, the
// writer main calls and post's reader. The runner hands post each key main saved as STATE_<key>, over the job's
// environment: a later step can write $GITHUB_ENV and RUNNER_TEMP, but not this state. Readers are defensive: absent,
// garbled or from another version, a value becomes undefined or loses the fields that do not make sense, never an
// exception.








/** `preflight`: what the check found, for post's report. */
const PREFLIGHT_STATE = 'preflight';
/** `refresh-pending`: the binding of the file that carries a write-back main left for post. */
const PENDING_STATE = 'refresh-pending';
/** `network-env`: the variables that steer post's GitHub requests, as main saw them. */
const NETWORK_STATE = 'network-env';
/** `github-token`: what the check found of the GitHub token the Claude step gets, for post's report. */
const GITHUB_STATE = 'github-token';
/** `platform`: what the check found of the cloud platform or federation Claude Code uses, for post's report. */
const PLATFORM_STATE = 'platform';
/** `renewer`: the renewer main started (input `renew`), for post to stop it and report what it did. */
const RENEWER_STATE = 'renewer';
/**
 * Main's first act, before anything can fail: the network record (as networkRecord in secrets/network-env.ts makes
 * it), then every other key empty, whatever path main then takes. The runner gives post STATE_<key> only for the keys
 * main saved, over the job's environment, so one that a later step puts in $GITHUB_ENV never reaches post.
 */
function startState(core, networkRecord) {
    core.saveState(NETWORK_STATE, networkRecord);
    for (const key of [PREFLIGHT_STATE, PENDING_STATE, GITHUB_STATE, PLATFORM_STATE, RENEWER_STATE])
        core.saveState(key, '');
}
/** The JSON main saves under PREFLIGHT_STATE. */
function serializePreflightState(check) {
    const expiresAt = isoOf(check.expiresAt);
    const saved = {
        source: check.source,
        from: check.from,
        label: check.label,
        fingerprint: check.fingerprint,
        ...(expiresAt !== undefined && { expiresAt }),
        checkedAt: isoOf(check.checkedAt) ?? new Date(0).toISOString(),
        status: check.status
    };
    return JSON.stringify(saved);
}
/** Saves the state for the post step (main step). */
function savePreflightState(core, check) {
    core.saveState(PREFLIGHT_STATE, serializePreflightState(check));
}
/** Every `from` main can save: the inputs and the environment variables a credential is read from. */
const ORIGINS = [
    ...SECRET_INPUTS.map(name => `input ${name}`),
    ...SECRET_ENV_VARS.map(name => `env ${name}`)
];
/** A fingerprint as fingerprint() makes it: a token's public prefix (or `jwt`, `secret`) and 8 hex digits. */
const FINGERPRINT = /^[a-z][a-z0-9-]{0,30}:[0-9a-f]{8}$/;
/** Post's reading of the saved state (`core.getState(PREFLIGHT_STATE)`). Never throws. */
function parsePreflightState(raw) {
    const v = jsonObject(raw);
    if (!v)
        return undefined;
    const state = { ...checkTimes(v) };
    const source = PROVIDERS.find(provider => provider.source === v.source)?.source;
    if (source !== undefined)
        state.source = source;
    const from = ORIGINS.find(origin => origin === v.from);
    if (from !== undefined)
        state.from = from;
    // Only values main can save: text from anywhere else could carry mentions or links into the PR comment.
    const label = PROVIDERS.find(provider => provider.label === v.label)?.label;
    if (label !== undefined)
        state.label = label;
    if (typeof v.fingerprint === 'string' && FINGERPRINT.test(v.fingerprint))
        state.fingerprint = v.fingerprint;
    const status = STATUSES.find(status => status === v.status);
    if (status !== undefined)
        state.status = status;
    return Object.keys(state).length > 0 ? state : undefined;
}
/** A saved JSON object, or undefined: absent, garbled, or not an object. */
function jsonObject(raw) {
    let value;
    try {
        value = JSON.parse(raw ?? '');
    }
    catch {
        return undefined;
    }
    return value && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
/** A saved check's `expiresAt` and `checkedAt`, as epoch ms, where they are dates. */
function checkTimes(v) {
    const expiresAt = time(v.expiresAt);
    const checkedAt = time(v.checkedAt);
    return {
        ...(expiresAt !== undefined && { expiresAt }),
        ...(checkedAt !== undefined && { checkedAt })
    };
}
/** Epoch ms from a number or an ISO / epoch-ms string; undefined unless it is a date `Date` can show. */
function time(value) {
    let ms;
    if (typeof value === 'number')
        ms = value;
    else if (typeof value === 'string' && value) {
        ms = /^\d{10,16}$/.test(value) ? Number(value) : Date.parse(value);
    }
    else
        return undefined;
    return Number.isFinite(ms) && ms > 0 && ms <= MAX_DATE_MS ? ms : undefined;
}
function isoOf(date) {
    return date !== undefined && Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}
function measuredJson(check) {
    const expiresAt = isoOf(check.expiresAt);
    return {
        ...(expiresAt !== undefined && { expiresAt }),
        checkedAt: isoOf(check.checkedAt),
        ...(check.jobLimitMs !== undefined && { jobLimitMs: check.jobLimitMs }),
        warned: check.warned
    };
}
function measuredOf(v) {
    const state = { ...checkTimes(v) };
    if (typeof v.jobLimitMs === 'number' && Number.isSafeInteger(v.jobLimitMs) && v.jobLimitMs > 0)
        state.jobLimitMs = v.jobLimitMs;
    if (typeof v.warned === 'boolean')
        state.warned = v.warned;
    return state;
}
/** Saves it for the post step (main step). */
function saveGitHubState(core, check) {
    core.saveState(GITHUB_STATE, JSON.stringify({ label: check.label, status: check.status, ...measuredJson(check) }));
}
/** Post's reading of `core.getState(GITHUB_STATE)`. Never throws. */
function parseGitHubState(raw) {
    const v = jsonObject(raw);
    if (!v)
        return undefined;
    const state = measuredOf(v);
    const label = Object.values(GITHUB_TOKEN_LABELS).find(label => label === v.label);
    if (label !== undefined)
        state.label = label;
    const status = GITHUB_STATUSES.find(status => status === v.status);
    if (status !== undefined)
        state.status = status;
    return Object.keys(state).length > 0 ? state : undefined;
}
/** Saves it for the post step (main step). */
function savePlatformState(core, check) {
    core.saveState(PLATFORM_STATE, JSON.stringify({ id: check.id, status: check.status, ...measuredJson(check) }));
}
/** Post's reading of `core.getState(PLATFORM_STATE)`. Never throws. */
function parsePlatformState(raw) {
    const v = jsonObject(raw);
    if (!v)
        return undefined;
    const state = measuredOf(v);
    const platform = [...PLATFORMS, FEDERATION].find(platform => platform.id === v.id);
    if (platform !== undefined)
        state.platform = platform;
    const status = STATUSES.find(status => status === v.status);
    if (status !== undefined)
        state.status = status;
    return Object.keys(state).length > 0 ? state : undefined;
}
/** The renewer's directory's name: this prefix and 16 hex digits. */
const RENEWER_DIR = /^claude-preflight-renew-[0-9a-f]{16}$/;
function saveRenewerBinding(core, binding) {
    core.saveState(RENEWER_STATE, JSON.stringify({ dir: binding.dir, pid: binding.pid, nonce: binding.nonce }));
}
/** Post's reading of `core.getState(RENEWER_STATE)`: undefined unless main can have saved it. Never throws. */
function parseRenewerBinding(raw) {
    const v = jsonObject(raw);
    if (!v)
        return undefined;
    const { dir, pid, nonce } = v;
    if (typeof dir === 'string' &&
        isAbsolute(dir) &&
        RENEWER_DIR.test(basename(dir)) &&
        typeof pid === 'number' &&
        Number.isSafeInteger(pid) &&
        pid > 1 &&
        typeof nonce === 'string' &&
        state_NONCE.test(nonce))
        return { dir, pid, nonce };
    return undefined;
}
const state_NONCE = /^[0-9a-f]{32}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const sha256Hex = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** Binds the pending file for post, or clears the binding (undefined) once the file holds nothing post needs. */
function savePendingBinding(core, binding) {
    core.saveState(PENDING_STATE, binding ? JSON.stringify(binding) : '');
}
/** Post's reading of the binding (`core.getState(PENDING_STATE)`): undefined unless main can have saved it. */
function parsePendingBinding(raw) {
    try {
        const value = JSON.parse(raw);
        if (typeof value.path === 'string' &&
            value.path !== '' &&
            state_NONCE.test(value.nonce ?? '') &&
            SHA256.test(value.sha256 ?? '') &&
            (value.credentialsFile === undefined ||
                (typeof value.credentialsFile === 'string' && isAbsolute(value.credentialsFile))))
            return value;
    }
    catch {
        // not the state main saves
    }
    return undefined;
}
/** The digest a NetworkRecord keeps of a variable's value; undefined for a variable that is not set. */
const networkDigest = (value) => value === undefined ? undefined : sha256Hex(value);
/** The record main saves of `variables` as `env` has them. */
function serializeNetworkRecord(env, variables) {
    const record = {};
    for (const name of variables) {
        const digest = networkDigest(env[name]);
        if (digest !== undefined)
            record[name] = digest;
    }
    return JSON.stringify(record);
}
/**
 * Post's reading of the record (`core.getState(NETWORK_STATE)`): undefined when there is none (main never ran its
 * first line), `unreadable` when it is not a record main can have written.
 */
function parseNetworkRecord(raw) {
    if (raw === '')
        return undefined;
    try {
        const parsed = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            return parsed;
    }
    catch {
        // not the state main saves
    }
    return 'unreadable';
}

;// CONCATENATED MODULE: ./lib/common/inert.js
// Text the action did not write itself (file names, patterns, fs errors, quoted log text) made inert for the
// runner, which reads every line of a step's stdout and stderr for workflow commands (actions/runner
// src/Runner.Common/ActionCommand.cs): `::name …::data` at the start of a line after leading whitespace
// (TryParseV2), and the legacy `##[name …]data` anywhere in a line (TryParse). Lines end at `\n`, `\r` or
// `\r\n` (StreamReader.ReadLine in src/Runner.Sdk/ProcessInvoker.cs). Both parsers match with .NET's
// culture-sensitive StartsWith/IndexOf, which skip default-ignorable characters: `#\u00AD#[` can still be `##[`.
/** Characters that can end a line, hide themselves from a culture-sensitive match, or control a terminal. */
const HIDDEN = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;
/**
 * The text on one line, with no way to issue a workflow command: every control, line-separating and invisible
 * character is shown as a `\uXXXX` escape, `##[` as `#\u0023[`, and a `::` opening the text as `\u003a:`.
 */
function inert(text) {
    return text
        .replace(HIDDEN, escapeChar)
        .replace(/##\[/g, '#\\u0023[')
        .replace(/^(\s*)::/, '$1\\u003a:');
}
/**
 * JSON whose every line is inert: `JSON.stringify` already escapes controls inside strings, and `#` can only
 * stand inside a string, where `\u0023` is the same character to any JSON reader. Indented output starts each
 * line with a space, a quote or a bracket, never `::`.
 */
function inertJson(value) {
    return JSON.stringify(value, null, 2)
        .replace(HIDDEN, char => (char === '\n' ? char : escapeChar(char)))
        .replace(/#/g, '\\u0023');
}
/** `\uXXXX` for each UTF-16 unit: valid in JSON and in JavaScript, whatever the code point. */
function escapeChar(char) {
    let escaped = '';
    for (let i = 0; i < char.length; i++) {
        escaped += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
    }
    return escaped;
}

;// CONCATENATED MODULE: ./lib/http/url.js
/**
 * Whether a URL may carry a credential: https, or cleartext http only to this machine (a stand-in, a local gateway),
 * where it never crosses a network.
 */
function isSafeTransport(url) {
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/** Why a URL may not carry a credential (not a URL, or cleartext off this machine); undefined when it may. */
function unsafeTransport(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return 'is not a URL';
    }
    return isSafeTransport(url) ? undefined : `is not https (${url.protocol}//${url.host})`;
}

;// CONCATENATED MODULE: ./lib/github/client.js




/** The API base URL the runner gives (GHES included). */
function apiBaseUrl(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
/** How long one GitHub API request may take before it counts as no answer (githubRequest's default). */
const GITHUB_TIMEOUT_MS = 20_000;
/** The headers GitHub's REST API asks for (https://docs.github.com/rest/about-the-rest-api/api-versions). */
function githubHeaders(token) {
    return {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'claude-preflight'
    };
}
/**
 * A GitHubRequest over `send` (undici, honouring the runner's proxy settings), with octokit's rules for a route: it
 * follows redirects (GitHub answers 301 or 307 for a renamed repository), and an answer whose body breaks off after
 * its status is that status with an empty body (for a write, the status is GitHub's word that it was done).
 */
function githubRequest(token, env, options = {}) {
    const timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS;
    const baseUrl = apiBaseUrl(env);
    const http = options.send ?? send;
    return async (route, params = {}) => {
        const { method, path, body } = routeRequest(route, params);
        const answer = await http({
            method,
            url: `${baseUrl}${path}`,
            headers: {
                ...githubHeaders(token),
                ...(body !== undefined && { 'content-type': 'application/json; charset=utf-8' })
            },
            ...(body !== undefined && { body }),
            signal: AbortSignal.timeout(timeoutMs),
            followRedirects: true,
            statusIsEnough: true
        });
        return answerOf(answer);
    };
}
/** An HTTP answer as a GitHub REST answer: the body parsed as octokit parses it. */
function answerOf(answer) {
    return { status: answer.status, data: dataOf(answer), headers: answer.headers };
}
/**
 * An answer to a request that carried `secrets`, as a GitHub REST answer; unless it is a success, every form of them
 * is cut out of its body and headers first, so that no message quoting the server's words (clipped or not) holds one.
 */
function answerWithout(secrets, response) {
    if (response.status >= 200 && response.status < 300)
        return answerOf(response);
    const redact = redact_redactorFor(secrets, text => text);
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, redact(value)]));
    return answerOf({ status: response.status, headers, text: redact(response.text) });
}
/**
 * The request for an octokit route (`'GET /repos/{owner}/{repo}/git/ref/{ref}'`): each `{name}` filled with its
 * parameter, percent-encoded as RFC 6570 simple expansion does (`/` included); the other parameters go in the query
 * of a GET and in a JSON body otherwise, as octokit sends them (https://github.com/octokit/endpoint.js).
 */
function routeRequest(route, params) {
    const [method, template] = route.split(' ');
    const rest = { ...params };
    const path = template.replace(/\{(\w+)\}/g, (_, name) => {
        const value = rest[name];
        delete rest[name];
        return encodeUnreserved(String(value));
    });
    const names = Object.keys(rest);
    if (method === 'GET') {
        const query = names.map(name => `${name}=${encodeURIComponent(String(rest[name]))}`).join('&');
        return { method, path: query ? `${path}?${query}` : path };
    }
    if (names.length > 0)
        return { method, path, body: JSON.stringify(rest) };
    return method === 'PUT' || method === 'PATCH' ? { method, path, body: '' } : { method, path };
}
const encodeUnreserved = (text) => encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** The body as octokit gives it: parsed when it says it is JSON and is, else the text. */
function dataOf(answer) {
    if (!/^application\/json\b/i.test(answer.headers['content-type'] ?? ''))
        return answer.text;
    try {
        return JSON.parse(answer.text);
    }
    catch {
        return answer.text;
    }
}
/**
 * GitHub's own message of an error answer, on one line; when the body has none, what the body was instead (a proxy's
 * HTML page, say). Never repeats the HTTP status, which callers say themselves.
 */
function apiMessage(answer) {
    const data = answer.data;
    const message = typeof data?.message === 'string'
        ? data.message.replace(/\s+/g, ' ').trim()
        : '';
    if (message)
        return message;
    if (isHtmlPage(answer))
        return "(an HTML page, not GitHub's JSON: a proxy or gateway in between?)";
    if (typeof data === 'string' && data.trim())
        return "(a body that is not GitHub's JSON)";
    return '(no message)';
}
/**
 * What a body that is not the answer expected was instead, for a message: empty, a proxy's HTML page, not JSON, or
 * JSON of another shape.
 */
function bodyDescription(answer) {
    const data = answer.data;
    if (typeof data !== 'string')
        return 'JSON of another shape';
    if (!data.trim())
        return 'an empty body';
    if (isHtmlPage(answer))
        return 'an HTML page: a proxy or gateway in between?';
    return 'a body that is not JSON';
}
/** Whether the body is an HTML page (a proxy's or gateway's), not an API's answer. */
function isHtmlPage(answer) {
    return typeof answer.data === 'string' && /<html|<!doctype/i.test(answer.data);
}
/**
 * The reading of an answer that is not the call's own word: worth another try (`isTransient`), after the server's
 * retry-after when it gives one, or a redirect, which a call carrying a token does not follow. `said` is the server's
 * message; `unverifiable` makes the call's outcome of a line. Undefined for any other answer.
 */
function transientOrRedirect(answer, said, unverifiable) {
    const { status, headers } = answer;
    if (isTransient(answer)) {
        const retryAfterMs = parseRetryAfter(headers['retry-after']);
        return {
            done: false,
            value: unverifiable(`HTTP ${status}: ${errors_clipLine(said)}`),
            ...(retryAfterMs !== undefined && { retryAfterMs })
        };
    }
    if (status >= 300 && status < 400) {
        const to = errors_clipLine(headers.location ?? 'nowhere', 120);
        return { done: true, value: unverifiable(`HTTP ${status}: a redirect to ${to}, not followed`) };
    }
    return undefined;
}
/** An answer worth another try: no answer, 5xx, 429, or a secondary rate limit. */
function isTransient(answer) {
    if (answer.status >= 500 || answer.status === 429)
        return true;
    return (answer.status === 403 &&
        (/rate limit/i.test(apiMessage(answer)) || answer.headers['retry-after'] !== undefined));
}

;// CONCATENATED MODULE: ./lib/cloud/call.js
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
    const unsafe = unsafeTransport(request.url);
    if (unsafe)
        return {
            failed: {
                status: 'unverifiable',
                message: `${where}: ${new URL(request.url).origin} ${unsafe}`
            }
        };
    const { value, attempts } = await sendWithRetries(request, response => {
        const answer = answerWithout(call.secrets, response);
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
                    message: `${where}: HTTP ${answer.status}, not ${call.service}'s answer (${bodyDescription(answer)})`,
                    httpStatus: answer.status,
                    ...(requestId && { requestId })
                }
            }
        };
    }, message => ({ failed: { status: 'unverifiable', message: `${where}: ${message}` } }), deps);
    if ('failed' in value && value.failed.status === 'unverifiable')
        return {
            failed: { ...value.failed, message: `${value.failed.message}${attemptsNote(attempts)}` }
        };
    return value;
}

;// CONCATENATED MODULE: ./lib/cloud/aws/answers.js
// How AWS words an answer, and what it says about a credential. STS speaks the query protocol: XML answers, and errors
// as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html). Bedrock speaks REST-JSON: the error's name
// in the `x-amzn-ErrorType` header (`AccessDeniedException:http://internal.amazon.com/coral/…`), its text in
// `{"message": …}` (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html,
// https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html#operation-error-serialization). The code decides,
// not the status: Bedrock reports an expired session as 403, Claude Platform on AWS and Mantle as 401.



const answers_EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException']);
const INVALID = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'InvalidSignatureException',
    'IncompleteSignature',
    'IncompleteSignatureException',
    'MissingAuthenticationToken',
    'MissingAuthenticationTokenException',
    'InvalidIdentityToken',
    'InvalidAccessKeyId',
    'AuthFailure'
]);
const answers_FORBIDDEN = new Set(['AccessDenied', 'AccessDeniedException']);
/** Worth another try: AWS's throttling (STS sends it as 400) and its own failures, whatever the status. */
const TRANSIENT = new Set([
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'InternalServerException',
    'IDPCommunicationError'
]);
const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of the first `<tag>` of an XML document, entities decoded; undefined when there is none. */
function answers_xmlText(xml, tag) {
    const match = new RegExp(`<${tag}>([^<]{0,2000})</${tag}>`).exec(xml);
    if (!match)
        return undefined;
    return (match[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name] ?? '');
}
/** The AWS error an answer carries, in either protocol; undefined when it carries none (a proxy's page, say). */
function awsError(answer) {
    const text = typeof answer.data === 'string' ? answer.data : '';
    if (/<ErrorResponse\b/.test(text)) {
        const code = answers_xmlText(text, 'Code');
        if (code)
            return { code, message: errors_clipLine(answers_xmlText(text, 'Message') ?? '') };
    }
    const data = (typeof answer.data === 'object' && answer.data !== null ? answer.data : {});
    // `__type` may be a shape id (`com.amazon.coral.service#ExpiredTokenException`); the header may carry a namespace URL.
    const named = answer.headers['x-amzn-errortype'] ?? (typeof data.__type === 'string' ? data.__type : '');
    const code = named.split(':')[0]?.split('#').pop()?.trim() ?? '';
    if (!/^[A-Za-z][\w.]{0,99}$/.test(code))
        return undefined;
    const words = [data.message, data.Message].find(w => typeof w === 'string');
    return { code, message: errors_clipLine(words ?? '') };
}
/** The request id AWS gave: `x-amzn-RequestId` (both protocols), or STS's `<RequestId>`. */
function requestIdOf(answer) {
    const text = typeof answer.data === 'string' ? answer.data : '';
    const id = answer.headers['x-amzn-requestid'] ?? answers_xmlText(text, 'RequestId');
    return id ? errors_clipLine(id, 80) : undefined;
}
/**
 * What an answer that is not a success says of the credential: expired, invalid or forbidden only in AWS's own
 * words; a throttle or AWS's own failure is worth another try; anything else (a proxy's page, a redirect, an error
 * that says nothing of the credential) is `unverifiable`. `where` names the call for the message.
 */
function readRefusal(answer, where) {
    const { status } = answer;
    const reading = readingsOf(answer, where, requestIdOf(answer));
    const unverifiable = (message) => reading('unverifiable', message);
    const error = isHtmlPage(answer) ? undefined : awsError(answer);
    const said = error ? `${error.code}${error.message ? `: ${error.message}` : ''}` : '';
    if (error && TRANSIENT.has(error.code))
        return { done: false, value: unverifiable(`HTTP ${status} ${said}`) };
    const other = transientOrRedirect(answer, said || `(${bodyDescription(answer)})`, unverifiable);
    if (other)
        return other;
    if (!error) {
        return {
            done: true,
            value: unverifiable(`HTTP ${status}, not AWS's answer (${bodyDescription(answer)})`)
        };
    }
    const line = `HTTP ${status} ${said}`;
    // A signature that expired before it arrived is the runner's clock, not the credential.
    if (error.code === 'RequestExpired' || /signature expired/i.test(error.message))
        return { done: true, value: unverifiable(`${line} (is the runner's clock right?)`) };
    if (answers_EXPIRED.has(error.code))
        return { done: true, value: reading('expired', line) };
    if (INVALID.has(error.code))
        return { done: true, value: reading('invalid', line) };
    if (answers_FORBIDDEN.has(error.code))
        return { done: true, value: reading('forbidden', line) };
    return { done: true, value: unverifiable(line) };
}

;// CONCATENATED MODULE: ./lib/cloud/aws/calls.js


const STS_VERSION = '2011-06-15';
/** `request` signed with SigV4 for `service` in `region` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). */
async function signed(request, credentials, region, service) {
    const [{ SignatureV4 }, { Hash }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(430), __nccwpck_require__.e(118)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5118, 19)),
        Promise.all(/* import() */[__nccwpck_require__.e(430), __nccwpck_require__.e(92)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2711, 19))
    ]);
    const url = new URL(request.url);
    const signer = new SignatureV4({
        service,
        region,
        credentials,
        sha256: Hash.bind(null, 'sha256')
    });
    const result = await signer.sign({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port && { port: Number(url.port) }),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...request.headers, host: url.host },
        ...(request.body !== undefined && { body: request.body })
    });
    // fetch sets Host from the URL itself: the same value that was signed.
    const { host: _host, ...headers } = result.headers;
    return { ...request, headers };
}
/** Sends an AWS request, reading a success with `read` and anything else as AWS's refusal. */
function awsCall(request, where, secrets, deps, read) {
    return cloudCall(request, { where, service: 'AWS', secrets, read, refusal: readRefusal, requestIdOf: requestIdOf }, deps);
}
const formBody = (params) => Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
const stsRequest = (endpoint, params) => ({
    method: 'POST',
    url: `${endpoint}/`,
    headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent': 'claude-preflight'
    },
    body: formBody({ ...params, Version: STS_VERSION })
});
const xmlOf = (answer) => (typeof answer.data === 'string' ? answer.data : '');
/** Who the credentials are (`GetCallerIdentity`): the ARN and the account. */
async function getCallerIdentity(endpoint, region, credentials, deps) {
    const request = await signed(stsRequest(endpoint, { Action: 'GetCallerIdentity' }), credentials, region, 'sts');
    return awsCall(request, 'STS GetCallerIdentity', secretsOf(credentials), deps, answer => {
        const xml = xmlOf(answer);
        const arn = xmlText(xml, 'Arn');
        if (!/<GetCallerIdentityResult>/.test(xml) || !arn)
            return undefined;
        return { arn, account: xmlText(xml, 'Account') ?? '' };
    });
}
/** Temporary credentials from an STS answer, each part masked before anything else sees it; undefined when none. */
function temporaryCredentials(answer, mask) {
    const xml = xmlOf(answer);
    const [accessKeyId, secretAccessKey, sessionToken] = [
        'AccessKeyId',
        'SecretAccessKey',
        'SessionToken'
    ].map(tag => answers_xmlText(xml, tag));
    for (const value of [accessKeyId, secretAccessKey, sessionToken])
        if (value)
            mask(value);
    const expiration = new Date(answers_xmlText(xml, 'Expiration') ?? '');
    if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiration.getTime()))
        return undefined;
    return { accessKeyId, secretAccessKey, sessionToken, expiration };
}
/** A role's credentials for a web identity token (`AssumeRoleWithWebIdentity`: unsigned, the token is the proof). */
async function assumeRoleWithWebIdentity(endpoint, params, deps) {
    deps.mask(params.WebIdentityToken);
    const request = stsRequest(endpoint, { Action: 'AssumeRoleWithWebIdentity', ...params });
    return awsCall(request, 'STS AssumeRoleWithWebIdentity', [params.WebIdentityToken], deps, answer => temporaryCredentials(answer, deps.mask));
}
/** A role's credentials for the profile's source credentials (`AssumeRole`, signed with them). */
async function assumeRole(endpoint, region, source, params, deps) {
    const request = await signed(stsRequest(endpoint, { Action: 'AssumeRole', ...params }), source, region, 'sts');
    return awsCall(request, 'STS AssumeRole', secretsOf(source), deps, answer => temporaryCredentials(answer, deps.mask));
}
/** One page of `ListInferenceProfiles` (system-defined profiles, as Claude Code lists them): whether Bedrock said yes. */
async function listInferenceProfiles(endpoint, region, auth, deps) {
    const request = {
        method: 'GET',
        url: `${endpoint}/inference-profiles?maxResults=1&typeEquals=SYSTEM_DEFINED`,
        headers: { accept: 'application/json', 'user-agent': 'claude-preflight' }
    };
    const ready = 'apiKey' in auth
        ? { ...request, headers: { ...request.headers, authorization: `Bearer ${auth.apiKey}` } }
        : await signed(request, auth.credentials, region, 'bedrock');
    const secrets = 'apiKey' in auth ? [auth.apiKey] : secretsOf(auth.credentials);
    return awsCall(ready, 'Bedrock ListInferenceProfiles', secrets, deps, answer => {
        const summaries = answer.data
            ?.inferenceProfileSummaries;
        return Array.isArray(summaries) ? { profiles: summaries.length } : undefined;
    });
}
function secretsOf(credentials) {
    return [credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(Boolean);
}

;// CONCATENATED MODULE: ./lib/cloud/aws/endpoints.js
// Where the AWS calls go, moved the way users move them. The AWS SDKs' service-specific endpoints
// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): `AWS_ENDPOINT_URL_<SERVICE_ID>`, then
// `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true. Claude Code's Bedrock client sends its
// control-plane calls to `ANTHROPIC_BEDROCK_BASE_URL` when set, else `https://bedrock.{region}.amazonaws.com`
// (`bedrock-fips` in GovCloud), and takes the region from `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's, then
// us-east-1 (claude-code 2.1.328 bundle).
/** The region as Claude Code picks it; `profileRegion` is the shared config's for the profile in use, when known. */
function awsRegion(env, profileRegion) {
    return env.AWS_REGION || env.AWS_DEFAULT_REGION || profileRegion || 'us-east-1';
}
/** The endpoint the SDKs' variables set for a service (`STS`, `BEDROCK`), without a trailing slash; else undefined. */
function configuredEndpoint(env, serviceId) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    const url = env[`AWS_ENDPOINT_URL_${serviceId}`] || env.AWS_ENDPOINT_URL;
    return url ? url.replace(/\/+$/, '') : undefined;
}
/** STS's endpoint: regional, as the SDK for JavaScript v3 calls it. */
function stsEndpoint(env, region) {
    return configuredEndpoint(env, 'STS') ?? `https://sts.${region}.amazonaws.com`;
}
/** The Bedrock control plane's endpoint, where Claude Code lists inference profiles. */
function bedrockEndpoint(env, region) {
    const base = env.ANTHROPIC_BEDROCK_BASE_URL?.replace(/\/+$/, '');
    const fips = region.startsWith('us-gov-') ? '-fips' : '';
    return (base || configuredEndpoint(env, 'BEDROCK') || `https://bedrock${fips}.${region}.amazonaws.com`);
}

;// CONCATENATED MODULE: ./lib/github/oidc.js
// Minting the job's OIDC token as @actions/core getIDToken does
// (https://github.com/actions/toolkit/blob/main/packages/core/src/oidc-utils.ts): `GET
// ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`
// answers `{"value": "<jwt>"}`. GitHub sets both variables only for a job with `permissions: id-token: write`
// (https://docs.github.com/en/actions/reference/security/oidc), which a pull request from a fork does not get: its
// write permissions are read-only (JuliaCloud/AWS.jl#634).




/**
 * An OIDC token for `audience`, or why none: `no-permission` (GitHub gave the job no token request: no request is
 * sent), `refused` (the token service's own 401 or 403), `unverifiable` (no answer, 5xx or 429 after retries, a
 * proxy's page, an answer without a token). The request token and the token minted are masked at once.
 */
async function mintOidcToken(env, audience, deps) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    const missing = [
        !requestUrl && 'ACTIONS_ID_TOKEN_REQUEST_URL',
        !requestToken && 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
    ].filter(Boolean);
    if (missing.length > 0) {
        return {
            problem: 'no-permission',
            message: `${missing.join(' and ')} not set: GitHub gave this job no OIDC token request (no permissions: id-token: write, or a pull request from a fork)`
        };
    }
    deps.mask(requestToken);
    const unsafe = unsafeTransport(requestUrl);
    if (unsafe)
        return { problem: 'unverifiable', message: `ACTIONS_ID_TOKEN_REQUEST_URL ${unsafe}` };
    const { value, attempts } = await sendWithRetries({
        method: 'GET',
        url: `${requestUrl}&audience=${encodeURIComponent(audience)}`,
        headers: {
            authorization: `Bearer ${requestToken}`,
            accept: 'application/json',
            'user-agent': 'claude-preflight'
        }
    }, response => oidc_readAnswer(answerWithout([requestToken], response), deps.mask), message => ({ problem: 'unverifiable', message }), deps);
    if ('token' in value || value.problem !== 'unverifiable')
        return value;
    return { ...value, message: `${value.message}${attemptsNote(attempts)}` };
}
function oidc_readAnswer(answer, mask) {
    const { status } = answer;
    const unverifiable = (message) => ({
        problem: 'unverifiable',
        message,
        httpStatus: status
    });
    if (status >= 200 && status < 300) {
        const token = answer.data?.value;
        if (typeof token === 'string' && token) {
            mask(token);
            return { done: true, value: { token } };
        }
        return {
            done: true,
            value: unverifiable(`HTTP ${status} without an ID token (${bodyDescription(answer)})`)
        };
    }
    const said = apiMessage(answer);
    const other = transientOrRedirect(answer, said, unverifiable);
    if (other)
        return other;
    // A proxy's page is not the token service's refusal.
    if ((status === 401 || status === 403) && !isHtmlPage(answer))
        return {
            done: true,
            value: {
                problem: 'refused',
                message: `HTTP ${status}: ${errors_clipLine(said)}`,
                httpStatus: status
            }
        };
    return { done: true, value: unverifiable(`HTTP ${status}: ${errors_clipLine(said)}`) };
}

;// CONCATENATED MODULE: ./lib/renew/source.js

/** A non-empty string field of a job description, else undefined: the description is read defensively. */
const jobText = (value) => typeof value === 'string' && value ? value : undefined;
/**
 * Every secret in the content of a source's file: the whole content, and the parts the source names; none shorter
 * than a secret can be (RUNNER_TEMP is writable by every step: a planted "a" must not be masked everywhere).
 */
const source_secretsOf = (source, content) => [content.trim(), ...(source.secretsIn?.(content) ?? [])].filter(secret => secret.length >= MIN_SECRET);

;// CONCATENATED MODULE: ./lib/renew/oidc.js
// GitHub OIDC tokens minted by the renewer from the job's token request (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN,
// which stay valid for the whole job): what the federation, AWS and Azure sources share.



/** What GitHub documents of its OIDC tokens' life, for a token that carries no `exp`. */
const OIDC_LIFETIME_MS = 5 * 60_000;
/** The job's OIDC token request, or why there is none. */
function oidcRequestOf(env) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    if (!requestUrl || !requestToken)
        return {
            why: 'GitHub gave this job no OIDC token request (no `permissions: id-token: write`, or a pull request from a fork)'
        };
    return { requestUrl, requestToken };
}
/** The OIDC part of a job description, read defensively. */
function readOidcJob(kind, value) {
    const file = jobText(value.file);
    const audience = jobText(value.audience);
    const requestUrl = jobText(value.requestUrl);
    const requestToken = jobText(value.requestToken);
    if (!file || !audience || !requestUrl || !requestToken)
        return undefined;
    return { kind, file, audience, requestUrl, requestToken };
}
/** A fresh GitHub OIDC token for `audience`, or why none (`permanent` unless GitHub's service did not answer). */
async function mintJobOidcToken(request, audience, deps) {
    const oidc = await mintOidcToken({
        ACTIONS_ID_TOKEN_REQUEST_URL: request.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: request.requestToken
    }, audience, 
    // The renewer prints nothing: there is no log to mask.
    { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined });
    if ('token' in oidc)
        return oidc;
    return {
        failure: `GitHub's OIDC token service: ${oidc.message}`,
        permanent: oidc.problem !== 'unverifiable'
    };
}
/** A source's mint whose file holds the OIDC token itself, living until its `exp`. */
async function mintOidcFile(job, deps) {
    const oidc = await mintJobOidcToken(job, job.audience, deps);
    if (!('token' in oidc))
        return oidc;
    const expiresAt = jwt_jwtExpiry(oidc.token)?.getTime() ?? deps.now() + OIDC_LIFETIME_MS;
    return { minted: { value: oidc.token, expiresAt } };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./lib/files/regular.js
// Opening a file that something hostile may have put in place: a symlink, a FIFO with no writer (whose open() would
// block forever), a device. Shared by the scanner and the write-back's read-back of its own files.



/** A path that is not a regular file; `reason` says what it is ("it is a FIFO, not a regular file"). */
class NotRegularFileError extends Error {
    reason;
    constructor(reason) {
        super(`refused: ${reason}`);
        this.reason = reason;
        this.name = 'NotRegularFileError';
    }
}
/**
 * Opens a path for reading without following a symlink in its last part and without blocking (a FIFO with no
 * writer, a device), then keeps it only if the descriptor is a regular file. Throws a NotRegularFileError for
 * anything else, and open()'s own error (ENOENT, ELOOP for a symlink, …) when it cannot be opened.
 */
async function openRegular(path) {
    // Both flags are 0 where the platform has none (Windows): there, stat before opening keeps devices out.
    const flags = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
    if (external_node_fs_.constants.O_NONBLOCK === undefined)
        assertRegular(await (0,promises_.stat)(path));
    const handle = await (0,promises_.open)(path, flags);
    try {
        assertRegular(await handle.stat());
        return handle;
    }
    catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
    }
}
function assertRegular(info) {
    if (info.isFile())
        return;
    const what = info.isFIFO()
        ? 'a FIFO'
        : info.isCharacterDevice() || info.isBlockDevice()
            ? 'a device'
            : info.isSocket()
                ? 'a socket'
                : info.isDirectory()
                    ? 'a directory'
                    : 'a special file';
    throw new NotRegularFileError(`it is ${what}, not a regular file`);
}
/** Whether `path` is `root` or lies under it. Both absolute and normalised. */
function isWithin(path, root) {
    return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}
/** The first `max` bytes of the regular file at `path` as UTF-8, or undefined when it is none or cannot be read. */
async function regular_readRegularText(path, max) {
    try {
        const handle = await openRegular(path);
        try {
            const buffer = Buffer.alloc(max);
            const { bytesRead } = await handle.read(buffer, 0, max, 0);
            return buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/renew/helper-settings.js
// Claude Code's user settings with one key (`apiKeyHelper`, `awsCredentialExport`) pointing at a renewer's file, and
// that key taken out again at job end. Every other key of an existing file is kept: claude-code-action merges its own
// settings into it too (anthropics/claude-code-action base-action/src/setup-claude-code-settings.ts).







/** `~/.claude/settings.json`, honouring CLAUDE_CONFIG_DIR and HOME as the CLI does. */
function userSettingsPath(env) {
    const dir = env.CLAUDE_CONFIG_DIR || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.claude');
    return (0,external_node_path_.join)(dir, 'settings.json');
}
/** A shell command that prints `file`: Claude Code runs `apiKeyHelper` through the shell. */
const printCommand = (file) => `cat '${file.replaceAll("'", `'\\''`)}'`;
/**
 * The settings text with `key` set to `value` (or removed, for undefined), every other key kept; or why an existing
 * text cannot be kept. Pure.
 */
function withSetting(existing, key, value) {
    let root = {};
    if (existing?.trim()) {
        let parsed;
        try {
            parsed = JSON.parse(existing);
        }
        catch {
            return { problem: 'it is not JSON' };
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            return { problem: 'it is not a JSON object' };
        root = parsed;
    }
    const { [key]: _replaced, ...kept } = root;
    return {
        text: `${JSON.stringify(value === undefined ? kept : { ...kept, [key]: value }, null, 2)}\n`
    };
}
/** Writes `key` into the user settings; the path written, or why not (the file is then left as it was). */
async function writeUserSetting(env, key, value) {
    return updateUserSettings(env, existing => withSetting(existing, key, value));
}
/**
 * Post's side: removes `key` from the user settings when it still holds `value` (the renewer's file is gone after the
 * job: on a self-hosted runner a later run would run a helper that prints nothing). The path, whether it was removed,
 * or why not.
 */
async function removeUserSetting(env, key, value) {
    let removed = false;
    const outcome = await updateUserSettings(env, existing => {
        const updated = withSetting(existing, key, undefined);
        if ('problem' in updated || !existing?.trim())
            return undefined;
        removed = JSON.parse(existing)[key] === value;
        return removed ? updated : undefined;
    });
    return 'problem' in outcome ? outcome : { ...outcome, removed };
}
/** Rewrites the user settings with what `update` makes of their text (undefined: leave the file as it is). */
async function updateUserSettings(env, update) {
    const path = userSettingsPath(env);
    try {
        const existing = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        });
        const updated = update(existing);
        if (!updated)
            return { path };
        if ('problem' in updated)
            return { path, problem: updated.problem };
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o700 });
        await writeAtomically(path, updated.text);
        return { path };
    }
    catch (error) {
        return { path, problem: reasonOf(error) };
    }
}
/**
 * A source's hand-off through a settings key: `key` set to a command that prints `file`. The settings' path; or
 * undefined once a warning has said how to set it by hand.
 */
async function handOffToSetting(key, file, { core, env, pid }) {
    const command = printCommand(file);
    const written = await writeUserSetting(env, key, command);
    for (const project of await projectSettingsSetting(env.GITHUB_WORKSPACE, key))
        core.warning(`${PREFIX}: ${project} sets ${key}, which outranks the user settings the renewer's command is written into (https://code.claude.com/docs/en/settings#settings-precedence): Claude Code started in that checkout runs that command, not the renewer's. Remove it from the repository's Claude Code settings.`);
    if (!('problem' in written))
        return written.path;
    core.warning(`${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh, but ${key} could not be written into ${written.path} (${inert(written.problem)}): set \`"${key}": ${JSON.stringify(command)}\` in Claude Code's settings yourself.`);
    return undefined;
}
/** The most of a project settings file read: settings, not a document. */
const MAX_PROJECT_SETTINGS_BYTES = 256 * 1024;
/**
 * The checkout's own Claude Code settings files (`.claude/settings.json`, `.claude/settings.local.json` in
 * `workspace`) that set `key`: a project setting outranks the user's. Read as hostile text (a pull request's copy of
 * the files): regular files only, bounded, never quoted.
 */
async function projectSettingsSetting(workspace, key) {
    if (!workspace)
        return [];
    const found = [];
    for (const name of ['settings.json', 'settings.local.json']) {
        const path = (0,external_node_path_.join)(workspace, '.claude', name);
        const text = await regular_readRegularText(path, MAX_PROJECT_SETTINGS_BYTES);
        if (text === undefined)
            continue;
        try {
            const parsed = JSON.parse(text);
            if (parsed && typeof parsed === 'object' && key in parsed)
                found.push((0,external_node_path_.join)('.claude', name));
        }
        catch {
            // Not JSON: Claude Code would not read a key from it either.
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./lib/renew/aws.js
// Amazon Bedrock and its AWS siblings (Bedrock Mantle, Claude Platform on AWS) through Claude Code's
// `awsCredentialExport` (https://code.claude.com/docs/en/settings): a command whose output
// `{"Credentials":{AccessKeyId,SecretAccessKey,SessionToken,Expiration}}` Claude Code signs with, ahead of
// AWS_ACCESS_KEY_ID and AWS_PROFILE. It runs the command again 5 minutes before `Expiration`, and after a credential
// error; credentials with less than about 6 minutes left it keeps until such an error (seen with the real CLI, pinned
// in __tests__/claude-cli-aws-export.test.ts). The renewer assumes the role with web identity as
// aws-actions/configure-aws-credentials does (a GitHub OIDC token of audience sts.amazonaws.com, then STS
// AssumeRoleWithWebIdentity), and keeps the file the command prints holding a session with more than 10 minutes left.







/** configure-aws-credentials' defaults (its action.yml): the audience and the session's name. */
const AWS_AUDIENCE = 'sts.amazonaws.com';
const DEFAULT_SESSION_NAME = 'GitHubActions';
/** What outranks awsCredentialExport on each AWS platform (seen with the real CLI). */
const OUTRANKING_EXPORT = {
    bedrock: 'AWS_BEARER_TOKEN_BEDROCK',
    mantle: 'AWS_BEARER_TOKEN_BEDROCK',
    'anthropic-aws': 'ANTHROPIC_AWS_API_KEY'
};
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/** The role to assume and how, from AWS_ROLE_ARN, else the configure-aws-credentials step's inputs; or why none. Pure. */
function roleOf(selection, env) {
    const login = selection.claudeStep?.awsLogin;
    const given = env.AWS_ROLE_ARN?.trim();
    const written = login?.inputs['role-to-assume']?.trim();
    const from = given ? 'AWS_ROLE_ARN' : `input role-to-assume of ${login?.label}`;
    const roleArn = given || written;
    if (!roleArn)
        return {
            why: 'no role to assume with the job’s OIDC token is known: give this step AWS_ROLE_ARN in its `env:`, or assume the role with aws-actions/configure-aws-credentials and its `role-to-assume` before this step'
        };
    if (/\$\{\{/.test(roleArn))
        return {
            why: `${from} is an expression this step cannot read (${inert(roleArn)}): give this step AWS_ROLE_ARN with the same expression in its \`env:\``
        };
    if (!ROLE_ARN.test(roleArn))
        return { why: `${from} is not an IAM role's ARN (arn:aws:iam::<account>:role/<name>)` };
    const inputs = given ? {} : (login?.inputs ?? {});
    const named = (env.AWS_ROLE_SESSION_NAME ?? inputs['role-session-name'])?.trim();
    const duration = Number(inputs['role-duration-seconds']?.trim() || NaN);
    const audience = inputs.audience?.trim();
    return {
        roleArn,
        roleSessionName: named && SESSION_NAME.test(named) ? named : DEFAULT_SESSION_NAME,
        // STS's range (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html).
        ...(Number.isInteger(duration) &&
            duration >= 900 &&
            duration <= 43_200 && { durationSeconds: duration }),
        audience: audience && !/\$\{\{/.test(audience) ? audience : AWS_AUDIENCE
    };
}
/** What awsCredentialExport prints: STS's shape. */
const exportedCredentials = (credentials) => JSON.stringify({
    Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: credentials.expiration?.toISOString()
    }
});
const AWS_SOURCE = {
    kind: 'aws',
    renews: 'claude',
    what: 'the AWS session that awsCredentialExport prints',
    credential: 'AWS session',
    fileName: 'aws-credentials.json',
    // More than the 6 minutes under which Claude Code keeps a session until it is refused: a session read from the file
    // is always one it takes again 5 minutes before its end.
    marginMs: 10 * 60_000,
    settingKey: 'awsCredentialExport',
    secretsIn(content) {
        try {
            const { Credentials: parts } = JSON.parse(content);
            return ['AccessKeyId', 'SecretAccessKey', 'SessionToken']
                .map(name => parts?.[name])
                .filter((value) => typeof value === 'string' && value.length > 0);
        }
        catch {
            return [];
        }
    },
    plan({ selection, env }) {
        const { platform, claudeEnv, claudeStep } = selection;
        if (!platform || !claudeEnv || !(platform.id in OUTRANKING_EXPORT))
            return undefined;
        const role = roleOf(selection, env);
        if ('why' in role)
            return { why: `the renewer cannot renew the ${platform.label} session: ${role.why}` };
        const request = oidcRequestOf(env);
        if ('why' in request)
            return request;
        const outranking = OUTRANKING_EXPORT[platform.id];
        const step = claudeStep?.label ?? 'the Claude step';
        return {
            job: {
                kind: 'aws',
                ...role,
                stsEndpoint: stsEndpoint(claudeEnv.env, awsRegion(claudeEnv.env)),
                ...request
            },
            renewedBy: `the preflight's renewer (input 'renew'), which assumes ${role.roleArn} again with a fresh GitHub OIDC token before each session ends, and whose session Claude Code reads through awsCredentialExport`,
            warnings: claudeEnv.env[outranking]?.trim()
                ? [
                    `${step} gets ${outranking}, which outranks awsCredentialExport on ${platform.label}: Claude Code would use it and never the session the renewer keeps fresh. Remove it from that step.`
                ]
                : []
        };
    },
    readJob(value) {
        const file = jobText(value.file);
        const roleArn = jobText(value.roleArn);
        const roleSessionName = jobText(value.roleSessionName);
        const audience = jobText(value.audience);
        const endpoint = jobText(value.stsEndpoint);
        const requestUrl = jobText(value.requestUrl);
        const requestToken = jobText(value.requestToken);
        const duration = value.durationSeconds;
        if (!file || !roleArn || !roleSessionName || !audience || !endpoint)
            return undefined;
        if (!requestUrl || !requestToken)
            return undefined;
        if (duration !== undefined && !Number.isInteger(duration))
            return undefined;
        return {
            kind: 'aws',
            file,
            roleArn,
            roleSessionName,
            ...(typeof duration === 'number' && { durationSeconds: duration }),
            audience,
            stsEndpoint: endpoint,
            requestUrl,
            requestToken
        };
    },
    async mint(job, deps) {
        const oidc = await mintJobOidcToken(job, job.audience, deps);
        if (!('token' in oidc))
            return oidc;
        const assumed = await assumeRoleWithWebIdentity(job.stsEndpoint, {
            RoleArn: job.roleArn,
            RoleSessionName: job.roleSessionName,
            WebIdentityToken: oidc.token,
            ...(job.durationSeconds && { DurationSeconds: job.durationSeconds })
        }, { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined });
        // A refusal (the role's trust policy, a duration above its maximum) stays one; STS's own failures may pass.
        if ('failed' in assumed)
            return {
                failure: assumed.failed.message,
                permanent: assumed.failed.status !== 'unverifiable'
            };
        const { expiration } = assumed.data;
        return {
            minted: {
                value: exportedCredentials(assumed.data),
                expiresAt: expiration?.getTime() ?? deps.now()
            }
        };
    },
    async handOff(file, deps) {
        const path = await handOffToSetting('awsCredentialExport', file, deps);
        if (!path)
            return;
        deps.core.info(`${PREFIX}: the renewer (process ${deps.pid}) keeps the AWS session in ${file} fresh until the job ends; awsCredentialExport in ${path} prints it for Claude Code, ahead of the AWS keys in its environment.`);
    }
};

;// CONCATENATED MODULE: ./lib/cloud/foundry/entra.js
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
    const { DefaultAzureCredential } = await __nccwpck_require__.e(/* import() */ 491).then(__nccwpck_require__.bind(__nccwpck_require__, 1491));
    const signal = AbortSignal.timeout(deps.timeoutMs);
    const credential = new DefaultAzureCredential({ processTimeoutInMs: deps.timeoutMs });
    let answer;
    try {
        answer = await Promise.race([
            credential.getToken(FOUNDRY_SCOPE, { abortSignal: signal }),
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
        source: entra_sourceOf(env, answer.token, deps.mask)
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
    const said = clipLine(words.join('; '), 600);
    if (error.message === 'timed out' || error.name === 'AbortError')
        return {
            status: 'unverifiable',
            message: `DefaultAzureCredential: no token within ${formatDuration(timeoutMs)} (Entra or the az CLI did not answer in time)`
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
function entra_sourceOf(env, token, mask) {
    if (has(env, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID') &&
        (has(env, 'AZURE_CLIENT_SECRET') ||
            has(env, 'AZURE_CLIENT_CERTIFICATE_PATH') ||
            has(env, 'AZURE_USERNAME', 'AZURE_PASSWORD')))
        return { label: 'the service principal in AZURE_CLIENT_ID / AZURE_TENANT_ID', final: false };
    const claims = claimsOf(token);
    if (has(env, 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID'))
        return workloadIdentity(env.AZURE_FEDERATED_TOKEN_FILE ?? '', jwtExpiry(token), mask);
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
        const assertion = readFileSync(file, 'utf8').trim();
        if (assertion)
            mask(assertion);
        assertionEnd = jwtExpiry(assertion);
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
    const dir = env.AZURE_CONFIG_DIR?.trim() || (0,external_node_path_.join)(env.HOME?.trim() || (0,external_node_os_.homedir)(), '.azure');
    let entries;
    try {
        entries = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'service_principal_entries.json'), 'utf8'));
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

;// CONCATENATED MODULE: ./lib/renew/azure.js
// Microsoft Foundry behind azure/login, through a federated token file: Claude Code's Foundry client gets its Entra
// token from @azure/identity's DefaultAzureCredential, whose WorkloadIdentityCredential signs in with the GitHub OIDC
// token in AZURE_FEDERATED_TOKEN_FILE for AZURE_CLIENT_ID in AZURE_TENANT_ID (at AZURE_AUTHORITY_HOST)
// (https://learn.microsoft.com/javascript/api/@azure/identity/workloadidentitycredential). Seen with the real CLI
// (2.1.328 and 2.1.332, Entra and Foundry stand-ins): it reads the file again for each new Entra token, and a token past
// its time there fails the run with AADSTS700024. The renewer keeps the file holding a fresh token of the audience
// azure/login asks for (https://github.com/Azure/login: `api://AzureADTokenExchange`), so the run outlives the hour
// azure/login's own sign-in lasts.



const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange';
const AZURE_TOKEN_FILE_VARIABLE = 'AZURE_FEDERATED_TOKEN_FILE';
/** Set in Claude Code's environment, they outrank Entra (src/cloud/foundry/settings.ts). */
const FOUNDRY_OWN = ['ANTHROPIC_FOUNDRY_AUTH_TOKEN', 'ANTHROPIC_FOUNDRY_API_KEY'];
/** DefaultAzureCredential's EnvironmentCredential, ahead of workload identity: a secret or certificate renews itself. */
const SERVICE_PRINCIPAL = ['AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH'];
/**
 * The app and tenant the workload identity credential signs in as: AZURE_CLIENT_ID and AZURE_TENANT_ID of `env`, else
 * the one federated sign-in of the az CLI (azure/login's `client-id` and `tenant-id`); `exports`, what `env` lacks.
 * Pure.
 */
function azureIdentity(env, logins) {
    const distinct = (values) => [
        ...new Set(values.filter((v) => !!v))
    ];
    const own = (name) => env[name]?.trim();
    const clientIds = own('AZURE_CLIENT_ID')
        ? [own('AZURE_CLIENT_ID')]
        : distinct(logins.map(login => login.clientId));
    const tenantIds = own('AZURE_TENANT_ID')
        ? [own('AZURE_TENANT_ID')]
        : distinct(logins.map(login => login.tenantId));
    if (clientIds.length !== 1 || tenantIds.length !== 1)
        return {
            why: `the Azure workload identity credential needs AZURE_CLIENT_ID and AZURE_TENANT_ID, and ${clientIds.length + tenantIds.length === 0 ? 'neither is set nor signed in by azure/login with OIDC' : 'they are not set and the az CLI holds several federated sign-ins'}: set them in the job's \`env:\` to azure/login's \`client-id\` and \`tenant-id\``
        };
    return {
        exports: {
            ...(!own('AZURE_CLIENT_ID') && { AZURE_CLIENT_ID: clientIds[0] }),
            ...(!own('AZURE_TENANT_ID') && { AZURE_TENANT_ID: tenantIds[0] })
        }
    };
}
/**
 * Whether Claude Code's Foundry route can run on a federated token file the renewer keeps fresh, given the job's OIDC
 * token request and the az CLI's federated sign-ins. Pure.
 */
function azurePlan(selection, logins, request) {
    const { claudeEnv, claudeStep } = selection;
    const env = claudeEnv?.env ?? {};
    const isSet = (name) => !!env[name]?.trim() || !!claudeEnv?.unreadable.includes(name);
    const own = FOUNDRY_OWN.find(isSet);
    if (own)
        return {
            why: `Claude Code sends ${own}, which outranks any Entra token: ${own === 'ANTHROPIC_FOUNDRY_API_KEY' ? 'a Foundry key does not expire' : 'the renewer cannot mint that token again; remove it from the Claude step, and Claude Code signs in to Entra with the federated token file the renewer keeps fresh'}`
        };
    if (isSet('CLAUDE_CODE_SKIP_FOUNDRY_AUTH'))
        return {
            why: 'CLAUDE_CODE_SKIP_FOUNDRY_AUTH is set: a gateway signs the requests, not Claude Code'
        };
    const secret = SERVICE_PRINCIPAL.find(isSet);
    if (secret)
        return {
            why: `${secret} is set, and the Azure credential signs in with it again whenever its token ends: nothing needs renewing`
        };
    const identity = azureIdentity(env, logins);
    if ('why' in identity)
        return identity;
    if ('why' in request)
        return request;
    const file = claudeStep?.variable(AZURE_TOKEN_FILE_VARIABLE);
    return {
        job: { kind: 'azure', audience: AZURE_FEDERATION_AUDIENCE, ...request },
        renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${AZURE_TOKEN_FILE_VARIABLE} with a fresh GitHub OIDC token (audience ${AZURE_FEDERATION_AUDIENCE}) at half its life, from which Claude Code's Azure credential signs in to Entra again whenever its token ends`,
        warnings: file?.kind === 'step'
            ? [
                `${claudeStep.label} sets its own ${AZURE_TOKEN_FILE_VARIABLE} (${file.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${AZURE_TOKEN_FILE_VARIABLE} }} or remove it.`
            ]
            : []
    };
}
const AZURE_SOURCE = {
    kind: 'azure',
    renews: 'claude',
    what: 'the federated token file of the Azure workload identity credential',
    credential: 'federated token',
    fileName: 'azure-federated-token',
    marginMs: 30_000,
    plan({ selection, env, azureLogins }) {
        if (selection.platform?.id !== 'foundry' || !selection.claudeEnv)
            return undefined;
        return azurePlan(selection, azureLogins ?? [], oidcRequestOf(env));
    },
    readJob: value => readOidcJob('azure', value),
    mint: mintOidcFile,
    async handOff(file, { core, env, pid }) {
        const identity = azureIdentity(env, azureFederatedLogins(env));
        const exports = 'exports' in identity ? identity.exports : {};
        core.exportVariable(AZURE_TOKEN_FILE_VARIABLE, file);
        for (const [name, value] of Object.entries(exports))
            core.exportVariable(name, value);
        core.info(`${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; ${[AZURE_TOKEN_FILE_VARIABLE, ...Object.keys(exports)].join(', ')} point Claude Code's Azure credential (workload identity) there for the steps that follow.`);
    }
};

;// CONCATENATED MODULE: ./lib/cloud/federation/settings.js
// Anthropic workload identity federation as Claude Code reads it from the environment
// (https://platform.claude.com/docs/en/manage-claude/wif-reference): ANTHROPIC_FEDERATION_RULE_ID and
// ANTHROPIC_ORGANIZATION_ID turn it on, ANTHROPIC_SERVICE_ACCOUNT_ID and ANTHROPIC_WORKSPACE_ID are sent when set, the
// identity token comes from ANTHROPIC_IDENTITY_TOKEN_FILE (re-read at every exchange) before ANTHROPIC_IDENTITY_TOKEN,
// and the exchange goes to ANTHROPIC_BASE_URL or https://api.anthropic.com. Every value is trimmed. (The SDK inside
// @anthropic-ai/claude-code 2.1.328 reads them so; anthropics/claude-code-action base-action/src/workload-identity.ts
// treats the rule and the organization as the switch too.)

/**
 * The audience claude-code-action asks on the GitHub OIDC token it hands Claude Code, unless its
 * `anthropic_oidc_audience` input (the step's ANTHROPIC_OIDC_AUDIENCE) says otherwise
 * (anthropics/claude-code-action base-action/src/workload-identity.ts DEFAULT_OIDC_AUDIENCE).
 */
const FEDERATION_AUDIENCE = 'https://api.anthropic.com';
const value = (env, name) => env[name]?.trim() || undefined;
/** The federation settings in `env`, or the variables that turn it on and are missing. */
function readFederationSettings(env) {
    const ruleId = value(env, 'ANTHROPIC_FEDERATION_RULE_ID');
    const organizationId = value(env, 'ANTHROPIC_ORGANIZATION_ID');
    if (!ruleId || !organizationId) {
        return {
            missing: [
                !ruleId && 'ANTHROPIC_FEDERATION_RULE_ID',
                !organizationId && 'ANTHROPIC_ORGANIZATION_ID'
            ].filter((name) => Boolean(name))
        };
    }
    const serviceAccountId = value(env, 'ANTHROPIC_SERVICE_ACCOUNT_ID');
    const workspaceId = value(env, 'ANTHROPIC_WORKSPACE_ID');
    return {
        ruleId,
        organizationId,
        ...(serviceAccountId && { serviceAccountId }),
        ...(workspaceId && { workspaceId }),
        baseUrl: (value(env, 'ANTHROPIC_BASE_URL') ?? 'https://api.anthropic.com').replace(/\/+$/, ''),
        audience: value(env, 'ANTHROPIC_OIDC_AUDIENCE') ?? FEDERATION_AUDIENCE,
        identityToken: value(env, 'ANTHROPIC_IDENTITY_TOKEN_FILE')
            ? 'file'
            : value(env, 'ANTHROPIC_IDENTITY_TOKEN')
                ? 'static'
                : 'none'
    };
}
/** Who a federated token acts as: ids only, none of them a secret. */
function federationIdentity(settings) {
    const who = settings.serviceAccountId
        ? `service account ${settings.serviceAccountId}`
        : "the rule's service account";
    const workspace = settings.workspaceId ? `, workspace ${settings.workspaceId}` : '';
    return `${who} (rule ${settings.ruleId}, organization ${settings.organizationId}${workspace})`;
}
/** A few seconds of the exchange's own clock and latency, within which an `expires_in` counts as the cap. */
const CAP_SLACK_SECONDS = 5;
/**
 * The real lifetime of a token minted `mintedAt` with `expiresIn` seconds from an OIDC token that expires at
 * `oidcExpiresAt` (unknown when the OIDC token carried no `exp`).
 */
function mintedLifetime(expiresIn, mintedAt, oidcExpiresAt) {
    const seconds = Math.max(0, Math.floor(expiresIn));
    const expiresAt = new Date(mintedAt.getTime() + seconds * 1000);
    const oidcLeft = oidcExpiresAt === undefined
        ? undefined
        : Math.max(0, Math.floor((oidcExpiresAt.getTime() - mintedAt.getTime()) / 1000));
    const cappedByOidc = oidcLeft !== undefined && seconds >= 2 * oidcLeft - CAP_SLACK_SECONDS;
    const explanation = cappedByOidc
        ? `the rule's lifetime capped at twice the OIDC token's remaining ${formatDuration(oidcLeft * 1000)}`
        : "the rule's lifetime";
    return { seconds, expiresAt, cappedByOidc, explanation };
}
/**
 * What becomes of the Claude step's credential once its first federated token ends: Claude Code exchanges again with
 * the identity token it reads then, which is single-use and lives about five minutes when GitHub minted it.
 */
function renewalNote(source) {
    switch (source) {
        case 'file':
            return 'Claude Code re-exchanges ANTHROPIC_IDENTITY_TOKEN_FILE before then: the file must be rewritten with a fresh OIDC token (claude-code-action does it every 4 minutes; a bare `claude -p` needs a loop that does)';
        case 'static':
            return 'ANTHROPIC_IDENTITY_TOKEN is one OIDC token, usable once: Claude Code cannot mint another, so the Claude step loses the API when its first token ends; use ANTHROPIC_IDENTITY_TOKEN_FILE and rewrite it (claude-code-action does it every 4 minutes)';
        case 'none':
            return "claude-code-action's federation inputs write ANTHROPIC_IDENTITY_TOKEN_FILE in its own step and rewrite it every 4 minutes, so Claude Code can re-mint; a bare `claude -p` needs ANTHROPIC_IDENTITY_TOKEN_FILE and a loop that rewrites it";
    }
}

;// CONCATENATED MODULE: ./lib/renew/federation.js
// Anthropic workload identity federation in a bare `claude -p` step: Claude Code re-reads ANTHROPIC_IDENTITY_TOKEN_FILE
// at every exchange (the SDK inside @anthropic-ai/claude-code; https://platform.claude.com/docs/en/manage-claude/wif-reference),
// and a GitHub OIDC token lives about five minutes and can be exchanged once. The renewer keeps the file holding an
// unused token with at least half its life left, as claude-code-action's own loop does for its step every 4 minutes
// (anthropics/claude-code-action base-action/src/workload-identity.ts).




const IDENTITY_FILE_VARIABLE = 'ANTHROPIC_IDENTITY_TOKEN_FILE';
const FEDERATION_SOURCE = {
    kind: 'federation',
    renews: 'claude',
    what: "the federated token's identity file",
    credential: 'identity token',
    fileName: 'identity-token',
    marginMs: 30_000,
    plan({ selection, env }) {
        const { platform, claudeEnv, tokenWrittenBy, claudeStep } = selection;
        if (platform !== platforms_FEDERATION || !claudeEnv)
            return undefined;
        if (tokenWrittenBy)
            return {
                why: `Claude runs in ${tokenWrittenBy} (claude-code-action), which mints its own identity token and rewrites ${IDENTITY_FILE_VARIABLE} every 4 minutes: no renewer is started for federation there`
            };
        if (claudeEnv.unreadable.includes('ANTHROPIC_OIDC_AUDIENCE'))
            return {
                why: 'ANTHROPIC_OIDC_AUDIENCE is set in the Claude step from an expression this step cannot read, so the renewer cannot know the audience the rule expects: give this step the same value in its `env:`'
            };
        const request = oidcRequestOf(env);
        if ('why' in request)
            return request;
        const own = claudeStep?.variable(IDENTITY_FILE_VARIABLE);
        return {
            job: {
                kind: 'federation',
                audience: claudeEnv.env.ANTHROPIC_OIDC_AUDIENCE?.trim() || FEDERATION_AUDIENCE,
                ...request
            },
            renewedBy: `the preflight's renewer (input 'renew'), which rewrites ${IDENTITY_FILE_VARIABLE} with a fresh GitHub OIDC token at half its life, so that Claude Code exchanges a fresh one whenever its federated token ends`,
            warnings: own?.kind === 'step'
                ? [
                    `${claudeStep.label} sets its own ${IDENTITY_FILE_VARIABLE} (${own.why}), which outranks the one the renewer keeps fresh: set it to \${{ env.${IDENTITY_FILE_VARIABLE} }} or remove it, or Claude Code reads a token nobody renews.`
                ]
                : []
        };
    },
    readJob: value => readOidcJob('federation', value),
    mint: mintOidcFile,
    async handOff(file, { core, pid }) {
        core.exportVariable(IDENTITY_FILE_VARIABLE, file);
        core.info(`${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; ${IDENTITY_FILE_VARIABLE} points there for the steps that follow.`);
    }
};

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./lib/renew/gateway.js
// A gateway's short-lived bearer token through Claude Code's `apiKeyHelper`: Claude Code runs the helper again after
// CLAUDE_CODE_API_KEY_HELPER_TTL_MS (default 5 minutes) and after a 401, and sends what it prints as `x-api-key` and
// `Authorization: Bearer` (https://code.claude.com/docs/en/settings, `apiKeyHelper`). The renewer runs the command the
// user gives (input `renew-command`, such as a cloud CLI's token command) before the token ends and keeps its file
// fresh; the helper main writes into settings.json only prints that file.





/** What Claude Code reads before `apiKeyHelper` (https://code.claude.com/docs/en/authentication#authentication-precedence). */
const OUTRANKING_HELPER = ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'];
/**
 * What the environment of the token command leaves out: the credentials Claude Code reads (the command mints its own),
 * the action's inputs, and the runner's own tokens (ACTIONS_RUNTIME_TOKEN, the job's OIDC token request), which
 * claude-code-action keeps from Claude and a shell the renewer starts would otherwise show in /proc/<pid>/environ.
 */
const withheldFromCommand = (name) => name.startsWith('INPUT_') ||
    name.startsWith('ACTIONS_') ||
    ['ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN'].includes(name);
/** How long a token that is no JWT is taken to live: the renewer runs the command again at half of it. */
const OPAQUE_LIFETIME_MS = 10 * 60_000;
/** The most a token command may print: a token, not a document. */
const MAX_OUTPUT_BYTES = 64 * 1024;
/** The token a command printed, or why it is none. Pure: the output never appears in the reason. */
function tokenOf(stdout) {
    const token = stdout.trim();
    if (!token)
        return { problem: 'it printed no token' };
    if (/\s/.test(token))
        return { problem: 'it printed more than one word: print the token alone' };
    return { token };
}
/** Runs `job.command` with its stdout captured and its stderr dropped: neither reaches a log. */
function runCommand(job, timeoutMs) {
    return new Promise(resolve => {
        // Its own process group, ended whole at the timeout: a hung grandchild would keep stdout open.
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', job.command], {
            env: job.env,
            ...(job.cwd && { cwd: job.cwd }),
            stdio: ['ignore', 'pipe', 'ignore'],
            detached: true
        });
        const timer = setTimeout(() => {
            try {
                process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        }, timeoutMs);
        const chunks = [];
        let size = 0;
        child.stdout.on('data', (chunk) => {
            size += chunk.length;
            if (size <= MAX_OUTPUT_BYTES)
                chunks.push(chunk);
        });
        child.once('error', error => {
            clearTimeout(timer);
            resolve({ problem: `it could not start (${error.message})` });
        });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            if (signal)
                resolve({ problem: `it did not finish (${signal})` });
            else if (code !== 0)
                resolve({ problem: `it exited with code ${code}` });
            else if (size > MAX_OUTPUT_BYTES)
                resolve({ problem: 'it printed more than a token' });
            else
                resolve({ stdout: Buffer.concat(chunks).toString('utf8') });
        });
    });
}
async function mintGatewayToken(job, deps) {
    const ran = await runCommand(job, deps.timeoutMs);
    const printed = 'stdout' in ran ? tokenOf(ran.stdout) : ran;
    // A failed command may succeed the next time (a network blip): the loop retries while the current token lives.
    if ('problem' in printed)
        return { failure: `input 'renew-command': ${printed.problem}`, permanent: false };
    const expiresAt = jwt_jwtExpiry(printed.token)?.getTime() ?? deps.now() + OPAQUE_LIFETIME_MS;
    return { minted: { value: printed.token, expiresAt } };
}
const GATEWAY_SOURCE = {
    kind: 'gateway',
    renews: 'claude',
    what: "the gateway token's file that apiKeyHelper prints",
    credential: 'gateway token',
    fileName: 'gateway-token',
    marginMs: 30_000,
    settingKey: 'apiKeyHelper',
    plan({ selection, renewCommand, env }) {
        const { platform, chosen, claudeStep } = selection;
        if (!renewCommand || platform || (chosen && chosen.source !== 'anthropic-auth-token'))
            return undefined;
        // What the Claude step sets itself, or inherits from the job (its `env:`, $GITHUB_ENV) as this step sees it.
        const outranking = OUTRANKING_HELPER.filter(name => {
            const kind = claudeStep?.variable(name).kind;
            return kind === 'step' || kind === 'output' || (kind === 'inherited' && !!env[name]?.trim());
        });
        const commandEnv = Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined && !withheldFromCommand(entry[0])));
        return {
            job: {
                kind: 'gateway',
                command: renewCommand,
                env: commandEnv,
                ...(env.GITHUB_WORKSPACE && { cwd: env.GITHUB_WORKSPACE })
            },
            renewedBy: `the preflight's renewer (input 'renew-command'), whose token Claude Code reads through apiKeyHelper`,
            warnings: outranking.map(name => `${claudeStep.label} gets ${name}, which outranks apiKeyHelper: Claude Code would send it and never the token the renewer keeps fresh. Keep it out of that step (its \`env:\`, the job's \`env:\`, $GITHUB_ENV): give the first token to this step's own \`env:\` only.`)
        };
    },
    readJob(value) {
        const file = jobText(value.file);
        const command = jobText(value.command);
        const env = value.env;
        if (!file || !command || !env || typeof env !== 'object' || Array.isArray(env))
            return undefined;
        const entries = Object.entries(env);
        if (entries.some(([, v]) => typeof v !== 'string'))
            return undefined;
        const cwd = jobText(value.cwd);
        return {
            kind: 'gateway',
            file,
            command,
            env: Object.fromEntries(entries),
            ...(cwd && { cwd })
        };
    },
    mint: (job, deps) => mintGatewayToken(job, deps),
    async handOff(file, deps) {
        const path = await handOffToSetting('apiKeyHelper', file, deps);
        if (!path)
            return;
        const { core, pid } = deps;
        core.info(`${PREFIX}: the renewer (process ${pid}) keeps ${file} fresh until the job ends; apiKeyHelper in ${path} prints it for Claude Code.`);
        core.notice(`${PREFIX}: Claude Code reads the renewed gateway token through apiKeyHelper only when neither ${OUTRANKING_HELPER.join(' nor ')} is set in the Claude step: they outrank it.`);
    }
};

;// CONCATENATED MODULE: ./lib/github/app-exchange.js
// The Claude GitHub App's token, as anthropics/claude-code-action gets it without `github_token` (src/github/token.ts):
// an OIDC token of audience `claude-code-github-action` POSTed to Anthropic's exchange answers `{"token": "ghs_…"}`
// (or `app_token`), an installation token of one hour; the action revokes it at job end with `DELETE
// {GITHUB_API_URL}/installation/token` (its action.yml). Refusals come as `{"error": {"message", "details":
// {"error_code"}}}` or `{"message"}`.





const CLAUDE_APP_AUDIENCE = 'claude-code-github-action';
const CLAUDE_APP_EXCHANGE_URL = 'https://api.anthropic.com/api/github/github-app-token-exchange';
/**
 * The error codes of a workflow that is not on the default branch, or differs from it: claude-code-action skips the
 * run on them (workflow_content_mismatch since anthropics/claude-code-action#460, workflow_not_found_on_default_branch
 * since #463; src/github/token.ts WORKFLOW_VALIDATION_ERROR_CODES).
 */
const WORKFLOW_VALIDATION_CODES = new Set([
    'workflow_not_found_on_default_branch',
    'workflow_content_mismatch'
]);
/**
 * The App token the exchange at `url` gives for `oidcToken`, masked at once, or why none: the App not installed, the
 * workflow not on the default branch (or not the same there), the OIDC token refused, another refusal, or
 * `unverifiable` (no answer, 5xx or 429 after retries, a proxy's page, an answer that is not the exchange's). Asks for
 * `permissions` when given, as claude-code-action does with `additional_permissions`.
 */
async function exchangeForAppToken(oidcToken, url, deps, permissions) {
    const unsafe = unsafeTransport(url);
    if (unsafe)
        return { problem: 'unverifiable', message: `the App token exchange URL ${unsafe}` };
    const { value, attempts } = await sendWithRetries({
        method: 'POST',
        url,
        headers: {
            authorization: `Bearer ${oidcToken}`,
            'user-agent': 'claude-preflight',
            ...(permissions && { 'content-type': 'application/json' })
        },
        ...(permissions && { body: JSON.stringify({ permissions }) })
    }, response => app_exchange_readAnswer(answerWithout([oidcToken], response), deps.mask), message => ({ problem: 'unverifiable', message }), deps);
    if ('token' in value || value.problem !== 'unverifiable')
        return value;
    return { ...value, message: `${value.message}${attemptsNote(attempts)}` };
}
/** The exchange's error, `{"error": {"message", "details": {"error_code"}}}` or `{"message"}`; else undefined. */
function exchangeError(answer) {
    const data = answer.data;
    if (typeof data !== 'object' || data === null)
        return undefined;
    const message = data.error?.message ?? data.message;
    if (typeof message !== 'string' || !message.trim())
        return undefined;
    const code = data.error?.details?.error_code;
    return { message: errors_clipLine(message), ...(typeof code === 'string' && { code }) };
}
function app_exchange_readAnswer(answer, mask) {
    const { status } = answer;
    const requestId = answer.headers['request-id'];
    const outcome = (problem, message) => ({
        problem,
        message,
        httpStatus: status,
        ...(requestId && { requestId: errors_clipLine(requestId, 80) })
    });
    const unverifiable = (message) => outcome('unverifiable', message);
    if (status >= 200 && status < 300) {
        const data = answer.data;
        const token = data?.token || data?.app_token;
        if (typeof token === 'string' && token) {
            mask(token);
            return { done: true, value: { token } };
        }
        return {
            done: true,
            value: unverifiable(`HTTP ${status} without a token (${bodyDescription(answer)})`)
        };
    }
    const error = exchangeError(answer);
    const other = transientOrRedirect(answer, error?.message ?? `(${bodyDescription(answer)})`, unverifiable);
    if (other)
        return other;
    if (status < 400 || status >= 500 || !error) {
        return {
            done: true,
            value: unverifiable(`HTTP ${status}, not the exchange's answer (${bodyDescription(answer)})`)
        };
    }
    const said = `HTTP ${status}: ${error.message}`;
    const workflow = (error.code !== undefined && WORKFLOW_VALIDATION_CODES.has(error.code)) ||
        (status === 401 && /workflow validation failed/i.test(error.message));
    if (workflow)
        return { done: true, value: outcome('workflow-not-on-default-branch', said) };
    if (status === 401 && /not installed/i.test(error.message))
        return { done: true, value: outcome('not-installed', said) };
    if (/invalid oidc token/i.test(error.message))
        return { done: true, value: outcome('invalid-oidc', said) };
    // Only a 401 or 403 is the exchange judging the token; another 4xx (a moved or mistyped URL) says nothing of it.
    return {
        done: true,
        value: status === 401 || status === 403 ? outcome('refused', said) : unverifiable(said)
    };
}
/**
 * Revokes an installation token (`DELETE {GITHUB_API_URL}/installation/token`,
 * https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token): true when GitHub said 204.
 */
async function revokeInstallationToken(token, env, deps) {
    const url = `${apiBaseUrl(env)}/installation/token`;
    if (unsafeTransport(url))
        return false;
    const { value } = await sendWithRetries({ method: 'DELETE', url, headers: githubHeaders(token), statusIsEnough: true }, response => transientOrRedirect(answerOf(response), '', () => false) ?? {
        done: true,
        value: response.status === 204
    }, () => false, deps);
    return value;
}

;// CONCATENATED MODULE: ./lib/github/app-token.js
// A GitHub App's installation token for one repository, minted as actions/create-github-app-token does through
// @octokit/auth-app (lib/main.js getTokenFromRepository): a JWT signed RS256 with the App's private key
// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app),
// `GET /repos/{owner}/{repo}/installation` for the installation's id, then `POST
// /app/installations/{id}/access_tokens` with `{"repositories": [repo]}`, which answers 201 `{"token", "expires_at"}`
// (https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app): one hour of life.
// node:crypto signs the JWT: @octokit/auth-app would bring a second HTTP client and a token cache for 20 lines.





/** The App's private key, or why the text is none: the reason never quotes the text. */
function parseAppPrivateKey(text) {
    // Secrets pasted through a single-line field carry `\n` for newlines; @octokit/auth-app's JWT library reads them so.
    const pem = text.trim().replace(/\\n/g, '\n');
    if (!/^-----BEGIN (RSA )?PRIVATE KEY-----\n[\s\S]+\n-----END (RSA )?PRIVATE KEY-----$/.test(pem))
        return {
            problem: 'it is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- … as the App settings page downloads it)'
        };
    try {
        const key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
        if (key.asymmetricKeyType !== 'rsa')
            return { problem: `it is a ${key.asymmetricKeyType} key, and GitHub Apps sign with RSA` };
        return { key };
    }
    catch {
        return { problem: 'its PEM body does not decode to a private key' };
    }
}
/**
 * The JWT that authenticates as the App: `iss` its App ID or Client ID, issued 60 s back against clock drift and
 * expiring after 9 minutes (GitHub refuses more than 10), as GitHub's documentation advises.
 */
function appJwt(appId, key, now) {
    const issued = Math.floor(now / 1000) - 60;
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const body = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: issued, exp: issued + 600, iss: /^\d+$/.test(appId) ? Number(appId) : appId })}`;
    return `${body}.${(0,external_node_crypto_.createSign)('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
}
/** An installation token for `request.repository`, masked at once, or why none. */
async function mintAppInstallationToken(request, deps) {
    const base = apiBaseUrl({ GITHUB_API_URL: request.apiUrl });
    const unsafe = unsafeTransport(base);
    if (unsafe)
        return { problem: 'unverifiable', message: `GITHUB_API_URL ${unsafe}` };
    const jwt = appJwt(request.appId, request.key, deps.now());
    const installation = await call('the installation lookup', { method: 'GET', url: `${base}/repos/${request.repository}/installation`, token: jwt }, data => {
        const id = data?.id;
        return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
    }, deps);
    if (!('value' in installation))
        return installation;
    const name = request.repository.split('/')[1] ?? '';
    const minted = await call('the token request', {
        method: 'POST',
        url: `${base}/app/installations/${installation.value}/access_tokens`,
        token: jwt,
        body: JSON.stringify({ repositories: [name] })
    }, data => {
        const { token, expires_at: expiresAt } = (data ?? {});
        if (typeof token !== 'string' || !token || typeof expiresAt !== 'string')
            return undefined;
        const at = new Date(expiresAt);
        return Number.isNaN(at.getTime()) ? undefined : { token, expiresAt: at };
    }, deps);
    if (!('value' in minted))
        return minted;
    return minted.value;
}
/** One call authenticated by the App's JWT; `read` takes the value out of a 2xx body (undefined: not GitHub's). */
async function call(what, request, read, deps) {
    const { value, attempts } = await sendWithRetries({
        method: request.method,
        url: request.url,
        headers: {
            ...githubHeaders(request.token),
            ...(request.body && { 'content-type': 'application/json; charset=utf-8' })
        },
        ...(request.body && { body: request.body })
    }, response => app_token_readAnswer(what, answerWithout([request.token], response), read, deps.mask), message => ({ problem: 'unverifiable', message: `${what}: ${message}` }), deps);
    if ('value' in value || value.problem !== 'unverifiable')
        return value;
    return { ...value, message: `${value.message}${attemptsNote(attempts)}` };
}
function app_token_readAnswer(what, answer, read, mask) {
    const { status } = answer;
    const unverifiable = (message) => ({
        problem: 'unverifiable',
        message: `${what}: ${message}`,
        httpStatus: status
    });
    if (status >= 200 && status < 300) {
        const value = read(answer.data);
        if (value === undefined)
            return {
                done: true,
                value: unverifiable(`HTTP ${status}, not GitHub's answer (${bodyDescription(answer)})`)
            };
        const token = value.token;
        if (typeof token === 'string')
            mask(token);
        return { done: true, value: { value } };
    }
    const said = apiMessage(answer);
    const other = transientOrRedirect(answer, said, unverifiable);
    if (other)
        return other;
    const line = `HTTP ${status}: ${errors_clipLine(said)}`;
    // GitHub's JSON refusal (a key it does not know, an App not installed on the repository: 404) is final; a proxy's page
    // says nothing of the App.
    return status >= 400 && status < 500 && !isHtmlPage(answer)
        ? { done: true, value: { problem: 'refused', message: `${what}: ${line}`, httpStatus: status } }
        : { done: true, value: unverifiable(line) };
}

;// CONCATENATED MODULE: ./lib/renew/git-credentials.js
// Handing a fresh GitHub token to git in the workspace checkout. Two places hold the token git sends, and the renewer
// rewrites only a token already there, never adding one where the workflow chose to leave none:
// - actions/checkout's `persist-credentials`: `http.<server>/.extraheader = AUTHORIZATION: basic
//   base64(x-access-token:TOKEN)`, in the repository's .git/config (checkout before v6) or in a file under RUNNER_TEMP
//   that .git/config includes through `includeIf.gitdir:….path` (v6; actions/checkout src/git-auth-helper.ts).
// - claude-code-action's remote URL, `https://x-access-token:TOKEN@<host>/<owner>/<repo>.git`, which it sets in its
//   own step after removing the extraheader (anthropics/claude-code-action src/github/operations/git-config.ts).
// The token never goes into a command line, which `ps` shows: git only reads the configuration, and the file is
// rewritten directly under git's own lock (`<file>.lock`, created exclusively, then renamed over the file), as
// actions/checkout writes its token into the file rather than through `git config`.




const ALL_GIT_CREDENTIALS = ['extraheader', 'remote URL'];
const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]\s*(?:[#;].*)?$/;
const ENTRY = /^(\s*)([A-Za-z][A-Za-z0-9-]*)(\s*=\s*)(.*?)(\s*)$/;
const BASIC = /^AUTHORIZATION: basic ([A-Za-z0-9+/=]+)$/i;
/** The Basic credential git sends for a token, as actions/checkout writes it. */
const basicCredential = (token) => Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
/**
 * `text`, a git config file, with every token credential for `server` (an origin: `https://github.com`) replaced by
 * `token`: the extraheader of `[http "<server>/"]` when it is Basic `x-access-token:…`, and a `url` of `[remote
 * "origin"]` of the form `<scheme>://x-access-token:…@<host>/…`. A credential whose token has the SHA-256 `keepSha256`
 * (the job's own GITHUB_TOKEN, which actions/checkout persists by default) and any other header, URL or entry are kept
 * byte for byte. Pure.
 */
function rewriteGitConfig(text, server, token, kinds = ALL_GIT_CREDENTIALS, keepSha256) {
    const kept = (held) => keepSha256 !== undefined && sha256Hex(held) === keepSha256;
    const { protocol, host } = new URL(server);
    const origin = `${protocol}//${host}`;
    const rewritten = new Set();
    let section = '';
    const lines = text.split('\n').map(line => {
        const header = SECTION.exec(line);
        if (header) {
            section = `${header[1].toLowerCase()} ${header[2] ?? ''}`;
            return line;
        }
        const entry = ENTRY.exec(line);
        if (!entry)
            return line;
        const [, indent, key, equals, value, trailing] = entry;
        const name = key.toLowerCase();
        if (section === `http ${origin}/` && name === 'extraheader' && kinds.includes('extraheader')) {
            const basic = BASIC.exec(value);
            const decoded = basic && Buffer.from(basic[1], 'base64').toString('utf8');
            if (!decoded?.startsWith('x-access-token:'))
                return line;
            if (kept(decoded.slice('x-access-token:'.length)))
                return line;
            rewritten.add('extraheader');
            return `${indent}${key}${equals}AUTHORIZATION: basic ${basicCredential(token)}${trailing}`;
        }
        if (section === 'remote origin' && name === 'url' && kinds.includes('remote URL')) {
            const prefix = `${protocol}//x-access-token:`;
            const at = value.indexOf('@');
            if (!value.startsWith(prefix) || at === -1 || !value.startsWith(`${host}/`, at + 1))
                return line;
            if (kept(value.slice(prefix.length, at)))
                return line;
            rewritten.add('remote URL');
            return `${indent}${key}${equals}${prefix}${token}${value.slice(at)}${trailing}`;
        }
        return line;
    });
    return { text: lines.join('\n'), rewritten: [...rewritten] };
}
/** Runs git in `cwd` with its output captured: nothing it prints reaches a log; undefined when it failed. */
function gitOutput(cwd, args, env) {
    return new Promise(resolve => {
        (0,external_node_child_process_.execFile)('git', args, { cwd, env, timeout: 10_000, maxBuffer: 1024 * 1024 }, (error, stdout) => {
            if (!error)
                return resolve({ stdout, code: 0 });
            const code = error.code;
            if (typeof code === 'number')
                return resolve({ stdout, code });
            resolve({ problem: `git could not run (${typeof code === 'string' ? code : 'timed out'})` });
        });
    });
}
/**
 * The files of the checkout's own configuration (scope `local`: .git/config and the files it includes) that define
 * an extraheader or the remote URL of origin, as absolute paths. Empty when `workspace` is no checkout, or holds
 * none; a problem when git cannot say (it is missing, or refuses the checkout).
 */
async function credentialFiles(workspace, env) {
    const listed = await gitOutput(workspace, [
        'config',
        '--show-scope',
        '--show-origin',
        '--get-regexp',
        '^(http\\..*\\.extraheader|remote\\.origin\\.url)$'
    ], env);
    if ('problem' in listed)
        return listed;
    // `git config --get-regexp` exits 1 when nothing matches (https://git-scm.com/docs/git-config#_description).
    if (listed.code > 1)
        return { problem: `git config exited with code ${listed.code} in ${workspace}` };
    const files = new Set();
    for (const line of listed.stdout.split('\n')) {
        const [scope, origin] = line.split('\t');
        if (scope !== 'local' || !origin?.startsWith('file:'))
            continue;
        const path = origin.slice('file:'.length);
        files.add((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path));
    }
    return [...files];
}
/** How often, and how long apart, a rewrite waits for another git's lock on the file. */
const LOCK_TRIES = 20;
const LOCK_WAIT_MS = 50;
/** Rewrites one config file under git's lock, keeping its mode. */
async function rewriteFile(path, handed) {
    const lock = `${path}.lock`;
    for (let tries = 1;; tries++) {
        try {
            const { mode } = await (0,promises_.stat)(path);
            const handle = await (0,promises_.open)(lock, 'wx', mode & 0o777);
            try {
                const { text, rewritten } = rewriteGitConfig(await (0,promises_.readFile)(path, 'utf8'), handed.server, handed.token, handed.kinds, handed.keepSha256);
                if (rewritten.length === 0) {
                    await handle.close();
                    await (0,promises_.rm)(lock, { force: true });
                    return [];
                }
                await handle.writeFile(text);
                await handle.close();
                await (0,promises_.rename)(lock, path);
                return rewritten;
            }
            catch (error) {
                await handle.close().catch(() => undefined);
                await (0,promises_.rm)(lock, { force: true });
                throw error;
            }
        }
        catch (error) {
            if (error.code !== 'EEXIST' || tries >= LOCK_TRIES)
                throw error;
            await new Promise(resolve => setTimeout(resolve, LOCK_WAIT_MS));
        }
    }
}
/**
 * Puts the token wherever the checkout in `workspace` already holds one for its server, in the places `kinds` names
 * (see rewriteGitConfig); what it rewrote, or why it could not (a file it could not lock or write). No checkout, or
 * none with a token: nothing.
 */
async function handTokenToGit(workspace, handed, env) {
    const files = await credentialFiles(workspace, env);
    if ('problem' in files)
        return files;
    const all = new Set();
    for (const file of files) {
        try {
            for (const what of await rewriteFile(file, handed))
                all.add(what);
        }
        catch (error) {
            const code = error.code ?? 'an error';
            return { problem: `git's configuration ${file} could not be rewritten (${code})` };
        }
    }
    return { rewritten: [...all] };
}

;// CONCATENATED MODULE: ./lib/renew/github.js
// The GitHub token git pushes with and gh calls the API with: a GitHub App installation token lives one hour
// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app),
// and claude-code-action mints one through Anthropic's exchange and never renews it. The renewer mints one again at
// half its life, from the App's key (inputs `app-id`, `private-key`) or through that exchange with a fresh OIDC token,
// and before the new token lands in its file it rewrites the token git already holds in the workspace checkout
// (git-credentials.ts) and gh's hosts.yml in a GH_CONFIG_DIR of its own.
//
// What it cannot reach: a process's environment is fixed when the process starts, so GH_TOKEN and GITHUB_TOKEN in the
// Claude step (which outrank hosts.yml for gh: cli/go-gh pkg/auth/auth.go tokenForHost) and a token in an MCP
// server's environment (claude-code-action's GitHub MCP servers) keep the token they started with.









/** An installation token's life when the exchange does not say (GitHub's documented hour). */
const INSTALLATION_TOKEN_LIFETIME_MS = 3_600_000;
/** The GH_CONFIG_DIR the renewer keeps, beside the job's token file. */
const ghConfigDirOf = (file) => (0,external_node_path_.join)((0,external_node_path_.dirname)(file), 'gh');
/**
 * gh's configuration for one token. `version: "1"` in config.yml marks the multi-account migration done, which would
 * otherwise ask the API who `x-access-token` is, and an installation token cannot say (cli/cli
 * internal/config/migration/multi_account.go); go-gh reads `hosts.<host>.oauth_token`. Pure.
 */
function ghConfigFiles(server, token) {
    const host = new URL(server).host;
    return {
        config: 'version: "1"\n',
        hosts: [
            `${host}:`,
            '    users:',
            '        x-access-token:',
            `            oauth_token: ${token}`,
            `    oauth_token: ${token}`,
            '    user: x-access-token',
            '    git_protocol: https',
            ''
        ].join('\n')
    };
}
/** A fresh installation token, or why none. */
async function mintToken(job, deps) {
    const calls = { send: deps.send, timeoutMs: deps.timeoutMs, mask: () => undefined };
    if (job.via === 'app') {
        const parsed = parseAppPrivateKey(job.privateKey ?? '');
        if ('problem' in parsed)
            return { failure: `input 'private-key': ${parsed.problem}`, permanent: true };
        const minted = await mintAppInstallationToken({
            appId: job.appId ?? '',
            key: parsed.key,
            repository: job.repository ?? '',
            ...(job.apiUrl && { apiUrl: job.apiUrl })
        }, { ...calls, now: deps.now });
        if ('problem' in minted)
            return {
                failure: `GitHub's App API: ${minted.message}`,
                permanent: minted.problem === 'refused'
            };
        return { token: minted.token, expiresAt: minted.expiresAt.getTime() };
    }
    const oidc = await mintJobOidcToken({ requestUrl: job.requestUrl ?? '', requestToken: job.requestToken ?? '' }, CLAUDE_APP_AUDIENCE, deps);
    if (!('token' in oidc))
        return oidc;
    const exchanged = await exchangeForAppToken(oidc.token, job.exchangeUrl ?? '', calls, job.permissions);
    if ('problem' in exchanged)
        return {
            failure: `the Claude GitHub App's token exchange: ${exchanged.message}`,
            permanent: exchanged.problem !== 'unverifiable'
        };
    return { token: exchanged.token, expiresAt: deps.now() + INSTALLATION_TOKEN_LIFETIME_MS };
}
/**
 * GitHub's token alphabet: `[A-Za-z0-9_]` behind a prefix such as `ghs_`
 * (https://github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available/), and the
 * stateless installation tokens of 2026, `ghs_<app id>_<JWT>` of about 520 characters, add the JWT's `.` and `-`
 * (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats).
 * None of these can end a git config line, a URL's user part or a YAML scalar, which the token is written into.
 */
const GITHUB_TOKEN_TEXT = /^[A-Za-z0-9_.-]{20,2048}$/;
/** Mints, then hands the token to git and gh before it lands in its file (the loop writes that). */
async function mintGitHubToken(job, deps) {
    const minted = await mintToken(job, deps);
    if ('failure' in minted)
        return minted;
    if (!GITHUB_TOKEN_TEXT.test(minted.token))
        return {
            failure: `${job.via === 'app' ? "GitHub's App API" : "the Claude GitHub App's token exchange"} answered a token that is not in GitHub's token alphabet (letters, digits, '_', '.', '-'): not handed to git or gh`,
            permanent: true
        };
    if (job.workspace) {
        // The Claude App's token replaces claude-code-action's in its remote URL only: the checkout's extraheader holds
        // another identity's token then (the job's GITHUB_TOKEN, which lasts the job), and the action removes it itself.
        const kinds = job.via === 'exchange' ? ['remote URL'] : ALL_GIT_CREDENTIALS;
        const handed = await handTokenToGit(job.workspace, {
            server: job.server,
            token: minted.token,
            kinds,
            ...(job.jobTokenSha256 && { keepSha256: job.jobTokenSha256 })
        }, process.env);
        // A lock another git held too long, or a git that could not say where its token is: the current token still
        // lives, and the loop tries again, then says why.
        if ('problem' in handed)
            return { failure: handed.problem, permanent: false };
    }
    const dir = ghConfigDirOf(job.file);
    const gh = ghConfigFiles(job.server, minted.token);
    try {
        await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
        await writeAtomically((0,external_node_path_.join)(dir, 'config.yml'), gh.config);
        await writeAtomically((0,external_node_path_.join)(dir, 'hosts.yml'), gh.hosts);
    }
    catch (error) {
        const code = error.code ?? 'an error';
        return { failure: `gh's hosts.yml in ${dir} could not be written (${code})`, permanent: false };
    }
    return { minted: { value: minted.token, expiresAt: minted.expiresAt } };
}
const textMap = (value) => value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(v => typeof v === 'string')
    ? value
    : undefined;
const GITHUB_SOURCE = {
    kind: 'github',
    renews: 'github',
    what: 'the GitHub token git and gh use',
    credential: 'GitHub App installation token',
    fileName: 'github-token',
    marginMs: 5 * 60_000,
    readJob(value) {
        const file = jobText(value.file);
        const server = jobText(value.server);
        const via = value.via;
        if (!file || !server || (via !== 'app' && via !== 'exchange'))
            return undefined;
        const workspace = jobText(value.workspace);
        const text = (name) => {
            const field = jobText(value[name]);
            return field && { [name]: field };
        };
        if (via === 'app') {
            if (!jobText(value.appId) || !jobText(value.privateKey) || !jobText(value.repository))
                return undefined;
        }
        else if (!jobText(value.exchangeUrl) ||
            !jobText(value.requestUrl) ||
            !jobText(value.requestToken)) {
            return undefined;
        }
        const permissions = textMap(value.permissions);
        return {
            kind: 'github',
            file,
            server,
            via,
            ...(workspace && { workspace }),
            ...text('appId'),
            ...text('privateKey'),
            ...text('repository'),
            ...text('apiUrl'),
            ...text('jobTokenSha256'),
            ...text('exchangeUrl'),
            ...text('requestUrl'),
            ...text('requestToken'),
            ...(permissions && { permissions })
        };
    },
    mint: (job, deps) => mintGitHubToken(job, deps),
    plan: context => planGitHubRenewal(context),
    // GitHub's tokens live their hour after the job unless revoked, as actions/create-github-app-token's post step and
    // claude-code-action revoke theirs.
    async atJobEnd(content, { send, env, timeoutMs }) {
        const token = content.trim();
        if (!token)
            return undefined;
        if (!GITHUB_TOKEN_TEXT.test(token))
            return 'its github-token file holds no GitHub token: nothing revoked';
        if (await revokeInstallationToken(token, env, { send, timeoutMs }))
            return undefined;
        return 'could not revoke the last GitHub token it minted (DELETE /installation/token): it lasts until it expires, within the hour';
    },
    async handOff(file, { core, env, pid }) {
        const dir = ghConfigDirOf(file);
        core.exportVariable(GH_CONFIG_DIR, dir);
        const git = env.GITHUB_WORKSPACE
            ? `rewrites the App token git already holds in ${env.GITHUB_WORKSPACE} (actions/checkout's extraheader, claude-code-action's remote URL), never the job's own GITHUB_TOKEN, which git keeps where it holds it and which lasts the job, and `
            : '';
        core.info(`${PREFIX}: the renewer (process ${pid}) mints the GitHub token again at half its life until the job ends: it ${git}keeps gh's hosts.yml in ${dir}; ${GH_CONFIG_DIR} points there for the steps that follow, where GH_TOKEN and GITHUB_TOKEN outrank it.`);
    }
};
/** Where gh reads its configuration from (https://cli.github.com/manual/gh_help_environment). */
const GH_CONFIG_DIR = 'GH_CONFIG_DIR';
/**
 * Whether the GitHub token can be renewed, and how: from the App's key when the inputs name an App; through
 * claude-code-action's exchange when that action mints the Claude App's token itself; otherwise not this source's
 * route (the job's GITHUB_TOKEN lives as long as the job; a personal access token cannot be minted again). Pure.
 */
function planGitHubRenewal(context) {
    const { env, github: route, githubApp: app, exchange } = context;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const common = {
        kind: 'github',
        server,
        ...(env.GITHUB_WORKSPACE && { workspace: env.GITHUB_WORKSPACE })
    };
    const warnings = limitsOf(route);
    if (app) {
        const repository = env.GITHUB_REPOSITORY ?? '';
        if (!/^[^/\s]+\/[^/\s]+$/.test(repository))
            return {
                why: 'GITHUB_REPOSITORY is not set, so the App installation to mint for is not known'
            };
        return {
            job: {
                ...common,
                via: 'app',
                appId: app.appId,
                privateKey: app.privateKey,
                repository,
                ...(env.GITHUB_API_URL && { apiUrl: env.GITHUB_API_URL }),
                ...(app.jobTokenSha256 && { jobTokenSha256: app.jobTokenSha256 })
            },
            renewedBy: `the preflight's renewer (inputs 'app-id' and 'private-key'), which mints the App's installation token again at half its life and rewrites the token git holds in the checkout and gh's hosts.yml`,
            warnings
        };
    }
    if (route?.kind === 'app-token')
        return {
            why: `${route.why}: give this step the same App's 'app-id' and 'private-key' and the renewer mints it again before the hour`
        };
    if (route?.kind !== 'claude-app' || !exchange)
        return undefined;
    const request = oidcRequestOf(env);
    if ('why' in request)
        return { why: `${request.why}, so the Claude App token cannot be minted again` };
    return {
        job: {
            ...common,
            via: 'exchange',
            exchangeUrl: exchange.url,
            ...request,
            ...(exchange.permissions && { permissions: exchange.permissions })
        },
        renewedBy: `the preflight's renewer (input 'renew'), which mints the Claude GitHub App's token again through claude-code-action's exchange at half its life and rewrites the token in the remote URL claude-code-action sets`,
        warnings
    };
}
/** What the renewal cannot reach for the Claude step's GitHub token route. */
function limitsOf(route) {
    if (!route || route.kind === 'none')
        return [];
    if (route.kind === 'claude-app')
        return [
            "claude-code-action gives Claude its own App token in GH_TOKEN and GITHUB_TOKEN and in its GitHub MCP servers' environment when it starts: gh and those tools keep that token, which ends after an hour. The renewer renews git's remote URL only.",
            'claude-code-action sets its remote URL in its own step, after this one: the renewer rewrites it from its first renewal on, half an hour after this step.'
        ];
    return [
        `${route.why}: GH_TOKEN or GITHUB_TOKEN in the Claude step outranks the hosts.yml the renewer keeps for gh, so gh uses that token, not the renewed one.`
    ];
}

;// CONCATENATED MODULE: ./lib/renew/sources.js
// Every renewal source, by kind: a source is one module (src/renew/source.ts). For the credential Claude Code calls
// the model with, the first source whose plan claims the run's route renews it.





const SOURCES = [
    FEDERATION_SOURCE,
    GATEWAY_SOURCE,
    AWS_SOURCE,
    AZURE_SOURCE,
    GITHUB_SOURCE
];
const sources_sourceOf = (kind) => SOURCES.find(source => source.kind === kind);

;// CONCATENATED MODULE: ./lib/renew/job.js
// The job description main writes to the renewer's stdin, once: the only way a secret reaches it (never argv or the
// environment, which `ps` and /proc/<pid>/environ show). Read defensively: a renewer that cannot read it exits.



/** The most a job description may weigh: URLs, tokens, and a token command's environment. */
const MAX_JOB_BYTES = 1024 * 1024;
/** The job description main wrote, or undefined. */
function parseRenewalJob(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const job = value;
    if (!job || typeof job !== 'object')
        return undefined;
    const { nonce, dir, deadline, sources } = job;
    if (typeof nonce !== 'string' || !state_NONCE.test(nonce))
        return undefined;
    if (typeof dir !== 'string' || !(0,external_node_path_.isAbsolute)(dir))
        return undefined;
    if (typeof deadline !== 'number' || !Number.isFinite(deadline))
        return undefined;
    if (!Array.isArray(sources) || sources.length === 0)
        return undefined;
    const read = sources.map(part => part && typeof part === 'object'
        ? sources_sourceOf(part.kind)?.readJob(part)
        : undefined);
    if (read.some(part => !part || !(0,external_node_path_.isAbsolute)(part.file)))
        return undefined;
    return { nonce, dir, deadline, sources: read };
}

;// CONCATENATED MODULE: ./lib/renew/schedule.js
// When the renewer mints again: pure, every time an epoch-ms number from the clock the caller injects.
/** Never sooner than this after a mint or a failure: a credential born dead must not make the renewer spin. */
const MIN_INTERVAL_MS = 1_000;
/** The first retry's wait after a failure; each next one doubles, up to MAX_BACKOFF_MS. */
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/**
 * When to mint the successor of a credential minted at `mintedAt` that expires at `expiresAt`: at half its life, and
 * never later than `marginMs` before its expiry (a consumer that stops trusting it that long before, as Claude Code
 * does AWS credentials 5 minutes before their `Expiration`, still finds a fresh one).
 */
function renewalAt(mintedAt, expiresAt, marginMs) {
    const life = expiresAt - mintedAt;
    return mintedAt + Math.max(MIN_INTERVAL_MS, Math.min(life / 2, life - marginMs));
}
/**
 * When to try again after `failures` failed mints in a row (1 for the first), at `now`, while the current credential
 * lives until `expiresAt`: with a doubling backoff, and once more right at its expiry. Undefined once it has expired
 * (nothing is left to keep alive: the renewer gives up and says why).
 */
function retryAt(now, failures, expiresAt) {
    if (now >= expiresAt)
        return undefined;
    const backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
    return Math.min(now + backoff, Math.max(expiresAt, now + MIN_INTERVAL_MS));
}
/**
 * The renewer's own end when the job gives none: the job's `timeout-minutes` counted from `startedAt`, else 6 hours,
 * the limit of a job on a GitHub-hosted runner
 * (https://docs.github.com/en/actions/reference/limits#existing-system-limits).
 */
const DEFAULT_JOB_LIMIT_MS = (/* unused pure expression or super */ null && (6 * 3_600_000));
function deadlineOf(startedAt, jobLimitMs) {
    return startedAt + (jobLimitMs ?? DEFAULT_JOB_LIMIT_MS);
}

;// CONCATENATED MODULE: ./lib/renew/loop.js
// The renewer's work: each source in turn mints, writes its file, and sleeps until its renewal is due (schedule.ts),
// until the job's deadline, a stop, or a failure it cannot get past. The I/O comes in `deps`, the clock too.



/**
 * How long a source may try for its first credential, which nothing keeps alive yet: main waits this long for the
 * first files before it gives up on the renewer.
 */
const FIRST_MINT_WINDOW_MS = 30_000;
/** Runs every source until the deadline, a stop or its failure; the status is written after every change. */
async function renew(job, status, deps) {
    await deps.writeStatus(status);
    await Promise.all(job.sources.map(async (part) => {
        const entry = { kind: part.kind, writes: 0 };
        status.sources.push(entry);
        await keepFresh(part, entry, job.deadline, { ...deps, save: () => deps.writeStatus(status) });
    }));
}
async function keepFresh(part, entry, deadline, deps) {
    const source = sources_sourceOf(part.kind);
    if (!source)
        return;
    let failures = 0;
    let alive = deps.now() + FIRST_MINT_WINDOW_MS;
    while (!deps.stopped() && deps.now() < deadline) {
        const minted = await deps.mint(part);
        // Stopped during the mint: post may have removed the directory already.
        if (deps.stopped())
            return;
        const outcome = 'minted' in minted ? await write(part.file, minted, deps) : minted;
        const now = deps.now();
        let next;
        if ('minted' in outcome) {
            const { expiresAt } = outcome.minted;
            failures = 0;
            alive = expiresAt;
            entry.writes++;
            entry.firstMintedAt ??= now;
            entry.firstExpiresAt ??= expiresAt;
            entry.lastRenewedAt = now;
            entry.expiresAt = expiresAt;
            next = renewalAt(now, expiresAt, source.marginMs);
        }
        else {
            failures++;
            next = outcome.permanent ? undefined : retryAt(now, failures, alive);
            if (next === undefined) {
                const since = entry.writes > 0 ? ` (after ${entry.writes} write${entry.writes === 1 ? '' : 's'})` : '';
                entry.failure = `${source.what} could no longer be renewed${since}: ${outcome.failure}`;
                await deps.save();
                return;
            }
        }
        await deps.save();
        await deps.sleep(Math.max(0, Math.min(next, deadline) - deps.now()));
    }
}
/** Writes a minted credential to its file: a file that cannot be written is a failure the loop may retry. */
async function write(file, outcome, deps) {
    try {
        await deps.writeCredential(file, outcome.minted.value);
        return outcome;
    }
    catch (error) {
        return { failure: `${file} could not be written (${reasonOf(error)})`, permanent: false };
    }
}

;// CONCATENATED MODULE: ./lib/renew/status.js
// status.json in the renewer's directory: what it did, no secret. The renewer writes it after every change; main
// reads it to know the first files are written, post to report. Both read it as hostile text (a later step can write
// RUNNER_TEMP): only fields of the shape the renewer writes survive, the failure line capped.





const STATUS_FILE = 'status.json';
/** The most post reads of status.json. */
const MAX_STATUS_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
const MAX_FAILURE_CHARS = 300;
const status_time = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
/** status.json as the renewer wrote it, or undefined. Never throws. */
function parseStatus(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const v = value;
    if (!v || typeof v !== 'object')
        return undefined;
    const pid = status_time(v.pid);
    const startedAt = status_time(v.startedAt);
    if (!pid || !startedAt || typeof v.nonce !== 'string' || !NONCE.test(v.nonce))
        return undefined;
    const sources = (Array.isArray(v.sources) ? v.sources : []).flatMap(part => {
        const s = (part ?? {});
        const source = sourceOf(s.kind);
        if (!source)
            return [];
        const read = {
            kind: source.kind,
            writes: typeof s.writes === 'number' && Number.isSafeInteger(s.writes) && s.writes >= 0
                ? s.writes
                : 0
        };
        for (const field of [
            'firstMintedAt',
            'firstExpiresAt',
            'lastRenewedAt',
            'expiresAt'
        ]) {
            const at = status_time(s[field]);
            if (at !== undefined)
                read[field] = at;
        }
        if (typeof s.failure === 'string' && s.failure)
            read.failure = clipLine(s.failure, MAX_FAILURE_CHARS);
        return [read];
    });
    return { pid, nonce: v.nonce, startedAt, sources };
}
/** status.json in the renewer's directory `dir`, read as a regular file of bounded size; undefined when none. */
async function readStatus(dir) {
    const text = await readRegularText(join(dir, STATUS_FILE), MAX_STATUS_BYTES);
    return text === undefined ? undefined : parseStatus(text);
}

;// CONCATENATED MODULE: ./lib/action/renewer.js
// The renewer process (dist/renewer/index.js), started detached by the main step (src/renew/start.ts): reads its job
// description from stdin, then keeps every source's file fresh (src/renew/loop.ts) until the job's deadline, SIGTERM
// from the post step, or a failure it writes to status.json. It prints nothing: its stdout and stderr go nowhere.







/** How long one mint may take, retries included. */
const MINT_TIMEOUT_MS = 20_000;
async function readStdin() {
    const chunks = [];
    let size = 0;
    for await (const chunk of process.stdin) {
        size += chunk.length;
        if (size > MAX_JOB_BYTES)
            return '';
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
async function run() {
    const job = parseRenewalJob(await readStdin());
    if (!job) {
        process.exitCode = 2;
        return;
    }
    let stopped = false;
    const sleepers = new Set();
    process.on('SIGTERM', () => {
        stopped = true;
        for (const wake of sleepers)
            wake();
    });
    const status = {
        pid: process.pid,
        nonce: job.nonce,
        startedAt: Date.now(),
        sources: []
    };
    await renew(job, status, {
        now: Date.now,
        stopped: () => stopped,
        sleep: ms => new Promise(resolve => {
            // A stop that came during a mint: its wake-up found no sleeper.
            if (stopped)
                return resolve();
            const wake = () => {
                clearTimeout(timer);
                sleepers.delete(wake);
                resolve();
            };
            const timer = setTimeout(wake, ms);
            sleepers.add(wake);
        }),
        mint: part => sources_sourceOf(part.kind).mint(part, { send: request_send, timeoutMs: MINT_TIMEOUT_MS, now: Date.now }),
        writeCredential: writeAtomically,
        // A status that cannot be written (the disk is full, post removed the directory) leaves the last one in place.
        writeStatus: current => writeAtomically((0,external_node_path_.join)(job.dir, STATUS_FILE), JSON.stringify(current)).catch(() => undefined)
    });
    // An idle keep-alive connection must not keep a stopped renewer alive.
    process.exit();
}


/***/ }),

/***/ 3673:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_renewer_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(352);

await (0,_action_renewer_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3673);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

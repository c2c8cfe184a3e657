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

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

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

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4092:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: main, maskSecrets, readLaterInputs

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./lib/action/runner-core.js
// The runner protocol for the main step, without @actions/core: importing @actions/core evaluates undici (for
// OIDC, which this action never uses) and doubles the main step's cold start (npm run bench). This module writes
// exactly what @actions/core 3 writes for the calls the main step makes; __tests__/runner-core.test.ts checks it
// byte for byte against @actions/core. The post step, with no start-up budget, uses @actions/core itself.



const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
const asText = (value) => value === null || value === undefined
    ? ''
    : typeof value === 'string'
        ? value
        : JSON.stringify(value);
function command(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(asText(value))}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** @actions/core's names for annotation properties. */
function annotation(properties = {}) {
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn
    };
}
function fileCommand(kind, key, value) {
    const path = process.env[`GITHUB_${kind}`];
    if (!path)
        return false;
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    const text = asText(value);
    if (key.includes(delimiter) || text.includes(delimiter))
        throw new Error('Unexpected input: contains the delimiter');
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${key}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
    return true;
}
const message = (value) => (value instanceof Error ? value.toString() : value);
class Summary {
    buffer = '';
    addRaw(text, addEOL = false) {
        this.buffer += text + (addEOL ? external_node_os_namespaceObject.EOL : '');
        return this;
    }
    async write() {
        const path = process.env.GITHUB_STEP_SUMMARY;
        if (!path)
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        (0,external_node_fs_namespaceObject.appendFileSync)(path, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
        return this;
    }
}
const runnerCore = {
    getInput(name, options) {
        const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
        if (options?.required && !value)
            throw new Error(`Input required and not supplied: ${name}`);
        return options?.trimWhitespace === false ? value : value.trim();
    },
    setOutput(name, value) {
        if (!fileCommand('OUTPUT', name, value)) {
            process.stdout.write(external_node_os_namespaceObject.EOL);
            command('set-output', { name }, asText(value));
        }
    },
    setSecret(secret) {
        command('add-mask', {}, secret);
    },
    setFailed(text) {
        process.exitCode = 1;
        runnerCore.error(text);
    },
    exportVariable(name, value) {
        process.env[name] = asText(value);
        if (!fileCommand('ENV', name, value))
            command('set-env', { name }, asText(value));
    },
    saveState(name, value) {
        if (!fileCommand('STATE', name, value))
            command('save-state', { name }, asText(value));
    },
    getState(name) {
        return process.env[`STATE_${name}`] ?? '';
    },
    info(text) {
        process.stdout.write(text + external_node_os_namespaceObject.EOL);
    },
    debug(text) {
        command('debug', {}, text);
    },
    notice(text, properties) {
        command('notice', annotation(properties), message(text));
    },
    warning(text, properties) {
        command('warning', annotation(properties), message(text));
    },
    error(text, properties) {
        command('error', annotation(properties), message(text));
    },
    summary: new Summary()
};

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
 * What kind of network failure an error is. Looks down the `cause` chain, where fetch (`TypeError: fetch failed`) and
 * octokit (`RequestError` around it) keep the system error, and knows aborts by name, since a DOMException from
 * another realm is not `instanceof Error`.
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
/**
 * The proxy for a URL by HTTPS_PROXY / HTTP_PROXY / NO_PROXY, with the same rules as the rest of the toolkit, and how
 * to name it: its host alone, never its credentials.
 */
async function proxyFor(url) {
    const proxy = (await Promise.all(/* import() */[__nccwpck_require__.e(718), __nccwpck_require__.e(316)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8316))).getProxyUrl(url);
    if (!proxy)
        return undefined;
    if (!proxies.has(proxy))
        proxies.set(proxy, new (await __nccwpck_require__.e(/* import() */ 718).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4718, 19))).ProxyAgent(proxy));
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
 * Redirects are not followed: an API that redirects is misconfigured and is reported as such.
 * undici is imported on first use so that paths with no network start fast.
 */
const send = async (request) => {
    const undici = await __nccwpck_require__.e(/* import() */ 718).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4718, 19));
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
            redirect: 'manual',
            ...(proxy && { dispatcher: proxy.dispatcher })
        });
        const text = await response.text();
        return { status: response.status, headers: Object.fromEntries(response.headers), text };
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
/** `claude-preflight: input 'min-remaining' <problem>. <fix>` */
function inputError(input, problem, fix) {
    return new UserError(`${PREFIX}: input '${input}' ${problem}. ${fix}`);
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

;// CONCATENATED MODULE: ./lib/lifetime/duration.js

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
/**
 * Parses a duration such as `90m`, `2h`, `1h30m`, `45s` or `1d` into milliseconds.
 * Each unit at most once, largest first; whitespace around is ignored. Bad input throws an error naming `input`.
 */
function parseDuration(input, value, range = { min: 0, max: 7 * UNIT_MS.d }) {
    const text = value.trim().toLowerCase();
    const example = "Use a number with a unit, such as '90m', '2h', '1h30m' or '45s'";
    if (text === '')
        throw inputError(input, 'is empty', example);
    const match = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(text);
    if (!match || match.slice(1).every(part => part === undefined)) {
        const hint = /^\d+$/.test(text) ? `A bare number has no unit. ${example}` : example;
        throw inputError(input, `is not a duration ('${clip(value)}')`, hint);
    }
    const [, d = '0', h = '0', m = '0', s = '0'] = match;
    const ms = Number(d) * UNIT_MS.d +
        Number(h) * UNIT_MS.h +
        Number(m) * UNIT_MS.m +
        Number(s) * UNIT_MS.s;
    if (ms < range.min || ms > range.max) {
        throw inputError(input, `is out of range ('${clip(value)}')`, `Use a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)}`);
    }
    return ms;
}
/** `5400000` → `1h30m`; `0` → `0s`. Rounds down to whole seconds. */
function formatDuration(ms) {
    const sign = ms < 0 ? '-' : '';
    let seconds = Math.floor(Math.abs(ms) / 1000);
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1]
    ]) {
        if (seconds >= size) {
            parts.push(`${Math.floor(seconds / size)}${unit}`);
            seconds %= size;
        }
    }
    return sign + (parts.join('') || '0s');
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
const REFRESH_HELD_BACK_FIX = `${SECRETS_TOKEN_FIX}; 'on-expiring: auto' does not refresh without it, since a refresh uses up the refresh token in your secret and the next run would fail with invalid_grant. To refresh anyway, set 'on-expiring: refresh' and re-seed the secret after each run.`;
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
            status: facts.hasAccessToken ? statusOf(facts.probe, tooShort) : 'expiring',
            action: 'refresh',
            ...timing
        };
    }
    const status = statusOf(facts.probe, tooShort);
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
function statusOf(probe, tooShort) {
    if (probe === undefined)
        return 'missing';
    if (tooShort && (probe === 'valid' || probe === 'unverifiable'))
        return 'expiring';
    return probe;
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

;// CONCATENATED MODULE: ./lib/providers/anthropic-api.js

const ANTHROPIC_VERSION = '2023-06-01';
/** Claude Code sends exactly this beta with an OAuth access token (shared/CONTEXT.md §2). */
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
function classifyAnswer(route, httpStatus, text, headers) {
    const body = readBody(text);
    const error = apiError(body);
    const headerId = headers['request-id'];
    const fromApi = error !== undefined && API_REQUEST_ID.test(headerId ?? '');
    const requestId = headerId ?? (typeof body?.request_id === 'string' ? body.request_id : undefined);
    const base = { ...(requestId && { requestId }) };
    const apiSaid = (fallback) => (fromApi ? error.message : '') || fallback;
    const notFromApi = (consequence) => ({
        status: 'unverifiable',
        message: `HTTP ${httpStatus} that did not come from the API (${describeBody(text, headers, body)}): ${consequence}`,
        ...base
    });
    const retryAfter = () => {
        const retryAfterMs = parseRetryAfter(headers['retry-after']);
        return retryAfterMs === undefined ? {} : { retryAfterMs };
    };
    if (httpStatus === 429) {
        if (fromApi && error.details?.error_code === 'enforced_spend_limit_reached') {
            return { status: 'billing', message: error.message, ...base };
        }
        return {
            status: 'transient',
            message: `rate limited (429): ${apiSaid('too many requests')}`,
            ...base,
            ...retryAfter()
        };
    }
    if (httpStatus >= 500 || httpStatus === 408) {
        return {
            status: 'transient',
            message: `HTTP ${httpStatus}: ${fromApi ? error.message : describeBody(text, headers, body)}`,
            ...base,
            ...retryAfter()
        };
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return {
            status: 'unverifiable',
            message: `HTTP ${httpStatus} redirect to ${headers.location ?? 'elsewhere'}: 'anthropic-base-url' should be the API's own address`,
            ...base
        };
    }
    if (httpStatus === 407) {
        return {
            status: 'unverifiable',
            message: 'the HTTP proxy wants credentials (407): check HTTPS_PROXY',
            ...base
        };
    }
    if (httpStatus >= 200 && httpStatus < 300) {
        // Only the route's own answer: a captive portal's page, a cut-off body or a gateway's stub proves nothing.
        return body && route.isAnswer(body)
            ? { status: 'valid', message: `HTTP ${httpStatus}`, ...base }
            : notFromApi(`a proxy or gateway in between answered instead of ${route.path}`);
    }
    if (!fromApi) {
        return notFromApi(httpStatus === 401 || httpStatus === 403
            ? 'the gateway or proxy in between refused the request, which says nothing about the credential at the API'
            : "check 'anthropic-base-url'");
    }
    if (error.type === 'billing_error' ||
        httpStatus === 402 ||
        /credit balance|billing/i.test(error.message)) {
        return { status: 'billing', message: error.message, ...base };
    }
    if (httpStatus === 401) {
        return {
            status: /revoked/i.test(error.message) ? 'revoked' : 'invalid',
            message: error.message,
            ...base
        };
    }
    if (httpStatus === 403)
        return { status: 'forbidden', message: error.message, ...base };
    if (route.judgedAfterAuth.includes(httpStatus)) {
        return {
            status: 'valid',
            message: `HTTP ${httpStatus} after authentication (${error.message})`,
            ...base
        };
    }
    return {
        status: 'unverifiable',
        message: `HTTP ${httpStatus} ${error.type} for ${route.path}, which the API answers before it looks at the credential: check 'anthropic-base-url' (it is the address without /v1, such as https://api.anthropic.com)`,
        ...base
    };
}
function describeBody(text, headers, body) {
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
        classify: answer => classifyAnswer(route, answer.status, answer.text, answer.headers)
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

;// CONCATENATED MODULE: ./lib/providers/api-key.js



const CONSOLE = 'https://console.anthropic.com/settings';
const apiKey = {
    source: 'anthropic-api-key',
    secretInputs: [],
    plainInputs: [],
    envVar: 'ANTHROPIC_API_KEY',
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
function jwtExpiry(token) {
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
        const expiresAt = jwtExpiry(value);
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
            throw inputError(input, 'is not a valid timestamp', fix);
        if (epoch < SECONDS_LIMIT) {
            const at = new Date(epoch * 1000);
            return {
                at,
                note: `${input} ${epoch} looks like epoch seconds, not milliseconds; read it as ${at.toISOString()}`
            };
        }
        const at = new Date(epoch);
        if (Number.isNaN(at.getTime()))
            throw inputError(input, 'is out of range', fix);
        return { at };
    }
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '')
            throw inputError(input, 'is empty', fix);
        const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text);
        const at = new Date(text);
        if (!iso || Number.isNaN(at.getTime())) {
            throw inputError(input, `is not a timestamp ('${clip(text)}')`, fix);
        }
        return { at };
    }
    throw inputError(input, `is a ${value === null ? 'null' : typeof value}, not a timestamp`, fix);
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
        throw inputError(input, 'has a space or line break inside the value', 'Paste the secret again as a single line, with nothing else in it');
    }
    if (/[^\x21-\x7e]/.test(token)) {
        throw inputError(input, 'has a control or non-ASCII character inside the value', 'Copy the secret again exactly as it was issued; editors and chat apps sometimes replace characters');
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
        throw inputError(INPUT, 'is not valid JSON', SHAPE);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw inputError(INPUT, 'is not a JSON object', SHAPE);
    }
    const oauth = document.claudeAiOauth;
    if (typeof oauth !== 'object' || oauth === null || Array.isArray(oauth)) {
        throw inputError(INPUT, "has no 'claudeAiOauth' object", SHAPE);
    }
    const fields = oauth;
    for (const field of ['accessToken', 'refreshToken']) {
        if (fields[field] !== undefined && typeof fields[field] !== 'string') {
            throw inputError(INPUT, `has a '${field}' that is not a string`, SHAPE);
        }
    }
    if (!fields.accessToken && !fields.refreshToken) {
        throw inputError(INPUT, "has neither 'accessToken' nor 'refreshToken'", SHAPE);
    }
    return { oauth: fields, document: document };
}
const claudeCredentials = {
    source: INPUT,
    secretInputs: [],
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
 * Every provider, in Claude Code's own precedence, highest first (shared/CONTEXT.md §1): ANTHROPIC_AUTH_TOKEN,
 * ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, then the /login credentials file.
 */
const providers_PROVIDERS = [authToken, apiKey, oauthToken, claudeCredentials];
function providerOf(source) {
    const provider = providers_PROVIDERS.find(p => p.source === source);
    if (!provider)
        throw new Error(`unknown credential source ${source}`);
    return provider;
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
const { fingerprint, redactSecrets, looksLikeSecret } = compileShapes(SHAPES);
/** The credential's fingerprint: of its access token, or of its refresh token when it has no access token yet. */
function fingerprintOf(credential) {
    return fingerprint(credential.secret || credential.refreshToken || '');
}

;// CONCATENATED MODULE: ./lib/providers/placement.js
// "Pasted into the wrong input": a value of a known shape (src/providers/shapes.ts) found where it does not belong.



/**
 * Refuses a value that clearly belongs in another input (an API key pasted as an OAuth token, …), naming where it
 * belongs. `where` is an input's name or a credential's `from` (`env CLAUDE_CODE_OAUTH_TOKEN`, `file PATH`): an
 * environment variable is told the variable to move it to. `accepted` lists the homes this input takes. Shapes that
 * a gateway's token may have (a JWT, a GitHub token) are refused only in inputs that never hold a secret (`plain`).
 */
function checkPlacement(where, value, accepted, plain = false) {
    const known = SHAPES.find(shape => (plain || !shape.plainOnly) && shape.begins?.test(value));
    if (!known || (known.home !== undefined && accepted.includes(known.home)))
        return;
    const origin = originOf(where);
    const fix = 'env' in origin && known.homeEnv
        ? `Move it to ${known.homeEnv}`
        : (known.fix ?? `Move it to input '${known.home}'`);
    if ('input' in origin)
        throw inputError(origin.input, `holds ${known.what}`, fix);
    const named = 'env' in origin ? `environment variable ${origin.env}` : origin.file;
    throw new UserError(`${PREFIX}: ${named} holds ${known.what}. ${fix}`);
}
/**
 * For inputs that never hold a secret (durations, URLs, choices, paths): refuses a secret pasted there, without
 * quoting it, and names the input it belongs in. Token inputs (`github-token`, `secrets-token`) pass
 * `githubToken: true`: GitHub tokens are what they hold.
 */
function refuseSecret(input, raw, githubToken = false) {
    checkPlacement(input, raw.trim(), githubToken ? ['github-token'] : [], true);
}

;// CONCATENATED MODULE: ./lib/common/redact.js
// Redaction of the secrets the step knows, in every form a log may carry them, for text quoted into the job summary,
// annotations and the PR comment (the runner masks the log and the summary, but not a PR comment, and only the exact
// strings it was given). Pure: the caller reads the inputs and the environment.
/** A value shorter than this is not redacted by value: it would cut ordinary words out of the text. */
const MIN_SECRET = 8;
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
        if (inner.length >= MIN_SECRET)
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
function redactorFor(secrets, redactShapes) {
    const forms = [
        ...new Set(secrets.flatMap(secret => [secret, normaliseText(secret)]).flatMap(secretForms))
    ]
        .filter(form => form.length >= MIN_SECRET)
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
/** Inputs that may hold a secret: the credentials' and the two GitHub tokens. */
const SECRET_INPUT_NAMES = [...SECRET_INPUTS, 'github-token', 'secrets-token'];
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
/** The redactor of the secrets this step knows (knownSecrets) and of every known shape of a secret. */
function redactKnownSecrets(input, env) {
    return redactorFor(knownSecrets(input, env), redactSecrets);
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

;// CONCATENATED MODULE: ./lib/inputs/check.js






const DEFAULT_BASE_URL = 'https://api.anthropic.com';
function readChoice(input, value, choices, fallback) {
    const text = value.trim().toLowerCase();
    if (text === '')
        return fallback;
    if (choices.includes(text))
        return text;
    throw inputError(input, `is '${clip(value.trim())}'`, `Use ${choices.map(c => `'${c}'`).join(' or ')}`);
}
/** The spellings `core.getBooleanInput` accepts (YAML 1.2 core schema), and no others. */
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Every true/false input, read as `core.getBooleanInput` reads it; empty is `fallback`. */
function readBoolean(input, value, fallback) {
    const text = value.trim();
    if (text === '')
        return fallback;
    if (TRUE.includes(text))
        return true;
    if (FALSE.includes(text))
        return false;
    throw inputError(input, `is '${clip(text)}', not true or false`, `Use ${[...TRUE, ...FALSE].map(c => `'${c}'`).join(', ')} (YAML's spellings, as GitHub reads them)`);
}
/**
 * Validates a URL that a credential is sent to: https (http only to loopback), no credentials in it, no query.
 * `fix` says what to use instead.
 */
function readCredentialUrl(input, value, fix) {
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        // Never quoted when it may hold a user name and password, which a parse error cannot tell apart.
        throw inputError(input, text.includes('@') ? 'is not a URL' : `is not a URL ('${clip(text)}')`, fix);
    }
    if (url.username || url.password)
        throw inputError(input, 'has a user name or password in it', `${fix}, and put credentials in their own inputs`);
    if (!isSafeTransport(url))
        throw inputError(input, url.protocol === 'http:'
            ? `uses http: to ${url.hostname}, in clear, instead of https:`
            : `uses ${url.protocol} instead of https:`, `${fix}; credentials travel only over https (http only to this machine)`);
    if (url.search || url.hash)
        throw inputError(input, 'has a query or fragment', fix);
    return url;
}
/** The base URL Claude sends its model requests to, validated as every URL a credential is sent to. */
function readBaseUrl(input, value) {
    const fix = `Use the API's address, such as ${DEFAULT_BASE_URL} or https://gateway.example.com/anthropic`;
    return readCredentialUrl(input, value, fix).toString().replace(/\/+$/, '');
}
/** The preflight's inputs that never hold a secret: a secret pasted there is refused before anything quotes it. */
const PLAIN_CHECK_INPUTS = [
    'anthropic-base-url',
    ...PROVIDER_PLAIN_INPUTS,
    'min-remaining',
    'probe-timeout',
    'on-invalid',
    'on-expiring',
    'on-unverifiable',
    'force-refresh'
];
/** Reads and validates the preflight's own inputs; throws a UserError naming the first bad one. */
function readCheckInputs(input, env) {
    for (const name of PLAIN_CHECK_INPUTS)
        refuseSecret(name, input(name));
    refuseSecret('github-token', input('github-token'), true);
    const baseInput = input('anthropic-base-url').trim();
    const baseEnv = (env.ANTHROPIC_BASE_URL ?? '').trim();
    refuseSecret('ANTHROPIC_BASE_URL', baseEnv);
    const [baseUrl, baseUrlFrom] = baseInput
        ? [readBaseUrl('anthropic-base-url', baseInput), 'input anthropic-base-url']
        : baseEnv
            ? [readBaseUrl('ANTHROPIC_BASE_URL', baseEnv), 'env ANTHROPIC_BASE_URL']
            : [DEFAULT_BASE_URL, 'default'];
    const minRemaining = input('min-remaining').trim();
    return {
        baseUrl,
        baseUrlFrom,
        probeTimeoutMs: parseDuration('probe-timeout', input('probe-timeout') || '10s', {
            min: 1_000,
            max: 300_000
        }),
        minRemainingMs: minRemaining === '' || minRemaining.toLowerCase() === 'auto'
            ? 'auto'
            : parseDuration('min-remaining', minRemaining, { min: 0, max: 35 * 86_400_000 }),
        onInvalid: readChoice('on-invalid', input('on-invalid'), ['fail', 'warn'], 'fail'),
        onExpiring: readChoice('on-expiring', input('on-expiring'), ['auto', 'fail', 'warn', 'refresh'], 'auto'),
        onUnverifiable: readChoice('on-unverifiable', input('on-unverifiable'), ['warn', 'fail'], 'warn'),
        forceRefresh: readBoolean('force-refresh', input('force-refresh'), false),
        savesRotatedToken: input('secrets-token').trim() !== '',
        githubToken: input('github-token').trim()
    };
}
/** The policy once the credential is known: `auto` and `force-refresh` follow the refresh rule (resolveRefresh). */
function resolvePolicy(inputs, hasRefreshToken) {
    return {
        onInvalid: inputs.onInvalid,
        onUnverifiable: inputs.onUnverifiable,
        ...resolveRefresh(inputs, hasRefreshToken)
    };
}

;// CONCATENATED MODULE: ./lib/secrets/target.js

/** Parses `secret-scope`: `repo`, `environment:<name>` or `org`. */
function parseSecretScope(value) {
    const text = value.trim();
    if (text === '' || text === 'repo')
        return { kind: 'repo' };
    if (text === 'org')
        return { kind: 'org' };
    const env = /^environment:(.+)$/.exec(text);
    if (env?.[1]?.trim())
        return { kind: 'environment', environment: env[1].trim() };
    throw inputError('secret-scope', `is '${text}'`, "Use 'repo', 'environment:<name>' (say 'environment:production') or 'org'.");
}
/** Parses `secret-name` as GitHub accepts secret names. */
function parseSecretName(value) {
    const name = value.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name)) {
        throw inputError('secret-name', `is '${name}', not a valid secret name`, 'Use letters, digits and underscores, not starting with a digit or GITHUB_ (the default is CLAUDE_CREDENTIALS).');
    }
    return name;
}
/**
 * The target in the running repository (`GITHUB_REPOSITORY`). Throws a UserError: an inputError naming `secret-name`
 * for a name GitHub would refuse, and one saying so when not run inside GitHub Actions.
 */
function secretTarget(scope, name, env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        throw new UserError(`${PREFIX}: GITHUB_REPOSITORY is not set, so the secret to write back is unknown. Run this inside GitHub Actions.`);
    }
    return { scope, name: parseSecretName(name), owner, repo };
}
/** For humans: `repository secret CLAUDE_CREDENTIALS of o/r`. */
function describeTarget(target) {
    switch (target.scope.kind) {
        case 'repo':
            return `repository secret ${target.name} of ${target.owner}/${target.repo}`;
        case 'environment':
            return `secret ${target.name} of environment '${target.scope.environment}' in ${target.owner}/${target.repo}`;
        case 'org':
            return `organization secret ${target.name} of ${target.owner}`;
    }
}
/** The `gh secret set` command that re-seeds it, for messages. */
function reseedCommand(target) {
    const where = target.scope.kind === 'org'
        ? `--org ${target.owner}`
        : target.scope.kind === 'environment'
            ? `--repo ${target.owner}/${target.repo} --env '${target.scope.environment}'`
            : `--repo ${target.owner}/${target.repo}`;
    return `gh secret set ${target.name} ${where} < ~/.claude/.credentials.json`;
}
/** The REST route prefix and params of the scope. */
function scopeRoute(target) {
    switch (target.scope.kind) {
        case 'repo':
            return {
                prefix: '/repos/{owner}/{repo}/actions/secrets',
                params: { owner: target.owner, repo: target.repo }
            };
        case 'environment':
            return {
                prefix: '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
                params: {
                    owner: target.owner,
                    repo: target.repo,
                    environment_name: target.scope.environment
                }
            };
        case 'org':
            return { prefix: '/orgs/{org}/actions/secrets', params: { org: target.owner } };
    }
}

;// CONCATENATED MODULE: ./lib/inputs/refresh.js



const DEFAULT_TOKEN_URL = 'https://platform.claude.com/v1/oauth/token';
const DEFAULT_CLIENT_ID = '9d1c250a-e61b-44d9-88ed-5944d1962f5e';
function tokenUrl(value) {
    return readCredentialUrl('oauth-token-url', value, `Use the default ${DEFAULT_TOKEN_URL} or another https URL`).href;
}
/** Reads and checks the inputs; a bad one throws an inputError naming it. */
function readRefreshInputs(getInput) {
    const clientId = getInput('oauth-client-id').trim() || DEFAULT_CLIENT_ID;
    if (!/^[A-Za-z0-9._:-]+$/.test(clientId)) {
        throw inputError('oauth-client-id', 'has characters a client id never has', `Leave it empty for Claude Code's (${DEFAULT_CLIENT_ID}).`);
    }
    const secretsToken = getInput('secrets-token').trim();
    const githubToken = getInput('github-token').trim();
    if (isWorkflowToken(secretsToken, githubToken)) {
        throw inputError('secrets-token', "is the workflow's GITHUB_TOKEN (the same installation token as 'github-token'), which can never write secrets, so a refresh would use up the refresh token in your secret without saving its successor", `Pass a fine-grained PAT or App token with "Secrets: write" and "Contents: write" (an App token: as 'secrets-token' only, leaving 'github-token' at its default), or leave 'secrets-token' empty`);
    }
    return {
        tokenUrl: tokenUrl(getInput('oauth-token-url').trim() || DEFAULT_TOKEN_URL),
        clientId,
        exportEnv: readBoolean('export-env', getInput('export-env'), false),
        writeCredentialsFile: readBoolean('write-credentials-file', getInput('write-credentials-file'), false),
        secretsToken,
        secretName: parseSecretName(getInput('secret-name') || 'CLAUDE_CREDENTIALS'),
        secretScope: parseSecretScope(getInput('secret-scope')),
        githubToken
    };
}
/**
 * Whether `secrets-token` is the workflow's GITHUB_TOKEN, which can never write secrets: the same installation token
 * (`ghs_…`) as `github-token`, whose default is `github.token`. A PAT passed as both is not.
 */
function isWorkflowToken(secretsToken, githubToken) {
    return secretsToken !== '' && secretsToken === githubToken && secretsToken.startsWith('ghs_');
}

;// CONCATENATED MODULE: ./lib/providers/select.js





/** Environment variables that send Claude Code to a cloud provider instead (shared/CONTEXT.md §1). */
const CLOUD_PROVIDERS = [
    ['CLAUDE_CODE_USE_BEDROCK', 'Amazon Bedrock'],
    ['CLAUDE_CODE_USE_VERTEX', 'Google Vertex AI'],
    ['CLAUDE_CODE_USE_FOUNDRY', 'Microsoft Foundry']
];
/**
 * Gives `oauth-refresh-token` to the OAuth credential Claude Code would use first: the OAuth token, else the
 * credentials JSON. Returns false when there is neither (or no refresh token): then a lone refresh token is a
 * credential of its own. A credentials JSON with its own refreshToken keeps it, and `oauth-refresh-token` is ignored.
 */
function attachRefreshToken(context, found, warnings) {
    const refresh = readRefreshTokenInput(context);
    if (!refresh)
        return false;
    const holder = found.find(c => c.source === 'claude-code-oauth-token' || c.source === 'claude-credentials');
    if (!holder)
        return false;
    const input = `'${REFRESH_TOKEN_INPUT}'`;
    if (holder.refreshToken) {
        warnings.push(`${input} is ignored: the ${holder.label} from ${holder.from} carries its own refreshToken, which is the one refreshed and written back. Remove ${input}, or the refreshToken from the JSON.`);
        return true;
    }
    holder.refreshToken = refresh.value;
    holder.notes.push(...refresh.notes, `${input} is used as the refresh token of the ${holder.label} from ${holder.from}; ${holder.source === 'claude-credentials'
        ? `a refresh writes the credentials JSON back with the rotated refresh token inside, after which ${input} is no longer needed`
        : 'a refresh writes the rotated refresh token back alone'}.`);
    return true;
}
const truthy = (value) => !!value && !/^(0|false|no|off)$/i.test(value.trim());
const handedOnBy = (why) => `this action's output oauth-token, which ${why} passes to Claude`;
/**
 * What Claude receives for `kind`. Without a Claude step, the preflight's own view: the input, else the environment
 * variable Claude Code reads. With one, what that step passes Claude (claude-step.ts): the job's value, nothing, or a
 * value written in the step, which the preflight knows only as its own input of the same kind (or its own output).
 */
function select_originOf(kind, context, env, step, handsOnOwnOutput) {
    const fromInput = context.input(kind.source);
    const fromEnv = kind.envVar ? (env[kind.envVar] ?? '') : '';
    const input = { raw: fromInput, from: `input ${kind.source}`, name: kind.source };
    const environment = { raw: fromEnv, from: `env ${kind.envVar}`, name: kind.envVar ?? kind.source };
    // Claude Code's own login file, which the command line reads on a laptop (never in a job).
    const file = kind.source === 'claude-credentials' ? context.credentialsFile : undefined;
    const own = fromInput
        ? input
        : file
            ? { raw: file.text, from: `file ${file.path}`, name: file.path }
            : environment;
    if (!step)
        return { kind: 'value', ...own };
    const given = own.raw.trim() !== '';
    if (!kind.envVar) {
        // The credentials file: Claude Code reads it only when no environment token is set.
        if (handsOnOwnOutput)
            return { kind: 'value', ...own, handedOn: handsOnOwnOutput };
        if (step.kind === 'claude-cli')
            return { kind: 'value', ...own };
        return {
            kind: 'absent',
            ...(given && {
                why: `'${kind.source}' is not what ${step.label} uses: claude-code-action needs an environment token and Claude Code then never reads a credentials file. Hand Claude the token with \`claude_code_oauth_token: \${{ steps.<preflight id>.outputs.oauth-token }}\``
            })
        };
    }
    const value = step.variable(kind.envVar);
    if (value.kind === 'inherited') {
        if (fromEnv.trim() !== '')
            return { kind: 'value', ...environment };
        return {
            kind: 'absent',
            ...(given && {
                why: `${kind.label} from ${own.from} does not reach Claude: ${step.label} passes ${kind.envVar} from the job's environment, which has none`
            })
        };
    }
    if (value.kind === 'empty')
        return {
            kind: 'absent',
            ...(given && { why: `${kind.label} from ${own.from} does not reach Claude: ${value.why}` })
        };
    if (value.kind === 'output') {
        return given ? { kind: 'value', ...own, handedOn: handedOnBy(value.why) } : { kind: 'absent' };
    }
    if (fromInput.trim() !== '')
        return { kind: 'value', ...input };
    // Quoted only when it is an expression: a value written out in the workflow may be the credential itself.
    const written = /^\$\{\{[^}]*\}\}$/.test(value.written.trim())
        ? `\`${value.written.trim().replace(/`/g, "'")}\``
        : 'a value written in the workflow';
    return {
        kind: 'unseen',
        why: `${value.why} sets ${kind.envVar} to ${written}, which this step cannot read. Pass the same value to input '${kind.source}' to check it`
    };
}
/**
 * Finds every credential Claude Code will receive (inputs first, then the environment variable Claude Code reads; or
 * what the job's Claude step passes it, when `step` is given), and picks the one Claude Code will use by its
 * precedence. Throws a UserError for a value that cannot be read, or that Claude Code would send as it is and fail
 * with (quotes around it).
 */
function selectCredential(context, env, step) {
    const providerContext = { ...context, checkPlacement: checkPlacement };
    const found = [];
    const warnings = [];
    const empty = [];
    let unseen;
    const ownOutput = step &&
        providers_PROVIDERS.flatMap(kind => (kind.envVar ? [step.variable(kind.envVar)] : [])).find(value => value.kind === 'output');
    const handsOnOwnOutput = ownOutput ? handedOnBy(ownOutput.why) : undefined;
    for (const kind of providers_PROVIDERS) {
        const origin = select_originOf(kind, context, env, step, handsOnOwnOutput);
        if (origin.kind === 'unseen') {
            if (found.length === 0 && unseen === undefined)
                unseen = origin.why;
            continue;
        }
        if (origin.kind === 'absent') {
            if (origin.why)
                warnings.push(origin.why);
            empty.push(kind);
            continue;
        }
        const { raw, from, name } = origin;
        if (raw.trim() === '') {
            if (raw !== '')
                warnings.push(`'${name}' holds only whitespace and was ignored`);
            empty.push(kind);
            continue;
        }
        const { value, notes, quoted } = cleanSecret(name, raw);
        const credential = kind.read(value, from, providerContext);
        credential.notes.unshift(...notes);
        if (quoted)
            credential.quoted = true;
        if (origin.handedOn)
            credential.handedOn = origin.handedOn;
        found.push(credential);
    }
    if (!attachRefreshToken(providerContext, found, warnings)) {
        // Still in precedence order: with no OAuth token or credentials JSON found, nothing found ranks after a lone one.
        for (const kind of empty) {
            const lone = kind.readEmpty?.(providerContext);
            if (lone)
                found.push(lone);
        }
    }
    const cloud = CLOUD_PROVIDERS.find(([variable]) => {
        const value = step?.variable(variable);
        if (!value || value.kind === 'inherited')
            return truthy(env[variable]);
        return value.kind === 'step' && truthy(value.written);
    });
    const [first, ...rest] = found;
    // What Claude cannot be seen to use outranks everything found: then nothing found is used.
    const chosen = unseen ? undefined : first;
    const others = unseen ? found : rest;
    if (found.some(c => c.source === 'anthropic-api-key') &&
        found.some(c => c.source === 'anthropic-auth-token')) {
        warnings.push("Both an API key and ANTHROPIC_AUTH_TOKEN are set: the API rejects requests that carry both. Remove one of them (keep 'anthropic-auth-token' only for a gateway).");
    }
    for (const other of others) {
        warnings.push(chosen
            ? `${other.label} from ${other.from} is ignored: Claude Code uses the ${chosen.label} from ${chosen.from} first.`
            : `${other.label} from ${other.from} is ignored: ${unseen}.`);
    }
    const stepped = step ? { claudeStep: step } : {};
    if (cloud) {
        return { others: found, warnings, cloudProvider: `${cloud[1]} (${cloud[0]})`, ...stepped };
    }
    if (chosen?.quoted && !chosen.handedOn && chosen.source !== 'claude-credentials') {
        throw new UserError(`${PREFIX}: ${chosen.from.replace(/^input (.+)$/, "input '$1'")} is wrapped in quotes, and Claude Code sends them as part of the ${chosen.label}: the API would refuse every request. Fix: store the secret again without the quotes.`);
    }
    return {
        ...(chosen && { chosen }),
        others,
        warnings,
        ...stepped,
        ...(unseen !== undefined && { unseen })
    };
}

;// CONCATENATED MODULE: ./lib/probe/probe.js



/**
 * Probes the credential with its provider's probe, retrying transient answers with jittered back-off until
 * `timeoutMs` runs out.
 */
async function probe(credential, options) {
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    const { request, classify } = providerOf(credential.source).probe(credential, {
        baseUrl: options.baseUrl
    });
    const { value, attempts } = await retry(async () => {
        const remaining = deadline - Date.now();
        try {
            const answer = await options.send({
                ...request,
                signal: AbortSignal.timeout(Math.max(1, remaining))
            });
            const classified = classify(answer);
            const value = { ...classified, httpStatus: answer.status };
            return classified.status === 'transient'
                ? {
                    done: false,
                    value,
                    ...(classified.retryAfterMs !== undefined && {
                        retryAfterMs: classified.retryAfterMs
                    })
                }
                : { done: true, value };
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                throw error;
            const message = error.failure === 'timeout'
                ? `no answer within ${Number((options.timeoutMs / 1000).toFixed(1))}s (${error.host})`
                : error.message;
            return { done: error.failure === 'timeout', value: { status: 'transient', message } };
        }
    }, { attempts: options.attempts ?? 4, baseDelayMs: options.baseDelayMs ?? 400, deadline });
    const { status, retryAfterMs: _, ...rest } = value;
    const attemptsNote = attempts > 1 ? ` after ${attempts} attempts` : '';
    return {
        ...rest,
        status: status === 'transient' ? 'unverifiable' : status,
        message: status === 'transient' ? `${value.message}${attemptsNote}` : value.message,
        attempts,
        elapsedMs: Date.now() - started
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./lib/github/client.js

/** The API base URL the runner gives (GHES included). */
function apiBaseUrl(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
/** How long one GitHub API request may take before it counts as no answer (octokitRequest's default). */
const GITHUB_TIMEOUT_MS = 20_000;
/**
 * A GitHubRequest through octokit (`@actions/github`, honouring the runner's proxy settings). Imported on first use
 * so that a main step that never writes a secret starts fast.
 */
function octokitRequest(token, env, options = {}) {
    const timeoutMs = options.timeoutMs ?? GITHUB_TIMEOUT_MS;
    const baseUrl = apiBaseUrl(env);
    let octokit;
    return async (route, params = {}) => {
        octokit ??= Promise.all(/* import() */[__nccwpck_require__.e(718), __nccwpck_require__.e(587)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8587)).then(github => github.getOctokit(token, { baseUrl, log: quietLog }));
        const client = await octokit;
        const signal = AbortSignal.timeout(timeoutMs);
        try {
            const answer = await client.request(route, { ...params, request: { signal } });
            return { status: answer.status, data: answer.data, headers: answer.headers ?? {} };
        }
        catch (error) {
            const response = error.response;
            if (response && typeof response.status === 'number') {
                return { status: response.status, data: response.data, headers: response.headers ?? {} };
            }
            throw networkErrorOf(error, new URL(baseUrl).host, signal);
        }
    };
}
const quietLog = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
/** The NetworkError of a call through octokit (fetch) that got no answer; `signal` is the call's deadline. */
function networkErrorOf(error, host, signal) {
    if (signal?.aborted)
        return new NetworkError('timeout', host, '');
    const [failure, detail] = classifyNetworkError(error);
    return new NetworkError(failure, host, detail);
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
    if (typeof data === 'string' && /<html|<!doctype/i.test(data))
        return "(an HTML page, not GitHub's JSON: a proxy or gateway in between?)";
    if (typeof data === 'string' && data.trim())
        return "(a body that is not GitHub's JSON)";
    return '(no message)';
}
/** An answer worth another try: no answer, 5xx, 429, or a secondary rate limit. */
function isTransient(answer) {
    if (answer.status >= 500 || answer.status === 429)
        return true;
    return (answer.status === 403 &&
        (/rate limit/i.test(apiMessage(answer)) || answer.headers['retry-after'] !== undefined));
}

;// CONCATENATED MODULE: ./lib/workflow/timeout.js
/** GitHub's own limit for a job that sets no `timeout-minutes`. */
const DEFAULT_JOB_TIMEOUT_MINUTES = 360;
/**
 * The largest workflow file read. Real ones are a few KiB; this bounds the parse (below) to well under a second on a
 * loaded 2-core runner.
 */
const MAX_WORKFLOW_BYTES = 256 * 1024;
/**
 * A workflow file's document; undefined when it does not parse. Duplicate-key checks cost quadratic time in a mapping's
 * size (40,000 keys: 40 s) and GitHub refuses such a workflow anyway; aliases are capped against expansion bombs.
 */
async function parseWorkflow(workflowYaml) {
    try {
        // Imported here: only a job's own workflow needs a YAML parser, and it is a third of the main step's start-up.
        return (await __nccwpck_require__.e(/* import() */ 645).then(__nccwpck_require__.t.bind(__nccwpck_require__, 3645, 19))).parse(workflowYaml, { uniqueKeys: false, maxAliasCount: 100 });
    }
    catch {
        return undefined;
    }
}
/**
 * The `timeout-minutes` of job `jobId` in a parsed workflow, when it is a plain number. Undefined when the job is not
 * there or the value is an expression.
 */
function jobTimeoutMinutes(document, jobId) {
    const job = document?.jobs?.[jobId];
    const value = job?.['timeout-minutes'];
    const minutes = typeof value === 'string' ? Number(value) : value;
    return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0
        ? minutes
        : undefined;
}
/** Splits `GITHUB_WORKFLOW_REF` (`owner/repo/.github/workflows/ci.yml@refs/heads/main`). */
function parseWorkflowRef(value) {
    const match = /^([^/]+)\/([^/]+)\/(.+?)@(.+)$/.exec(value ?? '');
    if (!match)
        return undefined;
    const [, owner, repo, path, ref] = match;
    return { owner, repo, path, ref };
}

;// CONCATENATED MODULE: ./lib/check/min-remaining.js










const KIB = MAX_WORKFLOW_BYTES / 1024;
/** The running workflow, read (see readRunningWorkflow) and parsed. */
async function loadJobWorkflow(env, deps) {
    const read = await readRunningWorkflow(env, deps);
    if ('why' in read)
        return read;
    const document = await parseWorkflow(read.text);
    if (document === undefined)
        return { why: `${read.where} is not valid YAML` };
    return { document, where: read.where, job: read.job };
}
/**
 * Reads the running workflow file, at most MAX_WORKFLOW_BYTES: the checkout's copy when it is byte for byte the file at
 * GITHUB_WORKFLOW_SHA (its git blob id is the one git has for that commit and path), else the file at that commit
 * through the contents API. A job may check out anything, a pull request's head included (pull_request_target,
 * issue_comment, a dispatch that tests a pull request), and its copy is then not the workflow that runs.
 */
async function readRunningWorkflow(env, deps) {
    const ref = parseWorkflowRef(env.GITHUB_WORKFLOW_REF);
    const job = env.GITHUB_JOB;
    if (!ref || !job)
        return { why: 'not running in a GitHub Actions job' };
    const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(env.GITHUB_WORKFLOW_SHA ?? '')
        ? env.GITHUB_WORKFLOW_SHA
        : undefined;
    const local = await readLocal(env.GITHUB_WORKSPACE, ref.path);
    if ('text' in local && sha && (await isBlobAt(env.GITHUB_WORKSPACE, sha, ref.path, local.bytes)))
        return { text: local.text, where: ref.path, job };
    const remote = await readRemote(ref, sha ?? ref.ref, env, deps);
    if ('text' in remote)
        return { text: remote.text, where: `${ref.path}${sha ? ` at ${sha.slice(0, 12)}` : ''}`, job };
    const why = remote.why || 'no github-token to read it with';
    const checkout = 'text' in local
        ? ` (the checkout's copy is not the one at ${sha ? sha.slice(0, 12) : 'GITHUB_WORKFLOW_SHA'}, and may be a pull request's)`
        : local.why
            ? ` (${local.why})`
            : '';
    return { why: `could not read ${ref.path}: ${why}${checkout}` };
}
/**
 * Whether `bytes` are the blob git holds at `commit:path` in the checkout. The checkout's own git answers; a
 * shallow checkout of another commit does not have it, and the answer is no.
 */
async function isBlobAt(workspace, commit, path, bytes) {
    const hash = commit.length === 64 ? 'sha256' : 'sha1';
    const own = (0,external_node_crypto_.createHash)(hash).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    try {
        const { stdout } = await (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile)('git', ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${commit}:${path}`], { timeout: 10_000, env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1' } });
        return stdout.trim() === own;
    }
    catch {
        return false;
    }
}
/** The duration a credential must last: `setting`, or for `auto` the job's timeout in the running workflow. */
function minRemainingOf(setting, workflow = { why: 'it was not read' }) {
    if (setting !== 'auto')
        return { ms: setting, source: `min-remaining ${formatDuration(setting)}` };
    const fallback = (why) => ({
        ms: DEFAULT_JOB_TIMEOUT_MINUTES * 60_000,
        source: `${DEFAULT_JOB_TIMEOUT_MINUTES} minutes, GitHub's default job limit (${why})`
    });
    if ('why' in workflow)
        return fallback(workflow.why);
    const minutes = jobTimeoutMinutes(workflow.document, workflow.job);
    if (minutes === undefined)
        return fallback(`job '${workflow.job}' in ${workflow.where} sets no plain timeout-minutes`);
    return {
        ms: minutes * 60_000,
        source: `timeout-minutes: ${minutes} of job '${workflow.job}' in ${workflow.where}`
    };
}
/**
 * The checkout's copy: a regular file of at most MAX_WORKFLOW_BYTES (opened non-blocking, so a FIFO planted there
 * cannot hang the step). `why` is empty when there is simply no such file.
 */
async function readLocal(workspace, path) {
    if (!workspace)
        return { why: '' };
    let file;
    try {
        file = await (0,promises_namespaceObject.open)((0,external_node_path_namespaceObject.join)(workspace, path), external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    }
    catch {
        return { why: '' };
    }
    try {
        const stats = await file.stat();
        if (!stats.isFile())
            return { why: `the checkout's ${path} is not a regular file` };
        if (stats.size > MAX_WORKFLOW_BYTES)
            return { why: `the checkout's ${path} is larger than ${KIB} KiB` };
        const buffer = Buffer.alloc(MAX_WORKFLOW_BYTES + 1);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
        if (bytesRead > MAX_WORKFLOW_BYTES)
            return { why: `the checkout's ${path} is larger than ${KIB} KiB` };
        const bytes = buffer.subarray(0, bytesRead);
        return { text: bytes.toString('utf8'), bytes };
    }
    catch {
        return { why: '' };
    }
    finally {
        await file.close();
    }
}
/** One GET through our own HTTP client (proxy-aware, deadline-bound); octokit would add start-up cost here. */
async function readRemote(ref, at, env, deps) {
    if (!deps.githubToken)
        return { why: '' };
    const api = apiBaseUrl(env);
    const path = ref.path.split('/').map(encodeURIComponent).join('/');
    const contentsApi = 'the contents API';
    try {
        const answer = await deps.send({
            method: 'GET',
            url: `${api}/repos/${ref.owner}/${ref.repo}/contents/${path}?ref=${encodeURIComponent(at)}`,
            headers: {
                authorization: `Bearer ${deps.githubToken}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'user-agent': 'claude-preflight'
            },
            signal: AbortSignal.timeout(deps.timeoutMs)
        });
        if (answer.status !== 200)
            return { why: `${contentsApi} answered HTTP ${answer.status}` };
        let body;
        try {
            body = JSON.parse(answer.text);
        }
        catch {
            body = undefined;
        }
        if (typeof body?.size === 'number' && body.size > MAX_WORKFLOW_BYTES)
            return { why: `${ref.path} is larger than ${KIB} KiB` };
        if (typeof body?.content !== 'string' || body.encoding !== 'base64')
            return { why: `${contentsApi} answered HTTP 200 without the file's content in JSON` };
        const bytes = Buffer.from(body.content, 'base64');
        if (bytes.length > MAX_WORKFLOW_BYTES)
            return { why: `${ref.path} is larger than ${KIB} KiB` };
        return { text: bytes.toString('utf8') };
    }
    catch (error) {
        if (!(error instanceof NetworkError))
            return { why: `${contentsApi} failed` };
        return {
            why: error.failure === 'timeout'
                ? `no answer from ${contentsApi} within ${formatDuration(deps.timeoutMs)} (${error.host})`
                : `${contentsApi}: ${error.message}`
        };
    }
}

;// CONCATENATED MODULE: ./lib/workflow/claude-step.js
// Finds the step of the running job that runs Claude Code, and what it hands Claude: the preflight's verdict must be
// about the credential that step passes on, not about whatever the preflight's own step happens to see. Pure: it reads
// a parsed workflow document and never evaluates `${{ … }}` expressions (a secret's value is not in the file).
/**
 * claude-code-action's own step environment (its action.yml): each variable Claude's credential selection reads,
 * from which input. Since v1.0.146 (anthropics/claude-code-action#1342) an empty API key or OAuth token input falls
 * back to the job's value; before, and for every other input here, an input not given sets the variable to ''.
 */
const ACTION_INPUTS = [
    { variable: 'ANTHROPIC_API_KEY', input: 'anthropic_api_key', fallsBack: true },
    { variable: 'CLAUDE_CODE_OAUTH_TOKEN', input: 'claude_code_oauth_token', fallsBack: true },
    {
        variable: 'ANTHROPIC_FEDERATION_RULE_ID',
        input: 'anthropic_federation_rule_id',
        fallsBack: false
    },
    { variable: 'ANTHROPIC_ORGANIZATION_ID', input: 'anthropic_organization_id', fallsBack: false },
    {
        variable: 'ANTHROPIC_SERVICE_ACCOUNT_ID',
        input: 'anthropic_service_account_id',
        fallsBack: false
    },
    { variable: 'ANTHROPIC_WORKSPACE_ID', input: 'anthropic_workspace_id', fallsBack: false },
    { variable: 'CLAUDE_CODE_USE_BEDROCK', input: 'use_bedrock', fallsBack: false },
    { variable: 'CLAUDE_CODE_USE_VERTEX', input: 'use_vertex', fallsBack: false },
    { variable: 'CLAUDE_CODE_USE_FOUNDRY', input: 'use_foundry', fallsBack: false }
];
/** The first claude-code-action release whose empty credential inputs fall back to the job's environment. */
const FALLBACK_SINCE_PATCH = 146;
const ACTION_USES = /^anthropics\/claude-code(?:-base)?-action(?:\/[^@]*)?@(.+)$/i;
/**
 * Whether a claude-code-action reference falls back to the job's API key and OAuth token when its inputs are empty:
 * a moving major tag or branch follows the newest release; `v1.0.N` from N = 146; `v0`, `beta` and older never.
 * A commit SHA cannot be told apart without the network and is taken as recent.
 */
function actionFallsBack(ref) {
    const version = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(ref);
    if (version) {
        const [major, minor, patch] = [version[1], version[2], version[3]];
        if (Number(major) === 0)
            return false;
        if (Number(major) > 1 || minor === undefined || Number(minor) > 0)
            return true;
        return patch === undefined || Number(patch) >= FALLBACK_SINCE_PATCH;
    }
    return !/^(beta|v0)/i.test(ref);
}
const claude_step_asText = (value) => typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
function textMap(value) {
    const map = {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return map;
    for (const [key, entry] of Object.entries(value)) {
        const text = claude_step_asText(entry);
        if (text !== undefined)
            map[key] = text;
    }
    return map;
}
/** `${{ env.NAME }}` exactly: the step passes the job's own value on. */
const passesJobValue = (written, name) => new RegExp(`^\\$\\{\\{\\s*env\\.${name}\\s*\\}\\}$`).test(written.trim());
/**
 * A shell line that starts the Claude CLI for a model run: `claude …`, `npx [-y] @anthropic-ai/claude-code …`, a path
 * to `claude`; not a subcommand that sends no model request (`claude mcp add`, `claude --version`, …).
 */
const CLAUDE_COMMAND = /^(?:(?:exec|time|command|env|timeout\s+\S+)\s+)*(?:[\w.~/-]*\/)?(?:claude|npx\s+(?:-y\s+|--yes\s+)?@anthropic-ai\/claude-code(?:@\S+)?)(?:\s|$)(?!\s*(?:mcp|config|doctor|update|install|migrate-installer|setup-token|plugin|--version|-v|--help|-h)(?:\s|$))/;
/** Whether a `run:` script starts the Claude CLI in one of its commands. */
function runsClaude(script) {
    return script
        .split(/\n|&&|\|\||;|\|/)
        .map(command => command.trim().replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)+/, ''))
        .some(command => CLAUDE_COMMAND.test(command));
}
function stepLabel(step, index, jobId) {
    const name = claude_step_asText(step.name) ?? claude_step_asText(step.id);
    return `${name ? `step '${name}' (#${index + 1})` : `step #${index + 1}`} of job '${jobId}'`;
}
/** The step's own `oauth-token` output, as another step's input or env value writes it. */
function outputOf(stepId, written) {
    if (!stepId)
        return false;
    const id = stepId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^\\$\\{\\{\\s*steps\\.${id}\\.outputs(?:\\.oauth-token|\\[\\s*['"]oauth-token['"]\\s*\\])\\s*\\}\\}$`).test(written.trim());
}
/**
 * What a variable holds for the Claude step given what the step itself sets (`value`): the job's value reaches it,
 * unless only the preflight's own step set it.
 */
function relativeToPreflight(value, name, label, job) {
    if (value.kind === 'step' && outputOf(job.preflightId, value.written))
        return { kind: 'output', why: value.why };
    if (value.kind !== 'inherited' || job.preflightEnv[name] === undefined)
        return value;
    const jobValue = job.jobEnv[name];
    if (jobValue === undefined)
        return {
            kind: 'empty',
            why: `${name} is set only in the preflight step's own env:, which ${label} does not see`
        };
    return {
        kind: 'step',
        written: jobValue,
        why: `the job's env ${name}, which the preflight step's own env: replaces`
    };
}
function actionStep(step, uses, ref, label, job) {
    const inputs = textMap(step.with);
    const stepEnv = textMap(step.env);
    const fallsBack = actionFallsBack(ref);
    const own = (name) => {
        const row = ACTION_INPUTS.find(entry => entry.variable === name);
        if (!row)
            return cliValue(stepEnv, name, label);
        const given = (inputs[row.input] ?? '').trim();
        if (given)
            return { kind: 'step', written: given, why: `input ${row.input} of ${label}` };
        if (row.fallsBack && fallsBack)
            return cliValue(stepEnv, name, label);
        return {
            kind: 'empty',
            why: `${uses} sets ${name} from its input ${row.input}, which ${label} does not give${row.fallsBack ? ' (this version does not fall back to the job’s environment)' : ''}`
        };
    };
    return {
        kind: 'claude-code-action',
        label,
        uses,
        inputs,
        variable: name => relativeToPreflight(own(name), name, label, job)
    };
}
function cliValue(stepEnv, name, label) {
    const written = stepEnv[name];
    if (written === undefined || passesJobValue(written, name))
        return { kind: 'inherited' };
    if (written.trim() === '')
        return { kind: 'empty', why: `${label} sets ${name} to ''` };
    return { kind: 'step', written, why: `env ${name} of ${label}` };
}
const PREFLIGHT_USES = /(?:^|\/)claude-preflight(?:@|\/|$)/i;
/**
 * The step of job `jobId` that runs Claude Code after this action's own step (`ownStepId`, the runner's
 * GITHUB_ACTION; else the step that uses claude-preflight), and what it hands Claude. `document` is the parsed workflow
 * file; anything that is not a workflow gives none.
 */
function findClaudeStep(document, jobId, ownStepId) {
    const workflow = document;
    const job = workflow?.jobs?.[jobId];
    if (!Array.isArray(job?.steps))
        return undefined;
    const steps = job.steps.map(raw => raw && typeof raw === 'object' ? raw : {});
    const byId = ownStepId === undefined ? -1 : steps.findIndex(step => claude_step_asText(step.id) === ownStepId);
    const own = byId >= 0 ? byId : steps.findIndex(step => PREFLIGHT_USES.test(claude_step_asText(step.uses) ?? ''));
    const context = {
        jobEnv: { ...textMap(workflow?.env), ...textMap(job.env) },
        preflightEnv: own >= 0 ? textMap(steps[own].env) : {},
        ...(own >= 0 && claude_step_asText(steps[own].id) !== undefined && { preflightId: claude_step_asText(steps[own].id) })
    };
    for (let index = own + 1; index < steps.length; index++) {
        const step = steps[index];
        const label = stepLabel(step, index, jobId);
        const uses = claude_step_asText(step.uses)?.trim();
        const action = uses ? ACTION_USES.exec(uses) : null;
        if (uses && action)
            return actionStep(step, uses, action[1], label, context);
        if (runsClaude(claude_step_asText(step.run) ?? '')) {
            const stepEnv = textMap(step.env);
            return {
                kind: 'claude-cli',
                label,
                inputs: {},
                variable: name => relativeToPreflight(cliValue(stepEnv, name, label), name, label, context)
            };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/check/run-check.js







/** The verdict on the credential Claude will use, checked at `now`. */
function decideFor(chosen, minRemaining, policy, now) {
    return decide({
        ...(chosen?.probe && { probe: chosen.probe.status }),
        hasAccessToken: !!chosen?.credential.secret,
        hasRefreshToken: !!chosen?.credential.refreshToken,
        ...(chosen?.credential.expiresAt && { expiresAt: chosen.credential.expiresAt }),
        now,
        minRemainingMs: minRemaining.ms
    }, policy);
}
/**
 * The whole preflight, without side effects on the job: reads the job's workflow, finds the credential Claude will
 * use, probes it, and decides. Only that credential is sent, to the base URL Claude will
 * send it to: an ignored one never leaves the machine.
 */
async function runCheck(inputs, context, deps) {
    // The job's own workflow says which step runs Claude and what it passes it: read (and parsed) before selection, so
    // that only what Claude will send is probed, and before the probe's clock starts.
    const workflow = deps.env.GITHUB_WORKFLOW_REF
        ? await loadJobWorkflow(deps.env, {
            send: deps.send,
            githubToken: inputs.githubToken,
            timeoutMs: inputs.probeTimeoutMs
        })
        : undefined;
    const claudeStep = workflow && 'document' in workflow
        ? findClaudeStep(workflow.document, workflow.job, deps.env.GITHUB_ACTION)
        : undefined;
    const selection = selectCredential(context, deps.env, claudeStep);
    const noClaudeStep = workflow && !claudeStep
        ? 'why' in workflow
            ? `the job's workflow could not be read (${workflow.why})`
            : `no step after this one in job '${workflow.job}' runs Claude`
        : undefined;
    const policy = resolvePolicy(inputs, !!selection.chosen?.refreshToken);
    // Claude Code renews its own login file when it carries a refresh token (before expiry, and after a 401): an access
    // token there that expires, or has expired, costs Claude nothing, and an expired one is not worth a request. An
    // explicit 'on-expiring' is obeyed as given.
    const renewsItself = inputs.onExpiring === 'auto' &&
        !!selection.chosen?.refreshToken &&
        'file' in originOf(selection.chosen.from);
    const expired = selection.chosen?.expiresAt !== undefined && selection.chosen.expiresAt <= deps.now();
    if (renewsItself && selection.chosen)
        selection.chosen.notes.push('Claude Code renews this login by itself from its file, which carries a refreshToken');
    const chosenProbe = selection.chosen?.secret && !(renewsItself && expired)
        ? await probe(selection.chosen, {
            baseUrl: inputs.baseUrl,
            timeoutMs: inputs.probeTimeoutMs,
            send: deps.send
        })
        : undefined;
    const minRemaining = minRemainingOf(inputs.minRemainingMs, workflow);
    const chosen = selection.chosen && {
        credential: selection.chosen,
        ...(chosenProbe && { probe: chosenProbe })
    };
    const checked = [
        ...(chosen ? [chosen] : []),
        ...selection.others.map(credential => ({ credential }))
    ];
    const checkedAt = deps.now();
    const decided = selection.cloudProvider || selection.unseen
        ? { status: 'unverifiable', action: policy.onUnverifiable }
        : decideFor(chosen, minRemaining, policy, checkedAt);
    const verdict = renewsItself && (expired || decided.status === 'expiring')
        ? { ...decided, status: 'expiring', action: 'pass' }
        : decided;
    return {
        inputs,
        selection,
        ...(noClaudeStep && { noClaudeStep }),
        checked,
        ...(chosen && { chosen }),
        minRemaining,
        policy,
        verdict,
        checkedAt
    };
}

;// CONCATENATED MODULE: ./lib/common/markdown.js
// Markdown shared by the main step's and the post step's reports. Text the action did not write itself (transcript
// lines, server answers, file names) is quoted inertly: as a code span nothing can close, so it makes no link, image,
// HTML, heading or mention (GitHub neither renders markup nor notifies inside code).
/** A quoted string longer than this is cut: the reports quote, they do not reproduce. */
const QUOTE_MAX = 300;
/** Text for one table cell: a `|` would end the cell, a newline the row (GFM unescapes `\|` inside code too). */
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/**
 * An inline code span of `text` on one line, cut to `max` characters: its fence is one backtick longer than the
 * longest run inside (CommonMark closes a code span only with a run of equal length), padded so that a backtick
 * at either end stays inside.
 */
function inlineCode(text, max = QUOTE_MAX) {
    const flat = clipChars(text.replace(/\s+/g, ' ').trim(), max);
    const longest = (flat.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
    const fence = '`'.repeat(longest + 1);
    return `${fence} ${flat} ${fence}`;
}
/** `inlineCode` for a table cell. */
function cellCode(text, max = QUOTE_MAX) {
    return escapeCell(inlineCode(text, max));
}
/** Web addresses and e-mail addresses, which GitHub links even when their punctuation is escaped. */
const LINKABLE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** ASCII punctuation that can open markup outside code: escaped with a backslash (CommonMark). */
const MARKUP = /[\\*_[\]<>#!~|&]/g;
/**
 * One line of prose that may carry text from elsewhere (a server's words inside an error message): code spans
 * in it stay as they are, everything else is made inert (markup escaped, addresses quoted as code, `@` replaced by
 * the full-width `＠` so that no one is mentioned), and newlines become spaces.
 */
function inertMarkdown(text) {
    const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
    let out = '';
    let at = 0;
    const runs = /`+/g;
    for (let run = runs.exec(line); run; run = runs.exec(line)) {
        const fence = run[0];
        const closing = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
        closing.lastIndex = run.index + fence.length;
        const close = closing.exec(line);
        if (!close)
            continue;
        out += inertProse(line.slice(at, run.index)) + line.slice(run.index, close.index + fence.length);
        at = close.index + fence.length;
        runs.lastIndex = at;
    }
    return out + inertProse(line.slice(at));
}
function inertProse(text) {
    let out = '';
    let at = 0;
    for (const match of text.matchAll(LINKABLE)) {
        out += escapeMarkup(text.slice(at, match.index)) + inlineCode(match[0]);
        at = match.index + match[0].length;
    }
    return out + escapeMarkup(text.slice(at));
}
function escapeMarkup(text) {
    return text
        .replace(MARKUP, mark => `\\${mark}`)
        .replace(/`/g, '\\`')
        .replace(/@/g, '\uFF20');
}
/** At most `max` characters, cut with `…`, never inside a surrogate pair. */
function clipChars(text, max) {
    if (text.length <= max)
        return text;
    const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
    return `${text.slice(0, cut)}…`;
}
/**
 * `markdown` cut at a line so that `measure` of the result stays within `limit`, with a note saying so; a fence
 * left open by the cut is closed first. Unchanged when it fits.
 */
function fitMarkdown(markdown, limit, measure, note) {
    if (measure(markdown) <= limit)
        return markdown;
    const tail = `\n\n> ${note}\n`;
    const budget = limit - measure(tail) - measure('```\n');
    const kept = [];
    let size = 0;
    let fenced = false;
    for (const line of markdown.split('\n')) {
        const cost = measure(line) + 1;
        if (size + cost > budget)
            break;
        kept.push(line);
        size += cost;
        if (line.startsWith('```'))
            fenced = !fenced;
    }
    if (fenced)
        kept.push('```');
    return kept.join('\n') + tail;
}

;// CONCATENATED MODULE: ./lib/report/main-report.js







const HEADLINE = {
    invalid: 'was rejected by the API',
    revoked: 'was revoked',
    forbidden: 'is not allowed to use the API',
    billing: 'has a billing problem',
    expiring: 'expires before the job could end',
    unverifiable: 'could not be verified',
    missing: 'is missing'
};
/** The server's words, redacted, on one line and cut (the job summary renders them inertly). */
function serverText(text, redact) {
    return clipChars(redact(text).replace(/\s+/g, ' ').trim(), QUOTE_MAX);
}
function requestIdNote(checked, redact) {
    const id = checked.probe?.requestId;
    return id ? ` (request id ${serverText(id, redact)})` : '';
}
function expiryText(credential, now) {
    if (!credential.expiresAt)
        return '';
    const remaining = credential.expiresAt.getTime() - now.getTime();
    const when = credential.expiresAt.toISOString();
    return remaining <= 0
        ? `expired at ${when}, ${formatDuration(-remaining)} ago`
        : `expires at ${when}, in ${formatDuration(remaining)}`;
}
/**
 * The one message that explains the verdict: names the credential, the cause (with request id) and the fix. What
 * the server said goes through `redact`.
 */
function verdictMessage(report, event, redact) {
    const { verdict } = report;
    const chosen = report.chosen;
    if (report.selection.cloudProvider) {
        return {
            title: 'Claude credential not checked',
            text: `${PREFIX}: Claude Code will use ${report.selection.cloudProvider}; this action does not check cloud provider credentials yet, so nothing was verified.`
        };
    }
    if (report.selection.unseen) {
        return {
            title: 'Claude credential not checked',
            text: `${PREFIX}: Claude Code will use a credential this step cannot read: ${report.selection.unseen}.`
        };
    }
    if (!chosen)
        return missingMessage(event);
    const { credential } = chosen;
    const name = `the ${credential.label} from ${credential.from}`;
    if (!credential.secret && credential.refreshToken)
        return refreshOnlyMessage(report, name);
    const provider = providerOf(credential.source);
    // An access token that expired or was rejected is what a refresh is for; a revoked login is not.
    // Claude Code's own login file renews itself; a copy in a secret only through the action.
    const fix = (problem) => report.policy.refreshHeldBack &&
        !('file' in originOf(credential.from)) &&
        (problem === 'expiring' || problem === 'invalid')
        ? REFRESH_HELD_BACK_FIX
        : provider.fix(problem, credential.from);
    const title = `Claude credential ${verdict.status}`;
    switch (verdict.status) {
        case 'valid':
            return {
                title: 'Claude credential valid',
                text: `${PREFIX}: ${name} is live${credential.expiresAt ? ` and ${expiryText(credential, report.checkedAt)}` : ''} (needs ${report.minRemaining.source}).`
            };
        case 'expiring':
            return {
                title,
                text: `${PREFIX}: ${name} ${expiryText(credential, report.checkedAt)}${credential.expirySource ? ` (${credential.expirySource})` : ''}, but the job may need ${formatDuration(report.minRemaining.ms)} (${report.minRemaining.source}). Fix: ${fix('expiring')}`
            };
        case 'unverifiable':
            return {
                title,
                text: `${PREFIX}: ${name} could not be verified at ${report.inputs.baseUrl}: ${chosen.probe?.message ? serverText(chosen.probe.message, redact) : 'no answer'}${requestIdNote(chosen, redact)}. This says nothing about the credential itself; if it persists, check the network, HTTPS_PROXY and 'anthropic-base-url'.`
            };
        case 'invalid':
        case 'revoked':
        case 'forbidden':
        case 'billing':
            return {
                title,
                text: `${PREFIX}: ${name} ${HEADLINE[verdict.status]}: the API answered ${chosen.probe?.httpStatus ?? ''} "${serverText(chosen.probe?.message ?? '', redact)}"${requestIdNote(chosen, redact)}. Fix: ${fix(verdict.status)}`
            };
        case 'missing':
            return missingMessage(event);
    }
}
/** A lone refresh token: nothing to probe, no expiry; only a refresh makes it usable. */
function refreshOnlyMessage(report, name) {
    const { onExpiring, refreshHeldBack } = report.policy;
    const fix = refreshHeldBack
        ? REFRESH_HELD_BACK_FIX
        : onExpiring === 'refresh'
            ? "let the action refresh it (the default 'on-expiring: auto' with 'secrets-token' set)"
            : `'on-expiring' is '${onExpiring}', so it is not refreshed: set it to 'auto' (with 'secrets-token') or 'refresh'`;
    return {
        title: 'Claude credential needs a refresh',
        text: `${PREFIX}: ${name} is a refresh token with no access token yet: there is nothing to probe, and Claude Code cannot use it until it is refreshed. Fix: ${fix.replace(/\.$/, '')}; or pass the access token too ('claude-credentials' with both tokens).`
    };
}
function missingMessage(event) {
    const names = providers_PROVIDERS.map(p => p.envVar ? `'${p.source}' (or env ${p.envVar})` : `'${p.source}'`).join(', ');
    if (event.fromFork) {
        return {
            title: 'Claude credential missing: secrets are not passed to this event',
            text: `${PREFIX}: no Claude credential reached this job because GitHub does not pass secrets to workflows run for a pull request from a fork. This is not an invalid credential. Skip the job for forks (if: github.event.pull_request.head.repo.fork == false), or run it from a maintainer-triggered event.`
        };
    }
    if (event.actor === 'dependabot[bot]') {
        return {
            title: 'Claude credential missing: secrets are not passed to this event',
            text: `${PREFIX}: no Claude credential reached this job because Dependabot runs only get Dependabot secrets. This is not an invalid credential. Add the secret under Settings > Secrets and variables > Dependabot, or skip the job for Dependabot.`
        };
    }
    return {
        title: 'Claude credential missing',
        text: `${PREFIX}: no Claude credential was given. Set one of ${names} from a secret, e.g. anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}; check the secret's name and that it is set for this repository or environment.`
    };
}
/** The statement, in bold, that a refresh used up the secret's refresh token without saving its successor. */
function unsavedRefreshLines(report) {
    const unsaved = report.verdict.unsavedRefresh;
    if (!unsaved)
        return [];
    return [
        `**Refreshed without saving the rotated refresh token ('on-expiring: refresh' without 'secrets-token'): the refresh token in ${inertMarkdown(unsaved.secret)} is now used up, and the next run fails with invalid_grant unless you re-seed it first.** Re-seed: ${inertMarkdown(unsaved.reseed)}.`,
        ''
    ];
}
/** Which step runs Claude, as the job's workflow says, and how the credential checked reaches it. */
function claudeStepLines(report) {
    const step = report.selection.claudeStep;
    if (!step) {
        return report.noClaudeStep
            ? [
                '',
                `No Claude step modelled: ${inertMarkdown(report.noClaudeStep)}; the credential checked is what this step sees (its inputs, then its environment).`
            ]
            : [];
    }
    const uses = step.uses ? ` (${inlineCode(step.uses)})` : ' (a `claude` command)';
    const handedOn = report.chosen?.credential.handedOn;
    return [
        '',
        `Claude runs in ${inertMarkdown(step.label)}${uses}: the credential checked is the one that step passes Claude${handedOn ? `, through ${inertMarkdown(handedOn)}` : ''}.`
    ];
}
/** The job summary: one row per credential checked, never a secret, only fingerprints. */
function summaryMarkdown(report, message) {
    const rows = report.checked.map((checked, i) => {
        const { credential, probe } = checked;
        const used = i === 0 && report.selection.chosen !== undefined;
        const status = used ? report.verdict.status : (probe?.status ?? 'not probed');
        const remaining = credential.expiresAt
            ? formatDuration(credential.expiresAt.getTime() - report.checkedAt.getTime())
            : 'unknown';
        const verdict = used
            ? report.verdict.action === 'pass'
                ? 'ok'
                : report.verdict.action
            : 'ignored: Claude uses the one above';
        return `| ${capitalise(credential.label)}${used ? ' (used)' : ''} | ${credential.from} | \`${fingerprintOf(credential)}\` | ${status} | ${credential.expiresAt?.toISOString() ?? 'unknown'} | ${remaining} | ${escapeCell(verdict)} |`;
    });
    const lines = [
        '## Claude preflight',
        '',
        `**${escapeCell(message.title)}**: ${inertMarkdown(reasonOf(message.text))}`,
        '',
        ...unsavedRefreshLines(report),
        '| Credential | From | Fingerprint | Status | Expires | Remaining | Verdict |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...(report.selection.unseen
            ? [
                `| Set by the Claude step | not readable here | | ${report.verdict.status} | unknown | unknown | ${report.verdict.action === 'pass' ? 'ok' : report.verdict.action} |`
            ]
            : []),
        ...(rows.length || report.selection.unseen ? rows : ['| none | | | missing | | | fail |']),
        '',
        `${report.checked.some(c => c.probe) ? `Probed ${report.inputs.baseUrl} (${report.inputs.baseUrlFrom})` : 'Nothing probed'}; the credential must last ${formatDuration(report.minRemaining.ms)}: ${escapeCell(report.minRemaining.source)}.`,
        ...claudeStepLines(report),
        ''
    ];
    return lines.join('\n');
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

;// CONCATENATED MODULE: ./lib/secrets/stale.js
/**
 * When this job's secrets were read. The runner receives `secrets.*` when the job starts, so the job's `started_at`
 * (jobs of this run attempt, matched by runner name) is the instant; with no access to that list (it needs
 * "Actions: read"), the start of this process, which is later than the true instant: a rotation between the job's
 * start and this step is then missed (the token endpoint's invalid_grant still reports it).
 */
async function secretsReadAt(apis, env, processStart) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const runId = env.GITHUB_RUN_ID;
    if (owner && repo && runId) {
        for (const api of apis) {
            try {
                const answer = await api('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', {
                    owner,
                    repo,
                    run_id: runId,
                    attempt_number: env.GITHUB_RUN_ATTEMPT || '1',
                    per_page: 100
                });
                if (answer.status !== 200)
                    continue;
                const jobs = answer.data?.jobs ?? [];
                const mine = jobs.filter(job => job.status === 'in_progress' && job.started_at);
                const job = mine.find(j => env.RUNNER_NAME && j.runner_name === env.RUNNER_NAME) ??
                    (mine.length === 1 ? mine[0] : undefined);
                const at = job?.started_at ? new Date(job.started_at) : undefined;
                if (at && !Number.isNaN(at.getTime()))
                    return { at, source: 'job' };
            }
            catch {
                // API not reachable: try the next token, then fall back
            }
        }
    }
    return { at: processStart, source: 'process' };
}
/**
 * Whether a secret last written at `updatedAt` (GitHub's time, to the second) may have changed after this job read it
 * at `readAt`. Errs towards "stale": a write within the same second counts, and `skewMs` covers clocks that differ.
 */
function changedSince(updatedAt, readAt, skewMs = 0) {
    const updated = Date.parse(updatedAt);
    if (Number.isNaN(updated))
        return false;
    return updated + 1000 + skewMs > readAt.getTime();
}

;// CONCATENATED MODULE: ./lib/secrets/seal.js
/**
 * Seals `value` for GitHub with a libsodium sealed box against the scope's public key (base64), as GitHub documents:
 * https://docs.github.com/rest/guides/encrypting-secrets-for-the-rest-api. Returns base64. libsodium (a large WASM
 * module) is imported on first use.
 */
async function seal(value, publicKeyBase64) {
    const { default: sodium } = await __nccwpck_require__.e(/* import() */ 866).then(__nccwpck_require__.bind(__nccwpck_require__, 8866));
    await sodium.ready;
    const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
    const box = sodium.crypto_box_seal(sodium.from_string(value), key);
    return sodium.to_base64(box, sodium.base64_variants.ORIGINAL);
}

;// CONCATENATED MODULE: ./lib/secrets/write.js






/** A secret API call that failed: `transient` when another try later may succeed. */
class SecretApiError extends Error {
    status;
    transient;
    attempts;
    constructor(message, status, transient, attempts) {
        super(message);
        this.status = status;
        this.transient = transient;
        this.attempts = attempts;
        this.name = 'SecretApiError';
    }
}
/** The default upper bound on the retries of one call. */
const RETRY_BUDGET_MS = 60_000;
/** Runs one API call with retries on no answer, 5xx, 429 and secondary rate limits. */
async function callWithRetry(call, accept, options = {}) {
    const now = options.now ?? Date.now;
    return retry(async () => {
        try {
            const answer = await call();
            if (accept(answer))
                return { done: true, value: { ok: true, answer } };
            const value = { ok: false, answer };
            if (!isTransient(answer))
                return { done: true, value };
            return {
                done: false,
                value,
                retryAfterMs: parseRetryAfter(answer.headers['retry-after'], now())
            };
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                throw error;
            return { done: false, value: { ok: false, error } };
        }
    }, {
        attempts: options.attempts ?? 4,
        baseDelayMs: options.baseDelayMs ?? 1000,
        deadline: now() + (options.budgetMs ?? RETRY_BUDGET_MS),
        now,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.random ? { random: options.random } : {})
    });
}
function failure(what, target, result) {
    const { value, attempts } = result;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (value.ok)
        throw new Error('not a failure');
    if (value.error) {
        return new SecretApiError(`${what} ${describeTarget(target)} failed${tries}: ${value.error.message}`, undefined, true, attempts);
    }
    const answer = value.answer;
    return new SecretApiError(`${what} ${describeTarget(target)} failed${tries}: HTTP ${answer.status} ${apiMessage(answer)}`, answer.status, isTransient(answer), attempts);
}
/** The secret's metadata, or undefined when it does not exist. */
async function getSecretMetadata(api, target, options = {}) {
    const { prefix, params } = scopeRoute(target);
    const result = await callWithRetry(() => api(`GET ${prefix}/{secret_name}`, { ...params, secret_name: target.name }), answer => answer.status === 200 || answer.status === 404, options);
    if (!result.value.ok)
        throw failure('Reading', target, result);
    const { answer } = result.value;
    if (answer.status === 404)
        return undefined;
    return {
        updatedAt: String(answer.data?.updated_at ?? ''),
        ...(answer.data?.visibility ? { visibility: answer.data.visibility } : {})
    };
}
/**
 * Writes `value` to the secret: the scope's public key, a sealed box, PUT. An org secret keeps the visibility it had
 * (and its selected repositories); a new one is `private`. The sealed value is masked before it is sent.
 * Returns the secret's `updated_at` after the write (undefined when it could not be read back).
 */
async function writeSecret(deps) {
    const { api, core, target, value } = deps;
    const options = deps.retry ?? {};
    const { prefix, params } = scopeRoute(target);
    const extra = {};
    if (target.scope.kind === 'org') {
        const existing = await getSecretMetadata(api, target, options);
        const visibility = existing?.visibility ?? 'private';
        extra.visibility = visibility;
        if (visibility === 'selected')
            extra.selected_repository_ids = await selectedRepositories(api, target, options);
    }
    const key = await callWithRetry(() => api(`GET ${prefix}/public-key`, params), a => a.status === 200, options);
    if (!key.value.ok)
        throw failure('Reading the public key of', target, key);
    const { key_id: keyId, key: publicKey } = key.value.answer.data ?? {};
    if (typeof keyId !== 'string' || typeof publicKey !== 'string') {
        throw new SecretApiError(`The public key of ${describeTarget(target)} came back without key_id/key (HTTP 200 ${typeof key.value.answer.data === 'object' ? 'with other fields' : 'with a body cut off or not JSON'})`, 200, true, key.attempts);
    }
    const encrypted = await seal(value, publicKey);
    core.setSecret(encrypted);
    const put = await callWithRetry(() => api(`PUT ${prefix}/{secret_name}`, {
        ...params,
        secret_name: target.name,
        encrypted_value: encrypted,
        key_id: keyId,
        ...extra
    }), answer => answer.status === 201 || answer.status === 204, options);
    if (!put.value.ok)
        throw failure('Writing', target, put);
    core.debug(`${PREFIX}: wrote ${describeTarget(target)} (attempt ${put.attempts})`);
    let updatedAt;
    try {
        updatedAt = (await getSecretMetadata(api, target, { ...options, attempts: 2 }))?.updatedAt;
    }
    catch {
        updatedAt = undefined;
    }
    return { ...(updatedAt ? { updatedAt } : {}), attempts: put.attempts };
}
async function selectedRepositories(api, target, options) {
    const ids = [];
    for (let page = 1; page < 100; page++) {
        const result = await callWithRetry(() => api('GET /orgs/{org}/actions/secrets/{secret_name}/repositories', {
            org: target.owner,
            secret_name: target.name,
            per_page: 100,
            page
        }), a => a.status === 200, options);
        if (!result.value.ok)
            throw failure('Reading the selected repositories of', target, result);
        const repositories = result.value.answer.data?.repositories ?? [];
        for (const repository of repositories)
            ids.push(repository.id);
        if (repositories.length < 100)
            break;
    }
    return ids;
}

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
/**
 * Main's first act, before anything can fail: the network record (as networkRecord in secrets/network-env.ts makes
 * it), then every other key empty, whatever path main then takes. The runner gives post STATE_<key> only for the keys
 * main saved, over the job's environment, so one that a later step puts in $GITHUB_ENV never reaches post.
 */
function startState(core, networkRecord) {
    core.saveState(NETWORK_STATE, networkRecord);
    for (const key of [PREFLIGHT_STATE, PENDING_STATE])
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
    if (!raw || !raw.trim())
        return undefined;
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        return undefined;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const v = value;
    const state = {};
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
    const expiresAt = time(v.expiresAt);
    if (expiresAt !== undefined)
        state.expiresAt = expiresAt;
    const checkedAt = time(v.checkedAt);
    if (checkedAt !== undefined)
        state.checkedAt = checkedAt;
    return Object.keys(state).length > 0 ? state : undefined;
}
/** The largest time a Date can hold (ms from the epoch): anything past it cannot be shown as a date. */
const MAX_DATE_MS = 8.64e15;
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
const NONCE = /^[0-9a-f]{32}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const state_sha256Hex = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
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
            NONCE.test(value.nonce ?? '') &&
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
const state_networkDigest = (value) => value === undefined ? undefined : state_sha256Hex(value);
/** The record main saves of `variables` as `env` has them. */
function serializeNetworkRecord(env, variables) {
    const record = {};
    for (const name of variables) {
        const digest = state_networkDigest(env[name]);
        if (digest !== undefined)
            record[name] = digest;
    }
    return JSON.stringify(record);
}
/**
 * Post's reading of the record (`core.getState(NETWORK_STATE)`): undefined when there is none (main never ran its
 * first line), `unreadable` when it is not a record main can have written.
 */
function state_parseNetworkRecord(raw) {
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

;// CONCATENATED MODULE: ./lib/files/regular.js
// Opening a file that something hostile may have put in place: a symlink, a FIFO with no writer (whose open() would
// block forever), a device. Shared by the scanner and the write-back's read-back of its own files.



/** A path that is not a regular file; `reason` says what it is ("it is a FIFO, not a regular file"). */
class regular_NotRegularFileError extends Error {
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
async function regular_openRegular(path) {
    // Both flags are 0 where the platform has none (Windows): there, stat before opening keeps devices out.
    const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    if (constants.O_NONBLOCK === undefined)
        assertRegular(await stat(path));
    const handle = await open(path, flags);
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
    throw new regular_NotRegularFileError(`it is ${what}, not a regular file`);
}
/** Whether `path` is `root` or lies under it. Both absolute and normalised. */
function regular_isWithin(path, root) {
    return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

;// CONCATENATED MODULE: ./lib/refresh/credentials.js




/** `~/.claude/.credentials.json`, honouring CLAUDE_CONFIG_DIR and HOME as the CLI does. */
function credentialsFilePath(env) {
    const dir = env.CLAUDE_CONFIG_DIR || (0,external_node_path_namespaceObject.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.claude');
    return (0,external_node_path_namespaceObject.join)(dir, '.credentials.json');
}
/**
 * The `claude-credentials` JSON after a refresh: the given one with its tokens, expiry and scopes replaced (every
 * other field kept), or a new one when only a refresh token was given. One line, so a mask covers it whole.
 */
function updatedCredentialsJson(raw, tokens) {
    let root = {};
    try {
        const parsed = raw ? JSON.parse(raw) : {};
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
            root = parsed;
    }
    catch {
        root = {};
    }
    const previous = root.claudeAiOauth && typeof root.claudeAiOauth === 'object'
        ? root.claudeAiOauth
        : {};
    const oauth = {
        ...previous,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt.getTime()
    };
    if (tokens.scopes)
        oauth.scopes = tokens.scopes;
    return JSON.stringify({ ...root, claudeAiOauth: oauth });
}
/** The refresh token in a credentials JSON, or undefined. */
function refreshTokenOf(json) {
    try {
        const token = JSON.parse(json)?.claudeAiOauth?.refreshToken;
        return typeof token === 'string' && token ? token : undefined;
    }
    catch {
        return undefined;
    }
}
/** Writes a file only its owner may read (0600), atomically, in a directory only its owner may enter when new. */
async function writePrivateFile(path, text) {
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await (0,promises_namespaceObject.writeFile)(temporary, text, { mode: 0o600 });
    await (0,promises_namespaceObject.chmod)(temporary, 0o600);
    await (0,promises_namespaceObject.rename)(temporary, path);
}
/** The largest credentials file (or write-back file) read back: a real one is under 1 KiB. */
const CREDENTIALS_MAX_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
// The fields Claude Code writes to ~/.claude/.credentials.json: `claudeAiOauth` (its login) and `mcpOAuth` (MCP
// servers' logins); inside `claudeAiOauth`, the tokens, their expiry (epoch ms) and what the login may do.
const TOP_FIELDS = new Set(['claudeAiOauth', 'mcpOAuth']);
const OAUTH_FIELDS = new Set([
    'accessToken',
    'refreshToken',
    'expiresAt',
    'scopes',
    'subscriptionType',
    'rateLimitTier'
]);
const TOKEN_TAIL = '[A-Za-z0-9_-]{8,1024}';
const ACCESS_TOKEN_SHAPE = new RegExp(`^sk-ant-oat01-${TOKEN_TAIL}$`);
const REFRESH_TOKEN_SHAPE = new RegExp(`^sk-ant-ort01-${TOKEN_TAIL}$`);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * Why `text` is not a credentials JSON of the shape Claude Code writes (known fields only, token prefixes, numeric
 * expiry, size cap), or undefined when it is. The reason never quotes the text.
 */
function credentialsShapeProblem(text) {
    if (Buffer.byteLength(text) > CREDENTIALS_MAX_BYTES)
        return `it is larger than ${CREDENTIALS_MAX_BYTES} bytes`;
    let root;
    try {
        root = JSON.parse(text);
    }
    catch {
        return 'it is not JSON';
    }
    if (!isObject(root) || !isObject(root.claudeAiOauth))
        return "it has no 'claudeAiOauth' object";
    if (Object.keys(root).some(key => !TOP_FIELDS.has(key)) || !isObject(root.mcpOAuth ?? {}))
        return 'it has a field Claude Code never writes';
    const oauth = root.claudeAiOauth;
    if (Object.keys(oauth).some(key => !OAUTH_FIELDS.has(key)))
        return "its 'claudeAiOauth' has a field Claude Code never writes";
    if (typeof oauth.accessToken !== 'string' || !ACCESS_TOKEN_SHAPE.test(oauth.accessToken))
        return "its 'accessToken' is not an sk-ant-oat01- token";
    if (typeof oauth.refreshToken !== 'string' || !REFRESH_TOKEN_SHAPE.test(oauth.refreshToken))
        return "its 'refreshToken' is not an sk-ant-ort01- token";
    if (typeof oauth.expiresAt !== 'number' ||
        !Number.isFinite(oauth.expiresAt) ||
        oauth.expiresAt <= 0)
        return "its 'expiresAt' is not a time in epoch milliseconds";
    if (oauth.scopes !== undefined &&
        !(Array.isArray(oauth.scopes) && oauth.scopes.every(scope => typeof scope === 'string')))
        return "its 'scopes' is not a list of names";
    for (const field of ['subscriptionType', 'rateLimitTier'])
        if (oauth[field] !== undefined && oauth[field] !== null && typeof oauth[field] !== 'string')
            return `its '${field}' is not text`;
    return undefined;
}
/**
 * Reads a file that this process's user wrote: refused when it is a symlink, not a regular file (a FIFO never
 * blocks the read), owned by another user, larger than `maxBytes`, or (with `within`) not inside that directory once
 * both real paths are known. Opened without following a symlink and checked on the open descriptor, so it cannot be
 * swapped between check and read.
 */
async function credentials_readOwnFile(path, options) {
    if (options.within !== undefined) {
        let inside = false;
        try {
            inside = isWithin(await realpath(dirname(path)), await realpath(options.within));
        }
        catch {
            return { missing: true };
        }
        if (!inside)
            return { refused: `it is not inside ${options.within}` };
    }
    let handle;
    try {
        handle = await openRegular(path);
    }
    catch (error) {
        if (error instanceof NotRegularFileError)
            return { refused: error.reason };
        const code = error.code;
        if (code === 'ELOOP' || code === 'EMLINK')
            return { refused: 'it is a symbolic link' };
        if (code === 'ENOENT')
            return { missing: true };
        return { refused: `it cannot be opened (${code ?? 'error'})` };
    }
    try {
        const uid = process.getuid?.();
        if (uid !== undefined && (await handle.stat()).uid !== uid)
            return { refused: "it is not the runner user's" };
        // One byte past the cap tells a file that grew after a stat from one that fits.
        const buffer = Buffer.alloc(options.maxBytes + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        if (bytesRead > options.maxBytes)
            return { refused: `it is larger than ${options.maxBytes} bytes` };
        return { text: buffer.toString('utf8', 0, bytesRead) };
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./lib/refresh/oauth.js



/** How long a refresh may go on retrying, and how long one attempt may take: together, the longest a refresh takes. */
const OAUTH_BUDGET_MS = 60_000;
const OAUTH_TIMEOUT_MS = 20_000;
/** The token endpoint gave no new tokens, so nothing was refreshed; the message says why and what to do. */
class TokenEndpointError extends UserError {
    kind;
    constructor(message, kind) {
        super(message);
        this.kind = kind;
        this.name = 'TokenEndpointError';
    }
}
const oauthError = (response) => {
    try {
        const body = JSON.parse(response.text);
        const error = typeof body?.error === 'string' ? body.error : (body?.error?.type ?? '');
        const description = String(body?.error_description ?? body?.error?.message ?? '');
        return { error, description: description.replace(/\s+/g, ' ').slice(0, 200) };
    }
    catch {
        return { error: '', description: '' };
    }
};
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * POSTs the refresh grant (RFC 6749 §6) and returns the new tokens, masked before anything else sees them.
 * 429, 5xx and network failures are retried with back-off. Every failure is a TokenEndpointError with the fix.
 */
async function requestRefresh(request) {
    const host = new URL(request.url).host;
    const sent = await postWithRetry(request);
    if (sent.value.error)
        throw unreachable(request, host, sent, sent.value.error);
    const response = sent.value.response;
    if (response.status === 200)
        return parseTokens(response, request, host);
    throw refused(request, host, sent, response);
}
async function postWithRetry(request) {
    const { send, core, url } = request;
    const start = Date.now();
    const body = JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: request.refreshToken,
        client_id: request.clientId
    });
    let sawLostAnswer = false;
    const { value, attempts } = await retry(async (n) => {
        if (n > 1)
            core.debug(`${PREFIX}: refresh attempt ${n}`);
        try {
            const response = await send({
                url,
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body,
                signal: AbortSignal.timeout(request.timeoutMs ?? OAUTH_TIMEOUT_MS)
            });
            const transient = response.status === 429 || response.status >= 500;
            if (transient && response.status !== 429)
                sawLostAnswer = true;
            if (!transient)
                return { done: true, value: { response } };
            return {
                done: false,
                value: { response },
                retryAfterMs: parseRetryAfter(response.headers['retry-after'])
            };
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                throw error;
            // Refused / DNS: the request never arrived. Otherwise it may have, and its answer was lost.
            if (error.failure !== 'refused' && error.failure !== 'dns')
                sawLostAnswer = true;
            return { done: false, value: { error } };
        }
    }, {
        attempts: request.attempts ?? 4,
        baseDelayMs: request.baseDelayMs ?? 1000,
        deadline: start + (request.budgetMs ?? OAUTH_BUDGET_MS),
        ...(request.sleep ? { sleep: request.sleep } : {})
    });
    return { value, attempts, sawLostAnswer };
}
const triesOf = ({ attempts }) => (attempts > 1 ? ` (${attempts} attempts)` : '');
const UNUSED = `The refresh token was not used up; re-run the job later.`;
function unreachable(request, host, sent, error) {
    const lost = sent.sawLostAnswer
        ? ` An attempt may have reached the endpoint: if the next run fails with invalid_grant, re-seed: ${request.reseed}.`
        : '';
    return new TokenEndpointError(`${PREFIX}: could not reach the OAuth token endpoint ${host}${triesOf(sent)}: ${error.message}. ${lost ? '' : UNUSED}${lost} On a self-hosted runner check HTTPS_PROXY/NO_PROXY; check the input 'oauth-token-url'.`.replace(/\s+/g, ' '), 'network');
}
/** Why an answer other than 200 gave no tokens, and what to do. */
function refused(request, host, sent, response) {
    const { error, description } = oauthError(response);
    const said = `${response.status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}`;
    const tries = triesOf(sent);
    if (error === 'invalid_grant' ||
        (response.status === 400 && /refresh.?token/i.test(description))) {
        if (sent.attempts > 1 && sent.sawLostAnswer) {
            return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} refused the refresh token (${said}) after an earlier attempt whose answer was lost: that attempt rotated the token and its successor never arrived, so the chain is broken. Re-seed the credentials: ${request.reseed}.`, 'lost_answer');
        }
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} refused the refresh token (${said}). Nothing was refreshed. A refresh token works once, so it was most likely already used: by an earlier run that refreshed without saving the rotated one (no 'secrets-token', or a write-back that failed), by another workflow or job that reads the same secret, or by Claude Code where you log in with the same credentials (a login or refresh on your machine rotates it too). Otherwise it was revoked (a logout or a password change) or expired unused. Re-seed the credentials: ${request.reseed}; then set 'secrets-token' so each rotated token is saved, give every workflow that uses the secret one \`concurrency:\` group, and do not keep using the copied login on your machine (Claude Code there refreshes it too).`, 'invalid_grant');
    }
    const json = isJson(response.text);
    if ((response.status === 401 || response.status === 403) && !json) {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} answered ${response.status} with a page that is not the endpoint's JSON: a proxy or gateway in between refused the request. On a self-hosted runner check HTTPS_PROXY/NO_PROXY; check the input 'oauth-token-url'. ${UNUSED}`, 'unauthorized');
    }
    if (response.status === 401 || response.status === 403 || error === 'invalid_client') {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} refused the client (${said}). Check the input 'oauth-client-id' (leave it empty for Claude Code's) and 'oauth-token-url'. ${UNUSED}`, 'unauthorized');
    }
    if (response.status === 404 || response.status === 405) {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${request.url} answered ${response.status}: it is not a token endpoint. Set 'oauth-token-url' to https://platform.claude.com/v1/oauth/token (the old console.anthropic.com endpoint is gone). ${UNUSED}`, 'not_found');
    }
    if (response.status === 429) {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} kept answering 429 (rate limited)${tries}. ${UNUSED}`, 'rate_limited');
    }
    if (response.status >= 500) {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} failed (${said})${tries}. It may have rotated the token without saying so: if the next run fails with invalid_grant, re-seed: ${request.reseed}. Otherwise re-run later.`, 'server');
    }
    if (response.status >= 300 && response.status < 400) {
        return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} answered ${response.status}, a redirect to ${response.headers.location ?? 'elsewhere'}, which is not followed with a refresh token. Set 'oauth-token-url' to the token endpoint itself. ${UNUSED}`, 'bad_response');
    }
    return new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} answered ${said}, not new tokens. Check 'oauth-token-url' and 'oauth-client-id'.`, 'bad_response');
}
function parseTokens(response, request, host) {
    let body = {};
    let json = true;
    try {
        body = JSON.parse(response.text) ?? {};
    }
    catch {
        json = false;
    }
    const access = typeof body.access_token === 'string' ? body.access_token : '';
    const refresh = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    // Mask first: nothing below may print them unmasked.
    if (access)
        request.core.setSecret(access);
    if (refresh)
        request.core.setSecret(refresh);
    const expiresIn = Number(body.expires_in);
    if (!access || !Number.isFinite(expiresIn) || expiresIn <= 0) {
        throw new TokenEndpointError(`${PREFIX}: the OAuth token endpoint ${host} answered 200 without access_token/expires_in. ${refresh
            ? `It did send a new refresh token, which this run cannot trust; re-seed the credentials: ${request.reseed}.`
            : json
                ? "Check 'oauth-token-url'."
                : `Its body was cut off or not JSON: if the endpoint rotated the refresh token, the new one is lost, and the next run fails with invalid_grant; then re-seed: ${request.reseed}. Check 'oauth-token-url'.`}`, 'bad_response');
    }
    const scopes = typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean) : undefined;
    return {
        accessToken: access,
        refreshToken: refresh || request.refreshToken,
        expiresAt: new Date(request.now().getTime() + expiresIn * 1000),
        ...(scopes ? { scopes } : {})
    };
}

;// CONCATENATED MODULE: ./lib/github/lock.js
// A lock that lives in GitHub: a ref under refs/claude-preflight/locks/, created atomically (a second create answers
// 422 "Reference already exists"). The ref points to a commit made for the purpose (no branch, no workflow trigger)
// whose message carries `expires-at`, so a lock left by a crashed run can be taken over once it expires. The
// take-over moves the ref fast-forward only to a commit whose parent is the expired one: of two runs taking over the
// same expired lock, only one can win.



/** The lock could not be taken: another run holds it, or the API refused. */
class LockError extends UserError {
    reason;
    constructor(message, reason) {
        super(message);
        this.reason = reason;
        this.name = 'LockError';
    }
}
/** A ref name made of safe characters only. */
function lockRef(...parts) {
    return `refs/claude-preflight/locks/${parts.map(p => p.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^\.+/, '_')).join('/')}`;
}
const LOCK_DOC = 'https://docs.github.com/rest/git/refs';
async function acquireLock(options) {
    const { api, owner, repo, ref } = options;
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise(resolve => setTimeout(resolve, ms)));
    const random = options.random ?? Math.random;
    const ttlMs = options.ttlMs ?? 180_000;
    const holdMs = Math.min(options.holdMs ?? (ttlMs * 2) / 3, ttlMs);
    const maxExpiryMs = options.maxExpiryMs ?? ttlMs + 60_000;
    const deadline = now() + (options.waitMs ?? 240_000);
    const short = ref.replace(/^refs\//, '');
    const where = `${owner}/${repo}`;
    const call = async (route, params) => {
        try {
            return await api(route, { owner, repo, ...params });
        }
        catch (error) {
            if (error instanceof NetworkError) {
                throw new LockError(`${PREFIX}: could not reach the GitHub API to take the lock ${ref} in ${where} (${error.message}). Re-run the job; on a self-hosted runner check its access to GITHUB_API_URL.`, 'unreachable');
            }
            throw error;
        }
    };
    const denied = (what, answer) => answer.status >= 500 || answer.status === 429 || answer.status < 300
        ? // Not a refusal: the API failed, or its answer was cut off. Nothing to fix but to try again.
            new LockError(`${PREFIX}: could not ${what} for the lock ${ref} in ${where}: the GitHub API answered HTTP ${answer.status} ${answer.status < 300 ? "without the expected JSON (cut off, or not GitHub's)" : apiMessage(answer)}. Re-run the job; on a self-hosted runner check its access to GITHUB_API_URL.`, 'unreachable')
        : new LockError(`${PREFIX}: could not ${what} for the lock ${ref} in ${where}: HTTP ${answer.status} ${apiMessage(answer)}. ` +
            `The lock serialises refreshes between runs and needs 'secrets-token' to have "Contents: write" on ${where} (fine-grained PAT or App), besides "Secrets: write" (${LOCK_DOC}).`, 'denied');
    const base = await call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        commit_sha: options.baseSha
    });
    if (base.status !== 200 || typeof base.data?.tree?.sha !== 'string')
        throw denied(`read commit ${options.baseSha}`, base);
    const tree = base.data.tree.sha;
    const makeCommit = async (parents) => {
        const expiresAt = new Date(now() + ttlMs);
        const message = `claude-preflight lock\n\nexpires-at: ${expiresAt.toISOString()}\nholder: ${options.holder}\n`;
        const answer = await call('POST /repos/{owner}/{repo}/git/commits', { message, tree, parents });
        if (answer.status !== 201 || typeof answer.data?.sha !== 'string')
            throw denied('create a lock commit', answer);
        return { sha: answer.data.sha, expiresAt };
    };
    const held = (commit, tookOver) => ({
        ref,
        sha: commit.sha,
        expiresAt: commit.expiresAt,
        ...(tookOver ? { tookOverFrom: tookOver.holder } : {}),
        ...(tookOver?.implausibleExpiry ? { implausibleExpiry: tookOver.implausibleExpiry } : {}),
        async release() {
            try {
                const current = await api('GET /repos/{owner}/{repo}/git/ref/{ref}', {
                    owner,
                    repo,
                    ref: short
                });
                if (current.status === 200 && current.data?.object?.sha === commit.sha) {
                    await api('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: short });
                }
            }
            catch {
                // It expires by itself.
            }
        }
    });
    let commit = await makeCommit([]);
    // The last holder seen, for the message when the wait runs out.
    let seen;
    for (;;) {
        if (commit.expiresAt.getTime() - now() < holdMs)
            commit = await makeCommit([]);
        const created = await call('POST /repos/{owner}/{repo}/git/refs', { ref, sha: commit.sha });
        if (created.status === 201)
            return held(commit);
        if (created.status !== 422 || !/already exists/i.test(apiMessage(created)))
            throw denied('create the ref', created);
        const current = await call('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref: short });
        // 404: released between the two calls. Try again, after the same pause and within the same deadline as a busy
        // lock, so that a lock taken and released over and over cannot keep this loop spinning.
        if (current.status !== 404) {
            const sha = current.data?.object?.sha;
            if (current.status !== 200 || typeof sha !== 'string')
                throw denied('read the ref', current);
            const info = await call('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
                commit_sha: sha
            });
            const message = String(info.data?.message ?? '');
            const expiresAt = new Date(/^expires-at: (\S+)$/m.exec(message)?.[1] ?? 0);
            const holder = /^holder: (.+)$/m.exec(message)?.[1] ?? 'an unknown holder';
            const implausible = expiresAt.getTime() - now() > maxExpiryMs;
            const expired = Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now() || implausible;
            seen = { holder, expiresAt };
            if (info.status === 200 && expired) {
                const takeover = await makeCommit([sha]);
                const moved = await call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                    ref: short,
                    sha: takeover.sha,
                    force: false
                });
                if (moved.status === 200)
                    return held(takeover, {
                        holder,
                        ...(implausible ? { implausibleExpiry: expiresAt } : {})
                    });
                continue;
            }
        }
        if (now() >= deadline) {
            const until = seen && !Number.isNaN(seen.expiresAt.getTime());
            throw new LockError(`${PREFIX}: another run (${seen?.holder ?? 'an unknown holder'}) holds the refresh lock ${ref} in ${where}${until ? ` until ${seen.expiresAt.toISOString()}` : ''}, and it was not released in time. ` +
                'Re-run this job; to keep runs from refreshing at once, give the workflow a `concurrency:` group for the credential (see the README).', 'busy');
        }
        const pollMs = options.pollMs ?? 1000;
        await sleep(Math.max(0, Math.min(pollMs * (0.5 + random()), deadline - now())));
    }
}

;// CONCATENATED MODULE: ./lib/refresh/lock.js
// The refresh lock: one run at a time refreshes and writes back a given secret. How long the lock lives (from the
// budgets of the work under it), and taking it.





/**
 * A minute of slack: the lock lives this much longer than the work under it (so a lock commit made while waiting is
 * used this long before it is made again), and a run waits this much longer than a lock lives (so it takes over the
 * lock of a run that died rather than give up).
 */
const LOCK_SLACK_MS = 60_000;
/**
 * The longest the work under the lock may take, from the budgets in use: each GitHub call retries within its budget,
 * plus one request's timeout; so does the refresh. `refreshAndWrite` runs from the refresh until the rotated token is in
 * the secret: the lock must hold that long once the refresh starts, or another run could take it over, find the
 * secret unchanged and use the same refresh token.
 */
function lockBudget(target, tuning) {
    const request = tuning?.githubTimeoutMs ?? GITHUB_TIMEOUT_MS;
    const call = (tuning?.retry?.budgetMs ?? RETRY_BUDGET_MS) + request;
    const refresh = (tuning?.oauth?.budgetMs ?? OAUTH_BUDGET_MS) + (tuning?.oauth?.timeoutMs ?? OAUTH_TIMEOUT_MS);
    // The secret's metadata (retried), then the jobs of the run through up to two tokens (once each).
    const beforeRefresh = call + 2 * request;
    // The public key and the PUT; an org secret first reads its visibility and selected repositories.
    const refreshAndWrite = refresh + (target.scope.kind === 'org' ? 4 : 2) * call;
    return { beforeRefresh, refreshAndWrite };
}
/** How long a lock lives: the work under it, plus slack. */
function lockTtl(target, tuning) {
    const budget = lockBudget(target, tuning);
    return budget.beforeRefresh + budget.refreshAndWrite + LOCK_SLACK_MS;
}
/**
 * The longest lock this action takes with its default budgets (an organisation secret's): a held lock that claims to
 * last longer than this, plus slack, is not believed.
 */
const LONGEST_LOCK_MS = lockTtl({ scope: { kind: 'org' }, name: '', owner: '', repo: '' }, undefined);
/**
 * The longest the post step's write-back may take with the default budgets: waiting for a lock held by another run
 * (at most the longest lock, plus slack), then its own work under the lock (which fits in another). Past it, the post
 * step stops waiting and scans without it.
 */
const JOB_END_BUDGET_MS = 2 * LONGEST_LOCK_MS + LOCK_SLACK_MS;
/** Takes the lock of `target`'s secret, waiting for a run that holds it (or taking it over once it expired). */
function takeLock(target, api, deps) {
    const { env, now, tuning } = deps;
    const baseSha = env.GITHUB_SHA ?? '';
    if (!/^[0-9a-f]{40}$/.test(baseSha)) {
        throw new UserError(`${PREFIX}: GITHUB_SHA is not set, so the refresh lock cannot be taken. Run this inside GitHub Actions.`);
    }
    const scope = target.scope.kind === 'environment'
        ? `env-${target.scope.environment}`
        : target.scope.kind === 'org'
            ? `org-${target.owner}`
            : 'repo';
    const ttlMs = tuning?.lockTtlMs ?? lockTtl(target, tuning);
    const holdMs = lockTtl(target, tuning) - LOCK_SLACK_MS;
    return acquireLock({
        api,
        owner: target.owner,
        repo: target.repo,
        ref: lockRef(scope, target.name),
        holder: `run ${env.GITHUB_RUN_ID ?? '?'} attempt ${env.GITHUB_RUN_ATTEMPT ?? '1'}, job ${env.GITHUB_JOB ?? '?'}`,
        baseSha,
        ttlMs,
        holdMs: Math.min(holdMs, ttlMs),
        maxExpiryMs: Math.max(ttlMs, LONGEST_LOCK_MS) + LOCK_SLACK_MS,
        waitMs: tuning?.lockWaitMs ?? ttlMs + LOCK_SLACK_MS,
        now: () => now().getTime(),
        ...(tuning?.lockPollMs ? { pollMs: tuning.lockPollMs } : {})
    });
}
/** Says so when the lock was taken over from another run. */
function warnTakeover(lock, warn) {
    if (!lock.tookOverFrom)
        return;
    warn(lock.implausibleExpiry
        ? `${PREFIX}: took over the refresh lock ${lock.ref} held by ${lock.tookOverFrom}: it claimed to hold until ${lock.implausibleExpiry.toISOString()}, longer than any lock this action takes, so it was planted or broken, not a run's.`
        : `${PREFIX}: took over the refresh lock ${lock.ref}, left expired by ${lock.tookOverFrom} (a run that stopped mid-refresh).`);
}
/**
 * Throws when `lock` expires before a refresh and its write-back are sure to end: another run could then take it over,
 * find the secret unchanged and use the same refresh token.
 */
function checkLockOutlastsRefresh(lock, target, deps) {
    const left = lock.expiresAt.getTime() - deps.now().getTime();
    const needed = lockBudget(target, deps.tuning).refreshAndWrite;
    if (left <= needed) {
        throw new LockError(`${PREFIX}: the refresh lock ${lock.ref} expires in ${seconds(left)}, before a refresh and its write-back are sure to end (up to ${seconds(needed)}; the GitHub API was slow), and another run could then use the same refresh token. Nothing was refreshed. Re-run this job.`, 'busy');
    }
}
function seconds(ms) {
    return `${Math.max(0, Math.round(ms / 1000))} s`;
}

;// CONCATENATED MODULE: ./lib/refresh/pending.js
// What the post step needs to finish a write-back: kept in a 0600 file under RUNNER_TEMP (the job's own scratch
// directory, emptied by the runner between jobs), never in the step state. The state binds the file: its path, a
// nonce written inside it and the SHA-256 of its content. A later step of the job can write RUNNER_TEMP and
// $GITHUB_ENV, but not the state main saved (the runner sets STATE_* for the keys main saved over any such
// variable), so a file it planted or changed is refused. The file never says where to write: post takes the target
// from its own inputs.






/** A pending file holds at most a credentials JSON and a few short fields. */
const PENDING_MAX_BYTES = (/* unused pure expression or super */ null && (128 * 1024));
const newNonce = () => (0,external_node_crypto_.randomBytes)(16).toString('hex');
function pendingPath(env) {
    return (0,external_node_path_namespaceObject.join)(env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), `claude-preflight-refresh-${process.pid}.json`);
}
/** Writes the file and returns the binding the state keeps of it. */
async function savePending(path, pending, credentialsFile) {
    const text = JSON.stringify(pending);
    await writePrivateFile(path, text);
    return {
        path,
        nonce: pending.nonce,
        sha256: state_sha256Hex(text),
        ...(credentialsFile !== undefined && { credentialsFile })
    };
}
/**
 * The pending file the state binds, or why it is refused: outside RUNNER_TEMP, a symlink, not a regular file, not
 * the runner user's, or not the content main wrote.
 */
async function loadPending(binding, env) {
    const file = await readOwnFile(binding.path, {
        maxBytes: PENDING_MAX_BYTES,
        within: env.RUNNER_TEMP || tmpdir()
    });
    if (!('text' in file))
        return file;
    const digest = Buffer.from(sha256Hex(file.text), 'hex');
    if (!timingSafeEqual(digest, Buffer.from(binding.sha256, 'hex')))
        return { refused: 'its content is not what the main step wrote' };
    const pending = JSON.parse(file.text);
    if (pending.version !== 2 || pending.nonce !== binding.nonce)
        return { refused: 'it is not the main step’s file of this job' };
    return { pending };
}
async function dropPending(path) {
    await (0,promises_namespaceObject.rm)(path, { force: true });
}

;// CONCATENATED MODULE: ./lib/refresh/secret.js
// The secret a refresh writes back to: which one the inputs name, the client that writes it, and what to tell the
// user when writing it fails.



/** The GitHub client for a token: the tuning's, else octokit against GITHUB_API_URL. */
function githubFor(deps) {
    return deps.tuning?.github ?? ((token) => octokitRequest(token, deps.env));
}
/** The secret the inputs name, or undefined when they cannot (then messages say how to re-seed in general). */
function namedTarget(inputs, env) {
    try {
        return secretTarget(inputs.secretScope, inputs.secretName, env);
    }
    catch {
        return undefined;
    }
}
/** How to put a fresh refresh token in the secret by hand. */
function reseedAdvice(target) {
    const command = target
        ? reseedCommand(target)
        : 'gh secret set CLAUDE_CREDENTIALS < ~/.claude/.credentials.json';
    return `log in with \`claude\` on your machine (/login), then \`${command}\``;
}
/** What to fix after a failed read or write of the secret. */
function writeFix(error, target) {
    const status = error instanceof SecretApiError ? error.status : undefined;
    if (status === 401)
        return "'secrets-token' is invalid or expired: replace it";
    if (status === 403 || status === 404) {
        return target.scope.kind === 'org'
            ? `give 'secrets-token' "Organization secrets: write" on ${target.owner} (a classic PAT needs admin:org)`
            : `give 'secrets-token' "Secrets: write" on ${target.owner}/${target.repo}${target.scope.kind === 'environment' ? ` and check that environment '${target.scope.environment}' exists` : ''}`;
    }
    return "GitHub's API did not take the write; it is retried at job end";
}

;// CONCATENATED MODULE: ./lib/refresh/index.js










/** The token endpoint gave new tokens and they were handed on, but the write-back failed: the step must fail. */
class WriteBackError extends UserError {
    outcome;
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
        this.name = 'WriteBackError';
    }
}
/** Another run rotated the secret after this job read it: this run's refresh token is already used. */
class StaleCredentialsError extends UserError {
    constructor(message) {
        super(message);
        this.name = 'StaleCredentialsError';
    }
}
/** What the README tells the Claude step to run under, so that it also runs when only the write-back failed. */
const CLAUDE_STEP_IF = "if: ${{ success() || (!cancelled() && steps.preflight.outputs.refreshed == 'true') }}";
const CONCURRENCY_ADVICE = 'give the workflows that use this secret one `concurrency:` group (say `concurrency: { group: claude-credentials, cancel-in-progress: false }`) so runs refresh one at a time';
/**
 * Refreshes the OAuth access token of `credential`, writes the rotated refresh token back to the secret (under a
 * lock, after checking that no other run rotated it first), hands the new tokens on (outputs `refreshed`,
 * `oauth-token`, `claude-credentials`; `export-env`; `write-credentials-file`) and verifies the new access token.
 * Throws a UserError when nothing was refreshed (TokenEndpointError, StaleCredentialsError, LockError, bad input), and
 * a WriteBackError (with the outcome) when the tokens were refreshed and handed on but could not be saved. A hand-off
 * that fails (an output, `export-env`, the credentials file) is a warning in the outcome, never an error.
 */
async function refreshAndHandOff(deps) {
    const run = startRefresh(deps);
    let lock;
    let refreshed;
    let writeError;
    try {
        let updatedAt;
        if (run.secret) {
            lock = await takeLock(run.secret.target, run.secret.api, deps);
            warnTakeover(lock, run.warn);
            updatedAt = await checkNotStale(run, run.secret, lock);
        }
        refreshed = await refresh(run);
        if (run.secret)
            writeError = await writeBack(run, run.secret, refreshed, updatedAt);
    }
    finally {
        await lock?.release();
    }
    const handedTo = await handOff(run, refreshed);
    const probe = await deps.probe(refreshed.tokens.accessToken);
    return outcomeOf(run, refreshed, probe, handedTo, writeError);
}
/** Masks what the refresh holds, and finds the secret to write back to (warning when there is none). */
function startRefresh(deps) {
    const { core, inputs, credential, env } = deps;
    const { refreshToken, document } = credential;
    for (const secret of [refreshToken, credential.secret, inputs.secretsToken, document]) {
        if (secret)
            core.setSecret(secret);
    }
    if (!refreshToken) {
        throw new UserError(`${PREFIX}: there is no refresh token to refresh with. Pass 'claude-credentials' (the JSON of ~/.claude/.credentials.json) or 'oauth-refresh-token'.`);
    }
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        core.warning(message);
    };
    const secret = inputs.secretsToken
        ? {
            target: secretTarget(inputs.secretScope, inputs.secretName, env),
            api: githubFor(deps)(inputs.secretsToken)
        }
        : undefined;
    const named = secret?.target ?? namedTarget(inputs, env);
    const seed = {
        secret: named ? describeTarget(named) : 'your secret',
        reseed: reseedAdvice(named)
    };
    if (!secret) {
        warn(`${PREFIX}: refreshing without 'secrets-token', because 'on-expiring' is 'refresh': the rotated refresh token is not saved, and this refresh uses up the one in ${seed.secret}, so the next run fails with invalid_grant unless you re-seed it first: ${seed.reseed}. Set 'secrets-token' (a token with "Secrets: write") to keep the chain instead.`);
    }
    return {
        deps,
        refreshToken,
        json: document !== undefined,
        ...(secret && { secret }),
        seed,
        warnings,
        warn,
        pending: { path: pendingPath(env) }
    };
}
/**
 * Under the lock, before refreshing: the secret exists, no other run rewrote it since this job read it, and the lock
 * outlasts the refresh and its write. Returns the secret's updated_at.
 */
async function checkNotStale(run, { target, api }, lock) {
    const { deps } = run;
    const where = describeTarget(target);
    let meta;
    try {
        meta = await getSecretMetadata(api, target, deps.tuning?.retry);
    }
    catch (error) {
        throw new UserError(`${PREFIX}: could not read ${where} before refreshing (${reasonOf(error)}). Nothing was refreshed. ${writeFix(error, target)}.`);
    }
    if (!meta) {
        // Writing it would create a new secret and leave the one that feeds this step with a used-up token.
        throw new UserError(`${PREFIX}: ${where} does not exist, so the rotated refresh token could not be saved where the next run reads it. Nothing was refreshed. Set 'secret-name' (and 'secret-scope') to the secret that holds 'claude-credentials'.`);
    }
    const processStart = deps.tuning?.processStart ?? new Date(performance.timeOrigin);
    const apis = [deps.inputs.githubToken, deps.inputs.secretsToken]
        .filter(Boolean)
        .map(token => githubFor(deps)(token));
    const readAt = await secretsReadAt(apis, deps.env, processStart);
    if (changedSince(meta.updatedAt, readAt.at, readAt.source === 'process' ? 2000 : 0)) {
        throw new StaleCredentialsError(`${PREFIX}: ${where} was rewritten at ${meta.updatedAt}, after this job read it (${readAt.source === 'job' ? 'job start' : 'step start'} ${readAt.at.toISOString()}): another run already rotated the refresh token, so the one this run holds is used up. Nothing was refreshed, to keep the chain intact. Re-run this job to pick up the new secret, and ${CONCURRENCY_ADVICE}.`);
    }
    checkLockOutlastsRefresh(lock, target, deps);
    return meta.updatedAt;
}
/** Asks the token endpoint for new tokens; masks the updated credentials JSON. */
async function refresh(run) {
    const { core, inputs, credential, tuning } = run.deps;
    const tokens = await requestRefresh({
        send: run.deps.send,
        core,
        url: inputs.tokenUrl,
        clientId: inputs.clientId,
        refreshToken: run.refreshToken,
        now: run.deps.now,
        reseed: run.seed.reseed,
        ...(tuning?.oauth ?? {})
    });
    const credentialsJson = updatedCredentialsJson(credential.document ?? '', tokens);
    core.setSecret(credentialsJson);
    return { tokens, credentialsJson, value: run.json ? credentialsJson : tokens.refreshToken };
}
/**
 * Writes the new value to the secret, with the pending file kept before (so the post step can finish a write cut
 * short) and after (without the value once it is in the secret, with the error when it is not). Returns the error
 * of a write that failed.
 */
async function writeBack(run, { target, api }, refreshed, updatedAt) {
    const { core, tuning } = run.deps;
    const file = {
        version: 2,
        nonce: newNonce(),
        json: run.json,
        refreshTokenSha256: state_sha256Hex(refreshed.tokens.refreshToken),
        updatedAt,
        value: refreshed.value
    };
    await keepPending(run, file);
    let writeError;
    try {
        const written = await writeSecret({
            api,
            core,
            target,
            value: refreshed.value,
            ...(tuning?.retry ? { retry: tuning.retry } : {})
        });
        // In the secret now: the file keeps no live token.
        delete file.value;
        if (written.updatedAt)
            file.updatedAt = written.updatedAt;
        else
            delete file.updatedAt;
    }
    catch (error) {
        writeError = error;
        file.error = reasonOf(error);
    }
    await keepPending(run, file);
    return writeError;
}
/**
 * Saves `file` as the pending file and binds it in the state (the state file is append-only: the last value wins);
 * removes it, and clears the state, once it holds nothing the post step needs.
 */
async function keepPending(run, file) {
    const { core } = run.deps;
    const { path, credentialsFile } = run.pending;
    run.pending.file = file;
    try {
        if (file.value === undefined && credentialsFile === undefined) {
            await dropPending(path);
            savePendingBinding(core, undefined);
        }
        else {
            savePendingBinding(core, await savePending(path, file, credentialsFile));
        }
    }
    catch (error) {
        core.warning(`${PREFIX}: could not keep the write-back file for the post step (${reasonOf(error)}).`);
    }
}
/**
 * Hands the new tokens to this run whether or not the write-back worked: the outputs, `export-env`,
 * `write-credentials-file`. A hand-off that fails is a warning, never an error that would hide the write-back's
 * outcome: the others still carry the tokens. Returns where the tokens went.
 */
async function handOff(run, refreshed) {
    const { core, inputs, env } = run.deps;
    const { tokens, credentialsJson } = refreshed;
    const handedTo = [];
    const handTo = async (to, step) => {
        try {
            await step();
            handedTo.push(to);
        }
        catch (error) {
            run.warn(`${PREFIX}: refreshed the OAuth token, but could not hand it to ${to} (${reasonOf(error)}).`);
        }
    };
    await handTo('outputs oauth-token and claude-credentials', () => {
        core.setOutput('refreshed', 'true');
        core.setOutput('oauth-token', tokens.accessToken);
        core.setOutput('claude-credentials', credentialsJson);
    });
    if (inputs.exportEnv) {
        await handTo('CLAUDE_CODE_OAUTH_TOKEN', () => core.exportVariable('CLAUDE_CODE_OAUTH_TOKEN', tokens.accessToken));
    }
    if (inputs.writeCredentialsFile) {
        const file = credentialsFilePath(env);
        await handTo(file, async () => {
            await writePrivateFile(file, credentialsJson);
            // Read back (the CLI may rotate it) and removed by the post step.
            run.pending.credentialsFile = file;
            await keepPending(run, run.pending.file ?? {
                version: 2,
                nonce: newNonce(),
                json: run.json,
                refreshTokenSha256: state_sha256Hex(tokens.refreshToken)
            });
        });
    }
    return handedTo;
}
/** The outcome, or a WriteBackError carrying it when the write-back failed. */
function outcomeOf(run, { tokens, credentialsJson }, probe, handedTo, writeError) {
    const { credential, now } = run.deps;
    const outcome = {
        credential: {
            ...credential,
            secret: tokens.accessToken,
            refreshToken: tokens.refreshToken,
            expiresAt: tokens.expiresAt,
            expirySource: `the OAuth token endpoint (expires_in), refreshed ${now().toISOString()}`,
            ...(run.json ? { document: credentialsJson } : {})
        },
        probe,
        writeBack: !run.secret ? 'skipped' : writeError ? 'failed' : 'written',
        seed: run.seed,
        warnings: run.warnings
    };
    if (!writeError || !run.secret)
        return outcome;
    const { target } = run.secret;
    const kept = handedTo.length
        ? `This run still has the new credentials (${handedTo.join(', ')}; run the Claude step with \`${CLAUDE_STEP_IF}\`, as in the README, to use them)`
        : 'This run could not hand the new credentials on either (see the warnings)';
    throw new WriteBackError(`${PREFIX}: refreshed the OAuth token, but could not save the rotated refresh token to ${describeTarget(target)}: ${reasonOf(writeError)}. Fix: ${writeFix(writeError, target)}. ${kept}, and the post step tries the write again at job end. Until a write succeeds the secret holds a used-up refresh token; if the post step fails too, re-seed: ${run.seed.reseed}.`, outcome);
}

;// CONCATENATED MODULE: ./lib/refresh/wire.js




/**
 * When the verdict is `refresh`: refreshes, writes back, hands on, and updates `report` in place (the chosen
 * credential and its probe become the new ones, the verdict is decided again). Never throws a UserError: it is
 * returned for the caller to report after its own summary.
 */
async function refreshAfterCheck(report, inputs, deps) {
    const { chosen } = report;
    if (report.verdict.action !== 'refresh' || !chosen)
        return {};
    let outcome;
    let error;
    try {
        outcome = await refreshAndHandOff({
            ...deps,
            inputs,
            credential: chosen.credential,
            probe: accessToken => probe({ source: chosen.credential.source, scheme: 'oauth', secret: accessToken }, {
                baseUrl: report.inputs.baseUrl,
                timeoutMs: report.inputs.probeTimeoutMs,
                send: deps.send
            })
        });
    }
    catch (caught) {
        if (!(caught instanceof UserError))
            throw caught;
        error = caught;
        if (caught instanceof WriteBackError)
            outcome = caught.outcome;
    }
    if (outcome) {
        report.chosen = report.checked[0] = { credential: outcome.credential, probe: outcome.probe };
        report.checkedAt = deps.now();
        const verdict = decideFor(report.chosen, report.minRemaining, { ...report.policy, forceRefresh: false }, report.checkedAt);
        report.verdict = {
            ...verdict,
            // A fresh token that still would not last is not refreshed twice in one step.
            ...(verdict.action === 'refresh' && { action: 'fail' }),
            ...(outcome.writeBack === 'skipped' && { unsavedRefresh: outcome.seed })
        };
    }
    return { ...(outcome && { outcome }), ...(error && { error }) };
}

;// CONCATENATED MODULE: ./lib/secrets/network-env.js
// The environment variables that decide where the post step's GitHub requests go and which servers it trusts. A later
// step of the job can set any of them through $GITHUB_ENV (the runner refuses only NODE_OPTIONS there): a proxy of its
// own plus a CA it made, or certificate checks turned off, and the post step would send `secrets-token` and
// `github-token` through it. The main step records them as it saw them; the post step sends no token when one changed.

/**
 * Proxies (@actions/http-client reads both cases; Node's own fetch with NODE_USE_ENV_PROXY), the certificates
 * Node and OpenSSL trust, and the GitHub the requests go to and the repository they name.
 */
const NETWORK_ENV = [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
    'NODE_USE_ENV_PROXY',
    'NODE_EXTRA_CA_CERTS',
    'NODE_TLS_REJECT_UNAUTHORIZED',
    'NODE_USE_SYSTEM_CA',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'OPENSSL_CONF',
    'GITHUB_API_URL',
    'GITHUB_SERVER_URL',
    'GITHUB_REPOSITORY'
];
/** The record the main step saves (NETWORK_STATE): each variable of NETWORK_ENV that is set, with a digest of its value. */
function networkRecord(env) {
    return serializeNetworkRecord(env, NETWORK_ENV);
}
/**
 * Why the post step must not send `token` (an input's name) to GitHub: the variables of NETWORK_ENV that differ from
 * the main step's record, or a record the main step cannot have written. Undefined when none changed, or when there
 * is no record at all: then the main step never ran its first line, so a later step could have written this state
 * too, and refusing would protect nothing.
 */
function networkRefusal(token, record, env) {
    const saved = parseNetworkRecord(record);
    if (saved === undefined)
        return undefined;
    if (saved === 'unreadable')
        return `did not send '${token}': the main step's record of the network settings is not readable. Re-run the job.`;
    const changed = NETWORK_ENV.filter(name => networkDigest(env[name]) !== saved[name]);
    if (changed.length === 0)
        return undefined;
    return `did not send '${token}': ${changed.join(', ')} changed after the main step (a later step can set ${changed.length === 1 ? 'it' : 'them'} through $GITHUB_ENV), so the request could go through a proxy or to a server that step chose. Set proxy, certificate and GitHub variables in the job's \`env:\` or before this action's step, not after it.`;
}

;// CONCATENATED MODULE: ./lib/action/main.js
















const isSecretInput = (name) => SECRET_INPUTS.includes(name);
/**
 * Inputs the refresh and the post step read, that never hold a secret: checked on every run, so that a typo
 * fails the first run rather than the one, hours or weeks later, that first needs a refresh.
 */
const PLAIN_LATER_INPUTS = [
    'oauth-token-url',
    'oauth-client-id',
    'export-env',
    'write-credentials-file',
    'secret-name',
    'secret-scope',
    'claude-output',
    'fail-on-auth-error',
    'pr-comment'
];
/**
 * Validates the inputs only the refresh or the post step use, and returns the refresh's; throws a UserError naming
 * the first bad one.
 */
function readLaterInputs(input) {
    for (const name of PLAIN_LATER_INPUTS)
        refuseSecret(name, input(name));
    refuseSecret('secrets-token', input('secrets-token'), true);
    readBoolean('fail-on-auth-error', input('fail-on-auth-error'), true);
    readBoolean('pr-comment', input('pr-comment'), false);
    return readRefreshInputs(input);
}
async function run() {
    await main({ core: runnerCore, env: process.env, send: send, now: () => new Date() });
}
/**
 * Masks every secret given before anything else reads it: whole, trimmed, and line by line, since the runner matches
 * masks per line. A JSON document (pretty-printed `claude-credentials`) is masked by its secret values instead: its
 * lines are mostly structure (`"scopes": [`), whose masks would garble unrelated log lines.
 */
function maskSecrets(core, env) {
    const values = [
        ...SECRET_INPUT_NAMES.map(name => core.getInput(name, { trimWhitespace: false })),
        ...SECRET_ENV_VARS.map(name => env[name] ?? '')
    ];
    for (const value of values) {
        const parts = jsonSecretStrings(value) ?? value.split(/\r?\n/).map(line => line.trim());
        for (const part of [value, value.trim(), ...parts]) {
            if (part.length >= 4)
                core.setSecret(part);
        }
    }
    // A secret pasted into an input that never holds one: masked too, before its input is refused.
    const plainValues = [...PLAIN_CHECK_INPUTS, ...PLAIN_LATER_INPUTS].map(name => core.getInput(name));
    const baseUrls = [core.getInput('anthropic-base-url'), env.ANTHROPIC_BASE_URL ?? ''];
    for (const value of [...plainValues, env.ANTHROPIC_BASE_URL ?? '']) {
        if (value.length >= 4 && looksLikeSecret(value))
            core.setSecret(value);
    }
    // A password in a base URL is refused, but until then it is a secret like any other.
    for (const value of baseUrls) {
        const password = URL.parse(value.trim())?.password;
        if (password)
            for (const part of [password, decodeOrKeep(password)])
                core.setSecret(part);
    }
}
const decodeOrKeep = (text) => {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
};
/** Events that run with a fork's code, and so without secrets, when the pull request comes from a fork. */
const FORK_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
async function eventFacts(env) {
    const facts = {
        ...(env.GITHUB_EVENT_NAME && { name: env.GITHUB_EVENT_NAME }),
        ...(env.GITHUB_ACTOR && { actor: env.GITHUB_ACTOR })
    };
    // pull_request_target runs in the base repository and does get secrets.
    if (!env.GITHUB_EVENT_PATH || !FORK_EVENTS.includes(env.GITHUB_EVENT_NAME ?? ''))
        return facts;
    try {
        const event = JSON.parse(await (0,promises_namespaceObject.readFile)(env.GITHUB_EVENT_PATH, 'utf8'));
        return { ...facts, fromFork: event.pull_request?.head?.repo?.fork === true };
    }
    catch {
        return facts;
    }
}
async function main(deps) {
    const { core, env } = deps;
    // First, before anything can fail: the post step sends no token if these change after this step.
    startState(core, networkRecord(env));
    try {
        maskSecrets(core, env);
        // Secrets are read untrimmed so that a pasted newline can be removed and said.
        const input = (name) => core.getInput(name, { trimWhitespace: !isSecretInput(name) });
        const inputs = readCheckInputs(input, env);
        const refreshInputs = readLaterInputs(input);
        const report = await runCheck(inputs, { input, now: deps.now() }, deps);
        const claudeStep = report.selection.claudeStep;
        if (refreshInputs.writeCredentialsFile && claudeStep?.kind === 'claude-code-action') {
            core.warning(`${PREFIX}: 'write-credentials-file' is on, but Claude runs in ${claudeStep.label} (claude-code-action), whose environment token always outranks a credentials file: the file does nothing for Claude there. Turn it off, or use it with a bare \`claude\` step.`);
        }
        const refresh = await refreshAfterCheck(report, refreshInputs, deps);
        await publish(report, refresh, deps);
    }
    catch (error) {
        // A UserError before publishing is an input that could not be read; anything else is a fault of ours.
        if (error instanceof UserError) {
            core.setOutput('status', 'invalid-input');
            core.setOutput('valid', 'false');
        }
        else {
            core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
        }
        core.setFailed(oneLine(error));
    }
}
async function publish(report, refresh, deps) {
    const { core } = deps;
    const { verdict } = report;
    const chosen = report.chosen;
    for (const warning of report.selection.warnings)
        core.warning(`claude-preflight: ${warning}`);
    for (const { credential } of report.checked)
        for (const note of credential.notes)
            core.notice(`claude-preflight: ${note}`);
    core.info(chosen
        ? `Claude Code will use the ${chosen.credential.label} from ${chosen.credential.from} (${fingerprintOf(chosen.credential)}); probing ${report.inputs.baseUrl}.`
        : 'No Claude credential found.');
    const event = verdict.status === 'missing' ? await eventFacts(deps.env) : {};
    const redact = redactKnownSecrets(name => core.getInput(name, { trimWhitespace: false }), deps.env);
    // A failed refresh explains itself; the verdict it was meant to fix would only mislead.
    const message = refresh.error
        ? { title: 'Claude credential refresh failed', text: redact(oneLine(refresh.error)) }
        : verdictMessage(report, event, redact);
    const expiresAt = chosen?.credential.expiresAt;
    core.setOutput('credential', chosen?.credential.source ?? '');
    core.setOutput('status', verdict.status);
    core.setOutput('valid', String(verdict.status === 'valid'));
    core.setOutput('expires-at', expiresAt?.toISOString() ?? '');
    core.setOutput('remaining-seconds', verdict.remainingMs === undefined ? '' : String(Math.floor(verdict.remainingMs / 1000)));
    core.setOutput('refreshed', String(refresh.outcome !== undefined));
    if (chosen?.credential.scheme === 'oauth' && chosen.credential.secret)
        core.setOutput('oauth-token', chosen.credential.secret);
    try {
        await core.summary.addRaw(summaryMarkdown(report, message)).write();
    }
    catch (error) {
        // No GITHUB_STEP_SUMMARY (an older or self-made runner): the verdict stands without its summary.
        core.warning(`${PREFIX}: could not write the job summary: ${inert(reasonOf(error))}`);
    }
    const action = refresh.error || verdict.action === 'refresh' ? 'fail' : verdict.action;
    // Saved when Claude may run after this step: it passed, or it refreshed (a failed write-back still hands the
    // new token on, and the README's workflow runs Claude then).
    if (chosen && (action !== 'fail' || refresh.outcome)) {
        savePreflightState(core, {
            source: chosen.credential.source,
            from: chosen.credential.from,
            label: chosen.credential.label,
            fingerprint: fingerprintOf(chosen.credential),
            expiresAt,
            checkedAt: report.checkedAt,
            status: verdict.status
        });
    }
    if (action === 'fail') {
        // One annotation with a title: setFailed would add a second, untitled one.
        core.error(message.text, { title: message.title });
        process.exitCode = 1;
    }
    else if (action === 'warn') {
        core.warning(message.text, { title: message.title });
    }
    else {
        core.info(message.text);
    }
}


/***/ }),

/***/ 8383:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4092);

await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

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
/******/ var __webpack_exports__ = __nccwpck_require__(8383);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

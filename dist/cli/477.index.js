export const id = 477;
export const ids = [477];
export const modules = {

/***/ 8477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SCAN_USAGE: () => (/* binding */ SCAN_USAGE),
  scanCommand: () => (/* binding */ scanCommand),
  streamSource: () => (/* binding */ streamSource)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/inputs/parse.js
var parse = __webpack_require__(6099);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __webpack_require__(6032);
// EXTERNAL MODULE: ./lib/providers/credential.js
var credential = __webpack_require__(4264);
// EXTERNAL MODULE: ./lib/providers/anthropic-failures.js
var anthropic_failures = __webpack_require__(3053);
// EXTERNAL MODULE: ./lib/providers/aws-failures.js
var aws_failures = __webpack_require__(7406);
// EXTERNAL MODULE: ./lib/providers/azure-failures.js
var azure_failures = __webpack_require__(3612);
// EXTERNAL MODULE: ./lib/providers/federation.js
var federation = __webpack_require__(6568);
// EXTERNAL MODULE: ./lib/providers/gcp-failures.js
var gcp_failures = __webpack_require__(1851);
;// CONCATENATED MODULE: ./lib/providers/github-failures.js
const GITHUB_FAILURES = [
    {
        id: 'github-auth',
        credential: 'the GitHub token',
        title: 'GitHub token rejected',
        verb: 'was refused by GitHub',
        since: 'refused since',
        fix: 'The GitHub token was refused ("Bad credentials" / authentication failed). GitHub App installation tokens last one hour and claude-code-action does not renew them: keep runs under an hour or pass a longer-lived token (`github_token`), and check the token has the permissions the step needs.'
    },
    {
        id: 'github-oidc',
        credential: "the job's GitHub OIDC token",
        title: 'GitHub OIDC token unavailable',
        verb: 'could not be minted',
        since: 'unavailable since',
        fix: 'The job could not mint its OIDC token: add `permissions: id-token: write` to the job (or the workflow). GitHub never gives one to a pull request from a fork, nor to Dependabot runs: skip the step there (`if: github.event.pull_request.head.repo.fork == false`), or pass `github_token` and the credential from secrets the run can read.'
    }
];
const ACTIONS_CORE = '@actions/core 3.0.1 lib/oidc-utils.js';
const GITHUB_PHRASINGS = [
    {
        anchor: 'Could not fetch an OIDC token',
        pattern: /Could not fetch an OIDC token/,
        kind: 'github-oidc',
        source: 'https://github.com/stacks-network/docs/pull/1734'
    },
    {
        anchor: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_',
        pattern: /Unable to get ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN) env variable/,
        kind: 'github-oidc',
        source: ACTIONS_CORE
    },
    {
        anchor: 'Failed to get ID Token',
        pattern: /Failed to get ID Token\b/,
        kind: 'github-oidc',
        source: ACTIONS_CORE
    },
    // octokit's HttpError, the gh CLI, the REST API's own message.
    {
        anchor: 'Bad credentials',
        pattern: /(?:HttpError: Bad credentials|RequestError \[HttpError\]: Bad credentials|HTTP 401: Bad credentials|gh: Bad credentials|Bad credentials - https:\/\/docs\.github\.com)/,
        kind: () => ({ kind: 'github-auth', status: 401 }),
        source: 'https://docs.github.com/rest/authentication/authenticating-to-the-rest-api'
    },
    // git over HTTPS, also through claude-code-action's tag-mode wrapper ($GITHUB_ACTION_PATH/scripts/git-push.sh).
    {
        anchor: 'Authentication failed for',
        pattern: /fatal: Authentication failed for 'https?:\/\//,
        kind: 'github-auth',
        source: 'https://docs.github.com/get-started/git-basics/caching-your-github-credentials-in-git'
    },
    {
        anchor: 'Invalid username or password',
        pattern: /remote: Invalid username or (?:password|token)\./,
        kind: 'github-auth',
        source: 'https://docs.github.com/get-started/git-basics/caching-your-github-credentials-in-git'
    },
    {
        anchor: 'could not read Username for',
        pattern: /fatal: could not read Username for 'https:\/\/github\.com/,
        kind: 'github-auth',
        source: 'https://github.com/cpina/github-action-push-to-another-repository/issues/18'
    },
    // claude-code-action's exchange of the OIDC token for an App token: a 4xx refuses it, a 5xx says nothing about it.
    {
        anchor: 'App token exchange failed',
        pattern: /App token exchange failed: (\d{3})\b/,
        kind: match => {
            const status = Number(match[1]);
            return status >= 400 && status < 500 ? { kind: 'github-auth', status } : undefined;
        },
        source: 'https://github.com/anthropics/claude-code-action/issues/926'
    }
];

;// CONCATENATED MODULE: ./lib/common/time.js
/** The largest time a Date can hold, in ms either side of the epoch: past it no date can be shown. */
const MAX_DATE_MS = 8.64e15;
/** ISO 8601 to the second: `2026-03-01T10:47:00Z`. */
function time_isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

;// CONCATENATED MODULE: ./lib/providers/usage-failures.js

const USAGE_FAILURES = [
    {
        id: 'usage-limit',
        credential: 'the Claude subscription',
        title: 'Claude usage limit reached',
        verb: 'reached its usage limit',
        since: 'limited since',
        severity: 'warning',
        fix: 'Not a credential failure: the subscription reached its session (5-hour) or weekly limit and resets at the time Claude Code gave. Re-run after the reset, spread runs over the windows, or give CI its own credential (an API key, or a plan with higher limits); `/usage` shows the windows.'
    }
];
/** The reset time as an epoch in seconds, within the years a run can be in; else undefined. */
function resetAt(epochSeconds) {
    const ms = Number(epochSeconds) * 1000;
    return Number.isFinite(ms) && ms > Date.UTC(2020, 0) && ms < Date.UTC(2100, 0)
        ? time_isoSeconds(ms)
        : undefined;
}
const BUNDLE = 'claude-code 2.1.328 bundle';
const USAGE_PHRASINGS = [
    {
        // The server's own throttling, whatever words follow it on the line.
        anchor: 'not your usage limit',
        pattern: /\(not your usage limit\)/,
        kind: () => undefined,
        source: BUNDLE,
        inSentence: true
    },
    {
        // Older CLIs: the reset as epoch seconds after a bar.
        anchor: 'usage limit reached|',
        pattern: /Claude AI usage limit reached\|(\d{9,11})\b/,
        kind: match => {
            const reset = resetAt(match[1]);
            return reset === undefined
                ? { kind: 'usage-limit' }
                : { kind: 'usage-limit', message: `Claude AI usage limit reached (resets ${reset})` };
        },
        source: 'https://github.com/anthropics/claude-code/issues/6119'
    },
    {
        anchor: 'usage limit reached',
        pattern: /Claude (?:AI )?usage limit reached/,
        kind: 'usage-limit',
        source: 'https://github.com/anthropics/claude-code/issues/6119'
    },
    {
        anchor: 've hit your ',
        pattern: /You[’']ve hit your (?:(?:session|weekly|daily|5-hour|Opus|Sonnet|usage) )?limit\b/,
        kind: 'usage-limit',
        source: 'https://github.com/anthropics/claude-code/issues/24511'
    },
    {
        anchor: 'imit reached',
        pattern: /\b(?:Usage|5-hour|Weekly|Session) limit reached\b/,
        kind: 'usage-limit',
        source: BUNDLE
    }
];

;// CONCATENATED MODULE: ./lib/providers/failures.js
// Every kind of failure the post step reports, and every phrasing that tells one: each provider's, and those of
// the credentials that are not among the providers yet (the GitHub token and OIDC, the clouds, usage limits).








const OTHER_FAILURES = [
    ...federation/* FEDERATION_FAILURES */.Me,
    ...GITHUB_FAILURES,
    ...aws_failures/* AWS_FAILURES */.OW,
    ...gcp_failures/* GCP_FAILURES */.x4,
    ...azure_failures/* AZURE_FAILURES */.S1,
    ...USAGE_FAILURES
];
const FAILURE_KINDS = [
    ...new Set([
        ...providers/* PROVIDERS */.x.flatMap((provider) => provider.failures),
        ...OTHER_FAILURES
    ])
];
function failureKind(id) {
    return FAILURE_KINDS.find(kind => kind.id === id);
}
/** Reported as a warning, never failing the job. */
function isWarningKind(id) {
    return failureKind(id).severity === 'warning';
}
/**
 * Every phrasing, in the order they are tried: the near misses that veto a line and the specific words first,
 * the API's generic error envelope last (a cloud's words inside `API Error: 403 …` are the cloud's).
 */
const PHRASINGS = [
    ...USAGE_PHRASINGS,
    ...federation/* FEDERATION_PHRASINGS */.GU,
    ...anthropic_failures/* ANTHROPIC_PHRASINGS */.NV,
    ...aws_failures/* AWS_PHRASINGS */.mX,
    ...gcp_failures/* GCP_PHRASINGS */.bf,
    ...azure_failures/* AZURE_PHRASINGS */.WC,
    ...GITHUB_PHRASINGS,
    ...anthropic_failures/* ANTHROPIC_API_ERROR_PHRASINGS */.h8
];

;// CONCATENATED MODULE: ./lib/scan/explain.js
// Turns findings into what a person needs: distinct failures (not one per retry or per file), when each
// happened relative to the run and to what the preflight measured, what was lost, and the fix for that kind
// of credential. Pure.




/** Groups findings into distinct failures: same kind and same words are one failure, however often seen. */
function distinctFailures(findings, state, measured = {}) {
    const { github, platform } = measured;
    const groups = new Map();
    for (const finding of findings) {
        const key = `${finding.kind}\u0000${normaliseMessage(finding.message)}`;
        const group = groups.get(key);
        if (group)
            group.push(finding);
        else
            groups.set(key, [finding]);
    }
    const failures = [];
    for (const group of groups.values()) {
        // The most informative finding leads: one from a transcript with a timeline beats a plain-text line.
        const first = group.find(f => f.turnsBefore !== undefined && f.at !== undefined) ??
            group.find(f => f.at !== undefined) ??
            group[0];
        const measuredPlatform = platformOf(first.kind, platform);
        const failure = {
            kind: first.kind,
            title: failureKind(first.kind).title,
            first,
            files: [...new Set(group.map(f => f.file))],
            occurrences: group.reduce((sum, f) => sum + f.occurrences, 0),
            headline: headline(first, state),
            fix: measuredPlatform ? platformFix(first.kind, measuredPlatform) : fixFor(first.kind, state)
        };
        const lost = lostWork(first);
        if (lost)
            failure.lost = lost;
        const connection = first.kind === 'github-auth'
            ? github?.label && measuredConnection(first, { ...github, name: github.label })
            : measuredPlatform
                ? measuredConnection(first, {
                    ...platform,
                    name: `${measuredPlatform.credential} for ${measuredPlatform.label}`,
                    plural: true
                })
                : preflightConnection(first, state);
        if (connection)
            failure.preflight = connection;
        failures.push(failure);
    }
    return failures;
}
function normaliseMessage(message) {
    return message
        .replace(/req_[A-Za-z0-9]+/g, 'req')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
}
function credentialName(kind, state) {
    const failure = failureKind(kind);
    if (failure.problem && state?.label)
        return `The ${state.label}`;
    return (0,credential/* capitalise */.sK)(failure.credential);
}
function headline(f, state) {
    let text = `${credentialName(f.kind, state)} ${failureKind(f.kind).verb}`;
    if (f.secondsIntoRun !== undefined)
        text += ` ${duration(f.secondsIntoRun)} into the run`;
    if (f.at)
        text += ` (${f.at.replace(/\.\d+Z$/, 'Z')})`;
    return text;
}
function lostWork(f) {
    const parts = [];
    if (f.turnsBefore !== undefined) {
        parts.push(`${plural(f.turnsBefore, 'turn')} and ${plural(f.toolCallsBefore ?? 0, 'tool call')} had completed before it`);
    }
    if (f.runDurationMs !== undefined)
        parts.push(`the run lasted ${duration(f.runDurationMs / 1000)}`);
    if (f.costUsd !== undefined)
        parts.push(`cost $${f.costUsd.toFixed(f.costUsd < 1 ? 4 : 2)}`);
    if (f.retries > 0)
        parts.push(`${plural(f.retries, 'retry', 'retries')} burned on it`);
    if (parts.length === 0)
        return undefined;
    const text = parts.join(', ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}
/** "2 minutes after the expiry measured at preflight", "was valid at preflight, revoked since". */
function preflightConnection(f, state) {
    const kind = failureKind(f.kind);
    if (!state || !kind.problem)
        return undefined;
    const checked = state.checkedAt ? ` (checked ${time_isoSeconds(state.checkedAt)})` : '';
    const at = f.at ? Date.parse(f.at) : undefined;
    if (kind.expiry && state.expiresAt !== undefined && at !== undefined) {
        const seconds = Math.round((at - state.expiresAt) / 1000);
        if (seconds >= 0) {
            const warned = state.status === 'expiring'
                ? ' The preflight had warned at the start that it would not last the job; `on-expiring: fail` stops such a run before it starts.'
                : '';
            return `It failed ${duration(seconds)} after the expiry measured at preflight (${time_isoSeconds(state.expiresAt)}).${warned}`;
        }
        return `It failed ${duration(-seconds)} before the expiry measured at preflight (${time_isoSeconds(state.expiresAt)}): the credential was cut short (logged out elsewhere, rotated, or a refresh replaced it).`;
    }
    if (kind.expiry && state.expiresAt === undefined && state.status === 'valid') {
        return `It was valid at preflight${checked}, but its expiry was unknown there: tell the preflight when it ends (input \`oauth-token-expires-at\`) and it will warn before a run outlives it.`;
    }
    if (state.status === 'valid') {
        return `It was valid at preflight${checked}, ${kind.since}.`;
    }
    if (state.status)
        return `The preflight had reported it \`${state.status}\`${checked}.`;
    return undefined;
}
/**
 * A refused credential against what the preflight measured of it: "The Claude GitHub App token was refused 62 minutes
 * after the preflight's check (…), past the expiry it measured (…), in a job of up to 90 minutes; the preflight warned
 * at the start that it would not last."
 */
function measuredConnection(f, measured) {
    if (measured.checkedAt === undefined)
        return undefined;
    const { name } = measured;
    const checked = time_isoSeconds(measured.checkedAt);
    const at = f.at ? Date.parse(f.at) : undefined;
    const job = measured.jobLimitMs === undefined
        ? ''
        : `, in a job of up to ${duration(measured.jobLimitMs / 1000)}`;
    const warned = measured.warned ? '; the preflight warned at the start that it would not last' : '';
    if (at !== undefined && measured.expiresAt !== undefined && at >= measured.expiresAt) {
        return `The ${name} ${measured.plural ? 'were' : 'was'} refused ${duration((at - measured.checkedAt) / 1000)} after the preflight's check (${checked}), past the expiry it measured (${time_isoSeconds(measured.expiresAt)})${job}${warned}.`;
    }
    if (measured.status === 'valid' || measured.status === 'unchecked')
        return `The preflight found the ${name} ${measured.status === 'valid' ? 'live' : 'in place'} at the start (checked ${checked})${measured.expiresAt !== undefined ? `, lasting until ${time_isoSeconds(measured.expiresAt)} at the earliest` : ''}${warned}.`;
    return `The preflight had reported the ${name} \`${measured.status ?? 'unknown'}\` (checked ${checked}).`;
}
/** The platform (or federation) the preflight measured, when a failure of `kind` is a failure of its credentials. */
function platformOf(kind, measured) {
    const platform = measured?.platform;
    return platform && kind.startsWith(platform.failurePrefix) ? platform : undefined;
}
/** A platform's own fix for a failure of its credentials, by what went wrong; the kind's own for anything else. */
function platformFix(kind, platform) {
    const failure = failureKind(kind);
    switch (failure.problem) {
        case 'expiring':
            return platform.fixes.expiring;
        case 'forbidden':
            return platform.fixes.forbidden;
        case 'invalid':
        case 'revoked':
            return platform.fixes.invalid;
        default:
            return failure.fix;
    }
}
/**
 * The fix: the credential kind's own (the same words the main step uses) when the preflight's state names where
 * the credential came from; the failure kind's own text without it, and for a credential the preflight does not check.
 */
function fixFor(id, state) {
    const kind = failureKind(id);
    if (!kind.problem || state?.source === undefined)
        return kind.fix;
    return (0,providers/* providerOf */.l)(state.source).fix(kind.problem, state.from ?? `input ${state.source}`);
}
function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 90)
        return plural(s, 'second');
    const minutes = Math.round(s / 60);
    if (minutes < 120)
        return plural(minutes, 'minute');
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}

// EXTERNAL MODULE: ./lib/common/inert.js
var inert = __webpack_require__(9704);
// EXTERNAL MODULE: ./lib/providers/secrets.js
var secrets = __webpack_require__(9172);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
    return path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
}

;// CONCATENATED MODULE: ./lib/scan/newlines.js
// Finds newlines and a few markers at memory speed: a transcript has millions of lines in a gigabyte (a pretty-printed
// execution file a line per key), too many to find one by one with Buffer.indexOf. WebAssembly functions compare 16
// bytes at a time (SIMD, in Node since 16.4): `count` counts newlines, bytes copied into its memory a page at a
// time; `index` lists a whole chunk's newlines and markers in one pass, with no call per line.
/**
 * The module, assembled from this text (WebAssembly 2.0 binary format, https://webassembly.github.io/spec/) by
 * wabt's wat2wasm 1.0.39 (`wat2wasm --enable-simd`):
 *
 * (module
 *   (import "js" "memory" (memory 1))
 *   (func (export "count") (param $at i32) (param $end i32) (result i32)
 *     (local $count i32) (local $newline v128)
 *     (local.set $newline (i8x16.splat (i32.const 10)))
 *     (block (loop
 *       (br_if 1 (i32.ge_u (local.get $at) (local.get $end)))
 *       (local.set $count (i32.add (local.get $count)
 *         (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $at)) (local.get $newline))))))
 *       (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *       (br 0)))
 *     (local.get $count))
 *   (func (export "index") (param $from i32) (param $end i32) (param $out i32) (param $close i32) (result i32 i32)
 *     (local $at i32) (local $n i32) (local $mask i32) (local $p i32) (local $word i32) (local $kind i32)
 *     (local $lines i32) (local $lineMask i32) (local $lineWord i32)
 *     (local $v0 v128) (local $v1 v128) (local $v3 v128) (local $newlines v128) (local $anyAfter v128)
 *     (local.set $at (local.get $from))
 *     (local.set $lineMask (select (i32.const -1) (i32.const 0xff) (local.get $close)))
 *     (local.set $lineWord (select (i32.const 0x7d20200a) (i32.const 0x0a) (local.get $close)))
 *     (local.set $anyAfter (i8x16.splat (i32.sub (i32.const 0) (i32.eqz (local.get $close)))))
 *     (block $done (loop $blocks
 *       (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
 *       (local.set $v0 (v128.load (local.get $at)))
 *       (local.set $v1 (v128.load offset=1 (local.get $at)))
 *       (local.set $v3 (v128.load offset=3 (local.get $at)))
 *       (local.set $newlines (i8x16.eq (local.get $v0) (v128.const i8x16 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a)))
 *       (local.set $lines (i32.add (local.get $lines) (i32.popcnt (i8x16.bitmask (local.get $newlines)))))
 *       (local.set $mask (i8x16.bitmask (v128.or
 *         (v128.or
 *           (v128.and (local.get $newlines)
 *                     (v128.or (local.get $anyAfter)
 *                              (v128.and (i8x16.eq (local.get $v1) (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20))
 *                                        (i8x16.eq (local.get $v3) (v128.const i8x16 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d 0x7d)))))
 *           (v128.and (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72))
 *                               (i8x16.eq (local.get $v1) (v128.const i8x16 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72)))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72 0x72))))
 *         (v128.or
 *           (v128.and (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61 0x61))
 *                               (i8x16.eq (local.get $v1) (v128.const i8x16 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d 0x6d)))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22)))
 *           (v128.and (v128.and (i8x16.eq (local.get $v0) (v128.const i8x16 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c 0x6c))
 *                               (i8x16.eq (local.get $v1) (v128.const i8x16 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f 0x5f)))
 *                     (i8x16.eq (local.get $v3) (v128.const i8x16 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65 0x65)))))))
 *       (block $none (loop $bits
 *         (br_if $none (i32.eqz (local.get $mask)))
 *         (local.set $p (i32.add (local.get $at) (i32.ctz (local.get $mask))))
 *         (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
 *         (local.set $word (i32.load (local.get $p)))
 *         (local.set $kind
 *           (if (result i32) (i32.eq (i32.and (local.get $word) (local.get $lineMask)) (local.get $lineWord))
 *             (then (i32.const 0))
 *             (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x726f7272))
 *               (then (i32.const 1))
 *               (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x22656d61))
 *                 (then (i32.const 2))
 *                 (else (if (result i32) (i32.eq (local.get $word) (i32.const 0x65725f6c))
 *                   (then (i32.const 3))
 *                   (else (i32.const -1))))))))))
 *         (if (i32.ge_s (local.get $kind) (i32.const 0))
 *           (then
 *             (if (i32.eqz (local.get $kind))
 *               (then (local.set $kind (i32.shl
 *                 (call $head (i32.add (local.get $p) (select (i32.const 8) (i32.const 1) (local.get $close))) (local.get $close))
 *                 (i32.const 2)))))
 *             (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
 *               (i32.or (i32.shl (i32.sub (local.get $p) (local.get $from)) (i32.const 3)) (local.get $kind)))
 *             (local.set $n (i32.add (local.get $n) (i32.const 1)))))
 *         (br $bits)))
 *       (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *       (br $blocks)))
 *     (local.get $n) (local.get $lines))
 *   (func $head (param $at i32) (param $close i32) (result i32)
 *     (local $v v128)
 *     (local.set $v (v128.load (local.get $at)))
 *     (if (result i32) (local.get $close)
 *       (then
 *         (if (result i32) (i8x16.all_true (i8x16.eq (local.get $v) (v128.const i8x16 0x7b 0x0a 0x20 0x20 0x20 0x20 0x22 0x74 0x79 0x70 0x65 0x22 0x3a 0x20 0x22 0x61)))
 *           (then (i32.and (i32.and
 *             (i8x16.all_true (i8x16.eq (v128.load offset=16 (local.get $at)) (v128.const i8x16 0x73 0x73 0x69 0x73 0x74 0x61 0x6e 0x74 0x22 0x2c 0x0a 0x20 0x20 0x20 0x20 0x22)))
 *             (i8x16.all_true (i8x16.eq (v128.load offset=32 (local.get $at)) (v128.const i8x16 0x6d 0x65 0x73 0x73 0x61 0x67 0x65 0x22 0x3a 0x20 0x7b 0x0a 0x20 0x20 0x20 0x20))))
 *             (i8x16.all_true (i8x16.eq (v128.load offset=41 (local.get $at)) (v128.const i8x16 0x20 0x7b 0x0a 0x20 0x20 0x20 0x20 0x20 0x20 0x22 0x69 0x64 0x22 0x3a 0x20 0x22)))))
 *           (else (i32.and
 *             (i8x16.all_true (i8x16.eq (local.get $v) (v128.const i8x16 0x7b 0x0a 0x20 0x20 0x20 0x20 0x22 0x74 0x79 0x70 0x65 0x22 0x3a 0x20 0x22 0x75)))
 *             (i8x16.all_true (i8x16.eq (v128.load offset=4 (local.get $at)) (v128.const i8x16 0x20 0x20 0x22 0x74 0x79 0x70 0x65 0x22 0x3a 0x20 0x22 0x75 0x73 0x65 0x72 0x22)))))))
 *       (else
 *         (if (result i32) (i8x16.all_true (i8x16.eq (local.get $v) (v128.const i8x16 0x7b 0x22 0x74 0x79 0x70 0x65 0x22 0x3a 0x22 0x61 0x73 0x73 0x69 0x73 0x74 0x61)))
 *           (then (i32.and
 *             (i8x16.all_true (i8x16.eq (v128.load offset=16 (local.get $at)) (v128.const i8x16 0x6e 0x74 0x22 0x2c 0x22 0x6d 0x65 0x73 0x73 0x61 0x67 0x65 0x22 0x3a 0x7b 0x22)))
 *             (i8x16.all_true (i8x16.eq (v128.load offset=21 (local.get $at)) (v128.const i8x16 0x6d 0x65 0x73 0x73 0x61 0x67 0x65 0x22 0x3a 0x7b 0x22 0x69 0x64 0x22 0x3a 0x22)))))
 *           (else (i32.eq
 *             (i32.and (i8x16.bitmask (i8x16.eq (local.get $v) (v128.const i8x16 0x7b 0x22 0x74 0x79 0x70 0x65 0x22 0x3a 0x22 0x75 0x73 0x65 0x72 0x22 0x00 0x00))) (i32.const 0x3fff))
 *             (i32.const 0x3fff))))))))
 *
 * `count` reads whole 16-byte blocks from `$at` while below `$end`: callers give a multiple of 16. `index` reads
 * `[$from, $end)` and up to 73 bytes past it (callers zero them), writes at `$out` one event per newline and per
 * marker (`rror`, `ame"`, `l_re`): its offset from `$from` times 8, plus 4 (CLAUDE_HEAD) when a newline is followed
 * by one of Claude's heads (`$head`), plus its kind (0 to 3), in order, and returns how many it wrote and how many
 * newlines it read. With `$close` set, kind 0 is a close line's newline only (one followed by two spaces and `}`: a
 * pretty-printed array's element ends there), and the head looked for is the next element's, 8 bytes on (after
 * `\n  },\n  `). `$head` tells whether Claude's head of an assistant message up to its id, or of a user message,
 * begins at `$at`: compact, or pretty with `$close` (the heads of transcript.ts, TYPE_HEAD and the others).
 */
const MODULE = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x10, 0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01,
    0x7f, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x02, 0x7f, 0x7f, 0x02, 0x0e, 0x01, 0x02, 0x6a, 0x73,
    0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01, 0x03, 0x04, 0x03, 0x00, 0x01, 0x00,
    0x07, 0x11, 0x02, 0x05, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x00, 0x00, 0x05, 0x69, 0x6e, 0x64, 0x65,
    0x78, 0x00, 0x01, 0x0a, 0xa0, 0x07, 0x03, 0x36, 0x02, 0x01, 0x7f, 0x01, 0x7b, 0x41, 0x0a, 0xfd,
    0x0f, 0x21, 0x03, 0x02, 0x40, 0x03, 0x40, 0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, 0x20, 0x02,
    0x20, 0x00, 0xfd, 0x00, 0x04, 0x00, 0x20, 0x03, 0xfd, 0x23, 0xfd, 0x64, 0x69, 0x6a, 0x21, 0x02,
    0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x02, 0x0b, 0xb4, 0x04,
    0x02, 0x09, 0x7f, 0x05, 0x7b, 0x20, 0x00, 0x21, 0x04, 0x41, 0x7f, 0x41, 0xff, 0x01, 0x20, 0x03,
    0x1b, 0x21, 0x0b, 0x41, 0x8a, 0xc0, 0x80, 0xe9, 0x07, 0x41, 0x0a, 0x20, 0x03, 0x1b, 0x21, 0x0c,
    0x41, 0x00, 0x20, 0x03, 0x45, 0x6b, 0xfd, 0x0f, 0x21, 0x11, 0x02, 0x40, 0x03, 0x40, 0x20, 0x04,
    0x20, 0x01, 0x4f, 0x0d, 0x01, 0x20, 0x04, 0xfd, 0x00, 0x04, 0x00, 0x21, 0x0d, 0x20, 0x04, 0xfd,
    0x00, 0x04, 0x01, 0x21, 0x0e, 0x20, 0x04, 0xfd, 0x00, 0x04, 0x03, 0x21, 0x0f, 0x20, 0x0d, 0xfd,
    0x0c, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a, 0x0a,
    0x0a, 0xfd, 0x23, 0x21, 0x10, 0x20, 0x0a, 0x20, 0x10, 0xfd, 0x64, 0x69, 0x6a, 0x21, 0x0a, 0x20,
    0x10, 0x20, 0x11, 0x20, 0x0e, 0xfd, 0x0c, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0xfd, 0x23, 0x20, 0x0f, 0xfd, 0x0c, 0x7d, 0x7d, 0x7d,
    0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0x7d, 0xfd, 0x23, 0xfd,
    0x4e, 0xfd, 0x50, 0xfd, 0x4e, 0x20, 0x0d, 0xfd, 0x0c, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72,
    0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x72,
    0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0xfd,
    0x23, 0xfd, 0x4e, 0x20, 0x0f, 0xfd, 0x0c, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72,
    0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0x72, 0xfd, 0x23, 0xfd, 0x4e, 0xfd, 0x50, 0x20, 0x0d, 0xfd,
    0x0c, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61,
    0x61, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d,
    0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0x6d, 0xfd, 0x23, 0xfd, 0x4e, 0x20, 0x0f, 0xfd, 0x0c, 0x22,
    0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0xfd,
    0x23, 0xfd, 0x4e, 0x20, 0x0d, 0xfd, 0x0c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c,
    0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0x6c, 0xfd, 0x23, 0x20, 0x0e, 0xfd, 0x0c, 0x5f, 0x5f, 0x5f,
    0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0xfd, 0x23, 0xfd,
    0x4e, 0x20, 0x0f, 0xfd, 0x0c, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65, 0x65,
    0x65, 0x65, 0x65, 0x65, 0x65, 0xfd, 0x23, 0xfd, 0x4e, 0xfd, 0x50, 0xfd, 0x50, 0xfd, 0x64, 0x21,
    0x06, 0x02, 0x40, 0x03, 0x40, 0x20, 0x06, 0x45, 0x0d, 0x01, 0x20, 0x04, 0x20, 0x06, 0x68, 0x6a,
    0x21, 0x07, 0x20, 0x06, 0x20, 0x06, 0x41, 0x01, 0x6b, 0x71, 0x21, 0x06, 0x20, 0x07, 0x28, 0x02,
    0x00, 0x21, 0x08, 0x20, 0x08, 0x20, 0x0b, 0x71, 0x20, 0x0c, 0x46, 0x04, 0x7f, 0x41, 0x00, 0x05,
    0x20, 0x08, 0x41, 0xf2, 0xe4, 0xbd, 0x93, 0x07, 0x46, 0x04, 0x7f, 0x41, 0x01, 0x05, 0x20, 0x08,
    0x41, 0xe1, 0xda, 0x95, 0x93, 0x02, 0x46, 0x04, 0x7f, 0x41, 0x02, 0x05, 0x20, 0x08, 0x41, 0xec,
    0xbe, 0xc9, 0xab, 0x06, 0x46, 0x04, 0x7f, 0x41, 0x03, 0x05, 0x41, 0x7f, 0x0b, 0x0b, 0x0b, 0x0b,
    0x21, 0x09, 0x20, 0x09, 0x41, 0x00, 0x4e, 0x04, 0x40, 0x20, 0x09, 0x45, 0x04, 0x40, 0x20, 0x07,
    0x41, 0x08, 0x41, 0x01, 0x20, 0x03, 0x1b, 0x6a, 0x20, 0x03, 0x10, 0x02, 0x41, 0x02, 0x74, 0x21,
    0x09, 0x0b, 0x20, 0x02, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a, 0x20, 0x07, 0x20, 0x00, 0x6b, 0x41,
    0x03, 0x74, 0x20, 0x09, 0x72, 0x36, 0x02, 0x00, 0x20, 0x05, 0x41, 0x01, 0x6a, 0x21, 0x05, 0x0b,
    0x0c, 0x00, 0x0b, 0x0b, 0x20, 0x04, 0x41, 0x10, 0x6a, 0x21, 0x04, 0x0c, 0x00, 0x0b, 0x0b, 0x20,
    0x05, 0x20, 0x0a, 0x0b, 0xb0, 0x02, 0x01, 0x01, 0x7b, 0x20, 0x00, 0xfd, 0x00, 0x04, 0x00, 0x21,
    0x02, 0x20, 0x01, 0x04, 0x7f, 0x20, 0x02, 0xfd, 0x0c, 0x7b, 0x0a, 0x20, 0x20, 0x20, 0x20, 0x22,
    0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x20, 0x22, 0x61, 0xfd, 0x23, 0xfd, 0x63, 0x04, 0x7f, 0x20,
    0x00, 0xfd, 0x00, 0x04, 0x10, 0xfd, 0x0c, 0x73, 0x73, 0x69, 0x73, 0x74, 0x61, 0x6e, 0x74, 0x22,
    0x2c, 0x0a, 0x20, 0x20, 0x20, 0x20, 0x22, 0xfd, 0x23, 0xfd, 0x63, 0x20, 0x00, 0xfd, 0x00, 0x04,
    0x20, 0xfd, 0x0c, 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3a, 0x20, 0x7b, 0x0a, 0x20,
    0x20, 0x20, 0x20, 0xfd, 0x23, 0xfd, 0x63, 0x71, 0x20, 0x00, 0xfd, 0x00, 0x04, 0x29, 0xfd, 0x0c,
    0x20, 0x7b, 0x0a, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22,
    0xfd, 0x23, 0xfd, 0x63, 0x71, 0x05, 0x20, 0x02, 0xfd, 0x0c, 0x7b, 0x0a, 0x20, 0x20, 0x20, 0x20,
    0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x20, 0x22, 0x75, 0xfd, 0x23, 0xfd, 0x63, 0x20, 0x00,
    0xfd, 0x00, 0x04, 0x04, 0xfd, 0x0c, 0x20, 0x20, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x20,
    0x22, 0x75, 0x73, 0x65, 0x72, 0x22, 0xfd, 0x23, 0xfd, 0x63, 0x71, 0x0b, 0x05, 0x20, 0x02, 0xfd,
    0x0c, 0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0x61, 0x73, 0x73, 0x69, 0x73, 0x74,
    0x61, 0xfd, 0x23, 0xfd, 0x63, 0x04, 0x7f, 0x20, 0x00, 0xfd, 0x00, 0x04, 0x10, 0xfd, 0x0c, 0x6e,
    0x74, 0x22, 0x2c, 0x22, 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3a, 0x7b, 0x22, 0xfd,
    0x23, 0xfd, 0x63, 0x20, 0x00, 0xfd, 0x00, 0x04, 0x15, 0xfd, 0x0c, 0x6d, 0x65, 0x73, 0x73, 0x61,
    0x67, 0x65, 0x22, 0x3a, 0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xfd, 0x23, 0xfd, 0x63, 0x71,
    0x05, 0x20, 0x02, 0xfd, 0x0c, 0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0x75, 0x73,
    0x65, 0x72, 0x22, 0x00, 0x00, 0xfd, 0x23, 0xfd, 0x64, 0x41, 0xff, 0xff, 0x00, 0x71, 0x41, 0xff,
    0xff, 0x00, 0x46, 0x0b, 0x0b, 0x0b
]);
const PAGE = 65536;
const NL = 0x0a;
/** Below this, a plain loop costs less than copying. */
const SMALL = 256;
/** What `index` may read past the end (a pretty head compared 8 bytes after the last newline). */
const PADDING = 80;
let compiled;
/**
 * An instance with `bytes` of memory of its own. Memory is never grown: growing detaches its old ArrayBuffer, and
 * once any ArrayBuffer has been detached V8 checks for it on every typed array access in the process, which makes
 * the scanner's byte loops (Buffer reads) much slower. A larger memory is a new instance.
 */
function instantiate(bytes) {
    compiled ??= new WebAssembly.Module(MODULE);
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    const { exports } = new WebAssembly.Instance(compiled, { js: { memory } });
    return { count: exports.count, index: exports.index, buffer: memory.buffer };
}
/** For bytes that lie outside WebAssembly memory: copied in. */
let copying;
/** `copying`, with room for `bytes`. */
function copyingRoom(bytes) {
    if (!copying || copying.buffer.byteLength < bytes)
        copying = instantiate(bytes);
    return copying;
}
/**
 * Memory a reader reads chunks into (takeChunkBuffers), so that they are indexed where they lie: two slots of
 * `size` bytes, each followed by PADDING bytes of its own, then room for a slot's events.
 */
let reading;
/**
 * Two buffers of `size` bytes in WebAssembly memory, to read chunks into: indexChunk and countNewlines then work on
 * them in place, with no copy. Undefined while another reader holds them. The bytes past a chunk's end (up to the
 * buffer's end and PADDING more) are the indexer's: a chunk must end where the data read into it ends.
 */
function takeChunkBuffers(size) {
    if (reading?.taken)
        return undefined;
    if (reading?.size !== size) {
        const slot = (size + PADDING + 15) & ~15;
        const out = 2 * slot;
        const indexer = instantiate(out + 4 * size);
        reading = {
            indexer,
            size,
            buffers: [Buffer.from(indexer.buffer, 0, size), Buffer.from(indexer.buffer, slot, size)],
            out,
            taken: false
        };
    }
    reading.taken = true;
    return reading.buffers;
}
/** The buffers of takeChunkBuffers are free again. */
function giveBackChunkBuffers() {
    if (reading)
        reading.taken = false;
}
/** How many newline bytes `bytes[from, to)` holds. */
function countNewlines(bytes, from, to) {
    let count = 0;
    let at = from;
    if (to - from >= SMALL) {
        if (reading && bytes.buffer === reading.indexer.buffer) {
            const base = bytes.byteOffset + from;
            const whole = (to - from) & ~15;
            count = reading.indexer.count(base, base + whole);
            at += whole;
        }
        else {
            const indexer = copyingRoom(PAGE);
            const memory = new Uint8Array(indexer.buffer, 0, PAGE);
            while (to - at >= 16) {
                const length = Math.min(PAGE, (to - at) & ~15);
                memory.set(bytes.subarray(at, at + length));
                count += indexer.count(0, length);
                at += length;
            }
        }
    }
    for (; at < to; at++)
        if (bytes[at] === NL)
            count++;
    return count;
}
/** An event is `offset << OFFSET_SHIFT | flags | kind`: its offset in the range, CLAUDE_HEAD, and one of the kinds. */
const OFFSET_SHIFT = 3;
/** The longest range indexChunk takes (offsets shifted by OFFSET_SHIFT stay within 32 bits). */
const MAX_INDEXED = 256 * 1024 * 1024;
/** The kind's bits of an event. */
const KIND = 3;
/** Kinds of event `indexChunk` lists. */
const NEWLINE = 0;
/** With `closeLines`, kind 0 is only the newline of a close line, `\n  }`. */
const CLOSE_LINE = 0;
/** `rror`: every `error`. */
const ERROR_MARK = 1;
/** `ame"`: the end of every `name"` (a tool use's name). */
const NAME_MARK = 2;
/** `l_re`: the middle of every `"tool_result"`. */
const TOOL_RESULT_MARK = 3;
/**
 * On a newline: the next line begins with Claude's head of an assistant message up to its id,
 * `{"type":"assistant","message":{"id":"`, or of a user message, `{"type":"user"`. On a close line: so does the
 * next element 8 bytes on, pretty (`{\n    "type": "assistant",\n    "message": {\n      "id": "`, `{\n    "type":
 * "user"`). Only bytes within the range count.
 */
const CLAUDE_HEAD = 4;
/**
 * The newlines (or with `closeLines` only those of close lines, `\n  }`) and markers of `bytes[from, to)`, a
 * marker's offset being that of its first byte; and how many newlines the range holds.
 */
function indexChunk(bytes, from, to, closeLines = false) {
    const length = to - from;
    let indexer;
    let at;
    let out;
    if (reading && bytes.buffer === reading.indexer.buffer && to === bytes.length) {
        indexer = reading.indexer;
        at = bytes.byteOffset + from;
        out = reading.out;
        new Uint8Array(indexer.buffer, bytes.byteOffset + to, PADDING).fill(0);
    }
    else {
        at = 0;
        out = (length + PADDING + 3) & ~3;
        // At most one event per byte.
        indexer = copyingRoom(out + 4 * length);
        const view = new Uint8Array(indexer.buffer);
        view.set(bytes.subarray(from, to), 0);
        view.fill(0, length, length + PADDING);
    }
    const [count, newlines] = indexer.index(at, at + length, out, closeLines ? 1 : 0);
    return { events: new Int32Array(indexer.buffer, out, count), newlines };
}

;// CONCATENATED MODULE: ./lib/scan/split.js
// Splits a byte stream into records, in constant memory, without knowing the file's size:
//  - a JSON array (claude-code-action's execution file, pretty-printed; `--output-format json --verbose`, one
//    line): each top-level element is one JSON record, found by a byte-level scanner that knows strings;
//  - anything else, line by line: a line starting with `{` is a JSON record (stream-json, `--output-format
//    json`), any other line is text. A file cut off mid-line gives a last record marked `truncated`.
// A record longer than `limit` bytes keeps only its first `headBytes` (`overflow`): credential errors are small.
// A sink may take whole JSON records straight from the chunk (RecordSink.glance), before any record object is made:
// most records of a transcript are only glanced at.

const split_NL = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/**
 * Pretty elements of this mean size or less are ended by the chunk's pass (RecordSplitter.passing); larger ones (a
 * tool's long output) by a search. Measured with scripts/bench-scan.js: its small records (about 1 KB pretty) scan
 * 40% faster with the pass, its large ones (8 KB tool results) 10% slower.
 */
const PASS_ELEMENT_BYTES = 4096;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Accumulates the bytes of one record across chunks, up to a limit. */
class Accumulator {
    limit;
    headBytes;
    parts = [];
    size = 0;
    overflow = false;
    constructor(limit, headBytes) {
        this.limit = limit;
        this.headBytes = headBytes;
    }
    get length() {
        return this.size;
    }
    add(bytes) {
        if (bytes.length === 0)
            return;
        if (this.overflow)
            return;
        if (this.size + bytes.length > this.limit) {
            this.overflow = true;
            const room = Math.max(0, this.headBytes - this.size);
            if (room > 0)
                this.parts.push(Buffer.from(bytes.subarray(0, room)));
            // Keep only the head already gathered, trimmed to headBytes.
            const head = Buffer.concat(this.parts);
            this.parts = [head.subarray(0, this.headBytes)];
            this.size = this.parts[0]?.length ?? 0;
            return;
        }
        // Copy: the chunk's memory is reused by the stream.
        this.parts.push(Buffer.from(bytes));
        this.size += bytes.length;
    }
    /** The record: `tail` (still in the current chunk) appended to what was gathered before. */
    take(tail) {
        if (this.parts.length === 0)
            return tail;
        if (!this.overflow && this.size + tail.length <= this.limit) {
            this.parts.push(tail);
        }
        else if (!this.overflow) {
            this.add(tail);
        }
        const all = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
        this.parts = [];
        this.size = 0;
        return all;
    }
    reset() {
        this.parts = [];
        this.size = 0;
        this.overflow = false;
    }
}
class split_RecordSplitter {
    mode = 'unknown';
    /** Lines mode: the current line. Array mode: the line at `countedTo` in the current chunk. */
    line = 1;
    /** Array mode: newlines of the current chunk are counted up to here (lazily: see lineAt). */
    countedTo = 0;
    sink;
    limit;
    headBytes;
    pending;
    // lines mode
    lineStart = 1;
    /** The current line's markers (one object, reused). */
    marks = { events: new Int32Array(0), from: 0, to: 0 };
    // array mode
    depth = 0;
    inString = false;
    escaped = false;
    inElement = false;
    /** Where the element began in the current chunk; -1 when it began in an earlier one (its line is then known). */
    elementStart = -1;
    elementLine = 1;
    /** Bytes of a byte-order mark seen at the start so far (BOM.length once decided). */
    bomSeen = 0;
    // array mode, pretty elements: see scanPrettyElement
    pretty = false;
    /** Outside elements: whether the current line holds only spaces so far, and how many. */
    lineSpaces = 0;
    lineBlank = true;
    /** The last bytes of the previous chunk, newest last: a close line may begin there. */
    carried = Buffer.alloc(3);
    /** Inside a pretty element: a "  }" ended the previous chunk; what of "," "\r" "\n" came after it so far. */
    closeSeen = 'none';
    /** The current chunk's close lines and markers, once a pretty element needs them (indexChunk, closeLines). */
    closeIndex;
    /** Its events before this one are behind the scan. */
    closeEvent = 0;
    /** The line the current chunk starts on. */
    chunkLine = 1;
    /**
     * Whether this chunk's pretty elements are ended from its close line events (and glanced at with their markers),
     * or by searching for `}` natively: the pass reads every byte, a search skips a long string's bytes at memory
     * speed. Chosen per chunk by the elements' mean size so far (PASS_ELEMENT_BYTES).
     */
    passing = true;
    /** Array mode: bytes pushed, and pretty elements ended, so far. */
    arrayBytes = 0;
    prettyElements = 0;
    constructor(sink, options = {}) {
        this.sink = typeof sink === 'function' ? { record: sink } : sink;
        this.limit = options.limit ?? 4 * 1024 * 1024;
        this.headBytes = Math.min(options.headBytes ?? 64 * 1024, this.limit);
        this.pending = new Accumulator(this.limit, this.headBytes);
    }
    push(chunk) {
        if (chunk.length > MAX_INDEXED) {
            for (let at = 0; at < chunk.length; at += MAX_INDEXED)
                this.push(chunk.subarray(at, at + MAX_INDEXED));
            return;
        }
        if (this.bomSeen < BOM.length) {
            // A byte-order mark at the file's start is dropped, even when chunks cut it.
            let i = 0;
            while (i < chunk.length && this.bomSeen < BOM.length && chunk[i] === BOM[this.bomSeen]) {
                i++;
                this.bomSeen++;
            }
            if (i === chunk.length && this.bomSeen < BOM.length)
                return;
            if (this.bomSeen < BOM.length) {
                // Not a mark after all: its first bytes were text.
                const seen = this.bomSeen;
                this.bomSeen = BOM.length;
                chunk = Buffer.concat([BOM.subarray(0, seen), chunk.subarray(i)]);
            }
            else {
                chunk = chunk.subarray(i);
            }
        }
        if (this.mode === 'unknown') {
            let i = 0;
            while (i < chunk.length && isSpace(chunk[i]))
                i++;
            if (i === chunk.length) {
                // Only whitespace so far: keep it for line numbers, decide later.
                this.pending.add(chunk);
                return;
            }
            if (chunk[i] === OPEN_BRACKET && opensArray(chunk, i + 1)) {
                this.mode = 'array';
                // Whitespace before '[' only moves the line count.
                const before = this.pending.take(Buffer.alloc(0));
                this.line += countNewlines(before, 0, before.length);
                this.pending.reset();
                this.depth = 1;
                this.scanChunk(chunk, i + 1);
                return;
            }
            this.mode = 'lines';
        }
        if (this.mode === 'lines')
            this.scanLines(chunk);
        else
            this.scanChunk(chunk, 0);
    }
    /** Array mode: one chunk; its newlines are all counted by the end. */
    scanChunk(chunk, from) {
        this.countedTo = 0;
        this.chunkLine = this.line;
        this.passing = this.prettyElements * PASS_ELEMENT_BYTES >= this.arrayBytes;
        this.arrayBytes += chunk.length;
        this.scanArray(chunk, from);
        if (this.inElement && this.elementStart !== -1) {
            this.elementLine = this.lineAt(chunk, this.elementStart);
            this.elementStart = -1;
        }
        if (this.closeIndex) {
            this.line = this.chunkLine + this.closeIndex.newlines;
            this.countedTo = chunk.length;
            this.closeIndex = undefined;
            this.closeEvent = 0;
        }
        else {
            this.lineAt(chunk, chunk.length);
        }
        const keep = Math.min(3, chunk.length);
        this.carried.copy(this.carried, 0, keep);
        chunk.copy(this.carried, 3 - keep, chunk.length - keep);
        this.sink.chunkDone?.();
    }
    /** Array mode: the line of `offset` in the chunk (offsets asked for never go back within a chunk). */
    lineAt(chunk, offset) {
        this.line += countNewlines(chunk, this.countedTo, offset);
        this.countedTo = offset;
        return this.line;
    }
    end() {
        if (this.mode === 'array') {
            if (this.inElement)
                this.emitElement(Buffer.alloc(0), 0, 0, true);
            return;
        }
        // lines (or only whitespace): the last line without a newline was cut off.
        if (this.pending.length > 0 || this.pending.overflow) {
            const bytes = this.pending.take(Buffer.alloc(0));
            const overflow = this.pending.overflow;
            this.pending.reset();
            if (bytes.some(b => !isSpace(b)))
                this.emitLine(bytes, this.lineStart, true, overflow);
        }
    }
    scanLines(chunk) {
        let start = 0;
        const glance = this.sink.glance;
        const marks = this.marks;
        marks.events = indexChunk(chunk, 0, chunk.length).events;
        const events = marks.events;
        marks.from = 0;
        for (let e = 0; e < events.length; e++) {
            const event = events[e];
            if ((event & KIND) !== NEWLINE)
                continue;
            const nl = event >>> OFFSET_SHIFT;
            marks.to = e;
            if (this.pending.length > 0 || this.pending.overflow) {
                const bytes = this.pending.take(chunk.subarray(start, nl));
                const overflow = this.pending.overflow;
                this.pending.reset();
                this.emitLine(bytes, this.lineStart, false, overflow);
            }
            else if (glance) {
                // A JSON line lying whole in the chunk goes to the sink's glance first.
                let end = nl;
                if (end > start && chunk[end - 1] === 0x0d)
                    end--;
                let i = start;
                while (i < end && (chunk[i] === 0x20 || chunk[i] === 0x09))
                    i++;
                if (i < end && !(chunk[i] === OPEN_BRACE && glance.call(this.sink, chunk, i, end, marks))) {
                    this.emitLine(chunk.subarray(start, nl), this.lineStart, false, false);
                }
            }
            else {
                this.emitLine(chunk.subarray(start, nl), this.lineStart, false, false);
            }
            this.lineStart++;
            start = nl + 1;
            marks.from = e + 1;
        }
        this.pending.add(chunk.subarray(start));
        this.sink.chunkDone?.();
    }
    emitLine(bytes, line, truncated, overflow) {
        let end = bytes.length;
        if (end > 0 && bytes[end - 1] === 0x0d)
            end--;
        let i = 0;
        while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09))
            i++;
        if (i === end)
            return;
        // JSON may be indented; text keeps its indentation (a diff's context line is not a log line).
        const json = bytes[i] === OPEN_BRACE;
        this.sink.record({
            type: json ? 'json' : 'text',
            bytes: bytes.subarray(json ? i : 0, end),
            line,
            truncated,
            overflow
        });
    }
    /** The byte-level scanner for JSON arrays: tracks strings and depth, emits depth-1 objects. */
    scanArray(chunk, from) {
        let i = from;
        // Where this chunk's part of the current element begins.
        let elementFrom = this.inElement ? from : -1;
        const n = chunk.length;
        while (i < n) {
            if (this.pretty) {
                // scanPrettyElement keeps or emits the element's bytes itself.
                const next = this.scanPrettyElement(chunk, i, elementFrom === -1 ? i : elementFrom);
                elementFrom = -1;
                if (next === -1)
                    return;
                i = next;
                continue;
            }
            if (this.inString) {
                // Jump to the next quote; a run of backslashes before it decides whether it ends the string.
                if (this.escaped) {
                    this.escaped = false;
                    i++;
                    continue;
                }
                // Short strings (keys, small values) end within a few bytes: a plain loop beats a native call there.
                let q = -1;
                const near = Math.min(n, i + 48);
                for (let j = i; j < near; j++) {
                    if (chunk[j] === QUOTE) {
                        q = j;
                        break;
                    }
                }
                if (q === -1 && near < n)
                    q = chunk.indexOf(QUOTE, near);
                const stop = q === -1 ? n : q;
                // Backslashes before the quote (within this chunk) or at the chunk's end.
                let k = stop - 1;
                let slashes = 0;
                while (k >= i && chunk[k] === BACKSLASH) {
                    slashes++;
                    k--;
                }
                if (q === -1) {
                    // An odd run at the chunk's end escapes the first byte of the next chunk.
                    this.escaped = slashes % 2 === 1;
                    i = n;
                    break;
                }
                if (slashes % 2 === 1) {
                    i = q + 1;
                    continue;
                }
                this.inString = false;
                i = q + 1;
                continue;
            }
            const c = chunk[i];
            if (c === split_NL) {
                this.lineSpaces = 0;
                this.lineBlank = true;
                i++;
                continue;
            }
            // Whether this byte stands after exactly two spaces at the start of its line.
            const indentedTwo = this.lineBlank && this.lineSpaces === 2;
            if (c === 0x20)
                this.lineSpaces++;
            else if (c !== 0x0d)
                this.lineBlank = false;
            if (c === QUOTE) {
                this.inString = true;
            }
            else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
                if (this.depth === 1 && c === OPEN_BRACE && !this.inElement) {
                    this.inElement = true;
                    this.elementStart = i;
                    elementFrom = i;
                    // `JSON.stringify(messages, null, 2)`, as claude-code-action writes its execution file: an element is
                    // the lines from "  {" to "  }" or "  },". Raw newlines never occur inside JSON strings, so the close
                    // line can be found with a native search instead of reading every byte.
                    if (indentedTwo && isLineEnd(chunk, i + 1)) {
                        this.pretty = true;
                        this.depth++;
                        if (this.passing)
                            this.marks.from = this.eventFrom(chunk, i);
                        i++;
                        continue;
                    }
                }
                this.depth++;
            }
            else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
                this.depth--;
                if (this.depth === 1 && this.inElement) {
                    this.emitElement(chunk, elementFrom, i + 1, false);
                    elementFrom = -1;
                }
                else if (this.depth < 0) {
                    this.depth = 0;
                }
            }
            i++;
        }
        if (this.inElement && elementFrom !== -1)
            this.pending.add(chunk.subarray(elementFrom));
    }
    /**
     * Inside a pretty element (whose part in this chunk begins at `elementFrom`): finds its close line, "  }" or
     * "  }," (CR allowed) on a line of its own, from `from` on. Deeper lines are indented more, and raw newlines never
     * occur inside JSON strings, so the first such line ends the element. Returns where scanning goes on after it, or
     * -1 when the chunk ended first (its rest is kept).
     */
    scanPrettyElement(chunk, from, elementFrom) {
        let i = from;
        let state = this.closeSeen;
        this.closeSeen = 'none';
        for (;;) {
            if (state === 'none') {
                const brace = this.nextCloseBrace(chunk, i);
                if (brace === -1)
                    break;
                i = brace + 1;
                state = 'brace';
            }
            // After the brace: an optional comma, an optional CR, then the newline.
            const c = chunk[i];
            if (c === undefined) {
                this.closeSeen = state;
                break;
            }
            if (c === split_NL) {
                this.closeElement(chunk, elementFrom, i);
                const next = this.openPrettyElement(chunk, i + 1);
                if (next === -1)
                    return i + 1;
                // The next element opens on the next line: scanned on from here, with no byte-by-byte step between.
                elementFrom = next;
                i = next + 1;
                state = 'none';
                continue;
            }
            if (c === 0x2c && state === 'brace')
                state = 'comma';
            else if (c === 0x0d && state !== 'cr')
                state = 'cr';
            else
                state = 'none';
            if (state !== 'none')
                i++;
        }
        this.pending.add(chunk.subarray(elementFrom));
        return -1;
    }
    /**
     * The first `}` from `from` on that stands after a newline and two spaces (which may lie in the previous chunk),
     * or -1. Those within the chunk are its close line events; `marks.to` becomes the one found.
     */
    nextCloseBrace(chunk, from) {
        for (let brace = from; brace < 3 && brace < chunk.length; brace++) {
            if (chunk[brace] === CLOSE_BRACE &&
                this.byteAt(chunk, brace - 1) === 0x20 &&
                this.byteAt(chunk, brace - 2) === 0x20 &&
                this.byteAt(chunk, brace - 3) === split_NL)
                return brace;
        }
        if (!this.passing) {
            for (let brace = chunk.indexOf(CLOSE_BRACE, from); brace !== -1;) {
                if (this.byteAt(chunk, brace - 1) === 0x20 &&
                    this.byteAt(chunk, brace - 2) === 0x20 &&
                    this.byteAt(chunk, brace - 3) === split_NL)
                    return brace;
                brace = chunk.indexOf(CLOSE_BRACE, brace + 1);
            }
            return -1;
        }
        const events = this.chunkIndex(chunk).events;
        for (let e = this.closeEvent; e < events.length; e++) {
            const event = events[e];
            const brace = (event >>> OFFSET_SHIFT) + 3;
            if ((event & KIND) !== CLOSE_LINE || brace < from)
                continue;
            this.closeEvent = e + 1;
            this.marks.to = e;
            return brace;
        }
        this.closeEvent = events.length;
        return -1;
    }
    /**
     * A pretty element that opens at `at`, on a line of its own ("  {"), right after another one closed: begun here,
     * and where its `{` stands returned; -1 when the line is anything else (or the chunk ends first).
     */
    openPrettyElement(chunk, at) {
        const brace = at + 2;
        if (chunk[at] !== 0x20 || chunk[at + 1] !== 0x20 || chunk[brace] !== OPEN_BRACE)
            return -1;
        if (!isLineEnd(chunk, brace + 1))
            return -1;
        this.inElement = true;
        this.elementStart = brace;
        this.pretty = true;
        this.depth = 2;
        if (this.passing)
            this.marks.from = this.eventFrom(chunk, brace);
        return brace;
    }
    /** The first of the chunk's events at `offset` or after it; the ones before are behind the scan. */
    eventFrom(chunk, offset) {
        const events = this.chunkIndex(chunk).events;
        let e = this.closeEvent;
        while (e < events.length && events[e] >>> OFFSET_SHIFT < offset)
            e++;
        this.closeEvent = e;
        return e;
    }
    chunkIndex(chunk) {
        this.closeIndex ??= indexChunk(chunk, 0, chunk.length, true);
        this.marks.events = this.closeIndex.events;
        return this.closeIndex;
    }
    /** The byte `at` in the chunk, or one of the previous chunk's last three when `at` is negative. */
    byteAt(chunk, at) {
        return at >= 0 ? chunk[at] : this.carried[3 + at];
    }
    /** A pretty element ends with the newline at `nl`. */
    closeElement(chunk, elementFrom, nl) {
        let last = nl;
        while (last > elementFrom && chunk[last - 1] !== CLOSE_BRACE)
            last--;
        // The brace may lie in the previous chunk ("  }" then "\n" in this one): emitElement trims what follows it.
        this.emitElement(chunk, elementFrom, last, false);
        this.prettyElements++;
        this.pretty = false;
        this.depth = 1;
        this.lineSpaces = 0;
        this.lineBlank = true;
    }
    /** The element whose part in this chunk is `chunk[from, to)` (with what was kept of it before). */
    emitElement(chunk, from, to, truncated) {
        this.inElement = false;
        const start = this.elementStart;
        this.elementStart = -1;
        // A pretty element's markers are those since it began (see eventFrom, nextCloseBrace).
        const marks = this.pretty && this.passing ? this.marks : undefined;
        if (start !== -1 && this.sink.glance?.(chunk, start, to, marks))
            return;
        const line = start !== -1 ? this.lineAt(chunk, start) : this.elementLine;
        let bytes = this.pending.take(chunk.subarray(from, to));
        const overflow = this.pending.overflow;
        this.pending.reset();
        if (this.pretty && !truncated) {
            let last = bytes.length;
            while (last > 0 && bytes[last - 1] !== CLOSE_BRACE)
                last--;
            bytes = bytes.subarray(0, last);
        }
        this.sink.record({ type: 'json', bytes, line, truncated, overflow });
    }
}
/** Whether a line ends at `at` (a newline, or CRLF); false when the chunk ends first. */
function isLineEnd(chunk, at) {
    return chunk[at] === split_NL || (chunk[at] === 0x0d && chunk[at + 1] === split_NL);
}
function isSpace(b) {
    return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
/**
 * Whether the `[` before `from` opens a JSON array (`[{`, `[\n  {`, `[]`, an array of strings or arrays), not a log
 * line's bracket (`[2026-03-01 10:47:00,123] ERROR …`, as Python's logging writes, `[INFO]`). Undecided at the
 * chunk's end: an array.
 */
function opensArray(chunk, from) {
    let i = from;
    while (i < chunk.length && isSpace(chunk[i]))
        i++;
    const next = chunk[i];
    return (next === undefined ||
        next === OPEN_BRACE ||
        next === CLOSE_BRACKET ||
        next === QUOTE ||
        next === OPEN_BRACKET);
}

;// CONCATENATED MODULE: ./lib/scan/head.js
// The head of a JSON record, read from its bytes without decoding: `{"type":"…","subtype":"…"` as Claude writes
// it first (white space allowed, as in a pretty-printed execution file), and an assistant message's id when it
// comes next (`"message":{"id":"msg_…"`). Records are told apart by their head, so this runs for every record.
/** Only the first bytes hold the type (what HEAD_TYPE in transcript.ts read as /^\{\s*"type"…/ did). */
const TYPE_WINDOW = 96;
/** The message id is looked for this far. */
const ID_WINDOW = 512;
const KNOWN_TYPES = ['assistant', 'user', 'system', 'result', 'rate_limit_event'].map(name => ({
    name,
    bytes: Buffer.from(name, 'latin1')
}));
const TYPE_KEY = Buffer.from('"type"', 'latin1');
const COMPACT_TYPE = Buffer.from('"type":"', 'latin1');
const COMPACT_ID = Buffer.from('"message":{"id":"', 'latin1');
const SUBTYPE_KEY = Buffer.from('"subtype"', 'latin1');
const MESSAGE_KEY = Buffer.from('"message"', 'latin1');
const ID_KEY = Buffer.from('"id"', 'latin1');
const head_QUOTE = 0x22;
/** The record's head, or undefined when it does not begin with its type (another key order, not an object). */
function readHead(bytes, start, end) {
    const limit = Math.min(end, start + TYPE_WINDOW);
    if (bytes[start] !== 0x7b)
        return undefined;
    // Claude's own layout first: no white space.
    let i = startsWith(bytes, start + 1, COMPACT_TYPE)
        ? start + 1 + COMPACT_TYPE.length - 1
        : key(bytes, skipSpace(bytes, start + 1, limit), limit, TYPE_KEY);
    if (i === -1)
        return undefined;
    const type = head_name(bytes, i, limit);
    if (!type)
        return undefined;
    const head = { type: type.text };
    i = type.end;
    const comma = skipSpace(bytes, i, limit);
    if (bytes[comma] !== 0x2c)
        return head;
    const after = skipSpace(bytes, comma + 1, limit);
    if (head.type === 'assistant') {
        const id = messageId(bytes, after, Math.min(end, start + ID_WINDOW));
        if (id !== undefined)
            head.messageId = id;
        return head;
    }
    const subtypeAt = key(bytes, after, limit, SUBTYPE_KEY);
    if (subtypeAt === -1)
        return head;
    const subtype = head_name(bytes, subtypeAt, limit);
    if (subtype)
        head.subtype = subtype.text;
    return head;
}
/** White space as a regular expression's \s sees it in a latin1 string. */
function skipSpace(bytes, from, limit = bytes.length) {
    let i = from;
    while (i < limit) {
        const b = bytes[i];
        if (b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0xa0)
            i++;
        else
            break;
    }
    return i;
}
/** After `"key"`, white space, a colon and white space at `at`: where the value begins, or -1. */
function key(bytes, at, limit, name) {
    if (at + name.length > limit || !startsWith(bytes, at, name))
        return -1;
    const colon = skipSpace(bytes, at + name.length, limit);
    if (bytes[colon] !== 0x3a || colon >= limit)
        return -1;
    return skipSpace(bytes, colon + 1, limit);
}
/** A quoted name of `[a-z_]+` at `at`, ending before `limit`. */
function head_name(bytes, at, limit) {
    if (bytes[at] !== head_QUOTE)
        return undefined;
    let i = at + 1;
    while (i < limit) {
        const b = bytes[i];
        if ((b >= 0x61 && b <= 0x7a) || b === 0x5f)
            i++;
        else
            break;
    }
    if (i === at + 1 || i >= limit || bytes[i] !== head_QUOTE)
        return undefined;
    const known = KNOWN_TYPES.find(t => t.bytes.length === i - at - 1 && startsWith(bytes, at + 1, t.bytes));
    return { text: known ? known.name : bytes.toString('latin1', at + 1, i), end: i + 1 };
}
/** `"message": {"id": "…"` at `at`: the id, or undefined when the head is laid out otherwise. */
function messageId(bytes, at, limit) {
    let i;
    if (startsWith(bytes, at, COMPACT_ID)) {
        i = at + COMPACT_ID.length - 1;
    }
    else {
        i = key(bytes, at, limit, MESSAGE_KEY);
        if (i === -1 || bytes[i] !== 0x7b)
            return undefined;
        i = key(bytes, skipSpace(bytes, i + 1, limit), limit, ID_KEY);
    }
    if (i === -1 || bytes[i] !== head_QUOTE)
        return undefined;
    const close = bytes.indexOf(head_QUOTE, i + 1);
    if (close === -1 || close >= limit || close === i + 1)
        return undefined;
    return bytes.toString('latin1', i + 1, close);
}
/**
 * Whether `bytes` holds `text` at `at`, before `end` (a plain loop: these are a few bytes, too few for a native
 * call).
 */
function startsWith(bytes, at, text, end = bytes.length) {
    if (at < 0 || at + text.length > end)
        return false;
    for (let i = 0; i < text.length; i++)
        if (bytes[at + i] !== text[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./lib/scan/markers.js
// Byte-level tests of a record the scanner has not parsed: whether it may call a GitHub tool, whether a tool result
// says it failed. Each is a superset of what the parsed record would show (anything unclear counts), and reads the
// record with as few native searches as it can: these run on most of a transcript's records.

const latin1 = (text) => Buffer.from(text, 'latin1');
const NAME_KEY = latin1('name"');
const COMMAND_KEY = latin1('"command"');
const INPUT_KEY = latin1('"input"');
const IS_ERROR_KEY = latin1('"is_error"');
const MCP_GITHUB = latin1('mcp__github');
const BASH = latin1('Bash"');
const GIT = latin1('git');
const GH = latin1('gh');
const TRUE = latin1('true');
const GIT_PUSH_WRAPPER = latin1('scripts/git-push.sh');
const TOOL_RESULT = latin1('"tool_result"');
// Searched for from here: fewer false starts on its first byte than on a quote.
const TOOL_RESULT_TAIL = latin1('l_result"');
/** From this length on, a record's strings are stepped over (see countToolResults). */
const LONG_RECORD = 2048;
const markers_QUOTE = 0x22;
const markers_BACKSLASH = 0x5c;
const SPACE = 0x20;
const COLON = 0x3a;
const COMMA = 0x2c;
const markers_OPEN_BRACE = 0x7b;
/**
 * Whether an assistant record may call a GitHub tool as TranscriptScanner.rememberGitHubTools tells them: a tool
 * named `mcp__github…`, or `Bash` whose command starts with `git` or `gh`, or runs a `…/scripts/git-push.sh` (in
 * tag mode claude-code-action has Claude push through its wrapper, `$GITHUB_ACTION_PATH/scripts/git-push.sh`:
 * anthropics/claude-code-action, src/modes/tag/index.ts).
 */
function mayCallGitHub(bytes) {
    for (let at = bytes.indexOf(NAME_KEY); at !== -1; at = bytes.indexOf(NAME_KEY, at + 1)) {
        if (nameMayCallGitHub(bytes, at, 0, bytes.length))
            return true;
    }
    return false;
}
/** mayCallGitHub for the one `name"` at `at` in the record `bytes[start, end)`. */
function nameMayCallGitHub(bytes, at, start, end) {
    if (at <= start || bytes[at - 1] !== markers_QUOTE)
        return false;
    const value = valueAt(bytes, at + NAME_KEY.length, end);
    if (value === -1)
        return false;
    if (startsWith(bytes, value, MCP_GITHUB, end))
        return true;
    return (startsWith(bytes, value, BASH, end) &&
        mayBeGitHubCommand(bytes, commandAfter(bytes, value + BASH.length, end), end));
}
/**
 * Where the command's text begins in Claude's layout of a Bash call, `"name":"Bash","input":{"command":"…`, read
 * from after the name; -1 (may be anything) when the call is laid out otherwise.
 */
function commandAfter(bytes, from, end) {
    let i = skipSpace(bytes, from, end);
    if (i >= end || bytes[i] !== COMMA)
        return -1;
    i = skipSpace(bytes, i + 1, end);
    if (!startsWith(bytes, i, INPUT_KEY, end))
        return -1;
    i = valueStart(bytes, i + INPUT_KEY.length, end);
    if (i === -1 || i >= end || bytes[i] !== markers_OPEN_BRACE)
        return -1;
    i = skipSpace(bytes, i + 1, end);
    if (!startsWith(bytes, i, COMMAND_KEY, end))
        return -1;
    i = valueStart(bytes, i + COMMAND_KEY.length, end);
    return i !== -1 && i < end && bytes[i] === markers_QUOTE ? i + 1 : -1;
}
/** Whether the record says `"is_error": true` (any white space around the colon). */
function saysIsErrorTrue(bytes) {
    for (let at = bytes.indexOf(IS_ERROR_KEY); at !== -1; at = bytes.indexOf(IS_ERROR_KEY, at + 1)) {
        const colon = skipSpace(bytes, at + IS_ERROR_KEY.length);
        if (bytes[colon] === COLON && startsWith(bytes, skipSpace(bytes, colon + 1), TRUE))
            return true;
    }
    return false;
}
/** After a key's closing quote at `from`: where its string value's text begins, or -1 when it is no string. */
function valueAt(bytes, from, end) {
    const quote = valueStart(bytes, from, end);
    return quote !== -1 && quote < end && bytes[quote] === markers_QUOTE ? quote + 1 : -1;
}
/** After a key's closing quote at `from`: where its value begins (past the colon), or -1. */
function valueStart(bytes, from, end) {
    const colon = skipSpace(bytes, from, end);
    return colon < end && bytes[colon] === COLON ? skipSpace(bytes, colon + 1, end) : -1;
}
/**
 * A command's JSON text from `at` (-1: not found), before `end`: whether it may start with git or gh, or its first
 * word run the push wrapper.
 */
function mayBeGitHubCommand(bytes, at, end) {
    if (at === -1)
        return true;
    let i = at;
    while (i < end && bytes[i] === SPACE)
        i++;
    const first = i < end ? bytes[i] : undefined;
    // An escaped or non-ASCII character may be white space the command starts with: counted as may.
    if (first === undefined || first === markers_BACKSLASH || first >= 0x80)
        return true;
    if (startsWith(bytes, i, GIT, end) || startsWith(bytes, i, GH, end))
        return true;
    // The first word, up to a space or the string's end (an escaped quote is part of it).
    let wordEnd = i;
    while (wordEnd < end && bytes[wordEnd] !== SPACE) {
        if (bytes[wordEnd] === markers_QUOTE && bytes[wordEnd - 1] !== markers_BACKSLASH)
            break;
        wordEnd++;
    }
    for (let at = i; at + GIT_PUSH_WRAPPER.length <= wordEnd; at++) {
        if (startsWith(bytes, at, GIT_PUSH_WRAPPER, wordEnd))
            return true;
    }
    return false;
}
/**
 * How many times `"tool_result"` stands in a record: a tool result block's type, as TranscriptScanner counts tool
 * calls unparsed. In a long record (a tool's output) the strings are stepped over from quote to quote instead:
 * in JSON the text's last quote closes a string, so each time is a string ending in it.
 */
function countToolResults(bytes) {
    let n = 0;
    if (bytes.length < LONG_RECORD) {
        const lead = TOOL_RESULT.length - TOOL_RESULT_TAIL.length;
        for (let at = bytes.indexOf(TOOL_RESULT_TAIL, lead); at !== -1; at = bytes.indexOf(TOOL_RESULT_TAIL, at + 1)) {
            if (startsWith(bytes, at - lead, TOOL_RESULT))
                n++;
        }
        return n;
    }
    for (let open = bytes.indexOf(markers_QUOTE); open !== -1;) {
        let close = bytes.indexOf(markers_QUOTE, open + 1);
        while (close !== -1 && isEscaped(bytes, close))
            close = bytes.indexOf(markers_QUOTE, close + 1);
        if (close === -1)
            break;
        const start = close + 1 - TOOL_RESULT.length;
        if (start >= open && startsWith(bytes, start, TOOL_RESULT))
            n++;
        open = bytes.indexOf(markers_QUOTE, close + 1);
    }
    return n;
}
/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function isEscaped(bytes, at) {
    let slashes = 0;
    for (let i = at - 1; i >= 0 && bytes[i] === markers_BACKSLASH; i--)
        slashes++;
    return slashes % 2 === 1;
}

// EXTERNAL MODULE: ./lib/providers/shapes.js + 2 modules
var shapes = __webpack_require__(2306);
// EXTERNAL MODULE: ./lib/common/redact.js
var redact = __webpack_require__(6619);
;// CONCATENATED MODULE: ./lib/scan/text.js
// Plain-text logs (`claude -p … | tee log`, a job log, a wrapper's output) and the message strings of Claude's own
// API errors in JSON transcripts: the phrasings of the providers' tables (src/providers/failures.ts) count wherever
// they stand in a line, after any prefix (a logger's timestamp, `##[error]Error: `, indentation, `⎿`), and across a
// terminal's wrap (TextRecogniser joins a continuation line). A bare "401", a diff line (`+`, `-`, and ` ` once the
// text has shown a hunk), a phrasing inside a quoted string, a code comment or a regular-expression literal, or a
// grep hit in a source file does not: that is code quoting the words, not the CLI saying them.




// A GitHub job-log timestamp.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) /;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** A diff's added or removed line, or a hunk header: quoted code, never a failure. */
const DIFF_LINE = /^(?:[+-]|@@ )/;
/** A diff's context line: one space, then text. Without a hunk before it, the same line is an indented log line. */
const DIFF_CONTEXT_LINE = /^ \S/;
/** What shows the text holds a diff: a hunk header or git's diff header. */
const DIFF_START = /^(?:@@ -\d|diff --git )/;
/**
 * What may stand before a phrasing: nothing, or a prefix that ends in a symbol (`: `, `] `, `⎿ `, `· `, `| `), a
 * number (a logger's time), or a log level. Not a sentence's word ("… and API Error: 401 …" is Claude talking
 * about an error).
 */
const PREFIX_END = /(?:^|[^\sA-Za-z"'`“‘]|\b(?:ERROR|Error|error|WARN(?:ING)?|Warn(?:ing)?|warn(?:ing)?|FATAL|Fatal|fatal|INFO|DEBUG|debug))\s*$/;
/** A comment marker (`//`, `/*`, ` * `, `#`, `--`) or a regular expression's `/` just before the phrasing: code. */
const CODE_PREFIX_END = /(?:[/#*]|--)\s*$/;
/** grep's `path:line:` before a line of a source file: code, whatever it quotes. */
const SOURCE_GREP_HIT = /^[\w./-]*\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kts?|swift|c|h|cc|cpp|hpp|cs|php|sh|bash|zsh|ps1|ya?ml|toml|json|md):\d+:/;
/** A JSON string value's start: `{"message":"` (an error body another layer printed). */
const JSON_VALUE = /"\w+"\s*:\s*"$/;
/** A quote opened and not closed before the phrasing: it is inside a quoted string. */
const OPEN_QUOTE = /(?:^|[(=,[{]|[^:\s]\s)["'`][^"'`]*$/;
/** Cheap test before any regex: the words the phrasings need. */
const ANCHORS = [...new Set(PHRASINGS.map(phrasing => phrasing.anchor))];
/**
 * What the first phrasing found in `text` means: `{ verdict }` (undefined verdict: a phrasing that says it is not a
 * credential failure), or undefined when no phrasing stands in it.
 */
function readPhrasings(text) {
    if (!ANCHORS.some(anchor => text.includes(anchor)))
        return undefined;
    for (const phrasing of PHRASINGS) {
        if (!text.includes(phrasing.anchor))
            continue;
        const match = phrasing.pattern.exec(text);
        if (!match)
            continue;
        const before = text.slice(Math.max(0, match.index - 80), match.index);
        if (!phrasing.inSentence &&
            !(JSON_VALUE.test(before) ||
                (PREFIX_END.test(before) && !CODE_PREFIX_END.test(before) && !OPEN_QUOTE.test(before))))
            continue;
        const verdict = typeof phrasing.kind === 'function' ? phrasing.kind(match) : { kind: phrasing.kind };
        return { verdict };
    }
    return undefined;
}
/**
 * The kind of an API error Claude reported in a JSON transcript: its words first (a cloud's expiry inside an
 * `API Error: 403`, a usage limit, a missing login), then the API's status, type and Claude Code's category.
 */
function classifyApiMessage(signal) {
    const read = signal.message === undefined ? undefined : readPhrasings(signal.message);
    return read ? read.verdict?.kind : (0,anthropic_failures/* classifyApiError */.bl)(signal);
}
/** The kind Claude's own words in a result or message say, from the phrasings alone (no status to go by). */
function classifyMessageText(text) {
    return readPhrasings(text)?.verdict?.kind;
}
/** A log line without its colours, line end and job-log timestamp, and the time that timestamp gives. */
function readLogLine(raw) {
    const line = raw.replace(ANSI, '').replace(/\r$/, '');
    const stamp = TIMESTAMP.exec(line);
    if (!stamp)
        return { line };
    // The pattern admits dates no calendar has (month 13): such a prefix gives no time, never an exception.
    const ms = Date.parse(stamp[1] ?? '');
    const rest = line.slice(stamp[0].length);
    return Number.isFinite(ms) ? { line: rest, at: new Date(ms).toISOString() } : { line: rest };
}
/**
 * The credential failure a plain-text line reports, if it reports one. `inDiff`: the text has shown a diff before
 * this line, so a line that starts with one space is a diff's context line.
 */
function classifyTextLine(raw, inDiff = false) {
    if (!ANCHORS.some(anchor => raw.includes(anchor)))
        return undefined;
    const { line, at } = readLogLine(raw);
    if (DIFF_LINE.test(line) || (inDiff && DIFF_CONTEXT_LINE.test(line)))
        return undefined;
    if (SOURCE_GREP_HIT.test(line))
        return undefined;
    const verdict = readPhrasings(line)?.verdict;
    if (!verdict)
        return undefined;
    // Redacted before it is cut: a secret cut short no longer looks like one.
    const signal = {
        kind: verdict.kind,
        message: (0,shapes/* redactSecrets */.fp)((0,redact/* normaliseText */.af)(verdict.message ?? line.trim())).slice(0, 500)
    };
    if (verdict.status !== undefined)
        signal.status = verdict.status;
    if (at)
        signal.at = at;
    return signal;
}
/** A line this long that does not end a sentence may continue on the next line (a terminal's wrap). */
const WRAP_MIN_CHARS = 60;
const SENTENCE_END = /[.!?)\]}]\s*$/;
function mayContinue(line) {
    return line.length >= WRAP_MIN_CHARS && !SENTENCE_END.test(line);
}
/**
 * A continuation joined to its line: an indented continuation (Claude Code's own wrap keeps the indent) after one
 * space; a flush one (a terminal's hard wrap mid-word) as it is. A job log's timestamp before it is dropped.
 */
function joinWrapped(line, next) {
    const continuation = next.replace(TIMESTAMP, '');
    return /^\s/.test(continuation)
        ? `${line.trimEnd()} ${continuation.trimStart()}`
        : line + continuation;
}
/**
 * Plain-text lines in, failures out, one line behind: a line that may be wrapped waits for the next, and when the
 * next holds no phrasing of its own the two are read as one.
 */
class TextRecogniser {
    pending;
    inDiff = false;
    push(text, line) {
        if (!this.inDiff && (text.includes('@@') || text.includes('diff --git'))) {
            this.inDiff = DIFF_START.test(readLogLine(text).line);
        }
        const signal = classifyTextLine(text, this.inDiff);
        const previous = this.pending;
        this.pending = undefined;
        const out = [];
        if (previous) {
            const joined = signal === undefined && mayContinue(previous.text)
                ? classifyTextLine(joinWrapped(previous.text, text), this.inDiff)
                : undefined;
            const first = joined ?? previous.signal;
            if (first)
                out.push({ ...first, line: previous.line });
            if (joined)
                return out;
        }
        this.pending = { text, line, signal };
        return out;
    }
    /** The last line's failure, at the end of the input. */
    flush() {
        const previous = this.pending;
        this.pending = undefined;
        return previous?.signal ? [{ ...previous.signal, line: previous.line }] : [];
    }
}
/** Claude Code's Bash tool puts the exit code before a failed command's output. */
const EXIT_CODE_LINE = /^Exit code \d+\r?\n/;
/**
 * The line of a failed GitHub tool call's output (git, gh, the GitHub MCP server) that is GitHub's or git's own
 * refusal of the token, when the output starts with one: the first line (after the Bash tool's `Exit code N`), or
 * the line after git's `remote:` answer. Words further down (a pull request's body that `gh` printed, a diff) are
 * not GitHub speaking.
 */
function githubRefusal(output) {
    const lines = output.replace(EXIT_CODE_LINE, '').trimStart().split(/\r?\n/, 2);
    for (const line of lines) {
        if (classifyTextLine(line)?.kind === 'github-auth')
            return line.trim();
        if (isGitHubErrorJson(line))
            return line.trim();
        if (!line.startsWith('remote: '))
            break;
    }
    return undefined;
}
/** GitHub's REST error body: `{"message":"Bad credentials","documentation_url":"https://docs.github.com/…"}`. */
function isGitHubErrorJson(line) {
    return /^\{\s*"message"\s*:\s*"(?:Bad credentials|Requires authentication)"\s*,\s*"documentation_url"\s*:\s*"https:\/\/docs\.github\.com\//.test(line.trim());
}

;// CONCATENATED MODULE: ./lib/scan/usage.js
// A subscription's usage, from the `rate_limit_event` messages Claude Code writes to stream-json (and so to
// claude-code-action's execution file). Their `rate_limit_info` (the Agent SDK's SDKRateLimitEvent, read by the CLI
// from the API's `anthropic-ratelimit-unified-*` headers): `status`, `rateLimitType` (the window that binds),
// `resetsAt` (epoch seconds) and `unifiedWindows.five_hour` / `.seven_day` with `utilization` (a fraction, usually
// 0–1) and `resetsAt`. Pure; every value is checked, since the file is hostile.

const WINDOW_NAMES = new Set([
    'five_hour',
    'seven_day',
    'seven_day_opus',
    'seven_day_sonnet',
    'seven_day_overage_included',
    'overage'
]);
const STATUSES = new Set(['allowed', 'allowed_warning', 'rejected']);
/** A utilization past this is garbled: the CLI clamps the header to 0–1; a little over 1 is an overrun. */
const MAX_UTILIZATION = 10;
/** Epoch seconds a Date can show. */
const MAX_EPOCH_SECONDS = 8.64e12;
/** A `rate_limit_info` read into a snapshot; undefined when it says nothing usable. */
function usageSnapshot(info) {
    if (!isObject(info))
        return undefined;
    const snapshot = {};
    const windows = isObject(info.unifiedWindows) ? info.unifiedWindows : {};
    const fiveHour = usageWindow(windows.five_hour);
    const sevenDay = usageWindow(windows.seven_day);
    if (fiveHour)
        snapshot.fiveHour = fiveHour;
    if (sevenDay)
        snapshot.sevenDay = sevenDay;
    if (typeof info.rateLimitType === 'string' && WINDOW_NAMES.has(info.rateLimitType)) {
        snapshot.binding = info.rateLimitType;
    }
    if (typeof info.status === 'string' && STATUSES.has(info.status))
        snapshot.status = info.status;
    return Object.keys(snapshot).length > 0 ? snapshot : undefined;
}
/** `usage` with one more `rate_limit_info` read. */
function addUsage(usage, info) {
    const snapshot = usageSnapshot(info);
    if (!snapshot)
        return usage;
    return usage
        ? { first: usage.first, last: snapshot, events: usage.events + 1 }
        : { first: snapshot, last: snapshot, events: 1 };
}
/** One line for the log and the summary: each window at the start and the end of the run, and the binding one. */
function describeUsage(usage) {
    const parts = [];
    const windows = [
        ['5-hour', 'fiveHour'],
        ['weekly', 'sevenDay']
    ];
    for (const [label, key] of windows) {
        const first = usage.first[key];
        const last = usage.last[key];
        if (!first && !last)
            continue;
        const span = first && last && usage.events > 1
            ? `${percent(first.utilization)} at the start, ${percent(last.utilization)} at the end`
            : `${percent((last ?? first).utilization)}`;
        const resets = (last ?? first).resetsAt;
        parts.push(`${label} window ${span}${resets !== undefined ? ` (resets ${isoSeconds(resets * 1000)})` : ''}`);
    }
    const binding = usage.last.binding ?? usage.first.binding;
    if (binding)
        parts.push(`binding window: ${binding.replace(/_/g, '-')}`);
    if (usage.last.status && usage.last.status !== 'allowed')
        parts.push(`status ${usage.last.status}`);
    return parts.length > 0
        ? `subscription usage: ${parts.join('; ')}`
        : 'subscription usage: not given';
}
function usageWindow(value) {
    if (!isObject(value))
        return undefined;
    const { utilization, resetsAt } = value;
    if (typeof utilization !== 'number' || !Number.isFinite(utilization))
        return undefined;
    if (utilization < 0 || utilization > MAX_UTILIZATION)
        return undefined;
    const window = { utilization };
    if (typeof resetsAt === 'number' &&
        Number.isInteger(resetsAt) &&
        resetsAt > 0 &&
        resetsAt <= MAX_EPOCH_SECONDS) {
        window.resetsAt = resetsAt;
    }
    return window;
}
function percent(fraction) {
    return `${Math.round(fraction * 100)}%`;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./lib/scan/transcript.js
// Reads the records of one file (see split.ts) and finds the credential failures in them, with the run's
// timeline. Structural: in JSON only Claude's own API errors count (`system`/`api_retry` with `error_status`,
// assistant messages with `error` / `is_api_error_message` / `api_error_status`, `result` with
// `api_error_status`); text inside tool results, tool inputs, user messages or file contents never does.
// The one exception is narrow: a failed GitHub MCP tool call, or a failed `git push`/`gh` Bash call, whose
// result starts with GitHub's own "Bad credentials" / git's "Authentication failed" is the GitHub token.
// Pure: no I/O. Fast: records that cannot hold an error are only glanced at (their head), never parsed.









/**
 * Whether a finding makes the run a failed one: not when the run got past it (`recovered`), nor when its kind is a
 * warning (a usage limit).
 */
function failsTheRun(finding) {
    return !finding.recovered && !isWarningKind(finding.kind);
}
/** Findings kept whole per file and per scan; a flood past it is counted, not held (nor reported one by one). */
const MAX_KEPT_FINDINGS = 200;
/**
 * Items in bounded memory, whatever a file holds: the first `limit`, the first of each kind met after them,
 * and the last; the others only counted.
 */
class FindingTally {
    limit;
    kept = [];
    kinds = new Set();
    last;
    omittedCount = 0;
    omittedFailingCount = 0;
    constructor(limit = MAX_KEPT_FINDINGS) {
        this.limit = limit;
    }
    add(item) {
        if (this.kept.length < this.limit || !this.kinds.has(item.kind)) {
            this.kinds.add(item.kind);
            this.kept.push(item);
            return;
        }
        if (this.last !== undefined) {
            this.omittedCount++;
            if (failsTheRun(this.last))
                this.omittedFailingCount++;
        }
        this.last = item;
    }
    /** Counts items dropped elsewhere (a file's own tally), `failing` of them failing the run. */
    addOmitted(count, failing) {
        this.omittedCount += count;
        this.omittedFailingCount += failing;
    }
    /** The items kept, in the order added. */
    items() {
        return this.last === undefined ? this.kept.slice() : this.kept.concat([this.last]);
    }
    get omitted() {
        return this.omittedCount;
    }
    get omittedFailing() {
        return this.omittedFailingCount;
    }
    /** Every item seen, kept or not, that fails the run. */
    get failing() {
        return this.items().filter(failsTheRun).length + this.omittedFailingCount;
    }
    /** Every item seen, kept or not. */
    get total() {
        return this.kept.length + (this.last === undefined ? 0 : 1) + this.omittedCount;
    }
}
/** Several files' scans in one tally, and how many of their failures were older than the scans' `since`. */
function tallyScans(scans) {
    const tally = new FindingTally();
    let older = 0;
    for (const scan of scans) {
        for (const finding of scan.findings)
            tally.add(finding);
        tally.addOmitted(scan.omitted, scan.omittedFailing);
        older += scan.older;
    }
    return { tally, older };
}
const needle = (text) => Buffer.from(text, 'latin1');
// 'rror' finds every 'error' (and is quicker to search for: its first letter is rarer).
const ERROR = needle('rror');
const MARKERS = [
    needle('error_status'),
    needle('is_api_error_message'),
    needle('"error"'),
    needle('total_cost_usd')
];
const TOTAL_COST = needle('total_cost_usd');
/**
 * Claude's own head of a message up to its type, and what follows the type of an assistant message, up to its id,
 * and of a user message; the same as an element of claude-code-action's execution file has them
 * (`JSON.stringify(messages, null, 2)`, PRETTY_…).
 */
const TYPE_HEAD = needle('{"type":"');
const ASSISTANT_HEAD = needle('assistant","message":{"id":"');
const PRETTY_TYPE_HEAD = needle('{\n    "type": "');
const PRETTY_ASSISTANT_HEAD = needle('assistant",\n    "message": {\n      "id": "');
const USER_HEAD = needle('user"');
/** A pretty element's head stands this far after the close line before it (`\n  },\n  {`): newlines.ts, $head. */
const PRETTY_HEAD_AFTER = 8;
/** How far the head's message id is looked for (head.ts: ID_WINDOW). */
const transcript_ID_WINDOW = 512;
/** Where `"tool_result"` begins before its TOOL_RESULT_MARK. */
const TOOL_RESULT_LEAD = 4;
const transcript_TIMESTAMP = needle('"timestamp"');
const HEAD_MESSAGE_ID = /"message"\s*:\s*\{[^{}]*?"id"\s*:\s*"([^"]+)"/;
const TS_VALUE = /^"timestamp"\s*:\s*"([^"]{10,40})"/;
/** A retry delay past this (ms) is garbled: Claude Code backs off for seconds, not hours. It counts as none. */
const MAX_RETRY_DELAY_MS = 3_600_000;
/** A run's `duration_ms` past this is garbled: GitHub stops a workflow run after 35 days. */
const MAX_RUN_MS = 35 * 86_400_000;
/** A run's `total_cost_usd` past this is garbled. */
const MAX_COST_USD = 1_000_000;
/** Tool uses whose results may be the GitHub token failing; bounded. */
const MAX_PENDING_TOOLS = 256;
/** Session ids kept per file: a file holds one run, or a few; more is a flood. */
const MAX_SESSION_IDS = 64;
class transcript_TranscriptScanner {
    file;
    since;
    episodes = new FindingTally();
    open;
    run = newRun();
    githubTools = new Map();
    older = 0;
    lines = new TextRecogniser();
    sessions = new Set();
    usage;
    stats = { records: 0, textLines: 0, overflow: 0, truncated: false };
    /**
     * Records glanced at in the current chunk whose times are not read yet: `chunk[timesFrom, timesTo)`. Only the
     * last time in it counts (a transcript's times only go forward), read when something needs the run's times.
     */
    timesChunk;
    timesFrom = 0;
    timesTo = 0;
    /** `since` (epoch ms): failures known to have happened before it are an earlier run's, only counted. */
    constructor(file, since) {
        this.file = file;
        this.since = since;
    }
    /**
     * One record from the splitter. Never throws on any input: every time and number read is checked before it is
     * used (a date no calendar has, a garbled delay or duration is left out, not turned into an exception).
     */
    record(record) {
        this.readTimes();
        if (record.truncated)
            this.stats.truncated = true;
        if (record.overflow)
            this.stats.overflow++;
        if (record.type === 'text') {
            this.stats.textLines++;
            this.text(record.bytes.toString('utf8'), record.line);
            return;
        }
        this.stats.records++;
        const bytes = record.bytes;
        const head = readHead(bytes, 0, bytes.length);
        if (!record.overflow && this.isCandidate(bytes, head)) {
            let message;
            try {
                message = JSON.parse(bytes.toString('utf8'));
            }
            catch {
                // A line that only looks like JSON may still be a plain log line.
                if (bytes.length < 8192)
                    this.text(bytes.toString('utf8'), record.line);
                return;
            }
            if (message && typeof message === 'object' && !Array.isArray(message)) {
                this.message(message, record.line);
            }
            return;
        }
        // A record the file ends inside is no turn that went through.
        if (!record.truncated && head) {
            const ts = this.timestampOf(bytes);
            if (head.type === 'system' && head.subtype === 'init')
                this.startRun();
            else
                this.countUnparsed(bytes, head, ts);
        }
    }
    /**
     * RecordSink: a whole JSON record in the chunk. Taken when it cannot hold an error: its turns and tool calls are
     * counted, and its time is left for readTimes. Anything else goes on to `record`.
     */
    glance(chunk, start, end, marks) {
        if (marks && this.run.firstTs !== undefined) {
            const taken = this.glanceMarked(chunk, start, end, marks);
            if (taken !== undefined)
                return taken;
        }
        const head = readHead(chunk, start, end);
        if (!head)
            return false;
        const bytes = chunk.subarray(start, end);
        if (this.isCandidate(bytes, head))
            return false;
        this.stats.records++;
        if (this.run.firstTs === undefined) {
            // A run's first time is read at once (nothing waits in readTimes then: it waits only once a run has one).
            this.countUnparsed(bytes, head, this.timestampOf(bytes));
            return true;
        }
        if (this.timesChunk !== chunk) {
            this.readTimes();
            this.timesChunk = chunk;
            this.timesFrom = start;
        }
        this.timesTo = end;
        this.countUnparsed(bytes, head, undefined);
        return true;
    }
    /**
     * glance for Claude's own layout of assistant and user messages, from the markers the splitter found (no search
     * of its own, no head object, the message id compared where it lies): the same decision as glance's, or
     * undefined when only glance can tell.
     */
    glanceMarked(chunk, start, end, marks) {
        const events = marks.events;
        let id = -1;
        let idEnd = -1;
        const pretty = chunk[start + 1] === 0x0a;
        const typeHead = pretty ? PRETTY_TYPE_HEAD : TYPE_HEAD;
        const type = start + typeHead.length;
        const assistantHead = pretty ? PRETTY_ASSISTANT_HEAD : ASSISTANT_HEAD;
        let assistant;
        // The pass compared the head already when it flagged the newline (or close line) right before the record.
        const before = marks.from > 0 ? events[marks.from - 1] : 0;
        if ((before & CLAUDE_HEAD) !== 0 &&
            (before >>> OFFSET_SHIFT) + (pretty ? PRETTY_HEAD_AFTER : 1) === start) {
            assistant = chunk[type] === ASSISTANT_HEAD[0];
        }
        else if (!startsWith(chunk, start, typeHead, end)) {
            return undefined;
        }
        else if (startsWith(chunk, type, assistantHead, end)) {
            assistant = true;
        }
        else if (startsWith(chunk, type, USER_HEAD, end)) {
            assistant = false;
        }
        else {
            return undefined;
        }
        if (assistant) {
            id = type + assistantHead.length;
            idEnd = id;
            const limit = Math.min(end, start + transcript_ID_WINDOW);
            while (idEnd < limit && chunk[idEnd] !== 0x22)
                idEnd++;
            if (idEnd === limit || idEnd === id)
                return undefined;
            for (let e = marks.from; e < marks.to; e++) {
                const event = events[e];
                const kind = event & KIND;
                if (kind === ERROR_MARK)
                    return undefined;
                if (kind === NAME_MARK &&
                    nameMayCallGitHub(chunk, (event >>> OFFSET_SHIFT) - 1, start, end))
                    return false;
            }
        }
        else if (this.githubTools.size > 0) {
            return undefined;
        }
        this.stats.records++;
        if (this.timesChunk !== chunk) {
            this.readTimes();
            this.timesChunk = chunk;
            this.timesFrom = start;
        }
        this.timesTo = end;
        if (id !== -1) {
            this.successfulTurnAt(chunk, id, idEnd);
            return true;
        }
        let results = 0;
        if (end - start < LONG_RECORD) {
            for (let e = marks.from; e < marks.to; e++) {
                const event = events[e];
                if ((event & KIND) !== TOOL_RESULT_MARK)
                    continue;
                if (startsWith(chunk, (event >>> OFFSET_SHIFT) - TOOL_RESULT_LEAD, TOOL_RESULT, end))
                    results++;
            }
        }
        else {
            results = countToolResults(chunk.subarray(start, end));
        }
        this.run.toolCalls += results;
        this.run.seen = true;
        this.run.messages = true;
        return true;
    }
    /** RecordSink: the chunk's bytes are about to change. */
    chunkDone() {
        this.readTimes();
    }
    /** The findings, with times settled now that the runs' durations are known. */
    finish() {
        this.readTimes();
        for (const signal of this.lines.flush())
            this.textSignal(signal, signal.line);
        this.close();
        return {
            file: this.file,
            findings: this.episodes.items().map(episode => this.toFinding(episode)),
            omitted: this.episodes.omitted,
            omittedFailing: this.episodes.omittedFailing,
            older: this.older,
            sessions: [...this.sessions],
            ...(this.usage && { usage: this.usage }),
            stats: this.stats
        };
    }
    /**
     * Whether a record must be parsed. Decided from its head (the `type` Claude writes first) and a few native
     * substring searches, so that the bulk of a transcript (tool results) is never decoded or parsed.
     */
    isCandidate(bytes, head) {
        // Key order other than Claude's own (its `result` starts elsewhere): parse small records to be sure.
        if (!head)
            return bytes.length < 65536 || bytes.indexOf(TOTAL_COST) !== -1;
        switch (head.type) {
            case 'user':
                // User messages never hold Claude's API errors; only a failed GitHub tool call is looked at.
                return this.githubTools.size > 0 && saysIsErrorTrue(bytes);
            case 'assistant':
                if (bytes.indexOf(ERROR) !== -1) {
                    for (const marker of MARKERS)
                        if (bytes.indexOf(marker) !== -1)
                            return true;
                }
                return mayCallGitHub(bytes);
            case 'system':
                return (head.subtype === 'init' || head.subtype === 'api_retry' || head.subtype === 'api_error');
            case 'result':
            case 'rate_limit_event':
                return true;
            default:
                return false;
        }
    }
    /** A record that cannot hold an error: count its turn or tool calls, and its time (`ts`) when read already. */
    countUnparsed(bytes, head, ts) {
        if (ts !== undefined)
            this.seeTime(ts);
        if (head.type === 'assistant') {
            this.successfulTurn(head.messageId ?? messageIdOf(bytes));
        }
        else if (head.type === 'user') {
            this.run.toolCalls += countToolResults(bytes);
            this.run.seen = true;
            this.run.messages = true;
        }
    }
    /** The last time of the records glanced at and not read yet (see `timesChunk`). */
    readTimes() {
        const chunk = this.timesChunk;
        if (!chunk)
            return;
        this.timesChunk = undefined;
        if (this.timesTo - transcript_TIMESTAMP.length < this.timesFrom)
            return;
        let at = chunk.lastIndexOf(transcript_TIMESTAMP, this.timesTo - transcript_TIMESTAMP.length);
        while (at >= this.timesFrom) {
            const ts = timestampAt(chunk, at, this.timesTo);
            if (ts !== undefined) {
                this.seeTime(ts);
                return;
            }
            if (at === 0)
                return;
            at = chunk.lastIndexOf(transcript_TIMESTAMP, at - 1);
        }
    }
    timestampOf(bytes) {
        const at = bytes.lastIndexOf(transcript_TIMESTAMP);
        return at === -1 ? undefined : timestampAt(bytes, at, bytes.length);
    }
    message(m, line) {
        const type = m.type;
        const ts = typeof m.timestamp === 'string' ? Date.parse(m.timestamp) : NaN;
        const time = Number.isFinite(ts) ? ts : undefined;
        if (type === 'system') {
            if (m.subtype === 'init')
                return this.startRun(m.session_id);
            // `api_retry` in stream-json; `api_error` in the session transcript Claude Code keeps under ~/.claude/projects.
            const retry = m.subtype === 'api_retry' ? m : m.subtype === 'api_error' ? sessionRetry(m) : undefined;
            if (retry) {
                const status = typeof retry.error_status === 'number' ? retry.error_status : undefined;
                if (status === undefined)
                    return;
                // Only the session transcript's `api_error` carries the API's words: they settle the kind.
                const message = str(retry.message);
                const kind = (0,anthropic_failures/* classifyApiError */.bl)({ status, category: str(retry.error), message });
                if (!kind || !(0,anthropic_failures/* isCredentialStatus */.oq)(status))
                    return;
                const delay = bounded(retry.retry_delay_ms, MAX_RETRY_DELAY_MS) ?? 0;
                this.signal({
                    kind,
                    status,
                    message,
                    line,
                    source: 'api',
                    provisional: message === undefined,
                    retry: true,
                    delay,
                    time
                });
            }
            return;
        }
        if (type === 'rate_limit_event') {
            this.usage = addUsage(this.usage, m.rate_limit_info);
            return;
        }
        if (type === 'assistant') {
            // The session transcript spells the error fields in camelCase.
            const apiStatus = m.api_error_status ?? m.apiErrorStatus;
            const isError = m.is_api_error_message === true ||
                m.isApiErrorMessage === true ||
                typeof m.error === 'string' ||
                typeof apiStatus === 'number';
            if (isError) {
                if (time !== undefined)
                    this.seeTime(time);
                const status = typeof apiStatus === 'number' ? apiStatus : undefined;
                const message = contentText(m.message);
                const kind = classifyApiMessage({
                    status,
                    type: str(m.api_error_type ?? m.apiErrorType),
                    category: str(m.error),
                    message
                });
                if (!kind)
                    return;
                this.signal({ kind, status, message, line, source: 'api', provisional: false, time });
                return;
            }
            if (time !== undefined)
                this.seeTime(time);
            const inner = m.message;
            if (inner?.model === '<synthetic>')
                return;
            this.successfulTurn(typeof inner?.id === 'string' ? inner.id : undefined);
            this.rememberGitHubTools(inner);
            return;
        }
        if (type === 'user') {
            if (time !== undefined)
                this.seeTime(time);
            this.run.seen = true;
            this.run.messages = true;
            const content = m.message?.content;
            if (!Array.isArray(content))
                return;
            for (const block of content) {
                if (!block || block.type !== 'tool_result')
                    continue;
                this.githubToolResult(block, line, time);
                this.run.toolCalls++;
            }
            return;
        }
        if (type === 'result') {
            const durationMs = bounded(m.duration_ms, MAX_RUN_MS);
            if (durationMs !== undefined)
                this.run.durationMs = durationMs;
            const costUsd = bounded(m.total_cost_usd, MAX_COST_USD);
            if (costUsd !== undefined)
                this.run.costUsd = costUsd;
            if (typeof m.session_id === 'string') {
                this.run.sessionId ??= m.session_id;
                this.noteSession(m.session_id);
            }
            this.run.seen = true;
            const message = typeof m.result === 'string' ? m.result : undefined;
            // `--output-format json` gives some failures no status ("OAuth session expired and could not be refreshed",
            // "Not logged in"): then Claude's words alone decide.
            const status = typeof m.api_error_status === 'number' ? m.api_error_status : undefined;
            const kind = status !== undefined
                ? classifyApiMessage({ status, type: str(m.api_error_type), message })
                : m.is_error === true && message !== undefined
                    ? classifyMessageText(message)
                    : undefined;
            if (kind) {
                this.signal({ kind, status, message, line, source: 'api', provisional: false, time });
            }
            // A result ends the run's episode.
            this.close();
        }
    }
    /** A failed GitHub tool call whose result carries GitHub's or git's own refusal: the GitHub token. */
    githubToolResult(block, line, time) {
        const id = str(block.tool_use_id);
        const tool = id ? this.githubTools.get(id) : undefined;
        if (!id || !tool)
            return;
        this.githubTools.delete(id);
        if (block.is_error !== true)
            return;
        const text = resultText(block.content);
        const refusal = githubRefusal(text);
        if (refusal === undefined)
            return;
        this.signal({
            kind: 'github-auth',
            status: 401,
            message: `${tool}: ${(0,shapes/* redactSecrets */.fp)(refusal).slice(0, 300)}`,
            line,
            source: 'tool',
            provisional: false,
            time,
            // A tool failing does not end the model's turn: keep it apart from an API episode.
            separate: true
        });
    }
    rememberGitHubTools(message) {
        const content = message?.content;
        if (!Array.isArray(content))
            return;
        for (const block of content) {
            if (!block || block.type !== 'tool_use' || typeof block.id !== 'string')
                continue;
            const name = str(block.name) ?? '';
            const command = str(block.input?.command) ?? '';
            const github = name.startsWith('mcp__github') ||
                (name === 'Bash' &&
                    /^\s*(?:git\s+(?:push|fetch|pull|clone|ls-remote)\b|gh\s|\S*\/scripts\/git-push\.sh\b)/.test(command));
            if (!github)
                continue;
            if (this.githubTools.size >= MAX_PENDING_TOOLS) {
                const oldest = this.githubTools.keys().next().value;
                if (oldest !== undefined)
                    this.githubTools.delete(oldest);
            }
            this.githubTools.set(block.id, 
            // Redacted before it is cut: a token cut short (`-H "Authorization: token ghp_…"`) no longer looks like one.
            name === 'Bash' ? `git/gh (${(0,shapes/* redactSecrets */.fp)(command.trim()).slice(0, 60)})` : name);
        }
    }
    text(line, lineNumber) {
        for (const signal of this.lines.push(line, lineNumber))
            this.textSignal(signal, signal.line);
    }
    textSignal(signal, lineNumber) {
        const time = signal.at ? Date.parse(signal.at) : undefined;
        // Plain text has no structure to group retries: the same words again are the same failure.
        const open = this.open;
        if (open &&
            open.source === 'text' &&
            open.kind === signal.kind &&
            open.message === signal.message) {
            open.occurrences++;
            return;
        }
        this.signal({
            kind: signal.kind,
            status: signal.status,
            message: signal.message,
            line: lineNumber,
            source: 'text',
            provisional: false,
            time,
            separate: true
        });
    }
    signal(s) {
        let episode = this.open;
        const compatible = episode !== undefined &&
            !s.separate &&
            episode.source === s.source &&
            (episode.status === undefined || s.status === undefined || episode.status === s.status) &&
            (episode.provisional || s.provisional || episode.kind === s.kind || s.message === undefined);
        if (!compatible) {
            this.close();
            episode = {
                run: this.run,
                kind: s.kind,
                provisional: s.provisional,
                line: s.line,
                source: s.source,
                delayBeforeTs: 0,
                retries: 0,
                occurrences: 1
            };
            if (s.status !== undefined)
                episode.status = s.status;
            if (s.source !== 'text' && this.run.messages) {
                episode.turnsBefore = this.run.turns;
                episode.toolCallsBefore = this.run.toolCalls;
            }
            if (this.run.lastTs !== undefined)
                episode.lastTsBefore = this.run.lastTs;
            this.open = episode;
        }
        const e = episode;
        if (s.retry) {
            e.retries++;
            if (e.at === undefined)
                e.delayBeforeTs += s.delay ?? 0;
        }
        if (s.time !== undefined && e.at === undefined) {
            // The first failure came before this message by the retry delays spent since.
            let at = s.time - e.delayBeforeTs;
            if (e.lastTsBefore !== undefined && at < e.lastTsBefore)
                at = e.lastTsBefore;
            e.at = at;
        }
        if (s.message !== undefined && (e.message === undefined || e.provisional)) {
            e.message = s.message;
        }
        if (!s.provisional && e.provisional) {
            e.kind = s.kind;
            e.provisional = false;
        }
        if (e.status === undefined && s.status !== undefined)
            e.status = s.status;
        if (s.separate)
            this.close();
    }
    close() {
        const episode = this.open;
        this.open = undefined;
        if (!episode)
            return;
        const at = episode.at ?? episode.lastTsBefore;
        if (this.since !== undefined && at !== undefined && at < this.since)
            this.older++;
        else
            this.episodes.add(episode);
    }
    successfulTurn(id) {
        this.turnSeen();
        if (id === undefined || !this.run.lastAssistantId.repeats(id))
            this.run.turns++;
    }
    /** successfulTurn for the message id `bytes[from, to)` (latin1). */
    successfulTurnAt(bytes, from, to) {
        this.turnSeen();
        if (!this.run.lastAssistantId.repeatsBytes(bytes, from, to))
            this.run.turns++;
    }
    turnSeen() {
        // A model turn after a failure: the run got past it.
        if (this.open)
            this.open.recovered = true;
        this.close();
        this.run.seen = true;
        this.run.messages = true;
    }
    seeTime(ms) {
        this.run.firstTs ??= ms;
        if (this.run.lastTs === undefined || ms > this.run.lastTs)
            this.run.lastTs = ms;
    }
    startRun(sessionId) {
        this.close();
        if (this.run.seen)
            this.run = newRun();
        if (typeof sessionId === 'string') {
            this.run.sessionId = sessionId;
            this.noteSession(sessionId);
        }
        this.run.seen = true;
        this.run.messages = true;
    }
    noteSession(id) {
        if (this.sessions.size < MAX_SESSION_IDS)
            this.sessions.add(id.slice(0, 200));
    }
    toFinding(e) {
        const run = e.run;
        const finding = {
            kind: e.kind,
            file: this.file,
            line: e.line,
            message: (0,shapes/* redactSecrets */.fp)(e.message ?? describeStatus(e.status, e.recovered)),
            source: e.source,
            retries: e.retries,
            occurrences: e.occurrences
        };
        if (e.status !== undefined)
            finding.status = e.status;
        const at = e.at ?? e.lastTsBefore;
        const atIso = isoOf(at);
        if (atIso !== undefined)
            finding.at = atIso;
        if (e.turnsBefore !== undefined)
            finding.turnsBefore = e.turnsBefore;
        if (e.toolCallsBefore !== undefined)
            finding.toolCallsBefore = e.toolCallsBefore;
        let start = run.firstTs;
        if (run.durationMs !== undefined && run.lastTs !== undefined) {
            const fromEnd = run.lastTs - run.durationMs;
            if (start === undefined || fromEnd < start)
                start = fromEnd;
        }
        const startIso = isoOf(start);
        if (start !== undefined && startIso !== undefined && e.source !== 'text') {
            finding.runStartedAt = startIso;
            if (at !== undefined && atIso !== undefined) {
                finding.secondsIntoRun = Math.max(0, Math.round((at - start) / 1000));
            }
        }
        if (run.durationMs !== undefined)
            finding.runDurationMs = run.durationMs;
        if (run.costUsd !== undefined)
            finding.costUsd = run.costUsd;
        if (run.sessionId !== undefined)
            finding.sessionId = run.sessionId;
        if (e.recovered)
            finding.recovered = true;
        return finding;
    }
}
/**
 * A session transcript's `api_error` (`error.status`, `retryInMs`, the API's words in `error.formatted`, e.g.
 * "401 OAuth token has expired. …") in the shape of stream-json's `api_retry`.
 */
function sessionRetry(m) {
    const error = m.error && typeof m.error === 'object' ? m.error : {};
    return { error_status: error.status, retry_delay_ms: m.retryInMs, message: error.formatted };
}
function newRun() {
    return { turns: 0, toolCalls: 0, seen: false, messages: false, lastAssistantId: new LastId() };
}
/** Longest id held as bytes; a longer one is held as text. */
const HELD_ID_BYTES = 128;
/**
 * A run's last assistant message id: a turn is counted when the id changes (a message's blocks come as several
 * records with one id). An id glanced at is held as its bytes (latin1, as head.ts reads it), not as a string.
 */
class LastId {
    text;
    held = Buffer.alloc(HELD_ID_BYTES);
    /** The id is `held[0, heldLength)` when not negative. */
    heldLength = -1;
    /** Whether `id` is the last id; it becomes the last. */
    repeats(id) {
        const same = this.heldLength >= 0 ? this.heldIs(id) : this.text !== undefined && this.text === id;
        this.text = id;
        this.heldLength = -1;
        return same;
    }
    /** `repeats` for the id `bytes[from, to)`. */
    repeatsBytes(bytes, from, to) {
        const length = to - from;
        let same;
        if (length > HELD_ID_BYTES) {
            const text = bytes.toString('latin1', from, to);
            same = this.heldLength === -1 && this.text === text;
            this.text = text;
            this.heldLength = -1;
            return same;
        }
        const held = this.held;
        if (this.heldLength >= 0) {
            same = length === this.heldLength;
            // Compared and copied in one loop (Buffer.copy of a range makes a view each time).
            for (let i = 0; i < length; i++) {
                const byte = bytes[from + i];
                if (byte !== held[i]) {
                    same = false;
                    held[i] = byte;
                }
            }
        }
        else {
            const text = this.text;
            same = text !== undefined && text.length === length;
            for (let i = 0; i < length; i++) {
                const byte = bytes[from + i];
                if (byte !== text?.charCodeAt(i))
                    same = false;
                held[i] = byte;
            }
        }
        this.heldLength = length;
        return same;
    }
    heldIs(id) {
        if (id.length !== this.heldLength)
            return false;
        for (let i = 0; i < id.length; i++)
            if (id.charCodeAt(i) !== this.held[i])
                return false;
        return true;
    }
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
function contentText(message) {
    const content = message?.content;
    if (typeof content === 'string')
        return content;
    if (!Array.isArray(content))
        return undefined;
    const texts = content
        .filter(block => block && block.type === 'text' && typeof block.text === 'string')
        .map(block => block.text);
    return texts.length > 0 ? texts.join(' ') : undefined;
}
/** The text of a tool result, redacted, then cut to its first 20,000 characters. */
function resultText(content) {
    const text = typeof content === 'string'
        ? content
        : Array.isArray(content)
            ? content
                .map(block => (block && typeof block.text === 'string' ? block.text : ''))
                .join('\n')
            : '';
    return (0,shapes/* redactSecrets */.fp)(text).slice(0, 20000);
}
/** A non-negative number up to `max`; anything else (garbled, negative, huge, not a number) is undefined. */
function bounded(value, max) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
        ? value
        : undefined;
}
/** ISO 8601 of epoch ms, or undefined when no Date can show it. */
function isoOf(ms) {
    return ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS
        ? new Date(ms).toISOString()
        : undefined;
}
function describeStatus(status, recovered) {
    if (status === undefined)
        return 'The API refused the credential.';
    return recovered
        ? `The API answered ${status}; a retry went through.`
        : `The API answered ${status}; the run ended before Claude said why.`;
}
/** The time of the `"timestamp"` key at `at`, its value read no further than `end`. */
function timestampAt(bytes, at, end) {
    const match = TS_VALUE.exec(bytes.toString('latin1', at, Math.min(end, at + 64)));
    if (!match)
        return undefined;
    const ms = Date.parse(match[1] ?? '');
    return Number.isFinite(ms) ? ms : undefined;
}
/** An assistant message's id where the head does not start with it. */
function messageIdOf(bytes) {
    return HEAD_MESSAGE_ID.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 512)))?.[1];
}

;// CONCATENATED MODULE: ./lib/scan/read.js
// The scanner's only I/O: expands the `claude-output` paths and globs, admits only regular files whose real path
// lies where the caller allows, and streams each through the splitter and the transcript scanner in fixed-size
// chunks (constant memory, whatever the file's size), within a byte cap per file and in total and a time budget.







const CHUNK_BYTES = 1024 * 1024;
const DEFAULT_LIMITS = {
    fileBytes: 2 * 1024 ** 3,
    totalBytes: 8 * 1024 ** 3,
    budgetMs: 180_000,
    now: () => performance.now()
};
/**
 * Scans the expanded files in order; failures that happened before `since` (epoch ms), when given, are counted as
 * older, not found (TranscriptScanner). `continues` goes on from an earlier scan in the same caps: the bytes it read
 * and the time (limits.now) it started. A file is read only when its real path lies under one of `roots` or under
 * its pattern's own directory, and it is a regular file: it is opened without following a last symlink and
 * without blocking (a FIFO or a device never hangs the scan), then checked on the open descriptor.
 */
async function scanFiles(files, roots, options = {}) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const deadline = (options.continues?.startedAt ?? limits.now()) + limits.budgetMs;
    const realRoots = await Promise.all(roots.map(realOrResolved));
    const set = { scans: [], refused: [], partial: [], bytes: 0 };
    let bytesLeft = limits.totalBytes - (options.continues?.bytes ?? 0);
    for (const [index, candidate] of files.entries()) {
        const label = candidate.path;
        if (limits.now() >= deadline || bytesLeft <= 0) {
            const why = bytesLeft <= 0
                ? `the scan's total byte cap (${mib(limits.totalBytes)})`
                : "the scan's time budget";
            for (const rest of files.slice(index)) {
                set.refused.push({ file: rest.path, reason: `not read: ${why} was used up` });
            }
            break;
        }
        let source;
        try {
            source = candidate.source ?? fileSource(await openAdmitted(candidate, realRoots));
        }
        catch (error) {
            set.refused.push({ file: label, reason: (0,errors/* reasonOf */.A3)(error) });
            continue;
        }
        try {
            const cap = Math.min(limits.fileBytes, bytesLeft);
            const read = await scanSource(source, candidate.path, cap, deadline, limits.now, options.split, options.since);
            bytesLeft -= read.bytes;
            set.bytes += read.bytes;
            set.scans.push(read.scan);
            if (read.stopped === 'bytes') {
                const which = cap === limits.fileBytes ? 'per file' : 'for all files';
                set.partial.push({
                    file: label,
                    reason: `read only its first ${mib(read.bytes)}: the scan's byte cap ${which}`
                });
            }
            else if (read.stopped === 'time') {
                set.partial.push({
                    file: label,
                    reason: `read only its first ${mib(read.bytes)}: the scan's time budget ran out`
                });
            }
        }
        catch (error) {
            set.refused.push({ file: label, reason: (0,errors/* reasonOf */.A3)(error) });
        }
        finally {
            await source.close().catch(() => undefined);
        }
    }
    return set;
}
/** Opens a candidate after checking where its real path lies. */
async function openAdmitted(candidate, roots) {
    const real = await (0,promises_.realpath)(candidate.path);
    const allowed = [...roots, candidate.base];
    if (!allowed.some(root => isWithin(real, root))) {
        throw new Error(`refused: its real path ${real} lies outside the workspace, RUNNER_TEMP and the pattern's own directory (a symlink out of them?)`);
    }
    return openRegular(real);
}
function fileSource(handle) {
    return {
        read: async (buffer, length) => (await handle.read(buffer, 0, length, null)).bytesRead,
        close: () => handle.close()
    };
}
async function scanSource(source, label, cap, deadline, now, split = {}, since) {
    const scanner = new transcript_TranscriptScanner(label, since);
    const splitter = new split_RecordSplitter(scanner, split);
    // Two buffers: the next chunk is read while the splitter goes through this one; in WebAssembly memory when free,
    // so that the splitter's pass over a chunk (newlines.ts) reads it where it lies.
    const inMemory = takeChunkBuffers(CHUNK_BYTES);
    let [filling, spare] = inMemory ?? [
        Buffer.allocUnsafe(CHUNK_BYTES),
        Buffer.allocUnsafe(CHUNK_BYTES)
    ];
    let bytes = 0;
    let stopped;
    /** A read not awaited yet: it may still write into a buffer. */
    let inFlight;
    const readNext = () => (inFlight = source.read(filling, Math.min(CHUNK_BYTES, cap - bytes)));
    try {
        let reading = bytes < cap && now() < deadline ? readNext() : undefined;
        for (;;) {
            if (reading === undefined) {
                // One byte more tells a file of exactly `cap` bytes from a longer one.
                if (bytes >= cap) {
                    if ((await source.read(filling, 1)) > 0)
                        stopped = 'bytes';
                }
                else {
                    stopped = 'time';
                }
                break;
            }
            const bytesRead = await reading;
            inFlight = undefined;
            if (bytesRead === 0)
                break;
            bytes += bytesRead;
            const chunk = filling.subarray(0, bytesRead);
            [filling, spare] = [spare, filling];
            reading = bytes < cap && now() < deadline ? readNext() : undefined;
            splitter.push(chunk);
        }
    }
    finally {
        if (inMemory) {
            if (inFlight)
                void inFlight.catch(() => 0).then(giveBackChunkBuffers);
            else
                giveBackChunkBuffers();
        }
    }
    // A file cut short by a limit does not end mid-record: its last partial record is dropped, not reported.
    if (stopped === undefined)
        splitter.end();
    return { scan: scanner.finish(), bytes, ...(stopped ? { stopped } : {}) };
}
async function realOrResolved(path) {
    return (0,promises_.realpath)(path).catch(() => (0,external_node_path_.resolve)(path));
}
function mib(bytes) {
    return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
/** Scans bytes already in memory (tests, stdin-like sources), split into chunks of `chunkBytes`. */
function scanBuffer(file, bytes, chunkBytes = CHUNK_BYTES, options = {}) {
    const scanner = new TranscriptScanner(file);
    const splitter = new RecordSplitter(scanner, options);
    for (let i = 0; i < bytes.length; i += chunkBytes)
        splitter.push(bytes.subarray(i, i + chunkBytes));
    splitter.end();
    return scanner.finish();
}
const GLOB_CHARS = /[*?[]/;
/** Expands newline-separated paths and globs (`*`, `?`, `[…]`, `**`). A `!pattern` line excludes. */
async function expandPatterns(patterns, cwd = process.cwd()) {
    const files = [];
    const seen = new Set();
    const missing = [];
    const excludes = patterns
        .filter(p => p.startsWith('!'))
        .map(p => globToRegExp(absolute(p.slice(1), cwd)));
    for (const pattern of patterns) {
        if (!pattern || pattern.startsWith('!'))
            continue;
        const path = absolute(pattern, cwd);
        let matched;
        const base = fixedDirectory(path);
        if (!GLOB_CHARS.test(pattern)) {
            // Anything but a directory: scanFiles says why it will not read a FIFO or a device.
            const info = await (0,promises_.stat)(path).catch(() => undefined);
            matched = info && !info.isDirectory() ? [path] : [];
        }
        else {
            matched = await walkGlob(path, base);
        }
        matched = matched.filter(file => !excludes.some(re => re.test(file)));
        if (matched.length === 0)
            missing.push(pattern);
        for (const file of matched) {
            if (seen.has(file))
                continue;
            seen.add(file);
            files.push({ path: file, base });
        }
    }
    return { files, missing };
}
function absolute(pattern, cwd) {
    const expanded = pattern.startsWith('~/')
        ? (0,external_node_path_.join)(process.env.HOME ?? '', pattern.slice(2))
        : pattern;
    return (0,external_node_path_.isAbsolute)(expanded) ? (0,external_node_path_.resolve)(expanded) : (0,external_node_path_.resolve)(cwd, expanded);
}
/** The deepest directory of an absolute path or glob without glob characters: a path's own directory. */
function fixedDirectory(pattern) {
    const parts = pattern.split(external_node_path_.sep);
    const fixed = [];
    for (const part of parts.slice(0, -1)) {
        if (GLOB_CHARS.test(part))
            break;
        fixed.push(part);
    }
    return fixed.join(external_node_path_.sep) || external_node_path_.sep;
}
/** Files matching an absolute glob: walks from its fixed directory (`root`). */
async function walkGlob(pattern, root) {
    const parts = pattern.split(external_node_path_.sep);
    const fixedParts = root === external_node_path_.sep ? 1 : root.split(external_node_path_.sep).length;
    const re = globToRegExp(pattern);
    const deep = parts.slice(fixedParts).some(part => part === '**') || parts.length - fixedParts > 1;
    const maxDepth = parts.slice(fixedParts).includes('**') ? 32 : parts.length - fixedParts;
    const out = [];
    const walk = async (dir, depth) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (deep && depth + 1 < maxDepth)
                    await walk(path, depth + 1);
            }
            else if ((entry.isFile() || entry.isSymbolicLink()) && re.test(path)) {
                out.push(path);
            }
        }
    };
    await walk(root, 0);
    return out.sort();
}
/** A glob as a regular expression over whole absolute paths (`/` separators). */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*') {
            if (glob[i + 1] === '*') {
                // `**/` matches zero or more directories; a trailing `**` anything.
                if (glob[i + 2] === '/') {
                    re += '(?:[^/]*/)*';
                    i += 2;
                }
                else {
                    re += '.*';
                    i += 1;
                }
            }
            else {
                re += '[^/]*';
            }
        }
        else if (c === '?') {
            re += '[^/]';
        }
        else if (c === '[') {
            const close = glob.indexOf(']', i + 1);
            if (close === -1) {
                re += '\\[';
            }
            else {
                const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
                re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
                i = close;
            }
        }
        else {
            re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
        }
    }
    return new RegExp(`^${re}$`);
}

;// CONCATENATED MODULE: ./lib/cli/scan.js
// `claude-preflight scan PATH... [--json]`: the post step's analysis for any log, on a laptop or another CI.
// Exit status: 1 when there are findings, 0 when none, 2 for bad usage (or a file that cannot be read).










const SCAN_USAGE = `Usage: claude-preflight scan PATH... [--json] [--since WHEN]

Finds every credential failure in what Claude Code wrote: claude-code-action's execution file, --output-format
stream-json or json, or a plain log. PATH is a file, a glob ('logs/**/*.jsonl'), a directory (its regular files,
recursively; symlinks in it are not followed) or - for standard input. '!GLOB' leaves out the files it matches.
  --json         print {"findings":[{"kind","file","line","at","message",...}],"omitted":N,"older":N}
  --since WHEN   leave out failures from before WHEN (counted as "older"): an ISO 8601 date-time such as
                 2026-05-01T09:00:00Z, or a duration ago such as 2h or 1d. Failures with no time are kept.

Exit status: 1 credential failures found, 0 none, 2 bad usage or a PATH with nothing to read or unreadable.`;
async function scanCommand(args, io) {
    const now = io.now ?? Date.now;
    let values;
    let positionals;
    try {
        ;
        ({ values, positionals } = (0,external_node_util_.parseArgs)({
            args,
            options: { json: { type: 'boolean', default: false }, since: { type: 'string' } },
            strict: true,
            allowPositionals: true
        }));
    }
    catch (error) {
        io.stderr(`${(0,inert/* inert */.t)((0,errors/* oneLine */.TN)(error))}\n${SCAN_USAGE}\n`);
        return 2;
    }
    if (positionals.length === 0) {
        io.stderr(`${errors/* PREFIX */.H3}: scan needs at least one PATH.\n${SCAN_USAGE}\n`);
        return 2;
    }
    const since = values.since === undefined ? undefined : (0,parse/* parseSince */.m1)('--since', values.since, now());
    const { files, missing, empty } = await expandPaths(positionals, io.stdin ?? process.stdin);
    if (missing.length > 0) {
        io.stderr(`${errors/* PREFIX */.H3}: no such file: ${missing.map(inert/* inert */.t).join(', ')}\n`);
        return 2;
    }
    if (empty.length > 0) {
        io.stderr(`${errors/* PREFIX */.H3}: no regular file in the directory ${empty.map(inert/* inert */.t).join(', ')}\n`);
        return 2;
    }
    const read = await scanFiles(files, [process.cwd()], { ...(since !== undefined && { since }) });
    for (const { file, reason } of read.partial)
        io.stderr(`${errors/* PREFIX */.H3}: ${(0,inert/* inert */.t)(file)}: ${(0,inert/* inert */.t)(reason)}\n`);
    if (read.refused.length > 0) {
        for (const { file, reason } of read.refused) {
            io.stderr(`${errors/* PREFIX */.H3}: could not read ${(0,inert/* inert */.t)(file)}: ${(0,inert/* inert */.t)(reason)}\n`);
        }
        return 2;
    }
    const { tally, older } = tallyScans(read.scans);
    if (older > 0 && since !== undefined)
        io.stderr(`${errors/* PREFIX */.H3}: left out ${older} credential failure(s) from before ${new Date(since).toISOString()} (--since).\n`);
    const redact = (0,secrets/* redactKnownSecrets */.Ok)(() => '', io.env);
    const findings = tally.items().map(finding => ({ ...finding, message: redact(finding.message) }));
    // A failure the run got past (`recovered`) or a usage limit is reported, but is no failed run.
    const verdict = tally.failing > 0 ? 1 : 0;
    if (values.json) {
        // Inert JSON: this output may be a workflow step's stdout, which the runner reads for commands.
        io.stdout(`${(0,inert/* inertJson */.n)({ findings, omitted: tally.omitted, older })}\n`);
        return verdict;
    }
    if (findings.length === 0) {
        io.stdout(`${errors/* PREFIX */.H3}: no credential failure in ${files.length} file(s).\n`);
        return 0;
    }
    for (const finding of findings) {
        const when = [
            finding.at,
            finding.secondsIntoRun !== undefined ? `${finding.secondsIntoRun}s into the run` : undefined,
            finding.turnsBefore !== undefined
                ? `after ${finding.turnsBefore} turns / ${finding.toolCallsBefore ?? 0} tool calls`
                : undefined,
            finding.retries > 0 ? `${finding.retries} retries` : undefined
        ].filter(Boolean);
        io.stdout(`${(0,inert/* inert */.t)(finding.file)}:${finding.line}: ${finding.kind}${finding.recovered ? ' (recovered)' : ''}: ${(0,inert/* inert */.t)(finding.message)}${when.length ? ` (${(0,inert/* inert */.t)(when.join(', '))})` : ''}\n`);
    }
    if (tally.omitted > 0) {
        io.stdout(`... and ${tally.omitted} more (past ${MAX_KEPT_FINDINGS} per file), not listed.\n`);
    }
    io.stdout('\n');
    for (const failure of distinctFailures(findings)) {
        io.stdout(`${failure.kind}: ${failure.fix}\n`);
    }
    return verdict;
}
/**
 * The files to read, in the order the paths name them, each once: `-` is standard input, a directory its regular
 * files (recursively, admitted only inside it), anything else a file or a glob (expandPatterns). `!GLOB` excludes.
 */
async function expandPaths(paths, stdin) {
    const excludes = paths.filter(path => path.startsWith('!'));
    const excluded = excludes.map(path => globToRegExp((0,external_node_path_.resolve)(path.slice(1))));
    const files = [];
    const missing = [];
    const empty = [];
    const seen = new Set();
    const add = (candidate) => {
        if (seen.has(candidate.path))
            return;
        seen.add(candidate.path);
        files.push(candidate);
    };
    for (const path of paths) {
        if (path.startsWith('!'))
            continue;
        if (path === '-') {
            add({ path, base: process.cwd(), source: streamSource(stdin) });
        }
        else if ((await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory()) {
            const base = await (0,promises_.realpath)(path);
            const under = (await regularFilesUnder((0,external_node_path_.resolve)(path))).filter(file => !excluded.some(re => re.test(file)));
            if (under.length === 0)
                empty.push(path);
            for (const file of under)
                add({ path: file, base });
        }
        else {
            const expanded = await expandPatterns([path, ...excludes]);
            missing.push(...expanded.missing);
            expanded.files.forEach(add);
        }
    }
    return { files, missing, empty };
}
/** The regular files under a directory, by name, depth first; symlinks are not followed (nor listed). */
async function regularFilesUnder(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files = [];
    for (const entry of entries) {
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isDirectory())
            files.push(...(await regularFilesUnder(path)));
        else if (entry.isFile())
            files.push(path);
    }
    return files;
}
/** A stream as a ByteSource: its chunks as they come, cut to the length asked; closing it stops the stream. */
function streamSource(stream) {
    const chunks = stream[Symbol.asyncIterator]();
    let rest = Buffer.alloc(0);
    return {
        async read(buffer, length) {
            while (rest.length === 0) {
                const next = await chunks.next();
                if (next.done)
                    return 0;
                rest = next.value;
            }
            const copied = rest.copy(buffer, 0, 0, Math.min(length, rest.length));
            rest = rest.subarray(copied);
            return copied;
        },
        async close() {
            await chunks.return?.();
        }
    };
}


/***/ })

};

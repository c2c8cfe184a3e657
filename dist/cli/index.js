#!/usr/bin/env node
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

/***/ 5434:
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

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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

/***/ 490:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3506);

await (0,_cli_index_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3506:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: cli

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./lib/providers/secrets.js
var secrets = __nccwpck_require__(9172);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __nccwpck_require__(7317);
;// CONCATENATED MODULE: ./lib/policy/decide.js

/** Every value of the `status` output. */
const STATUSES = (/* unused pure expression or super */ null && ([
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
        throw (0,errors/* inputError */.Xu)('on-expiring', "is 'refresh' but no refresh token was given", "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'; or use 'fail' or 'warn'");
    }
    if (choice.forceRefresh && !hasRefreshToken) {
        throw (0,errors/* inputError */.Xu)('force-refresh', "is 'true' but no refresh token was given", "Pass 'claude-credentials' with a refreshToken, or 'oauth-refresh-token'");
    }
    const refreshHeldBack = choice.onExpiring === 'auto' && hasRefreshToken && !choice.savesRotatedToken;
    const onExpiring = choice.onExpiring === 'auto'
        ? hasRefreshToken && choice.savesRotatedToken
            ? 'refresh'
            : 'fail'
        : choice.onExpiring;
    if (choice.forceRefresh && refreshHeldBack) {
        throw (0,errors/* inputError */.Xu)('force-refresh', "is 'true' but 'secrets-token' is not set: the refresh would use up the refresh token in your secret and lose its successor", `${SECRETS_TOKEN_FIX}; or set 'on-expiring: refresh' as well to refresh anyway and re-seed the secret after the run`);
    }
    if (choice.forceRefresh && onExpiring !== 'refresh') {
        throw (0,errors/* inputError */.Xu)('force-refresh', `is 'true' but 'on-expiring' is '${onExpiring}', which never refreshes`, "Set 'on-expiring' to 'auto' or 'refresh', or 'force-refresh' to 'false'");
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

// EXTERNAL MODULE: ./lib/providers/credential.js
var providers_credential = __nccwpck_require__(4264);
// EXTERNAL MODULE: ./lib/providers/shapes.js + 2 modules
var shapes = __nccwpck_require__(2306);
;// CONCATENATED MODULE: ./lib/providers/placement.js
// "Pasted into the wrong input": a value of a known shape (src/providers/shapes.ts) found where it does not belong.



/**
 * Refuses a value that clearly belongs in another input (an API key pasted as an OAuth token, …), naming where it
 * belongs. `where` is an input's name or a credential's `from` (`env CLAUDE_CODE_OAUTH_TOKEN`, `file PATH`): an
 * environment variable is told the variable to move it to. `accepted` lists the homes this input takes. Shapes that
 * a gateway's token may have (a JWT, a GitHub token) are refused only in inputs that never hold a secret (`plain`).
 */
function checkPlacement(where, value, accepted, plain = false) {
    const known = shapes/* SHAPES */.HY.find(shape => (plain || !shape.plainOnly) && shape.begins?.test(value));
    if (!known || (known.home !== undefined && accepted.includes(known.home)))
        return;
    const origin = (0,providers_credential/* originOf */.yv)(where);
    const fix = 'env' in origin && known.homeEnv
        ? `Move it to ${known.homeEnv}`
        : (known.fix ?? `Move it to input '${known.home}'`);
    if ('input' in origin)
        throw (0,errors/* inputError */.Xu)(origin.input, `holds ${known.what}`, fix);
    const named = 'env' in origin ? `environment variable ${origin.env}` : origin.file;
    throw new errors/* UserError */.yo(`${errors/* PREFIX */.H3}: ${named} holds ${known.what}. ${fix}`);
}
/**
 * For inputs that never hold a secret (durations, URLs, choices, paths): refuses a secret pasted there, without
 * quoting it, and names the input it belongs in. Token inputs (`github-token`, `secrets-token`) pass
 * `githubToken: true`: GitHub tokens are what they hold.
 */
function refuseSecret(input, raw, githubToken = false) {
    checkPlacement(input, raw.trim(), githubToken ? ['github-token'] : [], true);
}

// EXTERNAL MODULE: ./lib/providers/clean.js
var clean = __nccwpck_require__(7400);
// EXTERNAL MODULE: ./lib/lifetime/timestamp.js
var timestamp = __nccwpck_require__(4514);
// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __nccwpck_require__(6032);
// EXTERNAL MODULE: ./lib/providers/platforms.js
var platforms = __nccwpck_require__(4565);
// EXTERNAL MODULE: ./lib/providers/federation.js
var federation = __nccwpck_require__(6568);
// EXTERNAL MODULE: ./lib/providers/oauth-token.js
var oauth_token = __nccwpck_require__(3734);
// EXTERNAL MODULE: ./lib/common/env.js
var common_env = __nccwpck_require__(7487);
;// CONCATENATED MODULE: ./lib/providers/select.js








/**
 * Gives `oauth-refresh-token` to the OAuth credential Claude Code would use first: the OAuth token, else the
 * credentials JSON. Returns false when there is neither (or no refresh token): then a lone refresh token is a
 * credential of its own. A credentials JSON with its own refreshToken keeps it, and `oauth-refresh-token` is ignored.
 */
function attachRefreshToken(context, found, warnings) {
    const refresh = (0,oauth_token/* readRefreshTokenInput */.Fr)(context);
    if (!refresh)
        return false;
    const holder = found.find(c => (0,providers/* providerOf */.l)(c.source).refreshable);
    if (!holder)
        return false;
    const input = `'${oauth_token/* REFRESH_TOKEN_INPUT */.bN}'`;
    if (holder.refreshToken) {
        warnings.push(`${input} is ignored: the ${holder.label} from ${holder.from} carries its own refreshToken, which is the one refreshed and written back. Remove ${input}, or the refreshToken from the JSON.`);
        return true;
    }
    holder.refreshToken = refresh.value;
    holder.notes.push(...refresh.notes, `${input} is used as the refresh token of the ${holder.label} from ${holder.from}; ${holder.document !== undefined
        ? `a refresh writes the credentials JSON back with the rotated refresh token inside, after which ${input} is no longer needed`
        : 'a refresh writes the rotated refresh token back alone'}.`);
    return true;
}
const handedOnBy = (why) => `this action's output oauth-token, which ${why} passes to Claude`;
/**
 * What Claude receives for `kind`. Without a Claude step, the preflight's own view: the input, else the environment
 * variable Claude Code reads. With one, what that step passes Claude (claude-step.ts): the job's value, nothing, or a
 * value written in the step, which the preflight knows only as its own input of the same kind (or its own output).
 */
function originOf(kind, context, env, step, handsOnOwnOutput) {
    const fromInput = context.input(kind.source);
    const fromEnv = kind.envVar ? (env[kind.envVar] ?? '') : '';
    const input = { raw: fromInput, from: `input ${kind.source}`, name: kind.source };
    const environment = { raw: fromEnv, from: `env ${kind.envVar}`, name: kind.envVar ?? kind.source };
    // Claude Code's own login file, which the command line reads on a laptop (never in a job).
    const file = kind.loginFile ? context.credentialsFile : undefined;
    const own = fromInput
        ? input
        : file
            ? { raw: file.text, from: `file ${file.path}`, name: file.path }
            : environment;
    if (!step)
        return { kind: 'value', ...own };
    const given = own.raw.trim() !== '';
    if (!kind.envVar)
        return credentialsFileOrigin(kind, own, step, handsOnOwnOutput);
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
/** The credentials JSON as the Claude step gets it: Claude Code reads it only when no environment token is set. */
function credentialsFileOrigin(kind, own, step, handsOnOwnOutput) {
    if (handsOnOwnOutput)
        return { kind: 'value', ...own, handedOn: handsOnOwnOutput };
    if (step.kind === 'claude-cli')
        return { kind: 'value', ...own };
    return {
        kind: 'absent',
        ...(own.raw.trim() !== '' && {
            why: `'${kind.source}' is not what ${step.label} uses: claude-code-action needs an environment token and Claude Code then never reads a credentials file. Hand Claude the token with \`claude_code_oauth_token: \${{ steps.<preflight id>.outputs.oauth-token }}\``
        })
    };
}
/**
 * Finds every credential Claude Code will receive (inputs first, then the environment variable Claude Code reads; or
 * what the job's Claude step passes it, when `step` is given), and picks the one Claude Code will use by its
 * precedence. Throws a UserError for a value that cannot be read, or that Claude Code would send as it is and fail
 * with (quotes around it).
 */
function selectCredential(context, env, step, provider = 'auto') {
    const { found, warnings, unseen } = findCredentials({ ...context, checkPlacement: checkPlacement }, env, step);
    const named = provider === 'auto' ? undefined : namedRoute(provider, env, step, warnings);
    const cloud = named ? named.platform : cloudProviderOf(env, step);
    const [first, ...rest] = found;
    // What Claude cannot be seen to use outranks everything found: then nothing found is used.
    const chosen = unseen ? undefined : first;
    const others = unseen ? found : rest;
    warnings.push(...rankingWarnings(found, others, chosen, unseen));
    const stepped = step ? { claudeStep: step } : {};
    const claudeEnv = claudeEnvOf(env, step);
    const onPlatform = (platform) => ({
        others: found,
        warnings,
        platform,
        claudeEnv,
        ...(platform === platforms/* FEDERATION */.M &&
            step?.kind === 'claude-code-action' && { tokenWrittenBy: step.label }),
        ...(named && { named: true }),
        ...stepped
    });
    if (cloud)
        return onPlatform(cloud);
    if (!named && usesFederation(claudeEnv) && !unseen) {
        // Sixth in Claude Code's precedence: below every environment credential, above the /login file.
        const outranking = found.filter(c => (0,providers/* providerOf */.l)(c.source).envVar);
        if (outranking.length === 0) {
            for (const other of found)
                warnings.push(`${other.label} from ${other.from} is ignored: Claude Code uses workload identity federation first.`);
            return onPlatform(platforms/* FEDERATION */.M);
        }
        warnings.push(`The workload identity federation settings are ignored: Claude Code uses the ${outranking[0].label} from ${outranking[0].from} first. Remove it from the Claude step to use federation.`);
    }
    // A document (the credentials JSON) is parsed, not sent as it is: quotes around it do not reach the API.
    if (chosen?.quoted && !chosen.handedOn && chosen.document === undefined) {
        throw new errors/* UserError */.yo(`${errors/* PREFIX */.H3}: ${chosen.from.replace(/^input (.+)$/, "input '$1'")} is wrapped in quotes, and Claude Code sends them as part of the ${chosen.label}: the API would refuse every request. Fix: store the secret again without the quotes.`);
    }
    return {
        ...(chosen && { chosen }),
        others,
        warnings,
        ...stepped,
        ...(unseen !== undefined && { unseen })
    };
}
/** What input `provider` may say: `auto` (as Claude Code selects), `anthropic` (its API keys and tokens), a platform. */
const PROVIDER_CHOICES = [
    'auto',
    'anthropic',
    ...platforms/* PLATFORMS */.P.map(platform => platform.id),
    platforms/* FEDERATION */.M.id
];
/**
 * The route input `provider` names, for a Claude step whose environment this step cannot see (set inside a composite
 * action or a script): a platform or federation, or none (`anthropic`: the credentials' precedence). Says so when the
 * environment selects another.
 */
function namedRoute(provider, env, step, warnings) {
    const detected = cloudProviderOf(env, step) ?? (usesFederation(claudeEnvOf(env, step)) ? platforms/* FEDERATION */.M : undefined);
    const platform = [...platforms/* PLATFORMS */.P, platforms/* FEDERATION */.M].find(p => p.id === provider);
    if (detected && detected !== platform)
        warnings.push(`input 'provider' is '${provider}', but the Claude step's environment selects ${detected.label} (${detected.variable}): the check follows the input.`);
    return platform ? { platform } : {};
}
function findCredentials(context, env, step) {
    const found = [];
    const warnings = [];
    const empty = [];
    let unseen;
    const handsOnOwnOutput = ownOutputHandedOn(step);
    for (const kind of providers/* PROVIDERS */.x) {
        const origin = originOf(kind, context, env, step, handsOnOwnOutput);
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
        if (origin.raw.trim() === '') {
            if (origin.raw !== '')
                warnings.push(`'${origin.name}' holds only whitespace and was ignored`);
            empty.push(kind);
            continue;
        }
        found.push(readCredential(kind, origin, context));
    }
    if (!attachRefreshToken(context, found, warnings)) {
        // Still in precedence order: with no OAuth token or credentials JSON found, nothing found ranks after a lone one.
        for (const kind of empty) {
            const lone = kind.readEmpty?.(context);
            if (lone)
                found.push(lone);
        }
    }
    return { found, warnings, ...(unseen !== undefined && { unseen }) };
}
/** When the Claude step passes Claude this action's own output (in any credential's variable): how it says so. */
function ownOutputHandedOn(step) {
    const ownOutput = step &&
        providers/* PROVIDERS */.x.flatMap(kind => (kind.envVar ? [step.variable(kind.envVar)] : [])).find(value => value.kind === 'output');
    return ownOutput ? handedOnBy(ownOutput.why) : undefined;
}
/** The credential read from its value, cleaned first (its notes said first), marked when quoted or handed on. */
function readCredential(kind, origin, context) {
    const { value, notes, quoted } = (0,clean/* cleanSecret */.Q)(origin.name, origin.raw);
    const credential = kind.read(value, origin.from, context);
    credential.notes.unshift(...notes);
    if (quoted)
        credential.quoted = true;
    if (origin.handedOn)
        credential.handedOn = origin.handedOn;
    return credential;
}
/** The platform Claude Code is switched to, if any. */
function cloudProviderOf(env, step) {
    return platforms/* PLATFORMS */.P.find(({ variable }) => {
        const value = step?.variable(variable);
        if (!value || value.kind === 'inherited')
            return (0,common_env/* truthy */.v)(env[variable]);
        return value.kind === 'step' && (0,common_env/* truthy */.v)(value.written);
    });
}
/** Credentials that exclude each other, and each credential found that Claude Code will not use. */
function rankingWarnings(found, others, chosen, unseen) {
    const warnings = [];
    for (const credential of found) {
        const excludes = (0,providers/* providerOf */.l)(credential.source).excludes;
        if (excludes && found.some(c => c.source === excludes.source))
            warnings.push(excludes.warning);
    }
    for (const other of others) {
        warnings.push(chosen
            ? `${other.label} from ${other.from} is ignored: Claude Code uses the ${chosen.label} from ${chosen.from} first.`
            : `${other.label} from ${other.from} is ignored: ${unseen}.`);
    }
    return warnings;
}
/**
 * This step's environment, with what the Claude step sets differently (src/workflow/claude-step.ts): a value written
 * out, an empty one, or, for one it sets from an expression (`${{ vars.… }}`) the preflight cannot evaluate, this
 * step's own value of the same variable when it was given one.
 */
function claudeEnvOf(env, step) {
    const seen = { ...env };
    const unreadable = [];
    for (const name of step?.differing ?? []) {
        const value = step.variable(name);
        if (value.kind === 'empty')
            seen[name] = '';
        else if (value.kind === 'step' && !/\$\{\{/.test(value.written))
            seen[name] = value.written;
        else if (value.kind === 'step' && !env[name]?.trim())
            unreadable.push(name);
    }
    return { env: seen, unreadable };
}
/** Claude Code uses federation when both switches are set (trimmed), or may when the step sets one unreadably. */
const usesFederation = ({ env, unreadable }) => federation/* FEDERATION_SWITCHES */.HF.every(name => env[name]?.trim() || unreadable.includes(name));

;// CONCATENATED MODULE: ./lib/inputs/declared.js
// Every input of action.yml, declared once: the providers' own come from their table (SECRET_INPUT_NAMES,
// PROVIDER_PLAIN_INPUTS), the others are declared here. Which inputs are refused when a secret is pasted there, which the CLI takes as
// flags, and the default of an empty input are all derived from this declaration.

/**
 * The action's own inputs that never hold a secret, in action.yml's order: the step that uses each, and action.yml's
 * default where the code applies one to an empty value (`${{ runner.temp }}` stands for `RUNNER_TEMP`).
 */
const PLAIN = {
    'anthropic-base-url': { reader: 'check' },
    'min-remaining': { reader: 'check', default: 'auto' },
    'probe-timeout': { reader: 'check', default: '10s' },
    'on-invalid': { reader: 'check', default: 'fail' },
    'on-expiring': { reader: 'check', default: 'auto' },
    'on-unverifiable': { reader: 'check', default: 'warn' },
    'force-refresh': { reader: 'check', default: 'false' },
    provider: { reader: 'check', default: 'auto' },
    'aws-expiration': { reader: 'check' },
    'google-tokeninfo-url': { reader: 'check', default: 'https://oauth2.googleapis.com/tokeninfo' },
    'check-github-app': { reader: 'github', default: 'false' },
    'github-app-exchange-url': {
        reader: 'github',
        default: 'https://api.anthropic.com/api/github/github-app-token-exchange'
    },
    'oauth-token-url': { reader: 'refresh', default: 'https://platform.claude.com/v1/oauth/token' },
    'oauth-client-id': { reader: 'refresh', default: '9d1c250a-e61b-44d9-88ed-5944d1962f5e' },
    'export-env': { reader: 'refresh', default: 'false' },
    'write-credentials-file': { reader: 'refresh', default: 'false' },
    'secret-name': { reader: 'refresh', default: 'CLAUDE_CREDENTIALS' },
    'secret-scope': { reader: 'refresh', default: 'repo' },
    renew: { reader: 'renew', default: 'false' },
    'renew-command': { reader: 'renew' },
    'app-id': { reader: 'renew' },
    'claude-output': { reader: 'post', default: '${{ runner.temp }}/claude-execution-output.json' },
    'fail-on-auth-error': { reader: 'post', default: 'true' },
    'pr-comment': { reader: 'post', default: 'false' }
};
/**
 * The inputs that never hold a secret, the providers' first (the main step reads them first): a secret pasted there is
 * masked, and refused before anything quotes it.
 */
const PLAIN_INPUTS = [...secrets/* PROVIDER_PLAIN_INPUTS */.zx, ...Object.keys(PLAIN)];
/** Every input, as action.yml must list them. */
const ALL_INPUTS = [...secrets/* SECRET_INPUT_NAMES */.f1, ...PLAIN_INPUTS];
/** The inputs that never hold a secret and that `reader` uses. */
function plainInputsOf(reader) {
    const own = Object.keys(PLAIN).filter(name => PLAIN[name].reader === reader);
    return reader === 'check' ? [...secrets/* PROVIDER_PLAIN_INPUTS */.zx, ...own] : own;
}
/** action.yml's default of an input that never holds a secret, '' where the code applies none. */
function defaultOf(name) {
    const declared = PLAIN[name];
    return declared?.default ?? '';
}
/** An input's value, trimmed; its default when empty. */
function declared_valueOf(input, name) {
    return input(name).trim() || defaultOf(name);
}

// EXTERNAL MODULE: ./lib/inputs/parse.js
var parse = __nccwpck_require__(6099);
;// CONCATENATED MODULE: ./lib/inputs/check.js







const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** The base URL Claude sends its model requests to, validated as every URL a credential is sent to. */
function parseBaseUrl(input, value) {
    const fix = `Use the API's address, such as ${DEFAULT_BASE_URL} or https://gateway.example.com/anthropic`;
    return (0,parse/* parseCredentialUrl */.ke)(input, value, fix).toString().replace(/\/+$/, '');
}
/** Reads and validates the preflight's own inputs; throws a UserError naming the first bad one. */
function readCheckInputs(input, env) {
    for (const name of plainInputsOf('check'))
        refuseSecret(name, input(name));
    refuseSecret('github-token', input('github-token'), true);
    // Sent in a header as it is: a line break inside would fail every GitHub request with an error that quotes it.
    if (input('github-token').trim())
        (0,clean/* refuseInnerJunk */.d)('github-token', input('github-token').trim());
    const baseInput = input('anthropic-base-url').trim();
    const baseEnv = (env.ANTHROPIC_BASE_URL ?? '').trim();
    refuseSecret('ANTHROPIC_BASE_URL', baseEnv);
    const [baseUrl, baseUrlFrom] = baseInput
        ? [parseBaseUrl('anthropic-base-url', baseInput), 'input anthropic-base-url']
        : baseEnv
            ? [parseBaseUrl('ANTHROPIC_BASE_URL', baseEnv), 'env ANTHROPIC_BASE_URL']
            : [DEFAULT_BASE_URL, 'default'];
    const minRemaining = declared_valueOf(input, 'min-remaining');
    const awsExpiration = input('aws-expiration').trim();
    return {
        ...(awsExpiration && { awsExpiration: (0,timestamp/* parseTimestamp */.E)('aws-expiration', awsExpiration).at }),
        baseUrl,
        baseUrlFrom,
        provider: (0,parse/* parseChoice */.HU)('provider', declared_valueOf(input, 'provider'), PROVIDER_CHOICES),
        probeTimeoutMs: (0,parse/* parseDuration */.E9)('probe-timeout', declared_valueOf(input, 'probe-timeout'), {
            min: 1_000,
            max: 300_000
        }),
        minRemainingMs: minRemaining.toLowerCase() === 'auto'
            ? 'auto'
            : (0,parse/* parseDuration */.E9)('min-remaining', minRemaining, { min: 0, max: 35 * 86_400_000 }),
        onInvalid: (0,parse/* parseChoice */.HU)('on-invalid', declared_valueOf(input, 'on-invalid'), ['fail', 'warn']),
        onExpiring: (0,parse/* parseChoice */.HU)('on-expiring', declared_valueOf(input, 'on-expiring'), [
            'auto',
            'fail',
            'warn',
            'refresh'
        ]),
        onUnverifiable: (0,parse/* parseChoice */.HU)('on-unverifiable', declared_valueOf(input, 'on-unverifiable'), [
            'warn',
            'fail'
        ]),
        forceRefresh: (0,parse/* parseBoolean */.yG)('force-refresh', declared_valueOf(input, 'force-refresh')),
        savesRotatedToken: input('secrets-token').trim() !== '',
        githubToken: input('github-token').trim(),
        googleTokenInfoUrl: (0,parse/* parseCredentialUrl */.ke)('google-tokeninfo-url', declared_valueOf(input, 'google-tokeninfo-url'), `Leave it empty for Google's own (${defaultOf('google-tokeninfo-url')})`).href
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

;// CONCATENATED MODULE: ./lib/inputs/cli.js



/** The action's inputs that `claude-preflight check` takes as flags of the same name; it does not refresh. */
const CHECK_FLAGS = [
    ...secrets/* SECRET_INPUTS */.pH,
    ...plainInputsOf('check').filter(name => name !== 'force-refresh')
];
/**
 * Reads and validates the inputs of `claude-preflight check` from its flags, and returns them with the reader of a
 * single input (a flag not given is empty). Throws a UserError naming the first bad one.
 */
function readCliCheckInputs(flags, env) {
    const input = (name) => {
        const value = flags[name];
        if (typeof value === 'string')
            return value;
        // A laptop has no job to outlast: no minimum unless asked.
        return name === 'min-remaining' ? '0s' : '';
    };
    return { inputs: readCheckInputs(input, env), input };
}

// EXTERNAL MODULE: ./lib/probe/probe.js
var probe = __nccwpck_require__(2083);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./lib/http/request.js
var request = __nccwpck_require__(2424);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __nccwpck_require__(8999);
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
    return plainMinutes(job?.['timeout-minutes']);
}
/** The `timeout-minutes` of the step at `index` of job `jobId`, when it is a plain number. */
function stepTimeoutMinutes(document, jobId, index) {
    const job = document?.jobs?.[jobId];
    const steps = job?.steps;
    const step = Array.isArray(steps)
        ? steps[index]
        : undefined;
    return plainMinutes(step?.['timeout-minutes']);
}
function plainMinutes(value) {
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

// EXTERNAL MODULE: ./lib/lifetime/duration.js
var duration = __nccwpck_require__(2996);
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
        const { stdout } = await (0,external_node_util_.promisify)(external_node_child_process_.execFile)('git', ['-C', workspace, 'rev-parse', '--verify', '--quiet', `${commit}:${path}`], { timeout: 10_000, env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1' } });
        return stdout.trim() === own;
    }
    catch {
        return false;
    }
}
/** The duration a credential must last: `setting`, or for `auto` the job's timeout in the running workflow. */
function minRemainingOf(setting, workflow = { why: 'it was not read' }) {
    if (setting !== 'auto')
        return { ms: setting, source: `min-remaining ${(0,duration/* formatDuration */.a)(setting)}`, from: 'input' };
    const fallback = (why) => ({
        ms: DEFAULT_JOB_TIMEOUT_MINUTES * 60_000,
        source: `${DEFAULT_JOB_TIMEOUT_MINUTES} minutes, GitHub's default job limit (${why})`,
        from: 'default'
    });
    if ('why' in workflow)
        return fallback(workflow.why);
    const minutes = jobTimeoutMinutes(workflow.document, workflow.job);
    if (minutes === undefined)
        return fallback(`job '${workflow.job}' in ${workflow.where} sets no plain timeout-minutes`);
    return {
        ms: minutes * 60_000,
        source: `timeout-minutes: ${minutes} of job '${workflow.job}' in ${workflow.where}`,
        from: 'timeout-minutes'
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
        file = await (0,promises_.open)((0,external_node_path_.join)(workspace, path), external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
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
/** One GET of the contents API over `send` (proxy-aware, deadline-bound); a redirect is an answer, not followed. */
async function readRemote(ref, at, env, deps) {
    if (!deps.githubToken)
        return { why: '' };
    const api = (0,client/* apiBaseUrl */.tj)(env);
    const path = ref.path.split('/').map(encodeURIComponent).join('/');
    const contentsApi = 'the contents API';
    try {
        const answer = await deps.send({
            method: 'GET',
            url: `${api}/repos/${ref.owner}/${ref.repo}/contents/${path}?ref=${encodeURIComponent(at)}`,
            headers: (0,client/* githubHeaders */.OW)(deps.githubToken),
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
        if (!(error instanceof request/* NetworkError */.Dr))
            return { why: `${contentsApi} failed` };
        return {
            why: error.failure === 'timeout'
                ? `no answer from ${contentsApi} within ${(0,duration/* formatDuration */.a)(deps.timeoutMs)} (${error.host})`
                : `${contentsApi}: ${error.message}`
        };
    }
}

// EXTERNAL MODULE: ./lib/common/inert.js
var inert = __nccwpck_require__(9704);
;// CONCATENATED MODULE: ./lib/common/markdown.js
// Markdown shared by the main step's and the post step's reports. Text the action did not write itself (transcript
// lines, server answers, file names) is quoted inertly: as a code span nothing can close, so it makes no link, image,
// HTML, heading or mention (GitHub neither renders markup nor notifies inside code).
/** A quoted string longer than this is cut: the reports quote, they do not reproduce. */
const markdown_QUOTE_MAX = 300;
/** Text for one table cell: a `|` would end the cell, a newline the row (GFM unescapes `\|` inside code too). */
function markdown_escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
/**
 * An inline code span of `text` on one line, cut to `max` characters: its fence is one backtick longer than the
 * longest run inside (CommonMark closes a code span only with a run of equal length), padded so that a backtick
 * at either end stays inside.
 */
function markdown_inlineCode(text, max = markdown_QUOTE_MAX) {
    const flat = markdown_clipChars(text.replace(/\s+/g, ' ').trim(), max);
    const longest = (flat.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
    const fence = '`'.repeat(longest + 1);
    return `${fence} ${flat} ${fence}`;
}
/** `inlineCode` for a table cell. */
function markdown_cellCode(text, max = markdown_QUOTE_MAX) {
    return markdown_escapeCell(markdown_inlineCode(text, max));
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
function markdown_inertMarkdown(text) {
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
        out += escapeMarkup(text.slice(at, match.index)) + markdown_inlineCode(match[0]);
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
function markdown_clipChars(text, max) {
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
    { variable: 'ANTHROPIC_OIDC_AUDIENCE', input: 'anthropic_oidc_audience', fallsBack: false },
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
const asText = (value) => typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
function textMap(value) {
    const map = {};
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return map;
    for (const [key, entry] of Object.entries(value)) {
        const text = asText(entry);
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
/** The longest step name or job id a label quotes: the workflow is not the action's own text. */
const NAME_MAX = 80;
const quotedName = (name) => `'${(0,inert/* inert */.t)(markdown_clipChars(name, NAME_MAX))}'`;
/** For humans, one line whatever the workflow's names hold: `step 'Review' (#3) of job 'review'`. */
function stepLabel(step, index, jobId) {
    const name = asText(step.name) ?? asText(step.id);
    return `${name ? `step ${quotedName(name)} (#${index + 1})` : `step #${index + 1}`} of ${jobLabel(jobId)}`;
}
/** `job 'review'`. */
const jobLabel = (jobId) => `job ${quotedName(jobId)}`;
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
const differingNames = (stepEnv, job, setByInputs = []) => [
    ...new Set([...Object.keys(stepEnv), ...setByInputs, ...Object.keys(job.preflightEnv)])
];
function actionStep(step, index, uses, ref, label, job) {
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
        index,
        env: stepEnv,
        uses,
        inputs,
        variable: name => relativeToPreflight(own(name), name, label, job),
        differing: differingNames(stepEnv, job, ACTION_INPUTS.map(row => row.variable))
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
    const byId = ownStepId === undefined ? -1 : steps.findIndex(step => asText(step.id) === ownStepId);
    const own = byId >= 0 ? byId : steps.findIndex(step => PREFLIGHT_USES.test(asText(step.uses) ?? ''));
    const context = {
        jobEnv: { ...textMap(workflow?.env), ...textMap(job.env) },
        preflightEnv: own >= 0 ? textMap(steps[own].env) : {},
        ...(own >= 0 && asText(steps[own].id) !== undefined && { preflightId: asText(steps[own].id) })
    };
    let awsLogin;
    for (let index = 0; index < steps.length; index++) {
        const step = steps[index];
        const label = stepLabel(step, index, jobId);
        const uses = asText(step.uses)?.trim();
        if (uses && AWS_LOGIN_USES.test(uses))
            awsLogin = { label, inputs: textMap(step.with) };
        if (index <= own)
            continue;
        const action = uses ? ACTION_USES.exec(uses) : null;
        const withLogin = (found) => ({
            ...found,
            ...(awsLogin && { awsLogin })
        });
        if (uses && action)
            return withLogin(actionStep(step, index, uses, action[1], label, context));
        if (runsClaude(asText(step.run) ?? '')) {
            const stepEnv = textMap(step.env);
            return withLogin({
                kind: 'claude-cli',
                label,
                index,
                env: stepEnv,
                inputs: {},
                variable: name => relativeToPreflight(cliValue(stepEnv, name, label), name, label, context),
                differing: differingNames(stepEnv, context)
            });
        }
    }
    return undefined;
}
/** https://github.com/aws-actions/configure-aws-credentials: assumes a role and exports its session to the job. */
const AWS_LOGIN_USES = /^aws-actions\/configure-aws-credentials@/i;

;// CONCATENATED MODULE: ./lib/check/cloud.js
/**
 * The platform's credentials, proven. What the check could not see is never held against the credential: settings
 * the Claude step sets from an expression this step cannot read, or a route named by input `provider` whose settings
 * this step was not given, make a verdict other than `valid` `unverifiable`, with what to give this step.
 */
async function checkPlatform(route, options, deps) {
    const checked = await checkOn(route, options, deps);
    const { unreadable } = route.claudeEnv;
    if (checked.status === 'valid')
        return checked;
    if (unreadable.length > 0)
        return {
            ...checked,
            status: 'unverifiable',
            unseen: true,
            message: `${checked.message}; but the Claude step sets ${unreadable.join(', ')} from an expression this step cannot read: give this step the same value${unreadable.length === 1 ? '' : 's'} in its \`env:\` to check it`
        };
    if (route.named && checked.misconfigured)
        return {
            ...checked,
            status: 'unverifiable',
            unseen: true,
            message: `${checked.message}; input 'provider' names ${route.platform.label}, but this step does not see its settings: give this step the Claude step's settings in its \`env:\` to check it`
        };
    return checked;
}
async function checkOn(route, options, deps) {
    const { platform, claudeEnv } = route;
    const env = claudeEnv.env;
    switch (platform.id) {
        case 'bedrock':
        case 'mantle':
        case 'anthropic-aws': {
            const { checkAwsCredentials } = await __nccwpck_require__.e(/* import() */ 847).then(__nccwpck_require__.bind(__nccwpck_require__, 847));
            return checkAwsCredentials(env, { target: platform.id, ...(options.awsExpiration && { expiresAt: options.awsExpiration }) }, deps);
        }
        case 'federation': {
            const { checkFederation } = await __nccwpck_require__.e(/* import() */ 126).then(__nccwpck_require__.bind(__nccwpck_require__, 8126));
            return checkFederation({ ...env, ANTHROPIC_BASE_URL: options.baseUrl }, {
                ...deps,
                neededUntil: options.neededUntil,
                ...(route.tokenWrittenBy && { tokenWrittenBy: route.tokenWrittenBy }),
                ...(route.claudeStep && { claudeStep: route.claudeStep }),
                ...(route.renewedBy && { renewedBy: route.renewedBy })
            });
        }
        case 'foundry': {
            const { checkFoundryCredentials } = await __nccwpck_require__.e(/* import() */ 365).then(__nccwpck_require__.bind(__nccwpck_require__, 2365));
            return checkFoundryCredentials(env, {
                ...deps,
                ...(route.renewedBy && { renewedBy: route.renewedBy })
            });
        }
        case 'vertex': {
            const { checkVertexCredentials } = await __nccwpck_require__.e(/* import() */ 966).then(__nccwpck_require__.bind(__nccwpck_require__, 2966));
            return checkVertexCredentials(env, { ...(options.googleTokenInfoUrl && { tokenInfoUrl: options.googleTokenInfoUrl }) }, deps);
        }
    }
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
    const selection = selectCredential(context, deps.env, claudeStep, inputs.provider);
    const noClaudeStep = workflow && !claudeStep
        ? 'why' in workflow
            ? `the job's workflow could not be read (${workflow.why})`
            : `no step after this one in job '${workflow.job}' runs Claude`
        : undefined;
    const policy = resolvePolicy(inputs, !!selection.chosen?.refreshToken);
    // Claude Code renews its own login file when it carries a refresh token (before expiry, and after a 401): an access
    // token there that expires, or has expired, costs Claude nothing, and an expired one is not worth a request. An
    // explicit 'on-expiring' is obeyed as given.
    const renewedBy = deps.renewedBy?.(selection);
    const renewsItself = inputs.onExpiring === 'auto' &&
        !!selection.chosen?.refreshToken &&
        'file' in (0,providers_credential/* originOf */.yv)(selection.chosen.from);
    const expired = selection.chosen?.expiresAt !== undefined && selection.chosen.expiresAt <= deps.now();
    if (selection.chosen && renewedBy)
        selection.chosen.notes.push(`renewed during the run by ${renewedBy}`);
    if (renewsItself && selection.chosen)
        selection.chosen.notes.push('Claude Code renews this login by itself from its file, which carries a refreshToken');
    const chosenProbe = selection.chosen?.secret && !(renewsItself && expired)
        ? await (0,probe/* probe */.d)(selection.chosen, {
            baseUrl: inputs.baseUrl,
            timeoutMs: inputs.probeTimeoutMs,
            send: deps.send
        })
        : undefined;
    const minRemaining = minRemainingOf(inputs.minRemainingMs, workflow);
    const cloud = selection.platform && selection.claudeEnv
        ? await checkPlatform({
            platform: selection.platform,
            claudeEnv: selection.claudeEnv,
            tokenWrittenBy: selection.tokenWrittenBy,
            claudeStep: claudeStep?.kind,
            named: selection.named,
            renewedBy
        }, {
            awsExpiration: inputs.awsExpiration,
            googleTokenInfoUrl: inputs.googleTokenInfoUrl,
            baseUrl: inputs.baseUrl,
            neededUntil: new Date(deps.now().getTime() + minRemaining.ms)
        }, {
            send: deps.send,
            timeoutMs: inputs.probeTimeoutMs,
            mask: deps.mask ?? (() => undefined)
        })
        : undefined;
    const chosen = selection.chosen && {
        credential: selection.chosen,
        ...(chosenProbe && { probe: chosenProbe })
    };
    const checked = [
        ...(chosen ? [chosen] : []),
        ...selection.others.map(credential => ({ credential }))
    ];
    const checkedAt = deps.now();
    const decided = cloud
        ? decide({
            // The service refusing an expired session is its refusal of the credential.
            probe: cloud.status === 'expired' ? 'invalid' : cloud.status,
            hasAccessToken: true,
            hasRefreshToken: false,
            ...(cloud.expiresAt && !cloud.renewal && { expiresAt: cloud.expiresAt }),
            now: checkedAt,
            minRemainingMs: minRemaining.ms
        }, policy)
        : selection.unseen
            ? { status: 'unverifiable', action: policy.onUnverifiable }
            : decideFor(
            // A credential the renewer mints again during the run does not end with its first value.
            chosen && renewedBy
                ? { ...chosen, credential: { ...chosen.credential, expiresAt: undefined } }
                : chosen, minRemaining, policy, checkedAt);
    const verdict = renewsItself && (expired || decided.status === 'expiring')
        ? { ...decided, status: 'expiring', action: 'pass' }
        : decided;
    return {
        inputs,
        selection,
        ...(noClaudeStep && { noClaudeStep }),
        ...(claudeStep &&
            workflow &&
            'document' in workflow && {
            claude: { step: claudeStep, document: workflow.document, job: workflow.job }
        }),
        checked,
        ...(chosen && { chosen }),
        ...(cloud && { cloud }),
        minRemaining,
        policy,
        verdict,
        checkedAt
    };
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
function serverText(text, redact, max = markdown_QUOTE_MAX) {
    return markdown_clipChars(redact(text).replace(/\s+/g, ' ').trim(), max);
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
        ? `expired at ${when}, ${(0,duration/* formatDuration */.a)(-remaining)} ago`
        : `expires at ${when}, in ${(0,duration/* formatDuration */.a)(remaining)}`;
}
/**
 * The one message that explains the verdict: names the credential, the cause (with request id) and the fix. What
 * the server said goes through `redact`.
 */
function verdictMessage(report, event, redact) {
    const { verdict } = report;
    const chosen = report.chosen;
    if (report.selection.platform && report.cloud)
        return platformMessage(report, report.selection.platform, report.cloud, redact);
    if (report.selection.unseen) {
        return {
            title: 'Claude credential not checked',
            text: `${errors/* PREFIX */.H3}: Claude Code will use a credential this step cannot read: ${report.selection.unseen}.`
        };
    }
    if (!chosen)
        return missingMessage(event);
    const { credential } = chosen;
    const name = `the ${credential.label} from ${credential.from}`;
    if (!credential.secret && credential.refreshToken)
        return refreshOnlyMessage(report, name);
    const provider = (0,providers/* providerOf */.l)(credential.source);
    // An access token that expired or was rejected is what a refresh is for; a revoked login is not.
    // Claude Code's own login file renews itself; a copy in a secret only through the action.
    const fix = (problem) => report.policy.refreshHeldBack &&
        !('file' in (0,providers_credential/* originOf */.yv)(credential.from)) &&
        (problem === 'expiring' || problem === 'invalid')
        ? REFRESH_HELD_BACK_FIX
        : provider.fix(problem, credential.from);
    const title = `Claude credential ${verdict.status}`;
    switch (verdict.status) {
        case 'valid':
            return {
                title: 'Claude credential valid',
                text: `${errors/* PREFIX */.H3}: ${name} is live${credential.expiresAt ? ` and ${expiryText(credential, report.checkedAt)}` : ''} (needs ${report.minRemaining.source}).`
            };
        case 'expiring':
            return {
                title,
                text: `${errors/* PREFIX */.H3}: ${name} ${expiryText(credential, report.checkedAt)}${credential.expirySource ? ` (${credential.expirySource})` : ''}, but the job may need ${(0,duration/* formatDuration */.a)(report.minRemaining.ms)} (${report.minRemaining.source}). Fix: ${fix('expiring')}`
            };
        case 'unverifiable':
            return {
                title,
                text: `${errors/* PREFIX */.H3}: ${name} could not be verified at ${report.inputs.baseUrl}: ${chosen.probe?.message ? serverText(chosen.probe.message, redact) : 'no answer'}${requestIdNote(chosen, redact)}. This says nothing about the credential itself; if it persists, check the network, HTTPS_PROXY and 'anthropic-base-url'.`
            };
        case 'invalid':
        case 'revoked':
        case 'forbidden':
        case 'billing':
            return {
                title,
                text: `${errors/* PREFIX */.H3}: ${name} ${HEADLINE[verdict.status]}: the API answered ${chosen.probe?.httpStatus ?? ''} "${serverText(chosen.probe?.message ?? '', redact)}"${requestIdNote(chosen, redact)}. Fix: ${fix(verdict.status)}`
            };
        case 'missing':
            return missingMessage(event);
    }
}
/** The table's verdict column: `ok`, or what the step does about it. */
const verdictCell = (action) => (action === 'pass' ? 'ok' : action);
/** An AWS account id is masked by configure-aws-credentials by default (`mask-aws-account-id`): never shown. */
const withoutAccountId = (identity) => identity.replace(/\b\d{12}\b/g, '************');
/** Claude Code switched to a cloud platform, or on federation: what its check found (src/cloud/). */
function platformMessage(report, platform, cloud, redact) {
    const { verdict } = report;
    const { fixes } = platform;
    const uses = `Claude Code will use ${platform.label} (${platform.variable})`;
    // The check's own words hold the service's (each clipped where quoted): cut only far past a quote's length.
    const said = withoutAccountId(`${serverText(cloud.message, redact, 3 * markdown_QUOTE_MAX)}${cloud.requestId ? ` (request id ${serverText(cloud.requestId, redact)})` : ''}`);
    const expiry = cloud.renewal
        ? `they last the job: ${cloud.renewal}`
        : cloud.expiresAt
            ? `${expiryText(cloud, report.checkedAt).replace(/^expires/, 'expire')}${cloud.expirySource ? ` (${cloud.expirySource})` : ''}`
            : 'their expiry is unknown';
    const title = `Claude credential ${verdict.status}`;
    switch (verdict.status) {
        case 'valid':
            return {
                title,
                text: `${errors/* PREFIX */.H3}: ${uses}: ${said}; ${expiry} (needs ${report.minRemaining.source}). This proves ${cloud.proves}.`
            };
        case 'expiring':
            return {
                title,
                text: `${errors/* PREFIX */.H3}: ${uses}: the ${platform.credential} ${expiry}, but the job may need ${(0,duration/* formatDuration */.a)(report.minRemaining.ms)} (${report.minRemaining.source}). Fix: ${fixes.expiring}`
            };
        case 'unverifiable':
            return {
                title,
                text: cloud.unseen
                    ? `${errors/* PREFIX */.H3}: ${uses}, and its ${platform.credential} could not be checked: ${said}.`
                    : `${errors/* PREFIX */.H3}: ${uses}, and its ${platform.credential} could not be verified: ${said}. This says nothing about the credentials themselves; if it persists, check the network, HTTPS_PROXY and ${platform.endpoints}.`
            };
        default:
            return {
                title,
                text: cloud.misconfigured
                    ? `${errors/* PREFIX */.H3}: ${uses}, but it is not set up as Claude Code needs: ${said}.`
                    : `${errors/* PREFIX */.H3}: ${uses}, and its ${platform.credential} ${cloud.status === 'expired' ? 'have expired' : verdict.status === 'forbidden' ? 'lack a permission Claude needs' : 'were refused'}: ${said}. Fix: ${verdict.status === 'forbidden' ? fixes.forbidden : fixes.invalid}`
            };
    }
}
/** The platform's row: its credentials, who they are (no account id), and the verdict. */
function platformRow(report, platform) {
    const cloud = report.cloud;
    const remaining = cloud?.renewal
        ? 'renewed during the run'
        : cloud?.expiresAt
            ? formatDuration(cloud.expiresAt.getTime() - report.checkedAt.getTime())
            : 'unknown';
    const who = cloud?.identity ? cellCode(withoutAccountId(cloud.identity)) : '';
    return `| ${capitalise(platform.credential)} for ${platform.label} (used) | ${platform.variable} | ${who} | ${report.verdict.status} | ${cloud?.renewal ? 'job end' : (cloud?.expiresAt?.toISOString() ?? 'unknown')} | ${remaining} | ${verdictCell(report.verdict.action)} |`;
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
        text: `${errors/* PREFIX */.H3}: ${name} is a refresh token with no access token yet: there is nothing to probe, and Claude Code cannot use it until it is refreshed. Fix: ${fix.replace(/\.$/, '')}; or pass the access token too ('claude-credentials' with both tokens).`
    };
}
function missingMessage(event) {
    const names = providers/* PROVIDERS */.x.map(p => p.envVar ? `'${p.source}' (or env ${p.envVar})` : `'${p.source}'`).join(', ');
    if (event.fromFork) {
        return {
            title: 'Claude credential missing: secrets are not passed to this event',
            text: `${errors/* PREFIX */.H3}: no Claude credential reached this job because GitHub does not pass secrets to workflows run for a pull request from a fork. This is not an invalid credential. Skip the job for forks (if: github.event.pull_request.head.repo.fork == false), or run it from a maintainer-triggered event.`
        };
    }
    if (event.actor === 'dependabot[bot]') {
        return {
            title: 'Claude credential missing: secrets are not passed to this event',
            text: `${errors/* PREFIX */.H3}: no Claude credential reached this job because Dependabot runs only get Dependabot secrets. This is not an invalid credential. Add the secret under Settings > Secrets and variables > Dependabot, or skip the job for Dependabot.`
        };
    }
    return {
        title: 'Claude credential missing',
        text: `${errors/* PREFIX */.H3}: no Claude credential was given. Set one of ${names} from a secret, e.g. anthropic-api-key: \${{ secrets.ANTHROPIC_API_KEY }}; check the secret's name and that it is set for this repository or environment.`
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
/** The GitHub token's row: what it is, how it was found, and the verdict on it. */
function githubRow(github) {
    const remaining = github.expiresAt
        ? formatDuration(github.expiresAt.getTime() - github.checkedAt.getTime())
        : github.lastsTheJob
            ? 'the job'
            : 'unknown';
    return `| GitHub token: ${escapeCell(github.label)} | ${escapeCell(inertMarkdown(clipChars(github.found, QUOTE_MAX)))} | ${github.fingerprint ? `\`${github.fingerprint}\`` : ''} | ${github.status} | ${github.expiresAt?.toISOString() ?? (github.lastsTheJob ? 'job end' : 'unknown')} | ${remaining} | ${verdictCell(github.action)} |`;
}
/** The job summary: one row per credential checked, never a secret, only fingerprints. */
function summaryMarkdown(report, message, github) {
    const rows = report.checked.map((checked, i) => {
        const { credential, probe } = checked;
        const used = i === 0 && report.selection.chosen !== undefined;
        const status = used ? report.verdict.status : (probe?.status ?? 'not probed');
        const remaining = credential.expiresAt
            ? formatDuration(credential.expiresAt.getTime() - report.checkedAt.getTime())
            : 'unknown';
        const verdict = used ? verdictCell(report.verdict.action) : 'ignored: Claude uses the one above';
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
        ...(report.selection.platform ? [platformRow(report, report.selection.platform)] : []),
        ...(report.selection.unseen
            ? [
                `| Set by the Claude step | not readable here | | ${report.verdict.status} | unknown | unknown | ${verdictCell(report.verdict.action)} |`
            ]
            : []),
        ...(rows.length || report.selection.unseen || report.selection.platform
            ? rows
            : ['| none | | | missing | | | fail |']),
        ...(github ? [githubRow(github)] : []),
        '',
        `${report.cloud && report.selection.platform ? `Checked the ${report.selection.platform.credential} for ${report.selection.platform.label}` : report.checked.some(c => c.probe) ? `Probed ${report.inputs.baseUrl} (${report.inputs.baseUrlFrom})` : 'Nothing probed'}; the credential must last ${formatDuration(report.minRemaining.ms)}: ${escapeCell(report.minRemaining.source)}.`,
        ...claudeStepLines(report),
        ...(github
            ? [
                '',
                `**${escapeCell(github.title)}**: ${inertMarkdown(reasonOf(github.text))}`,
                ...github.warnings.map(w => `- ${inertMarkdown(w)}`)
            ]
            : []),
        ''
    ];
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./lib/cli/check.js











const CHECK_USAGE = `Usage: claude-preflight check [--json] [--<input> VALUE ...]

Checks the credential Claude Code will use, as the action's main step does. Credentials come from the
same environment variables Claude Code reads:
  ${[...secrets/* SECRET_ENV_VARS */.Ks, 'ANTHROPIC_BASE_URL'].join('\n  ')}
or from flags named like the action's inputs:
  ${CHECK_FLAGS.map(f => `--${f}`).join('\n  ')}
  --claude-credentials-file PATH   read claude-credentials from this file instead of Claude Code's own
Last, as Claude Code does, it reads the login in $CLAUDE_CONFIG_DIR/.credentials.json, else
~/.claude/.credentials.json (on macOS Claude Code keeps it in the Keychain instead).
The credential need not last any longer than now unless --min-remaining asks (e.g. 2h, or auto in a job).
Prefer environment variables to flags for secrets: flags end up in shell history.

Exit status: 0 the credential is fine (or only warned about), 1 it is not, 2 bad usage.`;
/** `claude-preflight check`: returns the exit status. */
async function checkCommand(args, io) {
    let values;
    try {
        ;
        ({ values } = (0,external_node_util_.parseArgs)({
            args,
            options: {
                json: { type: 'boolean', default: false },
                'claude-credentials-file': { type: 'string' },
                ...Object.fromEntries(CHECK_FLAGS.map(flag => [flag, { type: 'string' }]))
            },
            strict: true,
            allowPositionals: false
        }));
    }
    catch (error) {
        // node:util's own wording ("Unknown option '--foo'"), plus where the flags are listed.
        throw new errors/* UserError */.yo(`${errors/* PREFIX */.H3}: ${(0,errors/* reasonOf */.A3)(error)}. Run 'claude-preflight check --help' for the flags.`);
    }
    const flags = values;
    const given = flags['claude-credentials-file'];
    const fileWarnings = [];
    const credentialsFile = typeof given === 'string'
        ? await readGivenFile(given)
        : await readClaudeCodeFile(io.env, fileWarnings);
    const { inputs, input } = readCliCheckInputs(flags, io.env);
    const now = () => new Date((io.now ?? Date.now)());
    const report = await runCheck(inputs, { input, now: now(), ...(credentialsFile && { credentialsFile }) }, { send: io.send ?? request/* send */.tN, env: io.env, now });
    const message = verdictMessage(report, {}, (0,secrets/* redactKnownSecrets */.Ok)(input, io.env));
    const { verdict } = report;
    const chosen = report.chosen;
    const action = verdict.action === 'refresh' ? 'fail' : verdict.action;
    const warnings = [...fileWarnings, ...report.selection.warnings];
    const notes = report.checked.flatMap(({ credential }) => credential.notes);
    if (flags.json) {
        // Inert JSON and text: a gateway's words are quoted, and this output may be a workflow step's stdout, which the
        // runner reads for commands.
        io.stdout((0,inert/* inertJson */.n)({
            credential: chosen?.credential.source ?? null,
            status: verdict.status,
            valid: verdict.status === 'valid',
            expiresAt: chosen?.credential.expiresAt?.toISOString() ?? null,
            remainingSeconds: verdict.remainingMs === undefined ? null : Math.floor(verdict.remainingMs / 1000),
            verdict: action,
            message: message.text,
            warnings,
            notes,
            minRemainingSeconds: Math.floor(report.minRemaining.ms / 1000),
            checked: report.checked.map(({ credential, probe }) => ({
                source: credential.source,
                from: credential.from,
                label: credential.label,
                fingerprint: (0,shapes/* fingerprintOf */.ax)(credential),
                status: probe?.status ?? null,
                httpStatus: probe?.httpStatus ?? null,
                requestId: probe?.requestId ?? null,
                expiresAt: credential.expiresAt?.toISOString() ?? null,
                notes: credential.notes
            }))
        }) + '\n');
    }
    else {
        for (const warning of warnings)
            io.stderr(`warning: ${(0,inert/* inert */.t)(warning)}\n`);
        for (const note of notes)
            io.stderr(`note: ${(0,inert/* inert */.t)(note)}\n`);
        io.stdout(`${verdict.status}: ${(0,inert/* inert */.t)(message.text)}\n`);
    }
    return action === 'fail' ? 1 : 0;
}
/** The credentials file Claude Code reads: $CLAUDE_CONFIG_DIR/.credentials.json, else ~/.claude/.credentials.json. */
function claudeCodeCredentialsPath(env) {
    const dir = env.CLAUDE_CONFIG_DIR?.trim() || (env.HOME ? (0,external_node_path_.join)(env.HOME, '.claude') : undefined);
    return dir ? (0,external_node_path_.join)(dir, '.credentials.json') : undefined;
}
/** The largest credentials file read: a login is a few hundred bytes. */
const MAX_CREDENTIALS_BYTES = 1024 * 1024;
/** A regular file of at most MAX_CREDENTIALS_BYTES (a FIFO there would hang the read); throws with the reason. */
async function readCredentialsFile(path) {
    const info = await (0,promises_.stat)(path);
    if (!info.isFile())
        throw new Error('not a regular file');
    if (info.size > MAX_CREDENTIALS_BYTES)
        throw new Error('larger than 1 MiB');
    return (0,promises_.readFile)(path, 'utf8');
}
/** Why a file could not be read: the system's code (ENOENT, EACCES, …), or what was wrong with it. */
const fileProblem = (error) => error.code ?? error.message;
/** `--claude-credentials-file PATH`: asked for, so a file that cannot be read is an error. */
async function readGivenFile(path) {
    try {
        return { path, text: await readCredentialsFile(path) };
    }
    catch (error) {
        throw (0,errors/* inputError */.Xu)('--claude-credentials-file', `cannot be read (${fileProblem(error)})`, 'Give the path of an existing credentials file');
    }
}
/**
 * The file Claude Code itself would read, when there is one: no file is no credential (on macOS Claude Code keeps
 * the login in the Keychain instead); one that cannot be read is a warning.
 */
async function readClaudeCodeFile(env, warnings) {
    const path = claudeCodeCredentialsPath(env);
    if (!path)
        return undefined;
    try {
        return { path, text: await readCredentialsFile(path) };
    }
    catch (error) {
        const code = fileProblem(error);
        if (code !== 'ENOENT')
            warnings.push(`${path} (Claude Code's login) cannot be read (${code}) and was not checked`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/common/version.js
/** The release version; `claude-preflight --version` prints it. Kept equal to package.json's by a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./lib/cli/index.js




const USAGE = `claude-preflight ${VERSION}

Usage:
  claude-preflight check [--json] [flags]   check the credential Claude Code will use
  claude-preflight scan PATH... [--json]     find credential failures in Claude's output
  claude-preflight --version

Run 'claude-preflight check --help' for the check flags.`;
const COMMANDS = {
    check: { run: async () => checkCommand, usage: async () => CHECK_USAGE },
    scan: {
        run: async () => (await __nccwpck_require__.e(/* import() */ 477).then(__nccwpck_require__.bind(__nccwpck_require__, 8477))).scanCommand,
        usage: async () => (await __nccwpck_require__.e(/* import() */ 477).then(__nccwpck_require__.bind(__nccwpck_require__, 8477))).SCAN_USAGE
    }
};
/** Dispatches a command; returns the exit status (2 for bad usage). */
async function cli(argv, io) {
    const [name, ...args] = argv;
    if (name === '--version' || name === '-v') {
        io.stdout(`${VERSION}\n`);
        return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.stdout(`${USAGE}\n`);
        return name === undefined ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (!command) {
        io.stderr(`claude-preflight: unknown command '${(0,inert/* inert */.t)(name)}'.\n${USAGE}\n`);
        return 2;
    }
    if (args.includes('--help') || args.includes('-h')) {
        io.stdout(`${await command.usage()}\n`);
        return 0;
    }
    try {
        return await (await command.run())(args, io);
    }
    catch (error) {
        io.stderr(`${(0,inert/* inert */.t)((0,errors/* oneLine */.TN)(error))}\n`);
        return 2;
    }
}
async function run() {
    // `claude-preflight scan … | head`: once the reader has gone, the rest is not written, and the exit status stands.
    const open = { stdout: true, stderr: true };
    const writer = (name) => {
        process[name].on('error', (error) => {
            if (error.code !== 'EPIPE')
                throw error;
            open[name] = false;
        });
        return (text) => void (open[name] && process[name].write(text));
    };
    process.exitCode = await cli(process.argv.slice(2), {
        stdout: writer('stdout'),
        stderr: writer('stderr'),
        env: process.env
    });
}


/***/ }),

/***/ 7487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ truthy)
/* harmony export */ });
// Reading the environment as Claude Code reads it.
/** A flag variable as Claude Code takes it: set, and not `0`, `false`, `no` or `off` (any case, spaces around). */
const truthy = (value) => !!value && !/^(0|false|no|off)$/i.test(value.trim());


/***/ }),

/***/ 7317:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   A3: () => (/* binding */ reasonOf),
/* harmony export */   DX: () => (/* binding */ clipLine),
/* harmony export */   H3: () => (/* binding */ PREFIX),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Xu: () => (/* binding */ inputError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
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
function inputError(input, problem, fix) {
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
function clipLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}


/***/ }),

/***/ 9704:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ inertJson),
/* harmony export */   t: () => (/* binding */ inert)
/* harmony export */ });
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


/***/ }),

/***/ 6619:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ MIN_SECRET),
/* harmony export */   af: () => (/* binding */ normaliseText),
/* harmony export */   sD: () => (/* binding */ redactorFor)
/* harmony export */ });
/* unused harmony exports secretForms, redactEncodedRuns */
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


/***/ }),

/***/ 8999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* binding */ answerWithout),
/* harmony export */   OW: () => (/* binding */ githubHeaders),
/* harmony export */   SX: () => (/* binding */ apiMessage),
/* harmony export */   VQ: () => (/* binding */ bodyDescription),
/* harmony export */   m: () => (/* binding */ transientOrRedirect),
/* harmony export */   r4: () => (/* binding */ isHtmlPage),
/* harmony export */   tj: () => (/* binding */ apiBaseUrl)
/* harmony export */ });
/* unused harmony exports GITHUB_TIMEOUT_MS, githubRequest, answerOf, routeRequest, isTransient */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7317);
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6619);
/* harmony import */ var _http_request_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2424);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3947);




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
    const redact = (0,_common_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactorFor */ .sD)(secrets, text => text);
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
        const retryAfterMs = (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(headers['retry-after']);
        return {
            done: false,
            value: unverifiable(`HTTP ${status}: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clipLine */ .DX)(said)}`),
            ...(retryAfterMs !== undefined && { retryAfterMs })
        };
    }
    if (status >= 300 && status < 400) {
        const to = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clipLine */ .DX)(headers.location ?? 'nowhere', 120);
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


/***/ }),

/***/ 2424:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony export classifyNetworkError */
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
const loadUndici = loadedOnce(() => __nccwpck_require__.e(/* import() */ 718).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4718, 19)));
const loadHttpClient = loadedOnce(() => Promise.all(/* import() */[__nccwpck_require__.e(718), __nccwpck_require__.e(316)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8316)));
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
const send = async (request) => {
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


/***/ }),

/***/ 3947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ sendWithRetries),
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   pr: () => (/* binding */ attemptsNote)
/* harmony export */ });
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2424);

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
            if (!(error instanceof _request_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr))
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


/***/ }),

/***/ 9468:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ unsafeTransport),
/* harmony export */   v: () => (/* binding */ isSafeTransport)
/* harmony export */ });
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


/***/ }),

/***/ 6099:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   ke: () => (/* binding */ parseCredentialUrl),
/* harmony export */   m1: () => (/* binding */ parseSince),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7317);
/* harmony import */ var _lifetime_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2996);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9468);
// The parsers of user input: pure functions from the text of one input (or CLI flag) to its value, or an inputError
// naming it. Readers (check.ts, refresh.ts, post.ts, main.ts, cli.ts) apply the defaults and call these.



function parseChoice(input, value, choices) {
    const text = value.trim().toLowerCase();
    if (choices.includes(text))
        return text;
    throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is '${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(value.trim())}'`, `Use ${choices.map(c => `'${c}'`).join(' or ')}`);
}
/** The spellings `core.getBooleanInput` accepts (YAML 1.2 core schema), and no others. */
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** A true/false input, read as `core.getBooleanInput` reads it. */
function parseBoolean(input, value) {
    const text = value.trim();
    if (TRUE.includes(text))
        return true;
    if (FALSE.includes(text))
        return false;
    throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is '${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(text)}', not true or false`, `Use ${[...TRUE, ...FALSE].map(c => `'${c}'`).join(', ')} (YAML's spellings, as GitHub reads them)`);
}
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
/**
 * Parses a duration such as `90m`, `2h`, `1h30m`, `45s` or `1d` into milliseconds.
 * Each unit at most once, largest first; whitespace around is ignored. Bad input throws an error naming `input`.
 */
function parseDuration(input, value, range = { min: 0, max: 7 * UNIT_MS.d }) {
    const text = value.trim().toLowerCase();
    const example = "Use a number with a unit, such as '90m', '2h', '1h30m' or '45s'";
    if (text === '')
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'is empty', example);
    const match = /^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(text);
    if (!match || match.slice(1).every(part => part === undefined)) {
        const hint = /^\d+$/.test(text) ? `A bare number has no unit. ${example}` : example;
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is not a duration ('${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(value)}')`, hint);
    }
    const [, d = '0', h = '0', m = '0', s = '0'] = match;
    const ms = Number(d) * UNIT_MS.d +
        Number(h) * UNIT_MS.h +
        Number(m) * UNIT_MS.m +
        Number(s) * UNIT_MS.s;
    if (ms < range.min || ms > range.max) {
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is out of range ('${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(value)}')`, `Use a duration from ${(0,_lifetime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(range.min)} to ${(0,_lifetime_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(range.max)}`);
    }
    return ms;
}
/**
 * Validates a URL that a credential is sent to: https (http only to loopback), no credentials in it, no query.
 * `fix` says what to use instead.
 */
function parseCredentialUrl(input, value, fix) {
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        // Never quoted when it may hold a user name and password, which a parse error cannot tell apart.
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, text.includes('@') ? 'is not a URL' : `is not a URL ('${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(text)}')`, fix);
    }
    if (url.username || url.password)
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'has a user name or password in it', `${fix}, and put credentials in their own inputs`);
    if (!(0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isSafeTransport */ .v)(url))
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, url.protocol === 'http:'
            ? `uses http: to ${url.hostname}, in clear, instead of https:`
            : `uses ${url.protocol} instead of https:`, `${fix}; credentials travel only over https (http only to this machine)`);
    if (url.search || url.hash)
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'has a query or fragment', fix);
    return url;
}
/**
 * `--since`: an ISO 8601 date-time, or a duration before `now` (a bare number is a duration without a unit); epoch
 * ms.
 */
function parseSince(input, value, now) {
    if (/^\s*(\d+[dhms]?)+\s*$/i.test(value))
        return now - parseDuration(input, value, { min: 0, max: 10 * 365 * UNIT_MS.d });
    const text = value.trim();
    const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(at))
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is neither a date-time nor a duration ('${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(text)}')`, "Use an ISO 8601 date-time such as 2026-05-01T09:00:00Z, or a duration ago such as '2h' or '1d'");
    return at;
}


/***/ }),

/***/ 2996:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
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


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ jwtExpiry)
/* harmony export */ });
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


/***/ }),

/***/ 4514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseTimestamp)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7317);

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
            throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'is not a valid timestamp', fix);
        if (epoch < SECONDS_LIMIT) {
            const at = new Date(epoch * 1000);
            return {
                at,
                note: `${input} ${epoch} looks like epoch seconds, not milliseconds; read it as ${at.toISOString()}`
            };
        }
        const at = new Date(epoch);
        if (Number.isNaN(at.getTime()))
            throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'is out of range', fix);
        return { at };
    }
    if (typeof value === 'string') {
        const text = value.trim();
        if (text === '')
            throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'is empty', fix);
        const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text);
        const at = new Date(text);
        if (!iso || Number.isNaN(at.getTime())) {
            throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is not a timestamp ('${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(text)}')`, fix);
        }
        return { at };
    }
    throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, `is a ${value === null ? 'null' : typeof value}, not a timestamp`, fix);
}


/***/ }),

/***/ 2083:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ probe)
/* harmony export */ });
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3947);
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6032);


/**
 * Probes the credential with its provider's probe, retrying transient answers with jittered back-off until
 * `timeoutMs` runs out.
 */
async function probe(credential, options) {
    const started = Date.now();
    const { request, classify } = (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_1__/* .providerOf */ .l)(credential.source).probe(credential, {
        baseUrl: options.baseUrl
    });
    const { value, attempts } = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .sendWithRetries */ .HI)(request, answer => {
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
    }, message => ({ status: 'transient', message }), options);
    const { status, retryAfterMs: _, ...rest } = value;
    return {
        ...rest,
        status: status === 'transient' ? 'unverifiable' : status,
        message: status === 'transient' ? `${value.message}${(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptsNote */ .pr)(attempts)}` : value.message,
        attempts,
        elapsedMs: Date.now() - started
    };
}


/***/ }),

/***/ 2352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ OAUTH_BETA),
/* harmony export */   Rh: () => (/* binding */ anthropicProbe),
/* harmony export */   cZ: () => (/* binding */ anthropicShape),
/* harmony export */   wv: () => (/* binding */ ANY_ANTHROPIC_SHAPE),
/* harmony export */   y: () => (/* binding */ ANTHROPIC_VERSION)
/* harmony export */ });
/* unused harmony export anthropicName */
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3947);

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
        return verdict(answer, 'transient', `HTTP ${status}: ${said}`, retryAfter(answer));
    }
    if (status >= 300 && status < 400) {
        return verdict(answer, 'unverifiable', `HTTP ${status} redirect to ${answer.headers.location ?? 'elsewhere'}: 'anthropic-base-url' should be the API's own address`);
    }
    if (status === 407) {
        return verdict(answer, 'unverifiable', 'the HTTP proxy wants credentials (407): check HTTPS_PROXY');
    }
    if (status >= 200 && status < 300) {
        // Only the route's own answer: a captive portal's page, a cut-off body or a gateway's stub proves nothing.
        return answer.body && route.isAnswer(answer.body)
            ? verdict(answer, 'valid', `HTTP ${status}`)
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
function verdict(answer, status, message, extra = {}) {
    return { status, message, ...answer.base, ...extra };
}
function retryAfter(answer) {
    const retryAfterMs = (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRetryAfter */ .mu)(answer.headers['retry-after']);
    return retryAfterMs === undefined ? {} : { retryAfterMs };
}
/** 429: the organisation's spend limit when the API says so, else a rate limit to wait out. */
function rateLimited(answer) {
    const error = answer.apiError;
    if (error?.details?.error_code === 'enforced_spend_limit_reached') {
        return verdict(answer, 'billing', error.message);
    }
    return verdict(answer, 'transient', `rate limited (429): ${error?.message || 'too many requests'}`, retryAfter(answer));
}
function notFromApi(answer, consequence) {
    return verdict(answer, 'unverifiable', `HTTP ${answer.status} that did not come from the API (${describeBody(answer)}): ${consequence}`);
}
/** A 4xx in the API's own error format: what it says about the credential, or that the route is not the API's. */
function judgedByApi(answer, error) {
    const { status, route } = answer;
    if (error.type === 'billing_error' ||
        status === 402 ||
        /credit balance|billing/i.test(error.message)) {
        return verdict(answer, 'billing', error.message);
    }
    if (status === 401) {
        return verdict(answer, /revoked/i.test(error.message) ? 'revoked' : 'invalid', error.message);
    }
    if (status === 403)
        return verdict(answer, 'forbidden', error.message);
    if (route.judgedAfterAuth.includes(status)) {
        return verdict(answer, 'valid', `HTTP ${status} after authentication (${error.message})`);
    }
    return verdict(answer, 'unverifiable', `HTTP ${status} ${error.type} for ${route.path}, which the API answers before it looks at the credential: check 'anthropic-base-url' (it is the address without /v1, such as https://api.anthropic.com)`);
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


/***/ }),

/***/ 3053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ ANTHROPIC_PHRASINGS),
/* harmony export */   ZJ: () => (/* binding */ ANTHROPIC_FAILURES),
/* harmony export */   bl: () => (/* binding */ classifyApiError),
/* harmony export */   h8: () => (/* binding */ ANTHROPIC_API_ERROR_PHRASINGS),
/* harmony export */   oq: () => (/* binding */ isCredentialStatus)
/* harmony export */ });
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


/***/ }),

/***/ 7406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ AWS_FAILURES),
/* harmony export */   Sl: () => (/* binding */ AWS_PREFLIGHT_FIXES),
/* harmony export */   mX: () => (/* binding */ AWS_PHRASINGS)
/* harmony export */ });
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


/***/ }),

/***/ 3612:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IH: () => (/* binding */ AZURE_PREFLIGHT_FIXES),
/* harmony export */   S1: () => (/* binding */ AZURE_FAILURES),
/* harmony export */   WC: () => (/* binding */ AZURE_PHRASINGS)
/* harmony export */ });
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


/***/ }),

/***/ 7400:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ cleanSecret),
/* harmony export */   d: () => (/* binding */ refuseInnerJunk)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7317);

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
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'has a space or line break inside the value', 'Paste the secret again as a single line, with nothing else in it');
    }
    if (/[^\x21-\x7e]/.test(token)) {
        throw (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .inputError */ .Xu)(input, 'has a control or non-ASCII character inside the value', 'Copy the secret again exactly as it was issued; editors and chat apps sometimes replace characters');
    }
}


/***/ }),

/***/ 4264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a6: () => (/* binding */ newCredential),
/* harmony export */   lt: () => (/* binding */ homeOf),
/* harmony export */   sK: () => (/* binding */ capitalise),
/* harmony export */   yv: () => (/* binding */ originOf)
/* harmony export */ });
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


/***/ }),

/***/ 6568:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GU: () => (/* binding */ FEDERATION_PHRASINGS),
/* harmony export */   HF: () => (/* binding */ FEDERATION_SWITCHES),
/* harmony export */   Me: () => (/* binding */ FEDERATION_FAILURES),
/* harmony export */   UP: () => (/* binding */ FEDERATION_PREFLIGHT_FIXES)
/* harmony export */ });
/** Claude Code uses federation when both are set (trimmed, not empty). */
const FEDERATION_SWITCHES = [
    'ANTHROPIC_FEDERATION_RULE_ID',
    'ANTHROPIC_ORGANIZATION_ID'
];
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


/***/ }),

/***/ 1851:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rc: () => (/* binding */ GCP_PREFLIGHT_FIXES),
/* harmony export */   bf: () => (/* binding */ GCP_PHRASINGS),
/* harmony export */   x4: () => (/* binding */ GCP_FAILURES)
/* harmony export */ });
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
const ERRORS_DOCS = 'https://cloud.google.com/apis/design/errors';
const GCP_PHRASINGS = [
    {
        anchor: 'ACCESS_TOKEN_EXPIRED',
        pattern: /\bACCESS_TOKEN_EXPIRED\b/,
        kind: 'gcp-auth-expired',
        source: ERRORS_DOCS
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
        source: ERRORS_DOCS
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
        source: ERRORS_DOCS
    }
];
const GOOGLE_AUTH = 'authenticate with google-github-actions/auth and its credentials file (workload identity federation: `workload_identity_provider` and `service_account`, `create_credentials_file: true`, the job with `permissions: id-token: write`), which Claude Code re-mints tokens from for the whole job';
/** The main step's fix for Google credentials the preflight found wanting, by what is wrong. */
const GCP_PREFLIGHT_FIXES = {
    expiring: `A bare access token (google-github-actions/auth's \`token_format: access_token\`, \`access_token_lifetime\` default 3600 s) is never renewed: ${GOOGLE_AUTH}; or raise \`access_token_lifetime\`, or shorten the job.`,
    invalid: `${GCP_FAILURES[1].fix} Without a credentials file, ${GOOGLE_AUTH}. Set ANTHROPIC_VERTEX_PROJECT_ID to the project with the Claude models.`,
    forbidden: 'The Google identity is live but may not call Vertex AI there: grant it `roles/aiplatform.user` (permission `aiplatform.endpoints.predict`) in the project Claude Code uses (`ANTHROPIC_VERTEX_PROJECT_ID`), enable the Claude models in Model Garden for its region (`CLOUD_ML_REGION`), and, with workload identity federation through a service account, give the principal `roles/iam.workloadIdentityUser` on it.'
};


/***/ }),

/***/ 6032:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x: () => (/* binding */ PROVIDERS),
  l: () => (/* binding */ providerOf)
});

// EXTERNAL MODULE: ./lib/providers/anthropic-failures.js
var anthropic_failures = __nccwpck_require__(3053);
// EXTERNAL MODULE: ./lib/providers/anthropic-api.js
var anthropic_api = __nccwpck_require__(2352);
// EXTERNAL MODULE: ./lib/providers/credential.js
var providers_credential = __nccwpck_require__(4264);
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
    shapes: [(0,anthropic_api/* anthropicShape */.cZ)('api', 'an Anthropic API key')],
    read(value, from, context) {
        context.checkPlacement(from, value, ['anthropic-api-key']);
        return (0,providers_credential/* newCredential */.a6)(this, from, value);
    },
    probe: anthropic_api/* anthropicProbe */.Rh,
    failures: anthropic_failures/* ANTHROPIC_FAILURES */.ZJ,
    fix(problem, from) {
        const home = (0,providers_credential/* homeOf */.lt)(from);
        return {
            invalid: `Create a new API key at ${CONSOLE}/keys and store it in ${home}.`,
            revoked: `The key was disabled or deleted: create a new one at ${CONSOLE}/keys and store it in ${home}.`,
            expiring: `Create a key whose expiry is longer than your jobs at ${CONSOLE}/keys and store it in ${home} (or lower 'min-remaining').`,
            forbidden: `The key's organisation or workspace may not use this API: check the key's workspace and permissions at ${CONSOLE}/keys.`,
            billing: `Add credits or raise the spend limit at ${CONSOLE}/billing, then run it again.`
        }[problem];
    }
};

// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __nccwpck_require__(7183);
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
        const expiresAt = (0,jwt/* jwtExpiry */.l)(value);
        return {
            ...(0,providers_credential/* newCredential */.a6)(this, from, value),
            ...(expiresAt && { expiresAt, expirySource: "the token's JWT 'exp' claim" })
        };
    },
    probe: anthropic_api/* anthropicProbe */.Rh,
    failures: anthropic_failures/* ANTHROPIC_FAILURES */.ZJ,
    fix(problem, from) {
        const renew = `get a new token from your gateway's issuer and store it in ${(0,providers_credential/* homeOf */.lt)(from)}`;
        return {
            invalid: `${(0,providers_credential/* capitalise */.sK)(renew)}.`,
            revoked: `The token was revoked: ${renew}.`,
            expiring: `${(0,providers_credential/* capitalise */.sK)(renew)}, with a lifetime longer than your jobs (or lower 'min-remaining').`,
            forbidden: "The gateway refused the token's permissions: ask the gateway's owner to grant it model access.",
            billing: "The gateway reports a billing or quota problem: ask the gateway's owner to raise the budget."
        }[problem];
    }
};

// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __nccwpck_require__(7317);
// EXTERNAL MODULE: ./lib/lifetime/timestamp.js
var timestamp = __nccwpck_require__(4514);
// EXTERNAL MODULE: ./lib/providers/clean.js
var clean = __nccwpck_require__(7400);
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
        throw (0,errors/* inputError */.Xu)(INPUT, 'is not valid JSON', SHAPE);
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw (0,errors/* inputError */.Xu)(INPUT, 'is not a JSON object', SHAPE);
    }
    const oauth = document.claudeAiOauth;
    if (typeof oauth !== 'object' || oauth === null || Array.isArray(oauth)) {
        throw (0,errors/* inputError */.Xu)(INPUT, "has no 'claudeAiOauth' object", SHAPE);
    }
    const fields = oauth;
    for (const field of ['accessToken', 'refreshToken']) {
        if (fields[field] !== undefined && typeof fields[field] !== 'string') {
            throw (0,errors/* inputError */.Xu)(INPUT, `has a '${field}' that is not a string`, SHAPE);
        }
    }
    if (!fields.accessToken && !fields.refreshToken) {
        throw (0,errors/* inputError */.Xu)(INPUT, "has neither 'accessToken' nor 'refreshToken'", SHAPE);
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
        const credential = (0,providers_credential/* newCredential */.a6)(this, from, (oauth.accessToken ?? '').trim());
        credential.document = value;
        for (const field of ['accessToken', 'refreshToken']) {
            const token = oauth[field];
            if (!token)
                continue;
            if (token !== token.trim())
                credential.notes.push(`removed whitespace or a newline around '${field}' in '${INPUT}'`);
            (0,clean/* refuseInnerJunk */.d)(`${INPUT}.${field}`, token.trim());
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
            const { at, note } = (0,timestamp/* parseTimestamp */.E)(`${INPUT}.expiresAt`, oauth.expiresAt);
            credential.expiresAt = at;
            credential.expirySource = `'expiresAt' of ${INPUT}`;
            if (note)
                credential.notes.push(note);
        }
        return credential;
    },
    probe: anthropic_api/* anthropicProbe */.Rh,
    failures: anthropic_failures/* ANTHROPIC_FAILURES */.ZJ,
    fix(problem, from) {
        const origin = (0,providers_credential/* originOf */.yv)(from);
        const inFile = 'file' in origin;
        const login = inFile
            ? `run 'claude' and '/login': it writes the new login to ${origin.file}`
            : `run 'claude' and '/login' on your machine, then store the new ~/.claude/.credentials.json in ${(0,providers_credential/* homeOf */.lt)(from)}`;
        return {
            invalid: `${(0,providers_credential/* capitalise */.sK)(login)}${inFile ? '' : ", or let the action refresh it: set 'secrets-token' and leave 'on-expiring' at 'auto'"}.`,
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

// EXTERNAL MODULE: ./lib/providers/oauth-token.js
var oauth_token = __nccwpck_require__(3734);
;// CONCATENATED MODULE: ./lib/providers/index.js




/**
 * Every provider, in Claude Code's own precedence, highest first (https://code.claude.com/docs/en/authentication#authentication-precedence): ANTHROPIC_AUTH_TOKEN,
 * ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN, then the /login credentials file.
 */
const PROVIDERS = [authToken, apiKey, oauth_token/* oauthToken */.vT, claudeCredentials];
function providerOf(source) {
    const provider = PROVIDERS.find(p => p.source === source);
    if (!provider)
        throw new Error(`unknown credential source ${source}`);
    return provider;
}


/***/ }),

/***/ 3734:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ readRefreshTokenInput),
/* harmony export */   bN: () => (/* binding */ REFRESH_TOKEN_INPUT),
/* harmony export */   vT: () => (/* binding */ oauthToken)
/* harmony export */ });
/* harmony import */ var _anthropic_failures_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3053);
/* harmony import */ var _credential_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4264);
/* harmony import */ var _anthropic_api_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2352);
/* harmony import */ var _clean_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7400);
/* harmony import */ var _lifetime_timestamp_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4514);





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
    const cleaned = (0,_clean_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanSecret */ .Q)(REFRESH_TOKEN_INPUT, raw);
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
        (0,_anthropic_api_js__WEBPACK_IMPORTED_MODULE_1__/* .anthropicShape */ .cZ)('oat', 'an OAuth access token'),
        {
            ...(0,_anthropic_api_js__WEBPACK_IMPORTED_MODULE_1__/* .anthropicShape */ .cZ)('ort', 'an OAuth refresh token', REFRESH_TOKEN_INPUT),
            fix: `Move it to input '${REFRESH_TOKEN_INPUT}' (or use 'claude-credentials')`
        }
    ],
    read(value, from, context) {
        if (value)
            context.checkPlacement(from, value, ['claude-code-oauth-token']);
        const credential = (0,_credential_js__WEBPACK_IMPORTED_MODULE_4__/* .newCredential */ .a6)(this, from, value);
        const expires = context.input(EXPIRES_AT_INPUT).trim();
        if (expires) {
            const { at, note } = (0,_lifetime_timestamp_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTimestamp */ .E)(EXPIRES_AT_INPUT, expires);
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
    probe: _anthropic_api_js__WEBPACK_IMPORTED_MODULE_1__/* .anthropicProbe */ .Rh,
    failures: _anthropic_failures_js__WEBPACK_IMPORTED_MODULE_0__/* .ANTHROPIC_FAILURES */ .ZJ,
    fix(problem, from) {
        const renew = `run 'claude setup-token' on your machine and store the new token in ${(0,_credential_js__WEBPACK_IMPORTED_MODULE_4__/* .homeOf */ .lt)(from)}`;
        return {
            invalid: `${(0,_credential_js__WEBPACK_IMPORTED_MODULE_4__/* .capitalise */ .sK)(renew)}.`,
            revoked: `The token was revoked (logged out, or replaced): ${renew}.`,
            expiring: `${(0,_credential_js__WEBPACK_IMPORTED_MODULE_4__/* .capitalise */ .sK)(renew)}, then update 'oauth-token-expires-at' (setup-tokens last about a year).`,
            forbidden: "Your organisation disabled Claude subscription access for Claude Code, or the token lacks the 'user:inference' scope: ask an admin to allow it, or use an API key in 'anthropic-api-key'.",
            billing: "The subscription behind the token has no usage left or a billing problem: check the plan at https://claude.ai/settings/billing, or use an API key in 'anthropic-api-key'."
        }[problem];
    }
};


/***/ }),

/***/ 4565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ FEDERATION),
/* harmony export */   P: () => (/* binding */ PLATFORMS)
/* harmony export */ });
/* harmony import */ var _aws_failures_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7406);
/* harmony import */ var _federation_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6568);
/* harmony import */ var _azure_failures_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3612);
/* harmony import */ var _gcp_failures_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1851);
// The platforms an environment variable switches Claude Code to, instead of Anthropic's API
// (https://code.claude.com/docs/en/third-party-integrations): each brings its own credential chain, checked by its
// module in src/cloud/ (loaded only when selected). In Claude Code's order: the first switched on wins.




/** The AWS platforms run on the same credentials, found and proven alike (src/cloud/aws/). */
const AWS = {
    credential: 'AWS credentials',
    failurePrefix: 'aws-',
    endpoints: 'the AWS endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS, ANTHROPIC_BEDROCK_BASE_URL)',
    fixes: _aws_failures_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS_PREFLIGHT_FIXES */ .Sl,
    expiryVariable: 'AWS_CREDENTIAL_EXPIRATION'
};
const PLATFORMS = [
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
        fixes: _gcp_failures_js__WEBPACK_IMPORTED_MODULE_3__/* .GCP_PREFLIGHT_FIXES */ .Rc,
        lastsWithoutRenewer: "Google Vertex AI needs no renewer: the credentials file google-github-actions/auth writes (from the job's OIDC token) and a service account key mint fresh access tokens by themselves for the whole job; a bare access token (CLAUDE_CODE_SKIP_VERTEX_AUTH with ANTHROPIC_AUTH_TOKEN) cannot be minted again, so use the credentials file instead"
    },
    {
        id: 'foundry',
        variable: 'CLAUDE_CODE_USE_FOUNDRY',
        label: 'Microsoft Foundry',
        credential: 'Azure credentials',
        failurePrefix: 'azure-',
        fixes: _azure_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .AZURE_PREFLIGHT_FIXES */ .IH,
        endpoints: 'ANTHROPIC_FOUNDRY_RESOURCE / ANTHROPIC_FOUNDRY_BASE_URL and AZURE_AUTHORITY_HOST'
    }
];
/**
 * Anthropic workload identity federation (https://platform.claude.com/docs/en/manage-claude/wif-reference): not a
 * switch but a credential route of Anthropic's API, sixth in Claude Code's precedence, after every environment
 * credential and before the /login file. Checked by src/cloud/federation/.
 */
const FEDERATION = {
    id: 'federation',
    variable: 'ANTHROPIC_FEDERATION_RULE_ID',
    label: 'Anthropic workload identity federation',
    credential: 'federated tokens',
    failurePrefix: 'anthropic-auth-',
    endpoints: "ANTHROPIC_BASE_URL and the runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL)",
    fixes: _federation_js__WEBPACK_IMPORTED_MODULE_1__/* .FEDERATION_PREFLIGHT_FIXES */ .UP
};


/***/ }),

/***/ 9172:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ks: () => (/* binding */ SECRET_ENV_VARS),
/* harmony export */   Ok: () => (/* binding */ redactKnownSecrets),
/* harmony export */   f1: () => (/* binding */ SECRET_INPUT_NAMES),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   zx: () => (/* binding */ PROVIDER_PLAIN_INPUTS)
/* harmony export */ });
/* unused harmony exports jsonSecretStrings, knownSecrets */
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6032);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2306);
/* harmony import */ var _common_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6619);
// The secrets this step knows, derived from the providers' table: the inputs that hold them and the environment
// variables Claude Code reads them from. Masking (src/action/main.ts) and redaction read them from here only.



/** The inputs that hold a credential's secret: masked before anything reads them. */
const SECRET_INPUTS = [
    ..._index_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .x.map(provider => provider.source),
    ..._index_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .x.flatMap(provider => provider.secretInputs)
];
/** The inputs the providers read that never hold a secret: a secret pasted there is refused. */
const PROVIDER_PLAIN_INPUTS = _index_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .x.flatMap(provider => provider.plainInputs);
/** Inputs that may hold a secret: the credentials', the GitHub tokens and a GitHub App's private key. */
const SECRET_INPUT_NAMES = [
    ...SECRET_INPUTS,
    'claude-github-token',
    'github-token',
    'secrets-token',
    'private-key'
];
/** The environment variables Claude Code reads a credential from. */
const SECRET_ENV_VARS = _index_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .x.flatMap(provider => provider.envVar ? [provider.envVar] : []);
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
            if (/token$/i.test(key) || (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .looksLikeSecret */ .WW)(node))
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
    return [...new Set(values.filter(value => value.length >= _common_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .MIN_SECRET */ .Cq))];
}
/**
 * The redactor of the secrets this step knows (knownSecrets), of `others` it read elsewhere (the renewer's files), and
 * of every known shape of a secret.
 */
function redactKnownSecrets(input, env, others = []) {
    return (0,_common_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactorFor */ .sD)([...knownSecrets(input, env), ...others], _shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp);
}


/***/ }),

/***/ 2306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  HY: () => (/* binding */ SHAPES),
  ax: () => (/* binding */ fingerprintOf),
  WW: () => (/* binding */ looksLikeSecret),
  fp: () => (/* binding */ redactSecrets)
});

// UNUSED EXPORTS: fingerprint

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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

// EXTERNAL MODULE: ./lib/providers/index.js + 3 modules
var providers = __nccwpck_require__(6032);
// EXTERNAL MODULE: ./lib/providers/anthropic-api.js
var anthropic_api = __nccwpck_require__(2352);
;// CONCATENATED MODULE: ./lib/providers/other-shapes.js

const OTHER_SHAPES = [
    {
        ...(0,anthropic_api/* anthropicShape */.cZ)('admin', 'an Admin API key, which cannot call models'),
        fix: 'Create a regular API key (sk-ant-api03-…) in the Anthropic Console and use that'
    },
    anthropic_api/* ANY_ANTHROPIC_SHAPE */.wv,
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
    ...providers/* PROVIDERS */.x.flatMap(provider => provider.shapes.map(shape => ({
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
/******/ var __webpack_exports__ = __nccwpck_require__(490);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

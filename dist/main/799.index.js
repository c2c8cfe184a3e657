export const id = 799;
export const ids = [799];
export const modules = {

/***/ 5799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAwsCredentials: () => (/* binding */ checkAwsCredentials)
});

// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __webpack_require__(7183);
// EXTERNAL MODULE: ./lib/providers/platforms.js + 3 modules
var platforms = __webpack_require__(1977);
;// CONCATENATED MODULE: ./lib/cloud/aws/bearer-key.js
// Amazon Bedrock API keys (`AWS_BEARER_TOKEN_BEDROCK`, https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html).
// A short-term key is `bedrock-api-key-` and the base64 of a SigV4-presigned URL without its scheme,
// `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=…&X-Amz-Credential=<key id>/<date>/<region>/bedrock/aws4_request&X-Amz-Date=…&X-Amz-Expires=…&X-Amz-SignedHeaders=host&X-Amz-Security-Token=…&X-Amz-Signature=…&Version=1`
// (aws/aws-bedrock-token-generator-js src/token.ts): it dies at X-Amz-Date + X-Amz-Expires (at most 12 hours), and
// works only in the region it was made for. A long-term key (`ABSK…`) is an IAM service-specific credential whose
// expiry is not in it.
const PREFIX = 'bedrock-api-key-';
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/**
 * What a Bedrock API key says of itself. A short-term key's parts that are secrets on their own (its session token,
 * its signature) come back as `derivedSecrets`, for the caller to mask.
 */
function readBedrockApiKey(key) {
    if (key.startsWith('ABSK'))
        return { kind: 'long-term' };
    if (!key.startsWith(PREFIX))
        return { kind: 'unknown' };
    const decoded = Buffer.from(key.slice(PREFIX.length), 'base64').toString('utf8');
    const query = decoded.slice(decoded.indexOf('?') + 1);
    if (!decoded.includes('?') || !/^[\x20-\x7e]+$/.test(decoded))
        return { kind: 'short-term-unreadable' };
    const params = new URLSearchParams(query);
    const date = AMZ_DATE.exec(params.get('X-Amz-Date') ?? '');
    const lifetime = params.get('X-Amz-Expires') ?? '';
    if (!date || !/^\d{1,6}$/.test(lifetime))
        return { kind: 'short-term-unreadable' };
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = date.slice(1).map(Number);
    const signedAt = Date.UTC(year, month - 1, day, hour, minute, second);
    const region = params.get('X-Amz-Credential')?.split('/')[2];
    const derivedSecrets = ['X-Amz-Security-Token', 'X-Amz-Signature']
        .map(name => params.get(name) ?? '')
        .filter(Boolean);
    return {
        kind: 'short-term',
        expiresAt: new Date(signedAt + Number(lifetime) * 1000),
        ...(region && /^[a-z0-9-]{1,30}$/.test(region) && { region }),
        derivedSecrets
    };
}

// EXTERNAL MODULE: ./lib/cloud/aws/calls.js + 1 modules
var calls = __webpack_require__(3302);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
;// CONCATENATED MODULE: ./lib/cloud/aws/credentials.js
// The AWS credentials the Claude step's AWS SDK finds, in the order of its default chain
// (@aws-sdk/credential-provider-node defaultProvider): the environment's keys unless `AWS_PROFILE` is set, then a
// profile of the shared files (static keys, a role to assume, a web identity, SSO, a credential process: AWS's
// @aws-sdk/credential-provider-ini reads them), then `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
// (@aws-sdk/credential-provider-web-identity). The providers are AWS's own, loaded on first use; the STS calls they
// need go through this action's own calls (`roleAssumer`, `roleAssumerWithWebIdentity`), so that they honour the
// endpoint variables, the proxy and the deadline, and are classified like every other call. An EC2 instance's or a
// container's role, the chain's last resort, is not checked.




/** A call of a credential provider that failed: its reading travels up through the SDK's provider. */
class ProviderCallError extends Error {
    reading;
    constructor(reading) {
        super(reading.message);
        this.reading = reading;
    }
}
/** The credentials, or the reading of why none could be had. */
async function resolveAwsCredentials(env, sts, deps) {
    const key = env.AWS_ACCESS_KEY_ID ?? '';
    const secret = env.AWS_SECRET_ACCESS_KEY ?? '';
    const session = env.AWS_SESSION_TOKEN ?? '';
    for (const value of [key, secret, session])
        if (value)
            deps.mask(value);
    if (!env.AWS_PROFILE && key && secret) {
        // The SDK's fromEnv reads AWS_CREDENTIAL_EXPIRATION as the keys' expiry.
        const expiration = env.AWS_CREDENTIAL_EXPIRATION
            ? new Date(env.AWS_CREDENTIAL_EXPIRATION)
            : undefined;
        return {
            credentials: {
                accessKeyId: key,
                secretAccessKey: secret,
                ...(session && { sessionToken: session }),
                ...(expiration && !Number.isNaN(expiration.getTime()) && { expiration })
            },
            source: 'the environment (AWS_ACCESS_KEY_ID)',
            renewed: false
        };
    }
    let webIdentityToken;
    const unwrap = (result) => {
        if ('failed' in result)
            throw new ProviderCallError(result.failed);
        return result.data;
    };
    const roleAssumerWithWebIdentity = async (params) => {
        webIdentityToken = params.WebIdentityToken;
        return unwrap(await (0,calls/* assumeRoleWithWebIdentity */.zr)(sts.endpoint, {
            RoleArn: params.RoleArn,
            RoleSessionName: params.RoleSessionName || `claude-preflight-${Date.now()}`,
            WebIdentityToken: params.WebIdentityToken,
            ...(params.DurationSeconds && { DurationSeconds: params.DurationSeconds })
        }, deps));
    };
    const roleAssumer = async (source, params) => unwrap(await (0,calls/* assumeRole */.xN)(sts.endpoint, sts.region, source, params, deps));
    const profile = env.AWS_PROFILE || 'default';
    const home = env.HOME || (0,external_node_os_.homedir)();
    try {
        const { fromIni } = await Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(496), __webpack_require__.e(298), __webpack_require__.e(967)]).then(__webpack_require__.t.bind(__webpack_require__, 6967, 19));
        const credentials = await fromIni({
            profile,
            filepath: env.AWS_SHARED_CREDENTIALS_FILE || (0,external_node_path_.join)(home, '.aws', 'credentials'),
            configFilepath: env.AWS_CONFIG_FILE || (0,external_node_path_.join)(home, '.aws', 'config'),
            ignoreCache: true,
            roleAssumer,
            roleAssumerWithWebIdentity
        })();
        return resolved(credentials, `profile ${profile}`, webIdentityToken, deps);
    }
    catch (error) {
        const failed = failureOf(error, `profile ${profile}`);
        if (failed)
            return { failed };
    }
    if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
        try {
            const { fromTokenFile } = await Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(496), __webpack_require__.e(298)]).then(__webpack_require__.t.bind(__webpack_require__, 2298, 19));
            const credentials = await fromTokenFile({
                webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE,
                roleArn: env.AWS_ROLE_ARN,
                ...(env.AWS_ROLE_SESSION_NAME && { roleSessionName: env.AWS_ROLE_SESSION_NAME }),
                roleAssumerWithWebIdentity
            })();
            return resolved(credentials, 'the web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)', webIdentityToken, deps);
        }
        catch (error) {
            return { failed: failureOf(error, 'AWS_WEB_IDENTITY_TOKEN_FILE') ?? readingOfNone() };
        }
    }
    return { failed: readingOfNone() };
}
function resolved(credentials, source, webIdentityToken, deps) {
    for (const value of [
        credentials.accessKeyId,
        credentials.secretAccessKey,
        credentials.sessionToken
    ])
        if (value)
            deps.mask(value);
    return {
        credentials,
        source,
        // A role the SDK assumed (a session token with an expiration) is assumed again when it runs out.
        renewed: credentials.expiration !== undefined,
        ...(webIdentityToken && { webIdentityToken })
    };
}
const readingOfNone = () => ({
    status: 'unverifiable',
    message: "no AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile in the shared files, nor AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (an EC2 instance's or a container's role is not checked)"
});
/**
 * What a provider's error says: undefined when the provider found nothing and the chain goes on; the reading of a
 * call that failed; expired or invalid for a source that is there but unusable, in the SDK's words (which name
 * files and profiles, never secrets); unverifiable for anything else, named by its kind only.
 */
function failureOf(error, source) {
    if (error instanceof ProviderCallError)
        return error.reading;
    const { name, message, tryNextLink } = (error ?? {});
    if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
        if (tryNextLink === true)
            return undefined;
        const words = (0,errors/* clipLine */.DX)(typeof message === 'string' ? message : '');
        return {
            status: /expired/i.test(words) ? 'expired' : 'invalid',
            message: `${source}: ${words}`
        };
    }
    return {
        status: 'unverifiable',
        message: `${source}: the credentials could not be read (${typeof name === 'string' ? name : 'error'})`
    };
}

// EXTERNAL MODULE: ./lib/cloud/aws/endpoints.js
var endpoints = __webpack_require__(1950);
;// CONCATENATED MODULE: ./lib/cloud/aws/check.js
// Proving the AWS credentials of Claude on Amazon Bedrock, Bedrock Mantle or Claude Platform on AWS without spending
// tokens. STS GetCallerIdentity needs no permission and answers for any live credential: it proves them live and
// says who they are. For Bedrock, ListInferenceProfiles follows, the control-plane call in Claude Code's documented
// IAM policy (https://code.claude.com/docs/en/amazon-bedrock) and the one its own Bedrock setup makes after
// GetCallerIdentity (claude-code 2.1.328 bundle): a yes shows that a Bedrock policy is attached in that region. No
// free call proves `bedrock:InvokeModel` or access to a given model: CountTokens is free but is an IAM action of its
// own. A Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK`) is not an AWS credential STS knows: only Bedrock can prove it.






/** The platform's own name, from the platforms' table. */
const targetLabel = (target) => platforms/* PLATFORMS */.P.find(platform => platform.id === target)?.label ?? target;
const NO_INVOKE = 'no free call proves bedrock:InvokeModel or access to a given model';
/**
 * Proves the AWS credentials the Claude step would use for `options.target`, as its AWS SDK finds them in `env`:
 * a Bedrock API key for Bedrock, else SigV4 credentials through STS (and, for Bedrock, ListInferenceProfiles).
 * Every secret read, and every one derived, is masked at once.
 */
async function checkAwsCredentials(env, options, deps) {
    const region = (0,endpoints/* awsRegion */.Ue)(env);
    const apiKey = env.AWS_BEARER_TOKEN_BEDROCK ?? '';
    if (apiKey && options.target === 'bedrock')
        return checkBedrockApiKey(apiKey, env, region, options, deps);
    const stsCall = { endpoint: (0,endpoints/* stsEndpoint */.u1)(env, region), region };
    const found = await resolveAwsCredentials(env, stsCall, deps);
    if ('failed' in found)
        return withProof(found.failed, 'nothing: no AWS credentials could be had');
    const { credentials } = found;
    const expiry = expiryOf(found.renewed ? undefined : credentials.expiration, options.expiresAt, found, env);
    const identity = await (0,calls/* getCallerIdentity */.eL)(stsCall.endpoint, region, credentials, deps);
    if ('failed' in identity)
        return withProof({
            ...identity.failed,
            message: `${identity.failed.message} (credentials from ${found.source})`,
            ...expiry
        }, 'nothing: AWS did not accept the credentials');
    const who = { identity: identity.data.arn };
    const live = `STS accepted the credentials from ${found.source} (GetCallerIdentity needs no permission): they are live`;
    if (options.target !== 'bedrock') {
        return {
            status: 'valid',
            message: `${live}, as ${identity.data.arn}`,
            httpStatus: identity.httpStatus,
            ...(identity.requestId && { requestId: identity.requestId }),
            ...expiry,
            ...who,
            proves: `the AWS credentials are live; nothing about ${targetLabel(options.target)}'s permissions, which no free call shows`
        };
    }
    const endpoint = (0,endpoints/* bedrockEndpoint */.Km)(env, region);
    const profiles = await (0,calls/* listInferenceProfiles */.Oz)(endpoint, region, { credentials }, deps);
    return bedrockVerdict(profiles, region, `${live}, as ${identity.data.arn}; `, {
        ...expiry,
        ...who
    });
}
async function checkBedrockApiKey(apiKey, env, region, options, deps) {
    deps.mask(apiKey);
    const key = readBedrockApiKey(apiKey);
    if (key.kind === 'short-term')
        for (const secret of key.derivedSecrets)
            deps.mask(secret);
    const now = options.now?.() ?? Date.now();
    const keyExpiry = key.kind === 'short-term'
        ? {
            expiresAt: key.expiresAt,
            expirySource: 'the short-term Bedrock API key (X-Amz-Date + X-Amz-Expires)'
        }
        : {};
    const given = options.expiresAt ? { expiresAt: options.expiresAt, expirySource: 'given' } : {};
    const expiry = keyExpiry.expiresAt ? keyExpiry : given;
    if (key.kind === 'short-term' && key.expiresAt.getTime() <= now) {
        return {
            status: 'expired',
            message: `AWS_BEARER_TOKEN_BEDROCK: the short-term Bedrock API key expired at ${key.expiresAt.toISOString()} (its signature's X-Amz-Date + X-Amz-Expires)`,
            ...expiry,
            proves: 'nothing: the key is past its expiry'
        };
    }
    // A short-term key works only in the region it was made for; Claude Code calls the region of AWS_REGION.
    const elsewhere = key.kind === 'short-term' && key.region && key.region !== region
        ? ` (the key was made for ${key.region}, Claude Code calls ${region})`
        : '';
    const profiles = await (0,calls/* listInferenceProfiles */.Oz)((0,endpoints/* bedrockEndpoint */.Km)(env, region), region, { apiKey }, deps);
    const verdict = bedrockVerdict(profiles, region, 'Bedrock accepted the API key (AWS_BEARER_TOKEN_BEDROCK); ', expiry);
    return { ...verdict, message: `${verdict.message}${elsewhere}` };
}
/** The check's outcome from ListInferenceProfiles, after `before` (what was proven already). */
function bedrockVerdict(profiles, region, before, rest) {
    if ('failed' in profiles) {
        const proves = profiles.failed.status === 'forbidden'
            ? `the credentials are live, but no Bedrock policy lets them list inference profiles in ${region}`
            : 'nothing about Bedrock: its answer was not a yes';
        return { ...rest, ...profiles.failed, proves };
    }
    return {
        ...rest,
        status: 'valid',
        message: `${before}Bedrock listed inference profiles in ${region}`,
        httpStatus: profiles.httpStatus,
        ...(profiles.requestId && { requestId: profiles.requestId }),
        proves: `the credentials may call bedrock:ListInferenceProfiles in ${region}: a Bedrock policy is attached there; ${NO_INVOKE}`
    };
}
const withProof = (reading, proves) => ({ ...reading, proves });
/**
 * When the credentials end, and who says so: the earliest of `AWS_CREDENTIAL_EXPIRATION` (static keys) and the
 * expiry given from outside. A role the SDK assumes again has no end of its own, unless it was assumed with a web
 * identity token that expires before the session does (a token file nobody rewrites): then the session's end is final.
 */
function expiryOf(own, given, found, env) {
    const candidates = [];
    if (own)
        candidates.push({
            expiresAt: own,
            expirySource: env.AWS_CREDENTIAL_EXPIRATION ? 'AWS_CREDENTIAL_EXPIRATION' : 'the credentials'
        });
    if (given)
        candidates.push({ expiresAt: given, expirySource: 'given' });
    const session = found.credentials.expiration;
    const tokenEnd = found.webIdentityToken ? (0,jwt/* jwtExpiry */.l)(found.webIdentityToken) : undefined;
    if (found.renewed && session && tokenEnd && tokenEnd.getTime() <= session.getTime())
        candidates.push({
            expiresAt: session,
            expirySource: 'the assumed role session (its web identity token expires first, so it cannot be renewed)'
        });
    return candidates.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())[0] ?? {};
}


/***/ })

};

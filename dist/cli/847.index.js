export const id = 847;
export const ids = [847];
export const modules = {

/***/ 847:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAwsCredentials: () => (/* binding */ checkAwsCredentials)
});

// EXTERNAL MODULE: ./lib/lifetime/jwt.js
var jwt = __webpack_require__(7183);
// EXTERNAL MODULE: ./lib/providers/platforms.js
var platforms = __webpack_require__(4565);
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

// EXTERNAL MODULE: ./lib/cloud/call.js
var call = __webpack_require__(3192);
// EXTERNAL MODULE: ./lib/common/errors.js
var errors = __webpack_require__(7317);
// EXTERNAL MODULE: ./lib/github/client.js
var client = __webpack_require__(8999);
;// CONCATENATED MODULE: ./lib/cloud/aws/answers.js
// How AWS words an answer, and what it says about a credential. STS speaks the query protocol: XML answers, and errors
// as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html). Bedrock speaks REST-JSON: the error's name
// in the `x-amzn-ErrorType` header (`AccessDeniedException:http://internal.amazon.com/coral/…`), its text in
// `{"message": …}` (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html,
// https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html#operation-error-serialization). The code decides,
// not the status: Bedrock reports an expired session as 403, Claude Platform on AWS and Mantle as 401.



const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException']);
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
const FORBIDDEN = new Set(['AccessDenied', 'AccessDeniedException']);
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
function xmlText(xml, tag) {
    const match = new RegExp(`<${tag}>([^<]{0,2000})</${tag}>`).exec(xml);
    if (!match)
        return undefined;
    return (match[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name] ?? '');
}
/** The AWS error an answer carries, in either protocol; undefined when it carries none (a proxy's page, say). */
function awsError(answer) {
    const text = typeof answer.data === 'string' ? answer.data : '';
    if (/<ErrorResponse\b/.test(text)) {
        const code = xmlText(text, 'Code');
        if (code)
            return { code, message: (0,errors/* clipLine */.DX)(xmlText(text, 'Message') ?? '') };
    }
    const data = (typeof answer.data === 'object' && answer.data !== null ? answer.data : {});
    // `__type` may be a shape id (`com.amazon.coral.service#ExpiredTokenException`); the header may carry a namespace URL.
    const named = answer.headers['x-amzn-errortype'] ?? (typeof data.__type === 'string' ? data.__type : '');
    const code = named.split(':')[0]?.split('#').pop()?.trim() ?? '';
    if (!/^[A-Za-z][\w.]{0,99}$/.test(code))
        return undefined;
    const words = [data.message, data.Message].find(w => typeof w === 'string');
    return { code, message: (0,errors/* clipLine */.DX)(words ?? '') };
}
/** The request id AWS gave: `x-amzn-RequestId` (both protocols), or STS's `<RequestId>`. */
function requestIdOf(answer) {
    const text = typeof answer.data === 'string' ? answer.data : '';
    const id = answer.headers['x-amzn-requestid'] ?? xmlText(text, 'RequestId');
    return id ? (0,errors/* clipLine */.DX)(id, 80) : undefined;
}
/**
 * What an answer that is not a success says of the credential: expired, invalid or forbidden only in AWS's own
 * words; a throttle or AWS's own failure is worth another try; anything else (a proxy's page, a redirect, an error
 * that says nothing of the credential) is `unverifiable`. `where` names the call for the message.
 */
function readRefusal(answer, where) {
    const { status } = answer;
    const reading = (0,call/* readingsOf */.R)(answer, where, requestIdOf(answer));
    const unverifiable = (message) => reading('unverifiable', message);
    const error = (0,client/* isHtmlPage */.r4)(answer) ? undefined : awsError(answer);
    const said = error ? `${error.code}${error.message ? `: ${error.message}` : ''}` : '';
    if (error && TRANSIENT.has(error.code))
        return { done: false, value: unverifiable(`HTTP ${status} ${said}`) };
    const other = (0,client/* transientOrRedirect */.m)(answer, said || `(${(0,client/* bodyDescription */.VQ)(answer)})`, unverifiable);
    if (other)
        return other;
    if (!error) {
        return {
            done: true,
            value: unverifiable(`HTTP ${status}, not AWS's answer (${(0,client/* bodyDescription */.VQ)(answer)})`)
        };
    }
    const line = `HTTP ${status} ${said}`;
    // A signature that expired before it arrived is the runner's clock, not the credential.
    if (error.code === 'RequestExpired' || /signature expired/i.test(error.message))
        return { done: true, value: unverifiable(`${line} (is the runner's clock right?)`) };
    if (EXPIRED.has(error.code))
        return { done: true, value: reading('expired', line) };
    if (INVALID.has(error.code))
        return { done: true, value: reading('invalid', line) };
    if (FORBIDDEN.has(error.code))
        return { done: true, value: reading('forbidden', line) };
    return { done: true, value: unverifiable(line) };
}

;// CONCATENATED MODULE: ./lib/cloud/aws/calls.js


const STS_VERSION = '2011-06-15';
/** `request` signed with SigV4 for `service` in `region` (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html). */
async function signed(request, credentials, region, service) {
    const [{ SignatureV4 }, { Hash }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(496)]).then(__webpack_require__.t.bind(__webpack_require__, 2496, 19)),
        Promise.all(/* import() */[__webpack_require__.e(892), __webpack_require__.e(618)]).then(__webpack_require__.t.bind(__webpack_require__, 8618, 19))
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
    return (0,call/* cloudCall */.Q)(request, { where, service: 'AWS', secrets, read, refusal: readRefusal, requestIdOf: requestIdOf }, deps);
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
    ].map(tag => xmlText(xml, tag));
    for (const value of [accessKeyId, secretAccessKey, sessionToken])
        if (value)
            mask(value);
    const expiration = new Date(xmlText(xml, 'Expiration') ?? '');
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        return unwrap(await assumeRoleWithWebIdentity(sts.endpoint, {
            RoleArn: params.RoleArn,
            RoleSessionName: params.RoleSessionName || `claude-preflight-${Date.now()}`,
            WebIdentityToken: params.WebIdentityToken,
            ...(params.DurationSeconds && { DurationSeconds: params.DurationSeconds })
        }, deps));
    };
    const roleAssumer = async (source, params) => unwrap(await assumeRole(sts.endpoint, sts.region, source, params, deps));
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
    const region = awsRegion(env);
    const apiKey = env.AWS_BEARER_TOKEN_BEDROCK ?? '';
    if (apiKey && options.target === 'bedrock')
        return checkBedrockApiKey(apiKey, env, region, options, deps);
    const stsCall = { endpoint: stsEndpoint(env, region), region };
    const found = await resolveAwsCredentials(env, stsCall, deps);
    if ('failed' in found)
        return withProof(found.failed, 'nothing: no AWS credentials could be had');
    const { credentials } = found;
    const expiry = expiryOf(found.renewed ? undefined : credentials.expiration, options.expiresAt, found, env);
    const identity = await getCallerIdentity(stsCall.endpoint, region, credentials, deps);
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
    const endpoint = bedrockEndpoint(env, region);
    const profiles = await listInferenceProfiles(endpoint, region, { credentials }, deps);
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
    const profiles = await listInferenceProfiles(bedrockEndpoint(env, region), region, { apiKey }, deps);
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


/***/ }),

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


/***/ })

};

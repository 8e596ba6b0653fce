/**
 * The ACS Identity API on loopback, behaving like Azure for `@azure/communication-identity`
 * 1.3.1 (docs/acs-facts.md): HTTPS with a run-time test CA; every request authenticated, either by
 * an HMAC-SHA256 signature verified on the raw, still-encoded path (wrong key, `x-ms-date` more
 * than 5 minutes off, or a body that does not match `x-ms-content-sha256` → 401) or by an Entra
 * bearer token for `https://communication.azure.com/` (issued by the managed-identity endpoint
 * it starts beside itself); `expiresInMinutes` 60–1440 and known scopes enforced; RS256 user
 * tokens with ACS's claim set and a real `exp`; revoke and delete honoured.
 *
 * Test knobs: `failNext` (429/503 with Retry-After, as Azure throttles), `setLatency` (slow or
 * hanging ACS), `setTokenLifetimeSeconds` (a deliberate deviation so token-refresh tests need not
 * wait an hour), `checkUserToken` (is this token still good?), and `requests` (what was called).
 *
 * Also used by the offline development run (scripts/dev-backend.ts).
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { createEntraIssuer, type EntraIssuer } from './entra-issuer';
import { type ManagedIdentityEndpoint, startManagedIdentityEndpoint } from './managed-identity';
import { type TestCertificates, testCertificates } from './test-ca';

export const ACS_API_VERSION = '2023-10-01';
/** Versions the SDKs have used; anything else is refused as ACS refuses it. */
const SUPPORTED_API_VERSIONS = new Set(['2021-03-07', '2022-06-01', '2022-10-01', '2023-08-01', '2023-10-01']);
export const ACS_KNOWN_SCOPES = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;
const ACS_RESOURCE_AUDIENCES = ['https://communication.azure.com/', 'https://communication.azure.com'];
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_BODY_BYTES = 64 * 1024;
const MAX_REMEMBERED_REQUESTS = 10_000;

export type AcsOperation =
  | 'createUser'
  | 'issueAccessToken'
  | 'revokeAccessTokens'
  | 'deleteUser'
  | 'exchangeTeamsUserToken'
  | 'unknown';

export interface AcsRequestRecord {
  readonly method: string;
  readonly operation: AcsOperation;
  /** The decoded user id the request was about, if any. */
  readonly userId: string | null;
  readonly auth: 'hmac' | 'bearer' | 'none';
  readonly status: number;
}

export interface AcsFault {
  /** 'connection-reset': the connection is dropped without an answer, as a server closing an idle keep-alive socket. */
  readonly status: 429 | 503 | 'connection-reset';
  /** Seconds in `Retry-After`; omitted when undefined. */
  readonly retryAfterSeconds?: number;
}

export type UserTokenCheck =
  | { readonly valid: true; readonly userId: string; readonly scopes: readonly string[]; readonly expiresOn: Date }
  | { readonly valid: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' | 'revoked' | 'deleted' };

export interface AcsIdentityStandIn {
  /** `https://localhost:PORT/` — what a connection string's `endpoint=` holds. */
  readonly endpoint: string;
  /** Base64 access key: the HMAC secret. */
  readonly accessKey: string;
  /** `endpoint=…;accesskey=…`, ready for `new CommunicationIdentityClient(…)`. */
  readonly connectionString: string;
  /** The resource id in every user id and token (`8:acs:<resourceId>_<uuid>`). */
  readonly resourceId: string;
  readonly certificates: TestCertificates;
  /** The App Service managed-identity endpoint whose tokens this stand-in accepts. */
  readonly managedIdentity: ManagedIdentityEndpoint;
  /** Signs Entra tokens (Teams users, other managed identities) the stand-in trusts. */
  readonly entra: EntraIssuer;
  /** Every request answered so far (the last 10 000), oldest first. */
  readonly requests: readonly AcsRequestRecord[];
  /** Resolves when the next request has arrived (its body read, before latency and faults apply). */
  nextRequest(): Promise<void>;
  /** The next `count` requests (after TLS, before authentication) answer with `fault`. */
  failNext(count: number, fault: AcsFault): void;
  /** Every request waits this long before it is handled (0 restores). */
  setLatency(milliseconds: number): void;
  /** Tokens expire after this many seconds regardless of `expiresInMinutes`; null restores ACS's rule. */
  setTokenLifetimeSeconds(seconds: number | null): void;
  /** Whether ACS would accept this user token now (signature, expiry, revoke, delete). */
  checkUserToken(token: string): Promise<UserTokenCheck>;
  /** Ids of users that exist (not deleted). */
  userIds(): string[];
  close(): Promise<void>;
}

interface IdentityRecord {
  deleted: boolean;
  /** Bumped by revokeAccessTokens: tokens carry the value current when they were issued. */
  revocation: number;
}

interface AcsError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const denied: AcsError = { status: 401, code: 'Denied', message: 'Denied by the resource provider.' };

export interface AcsIdentityStandInOptions {
  /** Defaults to a random 256-bit key. */
  readonly accessKey?: string;
}

export async function startAcsIdentityStandIn(options: AcsIdentityStandInOptions = {}): Promise<AcsIdentityStandIn> {
  const certificates = await testCertificates();
  const entra = await createEntraIssuer();
  const managedIdentity = await startManagedIdentityEndpoint(entra);
  const signingKeys = await generateKeyPair('RS256');
  const signingKid = randomUUID();
  const accessKey = options.accessKey ?? randomBytes(32).toString('base64');
  const hmacKey = Buffer.from(accessKey, 'base64');
  const resourceId = randomUUID();

  const identities = new Map<string, IdentityRecord>();
  const requests: AcsRequestRecord[] = [];
  const pendingFaults: AcsFault[] = [];
  let latencyMs = 0;
  let tokenLifetimeSeconds: number | null = null;
  let arrivalWaiters: Array<() => void> = [];

  const userTokenSigner = async (userId: string, scopes: readonly string[], expiresInMinutes: number) => {
    const identity = identities.get(userId);
    const nowSeconds = Math.floor(Date.now() / 1000);
    const exp = nowSeconds + (tokenLifetimeSeconds ?? expiresInMinutes * 60);
    const token = await new SignJWT({
      skypeid: userId.replace(/^8:/, ''),
      scp: scopes.includes('voip') ? 1792 : 1024,
      csi: String(nowSeconds),
      exp,
      rgn: 'amer',
      acsScope: scopes.join(','),
      resourceId,
      resourceLocation: 'unitedstates',
      // Not an ACS claim: lets the stand-in honour revokeAccessTokens at sub-second precision.
      sbRevocation: identity?.revocation ?? 0,
    })
      .setProtectedHeader({ alg: 'RS256', kid: signingKid, x5t: signingKid, typ: 'JWT' })
      .sign(signingKeys.privateKey as CryptoKey);
    return { token, expiresOn: new Date(exp * 1000).toISOString() };
  };

  const authenticate = async (request: IncomingMessage, rawTarget: string, body: Buffer) => {
    const authorization = request.headers.authorization ?? '';
    if (authorization.startsWith('HMAC-SHA256 ')) {
      return verifyHmac(request, rawTarget, body, hmacKey) ? ('hmac' as const) : null;
    }
    if (authorization.startsWith('Bearer ')) {
      const claims = await entra.verify(authorization.slice('Bearer '.length), ACS_RESOURCE_AUDIENCES);
      return claims ? ('bearer' as const) : null;
    }
    return null;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<AcsRequestRecord> => {
    const method = request.method ?? 'GET';
    const rawTarget = request.url ?? '/';
    const route = matchRoute(method, rawTarget);
    let auth: AcsRequestRecord['auth'] = 'none';
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): AcsRequestRecord => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        ...headers,
        ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        'content-length': String(Buffer.byteLength(payload)),
        'x-ms-request-id': randomUUID(),
      });
      response.end(payload);
      return { method, operation: route.operation, userId: route.userId, auth, status };
    };
    const fail = (error: AcsError, headers: Record<string, string> = {}) =>
      send(error.status, { error: { code: error.code, message: error.message } }, headers);

    const body = await readBody(request);
    const waiters = arrivalWaiters;
    arrivalWaiters = [];
    for (const resolve of waiters) resolve();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (body === null) return fail({ status: 413, code: 'RequestTooLarge', message: 'The request body is too large.' });

    const fault = pendingFaults.shift();
    if (fault?.status === 'connection-reset') {
      response.socket?.destroy();
      return { method, operation: route.operation, userId: route.userId, auth, status: 0 };
    }
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return fault.status === 429
        ? fail({ status: 429, code: 'TooManyRequests', message: 'Rate limit exceeded. Try again later.' }, headers)
        : fail(
            { status: 503, code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
            headers,
          );
    }

    const authResult = await authenticate(request, rawTarget, body);
    if (!authResult) return fail(denied);
    auth = authResult;

    const apiVersion = new URLSearchParams(rawTarget.split('?')[1] ?? '').get('api-version');
    if (!apiVersion || !SUPPORTED_API_VERSIONS.has(apiVersion)) {
      return fail({
        status: 400,
        code: 'UnsupportedApiVersion',
        message: `The HTTP resource does not support the API version '${apiVersion ?? ''}'.`,
      });
    }
    if (route.operation === 'unknown') {
      return fail({ status: 404, code: 'NotFound', message: 'The requested resource was not found.' });
    }

    const json = parseJsonBody(body);
    if (json === INVALID) return fail(validationError('The request body is not valid JSON.'));

    switch (route.operation) {
      case 'createUser': {
        const parsed = parseTokenOptions(json, 'createTokenWithScopes', false);
        if ('status' in parsed) return fail(parsed);
        const id = `8:acs:${resourceId}_${randomUUID()}`;
        identities.set(id, { deleted: false, revocation: 0 });
        const answer: Record<string, unknown> = { identity: { id } };
        if (parsed.scopes.length > 0) answer.accessToken = await userTokenSigner(id, parsed.scopes, parsed.minutes);
        return send(201, answer);
      }
      case 'issueAccessToken': {
        const identity = lookup(route.userId);
        if ('status' in identity) return fail(identity);
        const parsed = parseTokenOptions(json, 'scopes', true);
        if ('status' in parsed) return fail(parsed);
        return send(200, await userTokenSigner(route.userId ?? '', parsed.scopes, parsed.minutes));
      }
      case 'revokeAccessTokens': {
        const identity = lookup(route.userId);
        if ('status' in identity) return fail(identity);
        identity.revocation += 1;
        return send(204);
      }
      case 'deleteUser': {
        const identity = lookup(route.userId);
        if ('status' in identity) return fail(identity);
        identity.deleted = true;
        identity.revocation += 1;
        return send(204);
      }
      case 'exchangeTeamsUserToken': {
        const teams = parseTeamsExchange(json);
        if (!teams) return fail(validationError('token, appId and userId are required strings.'));
        const claims = await entra.verify(teams.token, ['https://auth.msft.communication.azure.com']);
        if (!claims || claims.oid !== teams.userId || claims.appid !== teams.appId) {
          return fail({ status: 401, code: 'InvalidAccessToken', message: 'The Teams token is invalid or expired.' });
        }
        const teamsUserId = `8:orgid:${teams.userId}`;
        if (!identities.has(teamsUserId)) identities.set(teamsUserId, { deleted: false, revocation: 0 });
        return send(200, await userTokenSigner(teamsUserId, ['voip'], 60));
      }
    }
  };

  const lookup = (userId: string | null): IdentityRecord | AcsError => {
    const identity = userId === null ? undefined : identities.get(userId);
    if (!identity || identity.deleted) {
      return { status: 404, code: 'IdentityNotFound', message: 'The identity does not exist.' };
    }
    return identity;
  };

  const server = createServer({ key: certificates.serverKeyPem, cert: certificates.serverCertPem }, (req, res) => {
    handle(req, res)
      .then((record) => {
        requests.push(record);
        // The development run keeps one stand-in up for hours: remember the recent past only.
        if (requests.length > MAX_REMEMBERED_REQUESTS) requests.splice(0, requests.length - MAX_REMEMBERED_REQUESTS);
      })
      .catch(() => {
        // A stand-in bug must look like one, not like an ACS answer.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('stand-in failure');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://localhost:${(server.address() as AddressInfo).port}/`;

  return {
    endpoint,
    accessKey,
    connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
    resourceId,
    certificates,
    managedIdentity,
    entra,
    requests,
    nextRequest: () => new Promise<void>((resolve) => arrivalWaiters.push(resolve)),
    failNext(count, fault) {
      for (let i = 0; i < count; i++) pendingFaults.push(fault);
    },
    setLatency(milliseconds) {
      latencyMs = milliseconds;
    },
    setTokenLifetimeSeconds(seconds) {
      tokenLifetimeSeconds = seconds;
    },
    async checkUserToken(token) {
      let claims: Record<string, unknown>;
      try {
        decodeJwt(token);
      } catch {
        return { valid: false, reason: 'malformed' };
      }
      try {
        claims = (await jwtVerify(token, signingKeys.publicKey as CryptoKey, { algorithms: ['RS256'] })).payload;
      } catch (error) {
        return {
          valid: false,
          reason: (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'bad-signature',
        };
      }
      const userId = `8:${String(claims.skypeid)}`;
      const identity = identities.get(userId);
      if (!identity || identity.deleted) return { valid: false, reason: 'deleted' };
      if (claims.sbRevocation !== identity.revocation) return { valid: false, reason: 'revoked' };
      return {
        valid: true,
        userId,
        scopes: String(claims.acsScope).split(','),
        expiresOn: new Date(Number(claims.exp) * 1000),
      };
    },
    userIds: () => [...identities].filter(([, identity]) => !identity.deleted).map(([id]) => id),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await managedIdentity.close();
    },
  };
}

/** HMAC-SHA256 as ACS checks it: signed headers, date skew, content hash, then the signature. */
function verifyHmac(request: IncomingMessage, rawTarget: string, body: Buffer, key: Buffer): boolean {
  const [, signedHeaders, signature] =
    /^HMAC-SHA256 SignedHeaders=([^&]+)&Signature=(.+)$/.exec(request.headers.authorization ?? '') ?? [];
  if (signedHeaders !== 'x-ms-date;host;x-ms-content-sha256' || signature === undefined) return false;
  const date = header(request, 'x-ms-date');
  const host = header(request, 'host');
  const contentHash = header(request, 'x-ms-content-sha256');
  if (!date || !host || !contentHash) return false;
  const signedAt = Date.parse(date);
  if (Number.isNaN(signedAt) || Math.abs(Date.now() - signedAt) > MAX_CLOCK_SKEW_MS) return false;
  if (createHash('sha256').update(body).digest('base64') !== contentHash) return false;
  const stringToSign = `${(request.method ?? '').toUpperCase()}\n${rawTarget}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const presented = Buffer.from(signature, 'base64');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function matchRoute(method: string, rawTarget: string): { operation: AcsOperation; userId: string | null } {
  const rawPath = rawTarget.split('?')[0] ?? '';
  const segments = rawPath.split('/').slice(1);
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return { operation: 'unknown', userId: null };
  }
  const [first, second, third] = decoded;
  if (first === 'identities') {
    if (method === 'POST' && decoded.length === 1) return { operation: 'createUser', userId: null };
    if (method === 'DELETE' && decoded.length === 2 && second) return { operation: 'deleteUser', userId: second };
    if (method === 'POST' && decoded.length === 3 && second) {
      if (third === ':issueAccessToken') return { operation: 'issueAccessToken', userId: second };
      if (third === ':revokeAccessTokens') return { operation: 'revokeAccessTokens', userId: second };
    }
  }
  if (method === 'POST' && first === 'teamsUser' && second === ':exchangeAccessToken' && decoded.length === 2) {
    return { operation: 'exchangeTeamsUserToken', userId: null };
  }
  return { operation: 'unknown', userId: null };
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const INVALID = Symbol('invalid');

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return INVALID;
  }
}

function validationError(message: string): AcsError {
  return { status: 400, code: 'ValidationError', message };
}

/** `{scopes|createTokenWithScopes, expiresInMinutes?}` with ACS's rules: known scopes, 60–1440 minutes. */
function parseTokenOptions(
  json: unknown,
  scopesField: 'scopes' | 'createTokenWithScopes',
  scopesRequired: boolean,
): { scopes: string[]; minutes: number } | AcsError {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return validationError('The request body must be a JSON object.');
  }
  const record = json as Record<string, unknown>;
  const scopes = record[scopesField] ?? [];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    return validationError(`${scopesField} must be an array of strings.`);
  }
  if (scopesRequired && scopes.length === 0) return validationError(`${scopesField} must not be empty.`);
  const unknown = scopes.filter((scope) => !(ACS_KNOWN_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) return validationError(`Scopes ${unknown.join(', ')} are not valid.`);
  const minutes = record.expiresInMinutes ?? 1440;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 60 || minutes > 1440) {
    return validationError('The expiresInMinutes must be an integer between 60 and 1440.');
  }
  return { scopes: scopes as string[], minutes };
}

function parseTeamsExchange(json: unknown): { token: string; appId: string; userId: string } | null {
  if (typeof json !== 'object' || json === null) return null;
  const { token, appId, userId } = json as Record<string, unknown>;
  return typeof token === 'string' && typeof appId === 'string' && typeof userId === 'string'
    ? { token, appId, userId }
    : null;
}

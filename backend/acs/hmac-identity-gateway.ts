/**
 * The access-key path to ACS Identity without the SDK's pipeline: the four REST calls the backend
 * makes (docs/acs-facts.md, "ACS Identity REST API"), signed with HMAC-SHA256 exactly as ACS
 * checks it, sent over one keep-alive connection pool (undici).
 *
 * Why not `@azure/communication-identity` here: every refresh calls ACS once, and the SDK's
 * pipeline (core-client serialisation, a dozen policies, tracing, Node's HTTP agent) cost the
 * backend about as much CPU as the rest of a refresh together (docs/performance.md, "Where a
 * refresh's CPU goes"). The calls are fixed: one API version, one scope, one token lifetime, so
 * the token request's body and its SHA-256 are computed once. The managed-identity path keeps
 * the SDK (identity-gateway.ts): its bearer tokens and their cache are the SDK's job.
 *
 * Same behaviour as the SDK path, by construction and by test (test/integration/backend/
 * hmac-identity-gateway.test.ts): the same statuses count as success, failures map through the
 * same `acsFailureFromAnswer`, the same timeout bounds each call, no retries except one of a
 * request that met a keep-alive connection the server had just closed.
 */
import { createHmac, hash } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import { Pool } from 'undici';
import type { BackendAccessToken } from '../../common/backend-contract';
import {
  ACS_SCOPES,
  AcsFailure,
  acsFailureFromAnswer,
  acsUnreachable,
  boundedAcsCall,
  retryOnceIfConnectionClosed,
} from './acs-call';
import type { AcsIdentityGateway } from './identity-gateway';

/** The version `@azure/communication-identity` 1.3.1 speaks; the stand-in implements it. */
export const ACS_IDENTITY_API_VERSION = '2023-10-01';

export interface HmacIdentityGatewayOptions {
  /** `https://<resource>.communication.azure.com/` */
  readonly endpoint: string;
  /** The resource's base64 access key. */
  readonly accessKey: string;
  readonly tokenLifetimeMinutes: number;
  /** Upper bound for one ACS call, the stale-connection retry included. */
  readonly timeoutMs: number;
  /** Extra TLS settings (tests pass the stand-in's CA); the SDK option `tlsOptions` means the same. */
  readonly tls?: Pick<ConnectionOptions, 'ca' | 'cert' | 'key'>;
  /** `http://` endpoints are refused unless this is set (tests and the development run), as the SDK does. */
  readonly allowInsecureConnection?: boolean;
}

interface Answer {
  readonly status: number;
  /** Parsed JSON body; undefined when there was none or it was not JSON. */
  readonly json: unknown;
  readonly retryAfter: string | undefined;
}

/** Idle connections to ACS stay open this long: a refresh every few seconds reuses one. */
const KEEP_ALIVE_MS = 60_000;

export function createHmacIdentityGateway(options: HmacIdentityGatewayOptions): AcsIdentityGateway {
  const endpoint = new URL(options.endpoint);
  if (endpoint.protocol !== 'https:' && !(endpoint.protocol === 'http:' && options.allowInsecureConnection)) {
    throw new Error(`The ACS endpoint must use https:// (got ${endpoint.protocol}//).`);
  }
  // What the signature covers is what is sent: the same host string, the same raw path.
  const host = endpoint.host;
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const key = Buffer.from(options.accessKey, 'base64');
  const pool = new Pool(endpoint.origin, {
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
    ...(options.tls ? { connect: { ...options.tls } } : {}),
  });

  const tokenBody = JSON.stringify({ scopes: ACS_SCOPES, expiresInMinutes: options.tokenLifetimeMinutes });
  const createBody = JSON.stringify({
    createTokenWithScopes: ACS_SCOPES,
    expiresInMinutes: options.tokenLifetimeMinutes,
  });
  // The only bodies sent: their hashes are computed once.
  const bodyHashes = new Map(['', tokenBody, createBody].map((body) => [body, sha256Base64(body)]));

  const userPath = (communicationUserId: string) => `${basePath}/identities/${encodeURIComponent(communicationUserId)}`;
  const query = `?api-version=${ACS_IDENTITY_API_VERSION}`;

  const sendOnce = async (method: 'POST' | 'DELETE', pathAndQuery: string, body: string, signal: AbortSignal) => {
    const contentHash = bodyHashes.get(body) ?? sha256Base64(body);
    const answer = await pool.request({
      method,
      path: pathAndQuery,
      signal,
      headers: {
        ...signAcsRequest({ method, pathAndQuery, host, contentHash, key, date: new Date() }),
        accept: 'application/json',
        'user-agent': 'switchboard-backend',
        ...(body === '' ? {} : { 'content-type': 'application/json' }),
      },
      body,
    });
    const text = await answer.body.text();
    const retryAfter = answer.headers['retry-after'];
    return {
      status: answer.statusCode,
      json: parseJson(text),
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    } satisfies Answer;
  };

  const send = (method: 'POST' | 'DELETE', pathAndQuery: string, body: string, signal: AbortSignal) =>
    retryOnceIfConnectionClosed(() => sendOnce(method, pathAndQuery, body, signal), isClosedConnection, signal);

  /** The answer when its status is the one the call expects; an `AcsFailure` otherwise. */
  const expectStatus = (answer: Answer, status: number): unknown => {
    if (answer.status === status) return answer.json;
    const code = (answer.json as { error?: { code?: unknown } } | undefined)?.error?.code;
    throw acsFailureFromAnswer(answer.status, answer.retryAfter, code);
  };

  const call = <T>(work: (signal: AbortSignal) => Promise<T>) =>
    boundedAcsCall(options.timeoutMs, work, (error) => (error instanceof AcsFailure ? error : acsUnreachable()));

  return {
    createUserAndToken: () =>
      call(async (signal) => {
        const json = expectStatus(await send('POST', `${basePath}/identities${query}`, createBody, signal), 201) as {
          identity?: { id?: unknown };
          accessToken?: unknown;
        };
        const communicationUserId = json?.identity?.id;
        if (typeof communicationUserId !== 'string') throw acsUnreachable();
        return { communicationUserId, accessToken: toAccessToken(json.accessToken) };
      }),
    getToken: (communicationUserId) =>
      call(async (signal) => {
        const answer = await send(
          'POST',
          `${userPath(communicationUserId)}/:issueAccessToken${query}`,
          tokenBody,
          signal,
        );
        return toAccessToken(expectStatus(answer, 200));
      }),
    revokeTokens: (communicationUserId) =>
      call(async (signal) => {
        expectStatus(
          await send('POST', `${userPath(communicationUserId)}/:revokeAccessTokens${query}`, '', signal),
          204,
        );
      }),
    deleteUser: (communicationUserId) =>
      call(async (signal) => {
        expectStatus(await send('DELETE', `${userPath(communicationUserId)}${query}`, '', signal), 204);
      }),
    close: () => pool.close(),
  };
}

export interface AcsRequestToSign {
  readonly method: string;
  /** The raw, still-encoded path and query, exactly as sent. */
  readonly pathAndQuery: string;
  /** The `host` header as sent (`host[:port]`). */
  readonly host: string;
  /** Base64 SHA-256 of the body (of '' when there is none). */
  readonly contentHash: string;
  /** The decoded access key. */
  readonly key: Buffer;
  readonly date: Date;
}

/**
 * The headers that authenticate a request to ACS with an access key: HMAC-SHA256 over
 * `VERB\n<path>?<query>\n<x-ms-date>;<host>;<x-ms-content-sha256>` (docs/acs-facts.md).
 */
export function signAcsRequest(request: AcsRequestToSign): Record<string, string> {
  const date = request.date.toUTCString();
  const stringToSign = `${request.method.toUpperCase()}\n${request.pathAndQuery}\n${date};${request.host};${request.contentHash}`;
  const signature = createHmac('sha256', request.key).update(stringToSign, 'utf8').digest('base64');
  return {
    host: request.host,
    'x-ms-date': date,
    'x-ms-content-sha256': request.contentHash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

/** `{token, expiresOn}` as ACS sends it; anything else is an answer no ACS gives. */
function toAccessToken(json: unknown): BackendAccessToken {
  const { token, expiresOn } = (json ?? {}) as { token?: unknown; expiresOn?: unknown };
  const expires = typeof expiresOn === 'string' ? new Date(expiresOn) : undefined;
  if (typeof token !== 'string' || token === '' || !expires || Number.isNaN(expires.getTime())) throw acsUnreachable();
  return { token, expiresOn: expires.toISOString() };
}

/** undici's "other side closed" (the server closed the connection unanswered), or a reset. */
function isClosedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function sha256Base64(text: string): string {
  return hash('sha256', text, 'base64');
}

/**
 * The backend's only door to ACS: `@azure/communication-identity` behind three intent-named
 * calls, each bounded by a timeout, with ACS failures turned into errors the HTTP layer can
 * answer cleanly (503/502 + Retry-After) and that never carry a key or a token.
 */
import { CommunicationIdentityClient, type CommunicationIdentityClientOptions } from '@azure/communication-identity';
import type { TokenCredential } from '@azure/core-auth';
import { isRestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import type { BackendAccessToken } from '../../common/backend-contract';

export type AcsCredentials =
  | { readonly kind: 'access-key'; readonly connectionString: string }
  | { readonly kind: 'managed-identity'; readonly endpoint: string; readonly credential: TokenCredential };

export interface AcsIdentityGateway {
  createUserAndToken(): Promise<{ communicationUserId: string; accessToken: BackendAccessToken }>;
  getToken(communicationUserId: string): Promise<BackendAccessToken>;
  revokeTokens(communicationUserId: string): Promise<void>;
  /** Deletes the identity (its tokens die with it): offboarding, and an identity a lost race left unused. */
  deleteUser(communicationUserId: string): Promise<void>;
}

/** Why an ACS call failed, in terms the HTTP layer maps to a status. */
export type AcsFailureKind =
  | 'throttled' // ACS answered 429 or 503
  | 'unavailable' // timeout, network error, other 5xx
  | 'credentials-rejected' // 401/403: the backend's key or identity is wrong
  | 'identity-gone' // 404: the ACS user no longer exists
  | 'rejected'; // another 4xx: a bug or a misconfiguration (e.g. token lifetime)

export class AcsFailure extends Error {
  constructor(
    readonly kind: AcsFailureKind,
    /** ACS's status, when it answered. */
    readonly acsStatus: number | undefined,
    /** ACS's `Retry-After` in seconds, when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    /** ACS's error code (e.g. `Denied`), never a secret. */
    readonly acsCode: string | undefined,
  ) {
    super(`ACS identity call failed: ${kind}${acsStatus ? ` (HTTP ${acsStatus}${acsCode ? ` ${acsCode}` : ''})` : ''}`);
    this.name = 'AcsFailure';
  }
}

export interface AcsGatewayOptions {
  readonly credentials: AcsCredentials;
  readonly tokenLifetimeMinutes: number;
  /** Upper bound for one ACS call, SDK retries included. */
  readonly timeoutMs: number;
  /** Extra SDK pipeline options (tests pass the stand-in's CA as `tlsOptions`). */
  readonly clientOptions?: CommunicationIdentityClientOptions;
}

const SCOPES = ['voip'] as const;

export function createAcsIdentityGateway(options: AcsGatewayOptions): AcsIdentityGateway {
  const clientOptions: CommunicationIdentityClientOptions = {
    // No SDK retries: the SDK would sleep out ACS's Retry-After while the desktop app waits on us.
    // The app's token broker retries with backoff and honours the Retry-After we pass on instead.
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'switchboard-backend' },
    ...options.clientOptions,
    additionalPolicies: [...(options.clientOptions?.additionalPolicies ?? []), retryStaleConnection],
  };
  const client =
    options.credentials.kind === 'access-key'
      ? new CommunicationIdentityClient(options.credentials.connectionString, clientOptions)
      : new CommunicationIdentityClient(options.credentials.endpoint, options.credentials.credential, clientOptions);

  // A timer cleared as soon as the call settles, not `AbortSignal.timeout`: that one keeps its
  // signal and timer (and the SDK's listeners on it) alive for the whole timeout after the call
  // has answered, so every call's signal outlived two scavenges and was promoted to the old
  // generation, a fifth of what the 10 000-sign-in burst promoted (heap profile, docs/backend.md).
  const call = async <T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('ACS call timed out', 'TimeoutError')),
      options.timeoutMs,
    );
    try {
      return await work(controller.signal);
    } catch (error) {
      throw toAcsFailure(error);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    createUserAndToken: () =>
      call(async (abortSignal) => {
        const result = await client.createUserAndToken([...SCOPES], {
          tokenExpiresInMinutes: options.tokenLifetimeMinutes,
          abortSignal,
        });
        return {
          communicationUserId: result.user.communicationUserId,
          accessToken: { token: result.token, expiresOn: result.expiresOn.toISOString() },
        };
      }),
    getToken: (communicationUserId) =>
      call(async (abortSignal) => {
        const result = await client.getToken({ communicationUserId }, [...SCOPES], {
          tokenExpiresInMinutes: options.tokenLifetimeMinutes,
          abortSignal,
        });
        return { token: result.token, expiresOn: result.expiresOn.toISOString() };
      }),
    revokeTokens: (communicationUserId) =>
      call((abortSignal) => client.revokeTokens({ communicationUserId }, { abortSignal })),
    deleteUser: (communicationUserId) =>
      call((abortSignal) => client.deleteUser({ communicationUserId }, { abortSignal })),
  };
}

/**
 * Connections to ACS are kept alive and reused. A server may close an idle one just as we send on
 * it; the request then fails at once with ECONNRESET, before ACS saw it (Node's documentation
 * recommends one retry for exactly this). With the SDK's retries off, that surfaced as a 502 to
 * the app (bench/backend-scale.bench.ts met it within a few thousand refreshes under load). One
 * immediate retry on a fresh connection, and only for this error, is all that is retried.
 */
const retryStaleConnection = {
  policy: {
    name: 'switchboardRetryStaleConnection',
    async sendRequest(request, next) {
      try {
        return await next(request);
      } catch (error) {
        if (!isRestError(error) || error.code !== 'ECONNRESET' || request.abortSignal?.aborted) throw error;
        return next(request);
      }
    },
  } satisfies PipelinePolicy,
  position: 'perCall',
} as const;

/** Reads only status, code and Retry-After from an SDK error: its message and request stay behind. */
export function toAcsFailure(error: unknown): AcsFailure {
  if (error instanceof AcsFailure) return error;
  if (isRestError(error) && error.statusCode !== undefined) {
    const status = error.statusCode;
    const retryAfter = Number(error.response?.headers.get('retry-after'));
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.ceil(retryAfter) : undefined;
    const code = typeof error.code === 'string' && /^[A-Za-z]{1,64}$/.test(error.code) ? error.code : undefined;
    if (status === 429 || status === 503) return new AcsFailure('throttled', status, retryAfterSeconds, code);
    if (status === 401 || status === 403) return new AcsFailure('credentials-rejected', status, undefined, code);
    if (status === 404) return new AcsFailure('identity-gone', status, undefined, code);
    if (status >= 500) return new AcsFailure('unavailable', status, retryAfterSeconds, code);
    return new AcsFailure('rejected', status, undefined, code);
  }
  // Timeouts (AbortError), DNS, TLS and connection failures: ACS could not be reached.
  return new AcsFailure('unavailable', undefined, undefined, undefined);
}

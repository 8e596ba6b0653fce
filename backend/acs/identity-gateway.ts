/**
 * The backend's only door to ACS: three intent-named calls, each bounded by a timeout, with ACS
 * failures turned into errors the HTTP layer can answer cleanly (503/502 + Retry-After) and that
 * never carry a key or a token (acs-call.ts).
 *
 * Two clients behind it: access-key mode signs its own requests over one keep-alive pool
 * (hmac-identity-gateway.ts: the refresh path's ACS call without the SDK's pipeline); managed
 * identity uses `@azure/communication-identity` with the credential's bearer tokens.
 */
import { CommunicationIdentityClient, type CommunicationIdentityClientOptions } from '@azure/communication-identity';
import type { TokenCredential } from '@azure/core-auth';
import { isRestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import type { BackendAccessToken } from '../../common/backend-contract';
import {
  ACS_SCOPES,
  AcsFailure,
  acsFailureFromAnswer,
  acsUnreachable,
  boundedAcsCall,
  retryOnceIfConnectionClosed,
} from './acs-call';
import { createHmacIdentityGateway } from './hmac-identity-gateway';

export { AcsFailure, type AcsFailureKind } from './acs-call';

export type AcsCredentials =
  | { readonly kind: 'access-key'; readonly connectionString: string }
  | { readonly kind: 'managed-identity'; readonly endpoint: string; readonly credential: TokenCredential };

export interface AcsIdentityGateway {
  createUserAndToken(): Promise<{ communicationUserId: string; accessToken: BackendAccessToken }>;
  getToken(communicationUserId: string): Promise<BackendAccessToken>;
  revokeTokens(communicationUserId: string): Promise<void>;
  /** Deletes the identity (its tokens die with it): offboarding, and an identity a lost race left unused. */
  deleteUser(communicationUserId: string): Promise<void>;
  /** Closes idle connections to ACS (after the last call). */
  close(): Promise<void>;
}

export interface AcsGatewayOptions {
  readonly credentials: AcsCredentials;
  readonly tokenLifetimeMinutes: number;
  /** Upper bound for one ACS call, SDK retries included. */
  readonly timeoutMs: number;
  /**
   * Extra SDK pipeline options (tests pass the stand-in's CA as `tlsOptions`). The access-key
   * client honours `tlsOptions` and `allowInsecureConnection` and nothing else.
   */
  readonly clientOptions?: CommunicationIdentityClientOptions;
}

export function createAcsIdentityGateway(options: AcsGatewayOptions): AcsIdentityGateway {
  if (options.credentials.kind === 'access-key') {
    const { endpoint, accessKey } = parseConnectionString(options.credentials.connectionString);
    const { tlsOptions, allowInsecureConnection } = options.clientOptions ?? {};
    return createHmacIdentityGateway({
      endpoint,
      accessKey,
      tokenLifetimeMinutes: options.tokenLifetimeMinutes,
      timeoutMs: options.timeoutMs,
      ...(tlsOptions ? { tls: tlsOptions } : {}),
      ...(allowInsecureConnection ? { allowInsecureConnection } : {}),
    });
  }
  return createSdkIdentityGateway(options);
}

/** `endpoint=…;accesskey=…` as config.ts writes it (its canonical form, the one the SDK parses too). */
function parseConnectionString(connectionString: string): { endpoint: string; accessKey: string } {
  const [, endpoint, accessKey] = /^endpoint=(.+?);accesskey=(.+)$/i.exec(connectionString) ?? [];
  if (!endpoint || !accessKey) throw new Error('The ACS connection string is not "endpoint=…;accesskey=…".');
  return { endpoint, accessKey };
}

/**
 * The gateway over `@azure/communication-identity`: managed identity's client, and, with an access
 * key, the reference the lean client is tested against (test/integration/backend/
 * hmac-identity-gateway.test.ts).
 */
export function createSdkIdentityGateway(options: AcsGatewayOptions): AcsIdentityGateway {
  const clientOptions: CommunicationIdentityClientOptions = {
    // No SDK retries: the SDK would sleep out ACS's Retry-After while the desktop app waits on us.
    // The app's token broker retries with backoff and honours the Retry-After we pass on instead.
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'switchboard-backend' },
    ...options.clientOptions,
    additionalPolicies: [...(options.clientOptions?.additionalPolicies ?? []), retryStaleConnection],
  };
  const { credentials } = options;
  const client =
    credentials.kind === 'access-key'
      ? new CommunicationIdentityClient(credentials.connectionString, clientOptions)
      : new CommunicationIdentityClient(credentials.endpoint, credentials.credential, clientOptions);
  const call = <T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> =>
    boundedAcsCall(options.timeoutMs, work, toAcsFailure);

  return {
    createUserAndToken: () =>
      call(async (abortSignal) => {
        const result = await client.createUserAndToken([...ACS_SCOPES], {
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
        const result = await client.getToken({ communicationUserId }, [...ACS_SCOPES], {
          tokenExpiresInMinutes: options.tokenLifetimeMinutes,
          abortSignal,
        });
        return { token: result.token, expiresOn: result.expiresOn.toISOString() };
      }),
    revokeTokens: (communicationUserId) =>
      call((abortSignal) => client.revokeTokens({ communicationUserId }, { abortSignal })),
    deleteUser: (communicationUserId) =>
      call((abortSignal) => client.deleteUser({ communicationUserId }, { abortSignal })),
    close: async () => {},
  };
}

/** The SDK's retries are off; a request that met a closed keep-alive connection is retried once. */
const retryStaleConnection = {
  policy: {
    name: 'switchboardRetryStaleConnection',
    sendRequest: (request, next) =>
      retryOnceIfConnectionClosed(
        () => next(request),
        (error) => isRestError(error) && error.code === 'ECONNRESET',
        request.abortSignal,
      ),
  } satisfies PipelinePolicy,
  position: 'perCall',
} as const;

/** Reads only status, code and Retry-After from an SDK error: its message and request stay behind. */
export function toAcsFailure(error: unknown): AcsFailure {
  if (error instanceof AcsFailure) return error;
  if (isRestError(error) && error.statusCode !== undefined) {
    return acsFailureFromAnswer(error.statusCode, error.response?.headers.get('retry-after'), error.code);
  }
  // Timeouts (AbortError), DNS, TLS and connection failures: ACS could not be reached.
  return acsUnreachable();
}

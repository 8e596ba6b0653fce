/**
 * The token server of Microsoft's ACS calling samples (`common/acs-sample-contract.ts`) over the
 * same `BackendClient` machinery as the v1 contract: deadlines, retries with backoff and
 * `Retry-After`, size cap, same-origin redirects, zod validation, typed `BackendError`s.
 *
 * Such a server authenticates nobody and keeps no sessions: sign-in creates an identity, and the
 * identity's id is all it takes to get more tokens for it.
 */
import {
  ACS_SAMPLE_PROBE_USER_ID,
  ACS_SAMPLE_SCOPE,
  type AcsSampleRefreshAnswer,
  AcsSampleRefreshAnswerSchema,
  type AcsSampleTokenAnswer,
  AcsSampleTokenAnswerSchema,
  acsSampleRefreshPath,
  acsSampleRoutes,
  acsSampleTokenPath,
} from '../../../common/acs-sample-contract';
import type { BackendUrl } from '../../../common/backend-url';
import { sampleServerWords } from '../strings/session';
import { BackendClient, type BackendClientOptions } from './backend-client';
import { BackendError } from './backend-errors';

/** A request header only a CORS middleware that reflects requested headers (the samples' `cors()`) echoes back. */
export const ACS_SAMPLE_PROBE_HEADER = 'x-switchboard-probe';

/**
 * The sample server's renewal failed because the server dropped the connection and then stopped
 * answering: Microsoft's hero sample exits when ACS refuses or fails (its handlers have no error
 * handling), so this is what "ACS refused this identity" looks like from here.
 */
export class AcsSampleServerVanished extends BackendError {
  override readonly name = 'AcsSampleServerVanished';
}

export class AcsSampleClient {
  readonly #http: BackendClient;
  /** What the last exchanges showed beyond their bodies: the preflight's headers, a dropped connection. */
  readonly #observed: { preflight: Headers | null; dropped: boolean } = { preflight: null, dropped: false };

  constructor(backendUrl: BackendUrl, options: BackendClientOptions = {}) {
    const baseFetch = options.fetch ?? globalThis.fetch;
    const observed = this.#observed;
    // The shared client's deadlines, retries and sentences, with two things added on the way: a real
    // CORS preflight for the probe (its answer headers kept), and noticing a connection the server
    // dropped without answering (as opposed to one it refused).
    const observingFetch: typeof fetch = async (input, init) => {
      const preflight = init?.method === 'OPTIONS';
      const headers = preflight
        ? {
            ...(init?.headers as Record<string, string>),
            origin: 'app://localhost',
            'access-control-request-method': 'POST',
            'access-control-request-headers': ACS_SAMPLE_PROBE_HEADER,
          }
        : init?.headers;
      try {
        const response = await baseFetch(input, { ...init, headers });
        if (preflight) observed.preflight = response.headers;
        return response;
      } catch (error) {
        if (isDroppedConnection(error)) observed.dropped = true;
        throw error;
      }
    };
    this.#http = new BackendClient(backendUrl, {
      ...options,
      fetch: observingFetch,
      serverKind: 'switchboardOrSample',
    });
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  get origin(): string {
    return this.#http.origin;
  }

  /**
   * True when the server has the sample's two routes. Asks with a CORS preflight (`OPTIONS` with
   * `Origin`, `Access-Control-Request-Method: POST` and a made-up request header), which the
   * samples' `cors()` middleware answers itself without running the route: no identity is created
   * and ACS is not called. `cors()` reflects the requested header in `Access-Control-Allow-Headers`;
   * a server that merely answers every `OPTIONS` with 204 (the web-calling tutorial's
   * webpack-dev-server, which has no `/token` route) does not, and is not taken for a sample.
   * Any 4xx means "not a sample server"; network trouble and 5xx are thrown as usual.
   */
  async isSampleServer(signal?: AbortSignal): Promise<boolean> {
    try {
      for (const path of [acsSampleRoutes.token, acsSampleRefreshPath(ACS_SAMPLE_PROBE_USER_ID)]) {
        this.#observed.preflight = null;
        await this.#http.call({
          method: 'OPTIONS',
          path,
          schema: null,
          unauthorized: 'rejected',
          signal,
          what: 'sampleProbe',
        });
        if (!answersCorsPreflight(this.#observed.preflight)) return false;
      }
      return true;
    } catch (error) {
      if (error instanceof BackendError && error.code === 'rejected') return false;
      throw error;
    }
  }

  /** `POST /token?scope=voip`: a new ACS identity and its first token. */
  createIdentity(signal?: AbortSignal): Promise<AcsSampleTokenAnswer> {
    return this.#http.call({
      method: 'POST',
      path: acsSampleTokenPath(),
      body: { scope: ACS_SAMPLE_SCOPE },
      schema: AcsSampleTokenAnswerSchema,
      unauthorized: 'sign-in-rejected',
      signal,
      what: 'signIn',
    });
  }

  /** `POST /refreshToken/<communicationUserId>`: a fresh token for that identity. */
  async refresh(communicationUserId: string, signal?: AbortSignal): Promise<AcsSampleRefreshAnswer> {
    this.#observed.dropped = false;
    let answer: AcsSampleRefreshAnswer;
    try {
      answer = await this.#http.call({
        method: 'POST',
        path: acsSampleRefreshPath(communicationUserId),
        schema: AcsSampleRefreshAnswerSchema,
        unauthorized: 'session-ended',
        signal,
        what: 'renewal',
      });
    } catch (error) {
      if (error instanceof BackendError && error.code === 'unreachable' && this.#observed.dropped) {
        throw new AcsSampleServerVanished('unreachable', sampleServerWords.exited(this.origin));
      }
      throw error;
    }
    if (answer.user && answer.user.communicationUserId !== communicationUserId) {
      throw new BackendError('bad-response', sampleServerWords.otherIdentity(this.origin));
    }
    return answer;
  }
}

/** `cors()`'s answer to our preflight: 2xx, POST allowed, our made-up header reflected. */
function answersCorsPreflight(headers: Headers | null): boolean {
  if (!headers) return false;
  const allowedHeaders = (headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
  const allowedMethods = (headers.get('access-control-allow-methods') ?? '').toUpperCase().split(/\s*,\s*/);
  return (
    headers.get('access-control-allow-origin') !== null &&
    (allowedHeaders.includes(ACS_SAMPLE_PROBE_HEADER) || allowedHeaders.includes('*')) &&
    (allowedMethods.includes('POST') || allowedMethods.includes('*'))
  );
}

/**
 * The server accepted the connection, then closed it without an answer (undici: "other side
 * closed"; or a reset), as a process that exits mid-request does. A refused connection is not this.
 */
function isDroppedConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

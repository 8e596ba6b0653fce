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
import { BackendClient, type BackendClientOptions } from './backend-client';
import { BackendError } from './backend-errors';

export class AcsSampleClient {
  readonly #http: BackendClient;

  constructor(backendUrl: BackendUrl, options: BackendClientOptions = {}) {
    this.#http = new BackendClient(backendUrl, {
      ...options,
      serverDescription: 'a Switchboard backend or an ACS sample token server',
    });
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  get origin(): string {
    return this.#http.origin;
  }

  /**
   * True when the server has the sample's two routes. Asks with `OPTIONS`, which the samples'
   * `cors()` middleware (or Express's own route table) answers without running the route: no
   * identity is created and ACS is not called. Any 4xx means "not a sample server"; network
   * trouble and 5xx are thrown as usual.
   */
  async isSampleServer(signal?: AbortSignal): Promise<boolean> {
    try {
      for (const path of [acsSampleRoutes.token, acsSampleRefreshPath(ACS_SAMPLE_PROBE_USER_ID)]) {
        await this.#http.call({
          method: 'OPTIONS',
          path,
          schema: null,
          unauthorized: 'rejected',
          signal,
          what: 'checking for an ACS sample token server',
        });
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
      what: 'signing in',
    });
  }

  /** `POST /refreshToken/<communicationUserId>`: a fresh token for that identity. */
  async refresh(communicationUserId: string, signal?: AbortSignal): Promise<AcsSampleRefreshAnswer> {
    const answer = await this.#http.call({
      method: 'POST',
      path: acsSampleRefreshPath(communicationUserId),
      schema: AcsSampleRefreshAnswerSchema,
      unauthorized: 'session-ended',
      signal,
      what: 'renewing the access token',
    });
    if (answer.user && answer.user.communicationUserId !== communicationUserId) {
      throw new BackendError(
        'bad-response',
        `The server at ${this.origin} answered with a token for another identity while renewing the access token. Check that the backend address points to an ACS sample token server; if it does, contact your administrator.`,
      );
    }
    return answer;
  }
}

/**
 * The v1 backend contract (docs/backend-openapi.yaml) over Node's `fetch`. Each operation has an overall deadline
 * and each attempt a deadline for the answer to start (connect + TLS + the server's first byte;
 * Node's built-in fetch exposes no separate connect timer). Network errors, 5xx and 429 are
 * retried with capped, fully jittered exponential backoff honouring `Retry-After`; other 4xx are
 * not. Answers are size-capped and validated with the shared zod schemas; a redirect is followed
 * only within the backend's own origin. Failures are `BackendError`s with sentences a user can act on.
 */
import type { z } from 'zod';
import {
  backendRoutes,
  type DirectoryPerson,
  type DiscoveryDocument,
  DiscoveryDocumentSchema,
  ErrorBodySchema,
  type PeoplePage,
  PeoplePageSchema,
  PersonAnswerSchema,
  personRoute,
  type SessionAnswer,
  SessionAnswerSchema,
  type TokenAnswer,
  TokenAnswerSchema,
} from '../../../common/backend-contract';
import { type BackendUrl, isLoopbackHost } from '../../../common/backend-url';
import { type BackendActivity, type BackendProblem, type BackendServerKind, backendWords } from '../strings/session';
import { abortError, BackendError, DirectoryAccessRefusedError, SessionEndedError } from './backend-errors';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs, type RetryPolicy } from './retry-policy';

export interface BackendClientOptions {
  /** Per attempt: until the response headers arrive. */
  readonly connectTimeoutMs?: number;
  /** Per operation, retries and waits included. */
  readonly overallTimeoutMs?: number;
  /** Larger answers are refused: no v1 answer is more than a few KB. */
  readonly maxResponseBytes?: number;
  readonly retry?: RetryPolicy;
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  /** What the address should point to, for "bad answer" messages. Default: a Switchboard backend (API v1). */
  readonly serverKind?: BackendServerKind;
}

export const DEFAULT_CLIENT_OPTIONS = {
  connectTimeoutMs: 10_000,
  overallTimeoutMs: 30_000,
  maxResponseBytes: 256 * 1024,
} as const;

const MAX_SAME_ORIGIN_REDIRECTS = 3;

type UnauthorizedMeans = 'session-ended' | 'sign-in-rejected' | 'directory-access-refused' | 'rejected';

/** One operation: what to send, how to read the answer, what a 401 means, and words for messages. */
export interface BackendRequest<S extends z.ZodType | null> {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'OPTIONS';
  /** From the base URL on, query included. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent as `Authorization: Bearer …`; also scrubbed from any message. */
  readonly bearer?: string;
  /** null: the answer has no body (204). */
  readonly schema: S;
  readonly unauthorized: UnauthorizedMeans;
  readonly signal?: AbortSignal;
  /** What this operation is, said in its error sentences ("… while signing in"). */
  readonly what: BackendActivity;
}

export class BackendClient {
  readonly baseUrl: string;
  readonly origin: string;
  readonly #options: Required<Omit<BackendClientOptions, 'fetch' | 'random' | 'retry' | 'serverKind'>> & {
    serverKind: BackendServerKind;
    retry: RetryPolicy;
    fetch: typeof fetch;
    random: () => number;
  };

  /** `backendUrl` was parsed once, where it entered main (the config store, "Test connection"). */
  constructor(backendUrl: BackendUrl, options: BackendClientOptions = {}) {
    this.baseUrl = backendUrl.url;
    this.origin = backendUrl.origin;
    this.#options = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.connectTimeoutMs,
      overallTimeoutMs: options.overallTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.overallTimeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_CLIENT_OPTIONS.maxResponseBytes,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      fetch: options.fetch ?? globalThis.fetch,
      random: options.random ?? Math.random,
      serverKind: options.serverKind ?? 'switchboard',
    };
  }

  /**
   * Any other operation on this server (another protocol's routes, see `acs-sample-client.ts`)
   * with the same deadlines, retries, size cap, redirect rule, validation and error sentences.
   */
  call<S extends z.ZodType | null>(spec: BackendRequest<S>): Promise<S extends z.ZodType ? z.output<S> : undefined> {
    return this.#request(spec);
  }

  /** `GET /.well-known/switchboard`: what sign-in the backend expects (and "Test connection"). */
  discover(signal?: AbortSignal): Promise<DiscoveryDocument> {
    return this.#request({
      method: 'GET',
      path: backendRoutes.discovery,
      schema: DiscoveryDocumentSchema,
      unauthorized: 'rejected',
      signal,
      what: 'discovery',
    });
  }

  /** `POST /v1/sessions`. `proof` is the OIDC token in `oidc` mode, absent in `open` mode. */
  createSession(displayName: string, proof?: string, signal?: AbortSignal): Promise<SessionAnswer> {
    return this.#request({
      method: 'POST',
      path: backendRoutes.sessions,
      body: { displayName },
      bearer: proof,
      schema: SessionAnswerSchema,
      unauthorized: 'sign-in-rejected',
      signal,
      what: 'signIn',
    });
  }

  /** `POST /v1/token`: a fresh ACS token and the rotated refresh token. */
  refresh(refreshToken: string, signal?: AbortSignal): Promise<TokenAnswer> {
    return this.#request({
      method: 'POST',
      path: backendRoutes.token,
      body: {},
      bearer: refreshToken,
      schema: TokenAnswerSchema,
      unauthorized: 'session-ended',
      signal,
      what: 'renewal',
    });
  }

  /** `DELETE /v1/sessions/current`. A 401 means already ended: that is success for a sign-out. */
  async deleteSession(refreshToken: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.#request({
        method: 'DELETE',
        path: backendRoutes.currentSession,
        bearer: refreshToken,
        schema: null,
        unauthorized: 'session-ended',
        signal,
        what: 'signOut',
      });
    } catch (error) {
      if (error instanceof SessionEndedError) return;
      throw error;
    }
  }

  /** `GET /v1/people`: one page of the people whose name or email starts with `query`. */
  searchPeople(
    directoryBearer: string,
    query: { readonly query: string; readonly cursor?: string | undefined },
    signal?: AbortSignal,
  ): Promise<PeoplePage> {
    const parameters = new URLSearchParams({ query: query.query });
    if (query.cursor !== undefined) parameters.set('cursor', query.cursor);
    return this.#request({
      method: 'GET',
      path: `${backendRoutes.people}?${parameters}`,
      bearer: directoryBearer,
      schema: PeoplePageSchema,
      unauthorized: 'directory-access-refused',
      signal,
      what: 'directorySearch',
    });
  }

  /** `GET /v1/people/{id}`: the person, or null when the id is nobody of the organisation (404). */
  async findPerson(
    directoryBearer: string,
    communicationUserId: string,
    signal?: AbortSignal,
  ): Promise<DirectoryPerson | null> {
    try {
      const answer = await this.#request({
        method: 'GET',
        path: personRoute(communicationUserId),
        bearer: directoryBearer,
        schema: PersonAnswerSchema,
        unauthorized: 'directory-access-refused',
        signal,
        what: 'directoryLookup',
      });
      return answer.person;
    } catch (error) {
      if (error instanceof BackendError && error.status === 404) return null;
      throw error;
    }
  }

  async #request<S extends z.ZodType | null>(
    spec: BackendRequest<S>,
  ): Promise<S extends z.ZodType ? z.output<S> : undefined> {
    const { retry, overallTimeoutMs } = this.#options;
    // Plain controllers and timers rather than AbortSignal.timeout/any: cheaper per request, and
    // Node 20's AbortSignal.any keeps its sources alive (nodejs/node#48951).
    const overallController = new AbortController();
    const overallTimer = setTimeout(() => overallController.abort(), overallTimeoutMs);
    const overall = overallController.signal;
    const operationController = new AbortController();
    const unlink = follow(operationController, [overall, spec.signal]);
    const operation = operationController.signal;
    const secrets = spec.bearer ? [spec.bearer] : [];
    const startedAt = performance.now();
    let lastFailure: BackendError | null = null;

    try {
      for (let attempt = 0; attempt < retry.maxAttempts; attempt++) {
        if (spec.signal?.aborted) throw abortError(spec.signal.reason);
        if (overall.aborted) throw lastFailure ?? this.#timedOut(spec);
        const outcome = await this.#attempt(spec, operation, overall, secrets);
        if (outcome.kind === 'done') return outcome.value as S extends z.ZodType ? z.output<S> : undefined;
        lastFailure = outcome.error;
        if (attempt === retry.maxAttempts - 1) break;
        const waitMs = outcome.retryAfterMs ?? backoffDelayMs(retry, attempt, this.#options.random);
        const remainingMs = overallTimeoutMs - (performance.now() - startedAt);
        if (outcome.retryAfterMs !== null && outcome.retryAfterMs >= remainingMs) break;
        await sleep(waitMs, operation).catch(() => {
          if (spec.signal?.aborted) throw abortError(spec.signal.reason);
        });
      }
      throw lastFailure ?? this.#timedOut(spec);
    } finally {
      clearTimeout(overallTimer);
      unlink();
    }
  }

  /** One HTTP exchange (plus same-origin redirects): a value, a retryable failure, or a thrown final error. */
  async #attempt(
    spec: BackendRequest<z.ZodType | null>,
    operation: AbortSignal,
    overall: AbortSignal,
    secrets: readonly string[],
  ): Promise<{ kind: 'done'; value: unknown } | { kind: 'retry'; error: BackendError; retryAfterMs: number | null }> {
    const attemptController = new AbortController();
    const unlink = follow(attemptController, [operation]);
    try {
      return await this.#exchange(spec, attemptController, overall, secrets);
    } finally {
      unlink();
    }
  }

  async #exchange(
    spec: BackendRequest<z.ZodType | null>,
    attemptController: AbortController,
    overall: AbortSignal,
    secrets: readonly string[],
  ): Promise<{ kind: 'done'; value: unknown } | { kind: 'retry'; error: BackendError; retryAfterMs: number | null }> {
    const signal = attemptController.signal;
    let connectTimedOut = false;
    const connectTimer = setTimeout(() => {
      connectTimedOut = true;
      attemptController.abort();
    }, this.#options.connectTimeoutMs);
    let url = `${this.baseUrl}${spec.path}`;
    let response: Response;
    try {
      for (let hop = 0; ; hop++) {
        response = await this.#options.fetch(url, {
          method: spec.method,
          headers: {
            accept: 'application/json',
            ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(spec.bearer ? { authorization: `Bearer ${spec.bearer}` } : {}),
          },
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          redirect: 'manual',
          signal,
        });
        if (response.status < 300 || response.status >= 400) break;
        await response.body?.cancel();
        url = this.#sameOriginRedirect(response, url, hop);
      }
    } catch (error) {
      clearTimeout(connectTimer);
      if (error instanceof BackendError) throw error;
      if (spec.signal?.aborted) throw abortError(spec.signal.reason);
      if (overall.aborted) return { kind: 'retry', error: this.#timedOut(spec), retryAfterMs: null };
      if (connectTimedOut) {
        return {
          kind: 'retry',
          error: new BackendError(
            'unreachable',
            backendWords.connectTimedOut(this.origin, this.#options.connectTimeoutMs, spec.what),
          ),
          retryAfterMs: null,
        };
      }
      return { kind: 'retry', error: this.#unreachable(spec), retryAfterMs: null };
    }
    clearTimeout(connectTimer);

    let text: string;
    try {
      text = await this.#readCapped(response, spec);
    } catch (error) {
      if (error instanceof BackendError) throw error;
      if (spec.signal?.aborted) throw abortError(spec.signal.reason);
      if (overall.aborted) return { kind: 'retry', error: this.#timedOut(spec), retryAfterMs: null };
      // The connection broke mid-answer: as retryable as a refused connection.
      return { kind: 'retry', error: this.#unreachable(spec), retryAfterMs: null };
    }

    const status = response.status;
    if (status >= 200 && status < 300) {
      if (spec.schema === null) return { kind: 'done', value: undefined };
      return { kind: 'done', value: this.#validate(text, spec.schema, spec) };
    }

    const backendError = readErrorBody(text);
    const backendMessage = backendError ? scrub(backendError.message, secrets) : '';
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
    if (status === 429) {
      return {
        kind: 'retry',
        error: new BackendError(
          'rate-limited',
          backendWords.busy(this.origin, retryAfterMs),
          status,
          backendError?.code,
        ),
        retryAfterMs,
      };
    }
    if (status >= 500) {
      return {
        kind: 'retry',
        error: new BackendError(
          'server-error',
          backendWords.serverError(this.origin, spec.what, status),
          status,
          backendError?.code,
        ),
        retryAfterMs,
      };
    }
    if (status === 401 && spec.unauthorized === 'session-ended') {
      throw new SessionEndedError(backendWords.sessionEnded(this.origin, backendError?.code), backendError?.code);
    }
    if (status === 401 && spec.unauthorized === 'directory-access-refused') {
      throw new DirectoryAccessRefusedError(backendWords.directoryRefused(this.origin, spec.what), backendError?.code);
    }
    if ((status === 401 || status === 403) && spec.unauthorized === 'sign-in-rejected') {
      throw new BackendError(
        'sign-in-rejected',
        backendWords.signInRefused(this.origin, backendMessage),
        status,
        backendError?.code,
      );
    }
    throw new BackendError(
      'rejected',
      backendWords.refused(this.origin, spec.what, status, backendMessage),
      status,
      backendError?.code,
    );
  }

  #sameOriginRedirect(response: Response, from: string, hop: number): string {
    const location = response.headers.get('location');
    let target: URL | null = null;
    try {
      target = location ? new URL(location, from) : null;
    } catch {
      target = null;
    }
    if (!target) throw this.#badResponse({ kind: 'redirectWithoutAddress' });
    if (target.origin !== this.origin) {
      // Only the origin is named: the full address could carry something secret in its query.
      throw new BackendError('redirected', backendWords.redirected(this.origin, target.origin), response.status);
    }
    if (hop + 1 > MAX_SAME_ORIGIN_REDIRECTS) throw this.#badResponse({ kind: 'tooManyRedirects' });
    return target.href;
  }

  /**
   * Reads the answer counting the bytes fetch hands over, which are already decoded: a few KB of
   * gzip or brotli can inflate to gigabytes, and `content-length` (when honest) counts the
   * compressed bytes, so no header can stand in for the count. A declared length above the cap is
   * refused before reading anything.
   */
  async #readCapped(response: Response, spec: BackendRequest<z.ZodType | null>): Promise<string> {
    const cap = this.#options.maxResponseBytes;
    const tooLarge = () =>
      this.#badResponse({ kind: 'tooLarge', kilobytes: Math.round(cap / 1024), activity: spec.what });
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > cap) {
      await response.body?.cancel();
      throw tooLarge();
    }
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  #validate(text: string, schema: z.ZodType, spec: BackendRequest<z.ZodType | null>): unknown {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.#badResponse({ kind: 'notJson', activity: spec.what });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // Field paths only: values could be tokens.
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(answer)'))].slice(0, 5);
      throw this.#badResponse({ kind: 'unexpectedFields', fields, activity: spec.what });
    }
    return parsed.data;
  }

  #badResponse(problem: BackendProblem): BackendError {
    return new BackendError('bad-response', backendWords.badResponse(this.origin, problem, this.#options.serverKind));
  }

  /**
   * Picks the first thing to check when the backend does not answer. The messages are shown on the
   * sign-in screen and on home alike, so they name the address, not where it is edited; a backend on
   * this computer (development) is not a network problem.
   */
  get #onThisComputer(): boolean {
    return isLoopbackHost(new URL(this.origin).hostname);
  }

  #unreachable(spec: BackendRequest<z.ZodType | null>): BackendError {
    return new BackendError('unreachable', backendWords.unreachable(this.origin, spec.what, this.#onThisComputer));
  }

  #timedOut(spec: BackendRequest<z.ZodType | null>): BackendError {
    return new BackendError(
      'unreachable',
      backendWords.timedOut(this.origin, spec.what, this.#options.overallTimeoutMs, this.#onThisComputer),
    );
  }
}

function readErrorBody(text: string): { code: string; message: string } | null {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

/** The backend's own message, shown to the user: one line, bounded, with our secrets cut out. */
function scrub(message: string, secrets: readonly string[]): string {
  let clean = message;
  for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

/** Aborts `controller` when any of `signals` aborts; returns the function that stops following. */
function follow(controller: AbortController, signals: ReadonlyArray<AbortSignal | undefined>): () => void {
  const onAbort = () => controller.abort();
  const followed: AbortSignal[] = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort();
      continue;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    followed.push(signal);
  }
  return () => {
    for (const signal of followed) signal.removeEventListener('abort', onAbort);
  };
}

/** A wait that ends early (rejecting) when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

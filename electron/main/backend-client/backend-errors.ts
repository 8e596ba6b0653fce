/**
 * What can go wrong talking to the backend, as types the broker branches on and sentences a user
 * can act on. No message ever contains a token: the client builds them from its own words, the
 * backend's origin and the backend's error code, and scrubs the backend's own message.
 */

export type BackendErrorCode =
  | 'unreachable' // network error or timeout, after retries
  | 'rate-limited' // 429 that outlasted our retry budget
  | 'server-error' // 5xx after retries
  | 'session-ended' // 401: revoked, expired or reused refresh token
  | 'sign-in-rejected' // 401/403 on sign-in
  | 'rejected' // any other 4xx: not retried
  | 'bad-response' // not the v1 contract: malformed JSON, wrong types, too large, expired token
  | 'redirected'; // a redirect to another origin

export class BackendError extends Error {
  override readonly name: string = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    /** HTTP status when there was one. */
    readonly status?: number,
    /** The backend's error code (`session_revoked`, …) when it sent one. */
    readonly backendCode?: string,
  ) {
    super(message);
  }
}

/** 401 on a refresh-token route: the session is over and the refresh state is worthless. */
export class SessionEndedError extends BackendError {
  override readonly name = 'SessionEndedError';
  constructor(message: string, backendCode?: string) {
    super('session-ended', message, 401, backendCode);
  }
}

/**
 * 401 on a directory route: the directory bearer was refused (expired, or issued before a refresh
 * the backend has since moved past). With a live session, one refresh fixes it.
 */
export class DirectoryAccessRefusedError extends BackendError {
  override readonly name = 'DirectoryAccessRefusedError';
  constructor(message: string, backendCode?: string) {
    super('rejected', message, 401, backendCode);
  }
}

/** The standard cancellation error (what `fetch` and the SDK's refresher expect). */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

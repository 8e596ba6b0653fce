/**
 * The one error type routes and services throw. The error handler turns it into the contract's
 * body `{"error":{"code","message"}}`; anything else becomes a 500 whose message says nothing.
 */
import type { BackendErrorCode } from '../../common/backend-contract';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: BackendErrorCode,
    message: string,
    /** Seconds for `Retry-After` (429, 502, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (message = 'Sign in again: the refresh token is missing or not recognised.') =>
  new HttpError(401, 'unauthorized', message);

export const sessionRevoked = () =>
  new HttpError(401, 'session_revoked', 'This session was signed out; sign in again.');
export const sessionExpired = () =>
  new HttpError(401, 'session_expired', 'This session expired after a long time without use; sign in again.');

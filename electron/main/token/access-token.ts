/**
 * When an ACS token really expires. The calling SDK reads only the JWT's `exp` (docs/acs-facts.md), so the
 * broker trusts the earlier of `exp` and the backend's `expiresOn`, and refuses a token the SDK
 * would refuse (it throws on an expired one) rather than handing it on.
 */
import { decodeJwt } from 'jose';
import type { BackendAccessToken } from '../../../common/backend-contract';
import { BackendError } from '../backend-client/backend-errors';
import { backendWords } from '../strings/session';

export interface HeldToken {
  readonly token: string;
  /** ISO 8601, as the IPC contract carries it. */
  readonly expiresOn: string;
  readonly expiresAtMs: number;
  /** Lifetime when received: bounds the refresh margin for short-lived tokens. */
  readonly lifetimeMs: number;
}

export function acceptAccessToken(answer: BackendAccessToken, backendOrigin: string, now: number): HeldToken {
  let expMs: number;
  try {
    const exp = decodeJwt(answer.token).exp;
    if (typeof exp !== 'number') throw new Error('no exp');
    expMs = exp * 1000;
  } catch {
    throw new BackendError(
      'bad-response',
      backendWords.badResponse(backendOrigin, { kind: 'notAnAcsToken' }, 'switchboardOrSample'),
    );
  }
  const expiresAtMs = Math.min(expMs, Date.parse(answer.expiresOn));
  if (!(expiresAtMs > now)) {
    throw new BackendError('bad-response', backendWords.tokenExpired(backendOrigin));
  }
  return {
    token: answer.token,
    expiresOn: new Date(expiresAtMs).toISOString(),
    expiresAtMs,
    lifetimeMs: expiresAtMs - now,
  };
}

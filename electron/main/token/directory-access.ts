/**
 * The company directory's bearer as the broker holds it: in memory, with when it stops being worth
 * presenting. It comes with every session and token answer of an `oidc` session, so a fresh one
 * costs one ordinary refresh; it is never written to the keychain and never leaves main.
 */
import type { DirectoryAccess } from '../../../common/backend-contract';

export interface HeldDirectoryAccess {
  readonly token: string;
  readonly expiresAtMs: number;
  /** Lifetime when received: bounds the margin for very short-lived bearers. */
  readonly lifetimeMs: number;
}

/**
 * Renew when less than this is left, so that a search started now does not reach the backend with
 * a bearer that expired on the way (a round trip, a retry or two).
 */
export const DIRECTORY_ACCESS_MARGIN_MS = 30_000;

export function holdDirectoryAccess(answer: DirectoryAccess, now: number): HeldDirectoryAccess {
  const expiresAtMs = Date.parse(answer.expiresOn);
  return { token: answer.token, expiresAtMs, lifetimeMs: Math.max(0, expiresAtMs - now) };
}

export function isDirectoryAccessFresh(held: HeldDirectoryAccess, now: number): boolean {
  return held.expiresAtMs - now > Math.min(DIRECTORY_ACCESS_MARGIN_MS, held.lifetimeMs / 2);
}

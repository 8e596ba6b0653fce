/**
 * Whether the signed-in session has a company directory, and when not, why (the call box says it
 * in words): decided from the session, what the backend's discovery document announced, and
 * whether the session's answers carry a directory bearer.
 */
import type { SignInMode } from '../../../common/backend-contract';
import type { DirectoryAvailability, SessionState } from '../../../common/ipc';

/**
 * What the session's answers said about the directory: `true`/`false` once one arrived;
 * `not-yet` when none has since sign-in or restore; `unreachable` when asking failed.
 */
export type DirectoryOffer = boolean | 'not-yet' | 'unreachable';

export interface DirectoryFacts {
  readonly session: SessionState;
  /** Sign-in modes from the discovery document; null when it has not been read. */
  readonly signInModes: readonly SignInMode[] | null;
  readonly offer: DirectoryOffer;
}

/** The answer, or `ask-the-backend` when only a session answer (one refresh) can tell. */
export function directoryAvailability(facts: DirectoryFacts): DirectoryAvailability | 'ask-the-backend' {
  const { session, signInModes, offer } = facts;
  if (session.status !== 'signed-in') return { available: false, reason: 'signed-out' };
  if (session.protocol === 'acs-sample') return { available: false, reason: 'not-offered' };
  if (offer === true) return { available: true };
  const organisation = signInModes?.includes('oidc') ?? null;
  // A backend that only signs people in by name has no verified names to offer.
  if (organisation === false) return { available: false, reason: 'open-sign-in' };
  if (offer === false) return { available: false, reason: 'not-offered' };
  if (offer === 'not-yet') return 'ask-the-backend';
  // The backend could not be asked: an organisation session is offered the directory, so that a
  // search says what is wrong (unreachable) rather than the directory silently vanishing.
  return organisation ? { available: true } : { available: false, reason: 'not-offered' };
}

/**
 * Offboarding a person (`npm run backend -- offboard --subject <sub>`): every session of theirs
 * ends at once, and ACS revokes every token their identity holds, so a call in progress cannot
 * renew and no stolen refresh token works. Optionally the mapping and the ACS identity go too;
 * without that, the person gets the same identity back if they are ever allowed in again. Either
 * way they leave the company directory at once.
 */
import type { AcsIdentityGateway } from '../acs/identity-gateway';
import type { SessionStore } from '../sessions/session-store';
import type { IdentityStore, PersonKey } from './identity-store';

export interface OffboardingRequest extends PersonKey {
  /** Also delete the mapping and the ACS identity (its tokens die with it). */
  readonly deleteIdentity: boolean;
  readonly now: Date;
}

export interface OffboardingOutcome {
  readonly sessionsRevoked: number;
  /** The person's ACS identity, when they had one. */
  readonly communicationUserId: string | null;
  readonly acsTokensRevoked: boolean;
  readonly identityDeleted: boolean;
}

export async function offboard(
  parts: { readonly store: SessionStore; readonly identities: IdentityStore; readonly acs: AcsIdentityGateway },
  request: OffboardingRequest,
): Promise<OffboardingOutcome> {
  // Sessions first: from here on no refresh token of theirs gets a new ACS token.
  const sessionsRevoked = await parts.store.revokeBySubject(request.subject, 'administrator', request.now);
  const person = await parts.identities.find(request);
  if (!person) return { sessionsRevoked, communicationUserId: null, acsTokensRevoked: false, identityDeleted: false };
  await parts.acs.revokeTokens(person.communicationUserId);
  if (!request.deleteIdentity) {
    // Gone from the company directory too, until they are allowed back in and sign in again.
    await parts.identities.hideFromDirectory(request, request.now);
    return {
      sessionsRevoked,
      communicationUserId: person.communicationUserId,
      acsTokensRevoked: true,
      identityDeleted: false,
    };
  }
  // ACS first: a mapping deleted before a failed ACS delete would leave an identity nobody can find.
  await parts.acs.deleteUser(person.communicationUserId);
  await parts.identities.delete(request);
  return {
    sessionsRevoked,
    communicationUserId: person.communicationUserId,
    acsTokensRevoked: true,
    identityDeleted: true,
  };
}

/**
 * People, as opposed to places: a call to several people at once (one `startCall` with everyone)
 * and adding someone to the call in progress (`call.addParticipant`). Phone numbers are rung from
 * the configured caller id (`alternateCallerId`), as a 1:1 phone call is.
 *
 * Whether "Add people" is offered follows `Features.Capabilities` (`addCommunicationUser`,
 * `addPhoneNumber`): present → offered, refused for a reason the service gave (a Teams meeting's
 * attendee, a Rooms consumer) → not offered. Until the service has decided, a guest role
 * (attendee, consumer) is not offered it and everyone else is; the service still has the last
 * word, and its refusal is said in words.
 */
import { MAX_PEOPLE_PER_CALL } from '../../common/ipc/history-limits';
import { groupCallStrings } from '../strings';
import { callActionStrings } from '../strings/session';
import { remoteDisplayName } from './display-name';
import { describeEndReason } from './end-reasons';
import { UNRESOLVED } from './host-controls';
import type { AddPeopleAbility, CallTarget, PersonTarget } from './model';
import type { SdkCall, SdkCapabilities, SdkOutgoingParticipant, SdkRemoteParticipant } from './sdk-surface';

// The cap lives with the history contract, which keeps a call's people within it too.
export { MAX_PEOPLE_PER_CALL };

export const cannotAddPeople: AddPeopleAbility = { people: false, phoneNumbers: false };

const GUEST_ROLES: ReadonlySet<SdkCall['role']> = new Set(['Attendee', 'Consumer']);

export function isPersonTarget(target: CallTarget): target is PersonTarget {
  return target.kind === 'acs-user' || target.kind === 'phone';
}

type CapabilityName = 'addCommunicationUser' | 'addPhoneNumber';

function allows(feature: SdkCapabilities, role: SdkCall['role'], name: CapabilityName): boolean {
  const capability = feature.capabilities[name] as SdkCapabilities['capabilities'][CapabilityName] | undefined;
  if (capability?.isPresent) return true;
  if (capability && !UNRESOLVED.has(capability.reason)) return false;
  return !GUEST_ROLES.has(role);
}

export function snapshotAddPeople(feature: SdkCapabilities, role: SdkCall['role']): AddPeopleAbility {
  return {
    people: allows(feature, role, 'addCommunicationUser'),
    phoneNumbers: allows(feature, role, 'addPhoneNumber'),
  };
}

/** The identifier the SDK rings a person by. */
export function sdkParticipant(target: PersonTarget): SdkOutgoingParticipant {
  return target.kind === 'phone' ? { phoneNumber: target.e164 } : { communicationUserId: target.communicationUserId };
}

/**
 * `startCall`'s caller-id option for these people: none without a phone number among them;
 * with one, the configured caller id, and without that a refusal in words (nothing is dialled).
 */
export function callerIdOptionFor(
  people: readonly PersonTarget[],
  alternateCallerId: string | null,
): { alternateCallerId?: { phoneNumber: string } } {
  if (!people.some((person) => person.kind === 'phone')) return {};
  if (!alternateCallerId) throw new Error(callActionStrings.noCallerId);
  return { alternateCallerId: { phoneNumber: alternateCallerId } };
}

/** Everyone a call rings: the first person and the others, each once, within the limit. */
export function peopleToRing(target: PersonTarget, others: readonly PersonTarget[] = []): PersonTarget[] {
  const seen = new Set<string>();
  const people = [target, ...others].filter((person) => {
    const key = targetKey(person);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (people.length > MAX_PEOPLE_PER_CALL) throw new Error(groupCallStrings.tooMany(MAX_PEOPLE_PER_CALL));
  return people;
}

function targetKey(person: PersonTarget): string {
  return person.kind === 'phone' ? `4:${person.e164}` : person.communicationUserId;
}

/**
 * Rings `target` into `call`. Resolves once they have joined; rejects in words when the SDK
 * refuses at once (not allowed in this call, a malformed id) or when they drop out before joining
 * (declined, no answer), with the reason the service gave.
 */
export function addToCall(
  call: SdkCall,
  target: PersonTarget,
  alternateCallerId: string | null,
  rawId: (participant: SdkRemoteParticipant) => string,
): Promise<void> {
  let participant: SdkRemoteParticipant;
  const callerId = callerIdOptionFor([target], alternateCallerId);
  try {
    participant =
      target.kind === 'phone'
        ? call.addParticipant({ phoneNumber: target.e164 }, callerId)
        : call.addParticipant({ communicationUserId: target.communicationUserId });
  } catch (error) {
    return Promise.reject(
      new Error(groupCallStrings.addFailed(error instanceof Error ? error.message : String(error))),
    );
  }
  return untilJoined(participant, rawId);
}

function untilJoined(
  participant: SdkRemoteParticipant,
  rawId: (participant: SdkRemoteParticipant) => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      if (participant.state === 'Connected' || participant.state === 'Hold') {
        participant.off('stateChanged', settle);
        resolve();
      } else if (participant.state === 'Disconnected') {
        participant.off('stateChanged', settle);
        const name = remoteDisplayName(participant.displayName, rawId(participant));
        reject(
          new Error(groupCallStrings.didNotJoin(name, describeEndReason(participant.callEndReason, false).message)),
        );
      }
    };
    participant.on('stateChanged', settle);
    settle();
  });
}

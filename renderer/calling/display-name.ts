/**
 * The one place a remote person's or a call's name is chosen for display. People see names, never
 * raw ACS ids: a participant or caller is shown by the display name they set, else by a readable
 * form of their id (a phone number formatted, an ACS user as "Unnamed person (…tail)"). Every
 * screen and the calling store route remote names through here, and so through the one sanitiser
 * for names chosen by the other side (common/display-text.ts).
 *
 * Phone numbers are formatted with the phone-number library when it has been loaded
 * (phone-numbers-loader.ts); until then they show as E.164. The store loads it when a phone
 * number is in play and publishes again.
 */
import { sanitizeRemoteName } from '../../common/display-text';
import { callTitleStrings } from '../strings/session';
import { ACS_USER_PREFIX } from './acs-id';
import type { CallTarget, Participant } from './model';
import { loadedPhoneNumbers } from './phone-numbers-loader';

/** `4:+14255550100` (the SDK's raw id of a phone participant) → `+14255550100`, else null. */
export function phoneOfRawId(rawId: string): string | null {
  return /^4:(\+[1-9]\d{5,14})$/.exec(rawId)?.[1] ?? null;
}

/** A phone number in either form the SDK or a caller id gives it (`4:+1…` or `+1…`), else null. */
function phoneOf(id: string): string | null {
  return phoneOfRawId(id) ?? (/^\+[1-9]\d{5,14}$/.test(id) ? id : null);
}

/** `+14255550100` → `+1 425 555 0100` once the phone-number library is loaded. */
export function formatPhoneNumber(e164: string): string {
  return loadedPhoneNumbers()?.formatInternational(e164) ?? e164;
}

/** How to show an id that came without a name: never the raw `8:acs:…` string. */
export function readableId(rawId: string): string {
  const phone = phoneOf(rawId);
  if (phone) return formatPhoneNumber(phone);
  if (ACS_USER_PREFIX.test(rawId)) {
    // The end of the user part (after the resource's `_`): what tells two unnamed people apart.
    const user = rawId.split(/[_:]/).at(-1) ?? rawId;
    return callTitleStrings.unnamedPerson(user.slice(-6));
  }
  return callTitleStrings.unnamedOther;
}

/**
 * A remote participant's or caller's name: the one they set, cleaned (anyone can set any name:
 * control and bidi-override characters go, the length is capped), else a readable form of their id.
 */
export function remoteDisplayName(displayName: string | null | undefined, rawId: string): string {
  const name = sanitizeRemoteName(displayName ?? '');
  if (name && name !== rawId) return name;
  return readableId(rawId);
}

/** Whether showing this id needs the phone-number library (so the store can load it, then publish). */
export function needsPhoneFormatting(rawId: string): boolean {
  return loadedPhoneNumbers() === null && phoneOf(rawId) !== null;
}

/** The header of a call with nobody in it yet, from what was dialled. */
export function targetTitle(target: CallTarget | null): string {
  switch (target?.kind) {
    case 'acs-user':
      return readableId(target.communicationUserId);
    case 'phone':
      return formatPhoneNumber(target.e164);
    case 'group':
      return callTitleStrings.group;
    case 'teams-meeting':
    case 'teams-meeting-id':
      return callTitleStrings.teamsMeeting;
    case 'room':
      return callTitleStrings.room;
    default:
      return callTitleStrings.unnamedOther;
  }
}

/** How many names a group call's title lists before "and N others". */
const TITLE_NAMES = 2;

/**
 * A call's header: the name it was placed or answered with (a favourite's label, a recent's title,
 * the caller's display name) wins; a 1:1 call is titled by the other person, a group call by who is
 * in it; with nobody there yet, by what was dialled.
 */
export function callTitle(given: string | null, target: CallTarget | null, participants: Participant[]): string {
  // A raw id is no name (recents written before names were resolved kept the id as their title).
  const name = given?.trim() ?? '';
  if (name && !ACS_USER_PREFIX.test(name)) return name;
  const present = participants.filter((p) => p.state !== 'disconnected');
  const oneToOne = target === null || target.kind === 'acs-user' || target.kind === 'phone';
  if (oneToOne && present.length === 1 && present[0]) return present[0].displayName;
  if (!oneToOne && present.length > 0) {
    const names = present.slice(0, TITLE_NAMES).map((p) => p.displayName);
    return callTitleStrings.people(names, present.length - names.length);
  }
  return targetTitle(target);
}

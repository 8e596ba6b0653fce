/**
 * The one call box's brain: turns what the user typed or pasted into a `CallTarget`, or says
 * precisely why it cannot. Pure (no DOM, no SDK): the dialer shows the result inline, history
 * uses the same functions to label and de-duplicate targets.
 */
// The library's default "min" metadata: it formats every country and checks a number's length for
// it; "max" adds per-type patterns, 73 KB more in the home screen's chunk and 0.18 MB of heap for
// as long as the window lives. The telephone network is the final judge of a number anyway, and
// over-precise patterns would refuse a newly allocated range until the next update.
import { type CountryCode, parsePhoneNumberFromString as parsePhoneNumberWithMetadata } from 'libphonenumber-js/min';
import { ACS_USER_ID, ACS_USER_PREFIX } from './acs-id';
import type { CallTarget } from './model';

/** Why an input is not a target yet. The dialer turns these into words (renderer/strings). */
export type CallTargetProblem =
  /** Looks like nothing we know. */
  | 'unrecognized'
  /** Starts like an ACS user id (`8:acs:`) but the rest is not one. */
  | 'acs-user-malformed'
  /** Digits that are not a valid phone number. */
  | 'phone-invalid'
  /** A national number without `+` and no country to read it in (no caller id configured). */
  | 'phone-needs-country-code'
  /** ACS dials numbers, not extensions: dial the number, then use the keypad. */
  | 'phone-extension'
  /** A teams.microsoft.com / teams.live.com address that is not a meeting join link. */
  | 'teams-link-malformed'
  /** `room:` followed by something that is not a Rooms id. */
  | 'room-malformed';

export type CallTargetParse =
  | { status: 'empty' }
  | {
      status: 'valid';
      target: CallTarget;
      /** How to show the target back to the user: `+1 425 555 0100`, the id, the link. */
      display: string;
    }
  | { status: 'invalid'; problem: CallTargetProblem };

export interface CallTargetParseOptions {
  /**
   * The country national numbers are read in (from the configured caller id). Without it a
   * phone number must start with `+`.
   */
  defaultCountry?: CountryCode | undefined;
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;
/** Rooms ids are long decimal strings (17 digits today), longer than any E.164 number (≤ 15). */
const ROOM_ID = /^\d{16,32}$/;
const ROOM_PREFIX = /^rooms?:\s*/i;
/** With an explicit `room:` the user told us what it is: accept shorter ids too. */
const ROOM_ID_AFTER_PREFIX = /^\d{8,32}$/;
/** What a phone number may be typed with: digits, +, spaces, dots, dashes, brackets, an extension. */
const PHONE_LIKE = /^\+?[\d\s().-]{3,40}(?:\s*(?:ext\.?|x|#)\s*\d{1,10})?$/i;
const TEAMS_HOSTS = new Set([
  'teams.microsoft.com',
  'teams.live.com',
  'teams.microsoft.us',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
]);
/** Teams meeting links: the classic `/l/meetup-join/…` and the short `/meet/<id>?p=<passcode>`. */
const TEAMS_MEETING_PATH = /^\/(?:l\/meetup-join\/.+|meet\/[0-9A-Za-z]+\/?)$/;

export function parseCallTarget(raw: string, options: CallTargetParseOptions = {}): CallTargetParse {
  const input = stripWrapping(raw);
  if (input === '') return { status: 'empty' };

  if (ACS_USER_PREFIX.test(input)) {
    return ACS_USER_ID.test(input)
      ? { status: 'valid', target: { kind: 'acs-user', communicationUserId: input }, display: input }
      : { status: 'invalid', problem: 'acs-user-malformed' };
  }

  const guid = GUID.exec(input);
  if (guid?.[1]) {
    const groupId = guid[1].toLowerCase();
    return { status: 'valid', target: { kind: 'group', groupId }, display: groupId };
  }

  if (/^https?:\/\//i.test(input) || /^(?:[a-z0-9-]+\.)*teams\.(?:microsoft|live)\./i.test(input)) {
    return parseTeamsLink(input);
  }

  if (ROOM_PREFIX.test(input)) {
    const roomId = input.replace(ROOM_PREFIX, '');
    return ROOM_ID_AFTER_PREFIX.test(roomId)
      ? { status: 'valid', target: { kind: 'room', roomId }, display: roomId }
      : { status: 'invalid', problem: 'room-malformed' };
  }
  if (ROOM_ID.test(input)) {
    return { status: 'valid', target: { kind: 'room', roomId: input }, display: input };
  }

  const phoneInput = input.replace(/^tel:/i, '');
  if (PHONE_LIKE.test(phoneInput)) return parsePhone(phoneInput, options.defaultCountry);

  return { status: 'invalid', problem: 'unrecognized' };
}

function parsePhone(input: string, defaultCountry: CountryCode | undefined): CallTargetParse {
  const international = input.startsWith('+');
  if (!international && !defaultCountry) return { status: 'invalid', problem: 'phone-needs-country-code' };
  const phone = parsePhoneNumberWithMetadata(input, international ? undefined : defaultCountry);
  if (!phone?.isValid()) return { status: 'invalid', problem: 'phone-invalid' };
  if (phone.ext) return { status: 'invalid', problem: 'phone-extension' };
  return { status: 'valid', target: { kind: 'phone', e164: phone.number }, display: phone.formatInternational() };
}

function parseTeamsLink(input: string): CallTargetParse {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    return { status: 'invalid', problem: 'unrecognized' };
  }
  const unwrapped = unwrapSafeLink(url);
  if (unwrapped) return parseTeamsLink(unwrapped);
  if (!TEAMS_HOSTS.has(url.hostname.toLowerCase())) return { status: 'invalid', problem: 'unrecognized' };
  if (url.protocol !== 'https:' || !TEAMS_MEETING_PATH.test(url.pathname)) {
    return { status: 'invalid', problem: 'teams-link-malformed' };
  }
  const meetingLink = url.toString();
  return { status: 'valid', target: { kind: 'teams-meeting', meetingLink }, display: meetingLink };
}

/** Outlook's Safe Links wrap the meeting link: `…safelinks.protection.outlook.com/?url=<link>`. */
function unwrapSafeLink(url: URL): string | null {
  if (!url.hostname.toLowerCase().endsWith('.safelinks.protection.outlook.com')) return null;
  return url.searchParams.get('url');
}

/** Pasted text often carries quotes, angle brackets (e-mail) or surrounding whitespace. */
function stripWrapping(raw: string): string {
  return raw
    .trim()
    .replace(/^[<"'«]+|[>"'»]+$/g, '')
    .trim();
}

/** One string per distinct target: favourites and recents de-duplicate on it. */
export function callTargetKey(target: CallTarget): string {
  switch (target.kind) {
    case 'acs-user':
      return `acs-user:${target.communicationUserId}`;
    case 'phone':
      return `phone:${target.e164}`;
    case 'group':
      return `group:${target.groupId.toLowerCase()}`;
    case 'teams-meeting':
      return `teams-meeting:${target.meetingLink}`;
    case 'room':
      return `room:${target.roomId}`;
  }
}

/** What to put back into the call box to call this target again (parses to the same target). */
export function callTargetToInput(target: CallTarget): string {
  switch (target.kind) {
    case 'acs-user':
      return target.communicationUserId;
    case 'phone':
      return target.e164;
    case 'group':
      return target.groupId;
    case 'teams-meeting':
      return target.meetingLink;
    case 'room':
      return `room:${target.roomId}`;
  }
}

/** The target as a person reads it: a formatted number, a shortened id or link. */
export function callTargetDisplay(target: CallTarget): string {
  switch (target.kind) {
    case 'acs-user':
      return target.communicationUserId;
    case 'phone':
      return parsePhoneNumberWithMetadata(target.e164)?.formatInternational() ?? target.e164;
    case 'group':
      return target.groupId;
    case 'teams-meeting':
      return target.meetingLink;
    case 'room':
      return target.roomId;
  }
}

/** The country of a caller id such as `+14255550100` (US), to read national numbers in. */
export function countryOfPhoneNumber(e164: string | null | undefined): CountryCode | undefined {
  if (!e164) return undefined;
  return parsePhoneNumberWithMetadata(e164)?.country;
}

/** Phone calls carry audio only: ACS's PSTN calls have no video. */
export function targetSupportsVideo(target: CallTarget): boolean {
  return target.kind !== 'phone';
}

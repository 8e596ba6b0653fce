/**
 * The one call box's brain: turns what the user typed or pasted into a `CallTarget`, or says
 * precisely why it cannot. Pure and synchronous (no DOM, no SDK): the dialer shows the result
 * inline, history uses the same functions to label and de-duplicate targets.
 *
 * The phone-number library is not imported here: it loads on demand (phone-numbers-loader.ts)
 * and is passed in. Until it is, phone-like input parses as `pending` and phone targets display
 * as their E.164 digits; everything else never needs it.
 */
import { ACS_USER_ID, ACS_USER_PREFIX } from './acs-id';
import type { CallTarget, PersonTarget } from './model';
import type { CountryCode, PhoneNumbers } from './phone-numbers';

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
  | 'room-malformed'
  /** "Meeting ID:" followed by something that is not 9–20 digits. */
  | 'meeting-id-malformed'
  /** A passcode with spaces in it, or longer than any Teams passcode. */
  | 'meeting-passcode-malformed';

export type CallTargetParse =
  | { status: 'empty' }
  | {
      status: 'valid';
      target: CallTarget;
      /** How to show the target back to the user: `+1 425 555 0100`, the id, the link. */
      display: string;
    }
  | { status: 'invalid'; problem: CallTargetProblem }
  /** Looks like a phone number, and the phone-number library is not loaded yet: load it, ask again. */
  | { status: 'pending' };

export interface CallTargetParseOptions {
  /** The loaded phone-number library; without it phone-like input is `pending`. */
  phoneNumbers?: PhoneNumbers | null | undefined;
  /**
   * The country national numbers are read in. Without it (and without `callerId`) a phone number
   * must start with `+`.
   */
  defaultCountry?: CountryCode | undefined;
  /**
   * The configured caller id (E.164): when no `defaultCountry` is given, national numbers are
   * read in its country. Read only when a phone number is parsed, so a caller id alone never
   * needs the library.
   */
  callerId?: string | null | undefined;
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

  const meeting = MEETING_ID.exec(input);
  if (meeting) return parseMeetingId(meeting[1] ?? '', meeting[2] ?? '');

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
  if (PHONE_LIKE.test(phoneInput)) return parsePhone(phoneInput, options);

  return { status: 'invalid', problem: 'unrecognized' };
}

/**
 * A Teams meeting id and passcode as an invitation prints them ("Meeting ID: 123 456 789 012
 * Passcode: aB3cD4"), pasted whole into the call box; the dialer's "Join with a meeting ID" form
 * builds the same text. The id is 9–20 digits, spaces ignored; the passcode has no spaces.
 */
const MEETING_ID = /^meeting\s*id\s*:?\s*([\d\s]+?)\s*(?:(?:passcode|password)\s*:?\s*(\S*))?$/i;

export function parseMeetingId(rawId: string, rawPasscode: string): CallTargetParse {
  const meetingId = rawId.replace(/\s+/g, '');
  const passcode = rawPasscode.trim();
  if (!/^\d{9,20}$/.test(meetingId)) return { status: 'invalid', problem: 'meeting-id-malformed' };
  if (/\s/.test(passcode) || passcode.length > 64) return { status: 'invalid', problem: 'meeting-passcode-malformed' };
  return {
    status: 'valid',
    target: { kind: 'teams-meeting-id', meetingId, passcode },
    display: formatMeetingId(meetingId),
  };
}

/** "123 456 789 012": the id in threes, as Teams prints it. */
export function formatMeetingId(meetingId: string): string {
  return meetingId.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/**
 * Whether this input, read with these options, needs the phone-number library to be understood
 * (start loading it). The same options as the parse that follows: a national number needs the
 * library only when there is a country to read it in.
 */
export function needsPhoneNumbers(raw: string, options: Omit<CallTargetParseOptions, 'phoneNumbers'> = {}): boolean {
  return parseCallTarget(raw, { ...options, phoneNumbers: null }).status === 'pending';
}

function parsePhone(input: string, options: CallTargetParseOptions): CallTargetParse {
  const international = input.startsWith('+');
  // Without + and without any country to read it in, the answer needs no library.
  if (!international && !options.defaultCountry && !options.callerId) {
    return { status: 'invalid', problem: 'phone-needs-country-code' };
  }
  const { phoneNumbers } = options;
  if (!phoneNumbers) return { status: 'pending' };
  const defaultCountry =
    options.defaultCountry ?? (options.callerId ? phoneNumbers.countryOf(options.callerId) : undefined);
  if (!international && !defaultCountry) return { status: 'invalid', problem: 'phone-needs-country-code' };
  const phone = phoneNumbers.parse(input, international ? undefined : defaultCountry);
  if (!phone?.valid) return { status: 'invalid', problem: 'phone-invalid' };
  if (phone.extension) return { status: 'invalid', problem: 'phone-extension' };
  return { status: 'valid', target: { kind: 'phone', e164: phone.e164 }, display: phone.international };
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

/** One string per distinct target: favourites de-duplicate on it. */
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
    case 'teams-meeting-id':
      return `teams-meeting-id:${target.meetingId}`;
  }
}

/**
 * One string per distinct call: a call to several people is its own, not its first person's, and
 * the same people rung in another order are the same call.
 */
export function callKey(target: CallTarget, others: readonly PersonTarget[] = []): string {
  if (others.length === 0) return callTargetKey(target);
  return `people:${[target, ...others].map(callTargetKey).sort().join('|')}`;
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
    case 'teams-meeting-id':
      return `Meeting ID: ${formatMeetingId(target.meetingId)} Passcode: ${target.passcode}`;
  }
}

/**
 * The target as a person reads it: a formatted number, the id or link. Phone numbers are
 * formatted when the library is passed in, else shown as their E.164 digits.
 */
export function callTargetDisplay(target: CallTarget, phoneNumbers?: PhoneNumbers | null): string {
  switch (target.kind) {
    case 'acs-user':
      return target.communicationUserId;
    case 'phone':
      return phoneNumbers ? phoneNumbers.formatInternational(target.e164) : target.e164;
    case 'group':
      return target.groupId;
    case 'teams-meeting':
      return target.meetingLink;
    case 'room':
      return target.roomId;
    case 'teams-meeting-id':
      return formatMeetingId(target.meetingId);
  }
}

/** Phone calls carry audio only: ACS's PSTN calls have no video. */
export function targetSupportsVideo(target: CallTarget): boolean {
  return target.kind !== 'phone';
}

/** A call to several people offers video when one of them is not a phone number. */
export function peopleSupportVideo(target: CallTarget, others: readonly PersonTarget[]): boolean {
  return targetSupportsVideo(target) || others.some(targetSupportsVideo);
}

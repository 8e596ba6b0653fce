import { describe, expect, test } from 'vitest';
import {
  type CallTargetParseOptions,
  callKey,
  callTargetDisplay,
  callTargetKey,
  callTargetToInput,
  needsPhoneNumbers,
  parseCallTarget as parseWithoutLibrary,
  peopleSupportVideo,
  targetSupportsVideo,
} from '../../../../renderer/calling/call-target';
import { phoneNumbers } from '../../../../renderer/calling/phone-numbers';

/** Every case below parses with the phone-number library loaded, as the call box does once it is. */
const parseCallTarget = (raw: string, options: CallTargetParseOptions = {}) =>
  parseWithoutLibrary(raw, { phoneNumbers, ...options });

const ACS_ID = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-3a23-34d3-8f0b-8b3a0d00a1b2';
const GROUP = '29228d3e-040e-4656-a70e-890ab4e173e5';
const TEAMS_CLASSIC =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTE1YjMtNGM3Ny00YTIwLWI0ZmMtM2VlZWQ1ZTNmNzk1%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d';
const TEAMS_SHORT = 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5Ea4kfl7vAbcde';
const TEAMS_LIVE = 'https://teams.live.com/meet/9398123456789?p=AbCdEf123';

describe('parseCallTarget: what each kind of input becomes', () => {
  test('an ACS user id, in every cloud', () => {
    expect(parseCallTarget(ACS_ID)).toEqual({
      status: 'valid',
      target: { kind: 'acs-user', communicationUserId: ACS_ID },
      display: ACS_ID,
    });
    const gcch = ACS_ID.replace('8:acs:', '8:gcch-acs:');
    expect(parseCallTarget(gcch)).toMatchObject({ status: 'valid', target: { kind: 'acs-user' } });
  });

  test('a phone number with +, in any common notation, becomes E.164', () => {
    for (const typed of [
      '+1 425 555 0100',
      '+1 (425) 555-0100',
      '+1.425.555.0100',
      '+14255550100',
      'tel:+14255550100',
    ]) {
      expect(parseCallTarget(typed)).toEqual({
        status: 'valid',
        target: { kind: 'phone', e164: '+14255550100' },
        display: '+1 425 555 0100',
      });
    }
    expect(parseCallTarget('+44 20 7946 0958')).toMatchObject({ target: { kind: 'phone', e164: '+442079460958' } });
  });

  test('a national number is read in the caller id country, and needs one', () => {
    expect(parseCallTarget('(425) 555-0100', { defaultCountry: 'US' })).toMatchObject({
      status: 'valid',
      target: { kind: 'phone', e164: '+14255550100' },
    });
    expect(parseCallTarget('020 7946 0958', { defaultCountry: 'GB' })).toMatchObject({
      target: { kind: 'phone', e164: '+442079460958' },
    });
    expect(parseCallTarget('425 555 0100')).toEqual({ status: 'invalid', problem: 'phone-needs-country-code' });
  });

  test('…or in the country of the configured caller id', () => {
    expect(parseCallTarget('(425) 555-0100', { callerId: '+14255550123' })).toMatchObject({
      target: { kind: 'phone', e164: '+14255550100' },
    });
    expect(parseCallTarget('020 7946 0958', { callerId: '+442079460000' })).toMatchObject({
      target: { kind: 'phone', e164: '+442079460958' },
    });
    // An explicit country wins; a caller id with no country leaves national numbers unreadable.
    expect(parseCallTarget('020 7946 0958', { callerId: '+14255550123', defaultCountry: 'GB' })).toMatchObject({
      target: { e164: '+442079460958' },
    });
    expect(parseCallTarget('425 555 0100', { callerId: 'not a number' })).toEqual({
      status: 'invalid',
      problem: 'phone-needs-country-code',
    });
  });

  test('a group call id (GUID), braces and case tolerated', () => {
    expect(parseCallTarget(GROUP)).toEqual({
      status: 'valid',
      target: { kind: 'group', groupId: GROUP },
      display: GROUP,
    });
    expect(parseCallTarget(`{${GROUP.toUpperCase()}}`)).toMatchObject({ target: { kind: 'group', groupId: GROUP } });
  });

  test('Teams meeting links: classic, short and consumer', () => {
    for (const link of [TEAMS_CLASSIC, TEAMS_SHORT, TEAMS_LIVE]) {
      const parsed = parseCallTarget(link);
      expect(parsed).toMatchObject({ status: 'valid', target: { kind: 'teams-meeting' } });
      if (parsed.status === 'valid' && parsed.target.kind === 'teams-meeting') {
        expect(new URL(parsed.target.meetingLink).toString()).toBe(new URL(link).toString());
      }
    }
  });

  test('a Teams link wrapped by Outlook Safe Links or angle brackets is unwrapped', () => {
    const wrapped = `https://nam06.safelinks.protection.outlook.com/?url=${encodeURIComponent(TEAMS_SHORT)}&data=x`;
    expect(parseCallTarget(wrapped)).toMatchObject({
      target: { kind: 'teams-meeting', meetingLink: new URL(TEAMS_SHORT).toString() },
    });
    expect(parseCallTarget(`<${TEAMS_SHORT}>`)).toMatchObject({ target: { kind: 'teams-meeting' } });
  });

  test('a Rooms id: a long decimal id, or anything after room:', () => {
    expect(parseCallTarget('99466898241024408')).toEqual({
      status: 'valid',
      target: { kind: 'room', roomId: '99466898241024408' },
      display: '99466898241024408',
    });
    expect(parseCallTarget('room: 12345678')).toMatchObject({ target: { kind: 'room', roomId: '12345678' } });
  });

  test('empty and whitespace-only input is empty, not an error', () => {
    expect(parseCallTarget('')).toEqual({ status: 'empty' });
    expect(parseCallTarget('   \n')).toEqual({ status: 'empty' });
  });
});

describe('parseCallTarget: malformed input says what is wrong', () => {
  test.each([
    ['8:acs:', 'acs-user-malformed'],
    ['8:acs:has spaces in it', 'acs-user-malformed'],
    ['+1 123', 'phone-invalid'],
    ['+999 1234 5678', 'phone-invalid'],
    ['+1 425 555 0100 ext 12', 'phone-extension'],
    ['https://teams.microsoft.com/l/chat/0/0', 'teams-link-malformed'],
    ['http://teams.microsoft.com/meet/28512416645934?p=x', 'teams-link-malformed'],
    ['https://example.com/meet/123', 'unrecognized'],
    ['room:abc', 'room-malformed'],
    ['alice', 'unrecognized'],
    ['29228d3e-040e-4656-a70e-890ab4e173', 'unrecognized'],
    ['8:orgid:29228d3e-040e-4656-a70e-890ab4e173e5', 'unrecognized'],
  ])('%s → %s', (input, problem) => {
    expect(parseCallTarget(input, { defaultCountry: 'US' })).toEqual({ status: 'invalid', problem });
  });
});

describe('without the phone-number library (not loaded yet)', () => {
  test('phone-like input is pending, never an error', () => {
    for (const typed of ['+1 425 555 0100', 'tel:+14255550100', '+1 123', '+1 425 555 0100 ext 12']) {
      expect(parseWithoutLibrary(typed)).toEqual({ status: 'pending' });
      expect(needsPhoneNumbers(typed)).toBe(true);
    }
    expect(parseWithoutLibrary('(425) 555-0100', { callerId: '+14255550123' })).toEqual({ status: 'pending' });
    expect(needsPhoneNumbers('(425) 555-0100', { callerId: '+14255550123' })).toBe(true);
    expect(needsPhoneNumbers('(425) 555-0100', { defaultCountry: 'US' })).toBe(true);
  });

  test('everything else is answered without it', () => {
    expect(parseWithoutLibrary(ACS_ID)).toMatchObject({ status: 'valid', target: { kind: 'acs-user' } });
    expect(parseWithoutLibrary(GROUP)).toMatchObject({ status: 'valid', target: { kind: 'group' } });
    expect(parseWithoutLibrary(TEAMS_SHORT)).toMatchObject({ status: 'valid', target: { kind: 'teams-meeting' } });
    expect(parseWithoutLibrary('99466898241024408')).toMatchObject({ status: 'valid', target: { kind: 'room' } });
    expect(parseWithoutLibrary('alice')).toEqual({ status: 'invalid', problem: 'unrecognized' });
    expect(parseWithoutLibrary('')).toEqual({ status: 'empty' });
    // A national number with no country to read it in needs no library to say so.
    expect(parseWithoutLibrary('425 555 0100')).toEqual({ status: 'invalid', problem: 'phone-needs-country-code' });
    for (const input of [ACS_ID, GROUP, TEAMS_SHORT, '99466898241024408', 'alice', '', '425 555 0100']) {
      expect(needsPhoneNumbers(input)).toBe(false);
    }
  });

  test('a phone target displays as its E.164 digits until the library is passed in', () => {
    expect(callTargetDisplay({ kind: 'phone', e164: '+14255550100' })).toBe('+14255550100');
    expect(callTargetDisplay({ kind: 'phone', e164: '+14255550100' }, phoneNumbers)).toBe('+1 425 555 0100');
  });
});

describe('helpers over a parsed target', () => {
  const targets = [
    { kind: 'acs-user', communicationUserId: ACS_ID },
    { kind: 'phone', e164: '+14255550100' },
    { kind: 'group', groupId: GROUP },
    { kind: 'teams-meeting', meetingLink: TEAMS_SHORT },
    { kind: 'room', roomId: '99466898241024408' },
  ] as const;

  test('callTargetToInput parses back to the same target', () => {
    for (const target of targets) {
      expect(parseCallTarget(callTargetToInput(target))).toMatchObject({ status: 'valid', target });
    }
  });

  test('keys are distinct per target and stable for the same one', () => {
    const keys = targets.map(callTargetKey);
    expect(new Set(keys).size).toBe(targets.length);
    expect(callTargetKey({ kind: 'group', groupId: GROUP.toUpperCase() })).toBe(callTargetKey(targets[2]));
  });

  test('a call to several people is its own call, not its first person; the order rung does not matter', () => {
    const adele = { kind: 'acs-user', communicationUserId: '8:acs:adele' } as const;
    const lee = { kind: 'acs-user', communicationUserId: '8:acs:lee' } as const;
    const number = { kind: 'phone', e164: '+14255550123' } as const;
    expect(callKey(adele)).toBe(callTargetKey(adele));
    expect(callKey(adele, [])).toBe(callTargetKey(adele));
    expect(callKey(adele, [lee])).not.toBe(callKey(adele));
    expect(callKey(adele, [lee, number])).toBe(callKey(number, [lee, adele]));
    expect(callKey(adele, [lee])).not.toBe(callKey(adele, [number]));
    // Video where one of them is not a phone number, as the call box offers it.
    expect(peopleSupportVideo(number, [adele])).toBe(true);
    expect(peopleSupportVideo(number, [{ kind: 'phone', e164: '+14255550100' }])).toBe(false);
  });

  test('display formats phone numbers; video only where ACS allows it', () => {
    expect(callTargetDisplay(targets[1], phoneNumbers)).toBe('+1 425 555 0100');
    expect(targets.filter(targetSupportsVideo).map((t) => t.kind)).not.toContain('phone');
    expect(phoneNumbers.countryOf('+14255550100')).toBe('US');
    expect(phoneNumbers.countryOf('+442079460958')).toBe('GB');
    expect(phoneNumbers.formatInternational('not a number')).toBe('not a number');
  });
});

import { describe, expect, test } from 'vitest';
import {
  callTargetDisplay,
  callTargetKey,
  callTargetToInput,
  countryOfPhoneNumber,
  parseCallTarget,
  targetSupportsVideo,
} from '../../../renderer/calling/call-target';

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

  test('display formats phone numbers; video only where ACS allows it', () => {
    expect(callTargetDisplay(targets[1])).toBe('+1 425 555 0100');
    expect(targets.filter(targetSupportsVideo).map((t) => t.kind)).not.toContain('phone');
    expect(countryOfPhoneNumber('+14255550100')).toBe('US');
    expect(countryOfPhoneNumber('+442079460958')).toBe('GB');
    expect(countryOfPhoneNumber(null)).toBeUndefined();
  });
});

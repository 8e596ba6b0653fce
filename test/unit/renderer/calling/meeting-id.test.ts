import { describe, expect, test } from 'vitest';
import { CallTargetSchema } from '../../../../common/ipc/history';
import {
  callTargetDisplay,
  callTargetToInput,
  parseCallTarget,
  parseMeetingId,
} from '../../../../renderer/calling/call-target';

describe('Teams meeting id and passcode', () => {
  test('the two fields become a TeamsMeetingIdLocator target, the id shown in threes', () => {
    expect(parseMeetingId(' 123 456 789 012 ', ' aB3cD4 ')).toEqual({
      status: 'valid',
      target: { kind: 'teams-meeting-id', meetingId: '123456789012', passcode: 'aB3cD4' },
      display: '123 456 789 012',
    });
    expect(parseMeetingId('12345', 'x')).toEqual({ status: 'invalid', problem: 'meeting-id-malformed' });
    expect(parseMeetingId('123 456 789 012', 'a b')).toEqual({
      status: 'invalid',
      problem: 'meeting-passcode-malformed',
    });
  });

  test('the invitation text pasted into the call box is understood, and round-trips', () => {
    const parsed = parseCallTarget('Meeting ID: 123 456 789 012   Passcode: aB3cD4');
    expect(parsed).toMatchObject({
      status: 'valid',
      target: { kind: 'teams-meeting-id', meetingId: '123456789012', passcode: 'aB3cD4' },
    });
    if (parsed.status !== 'valid') throw new Error('not valid');
    expect(parseCallTarget(callTargetToInput(parsed.target))).toEqual(parsed);
    expect(callTargetDisplay(parsed.target)).toBe('123 456 789 012');
    expect(parseCallTarget('meeting id 123456789012')).toMatchObject({
      status: 'valid',
      target: { passcode: '' },
    });
    expect(parseCallTarget('Meeting ID: 12')).toEqual({ status: 'invalid', problem: 'meeting-id-malformed' });
  });

  test('recents accept the target through the IPC contract, and refuse a malformed one', () => {
    expect(
      CallTargetSchema.safeParse({ kind: 'teams-meeting-id', meetingId: '123456789012', passcode: 'aB3cD4' }).success,
    ).toBe(true);
    expect(CallTargetSchema.safeParse({ kind: 'teams-meeting-id', meetingId: '12 34', passcode: '' }).success).toBe(
      false,
    );
  });
});

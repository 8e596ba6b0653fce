import { expect, test } from 'vitest';
import type { CallTarget } from '../../../../renderer/calling/model';
import {
  PRE_JOIN_SETTINGS_KEY,
  preJoinKindFor,
  readPreJoinSettings,
  writePreJoinSettings,
} from '../../../../renderer/calling/pre-join';

const person: CallTarget = { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b_adele' };
const phone: CallTarget = { kind: 'phone', e164: '+14255550100' };
const group: CallTarget = { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' };
const meeting: CallTarget = { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/1?p=x' };
const room: CallTarget = { kind: 'room', roomId: '99466898241024408' };

test('meetings get the check whichever button placed them; a person only for video; a phone never', () => {
  for (const target of [group, meeting, room]) {
    expect(preJoinKindFor(target, false)).toBe('meeting');
    expect(preJoinKindFor(target, true)).toBe('meeting');
  }
  expect(preJoinKindFor(person, true)).toBe('video-call');
  expect(preJoinKindFor(person, false)).toBeNull();
  expect(preJoinKindFor(phone, false)).toBeNull();
  expect(preJoinKindFor(phone, true)).toBeNull();
});

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

test('settings: shown by default, remembered per kind, and a corrupt or foreign entry falls back', () => {
  expect(readPreJoinSettings(memoryStorage())).toEqual({ 'video-call': true, meeting: true });
  const storage = memoryStorage();
  writePreJoinSettings(storage, { 'video-call': false, meeting: true });
  expect(readPreJoinSettings(storage)).toEqual({ 'video-call': false, meeting: true });
  expect(readPreJoinSettings(memoryStorage({ [PRE_JOIN_SETTINGS_KEY]: '{not json' }))).toEqual({
    'video-call': true,
    meeting: true,
  });
  expect(
    readPreJoinSettings(memoryStorage({ [PRE_JOIN_SETTINGS_KEY]: '{"meeting":"no","video-call":false}' })),
  ).toEqual({ 'video-call': false, meeting: true });
});

test('a storage that refuses to write keeps the setting for this run and throws nothing', () => {
  const refusing = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
  };
  expect(() => writePreJoinSettings(refusing, { 'video-call': false, meeting: false })).not.toThrow();
});

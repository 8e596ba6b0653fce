import { expect, test } from 'vitest';
import { callTitle, readableId, remoteDisplayName } from '../../../../renderer/calling/display-name';
import type { Participant } from '../../../../renderer/calling/model';
import { loadPhoneNumbers } from '../../../../renderer/calling/phone-numbers-loader';

const person = (displayName: string, state: Participant['state'] = 'connected'): Participant => ({
  id: displayName,
  displayName,
  state,
  isMuted: false,
  isSpeaking: false,
  isHandRaised: false,
});

test('a name set by the person wins; an empty or raw-id name is no name', () => {
  expect(remoteDisplayName('  Adele Vance ', '8:acs:r_adele')).toBe('Adele Vance');
  expect(remoteDisplayName('', '8:acs:r_00000014-aaaa-bbbb')).toBe('Unnamed person (…a-bbbb)');
  expect(remoteDisplayName('8:acs:r_adele', '8:acs:r_adele')).toBe('Unnamed person (…adele)');
  expect(remoteDisplayName(undefined, '8:orgid:4f1c2a')).toBe('Unnamed participant');
});

test('phone numbers read formatted once the phone rules are loaded', async () => {
  await loadPhoneNumbers();
  expect(readableId('4:+14255550123')).toBe('+1 425 555 0123');
  expect(readableId('+442079460958')).toBe('+44 20 7946 0958');
});

test('call titles: the given name, else the other person, else who is in the group, else what was dialled', () => {
  const group = { kind: 'group' as const, groupId: 'g' };
  const oneToOne = { kind: 'acs-user' as const, communicationUserId: '8:acs:r_bob' };
  expect(callTitle('Weekly sync', group, [person('Bob')])).toBe('Weekly sync');
  expect(callTitle(null, oneToOne, [person('Bob Kelly')])).toBe('Bob Kelly');
  expect(callTitle(null, oneToOne, [])).toBe('Unnamed person (…bob)');
  expect(callTitle(null, group, [])).toBe('Group call');
  expect(callTitle(null, group, [person('A'), person('B', 'disconnected')])).toBe('A');
  expect(callTitle(null, group, [person('A'), person('B')])).toBe('A and B');
  expect(callTitle(null, group, [person('A'), person('B'), person('C')])).toBe('A, B and 1 other');
  expect(callTitle(null, { kind: 'teams-meeting', meetingLink: 'x' }, [])).toBe('Teams meeting');
});

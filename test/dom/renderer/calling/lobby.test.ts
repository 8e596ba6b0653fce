import { callActionStrings } from '../../../../renderer/strings';
import { FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedCall, type Harness, TEAMS_MEETING } from './calling-harness';

const meeting = () => connectedCall(TEAMS_MEETING);

const lobbyOf = (h: Harness) => h.store.getState().call?.lobby.map((p) => p.displayName);
const inCall = (h: Harness) => h.store.getState().call?.participants.map((p) => p.displayName);

test('an organiser sees who waits in the lobby, admits one, turns one away and admits the rest', async () => {
  const { h, call } = await meeting();
  call.remoteSetRole('Organizer');
  call.lobby.remoteWait(new FakeRemoteParticipant('8:acs:adele', 'Adele Vance'));
  call.lobby.remoteWait(new FakeRemoteParticipant('8:acs:lee', 'Lee Gu'));
  call.lobby.remoteWait(new FakeRemoteParticipant('8:acs:megan', 'Megan Bowen'));
  call.lobby.remoteWait(new FakeRemoteParticipant('8:acs:nestor', 'Nestor Wilke'));
  expect(lobbyOf(h)).toEqual(['Adele Vance', 'Lee Gu', 'Megan Bowen', 'Nestor Wilke']);

  await h.store.actions.admitFromLobby('8:acs:adele');
  expect(lobbyOf(h)).toEqual(['Lee Gu', 'Megan Bowen', 'Nestor Wilke']);
  expect(inCall(h)).toEqual(['Adele Vance']);

  await h.store.actions.rejectFromLobby('8:acs:lee');
  expect(lobbyOf(h)).toEqual(['Megan Bowen', 'Nestor Wilke']);
  await expect(h.store.actions.admitFromLobby('8:acs:lee')).rejects.toThrow(callActionStrings.lobbyGone);

  await h.store.actions.admitAllFromLobby();
  expect(lobbyOf(h)).toEqual([]);
  expect(inCall(h)).toEqual(['Adele Vance', 'Megan Bowen', 'Nestor Wilke']);
});

test('an attendee is not shown the lobby; admit-all failures are reported', async () => {
  const { h, call } = await meeting();
  call.remoteSetRole('Attendee');
  call.lobby.remoteWait(new FakeRemoteParticipant('8:acs:adele', 'Adele Vance'));
  expect(lobbyOf(h)).toEqual([]);

  call.features.capabilities.remoteSet({ manageLobby: true });
  expect(lobbyOf(h)).toEqual(['Adele Vance']);
  call.lobby.admitAll = async () => ({ successCount: 0, failureCount: 1 });
  await expect(h.store.actions.admitAllFromLobby()).rejects.toThrow(callActionStrings.lobbyAdmitFailed(1));
});

test('the lobby listener is released when the call ends', async () => {
  const { h, call } = await meeting();
  expect(call.lobby.listenerCount('lobbyParticipantsUpdated')).toBe(1);
  await h.store.actions.hangUp();
  expect(call.lobby.listenerCount()).toBe(0);
  expect(h.store.getState().call?.lobby).toEqual([]);
});

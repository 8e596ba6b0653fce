import { callActionStrings } from '../../../../renderer/strings';
import { type FakeCall, FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedCall, type Harness, TEAMS_MEETING } from './calling-harness';

async function meeting(): Promise<{
  h: Harness;
  call: FakeCall;
  adele: FakeRemoteParticipant;
  lee: FakeRemoteParticipant;
}> {
  const { h, call } = await connectedCall(TEAMS_MEETING);
  const adele = new FakeRemoteParticipant('8:acs:adele', 'Adele Vance');
  const lee = new FakeRemoteParticipant('8:acs:lee', 'Lee Gu');
  call.remoteJoin(adele);
  call.remoteJoin(lee);
  return { h, call, adele, lee };
}

const none = { endForEveryone: false, muteOthers: false, removeParticipants: false, manageLobby: false };

test('an attendee gets no host controls; granted capabilities turn them on as the service reports them', async () => {
  const { h, call } = await meeting();
  call.remoteSetRole('Attendee');
  expect(h.store.getState().call?.host).toEqual(none);
  call.features.capabilities.remoteSet({ hangUpForEveryOne: true, muteOthers: true });
  expect(h.store.getState().call?.host).toEqual({ ...none, endForEveryone: true, muteOthers: true });
  call.features.capabilities.remoteSet({ hangUpForEveryOne: false, removeParticipant: true });
  expect(h.store.getState().call?.host).toEqual({ ...none, muteOthers: true, removeParticipants: true });
});

test('an organiser is a host while the capabilities are still unresolved; a resolved "no" wins over the role', async () => {
  const { h, call } = await meeting();
  call.remoteSetRole('Organizer');
  expect(h.store.getState().call?.host).toEqual({
    endForEveryone: true,
    muteOthers: true,
    removeParticipants: true,
    manageLobby: true,
  });
  call.features.capabilities.remoteSet({ muteOthers: false });
  expect(h.store.getState().call?.host.muteOthers).toBe(false);
});

test('end for everyone hangs up with forEveryone, only where allowed, and reads as ended by me', async () => {
  const { h, call } = await meeting();
  await expect(h.store.actions.endCallForEveryone()).rejects.toThrow(callActionStrings.notAllowed);
  expect(call.hangUps).toEqual([]);
  call.features.capabilities.remoteSet({ hangUpForEveryOne: true });
  await h.store.actions.endCallForEveryone();
  expect(call.hangUps).toEqual([{ forEveryone: true }]);
  expect(h.store.getState().call?.status).toBe('ended');
  expect(h.store.getState().call?.host).toEqual(none);
  expect(call.features.capabilities.listenerCount()).toBe(0);
});

test('mute one, mute all and remove go to the SDK and show in the participants', async () => {
  const { h, call, adele } = await meeting();
  await h.store.actions.muteParticipant('8:acs:adele');
  expect(adele.isMuted).toBe(true);
  expect(h.store.getState().call?.participants.map((p) => [p.id, p.isMuted])).toEqual([
    ['8:acs:adele', true],
    ['8:acs:lee', false],
  ]);
  await h.store.actions.muteAllParticipants();
  expect(h.store.getState().call?.participants.every((p) => p.isMuted)).toBe(true);

  await h.store.actions.removeParticipant('8:acs:lee');
  expect(call.removed).toEqual(['8:acs:lee']);
  expect(h.store.getState().call?.participants.map((p) => p.id)).toEqual(['8:acs:adele']);
  await expect(h.store.actions.removeParticipant('8:acs:lee')).rejects.toThrow(callActionStrings.participantGone);
  await expect(h.store.actions.muteParticipant('8:acs:lee')).rejects.toThrow(callActionStrings.participantGone);
});

import type { PersonTarget } from '../../../../renderer/calling/model';
import { MAX_PEOPLE_PER_CALL } from '../../../../renderer/calling/participants-add';
import { callActionStrings, groupCallStrings } from '../../../../renderer/strings';
import { connectedCall, connectedHarness, lastCall, TEAMS_MEETING } from './calling-harness';

const adele: PersonTarget = { kind: 'acs-user', communicationUserId: '8:acs:adele' };
const lee: PersonTarget = { kind: 'acs-user', communicationUserId: '8:acs:lee' };
const phone: PersonTarget = { kind: 'phone', e164: '+14255550123' };

test('a call to several people is one startCall with all of them, and the caller id for the number', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall(adele, {
    video: false,
    title: 'Adele Vance, Lee Gu and 1 other',
    others: [lee, phone, adele],
  });
  expect(h.sdk.agent.placed).toHaveLength(1);
  expect(h.sdk.agent.placed[0]?.participants).toEqual([
    { communicationUserId: '8:acs:adele' },
    { communicationUserId: '8:acs:lee' },
    { phoneNumber: '+14255550123' },
  ]);
  expect(h.sdk.agent.placed[0]?.options?.alternateCallerId).toEqual({ phoneNumber: '+14255550100' });
  // The call keeps everyone rung after the first, once each, for recents to ring them again.
  expect(h.store.getState().call).toMatchObject({
    title: 'Adele Vance, Lee Gu and 1 other',
    target: adele,
    others: [lee, phone],
  });
});

test('people only: no caller id is asked for or sent', async () => {
  const h = await connectedHarness();
  h.config = { ...h.config, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await h.store.actions.startCall(adele, { video: false, others: [lee] });
  expect(h.sdk.agent.placed[0]?.options?.alternateCallerId).toBeUndefined();
  expect(h.store.getState().call?.others).toEqual([lee]);
});

test('a number among the people without a caller id, a place mixed with people, too many: refused, nothing dialled', async () => {
  const h = await connectedHarness();
  h.config = { ...h.config, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await expect(h.store.actions.startCall(adele, { video: false, others: [phone] })).rejects.toThrow(
    callActionStrings.noCallerId,
  );
  await expect(h.store.actions.startCall(TEAMS_MEETING, { video: false, others: [adele] })).rejects.toThrow(
    groupCallStrings.cannotMix,
  );
  const crowd = Array.from(
    { length: MAX_PEOPLE_PER_CALL },
    (_, i): PersonTarget => ({
      kind: 'acs-user',
      communicationUserId: `8:acs:person-${i}`,
    }),
  );
  await expect(h.store.actions.startCall(adele, { video: false, others: crowd })).rejects.toThrow(
    groupCallStrings.tooMany(MAX_PEOPLE_PER_CALL),
  );
  expect(h.sdk.agent.placed).toEqual([]);
});

test('the pre-join check keeps the others and Join now rings them all', async () => {
  const h = await connectedHarness();
  await h.store.actions.placeCall(adele, { video: true, others: [lee] });
  expect(h.store.getState().preJoin).toMatchObject({ kind: 'video-call', target: adele, others: [lee] });
  await h.store.actions.joinFromPreJoin({ muted: false, video: false, dontShowAgain: false });
  expect(h.sdk.agent.placed[0]?.participants).toEqual([
    { communicationUserId: '8:acs:adele' },
    { communicationUserId: '8:acs:lee' },
  ]);
});

test('adding a person mid-call shows them connecting, then ringing, and resolves when they join', async () => {
  const { h, call } = await connectedCall();
  let joined = false;
  const adding = h.store.actions.addParticipant(lee).then(() => {
    joined = true;
  });
  expect(call.added).toEqual([{ identifier: { communicationUserId: '8:acs:lee' }, options: undefined }]);
  const added = call.remoteParticipants.at(-1);
  if (!added) throw new Error('nobody was added');
  expect(h.store.getState().call?.participants.find((p) => p.id === '8:acs:lee')?.state).toBe('connecting');
  added.remoteSet({ state: 'Ringing' });
  expect(h.store.getState().call?.participants.find((p) => p.id === '8:acs:lee')?.state).toBe('ringing');
  await Promise.resolve();
  expect(joined).toBe(false);
  added.remoteSet({ state: 'Connected', displayName: 'Lee Gu' });
  await adding;
  expect(joined).toBe(true);
  expect(added.listenerCount('stateChanged')).toBe(1); // only the call tracker's own
});

test('a phone number is added from the caller id; without one it is refused and nobody is rung', async () => {
  const { h, call } = await connectedCall();
  void h.store.actions.addParticipant(phone);
  await vi.waitFor(() => expect(call.added).toHaveLength(1));
  expect(call.added[0]).toEqual({
    identifier: { phoneNumber: '+14255550123' },
    options: { alternateCallerId: { phoneNumber: '+14255550100' } },
  });
  h.config = { ...h.config, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await expect(h.store.actions.addParticipant({ kind: 'phone', e164: '+14255550199' })).rejects.toThrow(
    callActionStrings.noCallerId,
  );
  expect(call.added).toHaveLength(1);
});

test("the SDK's refusal and a person who does not join are said in words", async () => {
  const { h, call } = await connectedCall();
  call.addRefusal = 'Adding participants is not allowed in this call.';
  await expect(h.store.actions.addParticipant(lee)).rejects.toThrow(
    groupCallStrings.addFailed('Adding participants is not allowed in this call.'),
  );
  const adding = h.store.actions.addParticipant(lee);
  const added = call.remoteParticipants.at(-1);
  added?.remoteSet({ state: 'Disconnected', callEndReason: { code: 603, subCode: 0 } });
  await expect(adding).rejects.toThrow(/did not join: .*declined/i);
});

test('capabilities decide who may be added; a guest role is not offered it until the service says yes', async () => {
  const { h, call } = await connectedCall(TEAMS_MEETING);
  expect(h.store.getState().call?.addPeople).toEqual({ people: true, phoneNumbers: true });
  call.remoteSetRole('Attendee');
  expect(h.store.getState().call?.addPeople).toEqual({ people: false, phoneNumbers: false });
  await expect(h.store.actions.addParticipant(lee)).rejects.toThrow(callActionStrings.notAllowed);
  expect(call.added).toEqual([]);
  call.features.capabilities.remoteSet({ addCommunicationUser: true });
  expect(h.store.getState().call?.addPeople).toEqual({ people: true, phoneNumbers: false });
  call.remoteSetRole('Presenter');
  call.features.capabilities.remoteSet({ addPhoneNumber: false });
  expect(h.store.getState().call?.addPeople).toEqual({ people: true, phoneNumbers: false });
  call.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  expect(h.store.getState().call?.addPeople).toEqual({ people: false, phoneNumbers: false });
  expect(lastCall(h)).toBe(call);
});

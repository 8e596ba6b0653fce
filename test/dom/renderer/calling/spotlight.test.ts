import { callActionStrings, spotlightStrings } from '../../../../renderer/strings';
import { type FakeCall, FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedCall, type Harness, ME, TEAMS_MEETING } from './calling-harness';

async function meeting(role: FakeCall['role'] = 'Organizer'): Promise<{ h: Harness; call: FakeCall }> {
  const { h, call } = await connectedCall(TEAMS_MEETING);
  call.remoteJoin(new FakeRemoteParticipant('8:acs:res_ana', 'Ana Bowman'));
  call.remoteJoin(new FakeRemoteParticipant('8:acs:res_lee', 'Lee Gu'));
  call.remoteSetRole(role);
  return { h, call };
}

const spotlight = (h: Harness) => h.store.getState().call?.spotlight;

test('everyone sees who is spotlighted, in the service order, as it changes', async () => {
  const { h, call } = await meeting('Attendee');
  expect(spotlight(h)).toEqual({ spotlightedIds: [], max: 7, canSpotlight: false, canRemove: false });
  call.features.spotlight.remoteStart('8:acs:res_lee');
  call.features.spotlight.remoteStart('8:acs:res_ana', ME);
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_lee', '8:acs:res_ana', ME]);
  call.features.spotlight.remoteStop('8:acs:res_lee');
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_ana', ME]);
});

test('an organiser spotlights others and themselves, ends one and ends all', async () => {
  const { h, call } = await meeting('Organizer');
  expect(spotlight(h)).toMatchObject({ canSpotlight: true, canRemove: true });
  await h.store.actions.startSpotlight('8:acs:res_ana');
  await h.store.actions.startSpotlight();
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_ana', ME]);
  await h.store.actions.stopSpotlight('8:acs:res_ana');
  expect(spotlight(h)?.spotlightedIds).toEqual([ME]);
  await h.store.actions.startSpotlight('8:acs:res_lee');
  await h.store.actions.stopAllSpotlights();
  expect(spotlight(h)?.spotlightedIds).toEqual([]);
  expect(call.features.spotlight.getSpotlightedParticipants()).toEqual([]);
  await expect(h.store.actions.startSpotlight('8:acs:gone')).rejects.toThrow(callActionStrings.participantGone);
});

test('an attendee may not spotlight or end others, but may end their own; a granted capability opens it', async () => {
  const { h, call } = await meeting('Attendee');
  await expect(h.store.actions.startSpotlight('8:acs:res_ana')).rejects.toThrow(spotlightStrings.notAllowed);
  await expect(h.store.actions.startSpotlight()).rejects.toThrow(spotlightStrings.notAllowed);
  call.features.spotlight.remoteStart(ME, '8:acs:res_ana');
  await expect(h.store.actions.stopSpotlight('8:acs:res_ana')).rejects.toThrow(spotlightStrings.notAllowed);
  await expect(h.store.actions.stopAllSpotlights()).rejects.toThrow(spotlightStrings.notAllowed);
  await h.store.actions.stopSpotlight();
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_ana']);

  call.features.capabilities.remoteSet({ spotlightParticipant: true });
  expect(spotlight(h)).toMatchObject({ canSpotlight: true, canRemove: false });
  await h.store.actions.startSpotlight('8:acs:res_lee');
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_ana', '8:acs:res_lee']);
  // An organiser whose capability the service withdrew is refused too.
  call.remoteSetRole('Organizer');
  call.features.capabilities.remoteSet({ spotlightParticipant: false });
  expect(spotlight(h)?.canSpotlight).toBe(false);
});

test('a full spotlight is refused in words before the service is asked', async () => {
  const { h, call } = await meeting('Organizer');
  call.features.spotlight.maxParticipantsToSpotlight = 2;
  call.features.spotlight.remoteStart('8:acs:res_ana', '8:acs:res_lee');
  await expect(h.store.actions.startSpotlight()).rejects.toThrow(spotlightStrings.full(2));
  // Spotlighting someone already spotlighted is no new spotlight: allowed (the SDK is idempotent).
  await h.store.actions.startSpotlight('8:acs:res_ana');
  expect(spotlight(h)?.spotlightedIds).toEqual(['8:acs:res_ana', '8:acs:res_lee']);
});

test('an ACS group call lets anyone spotlight; a 1:1 call offers no spotlight; the end stops listening', async () => {
  const group = await connectedCall({ kind: 'group', groupId: '0f3c3b36-6c1b-4a8a-9f4a-2d1f4e7b9a10' });
  expect(spotlight(group.h)).toMatchObject({ canSpotlight: true, canRemove: true });
  const direct = await connectedCall();
  expect(spotlight(direct.h)).toMatchObject({ canSpotlight: false, canRemove: false });
  await direct.h.store.actions.hangUp();
  expect(direct.call.features.spotlight.listenerCount()).toBe(0);
});

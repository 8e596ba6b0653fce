import { DEVICE_CHOICE_KEY } from '../../../../renderer/calling/devices';
import type { CallTarget } from '../../../../renderer/calling/model';
import { callActionStrings, diagnosticStrings, endReasonStrings } from '../../../../renderer/strings';
import { FakeRemoteParticipant, FakeRemoteVideoStream } from '../../../support/fake-calling-sdk';
import { connectedHarness, createHarness, lastCall, signInAndSettle } from './calling-harness';

const GROUP = '29228d3e-040e-4656-a70e-890ab4e173e4';
const TEAMS = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';

test.each<[string, CallTarget, object]>([
  [
    'an ACS user',
    { kind: 'acs-user', communicationUserId: '8:acs:bob' },
    { participants: [{ communicationUserId: '8:acs:bob' }] },
  ],
  ['a phone number', { kind: 'phone', e164: '+442071838750' }, { participants: [{ phoneNumber: '+442071838750' }] }],
  ['a group call', { kind: 'group', groupId: GROUP }, { locator: { groupId: GROUP } }],
  ['a Teams meeting', { kind: 'teams-meeting', meetingLink: TEAMS }, { locator: { meetingLink: TEAMS } }],
  ['a room', { kind: 'room', roomId: '99466898241024408' }, { locator: { roomId: '99466898241024408' } }],
  [
    'a Teams meeting by id and passcode',
    { kind: 'teams-meeting-id', meetingId: '123456789012', passcode: 'aB3cD4' },
    { locator: { meetingId: '123456789012', passcode: 'aB3cD4' } },
  ],
])('a call to %s goes through connecting and ringing to connected', async (_name, target, placed) => {
  const h = await connectedHarness();
  await h.store.actions.startCall(target, { video: false });
  expect(h.sdk.agent.placed[0]).toMatchObject(placed);
  const call = lastCall(h);
  expect(h.store.getState().call).toMatchObject({ status: 'connecting', direction: 'outgoing', target });
  call.remoteSetState('Ringing');
  expect(h.store.getState().call?.status).toBe('ringing');
  call.remoteSetState('Connected');
  expect(h.store.getState().call).toMatchObject({ status: 'connected', connectedAt: 1_000, endReason: null });
});

test('a phone call carries the configured caller id', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'phone', e164: '+14255550123' }, { video: false });
  expect(h.sdk.agent.placed[0]?.options?.alternateCallerId).toEqual({ phoneNumber: '+14255550100' });
});

test('a phone call with no caller id is refused in words, and nothing is dialled', async () => {
  const h = await connectedHarness();
  h.config = { ...h.config, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await expect(h.store.actions.startCall({ kind: 'phone', e164: '+14255550123' }, { video: false })).rejects.toThrow(
    callActionStrings.noCallerId,
  );
  expect(h.sdk.agent.placed).toEqual([]);
  expect(h.store.getState().call).toBeNull();
});

test('a video call starts with the selected camera', async () => {
  const h = await connectedHarness();
  await h.store.actions.selectCamera('camera:usb');
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: true });
  const streams = h.sdk.agent.placed[0]?.options?.videoOptions?.localVideoStreams;
  expect(streams?.map((s) => s.source.id)).toEqual(['camera:usb']);
  expect(h.store.getState().call?.isCameraOn).toBe(true);
});

test('starting a call before the agent exists is refused in words', async () => {
  const h = createHarness();
  await expect(
    h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false }),
  ).rejects.toThrow(callActionStrings.noAgent);
});

test('a remote hang-up ends the call with words, and dismissing clears it', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  call.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  expect(h.store.getState().call).toMatchObject({
    status: 'ended',
    endReason: { code: 0, subCode: 0, message: endReasonStrings.remoteHungUp },
  });
  expect(call.listenerCount()).toBe(0);
  h.store.actions.dismissEndedCall();
  expect(h.store.getState().call).toBeNull();
});

test('hanging up says "You ended the call"', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.hangUp();
  expect(h.store.getState().call?.endReason?.message).toBe(endReasonStrings.youHungUp);
});

test.each([
  [487, 0, endReasonStrings.cancelled],
  [603, 0, endReasonStrings.declined],
  [486, 0, endReasonStrings.busy],
  [480, 0, endReasonStrings.unavailable],
  [408, 0, endReasonStrings.noAnswer],
  [404, 0, endReasonStrings.notFound],
  [403, 0, endReasonStrings.forbidden],
  [410, 0, endReasonStrings.mediaLost],
  [490, 4525, endReasonStrings.network],
  [500, 0, endReasonStrings.service],
  [503, 0, endReasonStrings.service],
  [700, 1, endReasonStrings.unknown(700, 1)],
])('end reason %i/%i reads "%s"', async (code, subCode, message) => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  lastCall(h).remoteSetState('Disconnected', { code, subCode });
  expect(h.store.getState().call?.endReason).toEqual({ code, subCode, message });
});

test('incoming call: ringing, accepted with video, then in the call', async () => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  expect(h.store.getState().incoming).toEqual([
    { id: ringing.id, callerId: '8:acs:carol', callerDisplayName: 'Carol' },
  ]);
  await h.store.actions.accept(ringing.id, { video: true });
  expect(ringing.acceptedWith?.videoOptions?.localVideoStreams).toHaveLength(1);
  expect(h.store.getState().incoming).toEqual([]);
  expect(h.store.getState().call).toMatchObject({
    direction: 'incoming',
    title: 'Carol',
    status: 'connected',
    isCameraOn: true,
  });
});

test.each([
  // The caller becomes the target, so recents can call them back.
  [
    '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001f',
    { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001f' },
  ],
  ['4:+14255550100', { kind: 'phone', e164: '+14255550100' }],
  ['8:acs:carol', null],
  ['8:orgid:4f1c2a', null],
])('an accepted call from %s has the call-back target %j', async (rawId, target) => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing(rawId, 'Caller');
  await h.store.actions.accept(ringing.id, { video: false });
  expect(h.store.getState().call?.target).toEqual(target);
});

test('incoming call: rejected, and one the caller abandons disappears', async () => {
  const h = await connectedHarness();
  const first = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  const second = h.sdk.agent.remoteRing('8:acs:dave');
  // Dave set no name: he is shown by the end of his id, never the raw id.
  expect(h.store.getState().incoming.map((i) => i.callerDisplayName)).toEqual(['Carol', 'Unnamed person (…dave)']);
  await h.store.actions.reject(first.id);
  expect(first.rejected).toBe(true);
  second.remoteEnd({ code: 487, subCode: 0 });
  expect(h.store.getState().incoming).toEqual([]);
  expect(h.store.getState().call).toBeNull();
});

test('hold-and-accept holds the current call, answers the new one, and the held call returns after', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const first = lastCall(h);
  first.remoteSetState('Connected');
  const ringing = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  await h.store.actions.holdAndAccept(ringing.id, { video: false });
  expect(first.state).toBe('LocalHold');
  expect(h.store.getState().call).toMatchObject({ title: 'Carol', status: 'connected' });
  await h.store.actions.hangUp();
  h.store.actions.dismissEndedCall();
  expect(h.store.getState().call).toMatchObject({ title: 'Unnamed person (…bob)', status: 'on-hold' });
  await h.store.actions.setOnHold(false);
  expect(h.store.getState().call?.status).toBe('connected');
});

test('hold and resume', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.setOnHold(true);
  expect(h.store.getState().call?.status).toBe('on-hold');
  await h.store.actions.setOnHold(false);
  expect(h.store.getState().call?.status).toBe('connected');
  lastCall(h).remoteSetState('RemoteHold');
  expect(h.store.getState().call?.status).toBe('remote-hold');
});

test('DTMF tones reach the call', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'phone', e164: '+14255550123' }, { video: false });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.sendDtmf('Num1');
  await h.store.actions.sendDtmf('Pound');
  expect(lastCall(h).sentTones).toEqual(['Num1', 'Pound']);
});

test('mute, camera, screen share and raised hand are reflected in the state', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'group', groupId: GROUP }, { video: false });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.setMuted(true);
  await h.store.actions.setCameraOn(true);
  await h.store.actions.setScreenSharing(true);
  await h.store.actions.setHandRaised(true);
  expect(h.store.getState().call).toMatchObject({
    isMuted: true,
    isCameraOn: true,
    isScreenSharing: true,
    isHandRaised: true,
  });
  await h.store.actions.setMuted(false);
  await h.store.actions.setCameraOn(false);
  await h.store.actions.setScreenSharing(false);
  await h.store.actions.setHandRaised(false);
  expect(h.store.getState().call).toMatchObject({
    isMuted: false,
    isCameraOn: false,
    isScreenSharing: false,
    isHandRaised: false,
  });
});

test('participants join, speak, mute, raise a hand, share video and leave', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'group', groupId: GROUP }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  const bob = new FakeRemoteParticipant('8:acs:bob', 'Bob');
  const eve = new FakeRemoteParticipant('8:acs:eve');
  call.remoteJoin(bob);
  call.remoteJoin(eve);
  expect(h.store.getState().call?.participants.map((p) => p.displayName)).toEqual(['Bob', 'Unnamed person (…eve)']);
  bob.remoteSet({ isSpeaking: true });
  eve.remoteSet({ isMuted: true });
  call.features.raiseHand.remoteRaise('8:acs:eve');
  expect(h.store.getState().call?.participants).toEqual([
    { id: '8:acs:bob', displayName: 'Bob', state: 'connected', isMuted: false, isSpeaking: true, isHandRaised: false },
    {
      id: '8:acs:eve',
      displayName: 'Unnamed person (…eve)',
      state: 'connected',
      isMuted: true,
      isSpeaking: false,
      isHandRaised: true,
    },
  ]);
  const video = new FakeRemoteVideoStream(7, 'Video', false);
  bob.remoteAddVideo(video);
  expect(h.store.getState().call?.remoteVideos).toEqual([
    { key: '8:acs:bob/Video/7', participantId: '8:acs:bob', kind: 'video', isAvailable: false },
  ]);
  video.remoteSetAvailable(true);
  expect(h.store.getState().call?.remoteVideos[0]?.isAvailable).toBe(true);
  const container = document.createElement('div');
  const detach = await h.store.actions.attachRemoteVideo('8:acs:bob/Video/7', container);
  expect(container.children).toHaveLength(1);
  expect(h.sdk.renderers.at(-1)?.stream).toBe(video);
  detach();
  expect(container.children).toHaveLength(0);
  expect(h.sdk.renderers.at(-1)?.disposed).toBe(true);

  call.remoteLeave(bob);
  expect(h.store.getState().call?.participants.map((p) => p.id)).toEqual(['8:acs:eve']);
  expect(h.store.getState().call?.remoteVideos).toEqual([]);
  expect(bob.listenerCount()).toBe(0);
  expect(video.listenerCount()).toBe(0);
});

test('reconnecting → connected follows the networkReconnect diagnostic, with a banner meanwhile', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  call.features.diagnostics.network.remoteChange('networkReconnect', 3);
  expect(h.store.getState().call).toMatchObject({
    status: 'reconnecting',
    diagnostics: [{ id: 'networkReconnect', area: 'network', message: diagnosticStrings.networkReconnect }],
  });
  call.features.diagnostics.network.remoteChange('networkReconnect', 1);
  expect(h.store.getState().call).toMatchObject({ status: 'connected', diagnostics: [] });
});

test('microphone and camera diagnostics become plain-language banners', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  call.features.diagnostics.media.remoteChange('speakingWhileMicrophoneIsMuted', true);
  call.features.diagnostics.media.remoteChange('cameraStartFailed', true);
  expect(h.store.getState().call?.diagnostics).toEqual([
    {
      id: 'speakingWhileMicrophoneIsMuted',
      area: 'microphone',
      message: diagnosticStrings.speakingWhileMicrophoneIsMuted,
    },
    { id: 'cameraStartFailed', area: 'camera', message: diagnosticStrings.cameraStartFailed },
  ]);
  call.features.diagnostics.media.remoteChange('cameraStartFailed', false);
  expect(h.store.getState().call?.diagnostics.map((d) => d.id)).toEqual(['speakingWhileMicrophoneIsMuted']);
});

test('sign-out during a call disposes the agent and clears the call and the ringing list', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  h.sdk.agent.remoteRing('8:acs:carol');
  const agent = h.sdk.agent;
  h.store.setSession({ status: 'signed-out', reason: 'revoked' });
  await h.store.settled();
  expect(agent.disposed).toBe(true);
  expect(agent.listenerCount()).toBe(0);
  expect(h.store.getState()).toMatchObject({ call: null, incoming: [], agent: 'signed-out' });
});

test('the first call asks for the devices it needs, once, so the remembered microphone is used', async () => {
  const storage = new Map([[DEVICE_CHOICE_KEY, JSON.stringify({ microphoneId: 'microphone:headset' })]]);
  const h = createHarness({ storage });
  // Before permission the SDK lists only its placeholder devices.
  const realMicrophones = h.sdk.deviceManager.microphones;
  h.sdk.deviceManager.microphones = [];
  await signInAndSettle(h);
  expect(h.store.getState().devices.audioPermission).toBe('unknown');
  h.sdk.deviceManager.microphones = realMicrophones;

  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  expect(h.sdk.deviceManager.permissionRequests).toEqual([{ audio: true, video: false }]);
  expect(h.sdk.deviceManager.selectedMicrophone?.id).toBe('microphone:headset');
  expect(h.store.getState().devices.audioPermission).toBe('granted');

  await h.store.actions.hangUp();
  // Video the second time: only the camera is still unknown.
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: true });
  expect(h.sdk.deviceManager.permissionRequests).toEqual([
    { audio: true, video: false },
    { audio: false, video: true },
  ]);
  await h.store.actions.hangUp();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: true });
  expect(h.sdk.deviceManager.permissionRequests).toHaveLength(2);
});

test('answering a call asks first too, when nothing was asked before', async () => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  await h.store.actions.accept(ringing.id, { video: false });
  expect(h.sdk.deviceManager.permissionRequests).toEqual([{ audio: true, video: false }]);
});

test('a refused permission question does not stop the call: the SDK asks again as it opens the microphone', async () => {
  const h = await connectedHarness();
  h.sdk.deviceManager.askDevicePermission = async () => {
    throw new Error('the permission prompt failed');
  };
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  expect(h.sdk.agent.calls).toHaveLength(1);
});

describe('names, not ids', () => {
  const ADELE = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-3a23-34d3-8f0b-8b3a0d00adele';

  test('a 1:1 call is headed by the other person’s name once they are in it, and keeps it after the end', async () => {
    const h = await connectedHarness();
    await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: ADELE }, { video: false });
    const call = lastCall(h);
    // Nobody has answered yet: the end of the id, never the id itself.
    expect(h.store.getState().call?.title).toBe('Unnamed person (…0adele)');
    call.remoteJoin(new FakeRemoteParticipant(ADELE, 'Adele Vance'));
    call.remoteSetState('Connected');
    expect(h.store.getState().call?.title).toBe('Adele Vance');
    call.remoteSetState('Disconnected', { code: 0, subCode: 0 });
    expect(h.store.getState().call).toMatchObject({ status: 'ended', title: 'Adele Vance' });
  });

  test('a call placed with a known name (a favourite, a recent) is headed by that name', async () => {
    const h = await connectedHarness();
    await h.store.actions.startCall({ kind: 'group', groupId: GROUP }, { video: false, title: 'Design review' });
    lastCall(h).remoteJoin(new FakeRemoteParticipant('8:acs:bob', 'Bob'));
    expect(h.store.getState().call?.title).toBe('Design review');
  });

  test('a group call is titled from who is in it', async () => {
    const h = await connectedHarness();
    await h.store.actions.startCall({ kind: 'group', groupId: GROUP }, { video: false });
    const call = lastCall(h);
    expect(h.store.getState().call?.title).toBe('Group call');
    call.remoteJoin(new FakeRemoteParticipant('8:acs:bob', 'Bob Kelly'));
    expect(h.store.getState().call?.title).toBe('Bob Kelly');
    call.remoteJoin(new FakeRemoteParticipant('8:acs:eve', 'Eve Park'));
    expect(h.store.getState().call?.title).toBe('Bob Kelly and Eve Park');
    call.remoteJoin(new FakeRemoteParticipant('8:acs:dan', 'Dan Ito'));
    call.remoteJoin(new FakeRemoteParticipant('8:acs:fay', 'Fay Lin'));
    expect(h.store.getState().call?.title).toBe('Bob Kelly, Eve Park and 2 others');
  });

  test('a recent written with a raw id as its title is no name: the header does not show the id', async () => {
    const h = await connectedHarness();
    await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: ADELE }, { video: false, title: ADELE });
    expect(h.store.getState().call?.title).not.toContain('8:acs:');
  });

  test('a phone caller without a name is shown by the number, formatted once the phone rules load', async () => {
    const h = await connectedHarness();
    h.sdk.agent.remoteRing('4:+14255550123');
    await vi.waitFor(() => expect(h.store.getState().incoming[0]?.callerDisplayName).toBe('+1 425 555 0123'));
    expect(h.store.getState().incoming[0]?.callerId).toBe('4:+14255550123');
  });

  test('the signed-in person’s name is in the state, for "<name> (you)"', async () => {
    const h = await connectedHarness();
    expect(h.store.getState().myDisplayName).toBe('Ada');
    h.store.setSession({ status: 'signed-out' } as never);
    expect(h.store.getState().myDisplayName).toBeNull();
  });
});

test('a shared screen is asked for whole (Fit), a camera fills its tile (Crop)', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'group', groupId: GROUP }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  const bob = new FakeRemoteParticipant('8:acs:bob', 'Bob');
  call.remoteJoin(bob);
  bob.remoteAddVideo(new FakeRemoteVideoStream(1, 'Video', true));
  bob.remoteAddVideo(new FakeRemoteVideoStream(2, 'ScreenSharing', true));
  await h.store.actions.attachRemoteVideo('8:acs:bob/Video/1', document.createElement('div'));
  expect(h.sdk.renderers.at(-1)?.scalingMode).toBe('Crop');
  await h.store.actions.attachRemoteVideo('8:acs:bob/ScreenSharing/2', document.createElement('div'));
  expect(h.sdk.renderers.at(-1)?.scalingMode).toBe('Fit');
});

test('held calls are listed, and swapping holds the current call and resumes the held one', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const first = lastCall(h);
  first.remoteJoin(new FakeRemoteParticipant('8:acs:bob', 'Bob'));
  first.remoteSetState('Connected');
  const ringing = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  await h.store.actions.holdAndAccept(ringing.id, { video: false });
  expect(h.store.getState().held).toEqual([{ id: first.id, title: 'Bob', status: 'on-hold' }]);
  const second = h.store.getState().call?.id ?? '';

  await h.store.actions.switchToHeldCall(first.id);
  expect(first.state).toBe('Connected');
  expect(h.store.getState().call).toMatchObject({ id: first.id, title: 'Bob', status: 'connected' });
  expect(h.store.getState().held).toEqual([{ id: second, title: 'Carol', status: 'on-hold' }]);

  // The held call's other side hangs up: it leaves the list.
  ringing.accepted?.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  expect(h.store.getState().held).toEqual([]);
  await expect(h.store.actions.switchToHeldCall(second)).rejects.toThrow(callActionStrings.noHeldCall);
});

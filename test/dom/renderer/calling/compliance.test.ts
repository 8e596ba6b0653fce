import type { FakeCall } from '../../../support/fake-calling-sdk';
import { connectedHarness, type Harness, lastCall } from './calling-harness';

async function inCall(): Promise<{ h: Harness; call: FakeCall }> {
  const h = await connectedHarness();
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  return { h, call };
}

test('recording and transcription show in the call as the service reports them', async () => {
  const { h, call } = await inCall();
  expect(h.store.getState().call?.compliance).toEqual({ recording: false, transcribing: false });
  call.features.recording.remoteSetActive(true);
  expect(h.store.getState().call?.compliance).toEqual({ recording: true, transcribing: false });
  call.features.transcription.remoteSetActive(true);
  expect(h.store.getState().call?.compliance).toEqual({ recording: true, transcribing: true });
  call.features.recording.remoteSetActive(false);
  call.features.transcription.remoteSetActive(false);
  expect(h.store.getState().call?.compliance).toEqual({ recording: false, transcribing: false });
});

test('a call joined while already recorded says so from the start', async () => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing('8:acs:carol');
  // The SDK's accept resolves with the call; make it one that is already being recorded.
  const accept = ringing.accept.bind(ringing);
  ringing.accept = async (options) => {
    const call = await accept(options);
    call.features.recording.isRecordingActive = true;
    return call;
  };
  await h.store.actions.accept(ringing.id, { video: false });
  expect(h.store.getState().call?.compliance.recording).toBe(true);
});

test('the listeners are released when the call ends', async () => {
  const { h, call } = await inCall();
  expect(call.features.recording.listenerCount('isRecordingActiveChanged')).toBe(1);
  expect(call.features.transcription.listenerCount('isTranscriptionActiveChanged')).toBe(1);
  await h.store.actions.hangUp();
  expect(call.features.recording.listenerCount()).toBe(0);
  expect(call.features.transcription.listenerCount()).toBe(0);
  expect(h.store.getState().call?.compliance).toEqual({ recording: false, transcribing: false });
});

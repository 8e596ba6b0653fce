import { EFFECTS_CHOICE_KEY } from '../../../../renderer/calling/effects';
import { effectStrings } from '../../../../renderer/strings';
import type { FakeLocalVideoStream } from '../../../support/fake-calling-sdk';
import { connectedHarness, createHarness, type Harness, lastCall } from './calling-harness';

const BOB = { kind: 'acs-user', communicationUserId: '8:acs:bob' } as const;

function previewStream(h: Harness): FakeLocalVideoStream {
  const stream = h.sdk.renderers.at(-1)?.stream;
  if (!stream || !('switchSource' in stream)) throw new Error('no preview');
  return stream as FakeLocalVideoStream;
}

test('nothing loads the effects package while every effect is off', async () => {
  const storage = new Map([[EFFECTS_CHOICE_KEY, JSON.stringify({ video: 'none', noiseSuppression: false })]]);
  const h = await connectedHarness({ storage });
  await h.store.actions.attachLocalPreview(document.createElement('div'));
  await h.store.actions.startCall(BOB, { video: true });
  lastCall(h).remoteSetState('Connected');
  await h.store.settled();
  expect(h.effectsLoads).toBe(0);
});

test('blur chosen on the preview applies to it at once, is remembered, and applies to the next call', async () => {
  const storage = new Map<string, string>();
  const h = await connectedHarness({ storage });
  await h.store.actions.attachLocalPreview(document.createElement('div'));
  await h.store.actions.setVideoEffect('blur');
  expect(previewStream(h).effects?.activeEffects).toEqual(['BackgroundBlur']);
  expect(h.store.getState().effects).toMatchObject({ video: 'blur', support: { blur: 'supported' }, problem: null });
  expect(JSON.parse(storage.get(EFFECTS_CHOICE_KEY) ?? '')).toEqual({ video: 'blur', noiseSuppression: true });

  const next = await connectedHarness({ storage });
  await next.store.actions.startCall(BOB, { video: true });
  const stream = next.sdk.agent.placed[0]?.options?.videoOptions?.localVideoStreams?.[0] as FakeLocalVideoStream;
  await vi.waitFor(() => expect(stream.effects?.activeEffects).toEqual(['BackgroundBlur']));
});

test('replacement uses the shipped background image; None stops the effect mid-call', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall(BOB, { video: true });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.setVideoEffect('replacement');
  const stream = lastCall(h).localVideoStreams[0] as FakeLocalVideoStream;
  expect(stream.effects?.started.at(-1)).toEqual({
    name: 'BackgroundReplacement',
    imageUrl: 'http://localhost:3000/backgrounds/switchboard.png',
  });
  await h.store.actions.setVideoEffect('none');
  expect(stream.effects?.activeEffects).toEqual([]);
});

test('an effect this machine cannot run says so, and nothing is started', async () => {
  const h = await connectedHarness();
  h.sdk.effectsSupport.BackgroundBlur = false;
  await h.store.actions.attachLocalPreview(document.createElement('div'));
  await h.store.actions.setVideoEffect('blur');
  expect(previewStream(h).effects?.activeEffects).toEqual([]);
  expect(h.store.getState().effects).toMatchObject({
    support: { blur: 'unsupported' },
    problem: effectStrings.unsupported.blur,
  });
});

test('deep noise suppression starts when a call connects; off stops it', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Connected');
  await vi.waitFor(() => expect(lastCall(h).audioEffects?.noiseSuppression).toBe('DeepNoiseSuppression'));
  expect(h.store.getState().effects.support.deepNoiseSuppression).toBe('supported');
  await h.store.actions.setNoiseSuppression(false);
  expect(lastCall(h).audioEffects?.noiseSuppression).toBeNull();
});

test("without deep noise suppression the browser's own suppression is used", async () => {
  const h = await connectedHarness();
  h.sdk.effectsSupport.DeepNoiseSuppression = false;
  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Connected');
  await vi.waitFor(() => expect(lastCall(h).audioEffects?.noiseSuppression).toBe('BrowserNoiseSuppression'));
  expect(h.store.getState().effects.support.deepNoiseSuppression).toBe('unsupported');
});

test('a corrupt remembered choice falls back to no background effect and noise suppression on', () => {
  const storage = new Map([[EFFECTS_CHOICE_KEY, '{"video":"sparkles"']]);
  expect(createHarness({ storage }).store.getState().effects).toMatchObject({ video: 'none', noiseSuppression: true });
});

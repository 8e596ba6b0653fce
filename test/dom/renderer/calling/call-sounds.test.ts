import { browserSoundPlayer, SOUND_SETTINGS_KEY } from '../../../../renderer/calling/call-sounds';
import { connectedHarness, createHarness, lastCall } from './calling-harness';

const BOB = { kind: 'acs-user', communicationUserId: '8:acs:bob' } as const;

test('an incoming call rings on the selected speaker and stops when answered', async () => {
  const h = await connectedHarness();
  await h.store.actions.selectSpeaker('speaker:headset');
  const ringing = h.sdk.agent.remoteRing('8:acs:carol', 'Carol');
  expect(h.sounds.playing).toEqual(['ringtone.wav']);
  expect(h.sounds.played.at(-1)).toMatchObject({ loop: true, volume: 0.8, sinkId: 'headset' });
  await h.store.actions.accept(ringing.id, { video: false });
  expect(h.sounds.playing).toEqual([]);
});

test('the ringtone stops when the call is declined', async () => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing('8:acs:carol');
  expect(h.sounds.playing).toEqual(['ringtone.wav']);
  await h.store.actions.reject(ringing.id);
  expect(h.sounds.playing).toEqual([]);
});

test('the ringtone stops when the caller gives up (a missed call)', async () => {
  const h = await connectedHarness();
  const ringing = h.sdk.agent.remoteRing('8:acs:carol');
  expect(h.sounds.playing).toEqual(['ringtone.wav']);
  ringing.remoteEnd({ code: 487, subCode: 0 });
  expect(h.sounds.playing).toEqual([]);
});

test('with the ringtone off an incoming call is silent; the volume applies to every sound', async () => {
  const h = await connectedHarness();
  h.store.actions.setSoundSettings({ ringtone: false, volume: 0.3 });
  h.sdk.agent.remoteRing('8:acs:carol');
  expect(h.sounds.played).toEqual([]);
  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Ringing');
  expect(h.sounds.played.at(-1)).toMatchObject({ url: '/sounds/ringback.wav', volume: 0.3 });
});

test('the sound settings are remembered across a new store; a corrupt entry falls back to the defaults', async () => {
  const storage = new Map<string, string>();
  const first = await connectedHarness({ storage });
  first.store.actions.setSoundSettings({ ringtone: false, volume: 0.5 });
  expect(JSON.parse(storage.get(SOUND_SETTINGS_KEY) ?? '')).toEqual({ ringtone: false, volume: 0.5, alsoRingOn: null });
  expect(createHarness({ storage }).store.getState().sounds).toEqual({
    ringtone: false,
    volume: 0.5,
    alsoRingOn: null,
  });
  storage.set(SOUND_SETTINGS_KEY, '{"ringtone":"loud","volume":7');
  expect(createHarness({ storage }).store.getState().sounds).toEqual({ ringtone: true, volume: 0.8, alsoRingOn: null });
});

test('"also ring on": the ringtone plays on the selected speaker and the second one, and stops on both', async () => {
  const h = await connectedHarness();
  await h.store.actions.selectSpeaker('speaker:headset');
  h.store.actions.setSoundSettings({ alsoRingOn: 'speaker:default' });
  const ringing = h.sdk.agent.remoteRing('8:acs:carol');
  expect(h.sounds.playing).toEqual(['ringtone.wav', 'ringtone.wav']);
  // The default speaker is the browser's default sink: no sinkId.
  expect(h.sounds.played.map((s) => s.sinkId)).toEqual(['headset', undefined]);
  await h.store.actions.accept(ringing.id, { video: false });
  expect(h.sounds.playing).toEqual([]);
});

test('"also ring on" rings only for incoming calls, never twice on one speaker, never on an unplugged one', async () => {
  const h = await connectedHarness();
  h.store.actions.setSoundSettings({ alsoRingOn: 'speaker:headset' });
  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Ringing');
  expect(h.sounds.playing).toEqual(['ringback.wav']);
  await h.store.actions.hangUp();
  h.store.actions.dismissEndedCall();

  await h.store.actions.selectSpeaker('speaker:headset');
  const first = h.sdk.agent.remoteRing('8:acs:carol');
  expect(h.sounds.playing.filter((s) => s === 'ringtone.wav')).toHaveLength(1);
  await h.store.actions.reject(first.id);

  h.store.actions.setSoundSettings({ alsoRingOn: 'speaker:gone-since' });
  h.sdk.agent.remoteRing('8:acs:dave');
  expect(h.sounds.playing.filter((s) => s === 'ringtone.wav')).toHaveLength(1);
});

test('ringback plays while the other side rings, and stops when they answer', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall(BOB, { video: false });
  const call = lastCall(h);
  expect(h.sounds.playing).toEqual([]);
  call.remoteSetState('Ringing');
  expect(h.sounds.playing).toEqual(['ringback.wav']);
  call.remoteSetState('Connected');
  expect(h.sounds.playing).toEqual([]);
});

test('a busy line plays the busy tone once; any other end plays the ended tone once', async () => {
  const h = await connectedHarness();
  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Ringing');
  lastCall(h).remoteSetState('Disconnected', { code: 486, subCode: 0 });
  expect(h.sounds.playing).toEqual(['busy.wav']);
  expect(h.sounds.played.at(-1)).toMatchObject({ loop: false });
  h.store.actions.dismissEndedCall();

  await h.store.actions.startCall(BOB, { video: false });
  lastCall(h).remoteSetState('Connected');
  await h.store.actions.hangUp();
  expect(h.sounds.played.map((s) => s.url)).toEqual(['/sounds/ringback.wav', '/sounds/busy.wav', '/sounds/ended.wav']);
});

test('a speaker change while ringing moves the ringtone to the new speaker', async () => {
  const h = await connectedHarness();
  h.sdk.agent.remoteRing('8:acs:carol');
  await h.store.actions.selectSpeaker('speaker:headset');
  expect(h.sounds.played.map((s) => [s.sinkId, s.stopped])).toEqual([
    [undefined, true],
    ['headset', false],
  ]);
});

test('the browser player routes to the speaker before it plays, and stops for good', async () => {
  const steps: string[] = [];
  // jsdom has no setSinkId: give its media elements one for this test.
  const proto = HTMLMediaElement.prototype as unknown as { setSinkId?: (id: string) => Promise<void> };
  const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(async function (this: HTMLMediaElement) {
    steps.push(`play ${this.src} loop=${this.loop} volume=${this.volume}`);
  });
  const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => steps.push('pause'));
  vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
  proto.setSinkId = async (id: string) => void steps.push(`sink ${id}`);
  try {
    const stop = browserSoundPlayer.play('/sounds/ringtone.wav', { loop: true, volume: 0.5, sinkId: 'headset' });
    await vi.waitFor(() => expect(play).toHaveBeenCalled());
    stop();
    expect(steps).toEqual([
      'sink headset',
      'play http://localhost:3000/sounds/ringtone.wav loop=true volume=0.5',
      'pause',
    ]);
    expect(pause).toHaveBeenCalledTimes(1);
  } finally {
    delete proto.setSinkId;
    vi.restoreAllMocks();
  }
});

import { DEVICE_CHOICE_KEY } from '../../../../renderer/calling/devices';
import { browserDeviceId } from '../../../../renderer/calling/media';
import { deviceStrings } from '../../../../renderer/strings';
import { camera, type FakeLocalVideoStream, microphone } from '../../../support/fake-calling-sdk';
import { createHarness, signInAndSettle } from './calling-harness';

test('device lists load with the system defaults selected', async () => {
  const h = createHarness();
  expect(h.store.getState().devices.ready).toBe(false);
  await signInAndSettle(h);
  const { devices } = h.store.getState();
  expect(devices.cameras.map((d) => d.name)).toEqual(['Front camera', 'USB camera']);
  expect(devices.microphones.map((d) => d.name)).toEqual(['Default microphone', 'Headset microphone']);
  expect(devices.speakers.map((d) => d.name)).toEqual(['Default speaker', 'Headset']);
  expect(devices).toMatchObject({
    selectedCameraId: 'camera:front',
    selectedMicrophoneId: 'microphone:default',
    selectedSpeakerId: 'speaker:default',
  });
});

test('permission answers are recorded per kind', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  h.sdk.deviceManager.access = { audio: true, video: false };
  await h.store.actions.requestPermissions({ audio: true, video: true });
  expect(h.store.getState().devices).toMatchObject({ audioPermission: 'granted', videoPermission: 'denied' });
});

test('the chosen devices are remembered across restarts (a new store over the same storage)', async () => {
  const storage = new Map<string, string>();
  const first = createHarness({ storage });
  await signInAndSettle(first);
  await first.store.actions.selectCamera('camera:usb');
  await first.store.actions.selectMicrophone('microphone:headset');
  await first.store.actions.selectSpeaker('speaker:headset');
  expect(first.sdk.deviceManager.selectedMicrophone?.id).toBe('microphone:headset');

  const second = createHarness({ storage });
  await signInAndSettle(second);
  expect(second.store.getState().devices).toMatchObject({
    selectedCameraId: 'camera:usb',
    selectedMicrophoneId: 'microphone:headset',
    selectedSpeakerId: 'speaker:headset',
  });
  // …and the SDK uses them too.
  expect(second.sdk.deviceManager.selectedMicrophone?.id).toBe('microphone:headset');
  expect(second.sdk.deviceManager.selectedSpeaker?.id).toBe('speaker:headset');
});

test('a corrupt remembered choice is ignored, not crashed on', async () => {
  const storage = new Map([[DEVICE_CHOICE_KEY, '{not json']]);
  const h = createHarness({ storage });
  await signInAndSettle(h);
  expect(h.store.getState().devices.selectedCameraId).toBe('camera:front');
});

test('devices plugged in and out are picked up live; unplugging the chosen one falls back to the default', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  await h.store.actions.selectMicrophone('microphone:headset');
  h.sdk.deviceManager.remotePlug(microphone('microphone:usb', 'USB microphone'));
  h.sdk.deviceManager.remotePlug(camera('camera:desk', 'Desk camera'));
  await vi.waitFor(() => expect(h.store.getState().devices.microphones.map((d) => d.id)).toContain('microphone:usb'));
  await vi.waitFor(() => expect(h.store.getState().devices.cameras.map((d) => d.id)).toContain('camera:desk'));
  h.sdk.deviceManager.remoteUnplug('microphone:headset');
  await vi.waitFor(() => expect(h.store.getState().devices.selectedMicrophoneId).toBe('microphone:default'));
  // Plugged back in, the remembered choice returns.
  h.sdk.deviceManager.remotePlug(microphone('microphone:headset', 'Headset microphone'));
  await vi.waitFor(() => expect(h.store.getState().devices.selectedMicrophoneId).toBe('microphone:headset'));
});

test('changing the camera mid-call switches the running stream; changing the microphone tells the SDK', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: true });
  const call = h.sdk.agent.calls[0];
  call?.remoteSetState('Connected');
  const stream = call?.localVideoStreams[0] as FakeLocalVideoStream;
  await h.store.actions.selectCamera('camera:usb');
  expect(stream.source.id).toBe('camera:usb');
  await h.store.actions.selectMicrophone('microphone:headset');
  expect(h.sdk.deviceManager.selectedMicrophone?.id).toBe('microphone:headset');
  expect(h.store.getState().call?.status).toBe('connected');
});

test('the local preview renders into the container and tears down', async () => {
  const h = createHarness();
  await signInAndSettle(h);
  const container = document.createElement('div');
  const detach = await h.store.actions.attachLocalPreview(container);
  expect(container.children).toHaveLength(1);
  const renderer = h.sdk.renderers.at(-1);
  if (!renderer) throw new Error('no renderer was created');
  expect((renderer.stream as FakeLocalVideoStream).source.id).toBe('camera:front');
  // Switching camera while previewing switches the preview's stream.
  await h.store.actions.selectCamera('camera:usb');
  expect((renderer.stream as FakeLocalVideoStream).source.id).toBe('camera:usb');
  detach();
  expect(container.children).toHaveLength(0);
  expect(renderer.disposed).toBe(true);
  expect((renderer.stream as FakeLocalVideoStream).disposed).toBe(true);
});

test('SDK device ids map to browser device ids', () => {
  expect(browserDeviceId('microphone:abc123')).toBe('abc123');
  expect(browserDeviceId('speaker:default')).toBeUndefined();
  expect(browserDeviceId(null)).toBeUndefined();
});

test('the microphone meter reads the selected microphone and stops its tracks when unsubscribed', async () => {
  const stopped: string[] = [];
  const requested: MediaStreamConstraints[] = [];
  const frames: Array<() => void> = [];
  const media = {
    async getUserMedia(constraints: MediaStreamConstraints) {
      requested.push(constraints);
      return { getTracks: () => [{ stop: () => stopped.push('track') }] } as unknown as MediaStream;
    },
    createAudioContext: () =>
      ({
        createAnalyser: () => ({
          fftSize: 4,
          getFloatTimeDomainData: (out: Float32Array) => out.fill(0.1),
        }),
        createMediaStreamSource: () => ({ connect: () => undefined }),
        close: async () => void stopped.push('context'),
      }) as unknown as AudioContext,
    requestFrame: (callback: () => void) => frames.push(callback),
    cancelFrame: () => undefined,
  };
  const h = createHarness({ media });
  await signInAndSettle(h);
  await h.store.actions.selectMicrophone('microphone:headset');
  const levels: number[] = [];
  const stop = h.store.actions.watchMicrophoneLevel((level) => levels.push(level));
  await vi.waitFor(() => expect(levels.length).toBeGreaterThan(0));
  expect(requested[0]).toEqual({ audio: { deviceId: { exact: 'headset' } }, video: false });
  expect(levels[0]).toBeCloseTo(0.4);
  stop();
  expect(stopped).toEqual(['track', 'context']);
});

test('the test sound plays on the selected speaker and releases its audio context', async () => {
  const calls: string[] = [];
  const oscillators: Array<{ onended: (() => void) | null }> = [];
  const context = {
    currentTime: 0,
    destination: {},
    setSinkId: async (id: string) => void calls.push(`sink:${id}`),
    createGain: () => ({ connect: () => undefined, gain: { setValueAtTime: () => undefined } }),
    createOscillator: () => {
      const oscillator = {
        frequency: { value: 0 },
        onended: null as (() => void) | null,
        connect: () => undefined,
        start: () => void calls.push(`start:${oscillator.frequency.value}`),
        stop: () => undefined,
      };
      oscillators.push(oscillator);
      return oscillator;
    },
    close: async () => void calls.push('close'),
  };
  const media = {
    getUserMedia: async () => {
      throw new Error('unused');
    },
    createAudioContext: () => context as unknown as AudioContext,
    requestFrame: () => 0,
    cancelFrame: () => undefined,
  };
  const h = createHarness({ media });
  await signInAndSettle(h);
  await h.store.actions.selectSpeaker('speaker:headset');
  const played = h.store.actions.playTestSound();
  await vi.waitFor(() => expect(oscillators).toHaveLength(3));
  oscillators.at(-1)?.onended?.();
  await played;
  expect(calls).toEqual(['sink:headset', 'start:660', 'start:880', 'start:0', 'close']);
});

describe('the camera in use is unplugged mid-call', () => {
  const BOB = { kind: 'acs-user', communicationUserId: '8:acs:bob' } as const;

  test('the call switches to the camera that is left, and says so', async () => {
    const h = createHarness();
    await signInAndSettle(h);
    await h.store.actions.startCall(BOB, { video: true });
    const stream = h.sdk.agent.placed[0]?.options?.videoOptions?.localVideoStreams?.[0] as FakeLocalVideoStream;
    expect(stream.source.id).toBe('camera:front');
    h.sdk.deviceManager.remoteUnplug('camera:front');
    await vi.waitFor(() => expect(stream.source.id).toBe('camera:usb'));
    expect(h.store.getState().devices).toMatchObject({
      selectedCameraId: 'camera:usb',
      notice: deviceStrings.cameraSwitched('USB camera'),
    });
    expect(h.store.getState().call?.isCameraOn).toBe(true);
    h.store.actions.dismissDeviceNotice();
    expect(h.store.getState().devices.notice).toBeNull();
  });

  test('with no camera left the video stops, and the user is told', async () => {
    const h = createHarness();
    await signInAndSettle(h);
    h.sdk.deviceManager.cameras = h.sdk.deviceManager.cameras.slice(0, 1);
    await h.store.actions.startCall(BOB, { video: true });
    expect(h.store.getState().call?.isCameraOn).toBe(true);
    h.sdk.deviceManager.remoteUnplug('camera:front');
    await vi.waitFor(() => expect(h.store.getState().call?.isCameraOn).toBe(false));
    expect(h.store.getState().devices).toMatchObject({
      selectedCameraId: null,
      notice: deviceStrings.cameraGoneVideoOff,
    });
  });

  test('a camera unplugged while nothing uses it changes the choice quietly', async () => {
    const h = createHarness();
    await signInAndSettle(h);
    await h.store.actions.startCall(BOB, { video: false });
    h.sdk.deviceManager.remoteUnplug('camera:front');
    await vi.waitFor(() => expect(h.store.getState().devices.selectedCameraId).toBe('camera:usb'));
    expect(h.store.getState().devices.notice).toBeNull();
  });
});

describe('a speaker the system does not switch to', () => {
  test('is refused in words and not remembered', async () => {
    const storage = new Map<string, string>();
    const h = createHarness({ storage });
    await signInAndSettle(h);
    h.sdk.deviceManager.selectSpeaker = async () => {
      throw new Error('NotFoundError: Requested device not found');
    };
    await expect(h.store.actions.selectSpeaker('speaker:headset')).rejects.toThrow(
      deviceStrings.speakerRefused('Headset'),
    );
    expect(h.store.getState().devices.selectedSpeakerId).toBe('speaker:default');
    expect(storage.get(DEVICE_CHOICE_KEY) ?? '').not.toContain('speaker:headset');
  });

  test('where the system chooses the speaker itself, a choice says where to change it', async () => {
    const h = createHarness();
    await signInAndSettle(h);
    h.sdk.deviceManager.isSpeakerSelectionAvailable = false;
    await expect(h.store.actions.selectSpeaker('speaker:headset')).rejects.toThrow(deviceStrings.speakerChoiceRefused);
  });
});

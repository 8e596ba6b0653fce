import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { DeviceSetup } from '../../../../../renderer/screens/devices/DeviceSetup';
import { devicesState, FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Under a full `npm test` (every project at once on 2 cores) typing and popovers can take longer
// than vitest's default 5 s: these tests wait on conditions, never on time.
vi.setConfig({ testTimeout: 30_000 });

function setup(store = new FakeCallingStore()) {
  const user = userEvent.setup({ delay: null });
  renderScreen(<DeviceSetup />, store);
  return { store, user };
}

describe('DeviceSetup', () => {
  test('while the SDK looks for devices it says so', () => {
    setup(new FakeCallingStore({ devices: devicesState({ ready: false, audioPermission: 'unknown' }) }));
    expect(screen.getByRole('status')).toHaveTextContent('Looking for your camera, microphone and speakers…');
    // Same layout as when ready (no jump when the SDK answers), but nothing to choose yet.
    expect(screen.getByLabelText('Microphone')).toBeDisabled();
    expect(screen.getAllByRole('option', { name: 'Looking for devices…', hidden: true })).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Play test sound' })).toBeDisabled();
  });

  test('asks for permission once the devices are ready; the camera and microphone open only on request', async () => {
    const store = new FakeCallingStore({
      devices: devicesState({ ready: false, audioPermission: 'unknown', videoPermission: 'unknown' }),
    });
    const { user } = setup(store);
    expect(screen.getByRole('button', { name: 'Preview camera' })).toBeDisabled();
    act(() => store.updateDevices({ ready: true }));
    await waitFor(() => expect(store.callsOf('requestPermissions')).toEqual([[{ audio: true, video: true }]]));
    // Granted, yet the camera stays closed and the microphone unwatched until the user asks.
    expect(screen.getByTestId('local-preview')).toHaveAttribute('data-status', 'off');
    expect(store.callsOf('attachLocalPreview')).toHaveLength(0);
    expect(store.microphoneWatchers).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Preview camera' }));
    await waitFor(() => expect(screen.getByTestId('local-preview')).toHaveAttribute('data-status', 'on'));
    expect(screen.getByTestId('fake-local-video')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop preview' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Stop preview' }));
    await waitFor(() => expect(screen.getByTestId('local-preview')).toHaveAttribute('data-status', 'off'));
    expect(screen.queryByTestId('fake-local-video')).toBeNull();
  });

  test('the permission prompt can be answered with the button', async () => {
    const store = new FakeCallingStore({
      devices: devicesState({ audioPermission: 'unknown', videoPermission: 'unknown' }),
    });
    store.holdPermissionRequests = true;
    const { user } = setup(store);
    await waitFor(() => expect(store.callsOf('requestPermissions')).toHaveLength(1));
    store.holdPermissionRequests = false;
    await user.click(await screen.findByRole('button', { name: 'Allow camera and microphone' }));
    expect(store.callsOf('requestPermissions')).toHaveLength(2);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Allow camera and microphone' })).toBeNull());
  });

  test.each([
    ['Win32', /Settings → Privacy & security → Camera/],
    ['MacIntel', /System Settings → Privacy & Security → Camera/],
    ['Linux x86_64', /the “video” and “audio” groups/],
  ])('denied on %s: says how to allow it there, and can try again', async (platform, howTo) => {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'platform');
    Object.defineProperty(navigator, 'platform', { value: platform, configurable: true });
    try {
      const store = new FakeCallingStore({
        devices: devicesState({ audioPermission: 'denied', videoPermission: 'denied' }),
      });
      const { user } = setup(store);
      const banner = screen.getByTestId('permission-denied');
      expect(banner).toHaveTextContent('Switchboard may not use your camera and microphone');
      expect(banner).toHaveTextContent(howTo);
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(store.callsOf('requestPermissions')).toEqual([[{ audio: true, video: true }]]);
    } finally {
      if (original) Object.defineProperty(navigator, 'platform', original);
      else delete (navigator as unknown as Record<string, unknown>).platform;
    }
  });

  test('only the camera denied: one message; the microphone still works; the preview does not say "off"', () => {
    setup(new FakeCallingStore({ devices: devicesState({ videoPermission: 'denied' }) }));
    expect(screen.getByTestId('permission-denied')).toHaveTextContent('Switchboard may not use your camera');
    expect(screen.getAllByText(/may not use|denied|not allowed/i)).toHaveLength(2);
    expect(screen.getByTestId('local-preview')).toHaveAttribute('data-status', 'off');
    expect(screen.getByTestId('local-preview')).toHaveTextContent('Camera not allowed');
    expect(screen.getByTestId('local-preview')).not.toHaveTextContent('Your camera is off');
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview camera' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Test microphone' })).toBeEnabled();
  });

  test('denied, and asking again is refused: still one message, not the refusal repeated', async () => {
    const store = new FakeCallingStore({
      devices: devicesState({ audioPermission: 'denied', videoPermission: 'denied' }),
    });
    store.failNext.requestPermissions = 'Permission denied';
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(store.callsOf('requestPermissions')).toHaveLength(1);
    expect(screen.queryByText('Permission denied')).toBeNull();
    expect(screen.getByTestId('permission-denied')).toBeVisible();
  });

  test('pickers list the devices, mark the default, and select through the layer', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Preview camera' }));
    const mic = screen.getByLabelText('Microphone');
    expect([...(mic as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Microphone Array (system default)',
      'Headset Microphone',
    ]);
    await user.selectOptions(mic, 'mic-2');
    await user.selectOptions(screen.getByLabelText('Speaker'), 'spk-2');
    await user.selectOptions(screen.getByLabelText('Camera'), 'cam-2');
    expect(store.callsOf('selectMicrophone')).toEqual([['mic-2']]);
    expect(store.callsOf('selectSpeaker')).toEqual([['spk-2']]);
    expect(store.callsOf('selectCamera')).toEqual([['cam-2']]);
    expect(mic).toHaveValue('mic-2');
    // A new camera means a new preview.
    await waitFor(() => expect(store.callsOf('attachLocalPreview').length).toBeGreaterThanOrEqual(2));
  });

  test('devices plugged in or out show up live', async () => {
    const { store } = setup();
    act(() =>
      store.updateDevices({
        microphones: [
          ...store.getState().devices.microphones,
          { id: 'mic-3', name: 'USB Podcast Mic', isSystemDefault: false },
        ],
        cameras: [],
      }),
    );
    expect(screen.getByRole('option', { name: 'USB Podcast Mic' })).toBeInTheDocument();
    expect(screen.getByLabelText('Camera')).toBeDisabled();
    expect(screen.getByRole('option', { name: 'No camera found' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('local-preview')).toHaveTextContent('Camera preview is not available'),
    );
  });

  test('a failed device switch says why', async () => {
    const { store, user } = setup();
    store.failNext.selectMicrophone = 'the device is in use';
    await user.selectOptions(screen.getByLabelText('Microphone'), 'mic-2');
    expect(await screen.findByText('Could not switch device: the device is in use')).toBeVisible();
  });

  test('the microphone level meter follows the level while the microphone is tested', async () => {
    const { store, user } = setup();
    const meter = screen.getByRole('meter', { name: 'Microphone level' });
    expect(store.microphoneWatchers).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Test microphone' }));
    expect(store.microphoneWatchers).toBe(1);
    act(() => store.emitMicrophoneLevel(0.5));
    expect(meter).toHaveAttribute('aria-valuenow', '50');
    act(() => store.emitMicrophoneLevel(1.7));
    expect(meter).toHaveAttribute('aria-valuenow', '100');
    await user.click(screen.getByRole('button', { name: 'Stop microphone test' }));
    expect(store.microphoneWatchers).toBe(0);
  });

  test('the speaker test sound plays through the layer; a failure is shown', async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Play test sound' }));
    expect(store.callsOf('playTestSound')).toHaveLength(1);
    store.failNext.playTestSound = 'no output device';
    // The button says "Playing…" until the first sound has finished: wait for it to come back.
    await user.click(await screen.findByRole('button', { name: 'Play test sound' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The test sound could not play: no output device');
  });

  test('a preview that cannot start says why', async () => {
    const store = new FakeCallingStore();
    store.failNext.attachLocalPreview = 'camera busy';
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Preview camera' }));
    expect(await screen.findByText('The camera preview could not start: camera busy')).toBeVisible();
  });

  test('leaving the screen tears the preview and the meter down', async () => {
    const store = new FakeCallingStore();
    const user = userEvent.setup({ delay: null });
    const view = renderScreen(<DeviceSetup />, store);
    await user.click(screen.getByRole('button', { name: 'Preview camera' }));
    await user.click(screen.getByRole('button', { name: 'Test microphone' }));
    expect(store.microphoneWatchers).toBe(1);
    await waitFor(() => expect(screen.getByTestId('fake-local-video')).toBeInTheDocument());
    const preview = screen.getByTestId('local-preview');
    view.unmount();
    expect(store.microphoneWatchers).toBe(0);
    expect(preview.querySelector('[data-testid="fake-local-video"]')).toBeNull();
  });
});

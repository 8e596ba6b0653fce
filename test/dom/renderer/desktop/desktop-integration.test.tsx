import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DesktopIntegration } from '../../../../renderer/desktop/DesktopIntegration';
import { type ArmingClock, ArmingClockContext } from '../../../../renderer/desktop/use-armed-after-attention';
import { CallLinkSettings } from '../../../../renderer/screens/settings/CallLinkSettings';
import { createFakeBridge } from '../app/fake-bridge';
import { callView, FakeCallingStore, incomingCall } from '../screens/support/fake-calling-store';
import { renderScreen } from '../screens/support/render';
import { createFakeDesktopBridge } from './fake-desktop-bridge';

/** The window's bridge with the test's desktop fake on it. */
function bridgeWith(desktop: ReturnType<typeof createFakeDesktopBridge>) {
  const bridge = createFakeBridge();
  bridge.desktop = desktop.bridge;
  return bridge;
}

// These tests are about what the dialogs do, not when a call link arms (call-link-arming.test.tsx):
// the window counts as focused and the arming wait is over at once.
const armAtOnce: ArmingClock = {
  after(_ms, run) {
    run();
    return () => {};
  },
};
beforeEach(() => {
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  return () => vi.restoreAllMocks();
});

function renderIntegration(fake: ReturnType<typeof createFakeDesktopBridge>, store: FakeCallingStore) {
  return renderScreen(
    <ArmingClockContext.Provider value={armAtOnce}>
      <DesktopIntegration />
    </ArmingClockContext.Provider>,
    store,
    bridgeWith(fake),
  );
}

function setup(initial: ConstructorParameters<typeof FakeCallingStore>[0] = {}) {
  const store = new FakeCallingStore(initial);
  const fake = createFakeDesktopBridge();
  const view = renderIntegration(fake, store);
  return { store, fake, view, user: userEvent.setup() };
}

describe('call state reported to main', () => {
  test('once at mount, then only when something main cares about changes', async () => {
    const { store, fake } = setup();
    await waitFor(() => expect(fake.state.reports).toHaveLength(1));
    expect(fake.state.reports[0]).toEqual({ agent: 'connected', callActive: false, callTitle: null, incoming: [] });

    act(() => store.updateDevices({ selectedCameraId: 'cam-2' }));
    act(() => store.setState({ incoming: [incomingCall({ id: 'in-1', callerDisplayName: 'Megan Bowen' })] }));
    act(() => store.setState({ incoming: [], call: callView({ title: 'Megan Bowen', status: 'connected' }) }));
    act(() => store.updateCall({ isMuted: true }));
    act(() => store.updateCall({ status: 'ended' }));

    expect(fake.state.reports).toEqual([
      { agent: 'connected', callActive: false, callTitle: null, incoming: [] },
      {
        agent: 'connected',
        callActive: false,
        callTitle: null,
        incoming: [{ id: 'in-1', callerDisplayName: 'Megan Bowen' }],
      },
      { agent: 'connected', callActive: true, callTitle: 'Megan Bowen', incoming: [] },
      { agent: 'connected', callActive: false, callTitle: null, incoming: [] },
    ]);
  });

  test('a confirmed quit during a call hangs up through the calling layer', async () => {
    const { fake, store } = setup({ call: callView({ status: 'connected' }) });
    await waitFor(() => expect(fake.state.reports.at(-1)?.callActive).toBe(true));
    expect(store.callsOf('hangUp')).toEqual([]);
    act(() => fake.requestHangUp('quit'));
    await waitFor(() => expect(store.callsOf('hangUp')).toEqual([[]]));
  });
});

describe('call-link confirmation', () => {
  test('a link queued before the window was ready is shown as the call box understands it; Call dials it', async () => {
    const store = new FakeCallingStore();
    const fake = createFakeDesktopBridge();
    fake.sendLink('+14255550100', 'tel');
    renderIntegration(fake, store);
    const user = userEvent.setup();

    const dialog = await screen.findByRole('alertdialog', { name: 'Call from a link?' });
    expect(within(dialog).getByText('A phone link (tel:) asks to call:')).toBeInTheDocument();
    // Read once the phone-number library has loaded (the first phone number of the session).
    expect(await within(dialog).findByTestId('call-link-target')).toHaveTextContent('Phone number +1 425 555 0100');
    // Phone calls have no video: no video button.
    expect(within(dialog).queryByRole('button', { name: 'Call with video' })).toBeNull();
    expect(store.callsOf('placeCall')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Call' }));
    expect(store.callsOf('placeCall')).toEqual([[{ kind: 'phone', e164: '+14255550100' }, { video: false }]]);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  });

  test('a link arriving later is taken and confirmed; "Don’t call" dials nothing', async () => {
    const { fake, store, user } = setup();
    await waitFor(() => expect(fake.bridge.takeCallLinks).toHaveBeenCalledTimes(1));
    act(() => fake.sendLink('29228d3e-040e-4656-a70e-890ab4e173e5'));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('call-link-target')).toHaveTextContent(
      'Group call 29228d3e-040e-4656-a70e-890ab4e173e5',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Don’t call' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(store.callsOf('placeCall')).toEqual([]);
  });

  test('Call with video for a target that has video', async () => {
    const { fake, store, user } = setup();
    act(() => fake.sendLink('8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele'));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Call with video' }));
    expect(store.callsOf('placeCall')).toEqual([
      [{ kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' }, { video: true }],
    ]);
  });

  test('a target the call box cannot read is explained and cannot be called', async () => {
    const { fake, store, user } = setup();
    act(() => fake.sendLink('8:acs:'));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/This link cannot be called/)).toHaveTextContent(
      'This looks like an ACS user id but is incomplete',
    );
    expect(within(dialog).queryByRole('button', { name: 'Call' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(store.callsOf('placeCall')).toEqual([]);
  });

  test('signed out or already in a call: the link waits, Call is disabled with the reason', async () => {
    const { fake, store } = setup({ agent: 'signed-out' });
    act(() => fake.sendLink('+14255550100'));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/Sign in first/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Call' })).toBeDisabled();

    act(() => store.setState({ agent: 'connected', call: callView({ status: 'connected' }) }));
    expect(within(dialog).getByText(/already in a call/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Call' })).toBeDisabled();

    act(() => store.setState({ call: null }));
    expect(within(dialog).getByRole('button', { name: 'Call' })).toBeEnabled();
  });

  test('several links: one at a time, oldest first, with a count of the rest', async () => {
    const { fake, user } = setup();
    act(() => {
      fake.sendLink('+14255550100');
      fake.sendLink('+442079460000');
    });
    const dialog = await screen.findByRole('alertdialog');
    await waitFor(() => expect(within(dialog).getByText('1 more link is waiting.')).toBeInTheDocument());
    expect(within(dialog).getByTestId('call-link-target')).toHaveTextContent('+1 425 555 0100');
    await user.click(within(dialog).getByRole('button', { name: 'Don’t call' }));
    await waitFor(() => expect(screen.getByTestId('call-link-target')).toHaveTextContent('+44 20 7946 0000'));
  });
});

describe('screen-share picker', () => {
  const request = {
    requestId: 'share-1',
    screenRecordingAccess: 'granted' as const,
    sources: [
      {
        id: 'screen:1:0',
        name: 'Entire screen',
        kind: 'screen' as const,
        thumbnailDataUrl: 'data:image/png;base64,AAAA',
      },
      { id: 'window:7:0', name: 'Quarterly plan — Notes', kind: 'window' as const, thumbnailDataUrl: '' },
    ],
  };

  test('screens and windows with thumbnails; Share sends the chosen id', async () => {
    const { fake, user } = setup();
    act(() => fake.askForScreen(request));
    const dialog = await screen.findByRole('dialog', { name: 'Choose what to share' });
    const screens = within(dialog).getByRole('region', { name: 'Screens' });
    expect(within(screens).getByRole('button', { name: /Entire screen/ })).toHaveAttribute('aria-pressed', 'true');
    expect(dialog.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    const windows = within(dialog).getByRole('region', { name: 'Windows' });
    await user.click(within(windows).getByRole('button', { name: /Quarterly plan/ }));
    expect(within(windows).getByText('No preview')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Share' }));
    expect(fake.bridge.chooseScreenShareSource).toHaveBeenCalledWith({ requestId: 'share-1', sourceId: 'window:7:0' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  test('Cancel answers "nothing"', async () => {
    const { fake, user } = setup();
    act(() => fake.askForScreen(request));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(fake.bridge.chooseScreenShareSource).toHaveBeenCalledWith({ requestId: 'share-1', sourceId: null });
  });

  test('macOS without screen-recording permission: guidance and a button to the settings pane', async () => {
    const { fake, user } = setup();
    act(() => fake.askForScreen({ ...request, sources: [], screenRecordingAccess: 'denied' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/macOS needs your permission/)).toBeInTheDocument();
    expect(within(dialog).getByText(/nothing to share/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Share' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Open Screen Recording settings' }));
    expect(fake.bridge.openPrivacySettings).toHaveBeenCalledWith('screen-recording');
  });
});

describe('update banner', () => {
  test('"Restart to update" appears only when main says a restart is possible now', async () => {
    const { fake, user } = setup();
    act(() => fake.publishUpdate({ status: 'downloading', version: '1.3.0', percent: 40 }));
    expect(screen.queryByTestId('update-banner')).toBeNull();
    act(() => fake.publishUpdate({ status: 'ready', version: '1.3.0', canRestartNow: false }));
    expect(screen.queryByTestId('update-banner')).toBeNull();
    act(() => fake.publishUpdate({ status: 'ready', version: '1.3.0', canRestartNow: true }));
    expect(await screen.findByTestId('update-banner')).toHaveTextContent('Switchboard 1.3.0 is ready to install.');
    await user.click(screen.getByRole('button', { name: 'Restart to update' }));
    expect(fake.bridge.restartToUpdate).toHaveBeenCalledOnce();
  });

  test('a refusal from main is shown in words', async () => {
    const { fake, user } = setup();
    fake.state.restartResult = {
      ok: false,
      code: 'call-active',
      message: 'Switchboard will not restart during a call.',
    };
    act(() => fake.publishUpdate({ status: 'ready', version: '1.3.0', canRestartNow: true }));
    await user.click(screen.getByRole('button', { name: 'Restart to update' }));
    expect(
      await screen.findByText('Switchboard did not restart: Switchboard will not restart during a call.'),
    ).toBeInTheDocument();
  });
});

describe('OS media access', () => {
  test('a denial the OS is responsible for gets a message and a settings button; a Chromium-only denial does not', async () => {
    const { fake, store, user } = setup();
    fake.state.mediaReport = { camera: 'granted', microphone: 'denied', canOpenSettings: true };
    act(() => store.updateDevices({ audioPermission: 'denied' }));
    const notice = await screen.findByTestId('media-blocked-microphone');
    expect(fake.bridge.ensureMediaAccess).toHaveBeenCalledWith({ camera: false, microphone: true });
    expect(notice).toHaveTextContent('Your system is blocking Switchboard from using the microphone.');
    await user.click(within(notice).getByRole('button', { name: 'Open microphone settings' }));
    expect(fake.bridge.openPrivacySettings).toHaveBeenCalledWith('microphone');

    act(() => store.updateDevices({ audioPermission: 'granted' }));
    await waitFor(() => expect(screen.queryByTestId('media-blocked-microphone')).toBeNull());

    fake.state.mediaReport = { camera: 'granted', microphone: 'granted', canOpenSettings: true };
    act(() => store.updateDevices({ videoPermission: 'denied' }));
    await waitFor(() => expect(fake.bridge.ensureMediaAccess).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId('media-blocked-camera')).toBeNull();
  });
});

describe('call-link settings', () => {
  test('switches reflect main’s settings and save through it', async () => {
    const fake = createFakeDesktopBridge();
    renderScreen(<CallLinkSettings />, new FakeCallingStore(), bridgeWith(fake));
    const user = userEvent.setup();
    const tel = await screen.findByRole('switch', { name: /tel: links/ });
    expect(tel).not.toBeChecked();
    await user.click(tel);
    expect(fake.bridge.setCallLinkSettings).toHaveBeenCalledWith({ tel: true, callto: false, keepRunningInTray: true });
    await waitFor(() => expect(tel).toBeChecked());
  });

  test('"keep running in the tray" starts on, saves the whole settings object, and says so when saving fails', async () => {
    const fake = createFakeDesktopBridge();
    renderScreen(<CallLinkSettings />, new FakeCallingStore(), bridgeWith(fake));
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'When the window is closed' });
    const keep = within(region).getByRole('switch', { name: 'Keep running in the tray when the window is closed' });
    expect(keep).toBeChecked();
    await user.click(keep);
    expect(fake.bridge.setCallLinkSettings).toHaveBeenLastCalledWith({
      tel: false,
      callto: false,
      keepRunningInTray: false,
    });
    await waitFor(() => expect(keep).not.toBeChecked());

    fake.bridge.setCallLinkSettings.mockRejectedValueOnce(new Error('disk full'));
    await user.click(keep);
    await within(region).findByText('The setting could not be saved. Try again.');
    expect(keep).not.toBeChecked();
    // The call-link card shows no error for a tray failure.
    const links = screen.getByRole('region', { name: 'Call links' });
    expect(within(links).queryByText('The setting could not be saved. Try again.')).toBeNull();
  });
});

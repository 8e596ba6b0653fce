/**
 * The pre-join check, over the real App, the real calling layer and the fake SDK: which calls
 * stop at it, that Join now dials with what was chosen there, Cancel and Escape, "Don't show
 * this again" per kind (kept across a restart, undone in Settings), and focus on its heading.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { PRE_JOIN_SETTINGS_KEY } from '../../../../../renderer/calling/pre-join';
import { appStrings } from '../../../../../renderer/strings';
import { FakeCallingSdk, type FakeLocalVideoStream } from '../../../../support/fake-calling-sdk';
import { createFakeBridge, signedInSession } from '../../app/fake-bridge';
import { type RenderAppOptions, renderApp } from '../../app/render-app';

// Two restarts' worth of lazy screens took 41 s at a load average of 32 on 2 cores.
vi.setConfig({ testTimeout: 120_000 });

const ADELE = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001a-adele';
const GROUP = '29228d3e-040e-4656-a70e-890ab4e173e5';

async function home(options: RenderAppOptions = {}) {
  const sdk = new FakeCallingSdk('8:acs:me');
  const rendered = renderApp(createFakeBridge(signedInSession()), sdk, async () => sdk, options);
  await act(() => rendered.services.calling.settled());
  await screen.findByTestId('dialer-screen');
  await waitFor(() => expect(rendered.services.calling.getState().devices.ready).toBe(true));
  const user = userEvent.setup({ delay: null });
  /** Types a target into the call box (a new one each time home is shown) and presses a call button. */
  const call = async (target: string, video: boolean) => {
    const box = await screen.findByRole('textbox', { name: 'Who do you want to call?' });
    // Pasted, as ids and links usually arrive: typing 60 characters re-renders the home screen 60 times.
    await user.clear(box);
    await user.click(box);
    await user.paste(target);
    // A phone number waits for the phone-number chunk, slow to import in jsdom on a busy machine.
    const button = await screen.findByRole(
      'button',
      { name: video ? /^Video call to/ : /^Audio call to/ },
      { timeout: 20_000 },
    );
    await user.click(button);
  };
  const route = () => screen.getByTestId('app-shell').getAttribute('data-route');
  return { ...rendered, user, call, route };
}

/** The pre-join screen, once its devices have been asked for and its camera can be used. */
async function preJoin() {
  const check = await screen.findByTestId('pre-join-screen');
  await waitFor(() => expect(within(check).getByRole('switch', { name: 'Join with camera on' })).toBeEnabled());
  return check;
}

test('a video call stops at the pre-join check: preview, switches, pickers, effects; focus on its heading', async () => {
  const { call, route, sdk } = await home();
  await call(ADELE, true);
  const check = await preJoin();
  expect(route()).toBe('pre-join');
  expect(check).toHaveAttribute('data-kind', 'video-call');
  // Nothing is dialled while the user checks.
  expect(sdk.agent.placed).toEqual([]);
  const heading = within(check).getByRole('heading', { level: 2 });
  expect(heading).toHaveTextContent('Join Unnamed person (…-adele)');
  await waitFor(() => expect(heading).toHaveFocus());
  // Asked for "Video call": the camera starts on, and its preview runs.
  expect(within(check).getByRole('switch', { name: 'Join with camera on' })).toBeChecked();
  expect(within(check).getByRole('switch', { name: 'Join with microphone on' })).toBeChecked();
  await waitFor(() => expect(within(check).getByTestId('local-preview')).toHaveAttribute('data-status', 'on'));
  for (const picker of ['Microphone', 'Speaker', 'Camera']) {
    expect(within(check).getByRole('combobox', { name: picker })).toBeEnabled();
  }
  expect(within(check).getByRole('radio', { name: 'Blur' })).toBeEnabled();
  expect(within(check).getByRole('checkbox', { name: "Don't show this again for video calls" })).not.toBeChecked();
});

test('Join now starts the call muted and without video when that is what was chosen', async () => {
  const { call, route, sdk, services, user } = await home();
  await call(ADELE, true);
  const check = await preJoin();
  await user.click(within(check).getByRole('switch', { name: 'Join with microphone on' }));
  await user.click(within(check).getByRole('switch', { name: 'Join with camera on' }));
  await waitFor(() => expect(within(check).getByTestId('local-preview')).toHaveAttribute('data-status', 'off'));
  await user.click(within(check).getByRole('button', { name: 'Join now' }));

  await waitFor(() => expect(route()).toBe('in-call'));
  const placed = sdk.agent.placed;
  expect(placed).toHaveLength(1);
  expect(placed[0]?.participants).toEqual([{ communicationUserId: ADELE }]);
  expect(placed[0]?.options?.audioOptions).toEqual({ muted: true });
  expect(placed[0]?.options?.videoOptions).toBeUndefined();
  expect(services.calling.getState().call).toMatchObject({ isMuted: true, isCameraOn: false });
  expect(services.calling.getState().preJoin).toBeNull();
});

test('Join now starts the call with the camera, microphone and background chosen there', async () => {
  const { call, route, sdk, services, user } = await home();
  await call(GROUP, true);
  const check = await preJoin();
  expect(check).toHaveAttribute('data-kind', 'meeting');
  await user.selectOptions(within(check).getByRole('combobox', { name: 'Camera' }), 'camera:usb');
  await user.selectOptions(within(check).getByRole('combobox', { name: 'Microphone' }), 'microphone:headset');
  await user.click(within(check).getByRole('radio', { name: 'Blur' }));
  await user.click(within(check).getByRole('button', { name: 'Join now' }));

  await waitFor(() => expect(route()).toBe('in-call'));
  const placed = sdk.agent.placed[0];
  expect(placed?.locator).toEqual({ groupId: GROUP });
  expect(placed?.options?.audioOptions).toEqual({ muted: false });
  const [stream] = (placed?.options?.videoOptions?.localVideoStreams ?? []) as FakeLocalVideoStream[];
  expect(stream?.source.id).toBe('camera:usb');
  expect(sdk.deviceManager.selectedMicrophone?.id).toBe('microphone:headset');
  await waitFor(() => expect(stream?.effects?.activeEffects).toEqual(['BackgroundBlur']));
  expect(services.calling.getState().call).toMatchObject({ isMuted: false, isCameraOn: true });
});

test('Cancel and Escape go back to the page the user was on, and dial nothing', async () => {
  const { call, route, sdk, services, user } = await home();
  await call(ADELE, true);
  let check = await preJoin();
  await user.click(within(check).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(route()).toBe('home'));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Make a call' })).toHaveFocus());

  // A call link arrives while the settings page is open: Escape on its check returns there.
  await user.click(screen.getByRole('button', { name: appStrings.settings }));
  await waitFor(() => expect(route()).toBe('settings'));
  await act(() => services.calling.actions.placeCall({ kind: 'room', roomId: '99466898241024408' }, { video: false }));
  check = await preJoin();
  // Placed as an audio call: the meeting's check starts with the camera off.
  expect(within(check).getByRole('switch', { name: 'Join with camera on' })).not.toBeChecked();
  await waitFor(() => expect(within(check).getByRole('heading', { level: 2 })).toHaveFocus());
  await user.keyboard('{Escape}');
  await waitFor(() => expect(route()).toBe('settings'));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings' })).toHaveFocus());
  expect(sdk.agent.placed).toEqual([]);
});

test('"Don\'t show this again" skips the check for that kind of call only, and is kept across a restart', async () => {
  const first = await home();
  await first.call(ADELE, true);
  const check = await preJoin();
  await first.user.click(within(check).getByRole('checkbox', { name: "Don't show this again for video calls" }));
  await first.user.click(within(check).getByRole('button', { name: 'Join now' }));
  await waitFor(() => expect(first.route()).toBe('in-call'));
  expect(JSON.parse(first.storage.get(PRE_JOIN_SETTINGS_KEY) ?? '{}')).toEqual({ 'video-call': false, meeting: true });
  cleanup();

  // Restarted with what the window's localStorage kept. A meeting is another kind: its check shows.
  const second = await home({ storage: first.storage });
  await second.call(GROUP, false);
  expect((await preJoin()).getAttribute('data-kind')).toBe('meeting');
  await second.user.keyboard('{Escape}');
  await waitFor(() => expect(second.route()).toBe('home'));
  // A video call to a person starts at once, with its camera.
  await second.call(ADELE, true);
  await waitFor(() => expect(second.route()).toBe('in-call'));
  expect(screen.queryByTestId('pre-join-screen')).toBeNull();
  expect(second.sdk.agent.placed[0]?.participants).toEqual([{ communicationUserId: ADELE }]);
  expect(second.sdk.agent.placed[0]?.options?.videoOptions?.localVideoStreams).toHaveLength(1);
});

test('Settings → Before calls turns a skipped check back on, and remembers it', async () => {
  const storage = new Map([[PRE_JOIN_SETTINGS_KEY, JSON.stringify({ 'video-call': false, meeting: true })]]);
  const { services, user, route } = await home({ storage });
  await user.click(screen.getByRole('button', { name: appStrings.settings }));
  const settings = await screen.findByRole('region', { name: 'Before calls' }, { timeout: 20_000 });
  const videoCalls = within(settings).getByRole('switch', { name: 'Check camera and microphone before video calls' });
  expect(videoCalls).not.toBeChecked();
  expect(within(settings).getByRole('switch', { name: 'Check camera and microphone before meetings' })).toBeChecked();
  await user.click(videoCalls);
  expect(videoCalls).toBeChecked();
  expect(JSON.parse(storage.get(PRE_JOIN_SETTINGS_KEY) ?? '{}')).toEqual({ 'video-call': true, meeting: true });
  // The next video call stops at the check again, over the page it was placed from.
  await act(() =>
    services.calling.actions.placeCall({ kind: 'acs-user', communicationUserId: ADELE }, { video: true }),
  );
  expect((await preJoin()).getAttribute('data-kind')).toBe('video-call');
  expect(route()).toBe('pre-join');
});

test('audio calls to a person and to a phone number start at once, without the check', async () => {
  const { call, route, sdk, services } = await home();
  await call('+1 425 555 0100', false);
  await waitFor(() => expect(route()).toBe('in-call'));
  expect(sdk.agent.placed[0]?.participants).toEqual([{ phoneNumber: '+14255550100' }]);
  expect(screen.queryByTestId('pre-join-screen')).toBeNull();
  await act(() => services.calling.actions.hangUp());
  await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
  await waitFor(() => expect(route()).toBe('home'));

  await call(ADELE, false);
  await waitFor(() => expect(route()).toBe('in-call'));
  expect(sdk.agent.placed[1]?.participants).toEqual([{ communicationUserId: ADELE }]);
  expect(screen.queryByTestId('pre-join-screen')).toBeNull();
});

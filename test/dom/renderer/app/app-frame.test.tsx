import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { chooseRoute } from '../../../../renderer/app/routes';
import { agentStrings, appStrings } from '../../../../renderer/strings';
import { FakeCallingSdk } from '../../../support/fake-calling-sdk';
import { createFakeBridge, signedInSession } from './fake-bridge';
import { renderApp } from './render-app';

test('restoring, then the sign-in screen when nobody is signed in', async () => {
  renderApp();
  expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'restoring');
  expect(await screen.findByRole('heading', { name: 'Sign in to Switchboard' })).toBeVisible();
  expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'sign-in');
});

test('signed in at start-up: home, the agent connects, and the status line clears', async () => {
  const { services } = renderApp(createFakeBridge(signedInSession()));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'connected'));
  expect(screen.getByTestId('agent-status')).toHaveTextContent('');
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  // The camera and audio check is a page of its own, not part of the home screen.
  expect(screen.queryByTestId('device-setup')).toBeNull();
});

/** An SDK import the test finishes by hand. */
function heldSdk(sdk = new FakeCallingSdk('8:acs:me')) {
  let finish!: (outcome: FakeCallingSdk | Error) => void;
  const loaded = new Promise<FakeCallingSdk>((resolve, reject) => {
    finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
  });
  return { sdk, load: () => loaded, finish };
}

test('restored session: the screens wait for the SDK while the shell says what is happening', async () => {
  const held = heldSdk();
  const { services } = renderApp(createFakeBridge(signedInSession()), held.sdk, held.load);
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
  expect(screen.getByTestId('agent-status')).toHaveTextContent(appStrings.sdkLoading);
  expect(screen.getByText(appStrings.loadingScreen)).toBeVisible();
  expect(screen.getByRole('button', { name: appStrings.settings })).toBeVisible();
  expect(screen.queryByTestId('dialer-screen')).toBeNull();
  held.finish(held.sdk);
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  await act(() => services.calling.settled());
  expect(screen.queryByText(appStrings.loadingScreen)).toBeNull();
});

test('restored session, slow backend: the screens wait for the SDK, not for the token', async () => {
  const held = heldSdk();
  const bridge = createFakeBridge(signedInSession());
  // main is still refreshing: the first token does not come during this test.
  bridge.getToken = () => new Promise(() => {});
  renderApp(bridge, held.sdk, held.load);
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'loading-sdk'));
  expect(screen.queryByTestId('dialer-screen')).toBeNull();
  held.finish(held.sdk);
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  expect(screen.getByTestId('agent-status')).toHaveTextContent(appStrings.sdkLoading);
});

test('signed out: the sign-in screen does not wait for the SDK', async () => {
  const held = heldSdk();
  renderApp(createFakeBridge(), held.sdk, held.load);
  expect(await screen.findByRole('heading', { name: 'Sign in to Switchboard' })).toBeVisible();
});

test('once shown, the screens stay while a sign-in loads the SDK', async () => {
  const held = heldSdk();
  const bridge = createFakeBridge();
  const { services } = renderApp(bridge, held.sdk, held.load);
  await screen.findByRole('heading', { name: 'Sign in to Switchboard' });
  act(() => bridge.emitSession(signedInSession()));
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'loading-sdk');
  held.finish(held.sdk);
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'connected'));
  expect(screen.getByTestId('dialer-screen')).toBeVisible();
});

test('restored session: an SDK that fails to load releases the screens with the reason', async () => {
  const held = heldSdk();
  renderApp(createFakeBridge(signedInSession()), held.sdk, held.load);
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'loading-sdk'));
  held.finish(new Error('chunk missing'));
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'failed');
  expect(await screen.findByText(agentStrings.sdkFailed('chunk missing'), { exact: false })).toBeVisible();
});

test('the status line keeps its place while the SDK loads and after (no layout shift)', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  let release!: () => void;
  sdk.agentGate = new Promise((resolve) => {
    release = resolve;
  });
  const { services } = renderApp(createFakeBridge(signedInSession()), sdk);
  const line = await screen.findByTestId('agent-status');
  await waitFor(() => expect(line).toHaveTextContent(appStrings.agentConnecting));
  release();
  await act(() => services.calling.settled());
  // Same element, still in the document: the slot stays, only its text changes.
  expect(screen.getByTestId('agent-status')).toBe(line);
  expect(line).toHaveTextContent('');
});

test('"cannot reach Azure Communication Services", once, on home and in settings, when the agent comes up disconnected', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.nextConnectionState = 'Disconnected';
  renderApp(createFakeBridge(signedInSession()), sdk);
  // Home: the dialer shows it beside the call box; the frame does not repeat it.
  expect(await screen.findByTestId('agent-banner')).toHaveTextContent(agentStrings.unreachable);
  expect(screen.queryByTestId('acs-unreachable-banner')).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: appStrings.settings }));
  await screen.findByRole('heading', { name: 'Settings' });
  expect(screen.getByTestId('acs-unreachable-banner')).toHaveTextContent(agentStrings.unreachable);
  expect(screen.queryByTestId('agent-banner')).toBeNull();
});

test('development-mode and no-keychain banners follow the session', async () => {
  renderApp(createFakeBridge(signedInSession({ offlineDevelopment: true, remembered: false })));
  expect(await screen.findByTestId('offline-development-banner')).toHaveTextContent(appStrings.offlineDevelopment);
  expect(screen.getByTestId('keychain-banner')).toHaveTextContent('sign-in will not be remembered');
});

test('a revoked session returns to sign-in with the reason, and the banner can be dismissed', async () => {
  const bridge = createFakeBridge(signedInSession());
  const { services, sdk } = renderApp(bridge);
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
  await act(() => services.calling.settled());
  act(() => bridge.emitSession({ status: 'signed-out', reason: 'revoked' }));
  expect(await screen.findByTestId('session-ended-banner')).toHaveTextContent(appStrings.sessionEnded.revoked);
  expect(screen.getByRole('heading', { name: 'Sign in to Switchboard' })).toBeVisible();
  await act(() => services.calling.settled());
  expect(sdk.agent.disposed).toBe(true);
  await userEvent.click(screen.getByRole('button', { name: appStrings.dismiss }));
  expect(screen.queryByTestId('session-ended-banner')).toBeNull();
});

test('the message main sends with a session end wins over the generic sentence', async () => {
  renderApp(
    createFakeBridge({ status: 'signed-out', reason: 'revoked', message: 'Your administrator revoked your session.' }),
  );
  expect(await screen.findByTestId('session-ended-banner')).toHaveTextContent(
    'Your administrator revoked your session.',
  );
});

test('settings opens from the header and returns', async () => {
  renderApp(createFakeBridge(signedInSession()));
  await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
  expect(await screen.findByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(screen.queryByRole('button', { name: appStrings.devices })).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: appStrings.backToCalls }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
});

test('camera and audio opens from the header, with the agent banner, and returns to the dialer', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.nextConnectionState = 'Disconnected';
  const { services } = renderApp(createFakeBridge(signedInSession()), sdk);
  await act(() => services.calling.settled());
  await userEvent.click(await screen.findByRole('button', { name: appStrings.devices }));
  expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'devices');
  expect(await screen.findByTestId('device-setup')).toBeVisible();
  expect(screen.getByRole('heading', { name: 'Camera and audio' })).toBeVisible();
  expect(screen.queryByTestId('dialer-screen')).toBeNull();
  expect(screen.getByTestId('acs-unreachable-banner')).toHaveTextContent(agentStrings.unreachable);
  expect(screen.queryByRole('button', { name: appStrings.settings })).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: appStrings.backToCalls }));
  expect(await screen.findByTestId('dialer-screen')).toBeVisible();
  expect(screen.queryByTestId('device-setup')).toBeNull();
});

test('an incoming call takes over the window, and a call in progress shows the in-call screen', async () => {
  const { sdk, services } = renderApp(createFakeBridge(signedInSession()));
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'connected'));
  act(() => void sdk.agent.remoteRing('8:acs:carol', 'Carol'));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'incoming'));
  await act(() => services.calling.actions.accept(services.calling.getState().incoming[0]?.id ?? '', { video: false }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'in-call'));
});

test('routes: ringing beats a call, a call beats the pages opened from the header', () => {
  const signedIn = signedInSession();
  const call = { id: 'c' } as never;
  const ringing = [{ id: 'i', callerId: 'x', callerDisplayName: 'x' }];
  expect(chooseRoute(signedIn, { call, incoming: ringing, preJoin: null }, 'settings')).toBe('incoming');
  expect(chooseRoute(signedIn, { call, incoming: [], preJoin: null }, 'devices')).toBe('in-call');
  expect(chooseRoute(signedIn, { call: null, incoming: [], preJoin: null }, 'settings')).toBe('settings');
  expect(chooseRoute(signedIn, { call: null, incoming: [], preJoin: null }, 'devices')).toBe('devices');
  expect(chooseRoute(signedIn, { call: null, incoming: [], preJoin: null }, null)).toBe('home');
  expect(chooseRoute({ status: 'signed-out' }, { call, incoming: ringing, preJoin: null }, 'devices')).toBe('sign-in');
  // A call waiting on its pre-join check covers the page it was placed from; ringing and a call beat it.
  const preJoin = {
    kind: 'meeting',
    target: { kind: 'room', roomId: '99466898241024408' },
    title: null,
    video: false,
  } as const;
  expect(chooseRoute(signedIn, { call: null, incoming: [], preJoin }, 'settings')).toBe('pre-join');
  expect(chooseRoute(signedIn, { call: null, incoming: ringing, preJoin }, null)).toBe('incoming');
  expect(chooseRoute(signedIn, { call, incoming: [], preJoin }, null)).toBe('in-call');
});

test('focus moves to each new screen, never to <body>; in a call the app header and status line are gone', async () => {
  const { sdk, services } = renderApp(createFakeBridge(signedInSession()));
  await act(() => services.calling.settled());
  await screen.findByTestId('dialer-screen');
  const user = userEvent.setup();

  await user.click(screen.getByRole('button', { name: appStrings.settings }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings' })).toHaveFocus());
  await user.click(screen.getByRole('button', { name: appStrings.backToCalls }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Make a call' })).toHaveFocus());

  // A call opens: the stage gets the window, and focus goes to the call's heading.
  await act(() =>
    services.calling.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false }),
  );
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'in-call'));
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Unnamed person (…bob)');
  expect(screen.queryByRole('heading', { name: appStrings.appName })).toBeNull();
  expect(screen.queryByTestId('agent-status')).toBeNull();

  // Ringing takes the window and focuses Accept; declining returns to the call, focused again.
  act(() => void sdk.agent.remoteRing('8:acs:carol', 'Carol'));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'incoming'));
  await waitFor(() =>
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Hold and accept: put your current call on hold and accept Carol',
    ),
  );
  await user.click(screen.getByRole('button', { name: 'Decline: the call from Carol' }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'in-call'));
  await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());

  // The call ends: Close has focus; closing returns to the home screen's heading.
  await act(() => services.calling.actions.hangUp());
  await waitFor(() => expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus());
  await user.click(screen.getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Make a call' })).toHaveFocus());
  expect(screen.getByRole('heading', { name: appStrings.appName })).toBeVisible();
}, 60_000);

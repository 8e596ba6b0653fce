/**
 * Calling's state where calls are placed: a progress bar while the call agent connects, and once
 * Azure Communication Services stays unreachable, advice that fits the backend and "Try again",
 * which creates the agent afresh through the calling layer.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InCallScreen } from '../../../../renderer/screens/in-call/InCallScreen';
import { agentStrings, appStrings } from '../../../../renderer/strings';
import { FakeCallingSdk } from '../../../support/fake-calling-sdk';
import { callView, FakeCallingStore } from '../screens/support/fake-calling-store';
import { renderScreen } from '../screens/support/render';
import { createFakeBridge, signedInSession } from './fake-bridge';
import { renderApp } from './render-app';

test('while the agent connects the dialer shows a progress bar, gone once connected', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  let release!: () => void;
  sdk.agentGate = new Promise((resolve) => {
    release = resolve;
  });
  const { services } = renderApp(createFakeBridge(signedInSession()), sdk);
  const progress = await screen.findByRole('progressbar', { name: agentStrings.connecting });
  expect(progress).toBeVisible();
  expect(screen.getByText(agentStrings.connectingHint)).toBeVisible();
  release();
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
});

test('"Try again" disposes the unreachable agent and creates a new one, which connects', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.nextConnectionState = 'Disconnected';
  const { services } = renderApp(createFakeBridge(signedInSession()), sdk);
  const banner = await screen.findByTestId('agent-banner');
  expect(banner).toHaveTextContent(agentStrings.unreachable);
  const first = sdk.agent;
  sdk.nextConnectionState = 'Connected';
  await userEvent.click(within(banner).getByRole('button', { name: agentStrings.retry }));
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'connected'));
  expect(first.disposed).toBe(true);
  expect(sdk.agent).not.toBe(first);
  expect(screen.queryByTestId('agent-banner')).toBeNull();
});

test('an agent that failed to start offers "Try again" too', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  let attempts = 0;
  const bridge = createFakeBridge(signedInSession());
  const getToken = bridge.getToken.bind(bridge);
  bridge.getToken = async (signal) => {
    attempts += 1;
    if (attempts === 1) throw new Error('backend down');
    return getToken(signal);
  };
  const { services } = renderApp(bridge, sdk);
  const banner = await screen.findByTestId('agent-banner');
  expect(banner).toHaveTextContent(agentStrings.tokenFailed('backend down'));
  await userEvent.click(within(banner).getByRole('button', { name: agentStrings.retry }));
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'connected'));
  expect(attempts).toBe(2);
});

test('development mode: one message, that calls will not connect, and no "check your internet connection"', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.nextConnectionState = 'Disconnected';
  const { services } = renderApp(createFakeBridge(signedInSession({ offlineDevelopment: true })), sdk);
  await act(() => services.calling.settled());
  await waitFor(() => expect(screen.getByTestId('agent-status')).toHaveAttribute('data-agent', 'unreachable'));
  expect(await screen.findByTestId('offline-development-banner')).toHaveTextContent(appStrings.offlineDevelopment);
  expect(screen.queryByTestId('agent-banner')).toBeNull();
  expect(document.body).not.toHaveTextContent(/internet/i);
  // The other pages show no second banner for it either.
  await userEvent.click(screen.getByRole('button', { name: appStrings.settings }));
  await screen.findByRole('heading', { name: 'Settings' });
  expect(screen.queryByTestId('acs-unreachable-banner')).toBeNull();
});

test('a backend on this computer: no "check your internet connection" either', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.nextConnectionState = 'Disconnected';
  renderApp(createFakeBridge(signedInSession({ backendUrl: 'http://localhost:8787' })), sdk);
  const banner = await screen.findByTestId('agent-banner');
  expect(banner).toHaveTextContent(agentStrings.unreachableLoopback);
  expect(banner).not.toHaveTextContent(/internet/i);
});

test('during a call no "Try again": a new agent would end the call, so the SDK reconnects it', async () => {
  const store = new FakeCallingStore();
  store.setState({
    agent: 'unreachable',
    agentMessage: agentStrings.unreachable,
    call: callView({ status: 'reconnecting' }),
  });
  renderScreen(<InCallScreen />, store);
  expect(await screen.findByTestId('agent-banner')).toHaveTextContent(agentStrings.unreachable);
  expect(screen.queryByRole('button', { name: agentStrings.retry })).toBeNull();
});

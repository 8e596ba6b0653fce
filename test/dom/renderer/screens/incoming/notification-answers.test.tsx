/**
 * Answering from the OS notification (Windows toasts, macOS): main relays the button to the
 * ringing card, which answers exactly as its own buttons do.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { IncomingCallScreen } from '../../../../../renderer/screens/incoming/IncomingCallScreen';
import { createFakeDesktopBridge } from '../../desktop/fake-desktop-bridge';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, incomingCall } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

function setup(store: FakeCallingStore) {
  const bridge = installFakeBridge();
  const desktop = createFakeDesktopBridge();
  bridge.bridge.desktop = desktop.bridge;
  renderScreen(<IncomingCallScreen />, store, bridge.bridge);
  return { bridge, desktop, store };
}

describe('answering from the incoming call notification', () => {
  test('Accept answers with audio, as the card’s Accept does', async () => {
    const { desktop, store } = setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    act(() => desktop.answerFromNotification('incoming-1', 'accept'));
    await waitFor(() => expect(store.callsOf('accept')).toEqual([['incoming-1', { video: false }]]));
  });

  test('during a call, Accept holds the current call first', async () => {
    const { desktop, store } = setup(
      new FakeCallingStore({ call: callView({ status: 'connected' }), incoming: [incomingCall()] }),
    );
    act(() => desktop.answerFromNotification('incoming-1', 'accept'));
    await waitFor(() => expect(store.callsOf('holdAndAccept')).toEqual([['incoming-1', { video: false }]]));
  });

  test('Decline rejects and records the call as declined', async () => {
    const { desktop, store, bridge } = setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    act(() => desktop.answerFromNotification('incoming-1', 'decline'));
    await waitFor(() => expect(store.callsOf('reject')).toEqual([['incoming-1']]));
    await waitFor(() => expect(bridge.recorded).toMatchObject([{ outcome: 'declined', title: 'Megan Bowen' }]));
  });

  test('a click on the notification puts focus on the ringing card’s Accept', () => {
    const { desktop } = setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    const accept = screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' });
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(accept).not.toHaveFocus();
    act(() => desktop.answerFromNotification('incoming-1', 'show'));
    expect(accept).toHaveFocus();
  });

  test('an answer for a call that is not ringing here does nothing', async () => {
    const { desktop, store } = setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    act(() => desktop.answerFromNotification('incoming-9', 'accept'));
    act(() => desktop.answerFromNotification('incoming-9', 'decline'));
    expect(store.callsOf('accept')).toEqual([]);
    expect(store.callsOf('reject')).toEqual([]);
  });
});

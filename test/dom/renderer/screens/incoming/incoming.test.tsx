import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { loadPhoneNumbers } from '../../../../../renderer/calling/phone-numbers-loader';
import { IncomingCallScreen } from '../../../../../renderer/screens/incoming/IncomingCallScreen';
import { type FakeBridge, installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, incomingCall } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Under a full `npm test` (every project at once on 2 cores) typing and popovers can take longer
// than vitest's default 5 s: these tests wait on conditions, never on time.
vi.setConfig({ testTimeout: 30_000 });

let bridge: FakeBridge;

function setup(store: FakeCallingStore) {
  bridge = installFakeBridge();
  const user = userEvent.setup({ delay: null });
  renderScreen(<IncomingCallScreen />, store, bridge.bridge);
  return { store, user };
}

describe('IncomingCallScreen', () => {
  test('a phone caller shows the number formatted under their name', async () => {
    await loadPhoneNumbers();
    setup(new FakeCallingStore({ incoming: [incomingCall({ callerId: '4:+14255550123' })] }));
    expect(screen.getByRole('alertdialog', { name: 'Megan Bowen is calling' })).toHaveTextContent('+1 425 555 0123');
  });

  test('several ringing: the screen says who else is calling', () => {
    setup(
      new FakeCallingStore({
        incoming: [
          incomingCall(),
          incomingCall({ id: 'incoming-2', callerDisplayName: 'Lee Gu' }),
          incomingCall({ id: 'incoming-3', callerDisplayName: 'Alex Wilber' }),
        ],
      }),
    );
    expect(screen.getByTestId('also-calling')).toHaveTextContent('Lee Gu and 1 other are also calling.');
  });

  test('shows who is calling, with accept (audio, video) and decline', () => {
    setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    const dialog = screen.getByRole('alertdialog', { name: 'Megan Bowen is calling' });
    expect(dialog).toHaveTextContent('Megan Bowen');
    // Names, not ids: the 8:acs: id is for calling back, not for reading.
    expect(dialog).not.toHaveTextContent('8:acs:');
    expect(screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Accept with video: the call from Megan Bowen' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Decline: the call from Megan Bowen' })).toBeVisible();
  });

  test('accept with audio / with video call the layer with the right options', async () => {
    const store = new FakeCallingStore({
      incoming: [incomingCall(), incomingCall({ id: 'incoming-2', callerDisplayName: 'Lee Gu' })],
    });
    const { user } = setup(store);
    expect(screen.getByText('Lee Gu is also calling.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Accept with video: the call from Megan Bowen' }));
    expect(store.callsOf('accept')).toEqual([['incoming-1', { video: true }]]);
    // The next ringing call takes its place; now that a call is in progress, accepting holds it first.
    await user.click(
      await screen.findByRole('button', { name: 'Hold and accept: put your current call on hold and accept Lee Gu' }),
    );
    expect(store.callsOf('holdAndAccept')).toEqual([['incoming-2', { video: false }]]);
  });

  test('decline rejects the call and records it as declined', async () => {
    const store = new FakeCallingStore({ incoming: [incomingCall()] });
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Decline: the call from Megan Bowen' }));
    expect(store.callsOf('reject')).toEqual([['incoming-1']]);
    await waitFor(() =>
      expect(bridge.recorded).toMatchObject([{ outcome: 'declined', title: 'Megan Bowen', direction: 'incoming' }]),
    );
  });

  test('a call that stops ringing unanswered is recorded as missed', async () => {
    const store = new FakeCallingStore({
      incoming: [incomingCall({ callerId: '+14255550100', callerDisplayName: '' })],
    });
    setup(store);
    act(() => store.setState({ incoming: [] }));
    await waitFor(() =>
      expect(bridge.recorded).toMatchObject([{ outcome: 'missed', target: { kind: 'phone', e164: '+14255550100' } }]),
    );
  });

  test('during a call, the answers are hold-and-accept (audio, video) or decline', async () => {
    const store = new FakeCallingStore({ call: callView(), incoming: [incomingCall()] });
    const { user } = setup(store);
    expect(screen.getByRole('alertdialog', { name: 'Megan Bowen is calling while you are in a call' })).toBeVisible();
    await user.click(
      screen.getByRole('button', { name: 'Hold and accept: put your current call on hold and accept Megan Bowen' }),
    );
    expect(store.callsOf('holdAndAccept')).toEqual([['incoming-1', { video: false }]]);
    expect(store.callsOf('accept')).toEqual([['incoming-1', { video: false }]]);
  });

  test('Ctrl+Shift+A accepts with audio, Ctrl+Shift+D declines; the tooltip shows the shortcut', async () => {
    const store = new FakeCallingStore({
      incoming: [incomingCall(), incomingCall({ id: 'incoming-2', callerDisplayName: 'Lee Gu' })],
    });
    const { user } = setup(store);
    const accept = screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' });
    expect(accept).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+A');
    await user.hover(accept);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Accept (Ctrl+Shift+A)');
    fireEvent.keyDown(window, { key: 'A', code: 'KeyA', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(store.callsOf('accept')).toEqual([['incoming-1', { video: false }]]));
    await screen.findByRole('alertdialog', { name: 'Lee Gu is calling while you are in a call' });
    fireEvent.keyDown(window, { key: 'D', code: 'KeyD', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(store.callsOf('reject')).toEqual([['incoming-2']]));
  });

  test('a failed answer says why', async () => {
    const store = new FakeCallingStore({ incoming: [incomingCall()] });
    store.failNext.accept = 'That call is no longer ringing.';
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That did not work: That call is no longer ringing.');
  });

  test('the ringing screen takes focus on Accept, so Enter answers', async () => {
    const store = new FakeCallingStore({ incoming: [incomingCall()] });
    const { user } = setup(store);
    expect(screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(store.callsOf('accept')).toEqual([['incoming-1', { video: false }]]);
  });

  test('every control is reachable with Tab', async () => {
    const { user } = setup(new FakeCallingStore({ incoming: [incomingCall()] }));
    (document.activeElement as HTMLElement | null)?.blur();
    const reached: string[] = [];
    for (let i = 0; i < 3; i++) {
      await user.tab();
      reached.push(document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(reached).toEqual([
      'Accept with video: the call from Megan Bowen',
      'Accept: the call from Megan Bowen, audio only',
      'Decline: the call from Megan Bowen',
    ]);
  });
});

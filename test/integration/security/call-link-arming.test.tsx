/**
 * Finding 3 (issue 13): a call link must not be dialled by a stray keystroke. Main brings the
 * window forward for a link someone else chose; "Don't call" has the focus, and Call / Call with
 * video work only once the dialog has been visible and focused for ARM_DELAY_MS without a break.
 * An injected clock drives the wait (no sleeps); the window's focus and visibility are the real
 * DOM events, with `document.hasFocus()` and `visibilityState` reporting what the test set.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DesktopIntegration } from '../../../renderer/desktop/DesktopIntegration';
import {
  ARM_DELAY_MS,
  type ArmingClock,
  ArmingClockContext,
} from '../../../renderer/desktop/use-armed-after-attention';
import { createFakeBridge } from '../../dom/renderer/app/fake-bridge';
import { createFakeDesktopBridge } from '../../dom/renderer/desktop/fake-desktop-bridge';
import { FakeCallingStore } from '../../dom/renderer/screens/support/fake-calling-store';
import { renderScreen } from '../../dom/renderer/screens/support/render';

let focused = true;
let visibility: DocumentVisibilityState = 'visible';

/** A clock that moves only when the test says so. */
function manualClock(): ArmingClock & { advance(ms: number): void; readonly waiting: number } {
  let now = 0;
  let pending: Array<{ due: number; run: () => void }> = [];
  return {
    after(ms, run) {
      const entry = { due: now + ms, run };
      pending.push(entry);
      return () => {
        pending = pending.filter((p) => p !== entry);
      };
    },
    get waiting() {
      return pending.length;
    },
    advance(ms) {
      now += ms;
      const due = pending.filter((p) => p.due <= now);
      pending = pending.filter((p) => p.due > now);
      for (const entry of due) entry.run();
    },
  };
}

let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  clock = manualClock();
  focused = true;
  visibility = 'visible';
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function linkDialog(target: string, source: 'switchboard' | 'tel' | 'callto' = 'switchboard') {
  const store = new FakeCallingStore();
  const fake = createFakeDesktopBridge();
  fake.sendLink(target, source);
  const bridge = createFakeBridge();
  bridge.desktop = fake.bridge;
  renderScreen(
    <ArmingClockContext.Provider value={clock}>
      <DesktopIntegration />
    </ArmingClockContext.Provider>,
    store,
    bridge,
  );
  const dialog = await screen.findByRole('alertdialog', { name: 'Call from a link?' });
  await within(dialog).findByTestId('call-link-target');
  // The wait is scheduled in an effect, which React may run just after the target appears.
  if (focused && visibility === 'visible') await waitFor(() => expect(clock.waiting).toBe(1));
  return { store, dialog };
}

const advance = (ms: number) => act(() => clock.advance(ms));

describe.each([
  ['switchboard', '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele'],
  ['tel', '+14255550100'],
  ['callto', '+14255550100'],
] as const)('a %s: link', (source, target) => {
  test('"Don\'t call" has the focus; Enter and Space dial nothing before the dialog is armed', async () => {
    const { store, dialog } = await linkDialog(target, source);
    const call = within(dialog).getByRole('button', { name: 'Call' });
    const dontCall = within(dialog).getByRole('button', { name: 'Don’t call' });
    expect(dontCall).toHaveFocus();
    expect(call).toBeDisabled();

    // Keystrokes aimed at the Call button while it is disarmed do nothing.
    fireEvent.keyDown(call, { key: 'Enter' });
    fireEvent.click(call);
    expect(store.callsOf('placeCall')).toEqual([]);

    advance(ARM_DELAY_MS - 50);
    expect(call).toBeDisabled();
    advance(50);
    expect(call).toBeEnabled();
    fireEvent.click(call);
    expect(store.callsOf('placeCall')).toHaveLength(1);
  });
});

describe('the wait restarts when the window loses the user', () => {
  test('a blur before the second is up disarms; the full second counts again after focus returns', async () => {
    focused = false;
    const { dialog } = await linkDialog('+14255550100', 'tel');
    const call = within(dialog).getByRole('button', { name: 'Call' });
    // Never focused: no amount of time arms it.
    advance(ARM_DELAY_MS * 5);
    expect(call).toBeDisabled();

    focused = true;
    act(() => window.dispatchEvent(new FocusEvent('focus')));
    advance(ARM_DELAY_MS - 100);
    focused = false;
    act(() => window.dispatchEvent(new FocusEvent('blur')));
    advance(200);
    expect(call).toBeDisabled();

    focused = true;
    act(() => window.dispatchEvent(new FocusEvent('focus')));
    advance(ARM_DELAY_MS - 1);
    expect(call).toBeDisabled();
    advance(1);
    expect(call).toBeEnabled();
  });

  test('hidden (minimised) disarms an armed dialog', async () => {
    const { dialog } = await linkDialog('8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele');
    advance(ARM_DELAY_MS);
    const video = within(dialog).getByRole('button', { name: 'Call with video' });
    expect(video).toBeEnabled();
    visibility = 'hidden';
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(video).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Call' })).toBeDisabled();
  });
});

/**
 * The phone-number library loads on demand (renderer/calling/phone-numbers-loader.ts). Its own
 * file because the loaded library is cached per module graph: here it starts unloaded, and the
 * module is held back until the call box test releases it, so the tests before it see the
 * "checking" state. Any one test also passes alone (none waits for a release it does not make).
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { loadedPhoneNumbers } from '../../../../../renderer/calling/phone-numbers-loader';
import { CallLinkDialog } from '../../../../../renderer/desktop/CallLinkDialog';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { type FakeBridge, installFakeBridge } from '../support/fake-bridge';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

/** The phone-number module resolves only when a test releases it. */
const gate = vi.hoisted(() => {
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release: () => release(), imported: false };
});
vi.mock('../../../../../renderer/calling/phone-numbers', async (importOriginal) => {
  gate.imported = true;
  await gate.opened;
  return importOriginal();
});

let bridge: FakeBridge;

describe('the phone-number library loads when a phone number is in play, not before', () => {
  test('idle home screen with a caller id and a phone number in recents: not loaded', async () => {
    bridge = installFakeBridge({
      callerId: '+14255550123',
      history: {
        recents: [
          {
            id: 'r-1',
            target: { kind: 'phone', e164: '+14255550100' },
            title: '+1 425 555 0100',
            direction: 'outgoing',
            video: false,
            startedAt: Date.now(),
            durationSeconds: 12,
            outcome: 'completed',
          },
        ],
        favourites: [
          {
            id: 'f-1',
            target: { kind: 'room', roomId: '99466898241024408' },
            label: 'Board room',
            addedAt: Date.now(),
          },
        ],
      },
    });
    const user = userEvent.setup({ delay: null });
    renderScreen(<DialerScreen />, new FakeCallingStore(), bridge.bridge);
    await screen.findByRole('list', { name: 'Recent' });
    await screen.findByRole('list', { name: 'Favourites' });
    const box = screen.getByRole('textbox', { name: 'Who do you want to call?' });
    // Pasted, as group ids are: typed digit by digit, its start "292" would look like a number.
    await user.click(box);
    await user.paste('29228d3e-040e-4656-a70e-890ab4e173e5');
    await screen.findByTestId('call-target-understood');
    expect(gate.imported).toBe(false);
    expect(loadedPhoneNumbers()).toBeNull();
  });

  test('a phone link is "checking" with Call disabled, never "cannot be called"', async () => {
    const onDone = vi.fn();
    renderScreen(
      <CallLinkDialog
        link={{ id: 'l-1', source: 'tel', target: '+14255550100', receivedAt: 0 }}
        waiting={0}
        onDone={onDone}
      />,
      new FakeCallingStore(),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Call from a link?' });
    expect(within(dialog).getByTestId('call-link-checking')).toHaveTextContent('Checking the phone number…');
    expect(within(dialog).queryByText(/cannot be called/)).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Call' })).toBeDisabled();
    await waitFor(() => expect(gate.imported).toBe(true));
    await userEvent.setup({ delay: null }).click(within(dialog).getByRole('button', { name: 'Don’t call' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  test('a typed number is "checking" with the call buttons disabled, then understood', async () => {
    bridge = installFakeBridge({ callerId: '+442079460000' });
    const user = userEvent.setup({ delay: null });
    renderScreen(<DialerScreen />, new FakeCallingStore(), bridge.bridge);
    const box = screen.getByRole('textbox', { name: 'Who do you want to call?' });
    await user.type(box, '020 7946 0958{Enter}');
    expect(await screen.findByTestId('call-target-checking')).toHaveTextContent('Checking the phone number…');
    // The load has started (the same signal the idle test checks is still off).
    await waitFor(() => expect(gate.imported).toBe(true));
    // Never an error while checking, even after Enter; nothing to call yet.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/not a valid phone number|Add the country code/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Video call' })).toBeDisabled();

    gate.release();
    await waitFor(() =>
      expect(screen.getByTestId('call-target-understood')).toHaveTextContent('Phone number +44 20 7946 0958'),
    );
    expect(screen.queryByTestId('call-target-checking')).toBeNull();
    expect(screen.getByTestId('caller-id-note')).toHaveTextContent('The person you call sees +44 20 7946 0000.');
    expect(screen.getByRole('button', { name: 'Audio call to +44 20 7946 0958' })).toBeEnabled();
    expect(loadedPhoneNumbers()).not.toBeNull();
  });
});

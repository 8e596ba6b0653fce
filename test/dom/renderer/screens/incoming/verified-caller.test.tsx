import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { DirectoryAvailability } from '../../../../../common/ipc';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { IncomingCallScreen } from '../../../../../renderer/screens/incoming/IncomingCallScreen';
import { ADELE, DIRECTORY_PEOPLE, MEGAN } from '../support/directory-people';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, incomingCall, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

function setup(store: FakeCallingStore, screenUi = <IncomingCallScreen />, availability?: DirectoryAvailability) {
  const fake = installFakeBridge({
    directory: { people: DIRECTORY_PEOPLE, ...(availability ? { availability } : {}) },
  });
  const user = userEvent.setup({ delay: null });
  renderScreen(screenUi, store, fake.bridge);
  return { user, fake };
}

/** Anyone can set any display name: this caller says they are the CEO. */
const spoofed = incomingCall({ callerDisplayName: 'The CEO', callerId: MEGAN.communicationUserId });
const GUEST = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_guest';

describe('an incoming call names the caller as the directory knows them', () => {
  test('a caller the directory knows: their directory name and email, marked verified; the chosen name is not shown', async () => {
    setup(new FakeCallingStore({ incoming: [spoofed] }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Megan Bowen is calling' });
    expect(within(dialog).getByTestId('verified-name')).toHaveTextContent('Verified by your organisation');
    expect(dialog).toHaveTextContent('MeganB@contoso.com');
    expect(dialog).not.toHaveTextContent('The CEO');
    expect(screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' })).toBeVisible();
  });

  test('a caller the directory does not know: their chosen name, said to be unverified, never marked verified', async () => {
    setup(new FakeCallingStore({ incoming: [incomingCall({ callerDisplayName: 'The CEO', callerId: GUEST })] }));
    const dialog = screen.getByRole('alertdialog', { name: 'The CEO is calling' });
    await waitFor(() =>
      expect(within(dialog).getByTestId('unverified-name')).toHaveTextContent(
        'Name chosen by the caller, not verified',
      ),
    );
    expect(within(dialog).queryByTestId('verified-name')).toBeNull();
  });

  test('with no directory (open sign-in) the chosen name is shown as it is: neither verified nor flagged', async () => {
    const { fake } = setup(new FakeCallingStore({ incoming: [spoofed] }), <IncomingCallScreen />, {
      available: false,
      reason: 'open-sign-in',
    });
    const dialog = screen.getByRole('alertdialog', { name: 'The CEO is calling' });
    // Let main's answer about the directory land (a resolved promise: one flush, no waiting on time).
    await act(async () => {});
    expect(fake.bridge.directoryState.resolves).toEqual([]);
    expect(within(dialog).queryByTestId('verified-name')).toBeNull();
    expect(within(dialog).queryByTestId('unverified-name')).toBeNull();
  });

  test('a declined call is kept in recents under the directory name, not the chosen one', async () => {
    const { user, fake } = setup(new FakeCallingStore({ incoming: [spoofed] }));
    await screen.findByRole('alertdialog', { name: 'Megan Bowen is calling' });
    await user.click(screen.getByRole('button', { name: 'Decline: the call from Megan Bowen' }));
    await waitFor(() =>
      expect(fake.recorded).toEqual([
        expect.objectContaining({
          title: 'Megan Bowen',
          target: { kind: 'acs-user', communicationUserId: MEGAN.communicationUserId },
          outcome: 'declined',
        }),
      ]),
    );
  });
});

describe('in a call, participants the directory knows are named by it', () => {
  test('a 1:1 call: header and tile say the directory name, marked verified; the chosen name is gone', async () => {
    setup(
      new FakeCallingStore({
        call: callView({
          title: 'adele-laptop',
          participants: [participant(ADELE.communicationUserId, 'adele-laptop')],
        }),
      }),
      <InCallScreen />,
    );
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Adele Vance'));
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('img', { name: 'Verified by your organisation' })).toBeVisible();
    const tile = screen.getByTestId('stage-tile');
    expect(tile).toHaveTextContent('Adele Vance');
    expect(within(tile).getByRole('img', { name: 'Verified by your organisation' })).toBeVisible();
    expect(screen.queryByText('adele-laptop')).toBeNull();
  });

  test('the people pane marks the people the directory knows, and only them', async () => {
    const { user } = setup(
      new FakeCallingStore({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          participants: [participant(ADELE.communicationUserId, 'Adele V'), participant(GUEST, 'A guest')],
        }),
      }),
      <InCallScreen />,
    );
    await user.click(screen.getByRole('button', { name: 'People' }));
    const panel = screen.getByRole('complementary', { name: /People in the call/ });
    const rows = () => within(panel).getAllByTestId('participant');
    await waitFor(() => expect(rows()[1]).toHaveTextContent('Adele Vance'));
    expect(within(rows()[1] as HTMLElement).getByRole('img', { name: 'Verified by your organisation' })).toBeVisible();
    expect(rows()[2]).toHaveTextContent('A guest');
    expect(within(rows()[2] as HTMLElement).queryByRole('img', { name: 'Verified by your organisation' })).toBeNull();
  });

  test('an ended call is kept in recents under the directory name', async () => {
    const store = new FakeCallingStore({
      call: callView({ title: 'adele-laptop', participants: [participant(ADELE.communicationUserId, 'adele-laptop')] }),
    });
    const { fake } = setup(store, <InCallScreen />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Adele Vance'));
    store.setState({ call: callView({ title: 'adele-laptop', status: 'ended', participants: [] }) });
    await waitFor(() => expect(fake.recorded).toEqual([expect.objectContaining({ title: 'Adele Vance' })]));
  });
});

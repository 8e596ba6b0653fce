import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { type FakeBridge, installFakeBridge } from '../support/fake-bridge';
import { FakeCallingStore, MY_ID } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Under a full `npm test` (every project at once on 2 cores) typing and popovers can take longer
// than vitest's default 5 s: these tests wait on conditions, never on time.
vi.setConfig({ testTimeout: 30_000 });

let bridge: FakeBridge;

function setup(options: Parameters<typeof installFakeBridge>[0] = {}, store = new FakeCallingStore()) {
  bridge = installFakeBridge(options);
  const user = userEvent.setup({ delay: null });
  renderScreen(<DialerScreen />, store, bridge.bridge);
  return { store, user, box: screen.getByRole('textbox', { name: 'Who do you want to call?' }) };
}

const understood = () => screen.getByTestId('call-target-understood').textContent;

describe('the call box says what it understood', () => {
  test.each([
    ['8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001a-aaaa', 'Azure Communication Services user 8:acs:1b5cc06b'],
    ['+1 425 555 0100', 'Phone number +1 425 555 0100'],
    ['29228d3e-040e-4656-a70e-890ab4e173e5', 'Group call 29228d3e-040e-4656-a70e-890ab4e173e5'],
    ['https://teams.microsoft.com/meet/28512416645934?p=Z9bM5Ea4kf', 'Teams meeting https://teams.microsoft.com/meet/'],
    ['99466898241024408', 'Room 99466898241024408'],
  ])('%s', async (input, words) => {
    const { user, box } = setup();
    await user.type(box, input);
    await waitFor(() => expect(understood()).toContain(words));
    expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeEnabled();
  });

  test('malformed input: no message while typing, the reason after Enter, and no call', async () => {
    const { user, box, store } = setup();
    await user.type(box, 'alice');
    expect(screen.queryByText(/Enter a person’s ACS id/)).toBeNull();
    // Not an error while typing, but not silence either: what the box accepts.
    expect(screen.getByTestId('call-target-hint')).toHaveTextContent(
      /^You can call an ACS id \(8:acs:…\), a phone number/,
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/Enter a person’s ACS id \(8:acs:…\)/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Call' })).toBeDisabled();
    expect(store.callsOf('placeCall')).toEqual([]);
  });

  test('a national number is read in the caller id country', async () => {
    const { user, box } = setup({ callerId: '+442079460000' });
    await user.type(box, '020 7946 0958');
    await waitFor(() => expect(understood()).toBe('Phone number +44 20 7946 0958'));
  });
});

describe('placing calls', () => {
  test('Call places an audio call, Video call a video call, Enter an audio call', async () => {
    const { user, box, store } = setup();
    await user.type(box, '29228d3e-040e-4656-a70e-890ab4e173e5');
    await user.click(screen.getByRole('button', { name: /^Video call to/ }));
    expect(store.callsOf('placeCall')).toEqual([
      [{ kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' }, { video: true }],
    ]);
    // Once the call has started the box is cleared for the next one.
    await waitFor(() => expect(box).toHaveValue(''));
    await user.type(box, '+1 425 555 0100{Enter}');
    expect(store.callsOf('placeCall')[1]).toEqual([{ kind: 'phone', e164: '+14255550100' }, { video: false }]);
  });

  test('phone calls show the caller id, and are audio only', async () => {
    const { user, box } = setup({ callerId: '+14255550123' });
    await user.type(box, '+1 425 555 0100');
    expect(await screen.findByText('The person you call sees +1 425 555 0123.')).toBeVisible();
    expect(screen.getByRole('button', { name: /^Video call to/ })).toBeDisabled();
  });

  test('without a caller id, phone calls say so and cannot be placed; other calls still can', async () => {
    const { user, box } = setup({ callerId: null });
    await user.type(box, '+1 425 555 0100');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Phone calls need a caller id and none is set/);
    expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeDisabled();
    await user.clear(box);
    await user.type(box, '29228d3e-040e-4656-a70e-890ab4e173e5');
    expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeEnabled();
  });

  test('a call the layer refuses shows its reason', async () => {
    const { user, box, store } = setup();
    store.failNext.placeCall = 'Calling is not ready yet: wait until Switchboard is connected.';
    await user.type(box, '99466898241024408{Enter}');
    expect(await screen.findByText(/The call could not start: Calling is not ready yet/)).toBeVisible();
  });

  test('ACS unreachable: the banner says so and the call buttons stay disabled', async () => {
    const store = new FakeCallingStore({ agent: 'unreachable', agentMessage: null });
    const { user, box } = setup({}, store);
    expect(screen.getByTestId('agent-banner')).toHaveTextContent(/Cannot reach Azure Communication Services/);
    await user.type(box, '99466898241024408');
    expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeDisabled();
  });
});

describe('my own id', () => {
  test('is not shown as text: "Copy my call id" copies it with one click', async () => {
    const { user } = setup();
    expect(screen.queryByText(MY_ID)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy my call id' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(MY_ID);
    expect(await screen.findByTestId('copy-my-id')).toHaveTextContent('Copied');
  });
});

describe('recent calls and favourites', () => {
  const recent = {
    id: 'r-1',
    target: { kind: 'phone' as const, e164: '+14255550100' },
    title: '+1 425 555 0100',
    direction: 'incoming' as const,
    video: false,
    startedAt: Date.now() - 60_000,
    durationSeconds: 0,
    outcome: 'missed' as const,
  };

  test('recents are listed with their outcome; picking one fills the call box', async () => {
    const { user, box } = setup({ history: { recents: [recent] } });
    const list = await screen.findByRole('list', { name: 'Recent' });
    expect(within(list).getByText(/Missed · Today/)).toBeVisible();
    await user.click(within(list).getByRole('button', { name: /^\+1 425 555 0100.*: put in the call box$/ }));
    expect(box).toHaveValue('+14255550100');
  });

  test('call again from the list, remove one, clear all', async () => {
    const { user, store } = setup({ history: { recents: [recent, { ...recent, id: 'r-2', title: 'Second' }] } });
    const list = await screen.findByRole('list', { name: 'Recent' });
    await user.click(within(list).getByRole('button', { name: 'Call +1 425 555 0100' }));
    // The recent's title heads the call.
    expect(store.callsOf('placeCall')[0]).toEqual([recent.target, { video: false, title: recent.title }]);
    await user.click(within(list).getByRole('button', { name: 'Remove Second from recent calls' }));
    await waitFor(() => expect(bridge.history.recents.map((r) => r.id)).toEqual(['r-1']));
    await user.click(screen.getByRole('button', { name: 'Clear recent calls' }));
    expect(await screen.findByText('Calls you make and receive appear here.')).toBeVisible();
  });

  test('the star adds the target to favourites and removes it again', async () => {
    const { user, box } = setup();
    await user.type(box, '29228d3e-040e-4656-a70e-890ab4e173e5');
    await user.click(await screen.findByRole('button', { name: 'Add to favourites' }));
    await waitFor(() =>
      expect(bridge.history.favourites).toMatchObject([
        { target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' } },
      ]),
    );
    // No tab to switch to: the new favourite is listed beside the recents at once.
    expect(within(await screen.findByRole('list', { name: 'Favourites' })).getByText(/29228d3e/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Remove from favourites' }));
    await waitFor(() => expect(bridge.history.favourites).toEqual([]));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Favourites' })).toBeNull());
  });

  const favourite = {
    id: 'f-1',
    target: { kind: 'group' as const, groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
    label: 'Stand-up',
    addedAt: Date.now(),
  };

  test('favourites and recent calls are two headed sections, no tabs; Favourites only once there is one', async () => {
    const { user } = setup({ history: { recents: [recent], favourites: [favourite] } });
    const favourites = await screen.findByRole('list', { name: 'Favourites' });
    const recents = screen.getByRole('list', { name: 'Recent' });
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Favourites',
      'Recent calls',
    ]);
    // Favourites come first; the clear button sits with the Recent calls heading.
    expect(favourites.compareDocumentPosition(recents) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const recentHeading = screen.getByRole('heading', { name: 'Recent calls' });
    expect(recentHeading.parentElement).toContainElement(screen.getByRole('button', { name: 'Clear recent calls' }));
    expect(within(favourites).getByRole('button', { name: 'Call Stand-up' })).toBeEnabled();
    expect(within(recents).getByRole('button', { name: 'Call +1 425 555 0100' })).toBeEnabled();
    await user.click(within(favourites).getByRole('button', { name: 'Remove Stand-up from favourites' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Favourites' })).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Favourites' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Recent' })).toBeVisible();
  });

  test('while history loads or is unavailable the Recent calls section says so', async () => {
    bridge = installFakeBridge({ unavailable: true });
    renderScreen(<DialerScreen />, new FakeCallingStore(), bridge.bridge);
    expect(screen.getByRole('heading', { name: 'Recent calls' })).toBeVisible();
    expect(await screen.findByText('Recent calls are not available right now.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Clear recent calls' })).toBeNull();
  });

  test('a phone favourite shows its number formatted; picking and video follow the target', async () => {
    const phone = {
      id: 'f-2',
      target: { kind: 'phone' as const, e164: '+442079460958' },
      label: 'Office',
      addedAt: Date.now(),
    };
    const { user, box, store } = setup({ history: { favourites: [phone, favourite] } });
    const favourites = await screen.findByRole('list', { name: 'Favourites' });
    expect(await within(favourites).findByText('+44 20 7946 0958')).toBeVisible();
    expect(within(favourites).queryByRole('button', { name: 'Video call Office' })).toBeNull();
    await user.click(within(favourites).getByRole('button', { name: 'Video call Stand-up' }));
    expect(store.callsOf('placeCall')[0]).toEqual([favourite.target, { video: true, title: 'Stand-up' }]);
    await user.click(within(favourites).getByRole('button', { name: /^Office.*: put in the call box$/ }));
    expect(box).toHaveValue('+442079460958');
  });

  test('main cannot answer: the lists say they are unavailable, the call box still works', async () => {
    bridge = installFakeBridge({ unavailable: true });
    const user = userEvent.setup({ delay: null });
    renderScreen(<DialerScreen />, new FakeCallingStore(), bridge.bridge);
    expect(await screen.findByText('Recent calls are not available right now.')).toBeVisible();
    await user.type(screen.getByRole('textbox'), '99466898241024408');
    expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeEnabled();
  });
});

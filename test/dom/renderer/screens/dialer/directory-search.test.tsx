import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { DirectoryPerson } from '../../../../../common/backend-contract';
import type { DirectoryAvailability } from '../../../../../common/ipc';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { ADELE, ADRIAN, DIRECTORY_PEOPLE } from '../support/directory-people';
import { installFakeBridge } from '../support/fake-bridge';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Under a full `npm test` typing can take longer than vitest's default 5 s: these tests wait on
// conditions (findBy, waitFor), never on time.
vi.setConfig({ testTimeout: 30_000 });

const LABEL = 'Who do you want to call?';

async function setup(availability: DirectoryAvailability = { available: true }) {
  const fake = installFakeBridge({ directory: { people: DIRECTORY_PEOPLE, availability } });
  const store = new FakeCallingStore();
  const user = userEvent.setup({ delay: null });
  renderScreen(<DialerScreen />, store, fake.bridge);
  // The box becomes a combobox once main has said there is a directory.
  const box = availability.available
    ? await screen.findByRole('combobox', { name: LABEL })
    : screen.getByRole('textbox', { name: LABEL });
  return { store, user, box, bridge: fake.bridge };
}

const options = () =>
  within(screen.getByRole('listbox', { name: 'People in your organisation' })).getAllByRole('option');

describe('the call box searches people as you type', () => {
  test('typing a name lists people with name and email, the first highlighted', async () => {
    const { user, box } = await setup();
    await user.type(box, 'ad');
    const listbox = await screen.findByRole('listbox', { name: 'People in your organisation' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['AVAdele Vance AdeleV@contoso.com', 'AKAdrian King AdrianK@contoso.com']);
    expect(within(listbox).getByRole('option', { name: /^Adele Vance/ })).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options()[0]?.id);
    // The call buttons name the highlighted person.
    expect(screen.getByRole('button', { name: 'Audio call to Adele Vance' })).toBeEnabled();
  });

  test('the arrows move the highlight and Enter calls that person by id, headed by their name', async () => {
    const { user, box, store } = await setup();
    await user.type(box, 'ad');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options()[1]?.id);
    await user.keyboard('{ArrowDown}');
    // Past the last it wraps to the first, and up from the first to the last.
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(store.callsOf('startCall')).toEqual([
        [
          { kind: 'acs-user', communicationUserId: ADRIAN.communicationUserId },
          { video: false, title: 'Adrian King' },
        ],
      ]),
    );
  });

  test('a click on a person calls them; Escape closes the list and the down arrow opens it again', async () => {
    const { user, box, store } = await setup();
    await user.type(box, 'adele');
    await screen.findByRole('option', { name: /^Adele Vance/ });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    await user.click(screen.getByRole('option', { name: /^Adele Vance/ }));
    await waitFor(() =>
      expect(store.callsOf('startCall')).toEqual([
        [
          { kind: 'acs-user', communicationUserId: ADELE.communicationUserId },
          { video: false, title: 'Adele Vance' },
        ],
      ]),
    );
  });

  test('a phone number still dials, and the directory is not asked', async () => {
    const { user, box, store, bridge } = await setup();
    await user.type(box, '+1 425 555 0100');
    await waitFor(() =>
      expect(screen.getByTestId('call-target-understood')).toHaveTextContent('Phone number +1 425 555 0100'),
    );
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(store.callsOf('startCall')).toEqual([[{ kind: 'phone', e164: '+14255550100' }, { video: false }]]),
    );
    expect(bridge.directoryState.searches).toEqual([]);
  });

  test('a pasted id the directory knows shows the person, verified, and the call is headed by their name', async () => {
    const { user, box, store } = await setup();
    await user.click(box);
    await user.paste(ADELE.communicationUserId);
    await waitFor(() =>
      expect(screen.getByTestId('call-target-understood')).toHaveTextContent(
        'Azure Communication Services user Adele Vance',
      ),
    );
    expect(screen.getByRole('img', { name: 'Verified by your organisation' })).toBeVisible();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(store.callsOf('startCall')).toEqual([
        [
          { kind: 'acs-user', communicationUserId: ADELE.communicationUserId },
          { video: false, title: 'Adele Vance' },
        ],
      ]),
    );
  });

  test('"No one found" when the search has no match, with what else the box takes', async () => {
    const { user, box } = await setup();
    await user.type(box, 'zed');
    await waitFor(() => expect(screen.getByTestId('directory-note')).toHaveTextContent('No one found for “zed”.'));
    expect(screen.getByTestId('call-target-hint')).toHaveTextContent(/You can call an ACS id/);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  test('an answer for an earlier query is dropped: the list shows the latest one', async () => {
    const { user, box, bridge } = await setup();
    const held = new Map<string, (people: DirectoryPerson[]) => void>();
    bridge.directoryState.answerSearch = (query) => new Promise((resolve) => held.set(query, resolve));
    await user.type(box, 'ad');
    await waitFor(() => expect(held.has('ad')).toBe(true));
    await user.type(box, 'e');
    await waitFor(() => expect(held.has('ade')).toBe(true));
    await act(async () => held.get('ade')?.([ADELE]));
    await screen.findByRole('option', { name: /^Adele Vance/ });
    // The slower answer for "ad" arrives last; it must not replace the answer for "ade".
    await act(async () => held.get('ad')?.([ADELE, ADRIAN]));
    expect(options().map((o) => o.textContent)).toEqual(['AVAdele Vance AdeleV@contoso.com']);
  });
});

describe('without a directory the box says why', () => {
  test.each([
    [
      'open-sign-in' as const,
      'No company directory: this server lets people sign in with any name, so names cannot be looked up or verified.',
    ],
    ['not-offered' as const, 'No company directory: this server does not offer one.'],
  ])('%s', async (reason, words) => {
    const { user, box, bridge } = await setup({ available: false, reason });
    await user.type(box, 'adele');
    await waitFor(() => expect(screen.getByTestId('directory-note')).toHaveTextContent(words));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(bridge.directoryState.searches).toEqual([]);
  });
});

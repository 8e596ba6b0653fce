import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { HostControls } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { inCallStrings, lobbyStrings } from '../../../../../renderer/strings';
import { callView, FakeCallingStore, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const organiser: HostControls = { endForEveryone: true, muteOthers: true, removeParticipants: true, manageLobby: true };

function meeting(host: HostControls = organiser) {
  const store = new FakeCallingStore({
    call: callView({
      title: 'Weekly sync',
      target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
      participants: [participant('8:acs:adele', 'Adele Vance')],
      host,
    }),
  });
  renderScreen(<InCallScreen />, store);
  return store;
}

const wait = (store: FakeCallingStore, ...names: string[]) =>
  act(() =>
    store.updateCall({
      lobby: [
        ...(store.getState().call?.lobby ?? []),
        ...names.map((name) => ({ id: `8:acs:${name.split(' ')[0]?.toLowerCase()}`, displayName: name })),
      ],
    }),
  );

test('someone starting to wait is announced with Admit; the People control counts the lobby', async () => {
  const store = meeting();
  const live = screen.getByTestId('lobby-live-region');
  expect(live).toHaveAttribute('aria-live', 'polite');
  expect(live).toBeEmptyDOMElement();
  expect(screen.queryByTestId('lobby-count')).toBeNull();

  wait(store, 'Lee Gu');
  expect(within(live).getByTestId('lobby-notice')).toHaveTextContent(lobbyStrings.waiting(['Lee Gu']));
  expect(screen.getByTestId('lobby-count')).toHaveAttribute('data-count', '1');
  expect(
    screen.getByRole('button', { name: lobbyStrings.peopleWithLobby(inCallStrings.participants, 1) }),
  ).toBeInTheDocument();

  await userEvent.click(within(live).getByRole('button', { name: lobbyStrings.admitLabel('Lee Gu') }));
  expect(store.callsOf('admitFromLobby')).toEqual([['8:acs:lee']]);
  expect(live).toBeEmptyDOMElement();
  expect(screen.queryByTestId('lobby-count')).toBeNull();
});

test('the people pane lists the lobby: admit one, deny one, admit all; View lobby opens it', async () => {
  const store = meeting();
  wait(store, 'Lee Gu', 'Megan Bowen', 'Nestor Wilke', 'Alex Wilber');
  expect(screen.getByTestId('lobby-notice')).toHaveTextContent(lobbyStrings.waiting(['Lee Gu', 'a', 'b', 'c']));
  await userEvent.click(screen.getByRole('button', { name: lobbyStrings.view }));
  expect(screen.queryByTestId('lobby-notice')).toBeNull();
  const lobby = within(screen.getByTestId('participants')).getByTestId('lobby');
  expect(lobby).toHaveTextContent(lobbyStrings.heading(4));

  await userEvent.click(within(lobby).getByRole('button', { name: lobbyStrings.admitLabel('Lee Gu') }));
  await userEvent.click(within(lobby).getByRole('button', { name: lobbyStrings.denyLabel('Megan Bowen') }));
  expect(store.callsOf('admitFromLobby')).toEqual([['8:acs:lee']]);
  expect(store.callsOf('rejectFromLobby')).toEqual([['8:acs:megan']]);
  expect(
    within(lobby)
      .getAllByTestId('lobby-person')
      .map((row) => row.textContent),
  ).toEqual([expect.stringContaining('Nestor Wilke'), expect.stringContaining('Alex Wilber')]);
  await userEvent.click(within(lobby).getByRole('button', { name: lobbyStrings.admitAll }));
  expect(store.callsOf('admitAllFromLobby')).toEqual([[]]);
  expect(screen.queryByTestId('lobby')).toBeNull();
  expect(screen.getByTestId('participants')).toHaveTextContent('Alex Wilber');
});

test('dismissed arrivals stay quiet, a new one is announced again; without the capability nothing shows', async () => {
  const store = meeting();
  wait(store, 'Lee Gu');
  await userEvent.click(screen.getByRole('button', { name: lobbyStrings.dismiss }));
  expect(screen.queryByTestId('lobby-notice')).toBeNull();
  wait(store, 'Megan Bowen');
  expect(screen.getByTestId('lobby-notice')).toHaveTextContent(lobbyStrings.waiting(['Megan Bowen']));

  act(() => store.updateCall({ host: { ...organiser, manageLobby: false } }));
  expect(screen.queryByTestId('lobby-notice')).toBeNull();
  expect(screen.queryByTestId('lobby-count')).toBeNull();
});

import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { HostControls } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { hostStrings, inCallStrings } from '../../../../../renderer/strings';
import { callView, FakeCallingStore, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const allHost: HostControls = { endForEveryone: true, muteOthers: true, removeParticipants: true, manageLobby: true };
const noHost: HostControls = {
  endForEveryone: false,
  muteOthers: false,
  removeParticipants: false,
  manageLobby: false,
};

function meeting(host: HostControls) {
  const store = new FakeCallingStore({
    call: callView({
      title: 'Weekly sync',
      target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
      participants: [participant('8:acs:adele', 'Adele Vance'), participant('8:acs:lee', 'Lee Gu')],
      host,
    }),
  });
  renderScreen(<InCallScreen />, store);
  return store;
}

/**
 * The confirmation, by test id: jsdom runs no Web Animations, so Fluent's dialog can stay
 * aria-hidden mid-"enter" and out of role queries. Its role and name are checked here; the
 * screenshot test finds it by role in Chromium.
 */
async function confirmation(): Promise<HTMLElement> {
  const dialog = await screen.findByTestId('end-for-everyone-dialog');
  expect(dialog).toHaveAttribute('role', 'alertdialog');
  expect(dialog).toHaveAttribute('aria-label', hostStrings.confirmTitle);
  return dialog;
}

async function openPeople() {
  await userEvent.click(screen.getByRole('button', { name: inCallStrings.participants }));
  return screen.getByTestId('participants');
}

test('without the capabilities there is no host control anywhere', async () => {
  meeting(noHost);
  expect(screen.queryByRole('button', { name: hostStrings.endButton })).toBeNull();
  const people = await openPeople();
  expect(within(people).queryByRole('button', { name: hostStrings.muteAll })).toBeNull();
  expect(within(people).queryByRole('button', { name: hostStrings.moreFor('Adele Vance') })).toBeNull();
});

test('end for everyone asks first; cancelling keeps the call', async () => {
  const store = meeting(allHost);
  await userEvent.click(screen.getByRole('button', { name: hostStrings.endButton }));
  const dialog = await confirmation();
  expect(dialog).toHaveTextContent(hostStrings.confirmBody);
  await userEvent.click(within(dialog).getByRole('button', { name: hostStrings.cancel, hidden: true }));
  await waitFor(() => expect(screen.queryByTestId('end-for-everyone-dialog')).toBeNull());
  expect(store.callsOf('endCallForEveryone')).toEqual([]);
  expect(store.getState().call?.status).toBe('connected');
});

test('confirming ends the call for everyone, not just for me', async () => {
  const store = meeting(allHost);
  await userEvent.click(screen.getByRole('button', { name: hostStrings.endButton }));
  const dialog = await confirmation();
  await userEvent.click(within(dialog).getByRole('button', { name: hostStrings.confirm, hidden: true }));
  expect(store.callsOf('endCallForEveryone')).toEqual([[]]);
  expect(store.callsOf('hangUp')).toEqual([]);
});

test('a host mutes one person, then everyone, and removes someone from the people pane', async () => {
  const store = meeting(allHost);
  const people = await openPeople();
  await userEvent.click(within(people).getByRole('button', { name: hostStrings.moreFor('Adele Vance') }));
  await userEvent.click(await screen.findByRole('menuitem', { name: hostStrings.muteLabel('Adele Vance') }));
  expect(store.callsOf('muteParticipant')).toEqual([['8:acs:adele']]);

  await userEvent.click(within(people).getByRole('button', { name: hostStrings.muteAll }));
  expect(store.callsOf('muteAllParticipants')).toEqual([[]]);
  expect(within(people).getByRole('button', { name: hostStrings.muteAll })).toBeDisabled();

  await userEvent.click(within(people).getByRole('button', { name: hostStrings.moreFor('Lee Gu') }));
  await userEvent.click(await screen.findByRole('menuitem', { name: hostStrings.removeLabel('Lee Gu') }));
  expect(store.callsOf('removeParticipant')).toEqual([['8:acs:lee']]);
  expect(within(people).queryByText('Lee Gu')).toBeNull();
});

test('a host action that fails is said above the list; a capability withdrawn hides its control', async () => {
  const store = meeting({ ...noHost, removeParticipants: true });
  const people = await openPeople();
  store.failNext.removeParticipant = 'That person is no longer in the call.';
  await userEvent.click(within(people).getByRole('button', { name: hostStrings.moreFor('Adele Vance') }));
  expect(screen.queryByRole('menuitem', { name: hostStrings.muteLabel('Adele Vance') })).toBeNull();
  await userEvent.click(await screen.findByRole('menuitem', { name: hostStrings.removeLabel('Adele Vance') }));
  expect(await within(people).findByTestId('host-action-error')).toHaveTextContent(
    hostStrings.failed('That person is no longer in the call.'),
  );
  act(() => store.updateCall({ host: noHost }));
  expect(within(people).queryByRole('button', { name: hostStrings.moreFor('Adele Vance') })).toBeNull();
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { AddPeopleAbility } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { dialerStrings, groupCallStrings, inCallStrings } from '../../../../../renderer/strings';
import { ADELE, DIRECTORY_PEOPLE } from '../support/directory-people';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

function inCall(
  addPeople: AddPeopleAbility = { people: true, phoneNumbers: true },
  callerId: string | null = '+14255550100',
) {
  const fake = installFakeBridge({
    directory: { people: DIRECTORY_PEOPLE, availability: { available: true } },
    callerId,
  });
  const store = new FakeCallingStore({
    call: callView({ participants: [participant('8:acs:lee', 'Lee Gu')], addPeople }),
  });
  renderScreen(<InCallScreen />, store, fake.bridge);
  return { store, user: userEvent.setup({ delay: null }) };
}

async function openPeople(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: inCallStrings.participants }));
  return screen.getByTestId('participants');
}

const rowOf = (pane: HTMLElement, name: string) =>
  within(pane)
    .getAllByTestId('participant')
    .find((row) => row.textContent?.includes(name));

test('a directory person is added from the people pane, shown ringing, then joined', async () => {
  const { store, user } = inCall();
  const pane = await openPeople(user);
  const field = await within(pane).findByRole('combobox', { name: groupCallStrings.addPeople });
  await user.type(field, 'ade');
  await user.click(await within(pane).findByRole('option', { name: /^Adele Vance/ }));
  expect(store.callsOf('addParticipant')).toEqual([
    [{ kind: 'acs-user', communicationUserId: ADELE.communicationUserId }],
  ]);
  expect(field).toHaveValue('');
  // The layer lists them at once; until they answer the row says they are ringing.
  const row = rowOf(pane, 'Adele Vance');
  expect(row).toHaveTextContent('Ringing…');
  expect(within(pane).getByTestId('add-people-status')).toHaveTextContent(groupCallStrings.adding('Adele Vance'));

  store.remoteSettleAdded(ADELE.communicationUserId, { joined: true });
  await waitFor(() =>
    expect(within(pane).getByTestId('add-people-status')).toHaveTextContent(
      groupCallStrings.addedToCall('Adele Vance'),
    ),
  );
  expect(rowOf(pane, 'Adele Vance')).not.toHaveTextContent('Ringing…');
});

test('a phone number goes with the caller id shown; a refusal or a person who does not join is said in words', async () => {
  const { store, user } = inCall();
  const pane = await openPeople(user);
  const field = await within(pane).findByRole('combobox', { name: groupCallStrings.addPeople });
  await user.type(field, '+1 425 555 0123');
  await within(pane).findByText(/The person you call sees/);
  await user.click(within(pane).getByRole('button', { name: 'Add +1 425 555 0123 to the call' }));
  expect(store.callsOf('addParticipant')).toEqual([[{ kind: 'phone', e164: '+14255550123' }]]);
  store.remoteSettleAdded('4:+14255550123', {
    joined: false,
    reason: '+1 425 555 0123 did not join: The call was declined.',
  });
  expect(await within(pane).findByTestId('add-people-error')).toHaveTextContent('did not join: The call was declined.');

  store.failNext.addParticipant = groupCallStrings.addFailed('Adding participants is not allowed in this meeting.');
  // A call id is pasted, as people do with ids.
  await user.click(field);
  await user.paste('8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-3a23-34d3-8f0b-8b3a0d00ee11');
  await user.keyboard('{Enter}');
  await waitFor(() =>
    expect(within(pane).getByTestId('add-people-error')).toHaveTextContent(
      'Could not add them: Adding participants is not allowed in this meeting.',
    ),
  );
});

test('only what the call allows: no field without the capability, phone numbers refused where not allowed', async () => {
  const { user, store } = inCall({ people: false, phoneNumbers: false });
  const pane = await openPeople(user);
  expect(within(pane).queryByTestId('add-people')).toBeNull();

  store.updateCall({ addPeople: { people: true, phoneNumbers: false } });
  const field = await within(pane).findByRole('combobox', { name: groupCallStrings.addPeople });
  await user.type(field, '+1 425 555 0123');
  expect(await within(pane).findByText(groupCallStrings.phoneNotAllowed)).toBeInTheDocument();
  expect(within(pane).getByRole('button', { name: 'Add +1 425 555 0123 to the call' })).toBeDisabled();
  await user.keyboard('{Enter}');
  expect(store.callsOf('addParticipant')).toEqual([]);

  await user.clear(field);
  await user.type(field, 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5');
  expect(await within(pane).findByText(groupCallStrings.notAPerson)).toBeInTheDocument();
});

test('a number with no caller id set is refused before anything is rung', async () => {
  const { store, user } = inCall(undefined, null);
  const pane = await openPeople(user);
  const field = await within(pane).findByRole('combobox', { name: groupCallStrings.addPeople });
  await user.type(field, '+1 425 555 0123{Enter}');
  expect(await within(pane).findByText(dialerStrings.callerIdMissing)).toBeInTheDocument();
  expect(store.callsOf('addParticipant')).toEqual([]);
});

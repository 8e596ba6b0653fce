import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { groupCallStrings } from '../../../../../renderer/strings';
import { ADELE, DIRECTORY_PEOPLE } from '../support/directory-people';
import { installFakeBridge } from '../support/fake-bridge';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Typing can take longer than vitest's default 5 s under a full `npm test`: the tests wait on conditions.
vi.setConfig({ testTimeout: 30_000 });

const LABEL = 'Who do you want to call?';
const LEE_ID = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-3a23-34d3-8f0b-8b3a0d00ee11';

async function setup(callerId: string | null = '+14255550100') {
  const fake = installFakeBridge({
    directory: { people: DIRECTORY_PEOPLE, availability: { available: true } },
    callerId,
  });
  const store = new FakeCallingStore();
  const user = userEvent.setup({ delay: null });
  renderScreen(<DialerScreen />, store, fake.bridge);
  const box = await screen.findByRole('combobox', { name: LABEL });
  return { store, user, box };
}

const chipList = () => screen.getByRole('toolbar', { name: groupCallStrings.listLabel });
const chipNames = () =>
  within(chipList())
    .getAllByRole('button')
    .map((chip) => chip.getAttribute('aria-label'));

/** A directory person (Add button), a phone number (comma) and a pasted id (Enter): three chips. */
async function threeChips(user: ReturnType<typeof userEvent.setup>, box: HTMLElement) {
  await user.type(box, 'ade');
  await screen.findByRole('option', { name: /^Adele Vance/ });
  await user.click(screen.getByRole('button', { name: groupCallStrings.addToList }));
  expect(box).toHaveValue('');
  await user.type(box, '+1 425 555 0123');
  await screen.findByTestId('call-target-understood');
  await user.keyboard(',');
  await user.type(box, LEE_ID);
  await screen.findByTestId('call-target-understood');
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('');
}

test('three people as chips, then one call rings them all, headed by their names', async () => {
  const { store, user, box } = await setup();
  await threeChips(user, box);
  expect(chipNames()).toEqual(['Remove Adele Vance', 'Remove +1 425 555 0123', 'Remove Unnamed person (…00ee11)']);
  expect(screen.getByTestId('call-list-notice')).toHaveTextContent('Added Unnamed person (…00ee11). 3 people to call.');
  expect(screen.getByText(groupCallStrings.readyToCall(3))).toBeInTheDocument();
  // A number is among them: the caller id is shown, as for a phone call.
  expect(screen.getByTestId('caller-id-note')).toHaveTextContent('+1 425 555 0100');

  const title = 'Adele Vance, +1 425 555 0123 and 1 other';
  await user.click(screen.getByRole('button', { name: `Audio call to ${title}` }));
  expect(store.callsOf('placeCall')).toEqual([
    [
      { kind: 'acs-user', communicationUserId: ADELE.communicationUserId },
      {
        video: false,
        title,
        others: [
          { kind: 'phone', e164: '+14255550123' },
          { kind: 'acs-user', communicationUserId: LEE_ID },
        ],
      },
    ],
  ]);
  await waitFor(() => expect(screen.queryByRole('toolbar', { name: groupCallStrings.listLabel })).toBeNull());
});

test('chips go with the keyboard (Delete on a chip, Backspace in the empty box) and the mouse, and are announced', async () => {
  const { user, box } = await setup();
  await threeChips(user, box);
  const phoneChip = screen.getByRole('button', { name: 'Remove +1 425 555 0123' });
  phoneChip.focus();
  await user.keyboard('{Delete}');
  expect(chipNames()).toEqual(['Remove Adele Vance', 'Remove Unnamed person (…00ee11)']);
  expect(screen.getByTestId('call-list-notice')).toHaveTextContent('Removed +1 425 555 0123. 2 people to call.');
  // Without a number on the list, no caller id is needed any more.
  expect(screen.queryByTestId('caller-id-note')).toBeNull();

  await user.click(box);
  await user.keyboard('{Backspace}');
  expect(chipNames()).toEqual(['Remove Adele Vance']);
  await user.click(screen.getByRole('button', { name: 'Remove Adele Vance' }));
  expect(screen.queryByRole('toolbar', { name: groupCallStrings.listLabel })).toBeNull();
  expect(screen.getByTestId('call-list-notice')).toHaveTextContent('Removed Adele Vance. Nobody to call yet.');
  await waitFor(() => expect(box).toHaveFocus());
});

test('a place cannot be mixed with people: said in words, nothing is called', async () => {
  const { store, user, box } = await setup();
  await threeChips(user, box);
  await user.type(box, '6f1e7c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
  expect(await screen.findByText(groupCallStrings.cannotMix)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeDisabled();
  expect(screen.queryByRole('button', { name: groupCallStrings.addToList })).toBeNull();
  expect(store.callsOf('placeCall')).toEqual([]);
});

test('the same person twice is refused in words; a number without a caller id blocks the call', async () => {
  const { user, box } = await setup(null);
  await user.type(box, `${LEE_ID},`);
  await user.type(box, `${LEE_ID},`);
  expect(chipNames()).toEqual(['Remove Unnamed person (…00ee11)']);
  expect(screen.getByTestId('call-list-notice')).toHaveTextContent(
    groupCallStrings.alreadyListed('Unnamed person (…00ee11)'),
  );
  await user.clear(box);
  await user.type(box, '+1 425 555 0123');
  await screen.findByTestId('call-target-understood');
  await user.keyboard(',');
  expect(screen.getByTestId('caller-id-note')).toHaveTextContent(/caller id/i);
  expect(screen.getByRole('button', { name: /^Audio call to/ })).toBeDisabled();
});

test('with people listed, a picked person joins the list instead of being called alone', async () => {
  const { store, user, box } = await setup();
  await user.type(box, `${LEE_ID},`);
  await user.type(box, 'ade');
  await user.click(await screen.findByRole('option', { name: /^Adele Vance/ }));
  expect(chipNames()).toEqual(['Remove Unnamed person (…00ee11)', 'Remove Adele Vance']);
  expect(store.callsOf('placeCall')).toEqual([]);
  await user.click(screen.getByRole('button', { name: /^Video call to/ }));
  expect(store.callsOf('placeCall')[0]?.[1]).toMatchObject({ video: true });
});

import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { CaptionLine } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { captionStrings } from '../../../../../renderer/strings';
import { callView, captionsView, FakeCallingStore, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const groupCall = (captions = captionsView()) =>
  callView({
    title: 'Adele Vance and Lee Gu',
    target: { kind: 'group', groupId: '0f3c3b36-6c1b-4a8a-9f4a-2d1f4e7b9a10' },
    participants: [participant('adele', 'Adele Vance'), participant('lee', 'Lee Gu')],
    captions,
  });

const line = (id: string, speaker: string, text: string, isFinal = true): CaptionLine => ({
  id,
  speaker,
  text,
  isFinal,
});

test('the Captions control starts captions and opens the pane; the same control turns them off', async () => {
  const store = new FakeCallingStore({ call: groupCall() });
  renderScreen(<InCallScreen />, store);
  expect(screen.queryByTestId('captions-pane')).toBeNull();

  await userEvent.click(screen.getByRole('button', { name: captionStrings.turnOn }));
  expect(store.callsOf('startCaptions')).toEqual([[undefined]]);
  const pane = screen.getByRole('region', { name: captionStrings.paneLabel });
  expect(pane).toHaveTextContent(captionStrings.waiting);

  await userEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: captionStrings.turnOff }));
  expect(store.callsOf('stopCaptions')).toEqual([[]]);
  expect(screen.queryByTestId('captions-pane')).toBeNull();
  expect(screen.getByRole('button', { name: captionStrings.turnOn })).toBeEnabled();
});

test('lines show who spoke; a line still being revised is shown but only settled lines are announced', async () => {
  const store = new FakeCallingStore({ call: groupCall() });
  renderScreen(<InCallScreen />, store);
  await userEvent.click(screen.getByRole('button', { name: captionStrings.turnOn }));

  act(() =>
    store.updateCall({
      captions: captionsView({
        status: 'on',
        spokenLanguage: 'en-us',
        lines: [line('c1', 'Adele Vance', 'Shall we start?'), line('c2', 'Lee Gu', 'One moment', false)],
      }),
    }),
  );
  const pane = screen.getByTestId('captions-pane');
  const visible = within(pane).getByRole('list', { name: captionStrings.paneLabel });
  expect(
    within(visible)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['Adele VanceShall we start?', 'Lee GuOne moment']);
  const live = screen.getByTestId('captions-live-region');
  expect(live).toHaveAttribute('aria-live', 'polite');
  expect(live).toHaveAttribute('role', 'log');
  expect(live).toHaveTextContent('Adele Vance: Shall we start?');
  expect(live).not.toHaveTextContent('One moment');
  expect(visible).not.toHaveAttribute('aria-live');

  // The Final replaces the Partial (same line id): now it is announced, once.
  act(() =>
    store.updateCall({
      captions: captionsView({
        status: 'on',
        spokenLanguage: 'en-us',
        lines: [line('c1', 'Adele Vance', 'Shall we start?'), line('c2', 'Lee Gu', 'One moment, please.')],
      }),
    }),
  );
  expect(
    within(live)
      .getAllByText(/: /)
      .map((p) => p.textContent),
  ).toEqual(['Adele Vance: Shall we start?', 'Lee Gu: One moment, please.']);
});

test('the spoken language is picked by name from the languages the service supports', async () => {
  const store = new FakeCallingStore({ call: groupCall() });
  renderScreen(<InCallScreen />, store);
  await userEvent.click(screen.getByRole('button', { name: captionStrings.turnOn }));
  const picker = screen.getByRole('combobox', { name: captionStrings.spokenLanguage });
  const options = within(picker)
    .getAllByRole('option')
    .map((option) => option.textContent);
  expect(options).toEqual(['Dutch (Netherlands)', 'English (United States)', 'French (France)', 'German (Germany)']);
  expect(picker).toHaveValue('en-us');
  await userEvent.selectOptions(picker, 'Dutch (Netherlands)');
  expect(store.callsOf('setSpokenLanguage')).toEqual([['nl-nl']]);
  expect(picker).toHaveValue('nl-nl');
});

test('a call without captions says so in words instead of leaving a dead button', async () => {
  const store = new FakeCallingStore({
    call: groupCall(
      captionsView({ status: 'unavailable', supportedLanguages: [], problem: captionStrings.unavailable }),
    ),
  });
  renderScreen(<InCallScreen />, store);
  await userEvent.click(screen.getByRole('button', { name: captionStrings.turnOn }));
  expect(store.callsOf('startCaptions')).toEqual([]);
  const pane = screen.getByTestId('captions-pane');
  expect(within(pane).getByTestId('captions-problem')).toHaveTextContent(captionStrings.unavailable);
  expect(within(pane).queryByRole('combobox')).toBeNull();
  // The control says what it does now: nothing runs to turn off.
  expect(within(screen.getByRole('toolbar')).getByRole('button', { name: captionStrings.close })).toBeEnabled();
  await userEvent.click(within(pane).getByRole('button', { name: captionStrings.close }));
  expect(screen.queryByTestId('captions-pane')).toBeNull();
});

test('a start the meeting refuses is explained in the pane', async () => {
  const store = new FakeCallingStore({ call: groupCall() });
  renderScreen(<InCallScreen />, store);
  await userEvent.click(screen.getByRole('button', { name: captionStrings.turnOn }));
  const refusal = captionStrings.startFailed('teams', 'Live captions are turned off by policy');
  act(() => store.updateCall({ captions: captionsView({ kind: 'teams', status: 'off', problem: refusal }) }));
  expect(screen.getByTestId('captions-problem')).toHaveTextContent(refusal);
});

/** Spotlight on the call screen: the marker, the large tiles it moves, and the people pane's controls. */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import type { CallView, SpotlightView } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { inCallStrings, spotlightStrings } from '../../../../../renderer/strings';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, MY_ID, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => localStorage.clear());

const spotlight = (overrides: Partial<SpotlightView> = {}): SpotlightView => ({
  spotlightedIds: [],
  max: 7,
  canSpotlight: false,
  canRemove: false,
  ...overrides,
});

const meeting = (overrides: Partial<CallView> = {}) =>
  callView({
    title: 'Weekly sync',
    target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
    participants: [
      participant('a', 'Adele Vance'),
      participant('b', 'Lee Gu', { isSpeaking: true }),
      participant('c', 'Megan Bowen'),
    ],
    spotlight: spotlight(),
    ...overrides,
  });

function setup(call: CallView) {
  const store = new FakeCallingStore({ call });
  renderScreen(<InCallScreen />, store, installFakeBridge().bridge);
  return { store, user: userEvent.setup({ delay: null }) };
}

const largeIds = () =>
  within(screen.getByTestId('stage-large'))
    .getAllByTestId('stage-tile')
    .map((tile) => tile.getAttribute('data-participant'));

test('a spotlight moves the person to the large tile, marked; several share it; it beats my pin', async () => {
  const { store, user } = setup(meeting());
  expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', '2x2');
  expect(screen.queryByTestId('spotlight-marker')).toBeNull();

  act(() => store.updateCall({ spotlight: spotlight({ spotlightedIds: ['c'] }) }));
  expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'spotlight');
  expect(largeIds()).toEqual(['c']);
  const large = within(screen.getByTestId('stage-large')).getByTestId('stage-tile');
  expect(within(large).getByTestId('spotlight-marker')).toHaveTextContent(spotlightStrings.marker);

  act(() => store.updateCall({ spotlight: spotlight({ spotlightedIds: ['c', 'a'] }) }));
  expect(largeIds()).toEqual(['c', 'a']);

  // My pin on Lee waits while the meeting spotlights others, and applies again when it ends.
  await user.click(screen.getByRole('button', { name: inCallStrings.pin('Lee Gu') }));
  expect(largeIds()).toEqual(['c', 'a']);
  act(() => store.updateCall({ spotlight: spotlight() }));
  expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'pinned');
  expect(largeIds()).toEqual(['b']);
});

test('an attendee sees spotlights but gets no controls for them; my own spotlight I can end', async () => {
  const { store, user } = setup(meeting({ spotlight: spotlight({ spotlightedIds: ['a'] }) }));
  await user.click(screen.getByRole('button', { name: inCallStrings.participants }));
  const pane = screen.getByTestId('participants');
  expect(within(pane).getAllByTestId('spotlight-marker')).toHaveLength(1);
  expect(within(pane).queryByTestId('spotlight-toggle')).toBeNull();
  expect(within(pane).queryByRole('button', { name: spotlightStrings.spotlightMe })).toBeNull();
  expect(within(pane).queryByRole('button', { name: spotlightStrings.stopAll })).toBeNull();

  act(() => store.updateCall({ spotlight: spotlight({ spotlightedIds: ['a', MY_ID] }) }));
  expect(within(pane).getByText(spotlightStrings.youAreSpotlighted)).toBeInTheDocument();
  // Camera off: the marker sits where my camera would be.
  expect(within(screen.getByTestId('self-status')).getByTestId('spotlight-marker')).toBeInTheDocument();
  await user.click(within(pane).getByRole('button', { name: spotlightStrings.stopMine }));
  expect(store.callsOf('stopSpotlight')).toEqual([[]]);
  expect(within(pane).queryByText(spotlightStrings.youAreSpotlighted)).toBeNull();
});

test('an organiser spotlights people and themselves from the people pane, and ends one or all', async () => {
  const { store, user } = setup(meeting({ spotlight: spotlight({ canSpotlight: true, canRemove: true }) }));
  await user.click(screen.getByRole('button', { name: inCallStrings.participants }));
  const pane = screen.getByTestId('participants');
  // The pane's controls stay disabled while one of them runs: each click waits for the last to end.
  const click = async (name: string) => {
    const button = within(pane).getByRole('button', { name });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
  };
  await click(spotlightStrings.spotlight('Lee Gu'));
  expect(store.callsOf('startSpotlight')).toEqual([['b']]);
  expect(largeIds()).toEqual(['b']);
  await click(spotlightStrings.spotlightMe);
  expect(store.callsOf('startSpotlight')).toEqual([['b'], []]);

  await click(spotlightStrings.stop('Lee Gu'));
  expect(store.callsOf('stopSpotlight')).toEqual([['b']]);
  await click(spotlightStrings.spotlight('Megan Bowen'));
  await click(spotlightStrings.stopAll);
  expect(store.callsOf('stopAllSpotlights')).toEqual([[]]);
  expect(screen.queryByTestId('spotlight-marker')).toBeNull();
});

test('a presenter who may spotlight but not end others: no Stop for someone else, a failure said above the list', async () => {
  const { store, user } = setup(
    meeting({ spotlight: spotlight({ spotlightedIds: ['a'], canSpotlight: true, canRemove: false }) }),
  );
  await user.click(screen.getByRole('button', { name: inCallStrings.participants }));
  const pane = screen.getByTestId('participants');
  expect(within(pane).queryByRole('button', { name: spotlightStrings.stop('Adele Vance') })).toBeNull();
  store.failNext.startSpotlight = spotlightStrings.full(7);
  await user.click(within(pane).getByRole('button', { name: spotlightStrings.spotlight('Megan Bowen') }));
  expect(within(pane).getByTestId('host-action-error')).toHaveTextContent(spotlightStrings.full(7));
});

test('a 1:1 call shows no spotlight controls', async () => {
  const { user } = setup(callView({ spotlight: spotlight() }));
  await user.click(screen.getByRole('button', { name: inCallStrings.participants }));
  expect(screen.queryByTestId('spotlight-bar')).toBeNull();
  expect(screen.queryByTestId('spotlight-toggle')).toBeNull();
});

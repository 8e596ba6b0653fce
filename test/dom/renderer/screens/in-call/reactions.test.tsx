/** Reactions on the call screen: the React control, badges on tiles and my self-view, the announcement. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { CallView, ShownReaction } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { reactionStrings } from '../../../../../renderer/strings';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, MY_ID, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const groupCall = (overrides: Partial<CallView> = {}) =>
  callView({
    title: 'Design review',
    target: { kind: 'group', groupId: '0f3c3b36-6c1b-4a8a-9f4a-2d1f4e7b9a10' },
    participants: [participant('ana', 'Ana Bowman'), participant('lee', 'Lee Gu')],
    reactions: { offered: true, allowed: true, shown: [] },
    ...overrides,
  });

const shown = (participantId: string, reaction: ShownReaction['reaction'], senderName = 'whatever'): ShownReaction => ({
  id: `r-${participantId}-${reaction}`,
  participantId,
  senderName,
  fromMe: participantId === MY_ID,
  reaction,
});

function setup(call: CallView) {
  const store = new FakeCallingStore({ call });
  renderScreen(<InCallScreen />, store, installFakeBridge().bridge);
  return { store, user: userEvent.setup({ delay: null }) };
}

const tileOf = (id: string) =>
  screen.getAllByTestId('stage-tile').find((tile) => tile.getAttribute('data-participant') === id) as HTMLElement;

test('React opens the five reactions; one sends it, and mine shows on my self-view and is announced', async () => {
  const { store, user } = setup(groupCall({ isCameraOn: true }));
  await user.click(screen.getByRole('button', { name: reactionStrings.control }));
  const picker = await screen.findByRole('dialog', { name: reactionStrings.pickerLabel });
  expect(
    within(picker)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label')),
  ).toEqual(['Like', 'Heart', 'Laugh', 'Surprised', 'Applause']);
  await user.click(within(picker).getByRole('button', { name: reactionStrings.names.applause }));
  expect(store.callsOf('sendReaction')).toEqual([['applause']]);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog', { name: reactionStrings.pickerLabel })).toBeNull();

  const self = screen.getByTestId('self-view');
  expect(within(self).getByRole('img', { name: reactionStrings.badge('applause') })).toBeInTheDocument();
  const live = screen.getByTestId('reactions-live-region');
  expect(live).toHaveAttribute('aria-live', 'polite');
  expect(live).toHaveTextContent(reactionStrings.announceMine('applause'));
});

test('with my camera off, my reaction shows in the corner where my camera would be', async () => {
  const { user } = setup(groupCall({ isCameraOn: false }));
  await user.click(screen.getByRole('button', { name: reactionStrings.control }));
  await user.click(await screen.findByRole('button', { name: reactionStrings.names.heart }));
  await user.keyboard('{Escape}');
  expect(screen.queryByTestId('self-view')).toBeNull();
  expect(
    within(screen.getByTestId('self-status')).getByRole('img', { name: reactionStrings.badge('heart') }),
  ).toBeInTheDocument();
});

test("a reaction received shows on its sender's tile, announced with the screen's name for them, then goes", () => {
  const { store } = setup(groupCall());
  // The layer's own name for the sender is a fallback: the participant's name on screen wins.
  act(() =>
    store.updateCall({ reactions: { offered: true, allowed: true, shown: [shown('ana', 'applause', 'ana-chosen')] } }),
  );
  expect(within(tileOf('ana')).getByRole('img', { name: reactionStrings.badge('applause') })).toBeInTheDocument();
  expect(within(tileOf('lee')).queryByTestId('reaction-badge')).toBeNull();
  const live = screen.getByTestId('reactions-live-region');
  expect(live).toHaveTextContent('Ana Bowman reacted with applause');
  expect(live).not.toHaveTextContent('ana-chosen');

  // Someone who has left by now is named as the layer named them (never a raw id).
  act(() =>
    store.updateCall({
      reactions: {
        offered: true,
        allowed: true,
        shown: [shown('ana', 'applause'), shown('8:acs:gone', 'like', 'Unnamed person (…a1b2c3)')],
      },
    }),
  );
  expect(live).toHaveTextContent('Unnamed person (…a1b2c3) reacted with like');

  act(() => store.updateCall({ reactions: { offered: true, allowed: true, shown: [] } }));
  expect(screen.queryByTestId('reaction-badge')).toBeNull();
});

test('a 1:1 call has no React control; a meeting that refuses reactions says why instead of offering them', async () => {
  const direct = setup(callView());
  expect(screen.queryByRole('button', { name: reactionStrings.control })).toBeNull();
  direct.store.setState({ call: null });

  const { store, user } = setup(
    groupCall({
      target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
      reactions: { offered: true, allowed: false, shown: [] },
    }),
  );
  await user.click(screen.getByRole('button', { name: reactionStrings.control }));
  const picker = await screen.findByRole('dialog', { name: reactionStrings.pickerLabel });
  expect(picker).toHaveTextContent(reactionStrings.notAllowed);
  expect(within(picker).queryByRole('button', { name: reactionStrings.names.like })).toBeNull();
  expect(store.callsOf('sendReaction')).toEqual([]);
});

test('a failed send is said in the picker', async () => {
  const { store, user } = setup(groupCall());
  store.failNext.sendReaction = 'The service did not take the reaction.';
  await user.click(screen.getByRole('button', { name: reactionStrings.control }));
  await user.click(await screen.findByRole('button', { name: reactionStrings.names.like }));
  expect(await screen.findByText('The service did not take the reaction.')).toBeInTheDocument();
});

/** The stage's views: gallery, speaker, a pinned person, and "+N more" that opens the rest. */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { STAGE_VIEW_KEY } from '../../../../../renderer/screens/in-call/use-stage-view';
import { inCallStrings } from '../../../../../renderer/strings';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, participant } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => localStorage.clear());

const three = () => [
  participant('a', 'Adele Vance'),
  participant('b', 'Lee Gu', { isSpeaking: true }),
  participant('c', 'Megan Bowen'),
];

function setup(store: FakeCallingStore) {
  const user = userEvent.setup({ delay: null });
  const view = renderScreen(<InCallScreen />, store, installFakeBridge().bridge);
  return { store, user, view };
}

const large = () => within(screen.getByTestId('stage-large')).getByTestId('stage-tile');

describe('views', () => {
  test('speaker view puts the active speaker large, keeps them there when they pause, and is remembered', async () => {
    const store = new FakeCallingStore({ call: callView({ participants: three() }) });
    const { user, view } = setup(store);
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', '2x2');
    await user.click(screen.getByRole('button', { name: inCallStrings.viewLabel }));
    await user.click(await screen.findByRole('menuitemradio', { name: inCallStrings.viewSpeaker }));
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'speaker');
    expect(large()).toHaveAttribute('data-participant', 'b');
    expect(
      within(screen.getByRole('region', { name: inCallStrings.stripLabel })).getAllByTestId('stage-tile'),
    ).toHaveLength(2);

    // Lee pauses: still large. Megan speaks: she takes the large tile.
    act(() => store.updateCall({ participants: three().map((p) => ({ ...p, isSpeaking: false })) }));
    expect(large()).toHaveAttribute('data-participant', 'b');
    act(() => store.updateCall({ participants: three().map((p) => ({ ...p, isSpeaking: p.id === 'c' })) }));
    expect(large()).toHaveAttribute('data-participant', 'c');

    expect(localStorage.getItem(STAGE_VIEW_KEY)).toBe('speaker');
    view.unmount();
    setup(new FakeCallingStore({ call: callView({ participants: three() }) }));
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'speaker');
  });

  test('a pinned person takes the large tile in the gallery; unpinning goes back to the grid', async () => {
    const { user } = setup(new FakeCallingStore({ call: callView({ participants: three() }) }));
    await user.click(screen.getByRole('button', { name: inCallStrings.pin('Megan Bowen') }));
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'pinned');
    expect(large()).toHaveAttribute('data-participant', 'c');
    const unpin = screen.getByRole('button', { name: inCallStrings.unpin('Megan Bowen') });
    expect(unpin).toHaveAttribute('aria-pressed', 'true');
    await user.click(unpin);
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', '2x2');
  });

  test('a new call starts with nobody pinned', async () => {
    const store = new FakeCallingStore({ call: callView({ participants: three() }) });
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: inCallStrings.pin('Adele Vance') }));
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'pinned');
    act(() => store.setState({ call: callView({ id: 'call-2', participants: three() }) }));
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', '2x2');
  });

  test('one other person: nothing to arrange, no view menu', () => {
    setup(new FakeCallingStore({ call: callView({ participants: [participant('a', 'Adele Vance')] }) }));
    expect(screen.queryByRole('button', { name: inCallStrings.viewLabel })).toBeNull();
  });
});

test('"+N more" lists the people not on the stage; pinning one brings them onto it', async () => {
  const people = Array.from({ length: 12 }, (_, i) => participant(`p${i}`, `Person ${i}`));
  const { user } = setup(new FakeCallingStore({ call: callView({ participants: people }) }));
  await user.click(screen.getByRole('button', { name: inCallStrings.moreVideosLabel(4) }));
  const list = await screen.findByRole('list', { name: inCallStrings.moreListLabel });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    expect.stringContaining('Person 8'),
    expect.stringContaining('Person 9'),
    expect.stringContaining('Person 10'),
    expect.stringContaining('Person 11'),
  ]);
  await user.click(within(list).getByRole('button', { name: inCallStrings.pin('Person 10') }));
  expect(large()).toHaveAttribute('data-participant', 'p10');
});

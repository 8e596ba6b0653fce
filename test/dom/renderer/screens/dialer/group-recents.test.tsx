/**
 * A call to several people in recents, over the real calling store and the fake SDK: the ended
 * call is kept with everyone who was rung, under the names it was placed with, and "Call again"
 * rings them all in one call again. Rows written before `others` existed still call one person.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { RecentCallInputSchema } from '../../../../../common/ipc/history';
import { ServicesProvider } from '../../../../../renderer/app/App';
import type { PersonTarget } from '../../../../../renderer/calling/model';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { historyStrings, inCallStrings } from '../../../../../renderer/strings';
import { FakeRemoteParticipant } from '../../../../support/fake-calling-sdk';
import { connectedHarness, lastCall } from '../../calling/calling-harness';
import { ADELE, DIRECTORY_PEOPLE, MEGAN } from '../support/directory-people';
import { installFakeBridge, servicesFor } from '../support/fake-bridge';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const adele: PersonTarget = { kind: 'acs-user', communicationUserId: ADELE.communicationUserId };
const megan: PersonTarget = { kind: 'acs-user', communicationUserId: MEGAN.communicationUserId };
const number: PersonTarget = { kind: 'phone', e164: '+14255550123' };
const TITLE = 'Adele Vance, Megan Bowen and 1 other';

async function homeAndCallScreens() {
  const h = await connectedHarness({ now: Date.now });
  // The directory knows Adele: the entry must still not be titled as a call to her alone.
  const fake = installFakeBridge({ directory: { people: DIRECTORY_PEOPLE } });
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={servicesFor(fake.bridge, h.store)}>
        <DialerScreen />
        <InCallScreen />
      </ServicesProvider>
    </FluentProvider>,
  );
  return { h, fake, user: userEvent.setup({ delay: null }) };
}

test('a call to several people is kept with everyone rung, and Call again rings them all', async () => {
  const { h, fake, user } = await homeAndCallScreens();
  // What the call box's list of people places (group-call.test.tsx): one startCall with everyone.
  await h.store.actions.startCall(adele, { video: false, title: TITLE, others: [megan, number] });
  const first = lastCall(h);
  first.remoteSetState('Connected');
  first.remoteJoin(new FakeRemoteParticipant(ADELE.communicationUserId, 'Adele Vance'));
  first.remoteJoin(new FakeRemoteParticipant(MEGAN.communicationUserId, 'Megan Bowen'));
  await user.click(await screen.findByRole('button', { name: inCallStrings.hangUp }));

  await waitFor(() => expect(fake.recorded).toHaveLength(1));
  expect(fake.recorded[0]).toMatchObject({
    target: adele,
    others: [megan, number],
    title: TITLE,
    outcome: 'completed',
  });
  // The ended call's header too: a call to all three, not a 1:1 call with the first of them.
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(TITLE);
  // What the renderer sends passes main's validation of the descriptor.
  expect(RecentCallInputSchema.safeParse(fake.recorded[0]).success).toBe(true);

  const list = await screen.findByRole('list', { name: historyStrings.recent });
  const row = within(list).getByTestId('recent-call');
  expect(row).toHaveTextContent(TITLE);
  // The call box takes one target: a group row is not put into it, it is called again.
  expect(within(row).queryByRole('button', { name: new RegExp(historyStrings.useTarget) })).toBeNull();
  // Adele and Megan are people: video is offered, as the call box offers it for this list.
  expect(within(row).getByRole('button', { name: historyStrings.videoCallAgain(TITLE) })).toBeEnabled();

  await user.click(within(row).getByRole('button', { name: historyStrings.callAgain(TITLE) }));
  await waitFor(() => expect(h.sdk.agent.placed).toHaveLength(2));
  expect(h.sdk.agent.placed[1]).toMatchObject({
    participants: [
      { communicationUserId: ADELE.communicationUserId },
      { communicationUserId: MEGAN.communicationUserId },
      { phoneNumber: '+14255550123' },
    ],
  });
  expect(h.store.getState().call).toMatchObject({ title: TITLE, target: adele, others: [megan, number] });
});

test('a recent call from before `others` existed still rings one person; numbers only offer no video', async () => {
  const base = {
    direction: 'outgoing' as const,
    video: false,
    startedAt: Date.now() - 60_000,
    durationSeconds: 42,
    outcome: 'completed' as const,
  };
  const fake = installFakeBridge({
    history: {
      recents: [
        { ...base, id: 'r-old', target: adele, title: 'Adele Vance' },
        {
          ...base,
          id: 'r-numbers',
          target: { kind: 'phone', e164: '+14255550100' },
          others: [number],
          title: '+1 425 555 0100 and +1 425 555 0123',
        },
      ],
    },
  });
  const store = new FakeCallingStore();
  const user = userEvent.setup({ delay: null });
  renderScreen(<DialerScreen />, store, fake.bridge);
  const list = await screen.findByRole('list', { name: historyStrings.recent });
  const [one, numbers] = within(list).getAllByTestId('recent-call');
  if (!one || !numbers) throw new Error('two rows expected');

  await user.click(within(one).getByRole('button', { name: historyStrings.callAgain('Adele Vance') }));
  expect(store.callsOf('placeCall')).toEqual([[adele, { video: false, title: 'Adele Vance' }]]);

  const numbersTitle = '+1 425 555 0100 and +1 425 555 0123';
  expect(within(numbers).queryByRole('button', { name: historyStrings.videoCallAgain(numbersTitle) })).toBeNull();
  await user.click(within(numbers).getByRole('button', { name: historyStrings.callAgain(numbersTitle) }));
  expect(store.callsOf('placeCall')[1]).toEqual([
    { kind: 'phone', e164: '+14255550100' },
    { video: false, title: numbersTitle, others: [number] },
  ]);
});

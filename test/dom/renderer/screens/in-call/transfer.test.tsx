/**
 * Transfer through the call screen over the real calling store and the fake SDK: the control,
 * the picker (directory search, phone numbers), progress and outcome in words, a consult transfer
 * to a held call, and being transferred (the screen moves to the new call, no "Call ended").
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { ServicesProvider } from '../../../../../renderer/app/App';
import type { CallTarget } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { inCallStrings, transferStrings } from '../../../../../renderer/strings';
import { FakeRemoteParticipant } from '../../../../support/fake-calling-sdk';
import { connectedCall, TEAMS_MEETING } from '../../calling/calling-harness';
import { ADELE, DIRECTORY_PEOPLE, MEGAN } from '../support/directory-people';
import { installFakeBridge, servicesFor } from '../support/fake-bridge';
import '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const BOB = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_bob';

async function inCall(target: CallTarget = { kind: 'acs-user', communicationUserId: BOB }, now?: () => number) {
  const { h, call } = await connectedCall(target, now ? { now } : {});
  call.remoteJoin(new FakeRemoteParticipant(BOB, 'Bob Kelly'));
  const fake = installFakeBridge({ directory: { people: DIRECTORY_PEOPLE } });
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={servicesFor(fake.bridge, h.store)}>
        <InCallScreen />
      </ServicesProvider>
    </FluentProvider>,
  );
  return { h, call, fake, user: userEvent.setup({ delay: null }) };
}

/** The picker, by test id: jsdom runs no Web Animations, so Fluent's dialog can stay aria-hidden mid-"enter". */
async function openPicker(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: transferStrings.control }));
  const dialog = await screen.findByTestId('transfer-dialog');
  expect(dialog).toHaveAttribute('aria-label', transferStrings.title);
  return dialog;
}

const notice = () => screen.getByTestId('transfer-live-region');

test('transfer to a person from the directory: progress, then the call ends with "Transferred to …"', async () => {
  const { call, user } = await inCall();
  const dialog = await openPicker(user);
  const box = within(dialog).getByTestId('transfer-target');
  expect(box).toHaveAttribute('role', 'combobox');
  expect(within(dialog).getByTestId('transfer-submit')).toBeDisabled();
  await user.type(box, 'ad');
  const listbox = await within(dialog).findByTestId('people-suggestions');
  expect(box).toHaveAttribute('aria-expanded', 'true');
  await user.keyboard('{Enter}');
  expect(box).toHaveValue('Adele Vance');
  expect(within(dialog).getByTestId('transfer-understood')).toHaveTextContent(
    transferStrings.understood('Adele Vance'),
  );
  expect(listbox).not.toBeInTheDocument();
  await user.click(within(dialog).getByTestId('transfer-submit'));

  expect(call.features.transfer?.requests.map((r) => r.target)).toEqual([
    { targetParticipant: { communicationUserId: ADELE.communicationUserId } },
  ]);
  await waitFor(() => expect(screen.queryByTestId('transfer-dialog')).toBeNull());
  expect(notice()).toHaveTextContent(transferStrings.transferring('Adele Vance'));

  call.features.transfer?.remoteComplete();
  const ended = await screen.findByTestId('call-ended');
  expect(ended).toHaveTextContent(transferStrings.transferred('Adele Vance'));
  expect(ended).not.toHaveTextContent('You ended the call');
});

test('a failed transfer says why and the call goes on; a phone number needs a caller id', async () => {
  const { h, call, user } = await inCall();
  h.config = { ...h.config, alternateCallerId: null };
  let dialog = await openPicker(user);
  await user.type(within(dialog).getByTestId('transfer-target'), '+1 425 555 0123');
  await waitFor(() => expect(within(dialog).getByTestId('transfer-submit')).toBeEnabled());
  await user.click(within(dialog).getByTestId('transfer-submit'));
  expect(await within(dialog).findByText(transferStrings.problems.noCallerId)).toBeInTheDocument();
  expect(call.features.transfer?.requests).toEqual([]);

  h.config = { ...h.config, alternateCallerId: '+14255550100' };
  await user.click(within(dialog).getByTestId('transfer-submit'));
  await waitFor(() => expect(screen.queryByTestId('transfer-dialog')).toBeNull());
  expect(call.features.transfer?.requests.map((r) => r.target)).toEqual([
    { targetParticipant: { phoneNumber: '+14255550123' } },
  ]);
  call.features.transfer?.remoteFail(603);
  await waitFor(() =>
    expect(notice()).toHaveTextContent(transferStrings.failed('+1 425 555 0123', transferStrings.failures.declined)),
  );
  expect(screen.getByTestId('in-call-screen')).toBeInTheDocument();
  expect(screen.queryByTestId('call-ended')).toBeNull();
  // Dismissed, and the control offers the picker again. (`hidden`: jsdom runs no animations, so
  // the closed dialog's aria-hidden on the page behind it can linger here; Chromium is checked by axe.)
  await user.click(within(notice()).getByRole('button', { name: transferStrings.dismiss, hidden: true }));
  expect(screen.queryByTestId('transfer-notice')).toBeNull();
  dialog = await openPicker(user);
  expect(within(dialog).getByTestId('transfer-target')).toBeInTheDocument();
});

test('a consult transfer: the held call is offered, and both calls end', async () => {
  const { h, call: first, user } = await inCall();
  const ringing = h.sdk.agent.remoteRing(MEGAN.communicationUserId, 'Megan Bowen');
  await h.store.actions.holdAndAccept(ringing.id, { video: false });
  const second = ringing.accepted;
  second?.remoteJoin(new FakeRemoteParticipant(MEGAN.communicationUserId, 'Megan Bowen'));
  await h.store.actions.switchToHeldCall(first.id);

  const dialog = await openPicker(user);
  const button = within(dialog).getByRole('button', {
    name: transferStrings.toHeldCallLabel('Megan Bowen'),
    hidden: true,
  });
  await user.click(button);
  expect(first.features.transfer?.requests.map((r) => r.target)).toEqual([{ targetCallId: second?.id }]);
  await waitFor(() => expect(notice()).toHaveTextContent(transferStrings.transferring('Megan Bowen')));
  first.features.transfer?.remoteComplete(second);
  expect(await screen.findByTestId('call-ended')).toHaveTextContent(transferStrings.transferred('Megan Bowen'));
  expect(screen.queryByTestId('held-calls')).toBeNull();
});

test('being transferred: the screen moves to the new call with a notice, and never shows the old call ended', async () => {
  const { h, call: old } = await inCall();
  const seenEnded = vi.fn();
  const observer = new MutationObserver(() => {
    if (screen.queryByTestId('call-ended')) seenEnded();
  });
  observer.observe(document.body, { childList: true, subtree: true });

  h.sdk.agent.remoteTransferIn(old, new FakeRemoteParticipant(ADELE.communicationUserId, 'Adele Vance'));
  await waitFor(() => expect(notice()).toHaveTextContent(transferStrings.arrived('Adele Vance')));
  expect(screen.getByTestId('in-call-screen')).toHaveTextContent('Adele Vance');
  expect(screen.queryByTestId('call-ended')).toBeNull();
  observer.disconnect();
  expect(seenEnded).not.toHaveBeenCalled();
  expect(screen.getByRole('button', { name: inCallStrings.hangUp })).toBeEnabled();
});

test('being transferred: recents keep the call I was in as it went, and the new call as its own entry', async () => {
  let clock = Date.now();
  const { h, call: old, fake, user } = await inCall(undefined, () => clock);
  // Bob and I talk for a minute and a half; then he transfers me to Adele.
  clock += 95_000;
  h.sdk.agent.remoteTransferIn(old, new FakeRemoteParticipant(ADELE.communicationUserId, 'Adele Vance'));
  await waitFor(() => expect(fake.recorded).toHaveLength(1));
  expect(fake.recorded[0]).toMatchObject({
    target: { kind: 'acs-user', communicationUserId: BOB },
    title: 'Bob Kelly',
    direction: 'outgoing',
    outcome: 'completed',
    durationSeconds: 95,
  });
  expect(fake.recorded[0]).not.toHaveProperty('others');
  // The call with Adele goes on: it is recorded when it ends, as any call, and only once.
  await user.click(screen.getByRole('button', { name: inCallStrings.hangUp }));
  await waitFor(() => expect(fake.recorded).toHaveLength(2));
  expect(fake.recorded[1]).toMatchObject({
    target: { kind: 'acs-user', communicationUserId: ADELE.communicationUserId },
    title: 'Adele Vance',
    outcome: 'completed',
  });
  expect(fake.recorded.filter((entry) => entry.title === 'Bob Kelly')).toHaveLength(1);
});

test('a meeting offers no picker and says why', async () => {
  const { user } = await inCall(TEAMS_MEETING);
  const dialog = await openPicker(user);
  expect(within(dialog).getByTestId('transfer-unavailable')).toHaveTextContent(transferStrings.unavailable.group);
  expect(within(dialog).queryByTestId('transfer-target')).toBeNull();
});

import { transferStrings } from '../../../../renderer/strings';
import { FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedCall, lastCall, TEAMS_MEETING } from './calling-harness';

const BOB = '8:acs:bob';
const CAROL = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_carol';

async function callWithBob() {
  const { h, call } = await connectedCall({ kind: 'acs-user', communicationUserId: BOB });
  call.remoteJoin(new FakeRemoteParticipant(BOB, 'Bob Kelly'));
  return { h, call };
}

test('a transfer to a person goes to the SDK, shows progress, and ends the call with "Transferred to …"', async () => {
  const { h, call } = await callWithBob();
  expect(h.store.getState().call?.transfer).toMatchObject({ status: 'idle', unavailable: null });
  await h.store.actions.transferCall({ kind: 'acs-user', communicationUserId: CAROL }, { title: 'Carol Diaz' });
  const feature = call.features.transfer;
  expect(feature?.requests.map((r) => r.target)).toEqual([{ targetParticipant: { communicationUserId: CAROL } }]);
  expect(h.store.getState().call?.transfer).toMatchObject({ status: 'transferring', targetName: 'Carol Diaz' });
  await vi.waitFor(() => expect(feature?.requests[0]?.transfer.state).toBe('Transferring'));
  expect(h.store.getState().call?.transfer.unavailable).toBe(transferStrings.unavailable.busy);

  feature?.remoteComplete();
  const ended = h.store.getState().call;
  expect(ended?.status).toBe('ended');
  expect(ended?.endReason?.message).toBe(transferStrings.transferred('Carol Diaz'));
  expect(feature?.listenerCount()).toBe(0);
  expect(feature?.requests[0]?.transfer.listenerCount()).toBe(0);
});

test('a failed transfer says why in words and keeps the call', async () => {
  const { h, call } = await callWithBob();
  await h.store.actions.transferCall({ kind: 'acs-user', communicationUserId: CAROL }, { title: 'Carol Diaz' });
  call.features.transfer?.remoteFail(486);
  const view = h.store.getState().call;
  expect(view?.status).toBe('connected');
  expect(view?.transfer).toMatchObject({
    status: 'failed',
    problem: transferStrings.failed('Carol Diaz', transferStrings.failures.busy),
    unavailable: null,
  });
});

test('the SDK refusing to transfer lands in words, not a throw', async () => {
  const { h, call } = await callWithBob();
  if (call.features.transfer) call.features.transfer.refuse = new Error('Transfer is not supported');
  await h.store.actions.transferCall({ kind: 'acs-user', communicationUserId: CAROL }, {});
  expect(h.store.getState().call?.transfer).toMatchObject({
    status: 'failed',
    problem: transferStrings.refused('Transfer is not supported'),
  });
});

test('to a phone number: needs a caller id, and is sent as a phone number', async () => {
  const { h, call } = await callWithBob();
  h.config = { ...h.config, alternateCallerId: null };
  await expect(
    h.store.actions.transferCall({ kind: 'phone', e164: '+14255550123' }, { title: '+1 425 555 0123' }),
  ).rejects.toThrow(transferStrings.problems.noCallerId);
  expect(call.features.transfer?.requests).toEqual([]);
  h.config = { ...h.config, alternateCallerId: '+14255550100' };
  await h.store.actions.transferCall({ kind: 'phone', e164: '+14255550123' }, {});
  expect(call.features.transfer?.requests.map((r) => r.target)).toEqual([
    { targetParticipant: { phoneNumber: '+14255550123' } },
  ]);
});

test('not offered in meetings or group calls, nor to a meeting, nor to the person already on the line', async () => {
  const meeting = await connectedCall(TEAMS_MEETING);
  expect(meeting.h.store.getState().call?.transfer.unavailable).toBe(transferStrings.unavailable.group);
  await expect(
    meeting.h.store.actions.transferCall({ kind: 'acs-user', communicationUserId: CAROL }, {}),
  ).rejects.toThrow(transferStrings.unavailable.group);

  const { h, call } = await callWithBob();
  await expect(
    h.store.actions.transferCall({ kind: 'group', groupId: '00000000-0000-0000-0000-000000000000' }, {}),
  ).rejects.toThrow(transferStrings.problems.notAPerson);
  await expect(h.store.actions.transferCall({ kind: 'acs-user', communicationUserId: BOB }, {})).rejects.toThrow(
    transferStrings.problems.same,
  );
  call.remoteJoin(new FakeRemoteParticipant(CAROL, 'Carol Diaz'));
  expect(h.store.getState().call?.transfer.unavailable).toBe(transferStrings.unavailable.group);
  expect(call.features.transfer?.requests).toEqual([]);
});

test('a consult transfer sends the current call into the held one; both end, nothing is left on hold', async () => {
  const { h, call: first } = await callWithBob();
  const ringing = h.sdk.agent.remoteRing(CAROL, 'Carol Diaz');
  await h.store.actions.holdAndAccept(ringing.id, { video: false });
  const second = ringing.accepted;
  if (!second) throw new Error('not accepted');
  second.remoteJoin(new FakeRemoteParticipant(CAROL, 'Carol Diaz'));
  // Back to Bob, Carol waits on hold: Bob is transferred to her.
  await h.store.actions.switchToHeldCall(first.id);
  expect(h.store.getState().held.map((c) => c.id)).toEqual([second.id]);
  await h.store.actions.transferToHeldCall(second.id);
  expect(first.features.transfer?.requests.map((r) => r.target)).toEqual([{ targetCallId: second.id }]);
  expect(h.store.getState().call?.transfer.targetName).toBe('Carol Diaz');

  first.features.transfer?.remoteComplete(second);
  expect(h.store.getState().call?.endReason?.message).toBe(transferStrings.transferred('Carol Diaz'));
  expect(h.store.getState().held).toEqual([]);
  await expect(h.store.actions.transferToHeldCall(second.id)).rejects.toThrow();
});

test('transferred to someone else: the new call takes over at once, once, and the old end is never shown', async () => {
  const { h, call: old } = await callWithBob();
  const states: Array<{ id: string | undefined; status: string | undefined }> = [];
  h.store.subscribe(() => {
    const view = h.store.getState().call;
    states.push({ id: view?.id, status: view?.status });
  });
  const carol = new FakeRemoteParticipant(CAROL, 'Carol Diaz');
  const next = h.sdk.agent.remoteTransferIn(old, carol);
  expect(h.sdk.agent.calls).toContain(next);

  const view = h.store.getState().call;
  expect(view).toMatchObject({ id: next.id, status: 'connected', title: 'Carol Diaz' });
  // The call I was in until then, as it stood at the hand-over: recents keep it as it went.
  expect(view?.transfer.transferredFrom).toMatchObject({
    id: old.id,
    direction: 'outgoing',
    title: 'Bob Kelly',
    target: { kind: 'acs-user', communicationUserId: BOB },
    others: [],
    video: false,
  });
  expect(view?.transfer.transferredFrom?.connectedAt).toEqual(expect.any(Number));
  expect(view?.transfer.transferredFrom?.endedAt).toBeGreaterThanOrEqual(
    view?.transfer.transferredFrom?.connectedAt ?? Number.POSITIVE_INFINITY,
  );
  expect(view?.target).toEqual({ kind: 'acs-user', communicationUserId: CAROL });
  expect(h.store.getState().held).toEqual([]);
  // The old call ended after the hand-over, and no published state ever showed it ended.
  expect(old.state).toBe('Disconnected');
  expect(states.some((s) => s.id === old.id && s.status === 'ended')).toBe(false);
  expect(old.features.transfer?.listenerCount()).toBe(0);
  // The same call handed over again (the SDK also lists it in callAgent.calls) is not tracked twice.
  old.features.transfer?.remoteAccepted(next);
  expect(h.store.getState().call?.id).toBe(next.id);

  // The new call is an ordinary call: hanging up reads as usual.
  await h.store.actions.hangUp();
  expect(h.store.getState().call?.endReason?.message).not.toContain('Transferred');
  expect(lastCall(h)).toBe(next);
});

import { REACTION_SHOWN_MS } from '../../../../renderer/calling/reactions';
import { reactionStrings } from '../../../../renderer/strings';
import { type FakeCall, FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedCall, type Harness, ME, TEAMS_MEETING } from './calling-harness';

const GROUP = { kind: 'group', groupId: '0f3c3b36-6c1b-4a8a-9f4a-2d1f4e7b9a10' } as const;

async function groupCall(target: Parameters<typeof connectedCall>[0] = GROUP): Promise<{ h: Harness; call: FakeCall }> {
  const { h, call } = await connectedCall(target);
  call.remoteJoin(new FakeRemoteParticipant('8:acs:res_ana', 'Ana Bowman'));
  call.remoteJoin(new FakeRemoteParticipant('8:acs:res_lee'));
  return { h, call };
}

const reactions = (h: Harness) => h.store.getState().call?.reactions;

afterEach(() => {
  vi.useRealTimers();
});

test('a reaction received shows on its sender, named, for a few seconds; a second one replaces the first', async () => {
  const { h, call } = await groupCall();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  expect(reactions(h)).toEqual({ offered: true, allowed: true, shown: [] });

  call.features.reaction.remoteReact('8:acs:res_ana', 'applause');
  call.features.reaction.remoteReact('8:acs:res_lee', 'heart');
  expect(reactions(h)?.shown).toMatchObject([
    { participantId: '8:acs:res_ana', senderName: 'Ana Bowman', fromMe: false, reaction: 'applause' },
    // No display name: a readable name, never the raw id.
    { participantId: '8:acs:res_lee', senderName: expect.not.stringContaining('8:acs'), reaction: 'heart' },
  ]);

  vi.advanceTimersByTime(REACTION_SHOWN_MS - 1_000);
  call.features.reaction.remoteReact('8:acs:res_ana', 'laugh');
  vi.advanceTimersByTime(1_000);
  // Lee's time is up; Ana's second reaction replaced her first and started the time again.
  expect(reactions(h)?.shown.map((r) => [r.participantId, r.reaction])).toEqual([['8:acs:res_ana', 'laugh']]);
  vi.advanceTimersByTime(REACTION_SHOWN_MS);
  expect(reactions(h)?.shown).toEqual([]);
});

test('sending goes to the SDK and shows on my own view once; the service echo is not shown twice', async () => {
  const { h, call } = await groupCall();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await h.store.actions.sendReaction('like');
  expect(call.features.reaction.sent).toEqual(['like']);
  expect(reactions(h)?.shown).toMatchObject([{ participantId: ME, fromMe: true, reaction: 'like' }]);
  vi.advanceTimersByTime(REACTION_SHOWN_MS);
  expect(reactions(h)?.shown).toEqual([]);

  // Without an echo it shows just the same.
  call.features.reaction.echo = false;
  await h.store.actions.sendReaction('surprised');
  expect(reactions(h)?.shown).toMatchObject([{ fromMe: true, reaction: 'surprised' }]);
});

test('a refusal by the service rejects and shows nothing; an unknown reaction type is left out', async () => {
  const { h, call } = await groupCall();
  call.features.reaction.refuse = new Error('Reactions are not available');
  await expect(h.store.actions.sendReaction('heart')).rejects.toThrow('Reactions are not available');
  expect(reactions(h)?.shown).toEqual([]);
  call.features.reaction.remoteReact('8:acs:res_ana', 'wave' as never);
  expect(reactions(h)?.shown).toEqual([]);
});

test('a 1:1 call offers none; a Teams meeting whose policy refuses them says so in words', async () => {
  const { h, call } = await connectedCall();
  expect(reactions(h)).toMatchObject({ offered: false, allowed: false });
  await expect(h.store.actions.sendReaction('like')).rejects.toThrow(reactionStrings.notOffered);
  expect(call.features.reaction.sent).toEqual([]);

  const meeting = await groupCall(TEAMS_MEETING);
  expect(reactions(meeting.h)).toMatchObject({ offered: true, allowed: true });
  meeting.call.features.capabilities.remoteSet({ useReactions: false });
  expect(reactions(meeting.h)).toMatchObject({ offered: true, allowed: false });
  await expect(meeting.h.store.actions.sendReaction('like')).rejects.toThrow(reactionStrings.notAllowed);
  meeting.call.features.capabilities.remoteSet({ useReactions: true });
  await meeting.h.store.actions.sendReaction('like');
  expect(meeting.call.features.reaction.sent).toEqual(['like']);
});

test('ending the call stops listening and drops the reactions on show', async () => {
  const { h, call } = await groupCall();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  call.features.reaction.remoteReact('8:acs:res_ana', 'heart');
  await h.store.actions.hangUp();
  expect(call.features.reaction.listenerCount()).toBe(0);
  expect(reactions(h)?.shown).toEqual([]);
  expect(vi.getTimerCount()).toBe(0);
});

/**
 * The history contract for a call to several people: the optional `others` on a recents entry.
 * Entries written before it existed (no `others`) must still load; a group entry round-trips; the
 * caps and the people-only rule are enforced by the schemas that main and the IPC descriptors use.
 */
import { describe, expect, test } from 'vitest';
import {
  CallHistorySchema,
  FavouriteInputSchema,
  MAX_PEOPLE_PER_CALL,
  type RecentCall,
  RecentCallInputSchema,
  RecentCallSchema,
} from '../../../common/ipc/history';
import * as limits from '../../../common/ipc/history-limits';

const adele = { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' } as const;
const lee = { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_lee' } as const;
const number = { kind: 'phone', e164: '+14255550123' } as const;

/** An entry exactly as the release before `others` wrote it (call-history.json, version 1). */
const writtenBefore = {
  id: '3f1c9e9a-5a53-4f3e-9d55-4c9c1b1d7b10',
  target: adele,
  title: 'Adele Vance',
  direction: 'outgoing',
  video: false,
  startedAt: 1_764_700_000_000,
  durationSeconds: 125,
  outcome: 'completed',
};

const group: RecentCall = {
  ...(writtenBefore as RecentCall),
  id: 'group-1',
  others: [lee, number],
  title: 'Adele Vance, Lee Gu and 1 other',
};

const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ kind: 'acs-user' as const, communicationUserId: `8:acs:person-${i}` }));

describe('recents of a call to several people', () => {
  test('an entry written before `others` existed loads as it is', () => {
    expect(RecentCallSchema.parse(writtenBefore)).toEqual(writtenBefore);
    expect(CallHistorySchema.parse({ recents: [writtenBefore], favourites: [] }).recents).toEqual([writtenBefore]);
  });

  test('a group entry round-trips through JSON and the schema unchanged', () => {
    const again = RecentCallSchema.parse(JSON.parse(JSON.stringify(group)));
    expect(again).toEqual(group);
    const { id: _id, ...input } = group;
    expect(RecentCallInputSchema.parse(input)).toEqual(input);
  });

  test('others are capped so that the whole call stays within MAX_PEOPLE_PER_CALL; an empty list is refused', () => {
    const { id: _id, ...input } = group;
    expect(RecentCallInputSchema.safeParse({ ...input, others: people(MAX_PEOPLE_PER_CALL - 1) }).success).toBe(true);
    expect(RecentCallInputSchema.safeParse({ ...input, others: people(MAX_PEOPLE_PER_CALL) }).success).toBe(false);
    // One way to say "one person": no `others` at all.
    expect(RecentCallInputSchema.safeParse({ ...input, others: [] }).success).toBe(false);
    expect(RecentCallSchema.safeParse({ ...group, others: people(MAX_PEOPLE_PER_CALL) }).success).toBe(false);
  });

  test('only people are rung together: no place among the others, no others with a place', () => {
    const { id: _id, ...input } = group;
    const meeting = { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' } as const;
    expect(RecentCallInputSchema.safeParse({ ...input, others: [lee, meeting] }).success).toBe(false);
    const withPlace = RecentCallInputSchema.safeParse({ ...input, target: meeting });
    expect(withPlace.success).toBe(false);
    expect(withPlace.error?.issues.map((issue) => issue.path)).toEqual([['others']]);
    expect(RecentCallSchema.safeParse({ ...group, target: meeting }).success).toBe(false);
    expect(RecentCallInputSchema.safeParse({ ...input, others: [{ kind: 'phone', e164: '0123' }] }).success).toBe(
      false,
    );
  });

  test('favourites stay one target each', () => {
    expect(FavouriteInputSchema.safeParse({ target: adele, label: 'Adele' }).success).toBe(true);
    expect(FavouriteInputSchema.safeParse({ target: adele, others: [lee], label: 'Team' }).success).toBe(false);
  });

  test('the cap is one value, importable without zod', () => {
    expect(limits.MAX_PEOPLE_PER_CALL).toBe(MAX_PEOPLE_PER_CALL);
  });
});

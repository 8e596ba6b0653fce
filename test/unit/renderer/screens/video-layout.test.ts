import { expect, test } from 'vitest';
import { MAX_STRIP_TILES, planStage, type StageFacts } from '../../../../renderer/screens/in-call/video-layout';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));
const ids = (list: Array<{ id: string }>) => list.map((p) => p.id);
const facts = (overrides: Partial<StageFacts<{ id: string }>>): StageFacts<{ id: string }> => ({
  people: people(4),
  view: 'gallery',
  spotlightIds: [],
  pinnedId: null,
  speakerId: null,
  screenShared: false,
  selfOn: false,
  ...overrides,
});

test('gallery: up to 9 in a grid; beyond, 8 tiles and the rest behind "+N more"', () => {
  expect(planStage(facts({ people: people(9) }))).toMatchObject({ kind: 'grid', columns: 3, rows: 3 });
  const crowded = planStage(facts({ people: people(12) }));
  if (crowded.kind !== 'grid') throw new Error('expected the grid');
  expect(ids(crowded.tiles)).toHaveLength(8);
  expect(ids(crowded.overflow)).toEqual(['p8', 'p9', 'p10', 'p11']);
  // My camera takes a grid slot: one fewer for others.
  const withSelf = planStage(facts({ people: people(9), selfOn: true }));
  expect(withSelf.kind === 'grid' && withSelf.tiles.length).toBe(7);
});

test('speaker view: the active speaker is large, the others in the strip; nobody speaking yet: the first', () => {
  expect(planStage(facts({ view: 'speaker', speakerId: 'p2' }))).toMatchObject({
    kind: 'focus',
    large: { id: 'p2' },
    strip: [{ id: 'p0' }, { id: 'p1' }, { id: 'p3' }],
  });
  expect(planStage(facts({ view: 'speaker' }))).toMatchObject({ kind: 'focus', large: { id: 'p0' } });
});

test('a pin wins over the speaker in either view; a shared screen wins over both', () => {
  expect(planStage(facts({ pinnedId: 'p3', speakerId: 'p1' }))).toMatchObject({ kind: 'focus', large: { id: 'p3' } });
  expect(planStage(facts({ view: 'speaker', pinnedId: 'p3', speakerId: 'p1' }))).toMatchObject({
    large: { id: 'p3' },
  });
  const shared = planStage(facts({ pinnedId: 'p3', screenShared: true }));
  expect(shared).toMatchObject({ kind: 'focus', large: null });
  expect(shared.kind === 'focus' && shared.strip.length).toBe(4);
  // A pin on someone who left is no pin.
  expect(planStage(facts({ pinnedId: 'gone' }))).toMatchObject({ kind: 'grid' });
});

test('the strip beside a large tile stops too: the rest are behind "+N more"', () => {
  const plan = planStage(facts({ people: people(30), view: 'speaker', selfOn: true }));
  if (plan.kind !== 'focus') throw new Error('expected focus');
  expect(plan.strip.length + 1 /* me */ + 1 /* +N more */).toBe(MAX_STRIP_TILES);
  expect(plan.strip.length + plan.overflow.length + 1).toBe(30);
});

test('spotlight beats pin and speaker: the spotlighted share the large area, in the service order', () => {
  const plan = planStage(facts({ spotlightIds: ['p2', 'p0'], pinnedId: 'p3', speakerId: 'p1', view: 'speaker' }));
  if (plan.kind !== 'focus') throw new Error('expected focus');
  expect(plan.large?.id).toBe('p2');
  expect(ids(plan.alsoLarge)).toEqual(['p0']);
  // The pin waits in the strip, and applies again once the spotlight ends.
  expect(ids(plan.strip)).toEqual(['p1', 'p3']);
  expect(planStage(facts({ spotlightIds: [], pinnedId: 'p3' }))).toMatchObject({ large: { id: 'p3' }, alsoLarge: [] });
});

test('spotlight turns the gallery into focus; people who left are skipped; a shared screen still wins', () => {
  expect(planStage(facts({ spotlightIds: ['p1'] }))).toMatchObject({ kind: 'focus', large: { id: 'p1' } });
  expect(planStage(facts({ spotlightIds: ['gone', 'p3'] }))).toMatchObject({ large: { id: 'p3' }, alsoLarge: [] });
  // Only absent (or my own, which is not on the stage) spotlights: the gallery stays.
  expect(planStage(facts({ spotlightIds: ['gone'] }))).toMatchObject({ kind: 'grid' });
  const shared = planStage(facts({ spotlightIds: ['p3', 'p2'], screenShared: true }));
  if (shared.kind !== 'focus') throw new Error('expected focus');
  expect(shared.large).toBeNull();
  expect(ids(shared.strip)).toEqual(['p3', 'p2', 'p0', 'p1']);
});

/**
 * How the stage arranges people. Pure: VideoStage renders what `planStage` decides.
 *
 * - Gallery: a grid where 1 fills the stage, 2 sit side by side, 3–4 make 2×2, 5–6 make 3×2, 7–9
 *   make 3×3. More than 9 are not shown at once: the last tile says how many more there are and
 *   opens the list of them, as in Teams and the ACS UI library.
 * - Focus: one person large, everyone else in a strip beside them. The large tile goes to, in
 *   order: a shared screen, the people spotlighted, the person the user pinned, the active speaker
 *   (speaker view), and in speaker view with nobody speaking yet, the first person. A pin
 *   therefore works in either view.
 * - Spotlight beats pin: a spotlight is the meeting's decision for everyone (an organiser's or a
 *   presenter's), a pin is mine alone. While anyone is spotlighted they share the large area
 *   (up to the SDK's maximum, 7), in the order the service spotlighted them; my pin waits, still
 *   shown as pinned, and applies again when the spotlight ends. A shared screen still wins over
 *   both (it is what the meeting is looking at): the spotlighted people then head the strip.
 */
export const MAX_TILES = 9;
/** The strip beside a large tile scrolls, but it stops somewhere: the rest are behind "+N more". */
export const MAX_STRIP_TILES = 12;

export type StageView = 'gallery' | 'speaker';

export function gridFor(count: number): { columns: number; rows: number } {
  const n = Math.max(1, Math.min(count, MAX_TILES));
  if (n === 1) return { columns: 1, rows: 1 };
  if (n === 2) return { columns: 2, rows: 1 };
  if (n <= 4) return { columns: 2, rows: 2 };
  if (n <= 6) return { columns: 3, rows: 2 };
  return { columns: 3, rows: 3 };
}

export interface StageFacts<P extends { id: string }> {
  /** The people present, in the order worth seeing (video first, then speaking). */
  readonly people: readonly P[];
  readonly view: StageView;
  /** The people spotlighted for everyone, in the service's order (absent ones are skipped). */
  readonly spotlightIds: readonly string[];
  /** The person the user pinned, if still present. */
  readonly pinnedId: string | null;
  /** The person who spoke last (sticky: the large tile does not jump back when they pause). */
  readonly speakerId: string | null;
  /** Someone is sharing a screen: it takes the large tile. */
  readonly screenShared: boolean;
  /** My camera is on and needs a slot of its own. */
  readonly selfOn: boolean;
}

export type StagePlan<P> =
  | { kind: 'grid'; tiles: P[]; overflow: P[]; columns: number; rows: number }
  /** `alsoLarge`: further spotlighted people, sharing the large area with `large`. */
  | { kind: 'focus'; large: P | null; alsoLarge: P[]; strip: P[]; overflow: P[] };

export function planStage<P extends { id: string }>(facts: StageFacts<P>): StagePlan<P> {
  const { people } = facts;
  const pinned = people.find((p) => p.id === facts.pinnedId) ?? null;
  const spotlit = facts.spotlightIds
    .map((id) => people.find((p) => p.id === id))
    .filter((p): p is P => p !== undefined);
  const focus = facts.screenShared || spotlit.length > 0 || pinned !== null || facts.view === 'speaker';
  if (focus) {
    // A shared screen is the large tile itself; otherwise the spotlighted people, or one person.
    const larges = facts.screenShared
      ? []
      : spotlit.length > 0
        ? spotlit
        : [pinned ?? people.find((p) => p.id === facts.speakerId) ?? people[0]].filter((p): p is P => !!p);
    // Beside a shared screen the spotlighted people come first in the strip.
    const rest = [...spotlit, ...people.filter((p) => !spotlit.includes(p))].filter((p) => !larges.includes(p));
    const room = MAX_STRIP_TILES - (facts.selfOn ? 1 : 0);
    const split = rest.length > room ? room - 1 : rest.length;
    return {
      kind: 'focus',
      large: larges[0] ?? null,
      alsoLarge: larges.slice(1),
      strip: rest.slice(0, split),
      overflow: rest.slice(split),
    };
  }
  // In the grid my camera takes one of the tiles.
  const capacity = MAX_TILES - (facts.selfOn ? 1 : 0);
  const split = people.length > capacity ? capacity - 1 : people.length;
  const tiles = people.slice(0, split);
  const overflow = people.slice(split);
  const { columns, rows } = gridFor(tiles.length + (overflow.length > 0 ? 1 : 0) + (facts.selfOn ? 1 : 0));
  return { kind: 'grid', tiles, overflow, columns, rows };
}

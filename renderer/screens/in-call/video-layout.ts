/**
 * How many columns and rows a stage of `count` tiles uses: 1 fills the stage, 2 sit side by
 * side, 3–4 make 2×2, 5–6 make 3×2, 7–9 make 3×3. More than 9 are not shown at once (the last
 * tile says how many more there are), as in Teams and the ACS UI library.
 */
export const MAX_TILES = 9;

export function gridFor(count: number): { columns: number; rows: number } {
  const n = Math.max(1, Math.min(count, MAX_TILES));
  if (n === 1) return { columns: 1, rows: 1 };
  if (n === 2) return { columns: 2, rows: 1 };
  if (n <= 4) return { columns: 2, rows: 2 };
  if (n <= 6) return { columns: 3, rows: 2 };
  return { columns: 3, rows: 3 };
}

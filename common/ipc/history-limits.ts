/**
 * The history caps as plain values. Kept free of zod (unlike history.ts, which re-exports them) so
 * that the dialer can show "favourites full" without pulling every schema into its chunk.
 */
export const RECENT_CALLS_LIMIT = 50;
export const FAVOURITES_LIMIT = 100;

/**
 * Ringing more people than this in one call (the call box's list of people, "Call again" from
 * recents) is a broadcast, not a call. Here, not in the calling layer, because the history
 * contract caps a recents entry's people by it too.
 */
export const MAX_PEOPLE_PER_CALL = 20;

/**
 * The history caps as plain values. Kept free of zod (unlike history.ts, which re-exports them) so
 * that the dialer can show "favourites full" without pulling every schema into its chunk.
 */
export const RECENT_CALLS_LIMIT = 50;
export const FAVOURITES_LIMIT = 100;

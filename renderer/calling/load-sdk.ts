import type { CallingSdk } from './sdk-surface';

/**
 * A `performance` mark set when the SDK chunk has been imported and evaluated: with
 * TOKEN_AND_SDK_MARK it tells a trace (and bench/renderer-startup) which of the two came last.
 */
export const SDK_LOADED_MARK = 'switchboard:sdk-loaded';

/**
 * Starts (or joins) the one download of the SDK chunk. Called by the entry before the shell's
 * first render and again wherever the SDK is needed: the browser fetches the chunk once.
 */
let loading: Promise<CallingSdk> | null = null;
export function loadCallingSdk(): Promise<CallingSdk> {
  loading ??= import('./sdk').then((module) => {
    performance.mark(SDK_LOADED_MARK);
    return module.callingSdk;
  });
  return loading;
}

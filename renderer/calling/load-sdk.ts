import type { CallingSdk } from './sdk-surface';

/**
 * Starts (or joins) the one download of the SDK chunk. Called as soon as the shell has painted
 * and again wherever the SDK is needed: the browser fetches the chunk once.
 */
let loading: Promise<CallingSdk> | null = null;
export function loadCallingSdk(): Promise<CallingSdk> {
  loading ??= import('./sdk').then((module) => module.callingSdk);
  return loading;
}

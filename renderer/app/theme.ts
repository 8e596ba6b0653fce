import { useSyncExternalStore } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', listener);
  return () => query?.removeEventListener('change', listener);
}

function prefersDark(): boolean {
  return window.matchMedia?.(DARK_QUERY).matches ?? false;
}

/**
 * Whether the OS asks for dark mode, live (switching it re-renders). Kept free of Fluent so the
 * shell can use it; the screens' chunk maps it to Fluent's web light/dark theme.
 */
export function useOsDarkMode(): boolean {
  return useSyncExternalStore(subscribe, prefersDark);
}

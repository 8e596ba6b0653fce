import { type Theme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
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

/** Fluent's web theme matching the OS light/dark setting, live (the OS switch re-renders). */
export function useOsTheme(): { theme: Theme; dark: boolean } {
  const dark = useSyncExternalStore(subscribe, prefersDark);
  return { theme: dark ? webDarkTheme : webLightTheme, dark };
}

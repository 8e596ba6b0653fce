import { act, screen } from '@testing-library/react';
import { createFakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

/** A matchMedia whose answer the test flips, as the OS would. */
function installColorScheme(initiallyDark: boolean) {
  const listeners = new Set<() => void>();
  const state = { dark: initiallyDark };
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes('dark') && state.dark;
    },
    media: query,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  })) as unknown as typeof window.matchMedia;
  return {
    set(dark: boolean) {
      state.dark = dark;
      for (const listener of [...listeners]) listener();
    },
    restore() {
      window.matchMedia = original;
    },
  };
}

test('the theme follows the OS light/dark setting, live', async () => {
  const scheme = installColorScheme(true);
  try {
    renderApp(createFakeBridge());
    const provider = (await screen.findByTestId('app-shell')).closest('[data-theme]');
    expect(provider).toHaveAttribute('data-theme', 'dark');
    act(() => scheme.set(false));
    expect(provider).toHaveAttribute('data-theme', 'light');
  } finally {
    scheme.restore();
  }
});

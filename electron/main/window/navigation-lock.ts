/**
 * Our renderer never navigates: it is one page at app://localhost/. Any navigation, server
 * redirect, webview or new window would be content we did not ship running with our preload or
 * our session, so each is refused. Applied to our window and, as defence in depth, to every
 * webContents Electron creates (main.ts, `web-contents-created`).
 */

type Prevented = (event: { preventDefault(): void }) => void;

/** The part of Electron's `WebContents` used here. */
export interface LockableWebContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: Prevented): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

const prevent: Prevented = (event) => event.preventDefault();

/**
 * Refuses navigation, redirects and webviews; every new window is denied, after `onWindowOpen`
 * has seen its URL (our window hands validated https links to the OS browser there).
 */
export function lockNavigation(contents: LockableWebContents, onWindowOpen: (url: string) => void = () => {}): void {
  contents.on('will-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
  contents.setWindowOpenHandler(({ url }) => {
    onWindowOpen(url);
    return { action: 'deny' };
  });
}

/**
 * The one decision on whether an IPC message comes from us: our own window's webContents, its
 * top frame, on our own origin. Everything else (a foreign window, a subframe, a page that has
 * navigated away, a devtools extension) is refused before its payload is even parsed.
 */

/** What a sender check needs from Electron's `IpcMainEvent`/`IpcMainInvokeEvent`. */
export interface IpcSenderInfo {
  readonly sender: { readonly id: number };
  /** null when the frame has navigated or been destroyed since it sent the message. */
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

export type SenderPolicy = (event: IpcSenderInfo) => SenderVerdict;
export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

/** The renderer's origin in production: a privileged `app://` scheme whose host is `localhost` (docs/acs-facts.md, Calling SDK). */
export const APP_ORIGIN = 'app://localhost';

export interface TrustedSender {
  /** Our window's `webContents.id`, read when the handler runs (the window may be recreated). */
  readonly webContentsId: () => number | undefined;
  /** The only origin allowed to call, e.g. `app://localhost`. */
  readonly origin: string;
}

export function createSenderPolicy(trusted: TrustedSender): SenderPolicy {
  return (event) => {
    const expectedId = trusted.webContentsId();
    if (expectedId === undefined || event.sender.id !== expectedId) {
      return { trusted: false, reason: 'the message did not come from the Switchboard window' };
    }
    const frame = event.senderFrame;
    if (!frame) return { trusted: false, reason: 'the sending frame no longer exists' };
    // A subframe (an embedded page) never speaks for the app, even on our origin.
    if (frame.parent) return { trusted: false, reason: 'the message came from an embedded frame' };
    if (originOf(frame.url) !== trusted.origin) {
      return { trusted: false, reason: 'the sending page is not the Switchboard app' };
    }
    return { trusted: true };
  };
}

/**
 * `new URL('app://localhost/x').origin` is "null" in Node for non-special schemes, so the origin is
 * rebuilt from protocol and host (which is what Chromium reports for a registered standard scheme).
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

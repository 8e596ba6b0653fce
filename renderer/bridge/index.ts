/**
 * The one renderer module that touches `window.switchboard` (the preload's contextBridge API).
 * Everything else in the renderer takes the `RendererBridge` from context (bridge-context.ts),
 * so tests pass their own.
 */
import type { AccessToken, SwitchboardBridge } from '../../common/ipc';
// names.ts, not the index: a value import from common/ipc would pull every schema (zod) into the
// initial bundle; the renderer needs none.
import { BRIDGE_GLOBAL } from '../../common/ipc/names';

/** A token request that main answered with an error (session ended, backend unreachable, …). */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What both a DOM AbortSignal and the Azure SDK's AbortSignalLike offer. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export type HistoryApi = SwitchboardBridge['history'];
export type DesktopBridge = SwitchboardBridge['desktop'];
export type DirectoryApi = SwitchboardBridge['directory'];

export interface RendererBridge {
  readonly session: SwitchboardBridge['session'];
  readonly config: SwitchboardBridge['config'];
  readonly history: HistoryApi;
  readonly desktop: DesktopBridge;
  /** The company directory main reaches with the session's bearer (common/ipc/directory.ts). */
  readonly directory: DirectoryApi;
  /**
   * The ACS token main holds (refreshed there when close to expiry). Aborting `signal` rejects
   * at once with an `AbortError` and tells main to stop waiting for this request; the shared
   * refresh in main carries on for other callers.
   */
  getToken(signal?: AbortSignalLike): Promise<AccessToken>;
}

function abortError(): DOMException {
  return new DOMException('The token request was aborted.', 'AbortError');
}

export function createRendererBridge(raw: SwitchboardBridge): RendererBridge {
  return {
    session: raw.session,
    config: raw.config,
    history: raw.history,
    desktop: raw.desktop,
    directory: raw.directory,
    getToken(signal) {
      if (signal?.aborted) return Promise.reject(abortError());
      const requestId = crypto.randomUUID();
      return new Promise<AccessToken>((resolve, reject) => {
        const onAbort = () => {
          raw.token.abort({ requestId });
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        raw.token.get({ requestId }).then(
          (result) => {
            signal?.removeEventListener('abort', onAbort);
            if (result.ok) resolve(result.accessToken);
            else reject(new TokenRequestError(result.code, result.message));
          },
          (error: unknown) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
  };
}

/** The preload's bridge, or a clear error when the page runs outside Switchboard's window. */
export function windowBridge(): RendererBridge {
  const raw = (globalThis as unknown as Record<string, SwitchboardBridge | undefined>)[BRIDGE_GLOBAL];
  if (!raw) {
    throw new Error(
      `window.${BRIDGE_GLOBAL} is missing: the renderer must run in Switchboard's window (its preload provides the bridge).`,
    );
  }
  return createRendererBridge(raw);
}

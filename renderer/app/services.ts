/**
 * Everything the window holds for its lifetime: the bridge, what main pushes (session,
 * configuration), the history cache, the company directory and the calling store, wired so that the calling layer
 * follows the session (sign-in → agent, sign-out → none).
 */
import type { RendererBridge } from '../bridge';
import { type CallingController, type CallingStoreDeps, createCallingStore } from '../calling/calling-store';
import { loadCallingSdk } from '../calling/load-sdk';
import { createDirectoryClient, type DirectoryClient } from '../directory/directory-client';
import { createHistoryClient, type HistoryClient } from '../history/history-client';
import { type ConfigStore, createConfigStore } from '../session/config-store';
import { createSessionStore, type SessionStore } from '../session/session-store';

export interface AppServices {
  bridge: RendererBridge;
  session: SessionStore;
  config: ConfigStore;
  history: HistoryClient;
  calling: CallingController;
  directory: DirectoryClient;
}

export function createAppServices(
  bridge: RendererBridge,
  overrides: Partial<Pick<CallingStoreDeps, 'loadSdk' | 'storage' | 'media' | 'sounds' | 'loadEffects'>> = {},
): AppServices {
  const session = createSessionStore(bridge);
  const calling = createCallingStore({
    loadSdk: overrides.loadSdk ?? loadCallingSdk,
    bridge,
    storage: overrides.storage ?? window.localStorage,
    ...(overrides.media ? { media: overrides.media } : {}),
    ...(overrides.sounds ? { sounds: overrides.sounds } : {}),
    ...(overrides.loadEffects ? { loadEffects: overrides.loadEffects } : {}),
  });
  calling.setSession(session.getState());
  session.subscribe(() => calling.setSession(session.getState()));
  return {
    bridge,
    session,
    config: createConfigStore(bridge),
    history: createHistoryClient(bridge.history),
    calling,
    directory: createDirectoryClient(bridge),
  };
}

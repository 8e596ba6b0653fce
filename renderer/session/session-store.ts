/**
 * The session as main reports it (`window.switchboard.session`), as an external store: starts
 * `restoring` until main answers, then follows `session.onChange`.
 */
import type { SessionState } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import { StateStore } from '../lib/state-store';

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
}

export function createSessionStore(bridge: Pick<RendererBridge, 'session'>): SessionStore & { dispose(): void } {
  const store = new StateStore<SessionState>({ status: 'restoring' });
  let changed = false;
  const unsubscribe = bridge.session.onChange((session) => {
    changed = true;
    store.update(() => session);
  });
  void bridge.session.get().then(
    (session) => {
      // An onChange that arrived meanwhile is newer than this answer.
      if (!changed) store.update(() => session);
    },
    () => store.update(() => ({ status: 'signed-out' })),
  );
  return { getState: store.getState, subscribe: store.subscribe, dispose: unsubscribe };
}

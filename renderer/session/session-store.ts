/**
 * The session as main reports it (`window.switchboard.session`), as an external store: starts
 * `restoring` until main answers, then follows `session.onChange`.
 */
import type { SessionState } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import { type MirroredState, mirrorFromMain } from './main-mirror';

export type SessionStore = MirroredState<SessionState>;

export function createSessionStore(bridge: Pick<RendererBridge, 'session'>): SessionStore & { dispose(): void } {
  return mirrorFromMain<SessionState, SessionState>(bridge.session, {
    initial: { status: 'restoring' },
    from: (session) => session,
    failed: () => ({ status: 'signed-out' }),
  });
}

import type { SessionState } from '../../common/ipc';
import type { CallingState } from '../calling/model';

export type Route = 'restoring' | 'sign-in' | 'settings' | 'home' | 'incoming' | 'in-call';

/**
 * Which screen the window shows. A ringing call wins over everything once signed in (its screen
 * offers hold-and-accept when a call is already up); a call in progress wins over home/settings.
 */
export function chooseRoute(
  session: SessionState,
  calling: Pick<CallingState, 'call' | 'incoming'>,
  settingsOpen: boolean,
): Route {
  if (session.status === 'restoring') return 'restoring';
  if (session.status === 'signed-out') return 'sign-in';
  if (calling.incoming.length > 0) return 'incoming';
  if (calling.call) return 'in-call';
  return settingsOpen ? 'settings' : 'home';
}

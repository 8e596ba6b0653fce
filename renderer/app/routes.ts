import type { SessionState } from '../../common/ipc';
import type { CallingState } from '../calling/model';

/** The screens the header opens over the home screen; "Back to calls" closes them. */
export type Page = 'settings' | 'devices';

export type Route = 'restoring' | 'sign-in' | Page | 'home' | 'pre-join' | 'incoming' | 'in-call';

/** Whether the route is one of the header's pages (the header then offers "Back to calls"). */
export function isPage(route: Route): route is Page {
  return route === 'settings' || route === 'devices';
}

/**
 * Which screen the window shows. A ringing call wins over everything once signed in (its screen
 * offers hold-and-accept when a call is already up); a call in progress wins over the home screen
 * and the pages opened from the header. A call waiting on its pre-join check comes next: cancelled,
 * the window goes back to the page the user was on.
 */
export function chooseRoute(
  session: SessionState,
  calling: Pick<CallingState, 'call' | 'incoming' | 'preJoin'>,
  openPage: Page | null,
): Route {
  if (session.status === 'restoring') return 'restoring';
  if (session.status === 'signed-out') return 'sign-in';
  if (calling.incoming.length > 0) return 'incoming';
  if (calling.call) return 'in-call';
  if (calling.preJoin) return 'pre-join';
  return openPage ?? 'home';
}

/**
 * Whether the Fluent half (banners and screens) waits before it loads. On a restored session the
 * agent needs the calling SDK (6.8 MB) at once, and on 2 cores the Fluent chunks and the home
 * screen's first render took the CPU its parse and evaluation needed: "token and SDK in hand" came
 * 0.3–0.5 s later than the SDK alone (docs/renderer.md, "Budgets"). So while main is restoring the
 * session, and while a signed-in window is still loading the SDK, the shell shows its status line
 * and a placeholder; nothing can be called before the agent exists anyway. Only the SDK is waited
 * for, not the token: a slow or unreachable backend must not keep the screens away. Signed out,
 * the sign-in screen loads at once. The caller latches the answer: once shown, the screens stay.
 */
export function holdFluentHalf(session: SessionState, calling: Pick<CallingState, 'agent' | 'sdkSettled'>): boolean {
  if (session.status === 'restoring') return true;
  return session.status === 'signed-in' && calling.agent === 'loading-sdk' && !calling.sdkSettled;
}

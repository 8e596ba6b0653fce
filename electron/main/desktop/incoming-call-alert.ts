/**
 * How Switchboard gets the user's attention for an incoming call, decided from what changed in
 * the reported call state. Pure: the glue shows notifications, flashes the frame and sets badges.
 *
 * - A new incoming call while the window is not focused → an OS notification (clicking it
 *   brings the window forward on the ringing screen), the taskbar button flashes (Windows/Linux),
 *   the dock bounces (macOS).
 * - With the window focused the ringing screen is already in front: no notification.
 * - The badge counts ringing calls (macOS dock; Unity launchers on Linux); 0 clears it.
 * - When nothing rings any more, notifications close and flashing stops.
 * - Where the OS puts buttons on notifications (Windows toasts, macOS), the notification offers
 *   Accept and Decline; the renderer's ringing card answers as if its own button was pressed.
 */
import { escapeNotificationMarkup, sanitizeRemoteName } from '../../../common/display-text';
import type { DesktopCallState } from '../../../common/ipc/desktop';
import { incomingCallWords } from '../strings/desktop';

export interface AlertFacts {
  readonly previous: DesktopCallState | null;
  readonly current: DesktopCallState;
  readonly windowFocused: boolean;
  readonly notificationsSupported: boolean;
  /** The OS shows action buttons on notifications (Windows, macOS; not Linux notification servers). */
  readonly notificationActions: boolean;
  /** The notification server may render the body as markup (Linux): escape it. */
  readonly bodyIsMarkup: boolean;
}

export interface AlertPlan {
  /** Incoming calls that get an OS notification now, with their buttons in order (none: a click only). */
  readonly notify: ReadonlyArray<{ id: string; title: string; body: string; actions: readonly NotificationAnswer[] }>;
  /** Notifications to close (their calls stopped ringing). */
  readonly closeNotifications: readonly string[];
  /** true: start flashing / bouncing; false: stop; null: leave as is. */
  readonly attention: boolean | null;
  /** The badge count to set, or null to leave it. */
  readonly badgeCount: number | null;
}

/** A button on an incoming call's notification and its label. */
export interface NotificationAnswer {
  readonly answer: 'accept' | 'decline';
  readonly label: string;
}

/** The buttons in the language in force when the call arrives. */
const answerButtons = (): readonly NotificationAnswer[] => [
  { answer: 'accept', label: incomingCallWords.accept() },
  { answer: 'decline', label: incomingCallWords.decline() },
];

export function planIncomingCallAlert(facts: AlertFacts): AlertPlan {
  const before = new Set((facts.previous?.incoming ?? []).map((call) => call.id));
  const now = facts.current.incoming;
  const nowIds = new Set(now.map((call) => call.id));
  const arrived = now.filter((call) => !before.has(call.id));
  const gone = [...before].filter((id) => !nowIds.has(id));

  const wantAttention = !facts.windowFocused && arrived.length > 0;
  const notify =
    wantAttention && facts.notificationsSupported
      ? arrived.map((call) => ({
          id: call.id,
          title: incomingCallWords.title(),
          body: callerLine(call.callerDisplayName, facts),
          actions: facts.notificationActions ? answerButtons() : [],
        }))
      : [];

  const countChanged = before.size !== nowIds.size || arrived.length > 0;
  return {
    notify,
    closeNotifications: gone,
    attention: wantAttention ? true : now.length === 0 && before.size > 0 ? false : null,
    badgeCount: countChanged ? now.length : null,
  };
}

/** The renderer cleaned the name already; main does it again because the renderer is not trusted. */
function callerLine(displayName: string, facts: AlertFacts): string {
  const name = sanitizeRemoteName(displayName);
  const line = incomingCallWords.caller(name);
  return facts.bodyIsMarkup ? escapeNotificationMarkup(line) : line;
}

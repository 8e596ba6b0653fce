/**
 * An incoming call while the window is not in front: a notification, the dock bounce or taskbar
 * flash, the badge (decisions: incoming-call-alert.ts). Electron glue only.
 */
import { app, Notification } from 'electron';
import type { DesktopContext } from './desktop-context';
import { planIncomingCallAlert } from './incoming-call-alert';

export function installIncomingCallAlert(context: DesktopContext): void {
  const notifications = new Map<string, Notification>();
  let bounceId: number | null = null;

  context.calls.onChange((previous, current) => {
    if (!current) return;
    const window = context.getMainWindow();
    const plan = planIncomingCallAlert({
      previous,
      current,
      windowFocused: window?.isFocused() ?? false,
      notificationsSupported: Notification.isSupported(),
      notificationActions: context.platform === 'win32' || context.platform === 'darwin',
      // Linux notification servers may render markup in the body: a caller's name must not.
      bodyIsMarkup: context.platform === 'linux',
    });
    for (const id of plan.closeNotifications) {
      notifications.get(id)?.close();
      notifications.delete(id);
    }
    for (const alert of plan.notify) {
      const notification = new Notification({
        title: alert.title,
        body: alert.body,
        urgency: 'critical',
        timeoutType: 'never',
        actions: alert.actions.map((button) => ({ type: 'button', text: button.label })),
      });
      // A click brings the window forward and the ringing card into focus; Accept does the same and
      // answers (the user will want to see the call); Decline answers without disturbing anything.
      const relay = (action: 'accept' | 'decline' | 'show') => {
        if (action !== 'decline') context.focusWindow();
        context.events.onIncomingCallAction({ callId: alert.id, action });
      };
      notification.on('click', () => relay('show'));
      notification.on('action', (details, legacyIndex) => {
        const button = alert.actions[details?.actionIndex ?? legacyIndex];
        if (button) relay(button.answer);
      });
      notification.show();
      notifications.set(alert.id, notification);
    }
    if (plan.attention === true) {
      if (context.platform === 'darwin') bounceId = app.dock?.bounce('critical') ?? null;
      else window?.flashFrame(true);
    } else if (plan.attention === false) {
      if (context.platform === 'darwin' && bounceId !== null) app.dock?.cancelBounce(bounceId);
      bounceId = null;
      window?.flashFrame(false);
    }
    if (plan.badgeCount !== null) app.setBadgeCount(plan.badgeCount);
  });
}

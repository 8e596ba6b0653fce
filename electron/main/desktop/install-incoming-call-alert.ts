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
      });
      // The ringing screen is what the renderer shows while a call is incoming: bringing the window
      // forward is all a click needs to do.
      notification.on('click', context.focusWindow);
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

/**
 * `switchboard:`, `tel:` and `callto:` links (decisions: call-link.ts, call-link-inbox.ts,
 * link-schemes.ts): received from the command line, a second launch or macOS `open-url`, queued
 * until the renderer asks the user to confirm. Electron glue only.
 */
import { app } from 'electron';
import log from 'electron-log/main';
import type { NativeConfirm } from '../window/native-confirm';
import { findCallLinkArgument } from './call-link';
import { CallLinkInbox, inboxVerdictLine } from './call-link-inbox';
import type { DesktopContext, DesktopHandlers } from './desktop-context';
import { type DesktopSettingsStore, userFacingSettings } from './desktop-settings';
import { applyLinkSchemeRegistration, confirmNewLinkSchemes, linkOptionsFrom } from './link-schemes';

/**
 * Before `app.whenReady()` (macOS delivers `open-url` before ready): the listeners that receive
 * links, and the link-scheme registration. `focusWindow` is read when a link arrives, so install can
 * set it later.
 */
export function prepareCallLinks(settings: DesktopSettingsStore, focusWindow: () => void): CallLinkInbox {
  const inbox = new CallLinkInbox({ linkOptions: () => linkOptionsFrom(settings.current.callLinks) });
  const receive = (raw: string | null, origin: string) => {
    if (raw === null) return;
    const { level, message } = inboxVerdictLine(inbox.receive(raw), origin);
    log[level](message);
  };
  const argvLink = (argv: readonly string[]) => findCallLinkArgument(argv, linkOptionsFrom(settings.current.callLinks));

  receive(argvLink(process.argv.slice(1)), 'command line');
  app.on('second-instance', (_event, argv) => {
    receive(argvLink(argv.slice(1)), 'second launch');
    focusWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url, 'open-url');
    focusWindow();
  });

  const registration = applyLinkSchemeRegistration(app, settings.current.callLinks, { isPackaged: app.isPackaged });
  if (registration.failed.length > 0) log.warn(`could not register link schemes: ${registration.failed.join(', ')}`);
  return inbox;
}

export function installCallLinks(
  context: DesktopContext,
  confirm: NativeConfirm,
): DesktopHandlers<'takeCallLinks' | 'getCallLinkSettings' | 'setCallLinkSettings'> {
  const { inbox, settings } = context.early;
  inbox.onLink((link) => {
    context.events.onCallLinksPending({ count: inbox.size });
    log.info(`call link ${link.id} waiting for confirmation`);
    context.focusWindow();
  });
  return {
    takeCallLinks: () => inbox.take(),
    getCallLinkSettings: () => userFacingSettings(settings.current),
    setCallLinkSettings: async ({ keepRunningInTray, ...requested }) => {
      // Taking over tel:/callto: is the user's decision, asked natively, never the renderer's alone.
      const callLinks = await confirmNewLinkSchemes(settings.current.callLinks, requested, confirm);
      const saved = await settings.update({ callLinks, keepRunningInTray });
      applyLinkSchemeRegistration(app, saved.callLinks, { isPackaged: app.isPackaged });
      return userFacingSettings(saved);
    },
  };
}

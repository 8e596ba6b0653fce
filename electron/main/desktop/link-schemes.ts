/**
 * Which link schemes Switchboard is the OS handler for, given the user's opt-in for `tel:` and
 * `callto:` (stored by desktop-settings.ts). `switchboard:` is always registered in a
 * packaged build; the installers also declare it (electron-builder.yml `protocols`), the runtime
 * registration covers Windows per-user installs and repairs a handler another app took over.
 */
import type { CallLinkSettings } from '../../../common/ipc/desktop';
import { linkSchemeWords } from '../strings/desktop';
import type { NativeConfirm } from '../window/native-confirm';
import { CALL_LINK_SCHEME, type CallLinkOptions, type OptionalCallLinkScheme } from './call-link';

/** The part of Electron's `app` that registers protocol handlers. */
export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  removeAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/** Where the process runs: packaged builds register; `electron .` in development does not. */
export interface ProcessFacts {
  readonly isPackaged: boolean;
}

export function linkOptionsFrom(settings: CallLinkSettings): CallLinkOptions {
  const enabled = new Set<OptionalCallLinkScheme>();
  if (settings.tel) enabled.add('tel');
  if (settings.callto) enabled.add('callto');
  return { enabledSchemes: enabled };
}

/**
 * Registers `switchboard:` and the opted-in schemes, unregisters the opted-out ones. In development
 * nothing is registered: a development build would otherwise take the scheme from an installed
 * Switchboard (links still work there when passed on the command line).
 */
export function applyLinkSchemeRegistration(
  app: ProtocolClientApp,
  settings: CallLinkSettings,
  facts: ProcessFacts,
): { registered: string[]; failed: string[] } {
  const registered: string[] = [];
  const failed: string[] = [];
  if (!facts.isPackaged) return { registered, failed };
  const wanted: Array<[string, boolean]> = [
    [CALL_LINK_SCHEME, true],
    ['tel', settings.tel],
    ['callto', settings.callto],
  ];
  for (const [scheme, on] of wanted) {
    if (on) {
      // Windows 10+ and macOS may still ask the user to confirm a new default for tel:.
      if (app.setAsDefaultProtocolClient(scheme)) registered.push(scheme);
      else failed.push(scheme);
    } else {
      app.removeAsDefaultProtocolClient(scheme);
    }
  }
  return { registered, failed };
}

/**
 * Turning on `tel:`/`callto:` makes Switchboard the handler for phone links from every app and
 * web page, so main asks natively before taking them (a compromised renderer could otherwise opt
 * in by itself). Turning a scheme off is never asked. Returns the settings to apply: a declined
 * scheme stays off.
 */
export async function confirmNewLinkSchemes(
  current: CallLinkSettings,
  requested: CallLinkSettings,
  confirm: NativeConfirm,
): Promise<CallLinkSettings> {
  const added = (['tel', 'callto'] as const).filter((scheme) => requested[scheme] && !current[scheme]);
  if (added.length === 0) return requested;
  const schemes = added.map((scheme) => `${scheme}:`);
  const yes = await confirm({
    message: linkSchemeWords.message(schemes),
    detail: linkSchemeWords.detail(),
    buttons: [linkSchemeWords.notNow(), linkSchemeWords.open(schemes)],
  });
  if (yes) return requested;
  return { ...requested, tel: current.tel && requested.tel, callto: current.callto && requested.callto };
}

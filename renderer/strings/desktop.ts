/**
 * Words for the desktop integration: call-link confirmation, screen-share picker, update banner,
 * OS media-access notices and the call-link settings (locales/<language>/desktop.json). The
 * call-target descriptions themselves come from calls.ts, shared with the dialer.
 */
import { words } from './i18n';
import type Desktop from './locales/en/desktop.json';

export const callLinkStrings = words<(typeof Desktop)['callLink']>()('desktop', 'callLink', (t) => ({
  more: (count: number) => t('more', { count }),
  failed: (message: string) => t('failed', { message }),
}));

export const screenShareStrings = words<(typeof Desktop)['screenShare']>()('desktop', 'screenShare');

export const updateStrings = words<(typeof Desktop)['update']>()('desktop', 'update', (t) => ({
  ready: (version: string) => t('ready', { version }),
  refused: (message: string) => t('refused', { message }),
}));

export const mediaAccessStrings = words<(typeof Desktop)['mediaAccess']>()('desktop', 'mediaAccess');

export const callLinkSettingsStrings = words<(typeof Desktop)['callLinkSettings']>()('desktop', 'callLinkSettings');

export const traySettingsStrings = words<(typeof Desktop)['traySettings']>()('desktop', 'traySettings');

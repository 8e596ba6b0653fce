/**
 * Camera and microphone at the OS level (macOS asks per app; decisions: media-access.ts), and the
 * OS privacy settings page for when the user said no. Electron glue only.
 */
import { shell, systemPreferences } from 'electron';
import { privacySettingsWords } from '../strings/desktop';
import type { DesktopContext, DesktopHandlers } from './desktop-context';
import { ensureMediaAccess, osAllowsMedia, privacySettingsUrl } from './media-access';

export interface MediaAccess extends DesktopHandlers<'ensureMediaAccess' | 'openPrivacySettings'> {
  /** For the session's permission request handler: asks macOS for camera/microphone before granting `media`. */
  osAllowsMedia(mediaTypes: ReadonlyArray<string>): Promise<boolean>;
}

export function installMediaAccess(context: DesktopContext): MediaAccess {
  const deps = { platform: context.platform, systemPreferences };
  return {
    ensureMediaAccess: (request) => ensureMediaAccess(request, deps),
    openPrivacySettings: async (pane) => {
      const url = privacySettingsUrl(context.platform, pane);
      if (!url) return { ok: false, code: 'unsupported', message: privacySettingsWords.unsupported() };
      await shell.openExternal(url);
      return { ok: true };
    },
    osAllowsMedia: (mediaTypes) => osAllowsMedia(mediaTypes, deps),
  };
}

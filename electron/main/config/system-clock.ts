/**
 * How the OS writes times: its regional locale and, where the user overrode it, the 12/24-hour
 * choice. The renderer's Chromium formats times with the UI language only, so a British English
 * UI on a 24-hour Mac would still say "2:05 PM"; main reads the OS's own settings and pushes them
 * with the config (AppConfig.clock).
 *
 * - Locale: `app.getSystemLocale()` (Windows: the regional format; macOS: the region). On Linux
 *   the time format is LC_ALL, then LC_TIME, then LANG, which Electron does not read.
 *   Fallback: the first of `app.getPreferredSystemLanguages()`.
 * - Hour cycle: macOS keeps the "24-hour time" switch as AppleICUForce24HourTime /
 *   AppleICUForce12HourTime; elsewhere the locale's own default stands (Electron has no API for
 *   Windows' custom time format).
 */
import { app, systemPreferences } from 'electron';
import type { Clock } from '../../../common/ipc';

/** A BCP 47 tag Intl accepts, or null: "en_GB.UTF-8" → "en-GB"; "C"/"POSIX" → null. */
export function toLocaleTag(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const tag = raw.split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0 ? canonical : null;
  } catch {
    return null;
  }
}

function macHourCycle(): Clock['hourCycle'] {
  if (systemPreferences.getUserDefault('AppleICUForce24HourTime', 'boolean')) return 'h23';
  if (systemPreferences.getUserDefault('AppleICUForce12HourTime', 'boolean')) return 'h12';
  return null;
}

export function readSystemClock(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Clock {
  const linuxTimeLocale = platform === 'linux' ? toLocaleTag(env.LC_ALL || env.LC_TIME || env.LANG) : null;
  const locale =
    linuxTimeLocale ?? toLocaleTag(app.getSystemLocale()) ?? toLocaleTag(app.getPreferredSystemLanguages()[0]);
  return { locale, hourCycle: platform === 'darwin' ? macHourCycle() : null };
}

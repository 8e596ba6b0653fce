/**
 * Every date and time of day the app shows, in the UI language and with the OS's clock: main reads
 * the OS's locale and 12/24-hour choice (electron/main/config/system-clock.ts) and pushes them as
 * AppConfig.clock. The words (month names, "Today") follow the UI language; the OS's region is kept
 * when it speaks that language (nl-BE, en-GB); the 12/24-hour cycle is always the OS's, whatever
 * the language (docs/i18n.md, "Formats"). Nothing else in the renderer calls toLocaleTimeString.
 */
import type { Clock } from '../../common/ipc';
import { whenStrings } from './calls';
import { currentLanguage } from './i18n';

/** Before main's config arrives: the locale's defaults. */
export const DEFAULT_CLOCK: Clock = { locale: null, hourCycle: null };

const formatters = new Map<string, Intl.DateTimeFormat>();

function primaryOf(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/** The OS's hour cycle: its explicit choice, else what its own locale uses (en-US h12, nl-NL h23). */
function osHourCycle(clock: Clock): Intl.DateTimeFormatOptions['hourCycle'] {
  if (clock.hourCycle) return clock.hourCycle;
  if (!clock.locale) return undefined;
  try {
    return new Intl.DateTimeFormat(clock.locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  } catch {
    return undefined;
  }
}

/**
 * The locale and hour cycle a date is written in: the UI language in the OS's region (nl-BE as
 * the OS says; English on a Dutch system is en-NL, "3 Mar"), the UI language alone when the OS
 * names no region; the OS's hour cycle either way.
 */
export function dateLocale(
  clock: Clock,
  language: string,
): { locale: string; hourCycle: Intl.DateTimeFormatOptions['hourCycle'] } {
  let locale = language;
  if (clock.locale && primaryOf(clock.locale) === language) locale = clock.locale;
  else if (clock.locale) {
    try {
      const region = new Intl.Locale(clock.locale).region;
      if (region) locale = `${language}-${region}`;
    } catch {
      // A tag Intl cannot read: the UI language alone.
    }
  }
  return { locale, hourCycle: osHourCycle(clock) };
}

/** Intl formatters are costly to build and a list of recents formats dozens of times: one per shape. */
function formatter(clock: Clock, shape: 'time' | 'day'): Intl.DateTimeFormat {
  const language = currentLanguage();
  const key = `${language}|${clock.locale ?? ''}|${clock.hourCycle ?? ''}|${shape}`;
  let cached = formatters.get(key);
  if (!cached) {
    const { locale, hourCycle } = dateLocale(clock, language);
    const options: Intl.DateTimeFormatOptions =
      shape === 'time'
        ? { hour: 'numeric', minute: '2-digit', ...(hourCycle ? { hourCycle } : {}) }
        : { day: 'numeric', month: 'short' };
    try {
      cached = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A tag this Chromium does not know: the UI language rather than no time at all.
      cached = new Intl.DateTimeFormat(language, options);
    }
    formatters.set(key, cached);
  }
  return cached;
}

/** "14:05" or "2:05 PM", as the OS writes a time of day. */
export function formatTime(epochMs: number, clock: Clock = DEFAULT_CLOCK): string {
  return formatter(clock, 'time').format(epochMs);
}

/** "Today 14:05", "Yesterday 9:12 AM", "3 Mar 18:40": when a recent call happened. */
export function formatWhen(epochMs: number, clock: Clock = DEFAULT_CLOCK, now: number = Date.now()): string {
  const time = formatTime(epochMs, clock);
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const dayMs = 24 * 3600 * 1000;
  if (epochMs >= startOfToday.getTime()) return whenStrings.today(time);
  if (epochMs >= startOfToday.getTime() - dayMs) return whenStrings.yesterday(time);
  return whenStrings.onDay(formatter(clock, 'day').format(epochMs), time);
}

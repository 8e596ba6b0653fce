/**
 * Every time of day the app shows, written the way the OS writes it: main reads the OS's locale
 * and 12/24-hour choice (electron/main/config/system-clock.ts) and pushes them as AppConfig.clock;
 * the formatters here apply them. Chromium's own default follows the UI language only, which is
 * why nothing else in the renderer calls toLocaleTimeString. It lives with the strings: how a time
 * is written is part of the language, and the words around it are here too.
 */
import type { Clock } from '../../common/ipc';
import { whenStrings } from './calls';

/** Before main's config arrives: the locale's defaults. */
export const DEFAULT_CLOCK: Clock = { locale: null, hourCycle: null };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and a list of recents formats dozens of times: one per shape. */
function formatter(clock: Clock, shape: 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${clock.locale ?? ''}|${clock.hourCycle ?? ''}|${shape}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'time'
        ? { hour: 'numeric', minute: '2-digit', ...(clock.hourCycle ? { hourCycle: clock.hourCycle } : {}) }
        : { day: 'numeric', month: 'short' };
    try {
      cached = new Intl.DateTimeFormat(clock.locale ?? undefined, options);
    } catch {
      // A tag this Chromium does not know: its defaults rather than no time at all.
      cached = new Intl.DateTimeFormat(undefined, options);
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

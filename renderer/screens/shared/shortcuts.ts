/**
 * The call shortcuts (Teams' own): Ctrl/⌘+Shift+M mute, O camera, H hang up, A accept, D decline.
 * One table, used for the key handling, the tooltips and `aria-keyshortcuts`.
 */
import { useEffect, useRef } from 'react';
import type { OperatingSystem } from '../../strings';
import { detectOperatingSystem } from './platform';

export const CALL_SHORTCUTS = {
  toggleMute: 'M',
  toggleCamera: 'O',
  hangUp: 'H',
  accept: 'A',
  decline: 'D',
} as const;
export type CallShortcut = keyof typeof CALL_SHORTCUTS;

/** What the tooltip shows: "Ctrl+Shift+M", or "⌘+Shift+M" on macOS. */
export function shortcutLabel(shortcut: CallShortcut, os: OperatingSystem = detectOperatingSystem()): string {
  return `${os === 'macos' ? '⌘' : 'Ctrl'}+Shift+${CALL_SHORTCUTS[shortcut]}`;
}

/** The `aria-keyshortcuts` value (ARIA's own key names). */
export function ariaShortcut(shortcut: CallShortcut, os: OperatingSystem = detectOperatingSystem()): string {
  return `${os === 'macos' ? 'Meta' : 'Control'}+Shift+${CALL_SHORTCUTS[shortcut]}`;
}

export function matchesShortcut(
  event: KeyboardEvent,
  shortcut: CallShortcut,
  os: OperatingSystem = detectOperatingSystem(),
): boolean {
  const modifier = os === 'macos' ? event.metaKey : event.ctrlKey;
  if (!modifier || !event.shiftKey || event.altKey) return false;
  // `code` keeps the shortcut on the same physical key whatever the keyboard layout.
  const letter = CALL_SHORTCUTS[shortcut];
  return event.code === `Key${letter}` || event.key.toUpperCase() === letter;
}

/**
 * Runs `handlers[shortcut]` when its keys are pressed anywhere in the window. Handlers may change
 * every render; the listener is installed once.
 */
export function useCallShortcuts(handlers: Partial<Record<CallShortcut, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const os = detectOperatingSystem();
    const onKeyDown = (event: KeyboardEvent) => {
      for (const shortcut of Object.keys(CALL_SHORTCUTS) as CallShortcut[]) {
        const handler = latest.current[shortcut];
        if (handler && matchesShortcut(event, shortcut, os)) {
          event.preventDefault();
          handler();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

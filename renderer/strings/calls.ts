/**
 * Words for the call screens: the call box, recent calls and favourites, device setup, incoming
 * calls and the in-call view. The sentences are in locales/<language>/calls.json, one section per
 * export; this module adds the ones with values in them (docs/i18n.md). (End reasons, diagnostics
 * and agent messages come already in words from the calling layer: renderer/strings/session.ts.)
 *
 * Strings sit below the calling layer and import nothing from it: renderer/calling/model-words.ts
 * checks, from above, that these objects have words for every problem and state it defines.
 */
import type { CallTargetRecord } from '../../common/ipc/history';
import { words } from './i18n';
import type Calls from './locales/en/calls.json';

export type OperatingSystem = 'windows' | 'macos' | 'linux';

export const callTargetStrings = words<(typeof Calls)['callTarget']>()('calls', 'callTarget', (t) => ({
  /** "Phone number +1 425 555 0100", "Group call 29228d3e-…". */
  understoodAs: (kind: CallTargetRecord['kind'], display: string): string =>
    t('understoodAs', { what: callTargetStrings.understood[kind], display }),
}));

export const dialerStrings = words<(typeof Calls)['dialer']>()('calls', 'dialer', (t) => ({
  audioCallLabel: (what: string) => t('audioCallLabel', { what }),
  videoCallLabel: (what: string) => t('videoCallLabel', { what }),
  callFailed: (detail: string) => t('callFailed', { detail }),
  callerIdIs: (callerId: string) => t('callerIdIs', { callerId }),
}));

export const historyStrings = words<(typeof Calls)['history']>()('calls', 'history', (t) => ({
  callAgain: (title: string) => t('callAgain', { title }),
  videoCallAgain: (title: string) => t('videoCallAgain', { title }),
  remove: (title: string) => t('remove', { title }),
  removeFavourite: (label: string) => t('removeFavourite', { label }),
  duration: (seconds: number) => formatDuration(seconds),
}));

export const deviceStrings = words<(typeof Calls)['device']>()('calls', 'device', (t) => ({
  deniedTitle: (what: string) => t('deniedTitle', { what }),
  systemDefault: (name: string) => t('systemDefault', { name }),
  previewFailed: (detail: string) => t('previewFailed', { detail }),
  testSoundFailed: (detail: string) => t('testSoundFailed', { detail }),
  selectFailed: (detail: string) => t('selectFailed', { detail }),
  cameraSwitched: (name: string) => t('cameraSwitched', { name }),
  speakerRefused: (name: string) => t('speakerRefused', { name }),
}));

export const incomingStrings = words<(typeof Calls)['incoming']>()('calls', 'incoming', (t) => ({
  isCalling: (name: string) => t('isCalling', { name }),
  /** Who else is ringing: "Lee Gu is also calling.", "Lee Gu and 2 others are also calling." */
  alsoCalling: (names: string[]) =>
    names.length === 1
      ? t('alsoCallingAlone', { name: names[0] })
      : t('alsoCallingWithOthers', { name: names[0], count: names.length - 1 }),
  acceptAudioLabel: (name: string) => t('acceptAudioLabel', { name }),
  // Accessible names start with the visible text (WCAG 2.5.3, label in name).
  acceptVideoLabel: (name: string) => t('acceptVideoLabel', { name }),
  rejectLabel: (name: string) => t('rejectLabel', { name }),
  holdAndAcceptLabel: (name: string) => t('holdAndAcceptLabel', { name }),
  holdAndAcceptVideoLabel: (name: string) => t('holdAndAcceptVideoLabel', { name }),
  duringCall: (name: string) => t('duringCall', { name }),
  actionFailed: (detail: string) => t('actionFailed', { detail }),
}));

export const inCallStrings = words<(typeof Calls)['inCall']>()('calls', 'inCall', (t) => ({
  heldCall: (title: string) => t('heldCall', { title }),
  resumeHeld: (title: string) => t('resumeHeld', { title }),
  swapLabel: (title: string) => t('swapLabel', { title }),
  callWith: (title: string) => t('callWith', { title }),
  duration: (ms: number) => formatDuration(Math.floor(ms / 1000)),
  participantsLabel: (count: number) => t('participantsLabel', { number: count }),
  /** The people pane's row for me: "Ada Lovelace (you)". */
  youNamed: (name: string) => t('youNamed', { name }),
  videoOf: (name: string) => t('videoOf', { name }),
  screenOf: (name: string) => t('screenOf', { name }),
  moreVideos: (count: number) => t('moreVideos', { number: count }),
  moreVideosLabel: (count: number) => t('moreVideosLabel', { count }),
  pin: (name: string) => t('pin', { name }),
  unpin: (name: string) => t('unpin', { name }),
  endedAfter: (duration: string) => t('endedAfter', { duration }),
  actionFailed: (detail: string) => t('actionFailed', { detail }),
  tonesSent: (tones: string) => t('tonesSent', { tones }),
}));

export const shortcutStrings = words<(typeof Calls)['shortcut']>()('calls', 'shortcut', (t) => ({
  /** Tooltip text for a control with a keyboard shortcut. */
  withShortcut: (label: string, shortcut: string) => t('withShortcut', { label, shortcut }),
}));

/** 0:07, 12:34, 1:02:03 — the timer and recents format (the same in English and Dutch). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** When a recent call happened; the times come from ./time-format.ts. */
export const whenStrings = words<(typeof Calls)['when']>()('calls', 'when', (t) => ({
  today: (time: string) => t('today', { time }),
  yesterday: (time: string) => t('yesterday', { time }),
  onDay: (day: string, time: string) => t('onDay', { day, time }),
}));

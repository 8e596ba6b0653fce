/**
 * Sentences for the calling features of issue 14: compliance notices, effects, calling sounds,
 * captions, host controls, the lobby, network quality, joining by meeting id
 * (locales/<language>/call-features.json).
 */
import { joinList, words } from './i18n';
import type Features from './locales/en/call-features.json';

export const complianceStrings = words<(typeof Features)['compliance']>()('call-features', 'compliance');

export const effectStrings = words<(typeof Features)['effect']>()('call-features', 'effect', (t) => ({
  failed: (message: string) => t('failed', { message }),
}));

export const soundStrings = words<(typeof Features)['sound']>()('call-features', 'sound', (t) => ({
  volumeValue: (percent: number) => t('volumeValue', { percent }),
}));

export const captionStrings = words<(typeof Features)['caption']>()('call-features', 'caption', (t) => ({
  /** startCaptions refused: the resource or the meeting does not offer them. */
  startFailed: (kind: 'acs' | 'teams', detail: string) =>
    t(kind === 'teams' ? 'startFailedTeams' : 'startFailedAcs', { detail }),
  stopFailed: (detail: string) => t('stopFailed', { detail }),
  languageFailed: (language: string, detail: string) => t('languageFailed', { language, detail }),
}));

/** Host controls (renderer/screens/in-call/HostControls.tsx), offered where the role allows. */
export const hostStrings = words<(typeof Features)['host']>()('call-features', 'host', (t) => ({
  moreFor: (name: string) => t('moreFor', { name }),
  muteLabel: (name: string) => t('muteLabel', { name }),
  alreadyMuted: (name: string) => t('alreadyMuted', { name }),
  removeLabel: (name: string) => t('removeLabel', { name }),
  failed: (detail: string) => t('failed', { detail }),
}));

/** A Teams meeting's lobby, for a host (renderer/screens/in-call/Lobby.tsx). */
export const lobbyStrings = words<(typeof Features)['lobby']>()('call-features', 'lobby', (t) => ({
  heading: (count: number) => t('heading', { number: count }),
  admitLabel: (name: string) => t('admitLabel', { name }),
  denyLabel: (name: string) => t('denyLabel', { name }),
  /** The notice when people start waiting. */
  waiting: (names: string[]) =>
    names.length === 1
      ? t('waitingOne', { name: names[0] })
      : names.length === 2
        ? t('waitingTwo', { names: joinList(names) })
        : t('waitingMany', { name: names[0], count: names.length - 1 }),
  /** The People control's name while people wait ("People" stays its visible label). */
  peopleWithLobby: (people: string, count: number) => t('peopleWithLobby', { people, waiting: count }),
}));

/** The network quality indicator in the call header (renderer/screens/in-call/NetworkIndicator.tsx). */
export const networkStrings = words<(typeof Features)['network']>()('call-features', 'network', (t) => ({
  /** The indicator's name: "Network: Good". */
  indicator: (level: string) => t('indicator', { level }),
  percent: (value: number) => t('percent', { value }),
  ms: (value: number) => t('ms', { value }),
  kbps: (value: number) => t('kbps', { value }),
}));

/** Joining a Teams meeting by its id and passcode (renderer/screens/dialer/MeetingIdJoin.tsx). */
export const meetingIdStrings = words<(typeof Features)['meetingId']>()('call-features', 'meetingId');

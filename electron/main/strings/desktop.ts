/**
 * The desktop's sentences (tray, app menu, notifications, native questions, updates) in the
 * language in force. Functions, not constants: each call reads the current language, and the
 * parameters say which values a sentence needs.
 */
import { listOf, say } from './main-i18n';

export const trayWords = {
  tooltip: {
    inCallWith: (appName: string, title: string) => say('tray.tooltip.inCallWith', { appName, title }),
    inCall: (appName: string) => say('tray.tooltip.inCall', { appName }),
    ready: (appName: string) => say('tray.tooltip.ready', { appName }),
    unreachable: (appName: string) => say('tray.tooltip.unreachable', { appName }),
    connecting: (appName: string) => say('tray.tooltip.connecting', { appName }),
    signedOut: (appName: string) => say('tray.tooltip.signedOut', { appName }),
  },
  status: {
    'signed-out': () => say('tray.status.signedOut'),
    ready: () => say('tray.status.ready'),
    'in-call': () => say('tray.status.inCall'),
    unreachable: () => say('tray.status.unreachable'),
  },
  show: () => say('tray.show'),
  signOut: () => say('tray.signOut'),
  quit: () => say('tray.quit'),
  stillRunning: (appName: string) => ({
    title: say('tray.stillRunning.title', { appName }),
    body: say('tray.stillRunning.body', { appName }),
  }),
};

export const incomingCallWords = {
  title: () => say('incomingCall.title'),
  caller: (name: string) => (name ? say('incomingCall.namedCaller', { name }) : say('incomingCall.someoneCalling')),
  accept: () => say('incomingCall.accept'),
  decline: () => say('incomingCall.decline'),
};

export type CallDisruption = 'quit' | 'closeWindow' | 'signOut';

export const callInProgressWords = {
  message: () => say('callInProgress.message'),
  detail: (action: CallDisruption) => say(`callInProgress.detail.${action}`),
  stay: () => say('callInProgress.stay'),
  hangUpAnd: (action: CallDisruption) => say(`callInProgress.hangUpAnd.${action}`),
};

export const backendChangeWords = {
  message: () => say('backendChange.message'),
  /** `from`, `to`: backend URLs as `parseBackendUrl` normalised them. */
  detail: (from: string, to: string) =>
    say('backendChange.detail', { from, to, fromHost: new URL(from).host, toHost: new URL(to).host }),
  keep: () => say('backendChange.keep'),
  change: () => say('backendChange.change'),
};

export const linkSchemeWords = {
  /** `schemes` as written in links: `tel:`, `callto:`. */
  message: (schemes: readonly string[]) => say('linkSchemes.message', { schemes: listOf(schemes) }),
  detail: () => say('linkSchemes.detail'),
  notNow: () => say('linkSchemes.notNow'),
  open: (schemes: readonly string[]) => say('linkSchemes.open', { schemes: listOf(schemes) }),
};

export const screenShareWords = {
  screenQuestion: () => say('screenShare.screenQuestion'),
  windowQuestion: (name: string) => say('screenShare.windowQuestion', { name }),
  screenDetail: (name: string) =>
    name ? say('screenShare.namedScreenDetail', { name }) : say('screenShare.screenDetail'),
  windowDetail: () => say('screenShare.windowDetail'),
  dontShare: () => say('screenShare.dontShare'),
  share: () => say('screenShare.share'),
  notOffered: () => say('screenShare.notOffered'),
  nothingShared: () => say('screenShare.nothingShared'),
  requestClosed: () => say('screenShare.requestClosed'),
};

export const updateWords = {
  offInDevelopment: () => say('updates.offInDevelopment'),
  offByAdministrator: () => say('updates.offByAdministrator'),
  offUnsigned: () => say('updates.offUnsigned'),
  noFeed: () => say('updates.noFeed'),
  noneDownloaded: () => say('updates.noneDownloaded'),
  notDuringCall: () => say('updates.notDuringCall'),
};

export const privacySettingsWords = {
  unsupported: () => say('privacySettings.unsupported'),
};

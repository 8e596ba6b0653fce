/**
 * Words for the desktop integration: call-link confirmation, screen-share picker, update banner,
 * OS media-access notices and the call-link settings. One object per area, ready for translation
 * (the call-target descriptions themselves come from renderer/strings, shared with the dialer).
 */
import type { CallLinkSource, MediaKind } from '../../common/ipc/desktop';

export const callLinkStrings = {
  title: 'Call from a link?',
  from: {
    switchboard: 'A Switchboard call link asks to call:',
    tel: 'A phone link (tel:) asks to call:',
    callto: 'A callto: link asks to call:',
  } satisfies Record<CallLinkSource, string>,
  cannotCall: 'This link cannot be called.',
  call: 'Call',
  callWithVideo: 'Call with video',
  cancel: 'Don’t call',
  dismiss: 'Dismiss',
  signInFirst: 'Sign in first: the call can be placed once you are signed in.',
  waitingForAcs: 'Waiting for Azure Communication Services… you can call as soon as it is connected.',
  inCall: 'You are already in a call. Hang up first, then call from this link.',
  more: (count: number) => `${count} more ${count === 1 ? 'link is' : 'links are'} waiting.`,
  failed: (message: string) => `The call could not be started: ${message}`,
} as const;

export const screenShareStrings = {
  title: 'Choose what to share',
  screens: 'Screens',
  windows: 'Windows',
  share: 'Share',
  cancel: 'Cancel',
  none: 'There is nothing to share: no screens or windows were found.',
  noPreview: 'No preview',
  permissionMissing:
    'macOS needs your permission before Switchboard can share your screen. Open System Settings → Privacy & Security → Screen & System Audio Recording, turn on Switchboard, then quit and reopen Switchboard.',
  openSettings: 'Open Screen Recording settings',
} as const;

export const updateStrings = {
  ready: (version: string) => `Switchboard ${version} is ready to install.`,
  restart: 'Restart to update',
  refused: (message: string) => `Switchboard did not restart: ${message}`,
} as const;

export const mediaAccessStrings = {
  blocked: {
    camera: 'Your system is blocking Switchboard from using the camera.',
    microphone: 'Your system is blocking Switchboard from using the microphone.',
  } satisfies Record<MediaKind, string>,
  howTo: 'Allow Switchboard in your system’s privacy settings, then try again.',
  openSettings: {
    camera: 'Open camera settings',
    microphone: 'Open microphone settings',
  } satisfies Record<MediaKind, string>,
} as const;

export const callLinkSettingsStrings = {
  title: 'Call links',
  intro:
    'Switchboard always opens switchboard:// call links. It can also open phone links from web pages and other apps; you confirm every call before it is placed.',
  tel: 'Open tel: links (phone numbers) in Switchboard',
  callto: 'Open callto: links in Switchboard',
  saveFailed: 'The setting could not be saved. Try again.',
} as const;

export const traySettingsStrings = {
  title: 'When the window is closed',
  intro:
    'Switchboard can keep running in the tray after you close its window, so incoming calls still ring. Quit it from the tray menu. On macOS it always stays in the Dock.',
  keepRunning: 'Keep running in the tray when the window is closed',
} as const;

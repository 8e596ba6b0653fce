/**
 * Words for the app frame, sign-in and settings, and the calling layer's own messages (agent
 * status, call end reasons, diagnostics). Every user-facing sentence lives in renderer/strings,
 * so a translation replaces these objects and nothing else.
 */
import type { SessionEndReason } from '../../common/ipc';

export const appStrings = {
  appName: 'Switchboard',
  restoring: 'Signing you in…',
  settings: 'Settings',
  devices: 'Camera and audio',
  pages: 'Pages',
  notices: 'Notices',
  backToCalls: 'Back to calls',
  loadingScreen: 'Loading…',
  sdkLoading: 'Getting ready to call…',
  agentConnecting: 'Connecting to Azure Communication Services…',
  offlineDevelopment:
    'Development mode: this backend issues tokens from an offline stand-in. You can sign in, but calls will not connect.',
  keychainUnavailable:
    'Your system keychain is not available, so sign-in will not be remembered: you will need to sign in again after restarting Switchboard.',
  sessionEnded: {
    'signed-out': 'You signed out.',
    revoked: 'Your session ended: the backend no longer accepts it (it was revoked or expired). Sign in again.',
    'backend-changed': 'You were signed out because the backend address changed.',
    'keychain-unavailable': 'Your previous sign-in could not be restored because the system keychain is not available.',
  } satisfies Record<SessionEndReason, string>,
  dismiss: 'Dismiss',
  notifications: 'Notifications',
  screenFailed: (detail: string) => `This screen ran into a problem: ${detail}`,
  retry: 'Try again',
} as const;

export const agentStrings = {
  /** The progress bar's name while the agent connects (the status line says the same in words). */
  connecting: 'Connecting to Azure Communication Services',
  connectingHint: 'Calls can be placed once connected. On a slow network this takes up to 15 seconds.',
  unreachable:
    'Cannot reach Azure Communication Services. Check your internet connection; Switchboard keeps trying and will reconnect by itself.',
  /** Unreachable, when the tokens come from a backend on this computer: the internet is not the first suspect. */
  unreachableLoopback:
    'Cannot connect with the token from the backend on this computer. Check that it is configured with a real Azure Communication Services resource, then try again.',
  retry: 'Try again',
  invalidToken: 'Azure Communication Services did not accept your sign-in. Sign out and sign in again.',
  failed: (detail: string) => `Calling could not start: ${detail}`,
  tokenFailed: (detail: string) => `Could not get a calling token from your backend: ${detail}`,
  sdkFailed: (detail: string) => `The calling component could not be loaded: ${detail}`,
} as const;

export const signInStrings = {
  title: 'Sign in to Switchboard',
  intro: 'Switchboard signs you in through your organisation’s backend and keeps you signed in on this computer.',
  backendUrl: 'Backend address',
  backendUrlHint: 'For example https://calls.example.com. Your administrator can tell you this address.',
  backendUrlLocked: (source: string) => `Set by ${source}; it cannot be changed here.`,
  testConnection: 'Test connection',
  testing: 'Testing…',
  /** What "Test connection" found, the sign-in modes in words ("open" is the backend's jargon). */
  testFound: (modes: readonly string[]) => {
    const words = modes.map((mode) => signInModeWords[mode] ?? mode);
    return words.length > 0 ? `Found a Switchboard backend: ${words.join('; ')}.` : 'Found a Switchboard backend.';
  },
  /** "Test connection" found the token server of Microsoft's ACS samples (`protocol: 'acs-sample'`). */
  testFoundAcsSample: 'Found an Azure Communication Services sample token server, not a Switchboard backend.',
  testCallerId: (callerId: string) => `Phone calls show ${callerId} as the caller.`,
  testNoCallerId: 'No caller id for phone calls is configured on this backend.',
  unauthenticatedWarning:
    'This server checks nobody: anyone who can reach it can sign in, without a password, and get a calling identity. Use it only for development or on a trusted network.',
  displayName: 'Your name',
  displayNameHint: 'Shown to the people you call.',
  displayNameRequired: 'Enter the name other people will see.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  /** The backend signs people in through their organisation (`oidc`). */
  signInWithOrganisation: 'Sign in with your organisation',
  organisationIntro: (issuerHost: string) =>
    `You sign in with your work account at ${issuerHost}, in your browser. Switchboard then keeps you signed in on this computer.`,
  continueInBrowser: 'Continue in your browser…',
  continueInBrowserHint: 'Finish signing in on the page that opened in your browser, then come back here.',
  cancel: 'Cancel',
  endOrganisationSession: (issuerHost: string) => `Also sign out of ${issuerHost}`,
} as const;

/** The backend's sign-in modes (common/backend-contract.ts) as a person would say them. */
const signInModeWords: Record<string, string> = {
  open: 'you sign in with just your name',
  oidc: 'you sign in with your organisation account',
};

export const configSourceWords = {
  'command-line': 'the command line',
  environment: 'the SWITCHBOARD_BACKEND_URL environment variable',
  administrator: 'your administrator',
  user: 'you',
  none: 'nobody',
} as const;

export const settingsStrings = {
  title: 'Settings',
  account: 'Account',
  signedInAs: (name: string) => `Signed in as ${name}`,
  myId: 'Your Azure Communication Services id',
  signOut: 'Sign out',
  /** Shown beside "Sign out" when the session's `protocol` is 'acs-sample'. */
  signOutLocalOnly:
    'Your backend is a sample token server: signing out only forgets your sign-in on this computer. The server has nothing to revoke, and tokens it already issued stay valid until they expire.',
  signingOut: 'Signing out…',
  backend: 'Backend',
  saveBackend: 'Save and sign out',
  backendChangeWarning: 'Changing the backend signs you out of the current one.',
  backendSaved: 'Backend saved.',
  phoneCalls: 'Phone calls',
  callerId: 'Caller id for phone calls',
  callerIdHint: 'An E.164 number owned by your Azure Communication Services resource, for example +14255550123.',
  callerIdFromBackend: (value: string) => `Your backend sets ${value}. Enter a number to use another one.`,
  callerIdNone: 'Neither you nor your backend has set one: phone calls cannot be placed until one is set.',
  callerIdInvalid:
    'Enter the number in E.164 form: a + followed by the country code and number, for example +14255550123.',
  saveCallerId: 'Save caller id',
  clearCallerId: 'Use the backend’s caller id',
  callerIdSaved: 'Caller id saved.',
} as const;

/** Call end reasons (`callEndReason` code/subCode) in words; see renderer/calling/end-reasons.ts. */
export const endReasonStrings = {
  youHungUp: 'You ended the call.',
  remoteHungUp: 'The other side ended the call.',
  ended: 'The call ended.',
  cancelled: 'The call was cancelled before it was answered.',
  declined: 'The call was declined.',
  busy: 'The person you called is busy.',
  unavailable: 'The person you called is not available right now.',
  noAnswer: 'Nobody answered.',
  notFound: 'That person or number could not be found. Check it and try again.',
  forbidden: 'You are not allowed to place this call (check the caller id, the meeting’s lobby or your permissions).',
  mediaLost: 'The call lost its audio and video connection.',
  network: 'The call could not reach Azure Communication Services. Check your internet connection.',
  service: 'Azure Communication Services had a problem and ended the call. Try again in a moment.',
  unknown: (code: number, subCode: number) => `The call ended unexpectedly (code ${code}, subcode ${subCode}).`,
} as const;

/** User-facing diagnostics as banners (Features.UserFacingDiagnostics). */
export const diagnosticStrings = {
  networkReconnect: 'Reconnecting… your network connection dropped.',
  networkReceiveQuality: 'Your network is struggling: others may sound choppy or freeze.',
  networkSendQuality: 'Your network is struggling: others may not hear or see you well.',
  noNetwork: 'You are offline. The call will continue when your network comes back.',
  networkRelaysNotReachable: 'Your network is blocking the call’s media relays: a firewall may be in the way.',
  speakingWhileMicrophoneIsMuted: 'You are muted. Unmute to be heard.',
  noSpeakerDevicesEnumerated: 'No speaker or headphones found.',
  noMicrophoneDevicesEnumerated: 'No microphone found.',
  microphoneNotFunctioning: 'Your microphone is not working. Try another one.',
  microphoneMuteUnexpectedly: 'Your microphone was muted by the system.',
  microphoneNotMuteButSilent: 'Your microphone is on but picks up no sound.',
  microphonePermissionDenied: 'Switchboard may not use your microphone: allow it in your system settings.',
  cameraFreeze: 'Your camera froze.',
  cameraStartFailed: 'Your camera could not start. Another app may be using it.',
  cameraStartTimedOut: 'Your camera took too long to start.',
  cameraStoppedUnexpectedly: 'Your camera stopped.',
  cameraPermissionDenied: 'Switchboard may not use your camera: allow it in your system settings.',
  capturerStartFailed: 'Screen sharing could not start.',
  capturerStoppedUnexpectedly: 'Screen sharing stopped.',
  screenshareRecordingDisabled: 'Your system does not allow screen recording: allow it in your system settings.',
} as const;

/** Words the calling layer throws for actions it must refuse. */
export const callActionStrings = {
  noAgent: 'Calling is not ready yet: wait until Switchboard is connected.',
  noCallerId:
    'Phone calls need a caller id, and none is set. Add one in Settings → Phone calls, or ask your administrator to configure it on the backend.',
  noCall: 'There is no call in progress.',
  noPreJoin: 'There is no call waiting to join.',
  noIncoming: 'That call is no longer ringing.',
  noHeldCall: 'That call is no longer on hold.',
  noCamera: 'No camera is available.',
  noVideo: 'That video is no longer available.',
  noSpeakerSelection: 'This system does not let Switchboard choose the speaker.',
  notAllowed: 'Your role in this call does not allow that.',
  participantGone: 'That person is no longer in the call.',
  lobbyGone: 'That person is no longer waiting in the lobby.',
  lobbyAdmitFailed: (count: number) =>
    count === 1 ? 'One person could not be let in. Try again.' : `${count} people could not be let in. Try again.`,
} as const;

/** Call headers and names for people and calls that have no name of their own. */
export const callTitleStrings = {
  group: 'Group call',
  teamsMeeting: 'Teams meeting',
  room: 'Room',
  /** An ACS user who set no display name: the end of their id, enough to tell two apart. */
  unnamedPerson: (idEnd: string) => `Unnamed person (…${idEnd})`,
  /** A Teams user, bot or other id kind that set no display name. */
  unnamedOther: 'Unnamed participant',
  /** A group call titled from who is in it: "Adele Vance and Lee Gu", "Adele Vance, Lee Gu and 3 others". */
  people: (names: string[], others: number) => {
    if (others > 0) return `${names.join(', ')} and ${others === 1 ? '1 other' : `${others} others`}`;
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  },
} as const;

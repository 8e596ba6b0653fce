/**
 * Words for the call screens: the call box, recent calls and favourites, device setup, incoming
 * calls and the in-call view. Every user-facing sentence of renderer/screens lives here so a
 * translation replaces these objects and nothing else. (End reasons, diagnostics and agent
 * messages come already in words from the calling layer: renderer/strings/session.ts.)
 *
 * Strings sit below the calling layer and import nothing from it: renderer/calling/model-words.ts
 * checks, from above, that these objects have words for every problem and state it defines.
 */
import type { CallOutcome, CallTargetRecord } from '../../common/ipc/history';

export type OperatingSystem = 'windows' | 'macos' | 'linux';

export const callTargetStrings = {
  understood: {
    'acs-user': 'Azure Communication Services user',
    phone: 'Phone number',
    group: 'Group call',
    'teams-meeting': 'Teams meeting',
    room: 'Room',
    'teams-meeting-id': 'Teams meeting ID',
  } satisfies Record<CallTargetRecord['kind'], string>,
  /** "Phone number +1 425 555 0100", "Group call 29228d3e-…". */
  understoodAs: (kind: CallTargetRecord['kind'], display: string) => `${callTargetStrings.understood[kind]} ${display}`,
  /** A calm hint while typing something that is no target (yet): what the box accepts. */
  accepted:
    'You can call an ACS id (8:acs:…), a phone number with its country code, a group call id, a Teams meeting link or a room id.',
  /** While the phone-number rules load (the first number typed in a session, a few milliseconds). */
  checking: 'Checking the phone number…',
  problems: {
    unrecognized:
      'Enter a person’s ACS id (8:acs:…), a phone number with its country code (+1 425 555 0100), a group call id, a Teams meeting link or a room id.',
    'acs-user-malformed': 'This looks like an ACS user id but is incomplete. Copy the whole id, starting with 8:acs:.',
    'phone-invalid': 'This is not a valid phone number. Check the digits and the country code.',
    'phone-needs-country-code': 'Add the country code: start the number with + (for example +1 425 555 0100).',
    'phone-extension': 'Extensions cannot be dialled directly: call the main number, then use the keypad.',
    'teams-link-malformed':
      'This Teams link is not a meeting link. Copy the “Join the meeting” link from the invitation.',
    'room-malformed': 'A room id is a long number, for example room:99466898241024408.',
    'meeting-id-malformed':
      'A Teams meeting ID is 9 to 20 digits, as in the invitation: Meeting ID: 123 456 789 012 Passcode: aB3cD4.',
    'meeting-passcode-malformed': 'The passcode has no spaces. Copy it from the invitation.',
  },
} as const;

export const dialerStrings = {
  title: 'Make a call',
  inputLabel: 'Who do you want to call?',
  inputPlaceholder: 'ACS id, phone number, group id, Teams link or room id',
  audioCall: 'Call',
  audioCallLabel: (what: string) => `Audio call to ${what}`,
  videoCall: 'Video call',
  videoCallLabel: (what: string) => `Video call to ${what}`,
  videoNotForPhone: 'Phone calls are audio only.',
  placing: 'Calling…',
  callFailed: (detail: string) => `The call could not start: ${detail}`,
  callerIdIs: (callerId: string) => `The person you call sees ${callerId}.`,
  callerIdMissing:
    'Phone calls need a caller id and none is set. Add one in Settings → Phone calls, or ask your administrator to set it on the backend.',
  callerIdUnknown: 'Checking the caller id for phone calls…',
  notReady: 'Calling is not ready yet.',
  myId: 'Your call id',
  myIdHint: 'Others call you on your call id: copy it and send it to them.',
  copy: 'Copy my call id',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the id and copy it by hand.',
  addFavourite: 'Add to favourites',
  removeFavourite: 'Remove from favourites',
  favouriteLimit: 'You have the maximum number of favourites: remove one first.',
} as const;

export const historyStrings = {
  recent: 'Recent',
  recentHeading: 'Recent calls',
  favourites: 'Favourites',
  listsLabel: 'Recent calls and favourites',
  noRecents: 'Calls you make and receive appear here.',
  unavailable: 'Recent calls are not available right now.',
  clearRecents: 'Clear recent calls',
  callAgain: (title: string) => `Call ${title}`,
  videoCallAgain: (title: string) => `Video call ${title}`,
  remove: (title: string) => `Remove ${title} from recent calls`,
  removeFavourite: (label: string) => `Remove ${label} from favourites`,
  /** Read after the row's visible text, which is the button's name (WCAG 2.5.3, label in name). */
  useTarget: ': put in the call box',
  outcome: {
    completed: 'Answered',
    missed: 'Missed',
    declined: 'Declined',
    failed: 'Not connected',
  } satisfies Record<CallOutcome, string>,
  direction: { outgoing: 'Outgoing', incoming: 'Incoming' },
  duration: (seconds: number) => formatDuration(seconds),
} as const;

export const deviceStrings = {
  title: 'Camera and audio',
  intro: 'Check how you look and sound before a call. Your choices are remembered.',
  lookingForDevices: 'Looking for your camera, microphone and speakers…',
  lookingShort: 'Looking for devices…',
  permissionTitle: 'Allow camera and microphone',
  permissionBody: 'Switchboard needs your microphone to call, and your camera for video calls.',
  allow: 'Allow camera and microphone',
  asking: 'Waiting for permission…',
  tryAgain: 'Try again',
  deniedTitle: (what: string) => `Switchboard may not use your ${what}`,
  deniedWhat: { both: 'camera and microphone', audio: 'microphone', video: 'camera' },
  deniedHowTo: {
    windows:
      'Open Settings → Privacy & security → Camera (and Microphone), turn on “Let desktop apps access your camera” (and microphone), then try again.',
    macos:
      'Open System Settings → Privacy & Security → Camera (and Microphone), turn on Switchboard, then quit and reopen Switchboard.',
    linux:
      'Check that no other app holds the device and that your user may use it (the “video” and “audio” groups, or your desktop’s privacy settings), then try again.',
  } satisfies Record<OperatingSystem, string>,
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  noCamera: 'No camera found',
  noMicrophone: 'No microphone found',
  systemDefault: (name: string) => `${name} (system default)`,
  speakerChoiceUnsupported: 'The system chooses the speaker',
  previewLabel: 'Your camera preview',
  previewOff: 'Your camera is off',
  /** The camera is not allowed: the banner above says how to allow it; the preview only points there. */
  previewBlocked: 'Camera not allowed',
  previewStart: 'Preview camera',
  previewStop: 'Stop preview',
  micTestStart: 'Test microphone',
  micTestStop: 'Stop microphone test',
  previewUnavailable: 'Camera preview is not available',
  previewFailed: (detail: string) => `The camera preview could not start: ${detail}`,
  micLevel: 'Microphone level',
  micLevelHint: 'Test your microphone and speak: the bar moves when it hears you.',
  testSound: 'Play test sound',
  testSoundPlaying: 'Playing…',
  testSoundHint: 'You should hear a short sound from the selected speaker.',
  testSoundFailed: (detail: string) => `The test sound could not play: ${detail}`,
  selectFailed: (detail: string) => `Could not switch device: ${detail}`,
  cameraSwitched: (name: string) => `Your camera was disconnected. Switched to ${name}.`,
  cameraGoneVideoOff: 'Your camera was disconnected, so your video is off. Connect a camera to turn it back on.',
  speakerRefused: (name: string) =>
    `The system did not switch to ${name}. Sound keeps playing on the speaker it used before; check the speaker is connected and try again.`,
  speakerChoiceRefused: 'This system chooses the speaker itself: change it in your system’s sound settings.',
  dismissNotice: 'Dismiss',
  devicesChanged: 'Your devices changed.',
} as const;

export const incomingStrings = {
  title: 'Incoming call',
  titleDuringCall: 'Incoming call · answering puts your current call on hold',
  isCalling: (name: string) => `${name} is calling`,
  /** Who else is ringing: "Lee Gu is also calling.", "Lee Gu and 2 others are also calling." */
  alsoCalling: (names: string[]) => {
    const [first] = names;
    if (names.length === 1) return `${first} is also calling.`;
    return `${first} and ${names.length - 1 === 1 ? '1 other' : `${names.length - 1} others`} are also calling.`;
  },
  acceptAudio: 'Accept',
  acceptAudioLabel: (name: string) => `Accept: the call from ${name}, audio only`,
  acceptVideo: 'Accept with video',
  // Accessible names start with the visible text (WCAG 2.5.3, label in name).
  acceptVideoLabel: (name: string) => `Accept with video: the call from ${name}`,
  reject: 'Decline',
  rejectLabel: (name: string) => `Decline: the call from ${name}`,
  holdAndAccept: 'Hold and accept',
  holdAndAcceptLabel: (name: string) => `Hold and accept: put your current call on hold and accept ${name}`,
  holdAndAcceptVideoLabel: (name: string) =>
    `Hold and accept with video: put your current call on hold and accept ${name} with video`,
  holdAndAcceptVideo: 'Hold and accept with video',
  duringCall: (name: string) => `${name} is calling while you are in a call`,
  actionFailed: (detail: string) => `That did not work: ${detail}`,
  unknownCaller: 'Unknown caller',
} as const;

export const inCallStrings = {
  status: {
    connecting: 'Connecting…',
    ringing: 'Ringing…',
    'early-media': 'Ringing…',
    connected: 'Connected',
    'on-hold': 'On hold',
    'remote-hold': 'The other side put the call on hold',
    'in-lobby': 'Waiting in the lobby for someone to let you in…',
    reconnecting: 'Reconnecting…',
    disconnecting: 'Hanging up…',
    ended: 'Call ended',
  },
  /** An outgoing call that never connected: it did not "end", it failed. */
  notConnected: 'Call didn’t connect',
  sharingBar: 'You are sharing your screen',
  heldCallsLabel: 'Calls on hold',
  heldCall: (title: string) => `${title} · on hold`,
  resumeHeld: (title: string) => `Resume the call with ${title}`,
  swap: 'Swap',
  swapLabel: (title: string) => `Swap: hold this call and resume ${title}`,
  callWith: (title: string) => `Call with ${title}`,
  duration: (ms: number) => formatDuration(Math.floor(ms / 1000)),
  durationLabel: 'Call duration',
  controlsLabel: 'Call controls',
  mute: 'Mute',
  unmute: 'Unmute',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  hold: 'Hold',
  resume: 'Resume',
  onHoldBanner: 'You put this call on hold: the other side cannot hear you.',
  raiseHand: 'Raise hand',
  lowerHand: 'Lower hand',
  keypad: 'Keypad',
  keypadLabel: 'Dial pad: send tones to the call',
  devices: 'Devices',
  devicesLabel: 'Choose camera, microphone and speaker',
  participants: 'People',
  participantsLabel: (count: number) => `People in the call (${count})`,
  hideParticipants: 'Hide people',
  hangUp: 'Hang up',
  you: 'You',
  /** The people pane's row for me: "Ada Lovelace (you)". */
  youNamed: (name: string) => `${name} (you)`,
  participantState: {
    connecting: 'Joining…',
    ringing: 'Ringing…',
    connected: '',
    'on-hold': 'On hold',
    'in-lobby': 'In the lobby',
    disconnected: 'Left',
  },
  muted: 'Muted',
  speaking: 'Speaking',
  handRaised: 'Hand raised',
  noParticipants: 'Nobody else is here yet.',
  videoOf: (name: string) => `Video of ${name}`,
  screenOf: (name: string) => `Screen shared by ${name}`,
  moreVideos: (count: number) => `+${count} more`,
  moreVideosLabel: (count: number) =>
    `+${count} more: show the ${count === 1 ? 'person' : `${count} people`} not on the stage`,
  moreListLabel: 'Not on the stage',
  stripLabel: 'People in the call',
  view: 'View',
  viewLabel: 'View: choose how people are arranged',
  viewGallery: 'Gallery',
  viewSpeaker: 'Speaker',
  pin: (name: string) => `Pin ${name}`,
  unpin: (name: string) => `Unpin ${name}`,
  pinShort: 'Pin',
  pinned: 'Pinned',
  videoFailed: 'This video could not be shown.',
  ended: 'Call ended',
  endedAfter: (duration: string) => `Lasted ${duration}.`,
  close: 'Close',
  actionFailed: (detail: string) => `That did not work: ${detail}`,
  tonesSent: (tones: string) => `Sent ${tones}`,
} as const;

export const shortcutStrings = {
  /** Tooltip text for a control with a keyboard shortcut. */
  withShortcut: (label: string, shortcut: string) => `${label} (${shortcut})`,
} as const;

/** 0:07, 12:34, 1:02:03 — the timer and recents format. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** When a recent call happened; the times come from ./time-format.ts. */
export const whenStrings = {
  today: (time: string) => `Today ${time}`,
  yesterday: (time: string) => `Yesterday ${time}`,
  onDay: (day: string, time: string) => `${day} ${time}`,
} as const;

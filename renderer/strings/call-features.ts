/** Sentences for the calling features of issue 14: compliance notices, effects, calling sounds. */

export const complianceStrings = {
  recordingAndTranscribing: 'This call is being recorded and transcribed.',
  recording: 'This call is being recorded.',
  transcribing: 'This call is being transcribed.',
  /** Said once the banner goes, so a screen reader user hears that it stopped too. */
  stopped: 'Recording and transcription have stopped.',
  detail: 'Everyone in the call can see this notice.',
};

export const effectStrings = {
  background: 'Background',
  choices: { none: 'None', blur: 'Blur', replacement: 'Replace' } as const,
  choiceHints: {
    none: 'Your real background',
    blur: 'Blur what is behind you',
    replacement: 'Replace it with the Switchboard image',
  } as const,
  noiseSuppression: 'Noise suppression',
  noiseSuppressionHint: 'Filters out background noise such as typing and fans in calls.',
  noiseSuppressionBrowser:
    "This computer cannot run Switchboard's noise suppression, so the browser engine's own, simpler filter is used.",
  /** The ACS effects run in Chromium on Windows and macOS only, on hardware the SDK accepts. */
  unsupported: {
    blur: 'Background blur is not available on this computer. Azure Communication Services offers it on Windows and macOS, with a graphics processor it can use.',
    replacement:
      'Background replacement is not available on this computer. Azure Communication Services offers it on Windows and macOS, with a graphics processor it can use.',
  } as const,
  failed: (message: string) => `The effect could not be applied: ${message}`,
  loading: 'Loading effects…',
  cameraOff: 'Turn the camera on to see the effect. Your choice is kept for every call.',
};

export const soundStrings = {
  title: 'Calling sounds',
  ringtone: 'Play a ringtone for incoming calls',
  ringtoneHint: 'Also while Switchboard is hidden in the tray. Ringback, busy and call-ended tones always play.',
  volume: 'Volume of calling sounds',
  volumeValue: (percent: number) => `${percent}%`,
  speakerNote: 'Sounds play on the speaker chosen under Camera and audio.',
  alsoRingOn: 'Also ring on',
  alsoRingOnNone: 'No other speaker',
  alsoRingOnHint: 'The ringtone plays here too, so you hear a call while your headset is off.',
  alsoRingOnGone: 'The other speaker you chose is not connected now: calls ring only on the selected speaker.',
};

export const captionStrings = {
  turnOn: 'Captions',
  turnOff: 'Turn off captions',
  paneLabel: 'Captions',
  /** The screen reader's copy of the pane: final lines only, announced politely. */
  liveLabel: 'Captions as they are spoken',
  spokenLanguage: 'Spoken language',
  /** What the language choice changes: ACS applies it to everyone's captions in the call. */
  spokenLanguageHint: 'The language people speak in this call. It changes the captions for everyone.',
  starting: 'Starting captions…',
  stopping: 'Turning captions off…',
  waiting: 'Captions appear here when someone speaks.',
  close: 'Hide captions',
  you: 'You',
  /** The call has no captions feature at all (the SDK offers none for it). */
  unavailable:
    'Captions are not offered in this call. Azure Communication Services offers them in calls between its own users, in rooms and in Teams meetings.',
  /** startCaptions refused: the resource or the meeting does not offer them. */
  startFailed: (kind: 'acs' | 'teams', detail: string) =>
    kind === 'teams'
      ? `This meeting does not offer captions (${detail}). The meeting's organiser or the Teams policy has to allow live captions.`
      : `Captions could not start (${detail}). The Azure Communication Services resource may not offer captions for this call.`,
  stopFailed: (detail: string) => `Captions could not be turned off: ${detail}`,
  languageFailed: (language: string, detail: string) =>
    `The spoken language could not be changed to ${language}: ${detail}`,
};

/** Host controls (renderer/screens/in-call/HostControls.tsx), offered where the role allows. */
export const hostStrings = {
  endButton: 'End for everyone',
  confirmTitle: 'End the call for everyone?',
  confirmBody: 'Everyone is disconnected and the call ends. This cannot be undone.',
  confirm: 'End for everyone',
  cancel: 'Cancel',
  muteAll: 'Mute everyone',
  moreFor: (name: string) => `More options for ${name}`,
  muteLabel: (name: string) => `Mute ${name}`,
  alreadyMuted: (name: string) => `${name} is muted`,
  removeLabel: (name: string) => `Remove ${name} from the call`,
  failed: (detail: string) => `That did not work: ${detail}`,
};

/** A Teams meeting's lobby, for a host (renderer/screens/in-call/Lobby.tsx). */
export const lobbyStrings = {
  heading: (count: number) => `Waiting in the lobby (${count})`,
  admit: 'Admit',
  admitLabel: (name: string) => `Admit ${name}`,
  deny: 'Deny',
  denyLabel: (name: string) => `Deny ${name} entry`,
  admitAll: 'Admit all',
  /** The notice when people start waiting. */
  waiting: (names: string[]) =>
    names.length === 1
      ? `${names[0]} is waiting in the lobby.`
      : names.length === 2
        ? `${names[0]} and ${names[1]} are waiting in the lobby.`
        : `${names[0]} and ${names.length - 1} others are waiting in the lobby.`,
  view: 'View lobby',
  dismiss: 'Dismiss',
  /** The People control's name while people wait ("People" stays its visible label). */
  peopleWithLobby: (people: string, count: number) => `${people}, ${count} waiting in the lobby`,
};

/** The network quality indicator in the call header (renderer/screens/in-call/NetworkIndicator.tsx). */
export const networkStrings = {
  levels: { good: 'Good', fair: 'Fair', poor: 'Poor' } as const,
  /** The indicator's name: "Network: Good". */
  indicator: (level: string) => `Network: ${level}`,
  detailsTitle: 'Network and media',
  packetLoss: 'Packet loss',
  jitter: 'Jitter',
  roundTrip: 'Round trip',
  sending: 'Sending',
  receiving: 'Receiving',
  percent: (value: number) => `${value} %`,
  ms: (value: number) => `${value} ms`,
  kbps: (value: number) => `${value} kbit/s`,
  unknown: '—',
  hint: 'Measured by Azure Communication Services about every second. Under 3 % loss, 30 ms jitter and 250 ms round trip is good.',
};

/** Joining a Teams meeting by its id and passcode (renderer/screens/dialer/MeetingIdJoin.tsx). */
export const meetingIdStrings = {
  open: 'Join a Teams meeting with an ID',
  title: 'Join a Teams meeting',
  meetingId: 'Meeting ID',
  meetingIdPlaceholder: '123 456 789 012',
  passcode: 'Passcode',
  passcodeHint: 'Both are in the invitation, under “Join the meeting now”.',
  join: 'Join',
  joinVideo: 'Join with video',
  cancel: 'Cancel',
};

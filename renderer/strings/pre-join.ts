/** The pre-join check before video calls and meetings, and its setting. */

export const preJoinStrings = {
  /** The screen's heading: what is about to be joined. */
  title: (name: string) => `Join ${name}`,
  intro: {
    'video-call': 'Check your camera and microphone before the video call starts.',
    meeting: 'Check your camera and microphone before you join. Others will see and hear you as you choose here.',
  },
  /** Switches, read with their state ("on"/"off"); distinct from the pickers' "Microphone", "Camera". */
  microphone: 'Join with microphone on',
  camera: 'Join with camera on',
  dontShowAgain: {
    'video-call': "Don't show this again for video calls",
    meeting: "Don't show this again for meetings",
  },
  dontShowAgainHint: 'You can turn it back on in Settings → Before calls.',
  joinNow: 'Join now',
  joining: 'Joining…',
  cancel: 'Cancel',
  joinFailed: (detail: string) => `The call could not start: ${detail}`,
};

export const preJoinSettingsStrings = {
  title: 'Before calls',
  intro: 'A short check of your camera and microphone, with your devices and background, before the call starts.',
  shown: {
    'video-call': 'Check camera and microphone before video calls',
    meeting: 'Check camera and microphone before meetings',
  },
  hint: 'Audio calls to people and phone numbers start at once.',
};

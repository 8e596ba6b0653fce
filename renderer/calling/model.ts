/**
 * The calling layer's public face: the state React reads and the intents it calls. Only
 * renderer/calling/ imports the ACS SDK; components see these plain types and never an SDK
 * object (the SDK-backed adapter turns SDK events into `CallingState`).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

/** What the one call box understood. Parsing lives in renderer/calling/call-target.ts. */
export type CallTarget =
  | { kind: 'acs-user'; communicationUserId: string }
  | { kind: 'phone'; e164: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'teams-meeting'; meetingLink: string }
  | { kind: 'room'; roomId: string }
  /** A Teams meeting by id and passcode (TeamsMeetingIdLocator); parsed by meeting-id.ts. */
  | { kind: 'teams-meeting-id'; meetingId: string; passcode: string };

/** A target that is one person: what a call to several people, or "Add people", is made of. */
export type PersonTarget = Extract<CallTarget, { kind: 'acs-user' | 'phone' }>;

/**
 * The CallAgent's life: `unreachable` is the offline case where createCallAgent resolved but the
 * agent stayed `Disconnected` (the SDK throws nothing): the UI says ACS cannot be reached.
 */
export type AgentStatus = 'signed-out' | 'loading-sdk' | 'connecting' | 'connected' | 'unreachable' | 'failed';

export interface MediaDevice {
  id: string;
  name: string;
  isSystemDefault: boolean;
}

export type PermissionStatus = 'unknown' | 'granted' | 'denied';

export interface DevicesState {
  /** Device enumeration needs the SDK's DeviceManager (≈ 7 s offline before it answers). */
  ready: boolean;
  audioPermission: PermissionStatus;
  videoPermission: PermissionStatus;
  cameras: MediaDevice[];
  microphones: MediaDevice[];
  speakers: MediaDevice[];
  selectedCameraId: string | null;
  selectedMicrophoneId: string | null;
  selectedSpeakerId: string | null;
  /**
   * A device change the user should hear about, in words: the camera in use was unplugged and
   * the call switched cameras or turned video off. Null once dismissed.
   */
  notice: string | null;
}

export type CallStatus =
  | 'connecting'
  | 'ringing'
  | 'early-media'
  | 'connected'
  | 'on-hold'
  | 'remote-hold'
  | 'in-lobby'
  | 'reconnecting'
  | 'disconnecting'
  | 'ended';

export interface RemoteVideo {
  /** Stable key for a React list and for `attachRemoteVideo`. */
  key: string;
  participantId: string;
  kind: 'video' | 'screen-share';
  isAvailable: boolean;
}

export interface Participant {
  id: string;
  displayName: string;
  state: 'connecting' | 'ringing' | 'connected' | 'on-hold' | 'in-lobby' | 'disconnected';
  isMuted: boolean;
  isSpeaking: boolean;
  isHandRaised: boolean;
}

/** A plain-language diagnostic banner (network, microphone, camera). */
export interface CallDiagnostic {
  id: string;
  area: 'network' | 'microphone' | 'camera' | 'speaker';
  message: string;
}

export interface CallEndReason {
  code: number;
  subCode: number;
  /** Already in words (renderer/strings). */
  message: string;
}

export interface CallView {
  id: string;
  direction: 'outgoing' | 'incoming';
  /**
   * Who the call is with, for the header: a name (renderer/calling/display-name.ts, callTitle),
   * never a raw id.
   */
  title: string;
  target: CallTarget | null;
  /**
   * A call to several people at once: everyone rung with `target` in the one `startCall`, in
   * order; empty for a call to one person or place. Recents keep them, to ring them all again.
   */
  others: PersonTarget[];
  status: CallStatus;
  /** Epoch ms when the call first connected: the timer counts from here. */
  connectedAt: number | null;
  isMuted: boolean;
  isCameraOn: boolean;
  isScreenSharing: boolean;
  isHandRaised: boolean;
  participants: Participant[];
  remoteVideos: RemoteVideo[];
  diagnostics: CallDiagnostic[];
  endReason: CallEndReason | null;
  /** Recording and transcription as the service reports them (renderer/calling/compliance.ts). */
  compliance: ComplianceNotice;
  /** Live captions (renderer/calling/captions.ts). */
  captions: CaptionsView;
  /** What the service lets me do to others in this call (renderer/calling/host-controls.ts). */
  host: HostControls;
  /** Who waits in a Teams meeting's lobby; empty unless `host.manageLobby`. */
  lobby: LobbyPerson[];
  /** The call's media statistics, summarised (renderer/calling/network-quality.ts); null until the first sample. */
  network: NetworkQuality | null;
  /** Call transfer, sending and receiving (renderer/calling/transfer.ts). */
  transfer: TransferView;
  /** Reactions sent in the call, each shown for a few seconds (renderer/calling/reactions.ts). */
  reactions: ReactionsView;
  /** Who is spotlighted for everyone, and whether I may change it (renderer/calling/spotlight.ts). */
  spotlight: SpotlightView;
  /** Whom the service lets me add to this call (renderer/calling/participants-add.ts). */
  addPeople: AddPeopleAbility;
}

/** The SDK's reaction types (`Reaction` in @azure/communication-calling). */
export type ReactionKind = 'like' | 'heart' | 'laugh' | 'surprised' | 'applause';

/** One reaction on show: on the sender's tile, or on my self-view when `fromMe`. */
export interface ShownReaction {
  /** Stable for a React list and the announcement: a new reaction from the same person gets a new id. */
  id: string;
  /** The sender's raw id (my own for mine). */
  participantId: string;
  /** The sender's name as the layer knows it (renderer/calling/display-name.ts); the screens prefer the directory's. */
  senderName: string;
  fromMe: boolean;
  reaction: ReactionKind;
}

export interface ReactionsView {
  /** False in a 1:1 or phone call: ACS offers reactions in group calls, rooms and Teams meetings only. */
  offered: boolean;
  /** False where the service refuses them (a Teams meeting's policy turned them off). */
  allowed: boolean;
  /** At most one per person, newest last; each leaves after REACTION_SHOWN_MS. */
  shown: ShownReaction[];
}

export interface SpotlightView {
  /** Raw ids of the people spotlighted, in the service's order; mine is among them when I am. */
  spotlightedIds: string[];
  /** How many may be spotlighted at once (the SDK's `maxParticipantsToSpotlight`). */
  max: number;
  /** I may spotlight people (others and myself): `spotlightParticipant`. */
  canSpotlight: boolean;
  /** I may end others' spotlights: `removeParticipantsSpotlight`. Ending my own needs nothing. */
  canRemove: boolean;
}

/**
 * A transfer of this call: `transferring` while the service works on it, then `transferred` (the
 * call ends for me) or `failed` with the reason in words. `unavailable` says why this call offers
 * no transfer (a group call, not connected yet), null where it does. `transferredFrom`: this call
 * is the one the other side transferred me into, and that is the call I was in until then.
 */
export interface TransferView {
  status: 'idle' | 'transferring' | 'transferred' | 'failed';
  /** Who the call goes to, by name; null while idle. */
  targetName: string | null;
  problem: string | null;
  unavailable: string | null;
  transferredFrom: FinishedCall | null;
}

/**
 * A call as it stood when it ended: what recents keep of it (renderer/history/record-call.ts).
 * Usually taken from the ended call's view; the call I was transferred out of is taken at the
 * hand-over, since its tracker is let go before the service ends it.
 */
export interface FinishedCall {
  id: string;
  direction: CallView['direction'];
  title: string;
  target: CallTarget | null;
  others: PersonTarget[];
  connectedAt: number | null;
  /** My camera was on, or someone else's video showed, when it ended. */
  video: boolean;
  /** Epoch ms. */
  endedAt: number;
}

export function finishedCall(view: CallView, endedAt: number): FinishedCall {
  const { id, direction, title, target, others, connectedAt } = view;
  return {
    id,
    direction,
    title,
    target,
    others,
    connectedAt,
    video: view.isCameraOn || view.remoteVideos.length > 0,
    endedAt,
  };
}

/** Who may be added to the call in progress; "Add people" is offered when either is true. */
export interface AddPeopleAbility {
  /** ACS users (`8:acs:…`), found in the directory or by id. */
  people: boolean;
  /** Phone numbers, rung from the configured caller id. */
  phoneNumbers: boolean;
}

/**
 * `unavailable`: the SDK offers no captions for this call; `starting`/`stopping`: asked, waiting
 * for the service to confirm (`CaptionsActiveChanged`).
 */
export type CaptionsStatus = 'unavailable' | 'off' | 'starting' | 'on' | 'stopping';

export interface CaptionLine {
  /** Stable for a React list: a Partial line keeps its id when its Final replaces it. */
  id: string;
  /** Who spoke, as a name (renderer/calling/display-name.ts): never a raw id. */
  speaker: string;
  text: string;
  /** False while the service may still revise the text (a Partial result). */
  isFinal: boolean;
}

export interface CaptionsView {
  status: CaptionsStatus;
  /** `teams` in a Teams meeting (the meeting's captions), `acs` otherwise. */
  kind: 'acs' | 'teams';
  /** BCP 47 (`en-us`): what the service is captioning, or what was asked for; null before. */
  spokenLanguage: string | null;
  /** BCP 47 tags the service accepts; empty until the SDK reports them. */
  supportedLanguages: string[];
  /** The most recent lines, oldest first, bounded (captions.ts MAX_CAPTION_LINES). */
  lines: CaptionLine[];
  /** Why captions could not start, stop or change language, in words; null when all is well. */
  problem: string | null;
}

/** One `Features.MediaStats` sample in plain figures; a figure the sample lacks is null. */
export interface NetworkQuality {
  level: 'good' | 'fair' | 'poor';
  /** Received packets lost, in percent of those sent to me. */
  packetLossPercent: number | null;
  jitterMs: number | null;
  roundTripMs: number | null;
  sendKbps: number | null;
  receiveKbps: number | null;
}

export interface LobbyPerson {
  id: string;
  displayName: string;
}

/** Host controls the role and the call's capabilities allow; each is offered only when true. */
export interface HostControls {
  endForEveryone: boolean;
  muteOthers: boolean;
  removeParticipants: boolean;
  /** Admit or turn away people waiting in a Teams meeting's lobby. */
  manageLobby: boolean;
}

export interface ComplianceNotice {
  recording: boolean;
  transcribing: boolean;
}

/** The background effect chosen for the camera (renderer/calling/effects.ts); remembered. */
export type VideoEffectChoice = 'none' | 'blur' | 'replacement';
/** Whether this machine can run an effect: known once it has been tried on a real stream. */
export type EffectSupport = 'unknown' | 'supported' | 'unsupported';

export interface EffectsState {
  video: VideoEffectChoice;
  /** Noise suppression in calls: deep (the effects package) where supported, else the browser's. */
  noiseSuppression: boolean;
  support: { blur: EffectSupport; replacement: EffectSupport; deepNoiseSuppression: EffectSupport };
  /** An effect that could not be applied, in words; null when all is well. */
  problem: string | null;
}

/** Calling sounds (renderer/calling/call-sounds.ts); remembered. */
export interface SoundSettings {
  ringtone: boolean;
  /** 0..1, for every call sound. */
  volume: number;
  /**
   * A second speaker (SDK device id) the ringtone also plays on, e.g. the laptop's speakers while
   * calls go to a headset that is lying on the desk; null: only the selected speaker.
   */
  alsoRingOn: string | null;
}

/**
 * The kinds of call that get a pre-join check (renderer/calling/pre-join.ts): a video call to a
 * person, and a meeting (a group call, a Teams meeting, a room).
 */
export type PreJoinKind = 'video-call' | 'meeting';
/** Per kind, whether the pre-join check is shown ("Don't show this again" turns it off); remembered. */
export type PreJoinSettings = Record<PreJoinKind, boolean>;

/** A call the user asked for, waiting on the pre-join check; nothing is dialled yet. */
export interface PreJoinRequest {
  kind: PreJoinKind;
  target: CallTarget;
  /** The name the user knows the target by (a favourite's label, a recent's title), if any. */
  title: string | null;
  /** Whether the call was asked for with video: the camera starts on in the check. */
  video: boolean;
  /** More people rung together with `target` (a call to several people). */
  others?: PersonTarget[];
}

/** What the user chose in the pre-join check: the call starts with exactly this. */
export interface PreJoinChoice {
  muted: boolean;
  video: boolean;
  /** "Don't show this again" for this kind of call. */
  dontShowAgain: boolean;
}

export interface IncomingCallView {
  id: string;
  /** The caller's name for display (renderer/calling/display-name.ts): never a raw id. */
  callerDisplayName: string;
  /** The caller's raw id (`8:acs:…`, `4:+1…`): for calling back, not for display. */
  callerId: string;
}

/** A call put on hold to answer another: listed with Resume/Swap while it waits. */
export interface HeldCallView {
  id: string;
  title: string;
  /** `ended` when the other side hung up while it was held (it then leaves the list). */
  status: CallStatus;
}

export interface CallingState {
  agent: AgentStatus;
  /** Words for the user when `agent` is `unreachable` or `failed`. */
  agentMessage: string | null;
  /**
   * The SDK chunk's import has finished, loaded or failed. `agent` stays `loading-sdk` until the
   * first token is in as well; the screens wait for the SDK only (routes.ts, holdFluentHalf).
   */
  sdkSettled: boolean;
  /** The signed-in identity (`8:acs:…`), copied with "Copy my call id". */
  myCommunicationUserId: string | null;
  /** The signed-in person's display name: the people pane shows "<name> (you)". */
  myDisplayName: string | null;
  devices: DevicesState;
  call: CallView | null;
  /** Calls on hold behind `call`, most recently held last. */
  held: HeldCallView[];
  incoming: IncomingCallView[];
  effects: EffectsState;
  sounds: SoundSettings;
  /** The call waiting on its pre-join check (the pre-join screen shows it), else null. */
  preJoin: PreJoinRequest | null;
  preJoinSettings: PreJoinSettings;
}

export type DtmfTone =
  | 'Num0'
  | 'Num1'
  | 'Num2'
  | 'Num3'
  | 'Num4'
  | 'Num5'
  | 'Num6'
  | 'Num7'
  | 'Num8'
  | 'Num9'
  | 'Star'
  | 'Pound';

/** Intent-named actions: what a button means, never how the SDK does it. */
export interface CallingActions {
  requestPermissions(which: { audio: boolean; video: boolean }): Promise<void>;
  selectCamera(id: string): Promise<void>;
  selectMicrophone(id: string): Promise<void>;
  selectSpeaker(id: string): Promise<void>;
  /** Renders the selected camera into `container`; the returned function tears the view down. */
  attachLocalPreview(container: HTMLElement): Promise<() => void>;
  attachRemoteVideo(videoKey: string, container: HTMLElement): Promise<() => void>;
  /** Reports the microphone level 0..1 roughly every animation frame; returns unsubscribe. */
  watchMicrophoneLevel(listener: (level: number) => void): () => void;
  playTestSound(): Promise<void>;

  /**
   * What a call button means: the pre-join check first when this kind of call gets one
   * (renderer/calling/pre-join.ts) and the user has not turned it off, else `startCall` at once.
   */
  placeCall(target: CallTarget, options: { video: boolean; title?: string; others?: PersonTarget[] }): Promise<void>;
  /**
   * Dials now. `title`: the name the user knows the target by (a favourite's label, a recent's
   * title); `muted`: the microphone starts muted; `others`: more people rung in the same call,
   * when `target` is a person too (one `startCall` with everyone).
   */
  startCall(
    target: CallTarget,
    options: { video: boolean; title?: string; muted?: boolean; others?: PersonTarget[] },
  ): Promise<void>;
  /** Starts the call waiting on its pre-join check, with what the user chose there. */
  joinFromPreJoin(choice: PreJoinChoice): Promise<void>;
  /** Drops the call waiting on its pre-join check: nothing was dialled. */
  cancelPreJoin(): void;
  /** Settings: shows or skips the pre-join check for one kind of call. */
  setPreJoinShown(kind: PreJoinKind, shown: boolean): void;
  accept(incomingId: string, options: { video: boolean }): Promise<void>;
  reject(incomingId: string): Promise<void>;
  /** A second call while in a call: put the current one on hold, then accept. */
  holdAndAccept(incomingId: string, options: { video: boolean }): Promise<void>;
  /**
   * Brings a held call back: the current call, if still up, goes on hold in its place (a swap);
   * after the current call has ended, the held one simply resumes.
   */
  switchToHeldCall(callId: string): Promise<void>;
  hangUp(): Promise<void>;
  /** Ends the call for every participant (a host control: `host.endForEveryone`). */
  endCallForEveryone(): Promise<void>;
  /** Mutes one remote participant (`host.muteOthers`); they can unmute themselves. */
  muteParticipant(participantId: string): Promise<void>;
  muteAllParticipants(): Promise<void>;
  /** Removes a participant from the call (`host.removeParticipants`). */
  removeParticipant(participantId: string): Promise<void>;
  /**
   * Rings someone into the call in progress (`addPeople`). Resolves once they have joined; rejects,
   * in words, when the service refuses or they do not join. They show in `participants` meanwhile.
   */
  addParticipant(target: PersonTarget): Promise<void>;
  /** Lets someone in from a Teams meeting's lobby (`host.manageLobby`). */
  admitFromLobby(participantId: string): Promise<void>;
  admitAllFromLobby(): Promise<void>;
  /** Turns someone away from the lobby. */
  rejectFromLobby(participantId: string): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  setCameraOn(on: boolean): Promise<void>;
  setScreenSharing(on: boolean): Promise<void>;
  setOnHold(onHold: boolean): Promise<void>;
  setHandRaised(raised: boolean): Promise<void>;
  sendDtmf(tone: DtmfTone): Promise<void>;
  /**
   * Captions in the current call. A refusal by the service does not reject: it lands in
   * `call.captions.problem`, in words.
   */
  startCaptions(spokenLanguage?: string): Promise<void>;
  stopCaptions(): Promise<void>;
  setSpokenLanguage(spokenLanguage: string): Promise<void>;
  /**
   * Transfers the call to a person or phone number (`Features.Transfer`); resolves once asked.
   * Progress and the outcome are in `call.transfer`; on success the call ends for me.
   */
  transferCall(target: CallTarget, options: { title?: string }): Promise<void>;
  /** A consult transfer: connects the other side of this call with the held call's. */
  transferToHeldCall(heldCallId: string): Promise<void>;
  /** Sends a reaction to everyone in the call (`reactions.offered` and `allowed`). */
  sendReaction(reaction: ReactionKind): Promise<void>;
  /** Spotlights a participant for everyone, or me when no id is given (`spotlight.canSpotlight`). */
  startSpotlight(participantId?: string): Promise<void>;
  /** Ends a participant's spotlight (`spotlight.canRemove`), or my own when no id is given. */
  stopSpotlight(participantId?: string): Promise<void>;
  stopAllSpotlights(): Promise<void>;
  /** Clears an ended call from the state once the user has read its end reason. */
  dismissEndedCall(): void;
  dismissDeviceNotice(): void;
  /** Creates the call agent again after it failed or stayed unreachable ("Try again"). */
  retryAgent(): void;

  /** Applies to the camera preview and the call's camera now, and to every camera stream after. */
  setVideoEffect(choice: VideoEffectChoice): Promise<void>;
  setNoiseSuppression(on: boolean): Promise<void>;
  setSoundSettings(change: Partial<SoundSettings>): void;
}

/** What the provider holds: a subscribable state and the actions. */
export interface CallingStore {
  getState(): CallingState;
  subscribe(listener: () => void): () => void;
  actions: CallingActions;
}

export const CallingStoreContext = createContext<CallingStore | null>(null);

function useCallingStore(): CallingStore {
  const store = useContext(CallingStoreContext);
  if (!store) throw new Error('useCalling* hooks need a <CallingStoreContext.Provider> above them');
  return store;
}

/** Reads a slice of the calling state; re-renders only when that slice changes. */
export function useCallingState<T>(select: (state: CallingState) => T): T {
  const store = useCallingStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useCallingActions(): CallingActions {
  return useCallingStore().actions;
}

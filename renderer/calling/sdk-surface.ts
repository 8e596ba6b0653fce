/**
 * The part of the ACS calling SDK the calling layer uses, declared from the SDK's own types.
 * `renderer/calling/sdk.ts` proves the real SDK satisfies `CallingSdk` and the test fake
 * (test/support/fake-calling-sdk.ts) implements the same types, so an SDK change that breaks
 * this layer fails the type-check on both sides. Members that hand out further SDK objects are
 * re-declared here to hand out the narrowed surface instead (so the fake need not build a whole
 * SDK object graph); everything else is a `Pick` of the SDK's declaration.
 */
import type {
  AcceptCallOptions,
  AddPhoneNumberOptions,
  AudioDeviceInfo,
  AudioEffectsFeature,
  BackgroundBlurEffect,
  BackgroundReplacementEffect,
  Call,
  CallAgent,
  CallAgentOptions,
  CallEndReason,
  CapabilitiesFeature,
  CaptionsCallFeature,
  CaptionsCommon,
  CaptionsInfo,
  CollectionUpdatedEvent,
  ConnectionStateChangedEvent,
  CreateViewOptions,
  DeepNoiseSuppressionEffect,
  DeviceManager,
  GroupLocator,
  IncomingCall,
  JoinCallOptions,
  Lobby,
  LocalVideoStream,
  MediaStatsCollector,
  MediaStatsCollectorOptions,
  PropertyChangedEvent,
  RaiseHandCallFeature,
  ReactionCallFeature,
  RecordingCallFeature,
  RemoteParticipant,
  RemoteVideoStream,
  RoomLocator,
  SpotlightCallFeature,
  StartCallOptions,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
  TranscriptionCallFeature,
  Transfer,
  TransferToCallLocator,
  TransferToCallOptions,
  TransferToParticipantLocator,
  TransferToParticipantOptions,
  UserFacingDiagnosticsFeature,
  VideoDeviceInfo,
  VideoEffectsFeature,
  VideoOptions,
  VideoStreamRendererView,
} from '@azure/communication-calling';
import type {
  AzureCommunicationTokenCredential,
  CommunicationIdentifier,
  CommunicationTokenCredential,
  CommunicationTokenRefreshOptions,
  CommunicationUserIdentifier,
  PhoneNumberIdentifier,
} from '@azure/communication-common';

export type { AudioDeviceInfo, CallEndReason, CommunicationIdentifier, VideoDeviceInfo };

export type SdkRemoteVideoStream = Pick<
  RemoteVideoStream,
  'id' | 'mediaStreamType' | 'isAvailable' | 'isReceiving' | 'size' | 'on' | 'off' | 'getMediaStream'
>;

export interface SdkRemoteParticipant
  extends Pick<
    RemoteParticipant,
    'identifier' | 'displayName' | 'state' | 'isMuted' | 'isSpeaking' | 'callEndReason' | 'mute'
  > {
  readonly videoStreams: ReadonlyArray<SdkRemoteVideoStream>;
  on(
    event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged',
    listener: PropertyChangedEvent,
  ): void;
  on(event: 'videoStreamsUpdated', listener: CollectionUpdatedEvent<SdkRemoteVideoStream>): void;
  off(
    event: 'stateChanged' | 'isMutedChanged' | 'isSpeakingChanged' | 'displayNameChanged',
    listener: PropertyChangedEvent,
  ): void;
  off(event: 'videoStreamsUpdated', listener: CollectionUpdatedEvent<SdkRemoteVideoStream>): void;
}

export type SdkRaiseHand = Pick<RaiseHandCallFeature, 'raiseHand' | 'lowerHand' | 'getRaisedHands' | 'on' | 'off'>;
export type SdkUserFacingDiagnostics = Pick<UserFacingDiagnosticsFeature, 'network' | 'media'>;

export type SdkRecording = Pick<RecordingCallFeature, 'isRecordingActive' | 'on' | 'off'>;
export type SdkTranscription = Pick<TranscriptionCallFeature, 'isTranscriptionActive' | 'on' | 'off'>;
/** `Features.Capabilities`: what the local user may do in this call (end it for everyone, mute others, …). */
export type SdkCapabilities = Pick<CapabilitiesFeature, 'capabilities' | 'on' | 'off'>;

/** `Features.MediaStats`: a collector per call, reporting a `sampleReported` about every second. */
export type SdkMediaStatsCollector = Pick<MediaStatsCollector, 'on' | 'off' | 'dispose'>;
export interface SdkMediaStats {
  createCollector(options?: MediaStatsCollectorOptions): SdkMediaStatsCollector;
}

/** A Teams meeting's lobby (`call.lobby`), its people narrowed to the surface. */
export interface SdkLobby extends Pick<Lobby, 'admit' | 'reject' | 'admitAll'> {
  readonly participants: ReadonlyArray<SdkRemoteParticipant>;
  on(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedEvent<SdkRemoteParticipant>): void;
  off(event: 'lobbyParticipantsUpdated', listener: CollectionUpdatedEvent<SdkRemoteParticipant>): void;
}

/**
 * One caption as both kinds deliver it: `Captions` (ACS calls) hands a `CaptionsInfo`, a Teams
 * meeting's `TeamsCaptions` a `TeamsCaptionsInfo` whose speaker is a `CallerInfo` (identifier
 * possibly undefined). This is the part the two share.
 */
export type SdkCaptionsInfo = Pick<CaptionsInfo, 'resultType' | 'spokenText' | 'timestamp'> & {
  readonly speaker: { readonly identifier: CommunicationIdentifier | undefined; readonly displayName?: string };
};

/**
 * `CaptionsCallFeature.captions` is declared as `CaptionsCommon`, without events; at run time it
 * is a `Captions` or a `TeamsCaptions` (by `kind`), and both emit these.
 */
export interface SdkCaptions
  extends Pick<
    CaptionsCommon,
    | 'startCaptions'
    | 'stopCaptions'
    | 'setSpokenLanguage'
    | 'supportedSpokenLanguages'
    | 'isCaptionsFeatureActive'
    | 'activeSpokenLanguage'
    | 'kind'
  > {
  on(event: 'CaptionsReceived', listener: (info: SdkCaptionsInfo) => void): void;
  on(event: 'CaptionsActiveChanged' | 'SpokenLanguageChanged', listener: PropertyChangedEvent): void;
  off(event: 'CaptionsReceived', listener: (info: SdkCaptionsInfo) => void): void;
  off(event: 'CaptionsActiveChanged' | 'SpokenLanguageChanged', listener: PropertyChangedEvent): void;
}

/** `Features.Captions`: its `captions` object is replaced when the kind changes (`CaptionsKindChanged`). */
export interface SdkCaptionsFeature extends Pick<CaptionsCallFeature, 'on' | 'off'> {
  readonly captions: SdkCaptions;
}

/** One transfer under way: `state` None → Transferring → Transferred | Failed (with `error`). */
export type SdkTransfer = Pick<Transfer, 'state' | 'error' | 'on' | 'off'>;

/**
 * `Features.Transfer`: sends this call to a person or into another call, and, on the receiving
 * side, `transferAccepted` hands over the call the other side transferred me into.
 */
export interface SdkTransferFeature {
  transfer(target: TransferToParticipantLocator, options?: TransferToParticipantOptions): SdkTransfer;
  transfer(target: TransferToCallLocator, options?: TransferToCallOptions): SdkTransfer;
  on(event: 'transferAccepted', listener: (args: { targetCall: SdkCall }) => void): void;
  off(event: 'transferAccepted', listener: (args: { targetCall: SdkCall }) => void): void;
}
/** `Features.Reaction`: send one; everyone's (with the sender's identifier) arrive as `reaction` events. */
export type SdkReaction = Pick<ReactionCallFeature, 'sendReaction' | 'on' | 'off'>;
/** `Features.Spotlight`: who is spotlighted for everyone, and (where the role allows) changing it. */
export type SdkSpotlight = Pick<
  SpotlightCallFeature,
  | 'startSpotlight'
  | 'stopSpotlight'
  | 'stopAllSpotlight'
  | 'getSpotlightedParticipants'
  | 'maxParticipantsToSpotlight'
  | 'on'
  | 'off'
>;

/** The call features the layer uses, fetched by the adapter through `sdk.Features`. */
export interface SdkCallFeatures {
  raiseHand: SdkRaiseHand;
  diagnostics: SdkUserFacingDiagnostics;
  recording: SdkRecording;
  transcription: SdkTranscription;
  /** Null when the SDK offers no captions feature for this call. */
  captions: SdkCaptionsFeature | null;
  capabilities: SdkCapabilities;
  mediaStats: SdkMediaStats;
  /** Null when the SDK offers no transfer feature for this call. */
  transfer: SdkTransferFeature | null;
  reaction: SdkReaction;
  spotlight: SdkSpotlight;
}

/** `Features.VideoEffects` of a local camera stream and `Features.AudioEffects` of the call's microphone stream. */
export type SdkVideoEffects = Pick<
  VideoEffectsFeature,
  'isSupported' | 'startEffects' | 'stopEffects' | 'activeEffects'
>;
export type SdkAudioEffects = Pick<AudioEffectsFeature, 'isSupported' | 'startEffects' | 'stopEffects'>;

/**
 * What the lazily loaded `@azure/communication-calling-effects` chunk hands the layer: effect
 * objects as the calling SDK declares them (renderer/calling/effects-package.ts checks the real
 * package against this with `satisfies`).
 */
export interface EffectsPackage {
  backgroundBlur(): BackgroundBlurEffect;
  backgroundReplacement(backgroundImageUrl: string): BackgroundReplacementEffect;
  deepNoiseSuppression(): DeepNoiseSuppressionEffect;
}

export type SdkLocalVideoStream = Pick<LocalVideoStream, 'source' | 'switchSource' | 'dispose' | 'mediaStreamType'>;

/** The call's property events the layer follows (subscribed and released with the same list). */
type SdkCallPropertyEvent =
  | 'stateChanged'
  | 'isMutedChanged'
  | 'isScreenSharingOnChanged'
  | 'isLocalVideoStartedChanged'
  | 'roleChanged';

export interface SdkCall
  extends Pick<
    Call,
    | 'id'
    | 'state'
    | 'callEndReason'
    | 'direction'
    | 'callerInfo'
    | 'isMuted'
    | 'isScreenSharingOn'
    | 'isLocalVideoStarted'
    | 'hangUp'
    | 'mute'
    | 'unmute'
    | 'hold'
    | 'resume'
    | 'sendDtmf'
    | 'startScreenSharing'
    | 'stopScreenSharing'
    | 'role'
    | 'muteAllRemoteParticipants'
    | 'removeParticipant'
  > {
  readonly remoteParticipants: ReadonlyArray<SdkRemoteParticipant>;
  readonly localVideoStreams: ReadonlyArray<SdkLocalVideoStream>;
  readonly lobby: SdkLobby;
  /** `Call.addParticipant`'s two overloads, handing out the narrowed participant. */
  addParticipant(identifier: CommunicationUserIdentifier): SdkRemoteParticipant;
  addParticipant(identifier: PhoneNumberIdentifier, options?: AddPhoneNumberOptions): SdkRemoteParticipant;
  startVideo(localVideoStream: SdkLocalVideoStream): Promise<void>;
  stopVideo(localVideoStream: SdkLocalVideoStream): Promise<void>;
  on(event: SdkCallPropertyEvent, listener: PropertyChangedEvent): void;
  on(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedEvent<SdkRemoteParticipant>): void;
  off(event: SdkCallPropertyEvent, listener: PropertyChangedEvent): void;
  off(event: 'remoteParticipantsUpdated', listener: CollectionUpdatedEvent<SdkRemoteParticipant>): void;
}

/** Call options as the SDK declares them, with the local video streams narrowed to the surface. */
export type SdkJoinOptions = Omit<JoinCallOptions & AcceptCallOptions, 'videoOptions'> & {
  videoOptions?: Omit<VideoOptions, 'localVideoStreams'> & { localVideoStreams?: SdkLocalVideoStream[] };
};
export type SdkStartCallOptions = SdkJoinOptions & Pick<StartCallOptions, 'alternateCallerId'>;

export interface SdkIncomingCall extends Pick<IncomingCall, 'id' | 'callerInfo' | 'reject' | 'on' | 'off'> {
  accept(options?: SdkJoinOptions): Promise<SdkCall>;
}

export type SdkOutgoingParticipant = CommunicationUserIdentifier | PhoneNumberIdentifier;

export interface SdkCallAgent extends Pick<CallAgent, 'connectionState' | 'dispose'> {
  startCall(participants: SdkOutgoingParticipant[], options?: SdkStartCallOptions): SdkCall;
  join(
    locator: GroupLocator | TeamsMeetingLinkLocator | TeamsMeetingIdLocator | RoomLocator,
    options?: SdkJoinOptions,
  ): SdkCall;
  on(event: 'incomingCall', listener: (args: { incomingCall: SdkIncomingCall }) => void): void;
  on(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
  off(event: 'incomingCall', listener: (args: { incomingCall: SdkIncomingCall }) => void): void;
  off(event: 'connectionStateChanged', listener: ConnectionStateChangedEvent): void;
}

export type SdkDeviceManager = Pick<
  DeviceManager,
  | 'askDevicePermission'
  | 'getCameras'
  | 'getMicrophones'
  | 'getSpeakers'
  | 'selectMicrophone'
  | 'selectSpeaker'
  | 'selectedMicrophone'
  | 'selectedSpeaker'
  | 'isSpeakerSelectionAvailable'
  | 'on'
  | 'off'
>;

export interface SdkCallClient {
  createCallAgent(credential: CommunicationTokenCredential, options?: CallAgentOptions): Promise<SdkCallAgent>;
  getDeviceManager(): Promise<SdkDeviceManager>;
  dispose(): Promise<void>;
}

export type SdkCredential = Pick<AzureCommunicationTokenCredential, 'getToken' | 'dispose'>;

export interface SdkVideoStreamRenderer {
  createView(options?: CreateViewOptions): Promise<Pick<VideoStreamRendererView, 'target' | 'dispose'>>;
  dispose(): void;
}

/** Everything the lazy `import('./sdk')` chunk hands the calling layer. */
export interface CallingSdk {
  createCallClient(): SdkCallClient;
  createCredential(options: CommunicationTokenRefreshOptions): SdkCredential;
  createLocalVideoStream(camera: VideoDeviceInfo): SdkLocalVideoStream;
  createVideoStreamRenderer(stream: SdkLocalVideoStream | SdkRemoteVideoStream): SdkVideoStreamRenderer;
  callFeatures(call: SdkCall): SdkCallFeatures;
  videoEffects(stream: SdkLocalVideoStream): SdkVideoEffects;
  /** Null while the call has no microphone stream yet (the SDK adds it as the call connects). */
  audioEffects(call: SdkCall): SdkAudioEffects | null;
  /** `8:acs:…`, `4:+1…` etc.: the one string form of an identifier. */
  rawId(identifier: CommunicationIdentifier): string;
}

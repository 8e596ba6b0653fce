/**
 * A typed fake of the ACS calling SDK surface the calling layer uses (renderer/calling/sdk-surface.ts,
 * itself declared from the SDK's own types): the compiler checks every fake against the SDK's
 * declarations, so SDK drift fails the type-check. The fakes behave like the SDK (events fire
 * after state changes, hang-up ends with code 0, hold goes to LocalHold) and expose `remote*`
 * helpers for what Azure or the other side would do.
 */
import type {
  AddPhoneNumberOptions,
  AudioDeviceInfo,
  AudioEffectsStartConfig,
  BackgroundBlurEffect,
  BackgroundReplacementEffect,
  CallState,
  ConnectionState,
  CreateViewOptions,
  DeepNoiseSuppressionEffect,
  DtmfTone,
  HangUpOptions,
  MediaStatsReportSample,
  ParticipantCapabilities,
  ParticipantRole,
  Reaction,
  SpotlightedParticipant,
  TransferErrorCode,
  TransferState,
  TransferToCallLocator,
  TransferToParticipantLocator,
  VideoDeviceInfo,
  VideoEffectName,
  VideoEffectProcessor,
} from '@azure/communication-calling';
import {
  type CommunicationIdentifier,
  type CommunicationIdentifierKind,
  type CommunicationTokenRefreshOptions,
  type CommunicationUserIdentifier,
  getIdentifierRawId,
  type PhoneNumberIdentifier,
} from '@azure/communication-common';
import type {
  CallingSdk,
  EffectsPackage,
  SdkAudioEffects,
  SdkCall,
  SdkCallAgent,
  SdkCallClient,
  SdkCallFeatures,
  SdkCapabilities,
  SdkCaptions,
  SdkCaptionsFeature,
  SdkCaptionsInfo,
  SdkCredential,
  SdkDeviceManager,
  SdkIncomingCall,
  SdkJoinOptions,
  SdkLobby,
  SdkLocalVideoStream,
  SdkMediaStats,
  SdkMediaStatsCollector,
  SdkOutgoingParticipant,
  SdkRaiseHand,
  SdkReaction,
  SdkRecording,
  SdkRemoteParticipant,
  SdkRemoteVideoStream,
  SdkSpotlight,
  SdkStartCallOptions,
  SdkTranscription,
  SdkTransfer,
  SdkTransferFeature,
  SdkUserFacingDiagnostics,
  SdkVideoEffects,
  SdkVideoStreamRenderer,
} from '../../renderer/calling/sdk-surface';

type Listener = (...args: never[]) => void;

/** on/off/emit the way the SDK's own emitters behave (synchronous, in subscription order). */
class FakeEmitter {
  private readonly listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener): void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener);
  }
  off(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
  }
  listenerCount(event?: string): number {
    if (event) return this.listeners.get(event)?.size ?? 0;
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
  protected emit(event: string, args?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (a: unknown) => void)(args);
  }
}

export function acsUser(
  id: string,
  displayName?: string,
): { identifier: CommunicationIdentifierKind; displayName?: string } {
  return {
    identifier: { kind: 'communicationUser', communicationUserId: id },
    ...(displayName ? { displayName } : {}),
  };
}

export class FakeRemoteVideoStream extends FakeEmitter implements SdkRemoteVideoStream {
  isReceiving = true;
  size = { width: 640, height: 360 };
  constructor(
    readonly id: number,
    readonly mediaStreamType: SdkRemoteVideoStream['mediaStreamType'] = 'Video',
    public isAvailable = true,
  ) {
    super();
  }
  async getMediaStream(): Promise<MediaStream> {
    throw new Error('The fake has no media');
  }
  remoteSetAvailable(available: boolean): void {
    this.isAvailable = available;
    this.emit('isAvailableChanged');
  }
}

export class FakeRemoteParticipant extends FakeEmitter implements SdkRemoteParticipant {
  state: SdkRemoteParticipant['state'] = 'Connected';
  isMuted = false;
  isSpeaking = false;
  callEndReason: SdkRemoteParticipant['callEndReason'] = undefined;
  videoStreams: FakeRemoteVideoStream[] = [];
  readonly identifier: CommunicationIdentifierKind;
  displayName?: string;
  /** `id`: an ACS user id, or the identifier itself (a phone number, `{ kind: 'phoneNumber', … }`). */
  constructor(id: string | CommunicationIdentifierKind, displayName?: string) {
    super();
    const user = typeof id === 'string' ? acsUser(id, displayName) : { identifier: id, displayName };
    this.identifier = user.identifier;
    if (user.displayName) this.displayName = user.displayName;
  }
  /** What a host's "Mute" does: the service mutes them (they may unmute themselves). */
  async mute(): Promise<void> {
    this.remoteSet({ isMuted: true });
  }
  remoteSet(
    change: Partial<Pick<FakeRemoteParticipant, 'state' | 'isMuted' | 'isSpeaking' | 'callEndReason' | 'displayName'>>,
  ): void {
    Object.assign(this, change);
    if ('state' in change) this.emit('stateChanged');
    if ('isMuted' in change) this.emit('isMutedChanged');
    if ('isSpeaking' in change) this.emit('isSpeakingChanged');
  }
  remoteAddVideo(stream: FakeRemoteVideoStream): void {
    this.videoStreams = [...this.videoStreams, stream];
    this.emit('videoStreamsUpdated', { added: [stream], removed: [] });
  }
}

/** Which effects this machine "supports": what the SDK's isSupported answers. */
export interface FakeEffectsSupport {
  BackgroundBlur: boolean;
  BackgroundReplacement: boolean;
  DeepNoiseSuppression: boolean;
  BrowserNoiseSuppression: boolean;
}

/** `Features.VideoEffects` of one camera stream, as the SDK behaves: one effect at a time. */
export class FakeVideoEffects implements SdkVideoEffects {
  activeEffects: VideoEffectName[] = [];
  /** Every effect started, in order (with the image of a replacement). */
  readonly started: Array<{ name: VideoEffectName; imageUrl?: string }> = [];
  constructor(private readonly support: FakeEffectsSupport) {}
  async isSupported(effect: VideoEffectProcessor): Promise<boolean> {
    return this.support[effect.name];
  }
  async startEffects(effect: VideoEffectProcessor): Promise<void> {
    if (!this.support[effect.name]) throw new Error(`${effect.name} is not supported`);
    this.activeEffects = [effect.name];
    const imageUrl = (effect as FakeEffect).imageUrl;
    this.started.push({ name: effect.name, ...(imageUrl ? { imageUrl } : {}) });
  }
  async stopEffects(): Promise<void> {
    this.activeEffects = [];
  }
}

/** `Features.AudioEffects` of a call's microphone stream. */
export class FakeAudioEffects implements SdkAudioEffects {
  noiseSuppression: 'DeepNoiseSuppression' | 'BrowserNoiseSuppression' | null = null;
  constructor(private readonly support: FakeEffectsSupport) {}
  async isSupported(effect: Parameters<SdkAudioEffects['isSupported']>[0]): Promise<boolean> {
    const name = typeof effect === 'string' ? effect : effect.name;
    return name in this.support ? this.support[name as keyof FakeEffectsSupport] : false;
  }
  async startEffects(config: AudioEffectsStartConfig): Promise<void> {
    const effect = config.noiseSuppression;
    if (!effect) return;
    const name = typeof effect === 'string' ? effect : effect.name;
    if (name !== 'DeepNoiseSuppression' && name !== 'BrowserNoiseSuppression') throw new Error(`unknown ${name}`);
    if (!this.support[name]) throw new Error(`${name} is not supported`);
    this.noiseSuppression = name;
  }
  async stopEffects(config: { noiseSuppression?: boolean }): Promise<void> {
    if (config.noiseSuppression) this.noiseSuppression = null;
  }
}

type FakeEffect = (BackgroundBlurEffect | BackgroundReplacementEffect) & { imageUrl?: string };

/** The effects package's classes, as objects of the shapes the calling SDK declares. */
export function fakeEffectsPackage(): EffectsPackage {
  const effect = <T>(name: string, extra: object = {}): T =>
    ({ name, isSupported: async () => true, configure: async () => {}, ...extra }) as T;
  return {
    backgroundBlur: () => effect<BackgroundBlurEffect>('BackgroundBlur'),
    backgroundReplacement: (imageUrl) => effect<BackgroundReplacementEffect>('BackgroundReplacement', { imageUrl }),
    deepNoiseSuppression: () => effect<DeepNoiseSuppressionEffect>('DeepNoiseSuppression'),
  };
}

export class FakeRecording extends FakeEmitter implements SdkRecording {
  isRecordingActive = false;
  remoteSetActive(active: boolean): void {
    this.isRecordingActive = active;
    this.emit('isRecordingActiveChanged');
  }
}

export class FakeTranscription extends FakeEmitter implements SdkTranscription {
  isTranscriptionActive = false;
  remoteSetActive(active: boolean): void {
    this.isTranscriptionActive = active;
    this.emit('isTranscriptionActiveChanged');
  }
}

/**
 * `Captions` (or `TeamsCaptions`) as the service runs them: `startCaptions` resolves first and
 * `CaptionsActiveChanged` follows (the SDK's promise does not mean captions have started). With
 * `confirm` false the test confirms itself (`remoteSetActive`), to see the wait; `refuse` makes
 * `startCaptions` reject the way a resource or meeting without captions does.
 */
export class FakeCaptions extends FakeEmitter implements SdkCaptions {
  isCaptionsFeatureActive = false;
  activeSpokenLanguage = '';
  supportedSpokenLanguages = ['en-us', 'nl-nl', 'de-de', 'fr-fr'];
  confirm = true;
  refuse: Error | null = null;
  readonly started: Array<{ spokenLanguage: string } | undefined> = [];
  constructor(readonly kind: SdkCaptions['kind'] = 'Captions') {
    super();
  }
  async startCaptions(options?: { spokenLanguage: string }): Promise<void> {
    this.started.push(options);
    if (this.refuse) throw this.refuse;
    if (options) this.activeSpokenLanguage = options.spokenLanguage;
    if (this.confirm) queueMicrotask(() => this.remoteSetActive(true));
  }
  async stopCaptions(): Promise<void> {
    if (this.confirm) queueMicrotask(() => this.remoteSetActive(false));
  }
  async setSpokenLanguage(language: string): Promise<void> {
    if (!this.supportedSpokenLanguages.includes(language)) throw new Error(`Unsupported language ${language}`);
    this.activeSpokenLanguage = language;
    this.emit('SpokenLanguageChanged');
  }
  remoteSetActive(active: boolean): void {
    this.isCaptionsFeatureActive = active;
    this.emit('CaptionsActiveChanged');
  }
  /** What the service sends as someone speaks. */
  remoteCaption(
    speaker: SdkCaptionsInfo['speaker'],
    spokenText: string,
    resultType: SdkCaptionsInfo['resultType'] = 'Final',
  ): void {
    const info: SdkCaptionsInfo = { speaker, spokenText, resultType, timestamp: new Date(0) };
    this.emit('CaptionsReceived', info);
  }
}

export class FakeCaptionsFeature extends FakeEmitter implements SdkCaptionsFeature {
  captions = new FakeCaptions();
  /** Joining a Teams meeting: the SDK replaces the captions object with a TeamsCaptions one. */
  remoteChangeKind(kind: SdkCaptions['kind']): FakeCaptions {
    this.captions = new FakeCaptions(kind);
    this.emit('CaptionsKindChanged');
    return this.captions;
  }
}

/**
 * `Features.Capabilities`: the SDK reports every capability; until the service has resolved them
 * each is absent with reason `NotInitialized`, which is where the fake starts.
 */
export class FakeCapabilities extends FakeEmitter implements SdkCapabilities {
  capabilities: ParticipantCapabilities = new Proxy({} as ParticipantCapabilities, {
    get: (granted, name: string) =>
      granted[name as keyof ParticipantCapabilities] ?? { isPresent: false, reason: 'NotInitialized' },
  });
  /** The service grants or withdraws capabilities (a role change, a meeting option). */
  remoteSet(change: Partial<Record<keyof ParticipantCapabilities, boolean>>): void {
    const oldValue: Partial<ParticipantCapabilities> = {};
    const newValue: Partial<ParticipantCapabilities> = {};
    for (const [name, isPresent] of Object.entries(change) as Array<[keyof ParticipantCapabilities, boolean]>) {
      oldValue[name] = this.capabilities[name];
      newValue[name] = { isPresent, reason: isPresent ? 'Capable' : 'RoleRestricted' };
      this.capabilities[name] = newValue[name];
    }
    this.emit('capabilitiesChanged', { oldValue, newValue, reason: 'RoleChanged' });
  }
}

export class FakeMediaStatsCollector extends FakeEmitter implements SdkMediaStatsCollector {
  disposed = false;
  /** What the SDK reports about every second while the call has media. */
  remoteSample(sample: MediaStatsReportSample): void {
    if (!this.disposed) this.emit('sampleReported', sample);
  }
  dispose(): void {
    this.disposed = true;
  }
}

export class FakeMediaStats implements SdkMediaStats {
  readonly collectors: FakeMediaStatsCollector[] = [];
  createCollector(): FakeMediaStatsCollector {
    const collector = new FakeMediaStatsCollector();
    this.collectors.push(collector);
    return collector;
  }
}

/** One transfer as the service runs it: Transferring at once (after `transfer()` returns), then the test decides. */
export class FakeTransfer extends FakeEmitter implements SdkTransfer {
  state: TransferState = 'None';
  error?: TransferErrorCode;
  remoteSetState(state: TransferState, error?: TransferErrorCode): void {
    this.state = state;
    if (error) this.error = error;
    this.emit('stateChanged');
  }
}

/**
/**
 * `Features.Reaction`: `sendReaction` goes to the service, which hands every reaction (the
 * sender's own too, with `echo`) to everyone as a `reaction` event with the sender's identifier.
 */
export class FakeReaction extends FakeEmitter implements SdkReaction {
  readonly sent: Reaction[] = [];
  echo = true;
  refuse: Error | null = null;
  constructor(private readonly me: string) {
    super();
  }
  async sendReaction(message: { reactionType: Reaction }): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.sent.push(message.reactionType);
    if (this.echo) this.remoteReact(this.me, message.reactionType);
  }
  /** Someone in the call reacted. */
  remoteReact(rawId: string, reactionType: Reaction): void {
    this.emit('reaction', { identifier: { communicationUserId: rawId }, reactionMessage: { reactionType } });
  }
}

/**
 * `Features.Transfer` of one call. Sending: `transfer()` returns a `Transfer` that reports
 * Transferring, then `remoteComplete` (Transferred; the service then ends the transferor's call,
 * and in a consult transfer the target call too) or `remoteFail`. `refuse` makes `transfer()`
 * throw, as the SDK does for a call it cannot transfer. Receiving: see FakeCallAgent.remoteTransferIn.
 */
export class FakeTransferFeature extends FakeEmitter implements SdkTransferFeature {
  readonly requests: Array<{ target: TransferToParticipantLocator | TransferToCallLocator; transfer: FakeTransfer }> =
    [];
  refuse: Error | null = null;
  constructor(private readonly call: FakeCall) {
    super();
  }
  transfer(target: TransferToParticipantLocator | TransferToCallLocator): FakeTransfer {
    if (this.refuse) throw this.refuse;
    const transfer = new FakeTransfer();
    this.requests.push({ target, transfer });
    queueMicrotask(() => transfer.remoteSetState('Transferring'));
    return transfer;
  }
  private get last(): FakeTransfer {
    const request = this.requests.at(-1);
    if (!request) throw new Error('Nothing was transferred');
    return request.transfer;
  }
  /** The target answered: Transferred, then my part of the call (and any consulted call) ends. */
  remoteComplete(consulted?: FakeCall): void {
    this.last.remoteSetState('Transferred');
    this.call.remoteSetState('Disconnected', { code: 0, subCode: 0 });
    consulted?.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  }
  remoteFail(code: number, subCode = 0): void {
    this.last.remoteSetState('Failed', { code, subCode });
  }
  /** The other side transferred this call: the SDK hands over the call it became. */
  remoteAccepted(targetCall: FakeCall): void {
    this.emit('transferAccepted', { targetCall });
  }
}

/**
 * `Features.Spotlight` as the service runs it: no participants means the local user, a change
 * fires `spotlightChanged` with what was added and removed, more than the maximum is refused.
 */
export class FakeSpotlight extends FakeEmitter implements SdkSpotlight {
  maxParticipantsToSpotlight = 7;
  refuse: Error | null = null;
  private spotlighted: SpotlightedParticipant[] = [];
  private nextOrder = 1;
  constructor(private readonly me: string) {
    super();
  }
  getSpotlightedParticipants(): SpotlightedParticipant[] {
    return [...this.spotlighted];
  }
  async startSpotlight(participants?: CommunicationIdentifier[]): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.remoteStart(...(participants ?? [{ communicationUserId: this.me }]).map(getIdentifierRawId));
  }
  async stopSpotlight(participants?: CommunicationIdentifier[]): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.remoteStop(...(participants ?? [{ communicationUserId: this.me }]).map(getIdentifierRawId));
  }
  async stopAllSpotlight(): Promise<void> {
    if (this.refuse) throw this.refuse;
    this.remoteStop(...this.spotlighted.map((p) => getIdentifierRawId(p.identifier)));
  }
  /** An organiser (or this user) spotlights people: by raw id. */
  remoteStart(...rawIds: string[]): void {
    const added = rawIds
      .filter((id) => !this.spotlighted.some((p) => getIdentifierRawId(p.identifier) === id))
      .map((id) => ({ identifier: { communicationUserId: id }, order: this.nextOrder++ }));
    if (this.spotlighted.length + added.length > this.maxParticipantsToSpotlight) {
      throw new Error('The maximum number of participants are already spotlighted');
    }
    this.spotlighted = [...this.spotlighted, ...added];
    if (added.length > 0) this.emit('spotlightChanged', { added, removed: [] });
  }
  remoteStop(...rawIds: string[]): void {
    const removed = this.spotlighted.filter((p) => rawIds.includes(getIdentifierRawId(p.identifier)));
    this.spotlighted = this.spotlighted.filter((p) => !removed.includes(p));
    if (removed.length > 0) this.emit('spotlightChanged', { added: [], removed });
  }
}

/** A Teams meeting's lobby: people wait here until a host admits or turns them away. */
export class FakeLobby extends FakeEmitter implements SdkLobby {
  participants: FakeRemoteParticipant[] = [];
  constructor(private readonly call: FakeCall) {
    super();
  }
  /** Someone joins the meeting and is held in the lobby. */
  remoteWait(participant: FakeRemoteParticipant): void {
    participant.state = 'InLobby';
    this.participants = [...this.participants, participant];
    this.emit('lobbyParticipantsUpdated', { added: [participant], removed: [] });
  }
  async admit(identifier: CommunicationIdentifier): Promise<void> {
    const participant = this.take(identifier);
    participant.state = 'Connected';
    this.call.remoteJoin(participant);
  }
  async reject(identifier: CommunicationIdentifier): Promise<void> {
    this.take(identifier);
  }
  async admitAll(): Promise<{ successCount: number; failureCount: number }> {
    const waiting = [...this.participants];
    for (const participant of waiting) await this.admit(participant.identifier);
    return { successCount: waiting.length, failureCount: 0 };
  }
  private take(identifier: CommunicationIdentifier): FakeRemoteParticipant {
    const id = getIdentifierRawId(identifier);
    const participant = this.participants.find((p) => getIdentifierRawId(p.identifier) === id);
    if (!participant) throw new Error('The participant is not in the lobby');
    this.participants = this.participants.filter((p) => p !== participant);
    this.emit('lobbyParticipantsUpdated', { added: [], removed: [participant] });
    return participant;
  }
}

export class FakeLocalVideoStream implements SdkLocalVideoStream {
  disposed = false;
  effects: FakeVideoEffects | null = null;
  readonly mediaStreamType = 'Video' as const;
  constructor(public source: VideoDeviceInfo) {}
  async switchSource(source: VideoDeviceInfo): Promise<void> {
    this.source = source;
  }
  dispose(): void {
    this.disposed = true;
  }
}

class FakeDiagnosticsChannel<Latest extends object> extends FakeEmitter {
  latest: Latest = {} as Latest;
  getLatest(): Latest {
    return this.latest;
  }
  remoteChange(diagnostic: keyof Latest & string, value: number | boolean): void {
    this.latest = {
      ...this.latest,
      [diagnostic]: { value, valueType: typeof value === 'boolean' ? 'DiagnosticFlag' : 'DiagnosticQuality' },
    };
    this.emit('diagnosticChanged', {
      diagnostic,
      value,
      valueType: typeof value === 'boolean' ? 'DiagnosticFlag' : 'DiagnosticQuality',
    });
  }
}

export class FakeUserFacingDiagnostics implements SdkUserFacingDiagnostics {
  readonly network = new FakeDiagnosticsChannel<ReturnType<SdkUserFacingDiagnostics['network']['getLatest']>>();
  readonly media = new FakeDiagnosticsChannel<ReturnType<SdkUserFacingDiagnostics['media']['getLatest']>>();
}

export class FakeRaiseHand extends FakeEmitter implements SdkRaiseHand {
  private raised: string[] = [];
  constructor(private readonly me: string) {
    super();
  }
  async raiseHand(): Promise<void> {
    this.remoteRaise(this.me);
  }
  async lowerHand(): Promise<void> {
    this.raised = this.raised.filter((id) => id !== this.me);
    this.emit('loweredHandEvent', { identifier: { communicationUserId: this.me } });
  }
  getRaisedHands() {
    return this.raised.map((communicationUserId, order) => ({ identifier: { communicationUserId }, order }));
  }
  remoteRaise(id: string): void {
    this.raised = [...this.raised, id];
    this.emit('raisedHandEvent', { identifier: { communicationUserId: id } });
  }
}

export class FakeCall extends FakeEmitter implements SdkCall {
  state: CallState = 'Connecting';
  callEndReason: SdkCall['callEndReason'] = undefined;
  isMuted = false;
  isScreenSharingOn = false;
  isLocalVideoStarted = false;
  remoteParticipants: FakeRemoteParticipant[] = [];
  localVideoStreams: SdkLocalVideoStream[] = [];
  role: ParticipantRole = 'Unknown';
  readonly lobby: FakeLobby = new FakeLobby(this);
  readonly sentTones: DtmfTone[] = [];
  /** The options of every hangUp, in order (`{ forEveryone: true }` ends it for all). */
  readonly hangUps: Array<HangUpOptions | undefined> = [];
  /** Who the local user removed, by raw id. */
  readonly removed: string[] = [];
  /** Every addParticipant, in order, with the options it was given. */
  readonly added: Array<{ identifier: CommunicationIdentifier; options: AddPhoneNumberOptions | undefined }> = [];
  /**
   * What the service answers the next addParticipant with: a message makes the SDK throw it (as
   * it does when the call does not allow adding), else the person starts `Connecting`.
   */
  addRefusal: string | null = null;
  readonly features: SdkCallFeatures & {
    raiseHand: FakeRaiseHand;
    diagnostics: FakeUserFacingDiagnostics;
    recording: FakeRecording;
    transcription: FakeTranscription;
    captions: FakeCaptionsFeature | null;
    capabilities: FakeCapabilities;
    mediaStats: FakeMediaStats;
    transfer: FakeTransferFeature | null;
    reaction: FakeReaction;
    spotlight: FakeSpotlight;
  };
  /** The microphone stream's AudioEffects feature; set by the SDK fake when handed out. */
  audioEffects: FakeAudioEffects | null = null;

  constructor(
    readonly id: string,
    readonly direction: SdkCall['direction'],
    readonly callerInfo: SdkCall['callerInfo'],
    me: string,
    readonly options: SdkStartCallOptions | undefined,
  ) {
    super();
    this.features = {
      raiseHand: new FakeRaiseHand(me),
      diagnostics: new FakeUserFacingDiagnostics(),
      recording: new FakeRecording(),
      transcription: new FakeTranscription(),
      captions: new FakeCaptionsFeature(),
      capabilities: new FakeCapabilities(),
      mediaStats: new FakeMediaStats(),
      transfer: new FakeTransferFeature(this),
      reaction: new FakeReaction(me),
      spotlight: new FakeSpotlight(me),
    };
    const streams = options?.videoOptions?.localVideoStreams ?? [];
    this.localVideoStreams = streams;
    this.isLocalVideoStarted = streams.length > 0;
    this.isMuted = options?.audioOptions?.muted ?? false;
  }

  /** What the service does: move the call to a new state (and end reason when it ends). */
  remoteSetState(state: CallState, endReason?: { code: number; subCode: number }): void {
    this.state = state;
    if (endReason) this.callEndReason = endReason;
    this.emit('stateChanged');
  }
  remoteJoin(participant: FakeRemoteParticipant): void {
    this.remoteParticipants = [...this.remoteParticipants, participant];
    this.emit('remoteParticipantsUpdated', { added: [participant], removed: [] });
  }
  remoteLeave(participant: FakeRemoteParticipant): void {
    this.remoteParticipants = this.remoteParticipants.filter((p) => p !== participant);
    this.emit('remoteParticipantsUpdated', { added: [], removed: [participant] });
  }

  remoteSetRole(role: ParticipantRole): void {
    this.role = role;
    this.emit('roleChanged');
  }

  async hangUp(options?: HangUpOptions): Promise<void> {
    this.hangUps.push(options);
    this.remoteSetState('Disconnecting');
    this.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  }
  async mute(): Promise<void> {
    this.isMuted = true;
    this.emit('isMutedChanged');
  }
  async muteAllRemoteParticipants(): Promise<void> {
    for (const participant of this.remoteParticipants) await participant.mute();
  }
  async removeParticipant(identifier: CommunicationIdentifier): Promise<void> {
    const id = getIdentifierRawId(identifier);
    const participant = this.remoteParticipants.find((p) => getIdentifierRawId(p.identifier) === id);
    if (!participant) throw new Error('The participant is not in the call');
    this.removed.push(id);
    participant.remoteSet({ state: 'Disconnected' });
    this.remoteLeave(participant);
  }
  /**
   * As the SDK: the person is in `remoteParticipants` at once, `Connecting`; the service then
   * rings them (`remoteSet({ state: 'Ringing' })`) and they join or drop with an end reason.
   */
  addParticipant(identifier: CommunicationUserIdentifier): FakeRemoteParticipant;
  addParticipant(identifier: PhoneNumberIdentifier, options?: AddPhoneNumberOptions): FakeRemoteParticipant;
  addParticipant(
    identifier: CommunicationUserIdentifier | PhoneNumberIdentifier,
    options?: AddPhoneNumberOptions,
  ): FakeRemoteParticipant {
    if (this.addRefusal) {
      const refusal = this.addRefusal;
      this.addRefusal = null;
      throw new Error(refusal);
    }
    this.added.push({ identifier, options });
    const kind: CommunicationIdentifierKind =
      'phoneNumber' in identifier
        ? { kind: 'phoneNumber', phoneNumber: identifier.phoneNumber }
        : { kind: 'communicationUser', communicationUserId: identifier.communicationUserId };
    const participant = new FakeRemoteParticipant(kind);
    participant.state = 'Connecting';
    this.remoteJoin(participant);
    return participant;
  }
  async unmute(): Promise<void> {
    this.isMuted = false;
    this.emit('isMutedChanged');
  }
  async hold(): Promise<void> {
    this.remoteSetState('LocalHold');
  }
  async resume(): Promise<void> {
    this.remoteSetState('Connected');
  }
  async sendDtmf(tone: DtmfTone): Promise<void> {
    this.sentTones.push(tone);
  }
  async startVideo(stream: SdkLocalVideoStream): Promise<void> {
    this.localVideoStreams = [stream];
    this.isLocalVideoStarted = true;
    this.emit('isLocalVideoStartedChanged');
  }
  async stopVideo(): Promise<void> {
    this.localVideoStreams = [];
    this.isLocalVideoStarted = false;
    this.emit('isLocalVideoStartedChanged');
  }
  async startScreenSharing(): Promise<void> {
    this.isScreenSharingOn = true;
    this.emit('isScreenSharingOnChanged');
  }
  async stopScreenSharing(): Promise<void> {
    this.isScreenSharingOn = false;
    this.emit('isScreenSharingOnChanged');
  }
}

export class FakeIncomingCall extends FakeEmitter implements SdkIncomingCall {
  acceptedWith: SdkJoinOptions | undefined;
  /** The call it became once accepted. */
  accepted: FakeCall | undefined;
  rejected = false;
  constructor(
    readonly id: string,
    readonly callerInfo: SdkIncomingCall['callerInfo'],
    private readonly me: string,
  ) {
    super();
  }
  async accept(options?: SdkJoinOptions): Promise<FakeCall> {
    this.acceptedWith = options;
    const call = new FakeCall(this.id, 'Incoming', this.callerInfo, this.me, options);
    call.state = 'Connected';
    this.accepted = call;
    return call;
  }
  async reject(): Promise<void> {
    this.rejected = true;
    this.remoteEnd({ code: 0, subCode: 0 });
  }
  /** The caller gave up, or the call was answered elsewhere. */
  remoteEnd(callEndReason: { code: number; subCode: number }): void {
    this.emit('callEnded', { callEndReason });
  }
}

export class FakeCallAgent extends FakeEmitter implements SdkCallAgent {
  disposed = false;
  readonly calls: FakeCall[] = [];
  readonly placed: Array<{
    participants?: SdkOutgoingParticipant[];
    locator?: object;
    options: SdkStartCallOptions | undefined;
  }> = [];
  private nextId = 1;
  constructor(
    public connectionState: ConnectionState,
    private readonly me: string,
  ) {
    super();
  }
  startCall(participants: SdkOutgoingParticipant[], options?: SdkStartCallOptions): FakeCall {
    this.placed.push({ participants, options });
    return this.newCall(options);
  }
  join(locator: object, options?: SdkJoinOptions): FakeCall {
    this.placed.push({ locator, options });
    return this.newCall(options);
  }
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const call of this.calls)
      if (call.state !== 'Disconnected') call.remoteSetState('Disconnected', { code: 0, subCode: 0 });
  }
  remoteSetConnectionState(newValue: ConnectionState, reason?: 'invalidToken' | 'connectionIssue'): void {
    const oldValue = this.connectionState;
    this.connectionState = newValue;
    this.emit('connectionStateChanged', { newValue, oldValue, reason });
  }
  remoteRing(callerId: string, displayName?: string): FakeIncomingCall {
    const incoming = new FakeIncomingCall(`incoming-${this.nextId++}`, acsUser(callerId, displayName), this.me);
    this.emit('incomingCall', { incomingCall: incoming });
    return incoming;
  }
  /**
   * The other side of `from` transferred me to `to`: the SDK adds the new call to `calls`, fires
   * `transferAccepted` on the old call with it, and the service ends the old call (code 0).
   */
  remoteTransferIn(from: FakeCall, to: FakeRemoteParticipant): FakeCall {
    const call = new FakeCall(`call-${this.nextId++}`, 'Incoming', { identifier: to.identifier }, this.me, undefined);
    call.remoteParticipants = [to];
    call.state = 'Connected';
    this.calls.push(call);
    from.features.transfer?.remoteAccepted(call);
    from.remoteSetState('Disconnected', { code: 0, subCode: 0 });
    return call;
  }
  private newCall(options: SdkStartCallOptions | undefined): FakeCall {
    const call = new FakeCall(`call-${this.nextId++}`, 'Outgoing', { identifier: undefined }, this.me, options);
    this.calls.push(call);
    return call;
  }
}

export function camera(id: string, name = id): VideoDeviceInfo {
  return { id, name, deviceType: 'UsbCamera' };
}
export function microphone(id: string, name = id, isSystemDefault = false): AudioDeviceInfo {
  return { id, name, isSystemDefault, deviceType: 'Microphone' };
}
export function speaker(id: string, name = id, isSystemDefault = false): AudioDeviceInfo {
  return { id, name, isSystemDefault, deviceType: 'Speaker' };
}

export class FakeDeviceManager extends FakeEmitter implements SdkDeviceManager {
  isSpeakerSelectionAvailable = true;
  selectedMicrophone?: AudioDeviceInfo;
  selectedSpeaker?: AudioDeviceInfo;
  access = { audio: true, video: true };
  cameras: VideoDeviceInfo[] = [camera('camera:front', 'Front camera'), camera('camera:usb', 'USB camera')];
  microphones: AudioDeviceInfo[] = [
    microphone('microphone:default', 'Default microphone', true),
    microphone('microphone:headset', 'Headset microphone'),
  ];
  speakers: AudioDeviceInfo[] = [
    speaker('speaker:default', 'Default speaker', true),
    speaker('speaker:headset', 'Headset'),
  ];
  /** What each askDevicePermission call asked for, in order. */
  readonly permissionRequests: Array<{ audio: boolean; video: boolean }> = [];
  async askDevicePermission(which: { audio: boolean; video: boolean }): Promise<{ audio: boolean; video: boolean }> {
    this.permissionRequests.push({ audio: which.audio, video: which.video });
    return this.access;
  }
  async getCameras() {
    return this.cameras;
  }
  async getMicrophones() {
    return this.microphones;
  }
  async getSpeakers() {
    return this.speakers;
  }
  async selectMicrophone(device: AudioDeviceInfo): Promise<void> {
    this.selectedMicrophone = device;
  }
  async selectSpeaker(device: AudioDeviceInfo): Promise<void> {
    this.selectedSpeaker = device;
  }
  remotePlug(device: AudioDeviceInfo | VideoDeviceInfo): void {
    if ('isSystemDefault' in device) {
      if (device.deviceType === 'Speaker') this.speakers = [...this.speakers, device];
      else this.microphones = [...this.microphones, device];
      this.emit('audioDevicesUpdated', { added: [device], removed: [] });
    } else {
      this.cameras = [...this.cameras, device];
      this.emit('videoDevicesUpdated', { added: [device], removed: [] });
    }
  }
  remoteUnplug(id: string): void {
    const audio = [...this.microphones, ...this.speakers].find((d) => d.id === id);
    this.microphones = this.microphones.filter((d) => d.id !== id);
    this.speakers = this.speakers.filter((d) => d.id !== id);
    const video = this.cameras.find((d) => d.id === id);
    this.cameras = this.cameras.filter((d) => d.id !== id);
    if (audio) this.emit('audioDevicesUpdated', { added: [], removed: [audio] });
    if (video) this.emit('videoDevicesUpdated', { added: [], removed: [video] });
  }
}

export class FakeCredential implements SdkCredential {
  disposed = false;
  constructor(readonly options: CommunicationTokenRefreshOptions) {}
  async getToken() {
    if (this.disposed) throw new Error('The credential is disposed');
    const token = (await this.options.tokenRefresher()) as string;
    return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
  dispose(): void {
    this.disposed = true;
  }
}

export class FakeCallClient implements SdkCallClient {
  readonly agents: FakeCallAgent[] = [];
  readonly agentOptions: Array<{ credential: unknown; displayName?: string }> = [];
  disposed = false;
  constructor(private readonly sdk: FakeCallingSdk) {}
  async createCallAgent(credential: unknown, options?: { displayName?: string }): Promise<FakeCallAgent> {
    const live = this.agents.find((a) => !a.disposed);
    // ACS: one agent per CallClient (and per identity) at a time.
    if (live) throw new Error('CallAgent already exists: dispose it before creating another');
    await this.sdk.agentGate;
    const agent = new FakeCallAgent(this.sdk.nextConnectionState, this.sdk.me);
    this.agents.push(agent);
    this.agentOptions.push({ credential, ...(options?.displayName ? { displayName: options.displayName } : {}) });
    return agent;
  }
  async getDeviceManager(): Promise<FakeDeviceManager> {
    return this.sdk.deviceManager;
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

export class FakeVideoRenderer implements SdkVideoStreamRenderer {
  disposed = false;
  /** What the layer asked for: the real SDK sets the video's object-fit inline from it. */
  scalingMode: CreateViewOptions['scalingMode'];
  constructor(readonly stream: SdkLocalVideoStream | SdkRemoteVideoStream) {}
  async createView(options?: CreateViewOptions) {
    this.scalingMode = options?.scalingMode;
    const target = document.createElement('div');
    target.dataset.fakeVideo = 'stream' in this ? 'video' : 'video';
    return { target, dispose: () => target.remove() };
  }
  dispose(): void {
    this.disposed = true;
  }
}

/** The whole fake SDK: hand `() => Promise.resolve(fake)` to createCallingStore as `loadSdk`. */
export class FakeCallingSdk implements CallingSdk {
  readonly clients: FakeCallClient[] = [];
  readonly credentials: FakeCredential[] = [];
  readonly renderers: FakeVideoRenderer[] = [];
  readonly deviceManager = new FakeDeviceManager();
  /** The connection state the next agent starts in ('Disconnected' = offline, as the real SDK). */
  nextConnectionState: ConnectionState = 'Connected';
  readonly effectsSupport: FakeEffectsSupport = {
    BackgroundBlur: true,
    BackgroundReplacement: true,
    DeepNoiseSuppression: true,
    BrowserNoiseSuppression: true,
  };
  /** False: the SDK has no Captions feature for the calls (renderer/calling/sdk.ts answers null). */
  offersCaptions = true;
  /** Resolve-later gate for createCallAgent (default: open). */
  agentGate: Promise<void> = Promise.resolve();
  constructor(readonly me = '8:acs:me') {}

  get agent(): FakeCallAgent {
    const agent = this.clients.flatMap((c) => c.agents).at(-1);
    if (!agent) throw new Error('No CallAgent was created');
    return agent;
  }
  createCallClient(): FakeCallClient {
    const client = new FakeCallClient(this);
    this.clients.push(client);
    return client;
  }
  createCredential(options: CommunicationTokenRefreshOptions): FakeCredential {
    const credential = new FakeCredential(options);
    this.credentials.push(credential);
    return credential;
  }
  createLocalVideoStream(source: VideoDeviceInfo): FakeLocalVideoStream {
    return new FakeLocalVideoStream(source);
  }
  createVideoStreamRenderer(stream: SdkLocalVideoStream | SdkRemoteVideoStream): FakeVideoRenderer {
    const renderer = new FakeVideoRenderer(stream);
    this.renderers.push(renderer);
    return renderer;
  }
  callFeatures(call: SdkCall): SdkCallFeatures {
    if (!(call instanceof FakeCall)) throw new Error('Not a fake call');
    return this.offersCaptions ? call.features : { ...call.features, captions: null };
  }
  videoEffects(stream: SdkLocalVideoStream): FakeVideoEffects {
    if (!(stream instanceof FakeLocalVideoStream)) throw new Error('Not a fake stream');
    stream.effects ??= new FakeVideoEffects(this.effectsSupport);
    return stream.effects;
  }
  audioEffects(call: SdkCall): FakeAudioEffects | null {
    if (!(call instanceof FakeCall)) throw new Error('Not a fake call');
    // As the SDK: the microphone stream exists once the call has connected.
    if (call.state !== 'Connected' && call.state !== 'LocalHold' && call.state !== 'RemoteHold') return null;
    call.audioEffects ??= new FakeAudioEffects(this.effectsSupport);
    return call.audioEffects;
  }
  rawId = getIdentifierRawId;
}

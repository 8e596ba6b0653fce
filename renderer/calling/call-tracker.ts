/**
 * One SDK call → one `CallView`. Subscribes to every event that changes what the call screen
 * shows, rebuilds the view from the SDK object on each (the SDK is the source of truth), and
 * unsubscribes everything once the call has ended.
 */
import { CaptionsTracker } from './captions';
import { snapshotCompliance, watchCompliance } from './compliance';
import { snapshotDiagnostics, watchDiagnostics } from './diagnostics';
import { callTitle, remoteDisplayName } from './display-name';
import { describeEndReason } from './end-reasons';
import { noHostControls, snapshotHostControls, watchHostControls } from './host-controls';
import type {
  CallStatus,
  CallTarget,
  CallView,
  FinishedCall,
  NetworkQuality,
  Participant,
  PersonTarget,
  RemoteVideo,
} from './model';
import { watchNetworkQuality } from './network-quality';
import { cannotAddPeople, snapshotAddPeople } from './participants-add';
import { isGroupCall, ReactionsTracker } from './reactions';
import type {
  CallingSdk,
  SdkCall,
  SdkCallFeatures,
  SdkLocalVideoStream,
  SdkRemoteParticipant,
  SdkRemoteVideoStream,
} from './sdk-surface';
import { noSpotlight, snapshotSpotlight, watchSpotlight } from './spotlight';
import { TransferTracker, transferEndReason } from './transfer';

const CALL_STATUS: Record<SdkCall['state'], CallStatus> = {
  None: 'connecting',
  Connecting: 'connecting',
  Ringing: 'ringing',
  EarlyMedia: 'early-media',
  Connected: 'connected',
  LocalHold: 'on-hold',
  RemoteHold: 'remote-hold',
  InLobby: 'in-lobby',
  Disconnecting: 'disconnecting',
  Disconnected: 'ended',
};

const PARTICIPANT_STATE: Record<SdkRemoteParticipant['state'], Participant['state']> = {
  Idle: 'connecting',
  Connecting: 'connecting',
  Ringing: 'ringing',
  EarlyMedia: 'ringing',
  Connected: 'connected',
  Hold: 'on-hold',
  InLobby: 'in-lobby',
  Disconnected: 'disconnected',
};

export interface CallTrackerOptions {
  call: SdkCall;
  sdk: CallingSdk;
  direction: CallView['direction'];
  /** The name the call was placed or answered with, if any; else the header is derived (callTitle). */
  title: string | null;
  target: CallTarget | null;
  myCommunicationUserId: string;
  /** The camera stream the call was started with, if any: reused when the camera goes on again. */
  localVideo: SdkLocalVideoStream | null;
  now: () => number;
  onChange: (tracker: CallTracker) => void;
  /** The other side transferred this call into `targetCall` (renderer/calling/transfer.ts). */
  onTransferAccepted?: (tracker: CallTracker, targetCall: SdkCall) => void;
  /** This call is the one the other side transferred me into, out of that call. */
  transferredFrom?: FinishedCall;
  /** More people rung with `target` in the same `startCall` (a call to several people at once). */
  others?: PersonTarget[];
}

export class CallTracker {
  readonly call: SdkCall;
  localVideo: SdkLocalVideoStream | null;
  private view: CallView;
  private readonly features: SdkCallFeatures;
  readonly captions: CaptionsTracker;
  readonly transfer: TransferTracker;
  readonly reactions: ReactionsTracker;
  private readonly cleanups: Array<() => void> = [];
  private readonly participantCleanups = new Map<SdkRemoteParticipant, () => void>();
  private connectedAt: number | null = null;
  private network: NetworkQuality | null = null;
  private endedByMe = false;
  private disposed = false;

  constructor(private readonly options: CallTrackerOptions) {
    this.call = options.call;
    this.localVideo = options.localVideo;
    this.features = options.sdk.callFeatures(options.call);
    const refresh = () => this.refresh();
    const call = this.call;
    const propertyEvents = [
      'stateChanged',
      'isMutedChanged',
      'isScreenSharingOnChanged',
      'isLocalVideoStartedChanged',
      'roleChanged',
    ] as const;
    for (const event of propertyEvents) {
      call.on(event, refresh);
      this.cleanups.push(() => call.off(event, refresh));
    }
    const onParticipants = ({ added, removed }: { added: SdkRemoteParticipant[]; removed: SdkRemoteParticipant[] }) => {
      for (const participant of removed) this.unwatchParticipant(participant);
      for (const participant of added) this.watchParticipant(participant);
      this.refresh();
    };
    call.on('remoteParticipantsUpdated', onParticipants);
    this.cleanups.push(() => call.off('remoteParticipantsUpdated', onParticipants));
    for (const participant of call.remoteParticipants) this.watchParticipant(participant);

    const { raiseHand, diagnostics } = this.features;
    raiseHand.on('raisedHandEvent', refresh);
    raiseHand.on('loweredHandEvent', refresh);
    this.cleanups.push(() => {
      raiseHand.off('raisedHandEvent', refresh);
      raiseHand.off('loweredHandEvent', refresh);
    });
    this.cleanups.push(watchDiagnostics(diagnostics, refresh));
    this.cleanups.push(watchCompliance(this.features, refresh));
    this.captions = new CaptionsTracker({
      feature: this.features.captions,
      rawId: (identifier) => options.sdk.rawId(identifier),
      me: options.myCommunicationUserId,
      participants: () => call.remoteParticipants,
      onChange: refresh,
    });
    this.cleanups.push(() => this.captions.dispose());
    this.cleanups.push(watchHostControls(this.features.capabilities, refresh));
    this.cleanups.push(
      watchNetworkQuality(this.features.mediaStats, (quality) => {
        this.network = quality;
        refresh();
      }),
    );
    this.transfer = new TransferTracker({
      feature: this.features.transfer,
      transferredFrom: options.transferredFrom ?? null,
      onChange: refresh,
      onAccepted: (targetCall) => options.onTransferAccepted?.(this, targetCall),
    });
    this.cleanups.push(() => this.transfer.dispose());
    this.reactions = new ReactionsTracker({
      feature: this.features.reaction,
      capabilities: this.features.capabilities,
      offered: isGroupCall(options.target),
      rawId: (identifier) => options.sdk.rawId(identifier),
      me: options.myCommunicationUserId,
      participants: () => call.remoteParticipants,
      onChange: refresh,
    });
    this.cleanups.push(() => this.reactions.dispose());
    this.cleanups.push(watchSpotlight(this.features.spotlight, refresh));
    const lobby = call.lobby;
    lobby.on('lobbyParticipantsUpdated', refresh);
    this.cleanups.push(() => lobby.off('lobbyParticipantsUpdated', refresh));

    this.view = this.buildView();
  }

  getView(): CallView {
    return this.view;
  }

  get isEnded(): boolean {
    return this.view.status === 'ended';
  }

  get raiseHand(): SdkCallFeatures['raiseHand'] {
    return this.features.raiseHand;
  }

  /** The signed-in user's raw id, as the call knows them. */
  get myId(): string {
    return this.options.myCommunicationUserId;
  }

  get spotlight(): SdkCallFeatures['spotlight'] {
    return this.features.spotlight;
  }

  /** So that code 0 reads "You ended the call" rather than "The other side ended the call". */
  markEndedByMe(): void {
    this.endedByMe = true;
  }

  /** The remote participant with this raw id, for host actions; undefined once they have left. */
  findParticipant(participantId: string): SdkRemoteParticipant | undefined {
    return this.call.remoteParticipants.find((participant) => this.participantId(participant) === participantId);
  }

  /** The person waiting in the lobby with this raw id; undefined once admitted, turned away or gone. */
  findInLobby(participantId: string): SdkRemoteParticipant | undefined {
    return this.call.lobby.participants.find((participant) => this.participantId(participant) === participantId);
  }

  findRemoteVideo(key: string): SdkRemoteVideoStream | undefined {
    for (const participant of this.call.remoteParticipants) {
      for (const stream of participant.videoStreams) {
        if (videoKey(this.participantId(participant), stream) === key) return stream;
      }
    }
    return undefined;
  }

  refresh(): void {
    if (this.disposed) return;
    this.view = this.buildView();
    if (this.view.status === 'ended') this.dispose();
    this.options.onChange(this);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const cleanup of this.participantCleanups.values()) cleanup();
    this.participantCleanups.clear();
  }

  private watchParticipant(participant: SdkRemoteParticipant): void {
    if (this.participantCleanups.has(participant)) return;
    const refresh = () => this.refresh();
    const streamCleanups = new Map<SdkRemoteVideoStream, () => void>();
    const watchStream = (stream: SdkRemoteVideoStream) => {
      stream.on('isAvailableChanged', refresh);
      streamCleanups.set(stream, () => stream.off('isAvailableChanged', refresh));
    };
    const onStreams = ({ added, removed }: { added: SdkRemoteVideoStream[]; removed: SdkRemoteVideoStream[] }) => {
      for (const stream of removed) {
        streamCleanups.get(stream)?.();
        streamCleanups.delete(stream);
      }
      for (const stream of added) watchStream(stream);
      refresh();
    };
    for (const stream of participant.videoStreams) watchStream(stream);
    const propertyEvents = ['stateChanged', 'isMutedChanged', 'isSpeakingChanged', 'displayNameChanged'] as const;
    for (const event of propertyEvents) participant.on(event, refresh);
    participant.on('videoStreamsUpdated', onStreams);
    this.participantCleanups.set(participant, () => {
      for (const event of propertyEvents) participant.off(event, refresh);
      participant.off('videoStreamsUpdated', onStreams);
      for (const cleanup of streamCleanups.values()) cleanup();
    });
  }

  private unwatchParticipant(participant: SdkRemoteParticipant): void {
    this.participantCleanups.get(participant)?.();
    this.participantCleanups.delete(participant);
  }

  private participantId(participant: SdkRemoteParticipant): string {
    return this.options.sdk.rawId(participant.identifier);
  }

  private buildView(): CallView {
    const call = this.call;
    const { diagnostics, reconnecting } = snapshotDiagnostics(this.features.diagnostics);
    const raisedHands = new Set(
      this.features.raiseHand.getRaisedHands().map((h) => this.options.sdk.rawId(h.identifier)),
    );
    let status = CALL_STATUS[call.state];
    if (reconnecting && (status === 'connected' || status === 'connecting')) status = 'reconnecting';
    if (call.state === 'Connected' && this.connectedAt === null) this.connectedAt = this.options.now();

    const participants: Participant[] = [];
    const remoteVideos: RemoteVideo[] = [];
    for (const participant of call.remoteParticipants) {
      const id = this.participantId(participant);
      const state = PARTICIPANT_STATE[participant.state];
      if (state === 'disconnected') continue;
      participants.push({
        id,
        displayName: remoteDisplayName(participant.displayName, id),
        state,
        isMuted: participant.isMuted,
        isSpeaking: participant.isSpeaking,
        isHandRaised: raisedHands.has(id),
      });
      for (const stream of participant.videoStreams) {
        if (stream.mediaStreamType !== 'Video' && stream.mediaStreamType !== 'ScreenSharing') continue;
        remoteVideos.push({
          key: videoKey(id, stream),
          participantId: id,
          kind: stream.mediaStreamType === 'ScreenSharing' ? 'screen-share' : 'video',
          isAvailable: stream.isAvailable,
        });
      }
    }
    const ended = status === 'ended';
    const host = ended ? noHostControls : snapshotHostControls(this.features.capabilities, call.role);
    const transfer = this.transfer.snapshot({ target: this.options.target, status, participants });
    return {
      id: call.id,
      direction: this.options.direction,
      // Once everyone has left (or the call has ended) the header keeps the names it last had.
      title:
        participants.length === 0 && this.view
          ? this.view.title
          : callTitle(this.options.title, this.options.target, participants),
      target: this.options.target,
      others: this.options.others ?? [],
      status,
      connectedAt: this.connectedAt,
      isMuted: call.isMuted,
      isCameraOn: call.isLocalVideoStarted,
      isScreenSharing: call.isScreenSharingOn,
      isHandRaised: raisedHands.has(this.options.myCommunicationUserId),
      participants: ended ? [] : participants,
      remoteVideos: ended ? [] : remoteVideos,
      diagnostics: ended ? [] : diagnostics,
      endReason: ended ? transferEndReason(transfer, describeEndReason(call.callEndReason, this.endedByMe)) : null,
      compliance: ended ? { recording: false, transcribing: false } : snapshotCompliance(this.features),
      captions: this.captions.snapshot(),
      host,
      network: ended ? null : this.network,
      reactions: ended ? { ...this.reactions.snapshot(), shown: [] } : this.reactions.snapshot(),
      spotlight: ended
        ? noSpotlight
        : snapshotSpotlight(this.features.spotlight, this.features.capabilities, call.role, this.options.target, (i) =>
            this.options.sdk.rawId(i),
          ),
      addPeople: ended ? cannotAddPeople : snapshotAddPeople(this.features.capabilities, call.role),
      lobby: host.manageLobby
        ? call.lobby.participants.map((waiting) => {
            const id = this.participantId(waiting);
            return { id, displayName: remoteDisplayName(waiting.displayName, id) };
          })
        : [],
      transfer,
    };
  }
}

function videoKey(participantId: string, stream: SdkRemoteVideoStream): string {
  return `${participantId}/${stream.mediaStreamType}/${stream.id}`;
}

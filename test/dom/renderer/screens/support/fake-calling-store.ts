/**
 * An in-memory `CallingStore` (renderer/calling/model.ts) for driving the call screens without
 * the SDK: tests set the state they want to see, and every action is recorded and applied the
 * way the real layer would (mute flips `isMuted`, hold moves to `on-hold`, …). Plain TypeScript
 * (no vitest), so the screenshot gallery page can use it in Chromium too.
 */

import { remoteDisplayName } from '../../../../../renderer/calling/display-name';
import type {
  CallingActions,
  CallingState,
  CallingStore,
  CallView,
  CaptionsView,
  DevicesState,
  IncomingCallView,
  LobbyPerson,
  Participant,
  RemoteVideo,
  TransferView,
} from '../../../../../renderer/calling/model';
import { defaultPreJoinSettings, preJoinKindFor } from '../../../../../renderer/calling/pre-join';

export interface RecordedAction {
  name: keyof CallingActions;
  args: unknown[];
}

export const MY_ID = '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_00000014-3a23-34d3-8f0b-8b3a0d00a1b2';

export function devicesState(overrides: Partial<DevicesState> = {}): DevicesState {
  return {
    ready: true,
    audioPermission: 'granted',
    videoPermission: 'granted',
    cameras: [
      { id: 'cam-1', name: 'Integrated Camera', isSystemDefault: true },
      { id: 'cam-2', name: 'USB Webcam C920', isSystemDefault: false },
    ],
    microphones: [
      { id: 'mic-1', name: 'Microphone Array', isSystemDefault: true },
      { id: 'mic-2', name: 'Headset Microphone', isSystemDefault: false },
    ],
    speakers: [
      { id: 'spk-1', name: 'Speakers', isSystemDefault: true },
      { id: 'spk-2', name: 'Headset Earphone', isSystemDefault: false },
    ],
    selectedCameraId: 'cam-1',
    selectedMicrophoneId: 'mic-1',
    selectedSpeakerId: 'spk-1',
    notice: null,
    ...overrides,
  };
}

export function participant(id: string, displayName: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    displayName,
    state: 'connected',
    isMuted: false,
    isSpeaking: false,
    isHandRaised: false,
    ...overrides,
  };
}

export function remoteVideo(participantId: string, kind: RemoteVideo['kind'] = 'video'): RemoteVideo {
  return { key: `${participantId}:${kind}`, participantId, kind, isAvailable: true };
}

export function callView(overrides: Partial<CallView> = {}): CallView {
  return {
    id: 'call-1',
    direction: 'outgoing',
    title: 'Adele Vance',
    target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' },
    others: [],
    status: 'connected',
    connectedAt: Date.now(),
    isMuted: false,
    isCameraOn: false,
    isScreenSharing: false,
    isHandRaised: false,
    participants: [participant('adele', 'Adele Vance')],
    remoteVideos: [],
    diagnostics: [],
    endReason: null,
    compliance: { recording: false, transcribing: false },
    host: { endForEveryone: false, muteOthers: false, removeParticipants: false, manageLobby: false },
    addPeople: { people: true, phoneNumbers: true },
    lobby: [],
    network: null,
    captions: captionsView(),
    transfer: transferView(),
    reactions: { offered: false, allowed: false, shown: [] },
    spotlight: { spotlightedIds: [], max: 7, canSpotlight: false, canRemove: false },
    ...overrides,
  };
}

export function transferView(overrides: Partial<TransferView> = {}): TransferView {
  return { status: 'idle', targetName: null, problem: null, unavailable: null, transferredFrom: null, ...overrides };
}

export function captionsView(overrides: Partial<CaptionsView> = {}): CaptionsView {
  return {
    status: 'off',
    kind: 'acs',
    spokenLanguage: null,
    supportedLanguages: ['en-us', 'nl-nl', 'de-de', 'fr-fr'],
    lines: [],
    problem: null,
    ...overrides,
  };
}

export function incomingCall(overrides: Partial<IncomingCallView> = {}): IncomingCallView {
  return {
    id: 'incoming-1',
    callerDisplayName: 'Megan Bowen',
    callerId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_megan',
    ...overrides,
  };
}

export function callingState(overrides: Partial<CallingState> = {}): CallingState {
  return {
    agent: 'connected',
    agentMessage: null,
    sdkSettled: true,
    myCommunicationUserId: MY_ID,
    myDisplayName: 'Ada Lovelace',
    devices: devicesState(),
    call: null,
    held: [],
    incoming: [],
    effects: {
      video: 'none',
      noiseSuppression: true,
      support: { blur: 'unknown', replacement: 'unknown', deepNoiseSuppression: 'unknown' },
      problem: null,
    },
    sounds: { ringtone: true, volume: 0.8, alsoRingOn: null },
    preJoin: null,
    preJoinSettings: { ...defaultPreJoinSettings },
    ...overrides,
  };
}

type Attach = (key: string, container: HTMLElement) => Promise<() => void>;

export class FakeCallingStore implements CallingStore {
  private state: CallingState;
  private readonly listeners = new Set<() => void>();
  private readonly levelListeners = new Set<(level: number) => void>();
  readonly recorded: RecordedAction[] = [];
  /** Make the next call to an action fail with this message (then cleared). */
  failNext: Partial<Record<keyof CallingActions, string>> = {};
  /** What a preview/remote view renders; the default draws a labelled <div>. */
  renderPreview: (container: HTMLElement) => void = (container) => {
    const view = container.ownerDocument.createElement('div');
    view.dataset.testid = 'fake-local-video';
    container.append(view);
  };
  renderRemote: (key: string, container: HTMLElement) => void = (key, container) => {
    const view = container.ownerDocument.createElement('div');
    view.dataset.testid = 'fake-remote-video';
    view.dataset.key = key;
    container.append(view);
  };
  /** Resolvers of pending `requestPermissions`, when `holdPermissionRequests` is set. */
  holdPermissionRequests = false;

  constructor(initial: Partial<CallingState> = {}) {
    this.state = callingState(initial);
  }

  getState = (): CallingState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setState(patch: Partial<CallingState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  updateCall(patch: Partial<CallView>): void {
    if (!this.state.call) throw new Error('no call to update');
    this.setState({ call: { ...this.state.call, ...patch } });
  }

  /** Maps each participant of the call; null removes one. */
  updateParticipants(change: (p: Participant) => Participant | null): void {
    const participants = this.state.call?.participants ?? [];
    this.updateCall({ participants: participants.map(change).filter((p): p is Participant => p !== null) });
  }

  /** Moves the lobby's matching people into the call, as admitting does. */
  private admit(which: (p: LobbyPerson) => boolean): void {
    const lobby = this.state.call?.lobby ?? [];
    const admitted = lobby.filter(which).map((p) => participant(p.id, p.displayName));
    this.updateCall({ lobby: lobby.filter((p) => !which(p)) });
    this.updateCall({ participants: [...(this.state.call?.participants ?? []), ...admitted] });
  }

  private setSpotlighted(change: (ids: string[]) => string[]): void {
    const spotlight = this.state.call?.spotlight;
    if (!spotlight) return;
    this.updateCall({ spotlight: { ...spotlight, spotlightedIds: [...new Set(change(spotlight.spotlightedIds))] } });
  }

  /** People added with `addParticipant` who have not joined or dropped yet, by participant id. */
  private readonly ringing = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();

  /** An added person answers (`true`) or drops with `reason`, as the service would report. */
  remoteSettleAdded(id: string, outcome: { joined: true } | { joined: false; reason: string }): void {
    const pending = this.ringing.get(id);
    if (!pending) throw new Error(`nobody ringing with id ${id}`);
    this.ringing.delete(id);
    this.updateParticipants((p) => (p.id !== id ? p : outcome.joined ? { ...p, state: 'connected' } : null));
    if (outcome.joined) pending.resolve();
    else pending.reject(new Error(outcome.reason));
  }

  updateDevices(patch: Partial<DevicesState>): void {
    this.setState({ devices: { ...this.state.devices, ...patch } });
  }

  /** Feeds a microphone level to every `watchMicrophoneLevel` listener. */
  emitMicrophoneLevel(level: number): void {
    for (const listener of this.levelListeners) listener(level);
  }

  get microphoneWatchers(): number {
    return this.levelListeners.size;
  }

  callsOf(name: keyof CallingActions): unknown[][] {
    return this.recorded.filter((entry) => entry.name === name).map((entry) => entry.args);
  }

  private record(name: keyof CallingActions, args: unknown[]): void {
    this.recorded.push({ name, args });
    const failure = this.failNext[name];
    if (failure) {
      delete this.failNext[name];
      throw new Error(failure);
    }
  }

  private readonly attachRemote: Attach = async (key, container) => {
    this.record('attachRemoteVideo', [key]);
    this.renderRemote(key, container);
    return () => container.replaceChildren();
  };

  readonly actions: CallingActions = {
    requestPermissions: async (which) => {
      this.record('requestPermissions', [which]);
      if (this.holdPermissionRequests) return;
      this.updateDevices({
        ...(which.audio ? { audioPermission: 'granted' as const } : {}),
        ...(which.video ? { videoPermission: 'granted' as const } : {}),
      });
    },
    selectCamera: async (id) => {
      this.record('selectCamera', [id]);
      this.updateDevices({ selectedCameraId: id });
    },
    selectMicrophone: async (id) => {
      this.record('selectMicrophone', [id]);
      this.updateDevices({ selectedMicrophoneId: id });
    },
    selectSpeaker: async (id) => {
      this.record('selectSpeaker', [id]);
      this.updateDevices({ selectedSpeakerId: id });
    },
    attachLocalPreview: async (container) => {
      this.record('attachLocalPreview', []);
      this.renderPreview(container);
      return () => container.replaceChildren();
    },
    attachRemoteVideo: (key, container) => this.attachRemote(key, container),
    watchMicrophoneLevel: (listener) => {
      this.recorded.push({ name: 'watchMicrophoneLevel', args: [] });
      this.levelListeners.add(listener);
      return () => this.levelListeners.delete(listener);
    },
    playTestSound: async () => {
      this.record('playTestSound', []);
    },
    // The decision is the layer's own (renderer/calling/pre-join.ts), so the screens see what they would.
    placeCall: async (target, options) => {
      this.record('placeCall', [target, options]);
      const kind = preJoinKindFor(target, options.video);
      if (kind && this.state.preJoinSettings[kind]) {
        this.setState({
          preJoin: {
            kind,
            target,
            title: options.title ?? null,
            video: options.video,
            ...(options.others ? { others: options.others } : {}),
          },
        });
      } else {
        await this.actions.startCall(target, options);
      }
    },
    joinFromPreJoin: async (choice) => {
      this.record('joinFromPreJoin', [choice]);
      const request = this.state.preJoin;
      if (!request) throw new Error('There is no call waiting to join.');
      await this.actions.startCall(request.target, { video: choice.video, muted: choice.muted });
      if (choice.dontShowAgain) this.actions.setPreJoinShown(request.kind, false);
      this.setState({ preJoin: null });
    },
    cancelPreJoin: () => {
      this.recorded.push({ name: 'cancelPreJoin', args: [] });
      this.setState({ preJoin: null });
    },
    setPreJoinShown: (kind, shown) => {
      this.recorded.push({ name: 'setPreJoinShown', args: [kind, shown] });
      this.setState({ preJoinSettings: { ...this.state.preJoinSettings, [kind]: shown } });
    },
    startCall: async (target, options) => {
      this.record('startCall', [target, options]);
      this.setState({
        call: callView({
          id: `call-${this.recorded.length}`,
          title: 'kind' in target ? target.kind : 'call',
          target,
          status: 'connecting',
          connectedAt: null,
          isCameraOn: options.video,
          isMuted: options.muted ?? false,
          participants: [],
        }),
      });
    },
    accept: async (incomingId, options) => {
      this.record('accept', [incomingId, options]);
      const incoming = this.state.incoming.find((i) => i.id === incomingId);
      this.setState({
        incoming: this.state.incoming.filter((i) => i.id !== incomingId),
        call: callView({
          id: incomingId,
          direction: 'incoming',
          title: incoming?.callerDisplayName ?? '',
          target: null,
          isCameraOn: options.video,
        }),
      });
    },
    reject: async (incomingId) => {
      this.record('reject', [incomingId]);
      this.setState({ incoming: this.state.incoming.filter((i) => i.id !== incomingId) });
    },
    holdAndAccept: async (incomingId, options) => {
      this.record('holdAndAccept', [incomingId, options]);
      await this.actions.accept(incomingId, options);
    },
    switchToHeldCall: async (callId) => {
      this.record('switchToHeldCall', [callId]);
      const next = this.state.held.find((h) => h.id === callId);
      if (!next) throw new Error('That call is no longer on hold.');
      const current = this.state.call;
      const stillUp = current && current.status !== 'ended';
      this.setState({
        held: [
          ...this.state.held.filter((h) => h.id !== callId),
          ...(current && stillUp ? [{ id: current.id, title: current.title, status: 'on-hold' as const }] : []),
        ],
        call: callView({ id: next.id, title: next.title, status: 'connected' }),
      });
    },
    hangUp: async () => {
      this.record('hangUp', []);
      if (this.state.call) this.updateCall({ status: 'ended' });
    },
    endCallForEveryone: async () => {
      this.record('endCallForEveryone', []);
      if (this.state.call) this.updateCall({ status: 'ended' });
    },
    muteParticipant: async (participantId) => {
      this.record('muteParticipant', [participantId]);
      this.updateParticipants((p) => (p.id === participantId ? { ...p, isMuted: true } : p));
    },
    muteAllParticipants: async () => {
      this.record('muteAllParticipants', []);
      this.updateParticipants((p) => ({ ...p, isMuted: true }));
    },
    // As the layer: the person shows ringing at once; the promise settles when they join or drop.
    addParticipant: (target) => {
      this.record('addParticipant', [target]);
      const id = target.kind === 'phone' ? `4:${target.e164}` : target.communicationUserId;
      this.updateCall({
        participants: [
          ...(this.state.call?.participants ?? []),
          participant(id, remoteDisplayName(undefined, id), { state: 'ringing' }),
        ],
      });
      return new Promise<void>((resolve, reject) => this.ringing.set(id, { resolve, reject }));
    },
    removeParticipant: async (participantId) => {
      this.record('removeParticipant', [participantId]);
      this.updateParticipants((p) => (p.id === participantId ? null : p));
    },
    admitFromLobby: async (participantId) => {
      this.record('admitFromLobby', [participantId]);
      this.admit((p) => p.id === participantId);
    },
    admitAllFromLobby: async () => {
      this.record('admitAllFromLobby', []);
      this.admit(() => true);
    },
    rejectFromLobby: async (participantId) => {
      this.record('rejectFromLobby', [participantId]);
      this.updateCall({ lobby: (this.state.call?.lobby ?? []).filter((p) => p.id !== participantId) });
    },
    setMuted: async (muted) => {
      this.record('setMuted', [muted]);
      this.updateCall({ isMuted: muted });
    },
    setCameraOn: async (on) => {
      this.record('setCameraOn', [on]);
      this.updateCall({ isCameraOn: on });
    },
    setScreenSharing: async (on) => {
      this.record('setScreenSharing', [on]);
      this.updateCall({ isScreenSharing: on });
    },
    setOnHold: async (onHold) => {
      this.record('setOnHold', [onHold]);
      this.updateCall({ status: onHold ? 'on-hold' : 'connected' });
    },
    setHandRaised: async (raised) => {
      this.record('setHandRaised', [raised]);
      this.updateCall({ isHandRaised: raised });
    },
    sendDtmf: async (tone) => {
      this.record('sendDtmf', [tone]);
    },
    // As the real store: an unavailable call keeps saying so; otherwise the service confirms at once.
    startCaptions: async (spokenLanguage) => {
      this.record('startCaptions', [spokenLanguage]);
      const captions = this.state.call?.captions ?? captionsView();
      if (captions.status === 'unavailable') return;
      this.updateCall({
        captions: { ...captions, status: 'on', spokenLanguage: spokenLanguage ?? 'en-us', problem: null },
      });
    },
    stopCaptions: async () => {
      this.record('stopCaptions', []);
      const captions = this.state.call?.captions ?? captionsView();
      if (captions.status === 'unavailable') return;
      this.updateCall({ captions: { ...captions, status: 'off', problem: null } });
    },
    setSpokenLanguage: async (spokenLanguage) => {
      this.record('setSpokenLanguage', [spokenLanguage]);
      const captions = this.state.call?.captions ?? captionsView();
      this.updateCall({ captions: { ...captions, spokenLanguage } });
    },
    // The service's answer is the test's to give (updateCall); asking shows the transfer under way.
    transferCall: async (target, options) => {
      this.record('transferCall', [target, options]);
      this.updateCall({ transfer: transferView({ status: 'transferring', targetName: options.title ?? null }) });
    },
    transferToHeldCall: async (heldCallId) => {
      this.record('transferToHeldCall', [heldCallId]);
      const title = this.state.held.find((call) => call.id === heldCallId)?.title ?? null;
      this.updateCall({ transfer: transferView({ status: 'transferring', targetName: title }) });
    },
    // As the real layer: mine shows on my self-view at once; spotlights change for everyone.
    sendReaction: async (reaction) => {
      this.record('sendReaction', [reaction]);
      const reactions = this.state.call?.reactions ?? { offered: true, allowed: true, shown: [] };
      const me = this.state.myCommunicationUserId ?? MY_ID;
      const mine = {
        id: `reaction-${this.recorded.length}`,
        participantId: me,
        senderName: 'You',
        fromMe: true,
        reaction,
      };
      this.updateCall({ reactions: { ...reactions, shown: [...reactions.shown.filter((r) => !r.fromMe), mine] } });
    },
    startSpotlight: async (participantId) => {
      this.record('startSpotlight', participantId === undefined ? [] : [participantId]);
      this.setSpotlighted((ids) => [...ids, participantId ?? this.state.myCommunicationUserId ?? MY_ID]);
    },
    stopSpotlight: async (participantId) => {
      this.record('stopSpotlight', participantId === undefined ? [] : [participantId]);
      const id = participantId ?? this.state.myCommunicationUserId ?? MY_ID;
      this.setSpotlighted((ids) => ids.filter((other) => other !== id));
    },
    stopAllSpotlights: async () => {
      this.record('stopAllSpotlights', []);
      this.setSpotlighted(() => []);
    },
    dismissDeviceNotice: () => {
      this.recorded.push({ name: 'dismissDeviceNotice', args: [] });
      this.updateDevices({ notice: null });
    },
    dismissEndedCall: () => {
      this.recorded.push({ name: 'dismissEndedCall', args: [] });
      this.setState({ call: null });
    },
    retryAgent: () => {
      this.recorded.push({ name: 'retryAgent', args: [] });
      this.setState({ agent: 'loading-sdk', agentMessage: null });
    },
    setVideoEffect: async (choice) => {
      this.record('setVideoEffect', [choice]);
      this.setState({ effects: { ...this.state.effects, video: choice } });
    },
    setNoiseSuppression: async (on) => {
      this.record('setNoiseSuppression', [on]);
      this.setState({ effects: { ...this.state.effects, noiseSuppression: on } });
    },
    setSoundSettings: (change) => {
      this.recorded.push({ name: 'setSoundSettings', args: [change] });
      this.setState({ sounds: { ...this.state.sounds, ...change } });
    },
  };
}

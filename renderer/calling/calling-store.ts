/**
 * The SDK-backed `CallingStore`: state React reads (through model.ts's hooks) and the intents the
 * screens call. Composes the agent lifecycle, the device controller and one CallTracker per call;
 * components never see an SDK object.
 */
import type { SessionState } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import { StateStore } from '../lib/state-store';
import { callActionStrings, deviceStrings, groupCallStrings, transferStrings } from '../strings';
import { AgentLifecycle } from './agent-lifecycle';
import {
  attachCallSounds,
  browserSoundPlayer,
  readSoundSettings,
  type SoundPlayer,
  writeSoundSettings,
} from './call-sounds';
import { CallTracker, type CallTrackerOptions } from './call-tracker';
import { callbackTargetFromRawId } from './callback-target';
import { DeviceController, type DeviceStorage, initialDevicesState } from './devices';
import { needsPhoneFormatting, remoteDisplayName } from './display-name';
import {
  BACKGROUND_IMAGE_PATH,
  EffectsController,
  initialEffectsState,
  type LoadEffects,
  loadEffectsPackage,
} from './effects';
import { browserMediaEnvironment, type MediaEnvironment, playTestSound, watchMicrophoneLevel } from './media';
import {
  type CallingActions,
  type CallingState,
  type CallingStore,
  type CallView,
  finishedCall,
  type HeldCallView,
  type IncomingCallView,
  type PersonTarget,
} from './model';
import { addToCall, callerIdOptionFor, isPersonTarget, peopleToRing, sdkParticipant } from './participants-add';
import { loadPhoneNumbers } from './phone-numbers-loader';
import { preJoinKindFor, readPreJoinSettings, writePreJoinSettings } from './pre-join';
import type {
  CallingSdk,
  SdkCall,
  SdkCallAgent,
  SdkIncomingCall,
  SdkLocalVideoStream,
  SdkVideoStreamRenderer,
  VideoDeviceInfo,
} from './sdk-surface';
import { spotlightActions } from './spotlight';
import { transferTargetOf } from './transfer';

export const initialCallingState: Omit<CallingState, 'effects' | 'sounds' | 'preJoinSettings'> = {
  agent: 'signed-out',
  agentMessage: null,
  sdkSettled: false,
  myCommunicationUserId: null,
  myDisplayName: null,
  devices: initialDevicesState,
  call: null,
  held: [],
  incoming: [],
  preJoin: null,
};

export interface CallingStoreDeps {
  loadSdk(): Promise<CallingSdk>;
  bridge: Pick<RendererBridge, 'getToken' | 'config'>;
  storage: DeviceStorage;
  media?: MediaEnvironment;
  now?: () => number;
  /** The effects package (renderer/calling/effects-package.ts), imported on first use. */
  loadEffects?: LoadEffects;
  sounds?: SoundPlayer;
}

export interface CallingController extends CallingStore {
  /** Follows the session: signed in → credential + agent for that identity; otherwise none. */
  setSession(session: SessionState): void;
  /** Resolves when agent creation/disposal requested so far has finished. */
  settled(): Promise<void>;
}

export function createCallingStore(deps: CallingStoreDeps): CallingController {
  const media = deps.media ?? browserMediaEnvironment;
  const now = deps.now ?? Date.now;
  const store = new StateStore<CallingState>({
    ...initialCallingState,
    effects: initialEffectsState(deps.storage),
    sounds: readSoundSettings(deps.storage),
    preJoinSettings: readPreJoinSettings(deps.storage),
  });
  const update = (change: (state: CallingState) => Partial<CallingState> | null) =>
    store.update((state) => {
      const patch = change(state);
      return patch ? { ...state, ...patch } : state;
    });

  let sdk: CallingSdk | null = null;
  let agent: SdkCallAgent | null = null;
  let active: CallTracker | null = null;
  /** Calls put on hold to answer another: the most recent comes back when the active one ends. */
  const held: CallTracker[] = [];
  const incoming = new Map<string, SdkIncomingCall>();
  let previewStream: SdkLocalVideoStream | null = null;

  const devices = new DeviceController(
    deps.storage,
    () => store.getState().devices,
    (change) => update((state) => ({ devices: change(state.devices) })),
    (replacement) => void followUnpluggedCamera(replacement),
  );

  /**
   * The camera in use was unplugged: the call (and the preview) move to the camera that replaces
   * it, or, with none left, the call's video stops. Either way the user is told.
   */
  const followUnpluggedCamera = async (replacement: VideoDeviceInfo | null) => {
    const tracker = active && !active.isEnded ? active : null;
    const callVideo = tracker?.getView().isCameraOn ? tracker.localVideo : null;
    const running = [callVideo, previewStream].filter((stream): stream is SdkLocalVideoStream => !!stream);
    if (running.length === 0) return;
    if (replacement) {
      devices.setNotice(deviceStrings.cameraSwitched(replacement.name));
      await Promise.all(running.map((stream) => stream.switchSource(replacement).catch(() => {})));
      return;
    }
    devices.setNotice(deviceStrings.cameraGoneVideoOff);
    if (tracker && callVideo) {
      await tracker.call.stopVideo(callVideo).catch(() => {});
      tracker.localVideo = null;
    }
  };

  const effects = new EffectsController(
    deps.storage,
    () => store.getState().effects,
    (change) => update((state) => ({ effects: change(state.effects) })),
    deps.loadEffects ?? loadEffectsPackage,
    () => new URL(BACKGROUND_IMAGE_PATH, globalThis.location?.href ?? 'http://localhost/').href,
  );
  /** Calls whose microphone has had noise suppression applied (once, when they first connect). */
  const audioEffectsApplied = new WeakSet<CallTracker>();
  const applyAudioEffects = (tracker: CallTracker) => {
    if (!sdk || audioEffectsApplied.has(tracker) || tracker.getView().status !== 'connected') return;
    audioEffectsApplied.add(tracker);
    void effects.applyAudio(sdk.audioEffects(tracker.call));
  };
  const applyVideoEffects = (stream: SdkLocalVideoStream | null | undefined) =>
    stream && sdk ? effects.applyVideo(sdk.videoEffects(stream)) : Promise.resolve();

  const publishCall = () => {
    update(() => ({
      call: active?.getView() ?? null,
      held: held.map((tracker): HeldCallView => {
        const view = tracker.getView();
        return { id: view.id, title: view.title, status: view.status };
      }),
    }));
    if (active) applyAudioEffects(active);
  };

  const onTrackerChange = (tracker: CallTracker) => {
    if (tracker !== active && tracker.isEnded) held.splice(held.indexOf(tracker), 1);
    publishCall();
    formatPhoneNumbersOf(tracker.call.remoteParticipants.map((p) => sdk?.rawId(p.identifier) ?? ''));
  };

  /**
   * Phone numbers read better formatted (+1 425 555 0123), and the library that formats them
   * loads on demand: when a caller or participant is a phone number, load it and publish again.
   */
  let phoneFormattingRequested = false;
  const formatPhoneNumbersOf = (rawIds: string[]) => {
    if (phoneFormattingRequested || !rawIds.some(needsPhoneFormatting)) return;
    phoneFormattingRequested = true;
    loadPhoneNumbers().then(
      () => {
        for (const tracker of [active, ...held]) tracker?.refresh();
        publishIncoming();
      },
      () => {
        phoneFormattingRequested = false;
      },
    );
  };

  const track = (
    call: SdkCall,
    direction: CallView['direction'],
    title: string | null,
    target: CallView['target'],
    localVideo: SdkLocalVideoStream | null,
    others: PersonTarget[] = [],
  ) => {
    if (!sdk) throw new Error(callActionStrings.noAgent);
    if (active && !active.isEnded) held.push(active);
    else active?.dispose();
    active = newTracker(sdk, { call, direction, title, target, localVideo, others });
    onTrackerChange(active);
  };
  const newTracker = (
    loaded: CallingSdk,
    call: Pick<
      CallTrackerOptions,
      'call' | 'direction' | 'title' | 'target' | 'localVideo' | 'others' | 'transferredFrom'
    >,
  ) =>
    new CallTracker({
      ...call,
      sdk: loaded,
      myCommunicationUserId: store.getState().myCommunicationUserId ?? '',
      now,
      onChange: onTrackerChange,
      onTransferAccepted: adoptTransferredCall,
    });

  /**
   * The other side transferred `from` into `targetCall`: the new call takes the old one's place
   * (active or held) at once, and the old tracker is let go before the service ends that call, so
   * its end never shows "Call ended" over the new one. The new call carries the old one as it
   * stood at the hand-over, so recents keep it as the call it was. The SDK lists the new call in
   * `callAgent.calls` too; a call already tracked is not adopted twice.
   */
  const adoptTransferredCall = (from: CallTracker, targetCall: SdkCall) => {
    if (!sdk || [active, ...held].some((tracker) => tracker?.call.id === targetCall.id)) return;
    const slot = from === active ? -1 : held.indexOf(from);
    if (from !== active && slot < 0) return;
    const next = newTracker(sdk, {
      call: targetCall,
      direction: from.getView().direction,
      title: null,
      target: transferTargetOf(targetCall, sdk.rawId),
      localVideo: null,
      transferredFrom: finishedCall(from.getView(), now()),
    });
    if (slot < 0) active = next;
    else held[slot] = next;
    from.dispose();
    onTrackerChange(next);
  };

  const publishIncoming = () => {
    const views = [...incoming.values()].map((call): IncomingCallView => {
      const callerId = call.callerInfo.identifier && sdk ? sdk.rawId(call.callerInfo.identifier) : '';
      return { id: call.id, callerId, callerDisplayName: remoteDisplayName(call.callerInfo.displayName, callerId) };
    });
    update(() => ({ incoming: views }));
    formatPhoneNumbersOf(views.map((view) => view.callerId));
  };

  const onIncomingCall = ({ incomingCall }: { incomingCall: SdkIncomingCall }) => {
    incoming.set(incomingCall.id, incomingCall);
    const onEnded = () => {
      incomingCall.off('callEnded', onEnded);
      incoming.delete(incomingCall.id);
      publishIncoming();
    };
    incomingCall.on('callEnded', onEnded);
    publishIncoming();
  };

  const sdkSettled = () => update((state) => (state.sdkSettled ? null : { sdkSettled: true }));
  const lifecycle = new AgentLifecycle({
    loadSdk: () => {
      const loading = deps.loadSdk();
      loading.then(sdkSettled, sdkSettled);
      return loading;
    },
    bridge: deps.bridge,
    events: {
      status: (status, message) => update(() => ({ agent: status, agentMessage: message })),
      clientReady: (loadedSdk, callClient) => {
        sdk = loadedSdk;
        void callClient
          .getDeviceManager()
          .then((manager) => devices.attach(manager))
          .catch(() => update((state) => ({ devices: { ...state.devices, ready: true } })));
      },
      agentChanged: (next) => {
        agent?.off('incomingCall', onIncomingCall);
        agent = next;
        agent?.on('incomingCall', onIncomingCall);
        if (!next) {
          for (const tracker of [active, ...held]) tracker?.dispose();
          active = null;
          held.length = 0;
          incoming.clear();
          update(() => ({ call: null, held: [], incoming: [], preJoin: null }));
        }
      },
    },
  });

  const requireAgent = (): SdkCallAgent => {
    if (!agent) throw new Error(callActionStrings.noAgent);
    return agent;
  };
  const requireCall = (): CallTracker => {
    if (!active || active.isEnded) throw new Error(callActionStrings.noCall);
    return active;
  };
  const requireSdk = (): CallingSdk => {
    if (!sdk) throw new Error(callActionStrings.noAgent);
    return sdk;
  };
  const cameraStream = (): SdkLocalVideoStream => {
    const camera = devices.camera();
    if (!camera) throw new Error(callActionStrings.noCamera);
    return requireSdk().createLocalVideoStream(camera);
  };
  /**
   * The first call asks for the devices it needs, as the camera and audio page does when opened:
   * only then does the SDK list the real devices, so the remembered microphone and speaker are
   * selected (and a camera is there for video) before the call opens them. Asked once: after an
   * answer the permission is no longer unknown. A failure here is left to the call itself, which
   * asks the OS on its own when it opens the microphone.
   */
  const askBeforeFirstUse = async (video: boolean): Promise<void> => {
    const current = store.getState().devices;
    const audio = current.audioPermission === 'unknown';
    const camera = video && current.videoPermission === 'unknown';
    if (!current.ready || (!audio && !camera)) return;
    await devices.requestPermissions({ audio, video: camera }).catch(() => {});
  };
  const mediaOptions = (video: boolean, muted = false) => {
    const localVideo = video ? cameraStream() : null;
    return {
      localVideo,
      options: {
        audioOptions: { muted },
        ...(localVideo ? { videoOptions: { localVideoStreams: [localVideo] } } : {}),
      },
    };
  };
  /**
   * Cameras fill their tile (`Crop`); a shared screen is shown whole (`Fit`): the SDK sets the
   * video's object-fit inline from this, over any stylesheet.
   */
  const attachRenderer = async (
    renderer: SdkVideoStreamRenderer,
    container: HTMLElement,
    scalingMode: 'Crop' | 'Fit' = 'Crop',
  ) => {
    try {
      const view = await renderer.createView({ scalingMode });
      container.replaceChildren(view.target);
      return () => {
        view.dispose();
        renderer.dispose();
        if (view.target.parentElement === container) container.removeChild(view.target);
      };
    } catch (error) {
      renderer.dispose();
      throw error;
    }
  };

  const actions: CallingActions = {
    requestPermissions: (which) => devices.requestPermissions(which),
    async selectCamera(id) {
      const camera = devices.selectCamera(id);
      // Mid-call and in the preview, switch the running stream rather than restart it.
      await Promise.all(
        [active?.localVideo, previewStream]
          .filter((stream): stream is SdkLocalVideoStream => !!stream)
          .map((stream) => stream.switchSource(camera)),
      );
    },
    selectMicrophone: (id) => devices.selectMicrophone(id),
    selectSpeaker: (id) => devices.selectSpeaker(id),
    async attachLocalPreview(container) {
      const stream = cameraStream();
      previewStream = stream;
      const detach = await attachRenderer(requireSdk().createVideoStreamRenderer(stream), container);
      void applyVideoEffects(stream);
      return () => {
        detach();
        if (previewStream === stream) previewStream = null;
        stream.dispose();
      };
    },
    async attachRemoteVideo(videoKey, container) {
      const stream = active?.findRemoteVideo(videoKey);
      if (!stream) throw new Error(callActionStrings.noVideo);
      const scaling = stream.mediaStreamType === 'ScreenSharing' ? 'Fit' : 'Crop';
      return attachRenderer(requireSdk().createVideoStreamRenderer(stream), container, scaling);
    },
    watchMicrophoneLevel: (listener) =>
      watchMicrophoneLevel(media, store.getState().devices.selectedMicrophoneId, listener),
    playTestSound: () => playTestSound(media, store.getState().devices.selectedSpeakerId),

    async placeCall(target, { video, title, others }) {
      const kind = preJoinKindFor(target, video);
      const more = others?.length ? { others } : {};
      if (kind && store.getState().preJoinSettings[kind]) {
        // Nothing is dialled yet: the pre-join screen shows, and Join now starts the call.
        update(() => ({ preJoin: { kind, target, title: title ?? null, video, ...more } }));
        return;
      }
      await actions.startCall(target, { video, ...(title === undefined ? {} : { title }), ...more });
    },
    async joinFromPreJoin({ muted, video, dontShowAgain }) {
      const request = store.getState().preJoin;
      if (!request) throw new Error(callActionStrings.noPreJoin);
      await actions.startCall(request.target, {
        video,
        muted,
        ...(request.title ? { title: request.title } : {}),
        ...(request.others ? { others: request.others } : {}),
      });
      // Only once the call is placed: a refused start leaves the check up, with its choices.
      if (dontShowAgain) actions.setPreJoinShown(request.kind, false);
      update((state) => (state.preJoin === request ? { preJoin: null } : null));
    },
    cancelPreJoin() {
      update((state) => (state.preJoin ? { preJoin: null } : null));
    },
    setPreJoinShown(kind, shown) {
      update((state) => ({ preJoinSettings: { ...state.preJoinSettings, [kind]: shown } }));
      writePreJoinSettings(deps.storage, store.getState().preJoinSettings);
    },
    async startCall(target, { video, title, muted, others }) {
      const callAgent = requireAgent();
      if (others?.length && !isPersonTarget(target)) throw new Error(groupCallStrings.cannotMix);
      // Everyone a call to people rings, in one startCall (renderer/calling/participants-add.ts).
      const people = isPersonTarget(target) ? peopleToRing(target, others) : [];
      await askBeforeFirstUse(video);
      const callerIdOption = people.some((person) => person.kind === 'phone')
        ? callerIdOptionFor(people, (await deps.bridge.config.get()).alternateCallerId)
        : {};
      const { localVideo, options } = mediaOptions(video, muted);
      let call: SdkCall;
      switch (target.kind) {
        case 'acs-user':
        case 'phone':
          call = callAgent.startCall(people.map(sdkParticipant), { ...options, ...callerIdOption });
          break;
        case 'group':
          call = callAgent.join({ groupId: target.groupId }, options);
          break;
        case 'teams-meeting':
          call = callAgent.join({ meetingLink: target.meetingLink }, options);
          break;
        case 'room':
          call = callAgent.join({ roomId: target.roomId }, options);
          break;
        case 'teams-meeting-id':
          call = callAgent.join(
            { meetingId: target.meetingId, ...(target.passcode ? { passcode: target.passcode } : {}) },
            options,
          );
          break;
      }
      track(call, 'outgoing', title ?? null, target, localVideo, people.slice(1));
      void applyVideoEffects(localVideo);
    },
    async accept(incomingId, { video }) {
      const incomingCall = incoming.get(incomingId);
      if (!incomingCall) throw new Error(callActionStrings.noIncoming);
      await askBeforeFirstUse(video);
      const { localVideo, options } = mediaOptions(video);
      const view = store.getState().incoming.find((i) => i.id === incomingId);
      const call = await incomingCall.accept(options);
      incoming.delete(incomingId);
      publishIncoming();
      // The caller becomes the call's target, so recents can call them back. The name the caller
      // chose heads the call; without one the header comes from the participant (callTitle).
      track(
        call,
        'incoming',
        incomingCall.callerInfo.displayName?.trim() || null,
        view ? callbackTargetFromRawId(view.callerId) : null,
        localVideo,
      );
      void applyVideoEffects(localVideo);
    },
    async reject(incomingId) {
      const incomingCall = incoming.get(incomingId);
      if (!incomingCall) throw new Error(callActionStrings.noIncoming);
      await incomingCall.reject();
      incoming.delete(incomingId);
      publishIncoming();
    },
    async holdAndAccept(incomingId, options) {
      if (active && !active.isEnded && active.call.state !== 'LocalHold') await active.call.hold();
      await actions.accept(incomingId, options);
    },
    async switchToHeldCall(callId) {
      const next = held.find((tracker) => tracker.call.id === callId && !tracker.isEnded);
      if (!next) throw new Error(callActionStrings.noHeldCall);
      const current = active;
      if (current && !current.isEnded && current.call.state !== 'LocalHold') await current.call.hold();
      held.splice(held.indexOf(next), 1);
      if (current && !current.isEnded) held.push(current);
      else current?.dispose();
      active = next;
      publishCall();
      await next.call.resume();
    },
    async hangUp() {
      const tracker = requireCall();
      tracker.markEndedByMe();
      await tracker.call.hangUp();
    },
    async endCallForEveryone() {
      const tracker = requireCall();
      if (!tracker.getView().host.endForEveryone) throw new Error(callActionStrings.notAllowed);
      tracker.markEndedByMe();
      await tracker.call.hangUp({ forEveryone: true });
    },
    async muteParticipant(participantId) {
      const tracker = requireCall();
      const participant = tracker.findParticipant(participantId);
      if (!participant) throw new Error(callActionStrings.participantGone);
      await participant.mute();
    },
    async muteAllParticipants() {
      await requireCall().call.muteAllRemoteParticipants();
    },
    async removeParticipant(participantId) {
      const tracker = requireCall();
      const participant = tracker.findParticipant(participantId);
      if (!participant) throw new Error(callActionStrings.participantGone);
      await tracker.call.removeParticipant(participant.identifier);
    },
    async addParticipant(target) {
      const tracker = requireCall();
      if (!(target.kind === 'phone' ? tracker.getView().addPeople.phoneNumbers : tracker.getView().addPeople.people)) {
        throw new Error(callActionStrings.notAllowed);
      }
      const callerId = target.kind === 'phone' ? (await deps.bridge.config.get()).alternateCallerId : null;
      const sdkNow = requireSdk();
      await addToCall(tracker.call, target, callerId, (participant) => sdkNow.rawId(participant.identifier));
    },
    async admitFromLobby(participantId) {
      const tracker = requireCall();
      const waiting = tracker.findInLobby(participantId);
      if (!waiting) throw new Error(callActionStrings.lobbyGone);
      await tracker.call.lobby.admit(waiting.identifier);
    },
    async admitAllFromLobby() {
      const result = await requireCall().call.lobby.admitAll();
      if (result.failureCount > 0) throw new Error(callActionStrings.lobbyAdmitFailed(result.failureCount));
    },
    async rejectFromLobby(participantId) {
      const tracker = requireCall();
      const waiting = tracker.findInLobby(participantId);
      if (!waiting) throw new Error(callActionStrings.lobbyGone);
      await tracker.call.lobby.reject(waiting.identifier);
    },
    async setMuted(muted) {
      const { call } = requireCall();
      await (muted ? call.mute() : call.unmute());
    },
    async setCameraOn(on) {
      const tracker = requireCall();
      if (on) {
        tracker.localVideo ??= cameraStream();
        await tracker.call.startVideo(tracker.localVideo);
        void applyVideoEffects(tracker.localVideo);
      } else {
        const stream = tracker.call.localVideoStreams.find((s) => s.mediaStreamType === 'Video') ?? tracker.localVideo;
        if (stream) await tracker.call.stopVideo(stream);
      }
    },
    async setScreenSharing(on) {
      const { call } = requireCall();
      await (on ? call.startScreenSharing() : call.stopScreenSharing());
    },
    async setOnHold(onHold) {
      const { call } = requireCall();
      await (onHold ? call.hold() : call.resume());
    },
    async setHandRaised(raised) {
      const tracker = requireCall();
      await (raised ? tracker.raiseHand.raiseHand() : tracker.raiseHand.lowerHand());
    },
    async sendDtmf(tone) {
      await requireCall().call.sendDtmf(tone);
    },
    async startCaptions(spokenLanguage) {
      await requireCall().captions.start(spokenLanguage);
    },
    async stopCaptions() {
      await requireCall().captions.stop();
    },
    async setSpokenLanguage(spokenLanguage) {
      await requireCall().captions.setSpokenLanguage(spokenLanguage);
    },
    async transferCall(target, { title }) {
      const tracker = requireCall();
      const unavailable = tracker.getView().transfer.unavailable;
      if (unavailable) throw new Error(unavailable);
      if (target.kind !== 'acs-user' && target.kind !== 'phone') throw new Error(transferStrings.problems.notAPerson);
      // As for a phone call: ACS reaches a number only from a number of the resource (the caller id).
      if (target.kind === 'phone' && !(await deps.bridge.config.get()).alternateCallerId) {
        throw new Error(transferStrings.problems.noCallerId);
      }
      const identifier =
        target.kind === 'phone' ? { phoneNumber: target.e164 } : { communicationUserId: target.communicationUserId };
      const rawId = requireSdk().rawId(identifier);
      if (tracker.getView().participants.some((participant) => participant.id === rawId)) {
        throw new Error(transferStrings.problems.same);
      }
      tracker.transfer.start({ targetParticipant: identifier }, title?.trim() || remoteDisplayName(undefined, rawId));
    },
    async transferToHeldCall(heldCallId) {
      const tracker = requireCall();
      const unavailable = tracker.getView().transfer.unavailable;
      if (unavailable) throw new Error(unavailable);
      const other = held.find((candidate) => candidate.call.id === heldCallId && !candidate.isEnded);
      if (!other) throw new Error(transferStrings.problems.heldCallGone);
      tracker.transfer.start({ targetCallId: heldCallId }, other.getView().title);
    },
    async sendReaction(reaction) {
      await requireCall().reactions.send(reaction);
    },
    ...spotlightActions(requireCall),
    dismissDeviceNotice() {
      devices.setNotice(null);
    },
    dismissEndedCall() {
      if (!active?.isEnded) return;
      active.dispose();
      // A call put on hold to answer this one comes back (still on hold: the user resumes it).
      active = held.pop() ?? null;
      publishCall();
    },
    retryAgent() {
      // Disposing the agent would end the call in progress; the banner offers no retry meanwhile.
      if (active && !active.isEnded) return;
      lifecycle.retry();
    },

    async setVideoEffect(choice) {
      effects.remember({ video: choice });
      const running = [previewStream, active && !active.isEnded ? active.localVideo : null];
      await Promise.all(running.map(applyVideoEffects));
    },
    async setNoiseSuppression(on) {
      effects.remember({ noiseSuppression: on });
      if (active && !active.isEnded && sdk) await effects.applyAudio(sdk.audioEffects(active.call));
    },
    setSoundSettings(change) {
      update((state) => ({ sounds: { ...state.sounds, ...change } }));
      writeSoundSettings(deps.storage, store.getState().sounds);
    },
  };
  attachCallSounds(store, deps.sounds ?? browserSoundPlayer);

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    actions,
    setSession(session) {
      if (session.status === 'signed-in') {
        const myId = session.user.communicationUserId;
        const myName = session.user.displayName;
        update((state) =>
          state.myCommunicationUserId === myId && state.myDisplayName === myName
            ? null
            : { myCommunicationUserId: myId, myDisplayName: myName },
        );
        lifecycle.open({ key: `${session.backendUrl}\n${myId}`, displayName: session.user.displayName });
      } else {
        update((state) =>
          state.myCommunicationUserId === null ? null : { myCommunicationUserId: null, myDisplayName: null },
        );
        void lifecycle.close();
      }
    },
    settled: () => lifecycle.settled(),
  };
}

/**
 * The SDK-backed `CallingStore`: state React reads (through model.ts's hooks) and the intents the
 * screens call. Composes the agent lifecycle, the device controller and one CallTracker per call;
 * components never see an SDK object.
 */
import type { SessionState } from '../../common/ipc';
import type { RendererBridge } from '../bridge';
import { callActionStrings, callTitleStrings } from '../strings';
import { AgentLifecycle } from './agent-lifecycle';
import {
  attachCallSounds,
  browserSoundPlayer,
  readSoundSettings,
  type SoundPlayer,
  writeSoundSettings,
} from './call-sounds';
import { CallTracker } from './call-tracker';
import { callbackTargetFromRawId } from './callback-target';
import { DeviceController, type DeviceStorage, initialDevicesState } from './devices';
import {
  BACKGROUND_IMAGE_PATH,
  EffectsController,
  initialEffectsState,
  type LoadEffects,
  loadEffectsPackage,
} from './effects';
import { browserMediaEnvironment, type MediaEnvironment, playTestSound, watchMicrophoneLevel } from './media';
import type { CallingActions, CallingState, CallingStore, CallTarget, CallView, IncomingCallView } from './model';
import type {
  CallingSdk,
  SdkCall,
  SdkCallAgent,
  SdkIncomingCall,
  SdkLocalVideoStream,
  SdkVideoStreamRenderer,
} from './sdk-surface';
import { StateStore } from './state-store';

export const initialCallingState: Omit<CallingState, 'effects' | 'sounds'> = {
  agent: 'signed-out',
  agentMessage: null,
  sdkSettled: false,
  myCommunicationUserId: null,
  devices: initialDevicesState,
  call: null,
  incoming: [],
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

function titleFor(target: CallTarget): string {
  switch (target.kind) {
    case 'acs-user':
      return target.communicationUserId;
    case 'phone':
      return target.e164;
    case 'group':
      return callTitleStrings.group;
    case 'teams-meeting':
      return callTitleStrings.teamsMeeting;
    case 'room':
      return callTitleStrings.room;
  }
}

export function createCallingStore(deps: CallingStoreDeps): CallingController {
  const media = deps.media ?? browserMediaEnvironment;
  const now = deps.now ?? Date.now;
  const store = new StateStore<CallingState>({
    ...initialCallingState,
    effects: initialEffectsState(deps.storage),
    sounds: readSoundSettings(deps.storage),
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
  );

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
    update(() => ({ call: active?.getView() ?? null }));
    if (active) applyAudioEffects(active);
  };

  const onTrackerChange = (tracker: CallTracker) => {
    if (tracker === active) {
      publishCall();
      return;
    }
    if (tracker.isEnded) held.splice(held.indexOf(tracker), 1);
  };

  const track = (
    call: SdkCall,
    direction: CallView['direction'],
    title: string,
    target: CallTarget | null,
    localVideo: SdkLocalVideoStream | null,
  ) => {
    if (!sdk) throw new Error(callActionStrings.noAgent);
    if (active && !active.isEnded) held.push(active);
    else active?.dispose();
    active = new CallTracker({
      call,
      sdk,
      direction,
      title,
      target,
      localVideo,
      myCommunicationUserId: store.getState().myCommunicationUserId ?? '',
      now,
      onChange: onTrackerChange,
    });
    publishCall();
  };

  const publishIncoming = () =>
    update(() => ({
      incoming: [...incoming.values()].map(
        (call): IncomingCallView => ({
          id: call.id,
          callerId: call.callerInfo.identifier && sdk ? sdk.rawId(call.callerInfo.identifier) : '',
          callerDisplayName:
            call.callerInfo.displayName?.trim() ||
            (call.callerInfo.identifier && sdk ? sdk.rawId(call.callerInfo.identifier) : ''),
        }),
      ),
    }));

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
          update(() => ({ call: null, incoming: [] }));
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
  const mediaOptions = (video: boolean) => {
    const localVideo = video ? cameraStream() : null;
    return {
      localVideo,
      options: {
        audioOptions: { muted: false },
        ...(localVideo ? { videoOptions: { localVideoStreams: [localVideo] } } : {}),
      },
    };
  };
  const attachRenderer = async (renderer: SdkVideoStreamRenderer, container: HTMLElement) => {
    try {
      const view = await renderer.createView({ scalingMode: 'Crop' });
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
      return attachRenderer(requireSdk().createVideoStreamRenderer(stream), container);
    },
    watchMicrophoneLevel: (listener) =>
      watchMicrophoneLevel(media, store.getState().devices.selectedMicrophoneId, listener),
    playTestSound: () => playTestSound(media, store.getState().devices.selectedSpeakerId),

    async startCall(target, { video }) {
      const callAgent = requireAgent();
      await askBeforeFirstUse(video);
      let alternateCallerId: string | null = null;
      if (target.kind === 'phone') {
        alternateCallerId = (await deps.bridge.config.get()).alternateCallerId;
        if (!alternateCallerId) throw new Error(callActionStrings.noCallerId);
      }
      const { localVideo, options } = mediaOptions(video);
      let call: SdkCall;
      switch (target.kind) {
        case 'acs-user':
          call = callAgent.startCall([{ communicationUserId: target.communicationUserId }], options);
          break;
        case 'phone':
          call = callAgent.startCall([{ phoneNumber: target.e164 }], {
            ...options,
            alternateCallerId: { phoneNumber: alternateCallerId ?? '' },
          });
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
      }
      track(call, 'outgoing', titleFor(target), target, localVideo);
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
      // The caller becomes the call's target, so recents can call them back.
      track(
        call,
        'incoming',
        view?.callerDisplayName ?? '',
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
    async hangUp() {
      const tracker = requireCall();
      tracker.markEndedByMe();
      await tracker.call.hangUp();
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
    dismissEndedCall() {
      if (!active?.isEnded) return;
      active.dispose();
      // A call put on hold to answer this one comes back (still on hold: the user resumes it).
      active = held.pop() ?? null;
      publishCall();
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
        update((state) => (state.myCommunicationUserId === myId ? null : { myCommunicationUserId: myId }));
        lifecycle.open({ key: `${session.backendUrl}\n${myId}`, displayName: session.user.displayName });
      } else {
        update((state) => (state.myCommunicationUserId === null ? null : { myCommunicationUserId: null }));
        void lifecycle.close();
      }
    },
    settled: () => lifecycle.settled(),
  };
}

/**
 * The lazily loaded chunk: the only module that imports the ACS SDK's code (1.73 MB gzipped),
 * reached only through `import('./sdk')` in load-sdk.ts so that the app shell never waits for it.
 * `satisfies CallingSdk` is where the compiler checks the real SDK against sdk-surface.ts.
 */
import {
  type Call,
  CallClient,
  type Captions,
  type CaptionsCallFeature,
  Features,
  LocalVideoStream,
  type RemoteVideoStream,
  type TeamsCaptions,
  type TransferCallFeature,
  VideoStreamRenderer,
} from '@azure/communication-calling';
import { AzureCommunicationTokenCredential, getIdentifierRawId } from '@azure/communication-common';
import type { CallingSdk, SdkCaptionsFeature, SdkTransferFeature } from './sdk-surface';

/**
 * `Features.Captions`, or null where this SDK build or call type has none (the feature factory
 * throws then). Its `captions` is declared as `CaptionsCommon`; at run time it is a `Captions` or
 * `TeamsCaptions`, which carry the events `SdkCaptions` declares.
 */
function captionsOf(call: Call): SdkCaptionsFeature | null {
  try {
    const feature = call.feature(Features.Captions);
    // The compiler checks both run-time kinds against the surface here.
    return feature.captions ? (feature as CaptionsCallFeature & { readonly captions: Captions | TeamsCaptions }) : null;
  } catch {
    return null;
  }
}

/**
 * `TransferEventArgs.targetCall` is declared as `CallCommon`; a CallAgent's calls (and so the call
 * it transfers me into) are `Call`s at run time.
 */
type TransferFeatureOfCall = Omit<TransferCallFeature, 'on' | 'off'> & {
  on(event: 'transferAccepted', listener: (args: { targetCall: Call }) => void): void;
  off(event: 'transferAccepted', listener: (args: { targetCall: Call }) => void): void;
};

/** `Features.Transfer`, or null where the SDK has none for this call (the factory throws then). */
function transferOf(call: Call): SdkTransferFeature | null {
  try {
    // The compiler checks the run-time shape against the surface here.
    return call.feature(Features.Transfer) as TransferFeatureOfCall;
  } catch {
    return null;
  }
}

export const callingSdk = {
  createCallClient: () => new CallClient(),
  createCredential: (options) => new AzureCommunicationTokenCredential(options),
  createLocalVideoStream: (camera) => new LocalVideoStream(camera),
  // The layer only ever passes back streams this SDK handed out, so the narrowing is safe.
  createVideoStreamRenderer: (stream) => new VideoStreamRenderer(stream as LocalVideoStream | RemoteVideoStream),
  callFeatures: (call) => ({
    raiseHand: (call as Call).feature(Features.RaiseHand),
    diagnostics: (call as Call).feature(Features.UserFacingDiagnostics),
    recording: (call as Call).feature(Features.Recording),
    transcription: (call as Call).feature(Features.Transcription),
    captions: captionsOf(call as Call),
    capabilities: (call as Call).feature(Features.Capabilities),
    mediaStats: (call as Call).feature(Features.MediaStats),
    transfer: transferOf(call as Call),
    reaction: (call as Call).feature(Features.Reaction),
    spotlight: (call as Call).feature(Features.Spotlight),
  }),
  // As with the renderer: only streams and calls this SDK handed out come back here.
  videoEffects: (stream) => (stream as LocalVideoStream).feature(Features.VideoEffects),
  audioEffects: (call) => (call as Call).localAudioStreams[0]?.feature(Features.AudioEffects) ?? null,
  rawId: getIdentifierRawId,
} satisfies CallingSdk;

/**
 * `Features.Recording` and `Features.Transcription` → the call's `ComplianceNotice`. People in a
 * call must be told while it is recorded or transcribed (a compliance need, as in Teams): the
 * call screen keeps a banner up for as long as either is active, announced to screen readers.
 */
import type { ComplianceNotice } from './model';
import type { SdkCallFeatures } from './sdk-surface';

type ComplianceFeatures = Pick<SdkCallFeatures, 'recording' | 'transcription'>;

export function snapshotCompliance({ recording, transcription }: ComplianceFeatures): ComplianceNotice {
  return { recording: recording.isRecordingActive, transcribing: transcription.isTranscriptionActive };
}

/** Calls `onChange` whenever recording or transcription starts or stops; returns the unsubscribe. */
export function watchCompliance({ recording, transcription }: ComplianceFeatures, onChange: () => void): () => void {
  recording.on('isRecordingActiveChanged', onChange);
  transcription.on('isTranscriptionActiveChanged', onChange);
  return () => {
    recording.off('isRecordingActiveChanged', onChange);
    transcription.off('isTranscriptionActiveChanged', onChange);
  };
}

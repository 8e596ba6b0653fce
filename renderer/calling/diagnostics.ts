/**
 * Features.UserFacingDiagnostics → plain-language banners. A diagnostic is active while its flag
 * is true or its quality is Poor (2) or Bad (3); `networkReconnect` active means the call is
 * reconnecting (the SDK has no separate call state for it).
 */
import { diagnosticStrings } from '../strings';
import type { CallDiagnostic } from './model';
import type { SdkUserFacingDiagnostics } from './sdk-surface';

type DiagnosticName = keyof typeof diagnosticStrings;
type DiagnosticValue = { value: number | boolean } | undefined;

export interface DiagnosticsSnapshot {
  diagnostics: CallDiagnostic[];
  reconnecting: boolean;
}

function areaOf(name: DiagnosticName): CallDiagnostic['area'] {
  if (name.startsWith('network') || name === 'noNetwork') return 'network';
  if (name === 'noSpeakerDevicesEnumerated') return 'speaker';
  if (name.startsWith('camera') || name.startsWith('capturer') || name.startsWith('screenshare')) return 'camera';
  return 'microphone';
}

function isActive(entry: DiagnosticValue): boolean {
  if (!entry) return false;
  return entry.value === true || (typeof entry.value === 'number' && entry.value >= 2);
}

export function snapshotDiagnostics(feature: SdkUserFacingDiagnostics): DiagnosticsSnapshot {
  const latest: Record<string, DiagnosticValue> = { ...feature.network.getLatest(), ...feature.media.getLatest() };
  const diagnostics: CallDiagnostic[] = [];
  for (const name of Object.keys(diagnosticStrings) as DiagnosticName[]) {
    if (isActive(latest[name])) diagnostics.push({ id: name, area: areaOf(name), message: diagnosticStrings[name] });
  }
  return { diagnostics, reconnecting: isActive(latest.networkReconnect) };
}

/** Calls `onChange` whenever a network or media diagnostic changes; returns the unsubscribe. */
export function watchDiagnostics(feature: SdkUserFacingDiagnostics, onChange: () => void): () => void {
  const listener = () => onChange();
  feature.network.on('diagnosticChanged', listener);
  feature.media.on('diagnosticChanged', listener);
  return () => {
    feature.network.off('diagnosticChanged', listener);
    feature.media.off('diagnosticChanged', listener);
  };
}

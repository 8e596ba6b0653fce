/**
 * `Features.Capabilities` and `call.role` → what the call screen offers a host: end the call for
 * everyone, mute others, remove people, manage the lobby. The service decides per call and per
 * role (a Teams organiser may, an attendee may not; a Rooms presenter may, a consumer may not), so
 * a control is offered only while its capability is present. Until the service has resolved a
 * capability (`NotInitialized`), or where this SDK build does not report one, the meeting role
 * decides: an organiser, co-organiser or presenter is a host.
 */
import type { HostControls } from './model';
import type { SdkCall, SdkCapabilities } from './sdk-surface';

type CapabilityName = keyof SdkCapabilities['capabilities'];

const HOST_ROLES: ReadonlySet<SdkCall['role']> = new Set(['Organizer', 'Co-organizer', 'Presenter']);
/** Reasons that mean the service has not decided yet (or this build cannot say), not a refusal. */
export const UNRESOLVED = new Set(['NotInitialized', 'FeatureNotSupported']);

export const noHostControls: HostControls = {
  endForEveryone: false,
  muteOthers: false,
  removeParticipants: false,
  manageLobby: false,
};

/**
 * Whether a capability is granted: present → yes; refused by the service → no; not resolved yet
 * (or not reported by this SDK build) → `fallback`, the caller's best guess for the call.
 */
export function capabilityAllows(feature: SdkCapabilities, name: CapabilityName, fallback: boolean): boolean {
  const capability = feature.capabilities[name] as SdkCapabilities['capabilities'][CapabilityName] | undefined;
  if (capability?.isPresent) return true;
  return (!capability || UNRESOLVED.has(capability.reason)) && fallback;
}

/** An organiser, co-organiser or presenter: who may run a meeting where the service has not said. */
export function isHostRole(role: SdkCall['role']): boolean {
  return HOST_ROLES.has(role);
}

function allows(feature: SdkCapabilities, role: SdkCall['role'], name: CapabilityName): boolean {
  return capabilityAllows(feature, name, isHostRole(role));
}

export function snapshotHostControls(feature: SdkCapabilities, role: SdkCall['role']): HostControls {
  return {
    endForEveryone: allows(feature, role, 'hangUpForEveryOne'),
    muteOthers: allows(feature, role, 'muteOthers'),
    removeParticipants: allows(feature, role, 'removeParticipant'),
    manageLobby: allows(feature, role, 'manageLobby'),
  };
}

/** Calls `onChange` whenever a capability changes (the role's own event is the call's `roleChanged`). */
export function watchHostControls(feature: SdkCapabilities, onChange: () => void): () => void {
  const listener = () => onChange();
  feature.on('capabilitiesChanged', listener);
  return () => feature.off('capabilitiesChanged', listener);
}

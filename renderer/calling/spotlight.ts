/**
 * `Features.Spotlight` → the call's `SpotlightView`: who is spotlighted for everyone (in the
 * service's order), how many may be, and whether I may change it. Anyone sees spotlights; the
 * capabilities `spotlightParticipant` and `removeParticipantsSpotlight` decide who may start and
 * end them. Until the service has resolved those, a Teams meeting or room leaves it to the role
 * (organiser, co-organiser, presenter) and an ACS group call to anyone, as ACS documents.
 * Ending my own spotlight needs no capability.
 */
import { callActionStrings, spotlightStrings } from '../strings';
import { capabilityAllows, isHostRole } from './host-controls';
import type { CallingActions, CallTarget, SpotlightView } from './model';
import { isGroupCall } from './reactions';
import type { CommunicationIdentifier, SdkCall, SdkCapabilities, SdkSpotlight } from './sdk-surface';

/** What ACS allows when the SDK does not say (its documented maximum). */
export const DEFAULT_MAX_SPOTLIGHTS = 7;

export const noSpotlight: SpotlightView = {
  spotlightedIds: [],
  max: DEFAULT_MAX_SPOTLIGHTS,
  canSpotlight: false,
  canRemove: false,
};

export function snapshotSpotlight(
  feature: SdkSpotlight,
  capabilities: SdkCapabilities,
  role: SdkCall['role'],
  target: CallTarget | null,
  rawId: (identifier: CommunicationIdentifier) => string,
): SpotlightView {
  const ordered = [...feature.getSpotlightedParticipants()].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER),
  );
  const fallback = target?.kind === 'group' || isHostRole(role);
  // Like reactions, spotlight belongs to calls of several people, not a 1:1 or phone call.
  const offered = isGroupCall(target);
  return {
    spotlightedIds: ordered.map((p) => rawId(p.identifier)),
    max: feature.maxParticipantsToSpotlight || DEFAULT_MAX_SPOTLIGHTS,
    canSpotlight: offered && capabilityAllows(capabilities, 'spotlightParticipant', fallback),
    canRemove: offered && capabilityAllows(capabilities, 'removeParticipantsSpotlight', fallback),
  };
}

/** The part of a tracked call the spotlight actions need (call-tracker.ts's CallTracker). */
export interface SpotlightCall {
  readonly spotlight: SdkSpotlight;
  readonly myId: string;
  getView(): { readonly spotlight: SpotlightView };
  findParticipant(participantId: string): { readonly identifier: CommunicationIdentifier } | undefined;
}

type SpotlightActions = Pick<CallingActions, 'startSpotlight' | 'stopSpotlight' | 'stopAllSpotlights'>;

/**
 * The store's spotlight intents. Each refuses in words, before asking the service, what the
 * service would refuse: no capability, or as many spotlights as the call can take already.
 */
export function spotlightActions(requireCall: () => SpotlightCall): SpotlightActions {
  const identifierOf = (call: SpotlightCall, participantId: string) => {
    const participant = call.findParticipant(participantId);
    if (!participant) throw new Error(callActionStrings.participantGone);
    return participant.identifier;
  };
  return {
    async startSpotlight(participantId) {
      const call = requireCall();
      const view = call.getView().spotlight;
      if (!view.canSpotlight) throw new Error(spotlightStrings.notAllowed);
      const id = participantId ?? call.myId;
      if (!view.spotlightedIds.includes(id) && view.spotlightedIds.length >= view.max) {
        throw new Error(spotlightStrings.full(view.max));
      }
      // No participants: the SDK spotlights the local user.
      await (participantId
        ? call.spotlight.startSpotlight([identifierOf(call, participantId)])
        : call.spotlight.startSpotlight());
    },
    async stopSpotlight(participantId) {
      const call = requireCall();
      if (!participantId || participantId === call.myId) {
        await call.spotlight.stopSpotlight();
        return;
      }
      if (!call.getView().spotlight.canRemove) throw new Error(spotlightStrings.notAllowed);
      await call.spotlight.stopSpotlight([identifierOf(call, participantId)]);
    },
    async stopAllSpotlights() {
      const call = requireCall();
      if (!call.getView().spotlight.canRemove) throw new Error(spotlightStrings.notAllowed);
      await call.spotlight.stopAllSpotlight();
    },
  };
}

/** Calls `onChange` whenever the spotlighted people change. */
export function watchSpotlight(feature: SdkSpotlight, onChange: () => void): () => void {
  const listener = () => onChange();
  feature.on('spotlightChanged', listener);
  return () => feature.off('spotlightChanged', listener);
}

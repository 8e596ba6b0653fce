/**
 * `Features.Reaction` → the call's `ReactionsView`: sending one, and the reactions people send,
 * each shown on the sender's tile for REACTION_SHOWN_MS and then gone. One per person: a second
 * reaction replaces the first and starts the time again. ACS offers reactions in group calls,
 * rooms and Teams meetings, not in 1:1 calls (its documentation); in a Teams meeting the
 * meeting's policy decides, which the service reports as the `useReactions` capability.
 *
 * My own reaction is shown as soon as the service has taken it (sendReaction resolved); an echo
 * of it in the `reaction` event is ignored, so it never shows twice whether or not one comes.
 */
import { inCallStrings, reactionStrings } from '../strings';
import { remoteDisplayName } from './display-name';
import { capabilityAllows } from './host-controls';
import type { CallTarget, ReactionKind, ReactionsView, ShownReaction } from './model';
import { preJoinKindFor } from './pre-join';
import type { CommunicationIdentifier, SdkCapabilities, SdkReaction, SdkRemoteParticipant } from './sdk-surface';

/** Long enough to notice and read a name, short enough not to linger over the video. */
export const REACTION_SHOWN_MS = 4_000;
export const REACTION_KINDS: readonly ReactionKind[] = ['like', 'heart', 'laugh', 'surprised', 'applause'];

/** A group call, room or Teams meeting: the calls ACS offers reactions (and spotlight) in. */
export function isGroupCall(target: CallTarget | null): boolean {
  return target !== null && preJoinKindFor(target, false) === 'meeting';
}

function isReactionKind(value: unknown): value is ReactionKind {
  return REACTION_KINDS.includes(value as ReactionKind);
}

export interface ReactionsTrackerOptions {
  feature: SdkReaction;
  capabilities: SdkCapabilities;
  /** Whether the kind of call has reactions at all (a group call, room or Teams meeting). */
  offered: boolean;
  rawId(identifier: CommunicationIdentifier): string;
  /** The signed-in user's raw id. */
  me: string;
  /** The call's participants now: the sender's name comes from here. */
  participants(): ReadonlyArray<SdkRemoteParticipant>;
  onChange(): void;
}

type ReactionEvent = Parameters<Parameters<SdkReaction['on']>[1]>[0];

export class ReactionsTracker {
  private shown: ShownReaction[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private nextId = 0;
  private disposed = false;

  constructor(private readonly options: ReactionsTrackerOptions) {
    options.feature.on('reaction', this.onReaction);
  }

  snapshot(): ReactionsView {
    return {
      offered: this.options.offered,
      allowed: this.options.offered && capabilityAllows(this.options.capabilities, 'useReactions', true),
      shown: this.shown,
    };
  }

  /** Sends a reaction; rejects in words where the call has none or the meeting refuses them. */
  async send(reaction: ReactionKind): Promise<void> {
    const view = this.snapshot();
    if (!view.offered) throw new Error(reactionStrings.notOffered);
    if (!view.allowed) throw new Error(reactionStrings.notAllowed);
    await this.options.feature.sendReaction({ reactionType: reaction });
    this.show(this.options.me, inCallStrings.you, reaction);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.options.feature.off('reaction', this.onReaction);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.shown = [];
  }

  private readonly onReaction = (event: ReactionEvent) => {
    const reaction = event.reactionMessage.reactionType;
    // A reaction type newer than this build knows has no badge to show: it is left out.
    if (!isReactionKind(reaction)) return;
    const id = this.options.rawId(event.identifier);
    if (id === this.options.me) return;
    const sender = this.options.participants().find((p) => this.options.rawId(p.identifier) === id);
    this.show(id, remoteDisplayName(sender?.displayName, id), reaction);
  };

  private show(participantId: string, senderName: string, reaction: ReactionKind): void {
    if (this.disposed) return;
    const fromMe = participantId === this.options.me;
    const entry: ShownReaction = { id: `reaction-${this.nextId++}`, participantId, senderName, fromMe, reaction };
    this.shown = [...this.shown.filter((r) => r.participantId !== participantId), entry];
    clearTimeout(this.timers.get(participantId));
    this.timers.set(
      participantId,
      setTimeout(() => {
        this.timers.delete(participantId);
        this.shown = this.shown.filter((r) => r.id !== entry.id);
        this.options.onChange();
      }, REACTION_SHOWN_MS),
    );
    this.options.onChange();
  }
}

/**
 * `Features.Transfer`, both sides of it. Sending: `transfer()` hands back a `Transfer` whose
 * `stateChanged` goes None → Transferring → Transferred (the service then ends my part of the
 * call) or Failed (with a SIP-like `error`); the tracker turns that into `CallView.transfer`, in
 * words. Receiving: `transferAccepted` carries the call the other side transferred me into; the
 * store adopts it in place of this one (calling-store.ts), so the old call's end is never shown;
 * the new call's view carries the old one as it stood, for recents.
 * ACS transfers calls between two people only: a call with one ACS user or one phone number.
 */
import type { CommunicationIdentifier } from '@azure/communication-common';
import { transferStrings } from '../strings';
import { callbackTargetFromRawId } from './callback-target';
import type { CallEndReason, CallView, FinishedCall, TransferView } from './model';
import type { SdkCall, SdkTransfer, SdkTransferFeature } from './sdk-surface';

/** A person or number (`targetParticipant`), or a call I am in with them (`targetCallId`, a consult transfer). */
export type TransferLocator = { targetParticipant: CommunicationIdentifier } | { targetCallId: string };

const TRANSFERABLE_STATUSES: ReadonlySet<CallView['status']> = new Set(['connected', 'on-hold', 'remote-hold']);

/** Why this call offers no transfer, in words; null when it does. */
export function transferUnavailable(
  view: Pick<CallView, 'target' | 'status' | 'participants'>,
  hasFeature: boolean,
): string | null {
  if (!hasFeature) return transferStrings.unavailable.unsupported;
  const kind = view.target?.kind;
  if ((kind && kind !== 'acs-user' && kind !== 'phone') || view.participants.length > 1) {
    return transferStrings.unavailable.group;
  }
  if (!kind) return transferStrings.unavailable.unsupported;
  if (!TRANSFERABLE_STATUSES.has(view.status)) return transferStrings.unavailable.notConnected;
  return null;
}

/** A failed transfer's error code in words (SIP semantics, as the call end reasons). */
export function describeTransferFailure(error: { code: number; subCode?: number } | undefined): string {
  const code = error?.code ?? 0;
  const { failures } = transferStrings;
  if (code === 486 || code === 600) return failures.busy;
  if (code === 603) return failures.declined;
  if (code === 408 || code === 487) return failures.noAnswer;
  if (code === 404 || code === 604) return failures.notFound;
  if (code === 401 || code === 403) return failures.forbidden;
  if (code === 480) return failures.unavailable;
  return failures.other(code, error?.subCode ?? 0);
}

/** The sender's end message once the transfer went through: "Transferred to …", not "You ended the call". */
export function transferEndReason(transfer: TransferView, reason: CallEndReason): CallEndReason {
  return transfer.status === 'transferred' && transfer.targetName
    ? { ...reason, message: transferStrings.transferred(transfer.targetName) }
    : reason;
}

export interface TransferTrackerOptions {
  feature: SdkTransferFeature | null;
  /** This call is the one the other side transferred me into, out of that call (the notice says so). */
  transferredFrom: FinishedCall | null;
  onChange(): void;
  /** The other side transferred this call: `targetCall` replaces it. */
  onAccepted(targetCall: SdkCall): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TransferTracker {
  private status: TransferView['status'] = 'idle';
  private targetName: string | null = null;
  private problem: string | null = null;
  private following: SdkTransfer | null = null;
  private disposed = false;

  constructor(private readonly options: TransferTrackerOptions) {
    options.feature?.on('transferAccepted', this.onAccepted);
  }

  get hasFeature(): boolean {
    return this.options.feature !== null;
  }

  snapshot(view: Pick<CallView, 'target' | 'status' | 'participants'>): TransferView {
    return {
      status: this.status,
      targetName: this.targetName,
      problem: this.problem,
      unavailable:
        this.status === 'transferring'
          ? transferStrings.unavailable.busy
          : transferUnavailable(view, this.options.feature !== null),
      transferredFrom: this.options.transferredFrom,
    };
  }

  /**
   * Asks the service to transfer the call; progress and the outcome arrive through
   * `stateChanged`. A refusal before anything is sent (the SDK throws) lands in `problem`.
   */
  start(locator: TransferLocator, targetName: string): void {
    const feature = this.options.feature;
    if (!feature) throw new Error(transferStrings.unavailable.unsupported);
    if (this.status === 'transferring') throw new Error(transferStrings.unavailable.busy);
    this.unfollow();
    this.targetName = targetName;
    this.problem = null;
    this.status = 'transferring';
    try {
      const transfer =
        'targetCallId' in locator
          ? feature.transfer({ targetCallId: locator.targetCallId })
          : feature.transfer({ targetParticipant: locator.targetParticipant });
      this.following = transfer;
      transfer.on('stateChanged', this.onState);
      this.onState();
    } catch (error) {
      this.status = 'failed';
      this.problem = transferStrings.refused(messageOf(error));
      this.options.onChange();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.options.feature?.off('transferAccepted', this.onAccepted);
    this.unfollow();
  }

  private readonly onState = () => {
    const transfer = this.following;
    if (!transfer) return;
    if (transfer.state === 'Transferred') {
      this.status = 'transferred';
      this.unfollow();
    } else if (transfer.state === 'Failed') {
      this.status = 'failed';
      this.problem = transferStrings.failed(this.targetName ?? '', describeTransferFailure(transfer.error));
      this.unfollow();
    } else {
      this.status = 'transferring';
    }
    this.options.onChange();
  };

  private readonly onAccepted = ({ targetCall }: { targetCall: SdkCall }) => this.options.onAccepted(targetCall);

  private unfollow(): void {
    this.following?.off('stateChanged', this.onState);
    this.following = null;
  }
}

/** Who a call I was transferred into is with, to call them back from recents; null until known. */
export function transferTargetOf(call: SdkCall, rawId: (identifier: CommunicationIdentifier) => string) {
  const other = call.remoteParticipants[0];
  return other ? callbackTargetFromRawId(rawId(other.identifier)) : null;
}

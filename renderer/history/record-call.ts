/**
 * Turns a finished call into a recents entry. The screens call it when a call ends (in-call
 * screen) or an incoming call is declined or missed (incoming screen).
 */
import type { CallOutcome, RecentCallInput } from '../../common/ipc/history';
import { callTargetDisplay, parseCallTarget } from '../calling/call-target';
import type { CallTarget, CallView, IncomingCallView } from '../calling/model';
import { windowHistoryClient } from './history-client';

/** An incoming caller id (`8:acs:…` or `+1425…`) as a target the user can call back, if it is one. */
export function callerAsTarget(callerId: string): CallTarget | null {
  const parsed = parseCallTarget(callerId);
  return parsed.status === 'valid' ? parsed.target : null;
}

export function recentFromEndedCall(call: CallView, endedAt: number): RecentCallInput | null {
  if (!call.target) return null;
  const connected = call.connectedAt !== null;
  const outcome: CallOutcome = connected ? 'completed' : call.direction === 'incoming' ? 'missed' : 'failed';
  const startedAt = call.connectedAt ?? endedAt;
  return {
    target: call.target,
    title: (call.title || callTargetDisplay(call.target)).slice(0, 256),
    direction: call.direction,
    video: call.isCameraOn || call.remoteVideos.length > 0,
    startedAt,
    durationSeconds: connected ? Math.max(0, Math.round((endedAt - startedAt) / 1000)) : 0,
    outcome,
  };
}

export function recentFromIncoming(
  incoming: IncomingCallView,
  outcome: 'missed' | 'declined',
  at: number,
): RecentCallInput | null {
  const target = callerAsTarget(incoming.callerId);
  if (!target) return null;
  return {
    target,
    title: (incoming.callerDisplayName || callTargetDisplay(target)).slice(0, 256),
    direction: 'incoming',
    video: false,
    startedAt: at,
    durationSeconds: 0,
    outcome,
  };
}

/** Best effort: a call must never fail because its history entry could not be written. */
export function recordRecent(entry: RecentCallInput | null): void {
  if (!entry) return;
  windowHistoryClient()
    .recordCall(entry)
    .catch(() => {});
}

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

/**
 * Callers of incoming calls we answered, by call id: the layer's CallView has no target for an
 * incoming call, but ACS keeps the incoming call's id for the call it becomes.
 */
const answeredCallers = new Map<string, string>();

export function rememberAnsweredCaller(incoming: IncomingCallView): void {
  answeredCallers.set(incoming.id, incoming.callerId);
  // Only the last few matter: calls end long before this could grow.
  if (answeredCallers.size > 20) answeredCallers.delete(answeredCallers.keys().next().value ?? '');
}

export function recentFromEndedCall(call: CallView, endedAt: number): RecentCallInput | null {
  const caller = answeredCallers.get(call.id);
  const target = call.target ?? (caller ? callerAsTarget(caller) : null);
  if (!target) return null;
  const connected = call.connectedAt !== null;
  const outcome: CallOutcome = connected ? 'completed' : call.direction === 'incoming' ? 'missed' : 'failed';
  const startedAt = call.connectedAt ?? endedAt;
  return {
    target,
    title: (call.title || callTargetDisplay(target)).slice(0, 256),
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

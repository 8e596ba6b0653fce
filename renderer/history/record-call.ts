/**
 * Turns a finished call into a recents entry. The screens call it when a call ends (in-call
 * screen) or an incoming call is declined or missed (incoming screen). Asynchronous because a
 * phone number is read and labelled with the phone-number library, loaded on demand (nothing is
 * awaited when no phone number is involved).
 */
import type { CallOutcome, RecentCallInput } from '../../common/ipc/history';
import { callTargetDisplay, parseCallTarget } from '../calling/call-target';
import type { CallTarget, CallView, IncomingCallView } from '../calling/model';
import { loadedPhoneNumbers, loadPhoneNumbers } from '../calling/phone-numbers-loader';
import type { HistoryClient } from './history-client';

/** An incoming caller id (`8:acs:…` or `+1425…`) as a target the user can call back, if it is one. */
export async function callerAsTarget(callerId: string): Promise<CallTarget | null> {
  let parsed = parseCallTarget(callerId, { phoneNumbers: loadedPhoneNumbers() });
  if (parsed.status === 'pending') parsed = parseCallTarget(callerId, { phoneNumbers: await loadPhoneNumbers() });
  return parsed.status === 'valid' ? parsed.target : null;
}

/** The entry's title when the call has none: a phone number formatted, as the call box shows it. */
async function titleOf(title: string, target: CallTarget): Promise<string> {
  if (title) return title;
  return callTargetDisplay(target, target.kind === 'phone' ? await loadPhoneNumbers() : null);
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

export async function recentFromEndedCall(call: CallView, endedAt: number): Promise<RecentCallInput | null> {
  const caller = answeredCallers.get(call.id);
  const target = call.target ?? (caller ? await callerAsTarget(caller) : null);
  if (!target) return null;
  const connected = call.connectedAt !== null;
  const outcome: CallOutcome = connected ? 'completed' : call.direction === 'incoming' ? 'missed' : 'failed';
  const startedAt = call.connectedAt ?? endedAt;
  return {
    target,
    title: (await titleOf(call.title, target)).slice(0, 256),
    direction: call.direction,
    video: call.isCameraOn || call.remoteVideos.length > 0,
    startedAt,
    durationSeconds: connected ? Math.max(0, Math.round((endedAt - startedAt) / 1000)) : 0,
    outcome,
  };
}

export async function recentFromIncoming(
  incoming: IncomingCallView,
  outcome: 'missed' | 'declined',
  at: number,
): Promise<RecentCallInput | null> {
  const target = await callerAsTarget(incoming.callerId);
  if (!target) return null;
  return {
    target,
    title: (await titleOf(incoming.callerDisplayName, target)).slice(0, 256),
    direction: 'incoming',
    video: false,
    startedAt: at,
    durationSeconds: 0,
    outcome,
  };
}

/** Best effort: a call must never fail because its history entry could not be written. */
export function recordRecent(
  history: HistoryClient,
  entry: RecentCallInput | null | Promise<RecentCallInput | null>,
): void {
  Promise.resolve(entry)
    .then((ready) => (ready ? history.recordCall(ready) : undefined))
    .catch(() => {});
}

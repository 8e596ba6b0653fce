/**
 * Turns a finished call into a recents entry. The screens call it when a call ends (in-call
 * screen) or an incoming call is declined or missed (incoming screen). Asynchronous because a
 * phone number is read and labelled with the phone-number library, loaded on demand (nothing is
 * awaited when no phone number is involved).
 *
 * An entry is titled with the company directory's name for the person when the directory knows
 * them: a caller's own display name is only what they chose, and the id is no name at all. A call
 * to several people keeps everyone rung (`others`) and the title it was placed with, which names
 * them ("Adele Vance, Lee Gu and 1 other").
 */
import type { CallOutcome, RecentCallInput } from '../../common/ipc/history';
import { MAX_PEOPLE_PER_CALL } from '../../common/ipc/history-limits';
import { callTargetDisplay, parseCallTarget } from '../calling/call-target';
import {
  type CallTarget,
  type CallView,
  type FinishedCall,
  finishedCall,
  type IncomingCallView,
} from '../calling/model';
import { loadedPhoneNumbers, loadPhoneNumbers } from '../calling/phone-numbers-loader';
import type { DirectoryClient } from '../directory/directory-client';
import type { HistoryClient } from './history-client';

/** An incoming caller id (`8:acs:…` or `+1425…`) as a target the user can call back, if it is one. */
export async function callerAsTarget(callerId: string): Promise<CallTarget | null> {
  let parsed = parseCallTarget(callerId, { phoneNumbers: loadedPhoneNumbers() });
  if (parsed.status === 'pending') parsed = parseCallTarget(callerId, { phoneNumbers: await loadPhoneNumbers() });
  return parsed.status === 'valid' ? parsed.target : null;
}

/** Who can say whose an id is: the window's directory client (renderer/directory). */
export type NameResolver = Pick<DirectoryClient, 'resolve'>;

/**
 * The name to keep for a target: the directory's name for the person when it knows them, else
 * `title` (what the call was headed, a caller's chosen name), else the target as the call box
 * shows it (a phone number formatted).
 */
export async function titleOf(title: string, target: CallTarget, names: NameResolver): Promise<string> {
  if (target.kind === 'acs-user') {
    const person = await names.resolve(target.communicationUserId);
    if (person?.displayName) return person.displayName.slice(0, 256);
  }
  if (title) return title.slice(0, 256);
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

export function recentFromEndedCall(
  call: CallView,
  endedAt: number,
  names: NameResolver,
): Promise<RecentCallInput | null> {
  return recentFromFinishedCall(finishedCall(call, endedAt), names);
}

/** Also the call I was transferred out of, as it stood at the hand-over (TransferView.transferredFrom). */
export async function recentFromFinishedCall(call: FinishedCall, names: NameResolver): Promise<RecentCallInput | null> {
  const { endedAt } = call;
  const caller = answeredCallers.get(call.id);
  const target = call.target ?? (caller ? await callerAsTarget(caller) : null);
  if (!target) return null;
  const connected = call.connectedAt !== null;
  const outcome: CallOutcome = connected ? 'completed' : call.direction === 'incoming' ? 'missed' : 'failed';
  const startedAt = call.connectedAt ?? endedAt;
  const others = call.others.slice(0, MAX_PEOPLE_PER_CALL - 1);
  return {
    target,
    ...(others.length > 0 ? { others } : {}),
    // Several people: the title they were rung under names them all; the first one's name would not.
    title: await titleOf(call.title, target, others.length > 0 ? NO_NAMES : names),
    direction: call.direction,
    video: call.video,
    startedAt,
    durationSeconds: connected ? Math.max(0, Math.round((endedAt - startedAt) / 1000)) : 0,
    outcome,
  };
}

/** Resolves nobody: the title is kept as given. */
const NO_NAMES: NameResolver = { resolve: async () => null };

export async function recentFromIncoming(
  incoming: IncomingCallView,
  outcome: 'missed' | 'declined',
  at: number,
  names: NameResolver,
): Promise<RecentCallInput | null> {
  const target = await callerAsTarget(incoming.callerId);
  if (!target) return null;
  return {
    target,
    title: await titleOf(incoming.callerDisplayName, target, names),
    direction: 'incoming',
    video: false,
    startedAt: at,
    durationSeconds: 0,
    outcome,
  };
}

/**
 * The call I was transferred out of, once: the new call carries it (the same object, made once
 * at the hand-over) for as long as it lasts, and the call screen may mount more than once meanwhile.
 */
const recordedHandOvers = new WeakSet<FinishedCall>();

export function recordTransferredFrom(history: HistoryClient, call: FinishedCall, names: NameResolver): void {
  if (recordedHandOvers.has(call)) return;
  recordedHandOvers.add(call);
  recordRecent(history, recentFromFinishedCall(call, names));
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

/**
 * `callEndReason` (code, subCode) → words. Codes follow SIP semantics (ACS "Troubleshooting call
 * end response codes"); code 0 is a normal end, so who hung up decides the sentence.
 */
import { endReasonStrings } from '../strings';
import type { CallEndReason } from './model';

export function describeEndReason(
  reason: { code: number; subCode?: number } | undefined,
  endedByMe: boolean,
): CallEndReason {
  const code = reason?.code ?? 0;
  const subCode = reason?.subCode ?? 0;
  return { code, subCode, message: endReasonMessage(code, subCode, endedByMe) };
}

function endReasonMessage(code: number, subCode: number, endedByMe: boolean): string {
  if (code === 0) return endedByMe ? endReasonStrings.youHungUp : endReasonStrings.remoteHungUp;
  if (code === 487) return endedByMe ? endReasonStrings.youHungUp : endReasonStrings.cancelled;
  if (code === 603) return endReasonStrings.declined;
  if (code === 486) return endReasonStrings.busy;
  if (code === 480) return endReasonStrings.unavailable;
  if (code === 408) return endReasonStrings.noAnswer;
  if (code === 404 || code === 604) return endReasonStrings.notFound;
  if (code === 401 || code === 403) return endReasonStrings.forbidden;
  if (code === 410) return endReasonStrings.mediaLost;
  // 490, 491, 496, 497, 498: the client could not reach the service (offline: 490/4525).
  if (code >= 490 && code <= 499) return endReasonStrings.network;
  if (code >= 500 && code <= 599) return endReasonStrings.service;
  return endReasonStrings.unknown(code, subCode);
}

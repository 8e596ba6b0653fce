/**
 * An incoming call's OS notification answers for its ringing card: Accept and Decline (Windows
 * toasts, macOS) press the card's own buttons, so the notification takes exactly the path the
 * window does (hold-and-accept during a call, recents, missed-call bookkeeping); a click on the
 * notification (`show`) brings the card into focus.
 */
import { useEffect, useRef } from 'react';
import type { IncomingCallAction } from '../../common/ipc/desktop';
import { useBridge } from '../bridge/bridge-context';

export type NotificationAnswers = Readonly<Record<IncomingCallAction['action'], () => void>>;

export function useNotificationAnswers(callId: string, answers: NotificationAnswers): void {
  const { desktop } = useBridge();
  // The card's handlers change every render; the subscription should not.
  const latest = useRef(answers);
  latest.current = answers;
  useEffect(
    () =>
      desktop.onIncomingCallAction((event) => {
        if (event.callId === callId) latest.current[event.action]();
      }),
    [desktop, callId],
  );
}

/**
 * The stage's view (gallery or speaker), remembered across calls and restarts, and the person
 * pinned in this call (forgotten when the call changes).
 */
import { useCallback, useState } from 'react';
import type { StageView } from './video-layout';

export const STAGE_VIEW_KEY = 'switchboard.stage-view.v1';

function readView(): StageView {
  try {
    return globalThis.localStorage?.getItem(STAGE_VIEW_KEY) === 'speaker' ? 'speaker' : 'gallery';
  } catch {
    return 'gallery'; // storage disabled: the default view
  }
}

export function useStageView(): [StageView, (view: StageView) => void] {
  const [view, setView] = useState(readView);
  const choose = useCallback((next: StageView) => {
    setView(next);
    try {
      globalThis.localStorage?.setItem(STAGE_VIEW_KEY, next);
    } catch {
      // Storage full or disabled: the choice holds for this run only.
    }
  }, []);
  return [view, choose];
}

/** The pinned participant of `callId`; a new call starts with nobody pinned. */
export function usePin(callId: string): [string | null, (participantId: string | null) => void] {
  const [pin, setPin] = useState<{ callId: string; participantId: string } | null>(null);
  const pinnedId = pin?.callId === callId ? pin.participantId : null;
  const choose = useCallback(
    (participantId: string | null) => setPin(participantId ? { callId, participantId } : null),
    [callId],
  );
  return [pinnedId, choose];
}

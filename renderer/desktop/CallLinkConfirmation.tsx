/**
 * Every call link is shown to the user before anything is dialed. Main queued and checked the
 * link's envelope; this component takes the queue (at mount and whenever main announces a link)
 * and shows the links one at a time. The dialog itself — with the call box's parser and its phone
 * metadata — loads only when a link is there, so it costs the window nothing until then.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { PendingCallLink } from '../../common/ipc/desktop';
import type { DesktopBridge } from '../bridge';

const CallLinkDialog = lazy(() => import('./CallLinkDialog').then((m) => ({ default: m.CallLinkDialog })));

export function CallLinkConfirmation({ desktop }: { desktop: DesktopBridge }) {
  const [queue, setQueue] = useState<PendingCallLink[]>([]);

  const takeLinks = useCallback(() => {
    desktop.takeCallLinks().then(
      (links) => {
        if (links.length > 0) setQueue((current) => [...current, ...links]);
      },
      () => {},
    );
  }, [desktop]);

  useEffect(() => {
    // Subscribe first, then take what queued up before this window was listening: nothing is lost.
    const unsubscribe = desktop.onCallLinksPending(takeLinks);
    takeLinks();
    return unsubscribe;
  }, [desktop, takeLinks]);

  const link = queue[0];
  if (!link) return null;
  return (
    <Suspense fallback={null}>
      <CallLinkDialog
        key={link.id}
        link={link}
        waiting={queue.length - 1}
        onDone={() => setQueue((current) => current.slice(1))}
      />
    </Suspense>
  );
}

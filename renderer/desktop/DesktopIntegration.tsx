/**
 * The renderer side of desktop integration, mounted once by the app frame inside the Fluent
 * provider and the calling store's provider: reports call state to main (tray, notifications,
 * power-save, quit and update decisions), hangs up when main asks, confirms call links, picks
 * screen-share sources, and shows the update and OS media-access banners. The always-mounted part
 * holds state only; every view loads lazily when it first has something to show.
 */

import { useBridge } from '../bridge/bridge-context';
import { CallLinkConfirmation } from './CallLinkConfirmation';
import {
  MediaAccessWatcher,
  ScreenShareRequests,
  UpdateOffer,
  useCallStateReporter,
  useHangUpOnRequest,
} from './desktop-watchers';

export function DesktopIntegration() {
  const { desktop } = useBridge();
  useCallStateReporter(desktop);
  useHangUpOnRequest(desktop);
  return (
    <div data-testid="desktop-integration" style={{ display: 'grid', gap: '8px' }}>
      <UpdateOffer desktop={desktop} />
      <MediaAccessWatcher desktop={desktop} />
      <CallLinkConfirmation desktop={desktop} />
      <ScreenShareRequests desktop={desktop} />
    </div>
  );
}

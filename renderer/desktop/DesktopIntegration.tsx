/**
 * The renderer side of desktop integration, mounted once by the app frame (inside the calling
 * store's provider): reports call state to main (tray, notifications, power-save, quit and update
 * decisions), confirms call links, picks screen-share sources, and shows the update and OS
 * media-access banners. Outside Switchboard's window (no `window.switchboard.desktop`) it renders nothing.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useCallingActions, useCallingState } from '../calling/model';
import { CallLinkConfirmation } from './CallLinkConfirmation';
import { desktopCallState, reportKey } from './call-state-report';
import { MediaAccessNotice, UpdateBanner } from './DesktopBanners';
import { type DesktopBridge, desktopBridgeFromWindow } from './desktop-bridge';
import { ScreenSharePicker } from './ScreenSharePicker';

const useStyles = makeStyles({ banners: { display: 'grid', gap: tokens.spacingVerticalS } });

/** `bridge` is for tests; the app passes nothing and the window's bridge is used. */
export function DesktopIntegration({ bridge }: { bridge?: DesktopBridge | null } = {}) {
  const desktop = bridge === undefined ? desktopBridgeFromWindow() : bridge;
  if (!desktop) return null;
  return <DesktopIntegrationFor desktop={desktop} />;
}

function DesktopIntegrationFor({ desktop }: { desktop: DesktopBridge }) {
  const styles = useStyles();
  useCallStateReporter(desktop);
  useHangUpOnRequest(desktop);
  return (
    <div className={styles.banners} data-testid="desktop-integration">
      <UpdateBanner desktop={desktop} />
      <MediaAccessNotice desktop={desktop} />
      <CallLinkConfirmation desktop={desktop} />
      <ScreenSharePicker desktop={desktop} />
    </div>
  );
}

/** Sends main the call state whenever what main cares about changes (and once at mount). */
function useCallStateReporter(desktop: DesktopBridge): void {
  // A string selector: useSyncExternalStore compares by value, so unrelated changes re-render nothing.
  const key = useCallingState((state) => reportKey(desktopCallState(state)));
  useEffect(() => {
    desktop.reportCallState(JSON.parse(key));
  }, [desktop, key]);
}

/** Main asks for a clean hang-up when the user confirmed quitting, closing or signing out during a call. */
function useHangUpOnRequest(desktop: DesktopBridge): void {
  const actions = useCallingActions();
  useEffect(() => desktop.onHangUpRequest(() => void actions.hangUp().catch(() => {})), [desktop, actions]);
}

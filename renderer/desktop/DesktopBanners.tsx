/**
 * Two desktop banners: "restart to update" (only when an update is downloaded and no call is
 * active — main decides, and refuses a restart during a call anyway), and "your system blocks the
 * camera/microphone" with a button to the right OS settings pane, shown when the calling layer's
 * permission request was denied and main confirms the OS is the reason.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MediaKind, UpdateState } from '../../common/ipc/desktop';
import { useCallingState } from '../calling/model';
import type { DesktopBridge } from './desktop-bridge';
import { mediaAccessStrings, updateStrings } from './desktop-strings';

export function UpdateBanner({ desktop }: { desktop: DesktopBridge }) {
  const [state, setState] = useState<UpdateState | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const unsubscribe = desktop.onUpdateState((next) => setState(next));
    desktop.getUpdateState().then(
      (initial) => {
        if (live) setState((current) => current ?? initial);
      },
      () => {},
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [desktop]);

  if (state?.status !== 'ready' || !state.canRestartNow) return null;
  const restart = async () => {
    const result = await desktop
      .restartToUpdate()
      .catch((error: Error) => ({ ok: false as const, message: error.message }));
    setRefusal(result.ok ? null : updateStrings.refused(result.message));
  };
  return (
    <MessageBar intent={refusal ? 'warning' : 'info'} data-testid="update-banner">
      <MessageBarBody>{refusal ?? updateStrings.ready(state.version)}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void restart()}>
          {updateStrings.restart}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function MediaAccessNotice({ desktop }: { desktop: DesktopBridge }) {
  const audioDenied = useCallingState((state) => state.devices.audioPermission === 'denied');
  const videoDenied = useCallingState((state) => state.devices.videoPermission === 'denied');
  const [blocked, setBlocked] = useState<MediaKind[]>([]);

  useEffect(() => {
    if (!audioDenied && !videoDenied) {
      setBlocked([]);
      return;
    }
    let live = true;
    // Chromium only says "denied"; main knows whether the OS (macOS TCC, Windows privacy) is why.
    desktop.ensureMediaAccess({ camera: videoDenied, microphone: audioDenied }).then(
      (report) => {
        if (!live || !report.canOpenSettings) return;
        const osBlocked = (status: string) => status === 'denied' || status === 'restricted';
        setBlocked([
          ...(audioDenied && osBlocked(report.microphone) ? (['microphone'] as const) : []),
          ...(videoDenied && osBlocked(report.camera) ? (['camera'] as const) : []),
        ]);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [desktop, audioDenied, videoDenied]);

  return (
    <>
      {blocked.map((kind) => (
        <MessageBar key={kind} intent="warning" layout="multiline" data-testid={`media-blocked-${kind}`}>
          <MessageBarBody>
            {mediaAccessStrings.blocked[kind]} {mediaAccessStrings.howTo}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void desktop.openPrivacySettings(kind).catch(() => {})}>
              {mediaAccessStrings.openSettings[kind]}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}

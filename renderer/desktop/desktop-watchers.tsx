/**
 * The always-mounted half of the desktop pieces: subscriptions and state only, no Fluent UI. Each
 * view (picker, banners, dialog) is a lazy chunk loaded the first time it has something to show,
 * so desktop integration adds almost nothing to what the window loads up front.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { MediaKind, ScreenSharePickRequest, UpdateState } from '../../common/ipc/desktop';
import type { DesktopBridge } from '../bridge';
import { useCallingActions, useCallingState } from '../calling/model';
import { desktopCallState, reportKey } from './call-state-report';

const ScreenSharePicker = lazy(() => import('./ScreenSharePicker').then((m) => ({ default: m.ScreenSharePicker })));
const UpdateBanner = lazy(() => import('./DesktopBanners').then((m) => ({ default: m.UpdateBanner })));
const MediaBlockedBanner = lazy(() => import('./DesktopBanners').then((m) => ({ default: m.MediaBlockedBanner })));

/** Sends main the call state whenever what main cares about changes (and once at mount). */
export function useCallStateReporter(desktop: DesktopBridge): void {
  // A string selector: useSyncExternalStore compares by value, so unrelated changes re-render nothing.
  const key = useCallingState((state) => reportKey(desktopCallState(state)));
  useEffect(() => {
    desktop.reportCallState(JSON.parse(key));
  }, [desktop, key]);
}

/** Main asks for a clean hang-up when the user confirmed quitting, closing or signing out during a call. */
export function useHangUpOnRequest(desktop: DesktopBridge): void {
  const actions = useCallingActions();
  useEffect(() => desktop.onHangUpRequest(() => void actions.hangUp().catch(() => {})), [desktop, actions]);
}

export function ScreenShareRequests({ desktop }: { desktop: DesktopBridge }) {
  const [request, setRequest] = useState<ScreenSharePickRequest | null>(null);
  useEffect(() => desktop.onScreenSharePick(setRequest), [desktop]);
  if (!request) return null;
  const answer = (sourceId: string | null) => {
    setRequest(null);
    void desktop.chooseScreenShareSource({ requestId: request.requestId, sourceId }).catch(() => {});
  };
  return (
    <Suspense fallback={null}>
      <ScreenSharePicker
        key={request.requestId}
        request={request}
        onAnswer={answer}
        onOpenSettings={() => void desktop.openPrivacySettings('screen-recording').catch(() => {})}
      />
    </Suspense>
  );
}

export function UpdateOffer({ desktop }: { desktop: DesktopBridge }) {
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

  // Offered only when main says a restart is possible now (never during a call).
  if (state?.status !== 'ready' || !state.canRestartNow) return null;
  const restart = async () => {
    const result = await desktop
      .restartToUpdate()
      .catch((error: Error) => ({ ok: false as const, message: error.message }));
    setRefusal(result.ok ? null : result.message);
  };
  return (
    <Suspense fallback={null}>
      <UpdateBanner version={state.version} refusal={refusal} onRestart={() => void restart()} />
    </Suspense>
  );
}

export function MediaAccessWatcher({ desktop }: { desktop: DesktopBridge }) {
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

  if (blocked.length === 0) return null;
  return (
    <Suspense fallback={null}>
      {blocked.map((kind) => (
        <MediaBlockedBanner
          key={kind}
          kind={kind}
          onOpenSettings={() => void desktop.openPrivacySettings(kind).catch(() => {})}
        />
      ))}
    </Suspense>
  );
}

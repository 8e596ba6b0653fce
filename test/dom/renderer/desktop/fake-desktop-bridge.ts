/**
 * A `window.switchboard.desktop` for the desktop components' tests: records what the renderer
 * sends and lets the test play main's part (queue links, ask for a screen-share source, publish
 * update states, answer media-access questions).
 */
import { vi } from 'vitest';
import type {
  DesktopCallState,
  DesktopSettings,
  IncomingCallAction,
  MediaAccessReport,
  PendingCallLink,
  ScreenSharePickRequest,
  UpdateState,
} from '../../../../common/ipc/desktop';
import type { DesktopBridge } from '../../../../renderer/bridge';

export function createFakeDesktopBridge() {
  const listeners = {
    links: new Set<(payload: { count: number }) => void>(),
    pick: new Set<(payload: ScreenSharePickRequest) => void>(),
    update: new Set<(payload: UpdateState) => void>(),
    hangUp: new Set<(payload: { reason: 'quit' | 'close-window' | 'sign-out' }) => void>(),
    notificationAnswer: new Set<(payload: IncomingCallAction) => void>(),
  };
  const subscribe =
    <T>(set: Set<(payload: T) => void>) =>
    (listener: (payload: T) => void) => {
      set.add(listener);
      return () => set.delete(listener);
    };
  const state = {
    pendingLinks: [] as PendingCallLink[],
    reports: [] as DesktopCallState[],
    updateState: { status: 'idle' } as UpdateState,
    mediaReport: { camera: 'granted', microphone: 'granted', canOpenSettings: true } as MediaAccessReport,
    restartResult: { ok: true } as { ok: true } | { ok: false; code: string; message: string },
  };
  const bridge = {
    reportCallState: vi.fn((report: DesktopCallState) => {
      state.reports.push(report);
    }),
    takeCallLinks: vi.fn(async () => state.pendingLinks.splice(0)),
    onCallLinksPending: subscribe(listeners.links),
    getCallLinkSettings: vi.fn(async () => ({ tel: false, callto: false, keepRunningInTray: true })),
    setCallLinkSettings: vi.fn(async (settings: DesktopSettings) => settings),
    onScreenSharePick: subscribe(listeners.pick),
    chooseScreenShareSource: vi.fn(async () => ({ ok: true as const })),
    ensureMediaAccess: vi.fn(async () => state.mediaReport),
    openPrivacySettings: vi.fn(async () => ({ ok: true as const })),
    getUpdateState: vi.fn(async () => state.updateState),
    onUpdateState: subscribe(listeners.update),
    onHangUpRequest: subscribe(listeners.hangUp),
    onIncomingCallAction: subscribe(listeners.notificationAnswer),
    restartToUpdate: vi.fn(async () => state.restartResult),
  } satisfies DesktopBridge;

  let linkId = 0;
  return {
    bridge,
    state,
    /** Main received a link: queue it and announce it (as the inbox does). */
    sendLink(target: string, source: PendingCallLink['source'] = 'switchboard') {
      state.pendingLinks.push({ id: `link-${++linkId}`, source, target, receivedAt: Date.now() });
      for (const listener of listeners.links) listener({ count: state.pendingLinks.length });
    },
    askForScreen(request: ScreenSharePickRequest) {
      for (const listener of listeners.pick) listener(request);
    },
    requestHangUp(reason: 'quit' | 'close-window' | 'sign-out' = 'quit') {
      for (const listener of listeners.hangUp) listener({ reason });
    },
    /** The user pressed a button on (or clicked) an incoming call's OS notification. */
    answerFromNotification(callId: string, action: IncomingCallAction['action']) {
      for (const listener of listeners.notificationAnswer) listener({ callId, action });
    },
    publishUpdate(update: UpdateState) {
      state.updateState = update;
      for (const listener of listeners.update) listener(update);
    },
  };
}

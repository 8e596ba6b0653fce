/**
 * What main is told about calls (tray, notifications, power-save, quit and update decisions),
 * derived from the calling store. Only what the OS shell shows: names of callers, the call's title.
 */
import type { DesktopCallState } from '../../common/ipc/desktop';
import type { CallingState } from '../calling/model';

export function desktopCallState(state: CallingState): DesktopCallState {
  const call = state.call;
  const callActive = call !== null && call.status !== 'ended';
  return {
    agent: state.agent,
    callActive,
    callTitle: callActive ? call.title.slice(0, 256) : null,
    incoming: state.incoming.slice(0, 16).map((incoming) => ({
      id: incoming.id.slice(0, 256),
      callerDisplayName: incoming.callerDisplayName.slice(0, 256),
    })),
  };
}

/** A stable key: the report is sent only when it changes. */
export function reportKey(report: DesktopCallState): string {
  return JSON.stringify(report);
}

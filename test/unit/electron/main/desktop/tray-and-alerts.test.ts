import { describe, expect, test, vi } from 'vitest';
import type { DesktopCallState } from '../../../../../common/ipc/desktop';
import { planIncomingCallAlert } from '../../../../../electron/main/desktop/incoming-call-alert';
import {
  trayIconFileName,
  trayMenuTemplate,
  trayStatusFrom,
  trayTooltip,
} from '../../../../../electron/main/desktop/tray-state';

const state = (overrides: Partial<DesktopCallState> = {}): DesktopCallState => ({
  agent: 'connected',
  callActive: false,
  callTitle: null,
  incoming: [],
  ...overrides,
});

describe('tray', () => {
  test.each([
    [null, 'signed-out'],
    [state({ agent: 'signed-out' }), 'signed-out'],
    [state({ agent: 'connecting' }), 'signed-out'],
    [state({ agent: 'connected' }), 'ready'],
    [state({ agent: 'unreachable' }), 'unreachable'],
    [state({ agent: 'failed' }), 'unreachable'],
    [state({ agent: 'connected', callActive: true }), 'in-call'],
    // A call that is still going when ACS drops out is still a call.
    [state({ agent: 'unreachable', callActive: true }), 'in-call'],
  ] as const)('%j → %s', (reported, status) => {
    expect(trayStatusFrom(reported)).toBe(status);
    expect(trayIconFileName(trayStatusFrom(reported))).toBe(`tray-${status}.png`);
  });

  test('tooltips say the state in words', () => {
    expect(trayTooltip(state({ callActive: true, callTitle: 'Ada' }), 'Switchboard')).toBe(
      'Switchboard — in a call with Ada',
    );
    expect(trayTooltip(state({ agent: 'unreachable' }), 'Switchboard')).toBe(
      'Switchboard — cannot reach Azure Communication Services',
    );
    expect(trayTooltip(state({ agent: 'connecting' }), 'Switchboard')).toBe('Switchboard — connecting…');
    expect(trayTooltip(null, 'Switchboard')).toBe('Switchboard — signed out');
  });

  test('the menu offers show, sign out (only when signed in) and quit, each wired to its action', () => {
    const actions = { show: vi.fn(), signOut: vi.fn(), quit: vi.fn() };
    const signedIn = trayMenuTemplate(state(), actions);
    expect(signedIn.map((item) => item.label ?? item.type)).toEqual([
      'Ready for calls',
      'separator',
      'Show Switchboard',
      'Sign out',
      'separator',
      'Quit Switchboard',
    ]);
    for (const item of signedIn) item.click?.();
    expect(actions.show).toHaveBeenCalledOnce();
    expect(actions.signOut).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
    const signedOut = trayMenuTemplate(state({ agent: 'signed-out' }), actions);
    expect(signedOut.find((item) => item.label === 'Sign out')?.enabled).toBe(false);
  });
});

describe('incoming-call alerts', () => {
  const ringing = state({ incoming: [{ id: 'c1', callerDisplayName: 'Ada Lovelace' }] });

  test('a new call while the window is in the background: notification, attention, badge 1', () => {
    expect(
      planIncomingCallAlert({
        previous: state(),
        current: ringing,
        windowFocused: false,
        notificationsSupported: true,
        notificationActions: false,
        bodyIsMarkup: false,
      }),
    ).toEqual({
      notify: [{ id: 'c1', title: 'Incoming call', body: 'Ada Lovelace is calling', actions: [] }],
      closeNotifications: [],
      attention: true,
      badgeCount: 1,
    });
  });

  test('where the OS shows notification buttons: Accept, then Decline', () => {
    const plan = planIncomingCallAlert({
      previous: state(),
      current: ringing,
      windowFocused: false,
      notificationsSupported: true,
      notificationActions: true,
      bodyIsMarkup: false,
    });
    expect(plan.notify[0]?.actions).toEqual([
      { answer: 'accept', label: 'Accept' },
      { answer: 'decline', label: 'Decline' },
    ]);
  });

  test('with the window focused the ringing screen is enough: no notification, no flashing', () => {
    const plan = planIncomingCallAlert({
      previous: state(),
      current: ringing,
      windowFocused: true,
      notificationsSupported: true,
      notificationActions: false,
      bodyIsMarkup: false,
    });
    expect(plan.notify).toEqual([]);
    expect(plan.attention).toBeNull();
    expect(plan.badgeCount).toBe(1);
  });

  test('the same ringing call reported again does not notify twice', () => {
    const plan = planIncomingCallAlert({
      previous: ringing,
      current: ringing,
      windowFocused: false,
      notificationsSupported: true,
      notificationActions: false,
      bodyIsMarkup: false,
    });
    expect(plan).toEqual({ notify: [], closeNotifications: [], attention: null, badgeCount: null });
  });

  test('when the call stops ringing its notification closes, flashing stops and the badge clears', () => {
    const plan = planIncomingCallAlert({
      previous: ringing,
      current: state({ callActive: true }),
      windowFocused: false,
      notificationsSupported: true,
      notificationActions: false,
      bodyIsMarkup: false,
    });
    expect(plan).toEqual({ notify: [], closeNotifications: ['c1'], attention: false, badgeCount: 0 });
  });

  test('no notification support (some Linux desktops): still flash and badge', () => {
    const plan = planIncomingCallAlert({
      previous: null,
      current: state({ incoming: [{ id: 'c2', callerDisplayName: '  ' }] }),
      windowFocused: false,
      notificationsSupported: false,
      notificationActions: false,
      bodyIsMarkup: false,
    });
    expect(plan.notify).toEqual([]);
    expect(plan.attention).toBe(true);
    expect(plan.badgeCount).toBe(1);
  });

  test('a nameless caller is "Someone"', () => {
    const plan = planIncomingCallAlert({
      previous: null,
      current: state({ incoming: [{ id: 'c2', callerDisplayName: '' }] }),
      windowFocused: false,
      notificationsSupported: true,
      notificationActions: false,
      bodyIsMarkup: false,
    });
    expect(plan.notify[0]?.body).toBe('Someone is calling');
  });
});

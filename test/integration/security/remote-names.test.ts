// @vitest-environment jsdom
/**
 * Finding 4: names a remote party chose reach the incoming-call card, the call screen's tiles and
 * participant list, call history and OS notifications. One sanitiser (common/display-text.ts)
 * strips control and bidi characters and caps the length where the names enter the renderer's
 * model (the real calling store over the fake SDK here) and again in main before a notification,
 * which also escapes markup for Linux notification servers.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REMOTE_NAME_LENGTH, sanitizeRemoteName } from '../../../common/display-text';
import type { DesktopCallState } from '../../../common/ipc/desktop';
import { planIncomingCallAlert } from '../../../electron/main/desktop/incoming-call-alert';
import { createHarness, signInAndSettle } from '../../dom/renderer/calling/calling-harness';
import { FakeRemoteParticipant } from '../../support/fake-calling-sdk';

/** Displays as "Alice (IT) exe.gnp"-style reordering in a naive renderer; carries a newline and a zero-width space. */
const HOSTILE = '\u202eAlice\u2066 (IT)\u200b\nSupport\u0007 \u061c';
const LONG = `Dr. ${'Bartholomew-'.repeat(20)}Smith`;

describe('remote names (finding 4)', () => {
  it('the sanitiser strips reordering and invisible characters and keeps scripts and emoji intact', () => {
    expect(sanitizeRemoteName(HOSTILE)).toBe('Alice (IT) Support');
    expect(sanitizeRemoteName('  Zoë   Ødegaard ')).toBe('Zoë Ødegaard');
    // ZWNJ (Persian) and ZWJ (emoji sequences) are kept: they cannot reorder text.
    expect(sanitizeRemoteName('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(sanitizeRemoteName('👩\u200d💻 Dev')).toBe('👩\u200d💻 Dev');
  });

  it('caps the length on whole code points with an ellipsis', () => {
    const capped = sanitizeRemoteName(LONG);
    expect(Array.from(capped)).toHaveLength(MAX_REMOTE_NAME_LENGTH);
    expect(capped.endsWith('…')).toBe(true);
    const emoji = sanitizeRemoteName('😀'.repeat(100));
    expect(emoji).toBe(`${'😀'.repeat(MAX_REMOTE_NAME_LENGTH - 1)}…`);
  });

  it('the calling store cleans the incoming caller and the participants before any screen sees them', async () => {
    const h = createHarness();
    await signInAndSettle(h);
    h.sdk.agent.remoteRing('8:acs:mallory', HOSTILE);
    await expect.poll(() => h.store.getState().incoming.length).toBe(1);
    expect(h.store.getState().incoming[0]?.callerDisplayName).toBe('Alice (IT) Support');

    h.sdk.agent.remoteRing('8:acs:long', LONG);
    await expect.poll(() => h.store.getState().incoming.length).toBe(2);
    expect(Array.from(h.store.getState().incoming[1]?.callerDisplayName ?? '')).toHaveLength(MAX_REMOTE_NAME_LENGTH);

    await h.store.actions.startCall({ kind: 'acs-user', communicationUserId: '8:acs:bob' }, { video: false });
    const call = h.sdk.agent.calls.at(-1);
    if (!call) throw new Error('no call was placed');
    call.remoteSetState('Connected');
    call.remoteJoin(new FakeRemoteParticipant('8:acs:eve', HOSTILE));
    await expect
      .poll(() => h.store.getState().call?.participants.map((p) => p.displayName))
      .toContain('Alice (IT) Support');
  });

  it('main cleans the name again for a notification and escapes markup where the body is markup', () => {
    const state = (incoming: DesktopCallState['incoming']): DesktopCallState => ({
      agent: 'connected',
      callActive: false,
      callTitle: null,
      incoming,
    });
    const plan = (name: string, bodyIsMarkup: boolean) =>
      planIncomingCallAlert({
        previous: state([]),
        current: state([{ id: 'c1', callerDisplayName: name }]),
        windowFocused: false,
        notificationsSupported: true,
        notificationActions: false,
        bodyIsMarkup,
      }).notify[0]?.body;
    expect(plan(HOSTILE, false)).toBe('Alice (IT) Support is calling');
    expect(plan('<a href="https://evil.example">IT</a> & Co', true)).toBe(
      '&lt;a href=&quot;https://evil.example&quot;&gt;IT&lt;/a&gt; &amp; Co is calling',
    );
    expect(plan('<b>IT</b>', false)).toBe('<b>IT</b> is calling');
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CallStatus } from '../../../../../renderer/calling/model';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { gridFor } from '../../../../../renderer/screens/in-call/video-layout';
import { IncomingCallScreen } from '../../../../../renderer/screens/incoming/IncomingCallScreen';
import { type FakeBridge, installFakeBridge } from '../support/fake-bridge';
import { callView, FakeCallingStore, incomingCall, participant, remoteVideo } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

// Under a full `npm test` (every project at once on 2 cores) typing and popovers can take longer
// than vitest's default 5 s: these tests wait on conditions, never on time.
vi.setConfig({ testTimeout: 30_000 });

let bridge: FakeBridge;
afterEach(() => {
  vi.useRealTimers();
});

function setup(store: FakeCallingStore) {
  bridge = installFakeBridge();
  const user = userEvent.setup({ delay: null });
  renderScreen(<InCallScreen />, store, bridge.bridge);
  return { store, user };
}

const phoneCall = () =>
  callView({
    title: '+1 425 555 0100',
    target: { kind: 'phone', e164: '+14255550100' },
    participants: [participant('pstn', '+1 425 555 0100')],
  });

describe('status, timer and end reason', () => {
  test.each([
    ['connecting', 'Connecting…'],
    ['ringing', 'Ringing…'],
    ['connected', 'Connected'],
    ['on-hold', 'On hold'],
    ['reconnecting', 'Reconnecting…'],
    ['in-lobby', 'Waiting in the lobby for someone to let you in…'],
  ] satisfies Array<[CallStatus, string]>)('%s reads “%s”', (status, words) => {
    setup(
      new FakeCallingStore({ call: callView({ status, connectedAt: status === 'connected' ? Date.now() : null }) }),
    );
    expect(screen.getByTestId('call-status')).toHaveTextContent(words);
  });

  test('reconnecting also shows a banner', () => {
    setup(new FakeCallingStore({ call: callView({ status: 'reconnecting' }) }));
    expect(screen.getByText('Reconnecting…', { selector: '.fui-MessageBarBody' })).toBeVisible();
  });

  test('the timer counts from when the call connected', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z') });
    setup(new FakeCallingStore({ call: callView({ connectedAt: Date.now() - 65_000 }) }));
    expect(screen.getByRole('timer', { name: 'Call duration' })).toHaveTextContent('1:05');
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByRole('timer')).toHaveTextContent('1:08');
  });

  test('no timer before the call connects', () => {
    setup(new FakeCallingStore({ call: callView({ status: 'ringing', connectedAt: null, participants: [] }) }));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByTestId('stage')).toHaveTextContent('Adele Vance');
  });

  test('ended: the reason in words, how long it lasted; Close dismisses; the call lands in recents', async () => {
    const store = new FakeCallingStore({ call: callView({ connectedAt: Date.now() - 125_000 }) });
    const { user } = setup(store);
    act(() =>
      store.updateCall({
        status: 'ended',
        endReason: { code: 0, subCode: 0, message: 'The other side ended the call.' },
      }),
    );
    const ended = screen.getByTestId('call-ended');
    expect(ended).toHaveTextContent('Call ended');
    expect(ended).toHaveTextContent('The other side ended the call.');
    expect(ended).toHaveTextContent(/Lasted 2:0[5-6]\./);
    await waitFor(() =>
      expect(bridge.recorded).toMatchObject([{ outcome: 'completed', direction: 'outgoing', title: 'Adele Vance' }]),
    );
    expect(bridge.recorded[0]?.durationSeconds).toBeGreaterThanOrEqual(125);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.callsOf('dismissEndedCall')).toHaveLength(1);
  });

  test('an answered incoming call lands in recents as the caller, so it can be called back', async () => {
    const store = new FakeCallingStore({ incoming: [incomingCall({ id: 'in-7', callerId: '+14255550100' })] });
    bridge = installFakeBridge();
    const user = userEvent.setup({ delay: null });
    renderScreen(
      <>
        <IncomingCallScreen />
        <InCallScreen />
      </>,
      store,
      bridge.bridge,
    );
    await user.click(screen.getByRole('button', { name: 'Accept: the call from Megan Bowen, audio only' }));
    expect(store.getState().call).toMatchObject({ id: 'in-7', direction: 'incoming', target: null });
    act(() => store.updateCall({ status: 'ended', endReason: { code: 0, subCode: 0, message: 'The call ended.' } }));
    await waitFor(() =>
      expect(bridge.recorded).toMatchObject([
        { direction: 'incoming', outcome: 'completed', target: { kind: 'phone', e164: '+14255550100' } },
      ]),
    );
  });

  test('an outgoing call that never connected is recorded as not connected, and can be retried', async () => {
    const store = new FakeCallingStore({ call: callView({ status: 'connecting', connectedAt: null }) });
    const { user } = setup(store);
    act(() => store.updateCall({ status: 'ended', endReason: { code: 487, subCode: 0, message: 'Nobody answered.' } }));
    await waitFor(() => expect(bridge.recorded).toMatchObject([{ outcome: 'failed', durationSeconds: 0 }]));
    // It never connected: it did not "end", it failed, and the card says why.
    expect(screen.getByTestId('call-ended-title')).toHaveTextContent('Call didn’t connect');
    expect(screen.getByTestId('call-ended')).toHaveTextContent('Nobody answered.');
    const ended = store.getState().call;
    await user.click(screen.getByRole('button', { name: 'Call' }));
    // Called again under the name it had.
    expect(store.callsOf('startCall')).toEqual([[ended?.target, { video: false, title: 'Adele Vance' }]]);
  });
});

describe('controls', () => {
  test('mute, camera, share, hold, raise hand go through the layer and show their new state', async () => {
    const store = new FakeCallingStore({
      call: callView({ title: 'Design review', target: { kind: 'group', groupId: 'g-1' } }),
    });
    const { user } = setup(store);
    const bar = screen.getByRole('toolbar', { name: 'Call controls' });
    await user.click(within(bar).getByRole('button', { name: 'Mute' }));
    await user.click(within(bar).getByRole('button', { name: 'Turn camera on' }));
    await user.click(within(bar).getByRole('button', { name: 'Share screen' }));
    await user.click(within(bar).getByRole('button', { name: 'Hold' }));
    expect(screen.getByTestId('call-status')).toHaveTextContent('On hold');
    await user.click(within(bar).getByRole('button', { name: 'Resume' }));
    await user.click(within(bar).getByRole('button', { name: 'Raise hand' }));
    expect(store.callsOf('setMuted')).toEqual([[true]]);
    expect(store.callsOf('setCameraOn')).toEqual([[true]]);
    expect(store.callsOf('setScreenSharing')).toEqual([[true]]);
    expect(store.callsOf('setOnHold')).toEqual([[true], [false]]);
    expect(store.callsOf('setHandRaised')).toEqual([[true]]);
    for (const name of ['Unmute', 'Turn camera off', 'Stop sharing', 'Hold', 'Lower hand']) {
      expect(within(bar).getByRole('button', { name })).toBeVisible();
    }
    // Muted is a warning, not a feature switched on: it does not look like the camera's "on".
    expect(within(bar).getByRole('button', { name: 'Unmute' }).className).not.toBe(
      within(bar).getByRole('button', { name: 'Turn camera off' }).className,
    );
    // Sharing my screen is hard to miss: a bar says so, with Stop.
    const sharing = screen.getByTestId('sharing-bar');
    expect(sharing).toHaveTextContent('You are sharing your screen');
    await user.click(within(sharing).getByRole('button', { name: 'Stop sharing' }));
    expect(store.callsOf('setScreenSharing')).toEqual([[true], [false]]);
    expect(screen.queryByTestId('sharing-bar')).toBeNull();
    // My camera has a slot on the stage while it is on.
    await waitFor(() => expect(screen.getByTestId('fake-local-video')).toBeInTheDocument());
  });

  test('controls clicked in quick succession all happen (a slow one does not swallow the next)', async () => {
    const store = new FakeCallingStore({ call: callView() });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const setMuted = store.actions.setMuted;
    store.actions.setMuted = async (muted) => {
      await gate;
      return setMuted(muted);
    };
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await user.click(screen.getByRole('button', { name: 'Turn camera on' }));
    expect(store.callsOf('setCameraOn')).toEqual([[true]]);
    release();
    await waitFor(() => expect(store.callsOf('setMuted')).toEqual([[true]]));
  });

  test('hang up', async () => {
    const store = new FakeCallingStore({ call: callView() });
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(store.callsOf('hangUp')).toHaveLength(1);
  });

  test('shortcuts: Ctrl+Shift+M mutes, +O toggles the camera, +H hangs up; tooltips and ARIA say so', async () => {
    const store = new FakeCallingStore({ call: callView() });
    const { user } = setup(store);
    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+M');
    await user.hover(mute);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Mute (Ctrl+Shift+M)');
    fireEvent.keyDown(window, { key: 'M', code: 'KeyM', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(store.callsOf('setMuted')).toEqual([[true]]));
    fireEvent.keyDown(window, { key: 'O', code: 'KeyO', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(store.callsOf('setCameraOn')).toEqual([[true]]));
    expect(screen.getByRole('button', { name: 'Hang up' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+H');
    fireEvent.keyDown(window, { key: 'H', code: 'KeyH', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(store.callsOf('hangUp')).toHaveLength(1));
  });

  test('the keypad is offered for phone calls only and sends tones', async () => {
    const store = new FakeCallingStore({ call: phoneCall() });
    const { user } = setup(store);
    expect(screen.queryByRole('button', { name: 'Turn camera on' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    expect(await screen.findByRole('dialog', { name: 'Dial pad: send tones to the call' })).toBeVisible();
    await user.click(await screen.findByRole('button', { name: '1' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: '#' }));
    await user.keyboard('0*');
    expect(store.callsOf('sendDtmf')).toEqual([['Num1'], ['Pound'], ['Num0'], ['Star']]);
    expect(screen.getByTestId('dtmf-sent')).toHaveTextContent('1#0*');
  });

  test('no keypad for calls that are not phone calls', () => {
    setup(new FakeCallingStore({ call: callView() }));
    expect(screen.queryByRole('button', { name: 'Keypad' })).toBeNull();
  });

  test('switching devices mid-call', async () => {
    const store = new FakeCallingStore({ call: callView() });
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Devices' }));
    await user.selectOptions(await screen.findByLabelText('Microphone', undefined, { timeout: 5000 }), 'mic-2');
    await user.selectOptions(screen.getByLabelText('Speaker'), 'spk-2');
    await user.selectOptions(screen.getByLabelText('Camera'), 'cam-2');
    expect(store.callsOf('selectMicrophone')).toEqual([['mic-2']]);
    expect(store.callsOf('selectSpeaker')).toEqual([['spk-2']]);
    expect(store.callsOf('selectCamera')).toEqual([['cam-2']]);
  });

  test('a control that fails says why', async () => {
    const store = new FakeCallingStore({ call: callView() });
    store.failNext.setScreenSharing = 'Screen sharing could not start.';
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'Share screen' }));
    expect(await screen.findByText('That did not work: Screen sharing could not start.')).toBeVisible();
  });

  test('every control is a named, tabbable button (real Tab order is checked in Chromium: screenshots.test.ts)', () => {
    setup(new FakeCallingStore({ call: phoneCall() }));
    const controls = within(screen.getByRole('toolbar', { name: 'Call controls' })).getAllByRole('button');
    // A phone call offers only what applies: no people pane, hand, screen share or camera. Captions
    // stay: whether the call has them is the service's to say (the pane says so in words).
    expect(controls.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Captions',
      'Devices',
      'Mute',
      'Hold',
      'Keypad',
      'Transfer',
      'Hang up',
    ]);
    for (const control of controls) {
      expect(control.tagName).toBe('BUTTON');
      expect(control.tabIndex).toBe(0);
      expect((control as HTMLButtonElement).disabled).toBe(false);
    }
  });

  test.each([
    [
      'a 1:1 call',
      callView(),
      ['People', 'Share screen', 'Captions', 'Devices', 'Turn camera on', 'Mute', 'Hold', 'Transfer', 'Hang up'],
    ],
    [
      'a group call',
      callView({ target: { kind: 'group', groupId: 'g-1' } }),
      [
        'People',
        'Raise hand',
        'Share screen',
        'Captions',
        'Devices',
        'Turn camera on',
        'Mute',
        'Hold',
        'Transfer',
        'Hang up',
      ],
    ],
  ])('%s offers the controls that apply to it', (_name, call, expected) => {
    setup(new FakeCallingStore({ call }));
    const controls = within(screen.getByRole('toolbar', { name: 'Call controls' })).getAllByRole('button');
    expect(controls.map((c) => c.getAttribute('aria-label'))).toEqual(expected);
  });
});

describe('people and video', () => {
  test('the people panel lists me and the others with muted, speaking and hand state', async () => {
    const store = new FakeCallingStore({
      call: callView({
        isMuted: true,
        participants: [
          participant('a', 'Adele Vance', { isSpeaking: true }),
          participant('b', 'Lee Gu', { isMuted: true, isHandRaised: true }),
          participant('c', 'Gone Person', { state: 'disconnected' }),
          participant('d', 'Ringing Person', { state: 'ringing' }),
        ],
      }),
    });
    const { user } = setup(store);
    await user.click(screen.getByRole('button', { name: 'People' }));
    const panel = screen.getByRole('complementary', { name: 'People in the call (4)' });
    const rows = within(panel).getAllByTestId('participant');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace (you)'),
      expect.stringContaining('Adele VanceSpeaking'),
      expect.stringContaining('Lee GuHand raised'),
      expect.stringContaining('Ringing PersonRinging…'),
    ]);
    expect(within(rows[0] as HTMLElement).getByLabelText('Muted')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByLabelText('Muted')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).queryByLabelText('Muted')).toBeNull();
    expect(rows[1]).toHaveAttribute('data-speaking', 'true');
    await user.click(within(panel).getByRole('button', { name: 'Hide people' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  test('layout: 1 fills, 2 side by side, 3–4 2×2, 5–6 3×2, 7–9 3×3', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => gridFor(n))).toEqual([
      { columns: 1, rows: 1 },
      { columns: 2, rows: 1 },
      { columns: 2, rows: 2 },
      { columns: 2, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 3 },
      { columns: 3, rows: 3 },
      { columns: 3, rows: 3 },
    ]);
  });

  test.each([
    [1, '1x1'],
    [2, '2x1'],
    [4, '2x2'],
    [9, '3x3'],
  ])('%i remote videos: every one is attached, grid %s', async (count, layout) => {
    const people = Array.from({ length: count }, (_, i) => participant(`p${i}`, `Person ${i}`));
    const store = new FakeCallingStore({
      call: callView({ participants: people, remoteVideos: people.map((p) => remoteVideo(p.id)) }),
    });
    setup(store);
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', layout);
    await waitFor(() => expect(screen.getAllByTestId('fake-remote-video')).toHaveLength(count));
    expect(screen.getAllByRole('figure').map((f) => f.getAttribute('aria-label'))).toContain('Video of Person 0');
  });

  test('more than 9 people: 8 tiles and a “+N more” tile', () => {
    const people = Array.from({ length: 12 }, (_, i) => participant(`p${i}`, `Person ${i}`));
    setup(new FakeCallingStore({ call: callView({ participants: people }) }));
    expect(screen.getAllByTestId('stage-tile')).toHaveLength(8);
    expect(screen.getByTestId('stage-more')).toHaveTextContent('+4 more');
  });

  test('a video that becomes unavailable falls back to the avatar; a speaking tile is marked', async () => {
    const store = new FakeCallingStore({
      call: callView({
        participants: [participant('a', 'Adele Vance', { isSpeaking: true })],
        remoteVideos: [remoteVideo('a')],
      }),
    });
    setup(store);
    await waitFor(() => expect(screen.getByTestId('fake-remote-video')).toBeInTheDocument());
    act(() => store.updateCall({ remoteVideos: [{ ...remoteVideo('a'), isAvailable: false }] }));
    expect(screen.queryByTestId('remote-video')).toBeNull();
    expect(screen.getByTestId('stage-tile')).toHaveAttribute('data-speaking', 'true');
  });

  test('a shared screen takes the stage, people move to a strip', async () => {
    const store = new FakeCallingStore({
      call: callView({
        participants: [participant('a', 'Adele Vance'), participant('b', 'Lee Gu')],
        remoteVideos: [remoteVideo('a', 'screen-share'), remoteVideo('b')],
      }),
    });
    setup(store);
    expect(screen.getByTestId('stage')).toHaveAttribute('data-layout', 'screen-share');
    expect(screen.getByRole('figure', { name: 'Screen shared by Adele Vance' })).toBeVisible();
    await waitFor(() =>
      expect(store.callsOf('attachRemoteVideo')).toEqual(expect.arrayContaining([['a:screen-share'], ['b:video']])),
    );
  });
});

describe('banners and a second call', () => {
  test('diagnostics appear as plain-language banners', () => {
    setup(
      new FakeCallingStore({
        call: callView({
          diagnostics: [
            { id: 'n', area: 'network', message: 'Your network is struggling: others may not hear or see you well.' },
            { id: 'm', area: 'microphone', message: 'You are muted. Unmute to be heard.' },
          ],
        }),
      }),
    );
    const banners = screen.getAllByTestId('diagnostic');
    expect(banners.map((b) => b.getAttribute('data-area'))).toEqual(['network', 'microphone']);
    expect(banners[1]).toHaveTextContent('You are muted. Unmute to be heard.');
  });

  test('“cannot reach Azure Communication Services” when the agent is unreachable', () => {
    setup(new FakeCallingStore({ agent: 'unreachable', call: callView({ status: 'reconnecting' }) }));
    expect(screen.getByTestId('agent-banner')).toHaveTextContent('Cannot reach Azure Communication Services');
  });

  test('on hold: a banner says so and resumes the call', async () => {
    const store = new FakeCallingStore({ call: callView({ status: 'on-hold' }) });
    const { user } = setup(store);
    const banner = screen.getByTestId('on-hold-banner');
    expect(banner).toHaveTextContent('You put this call on hold: the other side cannot hear you.');
    await user.click(within(banner).getByRole('button', { name: 'Resume' }));
    expect(store.callsOf('setOnHold')).toEqual([[false]]);
    expect(screen.queryByTestId('on-hold-banner')).toBeNull();
  });

  test('the other side holding the call is said in words', () => {
    setup(new FakeCallingStore({ call: callView({ status: 'remote-hold' }) }));
    expect(screen.getByText('The other side put the call on hold', { selector: '.fui-MessageBarBody' })).toBeVisible();
  });

  test('held calls are listed: Swap while in a call, Resume once it has ended', async () => {
    const store = new FakeCallingStore({
      call: callView({ id: 'call-2', title: 'Lee Gu' }),
      held: [{ id: 'call-1', title: 'Adele Vance', status: 'on-hold' }],
    });
    const { user } = setup(store);
    const held = screen.getByRole('list', { name: 'Calls on hold' });
    expect(within(held).getByRole('listitem')).toHaveTextContent('Adele Vance · on hold');
    await user.click(within(held).getByRole('button', { name: 'Swap: hold this call and resume Adele Vance' }));
    expect(store.callsOf('switchToHeldCall')).toEqual([['call-1']]);
    expect(screen.getByRole('heading', { name: 'Adele Vance' })).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Calls on hold' })).getByRole('listitem')).toHaveTextContent(
      'Lee Gu · on hold',
    );
    // The current call ends: the held one is still there, to resume.
    act(() => store.updateCall({ status: 'ended', endReason: { code: 0, subCode: 0, message: 'The call ended.' } }));
    await user.click(screen.getByRole('button', { name: 'Resume the call with Lee Gu' }));
    expect(store.callsOf('switchToHeldCall')).toEqual([['call-1'], ['call-2']]);
  });

  test('the ended card keeps its width whatever the reason says', () => {
    setup(
      new FakeCallingStore({
        call: callView({ status: 'ended', endReason: { code: 0, subCode: 0, message: 'Short.' } }),
      }),
    );
    expect(getComputedStyle(screen.getByTestId('call-ended')).width).toBe('440px');
  });

  test('a second incoming call offers hold-and-accept or decline without leaving the call', async () => {
    const store = new FakeCallingStore({ call: callView(), incoming: [incomingCall()] });
    const { user } = setup(store);
    const card = screen.getByRole('alertdialog', { name: 'Megan Bowen is calling while you are in a call' });
    await user.click(within(card).getByRole('button', { name: 'Decline: the call from Megan Bowen' }));
    expect(store.callsOf('reject')).toEqual([['incoming-1']]);
    act(() => store.setState({ incoming: [incomingCall({ id: 'incoming-2' })] }));
    await user.click(
      screen.getByRole('button', {
        name: 'Hold and accept with video: put your current call on hold and accept Megan Bowen with video',
      }),
    );
    expect(store.callsOf('holdAndAccept')).toEqual([['incoming-2', { video: true }]]);
  });
});

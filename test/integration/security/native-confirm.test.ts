/**
 * Finding 6: main owns the sensitive changes. A compromised renderer can ask for a new backend,
 * for tel:/callto: registration and for a screen-share source, but only the user's answer to a
 * question main asks natively (dialog.showMessageBox behind `NativeConfirm`) makes it happen.
 * Here the answers come from the test, through the same interface the app's dialog uses.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createSessionIpcHandlers } from '../../../electron/main/app-session/session-ipc';
import { AppConfigStore } from '../../../electron/main/config/app-config';
import { confirmNewLinkSchemes } from '../../../electron/main/desktop/link-schemes';
import { type DisplayMediaGrant, ScreenShareBroker } from '../../../electron/main/desktop/screen-share';
import { type ConfirmQuestion, nativeConfirm } from '../../../electron/main/window/native-confirm';
import { createTestAppSession } from '../../support/bridge-harness';
import { misbehavingBackendPair } from '../../support/misbehaving-backend';

/** A user who answers each question with the next of `answers`, and the questions they saw. */
function user(...answers: boolean[]) {
  const asked: ConfirmQuestion[] = [];
  const confirm = vi.fn(async (question: ConfirmQuestion) => {
    asked.push(question);
    return answers.shift() ?? false;
  });
  return { confirm, asked };
}

describe('the native question itself', () => {
  it('is a message box modal to our window whose default and Escape answer is the safe one', async () => {
    const seen: Array<{ window: unknown; options: MessageBoxOptions }> = [];
    let response = 0;
    const dialog = {
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as MessageBoxOptions;
        seen.push({ window: args.length === 2 ? args[0] : null, options });
        return { response, checkboxChecked: false };
      },
    };
    const window = { id: 'our window' };
    const confirm = nativeConfirm(dialog as never, () => window as never);
    const question = { message: 'Change the backend?', detail: 'From a to b', buttons: ['Keep', 'Change'] as const };
    await expect(confirm(question)).resolves.toBe(false);
    response = 1;
    await expect(confirm(question)).resolves.toBe(true);
    expect(seen[0]).toEqual({
      window,
      options: expect.objectContaining({ buttons: ['Keep', 'Change'], defaultId: 0, cancelId: 0, noLink: true }),
    });
  });
});

describe('a backend change (finding 6)', () => {
  const backends = misbehavingBackendPair();

  it('asks natively, and "Keep" leaves the session and the saved setting untouched', async () => {
    const { confirm, asked } = user(false);
    const app = await createTestAppSession({ backendUrl: backends.first.url, confirm });
    await app.signIn('Kept');
    const settingsFile = join(app.userDataDir, 'settings.json');
    const before = await readFile(settingsFile, 'utf8');
    const handlers = createSessionIpcHandlers(app);

    await expect(handlers.config.set({ backendUrl: backends.second.url }, { senderId: 1 })).resolves.toEqual({
      ok: false,
      code: 'not-confirmed',
      message: `The backend was not changed: Switchboard still uses ${backends.first.url}.`,
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.buttons).toEqual(['Keep the current backend', 'Change backend']);
    expect(asked[0]?.detail).toContain(`From: ${backends.first.url}`);
    expect(asked[0]?.detail).toContain(`To: ${backends.second.url}`);
    expect(app.state).toMatchObject({ status: 'signed-in', backendUrl: backends.first.url });
    await expect(readFile(settingsFile, 'utf8')).resolves.toBe(before);
    await app.dispose();
  });

  it('"Change backend" switches; with no one to ask, a change is refused', async () => {
    const yes = user(true);
    const app = await createTestAppSession({ backendUrl: backends.first.url, confirm: yes.confirm });
    const handlers = createSessionIpcHandlers(app);
    await expect(handlers.config.set({ backendUrl: backends.second.url }, { senderId: 1 })).resolves.toMatchObject({
      ok: true,
      config: { backendUrl: backends.second.url },
    });
    await app.dispose();

    const silent = await createTestAppSession({ backendUrl: backends.first.url });
    await expect(
      createSessionIpcHandlers(silent).config.set({ backendUrl: backends.second.url }, { senderId: 1 }),
    ).resolves.toMatchObject({ ok: false, code: 'not-confirmed' });
    await silent.dispose();
  });

  it('the first backend (none configured) and re-saving the same one are not asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-confirm-'));
    const { confirm } = user();
    const config = await AppConfigStore.open({
      argv: [],
      env: {},
      administratorFile: join(dir, 'none.json'),
      userDataDir: dir,
      confirm,
    });
    await expect(config.update({ backendUrl: backends.first.url })).resolves.toMatchObject({ ok: true });
    await expect(config.update({ backendUrl: backends.first.url })).resolves.toMatchObject({
      ok: true,
      backendChanged: false,
    });
    expect(confirm).not.toHaveBeenCalled();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('tel:/callto: registration (finding 6)', () => {
  const off = { tel: false, callto: false };

  it('turning a scheme on asks natively; "Not now" keeps it off', async () => {
    const no = user(false);
    await expect(confirmNewLinkSchemes(off, { tel: true, callto: true }, no.confirm)).resolves.toEqual(off);
    expect(no.asked[0]?.message).toBe('Open tel: and callto: links with Switchboard?');
    expect(no.asked[0]?.buttons[0]).toBe('Not now');

    const yes = user(true);
    await expect(confirmNewLinkSchemes(off, { tel: true, callto: false }, yes.confirm)).resolves.toEqual({
      tel: true,
      callto: false,
    });
  });

  it('turning a scheme off, or keeping one already on, is never asked', async () => {
    const { confirm } = user();
    await expect(
      confirmNewLinkSchemes({ tel: true, callto: true }, { tel: false, callto: true }, confirm),
    ).resolves.toEqual({ tel: false, callto: true });
    expect(confirm).not.toHaveBeenCalled();
  });

  it('a declined opt-in keeps the schemes that were already on', async () => {
    const { confirm } = user(false);
    await expect(
      confirmNewLinkSchemes({ tel: true, callto: false }, { tel: true, callto: true }, confirm),
    ).resolves.toEqual({ tel: true, callto: false });
  });
});

describe('screen sharing (finding 6)', () => {
  const ours = { securityOrigin: 'app://localhost', videoRequested: true };
  const thumbnail = { isEmpty: () => true, toDataURL: () => '' };

  function broker(confirm: (question: ConfirmQuestion) => Promise<boolean>) {
    const requests: string[] = [];
    const grants: DisplayMediaGrant[] = [];
    const share = new ScreenShareBroker({
      capturer: {
        getSources: async () => [
          { id: 'screen:1:0', name: 'Entire screen', thumbnail },
          { id: 'window:7:0', name: 'Payroll \u202efdp.exe', thumbnail },
        ],
      },
      isTrustedOrigin: (origin) => origin === 'app://localhost',
      screenRecordingAccess: () => 'granted',
      askRenderer: (request) => {
        requests.push(request.requestId);
        return true;
      },
      log: () => {},
      confirm,
    });
    const request = () => share.handleRequest(ours, (grant) => grants.push(grant));
    return { share, requests, grants, request };
  }

  it('the renderer naming a source is not enough: "Don\'t share" in main\'s dialog grants nothing', async () => {
    const { confirm, asked } = user(false);
    const { share, requests, grants, request } = broker(confirm);
    await request();
    await expect(share.choose(requests[0] ?? '', 'window:7:0')).resolves.toMatchObject({ ok: false, code: 'declined' });
    expect(grants).toEqual([null]);
    // The window title came from another app: shown without its bidi override.
    expect(asked[0]?.message).toBe('Share the window “Payroll fdp.exe”?');
  });

  it('each request needs its own answer: nothing is remembered from an earlier "Share"', async () => {
    const { confirm } = user(true, false);
    const { share, requests, grants, request } = broker(confirm);
    await request();
    await expect(share.choose(requests[0] ?? '', 'screen:1:0')).resolves.toEqual({ ok: true });
    await request();
    await expect(share.choose(requests[1] ?? '', 'screen:1:0')).resolves.toMatchObject({ code: 'declined' });
    expect(grants).toEqual([{ video: { id: 'screen:1:0', name: 'Entire screen' } }, null]);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('an answer given after its request was replaced or cancelled grants nothing', async () => {
    let answer: (yes: boolean) => void = () => {};
    const { share, requests, grants, request } = broker(() => new Promise((resolve) => (answer = resolve)));
    await request();
    const choosing = share.choose(requests[0] ?? '', 'screen:1:0');
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    // The page asks again (or reloads) while the question is open.
    await request();
    answer(true);
    await expect(choosing).resolves.toMatchObject({ ok: false, code: 'no-request' });
    expect(grants).toEqual([null]);
    share.cancelPending();
    expect(grants).toEqual([null, null]);
  });
});

/**
 * The company directory through the main process's real modules, over loopback HTTP: AppSession
 * (organisation sign-in through the test IdP, the browser driven by driveIdpLogin) → the token
 * broker holding the directory bearer → the backend client → the reference backend's /v1/people
 * (SQLite) → the directory's IPC handlers, registered and called as main.ts registers them
 * (sender, then payload checked). What the handlers answer is what the window would see: people,
 * never the bearer. The keychain is the real one (scripts/with-test-keyring.sh).
 */
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { directoryIpc, sessionIpc } from '../../../common/ipc';
import { sessionIpcBindings } from '../../../electron/main/app-session/session-ipc';
import { CompanyDirectory } from '../../../electron/main/directory/company-directory';
import { directoryIpcBinding } from '../../../electron/main/directory/directory-ipc';
import { type IpcMainLike, registerIpcTable } from '../../../electron/main/ipc/register';
import { createSenderPolicy, type IpcSenderInfo } from '../../../electron/main/ipc/sender-policy';
import { FallbackSecretStore } from '../../../electron/main/secrets/fallback-secret-store';
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { createTestAppSession } from '../../support/bridge-harness';
import { driveIdpLogin } from '../../support/drive-idp-login';
import { startTestIdp, TEST_ACCOUNTS, type TestAccount, type TestIdp } from '../../support/test-idp';

const inTestKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const service = `switchboard-test-directory-${randomUUID()}`;
const WINDOW_ID = 7;
const fromOurWindow: IpcSenderInfo = { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://localhost/index.html' } };
const fromElsewhere: IpcSenderInfo = { sender: { id: 99 }, senderFrame: { url: 'https://evil.example/' } };

/** Every request main sent the backend: path and the bearer it carried. */
interface SentRequest {
  readonly path: string;
  readonly bearer: string | null;
  status?: number;
}

/** `fetch` as main uses it, recording what went out. */
function recordingFetch(sent: SentRequest[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const authorization = new Headers(init?.headers).get('authorization');
    const request: SentRequest = { path: url.pathname, bearer: authorization?.replace(/^Bearer /, '') ?? null };
    sent.push(request);
    const response = await fetch(input, init);
    request.status = response.status;
    return response;
  };
}

/** The handlers main.ts registers, on a recording `ipcMain`; `call` is what the window's bridge does. */
function registerLikeMain(bindings: ReturnType<typeof sessionIpcBindings>) {
  const handlers = new Map<string, (event: IpcSenderInfo, ...args: unknown[]) => unknown>();
  const answers: unknown[] = [];
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
    on: () => undefined,
    removeListener: () => undefined,
  };
  const options = {
    ipc,
    senderPolicy: createSenderPolicy({ webContentsId: () => WINDOW_ID, origin: 'app://localhost' }),
    deliver: (_channel: string, payload: unknown) => void answers.push(payload),
  };
  for (const binding of bindings) binding.register((table, handlers) => registerIpcTable(table, handlers, options));
  return {
    answers,
    async call(channel: string, payload?: unknown, from: IpcSenderInfo = fromOurWindow): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`nothing registered for ${channel}`);
      const answer = await (payload === undefined ? handler(from) : handler(from, payload));
      answers.push(answer);
      return answer;
    },
  };
}

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp?.close());

describe.skipIf(!inTestKeyring)(
  'the directory over the reference backend (skipped unless run inside scripts/with-test-keyring.sh)',
  () => {
    let backend: TestBackend;
    /** The backend's clock: moved forward, it finds the bearers it issued expired while the app does not. */
    const backendClock = { offsetMs: 0 };
    beforeAll(async () => {
      backend = await startTestBackend({
        settings: idp.backendSettings,
        now: () => new Date(Date.now() + backendClock.offsetMs),
      });
    });
    afterAll(async () => {
      await keytar.deletePassword(service, new URL(backend.url).origin).catch(() => {});
      await backend?.close();
    });

    /** Grace has signed in once, so the organisation's directory knows her. */
    let graceId = '';
    beforeAll(async () => {
      const grace = await signedInAs(TEST_ACCOUNTS.grace);
      graceId = grace.app.state.status === 'signed-in' ? grace.app.state.user.communicationUserId : '';
      await grace.window.call(sessionIpc.signOut.channel);
      await grace.app.dispose();
    });

    /** main.ts's wiring for one launch, signed in as `account` through the IdP. */
    async function signedInAs(account: TestAccount) {
      const sent: SentRequest[] = [];
      const visits: Promise<unknown>[] = [];
      const app = await createTestAppSession({
        backendUrl: backend.url,
        store: new FallbackSecretStore(new KeytarSecretStore(keytar, service)),
        clientOptions: { fetch: recordingFetch(sent) },
        openExternal: async (url) => {
          if (new URL(url).pathname === '/auth') visits.push(driveIdpLogin(url, account));
        },
      });
      const directory = new CompanyDirectory(app);
      const window = registerLikeMain([...sessionIpcBindings(app), directoryIpcBinding(directory)]);
      const signIn = await window.call(sessionIpc.signIn.channel, {});
      await Promise.all(visits);
      expect(signIn).toMatchObject({ ok: true, session: { status: 'signed-in' } });
      return { app, directory, window, sent };
    }

    test('search and resolve by name after an organisation sign-in; the bearer stays in main', async () => {
      const { app, directory, window, sent } = await signedInAs(TEST_ACCOUNTS.ada);
      await expect(window.call(directoryIpc.availability.channel)).resolves.toEqual({ available: true });

      const found = await window.call(directoryIpc.search.channel, { query: 'grace' });
      expect(found).toMatchObject({
        ok: true,
        people: expect.arrayContaining([expect.objectContaining({ communicationUserId: graceId })]),
      });
      await expect(window.call(directoryIpc.search.channel, { query: 'zzz-nobody' })).resolves.toEqual({
        ok: true,
        people: [],
        nextCursor: null,
      });

      // Resolve: a person and "nobody", each asked of the backend once however often the window asks.
      const nobody = '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000';
      for (let render = 0; render < 5; render++) {
        await expect(
          window.call(directoryIpc.resolve.channel, { communicationUserId: graceId }),
        ).resolves.toMatchObject({
          ok: true,
          person: { communicationUserId: graceId },
        });
        await expect(window.call(directoryIpc.resolve.channel, { communicationUserId: nobody })).resolves.toEqual({
          ok: true,
          person: null,
        });
      }
      const lookups = sent.filter((request) => request.path.startsWith(`${backendRoutes.people}/`));
      expect(lookups).toHaveLength(2);
      expect(directory.cachedPeople).toBe(2);

      // The directory went out with its own bearer, never the refresh token, and no refresh was needed.
      const directoryBearers = new Set(
        sent.filter((request) => request.path.startsWith(backendRoutes.people)).map((request) => request.bearer),
      );
      expect(directoryBearers.size).toBe(1);
      const [bearer] = [...directoryBearers];
      expect(bearer).toBeTruthy();
      expect(sent.filter((request) => request.path === backendRoutes.token)).toHaveLength(0);

      // Nothing the window received carries it, nor does the keychain.
      const seenByWindow = JSON.stringify(window.answers);
      expect(seenByWindow).not.toContain(String(bearer));
      const stored = (await keytar.getPassword(service, new URL(backend.url).origin)) ?? '';
      expect(stored).toContain('refreshToken');
      expect(stored).not.toContain(String(bearer));

      // Refused before the payload is read, or for a malformed payload; the directory is not asked.
      await expect(window.call(directoryIpc.search.channel, { query: 'grace' }, fromElsewhere)).rejects.toThrow(
        /did not come from the Switchboard window/,
      );
      await expect(window.call(directoryIpc.search.channel, { query: '', extra: 1 })).rejects.toThrow(/malformed/);
      await expect(window.call(directoryIpc.availability.channel, 'surprise')).rejects.toThrow(/takes no argument/);

      // Sign-out empties the cache and the directory.
      await window.call(sessionIpc.signOut.channel);
      expect(directory.cachedPeople).toBe(0);
      await expect(window.call(directoryIpc.availability.channel)).resolves.toEqual({
        available: false,
        reason: 'signed-out',
      });
      await expect(window.call(directoryIpc.resolve.channel, { communicationUserId: graceId })).resolves.toMatchObject({
        ok: false,
        code: 'session-ended',
      });
      await app.dispose();
    });

    test('a bearer the backend finds stale: one refresh, one retry, and the search succeeds', async () => {
      const { app, window, sent } = await signedInAs(TEST_ACCOUNTS.ada);
      await expect(window.call(directoryIpc.search.channel, { query: 'grace' })).resolves.toMatchObject({ ok: true });
      backendClock.offsetMs += 11 * 60_000; // past the bearer's lifetime, by the backend's clock only
      try {
        sent.length = 0;
        await expect(window.call(directoryIpc.search.channel, { query: 'grace' })).resolves.toMatchObject({
          ok: true,
          people: expect.arrayContaining([expect.objectContaining({ communicationUserId: graceId })]),
        });
        expect(sent.map((request) => `${request.path} ${request.status}`)).toEqual([
          `${backendRoutes.people} 401`,
          `${backendRoutes.token} 200`,
          `${backendRoutes.people} 200`,
        ]);
        expect(sent[0]?.bearer).not.toBe(sent[2]?.bearer);
      } finally {
        await window.call(sessionIpc.signOut.channel);
        backendClock.offsetMs = 0;
        await app.dispose();
      }
    });

    test('a new launch restores the session from the keychain and gets a fresh bearer with its first refresh', async () => {
      const first = await signedInAs(TEST_ACCOUNTS.ada);
      const sent: SentRequest[] = [];
      const relaunched = await createTestAppSession({
        backendUrl: backend.url,
        store: new FallbackSecretStore(new KeytarSecretStore(keytar, service)),
        clientOptions: { fetch: recordingFetch(sent) },
      });
      const window = registerLikeMain([
        ...sessionIpcBindings(relaunched),
        directoryIpcBinding(new CompanyDirectory(relaunched)),
      ]);
      await expect(window.call(directoryIpc.availability.channel)).resolves.toEqual({ available: true });
      await expect(window.call(directoryIpc.search.channel, { query: 'grace' })).resolves.toMatchObject({
        ok: true,
        people: expect.arrayContaining([expect.objectContaining({ communicationUserId: graceId })]),
      });
      // One refresh (the restore's own), shared by availability and the search.
      expect(sent.filter((request) => request.path === backendRoutes.token)).toHaveLength(1);
      await window.call(sessionIpc.signOut.channel);
      await first.app.dispose();
      await relaunched.dispose();
    });
  },
);

describe('an open-mode backend', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend?.close());

  test('availability says open-sign-in, and a search is refused without asking the backend', async () => {
    const sent: SentRequest[] = [];
    const app = await createTestAppSession({ backendUrl: backend.url, clientOptions: { fetch: recordingFetch(sent) } });
    const window = registerLikeMain([...sessionIpcBindings(app), directoryIpcBinding(new CompanyDirectory(app))]);
    await expect(window.call(directoryIpc.availability.channel)).resolves.toEqual({
      available: false,
      reason: 'signed-out',
    });
    await expect(window.call(sessionIpc.signIn.channel, { displayName: 'Olive' })).resolves.toMatchObject({ ok: true });
    await expect(window.call(directoryIpc.availability.channel)).resolves.toEqual({
      available: false,
      reason: 'open-sign-in',
    });
    await expect(window.call(directoryIpc.search.channel, { query: 'grace' })).resolves.toMatchObject({
      ok: false,
      code: 'rejected',
    });
    expect(sent.filter((request) => request.path.startsWith(backendRoutes.people))).toEqual([]);
    await app.dispose();
  });
});

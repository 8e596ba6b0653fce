/**
 * Organisation sign-in end to end in Node, every part real but the browser and Azure: the main
 * process's AppSession and sign-in module → the system-browser stand-in (driveIdpLogin, over HTTP)
 * → oidc-provider's login and consent → the loopback redirect → the code exchange → the backend in
 * `oidc` mode (SQLite and PostgreSQL) → a session → an ACS token from the ACS stand-in → the real
 * keychain (scripts/with-test-keyring.sh). What the keychain holds is the backend session only:
 * no IdP token is stored anywhere.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppSession } from '../../../electron/main/app-session/app-session';
import { AppConfigStore } from '../../../electron/main/config/app-config';
import { FallbackSecretStore } from '../../../electron/main/secrets/fallback-secret-store';
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';
import { driveIdpLogin } from '../../support/drive-idp-login';
import { startTestIdp, TEST_ACCOUNTS, type TestIdp } from '../../support/test-idp';

const inTestKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const service = `switchboard-test-oidc-${randomUUID()}`;
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp?.close());

describe.skipIf(!inTestKeyring).each(['sqlite', 'postgres'] as const)(
  'with the real keychain on %s (skipped unless run inside scripts/with-test-keyring.sh)',
  (database) => {
    let backend: TestBackend;
    let userDataDir: string;
    beforeAll(async () => {
      backend = await startTestBackend({ database, settings: idp.backendSettings });
      userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-oidc-'));
    });
    afterAll(async () => {
      await keytar.deletePassword(service, new URL(backend.url).origin).catch(() => {});
      await backend?.close();
      await rm(userDataDir, { recursive: true, force: true });
    });

    /** What main.ts builds at every launch, with the browser stand-in as `shell.openExternal`. */
    async function launch(): Promise<{ app: AppSession; pages: Promise<unknown>[]; opened: string[] }> {
      const config = await AppConfigStore.open({
        argv: [`--backend-url=${backend.url}`],
        env: {},
        administratorFile: '/nonexistent',
        userDataDir,
      });
      const pages: Promise<unknown>[] = [];
      const opened: string[] = [];
      const app = new AppSession({
        config,
        store: new FallbackSecretStore(new KeytarSecretStore(keytar, service)),
        openExternal: async (url) => {
          opened.push(url);
          if (new URL(url).pathname === '/auth') pages.push(driveIdpLogin(url, TEST_ACCOUNTS.ada));
        },
      });
      await app.start();
      return { app, pages, opened };
    }

    test('sign in through the IdP, get an ACS token, restart from the keychain; no IdP token is kept', async () => {
      const first = await launch();
      // Once discovery has answered, the signed-out state names the organisation's sign-in.
      const organisation = await new Promise((resolve) => {
        const check = () => {
          const state = first.app.state;
          if (state.status === 'signed-out' && state.organisation) resolve(state.organisation);
        };
        first.app.onChange(check);
        check();
      });
      expect(organisation).toEqual({ issuerHost: new URL(idp.issuer).host, canEndSession: false });
      const signedIn = await first.app.signIn();
      await Promise.all(first.pages);
      expect(signedIn).toMatchObject({ status: 'signed-in', remembered: true, user: { displayName: 'Ada Lovelace' } });
      const token = await first.app.getToken();
      expect(await backend.standIn.checkUserToken(token.token)).toMatchObject({ valid: true });

      // The keychain holds the backend session, and nothing from the IdP.
      const raw = (await keytar.getPassword(service, new URL(backend.url).origin)) ?? '';
      expect(JSON.parse(raw)).toMatchObject({ backendUrl: backend.url, displayName: 'Ada Lovelace' });
      expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
      for (const file of await readdir(userDataDir, { recursive: true })) {
        const content = await readFile(join(userDataDir, String(file)), 'utf8').catch(() => '');
        expect(content).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
      }

      const second = await launch();
      expect(second.app.state).toMatchObject({ status: 'signed-in', user: { displayName: 'Ada Lovelace' } });
      expect(second.pages).toEqual([]);
      const again = await second.app.getToken();
      expect(await backend.standIn.checkUserToken(again.token)).toMatchObject({
        valid: true,
        userId: signedIn.status === 'signed-in' ? signedIn.user.communicationUserId : '',
      });

      // Sign-out ends the backend session. The IdP's sign-out page is known after a sign-in.
      await expect(first.app.signOut()).resolves.toMatchObject({
        status: 'signed-out',
        organisation: { canEndSession: true },
      });
      await expect(first.app.endOrganisationSession()).resolves.toBe(true);
      expect(first.opened.map((url) => new URL(url).pathname)).toEqual(['/auth', '/session/end']);
      expect(await keytar.getPassword(service, new URL(backend.url).origin)).toBeNull();
      await expect(second.app.signOut()).resolves.toMatchObject({ status: 'signed-out' });
    });
  },
);

/**
 * Main in Dutch, through the real code paths: a settings change to Dutch (AppConfigStore, as the
 * settings screen makes it) switches main's language; the native questions main asks and the
 * errors it sends the renderer in words are Dutch from then on. English stays the default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseBackendUrl } from '../../../../../common/backend-url';
import type { DesktopCallState } from '../../../../../common/ipc/desktop';
import { BackendClient } from '../../../../../electron/main/backend-client/backend-client';
import { AppConfigStore } from '../../../../../electron/main/config/app-config';
import { planIncomingCallAlert } from '../../../../../electron/main/desktop/incoming-call-alert';
import { confirmNewLinkSchemes } from '../../../../../electron/main/desktop/link-schemes';
import { screenShareQuestion } from '../../../../../electron/main/desktop/screen-share';
import { asSignInError } from '../../../../../electron/main/sign-in/oidc-sign-in';
import { OidcSignInError } from '../../../../../electron/main/sign-in/sign-in-errors';
import {
  followConfiguredLanguage,
  mainLanguage,
  setMainLanguage,
} from '../../../../../electron/main/strings/main-i18n';
import type { ConfirmQuestion } from '../../../../../electron/main/window/native-confirm';

let userData: string;
const asked: ConfirmQuestion[] = [];

async function dutchConfig(answer = false): Promise<AppConfigStore> {
  const config = await AppConfigStore.open({
    argv: [],
    env: {},
    administratorFile: join(userData, 'no-admin.json'),
    userDataDir: userData,
    systemLanguages: ['en-US'],
    confirm: async (question) => {
      asked.push(question);
      return answer;
    },
  });
  followConfiguredLanguage(config);
  expect(mainLanguage()).toBe('en');
  expect(await config.update({ language: 'nl' })).toMatchObject({ ok: true });
  expect(mainLanguage()).toBe('nl');
  return config;
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'switchboard-nl-'));
  asked.length = 0;
});
afterEach(() => {
  setMainLanguage('en');
  rmSync(userData, { recursive: true, force: true });
});

describe('native questions in Dutch', () => {
  test('changing the backend asks in Dutch, and the refusal says so in Dutch', async () => {
    const config = await dutchConfig(false);
    expect(await config.update({ backendUrl: 'https://calls.example.com' })).toMatchObject({ ok: true });
    const refused = await config.update({ backendUrl: 'https://other.example.org' });
    expect(asked).toEqual([
      {
        message: 'Backend wijzigen?',
        detail:
          'Aanmelden en bellen gaan dan via other.example.org in plaats van calls.example.com; een sessie met de huidige backend wordt beëindigd.\n\nVan: https://calls.example.com\nNaar: https://other.example.org',
        buttons: ['Huidige backend houden', 'Backend wijzigen'],
      },
    ]);
    expect(refused).toEqual({
      ok: false,
      code: 'not-confirmed',
      message: 'De backend is niet gewijzigd: Switchboard gebruikt nog steeds https://calls.example.com.',
    });
  });

  test('taking over tel: and callto: links, and sharing a window', async () => {
    await dutchConfig();
    await confirmNewLinkSchemes({ tel: false, callto: false }, { tel: true, callto: true }, async (question) => {
      asked.push(question);
      return false;
    });
    expect(asked[0]).toMatchObject({
      message: 'Links (tel: en callto:) openen met Switchboard?',
      buttons: ['Niet nu', 'Links (tel: en callto:) openen'],
    });
    expect(screenShareQuestion({ kind: 'window', name: 'Budget 2027.xlsx' })).toEqual({
      message: 'Het venster “Budget 2027.xlsx” delen?',
      detail: 'Iedereen in het gesprek ziet dit venster totdat je stopt met delen.',
      buttons: ['Niet delen', 'Delen'],
    });
  });

  test('a settings refusal main words itself', async () => {
    const config = await dutchConfig();
    expect(await config.update({ alternateCallerId: '12345' })).toMatchObject({
      code: 'invalid',
      message: 'De beller-ID moet een telefoonnummer in internationale notatie zijn, zoals +14255550123.',
    });
    // The renderer checks the address first with the same rule; main's own refusal is Dutch too.
    expect(await config.update({ backendUrl: 'ftp://calls.example.com' })).toEqual({
      ok: false,
      code: 'invalid',
      message: 'Het backendadres moet met https:// beginnen (niet met ftp://).',
    });
  });
});

test('an incoming call rings in Dutch, Accept and Decline included (and escaped for Linux markup)', async () => {
  await dutchConfig();
  const idle: DesktopCallState = { agent: 'connected', callActive: false, callTitle: null, incoming: [] };
  const plan = planIncomingCallAlert({
    previous: idle,
    current: {
      ...idle,
      incoming: [
        { id: 'c1', callerDisplayName: 'Ada <b>' },
        { id: 'c2', callerDisplayName: '' },
      ],
    },
    windowFocused: false,
    notificationsSupported: true,
    notificationActions: true,
    bodyIsMarkup: true,
  });
  expect(plan.notify).toEqual([
    {
      id: 'c1',
      title: 'Inkomend gesprek',
      body: 'Ada &lt;b&gt; belt je',
      actions: [
        { answer: 'accept', label: 'Opnemen' },
        { answer: 'decline', label: 'Weigeren' },
      ],
    },
    expect.objectContaining({ id: 'c2', body: 'Iemand belt je' }),
  ]);
});

describe('sign-in errors in Dutch', () => {
  let server: Server;
  let origin: string;
  beforeEach(async () => {
    // A backend that refuses every sign-in the way the reference backend does (403 + error body).
    server = createServer((_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'account_not_allowed', message: 'account disabled' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('the backend refusing the sign-in, over real HTTP', async () => {
    await dutchConfig();
    const backend = parseBackendUrl(origin);
    if (!backend.ok) throw new Error(backend.problem.code);
    await expect(new BackendClient(backend).createSession('Ada')).rejects.toMatchObject({
      code: 'sign-in-rejected',
      message: `De backend op ${origin} heeft het aanmelden geweigerd: account disabled`,
    });
  });

  test('the organisation’s sign-in service out of reach, declined, or off by the clock', async () => {
    await dutchConfig();
    expect(asSignInError(new TypeError('fetch failed'), 'login.example.com')).toEqual(
      new OidcSignInError(
        'idp-unreachable',
        'Switchboard kan de aanmeldservice van je organisatie (login.example.com) niet bereiken. Controleer je verbinding en probeer het opnieuw.',
      ),
    );
    expect(asSignInError({ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' }, 'login.example.com').message).toMatch(
      /^De aanmelding bij je organisatie lijkt verlopen of nog niet geldig/,
    );
  });

  test('English again once the override is removed and the OS speaks English', async () => {
    const config = await dutchConfig();
    await config.update({ language: null });
    expect(asSignInError(new TypeError('fetch failed'), 'login.example.com').message).toBe(
      'Switchboard cannot reach your organisation’s sign-in service (login.example.com). Check your connection and try again.',
    );
  });
});

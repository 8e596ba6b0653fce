import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppSession } from '../../../electron/main/app-session/app-session';
import { AppConfigStore } from '../../../electron/main/config/app-config';
import { FallbackSecretStore } from '../../../electron/main/secrets/fallback-secret-store';
import { KeytarSecretStore } from '../../../electron/main/secrets/keytar-secret-store';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

const run = promisify(execFile);
// Real keytar against the isolated gnome-keyring of scripts/with-test-keyring.sh (npm test runs
// every project inside it). A service name of our own keeps other entries out of reach.
const service = `switchboard-test-${randomUUID()}`;
const inTestKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
let backend: TestBackend;
let userDataDir: string;

beforeAll(async () => {
  backend = await startTestBackend();
  userDataDir = await mkdtemp(join(tmpdir(), 'switchboard-keychain-'));
});
afterAll(async () => {
  await backend?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  if (inTestKeyring && backend) await keytar.deletePassword(service, new URL(backend.url).origin);
});

/** What main.ts builds at every launch. */
async function launch(): Promise<AppSession> {
  const config = await AppConfigStore.open({
    argv: [`--backend-url=${backend.url}`],
    env: {},
    administratorFile: '/nonexistent',
    userDataDir,
  });
  const store = new FallbackSecretStore(new KeytarSecretStore(keytar, service));
  const app = new AppSession({ config, store });
  await app.start();
  return app;
}

describe.skipIf(!inTestKeyring)(
  'with the real Secret Service (skipped unless run inside scripts/with-test-keyring.sh)',
  () => {
    test('sign in, simulated restart: signed in again from the keychain, remembered, with a working token', async () => {
      const first = await launch();
      await expect(first.signIn('Grace Hopper')).resolves.toMatchObject({ status: 'signed-in', remembered: true });
      const raw = await keytar.getPassword(service, new URL(backend.url).origin);
      expect(JSON.parse(raw ?? '{}')).toMatchObject({ backendUrl: backend.url, displayName: 'Grace Hopper' });

      const second = await launch();
      expect(second.state).toMatchObject({
        status: 'signed-in',
        remembered: true,
        user: { displayName: 'Grace Hopper' },
      });
      await expect(second.getToken()).resolves.toMatchObject({ token: expect.any(String) });

      await second.signOut();
      await expect(keytar.getPassword(service, new URL(backend.url).origin)).resolves.toBeNull();
      const third = await launch();
      expect(third.state).toMatchObject({ status: 'signed-out' });
    });

    test.each([
      ['not JSON', 'definitely { not json'],
      ['foreign JSON', JSON.stringify({ user: 'someone', password: 'x' })],
      [
        'an entry naming another backend',
        JSON.stringify({
          kind: 'switchboard-refresh-state/1',
          backendUrl: 'https://other.example.com',
          communicationUserId: '8:acs:x',
          displayName: 'x',
          refreshToken: 'x',
        }),
      ],
    ])('a corrupt or foreign entry (%s) is discarded: signed out, entry deleted, no crash', async (_label, value) => {
      const origin = new URL(backend.url).origin;
      await keytar.setPassword(service, origin, value);
      const app = await launch();
      expect(app.state).toMatchObject({ status: 'signed-out' });
      await expect(keytar.getPassword(service, origin)).resolves.toBeNull();
    });
  },
);

// These are the failure modes of libsecret's D-Bus path; macOS and Windows keychains have none of them.
const LINUX_ONLY = process.platform === 'linux' ? '' : ' (skipped: D-Bus Secret Service failures exist only on Linux)';

describe('without a usable keychain the app carries on in memory, failing fast', () => {
  const probe = resolve(import.meta.dirname, 'fixtures/probe-keychain.ts');
  const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
  let busConfig: string;

  beforeAll(async () => {
    // A session bus with no service directories: nothing can be activated, so no Secret Service.
    busConfig = join(userDataDir, 'no-services-bus.conf');
    await writeFile(
      busConfig,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${tmpdir()}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
  });

  /** Runs the probe with the given environment changes; DISPLAY unset so that nothing can prompt. */
  async function probeWith(env: Record<string, string | undefined>, prefix: string[] = []) {
    const childEnv: Record<string, string | undefined> = {
      ...process.env,
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
      ...env,
    };
    for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
    const [command, ...args] = [...prefix, tsx, probe];
    const { stdout } = await run(command ?? tsx, args, { env: childEnv as NodeJS.ProcessEnv, timeout: 30_000 });
    return JSON.parse(stdout) as { persistent: boolean; reason: string | null; keptInMemory: boolean };
  }

  test.skipIf(process.platform !== 'linux')(`no session bus at all${LINUX_ONLY}`, async () => {
    const result = await probeWith({ DBUS_SESSION_BUS_ADDRESS: undefined });
    expect(result).toMatchObject({ persistent: false, keptInMemory: true });
    // libsecret's own error, i.e. it failed at once rather than running into our timeout.
    expect(result.reason).toMatch(/Cannot autolaunch D-Bus/);
  });

  test.skipIf(process.platform !== 'linux')(`a bus address that leads nowhere${LINUX_ONLY}`, async () => {
    const result = await probeWith({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(userDataDir, 'no-such-bus')}` });
    expect(result).toMatchObject({ persistent: false, keptInMemory: true });
    expect(result.reason).toMatch(/Could not connect/);
  });

  test.skipIf(process.platform !== 'linux')(`a bus without a Secret Service${LINUX_ONLY}`, async () => {
    const result = await probeWith({}, ['dbus-run-session', `--config-file=${busConfig}`, '--']);
    expect(result).toMatchObject({ persistent: false, keptInMemory: true });
    expect(result.reason).toMatch(/org\.freedesktop\.secrets was not provided/);
  });
});

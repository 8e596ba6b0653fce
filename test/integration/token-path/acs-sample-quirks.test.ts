/**
 * What a check against Microsoft's real sample servers found, reproduced with stand-ins that
 * behave like them:
 * - the hero sample's server exits when ACS refuses or fails (no error handling in its token
 *   handlers): the connection drops and the server is gone. The app says so, keeps the session the
 *   first time, and after the server vanished twice in a row right after renewing this identity
 *   (across launches: each launch's renewal crashed it again) stops renewing and says why;
 * - the web-calling tutorial's webpack-dev-server answers 204 to every OPTIONS: the probe (a CORS
 *   preflight whose requested header only `cors()` reflects) does not take it for a sample;
 * - the hero's sign-in issues `voip` tokens and its renewal `chat,voip`: the app takes either.
 */
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { createSessionIpcHandlers } from '../../../electron/main/app-session/session-ipc';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import { type AcsSampleTokenServer, startAcsSampleTokenServer } from '../../stand-ins/acs-sample-token-server';
import { startWebCallingTutorialServer, type TutorialServer } from '../../stand-ins/web-calling-tutorial-server';
import { createTestAppSession } from '../../support/bridge-harness';
import { FAST_CLIENT } from './broker-fixture';

let acs: AcsIdentityStandIn;
let sample: AcsSampleTokenServer;
let tutorial: TutorialServer;
beforeAll(async () => {
  acs = await startAcsIdentityStandIn();
  [sample, tutorial] = await Promise.all([startAcsSampleTokenServer(acs), startWebCallingTutorialServer()]);
});
afterAll(async () => {
  await sample?.close();
  await tutorial?.close();
  await acs?.close();
});

const context = { senderId: 1 };
/** The stand-in's tokens live 24 hours; this leaves 5 minutes of the first one (under the margin). */
const NEARLY_A_DAY_MS = (24 * 60 - 5) * 60_000;
const acsCalls = () => acs.requests.length;

test('"Test connection": the hero sample is recognised, the tutorial’s server is not; neither creates an identity', async () => {
  const app = await createTestAppSession({ backendUrl: null, clientOptions: FAST_CLIENT });
  const handlers = createSessionIpcHandlers(app);
  const before = acsCalls();
  await expect(handlers.config.test({ backendUrl: sample.url }, context)).resolves.toMatchObject({
    ok: true,
    protocol: 'acs-sample',
  });
  const tutorialResult = await handlers.config.test({ backendUrl: tutorial.url }, context);
  expect(tutorialResult).toMatchObject({ ok: false, code: 'rejected' });
  expect(acsCalls()).toBe(before);
  // The tutorial's server saw the discovery read and one preflight, nothing that could change it.
  expect(tutorial.requests).toEqual(['GET /.well-known/switchboard', 'OPTIONS /token']);
  await app.dispose();
});

test('the hero server exits when ACS refuses a renewal: the app says so and keeps the session; the second time in a row (next launch) it stops renewing and says why', async () => {
  const store = new MemorySecretStore();
  const clock = { offsetMs: 0 };
  const launch = () =>
    createTestAppSession({
      backendUrl: sample.url,
      store,
      clientOptions: FAST_CLIENT,
      brokerOptions: { now: () => Date.now() + clock.offsetMs },
    });
  const first = await launch();
  const signedIn = await first.signIn('Ada');
  if (signedIn.status !== 'signed-in') throw new Error('not signed in');
  const origin = new URL(sample.url).origin;

  // Someone deletes the identity in ACS; the sample's renewal then makes ACS answer 404.
  await new CommunicationIdentityClient(acs.connectionString, {
    tlsOptions: { ca: acs.certificates.caCertPem },
  }).deleteUser({ communicationUserId: signedIn.user.communicationUserId });

  clock.offsetMs = NEARLY_A_DAY_MS;
  await expect(first.getToken()).rejects.toMatchObject({
    code: 'unreachable',
    message: expect.stringMatching(/closed the connection while renewing your token and then stopped answering/),
  });
  expect(sample.down).toBe(true);
  expect(sample.crashes()).toBe(1);
  expect(first.state.status).toBe('signed-in');
  await expect(store.load(origin)).resolves.toMatchObject({ vanishedAfterRenewal: 1 });
  await first.dispose();

  // Whoever runs it starts it again; the next launch restores the session and renews at once.
  await sample.restart();
  const second = await launch();
  await expect(second.getToken()).rejects.toMatchObject({ code: 'session-ended' });
  expect(sample.crashes()).toBe(2);
  expect(second.state).toMatchObject({
    status: 'signed-out',
    reason: 'revoked',
    message: expect.stringMatching(
      /stopped right after renewing this calling identity's token, 2 times in a row.*no longer renews it automatically: sign in again, or ask whoever runs the server/,
    ),
  });
  await expect(store.load(origin)).resolves.toBeNull();
  await second.dispose();

  // Started again, it is left alone: the next launch has nothing to renew that identity with and
  // stays signed out. (Counting the server's renewals here raced a retry the second launch had
  // already scheduled before it ended, which can land on the restarted server.)
  await sample.restart();
  const third = await launch();
  expect(third.state.status).toBe('signed-out');
  await expect(store.load(origin)).resolves.toBeNull();
  await expect(third.getToken()).rejects.toMatchObject({ name: 'SignedOutError' });
  await third.dispose();
});

test('a renewal that works clears the count: one crash is not held against a recovered server', async () => {
  const store = new MemorySecretStore();
  const clock = { offsetMs: 0 };
  const app = await createTestAppSession({
    backendUrl: sample.url,
    store,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  await app.signIn('Grace');
  const origin = new URL(sample.url).origin;
  // ACS answers 503 to the sample's SDK call and its three retries: the sample exits.
  acs.failNext(4, { status: 503, retryAfterSeconds: 0 });
  clock.offsetMs = NEARLY_A_DAY_MS;
  await expect(app.getToken()).rejects.toMatchObject({ code: 'unreachable' });
  await expect(store.load(origin)).resolves.toMatchObject({ vanishedAfterRenewal: 1 });
  expect(sample.down).toBe(true);
  await sample.restart();
  const token = await app.getToken();
  expect(await acs.checkUserToken(token.token)).toMatchObject({ valid: true });
  const stored = await store.load(origin);
  expect(stored).not.toBeNull();
  expect(stored).not.toHaveProperty('vanishedAfterRenewal');
  await app.dispose();
});

test('sign-in tokens carry voip, renewed ones chat,voip (the hero’s routes differ): the app takes either', async () => {
  const clock = { offsetMs: 0 };
  const app = await createTestAppSession({
    backendUrl: sample.url,
    clientOptions: FAST_CLIENT,
    brokerOptions: { now: () => Date.now() + clock.offsetMs },
  });
  await app.signIn('Scopes');
  const first = await app.getToken();
  expect(await acs.checkUserToken(first.token)).toMatchObject({ valid: true, scopes: ['voip'] });
  clock.offsetMs = NEARLY_A_DAY_MS;
  const renewed = await app.getToken();
  expect(renewed.token).not.toBe(first.token);
  expect(await acs.checkUserToken(renewed.token)).toMatchObject({ valid: true, scopes: ['chat', 'voip'] });
  expect(app.state.status).toBe('signed-in');
  await app.dispose();
});

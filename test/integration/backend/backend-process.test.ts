/**
 * `npm run backend` as a real process: managed-identity mode end to end (the real SDK and
 * @azure/identity in the child, trusting the stand-in's CA through NODE_EXTRA_CA_CERTS, its
 * token from the App Service endpoint through IDENTITY_ENDPOINT/IDENTITY_HEADER), graceful
 * SIGTERM, `--help`, and one-line refusals of bad configuration.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { SETTINGS } from '../../../backend/config';
import { backendRoutes, SessionAnswerSchema } from '../../../common/backend-contract';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { listeningUrl, runBackend } from '../../support/backend-process';

describe('managed-identity mode in a real process', () => {
  let standIn: AcsIdentityStandIn;
  let dataDir: string;
  beforeAll(async () => {
    standIn = await startAcsIdentityStandIn();
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-mi-'));
  });
  afterAll(async () => {
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('signs in through DefaultAzureCredential over HTTPS, then drains in-flight requests on SIGTERM', async () => {
    const { child, exited, output } = runBackend({
      ACS_ENDPOINT: standIn.endpoint,
      ...standIn.managedIdentity.environment,
      NODE_EXTRA_CA_CERTS: standIn.certificates.caCertPath,
      HOST: '127.0.0.1',
      PORT: '0',
      SQLITE_PATH: join(dataDir, 'sessions.sqlite'),
    });
    onTestFinished(() => {
      standIn.setLatency(0);
      child.kill('SIGKILL');
    });
    const url = await listeningUrl(child, exited);
    const signIn = () =>
      fetch(`${url}${backendRoutes.sessions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"displayName":"Managed"}',
      });
    const first = await signIn();
    expect(first.status).toBe(201);
    const answer = SessionAnswerSchema.parse(await first.json());
    expect(await standIn.checkUserToken(answer.accessToken.token)).toMatchObject({ valid: true });
    // ACS saw a bearer token (not an HMAC signature), minted by the App Service endpoint.
    expect(standIn.requests.at(-1)).toMatchObject({ operation: 'createUser', auth: 'bearer', status: 201 });
    const bearerTokens = standIn.managedIdentity.issuedTokens();
    expect(bearerTokens.length).toBeGreaterThanOrEqual(1);

    // SIGTERM while a sign-in waits on ACS: it completes, then the process exits cleanly.
    standIn.setLatency(300);
    const arrived = standIn.nextRequest();
    const inFlight = signIn();
    await arrived;
    child.kill('SIGTERM');
    const drained = await inFlight;
    expect(drained.status).toBe(201);
    expect(await exited).toBe(0);

    const { stdout, stderr } = output();
    expect(stdout).toContain('shutting down');
    for (const secret of [...bearerTokens, answer.accessToken.token, answer.session.refreshToken]) {
      expect(stdout + stderr).not.toContain(secret);
    }
  });
});

describe('the development run (npm start)', () => {
  test('without ACS credentials it runs against the stand-in, flags discovery and says calls need ACS', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-dev-'));
    const { child, exited, output } = runBackend(
      { PORT: '0', SQLITE_PATH: join(dataDir, 'dev.sqlite') },
      [],
      'scripts/dev-backend.ts',
    );
    onTestFinished(() => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    const url = await listeningUrl(child, exited);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const discovery = await (await fetch(`${url}${backendRoutes.discovery}`)).json();
    expect(discovery).toMatchObject({ api: 'switchboard/1', development: { offlineAcs: true } });
    const signedIn = await fetch(`${url}${backendRoutes.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"displayName":"Developer"}',
    });
    expect(signedIn.status).toBe(201);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output().stderr).toMatch(/OFFLINE.*calls need a real ACS resource/);
  });
});

describe.concurrent('start-up', () => {
  test('--help lists every setting', async () => {
    const { exited, output } = runBackend({}, ['--help']);
    expect(await exited).toBe(0);
    for (const setting of SETTINGS) expect(output().stdout).toContain(setting.name);
    expect(output().stdout).toContain('npm run backend -- offboard --subject <OIDC sub> [--delete-identity]');
  });

  test('a malformed connection string stops start-up with one line that does not repeat the key', async () => {
    const { exited, output } = runBackend({
      ACS_CONNECTION_STRING: 'endpoint=https://contoso.communication.azure.com/;accesskey=not*base64*SECRET',
    });
    expect(await exited).toBe(2);
    const { stdout, stderr } = output();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('ACS_CONNECTION_STRING');
    expect(stderr).not.toContain('SECRET');
  });
});

// One process at a time (each start-up compiles the backend with tsx, which is slow on a busy machine).
describe('start-up refusals of sign-in settings', () => {
  test('open sign-in on a network address stops start-up with one line that says why', async () => {
    const { exited, output } = runBackend({
      ACS_CONNECTION_STRING: `endpoint=https://contoso.communication.azure.com/;accesskey=${Buffer.alloc(32, 1).toString('base64')}`,
      HOST: '0.0.0.0',
    });
    expect(await exited).toBe(2);
    const { stderr } = output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/SIGN_IN_MODE=open gives ACS tokens to anyone .*ALLOW_OPEN_SIGN_IN_ON_NETWORK=true/);
  });

  test('offboard without --subject says what to do in one line (exit 2)', async () => {
    const { exited, output } = runBackend(
      {
        ACS_CONNECTION_STRING: `endpoint=https://contoso.communication.azure.com/;accesskey=${Buffer.alloc(32, 1).toString('base64')}`,
        SIGN_IN_MODE: 'oidc',
        OIDC_ISSUER: 'https://login.example.com',
        OIDC_AUDIENCE: 'api://x',
        OIDC_CLIENT_ID: 'x',
      },
      ['offboard'],
    );
    expect(await exited).toBe(2);
    expect(output().stderr).toContain('offboard needs --subject <OIDC sub>.');
  });
});

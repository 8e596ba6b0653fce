/**
 * The backend of `npm start` (scripts/dev.mjs runs it with PORT set and waits for the `listening`
 * message this process sends over the IPC channel once it accepts connections).
 *
 * With ACS credentials in the environment (ACS_CONNECTION_STRING or ACS_ENDPOINT) it is the real
 * backend against the real ACS resource. Without, it starts the ACS Identity stand-in beside it
 * and marks the discovery document `development.offlineAcs`, so the app can say plainly that
 * sign-in and tokens work but calls need a real ACS resource. Either way it listens on loopback
 * only and keeps sessions in out/dev-backend/ (so a restart keeps the desktop signed in).
 */
import { join } from 'node:path';
import { createBackend } from '../backend/app';
import { ConfigError, parseConfig } from '../backend/config';
import { serveUntilSignalled } from '../backend/serve';
import { startAcsIdentityStandIn } from '../devtools/acs-stand-in/acs-identity';

const repoRoot = join(import.meta.dirname, '..');
const hasAcsCredentials = Boolean(process.env.ACS_CONNECTION_STRING?.trim() || process.env.ACS_ENDPOINT?.trim());
const standIn = hasAcsCredentials ? null : await startAcsIdentityStandIn();

const environment = {
  SQLITE_PATH: join(repoRoot, 'out', 'dev-backend', standIn ? 'offline-sessions.sqlite' : 'sessions.sqlite'),
  ...process.env,
  HOST: '127.0.0.1',
  ...(standIn ? { ACS_CONNECTION_STRING: standIn.connectionString } : {}),
};

try {
  const config = parseConfig(environment);
  const backend = await createBackend({
    config,
    ...(standIn ? { offlineAcs: true, acsClientOptions: { tlsOptions: { ca: standIn.certificates.caCertPem } } } : {}),
  });
  const url = await serveUntilSignalled(backend, async () => {
    await standIn?.close();
  });
  console.error(
    standIn
      ? `Switchboard development backend on ${url} — OFFLINE: no ACS credentials (ACS_CONNECTION_STRING or ACS_ENDPOINT) in the environment, so ACS is the local stand-in. Sign-in and tokens work; calls need a real ACS resource.`
      : `Switchboard development backend on ${url}, using the ACS resource at ${config.acs.endpoint}.`,
  );
  // The app keys its keychain entry by this origin: always `localhost`, whatever the listener reports.
  process.send?.({ listening: url.replace('127.0.0.1', 'localhost') });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`switchboard development backend: ${error.message}`);
  await standIn?.close();
  process.exit(2);
}

// `npm start`: fetch Electron's binary if it is missing, build, start the reference backend in
// development mode, then the desktop app pointed at it. Without ACS credentials in the environment
// the backend runs against the offline ACS stand-in (scripts/dev-backend.ts says so), so a fresh
// clone works with no Azure account. Ctrl-C or SIGTERM stops both; the backend stops when the app
// exits, and `npm start` exits with the app's code. docs/architecture.md draws the sequence.
import { spawn, spawnSync } from 'node:child_process';
import { ELECTRON_BINARY_MISSING, findElectronBinary, installElectronBinary } from './electron-binary.mjs';
import { chooseBackendPort, PREFERRED_BACKEND_PORT } from './free-port.mjs';

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message, code = 1) {
  console.error(`Switchboard cannot start: ${message}`);
  process.exit(code);
}

/** @type {string} */
let binary = findElectronBinary() ?? '';
if (!binary) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) fail(`${ELECTRON_BINARY_MISSING} Then "npm start" again.`);
  console.error("Switchboard: fetching the Electron binary with Electron's installer (once per install)…");
  const installed = await installElectronBinary();
  if ('reason' in installed) {
    fail(
      `downloading the Electron binary failed (${installed.reason}). Check the network or proxy (ELECTRON_MIRROR for a mirror), then "npm start" again, or run "npx install-electron" where downloads work.`,
    );
  }
  binary = installed.binary;
}

const port = await chooseBackendPort(process.env.SWITCHBOARD_DEV_BACKEND_PORT);
if ('error' in port) fail(port.error);
if (port.fallback) {
  console.error(
    `Switchboard: port ${PREFERRED_BACKEND_PORT} is in use, so the development backend listens on ${port.port}. A session saved for port ${PREFERRED_BACKEND_PORT} is restored when that port is free again.`,
  );
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) fail('the build failed; see its output above.', build.status ?? 1);

// The backend says where it listens over the IPC channel once it does (scripts/dev-backend.ts).
const backend = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-backend.ts'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, PORT: String(port.port) },
});
/** @type {string} */
const backendUrl = await new Promise((listening) => {
  backend.on('message', (/** @type {{ listening?: string }} */ message) => {
    if (message.listening) listening(message.listening);
  });
  backend.once('exit', () => fail('the development backend did not start; see its output above.'));
});
backend.removeAllListeners('exit');

let stopRequested = false;
const app = spawn(binary, ['.', `--backend-url=${backendUrl}`], { stdio: 'inherit' });
app.on('error', (error) => fail(`the app could not be launched: ${error.message}`));

backend.on('exit', (code) => {
  if (stopRequested || app.exitCode !== null) return;
  console.error(`Switchboard: the development backend stopped (code ${code}); closing the app.`);
  app.kill('SIGTERM');
});

const backendStopped = new Promise((done) => {
  if (backend.exitCode !== null || backend.signalCode !== null) done(undefined);
  else backend.once('exit', () => done(undefined));
});

app.on('exit', async (code, signal) => {
  if (backend.exitCode === null && backend.signalCode === null) backend.kill('SIGTERM');
  await backendStopped;
  if (code === 0 || (stopRequested && signal !== null)) process.exit(0);
  console.error(`Switchboard exited with ${code === null ? `signal ${signal}` : `code ${code}`}.`);
  process.exit(code ?? 1);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    stopRequested = true;
    app.kill(signal);
  });
}

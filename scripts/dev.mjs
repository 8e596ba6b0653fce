// `npm start`: build, start the reference backend in development mode, then the desktop app
// pointed at it. Without ACS credentials in the environment the backend runs against the
// offline ACS stand-in (scripts/dev-backend.ts says so), so a fresh clone works with no Azure account.
import { spawn, spawnSync } from 'node:child_process';
import { ELECTRON_BINARY_MISSING, findElectronBinary } from './electron-binary.mjs';

const binary = findElectronBinary();
if (!binary) {
  console.error(`Switchboard cannot start: ${ELECTRON_BINARY_MISSING} Then "npm start" again.`);
  process.exit(1);
}

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);

const backend = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-backend.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(BACKEND_PORT) },
});
const backendUrl = `http://localhost:${BACKEND_PORT}`;
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${backendUrl}/healthz`)).ok) break;
  } catch {}
  if (attempt > 100 || backend.exitCode !== null) {
    console.error('Switchboard: the development backend did not start; see its output above.');
    backend.kill();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}

const app = spawn(binary, ['.', `--backend-url=${backendUrl}`], { stdio: 'inherit' });
app.on('exit', (code) => {
  backend.kill('SIGTERM');
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));

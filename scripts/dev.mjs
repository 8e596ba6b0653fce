// `npm start`: build, start the reference backend in development mode, then the desktop app
// pointed at it. Without ACS credentials in the environment the backend runs against the
// offline ACS stand-in (scripts/dev-backend.ts says so), so a fresh clone works with no Azure account.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const BACKEND_PORT = Number(process.env.SWITCHBOARD_DEV_BACKEND_PORT ?? 8787);

/** Where Electron's binary would be, without `require('electron')` (which tries to download it). */
function electronBinary() {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'Switchboard: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network); run "npm rebuild electron" or "npx install-electron" where downloads work, then "npm start" again.',
  );
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

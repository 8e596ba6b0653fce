/**
 * `npm run backend` (or another backend script) as a real child process, for tests that need
 * process boundaries: signals, a crash mid-request, several instances on one database.
 *
 *   const { child, exited, output } = runBackend({ ACS_CONNECTION_STRING: …, PORT: '0' });
 *   const url = await listeningUrl(child, exited);   // from its "listening" log line
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '../..');

/** The environment without anything Azure-ish from the caller, plus `settings`. */
function backendEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(AZURE_|ACS_|IDENTITY_|MSI_|DATABASE_URL|SQLITE_PATH)/.test(name),
    ),
  );
  return { ...base, ...settings };
}

export function runBackend(settings: Record<string, string>, args: string[] = [], script = 'backend/main.ts') {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: backendEnvironment(settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Resolves with the URL from the backend's "listening" log line, or rejects when it exits first. */
export function listeningUrl(child: ChildProcess, exited: Promise<number | null>): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url) resolve(entry.url);
        } catch {
          // a partial line: wait for the rest
        }
      }
    });
    exited.then((code) => reject(new Error(`backend exited with ${code} before listening`)));
  });
}

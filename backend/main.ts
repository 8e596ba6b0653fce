/**
 * `npm run backend`: reads the settings from the environment (`--help` lists them), refuses a
 * bad configuration with one line, serves until SIGTERM/SIGINT, then lets in-flight requests
 * finish before it exits.
 */
import { createBackend } from './app';
import { ConfigError, parseConfig, settingsHelp } from './config';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(settingsHelp());
  process.exit(0);
}

let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`switchboard backend: ${error.message}`);
  process.exit(2);
}

const backend = await createBackend({ config });
await backend.listen();

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    backend.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    backend.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

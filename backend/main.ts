/**
 * `npm run backend`: reads the settings from the environment (`--help` lists them), refuses a
 * bad configuration with one line, serves until SIGTERM/SIGINT, then lets in-flight requests
 * finish before it exits.
 */
import { createBackend } from './app';
import { ConfigError, parseConfig, settingsHelp } from './config';
import { serveUntilSignalled } from './serve';

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

await serveUntilSignalled(await createBackend({ config }));

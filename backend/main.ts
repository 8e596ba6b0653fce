/**
 * `npm run backend`: reads the settings from the environment (`--help` lists them), refuses a
 * bad configuration or a database newer than the code with one line, serves until SIGTERM or
 * SIGINT, then lets in-flight requests finish before it exits.
 */
import { createBackend } from './app';
import { ConfigError, parseConfig, settingsHelp } from './config';
import { SchemaTooNewError } from './database/migrations';
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

let backend: Awaited<ReturnType<typeof createBackend>>;
try {
  backend = await createBackend({ config });
} catch (error) {
  // Rolling back the code under a migrated database: say so in one line, start nothing.
  if (!(error instanceof SchemaTooNewError)) throw error;
  console.error(`switchboard backend: ${error.message}`);
  process.exit(2);
}

await serveUntilSignalled(backend);

/**
 * `npm run backend`: reads the settings from the environment (`--help` lists them), refuses a
 * bad configuration or a database newer than the code with one line, serves until SIGTERM or
 * SIGINT, then lets in-flight requests finish before it exits. `npm run backend -- offboard
 * --subject <sub>` offboards a person.
 */
import { createBackend } from './app';
import { ConfigError, parseConfig, settingsHelp } from './config';
import { SchemaTooNewError } from './database/migrations';
import { OFFBOARD_USAGE, runOffboardCommand, UsageError } from './identities/offboard-command';
import { serveUntilSignalled } from './serve';

const [command, ...commandArgs] = process.argv.slice(2);

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`${settingsHelp()}\n\n${OFFBOARD_USAGE}`);
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

if (command === 'offboard') {
  try {
    console.log(await runOffboardCommand(config, commandArgs));
    process.exit(0);
  } catch (error) {
    console.error(
      `switchboard backend: ${error instanceof UsageError ? error.message : `offboarding failed: ${(error as Error).name}: ${(error as Error).message}`}`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  }
} else if (command !== undefined && !command.startsWith('-')) {
  console.error(`switchboard backend: unknown command "${command}".\n${OFFBOARD_USAGE}`);
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

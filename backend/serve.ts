/**
 * Runs a created backend until SIGTERM or SIGINT, then shuts down gracefully: in-flight requests
 * finish, the store closes, the process exits 0. Shared by `npm run backend` and the development
 * run (scripts/dev-backend.ts).
 */
import type { Backend } from './app';

export async function serveUntilSignalled(backend: Backend, afterClose: () => Promise<void> = async () => {}) {
  const url = await backend.listen();
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      backend.logger.info({ signal }, 'shutting down: finishing in-flight requests');
      backend
        .close()
        .then(afterClose)
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
  }
  return url;
}

import { BackendClient, type BackendClientOptions } from '../../../electron/main/backend-client/backend-client';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import { TokenBroker } from '../../../electron/main/token/token-broker';
import { backendUrl as parsedBackendUrl } from '../../support/backend-url';

/** Timeouts small enough for tests, retries fast; the shape of production's. */
export const FAST_CLIENT: BackendClientOptions = {
  connectTimeoutMs: 400,
  overallTimeoutMs: 2500,
  retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
};

/** A broker over a real BackendClient, with a clock the test can move forward. */
export function brokerFor(backendUrl: string, clientOptions: BackendClientOptions = FAST_CLIENT) {
  const clock = { offsetMs: 0 };
  const client = new BackendClient(parsedBackendUrl(backendUrl), clientOptions);
  const store = new MemorySecretStore();
  const sessionEvents: string[] = [];
  const broker = new TokenBroker({
    backend: client,
    store,
    now: () => Date.now() + clock.offsetMs,
    signOutTimeoutMs: 1000,
  });
  broker.onChange((state) =>
    sessionEvents.push(state.status === 'signed-out' ? `signed-out:${state.reason ?? ''}` : state.status),
  );
  return {
    client,
    store,
    broker,
    sessionEvents,
    /** Moves the broker's clock so that the cached token (60-minute lifetime) needs renewing
     * (5 of its 60 minutes left, under the 11-minute margin; a new token is still in the future). */
    expireCache: () => {
      clock.offsetMs += 55 * 60_000;
    },
    storedRefreshToken: async () => (await store.load(client.origin))?.refreshToken ?? null,
  };
}

import { afterAll, beforeAll, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { BackendClient } from '../../../electron/main/backend-client/backend-client';
import { MemorySecretStore } from '../../../electron/main/secrets/memory-secret-store';
import type { RefreshState } from '../../../electron/main/secrets/secret-store';
import { TokenBroker } from '../../../electron/main/token/token-broker';
import { backendUrl } from '../../support/backend-url';
import { type MisbehavingBackend, startMisbehavingBackend } from '../../support/misbehaving-backend';
import { FAST_CLIENT } from './broker-fixture';

let backend: MisbehavingBackend;
beforeAll(async () => {
  backend = await startMisbehavingBackend();
});
afterAll(async () => {
  await backend?.stop();
});

/** A store that records the order of writes, and can hold a write until the test releases it. */
class RecordingStore extends MemorySecretStore {
  readonly events: string[] = [];
  hold: Promise<void> | null = null;
  override async save(origin: string, state: RefreshState): Promise<void> {
    await this.hold;
    await super.save(origin, state);
    this.events.push(`saved ${state.refreshToken?.slice(0, 6)}`);
  }
  override async clear(origin: string): Promise<void> {
    await super.clear(origin);
    this.events.push('cleared');
  }
}

function setup() {
  const clock = { offsetMs: 0 };
  const store = new RecordingStore();
  const client = new BackendClient(backendUrl(backend.url), FAST_CLIENT);
  const broker = new TokenBroker({ backend: client, store, now: () => Date.now() + clock.offsetMs });
  return { store, client, broker, stale: () => (clock.offsetMs += 55 * 60_000) };
}

test('the rotated refresh token is stored before the new ACS token is handed out', async () => {
  const { store, client, broker, stale } = setup();
  await broker.signIn('Order');
  stale();
  let release: () => void = () => {};
  store.hold = new Promise((resolve) => {
    release = resolve;
  });
  const token = broker.getToken().then((t) => {
    store.events.push('token handed out');
    return t;
  });
  // The refresh answer has arrived and the write is pending: no token may be out yet.
  await expect.poll(() => backend.requests(backendRoutes.token)).toBe(1);
  expect(store.events.at(-1)).not.toBe('token handed out');
  release();
  await token;
  const rotated = (await store.load(client.origin))?.refreshToken ?? '';
  expect(store.events.slice(-2)).toEqual([`saved ${rotated.slice(0, 6)}`, 'token handed out']);
  expect(backend.isValidRefreshToken(rotated)).toBe(true);
});

test('signing out while a refresh is in flight: the late answer does not bring the session back', async () => {
  const { store, client, broker, stale } = setup();
  await broker.signIn('Late');
  stale();
  backend.script(backendRoutes.token, { kind: 'status', status: 503 }); // keeps the flight open a moment
  const inFlight = broker.getToken().catch((e: { code?: string }) => e.code);
  await broker.signOut();
  // Whether the retry meets our own guard or the backend's 401 (the DELETE revoked it), the
  // waiter hears "session ended", and the late outcome changes nothing here.
  await expect(inFlight).resolves.toBe('session-ended');
  expect(broker.state).toMatchObject({ status: 'signed-out', reason: 'signed-out' });
  await expect(store.load(client.origin)).resolves.toBeNull();
  expect(store.events.at(-1)).toBe('cleared');
});

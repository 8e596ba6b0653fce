import { afterEach, expect, test, vi } from 'vitest';
import { FallbackSecretStore } from '../../../../../electron/main/secrets/fallback-secret-store';
import { type KeytarLike, KeytarSecretStore } from '../../../../../electron/main/secrets/keytar-secret-store';
import type { RefreshState } from '../../../../../electron/main/secrets/secret-store';

const origin = 'https://calls.example.com';
const state: RefreshState = {
  kind: 'switchboard-refresh-state/1',
  backendUrl: origin,
  communicationUserId: '8:acs:1',
  displayName: 'Ada',
  refreshToken: 'r1',
};

afterEach(() => {
  vi.useRealTimers();
});

/** A keychain whose D-Bus calls never come back (a hung Secret Service). */
const hungKeytar: KeytarLike = {
  getPassword: () => new Promise(() => {}),
  setPassword: () => new Promise(() => {}),
  deletePassword: () => new Promise(() => {}),
};

test('a keychain call that hangs past its deadline switches the run to memory; nothing is lost', async () => {
  vi.useFakeTimers();
  const unavailable = vi.fn();
  const store = new FallbackSecretStore(new KeytarSecretStore(hungKeytar, 'svc'), {
    timeoutMs: 3000,
    onUnavailable: unavailable,
  });
  const saving = store.save(origin, state);
  await vi.advanceTimersByTimeAsync(3000);
  await saving;
  expect(store.persistent).toBe(false);
  expect(store.unavailableReason).toMatch(/did not answer within 3000 ms while writing/);
  expect(unavailable).toHaveBeenCalledTimes(1);
  // Later calls do not wait on the dead keychain again.
  await expect(store.load(origin)).resolves.toEqual(state);
});

test('a keychain that fails mid-run keeps what the run already holds', async () => {
  let broken = false;
  const entries = new Map<string, string>();
  const flaky: KeytarLike = {
    getPassword: async (_s, a) => {
      if (broken) throw new Error('Cannot create an item in a locked collection');
      return entries.get(a) ?? null;
    },
    setPassword: async (_s, a, p) => {
      if (broken) throw new Error('Cannot create an item in a locked collection');
      entries.set(a, p);
    },
    deletePassword: async (_s, a) => entries.delete(a),
  };
  const store = new FallbackSecretStore(new KeytarSecretStore(flaky, 'svc'));
  await store.save(origin, state);
  expect(store.persistent).toBe(true);
  broken = true;
  const rotated = { ...state, refreshToken: 'r2' };
  await store.save(origin, rotated);
  expect(store.persistent).toBe(false);
  expect(store.unavailableReason).toBe('Cannot create an item in a locked collection');
  await expect(store.load(origin)).resolves.toEqual(rotated);
});

test('keytar failing to load at all (native module missing) is "no keychain", not a crash', async () => {
  const store = new FallbackSecretStore(Promise.reject(new Error('Cannot find module keytar.node')));
  await store.save(origin, state);
  await expect(store.load(origin)).resolves.toEqual(state);
  expect(store.persistent).toBe(false);
  expect(store.unavailableReason).toMatch(/Cannot find module/);
});

test('the stored value is the refresh state JSON under (service, backend origin); findCredentials is never used', async () => {
  const calls: string[] = [];
  const keytar = {
    getPassword: async (s: string, a: string) => {
      calls.push(`get ${s} ${a}`);
      return JSON.stringify(state);
    },
    setPassword: async (s: string, a: string, p: string) => {
      calls.push(`set ${s} ${a} ${JSON.parse(p).refreshToken}`);
    },
    deletePassword: async (s: string, a: string) => {
      calls.push(`delete ${s} ${a}`);
      return true;
    },
    findCredentials: () => {
      throw new Error('findCredentials must never be called');
    },
  };
  const store = new KeytarSecretStore(keytar, 'com.switchboard.desktop');
  await store.save(origin, state);
  await expect(store.load(origin)).resolves.toEqual(state);
  await store.clear(origin);
  expect(calls).toEqual([
    `set com.switchboard.desktop ${origin} r1`,
    `get com.switchboard.desktop ${origin}`,
    `delete com.switchboard.desktop ${origin}`,
  ]);
});

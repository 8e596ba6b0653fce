/**
 * The directory over a real TokenBroker whose backend is an in-process double of the v1 routes:
 * where the bearer comes from, how often the session is refreshed for it, the stale-bearer retry,
 * availability and the cache's life. The same modules over real HTTP: test/integration/directory/.
 */
import { describe, expect, test } from 'vitest';
import type { DirectoryPerson, PeoplePage, SessionAnswer, SignInMode } from '../../../../../common/backend-contract';
import type { DirectoryBackend } from '../../../../../electron/main/app-session/app-session';
import { DirectoryAccessRefusedError } from '../../../../../electron/main/backend-client/backend-errors';
import { CompanyDirectory } from '../../../../../electron/main/directory/company-directory';
import { MemorySecretStore } from '../../../../../electron/main/secrets/memory-secret-store';
import { type SessionBackend, TokenBroker } from '../../../../../electron/main/token/token-broker';

const ada: DirectoryPerson = {
  communicationUserId: '8:acs:ada',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** JWT-shaped, as the broker checks `exp` of what it hands out. */
const acsToken = (expiresAtMs: number) =>
  `${base64url({ alg: 'none' })}.${base64url({ exp: Math.floor(expiresAtMs / 1000) })}.x`;

/** Session routes that issue a new directory bearer (`dir-N`) with every answer, or none. */
function sessionBackend(options: { directory: boolean; clock: { now: number } }) {
  let issued = 0;
  const counts = { refresh: 0 };
  const answer = (): SessionAnswer => {
    issued++;
    return {
      user: { communicationUserId: '8:acs:me', displayName: 'Me' },
      accessToken: {
        token: acsToken(options.clock.now + 3_600_000),
        expiresOn: new Date(options.clock.now + 3_600_000).toISOString(),
      },
      session: { refreshToken: `refresh-${issued}`, expiresOn: new Date(options.clock.now + 86_400_000).toISOString() },
      ...(options.directory
        ? { directory: { token: `dir-${issued}`, expiresOn: new Date(options.clock.now + 300_000).toISOString() } }
        : {}),
    };
  };
  const backend: SessionBackend = {
    baseUrl: 'https://backend.example',
    origin: 'https://backend.example',
    createSession: async () => answer(),
    refresh: async () => {
      counts.refresh++;
      await Promise.resolve();
      return answer();
    },
    deleteSession: async () => {},
  };
  return { backend, counts };
}

/** The people routes: accepts only `accepted()` bearers; records every bearer presented. */
function peopleRoutes(accepted: (bearer: string) => boolean) {
  const presented: string[] = [];
  const refuse = (bearer: string) => {
    presented.push(bearer);
    if (!accepted(bearer)) throw new DirectoryAccessRefusedError('refused');
  };
  const client: DirectoryBackend['client'] = {
    searchPeople: async (bearer, query): Promise<PeoplePage> => {
      refuse(bearer);
      return { people: ada.displayName.startsWith(query.query) ? [ada] : [], nextCursor: null };
    },
    findPerson: async (bearer, id) => {
      refuse(bearer);
      return id === ada.communicationUserId ? ada : null;
    },
  };
  return { client, presented };
}

function setUp(
  options: { directory?: boolean; signInModes?: SignInMode[]; accepted?: (bearer: string) => boolean } = {},
) {
  const clock = { now: Date.parse('2026-12-03T12:00:00Z') };
  const session = sessionBackend({ directory: options.directory ?? true, clock });
  const store = new MemorySecretStore();
  const people = peopleRoutes(options.accepted ?? (() => true));
  /** What main.ts builds at each launch: a broker over the store, and the directory over it. */
  const launch = () => {
    const broker = new TokenBroker({ backend: session.backend, store, now: () => clock.now });
    const directoryBackend: DirectoryBackend = {
      client: people.client,
      broker,
      signInModes: options.signInModes ?? ['oidc'],
    };
    const directory = new CompanyDirectory({
      get state() {
        return broker.state;
      },
      onChange: (listener) => broker.onChange(listener),
      directoryBackend,
    });
    return { broker, directory };
  };
  return { clock, launch, ...launch(), counts: session.counts, presented: people.presented };
}

describe('the directory bearer', () => {
  test('comes with the sign-in answer: searching needs no refresh', async () => {
    const { broker, directory, counts, presented } = setUp();
    await broker.signIn('', 'idp-token');
    await expect(directory.search({ query: 'Ada' })).resolves.toEqual({ people: [ada], nextCursor: null });
    expect(counts.refresh).toBe(0);
    expect(presented).toEqual(['dir-1']);
  });

  test('close to expiry, many concurrent searches ride one shared refresh', async () => {
    const { clock, broker, directory, counts, presented } = setUp();
    await broker.signIn('', 'idp-token');
    clock.now += 290_000; // 10 s of its 5 minutes left: under the margin
    await Promise.all(Array.from({ length: 20 }, () => directory.search({ query: 'Ada' })));
    expect(counts.refresh).toBe(1);
    expect(new Set(presented)).toEqual(new Set(['dir-2']));
  });

  test('a 401 on a live session means stale: one refresh, one retry, with the new bearer', async () => {
    const { broker, directory, counts, presented } = setUp({ accepted: (bearer) => bearer !== 'dir-1' });
    await broker.signIn('', 'idp-token');
    await expect(directory.resolve(ada.communicationUserId)).resolves.toEqual(ada);
    expect(counts.refresh).toBe(1);
    expect(presented).toEqual(['dir-1', 'dir-2']);
  });

  test('refused again after the refresh: the error says what to do, and nothing loops', async () => {
    const { broker, directory, counts, presented } = setUp({ accepted: () => false });
    await broker.signIn('', 'idp-token');
    await expect(directory.search({ query: 'Ada' })).rejects.toBeInstanceOf(DirectoryAccessRefusedError);
    expect(counts.refresh).toBe(1);
    expect(presented).toHaveLength(2);
  });

  test('an open session has no bearer: the search says so without asking the backend', async () => {
    const { broker, directory, presented } = setUp({ directory: false, signInModes: ['open'] });
    await broker.signIn('Me');
    await expect(directory.search({ query: 'Ada' })).rejects.toMatchObject({ code: 'rejected' });
    expect(presented).toEqual([]);
  });
});

describe('availability', () => {
  test('signed out, then available after an organisation sign-in, then signed out again', async () => {
    const { broker, directory } = setUp();
    await expect(directory.availability()).resolves.toEqual({ available: false, reason: 'signed-out' });
    await broker.signIn('', 'idp-token');
    await expect(directory.availability()).resolves.toEqual({ available: true });
    await broker.signOut();
    await expect(directory.availability()).resolves.toEqual({ available: false, reason: 'signed-out' });
  });

  test('an open backend: open-sign-in; an organisation backend without the directory: not-offered', async () => {
    const open = setUp({ directory: false, signInModes: ['open'] });
    await open.broker.signIn('Me');
    await expect(open.directory.availability()).resolves.toEqual({ available: false, reason: 'open-sign-in' });
    const older = setUp({ directory: false });
    await older.broker.signIn('', 'idp-token');
    await expect(older.directory.availability()).resolves.toEqual({ available: false, reason: 'not-offered' });
  });

  test('after a restore, before any answer, availability rides the first refresh', async () => {
    const { broker, launch, counts } = setUp();
    await broker.signIn('', 'idp-token');
    const next = launch();
    await next.broker.restore(); // signed in from the store; the first refresh starts now
    expect(next.broker.directoryOffered).toBeNull();
    await expect(next.directory.availability()).resolves.toEqual({ available: true });
    expect(next.broker.directoryOffered).toBe(true);
    expect(counts.refresh).toBe(1);
  });
});

describe('the resolve cache', () => {
  test('repeats are answered from memory; signing out empties it', async () => {
    const { broker, directory, presented } = setUp();
    await broker.signIn('', 'idp-token');
    for (let i = 0; i < 5; i++) {
      await directory.resolve(ada.communicationUserId);
      await directory.resolve('8:acs:guest');
    }
    expect(presented).toHaveLength(2);
    expect(directory.cachedPeople).toBe(2);
    await broker.signOut();
    expect(directory.cachedPeople).toBe(0);
    await expect(directory.resolve(ada.communicationUserId)).rejects.toMatchObject({ code: 'session-ended' });
  });
});

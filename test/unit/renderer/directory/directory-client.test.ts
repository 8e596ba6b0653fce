import { describe, expect, test } from 'vitest';
import type { DirectoryAvailability, SessionState } from '../../../../common/ipc';
import { createDirectoryClient, type DirectoryClient } from '../../../../renderer/directory/directory-client';
import { createFakeDirectory } from '../../../dom/renderer/app/fake-bridge';
import { ADELE, DIRECTORY_PEOPLE } from '../../../dom/renderer/screens/support/directory-people';

function setup(availability: DirectoryAvailability = { available: true }) {
  const directory = createFakeDirectory(DIRECTORY_PEOPLE, availability);
  const listeners = new Set<(session: SessionState) => void>();
  const session = {
    onChange: (listener: (session: SessionState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as Parameters<typeof createDirectoryClient>[0]['session'];
  const client = createDirectoryClient({ directory: directory.api, session });
  const emitSession = (next: SessionState) => {
    for (const listener of [...listeners]) listener(next);
  };
  return { client, state: directory.state, emitSession, settled: () => settledOf(client) };
}

/** Main has answered whether there is a directory. */
function settledOf(client: DirectoryClient): Promise<void> {
  return new Promise<void>((resolve) => {
    const state = client.getState();
    if (state.available || state.reason !== 'checking') return resolve();
    const stop = client.subscribe(() => {
      stop();
      resolve();
    });
  });
}

describe('directory client', () => {
  test('asks main whether there is a directory, and again when the session changes', async () => {
    const { client, state, emitSession, settled } = setup({ available: false, reason: 'open-sign-in' });
    expect(client.getState()).toEqual({ available: false, reason: 'checking' });
    await settled();
    expect(client.getState()).toEqual({ available: false, reason: 'open-sign-in' });

    state.availability = { available: true };
    emitSession({ status: 'signed-out', reason: 'signed-out' });
    expect(client.getState()).toEqual({ available: false, reason: 'checking' });
    await settled();
    expect(client.getState()).toEqual({ available: true });
  });

  test('a main without the directory handlers offers none, and says so', async () => {
    const failing = createDirectoryClient({
      directory: {
        availability: async () => {
          throw new Error("No handler registered for 'switchboard:directory:availability'");
        },
        search: async () => ({ ok: false, code: 'x', message: 'x' }),
        resolve: async () => ({ ok: false, code: 'x', message: 'x' }),
      },
      session: { onChange: () => () => {} } as never,
    });
    await settledOf(failing);
    expect(failing.getState()).toEqual({ available: false, reason: 'not-offered' });
  });

  test('an id is resolved once per session; phone numbers never cost a round trip', async () => {
    const { client, state, emitSession, settled } = setup();
    await settled();
    const [first, second] = await Promise.all([
      client.resolve(ADELE.communicationUserId),
      client.resolve(ADELE.communicationUserId),
    ]);
    expect(first).toEqual(ADELE);
    expect(second).toEqual(ADELE);
    expect(await client.resolve(ADELE.communicationUserId)).toEqual(ADELE);
    expect(await client.resolve('8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_guest')).toBeNull();
    expect(await client.resolve('4:+14255550100')).toBeNull();
    expect(state.resolves).toEqual([ADELE.communicationUserId, '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_guest']);
    expect(client.peek(ADELE.communicationUserId)).toEqual(ADELE);

    // Another session may be another organisation: what was known is forgotten.
    emitSession({ status: 'signed-out', reason: 'signed-out' });
    expect(client.peek(ADELE.communicationUserId)).toBeUndefined();
  });

  test('people found by a search are resolved without asking again; names are cleaned', async () => {
    const { client, state, settled } = setup();
    state.people = [{ ...ADELE, displayName: 'Adele\u202e Vance' }];
    await settled();
    const answer = await client.search('ade');
    expect(answer).toEqual({ ok: true, people: [ADELE], nextCursor: null });
    expect(await client.resolve(ADELE.communicationUserId)).toEqual(ADELE);
    expect(state.resolves).toEqual([]);
  });

  test('a failed search is an answer with a reason, never a throw', async () => {
    const { client, settled } = setup({ available: false, reason: 'not-offered' });
    await settled();
    expect(await client.search('ade')).toEqual({ ok: false, message: 'No directory.' });
  });
});

import { describe, expect, test } from 'vitest';
import type { DirectoryPerson } from '../../../../../common/backend-contract';
import { PersonCache } from '../../../../../electron/main/directory/person-cache';

const ada: DirectoryPerson = {
  communicationUserId: '8:acs:ada',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
};

/** A lookup that counts calls and answers from `people`; `hold()` keeps the next answers until `release()`. */
function make(people: DirectoryPerson[] = [ada]) {
  const fake = {
    calls: [] as string[],
    signals: [] as AbortSignal[],
    fail: false,
    gate: null as Promise<void> | null,
    release: () => {},
    hold() {
      fake.gate = new Promise((resolve) => {
        fake.release = resolve;
      });
    },
    lookUp: async (id: string, signal: AbortSignal) => {
      fake.calls.push(id);
      fake.signals.push(signal);
      if (fake.gate) await fake.gate;
      if (fake.fail) throw new Error('backend down');
      return people.find((person) => person.communicationUserId === id) ?? null;
    },
  };
  return fake;
}

describe('PersonCache', () => {
  test('a person and "nobody" are both answered from memory the second time', async () => {
    const fake = make();
    const cache = new PersonCache({ lookUp: fake.lookUp });
    expect(await cache.resolve('8:acs:ada')).toEqual(ada);
    expect(await cache.resolve('8:acs:guest')).toBeNull();
    expect(await cache.resolve('8:acs:ada')).toEqual(ada);
    expect(await cache.resolve('8:acs:guest')).toBeNull();
    expect(fake.calls).toEqual(['8:acs:ada', '8:acs:guest']);
  });

  test('concurrent asks for one id share one lookup', async () => {
    const fake = make();
    const cache = new PersonCache({ lookUp: fake.lookUp });
    fake.hold();
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.resolve('8:acs:ada')));
    fake.release();
    expect(new Set(await answers)).toEqual(new Set([ada]));
    expect(fake.calls).toEqual(['8:acs:ada']);
  });

  test('answers expire after the time to live', async () => {
    const fake = make();
    let now = 1_000_000;
    const cache = new PersonCache({ lookUp: fake.lookUp, ttlMs: 60_000, now: () => now });
    await cache.resolve('8:acs:ada');
    now += 59_000;
    await cache.resolve('8:acs:ada');
    expect(fake.calls).toHaveLength(1);
    now += 2_000;
    await cache.resolve('8:acs:ada');
    expect(fake.calls).toHaveLength(2);
  });

  test('the cache is bounded: the least recently used id goes first', async () => {
    const fake = make();
    const cache = new PersonCache({ lookUp: fake.lookUp, maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) await cache.resolve(id);
    await cache.resolve('a'); // now the most recent
    await cache.resolve('d'); // evicts b
    expect(cache.size).toBe(3);
    fake.calls.length = 0;
    await cache.resolve('a');
    await cache.resolve('b');
    expect(fake.calls).toEqual(['b']);
  });

  test('a failed lookup is not kept: the next ask tries again', async () => {
    const fake = make();
    const cache = new PersonCache({ lookUp: fake.lookUp });
    fake.fail = true;
    await expect(cache.resolve('8:acs:ada')).rejects.toThrow('backend down');
    fake.fail = false;
    expect(await cache.resolve('8:acs:ada')).toEqual(ada);
    expect(fake.calls).toHaveLength(2);
  });

  test('clear() empties the cache and abandons lookups in flight, whose answers are dropped', async () => {
    const fake = make();
    const cache = new PersonCache({ lookUp: fake.lookUp });
    await cache.resolve('8:acs:guest');
    fake.hold();
    const pending = cache.resolve('8:acs:ada');
    cache.clear();
    expect(fake.signals.at(-1)?.aborted).toBe(true);
    fake.release();
    await expect(pending).rejects.toBeDefined();
    expect(cache.size).toBe(0);
    await cache.resolve('8:acs:guest');
    expect(fake.calls).toEqual(['8:acs:guest', '8:acs:ada', '8:acs:guest']);
  });
});

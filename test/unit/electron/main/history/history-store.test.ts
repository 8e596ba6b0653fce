import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  CallHistorySchema,
  FAVOURITES_LIMIT,
  historyIpc,
  MAX_PEOPLE_PER_CALL,
  RECENT_CALLS_LIMIT,
  type RecentCallInput,
} from '../../../../../common/ipc/history';
import { createHistoryHandlers } from '../../../../../electron/main/history/history-ipc';
import {
  HISTORY_FILE_MAX_BYTES,
  HISTORY_FILE_NAME,
  type HistoryFs,
  HistoryStore,
} from '../../../../../electron/main/history/history-store';
import { writeFileAtomic } from '../../../../../electron/main/storage/atomic-write';

let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'switchboard-history-'));
  filePath = join(dir, HISTORY_FILE_NAME);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const call = (n: number, overrides: Partial<RecentCallInput> = {}): RecentCallInput => ({
  target: { kind: 'phone', e164: '+14255550100' },
  title: `call ${n}`,
  direction: 'outgoing',
  video: false,
  startedAt: 1_700_000_000_000 + n,
  durationSeconds: n,
  outcome: 'completed',
  ...overrides,
});

const GROUP = { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' } as const;

describe('HistoryStore', () => {
  test('starts empty without a file, and what it records survives a restart', async () => {
    const store = await HistoryStore.open({ filePath });
    expect(store.get()).toEqual({ recents: [], favourites: [] });
    await store.recordCall(call(1));
    await store.recordCall(call(2, { direction: 'incoming', outcome: 'missed' }));
    await store.addFavourite({ target: GROUP, label: 'Stand-up' });

    const reopened = await HistoryStore.open({ filePath });
    expect(reopened.get().recents.map((c) => c.title)).toEqual(['call 2', 'call 1']);
    expect(reopened.get().favourites).toMatchObject([{ label: 'Stand-up', target: GROUP }]);
    expect(CallHistorySchema.parse(reopened.get())).toEqual(reopened.get());
  });

  test('keeps the newest recent calls up to the limit', async () => {
    const store = await HistoryStore.open({ filePath });
    for (let n = 0; n < RECENT_CALLS_LIMIT + 5; n++) await store.recordCall(call(n));
    expect(store.get().recents).toHaveLength(RECENT_CALLS_LIMIT);
    expect(store.get().recents[0]?.title).toBe(`call ${RECENT_CALLS_LIMIT + 4}`);
  });

  test('removes one recent call, clears them all, removes a favourite', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.recordCall(call(1));
    const { recents } = await store.recordCall(call(2));
    await store.removeRecent(recents[0]?.id ?? '');
    expect(store.get().recents.map((c) => c.title)).toEqual(['call 1']);
    await store.clearRecents();
    expect(store.get().recents).toEqual([]);
    const { favourites } = await store.addFavourite({ target: GROUP, label: 'Stand-up' });
    await store.removeFavourite(favourites[0]?.id ?? '');
    expect((await HistoryStore.open({ filePath })).get()).toEqual({ recents: [], favourites: [] });
  });

  test('adding a favourite twice renames it instead of duplicating it (GUID case ignored)', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.addFavourite({ target: GROUP, label: 'Stand-up' });
    await store.addFavourite({ target: { kind: 'group', groupId: GROUP.groupId.toUpperCase() }, label: 'Daily' });
    expect(store.get().favourites.map((f) => f.label)).toEqual(['Daily']);
  });

  test('refuses a favourite beyond the limit, keeping the others', async () => {
    const store = await HistoryStore.open({ filePath });
    for (let n = 0; n < FAVOURITES_LIMIT; n++) {
      await store.addFavourite({ target: { kind: 'room', roomId: String(10_000_000 + n) }, label: `room ${n}` });
    }
    await expect(store.addFavourite({ target: GROUP, label: 'one too many' })).rejects.toThrow(/up to 100 favourites/);
    expect(store.get().favourites).toHaveLength(FAVOURITES_LIMIT);
  });

  test('concurrent changes are serialised: none is lost', async () => {
    const store = await HistoryStore.open({ filePath });
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.recordCall(call(n))));
    expect((await HistoryStore.open({ filePath })).get().recents).toHaveLength(20);
  });
});

describe('HistoryStore never loses or corrupts what is on disk', () => {
  test('a write that fails before the rename leaves the previous file and memory intact', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.recordCall(call(1));
    const before = await fs.readFile(filePath, 'utf8');

    let failRename = true;
    const flakyFs: HistoryFs = {
      ...fs,
      rename: async (from, to) => {
        if (failRename) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        return fs.rename(from, to);
      },
    };
    const flaky = await HistoryStore.open({ filePath, fs: flakyFs });
    await expect(flaky.recordCall(call(2))).rejects.toThrow('disk full');
    expect(await fs.readFile(filePath, 'utf8')).toBe(before);
    expect(flaky.get().recents.map((c) => c.title)).toEqual(['call 1']);
    // The temp file was removed, and the next write works.
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    failRename = false;
    await flaky.recordCall(call(3));
    expect((await HistoryStore.open({ filePath })).get().recents.map((c) => c.title)).toEqual(['call 3', 'call 1']);
  });

  test('a write that dies half-way through the temp file leaves the previous file intact', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.recordCall(call(1));
    const before = await fs.readFile(filePath, 'utf8');
    const halfWriteFs: HistoryFs = {
      ...fs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fs.open(path, flags, mode);
        if (!String(path).endsWith('.tmp')) return handle;
        return Object.assign(Object.create(handle), {
          writeFile: async (data: string) => {
            await handle.writeFile(data.slice(0, data.length / 2));
            throw new Error('process crashed mid-write');
          },
          close: () => handle.close(),
        });
      }) as HistoryFs['open'],
    };
    const crashing = await HistoryStore.open({ filePath, fs: halfWriteFs });
    await expect(crashing.recordCall(call(2))).rejects.toThrow('mid-write');
    expect(await fs.readFile(filePath, 'utf8')).toBe(before);
  });

  test('a process killed (SIGKILL) while writing leaves a readable file; the next start cleans up', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/record-calls-forever.ts'), filePath],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Wait until it has completed a few writes, then kill it in the middle of its next ones.
    await new Promise<void>((resolve, reject) => {
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1;
        if (lines >= 25) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const text = await fs.readFile(filePath, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    const store = await HistoryStore.open({ filePath });
    expect(store.get().recents.length).toBeGreaterThanOrEqual(25);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a corrupt file gives an empty list, not a crash, and is kept aside', async () => {
    await fs.writeFile(filePath, '{"version":1,"recents":[{"id":"a", "tit');
    const store = await HistoryStore.open({ filePath, now: () => 42 });
    expect(store.get()).toEqual({ recents: [], favourites: [] });
    expect(await fs.readFile(`${filePath}.unreadable-42`, 'utf8')).toContain('"tit');
    await store.recordCall(call(1));
    expect((await HistoryStore.open({ filePath })).get().recents).toHaveLength(1);
  });

  test('a file from elsewhere (not version 1, not an object, too large) gives an empty list', async () => {
    for (const content of ['[]', 'null', '{"version":2,"recents":[]}', ' '.repeat(HISTORY_FILE_MAX_BYTES + 1)]) {
      await fs.writeFile(filePath, content);
      const store = await HistoryStore.open({ filePath });
      expect(store.get()).toEqual({ recents: [], favourites: [] });
    }
  });

  test('invalid entries are dropped one by one; the valid ones stay', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.recordCall(call(1));
    const file = JSON.parse(await fs.readFile(filePath, 'utf8'));
    file.recents.push({ id: 'broken', title: 42 }, { ...file.recents[0], id: 'bad-target', target: { kind: 'fax' } });
    await fs.writeFile(filePath, JSON.stringify(file));
    expect((await HistoryStore.open({ filePath })).get().recents.map((c) => c.title)).toEqual(['call 1']);
  });

  test('a file written before calls to several people were kept loads, and their entries are added beside', async () => {
    // call-history.json as the release before `others` wrote it: version 1, one target per entry.
    const before = {
      version: 1,
      recents: [{ ...call(1), id: 'old-1' }],
      favourites: [{ id: 'fav-1', target: GROUP, label: 'Stand-up', addedAt: 1_700_000_000_000 }],
    };
    await fs.writeFile(filePath, JSON.stringify(before, null, 2));
    const store = await HistoryStore.open({ filePath });
    expect(store.get()).toEqual({ recents: before.recents, favourites: before.favourites });

    const others = [
      { kind: 'acs-user' as const, communicationUserId: '8:acs:lee' },
      { kind: 'phone' as const, e164: '+14255550123' },
    ];
    await store.recordCall(
      call(2, {
        target: { kind: 'acs-user', communicationUserId: '8:acs:adele' },
        others,
        title: 'Adele, Lee and 1 other',
      }),
    );
    const reopened = (await HistoryStore.open({ filePath })).get();
    expect(reopened.recents.map((c) => [c.title, c.others])).toEqual([
      ['Adele, Lee and 1 other', others],
      ['call 1', undefined],
    ]);
    // A one-person entry is written as before (no `others`), so an older release still reads it.
    const onDisk = JSON.parse(await fs.readFile(filePath, 'utf8'));
    expect(onDisk.recents[1]).not.toHaveProperty('others');
  });

  test('a group entry over the cap or with a place among the people is dropped alone', async () => {
    const store = await HistoryStore.open({ filePath });
    await store.recordCall(call(1));
    const file = JSON.parse(await fs.readFile(filePath, 'utf8'));
    const crowd = Array.from({ length: MAX_PEOPLE_PER_CALL }, (_, i) => ({
      kind: 'acs-user',
      communicationUserId: `8:acs:p${i}`,
    }));
    file.recents.push(
      { ...file.recents[0], id: 'crowd', others: crowd },
      { ...file.recents[0], id: 'place', others: [GROUP] },
      { ...file.recents[0], id: 'meeting-with-people', target: GROUP, others: [crowd[0]] },
    );
    await fs.writeFile(filePath, JSON.stringify(file));
    expect((await HistoryStore.open({ filePath })).get().recents.map((c) => c.id)).toEqual([file.recents[0].id]);
  });

  test('writeFileAtomic replaces the content in one step and leaves no temp file', async () => {
    await writeFileAtomic(filePath, 'one');
    await writeFileAtomic(filePath, 'two');
    expect(await fs.readFile(filePath, 'utf8')).toBe('two');
    expect(await fs.readdir(dir)).toEqual([HISTORY_FILE_NAME]);
  });
});

describe('history IPC', () => {
  test('the handler table answers every invoke descriptor through the store', async () => {
    const store = await HistoryStore.open({ filePath });
    const handlers = createHistoryHandlers(store);
    const context = { senderId: 1 };
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(historyIpc).sort());
    await handlers.recordCall(call(1), context);
    await handlers.addFavourite({ target: GROUP, label: 'Stand-up' }, context);
    expect(await handlers.get(context)).toMatchObject({
      recents: [{ title: 'call 1' }],
      favourites: [{ label: 'Stand-up' }],
    });
  });

  test('payloads are validated and capped by the descriptors', () => {
    const request = historyIpc.recordCall.request;
    expect(request.safeParse(call(1)).success).toBe(true);
    expect(request.safeParse(call(1, { title: 'x'.repeat(257) })).success).toBe(false);
    expect(request.safeParse({ ...call(1), extra: 1 }).success).toBe(false);
    expect(request.safeParse(call(1, { target: { kind: 'phone', e164: '4255550100' } })).success).toBe(false);
    expect(
      historyIpc.addFavourite.request.safeParse({
        target: { kind: 'teams-meeting', meetingLink: 'not a url' },
        label: 'x',
      }).success,
    ).toBe(false);
    expect(historyIpc.addFavourite.request.safeParse({ target: GROUP, label: '   ' }).success).toBe(false);
  });
});

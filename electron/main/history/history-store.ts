/**
 * Recent calls and favourites, kept in one JSON file in userData. Plain Node: the caller passes
 * the path (Electron's `app.getPath('userData')` in production, a temp folder in tests).
 *
 * - Every change is written with `writeFileAtomic`, and the in-memory copy changes only after
 *   the write succeeded, so memory and disk never disagree and a crash never corrupts the file.
 * - Changes are serialised: two quick clicks cannot interleave their writes.
 * - A file that cannot be read as history (corrupt, foreign, too large) is moved aside, never
 *   deleted, and the app starts with an empty list instead of failing.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import {
  type CallHistory,
  type CallTargetRecord,
  FAVOURITES_LIMIT,
  type Favourite,
  type FavouriteInput,
  FavouriteSchema,
  RECENT_CALLS_LIMIT,
  type RecentCall,
  type RecentCallInput,
  RecentCallSchema,
} from '../../../common/ipc/history';
import { type AtomicFs, removeStaleTempFiles, writeFileAtomic } from '../storage/atomic-write';
import { historyWords } from '../strings/session';

export const HISTORY_FILE_NAME = 'call-history.json';
const FILE_VERSION = 1;
/** Far above what the limits allow (≈ 150 entries of ≤ 5 KB): anything bigger is not ours. */
export const HISTORY_FILE_MAX_BYTES = 2 * 1024 * 1024;

export type HistoryFs = AtomicFs & Pick<typeof nodeFs, 'readFile' | 'stat'>;

export interface HistoryStoreOptions {
  filePath: string;
  fs?: HistoryFs;
  now?: () => number;
  newId?: () => string;
  /** Where problems are reported (never with entry contents: numbers and ids are personal data). */
  log?: (message: string) => void;
}

const EMPTY: CallHistory = { recents: [], favourites: [] };

export class HistoryStore {
  private state: CallHistory;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fs: HistoryFs;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly log: (message: string) => void;

  private constructor(
    private readonly filePath: string,
    initial: CallHistory,
    options: HistoryStoreOptions,
  ) {
    this.state = initial;
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.log = options.log ?? (() => {});
  }

  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const fs = options.fs ?? nodeFs;
    const log = options.log ?? (() => {});
    const removed = await removeStaleTempFiles(options.filePath, fs);
    if (removed > 0) log(`call history: removed ${removed} temp file(s) left by an interrupted write`);
    const initial = await readHistoryFile(options.filePath, fs, log, options.now ?? Date.now);
    return new HistoryStore(options.filePath, initial, options);
  }

  get(): CallHistory {
    return this.state;
  }

  recordCall(input: RecentCallInput): Promise<CallHistory> {
    return this.change((current) => ({
      ...current,
      recents: [{ ...input, id: this.newId() }, ...current.recents].slice(0, RECENT_CALLS_LIMIT),
    }));
  }

  removeRecent(id: string): Promise<CallHistory> {
    return this.change((current) => ({ ...current, recents: current.recents.filter((call) => call.id !== id) }));
  }

  clearRecents(): Promise<CallHistory> {
    return this.change((current) => ({ ...current, recents: [] }));
  }

  /** A target already in favourites is renamed (and moved to the top), never added twice. */
  addFavourite(input: FavouriteInput): Promise<CallHistory> {
    return this.change((current) => {
      const existing = current.favourites.find((f) => sameTarget(f.target, input.target));
      const rest = current.favourites.filter((f) => f !== existing);
      if (!existing && rest.length >= FAVOURITES_LIMIT) {
        throw new HistoryLimitError(historyWords.favouritesFull(FAVOURITES_LIMIT));
      }
      const favourite: Favourite = existing
        ? { ...existing, label: input.label }
        : { ...input, id: this.newId(), addedAt: this.now() };
      return { ...current, favourites: [favourite, ...rest] };
    });
  }

  removeFavourite(id: string): Promise<CallHistory> {
    return this.change((current) => ({ ...current, favourites: current.favourites.filter((f) => f.id !== id) }));
  }

  /** Runs changes one at a time; memory follows disk only after a successful write. */
  private change(apply: (current: CallHistory) => CallHistory): Promise<CallHistory> {
    const run = this.queue.then(async () => {
      const next = apply(this.state);
      await writeFileAtomic(this.filePath, serialise(next), this.fs);
      this.state = next;
      return next;
    });
    // A failed change must not block the ones after it.
    this.queue = run.catch(() => {});
    return run;
  }
}

/** Refused on purpose (a limit), as opposed to an I/O failure: the message is for the user. */
export class HistoryLimitError extends Error {
  override readonly name = 'HistoryLimitError';
}

function sameTarget(a: CallTargetRecord, b: CallTargetRecord): boolean {
  return JSON.stringify(normaliseTarget(a)) === JSON.stringify(normaliseTarget(b));
}

function normaliseTarget(target: CallTargetRecord): CallTargetRecord {
  return target.kind === 'group' ? { kind: 'group', groupId: target.groupId.toLowerCase() } : target;
}

function serialise(history: CallHistory): string {
  return `${JSON.stringify({ version: FILE_VERSION, ...history }, null, 2)}\n`;
}

async function readHistoryFile(
  filePath: string,
  fs: HistoryFs,
  log: (message: string) => void,
  now: () => number,
): Promise<CallHistory> {
  let text: string;
  try {
    const { size } = await fs.stat(filePath);
    if (size > HISTORY_FILE_MAX_BYTES) return await setAside(filePath, fs, log, now, `it is ${size} bytes`);
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    log(`call history: cannot read ${filePath} (${(error as NodeJS.ErrnoException).code ?? 'error'}); starting empty`);
    return EMPTY;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return setAside(filePath, fs, log, now, 'it is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== FILE_VERSION) {
    return setAside(filePath, fs, log, now, 'it is not a version 1 history file');
  }
  // Keep every entry that is still valid: one bad entry must not cost the user the others.
  const file = parsed as { recents?: unknown; favourites?: unknown };
  const recents = validEntries(file.recents, (e) => RecentCallSchema.safeParse(e)).slice(0, RECENT_CALLS_LIMIT);
  const favourites = validEntries(file.favourites, (e) => FavouriteSchema.safeParse(e)).slice(0, FAVOURITES_LIMIT);
  return { recents, favourites };
}

function validEntries<T extends RecentCall | Favourite>(
  list: unknown,
  parse: (entry: unknown) => { success: true; data: T } | { success: false },
): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const result = parse(entry);
    return result.success ? [result.data] : [];
  });
}

/** Keeps an unreadable file for whoever wants to look at it, and starts afresh. */
async function setAside(
  filePath: string,
  fs: HistoryFs,
  log: (message: string) => void,
  now: () => number,
  why: string,
): Promise<CallHistory> {
  const aside = `${filePath}.unreadable-${now()}`;
  try {
    await fs.rename(filePath, aside);
    log(`call history: ${why}; moved it to ${aside} and started with an empty list`);
  } catch {
    log(`call history: ${why}; starting with an empty list`);
  }
  return EMPTY;
}

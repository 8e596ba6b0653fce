/**
 * The window's one directory client (renderer/app/services.ts) as context, and the hooks the
 * screens read it through: availability, a person behind an id, and search as you type.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { DirectoryPerson } from '../../common/backend-contract';
import { type DirectoryClient, type DirectoryState, isDirectoryId } from './directory-client';

export const DirectoryContext = createContext<DirectoryClient | null>(null);

export function useDirectory(): DirectoryClient {
  const client = useContext(DirectoryContext);
  if (!client) throw new Error('useDirectory needs <App> above it');
  return client;
}

export function useDirectoryState(): DirectoryState {
  const client = useDirectory();
  return useSyncExternalStore(client.subscribe, client.getState);
}

/**
 * Whose name an id carries: `verified` when the directory knows the person; `unverified` when
 * there is a directory and the id is nobody in it (a guest, a caller from elsewhere: their name is
 * only what they chose); `unknown` while asking, or when there is no directory to ask.
 */
export type NameCheck =
  | { status: 'verified'; person: DirectoryPerson }
  | { status: 'unverified' }
  | { status: 'unknown' };

function checkOf(person: DirectoryPerson | null | undefined): NameCheck {
  if (person === undefined) return { status: 'unknown' };
  return person ? { status: 'verified', person } : { status: 'unverified' };
}

/** The directory's word on `rawId` (null: nobody to ask about). */
export function useNameCheck(rawId: string | null): NameCheck {
  const client = useDirectory();
  const directory = useDirectoryState();
  const [check, setCheck] = useState<NameCheck>(() => (rawId ? checkOf(client.peek(rawId)) : { status: 'unknown' }));
  useEffect(() => {
    // A phone number is nobody the directory could know: neither verified nor unverified.
    if (!rawId || !directory.available || !isDirectoryId(rawId)) {
      setCheck({ status: 'unknown' });
      return;
    }
    const known = client.peek(rawId);
    if (known !== undefined) {
      setCheck(checkOf(known));
      return;
    }
    let current = true;
    void client.resolve(rawId).then((person) => {
      // A failure to ask resolves null too: said as unverified, which is what the user can rely on.
      if (current) setCheck(checkOf(person));
    });
    return () => {
      current = false;
    };
  }, [rawId, directory, client]);
  return check;
}

const NO_PEOPLE: ReadonlyMap<string, DirectoryPerson> = new Map();

/**
 * The people the directory knows among `rawIds` (a call's participants), by id. Ids it does not
 * know are absent: their names stay the ones they chose.
 */
export function useDirectoryPeople(rawIds: readonly string[]): ReadonlyMap<string, DirectoryPerson> {
  const client = useDirectory();
  const directory = useDirectoryState();
  // One key for the set of ids, so a new array with the same people asks nothing again.
  const key = [...new Set(rawIds.filter(isDirectoryId))].sort().join('\n');
  const [found, setFound] = useState<ReadonlyMap<string, DirectoryPerson>>(NO_PEOPLE);
  useEffect(() => {
    const ids = key ? key.split('\n') : [];
    if (!directory.available || ids.length === 0) {
      setFound(NO_PEOPLE);
      return;
    }
    let current = true;
    void Promise.all(ids.map(async (id) => [id, await client.resolve(id)] as const)).then((answers) => {
      if (!current) return;
      const people = new Map<string, DirectoryPerson>();
      for (const [id, person] of answers) if (person) people.set(id, person);
      setFound(people.size > 0 ? people : NO_PEOPLE);
    });
    return () => {
      current = false;
    };
  }, [key, directory, client]);
  return found;
}

/** How long typing must pause before the directory is asked: one search per word, not per key. */
export const SEARCH_PAUSE_MS = 200;

export type PeopleSearch =
  | { status: 'idle' }
  /** `people`: the previous answer, kept on screen while the next one comes (no flicker). */
  | { status: 'searching'; query: string; people: DirectoryPerson[] }
  | { status: 'done'; query: string; people: DirectoryPerson[] }
  | { status: 'failed'; query: string; message: string };

/**
 * Search as you type: asks after a pause in typing, and an answer for anything but the latest
 * query is dropped (answers can arrive out of order). `query` null: nothing to search.
 */
export function usePeopleSearch(query: string | null): PeopleSearch {
  const client = useDirectory();
  const [search, setSearch] = useState<PeopleSearch>({ status: 'idle' });
  useEffect(() => {
    if (query === null) {
      setSearch({ status: 'idle' });
      return;
    }
    setSearch((previous) => ({
      status: 'searching',
      query,
      people: previous.status === 'searching' || previous.status === 'done' ? previous.people : [],
    }));
    let current = true;
    const timer = setTimeout(() => {
      void client.search(query).then((answer) => {
        if (!current) return;
        setSearch(
          answer.ok
            ? { status: 'done', query, people: answer.people }
            : { status: 'failed', query, message: answer.message },
        );
      });
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, client]);
  return search;
}

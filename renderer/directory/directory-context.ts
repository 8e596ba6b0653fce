/**
 * The window's one directory client (renderer/app/services.ts) as context, and the hooks the
 * screens read it through: availability, a person behind an id, and search as you type.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { DirectoryPerson } from '../../common/backend-contract';
import type { DirectoryClient, DirectoryState } from './directory-client';

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
    if (!rawId || !directory.available) {
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
